"""Occupations, standards and their precedence, banks and element tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from bankstation.domain.elements import ElementNode, Importance
from bankstation.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from bankstation.domain.standards import StandardKind
from bankstation.services import banks, catalogue, elements, station
from bankstation.services.elements import ElementTableInvalid
from tests.support import FakeClock, login, make_bank, sample_elements


def test_catalogue_strips_markers_into_flags(staffed_vault: Path, clock: FakeClock) -> None:
    session = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    survey = catalogue.occupation(session, "2-02-01-04")
    electrician = catalogue.occupation(session, "6-31-01-03")
    found = catalogue.search(session, "电工")
    station.logout(session)
    assert not survey.name.endswith(("L", "S", "L/S"))
    assert electrician.name == "电工" and electrician.may_carry_bank
    assert all(o.may_carry_bank for o in found)
    assert any(o.code == "6-31-01-03" for o in found)


def test_only_groups_3_to_6_carry_a_bank(staffed_vault: Path, clock: FakeClock) -> None:
    session = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    with pytest.raises(ValidationError, match="第三至第六大类"):
        banks.create_bank(session, "2-02-01-04", 4, "theory", StandardKind.NATIONAL, "某标准")
    with pytest.raises(NotFound, match="职业分类大典"):
        banks.create_bank(session, "6-99-99-99", 4, "theory", StandardKind.NATIONAL, "某标准")
    station.logout(session)


def test_new_occupation_and_trade_need_a_reference(staffed_vault: Path, clock: FakeClock) -> None:
    session = login(staffed_vault, clock)
    with pytest.raises(ValidationError, match="文号"):
        catalogue.add_occupation(session, "4-04-05-09", "数字孪生应用技术员", "")
    made = catalogue.add_occupation(session, "4-04-05-09", "数字孪生应用技术员",
                                    "人社部办公厅 2024 年新职业公示")
    with pytest.raises(Conflict):
        catalogue.add_occupation(session, "4-04-05-09", "重复", "人社部 2024")
    trade = catalogue.add_trade(session, "6-31-01-03", "6-31-01-03-01", "维修电工", "电工标准 2018")
    with pytest.raises(ValidationError, match="工种编码"):
        catalogue.add_trade(session, "6-31-01-03", "6-31-01-04-01", "错码", "电工标准 2018")
    station.logout(session)
    keeper = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    with pytest.raises(PermissionDenied):
        catalogue.add_occupation(keeper, "4-04-05-10", "某职业", "某文件 2024")
    bank = banks.create_bank(keeper, made.code, 3, "theory", StandardKind.INDUSTRY, "行业规范")
    sub = banks.create_bank(keeper, "6-31-01-03", 4, "theory", StandardKind.NATIONAL, "国标",
                            trade=trade.code)
    station.logout(keeper)
    assert bank.occupation_name == "数字孪生应用技术员"
    assert sub.occupation_name == "电工（维修电工）"


def test_national_standard_voids_industry_and_enterprise(staffed_vault: Path,
                                                         clock: FakeClock) -> None:
    session = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    welder = ("6-18-02-04", 4, "theory")
    ent = banks.create_bank(session, *welder, StandardKind.ENTERPRISE, "某企业规范")
    assert not ent.voided
    ind = banks.create_bank(session, *welder, StandardKind.INDUSTRY, "焊接行业规范")
    assert banks.get_bank(session, ent.id).voided  # industry comes before enterprise
    assert not banks.get_bank(session, ind.id).voided
    banks.add_standard(session, welder[0], StandardKind.NATIONAL, "焊工国家职业技能标准",
                       "2018年版")
    reason = banks.get_bank(session, ind.id).void_reason or ""
    special = banks.create_bank(session, "6-18-02-04", 4, "theory", StandardKind.SPECIAL, "专项")
    station.logout(session)
    assert "国家职业技能标准" in reason and "废止" in reason
    assert not special.voided


def test_element_table_rules(staffed_vault: Path, clock: FakeClock) -> None:
    bank_id = make_bank(staffed_vault, clock)
    session = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    table = elements.table(session, bank_id)
    assert len(table.points()) == 8
    assert table.absolute_weight("AB") == pytest.approx(16.0)
    assert table.ancestors("BA002") == ["B", "BA"]
    bad = [n if n.code != "AB" else ElementNode("AB", "安全用电", 30) for n in sample_elements()]
    bad.append(ElementNode("CA001", "孤儿", importance=Importance.X))
    bad.append(ElementNode("BB003", "无重要程度"))
    with pytest.raises(ElementTableInvalid) as exc:
        elements.replace(session, bank_id, bad)
    messages = " ".join(p.message for p in exc.value.problems)
    assert "合计 90" in messages and "「CA」不在细目表中" in messages and "BB003" in messages
    assert len(elements.table(session, bank_id).points()) == 8  # nothing saved
    station.logout(session)
