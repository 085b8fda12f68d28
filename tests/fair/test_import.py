"""Importing booth exports into the fair store, on SQLite and PostgreSQL: exactly once, any order, refusals
that leave the store unchanged, deletions and conflicts, status and totals."""
from __future__ import annotations

import dataclasses
import io
import json
import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from otop_pos.app import demo_registry
from otop_pos.booth.export import build_export
from otop_pos.core.clock import FixedClock
from otop_pos.exchange.export_format import write_export
from otop_pos.exchange.keys import generate_keypair, sign
from otop_pos.exchange.package_format import read_package
from otop_pos.exchange.safezip import write_zip
from otop_pos.fair.importer import ImportReport, import_paths
from otop_pos.fair.status import fair_status, fair_summary
from otop_pos.fair.store import FairStore
from tests.fair.booths import FIRST_DAY, Booth, make_fair

VENDORS = ["KK20-0001", "KK20-0002", "KK20-0003"]
DATA_SUMS = {
    "sale": "total_satang", "sale_line": "net_satang", "payment": "amount_satang", "void": "amount_satang",
    "refund": "amount_satang", "refund_line": "amount_satang", "till_day": "float_satang", "till": "head_seq",
    "sale_total": "total_satang + void_satang + refund_satang + items",
    "payment_total": "amount_satang + void_satang + refund_satang",
    "product_total": "net_satang + void_satang + refund_satang + qty",
}


def snapshot(store: FairStore) -> dict[str, tuple[int, int]]:
    """Row count and a money sum of every data table (the import log is not data)."""
    with store.read() as s:
        return {t: tuple(int(x) for x in s.execute(text(f"SELECT count(*), coalesce(sum({c}), 0) FROM {t}")).one())
                for t, c in DATA_SUMS.items()}  # type: ignore[misc]


@pytest.fixture
def world(fair_store: FairStore, fair_clock: FixedClock, tmp_path: Path) -> dict[str, object]:
    fair, packages = make_fair(fair_store, fair_clock, demo_registry(), tmp_path / "packages", VENDORS)
    return {"fair": fair, "packages": packages}


def booth(world: dict[str, object], tmp_path: Path, code: str, till: int = 1, seed: int = 1) -> Booth:
    pkgs = world["packages"]
    return Booth(tmp_path / f"booth-{code}-{till}", pkgs[code].path, till_no=till, seed=seed)  # type: ignore[index]


def imp(store: FairStore, clock: FixedClock, *paths: Path, jobs: int = 0) -> ImportReport:
    return import_paths(store, clock, list(paths), jobs=jobs)


def test_import_exactly_once_in_any_order(fair_store: FairStore, fair_clock: FixedClock, world: dict[str, object],
                                          tmp_path: Path) -> None:
    b1 = booth(world, tmp_path, "KK20-0001")
    b2 = booth(world, tmp_path, "KK20-0002")
    b2b = booth(world, tmp_path, "KK20-0002", till=2, seed=7)
    out = tmp_path / "usb"
    day1, day2 = FIRST_DAY, date(2020, 10, 27)
    for b in (b1, b2, b2b):
        b.sell(day1, 6)
    b1.void_last()
    e1 = [b.export(out / "d1") for b in (b1, b2, b2b)]
    for b in (b1, b2, b2b):
        b.sell(day2, 4)
    b2.refund_first()
    e2 = [b.export(out / "d2") for b in (b1, b2, b2b)]
    # day 2 first (cumulative), then day 1 (older: nothing new), then both again
    r = imp(fair_store, fair_clock, *e2)
    assert (r.count("imported"), r.count("refused")) == (3, 0)
    r = imp(fair_store, fair_clock, *e1)
    assert r.count("unchanged") == 3 and r.sales == 0
    before = snapshot(fair_store)
    r = imp(fair_store, fair_clock, out, out)  # a folder twice: every file a duplicate or known
    assert r.count("imported") == 0 and r.count("refused") == 0 and len(r.files) == 12
    assert snapshot(fair_store) == before
    sm = fair_summary(fair_store)
    assert sm.net_satang == sum(b.net() for b in (b1, b2, b2b))
    assert sm.sales_count == sum(b.report()[1] for b in (b1, b2, b2b)) == 30
    assert sm.per_vendor == {"KK20-0001": b1.net(), "KK20-0002": b2.net() + b2b.net()}
    assert sm.voids_count == 1 and sm.refunds_count == 1
    assert sum(sm.per_method.values()) == sm.net_satang == sum(sm.per_day.values())
    for b in (b1, b2, b2b):
        b.close()


