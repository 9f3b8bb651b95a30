"""Writing questions in batches (imports) against one at a time, and the schema's FTS5 settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from bankstation.domain.qtypes import QType, Status
from bankstation.domain.questions import QuestionContent, QuestionFilter
from bankstation.services import station
from bankstation.store import questions_repo, schema
from bankstation.store.vault import Vault
from tests.support import STAFF, FakeClock, add_staff, login, make_bank, make_vault

KEY = bytes(range(32))


def _contents(count: int) -> list[QuestionContent]:
    made = []
    for n in range(count):
        qtype = (QType.JUDGE, QType.SINGLE, QType.SHORT)[n % 3]
        options = ("星形", "三角形", "延边三角形", "双星形") if qtype is QType.SINGLE else ()
        answer = {QType.JUDGE: "正确", QType.SINGLE: "B", QType.SHORT: f"要点{n}"}[qtype]
        made.append(QuestionContent(
            qtype, "AA001" if n % 2 else "AB002", f"第{n}题：三相异步电动机定子绕组的接法{n}。",
            options=options, answer=answer, difficulty=0.1 + n % 9 / 10,
            analysis=f"解析{n}", code=f"Q{n:04d}", enemy_group="E1" if n % 4 == 0 else None))
    return made


def _tables(vault: Vault) -> dict[str, list[tuple[Any, ...]]]:
    """Every row a question write touches (the contentless pair index through a search)."""
    return {
        "questions": vault.query("SELECT * FROM questions ORDER BY id"),
        "versions": vault.query("SELECT * FROM question_versions ORDER BY question_id"),
        "fts": vault.query("SELECT rowid, body FROM question_fts ORDER BY rowid"),
        "grams": vault.query("SELECT rowid FROM question_grams WHERE question_grams MATCH "
                             "'\"接法\"' ORDER BY rowid"),
    }


def _bank(tmp_path: Path, name: str) -> tuple[Any, int]:
    clock = FakeClock()
    path = make_vault(tmp_path / f"{name}.bsv", clock)
    add_staff(path, clock, STAFF[:1])
    bank = make_bank(path, clock)
    return login(path, clock), bank


def test_batches_write_what_single_inserts_write(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(questions_repo, "INSERT_BATCH", 4)  # 11 questions: 4 + 4 + 3
    contents = _contents(11)
    one, bank_one = _bank(tmp_path, "one")
    many, bank_many = _bank(tmp_path, "many")
    assert bank_one == bank_many
    at = "2026-12-06T09:00:00+08:00"
    with one.transaction():
        singles = [questions_repo.insert(one.vault, bank_one, c, Status.SUBMITTED, "li", at)
                   for c in contents]
    with many.transaction():
        batched = questions_repo.insert_many(many.vault, bank_many, contents, Status.SUBMITTED,
                                             "li", at)
    assert batched == singles
    written = _tables(many.vault)
    assert written == _tables(one.vault)
    assert len(written["questions"]) == 11 and len(written["grams"]) == 11
    assert [questions_repo.get(many.vault, q).content for q in batched] == contents  # type: ignore[union-attr]
    found = questions_repo.ids(many.vault, bank_many, QuestionFilter(text="接法1"))
    assert found == [batched[1], *batched[10:]]
    station.logout(one)
    station.logout(many)


def test_ids_follow_the_largest_and_a_failed_batch_leaves_nothing(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch
                                                                  ) -> None:
    monkeypatch.setattr(questions_repo, "INSERT_BATCH", 3)
    session, bank = _bank(tmp_path, "v")
    at = "2026-12-06T09:00:00+08:00"
    with session.transaction():
        first = questions_repo.insert_many(session.vault, bank, _contents(2), Status.DRAFT,
                                           "li", at)
    assert first == [1, 2]
    before = _tables(session.vault)
    clash = [*_contents(8)[2:], _contents(1)[0]]  # the last, in the third batch, repeats Q0000
    with pytest.raises(sqlcipher3.IntegrityError), session.transaction():
        questions_repo.insert_many(session.vault, bank, clash, Status.DRAFT, "li", at)
    assert _tables(session.vault) == before
    with session.transaction():
        later = questions_repo.insert_many(session.vault, bank, _contents(8)[2:], Status.DRAFT,
                                           "li", at)
    assert later == list(range(3, 9))
    station.logout(session)


def _hashsizes(vault: Vault) -> tuple[Any, Any]:
    return (vault.scalar("SELECT v FROM question_fts_config WHERE k = 'hashsize'"),
            vault.scalar("SELECT v FROM question_grams_config WHERE k = 'hashsize'"))


def test_both_search_indexes_get_the_larger_hash(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    vault = Vault.create(tmp_path / "new.bsv", KEY)
    assert _hashsizes(vault) == (32 * 2**20, 32 * 2**20)
    vault.close()
    path = tmp_path / "old.bsv"
    monkeypatch.setattr("bankstation.store.vault.MIGRATIONS", schema.MIGRATIONS[:3])
    monkeypatch.setattr("bankstation.store.vault.LATEST_VERSION", 3)
    Vault.create(path, KEY).close()
    monkeypatch.undo()
    old = Vault.open(path, KEY)  # a vault made before migration 4
    assert old.user_version() == schema.LATEST_VERSION
    assert _hashsizes(old) == (32 * 2**20, 32 * 2**20)
    assert old.scalar("SELECT count(*) FROM sqlite_master WHERE name LIKE 'question_versions_%'"
                      " AND type = 'index'") == 0
    old.close()


def test_question_texts_are_the_current_stems_and_options(tmp_path: Path) -> None:
    session, bank = _bank(tmp_path, "v")
    at = "2026-12-06T09:00:00+08:00"
    contents = _contents(6)
    odd = QuestionContent(QType.MULTIPLE, "AA001", '两行题干\n含"引号"与\\反斜杠', options=(
        "选项\n甲", "H₂O", "m²", ""), answer="ABC", analysis="不比较的解析")
    with session.transaction():
        ids = questions_repo.insert_many(session.vault, bank, [*contents, odd], Status.APPROVED,
                                         "li", at)
        newer = QuestionContent(QType.JUDGE, "AA001", "第二版题干。", answer="正确")
        questions_repo.add_version(session.vault, ids[0], 2, newer, Status.SUBMITTED, "li", at)
        questions_repo.set_status(session.vault, ids[1], 1, Status.RETIRED, "zhang", at)
    texts = dict(questions_repo.question_texts(session.vault, bank,
                                               (Status.APPROVED, Status.SUBMITTED)))
    only_approved = questions_repo.question_texts(session.vault, bank, (Status.APPROVED,))
    station.logout(session)
    expected = {qid: c.question_text() for qid, c in zip(ids, [*contents, odd], strict=True)}
    expected[ids[0]] = "第二版题干。"
    del expected[ids[1]]
    assert texts == expected
    assert texts[ids[-1]] == '两行题干\n含"引号"与\\反斜杠\n选项\n甲\nH₂O\nm²\n'
    assert sorted(q for q, _t in only_approved) == sorted(set(ids) - {ids[0], ids[1]})


def test_rows_show_sub_and_superscripts_flat_even_from_older_previews(tmp_path: Path) -> None:
    session, bank = _bank(tmp_path, "v")
    at = "2026-12-06T09:00:00+08:00"
    stem = "导线截面积为 1.5 mm<sup>2</sup> 时，X<sub>L</sub> 如何变化？"
    content = QuestionContent(QType.JUDGE, "AA001", stem, answer="正确")
    with session.transaction():
        new, old = questions_repo.insert_many(session.vault, bank, [content, content],
                                              Status.DRAFT, "li", at)
        # as a vault written before previews were flattened holds it, cut inside a tag
        session.vault.execute("UPDATE questions SET stem_preview = ? WHERE id = ?",
                              ("导线截面积为 1.5 mm<sup>2</sup> 时，X<su…", old))
    stored = session.vault.scalar("SELECT stem_preview FROM questions WHERE id = ?", (new,))
    rows = questions_repo.rows(session.vault, [new, old])
    kept = questions_repo.get(session.vault, new)
    station.logout(session)
    assert stored == rows[new].stem_preview == "导线截面积为 1.5 mm² 时，X_L 如何变化？"
    assert rows[old].stem_preview == "导线截面积为 1.5 mm² 时，X…"
    assert kept is not None and kept.content.stem == stem  # the question itself keeps its tags
