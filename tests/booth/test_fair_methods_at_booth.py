"""The fair's payment methods travel in the booth package and are kept by the booth: the organiser's list (a
new round of คนละครึ่ง, a scheme of its own) reaches ``booth setup --package`` intact; a package written before
methods travelled sets the booth up with the built-ins; a package whose methods were tampered with is refused
by name; a booth store made at the previous revision keeps its data and gains the built-ins."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import func, select

from otop_pos.app import demo_registry
from otop_pos.booth.cart import Cart
from otop_pos.booth.catalogue import list_products
from otop_pos.booth.checkout import checkout
from otop_pos.booth.days import open_day
from otop_pos.booth.package_setup import setup_from_package
from otop_pos.booth.payments import PaymentIn
from otop_pos.booth.service import BoothService, MethodSpec
from otop_pos.booth.store import open_booth_store
from otop_pos.core.clock import FixedClock
from otop_pos.core.errors import ImportRefused
from otop_pos.core.methods import default_specs, split_copay
from otop_pos.exchange.package_format import read_package, write_package
from otop_pos.fair.fairs import create_fair, load_registry_into
from otop_pos.fair.methods import add_method, list_methods, set_method
from otop_pos.fair.packages import make_packages
from otop_pos.fair.store import open_fair_store
from otop_pos.exchange.registry_csv import load_registry
from otop_pos.store.booth_models import BoothMethod, Product, Sale
from otop_pos.store.engine import SqliteStore
from otop_pos.store.migrate import alembic_config, script_heads
from tests.exchange.helpers import make_package, members_of, rezip

PIN = "1234"
CONTRACT = ["code", "name_th", "name_en", "kind", "state_percent", "daily_cap_satang"]
BUILTIN_CODES = ["cash", "promptpay", "transfer", "card", "copay", "welfare", "other"]


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, OTOP_POS_HOME=str(home), PYTHONWARNINGS="error")
    proc = subprocess.run([sys.executable, "-m", "otop_pos", *args], capture_output=True, text=True, env=env,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    return proc


def _booth_methods(home: Path, clock: FixedClock) -> tuple[MethodSpec, ...]:
    store = open_booth_store(home)
    try:
        return BoothService(store, clock, print_mode="off").payment_methods()
    finally:
        store.dispose()


def _methods_of(store: SqliteStore) -> tuple[MethodSpec, ...]:
    from otop_pos.booth.methods import payment_methods
    return payment_methods(store)


def test_the_organisers_methods_reach_the_booth(tmp_path: Path, clock: FixedClock) -> None:
    fair_store = open_fair_store(str(tmp_path / "fair.sqlite"))
    try:
        fair, _ = create_fair(fair_store, clock, name="งาน", venue="", province="ขอนแก่น",
                              first_day=clock.now().date(), last_day=clock.now().date())
        load_registry_into(fair_store, None, load_registry(*demo_registry()))
        set_method(fair_store, None, "copay", state_percent=60, daily_cap_satang=20000)   # a new round
        add_method(fair_store, None, "rao_chana", name_th="เราชนะ", name_en="We Win", kind="state",
                   daily_cap_satang=20000)
        wanted = tuple(m.spec for m in list_methods(fair_store))
        written = make_packages(fair_store, clock, tmp_path / "pkg", vendor_codes=["KK20-0001"])
    finally:
        fair_store.dispose()
    path = written[0].path
    doc = json.loads(members_of(path)["package.json"])
    assert [sorted(m) for m in doc["methods"]] == [sorted(CONTRACT)] * len(wanted)
    assert read_package(path).methods == wanted
    home = tmp_path / "till"
    run(home, "booth", "setup", "--package", str(path), "--pin", PIN)
    got = _booth_methods(home, clock)
    assert got == wanted
    listed = json.loads(run(home, "booth", "methods", "--json").stdout)
    assert [list(m) for m in listed] == [CONTRACT] * len(wanted)
    assert listed == [m.as_json() for m in wanted]
    assert "เราชนะ / We Win" in run(home, "booth", "methods").stdout
    assert [m.code for m in got] == [*BUILTIN_CODES, "rao_chana"]
    copay = next(m for m in got if m.code == "copay")
    assert (copay.name_th, copay.kind, copay.state_percent, copay.daily_cap_satang) == ("คนละครึ่ง", "copay", 60,
                                                                                      20000)


def test_a_package_of_the_next_round_replaces_the_booths_methods(tmp_path: Path, clock: FixedClock) -> None:
    pkg, _ = make_package()
    store = open_booth_store(tmp_path / "till")
    try:
        setup_from_package(store, clock, write_package(tmp_path / "r1.otopbooth", pkg), pin=PIN)
        assert _methods_of(store) == default_specs()
        round2 = tuple(replace(m, state_percent=60, daily_cap_satang=25000) if m.code == "copay" else m
                       for m in default_specs() if m.code != "card")
        round2 += (MethodSpec("rao_chana", "เราชนะ", "We Win", "state", 100, None),)
        setup_from_package(store, clock, write_package(tmp_path / "r2.otopbooth", replace(pkg, methods=round2)),
                           pin=PIN)
        assert _methods_of(store) == round2
    finally:
        store.dispose()


def test_a_package_without_methods_sets_the_booth_up_with_the_built_ins(tmp_path: Path, clock: FixedClock) -> None:
    pkg, _ = make_package()
    path = write_package(tmp_path / "new.otopbooth", pkg)
    members = members_of(path)
    doc = json.loads(members["package.json"])
    del doc["methods"]                       # as the previous release wrote it
    members["package.json"] = json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    old = rezip(tmp_path / "old.otopbooth", members)
    assert read_package(old).methods == default_specs()
    store = open_booth_store(tmp_path / "till")
    try:
        setup_from_package(store, clock, old, pin=PIN)
        service = BoothService(store, clock, print_mode="off")
        assert service.payment_methods() == default_specs()
        assert [m.code for m in service.scheme_methods()] == ["copay", "welfare"]
        assert [m.code for m in service.payment_methods()] == BUILTIN_CODES
    finally:
        store.dispose()


def _edited(tmp_path: Path, change: object) -> Path:
    pkg, _ = make_package()
    path = write_package(tmp_path / "p.otopbooth", pkg)
    members = members_of(path)
    doc = json.loads(members["package.json"])
    change(doc["methods"])  # type: ignore[operator]
    members["package.json"] = json.dumps(doc, ensure_ascii=False).encode("utf-8")
    return rezip(tmp_path / "edited.otopbooth", members)


@pytest.mark.parametrize("change, words", [
    (lambda ms: ms[4].update(state_percent=100), "payment method 5: A co-payment scheme needs a state share"),
    (lambda ms: ms[4].update(state_percent=True), "payment method 5 is invalid"),
    (lambda ms: ms[0].update(code="Cash!"), "payment method 1: The payment method code"),
    (lambda ms: ms.append(dict(ms[0])), "cash is listed twice"),
    (lambda ms: ms[1].update(colour="#ff0000"), "payment method 2 has missing or unknown fields"),
    (lambda ms: ms[2].update(name_th="\u202e"), "payment method 3: The Thai name must be visible text"),
    (lambda ms: ms.clear(), "the list of payment methods is invalid"),
    (lambda ms: ms[5].update(daily_cap_satang=-1), "payment method 6: The daily cap"),
])
def test_tampered_methods_are_refused_by_name(tmp_path: Path, clock: FixedClock, change: object,
                                              words: str) -> None:
    path = _edited(tmp_path, change)
    with pytest.raises(ImportRefused) as err:
        read_package(path)
    assert err.value.reason == "methods" and words in err.value.en and err.value.th


def test_migration_b0003m_keeps_a_booth_and_gives_it_the_built_ins(store: SqliteStore, clock: FixedClock) -> None:
    open_day(store, clock, 50000)
    product = list_products(store)[0]
    cart = Cart().add(product, 2)
    checkout(store, clock, cart, [PaymentIn("cash", tendered_satang=cart.total_satang)], cashier="t",
             print_receipt=False)
    cfg = alembic_config("booth")
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "b0002")
    with store.read() as s:
        before = (s.scalar(select(func.count()).select_from(Sale)), s.scalar(select(func.count()).select_from(Product)))
    assert before[0] == 1
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    with store.read() as s:
        assert (s.scalar(select(func.count()).select_from(Sale)),
                s.scalar(select(func.count()).select_from(Product))) == before
        assert s.scalar(select(func.count()).select_from(BoothMethod)) == len(BUILTIN_CODES)
    assert len(script_heads("booth")) == 1
    assert _methods_of(store) == default_specs()


@pytest.mark.parametrize("amount, percent, customer, state", [
    (15001, 50, 7501, 7500),     # ฿150.01: the state's half is ฿75.005, rounded down to ฿75.00
    (30000, 50, 15000, 15000),
    (9999, 33, 6700, 3299),      # 3299.67 down to 3299
    (1, 50, 1, 0),
    (12345, 100, 0, 12345),
])
def test_the_proposed_split_rounds_the_state_share_down(amount: int, percent: int, customer: int,
                                                        state: int) -> None:
    assert split_copay(amount, percent) == (customer, state)
    assert BoothService.split_copay(amount, percent) == (customer, state)
