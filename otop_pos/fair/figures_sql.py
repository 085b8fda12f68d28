"""The SQL aggregates behind the organiser report: sales, voids and refunds per vendor and day, per hour,
per payment method and per product — GROUP BY in the database, only the groups come back.

Everything is read from the report totals the import keeps in its own transaction (``otop_pos.fair.totals``:
``sale_total`` per vendor, date and Bangkok hour, ``payment_total`` per method and ``product_total`` per SKU,
each holding the sales, the voids and the refunds of its group), a few hundred thousand rows for a national
fair of millions of documents; no query reads the documents themselves. A fair whose every day is in the
period needs no date filter (the import refuses documents dated outside the fair). The queries are
SQLAlchemy Core expressions over the totals tables; the summed columns come from the tables' metadata.

On SQLite the queries run side by side on their own connections (one thread each); every connection first
counts the import log, and the results are used only when all counts agree (imports only ever add log
rows, in the same transaction as their documents and totals), else the whole collection runs again. On
PostgreSQL one REPEATABLE READ transaction reads everything.
"""
from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Table, func, select
from sqlalchemy.orm import Session

from otop_pos.fair.store import FairStore
from otop_pos.store.fair_models import FairBase, ImportLog, Product

__all__ = ["Acc", "Scope", "Collected", "snapshot", "collect", "to_date", "scope_where"]
ATTEMPTS = 3
Job = Callable[[Session], Any]


@dataclass
class Acc:
    """Running sums of one group: net income, sales that stand, items (net), and the parts of the net."""

    net: int = 0
    count: int = 0
    items: int = 0
    gross: int = 0
    voids: int = 0
    void_n: int = 0
    refunds: int = 0
    refund_n: int = 0
    days: set[Any] = field(default_factory=set)

    def sale(self, n: int, amount: int, items: int) -> None:
        """Add ``n`` sales worth ``amount`` with ``items`` items."""
        self.net += amount
        self.gross += amount
        self.count += n
        self.items += items

    def void(self, n: int, amount: int) -> None:
        """Take ``n`` voided sales out (their items are taken out from their lines)."""
        self.net -= amount
        self.voids += amount
        self.void_n += n
        self.count -= n

    def refund(self, n: int, amount: int) -> None:
        """Take ``n`` refunds out (the refunded items are taken out from their lines)."""
        self.net -= amount
        self.refunds += amount
        self.refund_n += n

    def add(self, other: Acc) -> None:
        """Add another group's sums (not its days)."""
        self.net += other.net
        self.count += other.count
        self.items += other.items
        self.gross += other.gross
        self.voids += other.voids
        self.void_n += other.void_n
        self.refunds += other.refunds
        self.refund_n += other.refund_n


@dataclass(frozen=True)
class Scope:
    """Which rows count: the fairs, the business dates, the fairs covered whole, and maybe one vendor."""

    fair_ids: tuple[int, ...]
    first: date
    last: date
    whole: frozenset[int] = frozenset()
    vendor_id: int | None = None

    def where(self, table: Any) -> list[ColumnElement[bool]]:
        """The conditions for an ORM table with ``fair_id``, ``business_date`` and ``vendor_id`` columns."""
        cond = [table.fair_id == self.fair_ids[0] if len(self.fair_ids) == 1 else table.fair_id.in_(self.fair_ids),
                table.business_date.between(self.first, self.last)]
        if self.vendor_id is not None:
            cond.append(table.vendor_id == self.vendor_id)
        return cond


