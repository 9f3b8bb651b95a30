"""Writer process for test_import_crash: imports CSV files of new questions until killed."""

from __future__ import annotations

import random
import sys
from pathlib import Path

from bankstation.services import import_duplicates, imports, station
from bankstation.services.clock import SystemClock
from bankstation.services.imports import Source
from tests.crash_child import say
from tests.support import FAST_KDF

KEEPER, KEEPER_PW = "keeper", "keeper-pass-1"
ROWS = 1500  # per file: an import of this size takes a few tenths of a second to commit
WORDS = ("变压器", "接触器", "熔断器", "兆欧表", "电动机", "断路器", "接地线", "互感器",
         "绝缘", "短路", "过载", "额定电压", "铭牌", "巡视", "检修", "停电", "验电")


def tag(batch: int) -> str:
    """What every stem of a file starts with: one word, found by a search only in that file."""
    return f"批次{batch:04d}号"


def write_file(folder: Path, batch: int, rng: random.Random) -> Path:
    """ROWS judge questions that no earlier file had (no 试题编号, so each row is new)."""
    lines = ["题型,鉴定点,题干,答案"]
    for n in range(ROWS):
        words = "、".join(rng.sample(WORDS, 4))
        lines.append(f"判断题,AA001,{tag(batch)}第 {n} 题：检查{words}时应先断开电源。,√")
    path = folder / f"batch-{batch}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main(argv: list[str]) -> None:
    path, rng, bank = Path(argv[0]), random.Random(int(argv[1])), int(argv[2])
    folder, first = Path(argv[3]), int(argv[4])
    # The near-duplicate check is not what is tested, and every file here is alike.
    import_duplicates.WHOLE_LIMIT = import_duplicates.ROWS_LIMIT = 0
    session = station.login(path, KEEPER, KEEPER_PW, "导入崩溃测试", SystemClock(), "cli",
                            FAST_KDF)
    say("ready")
    for batch in range(first, first + 1000):
        source = Source(write_file(folder, batch, rng))
        say(f"import> {batch}")
        plan = imports.plan_import(session, bank, source)
        say(f"commit> {batch}")
        imports.commit_import(session, plan)
        say(f"C {batch} {len(plan.added)}")  # only after the commit returned: it is saved


if __name__ == "__main__":
    main(sys.argv[1:])
