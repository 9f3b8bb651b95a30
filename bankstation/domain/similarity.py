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
# ℓ: how many prefix tokens a candidate pair must share. Longer prefixes cost more index
# entries and counting, fewer candidates cost less checking; 5 was fastest on the benchmark
# bank (benchmarks/README.md, similarity section).
PREFIX_SHARED = 5


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
    index: dict[int, list[int]] = defaultdict(list)  # token -> sets, smallest first
    found: list[SimilarPair] = []
    for n, mine in enumerate(tokens):
        size = sizes[n]
        least = math.ceil(threshold * size - _SLACK)  # o_x
        lists = _postings(index, mine[: size - least + PREFIX_SHARED], sizes,
                          threshold * size - _SLACK)
        required = min(PREFIX_SHARED, least)
        for other, count in Counter(chain.from_iterable(lists)).most_common():
            if count < required:
                break
            other_size = sizes[other]
            shared = len(members[n] & members[other])
            if shared < share * (size + other_size) - _SLACK:
                continue
            score = shared / (size + other_size - shared)
            if score >= threshold:
                a, b = sorted((keys[n], keys[other]))
                found.append(SimilarPair(a, b, round(score, 4)))
        indexed = size - math.ceil(2 * share * size - _SLACK) + PREFIX_SHARED  # o_y
        for token in mine[: max(1, indexed)]:
            index[token].append(n)
    return sorted(found, key=lambda p: (-p.similarity, p.first, p.second))


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