@dataclass
class Collected:
    """Everything the report needs from the documents, as sums per group."""

    vendor_day: dict[tuple[int, date], Acc] = field(default_factory=lambda: defaultdict(Acc))
    hours: dict[int, Acc] = field(default_factory=lambda: defaultdict(Acc))
    methods: dict[str, Acc] = field(default_factory=lambda: {m: Acc() for m in ("cash", "promptpay", "transfer",
                                                                               "other")})
    #: [product type, qty, net, lines] per (vendor id, SKU)
    products: dict[tuple[int, str], list[Any]] = field(default_factory=dict)
    #: what the caller's ``extra`` jobs returned, by name
    extra: dict[str, Any] = field(default_factory=dict)

    def product(self, vid: int, sku: str) -> list[Any]:
        """The entry of one product (created empty)."""
        return self.products.setdefault((vid, sku), ["", 0, 0, 0])


@contextmanager
def snapshot(store: FairStore) -> Iterator[Session]:
    """A read-only session that sees one consistent state of the store for all its queries: a deferred
    ``BEGIN`` on SQLite (a WAL read snapshot that does not block imports), REPEATABLE READ on PostgreSQL."""
    if store.is_sqlite:
        engine = store.engine.execution_options(otop_readonly=True)
    else:
        engine = store.engine.execution_options(isolation_level="REPEATABLE READ")
    session = Session(engine)
    try:
        yield session
    finally:
        session.close()


def to_date(value: Any) -> date:
    """A date column's value (SQLite hands text back to textual SQL)."""
    return value if isinstance(value, date) else date.fromisoformat(str(value))


_T = FairBase.metadata.tables
SALE_TOTAL, PAYMENT_TOTAL, PRODUCT_TOTAL = _T["sale_total"], _T["payment_total"], _T["product_total"]


def _sums(table: Table, *names: str) -> list[ColumnElement[Any]]:
    """sum(column) AS column for ``names`` (default: every column the totals table sums, from its model)."""
    names = names or tuple(c.name for c in table.columns if "total_kind" in c.info)
    return [func.sum(table.c[n]).label(n) for n in names]


def scope_where(sc: Scope, table: Any, *, dates: bool = True) -> list[ColumnElement[bool]]:
    """The conditions of ``sc`` on a table (or alias) with ``fair_id``, ``business_date`` and ``vendor_id``:
    the fairs, the dates unless every fair is covered whole (or ``dates`` is False), the vendor."""
    c = table.c
    cond = [c.fair_id.in_(sc.fair_ids)]
    if dates and set(sc.fair_ids) - sc.whole:
        cond.append(c.business_date.between(sc.first, sc.last))
    if sc.vendor_id is not None:
        cond.append(c.vendor_id == sc.vendor_id)
    return cond


def _scan(s: Session, sc: Scope, table: Table, keys: Sequence[ColumnElement[Any]],
          values: Sequence[ColumnElement[Any]]) -> list[Any]:
    """``SELECT keys, values FROM table WHERE <scope> GROUP BY keys`` over a totals table."""
    return list(s.execute(select(*keys, *values).where(*scope_where(sc, table)).group_by(*keys)))


def _sales_by_vendor_day(sc: Scope) -> Job:
    t = SALE_TOTAL
    return lambda s: _scan(s, sc, t, [t.c.vendor_id, t.c.business_date], _sums(t))


def _sales_by_hour(sc: Scope) -> Job:
    t = SALE_TOTAL
    return lambda s: _scan(s, sc, t, [t.c.hour], _sums(t))


def _payments(sc: Scope) -> Job:
    t = PAYMENT_TOTAL
    return lambda s: _scan(s, sc, t, [t.c.method], _sums(t))


def _products(sc: Scope) -> Job:
    """Per (vendor, SKU): net quantity, net income, lines that stand, the product type as registered (else as
    sold)."""
    t, p = PRODUCT_TOTAL, Product.__table__
    values = [(func.sum(t.c.qty) - func.sum(t.c.void_qty) - func.sum(t.c.refund_qty)).label("qty"),
              (func.sum(t.c.net_satang) - func.sum(t.c.void_satang) - func.sum(t.c.refund_satang)).label("net"),
              (func.sum(t.c.lines) - func.sum(t.c.void_lines)).label("lines"),
              func.min(t.c.product_type).label("sold_as")]

    def run(s: Session) -> tuple[list[Any], list[Any]]:
        rows = _scan(s, sc, t, [t.c.vendor_id, t.c.sku], values)
        registered = list(s.execute(select(p.c.vendor_id, p.c.sku, p.c.product_type)
                                    .where(*scope_where(sc, p, dates=False))))
        return rows, registered
    return run


