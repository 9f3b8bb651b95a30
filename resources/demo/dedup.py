"""Near-duplicate check: character-trigram Jaccard similarity over stem and options.

Same normalisation as the program's own check (bankstation/domain/similarity.py), kept here
so the generator runs without importing the application.
"""

from __future__ import annotations

import re
from collections import defaultdict

from common import Question

THRESHOLD = 0.8
_NOISE = re.compile(r"[\s\u3000,.，。、；;：:！!？?（）()\[\]【】“”\"'‘’_＿-]+")


def text_of(q: Question) -> str:
    """What two questions are compared on: the stem and every option."""
    options = q["options"] if "options" in q else q["right"] + q["wrong"]
    return str(q["stem"]) + "".join(options)


def trigrams(text: str) -> frozenset[str]:
    clean = _NOISE.sub("", text).lower()
    if len(clean) < 3:
        return frozenset({clean}) if clean else frozenset()
    return frozenset(clean[i : i + 3] for i in range(len(clean) - 2))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 1.0


class Index:
    """Kept questions' trigram sets, with an inverted index to find candidates quickly."""

    def __init__(self) -> None:
        self.sets: list[frozenset[str]] = []
        self.by_gram: dict[str, list[int]] = defaultdict(list)

    def nearest(self, grams: frozenset[str]) -> tuple[int, float]:
        """The most similar kept question (index, similarity), or (-1, 0.0)."""
        shared: dict[int, int] = defaultdict(int)
        for gram in grams:
            for other in self.by_gram.get(gram, ()):
                shared[other] += 1
        best, score = -1, 0.0
        for other, common in shared.items():
            union = len(grams) + len(self.sets[other]) - common
            value = common / union if union else 1.0
            if value > score:
                best, score = other, value
        return best, score

    def add(self, grams: frozenset[str]) -> None:
        number = len(self.sets)
        self.sets.append(grams)
        for gram in grams:
            self.by_gram[gram].append(number)


def filter_near_duplicates(items: list[Question]) -> tuple[list[Question], int]:
    """Drop templated questions too close to one already kept; hand-written ones always stay.

    Returns the kept questions and how many templated ones were dropped.
    """
    index = Index()
    kept: list[Question] = []
    dropped = 0
    # hand-written first, so a template variant never pushes out a written question
    ordered = [q for q in items if not q["tpl"]] + [q for q in items if q["tpl"]]
    for q in ordered:
        grams = trigrams(text_of(q))
        _, score = index.nearest(grams)
        if q["tpl"] and score >= THRESHOLD:
            dropped += 1
            continue
        index.add(grams)
        kept.append(q)
    position = {id(q): n for n, q in enumerate(items)}
    kept.sort(key=lambda q: position[id(q)])
    return kept, dropped


def near_duplicate_pairs(items: list[Question]) -> list[tuple[int, int, float]]:
    """Every pair (i, j, similarity) with similarity >= THRESHOLD."""
    index = Index()
    pairs: list[tuple[int, int, float]] = []
    for number, q in enumerate(items):
        grams = trigrams(text_of(q))
        shared: dict[int, int] = defaultdict(int)
        for gram in grams:
            for other in index.by_gram.get(gram, ()):
                shared[other] += 1
        for other, common in shared.items():
            value = common / (len(grams) + len(index.sets[other]) - common)
            if value >= THRESHOLD:
                pairs.append((other, number, round(value, 3)))
        index.add(grams)
    return pairs
