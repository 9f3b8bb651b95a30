"""Read the generated files back (python-calamine for workbooks) and check them.

Run on its own with: .venv/bin/python resources/demo/validate.py
"""

from __future__ import annotations

import csv
import re
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import dedup
from python_calamine import CalamineWorkbook
from writers import PRACTICAL_COLUMNS, RUBRIC_COLUMNS, THEORY_COLUMNS

ELEMENT_COLUMNS = ["代码", "名称", "比重", "重要程度"]
CHOICE_TYPES = {"单项选择题": (4, 4, 1, 1), "多项选择题": (4, 5, 2, 4)}  # options, keys
SUBJECTIVE = ("简答题", "计算题", "论述题")
WANTED = {"判断题": (200, 240), "单项选择题": (300, 345), "多项选择题": (70, 95)}
MARK_RE = re.compile(r"【得分点】[^【]*?（(\d+)分）")
POINT_RE = re.compile(r"^([A-Z]{1,6})(\d{3})$")
Stats = dict[str, Any]


def check_elements(path: Path, problems: list[str]) -> dict[str, str]:
    """Point code -> importance; scope weights must sum to 100 among siblings."""
    raw = path.read_bytes()
    if not raw.startswith(b"\xef\xbb\xbf"):
        problems.append(f"{path.name}: no UTF-8 BOM")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    if rows[0] != ELEMENT_COLUMNS:
        problems.append(f"{path.name}: header {rows[0]}")
    codes = {row[0] for row in rows[1:]}
    groups: dict[str, float] = defaultdict(float)
    points: dict[str, str] = {}
    for code, name, weight, importance in rows[1:]:
        match = POINT_RE.match(code)
        parent = match.group(1) if match else code[:-1]
        if parent and parent not in codes:
            problems.append(f"{path.name}: {code} has no parent {parent}")
        if not name:
            problems.append(f"{path.name}: {code} has no name")
        if match:
            if weight or importance not in ("X", "Y", "Z"):
                problems.append(f"{path.name}: point {code} has weight {weight!r}, "
                                f"importance {importance!r}")
            points[code] = importance
        else:
            if not weight or importance:
                problems.append(f"{path.name}: scope {code} has weight {weight!r}, "
                                f"importance {importance!r}")
            groups[parent] += float(weight or 0)
    for parent, total in groups.items():
        if abs(total - 100) > 1e-9:
            problems.append(f"{path.name}: children of {parent or 'root'} sum to {total}")
    return points


def read_sheet(path: Path, name: str) -> tuple[list[str], list[dict[str, str]]]:
    book = CalamineWorkbook.from_path(str(path))
    grid = book.get_sheet_by_name(name).to_python()
    headers = [str(h) for h in grid[0]]
    rows = [{h: _text(v) for h, v in zip(headers, row, strict=False)} for row in grid[1:]]
    return headers, rows


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def check_question(row: dict[str, str], points: dict[str, str], problems: list[str]) -> None:
    code, qtype, answer = row["试题编号"], row["题型"], row["答案"]
    if row["鉴定点"] not in points:
        problems.append(f"{code}: point {row['鉴定点']} not in the element table")
    if not row["题干"]:
        problems.append(f"{code}: empty stem")
    options = [row[f"选项{c}"] for c in "ABCDE"]
    used = [o for o in options if o]
    if options[: len(used)] != used or len(set(used)) != len(used):
        problems.append(f"{code}: options have gaps or repeats")
    if qtype == "判断题":
        if used or answer not in ("√", "×"):
            problems.append(f"{code}: judge with options or answer {answer!r}")
    elif qtype in CHOICE_TYPES:
        low, high, kmin, kmax = CHOICE_TYPES[qtype]
        letters = "ABCDE"[: len(used)]
        if not low <= len(used) <= high or not kmin <= len(answer) <= kmax:
            problems.append(f"{code}: {len(used)} options, answer {answer!r}")
        if any(c not in letters for c in answer) or "".join(sorted(set(answer))) != answer:
            problems.append(f"{code}: answer {answer!r} not among {letters}")
    elif qtype in SUBJECTIVE:
        if used or not MARK_RE.search(answer):
            problems.append(f"{code}: subjective without 【得分点】…（n分）")
    else:
        problems.append(f"{code}: unknown type {qtype}")
    if not 0 < float(row["难度"] or 0) < 1:
        problems.append(f"{code}: difficulty {row['难度']!r}")


