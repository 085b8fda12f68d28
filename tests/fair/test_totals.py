"""The report totals that the import keeps (``otop_pos.fair.totals``), on SQLite and PostgreSQL: after imports
that add to rows made by earlier imports (same vendor, day and hour; a void and a refund of sales imported
before; two tills of one vendor) they equal a fresh computation from the documents; re-imports leave them
alone; ``rebuild`` and migration f0003 compute the same rows; ``fair verify`` finds and repairs a damaged row;
two tills of one vendor importing at once do not deadlock, and a repair racing an import counts it once."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from datetime import timedelta
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import event, text

from otop_pos.app import demo_registry
from otop_pos.core.clock import FixedClock
from otop_pos.fair.figures import compute_figures
from otop_pos.fair.importer import import_paths
from otop_pos.fair.status import fair_summary
from otop_pos.fair.store import FairStore
from otop_pos.fair.totals import TABLES, differences, rebuild, verify_totals
from otop_pos.store.migrate import alembic_config
from tests.fair.booths import FIRST_DAY, Booth, make_fair
from tests.fair.templates import DATABASES, Template, build_template, clock_after, store_copy

VENDORS = ["KK20-0001", "KK20-0002"]
REPORT_INDEXES = {"ix_sale_report_vendor_day", "ix_sale_line_report_product", "ix_payment_report_vendor_method"}


def rows(store: FairStore) -> dict[str, list[tuple[Any, ...]]]:
    """Every totals row, keys and sums and kept columns, in key order (dates as text)."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with store.read() as s:
        for t in TABLES:
            cols = t.keys + t.sums + t.kept
            out[t.name] = [tuple(str(v) if hasattr(v, "isoformat") else v for v in r) for r in s.execute(
                text(f"SELECT {', '.join(cols)} FROM {t.name} ORDER BY {', '.join(t.keys)}"))]
    return out


def check(store: FairStore) -> None:
    with store.engine.connect() as conn:
        assert differences(conn) == []


def paused_race(store: FairStore, statement: str, first: Callable[[], Any], then: Callable[[], Any],
                pause: float = 1.0) -> tuple[Any, Any]:
    """Run ``first`` on a thread that pauses for ``pause`` s right after executing a statement starting with
    ``statement`` (holding whatever it has locked), and ``then`` on a second thread started in that pause;
    returns both results."""
    reached = threading.Event()
    results: dict[str, Any] = {}

    def pause_first(_conn: Any, _cursor: Any, sql: str, *_args: Any) -> None:
        if threading.current_thread().name == "first" and sql.startswith(statement) and not reached.is_set():
            reached.set()
            time.sleep(pause)

    def run_first() -> None:
        results["first"] = first()

    def run_then() -> None:
        assert reached.wait(30)
        results["then"] = then()

    event.listen(store.engine, "after_cursor_execute", pause_first)
    threads = [threading.Thread(target=run_first, name="first"), threading.Thread(target=run_then, name="then")]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
    finally:
        event.remove(store.engine, "after_cursor_execute", pause_first)
    return results.get("first"), results.get("then")


def _build_imported(fair_store: FairStore, fair_clock: FixedClock, tmp_path: Path) -> dict[str, Any]:
    """Four imports of growing exports: sales in the same hour over two imports, a void and a refund (on the
    next day) of sales imported before, a second till of the same vendor."""
    _fair, packages = make_fair(fair_store, fair_clock, demo_registry(), tmp_path / "packages", VENDORS)
    a = Booth(tmp_path / "a", packages["KK20-0001"].path, seed=1)
    a2 = Booth(tmp_path / "a2", packages["KK20-0001"].path, till_no=2, seed=2)
    b = Booth(tmp_path / "b", packages["KK20-0002"].path, seed=3)

    def imp(*booths: Booth) -> None:
        report = import_paths(fair_store, fair_clock, [x.export(tmp_path / "usb") for x in booths], jobs=0)
        assert report.count("refused") == 0
        check(fair_store)

    a.sell(FIRST_DAY, 4)
    b.sell(FIRST_DAY, 3)
    imp(a, b)
    first = rows(fair_store)
    a.sell(FIRST_DAY, 3)  # the same vendor, day and hour as the first import's rows
    a2.sell(FIRST_DAY, 2)  # another till of the same vendor: the same totals rows
    assert a.void_last()  # a void of a sale imported just now
    imp(a, a2)
    assert b.void_last()  # a void of a sale imported by the first import
    a.sell(FIRST_DAY + timedelta(days=1), 2)
    assert a.refund_first()  # a refund on day 2 of a sale imported on day 1
    imp(a, b)
    nets = {"a": a.net(), "a2": a2.net(), "b": b.net()}
    for x in (a, a2, b):
        x.close()
    return {"first": first, "nets": nets, "packages": packages}


