"""First-page search latency over a 500,000-question vault, against bare FTS5 on the same data."""

from __future__ import annotations

import hashlib
import multiprocessing
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from common import header, table, vault_run
from question_data import FrozenClock, build_vault, keeper_login

from bankstation.domain.qtypes import QType, Status
from bankstation.domain.questions import QuestionFilter
from bankstation.services import search, station
from bankstation.services.session import Session
from bankstation.store import question_search, questions_repo
from bankstation.store.question_search import Words
from bankstation.store.schema import MIGRATIONS

TARGET_MS = 10.0
PAGE = 50
# Query words of each kind; hits differ by orders of magnitude on purpose.
PHRASES = ("交流接触器 额定电流", "热继电器 整定电流", "三相异步电动机 启动电流", "兆欧表 绝缘电阻",
           "变频器 电源频率", "晶闸管 触发电压", "电力电缆 安全载流量", "避雷器 接地电阻")
WORDS = ("电动机", "接触器", "绝缘电阻", "示波器", "切断电源", "Z3040摇臂钻床", "超导磁体",
         "CA6140车床")
SHORT = ("电压", "温升", "接地", "触头", "铁芯", "效率")
FILTERS = ((QType.SINGLE, Status.APPROVED), (QType.JUDGE, Status.SUBMITTED),
           (QType.MULTIPLE, Status.DRAFT), (QType.CASE, Status.APPROVED))


# -- the vault ---------------------------------------------------------------------------------

def vault_path(folder: Path, rows: int) -> Path:
    """The vault's file name carries a digest of the schema, so a kept vault made by an older
    schema is made again instead of reused."""
    digest = hashlib.sha256("".join(MIGRATIONS).encode()).hexdigest()[:8]
    return folder / f"search-{rows}-{digest}.bsv"


def _build(path: Path, rows: int) -> tuple[float, float]:
    """question_data's bulk fill (questions, versions, question_fts, as questions_repo.insert
    writes them), then question_grams, which the fill leaves empty, from the same texts."""
    seconds = build_vault(path, rows)
    session = keeper_login(path, FrozenClock(), "生成测试题库")
    start = time.perf_counter()
    with session.transaction():
        questions_repo.rebuild_grams(session.vault)
    grams = time.perf_counter() - start
    station.logout(session)
    return seconds, grams


def ensure_vault(folder: Path, rows: int) -> Path:
    """The kept vault of ``rows`` questions, built in a child process if missing (so that the
    measuring process's memory and allocator are its own)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = vault_path(folder, rows)
    if path.exists():
        print(f"reusing {path}")
        return path
    for stale in folder.glob(f"search-{rows}*.bsv*"):
        stale.unlink()  # made by another schema
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        seconds, grams = pool.apply(_build, (path, rows))
    print(f"built the vault in {seconds:.0f} s (bulk insert, one transaction, in a child "
          f"process), then question_grams in {grams:.0f} s")
    return path


# -- the reference -----------------------------------------------------------------------------

def _ascii_lower(text: str) -> str:
    return text.translate({c: c + 32 for c in range(ord("A"), ord("Z") + 1)})


class Reference:
    """A plain substring search over every search text, in Python: what every call must find
    (3+ character words with case folded, as the trigram tokenizer does for this data's
    letters; shorter words with ASCII case folded, as LIKE does)."""

    def __init__(self, vault: Any, bank_id: int) -> None:
        rows = vault.query("SELECT q.id, q.qtype, q.status, c.c0 FROM questions q JOIN "
                           "question_fts_content c ON c.id = q.id WHERE q.bank_id = ? "
                           "ORDER BY q.id", (bank_id,))
        # (id, qtype, status, (text with every case folded, text with ASCII folded))
        self.rows: list[tuple[int, str, str, tuple[str, str]]] = [
            (int(i), str(t), str(s), (body.lower(), _ascii_lower(body)))
            for i, t, s, body in rows]

    def ids(self, flt: QuestionFilter) -> list[int]:
        words = (flt.text or "").split()
        wanted = [(w.lower(), 0) if len(w) >= 3 else (_ascii_lower(w), 1) for w in words]
        return [row[0] for row in self.rows
                if (flt.qtype is None or row[1] == flt.qtype.value)
                and (flt.status is None or row[2] == flt.status.value)
                and all(word in row[3][fold] for word, fold in wanted)]


# -- what is timed -----------------------------------------------------------------------------

def latencies(fn: Callable[[], object], runs: int, budget_s: float = 3.0) -> list[float]:
    """``runs`` timings in ms after one warm-up; fewer (at least 3) once ``budget_s`` is spent,
    so that a query of seconds does not take an hour."""
    fn()  # warm: statement prepared, pages in the cache
    out: list[float] = []
    spent = 0.0
    while len(out) < runs and (len(out) < 3 or spent < budget_s):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
        spent += out[-1] / 1000
    return out


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


class Case:
    """One kind of query: the program's calls and the bare baseline, over several queries."""

    def __init__(self, name: str, queries: list[tuple[str, QuestionFilter, str, tuple[Any, ...]]]
                 ) -> None:
        self.name = name
        self.queries = queries  # (label, filter, baseline sql, baseline params)


