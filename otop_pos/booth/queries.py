"""Read-side use cases: sales lists (paged), sale detail, receipt documents, the booth report."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Integer, String, and_, case, func, literal, or_, select, type_coerce, union_all
from sqlalchemy.orm import Session

from otop_pos.booth.cart import ListPriced
from otop_pos.booth.adjustments import (find_sale, refund_document_refusal, refund_refusal, refunded_so_far,
                                        void_refusal)
from otop_pos.booth.orders import OrdersSummary, orders_summary
from otop_pos.booth.settings import BoothSettings, get_settings
from otop_pos.booth.store import identity
from otop_pos.core.channel import channel_link
from otop_pos.core.digits import normalize_digits
from otop_pos.core.text_match import spellings
from otop_pos.core.documents import PAYMENT_METHODS, OrderNote, ReceiptDoc, ReceiptLine, ReceiptPayment
from otop_pos.core.errors import OtopError, SaleError
from otop_pos.store.booth_models import BoothMethod, CustomerOrder, Payment, Refund, RefundLine, Sale, SaleLine, TillDay, Void
from otop_pos.store.engine import SqliteStore


@dataclass(frozen=True)
class SaleRow:
    """One sale in a list: status is sale, void or refunded/partly_refunded; net after voids/refunds."""

    uuid: str
    number: str
    created_at: datetime
    business_date: date
    status: str
    total_satang: int
    refunded_satang: int
    net_satang: int
    item_count: int
    methods: str
    kind: str = "sale"          # "refund": a refund document (status "refund", amounts negative)
    sale_number: str = ""       # a refund's: the sale it refunds


def _row(row: Any) -> SaleRow:
    uuid, number, created, business, *rest = row
    at = datetime.fromisoformat(created)
    return SaleRow(uuid, number, at if at.tzinfo else at.replace(tzinfo=timezone.utc), date.fromisoformat(business),
                   *rest)


def _sales_query():  # type: ignore[no-untyped-def]
    refunded = (select(Refund.sale_id, func.sum(Refund.amount_satang).label("amt"))
                .group_by(Refund.sale_id).subquery())
    methods = (select(Payment.sale_id, func.group_concat(Payment.method, ",").label("m"))
               .group_by(Payment.sale_id).subquery())
    voided = Void.id.is_not(None)
    ref_amt = func.coalesce(refunded.c.amt, 0)
    status = case((voided, literal("void")),
                  (and_(ref_amt > 0, ref_amt >= Sale.total_satang), literal("refunded")),  # not a ฿0 sale
                  (ref_amt > 0, literal("partly_refunded")), else_=literal("sale"))
    net = case((voided, literal(0)), else_=Sale.total_satang - ref_amt)
    # times and dates come back as the stored text and are parsed by _row (C fromisoformat): the generic
    # SQLite DateTime/Date result processors cost more than the query itself on 100,000 sales
    return (select(Sale.uuid, Sale.number, type_coerce(Sale.created_at, String),
                   type_coerce(TillDay.business_date, String), status, Sale.total_satang,
                   ref_amt, net, Sale.item_count, func.coalesce(methods.c.m, ""))
            .join(TillDay, TillDay.id == Sale.till_day_id)
            .outerjoin(Void, Void.sale_id == Sale.id)
            .outerjoin(refunded, refunded.c.sale_id == Sale.id)
            .outerjoin(methods, methods.c.sale_id == Sale.id))


def list_sales(store: SqliteStore, *, business_date: date | None = None, search: str = "", offset: int = 0,
               limit: int | None = None, newest_first: bool = False) -> list[SaleRow]:
    """Sales with their status and net total, optionally for one day or matching a number/product."""
    q = _sales_query()
    if business_date is not None:
        q = q.where(TillDay.business_date == business_date)
    search = normalize_digits(search).strip()
    if search:
        q = q.where(_matching_sales(search))
    q = q.order_by(Sale.seq.desc() if newest_first else Sale.seq).offset(offset)
    if limit is not None:
        q = q.limit(limit)
    with store.read() as s:
        return [_row(row) for row in s.execute(q)]


def _contains(search: str) -> str:
    """A LIKE pattern for text holding ``search`` as typed (``%`` and ``_`` are no wildcards; escape ``\\``)."""
    return "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _matching_sales(search: str):  # type: ignore[no-untyped-def]
    like = _contains(search)
    names = [SaleLine.name.like(_contains(form), escape="\\") for form in spellings(search)]   # ำ or ํา, แ or เเ
    return or_(Sale.number.like(like, escape="\\"), Sale.uuid == search,
               Sale.id.in_(select(SaleLine.sale_id).where(or_(*names, SaleLine.sku.like(like, escape="\\")))))


def list_history(store: SqliteStore, *, business_date: date | None = None, search: str = "", offset: int = 0,
                 limit: int | None = None, newest_first: bool = True) -> list[SaleRow]:
    """The history list: sales and refund documents together in document order (a refund on the day it was
    made, under its own number, with a negative amount and the number of the sale it refunds). A search
    finds a refund by its number, or by its sale's number or products (Thai digits as typed on the Thai
    keyboard's number row)."""
    search = normalize_digits(search).strip()
    sales = _sales_query().add_columns(literal("sale").label("kind"), literal("").label("sale_number"),
                                       Sale.seq.label("seq"))
    qty = (select(RefundLine.refund_id, func.sum(RefundLine.qty).label("q"))
           .group_by(RefundLine.refund_id).subquery())
    refunds = (select(Refund.uuid, Refund.number, type_coerce(Refund.created_at, String),
                      type_coerce(TillDay.business_date, String), literal("refund"), -Refund.amount_satang,
                      literal(0, Integer), -Refund.amount_satang, func.coalesce(qty.c.q, 0), Refund.method,
                      literal("refund").label("kind"), Sale.number.label("sale_number"), Refund.seq.label("seq"))
               .join(TillDay, TillDay.id == Refund.till_day_id)
               .join(Sale, Sale.id == Refund.sale_id)
               .outerjoin(qty, qty.c.refund_id == Refund.id))
    if business_date is not None:
        sales = sales.where(TillDay.business_date == business_date)
        refunds = refunds.where(TillDay.business_date == business_date)
    if search:
        sales = sales.where(_matching_sales(search))
        refunds = refunds.where(or_(Refund.number.like(_contains(search), escape="\\"), Refund.uuid == search,
                                    Refund.sale_id.in_(select(Sale.id).where(_matching_sales(search)))))
    both = union_all(sales, refunds).subquery()
    q = select(*both.c).order_by(both.c.seq.desc() if newest_first else both.c.seq).offset(offset)
    if limit is not None:
        q = q.limit(limit)
    with store.read() as s:
        return [_row(row[:-1]) for row in s.execute(q)]


