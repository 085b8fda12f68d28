"""The SQL aggregates behind the organiser report: sales, voids and refunds per vendor and day, per hour,
per payment method and per product — GROUP BY in the database, only the groups come back.

Sales, their payments and their lines are read from the totals the import keeps (``totals``: per vendor,
date and hour / method / product), a few hundred thousand rows for a national fair of millions of sales,
each read in the order of its primary key. A fair whose every day is in the period needs no date filter
(the import refuses documents dated outside the fair). Voids and refunds (~1 % of the documents) are read
from their own tables in a few joined queries grouped by vendor, date, hour, SKU and method at once.

On SQLite the queries run side by side on their own connections (one thread each); every connection first
counts the import log, and the results are used only when all counts agree (imports only ever add log
rows, in the same transaction as their documents and totals), else the whole collection runs again. On
PostgreSQL one REPEATABLE READ transaction reads everything.
"""
from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, func, select, text
from sqlalchemy.orm import Session

from otop_pos.fair.store import FairStore
from otop_pos.store.fair_models import ImportLog

__all__ = ["Acc", "Scope", "Collected", "snapshot", "collect", "to_date", "where_sql"]
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


#: The summed columns of ``sale_total`` in the order ``_add_sales`` takes them.
SALE_SUMS = ("sales", "total_satang", "items", "voids", "void_satang", "void_items", "refunds", "refund_satang",
             "refund_items")


def _scan(s: Session, sc: Scope, table: str, keys: str, values: str) -> list[Any]:
    """``SELECT keys, values FROM table WHERE <scope> GROUP BY keys`` over a totals table."""
    where, params = where_sql(s, sc, table)
    return list(s.execute(text(f"SELECT {keys}, {values} FROM {table} WHERE {where} GROUP BY {keys}"), params))


def _sales_by_vendor_day(sc: Scope) -> Job:
    return lambda s: _scan(s, sc, "sale_total", "vendor_id, business_date", ", ".join(f"sum({c})" for c in SALE_SUMS))


def _sales_by_hour(sc: Scope) -> Job:
    return lambda s: _scan(s, sc, "sale_total", "hour", ", ".join(f"sum({c})" for c in SALE_SUMS))


def _payments(sc: Scope) -> Job:
    return lambda s: _scan(s, sc, "payment_total", "method", "sum(payments), sum(amount_satang), sum(voids), "
                           "sum(void_satang), sum(refunds), sum(refund_satang)")


def _products(sc: Scope) -> Job:
    """Per (vendor, SKU): net quantity, net income, lines that stand, the product type as registered (else as
    sold)."""
    def run(s: Session) -> tuple[list[Any], list[Any]]:
        rows = _scan(s, sc, "product_total", "vendor_id, sku",
                     "sum(qty) - sum(void_qty) - sum(refund_qty), sum(net_satang) - sum(void_satang) - "
                     "sum(refund_satang), sum(lines) - sum(void_lines), min(product_type)")
        where, params = where_sql(s, sc, "p")
        where = where.split(" AND ")[0] + (" AND p.vendor_id = :vid" if sc.vendor_id is not None else "")
        registered = list(s.execute(text(f"SELECT p.vendor_id, p.sku, p.product_type FROM product p "
                                         f"WHERE {where}"), params))
        return rows, registered
    return run


def where_sql(s: Session, sc: Scope, alias: str) -> tuple[str, dict[str, Any]]:
    """The WHERE clause (fairs, dates unless whole, vendor) on table ``alias``, and its parameters."""
    sqlite = s.get_bind().dialect.name == "sqlite"
    fairs = ", ".join(f":f{k}" for k in range(len(sc.fair_ids)))
    params: dict[str, Any] = {f"f{k}": fid for k, fid in enumerate(sc.fair_ids)}
    where = [f"{alias}.fair_id IN ({fairs})"]
    if set(sc.fair_ids) - sc.whole:
        where.append(f"{alias}.business_date BETWEEN :first AND :last")
        params.update(first=sc.first.isoformat() if sqlite else sc.first,
                      last=sc.last.isoformat() if sqlite else sc.last)
    if sc.vendor_id is not None:
        where.append(f"{alias}.vendor_id = :vid")
        params["vid"] = sc.vendor_id
    return " AND ".join(where), params


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


def _add_sales(acc: Acc, n: int, amount: int, items: int, void_n: int, voids: int, void_items: int,
               refund_n: int, refunds: int, refund_items: int) -> None:
    """Add one ``sale_total`` group (sales, voids and refunds with their items) to ``acc``."""
    acc.sale(n, amount, items - void_items - refund_items)
    acc.void(void_n, voids)
    acc.refund(refund_n, refunds)


def _merge(results: dict[str, Any]) -> Collected:
    """Sum the groups of every query into per-(vendor, day), per-hour, per-method and per-product sums.
    (Sums of non-empty groups are never NULL, so the values are used as they come.)"""
    c = Collected()
    days: dict[Any, date] = {}
    vd = c.vendor_day
    for vid, d, *sums in results["sales"]:
        found = days.get(d)
        if found is None:
            found = days[d] = to_date(d)
        _add_sales(vd[vid, found], *(int(x) for x in sums))
    if "hours" in results:
        for h, *sums in results["hours"]:
            _add_sales(c.hours[int(h)], *(int(x) for x in sums))
    for m, n, amount, void_n, voids, refund_n, refunds in results["payments"]:
        acc = c.methods.setdefault(m, Acc())
        acc.sale(int(n), int(amount), 0)
        acc.void(int(void_n), int(voids))
        acc.refund(int(refund_n), int(refunds))
    rows, registered = results["products"]
    products = c.products
    for vid, sku, qty, net, lines, sold_as in rows:
        products[vid, sku] = [sold_as or "", int(qty), int(net), int(lines)]
    for vid, sku, ptype in registered:
        known = products.get((vid, sku))
        if known is not None:
            known[0] = ptype
    return c
