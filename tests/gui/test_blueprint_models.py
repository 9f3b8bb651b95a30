"""The blueprint tables pass Qt's model tester, through edits, moves, reloads and the lock."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from bankstation.domain.qtypes import QType
from bankstation.gui.hub import Context, Hub
from bankstation.gui.models.blueprint_cells import CellsModel
from bankstation.gui.models.blueprint_list import BlueprintColumn, BlueprintsModel
from bankstation.gui.models.blueprint_tables import (
    SectionRow,
    SectionsModel,
    WeightColumn,
    WeightRow,
    WeightsModel,
    col,
)
from bankstation.services import blueprints, station
from bankstation.services.session import Session
from tests.gui.gui_support import wait_for_ops
from tests.papers import conftest as papers_data
from tests.support import FakeClock, login

bank = papers_data.bank
approved_blueprint = papers_data.approved_blueprint


def test_sections_model(qtmodeltester: ModelTester) -> None:
    model = SectionsModel()
    model.qtypes = [QType.JUDGE, QType.SINGLE, QType.MULTIPLE]
    model.set_rows([SectionRow(QType.JUDGE, 20, 1), SectionRow(QType.SINGLE, 60, 1)])
    qtmodeltester.check(model, force_py=True)  # type: ignore[no-untyped-call]
    assert model.data(model.index(1, 3)) == "60"
    assert model.setData(model.index(1, 2), 0.5)
    assert model.data(model.index(1, 3)) == "30"
    assert not model.setData(model.index(1, 3), 7)  # the subtotal is computed
    assert model.add_row() == 2 and model.rows[2].qtype is QType.MULTIPLE
    assert model.move_row(2, -1) == 1
    assert [r.qtype for r in model.rows] == [QType.JUDGE, QType.MULTIPLE, QType.SINGLE]
    assert model.move_row(0, 1) == 1
    assert [r.qtype for r in model.rows] == [QType.MULTIPLE, QType.JUDGE, QType.SINGLE]
    model.remove_row(0)
    model.read_only = True
    assert not model.setData(model.index(0, 1), 5)
    assert not model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]


def test_weights_model_marks_a_disagreement(qtmodeltester: ModelTester) -> None:
    model = WeightsModel()
    model.set_rows([WeightRow("A", "基础知识", 50, 40), WeightRow("B", "专业知识", 50, None)])
    qtmodeltester.check(model, force_py=True)  # type: ignore[no-untyped-call]
    weight = col(WeightColumn.WEIGHT)
    assert model.data(model.index(0, weight), Qt.ItemDataRole.ForegroundRole) is not None
    assert "细目表比重 40%" in model.data(model.index(0, weight), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(1, col(WeightColumn.TABLE))) == "（未给出）"
    model.fill_from_table()  # only when asked
    assert model.weights() == {"A": 40, "B": 50} and model.total() == 90


def test_cells_model_totals_and_explicit_edits(qtmodeltester: ModelTester) -> None:
    model = CellsModel()
    qtmodeltester.check(model, force_py=True)  # type: ignore[no-untyped-call]
    scopes = [("A", "基础知识"), ("B", "专业知识")]
    qtypes = [QType.JUDGE, QType.SINGLE]
    model.set_table(scopes, qtypes, {"A": {"judge": 4}, "B": {"judge": 6, "single": 5}},
                    {"judge": 10, "single": 5}, explicit=False)
    assert model.rowCount() == 3 and model.columnCount() == 4
    assert [model.data(model.index(2, c)) for c in range(4)] == ["合计", "10", "5", "15"]
    assert not model.setData(model.index(0, 1), 3)  # derived from the weights
    model.set_table(scopes, qtypes, model.counts, {"judge": 10, "single": 5}, explicit=True)
    assert model.setData(model.index(0, 1), 3)
    assert model.data(model.index(2, 1)) == "9"
    assert model.data(model.index(2, 1), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.cells() == {"A": {"judge": 3}, "B": {"judge": 6, "single": 5}}
    model.set_table(scopes[:1], [QType.JUDGE], {}, {"judge": 0}, explicit=False)  # reshaped
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]


@pytest.fixture
def session(staffed_vault: Path, clock: FakeClock, bank: int,
            approved_blueprint: int) -> Iterator[Session]:
    """An approved blueprint and a draft, seen by the keeper."""
    keeper = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    draft = json.dumps(papers_data.blueprint_dict(title="第二套方案"))
    blueprints.save(keeper, bank, blueprints.parse(draft), submit=False)
    yield keeper
    keeper.detach()


def test_blueprints_model(qtbot: QtBot, qtmodeltester: ModelTester, session: Session) -> None:
    ctx = Context(session, Hub())
    model = BlueprintsModel(ctx)
    wait_for_ops(qtbot)
    assert model.rowCount() == 2
    qtmodeltester.check(model, force_py=True)  # type: ignore[no-untyped-call]
    status = model.column_of(BlueprintColumn.STATUS)
    assert [model.data(model.index(r, status)) for r in range(2)] == ["已通过", "草稿"]
    sha = model.data(model.index(0, model.column_of(BlueprintColumn.SHA)))
    assert len(sha) == 12
    assert model.data(model.index(0, model.column_of(BlueprintColumn.REVIEWER))).startswith(
        "reviewer")
    model.set_bank(9999)
    wait_for_ops(qtbot)
    assert model.rowCount() == 0
    model.set_bank(None)
    wait_for_ops(qtbot)
    station.lock(session)
    ctx.hub.changed.emit()
    assert model.rowCount() == 0
    station.unlock(session, "keeper-pass-1")
