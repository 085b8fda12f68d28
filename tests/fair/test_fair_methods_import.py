"""The fair's methods through the export and the import, on SQLite and PostgreSQL: two booths paid by card,
คนละครึ่ง and the welfare card export each payment's method and state share (export version 2); the fair's
summary and report name each scheme's customer and state shares, for the fair and per vendor, equal to the
booths' own reports to the satang; an export of version 1 (no state shares) still imports; a method the fair
does not know is refused by name while the other files import."""
from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import zipfile
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import text

from otop_pos.app import demo_registry
from otop_pos.booth.cart import Cart
from otop_pos.booth.catalogue import list_products
from otop_pos.booth.checkout import checkout
from otop_pos.booth.methods import replace_methods
from otop_pos.booth.payments import PaymentIn
from otop_pos.booth.queries import booth_report
from otop_pos.core.clock import FixedClock
from otop_pos.core.methods import MethodSpec, default_specs, split_copay
from otop_pos.exchange.export_format import EXPORT_VERSION
from otop_pos.exchange.keys import sign
from otop_pos.exchange.package_format import read_package
from otop_pos.exchange.safezip import write_zip
from otop_pos.fair.figures import compute_figures
from otop_pos.fair.importer import import_paths
from otop_pos.fair.status import fair_summary
from otop_pos.fair.store import FairStore
from otop_pos.reports.model import figures_to_json
from tests.fair.booths import FIRST_DAY, Booth, make_fair

VENDORS = ["KK20-0001", "KK20-0002"]


def _booths(store: FairStore, clock: FixedClock, tmp_path: Path) -> tuple[Booth, Booth, dict[str, object]]:
    _fair, packages = make_fair(store, clock, demo_registry(), tmp_path / "packages", VENDORS)
    b1 = Booth(tmp_path / "b1", packages["KK20-0001"].path, seed=1)
    b2 = Booth(tmp_path / "b2", packages["KK20-0002"].path, seed=2)
    return b1, b2, dict(packages)


def _sell(b: Booth, day: date, qty: int, pay: object) -> str:
    """One sale of ``qty`` of the booth's first product, paid as ``pay(total)`` says."""
    b.ensure_day(day)
    cart = Cart().add(list_products(b.s)[0], qty)
    return checkout(b.s, b.clock, cart, pay(cart.total_satang), cashier="t", allow_oversell=True,  # type: ignore[operator]
                    print_receipt=False).uuid


def _copay(total: int, state: int | None = None) -> list[PaymentIn]:
    return [PaymentIn("copay", total, reference="TQ", state_satang=split_copay(total, 50)[1] if state is None
                      else state)]


