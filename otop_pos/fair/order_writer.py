"""Writing an export's orders into the fair store, each once: an order, an event and its money by UUID.

Orders are few (one basket in twenty at a busy stall), so they are written whole with plain inserts after the
documents of the same file, in the same transaction. An event already held (a later export of the same till
repeats every order) is skipped; a new event of an order already held (delivered or cancelled since) is added
to it. Times are stored as UTC, dates as the booth's fair days.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, bindparam, insert, select

from otop_pos.core.errors import ImportRefused
from otop_pos.fair.prepare import OrderRows
from otop_pos.store.fair_models import CustomerOrder, OrderEvent, OrderLine, OrderMoney

__all__ = ["new_order_events", "write_orders"]

_CHUNK = 500


def _held(conn: Connection, column: Any, uuids: list[str]) -> set[str]:
    held: set[str] = set()
    for n in range(0, len(uuids), _CHUNK):
        held.update(conn.execute(select(column).where(column.in_(bindparam("u", expanding=True))),
                                 {"u": uuids[n:n + _CHUNK]}).scalars())
    return held


def new_order_events(conn: Connection, rows: OrderRows, till_id: int) -> list[Any]:
    """The file's order events the store does not hold yet, in chain order; ImportRefused("order_chain") when
    one takes the place of an event already held from this till (the same link of its order chain), or closes an
    order the store holds closed otherwise: the till was copied onto another laptop, or restored from an older
    backup, and its orders went two ways."""
    if not rows.order_events:
        return []
    held = _held(conn, OrderEvent.uuid, [e.uuid for e in rows.order_events])
    new = [e for e in rows.order_events if e.uuid not in held]
    if not new:
        return new
    numbers = {o.uuid: o.number for o in rows.orders}
    seqs = [e.seq for e in new]
    taken: dict[int, str] = {}
    for n in range(0, len(seqs), _CHUNK):
        taken.update({int(q): str(num) for q, num in conn.execute(
            select(OrderEvent.seq, CustomerOrder.number).join(CustomerOrder, CustomerOrder.id == OrderEvent.order_id)
            .where(OrderEvent.till_id == till_id, OrderEvent.seq.in_(bindparam("q", expanding=True))),
            {"q": seqs[n:n + _CHUNK]})})
    clash = next((e for e in new if e.seq in taken), None)
    if clash is not None:
        raise _two_ways(numbers.get(clash.order_uuid, ""), taken[clash.seq])
    closing = [e.order_uuid for e in new if e.kind != "take"]
    for n in range(0, len(closing), _CHUNK):
        done = conn.execute(select(CustomerOrder.uuid, CustomerOrder.number)
                            .join(OrderEvent, OrderEvent.order_id == CustomerOrder.id)
                            .where(OrderEvent.kind != "take",
                                   CustomerOrder.uuid.in_(bindparam("u", expanding=True))),
                            {"u": closing[n:n + _CHUNK]}).first()
        if done is not None:
            raise _two_ways(str(done[1]), str(done[1]))
    return new


def _two_ways(in_file: str, held: str) -> ImportRefused:
    same = in_file == held
    return ImportRefused(
        (f"ใบสั่งจอง {in_file} ในไฟล์นี้ถูกส่งมอบหรือยกเลิกไปแล้วอีกทางหนึ่งตามที่นำเข้าไว้" if same else
         f"ใบสั่งจอง {in_file} ในไฟล์นี้อยู่ในลำดับเดียวกับใบสั่งจอง {held} ที่นำเข้าไว้แล้ว")
        + " ข้อมูลใบสั่งจองของเครื่องนี้แยกเป็นสองทาง (เครื่องถูกคัดลอกไปใช้อีกเครื่อง หรือถูกกู้คืนจากสำรองเก่า) "
          "จึงไม่นำเข้า ให้บูธตรวจใบสั่งจองนี้กับลูกค้า แล้วใช้เครื่องเดียวต่อ",
        (f"Order {in_file} in this file was delivered or cancelled the other way in what was imported before"
         if same else f"Order {in_file} in this file takes the place of order {held}, imported before")
        + ": this till's orders went two ways (its data was copied onto another laptop, or restored from an older "
          "backup). Nothing was imported; have the booth check this order with the customer and go on on one laptop.",
        "order_chain")


def write_orders(conn: Connection, rows: OrderRows, new_events: list[Any], *, fair_id: int, vendor_id: int,
                 till_id: int, import_id: int) -> None:
    """Insert ``new_events`` with their orders (when new), lines and money."""
    if not new_events:
        return
    takes = {e.order_uuid: e for e in new_events if e.kind == "take"}
    lines: dict[str, list[Any]] = {}
    for ln in rows.order_lines:
        lines.setdefault(ln.order_uuid, []).append(ln)
    keys = dict(fair_id=fair_id, vendor_id=vendor_id)
    ids: dict[str, int] = {}
    for o in rows.orders:
        take = takes.get(o.uuid)
        if take is None:
            continue
        ids[o.uuid] = conn.execute(insert(CustomerOrder).values(
            uuid=o.uuid, till_id=till_id, import_id=import_id, number=o.number, taken_at=take.created_at,
            taken_on=take.business_date, deliver_on=o.deliver_on, cashier=o.cashier,
            subtotal_satang=o.subtotal_satang, sale_discount_satang=o.sale_discount_satang,
            total_satang=o.total_satang, item_count=o.item_count, **keys).returning(CustomerOrder.id)).scalar_one()
        conn.execute(insert(OrderLine), [dict(
            order_id=ids[o.uuid], line_no=ln.line_no, sku=ln.sku, name=ln.name, product_type=ln.product_type,
            qty=ln.qty, list_price_satang=ln.list_price_satang, unit_price_satang=ln.unit_price_satang,
            discount_satang=ln.discount_satang, total_satang=ln.total_satang,
            sale_discount_share_satang=ln.sale_discount_share_satang, net_satang=ln.net_satang, **keys)
            for ln in lines[o.uuid]])
    missing = sorted({e.order_uuid for e in new_events} - ids.keys())
    for n in range(0, len(missing), _CHUNK):
        ids.update({str(u): int(i) for u, i in conn.execute(
            select(CustomerOrder.uuid, CustomerOrder.id).where(CustomerOrder.uuid.in_(bindparam("u", expanding=True))),
            {"u": missing[n:n + _CHUNK]})})
    money: dict[str, list[Any]] = {}
    for m in rows.order_money:
        money.setdefault(m.event_uuid, []).append(m)
    for e in new_events:
        event_id = conn.execute(insert(OrderEvent).values(
            uuid=e.uuid, order_id=ids[e.order_uuid], till_id=till_id, import_id=import_id, seq=e.seq, kind=e.kind,
            created_at=e.created_at, business_date=e.business_date, sale_uuid=e.sale_uuid, hash=e.hash,
            **keys).returning(OrderEvent.id)).scalar_one()
        if money.get(e.uuid):
            conn.execute(insert(OrderMoney), [dict(
                event_id=event_id, order_id=ids[e.order_uuid], kind="deposit" if e.kind == "take" else "refund",
                business_date=e.business_date, method=m.method, amount_satang=m.amount_satang,
                state_satang=m.state_satang, reference=m.reference, **keys) for m in money[e.uuid]])