def cases(bank_id: int) -> list[Case]:
    fts = "SELECT rowid FROM question_fts WHERE question_fts MATCH ? LIMIT 50"
    grams = "SELECT rowid FROM question_grams WHERE question_grams MATCH ? LIMIT 50"
    flt = "SELECT id FROM questions WHERE bank_id = ? AND qtype = ? AND status = ? LIMIT 50"

    def expression(text: str) -> str:
        return " AND ".join(map(_phrase, text.split()))

    return [
        Case("two-word phrase", [(p, QuestionFilter(text=p), fts, (expression(p),))
                                 for p in PHRASES]),
        Case("one word, 3+ chars", [(w, QuestionFilter(text=w), fts, (expression(w),))
                                    for w in WORDS]),
        Case("one word, 2 chars", [(w, QuestionFilter(text=w), grams, (expression(w),))
                                   for w in SHORT]),
        Case("filter only: qtype + status", [
            (f"{q.value}+{s.value}", QuestionFilter(qtype=q, status=s), flt,
             (bank_id, q.value, s.value)) for q, s in FILTERS]),
    ]


CALLS = (("base", "baseline: bare index statement, LIMIT 50"),
         ("ids", "questions_repo.ids(limit=50)"),
         ("search", "services.search.search (ids + rows)"),
         ("count", "questions_repo.count"),
         ("all", "search.question_ids, all (the table model)"))


