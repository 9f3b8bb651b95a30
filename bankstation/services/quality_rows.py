"""The quality report as rows of text: the same tables on the GUI's page and in the CLI."""

from __future__ import annotations

from typing import Any

from bankstation.domain.elements import ElementTable, Importance
from bankstation.domain.qtypes import QType, Status
from bankstation.domain.questions import QuestionRow
from bankstation.services.quality import MIN_PER_POINT, QualityReport

# Reference mix of a paper's assessment points (DESIGN.md §1); shown beside the bank's own.
IMPORTANCE_GUIDE = {"X": "≥ 80%", "Y": "≤ 15%", "Z": "≤ 5%"}
STATUS_HEADERS = [*(s.label for s in Status), "合计"]
IMPORTANCE_HEADERS = ["重要程度", "占已通过试题", "参考"]
THIN_HEADERS = ["鉴定点", "名称", "已通过"]
PAIR_HEADERS = ["试题", "题干", "试题", "题干", "相似度", "同一互斥组"]
CELLS_TITLE = "按鉴定范围和题型统计（已通过）"
IMPORTANCE_TITLE = "重要程度构成（已通过）"
HISTOGRAM_TITLE = "难度分布（已通过，按难度系数）"
THIN_TITLE = f"不足 {MIN_PER_POINT} 道已通过试题的鉴定点"
DUPLICATES_TITLE = "近似重复的试题"


def cell_rows(report: QualityReport, table: ElementTable) -> tuple[list[str], list[list[str]]]:
    """Approved questions by top scope (rows) and type (columns), with totals."""
    used = {q for counts in report.by_qtype_scope.values() for q in counts}
    qtypes = [q for q in QType if q.value in used]
    headers = ["鉴定范围", *[q.label for q in qtypes], "合计"]
    rows = []
    for scope, counts in report.by_qtype_scope.items():
        node = table.nodes.get(scope)
        name = f"{scope} {node.name}" if node else scope
        rows.append([name, *[str(counts.get(q.value, 0)) for q in qtypes],
                     str(sum(counts.values()))])
    totals = [sum(c.get(q.value, 0) for c in report.by_qtype_scope.values()) for q in qtypes]
    if rows:
        rows.append(["合计", *[str(t) for t in totals], str(sum(totals))])
    return headers, rows


def status_row(report: QualityReport) -> list[str]:
    return [*(str(report.by_status.get(s.value, 0)) for s in Status), str(report.total)]


def importance_rows(report: QualityReport) -> list[list[str]]:
    rows = []
    for key, share in report.importance.items():
        label = f"{key} {Importance(key).label}" if key in IMPORTANCE_GUIDE else "未标注"
        rows.append([label, f"{share:g}%", IMPORTANCE_GUIDE.get(key, "")])
    return rows


def thin_rows(report: QualityReport) -> list[list[str]]:
    return [[t["point"], t["name"], str(t["approved"])] for t in report.thin_points]


def histogram_rows(report: QualityReport) -> list[list[str]]:
    """One row per difficulty bin: its span and how many approved questions fall in it."""
    return [[_span(b), str(b["count"])] for b in report.difficulty_histogram]


def _span(bin_: dict[str, Any]) -> str:
    return f"{float(bin_['from']):.1f}–{float(bin_['to']):.1f}"


def pair_rows(report: QualityReport, rows: dict[int, QuestionRow],
              stem_chars: int | None = None) -> list[list[str]]:
    """The near-duplicate pairs with their stems (``rows``: the questions they name), each
    stem cut to ``stem_chars`` when given."""
    def stem(qid: int) -> str:
        row = rows.get(qid)
        return row.stem_preview[:stem_chars] if row else ""

    return [[str(p["first"]), stem(p["first"]), str(p["second"]), stem(p["second"]),
             f"{p['similarity']:.0%}", "是" if p["same_enemy_group"] else "否"]
            for p in report.near_duplicates]


def mean_text(report: QualityReport) -> str:
    mean = report.mean_difficulty
    return f"平均难度系数 {mean:.3f}（目标约 0.65）" if mean is not None else ""