def iter_sales_plain(store: SqliteStore, *, business_date: date | None = None) -> Iterator[tuple[Any, ...]]:
    """Every sale as plain values for streaming out (uuid, number, UTC ISO time, ISO business date, status,
    total, refunded, net, item count, methods) — no datetime objects, for 100,000-sale listings."""
    q = _sales_query()
    if business_date is not None:
        q = q.where(TillDay.business_date == business_date)
    with store.read() as s:
        for uuid, number, created, business, *rest in s.execute(q.order_by(Sale.seq)).yield_per(5000):
            iso = created.replace(" ", "T")
            yield (uuid, number, iso if "+" in iso[10:] else iso + "+00:00", business, *rest)


def count_sales(store: SqliteStore, *, business_date: date | None = None) -> int:
    """How many sales (for paging)."""
    q = select(func.count(Sale.id))
    if business_date is not None:
        q = q.join(TillDay).where(TillDay.business_date == business_date)
    with store.read() as s:
        return int(s.scalar(q) or 0)


def _lines(s: Session, sale: Sale) -> tuple[ReceiptLine, ...]:
    return tuple(ReceiptLine(ln.name, ln.qty, ln.unit_price_satang, ln.discount_satang, ln.total_satang, ln.sku)
                 for ln in sale.lines)


def _channel(st: BoothSettings) -> dict[str, str]:
    """The receipt's channel link and kind, from the settings ("" when none is set)."""
    link = channel_link(st.line_account, st.shop_url, st.facebook_page)
    return {"channel_url": link.url, "channel_kind": link.kind} if link else {}


def _fair_name(m: BoothMethod | None, lang: str) -> str:
    """The fair's name of a method not among the booth's own four, in ``lang`` ("": the vocabulary names it)."""
    if m is None or m.code in PAYMENT_METHODS:
        return ""
    return m.name_en if lang == "en" else m.name_th


