"""Report totals kept by the import, so that the organiser report reads a few hundred thousand rows instead
of millions of documents:

- ``sale_total``: per vendor, business date and Bangkok hour, the sales made then, the voids made then (with
  the items of the voided sales) and the refunds made then (with the items given back);
- ``payment_total``: per vendor, payment method and date, the payments of the sales, of the voided sales and
  the refunds paid out;
- ``product_total``: per vendor, SKU and date, the lines sold, the lines of voided sales and what was given
  back, with a name and product type the product was sold under.

A void or refund counts on its own date and hour, as in the booth's own report. The import adds the totals of
the documents it inserts in the same transaction (``add_imported``), so a committed import and its totals
are one and a refused or rolled-back import leaves both as they were. ``rebuild`` computes the totals afresh
from the documents; ``differences`` compares what is stored with a fresh computation (``fair verify``).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from otop_pos.fair.fairs import find_fair
from otop_pos.fair.store import FairStore

__all__ = ["HOUR_SQLITE", "HOUR_PG", "hour_sql", "add_imported", "rebuild", "differences", "Difference",
           "TotalsCheck", "verify_totals"]

#: Hour of day in Bangkok of a UTC 'YYYY-MM-DD HH:MM:SS.ffffff' SQLite timestamp (Thailand has no DST).
HOUR_SQLITE = "((CAST(substr(created_at, 12, 2) AS INTEGER) + 7) % 24)"
HOUR_PG = "CAST(EXTRACT(HOUR FROM created_at AT TIME ZONE 'Asia/Bangkok') AS INTEGER)"
#: The kinds of document an import adds totals for.
SALE, VOID, REFUND = "sale", "void", "refund"


def hour_sql(dialect: str, column: str = "created_at") -> str:
    """The Bangkok hour of the timestamp ``column`` as SQL for ``dialect`` ("sqlite" or "postgresql")."""
    return (HOUR_SQLITE if dialect == "sqlite" else HOUR_PG).replace("created_at", column)


@dataclass(frozen=True)
class _Table:
    """A totals table: its key columns, the columns it sums and the columns set once when a row is made."""

    name: str
    keys: tuple[str, ...]
    sums: tuple[str, ...]
    kept: tuple[str, ...] = ()

    def upsert(self, dialect: str, parts: list[tuple[_Part, str]]) -> str:
        """One statement that adds the totals of every (part, WHERE clause) to the table: the parts' groups
        summed per key, rows made when missing, taken in key order. An import writes the three tables in
        this order with one such statement each, so two desks adding to the same rows (two tills of one
        vendor) lock them in the same order and never deadlock."""
        union = " UNION ALL ".join(part.select(dialect, where) for part, where in parts)
        keys = ", ".join(self.keys)
        values = ", ".join([f"sum({c})" for c in self.sums] + [f"min({c})" for c in self.kept])
        add = ", ".join(f"{c} = {self.name}.{c} + excluded.{c}" for c in self.sums)
        return (f"INSERT INTO {self.name} ({', '.join(self.keys + self.sums + self.kept)}) "
                f"SELECT {keys}, {values} FROM ({union}) AS docs WHERE 1 = 1 GROUP BY {keys} ORDER BY {keys} "
                f"ON CONFLICT ({keys}) DO UPDATE SET {add}")


@dataclass(frozen=True)
class _Part:
    """What one kind of document adds to one totals table: ``source`` (FROM and JOINs) grouped by the
    ``keys`` expressions, with an aggregate per summed column (the other sums get 0). ``doc`` names the
    alias (``s``, ``v``, ``r``…) whose ``till_id`` and id column pick an import's new rows."""

    table: _Table
    kind: str
    source: str
    doc: tuple[str, str]  # (alias, id column) that an import's new rows are picked by
    keys: tuple[str, ...]
    values: dict[str, str]

    def select(self, dialect: str, where: str) -> str:
        """One row per key: the key, every summed column (0 where this part adds nothing), the kept ones,
        named as the table's columns."""
        keys = [hour_sql(dialect, k[5:]) if k.startswith("hour:") else k for k in self.keys]
        t = self.table
        values = [f"{self.values.get(c, '0')} AS {c}" for c in t.sums + t.kept]
        named = [f"{k} AS {c}" for k, c in zip(keys, t.keys)]
        return f"SELECT {', '.join(named + values)} FROM {self.source} WHERE {where} GROUP BY {', '.join(keys)}"

    def where(self, *, fair: bool = False, imported: bool = False) -> str:
        """The rows of one fair (``:f``), of one import (till ``:t``, ids ``:<kind>_lo``..``:<kind>_hi``) or
        all. (The till row is locked by the import, and ids only grow, so the till's rows in the id range
        are exactly the ones the import inserted, also when other desks insert between them.)"""
        alias, id_col = self.doc
        if imported:
            return f"{alias}.till_id = :t AND {id_col} BETWEEN :{self.kind}_lo AND :{self.kind}_hi"
        return f"{alias}.fair_id = :f" if fair else "1 = 1"


