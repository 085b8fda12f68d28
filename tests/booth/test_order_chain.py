"""Orders in the booth export (format version 3): the till's order chain, made as orders happen and made for the
orders a store held before it existed (migration b0005); a file whose orders were changed — even re-signed with
the booth's own key — is refused by the whole-file reader and the streaming reader alike."""
from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import zipfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import func, select

from otop_pos.booth.cart import Cart
from otop_pos.booth.catalogue import list_products
from otop_pos.booth.days import open_day
from otop_pos.booth.export import export_booth
from otop_pos.booth.orders import cancel_order, deliver_order, take_order
from otop_pos.booth.package_setup import setup_from_package
from otop_pos.booth.payments import PaymentIn
from otop_pos.booth.store import identity
from otop_pos.core.clock import FixedClock
from otop_pos.core.errors import ImportRefused
from otop_pos.exchange.export_format import read_export
from otop_pos.exchange.export_stream import ExportStream
from otop_pos.exchange.keys import sign
from otop_pos.exchange.package_format import write_package
from otop_pos.exchange.safezip import write_zip
from otop_pos.store.booth_models import OrderEvent
from otop_pos.store.engine import SqliteStore
from otop_pos.store.migrate import alembic_config
from tests.exchange.helpers import make_package

PIN = "1234"
TODAY = date(2020, 10, 26)


@pytest.fixture
def booth(empty_store: SqliteStore, clock: FixedClock, tmp_path: Path) -> tuple[SqliteStore, str]:
    pkg, public = make_package()
    setup_from_package(empty_store, clock, write_package(tmp_path / "B001.otopbooth", pkg), pin=PIN)
    return empty_store, public


def _orders(store: SqliteStore, clock: FixedClock) -> list[str]:
    open_day(store, clock, 100000)
    p = list_products(store)
    a = take_order(store, clock, Cart().add(p[0], 3), customer="นางสมศรี", phone="0812345678",
                   deliver_on=TODAY + timedelta(days=1), deposit_satang=5000,
                   payments=[PaymentIn("cash", tendered_satang=10000)])
    b = take_order(store, clock, Cart().add(p[1], 1), customer="ข", deliver_on=TODAY, deposit_satang=2000,
                   payments=[PaymentIn("promptpay", 2000, reference="PP-1")])
    c = take_order(store, clock, Cart().add(p[2], 2), customer="ค", deliver_on=TODAY + timedelta(days=3),
                   deposit_satang=0)
    deliver_order(store, clock, a.number, [PaymentIn("transfer", a.value_satang - 5000, reference="T-9")])
    cancel_order(store, clock, b.number, PIN, refund_deposit=True)
    return [a.number, b.number, c.number]


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def _rows(blob: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(blob[3:].decode("utf-8"), newline="")))


def _resigned(members: dict[str, bytes], key: str, out: Path) -> Path:
    manifest = json.loads(members["manifest.json"])
    for m in manifest["members"]:
        blob = members[m["name"]]
        m["sha256"], m["size"] = hashlib.sha256(blob).hexdigest(), len(blob)
    raw = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
    members = {**members, "manifest.json": raw, "manifest.sig": base64.b64encode(sign(key, raw)) + b"\n"}
    buf = io.BytesIO()
    write_zip(buf, list(members.items()), datetime(2020, 10, 26, tzinfo=timezone.utc))
    out.write_bytes(buf.getvalue())
    return out


def _refused_both_ways(path: Path, public: str) -> set[str]:
    reasons = set()
    with pytest.raises(ImportRefused) as whole:
        read_export(path, public)
    reasons.add(whole.value.reason)
    with pytest.raises(ImportRefused) as streamed:
        with ExportStream(path, public) as st:
            for _batch in st.batches(2):
                pass
    assert (streamed.value.reason, streamed.value.en) == (whole.value.reason, whole.value.en)
    assert whole.value.th.strip() and whole.value.en.strip()
    return reasons


def test_orders_travel_without_their_customers_and_verify(booth: tuple[SqliteStore, str], clock: FixedClock,
                                                          tmp_path: Path) -> None:
    store, public = booth
    numbers = _orders(store, clock)
    path = export_booth(store, clock, tmp_path / "out")
    got = read_export(path, public)
    assert got.manifest.version == 3
    assert [o.number for o in got.data.orders] == numbers
    assert [(e.seq, e.kind) for e in got.data.order_events] == [
        (1, "take"), (2, "take"), (3, "take"), (4, "deliver"), (5, "cancel")]
    delivered = next(e for e in got.data.order_events if e.kind == "deliver")
    assert delivered.sale_uuid in {s.uuid for s in got.data.sales}
    assert [(m.method, m.amount_satang) for m in got.data.order_money] == [
        ("cash", 5000), ("promptpay", 2000), ("promptpay", 2000)]
    assert got.manifest.counts["orders"] == 3 and got.manifest.counts["order_events"] == 5
    text = b"".join(_members(path).values()).decode("utf-8", "replace")
    assert "สมศรี" not in text and "0812345678" not in text
    with ExportStream(path, public) as st:
        assert sum(len(b) for b in st.batches(1)) == len(got.data.sales)


def test_a_changed_order_is_refused_even_when_signed_again(booth: tuple[SqliteStore, str], clock: FixedClock,
                                                           tmp_path: Path) -> None:
    store, public = booth
    _orders(store, clock)
    with store.read() as s:
        key = identity(s).signing_key
    members = _members(export_booth(store, clock, tmp_path / "out"))
    money = _rows(members["order_money.csv"])
    money[2][-1] = "PP-2"   # the reference of the deposit given back: every sum still adds up
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(money)
    changed = {**members, "order_money.csv": b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")}
    assert _refused_both_ways(_resigned(changed, key, tmp_path / "ref.otopx"), public) == {"chain"}
    events = _rows(members["order_events.csv"])
    del events[5]           # the cancel left out
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(events)
    manifest = json.loads(members["manifest.json"])
    manifest["counts"]["order_events"] -= 1
    fewer = {**members, "order_events.csv": b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"),
             "manifest.json": json.dumps(manifest).encode()}
    assert _refused_both_ways(_resigned(fewer, key, tmp_path / "gap.otopx"), public) == {"integrity"}


def test_migration_b0005_chains_the_orders_a_store_already_held(booth: tuple[SqliteStore, str], clock: FixedClock,
                                                                tmp_path: Path) -> None:
    store, public = booth
    numbers = _orders(store, clock)
    cfg = alembic_config("booth")
    with store.engine.begin() as conn:   # the store as b0004m left it: orders, no chain
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "b0004m")
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(OrderEvent)) == 5
    clock.advance(timedelta(minutes=5))
    later = take_order(store, clock, Cart().add(list_products(store)[0], 1), customer="ง", deliver_on=TODAY,
                       deposit_satang=0)
    got = read_export(export_booth(store, clock, tmp_path / "out"), public)
    assert [o.number for o in got.data.orders] == [*numbers, later.number]
    assert [e.kind for e in got.data.order_events] == ["take", "take", "take", "deliver", "cancel", "take"]
