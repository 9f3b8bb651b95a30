"""Question content to and from plain JSON-able dicts (stored per version, exported, hashed)."""

from __future__ import annotations

from typing import Any

from bankstation.domain.answers import MarkingPoint
from bankstation.domain.qtypes import QType
from bankstation.domain.questions import QuestionContent, RubricRow


def to_dict(c: QuestionContent) -> dict[str, Any]:
    data: dict[str, Any] = {
        "qtype": c.qtype.value,
        "point": c.point,
        "stem": c.stem,
        "difficulty": c.difficulty,
        "analysis": c.analysis,
        "source": c.source,
        "enemy_group": c.enemy_group,
        "code": c.code,
    }
    if c.qtype.is_choice:
        data["options"] = list(c.options)
    if c.qtype is QType.FILL:
        data["blanks"] = [list(b) for b in c.blanks]
    else:
        data["answer"] = c.answer
    if c.marking:
        data["marking"] = [{"text": m.text, "points": m.points} for m in c.marking]
    if c.qtype is QType.PRACTICAL:
        data["time_limit"] = c.time_limit
        data["site_prep"] = c.site_prep
        data["candidate_prep"] = c.candidate_prep
        data["rubric"] = [
            {"content": r.content, "element": r.element, "points": r.points,
             "criteria": r.criteria}
            for r in c.rubric
        ]
    return data


def from_dict(data: dict[str, Any]) -> QuestionContent:
    return QuestionContent(
        qtype=QType(data["qtype"]),
        point=data["point"],
        stem=data["stem"],
        options=tuple(data.get("options") or ()),
        answer=data.get("answer", ""),
        blanks=tuple(tuple(b) for b in data.get("blanks") or ()),
        marking=tuple(MarkingPoint(m["text"], float(m["points"]))
                      for m in data.get("marking") or ()),
        difficulty=float(data["difficulty"]),
        analysis=data.get("analysis", ""),
        source=data.get("source", ""),
        enemy_group=data.get("enemy_group"),
        code=data.get("code"),
        time_limit=data.get("time_limit"),
        site_prep=data.get("site_prep", ""),
        candidate_prep=data.get("candidate_prep", ""),
        rubric=tuple(RubricRow(r["content"], r["element"], float(r["points"]), r["criteria"])
                     for r in data.get("rubric") or ()),
    )
