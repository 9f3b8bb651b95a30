"""Ledger entries as an inspector reads them: subjects, detail keys and values in Chinese."""

from __future__ import annotations

from bankstation.domain.ledger_text import detail_text, subject_text


def test_subjects_name_their_kind() -> None:
    assert subject_text("account:li") == "账户 li"
    assert subject_text("computer_use:12") == "使用登记 #12"
    assert subject_text("room_access:3") == "出入登记 #3"
    assert subject_text("question:646") == "试题 #646"
    assert subject_text("bank:1") == "题库 #1"
    assert subject_text("paper:3f2a") == "试卷 3f2a"
    assert subject_text("gadget:1") == "gadget:1"
    assert subject_text(None) == ""


def test_details_read_in_chinese_with_the_purpose_first() -> None:
    text = detail_text({"interface": "gui", "failed_attempts": 0, "purpose": "组卷"})
    assert text == "事由：组卷；方式：图形界面；失败登录：0"
    assert detail_text({"counts": {"account.add": 2}, "reason": "正常退出"}) == (
        "原因：正常退出；工作：新增账户2项")
    assert detail_text({"by_admin": True, "zzz": [1, "二"]}) == "管理员重置：是；zzz：1、二"
    assert detail_text({"zzz": {"a": 1}}) == 'zzz：{"a": 1}'
    assert detail_text({}) == ""


def test_the_bank_and_question_entries_read_in_chinese() -> None:
    assert detail_text({"version": 1, "from": "submitted"}) == "原：待审核；版本：1"
    assert detail_text({"from": "keeper", "to": "keeper,reviewer"}) == (
        "原：题库管理员；新：题库管理员、审核员")
    assert detail_text({"occupation": "6-31-01-03", "trade": None, "level": 4,
                        "exam": "practical", "standard": 1}) == (
        "职业：6-31-01-03；工种：无；等级：四级/中级工；类别：操作技能；评价标准：1")
    assert detail_text({"kind": "national", "title": "电工国家职业技能标准"}) == (
        "标准类别：国家职业技能标准；名称：电工国家职业技能标准")
    assert detail_text({"qtype": "single", "status": "draft", "warnings": []}) == (
        "题型：单项选择题；状态：草稿；提示：无")


def test_an_import_names_its_questions_as_ranges() -> None:
    detail = {"source": "试题.xlsx", "added": 644, "new_versions": 1, "edited": 0,
              "unchanged": 3, "questions": {"added": [[1, 644]], "new_versions": [[700, 700]],
                                            "edited": []}}
    assert detail_text(detail) == ("来源文件：试题.xlsx；新增：644；新版本：1；修改：0；未变：3；"
                                   "试题：新增 #1–#644，新版本 #700")
    scattered = [[n, n] for n in range(1, 40, 2)] + [[100, 149]]
    assert detail_text({"questions": {"new_versions": scattered}}) == (
        "试题：新版本 #1、#3、#5、#7、#9、#11、#13、#15、#17、#19、…（共 70 道）")
    assert detail_text({"questions": [5, 9], "group": "近似-5-9"}) == (
        "试题：#5、#9；互斥组：近似-5-9")


def test_odd_values_are_shown_as_they_are() -> None:
    assert detail_text({"status": "lost", "level": 9, "qtype": 3}) == (
        "等级：9；题型：3；状态：lost")
    assert detail_text({"questions": {"added": [[1], "x"]}}) == "试题：无"
