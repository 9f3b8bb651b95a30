"""The shipped 2022 occupation catalogue (resources/catalogue/csco22.csv)."""

from __future__ import annotations

import csv
from pathlib import Path

from bankstation.domain.occupations import Occupation, strip_markers


def read_catalogue(path: Path) -> dict[str, Occupation]:
    """Occupations (level-4 rows) by code, with the L/S markers turned into flags."""
    out: dict[str, Occupation] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            if row.get("level") != "4":
                continue
            name, digital, green = strip_markers(row["name"])
            out[row["code"]] = Occupation(row["code"], name, row.get("definition") or "",
                                          digital, green)
    return out
