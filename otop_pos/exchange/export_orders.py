"""The orders of a booth export (version 3): that they hold together, and the till's order chain.

An order is taken once (its ``take`` event, with the deposits as its money), then delivered (``deliver``: the sale
it became, of the order's value) or cancelled (``cancel``: the deposits given back, all or none) at most once.
The events form a hash chain of their own (``core.chain.order_event_doc``), seq 1..n from GENESIS, recomputed here
from the orders, lines and money the file holds. ImportRefused ("integrity" or "chain") on the first problem.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping
from operator import attrgetter
from typing import Any

from otop_pos.core.chain import (
    GENESIS, cancel_details, chain_hash, chain_payment, deliver_details, order_event_doc, take_details,
)
from otop_pos.exchange.export_model import ExportData, ExportOrderLine, ExportOrderMoney
from otop_pos.exchange.export_rows import bill_adds_up, chain_break, chain_gap, inconsistent, line_adds_up, utc_text

__all__ = ["check_orders", "verify_order_chain", "delivered_sales"]

KINDS = ("take", "deliver", "cancel")


def delivered_sales(data: ExportData) -> set[str]:
    """The UUIDs of the sales that delivered an order."""
    return {e.sale_uuid for e in data.order_events if e.kind == "deliver" and e.sale_uuid}


def _unique(values: list[str], th: str, en: str) -> None:
    if len(set(values)) != len(values):
        raise inconsistent(f"{th}ซ้ำ", f"an order's {en} repeats.")


def check_orders(data: ExportData, sales: Mapping[str, tuple[int, Any]], day_dates: Collection[Any]) -> None:
    """Referential integrity and sums of the file's orders: ``sales`` the (total, business date) of each sale a
    delivery names (by UUID), ``day_dates`` the till days' dates."""
    if not (data.orders or data.order_events or data.order_lines or data.order_money):
        return
    orders = {o.uuid: o for o in data.orders}
    _unique([o.uuid for o in data.orders], "ใบสั่งจอง", "UUID")
    _unique([o.number for o in data.orders], "เลขที่ใบสั่งจอง", "number")
    _unique([e.uuid for e in data.order_events], "เหตุการณ์ของใบสั่งจอง", "event")
    lines: dict[str, list[ExportOrderLine]] = {}
    for ln in data.order_lines:
        if ln.order_uuid not in orders:
            raise inconsistent("รายการสั่งจองไม่มีใบสั่งจอง", f"an order line points at no order ({ln.order_uuid}).")
        lines.setdefault(ln.order_uuid, []).append(ln)
        if not line_adds_up(ln):
            raise inconsistent("ยอดรายการสั่งจองไม่ถูกต้อง", f"a line of order {orders[ln.order_uuid].number} "
                               "does not add up.")
    events = {e.uuid: e for e in data.order_events}
    money: dict[str, list[ExportOrderMoney]] = {}
    for m in data.order_money:
        e = events.get(m.event_uuid)
        if e is None or e.kind == "deliver":
            raise inconsistent("เงินมัดจำไม่มีใบสั่งจอง", f"an order's money points at no take or cancel ({m.event_uuid}).")
        if m.state_satang > m.amount_satang:
            raise inconsistent("ส่วนที่รัฐจ่ายมากกว่าเงินมัดจำ", "an order's deposit has a state share above its amount.")
        money.setdefault(m.event_uuid, []).append(m)
    kinds: dict[str, dict[str, Any]] = {}
    for e in data.order_events:
        order = orders.get(e.order_uuid)
        if order is None or e.kind not in KINDS:
            raise inconsistent("เหตุการณ์ของใบสั่งจองไม่ถูกต้อง", f"order event {e.seq} names no order or no kind.")
        had = kinds.setdefault(e.order_uuid, {})
        if e.kind in had or (e.kind != "take" and ({"deliver", "cancel"} & had.keys() or "take" not in had)) \
                or (e.kind == "take" and had):
            raise inconsistent(f"ใบสั่งจอง {order.number} มีเหตุการณ์ซ้ำหรือผิดลำดับ",
                               f"order {order.number} is taken, delivered or cancelled twice or out of order.")
        had[e.kind] = e
        if (e.kind == "deliver") != bool(e.sale_uuid):
            raise inconsistent(f"การส่งมอบใบสั่งจอง {order.number} ไม่ถูกต้อง",
                               f"the delivery of order {order.number} does not name its sale.")
        if e.kind == "deliver" and sales.get(str(e.sale_uuid)) != (order.total_satang, e.business_date):
            raise inconsistent(f"การส่งมอบใบสั่งจอง {order.number} ไม่ตรงกับบิลขาย",
                               f"the delivery of order {order.number} does not match its sale.")
        if e.kind != "cancel" or money.get(e.uuid):
            if e.business_date not in day_dates:
                raise inconsistent(f"ใบสั่งจอง {order.number} ไม่มีวันขาย", f"order {order.number} has no till day.")
    for o in data.orders:
        ls = lines.get(o.uuid, [])
        if "take" not in kinds.get(o.uuid, {}):
            raise inconsistent(f"ใบสั่งจอง {o.number} ไม่มีการรับสั่ง", f"order {o.number} was never taken.")
        if not bill_adds_up(ls, o):
            raise inconsistent(f"ยอดใบสั่งจอง {o.number} ไม่ตรงกับรายการ", f"order {o.number}: lines do not add up.")
        had = kinds[o.uuid]
        deposits = sum(m.amount_satang for m in money.get(had["take"].uuid, []))
        back = sum(m.amount_satang for m in money.get(had["cancel"].uuid, [])) if "cancel" in had else 0
        if deposits > o.total_satang or back not in (0, deposits):
            raise inconsistent(f"เงินมัดจำของใบสั่งจอง {o.number} ไม่ถูกต้อง",
                               f"the deposits of order {o.number} do not add up.")


def verify_order_chain(data: ExportData) -> None:
    """Recompute the order chain over the events in ``seq`` order (1..n from GENESIS); ImportRefused("chain")."""
    orders = {o.uuid: o for o in data.orders}
    lines: dict[str, list[ExportOrderLine]] = {}
    for ln in data.order_lines:
        lines.setdefault(ln.order_uuid, []).append(ln)
    money: dict[str, list[ExportOrderMoney]] = {}
    for m in data.order_money:
        money.setdefault(m.event_uuid, []).append(m)
    prev = GENESIS
    for expected, e in enumerate(sorted(data.order_events, key=attrgetter("seq")), start=1):
        order = orders[e.order_uuid]
        if e.seq != expected:
            raise chain_gap(expected, order.number)
        pays = [chain_payment(m.method, m.amount_satang, m.reference, m.state_satang) for m in money.get(e.uuid, [])]
        if e.kind == "take":
            details = take_details(
                total=order.total_satang, discount=order.sale_discount_satang, deliver=order.deliver_on.isoformat(),
                lines=[(ln.sku, ln.qty, ln.unit_price_satang, ln.discount_satang, ln.net_satang)
                       for ln in sorted(lines.get(order.uuid, []), key=attrgetter("line_no"))], deposits=pays)
        elif e.kind == "deliver":
            details = deliver_details(sale=str(e.sale_uuid))
        else:
            details = cancel_details(refunds=pays)
        doc = order_event_doc(uuid=e.uuid, seq=e.seq, kind=e.kind, order=order.uuid, number=order.number,
                              at=utc_text(e.created_at), day=e.business_date.isoformat(), details=details)
        if e.prev_hash != prev or chain_hash(prev, doc) != e.hash:
            raise chain_break(order.number)
        prev = e.hash
