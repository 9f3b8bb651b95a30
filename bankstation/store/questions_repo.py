"""Questions, their versions, full-text search and images."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from bankstation.domain.markup import flat_markup
from bankstation.domain.qtypes import QType, Status
from bankstation.domain.question_codec import from_dict, to_dict
from bankstation.domain.questions import (
    Question,
    QuestionContent,
    QuestionFilter,
    QuestionRow,
    preview,
)
from bankstation.store import question_search
from bankstation.store.question_search import Words, search_grams
from bankstation.store.vault import Vault

# One encoder for every content written: json.dumps with these options builds a new encoder per
# call, a third of its time on a question (0.24 s of a 100,000-question import).
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def _json(content: QuestionContent) -> str:
    return _ENCODER.encode(to_dict(content))


_INSERT_QUESTION = (
    "INSERT INTO questions(id, bank_id, code, current_version, status, qtype, point, difficulty, "
    "enemy_group, author, updated_at, stem_preview) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)")
_INSERT_VERSION = (
    "INSERT INTO question_versions(question_id, version, status, content, author, created_at) "
    "VALUES (?, 1, ?, ?, ?, ?)")
# One executemany per table per batch: a question then costs four bound rows instead of four
# Python calls into the driver (2.5 s of a 100,000-question import, benchmarks/README.md).
INSERT_BATCH = 1000


def insert_many(vault: Vault, bank_id: int, contents: Sequence[QuestionContent],
                status: Status, author: str, at: str) -> list[int]:
    """Insert new questions at version 1, as ``insert`` does each, in batches; return their ids
    in order. Call it inside a transaction: the ids follow the largest one in the table."""
    first = int(vault.scalar("SELECT coalesce(max(id), 0) FROM questions")) + 1
    for start in range(0, len(contents), INSERT_BATCH):
        batch = contents[start:start + INSERT_BATCH]
        rows_q, rows_v, rows_f, rows_g = [], [], [], []
        for qid, content in enumerate(batch, first + start):
            text = content.search_text()
            rows_q.append((qid, bank_id, content.code, status.value, content.qtype.value,
                           content.point, content.difficulty, content.enemy_group, author, at,
                           preview(content.stem)))
            rows_v.append((qid, status.value, _json(content), author, at))
            rows_f.append((qid, text))
            rows_g.append((qid, search_grams(text)))
        vault.executemany(_INSERT_QUESTION, rows_q)
        vault.executemany(_INSERT_VERSION, rows_v)
        vault.executemany("INSERT INTO question_fts(rowid, body) VALUES (?, ?)", rows_f)
        vault.executemany("INSERT INTO question_grams(rowid, grams) VALUES (?, ?)", rows_g)
    return list(range(first, first + len(contents)))


def insert(vault: Vault, bank_id: int, content: QuestionContent, status: Status, author: str,
           at: str) -> int:
    return insert_many(vault, bank_id, [content], status, author, at)[0]


def add_version(vault: Vault, qid: int, version: int, content: QuestionContent, status: Status,
                author: str, at: str) -> None:
    vault.execute(
        "INSERT INTO question_versions(question_id, version, status, content, author, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)", (qid, version, status.value, _json(content), author, at))
    _refresh_current(vault, qid, version, content, status, at, author)


def replace_version(vault: Vault, qid: int, version: int, content: QuestionContent,
                    status: Status, author: str, at: str) -> None:
    """Edit an unapproved version in place (nothing can point at it yet); whoever wrote this
    text last is its author for the two-person review rule."""
    vault.execute(
        "UPDATE question_versions SET content = ?, status = ?, author = ?, reviewer = NULL, "
        "reviewed_at = NULL, review_note = NULL WHERE question_id = ? AND version = ?",
        (_json(content), status.value, author, qid, version))
    _refresh_current(vault, qid, version, content, status, at, author)


def _refresh_current(vault: Vault, qid: int, version: int, content: QuestionContent,
                     status: Status, at: str, author: str) -> None:
    # questions.author is the current version's author: what the review queue must compare
    vault.execute(
        "UPDATE questions SET current_version = ?, status = ?, qtype = ?, point = ?, "
        "difficulty = ?, enemy_group = ?, code = ?, updated_at = ?, stem_preview = ?, "
        "author = ? WHERE id = ?",
        (version, status.value, content.qtype.value, content.point, content.difficulty,
         content.enemy_group, content.code, at, preview(content.stem), author, qid))
    text = content.search_text()
    vault.execute("UPDATE question_fts SET body = ? WHERE rowid = ?", (text, qid))
    vault.execute("UPDATE question_grams SET grams = ? WHERE rowid = ?", (search_grams(text), qid))


def set_status(vault: Vault, qid: int, version: int, status: Status, reviewer: str | None,
               at: str, note: str | None = None) -> None:
    vault.execute(
        "UPDATE question_versions SET status = ?, reviewer = coalesce(?, reviewer), "
        "reviewed_at = coalesce(?, reviewed_at), review_note = coalesce(?, review_note) "
        "WHERE question_id = ? AND version = ?",
        (status.value, reviewer, at if reviewer else None, note, qid, version))
    vault.execute("UPDATE questions SET status = ?, updated_at = ? WHERE id = ? "
                  "AND current_version = ?", (status.value, at, qid, version))


def set_enemy_group(vault: Vault, qid: int, group: str | None) -> None:
    """Enemy groups are bank bookkeeping, not content: set without a new version."""
    row = vault.query("SELECT current_version FROM questions WHERE id = ?", (qid,))[0]
    content = json.loads(vault.scalar(
        "SELECT content FROM question_versions WHERE question_id = ? AND version = ?",
        (qid, row[0])))
    content["enemy_group"] = group
    vault.execute("UPDATE question_versions SET content = ? WHERE question_id = ? AND version = ?",
                  (_ENCODER.encode(content), qid, row[0]))
    vault.execute("UPDATE questions SET enemy_group = ? WHERE id = ?", (group, qid))


_Q = ("SELECT q.id, q.bank_id, v.version, v.status, v.author, v.created_at, v.content, "
      "v.reviewer, v.reviewed_at, v.review_note, q.used_count FROM questions q "
      "JOIN question_versions v ON v.question_id = q.id")


def _question(row: tuple[Any, ...]) -> Question:
    qid, bank, version, status, author, created, content, reviewer, reviewed, note, used = row
    return Question(qid, bank, version, Status(status), author, created,
                    from_dict(json.loads(content)), reviewer, reviewed, note, used)


def get(vault: Vault, qid: int) -> Question | None:
    rows = vault.query(_Q + " AND v.version = q.current_version WHERE q.id = ?", (qid,))
    return _question(rows[0]) if rows else None


def current_by_status(vault: Vault, bank_id: int, status: Status) -> list[Question]:
    """A bank's questions in one status at their current versions, by id, in one query: 3.7 s
    for 140,000 against 4.1 s one by one; decoding the JSON is most of either
    (benchmarks/question_export.py)."""
    return [_question(r) for r in vault.query(
        _Q + " AND v.version = q.current_version WHERE q.bank_id = ? AND q.status = ? "
        "ORDER BY q.id", (bank_id, status.value))]


def get_version(vault: Vault, qid: int, version: int) -> Question | None:
    rows = vault.query(_Q + " WHERE q.id = ? AND v.version = ?", (qid, version))
    return _question(rows[0]) if rows else None


def versions(vault: Vault, qid: int) -> list[Question]:
    return [_question(r) for r in vault.query(_Q + " WHERE q.id = ? ORDER BY v.version", (qid,))]


def find_by_code(vault: Vault, bank_id: int, code: str) -> int | None:
    value = vault.scalar("SELECT id FROM questions WHERE bank_id = ? AND code = ?",
                         (bank_id, code))
    return None if value is None else int(value)


def codes(vault: Vault, bank_id: int) -> dict[str, int]:
    rows = vault.query("SELECT code, id FROM questions WHERE bank_id = ? AND code IS NOT NULL",
                       (bank_id,))
    return {str(c): int(i) for c, i in rows}


def _where(bank_id: int, f: QuestionFilter, text: bool = True) -> tuple[str, list[Any]]:
    clauses: list[str] = ["q.bank_id = ?"]
    params: list[Any] = [bank_id]
    simple = (("q.qtype = ?", f.qtype.value if f.qtype else None),
              ("q.status = ?", f.status.value if f.status else None),
              ("q.difficulty >= ?", f.min_difficulty), ("q.difficulty <= ?", f.max_difficulty),
              ("q.enemy_group = ?", f.enemy_group))
    for clause, value in simple:
        if value is not None:
            clauses.append(clause)
            params.append(value)
    if f.point:
        clauses.append("(q.point = ? OR q.point GLOB ?)")
        params += [f.point, f.point + "[A-Z0-9]*"]
    if f.used is not None:
        clauses.append("q.used_count > 0" if f.used else "q.used_count = 0")
    if text:
        extra, extra_params = question_search.in_clauses(Words.of(f.text))
        clauses += extra
        params += extra_params
    return " AND ".join(clauses), params


ORDERS = {"id": "q.id", "code": "q.code", "qtype": "q.qtype", "point": "q.point",
          "status": "q.status", "difficulty": "q.difficulty", "updated": "q.updated_at",
          "used": "q.used_count", "author": "q.author"}
# Orders without an index (code, point and difficulty have one; id is the rowid). SQLite sorts
# them in a temp B-tree whose memory cipher_memory_security locks (0.36-0.51 s for 200,000
# questions); reading (key, id) and sorting the tuples here takes 0.10-0.21 s and costs writes
# nothing, where five more indexes would sort in 50 ms but add five inserts to every question
# written (benchmarks/README.md). The columns are NOT NULL, and Python compares str by code
# point, which is the order of SQLite's BINARY collation on UTF-8: ORDER BY key, id exactly
# (DESC: both reversed, so the same list reversed).
_SORTED_HERE = frozenset({"qtype", "status", "author", "updated", "used"})


def ids(vault: Vault, bank_id: int, f: QuestionFilter, order: str = "id", descending: bool = False,
        limit: int = -1, offset: int = 0) -> list[int]:
    direction = "DESC" if descending else "ASC"
    words = Words.of(f.text)
    if words and order == "id" and limit >= 0:
        filters, params = _where(bank_id, f, text=False)
        sql, params = question_search.driven(words, filters, params, direction)
        return [int(r[0]) for r in vault.query(sql + " LIMIT ? OFFSET ?", (*params, limit, offset))]
    where, params = _where(bank_id, f)
    if limit < 0 and order in _SORTED_HERE:
        keyed = vault.query(f"SELECT {ORDERS[order]}, q.id FROM questions q WHERE {where}", params)
        keyed.sort(reverse=descending)
        return [int(r[1]) for r in keyed[offset:]]
    sql = (f"SELECT q.id FROM questions q WHERE {where} "
           f"ORDER BY {ORDERS[order]} {direction}, q.id {direction} LIMIT ? OFFSET ?")
    return [int(r[0]) for r in vault.query(sql, (*params, limit, offset))]


def count(vault: Vault, bank_id: int, f: QuestionFilter) -> int:
    where, params = _where(bank_id, f)
    return int(vault.scalar(f"SELECT count(*) FROM questions q WHERE {where}", params))


def rebuild_grams(vault: Vault, batch: int = 20_000) -> int:
    """Fill question_grams again from the search texts (for vaults whose questions were written
    without it, such as the benchmarks' bulk fills); returns the number of texts. Call it inside
    a transaction."""
    vault.execute("INSERT INTO question_grams(question_grams) VALUES ('delete-all')")
    done = 0
    last = 0
    while True:
        found = vault.query("SELECT id, c0 FROM question_fts_content WHERE id > ? ORDER BY id "
                            "LIMIT ?", (last, batch))
        if not found:
            return done
        vault.executemany("INSERT INTO question_grams(rowid, grams) VALUES (?, ?)",
                          [(i, search_grams(text)) for i, text in found])
        done += len(found)
        last = int(found[-1][0])


def rows(vault: Vault, qids: list[int]) -> dict[int, QuestionRow]:
    if not qids:
        return {}
    marks = ",".join("?" * len(qids))
    found = vault.query(
        "SELECT id, code, qtype, point, status, difficulty, stem_preview, author, updated_at, "
        f"current_version, used_count, enemy_group FROM questions WHERE id IN ({marks})", qids)
    # flat_markup again: previews stored before it flattened them still hold the tags
    return {int(r[0]): QuestionRow(int(r[0]), r[1], QType(r[2]), r[3], Status(r[4]), float(r[5]),
                                   flat_markup(r[6]), r[7], r[8], int(r[9]), int(r[10]), r[11])
            for r in found}


def count_in(vault: Vault, bank_id: int, statuses: tuple[Status, ...]) -> int:
    marks = ",".join("?" * len(statuses))
    return int(vault.scalar(
        f"SELECT count(*) FROM questions WHERE bank_id = ? AND status IN ({marks})",
        (bank_id, *[s.value for s in statuses])))


def question_texts(vault: Vault, bank_id: int, statuses: tuple[Status, ...]
                   ) -> list[tuple[int, str]]:
    """``QuestionContent.question_text()`` of the current version of each question in the
    statuses. The JSON is read with ``json.loads`` and only the two keys used: 3.4 s for
    194,000 questions, against 4.3 s with SQLite's json_extract (scratch timing, 2026-12-06)."""
    marks = ",".join("?" * len(statuses))
    rows = vault.query(
        "SELECT q.id, v.content FROM questions q JOIN question_versions v "
        "ON v.question_id = q.id AND v.version = q.current_version "
        f"WHERE q.bank_id = ? AND q.status IN ({marks})", (bank_id, *[s.value for s in statuses]))
    texts = []
    for qid, content in rows:
        fields = json.loads(content)
        texts.append((int(qid), "\n".join([fields["stem"], *(fields.get("options") or ())])))
    return texts


def stats(vault: Vault, bank_id: int) -> list[tuple[str, str, str, float]]:
    """(qtype, point, status, difficulty) of every question, for the quality report."""
    return [(str(a), str(b), str(c), float(d)) for a, b, c, d in vault.query(
        "SELECT qtype, point, status, difficulty FROM questions WHERE bank_id = ?", (bank_id,))]


def submitted_ids(vault: Vault, bank_id: int) -> list[tuple[int, str]]:
    rows_ = vault.query(
        "SELECT q.id, v.author FROM questions q JOIN question_versions v ON v.question_id = q.id "
        "AND v.version = q.current_version WHERE q.bank_id = ? AND q.status = 'submitted' "
        "ORDER BY q.id", (bank_id,))
    return [(int(i), str(a)) for i, a in rows_]


def points_in_use(vault: Vault, bank_id: int) -> set[str]:
    return {str(r[0]) for r in vault.query(
        "SELECT DISTINCT point FROM questions WHERE bank_id = ? AND status != 'retired'",
        (bank_id,))}


def add_image(vault: Vault, image_id: str, mime: str, width: int, height: int, data: bytes,
              by: str, at: str) -> None:
    vault.execute("INSERT OR IGNORE INTO images(id, mime, width, height, data, added_by, added_at)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?)", (image_id, mime, width, height, data, by, at))


def image(vault: Vault, image_id: str) -> tuple[str, bytes] | None:
    rows_ = vault.query("SELECT mime, data FROM images WHERE id = ?", (image_id,))
    return (str(rows_[0][0]), bytes(rows_[0][1])) if rows_ else None