def receipt_doc(store: SqliteStore, ref: str, *, copy: bool = False, lang: str | None = None) -> ReceiptDoc:
    """The printable receipt of a sale, void or refund (by UUID or number)."""
    with store.read() as s:
        ident = identity(s)
        st = get_settings(store)
        lang = lang or st.receipt_lang
        common: dict[str, Any] = dict(shop_name=st.shop_name or ident.vendor_name, fair_name=ident.fair_name, booth=ident.booth_code,
                      till=str(ident.till_no), tax_id=st.tax_id,
                      header_lines=tuple(x for x in st.receipt_header.splitlines() if x.strip()),
                      footer_lines=tuple(x for x in st.receipt_footer.splitlines() if x.strip()),
                      copy=copy, lang="en" if lang == "en" else "th",
                      title_mode="abbreviated_tax_invoice" if st.vat_registered else "receipt",
                      promptpay_target=st.promptpay_id, **_channel(st))
        void = s.scalar(select(Void).where(or_(Void.uuid == ref, Void.number == ref)))
        refund = s.scalar(select(Refund).where(or_(Refund.uuid == ref, Refund.number == ref)))
        if void is not None:
            sale = s.get(Sale, void.sale_id)
            assert sale is not None
            return ReceiptDoc(kind="void", number=void.number, issued_at=void.created_at, lines=_lines(s, sale),
                              subtotal_satang=sale.subtotal_satang, sale_discount_satang=sale.sale_discount_satang,
                              total_satang=void.amount_satang, item_count=sale.item_count,
                              original_number=sale.number, reason=void.reason, cashier=void.by, **common)  # type: ignore[arg-type]
        if refund is not None:
            sale = s.get(Sale, refund.sale_id)
            assert sale is not None
            by_id = {ln.id: ln for ln in sale.lines}
            lines = tuple(ReceiptLine(by_id[rl.sale_line_id].name, rl.qty, by_id[rl.sale_line_id].unit_price_satang,
                                      by_id[rl.sale_line_id].unit_price_satang * rl.qty - rl.amount_satang,
                                      rl.amount_satang, by_id[rl.sale_line_id].sku) for rl in refund.lines)
            return ReceiptDoc(kind="refund", number=refund.number, issued_at=refund.created_at, lines=lines,
                              subtotal_satang=refund.amount_satang, sale_discount_satang=0,
                              total_satang=refund.amount_satang,
                              payments=(ReceiptPayment(refund.method, refund.amount_satang,  # type: ignore[arg-type]
                                                       reference=refund.reference),),
                              item_count=sum(rl.qty for rl in refund.lines), original_number=sale.number,
                              reason=refund.reason, cashier=refund.by, **common)  # type: ignore[arg-type]
        order = s.scalar(select(CustomerOrder).where(or_(CustomerOrder.uuid == ref, CustomerOrder.number == ref)))
        if order is not None:   # the deposit receipt of an order
            return _deposit_doc(order, common)
        sale = find_sale(s, ref)
        specs = {m.code: m for m in s.scalars(select(BoothMethod))}
        pays = tuple(ReceiptPayment(p.method, p.amount_satang, p.tendered_satang, p.change_satang, p.reference,  # type: ignore[arg-type]
                                    p.state_satang, _fair_name(specs.get(p.method), lang),
                                    p.method in specs and specs[p.method].kind != "plain")
                     for p in sale.payments)
        delivered = s.scalar(select(CustomerOrder).where(CustomerOrder.sale_id == sale.id))
        if delivered is not None:
            common["order"] = _note(delivered, delivered=True)
        return ReceiptDoc(kind="sale", number=sale.number, issued_at=sale.created_at, lines=_lines(s, sale),
                          subtotal_satang=sale.subtotal_satang, sale_discount_satang=sale.sale_discount_satang,
                          total_satang=sale.total_satang, payments=pays, change_satang=sale.change_satang,
                          item_count=sale.item_count, cashier=sale.cashier,
                          show_promptpay_qr=False, **common)  # type: ignore[arg-type]


def _note(order: CustomerOrder, *, delivered: bool) -> OrderNote:
    deposit = sum(d.amount_satang for d in order.deposits if d.kind == "deposit")
    return OrderNote(order.number, order.customer_name, order.customer_phone, order.deliver_on, deposit,
                     order.total_satang - deposit, delivered)


def _deposit_doc(order: CustomerOrder, common: dict[str, Any]) -> ReceiptDoc:
    """The deposit receipt of ``order``: its lines and value, the deposit's payments, the balance due."""
    deposits = [d for d in order.deposits if d.kind == "deposit"]
    pays = tuple(ReceiptPayment(d.method, d.amount_satang, d.tendered_satang, d.change_satang, d.reference)  # type: ignore[arg-type]
                 for d in deposits)
    lines = tuple(ReceiptLine(ln.name, ln.qty, ln.unit_price_satang, ln.discount_satang, ln.total_satang, ln.sku)
                  for ln in order.lines)
    common = {**common, "title_mode": "receipt", "show_promptpay_qr": False}
    return ReceiptDoc(kind="deposit", number=order.number, issued_at=order.created_at, lines=lines,
                      subtotal_satang=order.subtotal_satang, sale_discount_satang=order.sale_discount_satang,
                      total_satang=order.total_satang, payments=pays,
                      change_satang=sum(d.change_satang for d in deposits), item_count=order.item_count,
                      cashier=order.cashier, order=_note(order, delivered=False), **common)