SALE_TOTAL = _Table("sale_total", ("fair_id", "vendor_id", "business_date", "hour"),
                    ("sales", "total_satang", "items", "voids", "void_satang", "void_items", "refunds",
                     "refund_satang", "refund_items"))
PAYMENT_TOTAL = _Table("payment_total", ("fair_id", "vendor_id", "method", "business_date"),
                       ("payments", "amount_satang", "voids", "void_satang", "refunds", "refund_satang"))
PRODUCT_TOTAL = _Table("product_total", ("fair_id", "vendor_id", "sku", "business_date"),
                       ("lines", "qty", "net_satang", "void_lines", "void_qty", "void_satang", "refund_qty",
                        "refund_satang"), ("name", "product_type"))
_LINE_OF = {"name": "min(l.name)", "product_type": "min(l.product_type)"}
PARTS = (
    _Part(SALE_TOTAL, SALE, "sale s", ("s", "s.id"),
          ("s.fair_id", "s.vendor_id", "s.business_date", "hour:s.created_at"),
          {"sales": "count(*)", "total_satang": "sum(s.total_satang)", "items": "sum(s.item_count)"}),
    _Part(SALE_TOTAL, VOID, "void v", ("v", "v.id"),
          ("v.fair_id", "v.vendor_id", "v.business_date", "hour:v.created_at"),
          {"voids": "count(*)", "void_satang": "sum(v.amount_satang)",
           "void_items": "sum((SELECT coalesce(sum(l.qty), 0) FROM sale_line l WHERE l.sale_id = v.sale_id))"}),
    _Part(SALE_TOTAL, REFUND, "refund r", ("r", "r.id"),
          ("r.fair_id", "r.vendor_id", "r.business_date", "hour:r.created_at"),
          {"refunds": "count(*)", "refund_satang": "sum(r.amount_satang)",
           "refund_items": "sum((SELECT coalesce(sum(rl.qty), 0) FROM refund_line rl WHERE rl.refund_id = r.id))"}),
    _Part(PAYMENT_TOTAL, SALE, "payment p", ("p", "p.sale_id"),
          ("p.fair_id", "p.vendor_id", "p.method", "p.business_date"),
          {"payments": "count(*)", "amount_satang": "sum(p.amount_satang)"}),
    _Part(PAYMENT_TOTAL, VOID, "void v JOIN payment p ON p.sale_id = v.sale_id", ("v", "v.id"),
          ("v.fair_id", "v.vendor_id", "p.method", "v.business_date"),
          {"voids": "count(*)", "void_satang": "sum(p.amount_satang)"}),
    _Part(PAYMENT_TOTAL, REFUND, "refund r", ("r", "r.id"),
          ("r.fair_id", "r.vendor_id", "r.method", "r.business_date"),
          {"refunds": "count(*)", "refund_satang": "sum(r.amount_satang)"}),
    _Part(PRODUCT_TOTAL, SALE, "sale_line l", ("l", "l.sale_id"),
          ("l.fair_id", "l.vendor_id", "l.sku", "l.business_date"),
          {"lines": "count(*)", "qty": "sum(l.qty)", "net_satang": "sum(l.net_satang)", **_LINE_OF}),
    _Part(PRODUCT_TOTAL, VOID, "void v JOIN sale_line l ON l.sale_id = v.sale_id", ("v", "v.id"),
          ("v.fair_id", "v.vendor_id", "l.sku", "v.business_date"),
          {"void_lines": "count(*)", "void_qty": "sum(l.qty)", "void_satang": "sum(l.net_satang)", **_LINE_OF}),
    _Part(PRODUCT_TOTAL, REFUND, "refund_line rl JOIN sale_line l ON l.sale_id = rl.sale_id AND "
          "l.line_no = rl.line_no", ("rl", "rl.refund_id"),
          ("rl.fair_id", "rl.vendor_id", "l.sku", "rl.business_date"),
          {"refund_qty": "sum(rl.qty)", "refund_satang": "sum(rl.amount_satang)", **_LINE_OF}),
)
TABLES = (SALE_TOTAL, PAYMENT_TOTAL, PRODUCT_TOTAL)