@pytest.fixture(scope="module", params=DATABASES)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Template]:
    """The imports of ``_build_imported`` made once per database for this module (tests/fair/templates.py)."""
    yield from build_template(request.param, tmp_path_factory.mktemp("totals"), _build_imported)


@pytest.fixture
def fair_db(built: Template, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A store of its own for each test: a copy of the built one for tests that use ``imported``, else empty."""
    yield from store_copy(built, tmp_path, copy="imported" in request.fixturenames)


@pytest.fixture
def fair_clock(built: Template, request: pytest.FixtureRequest) -> FixedClock:
    return clock_after(built, copy="imported" in request.fixturenames)


@pytest.fixture
def imported(built: Template, fair_store: FairStore, tmp_path: Path) -> dict[str, Any]:
    """The built imports (``fair_store`` is a copy of their store); the packages and the exports (``usb/``)
    copied into this test's ``tmp_path``."""
    for folder in ("packages", "usb"):
        shutil.copytree(built.root / folder, tmp_path / folder)
    data = built.data
    packages = {code: replace(w, path=tmp_path / w.path.relative_to(built.root))
                for code, w in data["packages"].items()}
    return {**data, "packages": packages}


def test_the_totals_kept_by_the_imports_equal_a_fresh_computation(fair_store: FairStore, fair_clock: FixedClock,
                                                                   imported: dict[str, Any]) -> None:
    got = rows(fair_store)
    sales = got["sale_total"]
    assert sum(r[4] for r in sales) == 4 + 3 + 3 + 2 + 2  # every sale once
    assert sum(r[7] for r in sales) == 2 and sum(r[10] for r in sales) == 1  # two voids, one refund
    # the first import's row of vendor a's first hour grew with the second import (sales of both tills)
    a_first = imported["first"]["sale_total"][0]
    grown = next(r for r in sales if r[:4] == a_first[:4])
    assert grown[4] > a_first[4] and grown[5] > a_first[5]
    # the refund counts on day 2, the day it was made
    refund_row = next(r for r in sales if r[10])
    assert refund_row[2] == str(FIRST_DAY + timedelta(days=1))
    assert all(r[11] > 0 and r[12] > 0 for r in sales if r[10])
    nets = imported["nets"]
    sm = fair_summary(fair_store)
    assert sm.net_satang == sum(nets.values())
    assert sum(r[5] - r[8] - r[11] for r in sales) == sm.net_satang
    f = compute_figures(fair_store, clock=fair_clock)
    assert {v.code: v.net_satang for v in f.by_vendor if v.sales_count} == \
        {"KK20-0001": nets["a"] + nets["a2"], "KK20-0002": nets["b"]}
    payments = got["payment_total"]
    assert sum(r[5] - r[7] - r[9] for r in payments) == sm.net_satang
    products = got["product_total"]
    assert sum(r[6] - r[9] - r[11] for r in products) == sm.net_satang
    assert all(r[12] and r[13] for r in products)  # a name and product type as sold


def test_importing_the_same_files_again_leaves_the_totals_alone(fair_store: FairStore, fair_clock: FixedClock,
                                                               imported: dict[str, Any], tmp_path: Path) -> None:
    before = rows(fair_store)
    report = import_paths(fair_store, fair_clock, [tmp_path / "usb"], jobs=0)
    assert report.count("imported") == 0 and report.count("refused") == 0
    assert rows(fair_store) == before


def test_rebuild_computes_the_rows_the_imports_kept(fair_store: FairStore, imported: dict[str, Any]) -> None:
    before = rows(fair_store)
    with fair_store.write() as s:
        rebuild(s.connection())
    assert rows(fair_store) == before
    with fair_store.write() as s:
        rebuild(s.connection(), fair_id=1)
    assert rows(fair_store) == before


def test_migration_f0003_fills_the_totals_from_the_documents(fair_store: FairStore,
                                                              imported: dict[str, Any]) -> None:
    before = rows(fair_store)
    cfg = alembic_config("fair")
    with fair_store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "f0002")
    with fair_store.read() as s:
        assert s.scalar(text("SELECT version_num FROM alembic_version")) == "f0002"
        assert REPORT_INDEXES <= _indexes(fair_store, s)
    with fair_store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    with fair_store.read() as s:
        assert not REPORT_INDEXES & _indexes(fair_store, s)  # only the report read them; imports are lighter
    assert rows(fair_store) == before
    check(fair_store)