@dataclass(frozen=True)
class SaleLineView(ListPriced):
    """A sale line with what is left to refund."""

    line_no: int
    sku: str
    name: str
    qty: int
    unit_price_satang: int
    net_satang: int
    refunded_qty: int
    refunded_satang: int
    list_price_satang: int | None = None



@dataclass(frozen=True)
class SaleDetail:
    """A sale as the history screen shows it."""

    row: SaleRow
    lines: tuple[SaleLineView, ...]
    payments: tuple[ReceiptPayment, ...]
    void_number: str
    refund_numbers: tuple[str, ...]
    void_refusal: OtopError | None = None     # why "Void…" cannot be done now (None: it can)
    refund_refusal: OtopError | None = None   # why "Refund…" cannot be done now (None: it can)
    refund_of: str = ""                       # a refund document's: the number of the sale it refunds
    refund_of_uuid: str = ""
    reason: str = ""                          # a refund document's reason


def sale_detail(store: SqliteStore, ref: str) -> SaleDetail:
    """One sale with its lines, payments, void and refunds, and why it cannot be voided or refunded now (the
    use cases' own rules); for a refund document's number or UUID, the refund (its lines, amount negative)."""
    with store.read() as s:
        refund = s.scalar(select(Refund).where(or_(Refund.uuid == ref.strip(), Refund.number == ref.strip())))
        if refund is not None:
            return _refund_detail(s, refund)
        sale = find_sale(s, ref)
        row = s.execute(_sales_query().where(Sale.id == sale.id)).one()
        done = refunded_so_far(s, sale.id)
        lines = tuple(SaleLineView(ln.line_no, ln.sku, ln.name, ln.qty, ln.unit_price_satang, ln.net_satang,
                                   *done.get(ln.id, (0, 0)), ln.list_price_satang) for ln in sale.lines)
        pays = tuple(ReceiptPayment(p.method, p.amount_satang, p.tendered_satang, p.change_satang, p.reference,  # type: ignore[arg-type]
                                    p.state_satang)
                     for p in sale.payments)
        void = s.scalar(select(Void.number).where(Void.sale_id == sale.id)) or ""
        refunds = tuple(s.scalars(select(Refund.number).where(Refund.sale_id == sale.id).order_by(Refund.seq)))
        return SaleDetail(_row(row), lines, pays, void, refunds, void_refusal(s, sale), refund_refusal(s, sale))


def _refund_detail(s: Session, refund: Refund) -> SaleDetail:
    sale = s.get(Sale, refund.sale_id)
    day = s.get(TillDay, refund.till_day_id)
    assert sale is not None and day is not None
    by_id = {ln.id: ln for ln in sale.lines}
    lines = tuple(SaleLineView(by_id[rl.sale_line_id].line_no, by_id[rl.sale_line_id].sku,
                               by_id[rl.sale_line_id].name, rl.qty, by_id[rl.sale_line_id].unit_price_satang,
                               -rl.amount_satang, 0, 0) for rl in refund.lines)
    at = refund.created_at if refund.created_at.tzinfo else refund.created_at.replace(tzinfo=timezone.utc)
    row = SaleRow(refund.uuid, refund.number, at, day.business_date, "refund", -refund.amount_satang, 0,
                  -refund.amount_satang, sum(rl.qty for rl in refund.lines), refund.method, "refund", sale.number)
    pays = (ReceiptPayment(refund.method, refund.amount_satang, reference=refund.reference),)  # type: ignore[arg-type]
    refusal = refund_document_refusal(refund.number, sale.number)
    return SaleDetail(row, lines, pays, "", (), refusal, refusal, sale.number, sale.uuid, refund.reason)


@dataclass(frozen=True)
class BoothReport:
    """Totals for the booth: net income and breakdowns (satang)."""

    booth: str
    till: int
    vendor_code: str
    net_satang: int
    gross_satang: int
    sales_count: int
    voids_count: int
    voids_satang: int
    refunds_count: int
    refunds_satang: int
    items_sold: int
    by_method: dict[str, int]
    by_day: dict[str, int]
    by_product: dict[str, dict[str, object]]
    orders: OrdersSummary = OrdersSummary(0, 0, 0, 0, 0, 0, 0, 0, 0)   # apart from the sales figures
    schemes: dict[str, dict[str, int]] = field(default_factory=dict)


