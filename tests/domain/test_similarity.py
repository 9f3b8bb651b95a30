"""Near-duplicate detection: the filtered join finds exactly what brute force finds."""

from __future__ import annotations

import random
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bankstation.domain.similarity import SimilarPair, jaccard, similar_pairs, trigrams

ALPHABET = "电压流阻器安全接地线路开关变绝缘测量"


def _brute(texts: list[tuple[int, str]], threshold: float) -> list[SimilarPair]:
    """Every pair scored, in similar_pairs' order."""
    sets = {k: trigrams(t) for k, t in texts}
    pairs = [SimilarPair(a, b, round(jaccard(sets[a], sets[b]), 4))
             for a, b in combinations(sorted(sets), 2) if sets[a] and sets[b]
             and jaccard(sets[a], sets[b]) >= threshold]
    return sorted(pairs, key=lambda p: (-p.similarity, p.first, p.second))


def _near_copies(rng: random.Random, groups: int) -> list[tuple[int, str]]:
    """Random texts, each with a few copies that have a few characters replaced, inserted or
    deleted: the kind of pair the check exists for, at every distance around the threshold."""
    texts: list[str] = []
    for _ in range(groups):
        base = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 60)))
        texts.append(base)
        for _ in range(rng.randint(0, 3)):
            chars = list(base)
            for _ in range(rng.randint(0, 4)):
                roll = rng.random()
                if roll < 0.4 and chars:
                    chars[rng.randrange(len(chars))] = rng.choice(ALPHABET)
                elif roll < 0.7:
                    chars.insert(rng.randint(0, len(chars)), rng.choice(ALPHABET))
                elif chars:
                    del chars[rng.randrange(len(chars))]
            texts.append("".join(chars))
    rng.shuffle(texts)
    return [(rng.randrange(-10**6, 10**6), t) for t in texts]


def test_reworded_question_is_found() -> None:
    texts = [
        (1, "在三相四线制供电系统中，中性线上不允许安装熔断器。"),
        (2, "在三相四线制供电系统中，中性线上不允许安装熔断器和开关。"),
        (3, "使用兆欧表测量绝缘电阻前，应先将被测设备断电并放电。"),
    ]
    pairs = similar_pairs(texts, 0.8)
    assert [(p.first, p.second) for p in pairs] == [(1, 2)]
    assert 0.8 <= pairs[0].similarity < 1


def test_a_pair_exactly_at_the_threshold_is_kept() -> None:
    # 3, 4 and 5 trigrams, each set inside the next: Jaccard 3/4, 4/5 and 3/5
    texts = [(1, "电压电流电"), (2, "电压电流电阻"), (3, "电压电流电阻器")]
    assert trigrams(texts[0][1]) < trigrams(texts[1][1]) < trigrams(texts[2][1])
    assert similar_pairs(texts, 0.8) == [SimilarPair(2, 3, 0.8)]
    assert similar_pairs(texts, 0.75) == [SimilarPair(2, 3, 0.8), SimilarPair(1, 2, 0.75)]
    assert similar_pairs(texts, 0.6) == [SimilarPair(2, 3, 0.8), SimilarPair(1, 2, 0.75),
                                         SimilarPair(1, 3, 0.6)]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.text(alphabet="电压流阻器安全接地线路开关", min_size=0, max_size=14),
             min_size=0, max_size=25),
    st.sampled_from([0.5, 0.7, 0.8, 0.9, 1.0]),
)
def test_matches_brute_force(samples: list[str], threshold: float) -> None:
    texts = list(enumerate(samples))
    assert similar_pairs(texts, threshold) == _brute(texts, threshold)


@pytest.mark.parametrize("seed", range(8))
def test_matches_brute_force_on_near_copies(seed: int) -> None:
    rng = random.Random(seed)
    texts = _near_copies(rng, 60)
    for threshold in (0.5, 0.7, 0.75, 0.8, 0.85, 0.9, 1.0):
        assert similar_pairs(texts, threshold) == _brute(texts, threshold), threshold
