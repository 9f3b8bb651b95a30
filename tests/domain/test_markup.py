"""flat_markup: sub/superscript tags as one line of plain text shows them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bankstation.domain.markup import flat_markup
from bankstation.domain.questions import preview


@pytest.mark.parametrize(("text", "flat"), [
    ("面积单位为 m<sup>2</sup>。", "面积单位为 m²。"),
    ("H<sub>2</sub>O 与 CO<sub>2</sub>", "H₂O 与 CO₂"),
    ("10<sup>-3</sup> A", "10⁻³ A"),
    ("a<sup>2</sup>+b<SUP>2</SUP>", "a²+b²"),  # tags typed in capitals too
    ("X<sub>L</sub>=2πfL", "X_L=2πfL"),  # no subscript capital L in Unicode
    ("e<sup>jωt</sup>", "e^jωt"),
    ("x<sub></sub>y", "xy"),
    ("只有 </sub> 结尾", "只有  结尾"),
    ("1 < 2 而 a<b", "1 < 2 而 a<b"),  # a "<" that is no tag stays
    ("<</sup>/sup>", ""),  # removing one stray tag makes another
])
def test_tags_become_unicode_or_typed_formula_marks(text: str, flat: str) -> None:
    assert flat_markup(text) == flat


@pytest.mark.parametrize(("cut", "flat"), [
    ("面积 m<sup>2…", "面积 m²…"), ("面积 m<sup>mm…", "面积 m^mm…"), ("面积 m<su…", "面积 m…"),
    ("面积 m<s…", "面积 m…"), ("面积 m</sup…", "面积 m…")])
def test_a_tag_cut_by_an_old_preview_does_not_show(cut: str, flat: str) -> None:
    assert flat_markup(cut) == flat


def test_previews_are_flattened_before_they_are_cut() -> None:
    stem = "电阻 R<sub>1</sub> 与 R<sub>2</sub> 串联，[[图片:0123456789abcdef]] 求总电阻。"
    assert preview(stem) == "电阻 R₁ 与 R₂ 串联，[图] 求总电阻。"
    assert preview(stem, 10) == "电阻 R₁ 与 R…"


@given(st.text(alphabet="ab<>/supb2…", max_size=30))
def test_no_closing_tag_survives_and_text_without_tags_is_untouched(text: str) -> None:
    flat = flat_markup(text)
    assert "</sup>" not in flat.lower() and "</sub>" not in flat.lower()
    if "<" not in text:
        assert flat == text
