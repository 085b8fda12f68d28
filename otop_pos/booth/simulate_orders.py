"""Orders in a simulated fair (``booth simulate --orders``), through the real use cases the orders page calls.

About one basket in twenty becomes an order (``take_order``): a made-up customer of ``CUSTOMERS``, bigger
quantities, delivery 0–3 days later (kept within the simulated days where possible), a deposit of none, 30 %,
50 % or the whole value. On each day the open orders due by then are settled at moments spread over the day:
most delivered (``deliver_order``, the balance paid by the day's mix), about one in ten cancelled with the
manager's approval (the deposit given back or kept, by turns of the dice), a few customers do not come (the
order stays open, due again the next day). Orders due after the last simulated day stay open. Every random
choice here comes from the book's own generator, so the baskets' stream is the run's as without orders.
"""
from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Protocol

from otop_pos.booth.cart import Cart
from otop_pos.booth.orders import OrderResult, cancel_order, deliver_order, list_orders, take_order
from otop_pos.booth.payments import PaymentIn
from otop_pos.booth.pin import Approval
from otop_pos.store.engine import SqliteStore

#: Made-up customers (names and 0xx mobile numbers of nobody), chosen from for simulated orders.
CUSTOMERS: tuple[tuple[str, str], ...] = (
    ("สมศรี ใจงาม", "081-234-5601"), ("บุญมี ศรีสุข", "089-765-4302"), ("ประภา แก้วมณี", "062-118-7703"),
    ("วิไลวรรณ ทองดี", "095-440-2204"), ("สมชาย รักถิ่น", "083-901-3305"), ("นงลักษณ์ พรหมมา", "064-552-8806"),
    ("อรุณี บุญเรือง", "091-337-6107"), ("ทองใบ สายสุวรรณ", "086-228-9408"), ("มาลัย คำแก้ว", "098-613-5509"),
    ("จันทร์เพ็ญ ภูมิพันธ์", "080-774-1210"), ("สุนทร วงศ์ใหญ่", "061-905-4411"), ("พิมพ์ใจ ชัยมงคล", "092-486-0312"),
)
NOTES = ("", "", "", "ห่อของขวัญ", "มารับเองที่บูธ", "สำหรับงานบุญ", "โทรแจ้งก่อนมารับ")

ORDER_SHARE = 0.05       # of the baskets
CANCEL_SHARE = 0.10      # of the orders due
NO_SHOW_SHARE = 0.05     # of the orders due: left open, due again the next day
DEPOSIT_PERCENTS = (0, 30, 50, 100)

Pay = Callable[[random.Random, int], list[PaymentIn]]


class SimTime(Protocol):
    """The simulation's clock (``simulate.SimClock``): read, and moved forward."""

    def now(self) -> datetime: ...

    def tick(self, seconds: float) -> None: ...


class OrderBook:
    """The simulation's orders: when to take one, and what happens to those due on a day."""

    def __init__(self, store: SqliteStore, rng: random.Random, pay: Pay, approval: Approval, last_day: date,
                 on_order: Callable[[OrderResult], None] | None = None) -> None:
        self.store, self.rng, self.pay, self.approval, self.last_day = store, rng, pay, approval, last_day
        self.on_order = on_order
        self.taken = self.delivered = self.cancelled = 0
        self._plan: dict[int, list[tuple[str, int]]] = {}   # basket index → (number, balance)

    def _done(self, result: OrderResult) -> None:
        if self.on_order is not None:
            self.on_order(result)

    def _at(self, first: int, end: int) -> int:
        return self.rng.randrange(first, end) if end > first else end

    def plan_day(self, today: date, first: int, end: int) -> None:
        """Spread the open orders due by ``today`` over the baskets ``first`` … ``end`` − 1 of the day."""
        self._plan = {}
        for row in list_orders(self.store, status="open"):
            if row.deliver <= today:
                self._plan.setdefault(self._at(first, end), []).append((row.number, row.balance_satang))

    def wants_order(self) -> bool:
        """Whether the next basket becomes an order."""
        return self.rng.random() < ORDER_SHARE

    def take(self, clock: SimTime, cart: Cart, today: date, index: int, end: int) -> OrderResult:
        """Take ``cart`` (its quantities made an order's) as an order; one due today is planned for later."""
        rng = self.rng
        for i, line in enumerate(cart.lines):
            cart = cart.set_qty(i, line.qty * rng.choices((1, 2, 3, 5, 10), (25, 25, 20, 20, 10))[0])
        deliver = today + timedelta(days=rng.choices((0, 1, 2, 3), (2, 4, 3, 1))[0])
        if deliver > self.last_day and rng.random() < 0.5:
            deliver = max(today, self.last_day)      # within the simulated days where possible
        value = cart.total_satang
        percent = rng.choice(DEPOSIT_PERCENTS)
        deposit = value if percent == 100 else value * percent // 100 // 100 * 100   # whole baht
        customer, phone = rng.choice(CUSTOMERS)
        result = take_order(self.store, clock, cart, customer=customer, phone=phone, deliver_on=deliver,
                            deposit_satang=deposit, payments=self.pay(rng, deposit) if deposit else [],
                            note=rng.choice(NOTES), cashier="sim", approval=self.approval)
        self.taken += 1
        self._done(result)
        if deliver == today and index + 1 < end:
            self._plan.setdefault(self._at(index + 1, end), []).append((result.number, result.balance_satang))
        return result

    def settle(self, clock: SimTime, index: int) -> None:
        """The orders planned before basket ``index``: delivered, cancelled, or left open."""
        for number, balance in self._plan.pop(index, []):
            clock.tick(self.rng.uniform(20, 90))
            roll = self.rng.random()
            if roll < CANCEL_SHARE:
                done = cancel_order(self.store, clock, number, self.approval,
                                    refund_deposit=self.rng.random() < 0.5, by="sim")
                self.cancelled += 1
            elif roll < CANCEL_SHARE + NO_SHOW_SHARE:
                continue
            else:
                done = deliver_order(self.store, clock, number, self.pay(self.rng, balance) if balance else [],
                                     cashier="sim")
                self.delivered += 1
            self._done(done)

    def finish(self, clock: SimTime) -> None:
        """What is still planned for the day (the day ended early, or was resumed late)."""
        for index in sorted(self._plan):
            self.settle(clock, index)
