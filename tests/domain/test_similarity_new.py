"""Pairs with new texts: the same as the whole join's pairs that hold a new text."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bankstation.domain.similarity import SimilarPair, similar_pairs
from bankstation.domain.similarity_new import pairs_with
from tests.domain.test_similarity import _near_copies


def _expected(old: list[tuple[int, str]], new: list[tuple[int, str]],
              threshold: float) -> list[SimilarPair]:
    fresh = {k for k, _t in new}
    return [p for p in similar_pairs([*old, *new], threshold)
            if p.first in fresh or p.second in fresh]


def _split(texts: list[tuple[int, str]], rng: random.Random, share: float
           ) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Distinct keys, each text old or new at random."""
    unique = list(dict(texts).items())
    old = [kt for kt in unique if rng.random() >= share]
    return old, [kt for kt in unique if kt not in old]


def test_a_new_row_finds_its_copy_in_the_bank_and_not_the_bank_pairs() -> None:
    old = [(1, "在三相四线制供电系统中，中性线上不允许安装熔断器。"),
           (2, "在三相四线制供电系统中，中性线上不允许安装熔断器和开关。"),
           (3, "使用兆欧表测量电气设备的绝缘电阻前，应先将被测设备断电，并对地充分放电。")]
    new = [(-7, "使用兆欧表测量电气设备的绝缘电阻前，应先将被测设备断电，并对地进行充分放电。"),
           (-8, "电流互感器二次侧不得开路。")]
    pairs = pairs_with(old, new)
    assert [(p.first, p.second) for p in pairs] == [(-7, 3)]
    assert pairs == _expected(old, new, 0.8)
    assert pairs_with(old, []) == []


def test_two_new_rows_alike_are_one_pair() -> None:
    new = [(-1, "电压互感器二次侧不得短路。"), (-2, "电压互感器二次侧不得短路！")]
    assert pairs_with([], new) == [SimilarPair(-2, -1, 1.0)]
    assert pairs_with(iter([(5, "电压互感器二次侧不得短路")]), iter(new)) == [
        SimilarPair(-2, -1, 1.0), SimilarPair(-2, 5, 1.0), SimilarPair(-1, 5, 1.0)]


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.text(alphabet="电压流阻器安全接地线路开关", min_size=0, max_size=14),
             min_size=0, max_size=25),
    st.lists(st.booleans(), min_size=25, max_size=25),
    st.sampled_from([0.5, 0.7, 0.8, 0.9, 1.0]),
)
def test_matches_the_whole_join(samples: list[str], is_new: list[bool], threshold: float
                                ) -> None:
    texts = list(enumerate(samples))
    old = [kt for kt in texts if not is_new[kt[0]]]
    new = [kt for kt in texts if is_new[kt[0]]]
    assert pairs_with(old, new, threshold) == _expected(old, new, threshold)


@pytest.mark.parametrize("seed", range(8))
def test_matches_the_whole_join_on_near_copies(seed: int) -> None:
    rng = random.Random(seed)
    for share in (0.02, 0.2, 0.8):
        old, new = _split(_near_copies(rng, 60), rng, share)
        for threshold in (0.5, 0.7, 0.75, 0.8, 0.85, 0.9, 1.0):
            assert pairs_with(old, new, threshold) == _expected(old, new, threshold), \
                (share, threshold)
