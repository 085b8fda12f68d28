"""Shared fixtures: real migrated SQLite stores in tmp_path, an injectable clock, the demo registry."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from dataclasses import replace  # noqa: E402
from datetime import datetime, timedelta, timezone  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from otop_pos.app import demo_registry  # noqa: E402
from otop_pos.booth.setup import from_registry, setup_booth  # noqa: E402
from otop_pos.booth.store import open_booth_store  # noqa: E402
from otop_pos.core.clock import FixedClock  # noqa: E402
from otop_pos.core.vocabulary import FAIR_METHOD_DEFAULTS, PAYMENT_METHOD, Term  # noqa: E402
from otop_pos.exchange.registry_csv import Registry, load_registry  # noqa: E402
from otop_pos.store.engine import SqliteStore  # noqa: E402

PIN = "1234"
REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data" / "otop-city-khonkaen-2563"


@pytest.fixture(scope="session", autouse=True)
def _one_qt_application(qapp: object) -> object:
    """pytest-qt's QApplication exists before any test runs: code that draws (receipts, the Z report) would
    otherwise make a bare QGuiApplication first, and every widget test after it in the same run would fail."""
    return qapp


@pytest.fixture(scope="session")
def registry() -> Registry:
    """The demo registry (the Khon Kaen 2563 fair) as shipped in resources/demo."""
    return load_registry(*demo_registry())


@pytest.fixture
def clock() -> FixedClock:
    """26 Oct 2020 10:00 Bangkok, moving 5 s per reading."""
    return FixedClock(datetime(2020, 10, 26, 3, 0, tzinfo=timezone.utc), step=timedelta(seconds=5))


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[SqliteStore]:
    """A fresh booth store migrated to head, not set up."""
    store = open_booth_store(tmp_path / "booth")
    yield store
    store.dispose()


@pytest.fixture
def store(empty_store: SqliteStore, clock: FixedClock, registry: Registry) -> SqliteStore:
    """A booth store set up for vendor KK20-0001 (booth B001, two products) with manager PIN 1234."""
    setup_booth(empty_store, clock, from_registry(registry, "KK20-0001", fair_name="OTOP CITY KHONKAEN"), pin=PIN)
    return empty_store


@pytest.fixture
def big_store(empty_store: SqliteStore, clock: FixedClock, registry: Registry) -> SqliteStore:
    """A booth store for a vendor with several products (KK20-0005 or the vendor with most products)."""
    counts: dict[str, int] = {}
    for p in registry.products:
        counts[p.vendor_code] = counts.get(p.vendor_code, 0) + 1
    code = max(counts, key=lambda c: (counts[c], c))
    setup_booth(empty_store, clock, from_registry(registry, code), pin=PIN)
    return empty_store


@pytest.fixture
def half_half() -> Iterator[Term]:
    """A payment method a fair defines as data (a co-payment scheme), forgotten after the test."""
    copay = next(d.term for d in FAIR_METHOD_DEFAULTS if d.kind == "copay")   # คนละครึ่ง, as every fair has it
    term = PAYMENT_METHOD.define(replace(copay, key="half_half"))
    yield term
    PAYMENT_METHOD.forget("half_half")


#: Skip reasons that mean "a tool the test command should have installed is missing".
MISSING_TOOL = ("is not installed", "is not set: run the suite", "has no tha data", "tesseract has no",
                "no Thai data for tesseract", "no C compiler", "could not import", "not next to the repository",
                "shared test data not found")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Keeps each phase's report on the item (``item.rep_call``: fixtures may look at how their test went).
    Under ``CI=true`` a test that skips because its tool is missing fails: the setup must install it.
    (Skips for what the machine itself lacks, such as a kernel driver, stay skips.)"""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    setattr(item, f"rep_{report.when}", report)
    if os.environ.get("CI", "").lower() in ("1", "true", "yes") and report.skipped:
        reason = str(report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr)
        if any(text in reason for text in MISSING_TOOL):
            report.outcome = "failed"
            report.longrepr = f"CI=true: a tool the test command must install is missing: {reason}"
