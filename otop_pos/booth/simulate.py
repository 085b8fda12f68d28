"""A realistic fair through the same use cases the GUI calls: days, baskets, payments, voids, refunds, closes."""
from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from otop_pos.booth.adjustments import AdjustmentResult, RefundLineIn, refund_sale, void_sale
from otop_pos.booth.cart import Cart, Discount, ProductInfo
from otop_pos.booth.catalogue import list_products
from otop_pos.booth.checkout import SaleResult, checkout
from otop_pos.booth.days import close_day, current_day, day_figures, list_days, open_day
from otop_pos.booth.payments import PaymentIn
from otop_pos.booth.pin import Approval, approve
from otop_pos.booth.settings import get_settings
from otop_pos.core.errors import DayError, OtopError, SetupError, SoldOutError
from otop_pos.core.thaidate import BANGKOK
from otop_pos.store.booth_models import Sale, TillDay
from otop_pos.store.engine import SqliteStore

NOTES = (2000, 5000, 10000, 50000, 100000)


class SimClock:
    """Simulated time that only moves forward (the use cases take it like any clock)."""

    def __init__(self, start: datetime) -> None:
        self.t = start

    def now(self) -> datetime:
        """The simulated time."""
        return self.t

    def at_least(self, dt: datetime) -> None:
        """Move to ``dt`` unless already later."""
        self.t = max(self.t, dt)

    def tick(self, seconds: float) -> None:
        """Move forward."""
        self.t += timedelta(seconds=seconds)


@dataclass(frozen=True)
class SimulationResult:
    """What a simulation did."""

    days: int
    sales: int
    voids: int
    refunds: int


