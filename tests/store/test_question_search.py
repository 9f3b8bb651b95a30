"""Question search against a plain substring search over the same texts: every index path
(trigram words, the character-pair index, the LIKE scan, the chunked long words), every form
(first pages, counts, every id, sorted in SQL and here), on texts built to reach the edges."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlcipher3
from hypothesis import example, given
from hypothesis import strategies as st

from bankstation.domain.qtypes import QType, Status
from bankstation.domain.questions import QuestionContent, QuestionFilter
from bankstation.services import station
from bankstation.services.session import Session
from bankstation.store import question_search, questions_repo
from bankstation.store.question_search import CHUNK, Words, like_agrees, search_grams
from tests.support import STAFF, FakeClock, add_staff, login, make_bank, make_vault

# Characters the texts are made of: CJK, ASCII letters of both cases (k and s among them),
# digits, LIKE's metacharacters, a quote, a semicolon, a control character and a space, Ω/ω
# (folded by the trigram tokenizer, not by LIKE).
ALPHABET = ("电压表接地电阻温升效率" * 3 + "AaBbKkSsz19" + "%_\\\"';\x01 " + "Ωω")
AUTHORS = ("张三", "李四", "王五", "Zhao", "zhao")
STATUSES = (Status.DRAFT, Status.SUBMITTED, Status.APPROVED, Status.RETIRED)


def _text(rng: random.Random, low: int, high: int) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(low, high)))


def _contents(seed: int = 7) -> list[QuestionContent]:
    rng = random.Random(seed)
    made = [
        # a word at the very end of a text (the answer is the last part), and texts of 1-2
        # characters in every part
        QuestionContent(QType.SHORT, "AA001", "简述接地的作用。", answer="应立即切断电源"),
        QuestionContent(QType.SHORT, "AA001", "压", answer="表", analysis="电"),
        QuestionContent(QType.SHORT, "AA001", "50%的_值", answer="a\\b", analysis="%"),
        QuestionContent(QType.SHORT, "AA001", "三相异步电动机的启动电流很大。", answer="电流"),
        QuestionContent(QType.SHORT, "AA001", "三相异步电动 机与启动电流。", answer="异步电动机"),
        QuestionContent(QType.SHORT, "AA001", "Z3040摇臂钻床的主轴", answer="z3040摇臂钻床"),
        # every piece of a long word, but never the whole word
        QuestionContent(QType.SHORT, "AA001", "三相异步电动车与单相异步电动机的启动电流",
                        answer="Z3040摇杆，C40摇臂钻床的主轴"),
    ]
    for _ in range(220):
        made.append(QuestionContent(QType.SHORT, "AA001", _text(rng, 1, 14),
                                    answer=_text(rng, 1, 6), analysis=_text(rng, 0, 5)))
    return made


@pytest.fixture(scope="module")
def searched(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Session, int,
                                                                          dict[int, str]]]:
    """One vault for the module (the comparisons only read): the questions and their texts."""
    path = make_vault(tmp_path_factory.mktemp("search") / "vault.bsv", FakeClock())
    clock = FakeClock()
    add_staff(path, clock, STAFF[:1])
    bank = make_bank(path, clock)
    session = login(path, clock, "keeper", "keeper-pass-1")
    rng = random.Random(3)
    texts: dict[int, str] = {}
    with session.transaction():
        for n, content in enumerate(_contents()):
            at = f"2026-11-{1 + n % 28:02d}T09:00:00+08:00"
            qid = questions_repo.insert(session.vault, bank, content, rng.choice(STATUSES),
                                        rng.choice(AUTHORS), at)
            session.vault.execute("UPDATE questions SET used_count = ? WHERE id = ?",
                                  (rng.choice((0, 0, 1, 3)), qid))
            texts[qid] = content.search_text()
    yield session, bank, texts
    station.logout(session)


def _ascii_lower(text: str) -> str:
    return text.translate({c: c + 32 for c in range(ord("A"), ord("Z") + 1)})


def expected(texts: dict[int, str], query: str) -> list[int]:
    """The reference: every word a substring; 3+ characters with case folded (the alphabet's
    cased letters are ASCII letters and Ω/ω, which str.lower folds as the tokenizer does),
    1-2 characters with ASCII case folded only (LIKE)."""
    words = query.split()
    return [qid for qid, text in sorted(texts.items())
            if all((w.lower() in text.lower()) if len(w) >= 3
                   else (_ascii_lower(w) in _ascii_lower(text)) for w in words)]


def _queries(texts: dict[int, str], seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    bodies = list(texts.values())
    words: list[str] = []
    for length in (1, 2, 2, 3, 4, CHUNK + 1, CHUNK + 3):
        for _ in range(12):
            body = rng.choice(bodies)
            start = rng.randrange(len(body))
            words += body[start:start + length].split()[:1]  # the end of a text included
        words += [_text(rng, length, length).replace(" ", "") or "电" for _ in range(4)]
    words += ["电流", "机", "%", "_", "\\", "a%", "_值", "a\\b", "\"", "K", "ω", "Ω", "zZ",
              "\x01", "压;", "电源", "钻床", "三相异步电动机", "Z3040摇臂钻床", "铁芯"]
    words = [w for w in words if w]
    pairs = [f"{rng.choice(words)} {rng.choice(words)}" for _ in range(80)]
    return [*words, *pairs, "三相异步电动机 启动电流", "Z3040摇臂钻床 主轴", "异步电动机 电流"]


def test_every_path_finds_what_a_substring_search_finds(
        searched: tuple[Session, int, dict[int, str]]) -> None:
    session, bank, texts = searched
    vault = session.vault
    kinds = {"long": 0, "grams": 0, "scan": 0, "chunked": 0}
    for query in _queries(texts):
        want = expected(texts, query)
        flt = QuestionFilter(text=query)
        words = Words.of(query)
        kinds["long"] += bool(words.long)
        kinds["grams"] += bool(words.grams)
        kinds["scan"] += bool(words.scan)
        kinds["chunked"] += len(words) > 1 and any(len(w) > CHUNK and like_agrees(w)
                                                   for w in words.long)
        assert questions_repo.count(vault, bank, flt) == len(want), query
        assert questions_repo.ids(vault, bank, flt) == want, query
        assert questions_repo.ids(vault, bank, flt, limit=5) == want[:5], query
        assert questions_repo.ids(vault, bank, flt, limit=4, offset=3) == want[3:7], query
        assert questions_repo.ids(vault, bank, flt, descending=True, limit=6) == want[::-1][:6]
    assert all(n >= 3 for n in kinds.values()), kinds  # every path was taken


def test_filters_combine_with_every_text_path(
        searched: tuple[Session, int, dict[int, str]]) -> None:
    session, bank, texts = searched
    statuses = dict(session.vault.query("SELECT id, status FROM questions"))
    for query in ("电", "电压", "a%", "压;", "电压表接", "三相异步电动机 启动电流", "电 K"):
        for status in STATUSES:
            flt = QuestionFilter(status=status, text=query)
            want = [i for i in expected(texts, query) if statuses[i] == status.value]
            assert questions_repo.ids(session.vault, bank, flt, limit=3) == want[:3], query
            assert questions_repo.ids(session.vault, bank, flt) == want, query
            assert questions_repo.count(session.vault, bank, flt) == len(want), query


@pytest.mark.parametrize("order", sorted(questions_repo.ORDERS))
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("text", [None, "电", "电压 表"])
def test_sorting_here_gives_sqlites_order(searched: tuple[Session, int, dict[int, str]],
                                          order: str, descending: bool, text: str | None) -> None:
    """Sorted in Python or in SQL, every id list equals SQLite's ORDER BY key, id, ties
    included (many questions share an author, status, type, time and use count)."""
    session, bank, _texts = searched
    flt = QuestionFilter(text=text)
    where, params = questions_repo._where(bank, flt)
    direction = "DESC" if descending else "ASC"
    column = questions_repo.ORDERS[order]
    reference = [r[0] for r in session.vault.query(
        f"SELECT q.id FROM questions q WHERE {where} ORDER BY {column} {direction}, "
        f"q.id {direction}", params)]
    got = questions_repo.ids(session.vault, bank, flt, order, descending)
    assert got == reference
    assert questions_repo.ids(session.vault, bank, flt, order, descending, offset=5) \
        == reference[5:]
    assert questions_repo.ids(session.vault, bank, flt, order, descending, limit=7) \
        == reference[:7]


def test_an_edited_text_is_found_by_its_new_words_only(
        staffed_vault: Path, clock: FakeClock) -> None:
    bank = make_bank(staffed_vault, clock)
    session = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    old = QuestionContent(QType.SHORT, "AA001", "检查接地线。", answer="合格")
    new = old.with_changes(stem="更换熔断器。")
    with session.transaction():
        qid = questions_repo.insert(session.vault, bank, old, Status.DRAFT, "keeper", "t1")
        questions_repo.replace_version(session.vault, qid, 1, new, Status.DRAFT, "keeper", "t2")
    found = {w: questions_repo.ids(session.vault, bank, QuestionFilter(text=w))
             for w in ("接地", "地", "熔断", "断", "熔断器", "接地线")}
    station.logout(session)
    assert found == {"接地": [], "地": [], "熔断": [qid], "断": [qid], "熔断器": [qid],
                     "接地线": []}


def test_rebuilding_the_pairs_gives_the_same_answers(
        searched: tuple[Session, int, dict[int, str]]) -> None:
    session, bank, texts = searched
    with session.transaction():
        assert questions_repo.rebuild_grams(session.vault, batch=50) == len(texts)
    for query in ("电", "压表", "a%", "Ω", "zZ"):
        assert questions_repo.ids(session.vault, bank, QuestionFilter(text=query)) \
            == expected(texts, query)


@given(st.text())
@example("\ud800x\U0001f600")  # a lone surrogate (a damaged cell) and a character above U+FFFF
@example("x" * 5000)  # longer than the shared buffer of spaces
def test_the_pairs_are_each_character_with_its_neighbour(text: str) -> None:
    assert search_grams(text) == " ".join([text[i:i + 2] for i in range(len(text))])


def test_the_pair_index_splits_only_on_the_separators() -> None:
    """Every other ASCII character is part of a token, so a two-character word holding it is
    one token (GRAM_SEPARATORS would otherwise send words to the wrong index)."""
    from bankstation.store.schema import MIGRATIONS

    ddl = next(s for s in MIGRATIONS[1].split(";") if "question_grams" in s)
    conn = sqlcipher3.connect(":memory:")
    conn.execute(ddl)
    for n in range(128):
        char = chr(n)
        conn.execute("INSERT INTO question_grams(rowid, grams) VALUES (?, ?)",
                     (n + 1, search_grams("x" + char)))
    for n in range(1, 128):  # NUL separates words before any index sees them (Words.of)
        char = chr(n)
        word = "x" + char
        hits = [r[0] for r in conn.execute(
            "SELECT rowid FROM question_grams WHERE question_grams MATCH ?",
            ('"' + word.replace('"', '""') + '"',))]
        # a token finds its own row (and the other case of a letter); a separator leaves "x"
        # alone, which every row cut at a separator holds
        is_token = n + 1 in hits and len(hits) <= 2
        assert is_token == (char not in question_search.GRAM_SEPARATORS), repr(char)


def test_like_agrees_only_where_the_trigram_tokenizer_folds_as_like_does() -> None:
    """like_agrees claims that LIKE and the trigram MATCH agree on a word of its characters.
    Checked against the SQLite in use: every such character folds to itself (ASCII letters to
    lower case), and no other character folds into one of them. Planes 0 and 1 hold every
    cased character of Unicode; the other planes (CJK extensions, private use) have none."""
    chars = [chr(n) for n in range(2, 0x20000) if not 0xD800 <= n <= 0xDFFF]
    agree = [c for c in chars if like_agrees(c)]
    others = [c for c in chars if not like_agrees(c)]
    conn = sqlcipher3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(b, tokenize = 'trigram', detail = none)")
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row')")

    def folded(sample: list[str]) -> set[str]:
        conn.execute("DELETE FROM t")
        conn.execute("INSERT INTO t(rowid, b) VALUES (1, ?)",
                     ("\x01" + "\x01".join(sample) + "\x01",))
        return {term[1] for (term,) in conn.execute(
            "SELECT term FROM v WHERE term >= char(1) AND term < char(2)")}

    assert folded(agree) == {_ascii_lower(c) for c in agree}
    assert not folded(others) & set(agree)
    for c in (c for c in agree if c < "\x80"):  # one by one: a set could hide a swap
        assert folded([c]) == {_ascii_lower(c)}, repr(c)
    assert not like_agrees("Ω") and not like_agrees("k") and like_agrees("电压Z3040")
