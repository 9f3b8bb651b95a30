"""The console summary and SOURCE.md, both made from the read-back statistics."""

from __future__ import annotations

from typing import Any

TYPE_ORDER = ("判断题", "单项选择题", "多项选择题", "简答题", "计算题", "论述题")


def _types(stats: dict[str, Any]) -> str:
    by_type = stats["by_type"]
    return "，".join(f"{t} {by_type[t]}" for t in TYPE_ORDER if t in by_type)


def summary(stats: dict[str, Any]) -> str:
    return "\n".join([
        f"theory: {stats['total']} questions ({_types(stats)})",
        f"points: {stats['points']}, questions per point {stats['per_point_min']}–"
        f"{stats['per_point_max']}, importance {stats['importance']}",
        f"mean difficulty {stats['mean_difficulty']}, near-duplicate pairs (>=0.8) "
        f"{len(stats['near_duplicates'])}, templated variants dropped {stats['dropped']} of "
        f"{stats['generated']} generated",
        f"judge keys {stats['judge_keys']}, single keys {stats['single_keys']}, "
        f"multiple key sizes {stats['multi_sizes']}, 互斥组 {stats['groups']}",
        f"practical: {stats['tasks']} tasks, {stats['rubric_rows']} rubric rows, "
        f"{stats['practical_points']} points",
        f"importer: {stats['importer']}",
    ])


def source_md(stats: dict[str, Any], files: dict[str, str]) -> str:
    by_type = stats["by_type"]
    type_lines = "\n".join(f"| {t} | {by_type[t]} |" for t in TYPE_ORDER if t in by_type)
    return f"""# Demo question bank: 电工 (6-31-01-03), 四级/中级工

**Synthetic content.** Every file in this folder except the `.py` modules is written by
`generate.py` for the BankStation demo vault. It is not real examination content, was not taken
from any examination, and carries no official standing. The topics follow the 中级工
requirements of the 电工 national occupational skill standard (2018 edition); the questions
were written for the demo and their keys checked, but they are teaching material at best.

## Regenerate

```
.venv/bin/python resources/demo/generate.py
```

The run is deterministic (fixed seed in `generate.py`): the same sources give the same
questions, keys and option order. The script reads every file back (python-calamine for the
workbooks), checks it, and exits non-zero when a check fails. `validate.py` runs the checks on
their own.

## Files

| file | what |
|---|---|
| `{files['elements']}` | 鉴定要素细目表, theory: {stats['points']} points, \
importance {stats['importance']} |
| `{files['theory']}` | sheet `试题`: {stats['total']} questions |
| `{files['practical_elements']}` | 鉴定要素细目表, practical: {stats['practical_points']} points |
| `{files['practical']}` | sheets `试题` ({stats['tasks']} 操作技能考核题) and `评分表` \
({stats['rubric_rows']} rows, 100 points per task) |

## Counts (theory)

| 题型 | 题量 |
|---|---|
{type_lines}
| 合计 | {stats['total']} |

- Questions per assessment point: {stats['per_point_min']} to {stats['per_point_max']}.
- Mean difficulty coefficient: {stats['mean_difficulty']}.
- 判断题 keys: {stats['judge_keys']}; 单项选择题 keys: {stats['single_keys']};
  多项选择题 number of right options: {stats['multi_sizes']}.
- Near-duplicate pairs (character-trigram Jaccard over stem and options ≥ 0.8):
  {len(stats['near_duplicates'])}; the generator dropped {stats['dropped']} templated variants
  that came too close to a question already kept.
- 互斥组 (questions that give each other away): {stats['groups']}.

## Sources

- `elements.py` — both element tables.
- `topics_*.py` — questions by assessment point; computed questions are templates whose
  numbers come from short lists of clean values, with the answer computed and the wrong
  options taken from typical slips.
- `practical.py` — the two practical tasks and their 评分表.
- `common.py`, `dedup.py`, `writers.py`, `validate.py`, `report.py` — helpers.
"""
