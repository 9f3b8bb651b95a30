"""Checkpoint text: round trip and refusal of malformed notes."""

from __future__ import annotations

import pytest

from bankstation.domain.checkpoint import Checkpoint, SignedCheckpoint, parse_checkpoint
from bankstation.domain.errors import BadCheckpoint

SAMPLE = SignedCheckpoint(
    Checkpoint("1234-abcd", 42, bytes(range(32)), "2026-11-27T10:00:00+08:00", "演示站 一号"),
    "bankstation-station", b"\x01\x02\x03\x04", bytes(64),
)


def test_round_trip() -> None:
    parsed = parse_checkpoint(SAMPLE.text())
    assert parsed == SAMPLE
    assert parsed.checkpoint.body() == SAMPLE.checkpoint.body()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hello\n\n",
        SAMPLE.text().replace("\n42\n", "\nforty-two\n"),
        SAMPLE.text().split("\n\n")[0] + "\n\n",
        SAMPLE.text().replace("— bankstation-station", "- bankstation-station"),
        SAMPLE.text().replace("time ", "tiem "),
    ],
)
def test_malformed_checkpoints_are_refused(text: str) -> None:
    with pytest.raises(BadCheckpoint):
        parse_checkpoint(text)
