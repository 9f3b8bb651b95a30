"""The bank, question, blueprint, assembly and paper commands end to end."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from bankstation.cli import main
from bankstation.services.demo_bank import demo_blueprint
from bankstation.services.resources import resource
from tests.support import FAST_KDF, FakeClock

PASSWORDS = {"keeper": "keeper-pass-1", "reviewer": "reviewer-pass-1",
             "assembler": "assembler-pass-1", "supervisor": "supervisor-pass-1"}


class Run:
    def __init__(self, vault: Path, tmp: Path, clock: FakeClock) -> None:
        self.vault, self.tmp, self.clock = vault, tmp, clock
        for name, password in PASSWORDS.items():
            (tmp / f"{name}.pw").write_text(password, encoding="utf-8")

    def __call__(self, user: str, *argv: str) -> tuple[int, str]:
        out = io.StringIO()
        code = main(["--vault", str(self.vault), "--user", user, "--password-file",
                     str(self.tmp / f"{user}.pw"), *argv], clock=self.clock, kdf=FAST_KDF,
                    out=out)
        return code, out.getvalue()

    def json(self, user: str, *argv: str) -> object:
        code, out = self(user, *argv, "--json")
        assert code == 0, out
        return json.loads(out)


@pytest.fixture
def run(staffed_vault: Path, tmp_path: Path, clock: FakeClock) -> Run:
    return Run(staffed_vault, tmp_path, clock)


@pytest.fixture
def bank(run: Run) -> int:
    made = run.json("keeper", "bank", "create", "--occupation", "6-31-01-03", "--level", "4",
                    "--exam", "theory", "--standard-kind", "national", "--standard-title",
                    "电工国家职业技能标准（2018年版）")
    assert isinstance(made, dict)
    code, out = run("keeper", "elements", "import", str(made["id"]),
                    str(resource("demo", "electrician-4-elements.csv")))
    assert code == 0 and "41 个鉴定点" in out
    return int(made["id"])


def test_import_review_search_and_report(run: Run, bank: int,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    theory = str(resource("demo", "electrician-4-theory.xlsx"))
    dry = run.json("keeper", "questions", "import", str(bank), theory, "--dry-run")
    assert dry == {**dry, "ok": True, "saved": False, "added": 644, "problems": []}
    saved = run.json("keeper", "questions", "import", str(bank), theory)
    assert saved["saved"] and saved["added"] == 644
    again = run.json("keeper", "questions", "import", str(bank), theory)
    assert again["unchanged"] == 644 and again["added"] == 0
    code, out = run("keeper", "questions", "approve", str(bank), "--all")
    assert code == 1  # keepers do not review
    code, out = run("reviewer", "questions", "approve", str(bank), "--all")
    assert code == 0 and "已通过 644 道" in out
    found = run.json("reviewer", "questions", "search", str(bank), "兆欧表")
    assert found and all(row["status"] == "approved" for row in found)
    first = found[0]["id"]
    shown = run.json("reviewer", "questions", "show", str(first))
    assert "兆欧表" in json.dumps(shown, ensure_ascii=False)
    code, _ = run("reviewer", "questions", "retire", str(first), "--reason", "过时")
    events = run.json("reviewer", "questions", "show", str(first))["events"]
    assert [(e["action"], e["actor"], e["note"]) for e in events] == [
        ("questions.import", "keeper", "来自 electrician-4-theory.xlsx"),
        ("question.approve", "reviewer", None), ("question.retire", "reviewer", "过时")]
    assert (events[0]["label"], events[0]["version"]) == ("导入试题（新增）", 1)
    code, out = run("reviewer", "questions", "show", str(first))
    assert "处理记录：" in out and "停用试题（第 1 版）：过时" in out
    trail = run.json("supervisor", "ledger", "show", "--subject", f"question:{first}")
    assert [e["action"] for e in trail] == ["question.retire", "question.approve",
                                            "questions.import"]
    assert trail[2]["detail"]["questions"]["added"] == [[1, 644]]
    listed = run.json("reviewer", "questions", "list", str(bank), "--status", "retired")
    assert [r["id"] for r in listed] == [first]
    report = run.json("reviewer", "bank", "report", str(bank))
    assert report["total"] == 644 and report["thin_points"] == []
    assert report["by_status"] == {"approved": 643, "retired": 1}


def test_the_text_report_prints_the_tables_of_the_quality_page(run: Run, bank: int,
                                                               tmp_path: Path) -> None:
    twins = tmp_path / "twins.csv"
    twins.write_text("题型,鉴定点,题干,答案,难度\n"
                     "判断题,AA001,在三相四线制供电系统中，中性线上不得安装熔断器。,√,0.72\n"
                     "判断题,AA001,在三相四线制供电系统中，中性线上不得安装熔断器和开关。,√,0.55\n"
                     "判断题,BA001,使用兆欧表测量绝缘电阻前，应先将被测设备断电。,√,0.35\n",
                     encoding="utf-8")
    assert run("keeper", "questions", "import", str(bank), str(twins))[0] == 0
    assert run("reviewer", "questions", "approve", str(bank), "--all")[0] == 0
    code, out = run("reviewer", "bank", "report", str(bank))
    assert code == 0
    lines = [line.split() for line in out.splitlines()]
    assert "试题：草稿 0，待审核 0，已通过 3，已退回 0，已停用 0，合计 3" in out
    assert ["A", "基本要求", "2", "2"] in lines and ["合计", "3", "3"] in lines
    assert ["B", "电气设备与低压电器", "1", "1"] in lines
    assert ["X", "核心要素", "100%", "≥", "80%"] in lines
    assert ["0.3–0.4", "1"] in lines and ["0.7–0.8", "1"] in lines and ["0.6–0.7", "0"] in lines
    assert "平均难度系数 0.540（目标约 0.65）" in out
    assert "不足 4 道已通过试题的鉴定点（41 个）" in out
    assert ["AA001", "职业道德基本知识", "2"] in lines
    assert ["BA001", "变压器的结构与工作原理", "1"] in lines
    assert "近似重复的试题（1 对）" in out
    [pair] = [line for line in lines if line and line[-1] == "否"]
    assert pair[1].startswith("在三相四线制") and pair[-2].endswith("%")


def test_broken_file_lists_every_problem_and_saves_nothing(run: Run, bank: int,
                                                           tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("题型,鉴定点,题干,选项A,选项B,答案\n"
                   "单项选择题,AB001,电阻的单位是（　）。,欧姆,伏特,C\n"
                   "多项选择题,ZZ009,下列属于导体的有（　）。,铜,铝,A\n"
                   "判断题,AB001,,,,√\n", encoding="gb18030")
    code, out = run("keeper", "questions", "import", str(bank), str(bad), "--json")
    report = json.loads(out)
    assert code == 1 and not report["saved"]
    rows = sorted((p["row"], p["column"]) for p in report["problems"])
    assert (2, "答案") in rows and (3, "鉴定点") in rows and (4, "题干") in rows
    assert run.json("keeper", "questions", "list", str(bank)) == []


def test_blueprint_assemble_and_papers(run: Run, bank: int, tmp_path: Path) -> None:
    theory = str(resource("demo", "electrician-4-theory.xlsx"))
    run("keeper", "questions", "import", str(bank), theory)
    run("reviewer", "questions", "approve", str(bank), "--all")
    path = tmp_path / "bp.json"
    path.write_text(json.dumps(demo_blueprint(), ensure_ascii=False), encoding="utf-8")
    saved = run.json("keeper", "blueprint", "import", str(bank), str(path))
    assert saved["blueprint"]["cells"] == {
        "A": {"judge": 6, "single": 18, "multiple": 3},
        "B": {"judge": 7, "single": 21, "multiple": 4},
        "C": {"judge": 7, "single": 21, "multiple": 3}}
    assert saved["feasibility"]["feasible"] and saved["feasibility"]["forms_supported"] >= 2
    code, _ = run("assembler", "assemble", str(saved["id"]))
    assert code == 1  # not approved yet
    assert run("reviewer", "blueprint", "approve", str(saved["id"]))[0] == 0
    result = run.json("assembler", "assemble", str(saved["id"]), "--seed", "cli-1")
    assert [p["form"] for p in result["papers"]] == ["A", "B"]
    paper_id = result["papers"][0]["paper_id"]
    paper = run.json("assembler", "paper", "show", paper_id)
    for key in ("format", "paper_id", "form", "title", "occupation", "level", "exam",
                "blueprint", "seed", "status", "assembled_by", "assembled_at", "approved_by",
                "approved_at", "total_points", "sections"):
        assert key in paper
    assert paper["format"] == "bankstation.paper/1" and paper["total_points"] == 100
    item = paper["sections"][1]["items"][0]
    assert set(item) >= {"no", "question_id", "version", "code", "point", "scopes",
                         "importance", "difficulty", "answer", "option_order"}
    assert item["code"].startswith("DG4-") and len(item["option_order"]) >= 4
    assert run("assembler", "paper", "approve", paper_id)[0] == 1  # not by the assembler
    assert run("reviewer", "paper", "approve", paper_id)[0] == 0
    listed = run.json("supervisor", "paper", "list")
    assert {p["status"] for p in listed} == {"approved", "draft"}
    code, out = run("supervisor", "ledger", "show", "--kind", "production")
    assert code == 0 and "组卷" in out and "cli-1" in out and "审定试卷" in out
    # the approved paper's questions now rest; the bank has enough others, so none comes back
    assert result["reused"] == []
    code, out = run("assembler", "assemble", str(saved["id"]), "--seed", "cli-2")
    assert code == 0 and "组卷完成" in out and "{" not in out
    assert re.search(r"A卷 \S+：90 题，平均难度 0\.\d{3}，重要程度 X \d+(\.\d)?%，Y ", out), out
    again = run.json("assembler", "assemble", str(saved["id"]), "--seed", "cli-3")
    assert again["reused"] == []
    used = _question_ids(run, paper_id)
    for new in again["papers"]:
        assert not used & _question_ids(run, new["paper_id"])


def _question_ids(run: Run, paper_id: str) -> set[int]:
    paper = run.json("assembler", "paper", "show", paper_id)
    return {item["question_id"] for section in paper["sections"] for item in section["items"]}


def test_infeasible_assembly_exits_1_with_reasons(run: Run, bank: int, tmp_path: Path) -> None:
    path = tmp_path / "bp.json"
    path.write_text(json.dumps(demo_blueprint()), encoding="utf-8")
    saved = run.json("keeper", "blueprint", "import", str(bank), str(path))
    run("reviewer", "blueprint", "approve", str(saved["id"]))
    code, out = run("assembler", "assemble", str(saved["id"]), "--json")
    report = json.loads(out)
    assert code == 1 and not report["ok"]
    assert "鉴定范围 A 的判断题需要 6 道，可用 0 道（已通过、未停用、互斥组各计一道）。" in report[
        "reasons"]


def test_occupations_search_and_add_by_notice(run: Run, tmp_path: Path) -> None:
    (tmp_path / "admin.pw").write_text("admin-pass-1", encoding="utf-8")
    found = run.json("keeper", "occupation", "search", "电工")
    assert {"code": "6-31-01-03", "name": "电工", "digital": False, "green": False,
            "reference": None} in found
    assert run("keeper", "occupation", "add", "4-04-05-09", "--name", "数字孪生应用技术员",
               "--reference", "人社部 2024 年新职业")[0] == 1  # admin only
    code, out = run("admin", "occupation", "add", "4-04-05-09", "--name", "数字孪生应用技术员",
                    "--reference", "人社部 2024 年新职业")
    assert code == 0 and "4-04-05-09" in out
    code, out = run("admin", "occupation", "add-trade", "6-31-01-03", "6-31-01-03-01", "--name",
                    "维修电工", "--reference", "电工国家职业技能标准（2018年版）")
    assert code == 0 and "维修电工" in out
    assert [o["code"] for o in run.json("keeper", "occupation", "search", "数字孪生")] == [
        "4-04-05-09"]


@pytest.mark.parametrize(("user", "argv"), [
    ("reviewer", ("questions", "list", "99")),
    ("reviewer", ("questions", "search", "99", "电压")),
    ("reviewer", ("questions", "approve", "99", "--all")),
    ("keeper", ("elements", "show", "99")),
    ("reviewer", ("bank", "report", "99")),
])
def test_a_bank_that_does_not_exist_is_an_error_not_an_empty_answer(
        run: Run, bank: int, user: str, argv: tuple[str, ...],
        capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    code, out = run(user, *argv)
    assert code == 1 and out == ""
    assert "错误：题库 99 不存在。" in capsys.readouterr().err
