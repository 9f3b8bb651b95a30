"""Id ranges: exactly the ids given, no more, no fewer."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from bankstation.domain.id_ranges import id_ranges, in_ranges


def test_consecutive_ids_are_one_range() -> None:
    assert id_ranges(range(101, 100_101)) == [[101, 100_100]]
    assert id_ranges([7, 3, 4, 5, 9, 9]) == [[3, 5], [7, 7], [9, 9]]
    assert id_ranges([]) == []


@given(st.sets(st.integers(min_value=1, max_value=300)), st.integers(min_value=0, max_value=301))
def test_ranges_hold_exactly_the_ids(ids: set[int], probe: int) -> None:
    ranges = id_ranges(ids)
    assert in_ranges(probe, ranges) == (probe in ids)
    assert all(a <= b for a, b in ranges)
    assert all(b + 1 < c for (_a, b), (c, _d) in pairwise(ranges))


def test_anything_else_in_a_detail_matches_nothing() -> None:
    assert not in_ranges(5, [[1, "9"], [5], "5", [None, 9]])  # type: ignore[list-item]
