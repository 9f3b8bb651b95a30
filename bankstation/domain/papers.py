"""Papers: turning an assembled form into the §6 `paper.json`, with shuffles recorded."""

from __future__ import annotations

import random
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from bankstation.domain.answers import LETTERS
from bankstation.domain.assembly import Item
from bankstation.domain.blueprints import Blueprint
from bankstation.domain.qtypes import QType
from bankstation.domain.questions import QuestionContent

FORMAT = "bankstation.paper/1"
FORM_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
NUMERALS = "一二三四五六七八九十"


class PaperStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    PRODUCED = "produced"
    EXPORTED = "exported"
    USED = "used"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return {"draft": "草稿", "approved": "已审定", "produced": "已制卷", "exported": "已导出",
                "used": "已使用", "withdrawn": "已撤回"}[self.value]


@dataclass(frozen=True)
class PaperItemSource:
    item: Item
    content: QuestionContent
    scopes: list[str]


@dataclass(frozen=True)
class PaperMeta:
    paper_id: str
    form: str
    blueprint_id: int
    blueprint_version: int
    blueprint_sha256: str
    seed: str
    assembled_by: str
    assembled_at: str


def heading(index: int, qtype: QType) -> str:
    return f"{NUMERALS[index]}、{qtype.label}"


def build_paper(meta: PaperMeta, bp: Blueprint, sources: list[PaperItemSource],
                rng: random.Random) -> dict[str, Any]:
    """The paper document; item order within sections and option order are drawn from rng."""
    by_qtype: dict[str, list[PaperItemSource]] = {}
    for src in sorted(sources, key=lambda s: s.item.qid):
        by_qtype.setdefault(src.item.qtype, []).append(src)
    sections, number = [], 0
    for index, section in enumerate(bp.sections):
        group = by_qtype.get(section.qtype.value, [])
        rng.shuffle(group)
        items = []
        for src in group:
            number += 1
            items.append(_item(number, src, rng))
        sections.append({"qtype": section.qtype.value, "heading": heading(index, section.qtype),
                         "points_each": section.points, "items": items})
    return {
        "format": FORMAT, "paper_id": meta.paper_id, "form": meta.form,
        "title": paper_title(bp.title),
        "occupation": bp.occupation, "level": bp.level, "exam": bp.exam,
        "blueprint": {"id": meta.blueprint_id, "version": meta.blueprint_version,
                      "sha256": meta.blueprint_sha256},
        "seed": meta.seed, "status": PaperStatus.DRAFT.value,
        "assembled_by": meta.assembled_by, "assembled_at": meta.assembled_at,
        "approved_by": None, "approved_at": None,
        "total_points": bp.total_points,
        "duration_minutes": bp.duration_minutes, "pass_score": bp.pass_score,
        "sections": sections,
    }


def paper_title(blueprint_title: str) -> str:
    """What the paper is called: '电工（四级/中级工）理论知识考试组卷方案' gives
    '电工（四级/中级工）理论知识考试试卷' (a plan's name is not printed on an exam paper)."""
    title = blueprint_title.strip()
    for suffix in ("组卷方案", "方案"):
        if title.endswith(suffix) and len(title) > len(suffix):
            title = title[: -len(suffix)]
            break
    return title if title.endswith("试卷") else f"{title}试卷"


def _item(number: int, src: PaperItemSource, rng: random.Random) -> dict[str, Any]:
    content, item = src.content, src.item
    order = None
    answer = content.answer_text()
    if content.qtype.is_choice:
        letters = list(LETTERS[: len(content.options)])
        rng.shuffle(letters)
        order = "".join(letters)
        answer = "".join(sorted(LETTERS[order.index(ch)] for ch in content.answer))
    return {"no": number, "question_id": item.qid, "version": item.version,
            "code": content.code, "point": item.point, "scopes": src.scopes,
            "importance": item.importance, "difficulty": item.difficulty,
            "answer": answer, "option_order": order}


def printed_options(content: QuestionContent, option_order: str | None) -> list[str]:
    """The options in printed order (A is whatever original option was drawn first)."""
    if not option_order:
        return list(content.options)
    return [content.options[LETTERS.index(ch)] for ch in option_order]


def paper_statistics(paper: dict[str, Any]) -> dict[str, Any]:
    items = [i for s in paper["sections"] for i in s["items"]]
    n = len(items) or 1
    levels: dict[str, int] = {}
    for i in items:
        levels[i["importance"]] = levels.get(i["importance"], 0) + 1
    scopes: dict[str, int] = {}
    for i in items:
        top = i["scopes"][0] if i["scopes"] else "?"
        scopes[top] = scopes.get(top, 0) + 1
    return {"items": len(items),
            "mean_difficulty": round(sum(i["difficulty"] for i in items) / n, 4),
            "importance": {k: round(100 * v / n, 1) for k, v in sorted(levels.items())},
            "scopes": dict(sorted(scopes.items()))}
