"""Near-duplicate questions by character-trigram Jaccard similarity.

Pairs are found without comparing every pair: with tokens ordered rarest first, two sets with
Jaccard >= t must share a token among the first |s| - ceil(t·|s|) + 1 of each (prefix
filtering, Chaudhuri et al. 2006), so only pairs meeting in some prefix are scored.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

_NOISE = re.compile(r"[\s\u3000,.，。、；;：:！!？?（）()\[\]【】“”\"'‘’_＿-]+")


def normalise(text: str) -> str:
    return _NOISE.sub("", text).lower()


def trigrams(text: str) -> frozenset[str]:
    clean = normalise(text)
    if len(clean) < 3:
        return frozenset({clean}) if clean else frozenset()
    return frozenset(clean[i : i + 3] for i in range(len(clean) - 2))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


@dataclass(frozen=True)
class SimilarPair:
    first: int
    second: int
    similarity: float


def similar_pairs(texts: Iterable[tuple[int, str]], threshold: float = 0.8) -> list[SimilarPair]:
    """Every pair of ids whose texts have trigram Jaccard >= threshold, most similar first."""
    sets = {key: trigrams(text) for key, text in texts}
    sets = {k: s for k, s in sets.items() if s}
    freq = Counter(token for s in sets.values() for token in s)
    ordered = {k: sorted(s, key=lambda t: (freq[t], t)) for k, s in sets.items()}
    index: dict[str, list[int]] = defaultdict(list)
    found: list[SimilarPair] = []
    for key in sorted(ordered, key=lambda k: len(ordered[k])):
        tokens = ordered[key]
        size = len(tokens)
        prefix = size - math.ceil(threshold * size) + 1
        candidates: set[int] = set()
        for token in tokens[:prefix]:
            candidates.update(index[token])
        for other in candidates:
            # sizes differ too much for the threshold: skip before intersecting
            if len(sets[other]) < threshold * size:
                continue
            score = jaccard(sets[key], sets[other])
            if score >= threshold:
                a, b = sorted((key, other))
                found.append(SimilarPair(a, b, round(score, 4)))
        for token in tokens[:prefix]:
            index[token].append(key)
    return sorted(found, key=lambda p: (-p.similarity, p.first, p.second))
