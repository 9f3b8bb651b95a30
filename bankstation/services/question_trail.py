"""The ledger entries about one question: its own, and those that name it among others.

An import is one entry on its bank (``questions.import``), not one per question; since
2026-12-06 it names the questions it added, gave a new version or changed, as id ranges. An
enemy group is set for several questions at once (``question.enemy_group``, listing them).
"""

from __future__ import annotations

from bankstation.domain.id_ranges import in_ranges
from bankstation.domain.ledger import LedgerEntry
from bankstation.store import ledger_repo, questions_repo
from bankstation.store.vault import Vault

IMPORT = "questions.import"
GROUP = "question.enemy_group"
# The keys of an import entry's "questions", and what the import did to a question named there.
IMPORT_ROLES = (("added", "新增"), ("new_versions", "新版本"), ("edited", "修改"))


def import_entries(vault: Vault, qid: int, bank_id: int) -> list[tuple[LedgerEntry, str]]:
    """The import entries of the question's bank that name it, each with what it did."""
    found = []
    for entry in ledger_repo.subject_entries(vault, f"bank:{bank_id}"):
        named = entry.detail.get("questions") if entry.action == IMPORT else None
        if not isinstance(named, dict):
            continue
        for key, role in IMPORT_ROLES:
            ranges = named.get(key)
            if isinstance(ranges, list) and in_ranges(qid, ranges):
                found.append((entry, role))
                break
    return found


def group_entries(vault: Vault, qid: int) -> list[LedgerEntry]:
    """The enemy-group changes that include the question."""
    found = []
    for entry in ledger_repo.entries(vault, GROUP):
        named = entry.detail.get("questions")
        if entry.action == GROUP and isinstance(named, list) and qid in named:
            found.append(entry)
    return found


def entries(vault: Vault, qid: int) -> list[LedgerEntry]:
    """Every entry about the question, oldest first (its imports and groups among them)."""
    own = [*ledger_repo.subject_entries(vault, f"question:{qid}"), *group_entries(vault, qid)]
    question = questions_repo.get(vault, qid)
    if question is None:
        return sorted(own, key=lambda e: e.seq)
    imported = [entry for entry, _role in import_entries(vault, qid, question.bank_id)]
    return sorted([*own, *imported], key=lambda e: e.seq)
