"""Hostile files beside genuine ones (issue 13): a hand-edited manifest (export_seq 2⁶³, till_no 10³⁰, created_at
in year 1 or 9999, a 40-character till_uuid, JSON nested thousands deep) and signed exports with absurd amounts.
``fair import`` of the folder imports every genuine file, refuses the hostile one by name with its reason,
prints no traceback and exits 1 — and the next run says the same. Afterwards status, summary and report work.
On SQLite and PostgreSQL."""
from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import BigInteger, select

from otop_pos.app import demo_registry
from otop_pos.cli import fair_cmds
from otop_pos.cli.main import main
from otop_pos.core.clock import FixedClock
from otop_pos.core.chain import GENESIS, chain_hash, sale_doc
from otop_pos.exchange.export_format import write_export
from otop_pos.exchange.export_model import ExportData, ExportDay, ExportLine, ExportPayment, ExportSale
from otop_pos.exchange.package_format import BoothPackage, read_package
from otop_pos.fair.importer import safe_log_row
from otop_pos.fair.packages import make_packages
from otop_pos.fair.store import FairStore, open_fair_store
from otop_pos.store.fair_models import ImportLog
from tests.exchange.helpers import members_of, rezip
from tests.fair.booths import FIRST_DAY, Booth, make_fair
from tests.fair.distinct_export import DAY, _at, _iso, _u
from tests.fair.templates import DATABASES, Template, build_template, clock_after, store_copy

GOOD, HOSTILE = ["KK20-0001", "KK20-0002"], "KK20-0003"


def _build_usb(store: FairStore, clock: FixedClock, root: Path) -> dict[str, Any]:
    """Two genuine exports in ``usb/``, and a genuine export of a third booth kept aside (``template``)."""
    _fair, pkgs = make_fair(store, clock, demo_registry(), root / "pkg", [*GOOD, HOSTILE])
    folder = root / "usb"
    genuine = []
    for k, code in enumerate(GOOD):
        b = Booth(root / f"booth-{code}", pkgs[code].path, seed=k)
        b.sell(FIRST_DAY, 3)
        genuine.append(b.export(folder))
        b.close()
    b = Booth(root / f"booth-{HOSTILE}", pkgs[HOSTILE].path, seed=9)
    b.sell(FIRST_DAY, 2)
    template = b.export(root / "aside")
    b.close()
    return {"folder": folder, "genuine": genuine, "template": template, "packages": pkgs}


@pytest.fixture(scope="module", params=DATABASES)
def usb_built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Template]:
    """The fair and the files of ``_build_usb`` made once per database for a module (tests/fair/templates.py):
    a module that uses ``usb`` imports this fixture, ``fair_db`` and ``fair_clock`` with it."""
    yield from build_template(request.param, tmp_path_factory.mktemp("usb"), _build_usb)