def _tender(rng: random.Random, due: int) -> int:
    if rng.random() < 0.25:
        return due  # exact money
    for note in NOTES:
        if note >= due:
            return note if rng.random() < 0.7 else ((due + note - 1) // note) * note
    return ((due + 99999) // 100000) * 100000


def _basket(rng: random.Random, pool: list[ProductInfo], weights: list[float]) -> Cart:
    cart = Cart()
    for product in rng.choices(pool, weights=weights, k=rng.choices((1, 2, 3, 4, 5), (40, 28, 17, 10, 5))[0]):
        cart = cart.add(product, rng.choices((1, 2, 3), (80, 15, 5))[0])
    if rng.random() < 0.05:
        cart = cart.set_discount(Discount("percent", rng.choice((500, 1000))))
    elif rng.random() < 0.03 and cart.lines:
        cart = cart.set_line_discount(0, Discount("amount", min(2000, cart.lines[0].gross_satang)))
    return cart


def _payments(rng: random.Random, total: int) -> list[PaymentIn]:
    r = rng.random()
    ref = f"{rng.randrange(10000):04d}"
    if r < 0.55 or total < 100:
        return [PaymentIn("cash", tendered_satang=_tender(rng, total))]
    if r < 0.85:
        return [PaymentIn("promptpay", total, reference=ref)]
    if r < 0.95:
        return [PaymentIn("transfer", total, reference=ref)]
    part = max(100, (total // 2) // 100 * 100)
    if part >= total:
        return [PaymentIn("promptpay", total, reference=ref)]
    return [PaymentIn("promptpay", part, reference=ref), PaymentIn("cash", tendered_satang=_tender(rng, total - part))]


def simulate(store: SqliteStore, *, days: int, sales_per_day: int, pin: str | Approval, seed: int | None = None,
             start: date | None = None, on_sale: Callable[[SaleResult], None] | None = None,
             on_adjustment: Callable[[AdjustmentResult], None] | None = None,
             float_satang: int = 100000) -> SimulationResult:
    """Simulate ``days`` fair days from ``start``; an open day is continued, a closed one refused. The
    manager PIN is checked once, before the first day (its approval serves every void, refund and close)."""
    if days < 1 or sales_per_day < 0:
        raise DayError("จำนวนวันต้องอย่างน้อย 1 และจำนวนการขายต้องไม่ติดลบ",
                       "Days must be at least 1 and sales per day not negative.")
    rng = random.Random(seed)
    pool = [p for p in list_products(store) if not p.sold_out]
    if not pool:
        raise SetupError("ยังไม่มีสินค้าในรายการ ตั้งค่าบูธก่อน", "There are no products: set the booth up first.")
    weights = [1.0 / max(p.price_satang, 100) ** 0.8 for p in pool]
    open_now = current_day(store)
    first = open_now.business_date if open_now else (start or date.today())
    closed = {d.business_date for d in list_days(store) if d.closed_at is not None}
    totals = SimulationResult(0, 0, 0, 0)
    n_sales = n_voids = n_refunds = 0
    approval, pin_text = (None, pin) if isinstance(pin, str) else (pin, "")
    limit = get_settings(store).discount_limit_percent
    for i in range(days):
        day_date = first + timedelta(days=i)
        opening = datetime.combine(day_date, time(9, 30), BANGKOK)
        open_now = current_day(store)
        if open_now is None and day_date in closed:
            raise DayError(f"วันขาย {day_date.isoformat()} ปิดไปแล้ว จำลองซ้ำไม่ได้",
                           f"The sales day {day_date.isoformat()} is already closed.")
        clock = SimClock(opening)
        with store.read() as s:
            last = s.scalar(select(func.max(Sale.created_at)))
            done_today = 0
            if open_now is not None:
                done_today = int(s.scalar(select(func.count(Sale.id)).join(TillDay)
                                          .where(TillDay.id == open_now.id)) or 0)
        if last is not None:
            clock.at_least(last + timedelta(seconds=1))
        if approval is None:  # once per run, before anything is written
            approval = approve(store, clock, pin_text, action="simulate")
        if open_now is None:
            open_day(store, clock, float_satang, by="sim")
        step = (11 * 3600) / max(sales_per_day, 1)
        clock.at_least(datetime.combine(day_date, time(10, 0), BANGKOK))
        sold_today: list[SaleResult] = []
        for _ in range(done_today, sales_per_day):
            clock.tick(step * rng.uniform(0.3, 1.7))
            cart = _basket(rng, pool, weights)
            try:
                result = checkout(store, clock, cart, _payments(rng, cart.total_satang), cashier="sim",
                                  approval=approval, discount_limit_percent=limit)
            except SoldOutError as exc:
                pool_idx = [k for k, p in enumerate(pool) if p.sku == exc.sku]
                for k in reversed(pool_idx):
                    del pool[k]
                    del weights[k]
                if not pool:
                    break
                continue
            n_sales += 1
            sold_today.append(result)
            if on_sale:
                on_sale(result)
            roll = rng.random()
            if roll < 0.01:
                clock.tick(20)
                done = void_sale(store, clock, result.uuid, "ลูกค้าเปลี่ยนใจ / customer changed mind", approval,
                                 by="sim")
                n_voids += 1
                if on_adjustment is not None:
                    on_adjustment(done)
            elif roll < 0.02 and len(sold_today) > 3:
                clock.tick(30)
                target = sold_today[rng.randrange(len(sold_today) - 1)]
                try:
                    done = refund_sale(store, clock, target.uuid, "สินค้าชำรุด / damaged", approval,
                                       lines=[RefundLineIn(1, 1)], by="sim")
                    n_refunds += 1
                    if on_adjustment is not None:
                        on_adjustment(done)
                except OtopError:  # already voided or refunded: no refund this time
                    pass
        clock.at_least(datetime.combine(day_date, time(21, 30), BANGKOK))
        expected = day_figures(store).expected_cash_satang
        off = rng.choice((0, 0, 0, 0, -2000, 1000))
        close_day(store, clock, approval, counted_satang=max(0, expected + off), by="sim")
        totals = SimulationResult(i + 1, n_sales, n_voids, n_refunds)
    return totals
