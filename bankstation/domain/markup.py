"""Sub/superscript tags of question text flattened for one line of plain text (tables, CLI)."""

from __future__ import annotations

import re

# Characters Unicode has superscript / subscript forms of (m², H₂O, 10⁻³, Xₗ has none for L).
SUPERSCRIPTS = dict(zip("0123456789+-=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ", strict=True))
SUBSCRIPTS = dict(zip("0123456789+-=()aehklmnopstx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕₖₗₘₙₒₚₛₜₓ",
                      strict=True))
# A tag pair; an opening tag whose closing one was cut off by a preview runs to the end.
_PAIR_RE = re.compile(r"<(sup|sub)>(.*?)(?:</\1>|$)", re.IGNORECASE | re.DOTALL)
# A closing tag left alone, or a tag cut in half by a preview's "…".
_STRAY_RE = re.compile(r"</(?:sup|sub)>|</?s(?:u[pb]?)?(?=…$)", re.IGNORECASE)


def flat_markup(text: str) -> str:
    """``m<sup>2</sup>`` → ``m²``, ``X<sub>L</sub>`` → ``X_L``: Unicode where every character
    has a superscript or subscript form, else the ``^`` and ``_`` of typed formulas."""
    if "<" not in text:  # nearly every stem: no work
        return text
    flat = _PAIR_RE.sub(_flat_pair, text)
    while (bare := _STRAY_RE.sub("", flat)) != flat:  # "<</sup>/sup>" leaves a new one
        flat = bare
    return flat


def _flat_pair(match: re.Match[str]) -> str:
    sup = match.group(1).lower() == "sup"
    inner, cut = match.group(2), ""
    if inner.endswith("…") and match.end() == len(match.string):  # m<sup>2… of a preview
        inner, cut = inner[:-1], "…"
    forms = SUPERSCRIPTS if sup else SUBSCRIPTS
    if inner and all(ch in forms for ch in inner):
        return "".join(forms[ch] for ch in inner) + cut
    return (("^" if sup else "_") + inner if inner else "") + cut
