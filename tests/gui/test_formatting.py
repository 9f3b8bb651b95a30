"""How ledger values read in the tables (pure functions, no Qt)."""

from __future__ import annotations

from bankstation.gui.formatting import detail_text, subject_text


def test_subjects_name_their_kind() -> None:
    assert subject_text("account:li") == "账户 li"
    assert subject_text("computer_use:12") == "使用登记 #12"
    assert subject_text("room_access:3") == "出入登记 #3"
    assert subject_text("paper:abc") == "paper:abc"
    assert subject_text(None) == ""


def test_details_read_in_chinese_with_the_purpose_first() -> None:
    text = detail_text({"interface": "gui", "failed_attempts": 0, "purpose": "组卷"})
    assert text == "事由：组卷；方式：图形界面；失败登录：0"
    assert detail_text({"counts": {"account.add": 2}, "reason": "正常退出"}) == (
        "原因：正常退出；工作：新增账户2项")
    assert detail_text({"by_admin": True, "zzz": [1, "二"]}) == '管理员重置：是；zzz：[1, "二"]'
    assert detail_text({}) == ""
