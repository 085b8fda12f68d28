"""Tests for otop_pos.core.clock."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from otop_pos.core.clock import Clock, FixedClock, SystemClock

UTC = timezone.utc
START = datetime(2020, 10, 26, 10, 45, tzinfo=UTC)


def test_system_clock_is_aware_utc_and_current() -> None:
    before = datetime.now(UTC)
    now = SystemClock().now()
    after = datetime.now(UTC)
    assert now.utcoffset() == timedelta(0)
    assert before <= now <= after


def test_both_clocks_satisfy_protocol() -> None:
    assert isinstance(SystemClock(), Clock)
    assert isinstance(FixedClock(START), Clock)

    def stamp(clock: Clock) -> datetime:
        return clock.now()

    assert stamp(FixedClock(START)) == START


def test_fixed_clock_stands_still_by_default() -> None:
    clock = FixedClock(START)
    assert clock.now() == START
    assert clock.now() == START


def test_fixed_clock_steps_after_each_call() -> None:
    clock = FixedClock(START, step=timedelta(seconds=15))
    assert clock.now() == START
    assert clock.now() == START + timedelta(seconds=15)
    assert clock.now() == START + timedelta(seconds=30)


def test_advance_and_set() -> None:
    clock = FixedClock(START)
    clock.advance(timedelta(hours=2))
    assert clock.now() == START + timedelta(hours=2)
    clock.advance(timedelta(minutes=-30))
    assert clock.now() == START + timedelta(hours=1, minutes=30)
    later = datetime(2021, 1, 1, tzinfo=UTC)
    clock.set(later)
    assert clock.now() == later


def test_fixed_clock_converts_other_offsets_to_utc() -> None:
    bangkok = timezone(timedelta(hours=7))
    clock = FixedClock(datetime(2020, 10, 26, 17, 45, tzinfo=bangkok))
    now = clock.now()
    assert now == START
    assert now.utcoffset() == timedelta(0)
    assert now.hour == 10
    clock.set(datetime(2020, 10, 27, 7, 0, tzinfo=bangkok))
    assert clock.now().hour == 0


def test_fixed_clock_refuses_naive() -> None:
    with pytest.raises(ValueError):
        FixedClock(datetime(2020, 10, 26, 10, 45))
    clock = FixedClock(START)
    with pytest.raises(ValueError):
        clock.set(datetime(2020, 10, 26))
    assert clock.now() == START  # unchanged after the refused set


def test_repr_mentions_time() -> None:
    assert "2020-10-26T10:45:00+00:00" in repr(FixedClock(START))
