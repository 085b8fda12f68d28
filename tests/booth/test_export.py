"""Booth side of the fair exchange: setup from a package, the export use case and its CLI."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import select

from otop_pos.booth.cart import Cart, ProductInfo
from otop_pos.booth.catalogue import list_products
from otop_pos.booth.checkout import checkout
from otop_pos.booth.days import open_day
from otop_pos.booth.export import build_export, export_booth
from otop_pos.booth.package_setup import setup_from_package
from otop_pos.booth.payments import PaymentIn
from otop_pos.booth.simulate import simulate
from otop_pos.booth.store import open_booth_store
from otop_pos.core.clock import FixedClock
from otop_pos.core.errors import ImportRefused, SetupError, StoreError
from otop_pos.core.outfiles import OutputError
from otop_pos.exchange.export_format import read_export
from otop_pos.exchange.package_format import write_package
from otop_pos.store.booth_models import AuditEvent, Identity, NumberSeries
from otop_pos.store.engine import SqliteStore
from tests.booth.helpers import check_store_integrity
from tests.exchange.helpers import make_package

PIN = "1234"


@pytest.fixture
def package(tmp_path: Path) -> tuple[Path, str]:
    pkg, public = make_package()
    return write_package(tmp_path / "B001.otopbooth", pkg), public


@pytest.fixture
def pstore(empty_store: SqliteStore, clock: FixedClock, package: tuple[Path, str]) -> SqliteStore:
    setup_from_package(empty_store, clock, package[0], pin=PIN)
    return empty_store


def sell(store: SqliteStore, clock: FixedClock, n: int = 1) -> list[str]:
    product = list_products(store)[0]
    info = ProductInfo(product.sku, product.name, product.product_type, product.price_satang, id=product.id)
    numbers = []
    for _ in range(n):
        cart = Cart().add(info, 2)
        numbers.append(checkout(store, clock, cart, [PaymentIn("cash", tendered_satang=cart.total_satang)]).number)
    return numbers


def test_setup_from_package_writes_identity_key_and_catalogue(pstore: SqliteStore, package: tuple[Path, str]) -> None:
    with pstore.read() as s:
        ident = s.get(Identity, 1)
        assert ident is not None
        assert (ident.booth_code, ident.vendor_code, ident.fair_id, ident.till_no) == ("B001", "KK20-0001", "KK-2563", 1)
        assert ident.fair_first_day == date(2020, 10, 26) and ident.signing_key.startswith("-----BEGIN PRIVATE")
    names = [p.name for p in list_products(pstore)]
    assert len(names) == 6 and names[0] == "ผ้าไหมมัดหมี่ลายที่ 1 ครั้งที่ ๒๐"


def test_second_till_from_the_same_package(tmp_path: Path, clock: FixedClock, package: tuple[Path, str]) -> None:
    store = open_booth_store(tmp_path / "till2")
    try:
        setup = setup_from_package(store, clock, package[0], till_no=2, pin=PIN)
        assert setup.till_no == 2
        open_day(store, clock, 0)
        assert sell(store, clock, 2) == ["B001-2-000001", "B001-2-000002"]
        assert build_export(store).till_no == 2
    finally:
        store.dispose()


def test_a_till_with_sales_of_another_fair_is_refused(pstore: SqliteStore, clock: FixedClock, tmp_path: Path) -> None:
    open_day(pstore, clock, 0)
    sell(pstore, clock)
    other = write_package(tmp_path / "other.otopbooth", make_package(fair_id="UD-2564")[0])
    with pytest.raises(SetupError) as info:
        setup_from_package(pstore, clock, other)
    assert info.value.th and "new data folder" in info.value.en


def test_tampered_package_is_refused_and_nothing_written(empty_store: SqliteStore, clock: FixedClock,
                                                         tmp_path: Path) -> None:
    bad = tmp_path / "bad.otopbooth"
    bad.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(ImportRefused):
        setup_from_package(empty_store, clock, bad)
    with empty_store.read() as s:
        assert s.get(Identity, 1) is None


def test_export_needs_a_signing_key(store: SqliteStore, clock: FixedClock, tmp_path: Path) -> None:
    with pytest.raises(SetupError) as info:
        export_booth(store, clock, tmp_path / "out")
    assert "package" in info.value.en and info.value.th
    assert not (tmp_path / "out").exists()


def test_export_names_numbers_and_audits(pstore: SqliteStore, clock: FixedClock, tmp_path: Path,
                                         package: tuple[Path, str]) -> None:
    open_day(pstore, clock, 50000)
    sell(pstore, clock, 3)
    first = export_booth(pstore, clock, tmp_path / "usb")
    assert re.fullmatch(r"KK-2563-B001-1-20201026-\d{6}-[0-9a-f]{8}-1\.otopx", first.name), first.name
    assert first.name.split("-")[-2] == read_export(first, package[1]).data.sales[-1].hash[:8]  # the chain head
    sell(pstore, clock, 2)
    second = export_booth(pstore, clock, tmp_path / "usb")
    assert second.name.endswith("-2.otopx") and first.exists()
    v1, v2 = read_export(first, package[1]), read_export(second, package[1])
    assert (len(v1.data.sales), len(v2.data.sales)) == (3, 5)
    assert v2.data.days[0].closed_at is None and v2.data.days[0].by_method == {}
    with pstore.read() as s:
        assert s.scalar(select(NumberSeries.last).where(NumberSeries.name == "export")) == 2
        audits = [json.loads(a.detail_json) for a in s.scalars(select(AuditEvent).where(AuditEvent.action == "export"))]
    assert [a["seq"] for a in audits] == [1, 2] and audits[1]["file"] == second.name


def test_build_export_is_in_seq_order_with_aware_times(pstore: SqliteStore, package: tuple[Path, str]) -> None:
    simulate(pstore, days=2, sales_per_day=40, pin=PIN, seed=5, start=date(2020, 10, 26))
    data = build_export(pstore)
    docs = sorted([*(s.seq for s in data.sales), *(v.seq for v in data.voids), *(r.seq for r in data.refunds)])
    assert docs == list(range(1, len(docs) + 1))
    assert [s.seq for s in data.sales] == sorted(s.seq for s in data.sales)
    assert all(s.created_at.tzinfo is not None for s in data.sales)
    assert all(d.closed_at is not None and d.closed_at.tzinfo is not None for d in data.days)
    check_store_integrity(pstore.path)


def test_failed_export_leaves_previous_exports_intact(pstore: SqliteStore, clock: FixedClock, tmp_path: Path,
                                                      package: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:
    open_day(pstore, clock, 0)
    sell(pstore, clock, 2)
    out = tmp_path / "usb"
    first = export_booth(pstore, clock, out)
    before = first.read_bytes()
    sell(pstore, clock)

    def power_cut(src: object, dst: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(StoreError) as info:
        export_booth(pstore, clock, out)
    assert info.value.th and info.value.en
    monkeypatch.undo()
    assert [p.name for p in out.iterdir()] == [first.name] and first.read_bytes() == before
    third = export_booth(pstore, clock, out)
    assert third.name.endswith("-3.otopx")  # the failed attempt used number 2: a gap, never a repeat
    assert len(read_export(third, package[1]).data.sales) == 3


def test_export_into_an_unwritable_place_is_a_clear_error(pstore: SqliteStore, clock: FixedClock,
                                                          tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError) as err:
        export_booth(pstore, clock, blocker / "sub")
    assert f"{blocker} is a file" in err.value.en and "เป็นไฟล์" in err.value.th


# --- the CLI, the way a vendor uses it ---------------------------------------------------------------------

def run(home: Path, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, OTOP_POS_HOME=str(home), PYTHONWARNINGS="error")
    env.pop("OTOP_POS_PIN", None)
    proc = subprocess.run([sys.executable, "-m", "otop_pos", *args], capture_output=True, text=True, env=env,
                          timeout=300)
    if ok:
        assert proc.returncode == 0, proc.stderr
    return proc


def test_cli_setup_from_package_simulate_and_export(tmp_path: Path, package: tuple[Path, str]) -> None:
    path, public = package
    till1, till2 = tmp_path / "till1", tmp_path / "till2"
    out = run(till1, "booth", "setup", "--package", str(path), "--pin", PIN)
    assert "B001" in out.stdout and "KK20-0001" in out.stdout
    run(till2, "booth", "setup", "--package", str(path), "--till", "2", "--pin", PIN)
    run(till1, "booth", "simulate", "--days", "1", "--sales-per-day", "15", "--seed", "1", "--start", "2020-10-26",
        "--pin", PIN)
    run(till2, "booth", "simulate", "--days", "1", "--sales-per-day", "5", "--seed", "2", "--start", "2020-10-26",
        "--pin", PIN)
    sales2 = json.loads(run(till2, "booth", "sales", "--json").stdout)
    assert sales2[0]["number"] == "B001-2-000001"
    usb = tmp_path / "usb"
    exported = [Path(run(home, "booth", "export", str(usb)).stdout.strip()) for home in (till1, till2)]
    assert [p.parent for p in exported] == [usb, usb] and exported[0] != exported[1]
    v1, v2 = (read_export(p, public) for p in exported)
    assert (len(v1.data.sales), len(v2.data.sales)) == (15, 5)
    assert v1.manifest.till_uuid != v2.manifest.till_uuid and v2.manifest.till_no == 2


def test_cli_refusals_are_bilingual(tmp_path: Path, package: tuple[Path, str]) -> None:
    home = tmp_path / "b"
    both = run(home, "booth", "setup", "--package", str(package[0]), "--registry", str(tmp_path), ok=False)
    assert both.returncode == 2 and "--package" in both.stderr
    bad = tmp_path / "bad.otopbooth"
    bad.write_bytes(package[0].read_bytes()[:-10])
    refused = run(home, "booth", "setup", "--package", str(bad), ok=False)
    assert refused.returncode == 2 and "ข้อผิดพลาด" in refused.stderr and "Error:" in refused.stderr
    run(home, "booth", "setup", "--registry", str(Path(__file__).resolve().parents[2] / "resources" / "demo"),
        "--vendor", "KK20-0018")
    nokey = run(home, "booth", "export", str(tmp_path / "usb"), ok=False)
    assert nokey.returncode == 2 and "package" in nokey.stderr


def test_export_time_in_file_name_is_bangkok(pstore: SqliteStore, tmp_path: Path) -> None:
    clock = FixedClock(datetime(2020, 10, 26, 17, 30, tzinfo=timezone.utc))
    path = export_booth(pstore, clock, tmp_path)
    assert "-20201027-003000-" in path.name
