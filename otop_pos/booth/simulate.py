"""A realistic fair through the same use cases the GUI calls: days, baskets, payments, voids, refunds, closes.

With ``fair_methods`` the payments also use the fair's methods of the booth package (``FairMix``): card, each
co-payment scheme (its state share proposed by ``split_copay`` as the pay dialog does, at most the daily cap, with
a slip's reference) and each state card. With ``orders`` (which brings ``fair_methods`` unless told otherwise)
about one basket in twenty becomes an order, delivered or cancelled on a later day (``simulate_orders``).
Without either, a seed gives the very run it always gave (the tests and benchmarks rely on it).
"""
from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from otop_pos.booth.adjustments import AdjustmentResult, RefundLineIn, refund_sale, void_sale
from otop_pos.booth.cart import Cart, Discount, ProductInfo
from otop_pos.booth.catalogue import list_products
from otop_pos.booth.checkout import SaleResult, checkout
from otop_pos.booth.days import close_day, current_day, day_figures, list_days, open_day
from otop_pos.booth.methods import payment_methods
from otop_pos.booth.orders import OrderResult
from otop_pos.booth.payments import PaymentIn
from otop_pos.booth.pin import Approval, approve
from otop_pos.booth.settings import get_settings
from otop_pos.booth.store import identity
from otop_pos.booth.simulate_orders import OrderBook
from otop_pos.core.errors import DayError, OtopError, SetupError, SoldOutError
from otop_pos.core.methods import MethodSpec, split_copay
from otop_pos.core.thaidate import BANGKOK
from otop_pos.core.vocabulary import PAYMENT_METHOD
from otop_pos.store.booth_models import CustomerOrder, Sale, TillDay
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
    sales: int                 # baskets sold (an order's delivery is a sale too, counted in orders_delivered)
    voids: int
    refunds: int
    orders_taken: int = 0
    orders_delivered: int = 0
    orders_cancelled: int = 0


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


#: The booth's own methods (cash, PromptPay, transfer, other): the mix's fixed part, never a "card".
BUILT_IN_PLAIN = frozenset(t.key for t in PAYMENT_METHOD if t.builtin)


@dataclass(frozen=True)
class FairMix:
    """The fair's methods beyond cash, PromptPay and transfer that the simulated customers pay with."""

    copay: tuple[MethodSpec, ...] = ()
    state: tuple[MethodSpec, ...] = ()
    cards: tuple[str, ...] = field(default=())   # plain methods of the fair (card, and any the fair added)

    @classmethod
    def of(cls, methods: tuple[MethodSpec, ...]) -> FairMix:
        """The mix of a booth's methods."""
        return cls(tuple(m for m in methods if m.kind == "copay"), tuple(m for m in methods if m.kind == "state"),
                   tuple(m.code for m in methods if m.kind == "plain" and m.code not in BUILT_IN_PLAIN))


def scheme_part(rng: random.Random, spec: MethodSpec, amount: int) -> PaymentIn:
    """A co-payment or state-card part of ``amount`` as the pay dialog takes it: the state's share proposed by
    ``split_copay`` (a co-payment's at most its daily cap, as the slip would show it), a slip's reference."""
    ref = f"{rng.randrange(10 ** 10):010d}"
    if spec.kind == "state":
        return PaymentIn(spec.code, amount, reference=ref, state_satang=amount)
    _customer, state = split_copay(amount, spec.state_percent)
    if spec.daily_cap_satang is not None:
        state = min(state, spec.daily_cap_satang)
    return PaymentIn(spec.code, amount, reference=ref, state_satang=state)



#: How often each kind of payment comes when the fair's methods are in the mix (a kind the booth lacks drops out).
FAIR_MIX_WEIGHTS = {"cash": 42, "promptpay": 18, "transfer": 5, "copay": 20, "state": 5, "card": 5, "split": 5}


