"""Sets of ids written as ranges, so one ledger entry can name every question of an import."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def id_ranges(ids: Iterable[int]) -> list[list[int]]:
    """[[first, last], …] covering exactly ``ids``, in order: an import's new ids are
    consecutive, so 100,000 of them are one pair."""
    ranges: list[list[int]] = []
    for n in sorted(set(ids)):
        if ranges and ranges[-1][1] == n - 1:
            ranges[-1][1] = n
        else:
            ranges.append([n, n])
    return ranges


def in_ranges(n: int, ranges: Sequence[Sequence[int]]) -> bool:
    """Whether ``n`` is in one of ``ranges`` (as ``id_ranges`` writes them; anything else in
    a ledger entry's detail counts as no match)."""
    for pair in ranges:
        if (isinstance(pair, list | tuple) and len(pair) == 2
                and all(isinstance(x, int) for x in pair) and pair[0] <= n <= pair[1]):
            return True
    return False
