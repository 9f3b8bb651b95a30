"""Near-duplicates that involve new texts: the rows of a file against a large bank.

``similar_pairs`` indexes every text, so checking 200 rows against 200,000 questions costs what
the whole bank's report does. Here only the new texts are indexed, and each old text probes that
index once: the old side costs a trigram set and a few look-ups per text.

The filters are those of similarity.py made symmetric, since the texts are not visited smallest
first. With m = |x ∩ y| >= t·max(|x|, |y|), either set's first |s| - ceil(t·|s|) + ℓ tokens hold
the first min(ℓ, m) shared ones, so a pair is a candidate only when the two prefixes share
min(ℓ, ceil(t·|x|)) tokens. Tokens are ranked by rarity among the new texts; a token that no new
text holds ranks after all of them and matches nothing, which keeps one order for every set
without numbering the bank's tokens. An old text holding fewer than ceil(t·|x|) of the new
texts' tokens cannot reach the threshold with any of them and is passed over at once.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import chain

from bankstation.domain.similarity import (
    PREFIX_SHARED,
    SLACK,
    SimilarPair,
    ordered,
    scored,
    similar_pairs,
    trigrams,
)


def pairs_with(old: Iterable[tuple[int, str]], new: Iterable[tuple[int, str]],
               threshold: float = 0.8) -> list[SimilarPair]:
    """The pairs ``similar_pairs([*old, *new])`` finds that hold a new text, in its order.
    Keys are distinct across both lists (of a key repeated within ``new``, the last text
    counts, as there)."""
    new = list(new)  # read twice: here and by similar_pairs below
    fresh: dict[int, frozenset[str]] = {}
    for key, text in new:
        fresh.pop(key, None)
        grams = trigrams(text)
        if grams:
            fresh[key] = grams
    if not fresh:
        return []
    index = _Index(fresh, threshold)
    found = similar_pairs(((key, text) for key, text in new if key in fresh), threshold)
    for key, text in old:
        found += index.probe(key, trigrams(text))
    return ordered(found)


def _prefix(size: int, threshold: float) -> int:
    """How many of a set's first tokens may hold the ℓ first shared ones."""
    return size - math.ceil(threshold * size - SLACK) + PREFIX_SHARED


class _Index:
    """The new texts, smallest first, and their prefix tokens ranked by rarity among them
    (1 = rarest); each token's list of texts is in that order, so a size range is a slice."""

    def __init__(self, fresh: dict[int, frozenset[str]], threshold: float) -> None:
        self.threshold = threshold
        self.keys = sorted(fresh, key=lambda k: len(fresh[k]))
        self.sets = [fresh[k] for k in self.keys]
        self.sizes = [len(g) for g in self.sets]
        freq = Counter(chain.from_iterable(self.sets))
        self.rank = {g: n for n, g in enumerate(sorted(freq, key=lambda g: (freq[g], g)), 1)}
        self.postings: defaultdict[int, list[int]] = defaultdict(list)
        for n, grams in enumerate(self.sets):
            for token in sorted(map(self.rank.__getitem__, grams))[
                    : _prefix(len(grams), threshold)]:
                self.postings[token].append(n)

    def probe(self, key: int, grams: frozenset[str]) -> list[SimilarPair]:
        """The pairs of one old text with the new texts."""
        size, t = len(grams), self.threshold
        least = math.ceil(t * size - SLACK)
        # 0 is no rank: filter(None) keeps the tokens the new texts hold
        ranks = list(filter(None, map(self.rank.get, grams)))
        if not ranks or len(ranks) < least:
            return []
        ranks.sort()
        # only new texts of t·|x| to |x|/t tokens can reach the threshold
        low = bisect_left(self.sizes, t * size - SLACK)
        high = bisect_right(self.sizes, size / t + SLACK)
        get = self.postings.get
        lists = [p[bisect_left(p, low):bisect_left(p, high)]
                 for p in map(get, ranks[: _prefix(size, t)]) if p]
        required = min(PREFIX_SHARED, least)
        pairs = []
        for other, count in Counter(chain.from_iterable(lists)).most_common():
            if count < required:
                break
            pair = scored(key, self.keys[other], grams, self.sets[other], t)
            if pair:
                pairs.append(pair)
        return pairs