def measure(session: Session, bank_id: int, runs: int, reference: Reference
            ) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]], list[str], float]:
    vault = session.vault
    summary: list[tuple[object, ...]] = []
    detail: list[tuple[object, ...]] = []
    plans: list[str] = []
    worst: list[float] = []
    for case in cases(bank_id):
        got: dict[str, list[float]] = defaultdict(list)
        hits_seen: list[int] = []
        for label, flt, sql, params in case.queries:
            want = reference.ids(flt)  # the very same answers as a plain substring search
            hits = questions_repo.count(vault, bank_id, flt)
            assert hits == len(want), (label, hits, len(want))
            assert questions_repo.ids(vault, bank_id, flt, limit=PAGE) == want[:PAGE], label
            assert search.question_ids(session, bank_id, flt) == want, label
            assert [r.id for r in _search(session, bank_id, flt)] == want[:PAGE], label
            hits_seen.append(hits)
            few = max(3, runs // 4)
            per: dict[str, list[float]] = {
                "base": latencies(partial(vault.query, sql, params), runs),
                "ids": latencies(partial(questions_repo.ids, vault, bank_id, flt, limit=PAGE),
                                 runs),
                "search": latencies(partial(_search, session, bank_id, flt), runs),
                "count": latencies(partial(questions_repo.count, vault, bank_id, flt), few),
                "all": latencies(partial(search.question_ids, session, bank_id, flt), few),
            }
            for key, samples in per.items():
                got[key] += samples
            detail.append((f"{case.name[:14]}… {label}", hits,
                           *(statistics.median(per[k]) for k, _ in CALLS),
                           percentile(per["search"], 0.95)))
        plans.append(_plan(vault, bank_id, case.name, case.queries[0][1]))
        plans += [_plan(vault, bank_id, case.name, flt) for _l, flt, _s, _p in case.queries[1:]
                  if _chunked(Words.of(flt.text))]
        base95 = percentile(got["base"], 0.95)
        for key, label in CALLS:
            samples = got[key]
            p95 = percentile(samples, 0.95)
            if key == "search":
                worst.append(p95)
            summary.append((f"{case.name} ({min(hits_seen):,}–{max(hits_seen):,} hits): {label}",
                            len(samples), percentile(samples, 0.5), p95,
                            p95 / base95 if base95 else 0.0))
    return summary, detail, plans, max(worst)


def _search(session: Session, bank_id: int, flt: QuestionFilter) -> list[Any]:
    if flt.text:
        return search.search(session, bank_id, flt.text, PAGE, flt)
    ids = search.question_ids(session, bank_id, flt, limit=PAGE)
    found = search.question_rows(session, ids)
    return [found[i] for i in ids]


def _chunked(words: Words) -> bool:
    """Whether the first page checks a long word in pieces (question_search.driven)."""
    return len(words) > 1 and any(len(w) > question_search.CHUNK
                                  and question_search.like_agrees(w) for w in words.long)


def _plan(vault: Any, bank_id: int, name: str, flt: QuestionFilter) -> str:
    """EXPLAIN QUERY PLAN of the first page and of the all-ids form, as questions_repo runs
    them."""
    words = Words.of(flt.text)
    if words:
        filters, params = questions_repo._where(bank_id, flt, text=False)
        page_sql, page_params = question_search.driven(words, filters, params, "ASC")
        page_sql += " LIMIT 50"
    where, all_params = questions_repo._where(bank_id, flt)
    all_sql = f"SELECT q.id FROM questions q WHERE {where} ORDER BY q.id"
    if not words:
        page_sql, page_params = all_sql + " LIMIT 50", all_params
    out = [f"  {name} ({flt.text or 'qtype+status'}):"]
    for label, sql, args in (("first page", page_sql, page_params),
                             ("count / all ids", all_sql, all_params)):
        rows = vault.query("EXPLAIN QUERY PLAN " + sql, args)
        out.append(f"    {label}:")
        out += [f"      {'  ' * (int(r[1]) > 0)}{r[3]}" for r in rows]
    return "\n".join(out)


def main() -> None:
    asked = vault_run(__doc__, rows=500_000, runs=20, quick=(50_000, 5),
                      runs_help="timed runs of each query")
    rows, runs = asked.rows, asked.runs

    header(f"question search: first page ({PAGE}) over {rows:,} questions")
    with tempfile.TemporaryDirectory(prefix="bs-qsearch-") as scratch:
        folder = asked.keep or Path(scratch)
        path = ensure_vault(folder, rows)
        size = sum(p.stat().st_size for p in folder.glob(path.name + "*")) / 1e6
        session = keeper_login(path, FrozenClock(), "检索性能测试")
        bank_id = int(session.vault.scalar("SELECT min(id) FROM banks"))
        start = time.perf_counter()
        reference = Reference(session.vault, bank_id)
        print(f"vault {size:,.0f} MB, {len(reference.rows):,} questions (texts read for the "
              f"reference in {time.perf_counter() - start:.1f} s); {runs} timed runs per query "
              "after one warm-up (count and the all-ids list: fewer)\n")
        summary, detail, plans, worst = measure(session, bank_id, runs, reference)
        station.logout(session)

    table(("query kind (hits), call", "samples", "p50 ms", "p95 ms", "p95 vs baseline"), summary)
    print("Medians per query (ms), and the p95 of search.search:")
    table(("query", "hits", "bare", "ids(50)", "search", "count", "all ids", "search p95"),
          detail)
    print("EXPLAIN QUERY PLAN for the first query of each kind, and of a long word in pieces:")
    print("\n".join(plans))
    print()
    print(f"services.search.search p95, worst kind: {worst:.1f} ms; "
          f"{'within' if worst < TARGET_MS else 'OVER'} the {TARGET_MS:.0f} ms target")


if __name__ == "__main__":
    main()
