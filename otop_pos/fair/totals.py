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

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import (
    Column, ColumnElement, Connection, FromClause, Integer, Select, Table, bindparam, cast, delete, extract, func,
    literal_column, select, true, union_all,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import Insert

from otop_pos.fair.branches import repeated_closes
from otop_pos.fair.fairs import find_fair
from otop_pos.fair.store import FairStore
from otop_pos.store.fair_models import FairBase

__all__ = ["hour_of", "add_imported", "rebuild", "differences", "Difference", "TotalsCheck", "verify_totals",
           "TABLES", "PARTS", "TotalsTable"]

#: The kinds of document an import adds totals for.
SALE, VOID, REFUND = "sale", "void", "refund"
_T = FairBase.metadata.tables


def hour_of(dialect: str, column: ColumnElement[Any]) -> ColumnElement[int]:
    """The hour of day in Bangkok of the UTC timestamp ``column`` (Thailand has no DST): from the stored
    'YYYY-MM-DD HH:MM:SS.ffffff' text on SQLite, with the time zone on PostgreSQL."""
    if dialect == "sqlite":
        return (cast(func.substr(column, literal_column("12"), literal_column("2")), Integer)
                + literal_column("7")) % literal_column("24")
    return cast(extract("hour", func.timezone(literal_column("'Asia/Bangkok'"), column)), Integer)


@dataclass(frozen=True)
class TotalsTable:
    """A totals table read from its model: the key columns (its primary key), the columns it sums (marked
    ``info=adds(...)``) and the columns set once when a row is made (``info=kept(...)``)."""

    table: Table
    name: str = field(init=False)
    keys: tuple[str, ...] = field(init=False)
    sums: tuple[str, ...] = field(init=False)
    kept: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        t = self.table
        object.__setattr__(self, "name", t.name)
        object.__setattr__(self, "keys", tuple(c.name for c in t.primary_key.columns))
        object.__setattr__(self, "sums", tuple(c.name for c in t.columns if "total_kind" in c.info))
        object.__setattr__(self, "kept", tuple(c.name for c in t.columns if "kept" in c.info))
        unmarked = set(t.columns.keys()) - set(self.keys + self.sums + self.kept)
        if unmarked:
            raise TypeError(f"{t.name}: columns {sorted(unmarked)} are neither keys nor marked adds()/kept()")

    def upsert(self, dialect: str, parts: list[_Part], *, fair: bool = False, imported: bool = False) -> Insert:
        """One statement that adds the totals of every part (its documents of one fair, of one import or all,
        as in ``_Part.where``) to the table: the parts' groups summed per key, rows made when missing, taken
        in key order. An import writes the three tables in this order with one such statement each, so two
        desks adding to the same rows (two tills of one vendor) lock them in the same order and never
        deadlock."""
        docs = union_all(*[p.select(dialect, fair=fair, imported=imported) for p in parts]).subquery("docs")
        keys = [docs.c[k] for k in self.keys]
        grouped = (select(*keys, *[func.sum(docs.c[c]) for c in self.sums], *[func.min(docs.c[c]) for c in self.kept])
                   .where(true())  # SQLite: a WHERE keeps "ON CONFLICT" from being read as a join's ON
                   .group_by(*keys).order_by(*keys))
        ins = (sqlite.insert if dialect == "sqlite" else postgresql.insert)(self.table)
        ins = ins.from_select(list(self.keys + self.sums + self.kept), grouped)
        return ins.on_conflict_do_update(index_elements=list(self.keys),
                                         set_={c: self.table.c[c] + ins.excluded[c] for c in self.sums})


@dataclass(frozen=True, eq=False)
class _Part:
    """What one kind of document adds to one totals table: the rows of ``source`` (the first table's alias is
    the document or its detail that the import's new ids pick; JOINs bring the others) grouped by the table's
    keys. Each column the table marks for this kind gets count(*) or the sum of its document column, found in
    ``source`` or through ``via`` (a correlated subquery per row); the other sums get 0. A key column is taken
    from the first alias that has it (``hour``: the Bangkok hour of the first alias's ``created_at``)."""

    table: TotalsTable
    kind: str
    source: Callable[[], tuple[list[FromClause], FromClause]]  # (aliases, FROM with joins)
    via: dict[str, Callable[[list[FromClause], Column[Any]], ColumnElement[Any]]] = field(default_factory=dict)

    def _column(self, aliases: list[FromClause], ref: str) -> ColumnElement[Any]:
        table, column = ref.split(".")
        for a in aliases:
            if a.element.name == table:  # type: ignore[attr-defined]
                return a.c[column]
        return self.via[table](aliases, _T[table].c[column])

    def select(self, dialect: str, *, fair: bool = False, imported: bool = False) -> Select[Any]:
        """One row per key: the keys, every summed column (0 where this part adds nothing) and the kept ones,
        named as the table's columns, of the documents ``where`` picks."""
        aliases, source = self.source()
        doc = aliases[0]
        cols: list[ColumnElement[Any]] = []
        for k in self.table.keys:
            if k == "hour":
                cols.append(hour_of(dialect, doc.c.created_at).label(k))
            else:
                cols.append(next(a.c[k] for a in aliases if k in a.c).label(k))
        keys = list(cols)
        for name in self.table.sums + self.table.kept:
            info = self.table.table.c[name].info
            if "kept" in info:
                cols.append(func.min(self._column(aliases, info["kept"])).label(name))
            elif info["total_kind"] != self.kind:
                cols.append(literal_column("0").label(name))
            elif info.get("count"):
                if info["count"] != aliases[-1].element.name:  # type: ignore[attr-defined]
                    raise TypeError(f"{self.table.name}.{name} counts {info['count']} rows, but the {self.kind} "
                                    f"part's rows are {aliases[-1].element.name}'s")  # type: ignore[attr-defined]
                cols.append(func.count().label(name))
            else:
                cols.append(func.sum(self._column(aliases, info["sums"])).label(name))
        query = select(*cols).select_from(source).where(self.where(doc, fair=fair, imported=imported))
        return query.group_by(*[c.element for c in keys])  # type: ignore[attr-defined]

    def where(self, doc: FromClause, *, fair: bool = False, imported: bool = False) -> ColumnElement[bool]:
        """The rows of one fair (parameter ``f``), of one import (till ``t``, ids ``<kind>_lo``..``<kind>_hi``)
        or all. (The till row is locked by the import, and ids only grow, so the till's rows in the id range
        are exactly the ones the import inserted, also when other desks insert between them.)"""
        if imported:
            id_col = doc.c.id if doc.element.name == self.kind else doc.c[f"{self.kind}_id"]  # type: ignore[attr-defined]
            return (doc.c.till_id == bindparam("t")) & id_col.between(bindparam(f"{self.kind}_lo"),
                                                                      bindparam(f"{self.kind}_hi"))
        return doc.c.fair_id == bindparam("f") if fair else true()


def _src(*names: str, on: Callable[..., list[ColumnElement[bool]]] | None = None
         ) -> Callable[[], tuple[list[FromClause], FromClause]]:
    """The aliases of ``names`` (``s`` of sale…) and their FROM: the first joined to the others by ``on``."""
    def build() -> tuple[list[FromClause], FromClause]:
        aliases: list[FromClause] = [_T[n].alias(a) for n, a in zip(names, [_ALIAS[n] for n in names])]
        source: FromClause = aliases[0]
        if on is not None:
            for other, cond in zip(aliases[1:], on(*aliases)):
                source = source.join(other, cond)  # type: ignore[attr-defined]
        return aliases, source
    return build


_ALIAS = {"sale": "s", "void": "v", "refund": "r", "payment": "p", "sale_line": "l", "refund_line": "rl"}


def _per_row(parent: str, child_key: str) -> Callable[[list[FromClause], Column[Any]], ColumnElement[Any]]:
    """For a column of a detail table: the sum of it over the detail rows of the document row (0 if none)."""
    def build(aliases: list[FromClause], column: Column[Any]) -> ColumnElement[Any]:
        doc = aliases[0]
        detail = column.table
        return (select(func.coalesce(func.sum(column), literal_column("0"))).where(detail.c[child_key] == doc.c[parent])
                .scalar_subquery())
    return build


SALE_TOTAL, PAYMENT_TOTAL, PRODUCT_TOTAL = TABLES = (
    TotalsTable(_T["sale_total"]), TotalsTable(_T["payment_total"]), TotalsTable(_T["product_total"]))
PARTS = (
    _Part(SALE_TOTAL, SALE, _src("sale")),
    _Part(SALE_TOTAL, VOID, _src("void"), {"sale_line": _per_row("sale_id", "sale_id")}),
    _Part(SALE_TOTAL, REFUND, _src("refund"), {"refund_line": _per_row("id", "refund_id")}),
    _Part(PAYMENT_TOTAL, SALE, _src("payment")),
    _Part(PAYMENT_TOTAL, VOID, _src("void", "payment", on=lambda v, p: [p.c.sale_id == v.c.sale_id])),
    _Part(PAYMENT_TOTAL, REFUND, _src("refund")),
    _Part(PRODUCT_TOTAL, SALE, _src("sale_line")),
    _Part(PRODUCT_TOTAL, VOID, _src("void", "sale_line", on=lambda v, ln: [ln.c.sale_id == v.c.sale_id])),
    _Part(PRODUCT_TOTAL, REFUND, _src("refund_line", "sale_line", on=lambda rl, ln: [
        (ln.c.sale_id == rl.c.sale_id) & (ln.c.line_no == rl.c.line_no)])),
)


@cache
def _upsert(dialect: str, table: TotalsTable, kinds: tuple[str, ...], fair: bool, imported: bool) -> Insert:
    parts = [p for p in PARTS if p.table is table and p.kind in kinds]
    return table.upsert(dialect, parts, fair=fair, imported=imported)


@cache
def _fresh(dialect: str, part: _Part, fair: bool) -> Select[Any]:
    return part.select(dialect, fair=fair)


def add_imported(conn: Connection, till_id: int, ids: dict[str, tuple[int, int]]) -> None:
    """Add the documents an import has just inserted, in its transaction, to the totals: of till ``till_id``,
    per kind ("sale", "void", "refund") the ids from the first to the last inserted."""
    params: dict[str, Any] = {"t": till_id}
    for kind, (lo, hi) in ids.items():
        params.update({f"{kind}_lo": lo, f"{kind}_hi": hi})
    kinds = tuple(k for k in (SALE, VOID, REFUND) if k in ids)
    for table in TABLES:
        if any(p.table is table and p.kind in kinds for p in PARTS):
            conn.execute(_upsert(conn.dialect.name, table, kinds, False, True), params)


def rebuild(conn: Connection, fair_id: int | None = None) -> None:
    """Compute the totals of one fair (or every fair) afresh from its documents, in the caller's transaction."""
    params = {"f": fair_id} if fair_id is not None else {}
    for table in TABLES:
        t = table.table
        conn.execute(delete(t).where(t.c.fair_id == bindparam("f") if params else true()), params)
        conn.execute(_upsert(conn.dialect.name, table, (SALE, VOID, REFUND), bool(params), False), params)


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
                for row in conn.execute(_fresh(d, part, bool(params)), params):
                    sums = fresh.setdefault(_key(row[:n]), [0] * m)
                    for i, value in enumerate(row[n:n + m]):
                        sums[i] += int(value or 0)
        t = table.table
        query = select(*[t.c[c] for c in table.keys + table.sums])
        if params:
            query = query.where(t.c.fair_id == bindparam("f"))
        stored = {_key(r[:n]): tuple(int(x) for x in r[n:]) for r in conn.execute(query, params)}
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
    """Compare one fair's report totals with a fresh computation from its documents, and find a till day's
    close held twice by a copied till's branches (``till_day`` rows: stored n, should be 1); with ``repair``,
    compute the totals afresh and keep each close once (one transaction, retried like an import)."""
    with store.read() as s:
        fair = find_fair(s, fair_ref)
        fair_id, name = fair.id, fair.name

    def check(session: Session) -> TotalsCheck:
        conn = session.connection()
        found = tuple(differences(conn, fair_id))
        repeated = repeated_closes(conn, fair_id)  # each till day's close counted once in the cash table
        if found and repair:
            rebuild(conn, fair_id)
        if repeated and repair:
            conn.execute(delete(_T["till_day"]).where(_T["till_day"].c.id.in_([i for _k, ids in repeated
                                                                                 for i in ids])))
        found += tuple(Difference("till_day", key, (len(ids) + 1,), (1,)) for key, ids in repeated)
        return TotalsCheck(fair_id, name, found, bool(found) and repair)

    return store.transaction(check, snapshot=True)  # an import committing meanwhile makes it run again