def test_later_export_adds_only_new_and_closes_days(fair_store: FairStore, fair_clock: FixedClock,
                                                    world: dict[str, object], tmp_path: Path) -> None:
    b = booth(world, tmp_path, "KK20-0003")
    b.sell(FIRST_DAY, 5)
    first = b.export(tmp_path / "x")
    r = imp(fair_store, fair_clock, first)
    assert r.files[0].sales == 5 and r.files[0].days == 1
    b.close_day()
    b.sell(date(2020, 10, 27), 3)
    b.refund_first()
    second = b.export(tmp_path / "x")
    r = imp(fair_store, fair_clock, second)
    f = r.files[0]
    assert (f.result, f.sales, f.refunds, f.days, f.skipped) == ("imported", 3, 1, 1, 5)
    with fair_store.read() as s:
        closed = s.execute(text("SELECT count(*) FROM till_day WHERE closed_at IS NOT NULL")).scalar_one()
    assert closed == 1
    assert fair_summary(fair_store).net_satang == b.net()
    st = fair_status(fair_store, fair_clock)
    assert [v.code for v in st.vendors] == ["KK20-0003"]
    assert st.vendors[0].days == (FIRST_DAY, date(2020, 10, 27))
    # every fair day is over on the clock: the two other vendors sent nothing on any day, KK20-0003 nothing
    # after its last export (27 Oct)
    assert len(st.missing) == 7 and st.files["imported"] == 2
    for d, codes in st.missing.items():
        assert "KK20-0001" in codes and len(codes) == st.vendors_registered - (d <= date(2020, 10, 27))
        assert ("KK20-0003" in codes) == (d > date(2020, 10, 27))
    b.close()


def _copy_with(src: Path, dst: Path, edit: object) -> Path:
    data = bytearray(src.read_bytes())
    edit(data)  # type: ignore[operator]
    dst.write_bytes(bytes(data))
    return dst


def _resign(src: Path, dst: Path, private_pem: str, change: dict[str, object]) -> Path:
    with zipfile.ZipFile(src) as z:
        members = {n: z.read(n) for n in z.namelist()}
    manifest = json.loads(members["manifest.json"])
    manifest.update(change)
    raw = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
    import base64

    members["manifest.json"] = raw
    members["manifest.sig"] = base64.b64encode(sign(private_pem, raw)) + b"\n"
    buf = io.BytesIO()
    from datetime import datetime, timezone

    write_zip(buf, list(members.items()), datetime(2020, 10, 26, tzinfo=timezone.utc))
    dst.write_bytes(buf.getvalue())
    return dst