def _indexes(store: FairStore, s: Any) -> set[str]:
    if store.is_sqlite:
        return set(s.scalars(text("SELECT name FROM sqlite_master WHERE type = 'index'")))
    return set(s.scalars(text("SELECT indexname FROM pg_indexes")))


def test_verify_finds_a_damaged_row_and_repair_computes_it_afresh(fair_store: FairStore,
                                                                  imported: dict[str, Any]) -> None:
    assert verify_totals(fair_store).differences == ()
    before = rows(fair_store)
    with fair_store.write() as s:
        s.execute(text("UPDATE sale_total SET sales = sales + 1, total_satang = total_satang + 500 "
                       "WHERE hour = (SELECT min(hour) FROM sale_total)"))
        s.execute(text("DELETE FROM payment_total WHERE method = 'cash'"))
    found = verify_totals(fair_store)
    assert not found.repaired
    tables = {d.table for d in found.differences}
    assert tables == {"sale_total", "payment_total"}
    damaged = next(d for d in found.differences if d.table == "sale_total")
    assert damaged.stored is not None and damaged.computed is not None
    assert damaged.stored[0] == damaged.computed[0] + 1 and damaged.stored[1] == damaged.computed[1] + 500
    assert all(d.stored is None for d in found.differences if d.table == "payment_total")
    repaired = verify_totals(fair_store, repair=True)
    assert repaired.repaired and len(repaired.differences) == len(found.differences)
    assert rows(fair_store) == before
    assert verify_totals(fair_store).differences == ()


def test_fair_verify_command(fair_store: FairStore, fair_db: str, imported: dict[str, Any],
                             tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONWARNINGS="error", OTOP_POS_HOME=str(tmp_path / "home"))

    def run(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "otop_pos", "fair", "--db", fair_db, "verify", *extra],
                              capture_output=True, text=True, env=env, timeout=120)

    ok = run()
    assert ok.returncode == 0, ok.stderr
    assert "ตรงกับเอกสาร" in ok.stdout and "match the imported documents" in ok.stdout
    with fair_store.write() as s:
        s.execute(text("UPDATE product_total SET qty = qty + 3 WHERE sku = (SELECT min(sku) FROM product_total)"))
    bad = run("--json")
    assert bad.returncode == 1
    data = json.loads(bad.stdout)
    assert data["repaired"] is False and {d["table"] for d in data["differences"]} == {"product_total"}
    fixed = run("--repair")
    assert fixed.returncode == 0 and "computed afresh" in fixed.stdout and "totals row(s) differ" in fixed.stdout
    assert run().returncode == 0


