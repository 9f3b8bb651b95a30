"""Near-duplicate search on generated question texts: the whole bank (similarity.similar_pairs)
and the rows of an import against a bank (similarity_new.pairs_with)."""

from __future__ import annotations

import argparse
import random
import time

from common import header, table, timed
from question_data import element_nodes, point_codes, questions

from bankstation.domain import similarity
from bankstation.domain.similarity_new import pairs_with

COPY_SHARE = 0.01  # near copies added: one character of a text replaced, as a typo would


def texts(count: int, seed: int = 1) -> list[tuple[int, str]]:
    """``count`` question texts (stem and options, what the check compares) of the generated
    bank, plus 1 % near copies (negative ids)."""
    made = [(n, q.question_text()) for n, q in
            enumerate(questions(count, point_codes(element_nodes()), seed), 1)]
    rng = random.Random(seed)
    copies = []
    for n, text in rng.sample(made, int(count * COPY_SHARE)):
        at = rng.randrange(len(text))
        copies.append((-n, text[:at] + "鑫" + text[at + 1:]))
    return made + copies


def import_rows(bank: list[tuple[int, str]], count: int, seed: int = 7
                ) -> list[tuple[int, str]]:
    """``count`` rows of a file (negative keys): new generated questions, and 2 % near copies
    of questions in the bank (of the file's other rows when the bank is empty)."""
    made = [q.question_text() for q in questions(count, point_codes(element_nodes()), seed)]
    rng = random.Random(seed)
    pool = [t for _k, t in bank] or made[: count // 2]
    for n in rng.sample(range(count // 2, count), int(count * 0.02)):
        text = rng.choice(pool)
        at = rng.randrange(len(text))
        made[n] = text[:at] + "鑫" + text[at + 1:]
    return [(-(n + 1), text) for n, text in enumerate(made)]


def against_bank(bank_size: int, rows: int, threshold: float) -> tuple[object, ...]:
    """pairs_with against the whole join of bank and file, keeping the pairs with a row."""
    bank = [(k, t) for k, t in texts(bank_size) if k > 0] if bank_size else []
    new = import_rows(bank, rows)
    start = time.perf_counter()
    whole = [p for p in similarity.similar_pairs([*bank, *new], threshold) if p.first < 0]
    base_s = time.perf_counter() - start
    start = time.perf_counter()
    pairs = pairs_with(bank, new, threshold)
    prog_s = time.perf_counter() - start
    assert pairs == whole, f"{bank_size} + {rows}: the two found different pairs"
    return f"{bank_size:,} + {rows:,}", base_s, prog_s, base_s / prog_s, len(pairs)


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
    parser.add_argument("--imports", nargs="+", default=["20000+100", "100000+100",
                                                         "100000+1000", "100000+10000",
                                                         "0+30000", "10000+20000"],
                        help="bank + file sizes for the import check")
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
    print("\nan import's rows against the bank: pairs_with (program) against similar_pairs on "
          "bank + file, keeping the pairs with a row (baseline)\n")
    cases = ["2000+100", "0+3000"] if args.quick else args.imports
    rows = [against_bank(*map(int, case.split("+")), args.threshold) for case in cases]
    table(("bank + file", "baseline s", "program s", "speed-up", "pairs"), rows)


if __name__ == "__main__":
    main()