def check_theory(path: Path, points: dict[str, str], problems: list[str]) -> Stats:
    headers, rows = read_sheet(path, "试题")
    if headers != list(THEORY_COLUMNS):
        problems.append(f"{path.name}: header {headers}")
    codes = [r["试题编号"] for r in rows]
    if len(set(codes)) != len(codes) or not all(re.fullmatch(r"DG4-\d{4}", c) for c in codes):
        problems.append(f"{path.name}: 试题编号 not unique or not DG4-nnnn")
    for row in rows:
        check_question(row, points, problems)
    by_type = Counter(r["题型"] for r in rows)
    for qtype, (low, high) in WANTED.items():
        if not low <= by_type[qtype] <= high:
            problems.append(f"{qtype}: {by_type[qtype]} not within {low}–{high}")
    subjective = sum(by_type[t] for t in SUBJECTIVE)
    if not 10 <= subjective <= 15 or len(rows) < 620:
        problems.append(f"{subjective} subjective, {len(rows)} in all")
    per_point = Counter(r["鉴定点"] for r in rows)
    thin = [p for p in points if per_point[p] < 4]
    if thin:
        problems.append(f"points with fewer than 4 questions: {thin}")
    groups = Counter(r["互斥组"] for r in rows if r["互斥组"])
    if not 2 <= len(groups) <= 3 or any(n < 2 for n in groups.values()):
        problems.append(f"互斥组 labels: {dict(groups)}")
    items = [{"stem": r["题干"], "options": [r[f"选项{c}"] for c in "ABCDE" if r[f"选项{c}"]]}
             for r in rows]
    pairs = dedup.near_duplicate_pairs(items)
    if len(pairs) >= 10:
        problems.append(f"{len(pairs)} near-duplicate pairs (>= 10)")
    difficulty = [float(r["难度"]) for r in rows]
    return {
        "total": len(rows), "by_type": dict(by_type), "points": len(points),
        "per_point_min": min(per_point[p] for p in points),
        "per_point_max": max(per_point[p] for p in points),
        "mean_difficulty": round(statistics.fmean(difficulty), 3),
        "near_duplicates": pairs, "groups": dict(groups),
        "judge_keys": dict(Counter(r["答案"] for r in rows if r["题型"] == "判断题")),
        "single_keys": dict(sorted(Counter(r["答案"] for r in rows
                                           if r["题型"] == "单项选择题").items())),
        "multi_sizes": dict(sorted(Counter(len(r["答案"]) for r in rows
                                           if r["题型"] == "多项选择题").items())),
        "importance": dict(sorted(Counter(points.values()).items())),
        "rows": rows,
    }


def check_practical(path: Path, points: dict[str, str], problems: list[str]) -> Stats:
    headers, tasks = read_sheet(path, "试题")
    if headers != list(PRACTICAL_COLUMNS):
        problems.append(f"{path.name}: header {headers}")
    if len(tasks) != 2 or any(t["题型"] != "操作技能考核题" for t in tasks):
        problems.append(f"{path.name}: expected 2 操作技能考核题")
    for task in tasks:
        if task["鉴定点"] not in points or not task["时限"].isdigit():
            problems.append(f"{task['试题编号']}: point or 时限 wrong")
        if not all(task[c] for c in PRACTICAL_COLUMNS):
            problems.append(f"{task['试题编号']}: empty cell")
    headers, rubric = read_sheet(path, "评分表")
    if headers != list(RUBRIC_COLUMNS):
        problems.append(f"{path.name} 评分表: header {headers}")
    totals: dict[str, float] = defaultdict(float)
    for row in rubric:
        totals[row["试题编号"]] += float(row["配分"])
    for task in tasks:
        if totals.get(task["试题编号"]) != 100:
            problems.append(f"{task['试题编号']}: 配分 sums to {totals.get(task['试题编号'])}")
    return {"tasks": len(tasks), "rubric_rows": len(rubric), "practical_points": len(points)}


def check_with_importer(folder: Path, files: dict[str, str], problems: list[str]) -> str:
    """Also run the application's own importers over the files, when it is installed."""
    try:
        from bankstation.domain.elements import ElementTable
        from bankstation.formats.element_sheet import parse_elements
        from bankstation.formats.question_sheet import parse_questions
        from bankstation.formats.tabular import read_tables
    except ImportError:
        return "application importers not available; skipped"
    pairs = (("elements", "theory", "theory"), ("practical_elements", "practical", "practical"))
    counts = []
    for table_key, question_key, exam in pairs:
        table_file, question_file = folder / files[table_key], folder / files[question_key]
        nodes, errors = parse_elements(read_tables(table_file.read_bytes(), table_file.name))
        problems.extend(f"importer {table_file.name}: {e}" for e in errors)
        parsed = parse_questions(read_tables(question_file.read_bytes(), question_file.name),
                                 ElementTable(nodes), exam)
        problems.extend(f"importer {question_file.name}: {e}" for e in parsed.problems)
        counts.append(f"{question_file.name}: {len(parsed.items)} accepted")
    return "; ".join(counts)


def check_all(folder: Path, files: dict[str, str]) -> Stats:
    problems: list[str] = []
    points = check_elements(folder / files["elements"], problems)
    stats = check_theory(folder / files["theory"], points, problems)
    practical_points = check_elements(folder / files["practical_elements"], problems)
    stats.update(check_practical(folder / files["practical"], practical_points, problems))
    stats["importer"] = check_with_importer(folder, files, problems)
    stats["problems"] = problems
    return stats


if __name__ == "__main__":
    from generate import FILES, HERE

    result = check_all(HERE, FILES)
    print("\n".join(result["problems"]) or "all checks passed")
    sys.exit(1 if result["problems"] else 0)
