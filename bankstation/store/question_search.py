"""The SQL of a question search: which text index answers each word, and in which order.

What a search finds: the questions whose search text (stem, options, analysis, answer) holds
every word of it. A word of 3+ characters is looked up in ``question_fts`` (FTS5 trigram
tokenizer): it matches as a substring, with the case of every cased letter folded (A and a, Ω
and ω). A word of 1–2 characters is below the trigram length; ``question_grams`` indexes every
character of the text with its right-hand neighbour (``search_grams``), and a short word matches
as ``LIKE '%word%'`` would: a substring, with ASCII letters folded only. The tests in
tests/store/test_question_search.py compare every path here with a plain substring search.

Two forms of the same answer:

- ``in_clauses``: ``q.id IN (SELECT rowid FROM <index> …)`` per index, for counts and for every
  id of a filter. Each list is read once, and each look-up then goes to the small
  ``questions_bank_id`` index.
- ``driven``: one text index is the outer loop in rowid order and the questions table is joined
  to it, so that ``ORDER BY id LIMIT 50`` (the first page of a search) stops at its 50th match
  instead of collecting every match first (benchmarks/question_search.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# What question_grams' ascii tokenizer splits on (schema.py): ASCII space and control
# characters, and ';' (kept out of the tokenizer's list because migrations are split on it).
# Every other character, every non-ASCII one included, is part of a token.
GRAM_SEPARATORS = frozenset([*map(chr, range(0x21)), ";", "\x7f"])
# The longest phrase FTS5 checks without allocating: 6 characters are 4 trigrams, and a phrase of
# more tokens mallocs a reader array for every row it checks (fts5ExprPhraseIsMatch), which
# cipher_memory_security turns into mlock/munlock calls: 7.7 µs per row (benchmarks/README.md).
CHUNK = 6
# Characters the trigram tokenizer folds beyond LIKE's ASCII folding, or folds into ASCII letters
# (KELVIN SIGN into k, LONG S into s), or maps to U+FFFD as it reads them.
_FOLDED_ASCII = frozenset("kKsS")
_REPLACED = frozenset("\ufffd\ufffe\uffff")


def search_grams(text: str) -> str:
    """What question_grams indexes for a search text: every character with its right-hand
    neighbour (the last one alone), space-separated. The tokenizer folds ASCII case, as LIKE
    does, and cuts a pair at a separator, leaving the other character as a token of one; so a
    2-character word occurs in the text exactly when its own token is indexed, and a
    1-character word exactly when some token starts with it. Repeated pairs are left in: FTS5
    keeps one entry per row without positions (detail=none) at less cost than a set here."""
    n = len(text)
    if n < 2:
        return text
    # Built as UTF-32 code units in three strided copies (character, neighbour, space) rather
    # than one 2-character string per position: 3.8 against 8.7 µs a text, 0.5 s of a
    # 100,000-question import (benchmarks/README.md).
    units = memoryview((text + " ").encode("utf-32-le", "surrogatepass")).cast("I")
    out = bytearray(12 * n)
    grid = memoryview(out).cast("I")
    grid[0::3] = units[:n]
    grid[1::3] = units[1:]
    grid[2::3] = _spaces(n)
    return out[:-8].decode("utf-32-le", "surrogatepass")


_SPACE_UNITS = memoryview((" " * 4096).encode("utf-32-le")).cast("I")


def _spaces(n: int) -> memoryview:
    """``n`` UTF-32 spaces (a shared buffer for the usual text, a new one for a long one)."""
    if n <= len(_SPACE_UNITS):
        return _SPACE_UNITS[:n]
    return memoryview((" " * n).encode("utf-32-le")).cast("I")


def like_pattern(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def like_agrees(word: str) -> bool:
    """Whether ``LIKE '%word%'`` finds exactly what the trigram MATCH of ``word`` finds: yes
    when every character is caseless (CJK, digits, punctuation) or an ASCII letter that no
    other character folds into. tests/store/test_question_search.py checks this against the
    tokenizer in use, for every code point."""
    return all(c not in _FOLDED_ASCII if c < "\x80"
               else c.lower() == c == c.upper() and c not in _REPLACED for c in word)


def _phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _chunks(word: str) -> list[str]:
    """Overlapping pieces of at most CHUNK characters that hold every trigram of ``word``."""
    starts = sorted({*range(0, len(word) - CHUNK, CHUNK - 2), len(word) - CHUNK})
    return [word[s:s + CHUNK] for s in starts]


@dataclass(frozen=True)
class Words:
    """The words of a search, by the index that answers them."""

    long: tuple[str, ...] = ()  # 3+ characters: question_fts
    grams: tuple[str, ...] = ()  # 1-2 characters: question_grams
    scan: tuple[str, ...] = ()  # 1-2 characters with a separator in them: LIKE over every text

    @classmethod
    def of(cls, text: str | None) -> Words:
        # NUL ends FTS5's query strings ("unterminated string"): it separates words here
        terms = (text or "").replace("\x00", " ").split()
        short = [t for t in terms if len(t) < 3]
        return cls(tuple(t for t in terms if len(t) >= 3),
                   tuple(t for t in short if GRAM_SEPARATORS.isdisjoint(t)),
                   tuple(t for t in short if not GRAM_SEPARATORS.isdisjoint(t)))

    def __bool__(self) -> bool:
        return bool(self.long or self.grams or self.scan)

    def __len__(self) -> int:
        return len(self.long) + len(self.grams) + len(self.scan)

    def fts_query(self) -> str:
        return " AND ".join(map(_phrase, self.long))

    def grams_query(self) -> str:
        """A 2-character word is one token; a 1-character word is the prefix of its tokens."""
        return " AND ".join(_phrase(t) + ("*" if len(t) == 1 else "") for t in self.grams)


def in_clauses(words: Words) -> tuple[list[str], list[Any]]:
    """The words as ``q.id IN (…)`` clauses, one list per index."""
    clauses: list[str] = []
    params: list[Any] = []
    if words.long:
        clauses.append("q.id IN (SELECT rowid FROM question_fts WHERE question_fts MATCH ?)")
        params.append(words.fts_query())
    if words.grams:
        clauses.append("q.id IN (SELECT rowid FROM question_grams WHERE question_grams MATCH ?)")
        params.append(words.grams_query())
    for word in words.scan:
        clauses.append("q.id IN (SELECT id FROM question_fts_content WHERE c0 LIKE ? ESCAPE '\\')")
        params.append(like_pattern(word))
    return clauses, params


def driven(words: Words, filters: str, params: list[Any], direction: str
           ) -> tuple[str, list[Any]]:
    """``SELECT q.id`` of the words and ``filters`` (over ``q``) ordered by id, driven by one
    text index in rowid order (``CROSS JOIN`` keeps it outside). The words it cannot answer are
    checked with LIKE on the text of each candidate (``question_fts_content``, read by rowid):
    the short words when long ones drive, and a long word of a query of several words that
    FTS5 would check as a phrase of more than CHUNK characters (it gets its pieces as phrases
    instead, and LIKE checks the whole word when LIKE agrees with the trigram MATCH)."""
    checks: list[str] = []
    if words.long:
        phrases: list[str] = []
        for word in words.long:
            if len(words) > 1 and len(word) > CHUNK and like_agrees(word):
                phrases += map(_phrase, _chunks(word))
                checks.append(word)
            else:
                phrases.append(_phrase(word))
        source, key = "question_fts t", "t.rowid"
        where, text_params = ["question_fts MATCH ?"], [" AND ".join(phrases)]
        checks += [*words.grams, *words.scan]
    elif words.grams:
        source, key = "question_grams t", "t.rowid"
        where, text_params = ["question_grams MATCH ?"], [words.grams_query()]
        checks += words.scan
    else:
        source, key, where, text_params = "question_fts_content t", "t.id", [], []
        checks += words.scan
    joins = f"{source} CROSS JOIN questions q ON q.id = {key}"
    text = "t.c0"
    if checks and not source.startswith("question_fts_content"):
        joins += f" CROSS JOIN question_fts_content c ON c.id = {key}"
        text = "c.c0"
    where += [f"{text} LIKE ? ESCAPE '\\'"] * len(checks)
    text_params += map(like_pattern, checks)
    # q's filters are tested before the text is read (c comes after q in the join)
    sql = (f"SELECT q.id FROM {joins} WHERE {' AND '.join([*where, filters])} "
           f"ORDER BY {key} {direction}")
    return sql, [*text_params, *params]
