"""A paper is called after its blueprint, as an exam paper, not as a plan."""

from __future__ import annotations

import pytest

from bankstation.domain.papers import paper_title


@pytest.mark.parametrize(("blueprint", "paper"), [
    ("营销员（四级/中级工）理论知识考试组卷方案", "营销员（四级/中级工）理论知识考试试卷"),
    ("电工（四级）理论知识测试方案", "电工（四级）理论知识测试试卷"),
    ("电工四级理论知识考试试卷", "电工四级理论知识考试试卷"),
    ("电工四级理论", "电工四级理论试卷"),
    (" 方案 ", "方案试卷"),
])
def test_paper_titles(blueprint: str, paper: str) -> None:
    assert paper_title(blueprint) == paper