def add_imported(conn: Connection, till_id: int, ids: dict[str, tuple[int, int]]) -> None:
    """Add the documents an import has just inserted, in its transaction, to the totals: of till ``till_id``,
    per kind ("sale", "void", "refund") the ids from the first to the last inserted."""
    params: dict[str, Any] = {"t": till_id}
    for kind, (lo, hi) in ids.items():
        params.update({f"{kind}_lo": lo, f"{kind}_hi": hi})
    for table in TABLES:
        parts = [(p, p.where(imported=True)) for p in PARTS if p.table is table and p.kind in ids]
        if parts:
            conn.execute(text(table.upsert(conn.dialect.name, parts)), params)


def rebuild(conn: Connection, fair_id: int | None = None) -> None:
    """Compute the totals of one fair (or every fair) afresh from its documents, in the caller's transaction."""
    params = {"f": fair_id} if fair_id is not None else {}
    for table in TABLES:
        conn.execute(text(f"DELETE FROM {table.name} WHERE {'fair_id = :f' if params else '1 = 1'}"), params)
        parts = [(p, p.where(fair=bool(params))) for p in PARTS if p.table is table]
        conn.execute(text(table.upsert(conn.dialect.name, parts)), params)


@dataclass(frozen=True)
class Difference:
    """A totals row that differs from a fresh computation: ``stored`` or ``computed`` is None when missing."""

    table: str
    key: tuple[Any, ...]
    stored: tuple[int, ...] | None
    computed: tuple[int, ...] | None


def differences(conn: Connection, fair_id: int | None = None) -> list[Difference]:
    """Every totals row of one fair (or every fair) that is missing, extra or different (its sums)."""
    d = conn.dialect.name
    params = {"f": fair_id} if fair_id is not None else {}
    out: list[Difference] = []
    for table in TABLES:
        n, m = len(table.keys), len(table.sums)
        fresh: dict[tuple[Any, ...], list[int]] = {}
        for part in PARTS:
            if part.table is table:
                for row in conn.execute(text(part.select(d, part.where(fair=bool(params)))), params):
                    sums = fresh.setdefault(_key(row[:n]), [0] * m)
                    for i, value in enumerate(row[n:n + m]):
                        sums[i] += int(value or 0)
        stored = {_key(r[:n]): tuple(int(x) for x in r[n:]) for r in conn.execute(text(
            f"SELECT {', '.join(table.keys + table.sums)} FROM {table.name} "
            f"WHERE {'fair_id = :f' if params else '1 = 1'}"), params)}
        computed = {k: tuple(v) for k, v in fresh.items()}
        for key in sorted(computed.keys() | stored.keys()):
            if computed.get(key) != stored.get(key):
                out.append(Difference(table.name, key, stored.get(key), computed.get(key)))
    return out


def _key(values: Any) -> tuple[Any, ...]:
    """A key as comparable plain values (dates as ISO text, whatever the driver returned)."""
    return tuple(v.isoformat() if hasattr(v, "isoformat") else v for v in values)


@dataclass(frozen=True)
class TotalsCheck:
    """What ``verify_totals`` found: the differences (before any repair) and whether they were repaired."""

    fair_id: int
    fair_name: str
    differences: tuple[Difference, ...]
    repaired: bool


def verify_totals(store: FairStore, fair_ref: str | None = None, *, repair: bool = False) -> TotalsCheck:
    """Compare one fair's report totals with a fresh computation from its documents; with ``repair``,
    compute them afresh when they differ (one transaction, retried like an import)."""
    with store.read() as s:
        fair = find_fair(s, fair_ref)
        fair_id, name = fair.id, fair.name

    def check(session: Session) -> TotalsCheck:
        found = tuple(differences(session.connection(), fair_id))
        if found and repair:
            rebuild(session.connection(), fair_id)
        return TotalsCheck(fair_id, name, found, bool(found) and repair)

    return store.transaction(check, snapshot=True)  # an import committing meanwhile makes it run again
