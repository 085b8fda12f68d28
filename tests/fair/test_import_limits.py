"""The organiser's import refuses what no booth may write: a signed, consistent export whose amount, quantity,
float or cash count is beyond ``core.limits`` is refused (reason "limits", naming the file and the document),
and the other files of the same import go on."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from otop_pos.app import demo_registry
from otop_pos.core.chain import GENESIS, chain_hash, sale_doc
from otop_pos.core.clock import FixedClock
from otop_pos.core.limits import MAX_DOCUMENT_SATANG, MAX_FLOAT_SATANG, MAX_QTY
from otop_pos.exchange.export_format import write_export
from otop_pos.exchange.export_model import ExportData, ExportDay, ExportLine, ExportPayment, ExportSale
from otop_pos.exchange.package_format import BoothPackage, read_package
from otop_pos.fair.importer import import_paths
from otop_pos.fair.store import FairStore
from otop_pos.store.fair_models import Sale
from tests.fair.booths import make_fair
from tests.fair.distinct_export import DAY, _at, _iso, _u, write_distinct

BAD, GOOD = "KK20-0001", "KK20-0002"


def one_sale(pkg: BoothPackage, *, price: int, qty: int = 1, float_satang: int = 50000,
             counts: dict[int, int] | None = None) -> ExportData:
    """One sale of ``qty`` × ``price`` paid by transfer, on a day opened with ``float_satang``: consistent,
    chained and signed like a booth's own (closed with ``counts`` when given)."""
    uid, total = _u(101), price * qty
    line = ExportLine(uid, 1, "SKU-X", "ผ้าไหมมัดหมี่", "ผ้าและเครื่องแต่งกาย", qty, price, price, 0, total, 0, total)
    pay = ExportPayment(uid, "transfer", total, None, 0, "TR-1")
    doc = sale_doc(uuid=uid, seq=1, number="KK-0001", at=_iso(_at(5)), total=total, discount=0,
                   lines=[("SKU-X", qty, price, 0, total)], payments=[("transfer", total, "TR-1")])
    sale = ExportSale(uid, "KK-0001", 1, _at(5), DAY, "", total, 0, total, total, 0, qty, GENESIS,
                      chain_hash(GENESIS, doc))
    if counts is None:
        day = ExportDay(_u(109), DAY, _at(1), None, float_satang, None, None, None, {}, {})
    else:
        counted = sum(d * n for d, n in counts.items())
        day = ExportDay(_u(109), DAY, _at(1), _at(50), float_satang, float_satang, counted, counted - float_satang,
                        counts, {"transfer": total})
    return ExportData(pkg.vendor.booth, 1, _u(77), pkg.vendor.code, pkg.fair.id, pkg.key_id, (sale,), (line,),
                      (pay,), (), (), (), (day,))


def _import(fair_store: FairStore, fair_clock: FixedClock, tmp_path: Path, **kw: int | dict[int, int]
            ) -> tuple[list[tuple[str, str]], str, str]:
    """Import a ``one_sale(**kw)`` export of one booth beside a good export of another; (name, result) of each
    file, and the Thai and English reason of the first."""
    _fair, pkgs = make_fair(fair_store, fair_clock, demo_registry(), tmp_path / "pkg", [BAD, GOOD])
    bad_pkg = read_package(pkgs[BAD].path)
    bad = write_export(tmp_path / "bad", one_sale(bad_pkg, **kw), bad_pkg.private_key_pem, 1, _at(55))  # type: ignore[arg-type]
    good = write_distinct(read_package(pkgs[GOOD].path), tmp_path / "good")
    report = import_paths(fair_store, fair_clock, [bad, good], jobs=0)
    first = next(f for f in report.files if Path(f.path) == bad)
    return [(Path(f.path).name, f.result) for f in report.files], first.th, first.en


def _sales(fair_store: FairStore) -> int:
    with fair_store.read() as s:
        return int(s.scalar(select(func.count(Sale.id))) or 0)


def test_a_sale_at_the_limit_is_imported(fair_store: FairStore, fair_clock: FixedClock, tmp_path: Path) -> None:
    results, th, en = _import(fair_store, fair_clock, tmp_path, price=MAX_DOCUMENT_SATANG)
    assert [r for _n, r in results] == ["imported", "imported"], en
    with fair_store.read() as s:
        assert s.scalar(select(func.max(Sale.total_satang))) == MAX_DOCUMENT_SATANG


@pytest.mark.parametrize("kw, words", [
    (dict(price=MAX_DOCUMENT_SATANG + 1), "document KK-0001 has a total of 10,000,000.01 baht, more than the app "
                                          "accepts (at most 10,000,000.00 baht)."),
    (dict(price=1, qty=MAX_QTY + 1), "document KK-0001 has a quantity of 10,000, more than the app accepts "
                                     "(at most 9,999)."),
    (dict(price=100, float_satang=MAX_FLOAT_SATANG + 1), "the till day 2020-10-27 has a cash float of "
                                                        "10,000,000.01 baht"),
    (dict(price=100, counts={100000: 100001}), "the till day 2020-10-27 has a counted cash of 100,001,000.00 baht"),
])
def test_an_export_beyond_the_limits_is_refused_naming_file_and_document(
        fair_store: FairStore, fair_clock: FixedClock, tmp_path: Path, kw: dict[str, int], words: str) -> None:
    results, th, en = _import(fair_store, fair_clock, tmp_path, **kw)
    bad_name = results[0][0] if results[0][1] == "refused" else results[1][0]
    assert sorted(r for _n, r in results) == ["imported", "refused"]
    assert en.startswith(f"{bad_name}: ") and words in en, en
    assert th.startswith(f"{bad_name}: ") and "เกินกว่าที่ระบบรับได้" in th
    assert _sales(fair_store) == 2  # the good file's two sales; nothing of the refused one