def test_refused_files_leave_the_store_unchanged(fair_store: FairStore, fair_clock: FixedClock,
                                                 world: dict[str, object], tmp_path: Path) -> None:
    b1 = booth(world, tmp_path, "KK20-0001")
    b2 = booth(world, tmp_path, "KK20-0002")
    b1.sell(FIRST_DAY, 4)
    b2.sell(FIRST_DAY, 2)
    good = b1.export(tmp_path / "good")
    imp(fair_store, fair_clock, b2.export(tmp_path / "b2"))
    b1.sell(FIRST_DAY, 2)
    newer = b1.export(tmp_path / "newer")
    bad = tmp_path / "bad"
    bad.mkdir()
    size = newer.stat().st_size
    pkg1 = read_package(world["packages"]["KK20-0001"].path)  # type: ignore[index]
    pkg2 = read_package(world["packages"]["KK20-0002"].path)  # type: ignore[index]
    data = build_export(b1.s)
    cases: dict[str, Path] = {
        "truncated": _copy_with(newer, bad / "t.otopx", lambda d: d.__delitem__(slice(size // 2, None))),
        "tampered": _copy_with(newer, bad / "x.otopx", lambda d: d.__setitem__(size // 3, d[size // 3] ^ 0xFF)),
        "empty": _copy_with(newer, bad / "e.otopx", lambda d: d.clear()),
        # another fair: the same booth data under an unknown fair id, signed with the right key
        "other_fair": write_export(bad / "f.otopx", dataclasses.replace(data, fair_id="KK-2564"),
                                   pkg1.private_key_pem, 99, fair_clock.now()),
        # vendor 1's data signed with vendor 2's key
        "bad_key": write_export(bad / "k.otopx", dataclasses.replace(data, key_id=pkg2.key_id),
                                pkg2.private_key_pem, 99, fair_clock.now()),
        # a key the fair never issued
        "bad_key2": write_export(bad / "k2.otopx", dataclasses.replace(data, key_id=generate_keypair()[2]),
                                 generate_keypair()[0], 99, fair_clock.now()),
        "unknown_vendor": write_export(bad / "v.otopx", dataclasses.replace(data, vendor_code="KK20-9999"),
                                       pkg1.private_key_pem, 99, fair_clock.now()),
        "version": _resign(newer, bad / "ver.otopx", pkg1.private_key_pem, {"version": 4}),
    }
    late = date(2020, 11, 5)
    cases["outside_days"] = write_export(
        bad / "o.otopx", dataclasses.replace(
            data, sales=tuple(dataclasses.replace(s, business_date=late) for s in data.sales),
            days=tuple(dataclasses.replace(d, business_date=late) for d in data.days)),
        pkg1.private_key_pem, 99, fair_clock.now())
    before = snapshot(fair_store)
    r = imp(fair_store, fair_clock, *cases.values())
    assert snapshot(fair_store) == before
    got = {name: f.reason for name, f in zip(cases, r.files)}
    assert all(f.result == "refused" and f.th and f.en for f in r.files), got
    assert got["other_fair"] == "other_fair"
    assert got["bad_key"] == got["bad_key2"] == "bad_key"
    assert got["unknown_vendor"] == "unknown_vendor"
    assert got["outside_days"] == "outside_days"
    assert got["version"] in ("version", "format_version")
    assert got["truncated"] in ("truncated", "not_zip", "corrupt")
    assert got["tampered"] in ("member_hash", "corrupt", "signature", "format", "truncated")
    # refusals are in the import log; the good files still import afterwards
    with fair_store.read() as s:
        assert s.execute(text("SELECT count(*) FROM import_log WHERE result = 'refused'")).scalar_one() == len(cases)
    r = imp(fair_store, fair_clock, good, newer)
    assert [f.result for f in r.files] == ["imported", "imported"]
    assert fair_summary(fair_store).net_satang == b1.net() + b2.net()
    b1.close()
    b2.close()


def test_lost_tail_is_a_deletion_and_refused(fair_store: FairStore, fair_clock: FixedClock,
                                             world: dict[str, object], tmp_path: Path) -> None:
    b = booth(world, tmp_path, "KK20-0001")
    b.sell(FIRST_DAY, 3)
    copy = b.backup(tmp_path / "backups")
    b.sell(FIRST_DAY, 3)
    b.void_last()
    full = b.export(tmp_path / "x")
    assert imp(fair_store, fair_clock, full).files[0].result == "imported"
    net_before, snap = fair_summary(fair_store).net_satang, snapshot(fair_store)
    b.restore(copy)  # crash: back to 3 sales
    shorter = b.export(tmp_path / "y")
    f = imp(fair_store, fair_clock, shorter).files[0]
    assert (f.result, f.reason) == ("refused", "deletion"), f
    assert "B001-000004" in f.en or "lacks" in f.en
    b.sell(FIRST_DAY, 4)  # the restored till goes on selling: same seqs, other documents
    forked = b.export(tmp_path / "z")
    f = imp(fair_store, fair_clock, forked).files[0]
    assert (f.result, f.reason) == ("refused", "deletion"), f
    assert snapshot(fair_store) == snap and fair_summary(fair_store).net_satang == net_before
    # the old full export is still fine (nothing new)
    assert imp(fair_store, fair_clock, full).files[0].result == "unchanged"
    b.close()


def test_older_export_after_newer_is_not_a_deletion(fair_store: FairStore, fair_clock: FixedClock,
                                                    world: dict[str, object], tmp_path: Path) -> None:
    b = booth(world, tmp_path, "KK20-0002")
    b.sell(FIRST_DAY, 2)
    old = b.export(tmp_path / "a")
    b.sell(FIRST_DAY, 2)
    new = b.export(tmp_path / "b")
    assert imp(fair_store, fair_clock, new).files[0].sales == 4
    f = imp(fair_store, fair_clock, old).files[0]
    assert (f.result, f.reason, f.skipped) == ("unchanged", "nothing_new", 2)
    b.close()


def test_same_uuid_other_content_is_a_conflict(fair_store: FairStore, fair_clock: FixedClock,
                                               world: dict[str, object], tmp_path: Path) -> None:
    b1 = booth(world, tmp_path, "KK20-0001")
    b1.sell(FIRST_DAY, 2)
    imp(fair_store, fair_clock, b1.export(tmp_path / "a"))
    # a till of another vendor whose export carries a sale UUID the store already holds (a copied store)
    b2 = booth(world, tmp_path, "KK20-0002")
    b2.sell(FIRST_DAY, 1)
    data = build_export(b2.s)
    with fair_store.read() as s:
        taken = s.execute(text("SELECT uuid FROM sale ORDER BY id LIMIT 1")).scalar_one()
    pkg2 = read_package(world["packages"]["KK20-0002"].path)  # type: ignore[index]
    s0 = dataclasses.replace(data.sales[0], uuid=taken)
    from otop_pos.exchange.export_format import ExportData

    def swap(rows: tuple, field: str) -> tuple:  # type: ignore[type-arg]
        return tuple(dataclasses.replace(r, **{field: taken}) for r in rows)

    crafted = ExportData(**{**{f.name: getattr(data, f.name) for f in dataclasses.fields(data)},
                            "sales": (s0,), "lines": swap(data.lines, "sale_uuid"),
                            "payments": swap(data.payments, "sale_uuid")})
    try:
        path = write_export(tmp_path / "c.otopx", _rechain(crafted), pkg2.private_key_pem, 5, fair_clock.now())
    except Exception as exc:  # pragma: no cover - the format refuses to write it: nothing to test here
        pytest.skip(f"cannot craft: {exc}")
    before = snapshot(fair_store)
    f = imp(fair_store, fair_clock, path).files[0]
    assert (f.result, f.reason) == ("refused", "conflict"), f
    assert snapshot(fair_store) == before
    b1.close()
    b2.close()


def _rechain(data: object) -> object:
    """Recompute the hash chain of crafted data (as a booth would have)."""
    from otop_pos.core.chain import GENESIS, chain_hash, sale_doc

    sales, prev = [], GENESIS
    lines_of = {}
    for ln in data.lines:  # type: ignore[attr-defined]
        lines_of.setdefault(ln.sale_uuid, []).append(ln)
    pays_of = {}
    for p in data.payments:  # type: ignore[attr-defined]
        pays_of.setdefault(p.sale_uuid, []).append(p)
    for s in data.sales:  # type: ignore[attr-defined]
        doc = sale_doc(uuid=s.uuid, seq=s.seq, number=s.number, at=s.created_at.isoformat(timespec="microseconds"),
                       total=s.total_satang, discount=s.sale_discount_satang,
                       lines=[(ln.sku, ln.qty, ln.unit_price_satang, ln.discount_satang, ln.net_satang)
                              for ln in lines_of[s.uuid]],
                       payments=[(p.method, p.amount_satang, p.reference) for p in pays_of[s.uuid]])
        h = chain_hash(prev, doc)
        sales.append(dataclasses.replace(s, prev_hash=prev, hash=h))
        prev = h
    return dataclasses.replace(data, sales=tuple(sales))  # type: ignore[type-var]


def test_worker_processes_give_the_same_result(fair_store: FairStore, fair_clock: FixedClock,
                                               world: dict[str, object], tmp_path: Path) -> None:
    booths = [booth(world, tmp_path, code, seed=i) for i, code in enumerate(VENDORS)]
    for b in booths:
        b.sell(FIRST_DAY, 3)
        b.export(tmp_path / "usb")
    shutil.copytree(tmp_path / "usb", tmp_path / "usb2")
    r = imp(fair_store, fair_clock, tmp_path / "usb", tmp_path / "usb2", jobs=2)
    assert (r.count("imported"), r.count("unchanged"), r.count("refused")) == (3, 3, 0)
    assert fair_summary(fair_store).net_satang == sum(b.net() for b in booths)
    for b in booths:
        b.close()
