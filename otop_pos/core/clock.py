"""Injectable clocks: ``SystemClock`` for real time, ``FixedClock`` for tests (no time patching).

Every clock returns aware UTC datetimes.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Protocol, runtime_checkable


@runtime_checkable
class Clock(Protocol):
    """Something that tells the current time."""

    def now(self) -> datetime:
        """The current time, timezone-aware, in UTC."""
        ...


class SystemClock:
    """The real time of this machine, in UTC."""

    def now(self) -> datetime:
        """The current time, timezone-aware, in UTC."""
        return datetime.now(timezone.utc)


def _aware_utc(dt: datetime) -> datetime:
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"naive datetime {dt!r}: a clock needs an aware datetime")
    return dt.astimezone(timezone.utc)


class FixedClock:
    """A clock for tests: ``now()`` returns ``start``, then moves on by ``step`` after each call."""

    def __init__(self, start: datetime, step: timedelta = timedelta(0)) -> None:
        self._now = _aware_utc(start)
        self.step = step

    def now(self) -> datetime:
        """The clock's current time (UTC); then advance it by ``step``."""
        current = self._now
        self._now = current + self.step
        return current

    def advance(self, delta: timedelta) -> None:
        """Move the clock by ``delta`` (may be negative)."""
        self._now += delta

    def set(self, dt: datetime) -> None:
        """Jump to the aware datetime ``dt``."""
        self._now = _aware_utc(dt)

    def __repr__(self) -> str:
        return f"FixedClock({self._now.isoformat()}, step={self.step!r})"
