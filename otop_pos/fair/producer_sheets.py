"""The producer sheet: what one vendor sold at the fair, for the producer to take home ("after the fair").

Each sheet is the vendor's own drill-down of the organiser report (``figures.vendor_detail``: the same figures to
the satang) with what a producer asks: income by product, day and hour, the average sale, the share paid
digitally (``core.vocabulary.DIGITAL_METHODS``) and the share paid through state schemes (the fair's methods of a
``SCHEME_KINDS`` kind), the orders still open, and the producer's own link (``core.channel``) for the QR.

Method kinds: ``method_kinds`` maps a payment method code to its kind ("plain", "copay", "state"); by default the
fair's own methods (``fair.methods.list_methods``); a method not among them is plain. The open orders are the
vendor's of ``fair.orders.order_figures`` (the sheet says "ไม่มีรายการสั่งจองที่ค้างส่ง" when it has none open).
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from sqlalchemy import select

from otop_pos.core.outfiles import make_folder
from otop_pos.core.channel import channel_link
from otop_pos.core.vocabulary import DIGITAL_METHODS, SCHEME_KINDS
from otop_pos.fair.fairs import find_fair
from otop_pos.fair.figures import vendor_detail
from otop_pos.fair.methods import list_methods
from otop_pos.fair.orders import order_figures
from otop_pos.fair.store import FairStore
from otop_pos.reports.model import ProducerSheet
from otop_pos.reports.producer_sheet_pdf import sheet_file_name, write_producer_sheet_pdf
from otop_pos.store.fair_models import Vendor

__all__ = ["ProducerSheet", "producer_sheet", "producer_sheets", "write_producer_sheets"]

FULL = 10000  # basis points


def _share(part: int, whole: int) -> int:
    """``part`` of ``whole`` in basis points, rounded half up (0 when the whole is not positive)."""
    if whole <= 0:
        return 0
    q, r = divmod(part * FULL, whole)
    return q + (1 if 2 * r >= whole else 0)


def _average(net: int, count: int) -> int:
    """``net / count`` rounded half away from zero (0 without a sale), as the organiser's average sale."""
    if count <= 0:
        return 0
    q, r = divmod(abs(net), count)
    q += 1 if 2 * r >= count else 0
    return -q if net < 0 else q


def _open_orders(store: FairStore, fair_ref: str | None) -> dict[str, tuple[int, int]]:
    """(count, value) of the orders still open, per vendor code."""
    with store.read() as s:
        per_vendor = order_figures(s, [find_fair(s, fair_ref).id]).per_vendor
    return {code: (o["open_count"], o["open_satang"]) for code, o in per_vendor.items()}


def producer_sheet(store: FairStore, vendor_code: str, *, fair_ref: str | None = None,
                   method_kinds: Mapping[str, str] | None = None,
                   open_orders: Mapping[str, tuple[int, int]] | None = None) -> ProducerSheet:
    """The sheet of one vendor over the whole fair; ``InputError`` for an unknown vendor or fair.
    ``open_orders``: (count, value) per vendor code when the caller has them (else read here)."""
    kinds = method_kinds if method_kinds is not None else {m.code: m.kind for m in list_methods(store, fair_ref)}
    opened = open_orders if open_orders is not None else _open_orders(store, fair_ref)
    with store.read() as s:
        fair = find_fair(s, fair_ref)
        row = s.scalar(select(Vendor).where(Vendor.fair_id == fair.id, Vendor.code == vendor_code.strip()))
        fair_name, venue, first, last = fair.name, fair.venue, fair.first_day, fair.last_day
        link = channel_link(row.line_account, row.shop_url, row.facebook_page) if row is not None else None
    detail = vendor_detail(store, vendor_code, fair_ref=fair_ref, hours=True)
    v = detail.vendor
    digital = sum(r.net_satang for r in detail.by_method if r.key in DIGITAL_METHODS and kinds.get(r.key, "plain")
                  not in SCHEME_KINDS)
    scheme = sum(r.net_satang for r in detail.by_method if kinds.get(r.key, "plain") in SCHEME_KINDS)
    return ProducerSheet(fair_name, venue, first, last, v, detail.by_product, detail.by_day, detail.by_hour,
                         detail.by_method, _average(v.net_satang, v.sales_count), digital,
                         _share(digital, v.net_satang), scheme, _share(scheme, v.net_satang),
                         *opened.get(v.code, (0, 0)), link)


def producer_sheets(store: FairStore, *, fair_ref: str | None = None,
                    method_kinds: Mapping[str, str] | None = None) -> tuple[ProducerSheet, ...]:
    """The sheet of every registered vendor of the fair, by booth and code."""
    with store.read() as s:
        fair = find_fair(s, fair_ref)
        codes = list(s.scalars(select(Vendor.code).where(Vendor.fair_id == fair.id)
                               .order_by(Vendor.booth, Vendor.code)))
        ref = fair.uid
    kinds = method_kinds if method_kinds is not None else {m.code: m.kind for m in list_methods(store, ref)}
    opened = _open_orders(store, ref)
    return tuple(producer_sheet(store, code, fair_ref=ref, method_kinds=kinds, open_orders=opened) for code in codes)


def write_producer_sheets(store: FairStore, out_dir: Path, *, fair_ref: str | None = None,
                          method_kinds: Mapping[str, str] | None = None) -> list[Path]:
    """One PDF per registered vendor into ``out_dir`` (made if missing), named by booth and vendor code."""
    out = make_folder(out_dir)
    return [write_producer_sheet_pdf(sheet, out / sheet_file_name(sheet.vendor.booth, sheet.vendor.code))
            for sheet in producer_sheets(store, fair_ref=fair_ref, method_kinds=method_kinds)]