def _fair_payments(rng: random.Random, total: int, mix: FairMix) -> list[PaymentIn]:
    have = {"copay": bool(mix.copay), "state": bool(mix.state), "card": bool(mix.cards)}
    kinds = [k for k in FAIR_MIX_WEIGHTS if have.get(k, True)]
    kind = rng.choices(kinds, [FAIR_MIX_WEIGHTS[k] for k in kinds])[0]
    if total < 100 or kind == "cash":
        return [PaymentIn("cash", tendered_satang=_tender(rng, total))]
    if kind == "copay" or (kind == "state" and total <= 50000):
        return [scheme_part(rng, rng.choice(mix.copay if kind == "copay" else mix.state), total)]
    ref = f"{rng.randrange(10000):04d}"
    if kind in ("promptpay", "transfer", "state"):   # a state card for a big bill: the customer pays by QR
        return [PaymentIn("transfer" if kind == "transfer" else "promptpay", total, reference=ref)]
    if kind == "card":
        return [PaymentIn(rng.choice(mix.cards), total, reference=ref)]
    part = max(100, (total // 2) // 100 * 100)
    if part >= total:
        return [PaymentIn("promptpay", total, reference=ref)]
    return [PaymentIn("promptpay", part, reference=ref), PaymentIn("cash", tendered_satang=_tender(rng, total - part))]


def simulate(store: SqliteStore, *, days: int, sales_per_day: int, pin: str | Approval, seed: int | None = None,
             start: date | None = None, on_sale: Callable[[SaleResult], None] | None = None,
             on_adjustment: Callable[[AdjustmentResult], None] | None = None,
             float_satang: int = 100000, orders: bool = False, fair_methods: bool | None = None,
             on_order: Callable[[OrderResult], None] | None = None) -> SimulationResult:
    """Simulate ``days`` fair days from ``start``; an open day is continued, a closed one refused. The
    manager PIN is checked once, before the first day (its approval serves every void, refund, cancel and
    close). ``orders``: some baskets become orders (``simulate_orders``); ``fair_methods`` (default: as
    ``orders``): the fair's card, schemes and state cards join the payments."""
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
    pay = order_pay = _payments
    if orders if fair_methods is None else fair_methods:
        mix = FairMix.of(payment_methods(store))
        pay = partial(_fair_payments, mix=mix)
        order_pay = pay   # a deposit or balance by a scheme keeps its state share (b0005)
    book: OrderBook | None = None
    fair_over: date | None = None   # the fair's last day, when the booth knows it
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
            if open_now is not None:   # the day's baskets so far: its sales but deliveries, and its orders
                delivery = select(CustomerOrder.id).where(CustomerOrder.sale_id == Sale.id).exists()
                done_today = int(s.scalar(select(func.count(Sale.id)).join(TillDay)
                                          .where(TillDay.id == open_now.id, ~delivery)) or 0)
                done_today += int(s.scalar(select(func.count(CustomerOrder.id))
                                           .where(CustomerOrder.till_day_id == open_now.id)) or 0)
        if last is not None:
            clock.at_least(last + timedelta(seconds=1))
        if approval is None:  # once per run, before anything is written
            approval = approve(store, clock, pin_text, action="simulate")
        if orders and book is None:
            with store.read() as s:
                fair_over = identity(s).fair_last_day
            book = OrderBook(store, random.Random(f"orders:{seed}") if seed is not None else random.Random(),
                             order_pay, approval, first + timedelta(days=days - 1), on_order)
        if open_now is None:
            open_day(store, clock, float_satang, by="sim")
        step = (11 * 3600) / max(sales_per_day, 1)
        clock.at_least(datetime.combine(day_date, time(10, 0), BANGKOK))
        sold_today: list[SaleResult] = []
        if book is not None:
            book.plan_day(day_date, done_today, sales_per_day)
        for k in range(done_today, sales_per_day):
            clock.tick(step * rng.uniform(0.3, 1.7))
            if book is not None:
                book.settle(clock, k)
            cart = _basket(rng, pool, weights)
            if book is not None and book.wants_order() and (fair_over is None or day_date <= fair_over):
                book.take(clock, cart, day_date, k, sales_per_day)   # no new orders once the fair is over
                continue
            try:
                result = checkout(store, clock, cart, pay(rng, cart.total_satang), cashier="sim",
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
        if book is not None:
            book.finish(clock)
        clock.at_least(datetime.combine(day_date, time(21, 30), BANGKOK))
        expected = day_figures(store).expected_cash_satang
        off = rng.choice((0, 0, 0, 0, -2000, 1000))
        close_day(store, clock, approval, counted_satang=max(0, expected + off), by="sim")
        totals = SimulationResult(i + 1, n_sales, n_voids, n_refunds, *((book.taken, book.delivered, book.cancelled)
                                                                         if book is not None else ()))
    return totals