def _shares(reports: list[dict[str, dict[str, int]]]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for rep in reports:
        for code, sh in rep.items():
            entry = out.setdefault(code, {"customer_satang": 0, "state_satang": 0})
            for k, v in sh.items():
                entry[k] += v
    return out


def test_two_booths_schemes_reach_the_fair_equal_to_their_own_reports(fair_store: FairStore,
                                                                      fair_clock: FixedClock,
                                                                      tmp_path: Path) -> None:
    b1, b2, _ = _booths(fair_store, fair_clock, tmp_path)
    day2 = date(2020, 10, 27)
    _sell(b1, FIRST_DAY, 3, lambda t: _copay(t - 1001) + [PaymentIn("cash", tendered_satang=2000)])
    _sell(b1, FIRST_DAY, 1, lambda t: [PaymentIn("card", t, reference="AUTH")])
    _sell(b1, FIRST_DAY, 2, _copay)
    assert b1.void_last()                               # a voided co-payment counts for nobody
    _sell(b1, day2, 5, lambda t: _copay(t, state=15000))  # the slip: the state paid its ฿150 cap
    _sell(b2, FIRST_DAY, 2, lambda t: [PaymentIn("welfare", t, state_satang=t)])
    _sell(b2, FIRST_DAY, 1, _copay)
    b2.close_day()
    b1.close_day()
    exports = [b.export(tmp_path / "usb") for b in (b1, b2)]
    r = import_paths(fair_store, fair_clock, exports, jobs=0)
    assert [f.result for f in r.files] == ["imported", "imported"], [f.en for f in r.files]
    reports = {"KK20-0001": booth_report(b1.s), "KK20-0002": booth_report(b2.s)}
    sm = fair_summary(fair_store)
    assert sm.schemes == _shares([rep.schemes for rep in reports.values()])
    assert sm.schemes["copay"]["state_satang"] > 0 and sm.schemes["welfare"]["customer_satang"] == 0
    assert sm.schemes_per_vendor == {code: rep.schemes for code, rep in reports.items()}
    for code in ("card", "copay", "welfare"):   # a co-payment counts whole under its method
        assert sm.per_method[code] == sum(rep.by_method[code] for rep in reports.values())
    assert sum(sm.per_method.values()) == sm.net_satang == sum(rep.net_satang for rep in reports.values())
    report = figures_to_json(compute_figures(fair_store))
    assert report["schemes"] == sm.schemes and report["schemes_per_vendor"] == sm.schemes_per_vendor
    with fair_store.read() as s:
        state = s.execute(text("SELECT coalesce(sum(state_satang), 0) FROM payment")).scalar_one()
    voided = split_copay(2 * list_products(b1.s)[0].price_satang, 50)[1]
    assert int(state) == sum(sh["state_satang"] for sh in sm.schemes.values()) + voided
    for b in (b1, b2):
        b.close()


def _as_version_1(src: Path, dst: Path, private_pem: str) -> Path:
    """``src`` as the booth wrote it before version 2: payments without the state share, no order members, the
    manifest's version 1 and member hashes, signed again with the booth's key."""
    with zipfile.ZipFile(src) as z:
        members = {n: z.read(n) for n in z.namelist()}
    rows = list(csv.reader(io.StringIO(members["payments.csv"][3:].decode("utf-8"), newline="")))
    assert rows[0][-1] == "state_satang" and all(r[-1] == "0" for r in rows[1:])
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(r[:-1] for r in rows)
    members["payments.csv"] = b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")
    manifest = json.loads(members["manifest.json"])
    manifest["version"] = 1
    for name in ("orders.csv", "order_lines.csv", "order_money.csv", "order_events.csv"):   # added in version 3
        assert members.pop(name).count(b"\r\n") == 1   # the header alone: no orders
        manifest["counts"].pop(name[:-4])
    manifest["members"] = [m for m in manifest["members"] if m["name"] in members]
    for m in manifest["members"]:
        blob = members[m["name"]]
        m["sha256"], m["size"] = hashlib.sha256(blob).hexdigest(), len(blob)
    raw = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
    members["manifest.json"] = raw
    members["manifest.sig"] = base64.b64encode(sign(private_pem, raw)) + b"\n"
    buf = io.BytesIO()
    write_zip(buf, list(members.items()), datetime(2020, 10, 26, tzinfo=timezone.utc))
    dst.write_bytes(buf.getvalue())
    return dst


def test_an_export_of_version_1_still_imports(fair_store: FairStore, fair_clock: FixedClock, tmp_path: Path) -> None:
    b1, b2, packages = _booths(fair_store, fair_clock, tmp_path)
    assert EXPORT_VERSION == 3
    b1.sell(FIRST_DAY, 6)
    b1.close_day()
    key = read_package(packages["KK20-0001"].path).private_key_pem  # type: ignore[attr-defined]
    old = _as_version_1(b1.export(tmp_path / "new"), tmp_path / "old.otopx", key)
    r = import_paths(fair_store, fair_clock, [old], jobs=0)
    assert r.files[0].result == "imported", r.files[0].en
    sm = fair_summary(fair_store)
    assert sm.net_satang == b1.net() and sm.per_vendor == {"KK20-0001": b1.net()}
    assert sm.schemes["copay"] == {"customer_satang": 0, "state_satang": 0} and sm.schemes_per_vendor == {}
    for b in (b1, b2):
        b.close()


def test_a_method_the_fair_does_not_know_is_refused_by_name_and_the_others_import(
        fair_store: FairStore, fair_clock: FixedClock, tmp_path: Path) -> None:
    b1, b2, _ = _booths(fair_store, fair_clock, tmp_path)
    with b1.s.write() as s:   # a till that took a method its fair never listed
        replace_methods(s, [*default_specs(), MethodSpec("qr_wallet", "วอลเล็ต", "Wallet")])
    _sell(b1, FIRST_DAY, 1, lambda t: [PaymentIn("qr_wallet", t)])
    b2.sell(FIRST_DAY, 3)
    r = import_paths(fair_store, fair_clock, [b1.export(tmp_path / "a"), b2.export(tmp_path / "b")], jobs=0)
    refused, imported = r.files
    assert (refused.result, refused.reason) == ("refused", "methods")
    assert "“qr_wallet”" in refused.en and "“qr_wallet”" in refused.th and "fair methods add" in refused.en
    assert imported.result == "imported"
    assert fair_summary(fair_store).per_vendor == {"KK20-0002": b2.net()}
    for b in (b1, b2):
        b.close()


def test_migration_f0007m_keeps_the_imported_documents_and_then_takes_schemes(
        fair_store: FairStore, fair_clock: FixedClock, tmp_path: Path) -> None:
    from alembic import command

    from otop_pos.store.migrate import alembic_config, script_heads

    b1, b2, _ = _booths(fair_store, fair_clock, tmp_path)
    b1.sell(FIRST_DAY, 5)
    assert b1.refund_first()
    assert import_paths(fair_store, fair_clock, [b1.export(tmp_path / "a")], jobs=0).files[0].result == "imported"
    cfg = alembic_config("fair")
    with fair_store.engine.begin() as conn:   # the store as f0007 left it, with a booth's documents in it
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "f0007")
    fair_store.engine.dispose()
    queries = {"payment": "SELECT sale_id, pay_no, method, amount_satang, tendered_satang, change_satang, reference "
                          "FROM payment ORDER BY sale_id, pay_no",
               "refund": "SELECT uuid, method, amount_satang FROM refund ORDER BY uuid",
               "payment_total": "SELECT vendor_id, method, business_date, amount_satang, void_satang, refund_satang "
                                "FROM payment_total ORDER BY vendor_id, method, business_date"}
    with fair_store.read() as s:
        before = {t: [tuple(r) for r in s.execute(text(q))] for t, q in queries.items()}
    assert before["payment"] and before["refund"] and before["payment_total"]
    with fair_store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    fair_store.engine.dispose()
    assert script_heads("fair") == {"f0008"}
    with fair_store.read() as s:
        assert {t: [tuple(r) for r in s.execute(text(q))] for t, q in queries.items()} == before
        assert s.execute(text("SELECT coalesce(sum(state_satang), 0) + count(*) FROM payment")).scalar_one() == \
            len(before["payment"])
    _sell(b2, FIRST_DAY, 2, lambda t: _copay(t - 500) + [PaymentIn("card", 500)])
    assert import_paths(fair_store, fair_clock, [b2.export(tmp_path / "b")], jobs=0).files[0].result == "imported"
    assert fair_summary(fair_store).schemes_per_vendor == {"KK20-0002": booth_report(b2.s).schemes}
    for b in (b1, b2):
        b.close()
