"""Near-duplicate questions by character-trigram Jaccard similarity.

Pairs are found without comparing every pair (PPJoin, Xiao et al. 2008, "Efficient similarity
joins for near duplicate detection"). Tokens are numbered rarest first and each set is sorted in
that order; sets are visited from the smallest up, each probing an index of the sets before it.
Two sets x and y with Jaccard >= t share at least α = t/(1+t)·(|x|+|y|) tokens, so:

- size: |y| >= t·|x|; an index entry of a set that small is dropped for good, since later
  sets are no smaller;
- prefix: they share a token among the first |x| - ceil(t·|x|) + 1 of x (the probe prefix)
  and among the first |y| - ceil(2t/(1+t)·|y|) + 1 of y (the index prefix: |y| <= |x|);
- position: if their first shared token is the i-th of x and the j-th of y (from 0), no
  token before either is shared, so at most 1 + min(|x|-i-1, |y|-j-1) are: fewer than α and
  the pair is dropped before its sets are intersected.

Each bound is loosened by a hair (_SLACK) so that float rounding can only let more pairs
through to the exact check, which computes the score as ``jaccard`` does.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain

_NOISE = re.compile(r"[\s\u3000,.，。、；;：:！!？?（）()\[\]【】“”\"'‘’_＿-]+")
_SLACK = 1e-9


def normalise(text: str) -> str:
    return _NOISE.sub("", text).lower()


def trigrams(text: str) -> frozenset[str]:
    return frozenset(_grams(text))


def _grams(text: str) -> list[str]:
    clean = normalise(text)
    if len(clean) < 3:
        return [clean] if clean else []
    return [clean[i : i + 3] for i in range(len(clean) - 2)]


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


def similar_pairs(texts: Iterable[tuple[int, str]], threshold: float = 0.8) -> list[SimilarPair]:
    """Every pair of ids whose texts have trigram Jaccard >= threshold (0 < threshold <= 1),
    most similar first."""
    keys, tokens = _numbered(texts)
    members = [frozenset(t) for t in tokens]
    sizes = [len(t) for t in tokens]
    share = threshold / (1 + threshold)  # α = share·(|x|+|y|)
    index: dict[int, list[tuple[int, int]]] = defaultdict(list)  # token -> [(set, position)]
    found: list[SimilarPair] = []
    for n, mine in enumerate(tokens):
        size = sizes[n]
        smallest = threshold * size - _SLACK
        probe = min(size, size - math.ceil(threshold * size - _SLACK) + 1)
        seen: set[int] = set()
        for i in range(probe):
            postings = index.get(mine[i])
            if not postings:
                continue
            if sizes[postings[0][0]] < smallest:  # drop the sets too small for this and later
                cut = 1
                while cut < len(postings) and sizes[postings[cut][0]] < smallest:
                    cut += 1
                del postings[:cut]
            left = size - i - 1
            for other, j in postings:
                if other in seen:
                    continue
                seen.add(other)  # the first shared token bounds the overlap; later ones don't
                other_size = sizes[other]
                need = share * (size + other_size) - _SLACK
                right = other_size - j - 1
                if 1 + (left if left < right else right) < need:
                    continue
                shared = len(members[n] & members[other])
                if shared < need:
                    continue
                score = shared / (size + other_size - shared)
                if score >= threshold:
                    a, b = sorted((keys[n], keys[other]))
                    found.append(SimilarPair(a, b, round(score, 4)))
        indexed = max(1, size - math.ceil(2 * share * size - _SLACK) + 1)
        for j in range(min(size, indexed)):
            index[mine[j]].append((n, j))
    return sorted(found, key=lambda p: (-p.similarity, p.first, p.second))


def _numbered(texts: Iterable[tuple[int, str]]) -> tuple[list[int], list[list[int]]]:
    """The ids with any trigram, smallest set first, and each set as token numbers in
    ascending order, numbered rarest first (ties by the trigram itself)."""
    numbers: dict[str, int] = {}  # each trigram's text held once, not once per question
    number = numbers.setdefault
    sets: dict[int, frozenset[int]] = {}
    for key, text in texts:
        grams = _grams(text)
        if grams:
            sets[key] = frozenset([number(g, len(numbers)) for g in grams])
        else:
            sets.pop(key, None)  # as {key: trigrams(text)} would: the last text of an id wins
    freq = Counter(chain.from_iterable(sets.values()))
    names = list(numbers)
    rank = [0] * len(names)
    for place, token in enumerate(sorted(range(len(names)), key=lambda t: (freq[t], names[t]))):
        rank[token] = place
    keys = sorted(sets, key=lambda k: len(sets[k]))
    return keys, [sorted(map(rank.__getitem__, sets[k])) for k in keys]
