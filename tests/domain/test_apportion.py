"""Hamilton apportionment: the rule as written, and its invariants."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bankstation.domain.apportion import hamilton


def test_worked_example() -> None:
    # 60 singles over A 20 / B 45 / C 35: quotas 12, 27, 21 exactly
    assert hamilton(60, {"A": 20, "B": 45, "C": 35}) == {"A": 12, "B": 27, "C": 21}
    # 10 items over thirds: 3.33 each, one seat left, tie goes to the first code
    assert hamilton(10, {"B": 33.4, "A": 33.3, "C": 33.3}) == {"A": 3, "B": 4, "C": 3}
    assert hamilton(10, {"C": 100 / 3, "B": 100 / 3, "A": 100 / 3}) == {"A": 4, "B": 3, "C": 3}
    assert hamilton(2, {"C": 50, "A": 25, "B": 25}) == {"A": 1, "B": 0, "C": 1}


def test_ties_go_to_the_first_code() -> None:
    assert hamilton(1, {"B": 50, "A": 50}) == {"A": 1, "B": 0}
    assert hamilton(3, {"AB": 25, "AA": 25, "BA": 25, "BB": 25}) == {
        "AA": 1, "AB": 1, "BA": 1, "BB": 0}


weights = st.dictionaries(st.sampled_from(["A", "B", "C", "D", "E", "F"]),
                          st.integers(1, 100), min_size=1).map(
    lambda d: {k: v * 100 / sum(d.values()) for k, v in d.items()})


@given(st.integers(0, 500), weights)
def test_seats_sum_and_stay_within_one_of_the_quota(count: int, w: dict[str, float]) -> None:
    seats = hamilton(count, w)
    assert sum(seats.values()) == count
    for key, share in w.items():
        quota = count * share / 100
        assert quota - 1 < seats[key] < quota + 1 + 1e-9