@pytest.fixture
def fair_db(usb_built: Template, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A store of its own for each test: a copy of the built fair for tests that use ``usb``, else empty."""
    yield from store_copy(usb_built, tmp_path, copy="usb" in request.fixturenames)


@pytest.fixture
def fair_clock(usb_built: Template, request: pytest.FixtureRequest) -> FixedClock:
    return clock_after(usb_built, copy="usb" in request.fixturenames)


@pytest.fixture
def usb(usb_built: Template, fair_store: FairStore, tmp_path: Path) -> dict[str, Any]:
    """The built files copied into this test's ``tmp_path`` (``pkg/``, ``usb/``, ``aside/``): two genuine
    exports in ``usb/``, a genuine export of a third booth kept aside (``template``), the packages; the
    store (``fair_store``) is a copy of the fair that wrote them."""
    root, built = usb_built.root, usb_built.data
    for folder in ("pkg", "usb", "aside"):
        shutil.copytree(root / folder, tmp_path / folder)

    def moved(path: Path) -> Path:
        return tmp_path / path.relative_to(root)

    return {"folder": moved(built["folder"]), "genuine": [moved(p) for p in built["genuine"]],
            "template": moved(built["template"]),
            "packages": {code: replace(w, path=moved(w.path)) for code, w in built["packages"].items()}}


def edited(template: Path, out: Path, edit: dict[str, Any] | None = None, raw: bytes | None = None) -> Path:
    """``template`` with its (unsigned) manifest edited: fields replaced, or the raw JSON replaced."""
    members = members_of(template)
    if raw is None:
        doc = json.loads(members["manifest.json"])
        doc.update(edit or {})
        raw = json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
    members["manifest.json"] = raw
    return rezip(out, members)


def cli(capsys: pytest.CaptureFixture[str], db: str, *args: str) -> tuple[int, str, str]:
    """``otop-pos fair --db DB ARGS…`` in this process: exit code, stdout, stderr (its store closed after)."""
    opened: list[FairStore] = []

    def store(args: Any) -> FairStore:
        opened.append(open_fair_store(args.db))
        return opened[-1]

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(fair_cmds, "_store", store)
        try:
            code = main(["fair", "--db", db, *args])
        finally:
            for s in opened:
                s.dispose()
    out, err = capsys.readouterr()
    return code, out, err


def nested(depth: int) -> bytes:
    return ('{"format": "otop-pos-booth-export", "version": 1, "counts": ' + "[" * depth + "]" * depth
            + "}").encode()


HOSTILE_MANIFESTS = {
    "export_seq_2_63": {"export_seq": 2**63},
    "till_no_10_30": {"till_no": 10**30},
    "created_year_1": {"created_at": "0001-01-01T00:00:00+07:00"},
    "created_year_9999": {"created_at": "9999-12-31T23:59:59-07:00"},
    "till_uuid_40": {"till_uuid": "5d0c3a4e-8f1b-4c2d-9e7a-1b2c3d4e5f60abcd"},
    "export_seq_negative": {"export_seq": -1},
    "version_huge": {"version": 10**40},
}


@pytest.mark.parametrize("case", [*HOSTILE_MANIFESTS, "nested_json"])
def test_a_hand_edited_manifest_is_refused_by_name_and_the_genuine_files_import(
        case: str, usb: dict[str, Any], fair_db: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("OTOP_POS_HOME", str(tmp_path / "home"))
    name = f"B003-{case}.otopx"
    if case == "nested_json":
        edited(usb["template"], usb["folder"] / name, raw=nested(100_000))
    else:
        edited(usb["template"], usb["folder"] / name, HOSTILE_MANIFESTS[case])
    expected_reason = "version" if case == "version_huge" else "manifest"
    for run, genuine_mark in ((1, "+"), (2, "=")):
        code, out, err = cli(capsys, fair_db, "import", "--quiet", str(usb["folder"]))
        assert code == 1, (run, out, err)
        assert "Traceback" not in out + err and "Something went wrong" not in err, err
        lines = out.splitlines()
        refused = [ln for ln in lines if ln.startswith(f"! {name}: REFUSED")]
        assert len(refused) == 1 and f"[{expected_reason}]" in refused[0], out
        for path in usb["genuine"]:
            assert any(ln.startswith(f"{genuine_mark} {path.name}: ") for ln in lines), (run, out)
        assert "1 refused, 0 skipped" in out
    code, out, err = cli(capsys, fair_db, "import", "--quiet", "--json", str(usb["folder"]))
    report = json.loads(out)
    assert code == 1 and (report["unchanged"], report["refused"]) == (2, 1)
    bad = next(f for f in report["files"] if f["name"] == name)
    assert bad["result"] == "refused" and bad["reason"] == expected_reason and bad["th"] and bad["en"]
    assert Path(bad["path"]) == usb["folder"] / name
    for action in ("status", "summary", "report"):
        code, out, err = cli(capsys, fair_db, action, "--json")
        assert code == 0, (action, err)


def test_the_refusal_names_the_field_and_its_bounds(usb: dict[str, Any], fair_db: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = edited(usb["template"], usb["folder"] / "seq.otopx", {"export_seq": 2**63})
    code, out, _err = cli(capsys, fair_db, "import", "--quiet", str(path))
    assert code == 1
    assert "export_seq must be a whole number from 1 to 1,000,000,000" in out
    assert "export_seq ต้องเป็นจำนวนเต็ม 1 ถึง 1,000,000,000" in out


def test_a_refused_files_log_line_keeps_safe_values_only(fair_store: FairStore) -> None:
    """Whatever reaches the import log of a refused file is cut to its column or left out: written on both
    stores (was: an overflow or "value too long" that stopped the whole import)."""
    row = safe_log_row(dict(
        fair_id=None, at=datetime(2020, 11, 1, tzinfo=timezone.utc), file_name="x" * 400, path="p", sha256="0" * 64,
        size_bytes=3 * 2**31, result="refused", reason="manifest" * 9, message_th="ไทย", message_en="en",
        vendor_code="V" * 300, booth_code="B" * 17, till_no=10**30, till_uuid="u" * 40, export_seq=2**63,
        export_created_at=datetime(1, 1, 1, tzinfo=timezone.utc), sales_added=0, voids_added=0, refunds_added=0,
        days_added=0, docs_skipped=0))
    with fair_store.write() as s:
        s.add(ImportLog(**row))
    with fair_store.read() as s:
        log = s.scalars(select(ImportLog)).one()
        assert (len(log.file_name), len(log.booth_code), len(log.till_uuid), len(log.vendor_code)) == (260, 16, 36, 32)
        assert (log.till_no, log.export_seq, log.export_created_at) == (None, None, None)
        assert log.size_bytes == 2**31 - 1 and log.reason == ("manifest" * 9)[:32]


# --- signed exports with absurd values ----------------------------------------------------------------------

def signed_sale(pkg: BoothPackage, base: int, *, price: int, cashier: str = "", expected: int = 50000,
                difference: int | None = None) -> ExportData:
    """One signed sale of ``price`` by transfer on a closed day with ``expected`` cash and a ``difference``
    (by default counted − expected) — UUIDs from ``base`` so that several booths do not share any."""
    uid, till, day_uuid = _u(base + 1), _u(base + 2), _u(base + 3)
    line = ExportLine(uid, 1, "SKU-X", "ผ้าไหมมัดหมี่", "ผ้าและเครื่องแต่งกาย", 1, price, price, 0, price, 0, price)
    pay = ExportPayment(uid, "transfer", price, None, 0, "TR-1")
    doc = sale_doc(uuid=uid, seq=1, number="KK-0001", at=_iso(_at(5)), total=price, discount=0,
                   lines=[("SKU-X", 1, price, 0, price)], payments=[("transfer", price, "TR-1")])
    sale = ExportSale(uid, "KK-0001", 1, _at(5), DAY, cashier, price, 0, price, price, 0, 1, GENESIS,
                      chain_hash(GENESIS, doc))
    diff = 50000 - expected if difference is None else difference
    day = ExportDay(day_uuid, DAY, _at(1), _at(50), 50000, expected, 50000, diff, {100000: 0, 50000: 1},
                    {"transfer": price})
    return ExportData(pkg.vendor.booth, 1, till, pkg.vendor.code, pkg.fair.id, pkg.key_id, (sale,), (line,),
                      (pay,), (), (), (), (day,))


SIGNED = {
    "amount_15_digits": (dict(price=10**14), "has a total of 1,000,000,000,000.00 baht, more than the app accepts"),
    "expected_cash": (dict(price=100, expected=10**14), "the expected cash of the till day 2020-10-27 is "
                                                        "1,000,000,000,000.00 baht"),
    "cash_difference": (dict(price=100, difference=-10**12), "the cash difference of the till day 2020-10-27 is"),
    "long_cashier": (dict(price=100, cashier="ก" * 65), "document KK-0001 has a cashier of 65 characters, more "
                                                         "than the store keeps (at most 64)"),
}


@pytest.mark.parametrize("case", SIGNED)
def test_two_signed_booths_with_absurd_values_are_refused_and_the_reports_of_the_rest_work(
        case: str, usb: dict[str, Any], fair_db: str, fair_store: FairStore, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Signed by their booths' own keys, consistent and chained: only the bounds of ``core.limits`` and the
    store's column lengths stand between them and the fair's sums (was: 15-digit amounts overflowed status,
    summary and report on SQLite; a till-day figure or long text stopped the import on PostgreSQL)."""
    monkeypatch.setenv("OTOP_POS_HOME", str(tmp_path / "home"))
    kw, words = SIGNED[case]
    pkgs = usb["packages"]
    extra = make_packages(fair_store, FixedClock(datetime(2020, 10, 20, tzinfo=timezone.utc)), tmp_path / "pkg2",
                          vendor_codes=["KK20-0004"])
    bad = []
    for k, written in enumerate((pkgs[HOSTILE], extra[0])):
        pkg = read_package(written.path)
        bad.append(write_export(usb["folder"] / f"absurd-{k}.otopx", signed_sale(pkg, 1000 * (k + 1), **kw),  # type: ignore[arg-type]
                                pkg.private_key_pem, 1, _at(55)))
    code, out, err = cli(capsys, fair_db, "import", "--quiet", str(usb["folder"]))
    assert code == 1 and "Traceback" not in out + err, (out, err)
    for path in bad:
        line = next(ln for ln in out.splitlines() if ln.startswith(f"! {path.name}: "))
        assert "[limits]" in line and f"{path.name}: " in line.split("] ", 1)[1] and words in line, line
    assert "2 imported, 0 already held, 2 refused" in out
    for action in ("status", "summary", "report"):
        code, out, err = cli(capsys, fair_db, action, "--json")
        assert code == 0, (action, err)
        if action == "summary":
            summary = json.loads(out)
            assert set(summary["per_vendor"]) == set(GOOD) and summary["sales_count"] == 6


def test_the_manifest_bounds_are_the_stores_columns() -> None:
    """The identity lengths the manifest reader allows are those of the fair's and the booth's columns (one
    set of limits: a manifest that passes can always be logged and stored)."""
    from otop_pos.core import limits
    from otop_pos.store import booth_models, fair_models

    def length(model: Any, column: str) -> int:
        return int(model.__table__.c[column].type.length)

    assert limits.MAX_BOOTH_CODE_CHARS == length(fair_models.ImportLog, "booth_code") == \
        length(fair_models.Till, "booth_code") == length(booth_models.Identity, "booth_code")
    assert limits.MAX_VENDOR_CODE_CHARS == length(fair_models.ImportLog, "vendor_code") == \
        length(fair_models.Vendor, "code") == length(booth_models.Identity, "vendor_code")
    assert limits.FAIR_ID_CHARS == length(fair_models.Fair, "uid") == length(booth_models.Identity, "fair_id")
    assert limits.KEY_ID_CHARS == length(fair_models.BoothKey, "key_id") == length(booth_models.Identity, "key_id")
    assert length(fair_models.ImportLog, "till_uuid") == length(fair_models.Till, "till_uuid") == 36
    assert limits.MAX_EXPORT_SEQ < 2**31  # PostgreSQL integer columns
    for column in ("float_satang", "expected_cash_satang", "counted_cash_satang", "difference_satang"):
        assert isinstance(fair_models.TillDay.__table__.c[column].type, BigInteger)  # a day's cash: 64-bit (f0005)
    assert limits.MAX_DAY_CASH_DIFFERENCE_SATANG < 2**63 and limits.MAX_DOCUMENT_SATANG < 2**31