def _version(s: Session) -> int:
    return int(s.scalar(select(func.count()).select_from(ImportLog)) or 0)


def _run_parallel(store: FairStore, jobs: dict[str, Job]) -> dict[str, Any] | None:
    """Each job in its own read snapshot on a thread; None when an import committed in between."""
    def work(job: Job) -> tuple[int, Any]:
        with snapshot(store) as s:
            version = _version(s)  # starts the read transaction: the job sees this state
            return version, job(s)

    workers = max(2, min(len(jobs), os.cpu_count() or 2))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="otop-figures") as pool:
        results = dict(zip(jobs, pool.map(work, jobs.values())))
    if len({v for v, _r in results.values()}) != 1:
        return None
    return {name: r for name, (_v, r) in results.items()}


def collect(store: FairStore, s: Session, sc: Scope, *, hours: bool = True,
            extra: dict[str, Job] | None = None) -> Collected:
    """Run every aggregate of ``sc`` (in parallel on SQLite) and sum them into a ``Collected``; the ``extra``
    jobs (other reads of the same state) run alongside and their results land in ``Collected.extra``."""
    # longest first, so that the threads finish together
    jobs: dict[str, Job] = {}
    if hours:
        jobs["hours"] = _sales_by_hour(sc)
    jobs.update(sales=_sales_by_vendor_day(sc), products=_products(sc), payments=_payments(sc))
    jobs.update({f"extra:{name}": job for name, job in (extra or {}).items()})
    results = None
    if store.is_sqlite:
        for _attempt in range(ATTEMPTS):
            results = _run_parallel(store, jobs)
            if results is not None:
                break
    if results is None:
        results = {name: job(s) for name, job in jobs.items()}
    c = _merge(results)
    c.extra = {name.split(":", 1)[1]: r for name, r in results.items() if name.startswith("extra:")}
    return c


def _add_sales(acc: Acc, r: Any) -> None:
    """Add one ``sale_total`` group (sales, voids and refunds with their items; by column name) to ``acc``."""
    acc.sale(int(r.sales), int(r.total_satang), int(r.items) - int(r.void_items) - int(r.refund_items))
    acc.void(int(r.voids), int(r.void_satang))
    acc.refund(int(r.refunds), int(r.refund_satang))


def _merge(results: dict[str, Any]) -> Collected:
    """Sum the groups of every query into per-(vendor, day), per-hour, per-method and per-product sums.
    (Sums of non-empty groups are never NULL, so the values are used as they come.)"""
    c = Collected()
    days: dict[Any, date] = {}
    vd = c.vendor_day
    for r in results["sales"]:
        d = r.business_date
        found = days.get(d)
        if found is None:
            found = days[d] = to_date(d)
        _add_sales(vd[r.vendor_id, found], r)
    if "hours" in results:
        for r in results["hours"]:
            _add_sales(c.hours[int(r.hour)], r)
    for r in results["payments"]:
        acc = c.methods.setdefault(r.method, Acc())
        acc.sale(int(r.payments), int(r.amount_satang), 0)
        acc.void(int(r.voids), int(r.void_satang))
        acc.refund(int(r.refunds), int(r.refund_satang))
    rows, registered = results["products"]
    products = c.products
    for vid, sku, qty, net, lines, sold_as in rows:
        products[vid, sku] = [sold_as or "", int(qty), int(net), int(lines)]
    for vid, sku, ptype in registered:
        known = products.get((vid, sku))
        if known is not None:
            known[0] = ptype
    return c