def booth_report(store: SqliteStore) -> BoothReport:
    """Net totals (sales − voids − refunds) overall, per payment method, per day and per product — all SQL —
    and the orders (taken, deposits, delivered, cancelled, open) apart from them (a delivered order is a sale)."""
    with store.read() as s:
        ident = identity(s)
        gross, n_sales = s.execute(select(func.coalesce(func.sum(Sale.total_satang), 0), func.count(Sale.id))).one()
        v_amt, n_void = s.execute(select(func.coalesce(func.sum(Void.amount_satang), 0), func.count(Void.id))).one()
        r_amt, n_ref = s.execute(select(func.coalesce(func.sum(Refund.amount_satang), 0), func.count(Refund.id))).one()
        kinds: dict[str, str] = {code: kind for code, kind in s.execute(
            select(BoothMethod.code, BoothMethod.kind).order_by(BoothMethod.position, BoothMethod.code))}
        by_method: dict[str, int] = {m: 0 for m in kinds}
        schemes: dict[str, dict[str, int]] = {m: {"customer_satang": 0, "state_satang": 0}
                                              for m, k in kinds.items() if k != "plain"}
        sums = select(Payment.method, func.sum(Payment.amount_satang), func.sum(Payment.state_satang))
        voided = sums.join(Void, Void.sale_id == Payment.sale_id)
        for sign, q in ((1, sums), (-1, voided)):
            for m, amt, state in s.execute(q.group_by(Payment.method)):
                by_method[m] = by_method.get(m, 0) + sign * int(amt)
                if m in schemes or state:
                    scheme = schemes.setdefault(m, {"customer_satang": 0, "state_satang": 0})
                    scheme["customer_satang"] += sign * (int(amt) - int(state))
                    scheme["state_satang"] += sign * int(state)
        for m, amt in s.execute(select(Refund.method, func.sum(Refund.amount_satang)).group_by(Refund.method)):
            by_method[m] = by_method.get(m, 0) - int(amt)
        by_day: dict[str, int] = {}
        for d, amt in s.execute(select(TillDay.business_date, func.sum(Sale.total_satang)).join(Sale)
                                .group_by(TillDay.business_date)):
            by_day[d.isoformat()] = by_day.get(d.isoformat(), 0) + int(amt)
        for d, amt in s.execute(select(TillDay.business_date, func.sum(Void.amount_satang))
                                .join(Void, Void.till_day_id == TillDay.id).group_by(TillDay.business_date)):
            by_day[d.isoformat()] = by_day.get(d.isoformat(), 0) - int(amt)
        for d, amt in s.execute(select(TillDay.business_date, func.sum(Refund.amount_satang))
                                .join(Refund, Refund.till_day_id == TillDay.id).group_by(TillDay.business_date)):
            by_day[d.isoformat()] = by_day.get(d.isoformat(), 0) - int(amt)
        by_product: dict[str, dict[str, object]] = {}
        not_void = ~select(Void.id).where(Void.sale_id == SaleLine.sale_id).exists()
        for sku, name, ptype, qty, net in s.execute(
                select(SaleLine.sku, func.max(SaleLine.name), func.max(SaleLine.product_type),
                       func.sum(SaleLine.qty), func.sum(SaleLine.net_satang))
                .where(not_void).group_by(SaleLine.sku)):
            by_product[sku] = {"name": name, "product_type": ptype, "qty": int(qty), "net_satang": int(net)}
        for sku, qty, amt in s.execute(
                select(SaleLine.sku, func.sum(RefundLine.qty), func.sum(RefundLine.amount_satang))
                .join(SaleLine, SaleLine.id == RefundLine.sale_line_id).group_by(SaleLine.sku)):
            entry = by_product[sku]
            entry["qty"] = int(entry["qty"]) - int(qty)  # type: ignore[call-overload]
            entry["net_satang"] = int(entry["net_satang"]) - int(amt)  # type: ignore[call-overload]
        items = sum(int(v["qty"]) for v in by_product.values())  # type: ignore[call-overload]
        return BoothReport(ident.booth_code, ident.till_no, ident.vendor_code, int(gross) - int(v_amt) - int(r_amt),
                           int(gross), int(n_sales), int(n_void), int(v_amt), int(n_ref), int(r_amt), items,
                           by_method, dict(sorted(by_day.items())), by_product, orders_summary(s), schemes)




def last_sale_number(store: SqliteStore) -> str:
    """The newest sale's receipt number."""
    with store.read() as s:
        number = s.scalar(select(Sale.number).order_by(Sale.seq.desc()).limit(1))
    if number is None:
        raise SaleError("ยังไม่มีการขาย", "There are no sales yet.")
    return number
