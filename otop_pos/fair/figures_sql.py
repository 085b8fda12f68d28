"""The SQL aggregates behind the organiser report: sales, voids and refunds per vendor and day, per hour,
per payment method and per product — GROUP BY in the database, only the groups come back.

The four big scans (sales per vendor and day, sales per hour, payments per vendor and method, sale lines per
vendor and SKU) each read one narrow covering index of migration f0002 in the order of their GROUP BY, so
SQLite streams the groups instead of sorting millions of rows; on SQLite the index is named (``INDEXED BY``)
because the planner otherwise takes the (fair, date) index and sorts. A fair whose every day is in the
period needs no date filter (the import refuses documents dated outside the fair); for part of a fair the
date is a filter on the index, written ``+business_date`` on SQLite so that it does not change the index's
use. Voids and refunds (~1 % of the documents) are read in a few joined queries grouped by vendor, date,
hour, SKU and method at once.

On SQLite the scans run side by side on their own connections (one thread each); every connection first
counts the import log, and the results are used only when all counts agree (imports only ever add log
rows, in the same transaction as their documents), else the whole collection runs again. On PostgreSQL one
REPEATABLE READ transaction reads everything (the server parallelises the scans itself).
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

from sqlalchemy import ColumnElement, Integer, func, literal_column, select, text
from sqlalchemy.orm import Session

from otop_pos.fair.store import FairStore
from otop_pos.store.fair_models import ImportLog, SaleLine

__all__ = ["Acc", "Scope", "Collected", "snapshot", "collect", "hour_of", "to_date", "where_sql", "HOUR_SQLITE",
           "HOUR_PG"]

#: Hour of day in Bangkok of a UTC 'YYYY-MM-DD HH:MM:SS.ffffff' SQLite timestamp (Thailand has no DST).
#: Written exactly as in the expression index ``ix_sale_report_hour`` (SQLite matches the expression).
HOUR_SQLITE = "((CAST(substr(created_at, 12, 2) AS INTEGER) + 7) % 24)"
HOUR_PG = "CAST(EXTRACT(HOUR FROM created_at AT TIME ZONE 'Asia/Bangkok') AS INTEGER)"
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


def hour_of(s: Session, table: Any) -> ColumnElement[int]:
    """The Bangkok hour of ``table.created_at`` as a column expression for the dialect in use."""
    col = f"{table.__tablename__}.created_at"
    if s.get_bind().dialect.name == "sqlite":
        return literal_column(HOUR_SQLITE.replace("created_at", col), Integer)
    return literal_column(HOUR_PG.replace("created_at", col), Integer)


def _scan(s: Session, sc: Scope, table: str, index: str, columns: str, group_by: str) -> list[Any]:
    """``SELECT columns FROM table … GROUP BY group_by`` per fair, reading ``index`` on SQLite."""
    sqlite = s.get_bind().dialect.name == "sqlite"
    source = f"{table} INDEXED BY {index}" if sqlite else table
    rows: list[Any] = []
    for fid in sc.fair_ids:
        where = ["fair_id = :fid"]
        params: dict[str, Any] = {"fid": fid}
        if sc.vendor_id is not None:
            where.append("vendor_id = :vid")
            params["vid"] = sc.vendor_id
        if fid not in sc.whole:
            where.append(f"{'+' if sqlite else ''}business_date BETWEEN :first AND :last")
            params.update(first=sc.first.isoformat() if sqlite else sc.first,
                          last=sc.last.isoformat() if sqlite else sc.last)
        rows += s.execute(text(f"SELECT {columns} FROM {source} WHERE {' AND '.join(where)} GROUP BY {group_by}"),
                          params).all()
    return rows


def _hour_sql(s: Session) -> str:
    return HOUR_SQLITE if s.get_bind().dialect.name == "sqlite" else HOUR_PG


def _sales_by_vendor_day(sc: Scope) -> Job:
    return lambda s: _scan(s, sc, "sale", "ix_sale_report_vendor_day",
                           "vendor_id, business_date, count(*), sum(total_satang), sum(item_count)",
                           "vendor_id, business_date")


def _sales_by_hour(sc: Scope) -> Job:
    return lambda s: _scan(s, sc, "sale", "ix_sale_report_hour",
                           f"{_hour_sql(s)}, count(*), sum(total_satang), sum(item_count)", _hour_sql(s))


def _payments(sc: Scope) -> Job:
    return lambda s: _scan(s, sc, "payment", "ix_payment_report_vendor_method",
                           "method, count(*), sum(amount_satang)", "vendor_id, method")


def _lines(sc: Scope) -> Job:
    return lambda s: _scan(s, sc, "sale_line", "ix_sale_line_report_product",
                           "vendor_id, sku, sum(qty), sum(net_satang), count(*)", "vendor_id, sku")


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


def _adjustments(sc: Scope, part: str) -> Job:
    """Voids (``part="voids"``) or refunds (``"refunds"``, with the registered product types), with their lines
    and payments, grouped by vendor, date, hour, SKU and method (textual SQL: tens of thousands of small
    groups come back without per-value conversions)."""
    def run(s: Session) -> dict[str, list[Any]]:
        hour = _hour_sql(s)
        vh, rh = hour.replace("created_at", "v.created_at"), hour.replace("created_at", "r.created_at")
        vw, params = where_sql(s, sc, "v")
        rw, _ = where_sql(s, sc, "r")
        lw, _ = where_sql(s, sc, "rl")
        pw, _ = where_sql(s, sc, "p")
        queries = {
            "voids": f"SELECT v.vendor_id, v.business_date, {vh}, count(*), sum(v.amount_satang) FROM void v "
                     f"WHERE {vw} GROUP BY v.vendor_id, v.business_date, {vh}",
            "void_lines": f"SELECT v.vendor_id, v.business_date, {vh}, l.sku, sum(l.qty), sum(l.net_satang), "
                          f"count(*) FROM void v JOIN sale_line l ON l.sale_id = v.sale_id WHERE {vw} "
                          f"GROUP BY v.vendor_id, v.business_date, {vh}, l.sku",
            "void_payments": f"SELECT pm.method, count(*), sum(pm.amount_satang) FROM void v JOIN payment pm "
                             f"ON pm.sale_id = v.sale_id WHERE {vw} GROUP BY pm.method",
            "refunds": f"SELECT r.vendor_id, r.business_date, {rh}, r.method, count(*), sum(r.amount_satang) "
                       f"FROM refund r WHERE {rw} GROUP BY r.vendor_id, r.business_date, {rh}, r.method",
            "refund_lines": f"SELECT rl.vendor_id, rl.business_date, {rh}, l.sku, sum(rl.qty), "
                            f"sum(rl.amount_satang) FROM refund_line rl JOIN refund r ON r.id = rl.refund_id "
                            f"JOIN sale_line l ON l.sale_id = rl.sale_id AND l.line_no = rl.line_no WHERE {lw} "
                            f"GROUP BY rl.vendor_id, rl.business_date, {rh}, l.sku",
            "registered": f"SELECT p.vendor_id, p.sku, p.product_type FROM product p WHERE {pw.split(' AND ')[0]}"
                          + (" AND p.vendor_id = :vid" if sc.vendor_id is not None else ""),
        }
        names = ("voids", "void_lines", "void_payments") if part == "voids" else \
            ("refunds", "refund_lines", "registered")
        return {name: list(s.execute(text(queries[name]), params).all()) for name in names}
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
    jobs: dict[str, Job] = {"lines": _lines(sc), "voids": _adjustments(sc, "voids"),
                            "sales": _sales_by_vendor_day(sc)}
    if hours:
        jobs["hours"] = _sales_by_hour(sc)
    jobs.update(payments=_payments(sc), refunds=_adjustments(sc, "refunds"))
    jobs.update({f"extra:{name}": job for name, job in (extra or {}).items()})
    results = None
    if store.is_sqlite:
        for _attempt in range(ATTEMPTS):
            results = _run_parallel(store, jobs)
            if results is not None:
                break
    if results is None:
        results = {name: job(s) for name, job in jobs.items()}
    c = _merge(s, sc, results)
    c.extra = {name.split(":", 1)[1]: r for name, r in results.items() if name.startswith("extra:")}
    return c


def _merge(s: Session, sc: Scope, results: dict[str, Any]) -> Collected:
    """Sum the groups of every query into per-(vendor, day), per-hour, per-method and per-product sums.
    (Sums and counts of non-empty groups are never NULL, so the values are used as they come.)"""
    lines, sales, payments = results["lines"], results["sales"], results["payments"]
    adj = {**results["voids"], **results["refunds"]}
    hours = "hours" in results
    c = Collected()
    days: dict[Any, date] = {}

    def day(value: Any) -> date:
        found = days.get(value)
        if found is None:
            found = days[value] = to_date(value)
        return found

    vd, hr, products = c.vendor_day, c.hours, c.products
    for vid, d, n, amt, items in sales:
        vd[vid, day(d)].sale(int(n), int(amt), int(items))
    for vid, sku, qty, net, n in lines:
        products[vid, sku] = ["", int(qty), int(net), int(n)]
    for m, n, amt in payments:
        c.methods.setdefault(m, Acc()).sale(int(n), int(amt), 0)
    if hours:
        for h, n, amt, items in results["hours"]:
            hr[int(h)].sale(int(n), int(amt), int(items))
    for vid, d, h, n, amt in adj["voids"]:
        vd[vid, day(d)].void(int(n), int(amt))
        if hours:
            hr[int(h)].void(int(n), int(amt))
    for vid, d, h, sku, qty, net, n in adj["void_lines"]:
        vd[vid, day(d)].items -= int(qty)
        if hours:
            hr[int(h)].items -= int(qty)
        entry = c.product(vid, sku)
        entry[1] -= int(qty)
        entry[2] -= int(net)
        entry[3] -= int(n)
    for m, n, amt in adj["void_payments"]:
        c.methods.setdefault(m, Acc()).void(int(n), int(amt))
    for vid, d, h, m, n, amt in adj["refunds"]:
        vd[vid, day(d)].refund(int(n), int(amt))
        if hours:
            hr[int(h)].refund(int(n), int(amt))
        c.methods.setdefault(m, Acc()).refund(int(n), int(amt))
    for vid, d, h, sku, qty, amt in adj["refund_lines"]:
        vd[vid, day(d)].items -= int(qty)
        if hours:
            hr[int(h)].items -= int(qty)
        entry = c.product(vid, sku)
        entry[1] -= int(qty)
        entry[2] -= int(amt)
    for vid, sku, ptype in adj["registered"]:
        known = products.get((vid, sku))
        if known is not None:
            known[0] = ptype
    for (vid, sku), entry in products.items():
        if not entry[0]:  # sold but not in the registry: the type it was sold with
            entry[0] = s.scalar(select(SaleLine.product_type).where(
                SaleLine.fair_id.in_(sc.fair_ids), SaleLine.vendor_id == vid, SaleLine.sku == sku).limit(1)) or ""
    return c
