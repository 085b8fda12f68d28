"""The import and the totals follow the fair store's SQLAlchemy metadata (``otop_pos.fair.rows``,
``otop_pos.fair.totals``), on SQLite and PostgreSQL:

- every mapped column of the document tables is written by the import, each from its own field of the export
  (an export whose columns all differ, read back column by column);
- every column the totals add up (the columns marked ``adds(...)`` in the model) equals the sum over the
  documents it names, for the whole fair;
- a column added to a document table and to the export's row class reaches the store with no import code
  changed (a separate process extends the model and the export format, then imports).
"""
from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import textwrap
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from otop_pos.app import demo_registry
from otop_pos.booth.cart import Cart
from otop_pos.booth.catalogue import list_products
from otop_pos.booth.checkout import checkout
from otop_pos.booth.payments import PaymentIn
from otop_pos.core.clock import FixedClock
from otop_pos.exchange.export_rows import MEMBERS
from otop_pos.exchange.package_format import read_package
from otop_pos.fair.importer import import_paths
from otop_pos.fair.rows import KEYS, SPECS, columns
from otop_pos.fair.store import FairStore
from otop_pos.store.fair_models import FairBase
from tests.fair.booths import FIRST_DAY, Booth, make_fair
from tests.fair.distinct_export import distinct_export, write_distinct

VENDOR = "KK20-0001"
DOCUMENT_TABLES = ("sale", "sale_line", "payment", "void", "refund", "refund_line", "till_day")


def _plain(value: Any) -> Any:
    """A stored value as comparable plain data (dates and times as ISO text in UTC)."""
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).isoformat()
    return value.isoformat() if hasattr(value, "isoformat") else value


def _read(store: FairStore, table: str) -> list[dict[str, Any]]:
    t = FairBase.metadata.tables[table]
    with store.read() as s:
        return [dict(r._mapping) for r in s.execute(select(t).order_by(*t.primary_key.columns))]


def test_every_document_column_is_imported_from_its_own_field(fair_store: FairStore, fair_clock: FixedClock,
                                                              tmp_path: Path) -> None:
    _fair, pkgs = make_fair(fair_store, fair_clock, demo_registry(), tmp_path / "pkg", [VENDOR])
    pkg = read_package(pkgs[VENDOR].path)
    path = write_distinct(pkg, tmp_path / "distinct.otopx")
    report = import_paths(fair_store, fair_clock, [path], jobs=0)
    assert [f.result for f in report.files] == ["imported"], report.files
    data = distinct_export(pkg)

    # the import's columns are every column of each document table but the keys the store gives
    for table in DOCUMENT_TABLES:
        all_cols = set(FairBase.metadata.tables[table].columns.keys())
        assert set(columns(SPECS[table])) == all_cols - KEYS, table

    stored = {t: _read(fair_store, t) for t in DOCUMENT_TABLES}
    ids = {t: {r["uuid"]: r["id"] for r in stored[t]} for t in ("sale", "void", "refund")}
    compared: Counter[str] = Counter()
    for table in DOCUMENT_TABLES:
        spec = SPECS[table]
        rows_in_file = getattr(data, MEMBERS[spec.member][1])
        assert len(stored[table]) == len(rows_in_file), table
        fields = {f.name for f in dataclasses.fields(MEMBERS[spec.member][0])}
        by_file = stored[table]
        if table == "sale_line":
            key = {(ids["sale"][ln.sale_uuid], ln.line_no): ln for ln in rows_in_file}
            pairs = [(r, key[r["sale_id"], r["line_no"]]) for r in by_file]
        elif table == "payment":
            pairs = []
            for sale_uuid, sale_id in ids["sale"].items():
                mine = [p for p in rows_in_file if p.sale_uuid == sale_uuid]
                got = [r for r in by_file if r["sale_id"] == sale_id]
                assert [r["pay_no"] for r in got] == list(range(1, len(mine) + 1))
                pairs += list(zip(got, mine))
        elif table == "refund_line":
            key = {(ids["refund"][rl.refund_uuid], rl.line_no): rl for rl in rows_in_file}
            pairs = [(r, key[r["refund_id"], r["line_no"]]) for r in by_file]
        else:
            key = {row.uuid: row for row in rows_in_file}
            pairs = [(r, key[r["uuid"]]) for r in by_file]
        for got, want in pairs:
            for col in columns(spec):
                if col in fields:
                    assert _plain(got[col]) == _plain(getattr(want, col)), (table, col)
                    compared[f"{table}.{col}"] += 1
            if "sale_uuid" in fields and table != "refund_line":
                assert got["sale_id"] == ids["sale"][want.sale_uuid]
    # the computed columns: the line's, payment's and refund line's date is their document's; the cash count
    for r in stored["sale_line"] + stored["payment"]:
        assert _plain(r["business_date"]) == data.sales[0].business_date.isoformat()
    day = stored["till_day"][0]
    assert json.loads(day["counts_json"]) == {str(k): v for k, v in data.days[0].counts.items()}
    assert json.loads(day["by_method_json"]) == data.days[0].by_method
    # every column the file fills was compared, with values that differ between the columns of a row
    expected = {f"{t}.{c}" for t in DOCUMENT_TABLES for c in columns(SPECS[t])
                if c in {f.name for f in dataclasses.fields(MEMBERS[SPECS[t].member][0])}}
    assert set(compared) == expected
    sale = stored["sale"][0]
    money = [sale[c] for c in ("subtotal_satang", "sale_discount_satang", "total_satang", "change_satang")]
    assert len(set(money)) == len(money)


