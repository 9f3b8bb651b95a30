"""The program's own key-derivation defaults are the strong ones (tests use cheap ones)."""

from __future__ import annotations

import json
from pathlib import Path

from bankstation.crypto.kdf import DEFAULT_KDF, MIN_MEMORY_KIB
from bankstation.domain.accounts import Pledge
from bankstation.services import station
from tests.support import FakeClock


def test_default_parameters_meet_the_design_floor() -> None:
    assert DEFAULT_KDF.memory_kib >= MIN_MEMORY_KIB == 64 * 1024
    assert DEFAULT_KDF.iterations >= 3
    assert DEFAULT_KDF.lanes >= 1


def test_init_without_overrides_writes_strong_slots(tmp_path: Path) -> None:
    path = tmp_path / "v.bsv"
    clock = FakeClock()
    station.init_vault(path, "admin", "王建国", Pledge(clock.now().date(), "BM-1"),
                       "a-strong-pass", clock)
    slot = json.loads((tmp_path / "v.bsv.keys").read_text())["slots"][0]
    assert slot["kdf"]["alg"] == "argon2id"
    assert slot["kdf"]["memory_kib"] == DEFAULT_KDF.memory_kib
    assert slot["kdf"]["iterations"] == DEFAULT_KDF.iterations
    session = station.login(path, "admin", "a-strong-pass", "检查", clock)
    station.logout(session)
