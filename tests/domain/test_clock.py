"""Times as ledgers store them and as people read them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bankstation.domain.clock import iso, short_time

BEIJING = timezone(timedelta(hours=8))


def test_short_time_drops_the_offset_and_keeps_bad_text() -> None:
    assert short_time("2026-11-27T09:05:07+08:00") == "2026-11-27 09:05:07"
    assert short_time("2026-11-27T09:05:00+08:00", seconds=False) == "2026-11-27 09:05"
    assert short_time(None) == ""
    assert short_time("昨天") == "昨天"


def test_short_time_reads_what_iso_writes() -> None:
    moment = datetime(2026, 12, 6, 21, 5, 9, 123456, tzinfo=BEIJING)
    assert iso(moment) == "2026-12-06T21:05:09+08:00"
    assert short_time(iso(moment)) == "2026-12-06 21:05:09"
