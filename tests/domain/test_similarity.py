"""Near-duplicate detection: prefix filtering finds exactly what brute force finds."""

from __future__ import annotations

from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from bankstation.domain.similarity import jaccard, similar_pairs, trigrams


def _brute(texts: list[tuple[int, str]], threshold: float) -> set[tuple[int, int]]:
    sets = {k: trigrams(t) for k, t in texts}
    return {(a, b) for a, b in combinations(sorted(sets), 2)
            if sets[a] and sets[b] and jaccard(sets[a], sets[b]) >= threshold}


def test_reworded_question_is_found() -> None:
    texts = [
        (1, "在三相四线制供电系统中，中性线上不允许安装熔断器。"),
        (2, "在三相四线制供电系统中，中性线上不允许安装熔断器和开关。"),
        (3, "使用兆欧表测量绝缘电阻前，应先将被测设备断电并放电。"),
    ]
    pairs = similar_pairs(texts, 0.8)
    assert [(p.first, p.second) for p in pairs] == [(1, 2)]
    assert 0.8 <= pairs[0].similarity < 1


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.text(alphabet="电压流阻器安全接地线路开关", min_size=0, max_size=14),
             min_size=0, max_size=25),
    st.sampled_from([0.5, 0.7, 0.8, 0.9, 1.0]),
)
def test_matches_brute_force(samples: list[str], threshold: float) -> None:
    texts = list(enumerate(samples))
    found = {(p.first, p.second) for p in similar_pairs(texts, threshold)}
    assert found == _brute(texts, threshold)
