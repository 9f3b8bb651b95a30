"""Blueprints: every validation rule, the derived cell table, approval and locking."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bankstation.domain.errors import PermissionDenied, ValidationError
from bankstation.domain.qtypes import Status
from bankstation.services import blueprints, station
from bankstation.services.blueprints import BlueprintInvalid
from tests.papers.conftest import blueprint_dict
from tests.support import FakeClock, login


def _save(path: Path, clock: FakeClock, bank: int, **changes: object
          ) -> blueprints.StoredBlueprint:
    keeper = login(path, clock, "keeper", "keeper-pass-1")
    try:
        stored, _w = blueprints.save(keeper, bank, blueprints.parse(
            json.dumps(blueprint_dict(**changes))))
        return stored
    finally:
        station.logout(keeper)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"weights": {"A": 40, "B": 50}}, "合计 90"),
        ({"weights": {"A": 40, "Z": 60}}, "鉴定范围 Z 不在"),
        ({"weights": {"A": 40, "BA": 60}}, "同一层级"),
        ({"sections": [{"qtype": "practical", "count": 1, "points": 100}]}, "不属于本考试类别"),
        ({"sections": [{"qtype": "judge", "count": 0, "points": 2},
                       {"qtype": "single", "count": 20, "points": 5}]}, "大于 0"),
        ({"sections": [{"qtype": "judge", "count": 10, "points": 1}]}, "应为满分 100"),
        ({"level": 3}, "不一致"),
        ({"importance": {"X": {"min": 90, "max": 80}}}, "界限无效"),
        ({"cells": {"A": {"judge": 3}}, "weights": None}, "与题量 10 不符"),
    ],
)
def test_invalid_blueprints_are_refused(staffed_vault: Path, clock: FakeClock, bank: int,
                                        changes: dict[str, object], message: str) -> None:
    if changes.get("weights", "") is None:
        changes = {k: v for k, v in changes.items() if k != "weights"}
        keeper = login(staffed_vault, clock, "keeper", "keeper-pass-1")
        data = blueprint_dict(**changes)
        del data["weights"]
        with pytest.raises(BlueprintInvalid, match=message):
            blueprints.save(keeper, bank, blueprints.parse(json.dumps(data)))
        station.logout(keeper)
        return
    with pytest.raises(BlueprintInvalid, match=message):
        _save(staffed_vault, clock, bank, **changes)


def test_not_json_and_missing_parts(staffed_vault: Path, clock: FakeClock, bank: int) -> None:
    with pytest.raises(ValidationError, match="不是有效的 JSON"):
        blueprints.parse("{oops")
    with pytest.raises(BlueprintInvalid, match="sections"):
        blueprints.parse(json.dumps({"format": "bankstation.blueprint/1"}))


def test_weights_disagreeing_with_the_table_warn(staffed_vault: Path, clock: FakeClock,
                                                 bank: int) -> None:
    keeper = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    _stored, warnings = blueprints.save(keeper, bank, blueprints.parse(json.dumps(
        blueprint_dict(weights={"A": 50, "B": 50}))))
    station.logout(keeper)
    assert next(w.message for w in warnings).startswith("鉴定范围「A 基础知识」在方案中占 50%")


def test_cells_are_derived_by_largest_remainder(staffed_vault: Path, clock: FakeClock,
                                                bank: int) -> None:
    stored = _save(staffed_vault, clock, bank)
    assert stored.blueprint.derived_cells() == {
        "A": {"judge": 4, "single": 8, "multiple": 2},
        "B": {"judge": 6, "single": 12, "multiple": 3},
    }


def test_approval_locks_and_edits_make_new_versions(staffed_vault: Path, clock: FakeClock,
                                                    bank: int) -> None:
    stored = _save(staffed_vault, clock, bank)
    keeper = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    with pytest.raises(PermissionDenied):
        blueprints.approve(keeper, stored.id)
    station.logout(keeper)
    reviewer = login(staffed_vault, clock, "reviewer", "reviewer-pass-1")
    approved = blueprints.approve(reviewer, stored.id)
    station.logout(reviewer)
    assert approved.status is Status.APPROVED
    keeper = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    changed, _w = blueprints.save(keeper, bank, blueprints.parse(json.dumps(
        blueprint_dict(title="修订后的方案"))), blueprint_id=stored.id)
    first = blueprints.get(keeper, stored.id, version=1)
    station.logout(keeper)
    assert (changed.version, changed.status) == (2, Status.SUBMITTED)
    assert first.status is Status.APPROVED and first.sha256 == approved.sha256
    assert first.sha256 == first.blueprint.sha256()


def test_nobody_approves_their_own_blueprint(staffed_vault: Path, clock: FakeClock,
                                             bank: int) -> None:
    from bankstation.domain.roles import Role
    from bankstation.services import accounts

    admin = login(staffed_vault, clock)
    accounts.add_account(admin, "both", "兼职", frozenset({Role.KEEPER, Role.REVIEWER}),
                         accounts.pledge_from(admin, "2026-01-01", "BM-X"), "both-pass-1")
    station.logout(admin)
    both = login(staffed_vault, clock, "both", "both-pass-1")
    stored, _w = blueprints.save(both, bank, blueprints.parse(json.dumps(blueprint_dict())))
    with pytest.raises(PermissionDenied, match="本人编写"):
        blueprints.approve(both, stored.id)
    station.logout(both)
