"""The fair store on SQLite and PostgreSQL: migrations, fairs, registry with address checks, booth packages."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text

from otop_pos.app import demo_registry
from otop_pos.core.clock import FixedClock
from otop_pos.core.errors import InputError, StoreError
from otop_pos.exchange.keys import key_id_of
from otop_pos.exchange.package_format import read_package
from otop_pos.exchange.registry_csv import load_registry
from otop_pos.fair.fairs import create_fair, get_fair, list_fairs, load_registry_into
from otop_pos.fair.geo import check_address
from otop_pos.fair.packages import make_packages
from otop_pos.fair.store import FairStore, default_db, open_fair_store
from otop_pos.store.fair_models import BoothKey, FairBase, Vendor
from otop_pos.store.migrate import is_at_head

D1, D7 = date(2020, 10, 26), date(2020, 11, 1)


def test_migrated_to_head_with_every_table(fair_store: FairStore, fair_db: str) -> None:
    assert is_at_head(fair_store.engine, "fair")
    tables = set(inspect(fair_store.engine).get_table_names())
    assert set(FairBase.metadata.tables) <= tables
    fair_store.dispose()
    again = open_fair_store(fair_db)  # opening again is harmless
    assert is_at_head(again.engine, "fair")
    again.dispose()


def test_create_and_pick_fairs(fair_store: FairStore, fair_clock: FixedClock) -> None:
    with pytest.raises(InputError):
        get_fair(fair_store, None)
    with pytest.raises(InputError):
        create_fair(fair_store, fair_clock, name="x", venue="", province="", first_day=D7, last_day=D1)
    with pytest.raises(InputError):
        create_fair(fair_store, fair_clock, name="  ", venue="", province="", first_day=D1, last_day=D7)
    a, warn = create_fair(fair_store, fair_clock, name="งาน ก", venue="ศาลากลาง", province="ขอนแก่น",
                          first_day=D1, last_day=D7)
    assert warn == [] and len(a.days) == 7
    b, warn = create_fair(fair_store, fair_clock, name="งาน ข", venue="", province="ขอนแกน",
                          first_day=D1, last_day=D1)
    assert warn and "ขอนแก่น" in warn[0]  # a misspelt province is a warning with a suggestion
    assert [f.id for f in list_fairs(fair_store)] == [b.id, a.id]
    assert get_fair(fair_store, None).id == b.id  # the newest
    assert get_fair(fair_store, str(a.id)).uid == a.uid
    assert get_fair(fair_store, a.uid[:8]).id == a.id
    assert get_fair(fair_store, "งาน ก").id == a.id
    with pytest.raises(InputError):
        get_fair(fair_store, "no-such-fair")


def test_registry_loads_with_address_warnings(fair_store: FairStore, fair_clock: FixedClock,
                                              tmp_path: Path) -> None:
    create_fair(fair_store, fair_clock, name="งาน", venue="", province="ขอนแก่น", first_day=D1, last_day=D7)
    vendors_csv, catalogue_csv = demo_registry()
    text_ = vendors_csv.read_text(encoding="utf-8-sig").replace(",บรบือ,มหาสารคาม,", ",บรบอ,มหาสารคาม,", 1)
    (tmp_path / "vendors.csv").write_text(text_, encoding="utf-8-sig")
    res = load_registry_into(fair_store, None, load_registry(tmp_path / "vendors.csv", catalogue_csv))
    assert (res.vendors_added, res.products_added) == (124, 530)
    geo = [w for w in res.warnings if w.column == "district"]
    assert len(geo) == 1 and "บรบือ" in geo[0].th and "did you mean" in geo[0].en
    with fair_store.read() as s:
        v = s.scalars(select(Vendor).where(Vendor.code == "KK20-0001")).one()
        assert (v.district, v.district_code, v.province_code) == ("บรบอ", None, "44")
        v2 = s.scalars(select(Vendor).where(Vendor.code == "KK20-0002")).one()
        assert v2.district_code is not None and v2.district_code.startswith("40")
    # loading the corrected registry again updates in place
    res = load_registry_into(fair_store, None, load_registry(*demo_registry()))
    assert (res.vendors_added, res.vendors_updated, res.products_added, res.products_updated) == (0, 1, 0, 0)
    assert not [w for w in res.warnings if w.column == "district"]


def test_check_address_suggestions() -> None:
    assert check_address("บรบือ", "มหาสารคาม").district_code == "4406"
    assert check_address("อ.เมือง", "จ.ขอนแก่น").district_code == "4001"
    elsewhere = check_address("บรบือ", "ขอนแก่น")
    assert elsewhere.province_code == "40" and "มหาสารคาม" in elsewhere.warning_th
    assert check_address("", "").province_code is None and not check_address("", "").warning_en


def test_packages_keep_only_public_keys(fair_store: FairStore, fair_clock: FixedClock, tmp_path: Path) -> None:
    fair, _ = create_fair(fair_store, fair_clock, name="งาน", venue="ที่", province="ขอนแก่น", first_day=D1,
                          last_day=D7)
    with pytest.raises(InputError):
        make_packages(fair_store, fair_clock, tmp_path / "none")  # no vendors yet
    load_registry_into(fair_store, None, load_registry(*demo_registry()))
    with pytest.raises(InputError):
        make_packages(fair_store, fair_clock, tmp_path / "x", vendor_codes=["KK20-9999"])
    written = make_packages(fair_store, fair_clock, tmp_path / "pk", vendor_codes=["KK20-0001", "kk20-0002"])
    assert [w.vendor_code for w in written] == ["KK20-0001", "KK20-0002"]
    pkg = read_package(written[0].path)
    assert pkg.fair.id == fair.uid and pkg.vendor.code == "KK20-0001" and pkg.vendor.booth == "B001"
    assert len(pkg.products) == written[0].products > 0
    with fair_store.read() as s:
        keys = list(s.scalars(select(BoothKey).order_by(BoothKey.id)))
        dump = " ".join(str(r) for r in s.execute(text("SELECT * FROM booth_key")))
    assert [k.key_id for k in keys] == [w.key_id for w in written]
    assert key_id_of(keys[0].public_pem) == pkg.key_id
    assert "PRIVATE" not in dump
    again = make_packages(fair_store, fair_clock, tmp_path / "pk2", vendor_codes=["KK20-0001"])
    assert again[0].key_id != written[0].key_id  # a new key; the old one stays valid


def test_default_db_location(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("OTOP_POS_DB", raising=False)
    monkeypatch.setenv("OTOP_POS_HOME", str(tmp_path))
    assert default_db() == str(tmp_path / "fair.sqlite")
    monkeypatch.setenv("OTOP_POS_DB", "postgresql+psycopg://desk@server/fair")
    assert default_db() == "postgresql+psycopg://desk@server/fair"


def test_transaction_is_retried_whole_on_serialization_failure(fair_store: FairStore, fair_clock: FixedClock) -> None:
    from sqlalchemy.exc import OperationalError

    class SerializationFailure(Exception):
        sqlstate = "40001"

    class Deadlock(Exception):
        sqlstate = "40P01"

    calls: list[int] = []

    def work(session: object) -> int:
        calls.append(1)
        session.execute(text("INSERT INTO fair (uid, name, venue, province, first_day, last_day, created_at) "  # type: ignore[attr-defined]
                             f"VALUES ('u{len(calls)}', 'x', '', '', '2020-10-26', '2020-10-27', '2020-10-20 00:00:00')"))
        if len(calls) == 1:
            raise OperationalError("INSERT …", {}, SerializationFailure())
        if len(calls) == 2:
            raise OperationalError("INSERT …", {}, Deadlock())
        return len(calls)

    assert fair_store.transaction(work) == 3 and fair_store.retries == 2
    with fair_store.read() as s:  # the first two attempts were rolled back whole
        assert [r[0] for r in s.execute(text("SELECT uid FROM fair"))] == ["u3"]

    class Other(Exception):
        sqlstate = "23505"

    def fails(session: object) -> None:
        raise OperationalError("x", {}, Other())

    with pytest.raises((OperationalError, StoreError)):  # not retried (SQLite: shown as a storage error)
        fair_store.transaction(fails)
