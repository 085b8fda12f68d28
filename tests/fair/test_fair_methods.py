"""The fair's payment methods on SQLite and PostgreSQL: every fair (new, or already in a store migrated by f0006m)
has the built-ins — คนละครึ่ง 50 % up to ฿150 a day and the state welfare card among them; the organiser adds,
changes and removes schemes through the use cases and ``otop-pos fair methods``; refusals name the reason and
leave the store as it was; a method imported documents use is not removed, and the refusal counts them."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import func, select, text, update

from otop_pos.app import demo_registry
from otop_pos.core.clock import FixedClock
from otop_pos.core.errors import InputError
from otop_pos.core.vocabulary import FAIR_METHOD_DEFAULTS, PAYMENT_METHOD
from otop_pos.fair.fairs import create_fair
from otop_pos.fair.importer import import_paths
from otop_pos.fair.methods import add_method, list_methods, remove_method, set_method
from otop_pos.fair.store import FairStore, open_fair_store
from otop_pos.store.fair_models import FairMethod, Payment, Sale
from otop_pos.store.migrate import alembic_config, script_heads
from tests.fair.booths import FIRST_DAY, LAST_DAY, Booth, make_fair
from tests.fair.test_import_hostile import cli

KEYS = ["code", "name_th", "name_en", "kind", "state_percent", "daily_cap_satang"]
BUILTINS = [
    ["cash", "เงินสด", "Cash", "plain", 0, None],
    ["promptpay", "พร้อมเพย์", "PromptPay", "plain", 0, None],
    ["transfer", "โอนเงิน", "Transfer", "plain", 0, None],
    ["card", "บัตรเครดิต/เดบิต", "Credit/debit card", "plain", 0, None],
    ["copay", "คนละครึ่ง", "Half-half co-payment", "copay", 50, 15000],
    ["welfare", "บัตรสวัสดิการแห่งรัฐ", "State welfare card", "state", 100, None],
    ["other", "อื่นๆ", "Other", "plain", 0, None],
]


def _table(store: FairStore, fair: str | None = None) -> list[list[Any]]:
    return [[m.as_json()[k] for k in KEYS] for m in list_methods(store, fair)]


def _rows(store: FairStore) -> list[tuple[Any, ...]]:
    with store.read() as s:
        return [tuple(r) for r in s.execute(select(FairMethod.fair_id, FairMethod.code, FairMethod.name_th,
                                                   FairMethod.name_en, FairMethod.kind, FairMethod.state_percent,
                                                   FairMethod.daily_cap_satang, FairMethod.builtin,
                                                   FairMethod.position).order_by(FairMethod.id))]


def _fair(store: FairStore, clock: FixedClock, name: str = "งาน") -> str:
    fair, _ = create_fair(store, clock, name=name, venue="", province="ขอนแก่น", first_day=FIRST_DAY,
                          last_day=LAST_DAY)
    return str(fair.id)




def test_a_new_fair_has_the_built_in_methods_and_schemes(fair_store: FairStore, fair_clock: FixedClock) -> None:
    first = _fair(fair_store, fair_clock, "งาน ก")
    second = _fair(fair_store, fair_clock, "งาน ข")
    assert _table(fair_store, first) == BUILTINS == _table(fair_store, second)
    assert [d.term.key for d in FAIR_METHOD_DEFAULTS][:3] == list(PAYMENT_METHOD.builtin_keys())[:3]
    assert all(m.builtin for m in list_methods(fair_store, first))


def test_add_set_and_remove_a_scheme(fair_store: FairStore, fair_clock: FixedClock) -> None:
    fair = _fair(fair_store, fair_clock)
    added = add_method(fair_store, fair, "rao_chana", name_th="  เราชนะ ", name_en="We Win", kind="state",
                       daily_cap_satang=20000)
    assert (added.code, added.name_th, added.kind, added.state_percent, added.daily_cap_satang, added.builtin) == \
        ("rao_chana", "เราชนะ", "state", 100, 20000, False)
    add_method(fair_store, fair, "shop_more", name_th="ช้อปดีมีคืน", name_en="Shop more", kind="copay",
               state_percent=20)
    assert _table(fair_store, fair)[-2:] == [
        ["rao_chana", "เราชนะ", "We Win", "state", 100, 20000],
        ["shop_more", "ช้อปดีมีคืน", "Shop more", "copay", 20, None]]
    # a new round of คนละครึ่ง: the share and cap change, the names stay
    changed = set_method(fair_store, fair, "copay", state_percent=60, daily_cap_satang=25000)
    assert (changed.name_th, changed.kind, changed.state_percent, changed.daily_cap_satang) == \
        ("คนละครึ่ง", "copay", 60, 25000)
    assert set_method(fair_store, fair, "rao_chana", clear_cap=True, name_en="Rao Chana").daily_cap_satang is None
    assert set_method(fair_store, fair, "shop_more", kind="plain").as_json() == {
        "code": "shop_more", "name_th": "ช้อปดีมีคืน", "name_en": "Shop more", "kind": "plain", "state_percent": 0,
        "daily_cap_satang": None}
    assert remove_method(fair_store, fair, "shop_more").name_th == "ช้อปดีมีคืน"
    assert [m.code for m in list_methods(fair_store, fair)] == [*(b[0] for b in BUILTINS), "rao_chana"]


@pytest.mark.parametrize("call, words", [
    (lambda st, f: add_method(st, f, "copay", name_th="x", name_en="x", kind="copay", state_percent=50),
     "already has"),
    (lambda st, f: add_method(st, f, "Copay 2", name_th="x", name_en="x", kind="plain"), "not valid"),
    (lambda st, f: add_method(st, f, "x", name_th=" ", name_en="x", kind="plain"), "Thai name"),
    (lambda st, f: add_method(st, f, "x", name_th="x", name_en="x", kind="copay"), "above 0 % and below 100 %"),
    (lambda st, f: add_method(st, f, "x", name_th="x", name_en="x", kind="copay", state_percent=100),
     "above 0 % and below 100 %"),
    (lambda st, f: add_method(st, f, "x", name_th="x", name_en="x", kind="state", state_percent=40), "100 %"),
    (lambda st, f: add_method(st, f, "x", name_th="x", name_en="x", kind="plain", state_percent=10), "plain"),
    (lambda st, f: add_method(st, f, "x", name_th="x", name_en="x", kind="loan"), "not one of"),
    (lambda st, f: add_method(st, f, "x", name_th="x", name_en="x", kind="copay", state_percent=50,
                              daily_cap_satang=0), "daily cap"),
    (lambda st, f: set_method(st, f, "copay", kind="plain"), "built in"),
    (lambda st, f: set_method(st, f, "copay", state_percent=0), "above 0 %"),
    (lambda st, f: set_method(st, f, "nosuch", name_th="x"), "no payment method nosuch"),
    (lambda st, f: remove_method(st, f, "copay"), "built in"),
    (lambda st, f: remove_method(st, f, "cash"), "built in"),
    (lambda st, f: remove_method(st, f, "nosuch"), "no payment method"),
])
def test_refusals_say_why_and_change_nothing(fair_store: FairStore, fair_clock: FixedClock, call: Any,
                                             words: str) -> None:
    fair = _fair(fair_store, fair_clock)
    before = _rows(fair_store)
    with pytest.raises(InputError) as err:
        call(fair_store, fair)
    assert words in err.value.en and err.value.th
    assert _rows(fair_store) == before


def test_a_method_imported_documents_use_is_not_removed(fair_store: FairStore, fair_clock: FixedClock,
                                                        tmp_path: Path) -> None:
    _fair_info, pkgs = make_fair(fair_store, fair_clock, demo_registry(), tmp_path / "pkg", ["KK20-0001"])
    booth = Booth(tmp_path / "b1", pkgs["KK20-0001"].path, seed=3)
    booth.sell(FIRST_DAY, 12)
    booth.refund_first()
    assert import_paths(fair_store, fair_clock, [booth.export(tmp_path / "x")], jobs=0).files[0].result == \
        "imported"
    booth.close()
    with fair_store.read() as s:
        by_promptpay = s.scalar(select(func.count(func.distinct(Payment.sale_id))).where(Payment.method == "promptpay"))
        by_cash = s.scalar(select(func.count(func.distinct(Payment.sale_id))).where(Payment.method == "cash"))
        assert by_promptpay and by_cash and s.scalar(select(func.count()).select_from(Sale)) == 12
    with fair_store.write() as s:   # as if promptpay were a method the fair added (imports take only built-ins yet)
        s.execute(update(FairMethod).where(FairMethod.code.in_(("promptpay", "cash"))).values(builtin=False))
    before = _rows(fair_store)
    with pytest.raises(InputError) as err:
        remove_method(fair_store, None, "promptpay")
    assert err.value.en == (f"promptpay (PromptPay) cannot be removed: {by_promptpay:,} imported "
                            f"document{'s' if by_promptpay != 1 else ''} use it.")
    with pytest.raises(InputError) as err:
        remove_method(fair_store, None, "cash")            # the sales paid in cash and the refund paid back in cash
    assert f"{by_cash + 1:,} imported documents use it" in err.value.en
    assert f"{by_cash + 1:,} รายการ" in err.value.th
    assert _rows(fair_store) == before


def test_migration_f0006m_gives_every_fair_already_in_the_store_the_built_ins(
        fair_store: FairStore, fair_clock: FixedClock, tmp_path: Path) -> None:
    cfg = alembic_config("fair")
    with fair_store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "f0005")
    fair_store.engine.dispose()
    with fair_store.write() as s:   # two fairs made by the previous release, one with its registry
        for n in (1, 2):
            s.execute(text("INSERT INTO fair (uid, name, venue, province, first_day, last_day, created_at) "
                           "VALUES (:u, :n, '', '', :a, :b, :c)"),
                      dict(u=f"uid-{n}", n=f"งาน {n}", a=FIRST_DAY, b=LAST_DAY, c=fair_clock.now()))
        s.execute(text("INSERT INTO vendor (fair_id, code, name, contact, product_type, district, province, "
                       "phone, booth, producer_type) VALUES (1, 'KK20-0001', 'กลุ่ม', '', 'อาหาร', '', '', '', "
                       "'B001', 'community')"))
    with fair_store.read() as s:
        vendors_before = s.execute(text("SELECT * FROM vendor ORDER BY id")).all()
    with fair_store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    fair_store.engine.dispose()
    with fair_store.read() as s:
        assert {s.scalar(text("SELECT version_num FROM alembic_version"))} == script_heads("fair")
        after = s.execute(text("SELECT * FROM vendor ORDER BY id")).all()
        assert [tuple(r)[:len(vendors_before[0])] for r in after] == [tuple(r) for r in vendors_before]
    assert _table(fair_store, "1") == BUILTINS == _table(fair_store, "2")
    assert add_method(fair_store, "2", "rao_chana", name_th="เราชนะ", name_en="We Win", kind="state").code == \
        "rao_chana"


def test_the_cli_contract(fair_store: FairStore, fair_db: str, fair_clock: FixedClock,
                          capsys: pytest.CaptureFixture[str]) -> None:
    older = _fair(fair_store, fair_clock, "งานครั้งก่อน")
    _fair(fair_store, fair_clock)
    fair_store.dispose()
    code, _out, _ = cli(capsys, fair_db, "methods", "--fair", older, "add", "old_round", "--name-th", "รอบก่อน",
                        "--name-en", "Earlier round", "--kind", "plain")
    assert code == 0
    code, _out, _ = cli(capsys, fair_db, "methods", "set", "old_round", "--fair", older, "--name-en", "Round 1")
    assert code == 0
    code, out, _ = cli(capsys, fair_db, "methods", "--fair", older, "--json")
    assert json.loads(out)[-1]["name_en"] == "Round 1"
    code, out, _ = cli(capsys, fair_db, "methods", "--json")
    assert code == 0
    listed = json.loads(out)
    assert [list(m) for m in listed] == [KEYS] * len(BUILTINS)
    assert [[m[k] for k in KEYS] for m in listed] == BUILTINS
    code, out, _ = cli(capsys, fair_db, "methods", "add", "rao_chana", "--name-th", "เราชนะ", "--name-en", "We Win",
                       "--kind", "copay", "--state-percent", "๖๐%", "--daily-cap", "1,200.50")
    assert code == 0 and "rao_chana" in out
    code, out, _ = cli(capsys, fair_db, "methods", "set", "copay", "--state-percent", "40", "--daily-cap", "100")
    assert code == 0
    code, out, _ = cli(capsys, fair_db, "methods", "--json")
    rows = {m["code"]: m for m in json.loads(out)}
    assert rows["rao_chana"] == {"code": "rao_chana", "name_th": "เราชนะ", "name_en": "We Win", "kind": "copay",
                                 "state_percent": 60, "daily_cap_satang": 120050}
    assert (rows["copay"]["state_percent"], rows["copay"]["daily_cap_satang"]) == (40, 10000)
    code, out, err = cli(capsys, fair_db, "methods", "remove", "welfare")
    assert code == 2 and "State welfare card) is built in and cannot be removed" in err and "ลบไม่ได้" in err
    code, out, _ = cli(capsys, fair_db, "methods", "remove", "rao_chana")
    assert code == 0 and "removed" in out
    code, out, _ = cli(capsys, fair_db, "methods")
    assert code == 0 and "คนละครึ่ง / Half-half co-payment" in out and "rao_chana" not in out
