"""Near-duplicate questions by character-trigram Jaccard similarity.

Pairs are found without comparing every pair: a prefix filter (Xiao et al. 2008, "Efficient
similarity joins for near duplicate detection", PPJoin) with prefixes lengthened so that a
candidate must share several of their tokens (Wang, Li and Feng 2012, AdaptJoin's ℓ-prefix).
Tokens are numbered rarest first and each set is sorted in that order; sets are visited from
the smallest up, each probing an index of the sets before it. Two sets x and y with Jaccard >= t
share at least α = t/(1+t)·(|x|+|y|) tokens, and with |y| <= |x| that is at least
o_x = ceil(t·|x|) and at least o_y = ceil(2t/(1+t)·|y|), so:

- size: |y| >= t·|x|; an index entry of a set that small is dropped for good, since later
  sets are no smaller;
- prefix: if they share m tokens, the first |x| - o + ℓ tokens of x and the first |y| - o' + ℓ
  of y (any o, o' <= m) hold the ℓ shared tokens that come first in the order (ℓ <= m): each of
  them has at least m - ℓ shared tokens after it in either set. Probes use o_x and the index
  uses o_y; since m >= o_x, a pair is a candidate only when the two prefixes share at least
  min(ℓ, o_x) tokens. They are counted for all candidates of a probe at once (``Counter``, in
  C), and only the candidates with enough are looked at one by one.

Each bound is loosened by a hair (SLACK) so that float rounding can only let more pairs
through to the exact check, which computes the score as ``jaccard`` does.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain, count
from typing import Any

_NOISE = re.compile(r"[\s\u3000,.，。、；;：:！!？?（）()\[\]【】“”\"'‘’_＿-]+")
SLACK = 1e-9
# ℓ: how many prefix tokens a candidate pair must share. Longer prefixes cost more index
# entries and counting, fewer candidates cost less checking; 5 was fastest on the benchmark
# bank (benchmarks/README.md, similarity section).
PREFIX_SHARED = 5


def normalise(text: str) -> str:
    return _NOISE.sub("", text).lower()


# Slices taken by ``map`` in C: a third of the time of a comprehension of ``clean[i:i + 3]``.
_SLICES = [slice(i, i + 3) for i in range(4096)]


def trigrams(text: str) -> frozenset[str]:
    """The text's distinct character trigrams after ``normalise``; a text of 1–2 characters is
    its own single token."""
    clean = normalise(text)
    if len(clean) < 3:
        return frozenset([clean]) if clean else frozenset()
    count = len(clean) - 2
    cuts = _SLICES[:count] if count <= len(_SLICES) else map(slice, range(count),
                                                             range(3, count + 3))
    return frozenset(map(clean.__getitem__, cuts))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


@dataclass(frozen=True)
class SimilarPair:
    first: int
    second: int
    similarity: float


def scored(first: int, second: int, a: frozenset[Any], b: frozenset[Any], threshold: float
           ) -> SimilarPair | None:
    """The pair of two token sets if their Jaccard reaches the threshold, else None."""
    shared = len(a & b)
    # α = t/(1+t)·(|a|+|b|) shared tokens at least: the cheap test before the division
    if shared < threshold / (1 + threshold) * (len(a) + len(b)) - SLACK:
        return None
    score = shared / (len(a) + len(b) - shared)
    if score < threshold:
        return None
    return SimilarPair(min(first, second), max(first, second), round(score, 4))


def ordered(pairs: list[SimilarPair]) -> list[SimilarPair]:
    """Most similar first, then by ids."""
    return sorted(pairs, key=lambda p: (-p.similarity, p.first, p.second))


def similar_pairs(texts: Iterable[tuple[int, str]], threshold: float = 0.8) -> list[SimilarPair]:
    """Every pair of ids whose texts have trigram Jaccard >= threshold (0 < threshold <= 1),
    most similar first."""
    keys, tokens = _numbered(texts)
    members = [frozenset(t) for t in tokens]
    sizes = [len(t) for t in tokens]
    index: dict[int, list[int]] = defaultdict(list)  # token -> sets, smallest first
    found: list[SimilarPair] = []
    for n, mine in enumerate(tokens):
        size = sizes[n]
        least = math.ceil(threshold * size - SLACK)  # o_x
        lists = _postings(index, mine[: size - least + PREFIX_SHARED], sizes,
                          threshold * size - SLACK)
        required = min(PREFIX_SHARED, least)
        for other, hits in Counter(chain.from_iterable(lists)).most_common():
            if hits < required:
                break
            pair = scored(keys[n], keys[other], members[n], members[other], threshold)
            if pair:
                found.append(pair)
        indexed = size - math.ceil(2 * threshold / (1 + threshold) * size - SLACK) \
            + PREFIX_SHARED  # o_y
        for token in mine[: max(1, indexed)]:
            index[token].append(n)
    return ordered(found)


def _postings(index: dict[int, list[int]], prefix: list[int], sizes: list[int],
              smallest: float) -> list[list[int]]:
    """The index lists of a probe's prefix tokens, each first cut of the sets smaller than
    ``smallest`` (they come first, and no later probe is smaller)."""
    lists = []
    for token in prefix:
        postings = index.get(token)
        if not postings:
            continue
        if sizes[postings[0]] < smallest:
            cut = 1
            while cut < len(postings) and sizes[postings[cut]] < smallest:
                cut += 1
            del postings[:cut]
        lists.append(postings)
    return lists


def _numbered(texts: Iterable[tuple[int, str]]) -> tuple[list[int], list[list[int]]]:
    """The ids with any trigram, smallest set first, and each set as token numbers in
    ascending order, numbered rarest first (ties by the trigram itself)."""
    # each trigram's text held once, not once per question; a new one numbered in C
    numbers: defaultdict[str, int] = defaultdict(count().__next__)
    sets: dict[int, frozenset[int]] = {}
    for key, text in texts:
        grams = trigrams(text)
        if grams:
            sets[key] = frozenset(map(numbers.__getitem__, grams))
        else:
            sets.pop(key, None)  # as {key: trigrams(text)} would: the last text of an id wins
    freq = Counter(chain.from_iterable(sets.values()))
    names = list(numbers)
    rank = [0] * len(names)
    for place, token in enumerate(sorted(range(len(names)), key=lambda t: (freq[t], names[t]))):
        rank[token] = place
    keys = sorted(sets, key=lambda k: len(sets[k]))
    return keys, [sorted(map(rank.__getitem__, sets[k])) for k in keys]