def test_two_tills_of_one_vendor_importing_at_once_wait_for_each_other_without_deadlock(
        fair_store: FairStore, fair_clock: FixedClock, tmp_path: Path) -> None:
    """Till A's file has a refund at 10:xx and sales at 11:xx, till B's sales at 10:xx and 11:xx of the same day:
    both add to the rows (day 2, 10) and (day 2, 11). A pauses right after writing its sale totals (holding
    both rows) while B starts: B waits for A, and nobody deadlocks or has to run again."""
    _fair, packages = make_fair(fair_store, fair_clock, demo_registry(), tmp_path / "packages", ["KK20-0001"])
    a = Booth(tmp_path / "a", packages["KK20-0001"].path, seed=1)
    b = Booth(tmp_path / "b", packages["KK20-0001"].path, till_no=2, seed=2)
    d2 = FIRST_DAY + timedelta(days=1)
    a.sell(FIRST_DAY, 3)
    b.sell(FIRST_DAY, 3)
    assert import_paths(fair_store, fair_clock, [a.export(tmp_path / "u1"), b.export(tmp_path / "u1")],
                        jobs=0).count("imported") == 2
    a.ensure_day(d2)
    assert a.refund_first()
    a.clock.at(d2, 11)
    a.sell(d2, 2)
    b.ensure_day(d2)
    b.sell(d2, 2)
    b.clock.at(d2, 11)
    b.sell(d2, 2)
    file_a, file_b = a.export(tmp_path / "ua"), b.export(tmp_path / "ub")
    got_a, got_b = paused_race(fair_store, "INSERT INTO sale_total",
                               lambda: import_paths(fair_store, fair_clock, [file_a], jobs=0),
                               lambda: import_paths(fair_store, fair_clock, [file_b], jobs=0))
    assert got_a.count("imported") == 1 and got_b.count("imported") == 1
    assert fair_store.retries == 0  # B waited; no deadlock was detected and rolled back
    check(fair_store)
    assert fair_summary(fair_store).net_satang == a.net() + b.net()
    a.close()
    b.close()


def test_repair_while_an_import_commits_counts_every_document_once(
        fair_store: FairStore, fair_clock: FixedClock, imported: dict[str, Any], tmp_path: Path) -> None:
    """``fair verify --repair`` deletes a fair's totals and computes them again; an import that commits in
    between (new rows of a later day, which the repair holds no lock on) is neither lost nor counted twice: on
    PostgreSQL the repair reads one snapshot (without it, it would add the import's documents to the rows the
    import has just made), and SQLite makes the import wait."""
    with fair_store.write() as s:
        s.execute(text("UPDATE sale_total SET sales = sales + 1 WHERE hour = (SELECT min(hour) FROM sale_total)"))
    packages = imported["packages"]
    c = Booth(tmp_path / "c", packages["KK20-0002"].path, till_no=2, seed=9)
    c.sell(FIRST_DAY + timedelta(days=2), 3)  # rows the repair has not locked: the import does not wait for it
    late = c.export(tmp_path / "late")
    checked, desk = paused_race(fair_store, "DELETE FROM sale_total",
                                lambda: verify_totals(fair_store, repair=True),
                                lambda: import_paths(fair_store, fair_clock, [late], jobs=0))
    assert checked.repaired and desk.count("imported") == 1
    check(fair_store)
    assert fair_summary(fair_store).net_satang == sum(imported["nets"].values()) + c.net()
    c.close()


def test_fair_verify_words_totals_rows_and_till_days_held_twice_apart() -> None:
    """``fair verify``'s summary names what it found: totals rows that differ, till days held twice, or both."""
    from otop_pos.cli.fair_cmds import _findings
    from otop_pos.fair.totals import Difference

    row = Difference("product_total", (1, "A"), (1,), (2,))
    day = Difference("till_day", ("u",), (2,), (1,))
    assert _findings((day,)) == ("วันขาย 1 วันถูกเก็บซ้ำ", "1 till day(s) held more than once")
    assert _findings((row, row)) == ("ยอดรวม 2 แถวไม่ตรงกับเอกสาร", "2 totals row(s) differ from the documents")
    th, en = _findings((row, day))
    assert en == "1 totals row(s) differ from the documents and 1 till day(s) held more than once"
    assert "ยอดรวม 1 แถว" in th and "วันขาย 1 วัน" in th
