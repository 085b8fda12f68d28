"""The document rows the import writes, derived from the fair store's SQLAlchemy tables.

Each document table is filled from one export member (``SPECS``): a column named like a field of the
member's row class takes that field's value, encoded by the column's own type for the database (the bind
processors of ``otop_pos.store.types`` and SQLAlchemy's types: ISO text for dates and UTC times on SQLite,
objects on PostgreSQL). The writer gives the keys (``KEYS``: ids, fair, vendor, till, import, parent ids) and
the import computes the few columns the file holds otherwise (``RowSpec.computed``). So a column added to a
table and to the export's row class reaches the store with no change here, in ``prepare`` or in ``writer``.

Rows are built by a function generated once per table and database from the column list (the speed of a
hand-written tuple), and inserted by the driver's executemany with a statement compiled by SQLAlchemy Core
from the table.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from functools import cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Date, Table, bindparam, column, insert, update
from sqlalchemy import table as table_clause
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect

from otop_pos.exchange.export_rows import MEMBERS
from otop_pos.store.fair_models import FairBase

__all__ = ["KEYS", "RowSpec", "SPECS", "columns", "row_maker", "insert_rows", "update_rows", "dialect_named"]

#: Columns the writer fills from the store (ids, the file's fair, vendor and till, the import, the parents).
KEYS = frozenset({"id", "fair_id", "vendor_id", "till_id", "import_id", "sale_id", "refund_id"})


@dataclass(frozen=True)
class RowSpec:
    """One document table and the export member it is filled from. ``computed``: columns the import derives
    (passed after the row, in this order); ``fixed``: columns a later export of the same row never changes."""

    table: str
    member: str
    computed: tuple[str, ...] = ()
    fixed: tuple[str, ...] = ()

    @property
    def sa_table(self) -> Table:
        """The SQLAlchemy table."""
        return FairBase.metadata.tables[self.table]

    def at(self, column: str) -> int:
        """The position of ``column`` in the rows ``row_maker`` builds."""
        return columns(self).index(column)


SPECS = {s.table: s for s in (
    RowSpec("sale", "sales.csv"),
    RowSpec("sale_line", "lines.csv", ("business_date",)),
    RowSpec("payment", "payments.csv", ("pay_no", "business_date")),
    RowSpec("void", "voids.csv"),
    RowSpec("refund", "refunds.csv"),
    RowSpec("refund_line", "refund_lines.csv", ("business_date",)),
    RowSpec("till_day", "days.csv", ("counts_json", "by_method_json"), ("uuid", "business_date", "opened_at")),
)}


def _row_class(spec: RowSpec) -> type:
    return MEMBERS[spec.member][0]


@cache
def columns(spec: RowSpec) -> tuple[str, ...]:
    """The columns the import takes from the file, in table order: every column but the keys that the row
    class has a field for or that the import computes. A column the file cannot fill must have a server
    default or be nullable (it is left out of the insert)."""
    names = {f.name for f in fields(_row_class(spec))} | set(spec.computed)
    out = []
    for col in spec.sa_table.columns:
        if col.name in KEYS:
            continue
        if col.name in names:
            out.append(col.name)
        elif col.default is not None or not (col.nullable or col.server_default is not None):
            raise TypeError(f"{spec.table}.{col.name}: not in the export's {spec.member} and not computed by "
                            "the import (give it a server default, make it nullable, or add it to the export)")
    missing = set(spec.computed) - set(out)
    if missing:
        raise TypeError(f"{spec.table}: computed columns {sorted(missing)} are not in the table")
    return tuple(out)


@cache
def dialect_named(name: str) -> Dialect:
    """A dialect to encode values and compile statements for ("sqlite" or "postgresql"; psycopg, with
    positional ``%s`` parameters like the ``?`` of sqlite3)."""
    return sqlite.dialect() if name == "sqlite" else postgresql.psycopg.dialect(paramstyle="format")  # type: ignore[no-untyped-call]


def _memo(process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``process`` remembered per value (dates: a fair has a handful)."""
    seen: dict[Any, Any] = {}

    def run(value: Any) -> Any:
        try:
            return seen[value]
        except KeyError:
            out = seen[value] = process(value)
            return out
    return run


@cache
def row_maker(spec: RowSpec, dialect: str, lead: int = 0) -> Callable[..., tuple[Any, ...]]:
    """``make(*lead values, row, *computed)``: the ``lead`` values (kept as given, for the writer) followed by
    the values of ``columns(spec)`` for one export row (its fields by name, the computed values passed after
    it), each encoded by its column's type for ``dialect``."""
    d = dialect_named(dialect)
    table = spec.sa_table
    env: dict[str, Any] = {}
    parts = []
    for i, name in enumerate(columns(spec)):
        value = f"c{spec.computed.index(name)}" if name in spec.computed else f"r.{name}"
        process = table.c[name].type.dialect_impl(d).bind_processor(d)
        if process is not None:
            env[f"p{i}"] = _memo(process) if isinstance(table.c[name].type, Date) else process
            value = f"p{i}({value})"
        parts.append(value)
    args = [f"a{k}" for k in range(lead)] + ["r"] + [f"c{k}" for k in range(len(spec.computed))]
    values = [f"a{k}" for k in range(lead)] + parts
    source = f"def make({', '.join(args)}):\n    return ({', '.join(values)},)\n"
    exec(compile(source, f"<import row of {spec.table}>", "exec"), env)  # noqa: S102 - code from column names
    return env["make"]  # type: ignore[no-any-return]


@cache
def _insert(dialect: str, table: str, given: tuple[str, ...]) -> str:
    """The INSERT of the ``given`` columns of ``table``, in that order, compiled by Core for ``dialect`` (on a
    view of the table holding just those columns, so that the parameters come in the rows' order)."""
    t = FairBase.metadata.tables[table]
    view = table_clause(t.name, *[column(name, t.c[name].type) for name in given])
    compiled = insert(view).compile(dialect=dialect_named(dialect), column_keys=list(given))
    if tuple(compiled.positiontup or ()) != given:
        raise TypeError(f"INSERT INTO {table}: parameters {compiled.positiontup} are not the columns {given}")
    return compiled.string


def insert_rows(conn: Connection, spec: RowSpec, keys: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    """Insert ``rows`` (``keys`` values, then the ``columns(spec)`` values) with one executemany."""
    if rows:
        conn.exec_driver_sql(_insert(conn.dialect.name, spec.table, tuple(keys) + columns(spec)), rows)


@cache
def _update(dialect: str, spec: RowSpec) -> tuple[str, Callable[[Any], tuple[Any, ...]]]:
    cols = columns(spec)
    table = spec.sa_table
    stmt = update(table).where(table.c.uuid == bindparam("key_uuid")).values(
        {c: bindparam(c) for c in cols if c not in spec.fixed})
    compiled = stmt.compile(dialect=dialect_named(dialect))
    given = cols + ("key_uuid",)
    return compiled.string, itemgetter(*[given.index(name) for name in compiled.positiontup or ()])


def update_rows(conn: Connection, spec: RowSpec, rows: list[tuple[Any, ...]]) -> None:
    """Update the rows (``columns(spec)`` values) found by their ``uuid``: every column but the fixed ones."""
    if not rows:
        return
    sql, reorder = _update(conn.dialect.name, spec)
    uuid_at = spec.at("uuid")
    conn.exec_driver_sql(sql, [reorder(r + (r[uuid_at],)) for r in rows])
