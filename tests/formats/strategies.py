"""Hypothesis strategies: valid question contents at the edges, and malformed input."""

from __future__ import annotations

from hypothesis import strategies as st

from bankstation.domain.answers import LETTERS, count_blanks, parse_marking
from bankstation.domain.qtypes import SUBJECTIVE, QType
from bankstation.domain.questions import MAX_OPTION, MAX_TEXT, QuestionContent, RubricRow

# Text a person could type: no control characters other than newline and tab, no lone
# surrogates or non-characters, no Unicode line separators (the importer makes them "\n").
_ALPHABET = st.characters(exclude_categories=("Cs", "Cc", "Cn", "Zl", "Zp"),
                          include_characters="\n\t")
EDGES = ["𠀀", "𪚥𠮷", "m<sup>2</sup>", "H<sub>2</sub>O", "=1+1", "'001", "001", "1.0", "TRUE",
         "2024-01-02", "（　）", "√", "Ω", "\n", "  ", "a,b;c|d/e", "\"引号\"", "【得分点】"]


# A first character that is neither space nor anything a parser splits on.
_FIRST = st.characters(exclude_categories=("Cs", "Cc", "Cn", "Zl", "Zp", "Zs"),
                       exclude_characters="/；;|_＿（）()【】")


def _text(max_size: int) -> st.SearchStrategy[str]:
    piece = st.one_of(st.text(_ALPHABET, max_size=20), st.sampled_from(EDGES))
    short = st.lists(piece, max_size=6).map("".join)
    long = st.integers(max_size - 40, max_size).map(lambda n: ("长𠀀文" * n)[:n])
    return st.one_of(short, long) if max_size > 200 else short


def text(max_size: int = MAX_TEXT) -> st.SearchStrategy[str]:
    """Stripped text up to max_size characters, possibly empty."""
    return _text(max_size).map(lambda s: s[:max_size].strip())


def filled(max_size: int = MAX_TEXT, forbid: str = "") -> st.SearchStrategy[str]:
    """Stripped non-empty text up to max_size characters, without the ``forbid`` characters."""
    def build(parts: tuple[str, str]) -> str:
        body = "".join(ch for ch in parts[1] if ch not in forbid)
        return (parts[0] + body)[:max_size].strip()

    return st.tuples(_FIRST, _text(max_size)).map(build)


points = st.from_regex(r"[A-Z]{1,3}[0-9]{3}", fullmatch=True)
difficulties = st.integers(1, 999).map(lambda k: k / 1000)
optional = st.one_of(st.none(), filled(40))


@st.composite
def _common(draw: st.DrawFn, qtype: QType) -> QuestionContent:
    stem = draw(filled())
    if qtype is QType.FILL:
        stem = draw(filled(MAX_TEXT - 40).filter(lambda s: count_blanks(s) == 0))
    return QuestionContent(qtype, draw(points), stem, difficulty=draw(difficulties),
                           analysis=draw(text()), source=draw(text(100)),
                           enemy_group=draw(optional), code=draw(optional))


@st.composite
def theory_contents(draw: st.DrawFn, qtype: QType) -> QuestionContent:
    base = draw(_common(qtype))
    if qtype is QType.JUDGE:
        return base.with_changes(answer=draw(st.sampled_from("√×")))
    if qtype.is_choice:
        options = draw(st.lists(filled(MAX_OPTION), min_size=2, max_size=8, unique=True))
        letters = LETTERS[: len(options)]
        size = 1 if qtype is QType.SINGLE else draw(st.integers(2, len(options)))
        answer = "".join(sorted(draw(st.permutations(letters))[:size]))
        return base.with_changes(options=tuple(options), answer=answer)
    if qtype is QType.FILL:
        alternative = filled(30, forbid="/；;|")
        blanks = draw(st.lists(st.lists(alternative, min_size=1, max_size=3).map(tuple),
                               min_size=1, max_size=4).map(tuple))
        if draw(st.booleans()):
            base = base.with_changes(stem=base.stem + "，".join(["（　）"] * len(blanks)))
        return base.with_changes(blanks=blanks)
    marks = st.tuples(filled(20, forbid="\n"), st.integers(1, 20))
    extra = draw(st.lists(marks, max_size=3))
    answer = draw(filled()) + "".join(f"【得分点】{t}（{p}分）" for t, p in extra)
    answer = answer[:MAX_TEXT].strip()
    return base.with_changes(answer=answer, marking=parse_marking(answer))


THEORY = [q for q in QType if q is not QType.PRACTICAL]
assert set(THEORY) >= SUBJECTIVE


@st.composite
def practical_contents(draw: st.DrawFn) -> QuestionContent:
    base = draw(_common(QType.PRACTICAL))
    row = st.builds(RubricRow, filled(200), text(200), st.integers(1, 200).map(lambda k: k / 2),
                    filled(500))
    return base.with_changes(
        code=draw(filled(30)), answer=draw(text()), time_limit=draw(st.integers(1, 600)),
        site_prep=draw(text()), candidate_prep=draw(text()),
        rubric=tuple(draw(st.lists(row, min_size=1, max_size=5))))


def _code_key(content: QuestionContent) -> object:
    return content.code if content.code else object()


any_theory = st.sampled_from(THEORY).flatmap(theory_contents)
question_lists = st.lists(any_theory, min_size=1, max_size=6, unique_by=_code_key)
