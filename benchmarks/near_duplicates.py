"""Near-duplicate search (domain.similarity.similar_pairs) on generated question texts."""

from __future__ import annotations

import argparse
import random
import time

from common import header, table, timed
from question_data import element_nodes, point_codes, questions

from bankstation.domain import similarity

COPY_SHARE = 0.01  # near copies added: one character of a text replaced, as a typo would


def texts(count: int, seed: int = 1) -> list[tuple[int, str]]:
    """``count`` search texts of the generated bank, plus 1 % near copies (negative ids)."""
    made = [(n, q.search_text()) for n, q in
            enumerate(questions(count, point_codes(element_nodes()), seed), 1)]
    rng = random.Random(seed)
    copies = []
    for n, text in rng.sample(made, int(count * COPY_SHARE)):
        at = rng.randrange(len(text))
        copies.append((-n, text[:at] + "鑫" + text[at + 1:]))
    return made + copies


def run(data: list[tuple[int, str]], threshold: float, shared: int
        ) -> tuple[float, list[similarity.SimilarPair]]:
    """similar_pairs with ``shared`` as the prefix tokens a candidate must share."""
    kept = similarity.PREFIX_SHARED
    similarity.PREFIX_SHARED = shared
    try:
        start = time.perf_counter()
        pairs = similarity.similar_pairs(data, threshold)
        return time.perf_counter() - start, pairs
    finally:
        similarity.PREFIX_SHARED = kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 20_000, 50_000])
    parser.add_argument("--threshold", type=float, default=0.8)
    parser.add_argument("--quick", action="store_true", help="2,000 and 5,000 texts only")
    args = parser.parse_args()
    sizes = [2_000, 5_000] if args.quick else args.sizes
    header("near-duplicate search: similar_pairs on generated question texts")
    print(f"threshold {args.threshold}; {COPY_SHARE:.0%} near copies added (one character "
          f"replaced); program: {similarity.PREFIX_SHARED} shared prefix tokens; baseline: "
          "the plain prefix filter (1 shared token), same code, same run\n")
    rows = []
    for size in sizes:
        data = texts(size)
        numbering = timed(lambda d=data: similarity._numbered(d))
        base_s, base = run(data, args.threshold, 1)
        prog_s, pairs = run(data, args.threshold, similarity.PREFIX_SHARED)
        assert pairs == base, f"{size}: the two filters found different pairs"
        rows.append((f"{len(data):,} texts", numbering, base_s, prog_s, base_s / prog_s,
                     len(pairs)))
    table(("texts", "numbering s", "baseline s", "program s", "speed-up", "pairs"), rows)


if __name__ == "__main__":
    main()