def _doc_sum(store: FairStore, kind: str, info: dict[str, str]) -> int:
    """The sum (or count) over a fair's documents of ``kind`` that a totals column is marked to hold."""
    ref = info.get("count") or info["sums"]
    table = ref.split(".")[0]
    t = FairBase.metadata.tables
    value = func.count() if info.get("count") else func.coalesce(func.sum(t[table].c[ref.split(".")[1]]), 0)
    q = select(value).select_from(t[table])
    if kind == "void" and table in ("sale_line", "payment"):
        q = q.where(t[table].c.sale_id.in_(select(t["void"].c.sale_id)))
    elif kind == "sale" and table not in ("sale", "sale_line", "payment"):
        raise AssertionError(ref)
    with store.read() as s:
        return int(s.scalar(q) or 0)


def test_every_amount_the_totals_add_up_equals_the_documents(fair_store: FairStore, fair_clock: FixedClock,
                                                             tmp_path: Path) -> None:
    _fair, pkgs = make_fair(fair_store, fair_clock, demo_registry(), tmp_path / "pkg", [VENDOR, "KK20-0002"])
    booths = [Booth(tmp_path / "b1", pkgs[VENDOR].path, seed=3), Booth(tmp_path / "b2", pkgs["KK20-0002"].path, seed=4)]
    files = []
    for b in booths:
        b.sell(FIRST_DAY, 12)
        if b is booths[0]:   # คนละครึ่ง parts: the state's share of a sale kept and of a sale voided
            for _ in range(2):
                cart = Cart().add(list_products(b.s)[0], 2)
                checkout(b.s, b.clock, cart, [PaymentIn("copay", cart.total_satang, state_satang=1000)],
                         allow_oversell=True, print_receipt=False)
        assert b.void_last() and b.refund_first()
        files.append(b.export(tmp_path / "usb"))
    report = import_paths(fair_store, fair_clock, files, jobs=0)
    assert report.count("imported") == 2
    # plus a file with payments of several methods, a discount and a voided sale
    path = write_distinct(read_package(pkgs[VENDOR].path), tmp_path / "distinct.otopx")
    assert import_paths(fair_store, fair_clock, [path], jobs=0).count("imported") == 1

    marked = [(t, c) for t in ("sale_total", "payment_total", "product_total")
              for c in FairBase.metadata.tables[t].columns if "total_kind" in c.info]
    for name in ("sale_total", "payment_total", "product_total"):  # every column is a key, a sum or kept
        t = FairBase.metadata.tables[name]
        assert {c.name for c in t.columns if c.primary_key or c.info} == set(t.columns.keys())
    assert len(marked) >= 23
    with fair_store.read() as s:
        totals = {(t, c.name): int(s.scalar(select(func.sum(c))) or 0) for t, c in marked}
    for (t, c) in marked:
        want = _doc_sum(fair_store, c.info["total_kind"], c.info)
        assert totals[t, c.name] == want, (t, c.name, c.info)
        assert want > 0, (t, c.name)  # the documents hold some of every amount


EXTENDED = textwrap.dedent('''
    """Adds a column to the fair store's sale table and to the export's sales, then imports: no import code
    is touched (only the model's metadata and the export's row class are extended, as a new release would)."""
    import sys
    from dataclasses import dataclass
    from pathlib import Path
    from typing import Annotated

    from sqlalchemy import Column, String, select, text

    from otop_pos.store.fair_models import Sale

    Sale.__table__.append_column(Column("promo_code", String(32), nullable=False, server_default=""))

    from otop_pos.exchange import export_model, export_rows
    from otop_pos.exchange.export_model import Cell


    @dataclass(frozen=True)
    class ExportSale(export_model.ExportSale):
        promo_code: Annotated[str, Cell("text")] = ""


    export_rows.MEMBERS["sales.csv"] = (ExportSale, "sales")
    export_rows.TABLES["sales.csv"] = (ExportSale, "sales", export_rows.member_columns(ExportSale))

    from otop_pos.core.clock import SystemClock
    from otop_pos.exchange.package_format import read_package
    from otop_pos.fair.importer import import_paths
    from otop_pos.fair.store import open_fair_store
    from tests.fair.distinct_export import write_distinct

    db, package, out = sys.argv[1:4]
    store = open_fair_store(db)
    with store.write() as s:  # the release's migration
        s.execute(text("ALTER TABLE sale ADD COLUMN promo_code VARCHAR(32) NOT NULL DEFAULT ''"))
    path = write_distinct(read_package(Path(package)), Path(out), sale_cls=ExportSale,
                          sale_extra={"promo_code": "งานโอทอป-๒๐"})
    report = import_paths(store, SystemClock(), [path], jobs=0)
    assert [f.result for f in report.files] == ["imported"], report.files
    with store.read() as s:
        print(sorted(s.scalars(select(Sale.__table__.c.promo_code))))
''')


def test_a_column_added_to_a_table_and_the_export_is_imported_without_code_changes(
        fair_db: str, fair_store: FairStore, fair_clock: FixedClock, tmp_path: Path) -> None:
    _fair, pkgs = make_fair(fair_store, fair_clock, demo_registry(), tmp_path / "pkg", [VENDOR])
    script = tmp_path / "extended.py"
    script.write_text(EXTENDED, encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=str(root), PYTHONWARNINGS="error", OTOP_POS_HOME=str(tmp_path / "home"))
    done = subprocess.run([sys.executable, str(script), fair_db, str(pkgs[VENDOR].path), str(tmp_path / "x.otopx")],
                          capture_output=True, text=True, env=env, cwd=root, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(["งานโอทอป-๒๐", "งานโอทอป-๒๐"])
    # this process's model has no such column: the store has it, filled by the import
    with fair_store.read() as s:
        assert sorted(s.execute(text("SELECT promo_code FROM sale")).scalars()) == ["งานโอทอป-๒๐"] * 2
