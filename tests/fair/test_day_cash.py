"""A till day's drawer cash as a genuine booth writes it is what the fair store keeps (on SQLite and PostgreSQL):
a day of ฿50 million in cash sales imports (its 32-bit till-day columns overflowed on PostgreSQL before
migration f0005), a signed day beyond ``MAX_DAY_CASH_SATANG`` is refused by name while the genuine files
beside it import, and the migration keeps the till days already imported."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import select, text

from otop_pos.app import demo_registry
from otop_pos.booth.cart import Cart
from otop_pos.booth.catalogue import CatalogueIndex, save_product
from otop_pos.booth.checkout import checkout
from otop_pos.booth.days import close_day, open_day
from otop_pos.booth.payments import PaymentIn
from otop_pos.core.clock import FixedClock
from otop_pos.core.limits import (
    MAX_CASH_COUNT_SATANG, MAX_DAY_CASH_DIFFERENCE_SATANG, MAX_DAY_CASH_SATANG, MAX_DOCUMENT_SATANG,
)
from otop_pos.exchange.export_format import write_export
from otop_pos.exchange.package_format import read_package
from otop_pos.fair.importer import import_paths
from otop_pos.fair.store import FairStore
from otop_pos.store.fair_models import TillDay
from otop_pos.store.migrate import alembic_config, script_heads
from tests.fair.booths import FIRST_DAY, PIN, Booth, make_fair
from tests.fair.distinct_export import _at, write_distinct
from tests.fair.test_import_limits import one_sale

BIG, OTHER, BAD = "KK20-0001", "KK20-0002", "KK20-0003"
FLOAT = 100000


def _big_cash_day(folder: Path, package: Path, sales: int) -> Path:
    """A genuine till that sells ``sales`` × ฿10,000,000 in cash on one day, closes it counting all of it (a
    count above ฿10M: the count may reach the day's limit) and exports: its day's expected and counted cash
    are ฿1,000 + sales × ฿10M."""
    booth = Booth(folder / "till", package)
    booth.clock.at(FIRST_DAY, 9)
    open_day(booth.s, booth.clock, FLOAT)
    save_product(booth.s, booth.clock, sku="GOLD", name="ทองคำ", product_type="เครื่องประดับ",
                 price_satang=MAX_DOCUMENT_SATANG)
    gold = CatalogueIndex.load(booth.s).lookup("GOLD")
    assert gold is not None
    for _ in range(sales):
        checkout(booth.s, booth.clock, Cart().add(gold), [PaymentIn("cash", tendered_satang=MAX_DOCUMENT_SATANG)],
                 print_receipt=False)
    counted = FLOAT + sales * MAX_DOCUMENT_SATANG
    assert counted <= MAX_CASH_COUNT_SATANG
    close_day(booth.s, booth.clock, PIN, counted_satang=counted, print_report=False, back_up=False)
    path = booth.export(folder / "usb")
    booth.close()
    return path


def _days(fair_store: FairStore) -> list[tuple[Any, ...]]:
    with fair_store.read() as s:
        return [tuple(r) for r in s.execute(select(
            TillDay.uuid, TillDay.float_satang, TillDay.expected_cash_satang, TillDay.counted_cash_satang,
            TillDay.difference_satang).order_by(TillDay.uuid))]


def test_a_genuine_day_of_fifty_million_in_cash_imports_beside_a_refused_one(
        fair_store: FairStore, fair_clock: FixedClock, tmp_path: Path) -> None:
    _fair, pkgs = make_fair(fair_store, fair_clock, demo_registry(), tmp_path / "pkg", [BIG, OTHER, BAD])
    big = _big_cash_day(tmp_path / "big", pkgs[BIG].path, 5)
    other = write_distinct(read_package(pkgs[OTHER].path), tmp_path / "other")
    bad_pkg = read_package(pkgs[BAD].path)
    data = one_sale(bad_pkg, price=100, counts={100000: 1})
    beyond = MAX_DAY_CASH_SATANG + 1   # signed by its booth's key, consistent: only the bound refuses it
    data = replace(data, days=(replace(data.days[0], expected_cash_satang=beyond,
                                       difference_satang=100000 - beyond),))
    bad = write_export(tmp_path / "bad", data, bad_pkg.private_key_pem, 1, _at(55))
    report = import_paths(fair_store, fair_clock, [bad, big, other], jobs=0)
    results = {Path(f.path): f for f in report.files}
    assert results[big].result == results[other].result == "imported", results[big].en
    assert results[bad].result == "refused"
    assert results[bad].en.startswith(f"{bad.name}: the expected cash of the till day ")
    assert "100,000,000.01 baht" in results[bad].en and "at most 100,000,000.00 baht" in results[bad].en
    expected = FLOAT + 5 * MAX_DOCUMENT_SATANG
    days = [d[1:] for d in _days(fair_store) if d[2] == expected]
    assert days == [(FLOAT, expected, expected, 0)]  # the true count of ฿50M
    assert import_paths(fair_store, fair_clock, [big], jobs=0).files[0].result == "unchanged"


@pytest.mark.parametrize("difference, refused", [
    (-MAX_DAY_CASH_DIFFERENCE_SATANG, False), (MAX_DAY_CASH_DIFFERENCE_SATANG, False),
    (-MAX_DAY_CASH_DIFFERENCE_SATANG - 1, True),
])
def test_the_cash_difference_is_bounded_by_the_day_and_the_count(
        fair_store: FairStore, fair_clock: FixedClock, tmp_path: Path, difference: int, refused: bool) -> None:
    _fair, pkgs = make_fair(fair_store, fair_clock, demo_registry(), tmp_path / "pkg", [BAD])
    pkg = read_package(pkgs[BAD].path)
    data = one_sale(pkg, price=100, counts={100000: 1})
    data = replace(data, days=(replace(data.days[0], difference_satang=difference),))
    path = write_export(tmp_path / "x", data, pkg.private_key_pem, 1, _at(55))
    result = import_paths(fair_store, fair_clock, [path], jobs=0).files[0]
    assert result.result == ("refused" if refused else "imported"), result.en
    if refused:
        assert "cash difference" in result.en and "200,000,000.00 baht" in result.en
    else:
        assert [d[4] for d in _days(fair_store)] == [difference]


def test_migration_f0005_keeps_the_till_days_and_then_takes_a_large_day(
        fair_store: FairStore, fair_clock: FixedClock, tmp_path: Path) -> None:
    _fair, pkgs = make_fair(fair_store, fair_clock, demo_registry(), tmp_path / "pkg", [BIG, OTHER, BAD])
    small = _big_cash_day(tmp_path / "small", pkgs[BAD].path, 2)           # ฿20M: fits 32 bits
    other = write_distinct(read_package(pkgs[OTHER].path), tmp_path / "other")
    # imported by this release, then taken back to f0004 (its till days fit 32 bits): the store as f0004 left it
    # (the code of today reads vendor columns that later revisions add, so it cannot import into an f0004 store)
    assert [f.result for f in import_paths(fair_store, fair_clock, [small, other], jobs=0).files] == \
        ["imported", "imported"]
    before = _days(fair_store)
    assert len(before) >= 2
    cfg = alembic_config("fair")
    with fair_store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "f0004")
    fair_store.engine.dispose()
    assert _days(fair_store) == before
    with fair_store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    fair_store.engine.dispose()
    with fair_store.read() as s:
        assert {s.scalar(text("SELECT version_num FROM alembic_version"))} == script_heads("fair")
    assert _days(fair_store) == before
    big = _big_cash_day(tmp_path / "big", pkgs[BIG].path, 5)                 # ฿50M: needs 64 bits
    assert import_paths(fair_store, fair_clock, [big], jobs=0).files[0].result == "imported"
    assert max(d[2] for d in _days(fair_store)) == FLOAT + 5 * MAX_DOCUMENT_SATANG
