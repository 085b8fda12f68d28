"""Turning one verified export into row tuples for the bulk insert (no store access; columns: ``rows``).

Runs in the importing process or in a worker process (``prepare_export`` takes and returns only
picklable values). Every check that needs no store is done here: the signature, member hashes, CSV
and chain (by ``export_stream``, or ``read_export`` for a file not in the booth's layout), the identity in the
data against the manifest, and the fair's days.

Memory stays bounded whatever the file's size: the sales, lines and payments are read in batches of ``BATCH``
sales and their rows go to a ``Spool`` (pickled, in memory up to ``SPOOL_MEMORY`` bytes, then in a temporary
file the writer reads back batch by batch), so a worker hands the importing process a small ``Prepared``.
Of every document only its hash and UUID are kept (48 bytes), by seq.
"""
from __future__ import annotations

import errno
import importlib
import json
import os
import pickle
import tempfile
import time
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any, BinaryIO

from otop_pos.core.chain import GENESIS
from otop_pos.core.errors import ImportRefused, OtopError
from otop_pos.core.visible import visible
from otop_pos.exchange.export_format import ExportData, read_export
from otop_pos.exchange.export_orders import delivered_sales
from otop_pos.exchange.export_stream import ExportStream, HashColumn, NotStreamable, UuidColumn
from otop_pos.fair.import_checks import check_text, text_limits
from otop_pos.fair.rows import SPECS, row_maker

#: Sales per batch (with their lines and payments) from the reader to the writer.
BATCH = 2000
#: Pickled batches a spool keeps in memory before it moves to a temporary file.
SPOOL_MEMORY = 4 * 1024 * 1024

#: A spool's temporary file: ``otop-import-<pid of its writer>-<random>.spool`` in the temporary folder.
SPOOL_PREFIX, SPOOL_SUFFIX = "otop-import-", ".spool"
#: A spool file whose lock is free is left over from a killed run (``sweep_spools``) when its writer process is
#: gone, or when it is older than this (its writer's pid taken by another process; a file this young and
#: unlocked is being created right now).
SPOOL_GRACE_SECONDS = 60

#: Disk problems of the temporary folder (full, over quota, read-only, failing): never the vendor's file.
DISK_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EIO, errno.EFBIG})

_fcntl: Any = importlib.import_module("fcntl") if os.name == "posix" else None
#: Spool locks this process (a worker) still holds for spools it handed over, by path (``Spool.__getstate__``).
_HANDED: dict[str, int] = {}

#: One batch for the writer: (index in the file of its first sale, sale rows, line rows, payment rows); lines
#: and payments lead with the index of their sale within the batch.
Chunk = tuple[int, list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]


class SpoolDiskError(OtopError):
    """The temporary folder cannot take the spool (full, over quota, read-only, failing): the vendor's file
    is fine; free space there or set TMPDIR, then import again. ``reason`` "disk_full"."""

    reason = "disk_full"

    def __init__(self, th: str, en: str, reason: str = "disk_full") -> None:
        super().__init__(th, en)
        self.reason = reason


def disk_error(exc: OSError, folder: str | None = None) -> SpoolDiskError:
    """The bilingual message for ``exc`` met while spooling in ``folder`` (the temporary folder)."""
    where = folder or tempfile.gettempdir()
    what = os.strerror(exc.errno) if exc.errno else str(exc)
    return SpoolDiskError(
        f"ยังไม่ได้นำเข้า: โฟลเดอร์ชั่วคราว {where} เขียนไม่ได้ ({what}) ไฟล์ของบูธใช้ได้ตามปกติ "
        "กรุณาทำให้ดิสก์มีที่ว่าง หรือกำหนด TMPDIR เป็นโฟลเดอร์บนดิสก์ที่มีที่ว่าง แล้วนำเข้าอีกครั้ง",
        f"Not imported: the temporary folder {where} cannot be written ({what}); the booth's file is fine. "
        "Free space on that disk, or set TMPDIR to a folder on a disk with room, and import again.")


def _lock(path: str, how: int) -> int | None:
    """An open descriptor of ``path`` holding a ``flock`` of kind ``how`` (non-blocking), or None when the
    lock is held elsewhere (or locks are not available)."""
    if _fcntl is None:
        return None
    fd = os.open(path, os.O_RDONLY)
    try:
        _fcntl.flock(fd, how | _fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def _release_handed() -> None:
    """Close the locks of handed-over spools their reader has removed."""
    for path, fd in list(_HANDED.items()):
        if not os.path.exists(path):
            os.close(fd)
            del _HANDED[path]


class Spool:
    """Batches of rows, pickled: in memory up to ``SPOOL_MEMORY`` bytes, the rest in a temporary file (which
    ``discard`` removes). Picklable, so a worker process can hand it over; read back with ``chunks``.

    The temporary file is named after its writer's pid and carries a shared ``flock`` for its whole life
    (the writer's, then the reader's once handed over): a spool whose lock can be taken is a killed run's."""

    def __init__(self) -> None:
        self.memory: list[bytes] = []
        self.path: str | None = None
        self._held = 0
        self._fh: BinaryIO | None = None
        self._lock: int | None = None

    def add(self, chunk: Chunk) -> None:
        """Append one batch; ``SpoolDiskError`` when the temporary folder cannot take it."""
        data = pickle.dumps(chunk, pickle.HIGHEST_PROTOCOL)
        if self._fh is None and self.path is None and self._held + len(data) <= SPOOL_MEMORY:
            self.memory.append(data)
            self._held += len(data)
            return
        try:
            if self._fh is None:
                _release_handed()
                fd, self.path = tempfile.mkstemp(prefix=f"{SPOOL_PREFIX}{os.getpid()}-", suffix=SPOOL_SUFFIX)
                self._lock = _lock(self.path, _fcntl.LOCK_SH) if _fcntl is not None else None
                self._fh = os.fdopen(fd, "wb")
            self._fh.write(len(data).to_bytes(8, "little"))
            self._fh.write(data)
        except OSError as exc:
            if exc.errno in DISK_ERRORS:
                raise disk_error(exc, str(Path(self.path).parent) if self.path else None) from None
            raise

    def close(self) -> None:
        """Finish writing (before the spool is handed over); ``SpoolDiskError`` when the last bytes do not fit."""
        if self._fh is not None:
            fh, self._fh = self._fh, None
            try:
                fh.close()
            except OSError as exc:
                if exc.errno in DISK_ERRORS:
                    raise disk_error(exc, str(Path(self.path).parent) if self.path else None) from None
                raise

    def chunks(self) -> Iterator[Chunk]:
        """Every batch in the order it was added (again on every call)."""
        for data in self.memory:
            yield pickle.loads(data)  # noqa: S301 - written by this import, never by the file
        if self.path is not None:
            with open(self.path, "rb") as fh:
                while head := fh.read(8):
                    yield pickle.loads(fh.read(int.from_bytes(head, "little")))  # noqa: S301

    def discard(self) -> None:
        """Remove the temporary file (if any) and give up its lock."""
        try:
            self.close()
        except OtopError:
            pass  # removed below
        if self.path is not None:
            try:
                os.unlink(self.path)
            except FileNotFoundError:
                pass
            self.path = None
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None
        self.memory = []

    def __getstate__(self) -> dict[str, Any]:
        self.close()
        if self._lock is not None and self.path is not None:
            _HANDED[self.path] = self._lock  # held by this process until the reader removes the file
            self._lock = None
        return {"memory": self.memory, "path": self.path, "_held": self._held, "_fh": None, "_lock": None}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        if self.path is not None and _fcntl is not None:
            try:
                self._lock = _lock(self.path, _fcntl.LOCK_SH)
            except OSError:
                self._lock = None


def _alive(pid: int) -> bool:
    """Whether process ``pid`` runs (True when it cannot be told)."""
    if os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process
    return True


def sweep_spools(folder: str | None = None, now: float | None = None) -> list[str]:
    """Remove the spool files a killed import left in the temporary folder: those whose lock can be taken
    (no live import holds them) and whose writer process is gone, or that are older than
    ``SPOOL_GRACE_SECONDS``. Without ``flock`` (not POSIX): only files a day old of a writer that is gone.
    Returns their paths; a file that cannot be removed is left."""
    base = Path(folder or tempfile.gettempdir())
    now = time.time() if now is None else now
    removed = []
    for path in base.glob(f"{SPOOL_PREFIX}*{SPOOL_SUFFIX}"):
        writer = path.name[len(SPOOL_PREFIX):].split("-", 1)[0]
        lock = None
        try:
            age = now - path.stat().st_mtime
            gone = not (writer.isdigit() and _alive(int(writer)))
            if _fcntl is None:
                if age < 24 * 3600 or not gone:
                    continue
            else:
                if not gone and age < SPOOL_GRACE_SECONDS:
                    continue
                lock = _lock(str(path), _fcntl.LOCK_EX)
                if lock is None:
                    continue  # a live import's
            path.unlink()
        except OSError:
            continue
        finally:
            if lock is not None:
                os.close(lock)
        removed.append(str(path))
    return removed


@dataclass(frozen=True)
class OrderRows:
    """The orders of an export as read (few: kept whole)."""

    orders: tuple[Any, ...] = ()
    order_lines: tuple[Any, ...] = ()
    order_money: tuple[Any, ...] = ()
    order_events: tuple[Any, ...] = ()


@dataclass
class Prepared:
    """A verified export as rows of the columns ``rows.columns(spec)`` of each table (encoded for the
    database). ``spool``: the sales, lines and payments in batches (``Chunk``), sales by seq, with
    ``sale_seqs``; ``voids``/``refunds``: ``(sale_uuid, seq, *row)``; ``refund_lines``: ``(refund_index,
    sale_uuid, line_no, *row)``; ``days``: rows; ``hashes[s-1]``/``uuids[s-1]``: chain link of seq s;
    ``sale_index``: the index in the file of each sale a void or refund names."""

    path: str
    sha256: str
    size: int
    fair_uid: str
    vendor_code: str
    booth_code: str
    till_no: int
    till_uuid: str
    key_id: str
    export_seq: int
    created_at: datetime
    hashes: HashColumn = field(default_factory=HashColumn)
    uuids: UuidColumn = field(default_factory=UuidColumn)
    spool: Spool = field(default_factory=Spool)
    sale_seqs: array[int] = field(default_factory=lambda: array("q"))
    sale_index: dict[str, int] = field(default_factory=dict)
    voids: list[tuple[Any, ...]] = field(default_factory=list)
    refunds: list[tuple[Any, ...]] = field(default_factory=list)
    refund_lines: list[tuple[Any, ...]] = field(default_factory=list)
    days: list[tuple[Any, ...]] = field(default_factory=list)
    day_values: dict[str, tuple[Any, ...]] = field(default_factory=dict)  # uuid -> comparable close values
    orders: OrderRows = field(default_factory=OrderRows)

    @property
    def head_seq(self) -> int:
        """The newest seq in the file (0 when it holds no document)."""
        return len(self.hashes)

    @property
    def head_hash(self) -> str:
        """The chain head of the file (GENESIS when empty)."""
        return self.hashes[-1] if len(self.hashes) else GENESIS

    @property
    def sales(self) -> int:
        """How many sales the file holds."""
        return len(self.sale_seqs)

    def chunks(self) -> Iterator[Chunk]:
        """The batches of sales with their lines and payments, in seq order."""
        return self.spool.chunks()

    def sale_row(self, index: int) -> tuple[Any, ...]:
        """The row of the file's sale ``index`` (in seq order), read back from the spool."""
        for g0, sales, _lines, _pays in self.chunks():
            if g0 <= index < g0 + len(sales):
                return sales[index - g0]
        raise IndexError(index)

    def discard(self) -> None:
        """Remove the spool's temporary file: call once the rows are written (or refused)."""
        self.spool.discard()


def _outside(first: date, last: date, what_th: str, what_en: str, number: str, d: date) -> ImportRefused:
    return ImportRefused(
        f"{what_th} {number} ลงวันที่ {d.isoformat()} ซึ่งอยู่นอกวันงาน ({first.isoformat()} ถึง {last.isoformat()})",
        f"The {what_en} {number} is dated {d.isoformat()}, outside the fair's days "
        f"({first.isoformat()} to {last.isoformat()}).", "outside_days")


def check_days(data: ExportData, first: date, last: date) -> None:
    """ImportRefused("outside_days") when a document, order event or till day lies outside the fair's days —
    but for what may come after the fair (``after_fair_ok``): the delivery of an order (its sale), a refund, an
    order's cancel (or an order taken on such a day), and the till days they were on."""
    delivered = delivered_sales(data)
    for s in data.sales:
        if not first <= s.business_date <= last and not (s.business_date > last and s.uuid in delivered):
            raise _outside(first, last, "ใบขาย", "sale", s.number, s.business_date)
    for v in data.voids:
        if not first <= v.business_date <= last:
            raise _outside(first, last, "การยกเลิก", "void", v.number, v.business_date)
    for r in data.refunds:
        if r.business_date < first:
            raise _outside(first, last, "การคืนเงิน", "refund", r.number, r.business_date)
    numbers = {o.uuid: o.number for o in data.orders}
    for e in data.order_events:
        if e.business_date < first:
            raise _outside(first, last, "ใบสั่งจอง", "order", numbers.get(e.order_uuid, ""), e.business_date)
    for d in data.days:
        if d.business_date < first:
            raise _outside(first, last, "วันขาย", "till day", d.uuid[:8], d.business_date)


def _mismatch(what: str, got: object, want: object) -> ImportRefused:
    return ImportRefused(f"ข้อมูลในไฟล์ไม่ตรงกับข้อมูลสรุปของไฟล์ ({what}: {got} ≠ {want})",
                         f"The export's data does not match the file's summary ({what}: {got!r} ≠ {want!r}).", "corrupt")


class _Makers:
    """The row makers of one dialect."""

    def __init__(self, sqlite: bool) -> None:
        dialect = "sqlite" if sqlite else "postgresql"
        self.sale, self.line, self.pay, self.void, self.refund, self.refund_line, self.day = (
            row_maker(SPECS[t], dialect, lead) for t, lead in (
                ("sale", 0), ("sale_line", 1), ("payment", 1), ("void", 2), ("refund", 2), ("refund_line", 3),
                ("till_day", 0)))


def unknown_method(method: str, number: str) -> ImportRefused:
    """The refusal ("methods") of a file paid by a method its fair does not have."""
    return ImportRefused(f"เอกสาร {number} ชำระด้วยวิธี “{visible(method)}” ซึ่งงานนี้ไม่มีในรายการวิธีชำระเงิน "
                         "(เพิ่มด้วย fair methods add แล้วนำเข้าอีกครั้ง)",
                         f"Document {number} is paid by “{visible(method)}”, a method this fair does not have "
                         "(add it with fair methods add, then import again).", "methods")


def check_methods(known: frozenset[str] | None, refunds: Any, days: Any, orders: Any = None) -> None:
    """ImportRefused("methods") when a refund, a till day's totals or an order's deposit (``orders``: the
    file's ``OrderRows`` or ExportData) name a method not in ``known``."""
    if known is None:
        return
    for m in getattr(orders, "order_money", ()):
        if m.method not in known:
            order = next((e.order_uuid for e in orders.order_events if e.uuid == m.event_uuid), "")
            number = next((o.number for o in orders.orders if o.uuid == order), order)
            raise unknown_method(m.method, number)
    for r in refunds:
        if r.method not in known:
            raise unknown_method(r.method, r.number)
    for d in days:
        for m in d.by_method:
            if m not in known:
                raise unknown_method(m, f"วันขาย {d.business_date} / till day {d.business_date}")


def prepare_export(path: str, public_pem: str, first_day: date, last_day: date, sqlite: bool,
                   sha256: str = "", batch: int | None = None, methods: frozenset[str] | None = None) -> Prepared:
    """Verify ``path`` with the booth's public key and turn it into rows; ImportRefused on any problem.
    Read in bounded memory (``export_stream``) unless the file is not laid out as the booth writes it;
    ``batch`` sales at a time (default ``BATCH``). ``methods``: the codes of the fair's payment methods (a
    payment or refund by another is refused by name; None: not checked)."""
    batch = batch or BATCH
    try:
        return _prepare_streamed(path, public_pem, first_day, last_day, sqlite, sha256, batch, methods)
    except NotStreamable:
        return _prepare_whole(path, public_pem, first_day, last_day, sqlite, sha256, batch, methods)


def _new(path: str, m: Any, sha256: str, size: int) -> Prepared:
    return Prepared(path, sha256, size, m.fair_id, m.vendor_code, m.booth_code, m.till_no, m.till_uuid, m.key_id,
                    m.export_seq, m.created_at)


def _changed(expected: str, got: str) -> None:
    if expected and got != expected:
        raise ImportRefused("ไฟล์ถูกเปลี่ยนระหว่างนำเข้า", "The file changed while it was being imported.", "changed")


def _prepare_streamed(path: str, public_pem: str, first_day: date, last_day: date, sqlite: bool, sha256: str,
                      batch: int, methods: frozenset[str] | None = None) -> Prepared:
    make = _Makers(sqlite)
    with ExportStream(Path(path), public_pem) as st:
        _changed(sha256, st.sha256)
        p = _new(path, st.manifest, st.sha256, st.size)
        try:
            check_methods(methods, st.refunds, st.days, OrderRows(**st.orders))
            delivered = {e.sale_uuid for e in st.orders["order_events"] if e.kind == "deliver"}
            late: list[tuple[date, str]] = []  # the first sale after the fair that delivered no order
            g0 = 0
            long_texts: dict[int, tuple[Any, Any, int]] = {}
            for groups in st.batches(batch):
                _long_texts(groups, g0, long_texts)
                sales: list[tuple[Any, ...]] = []
                lines: list[tuple[Any, ...]] = []
                pays: list[tuple[Any, ...]] = []
                for j, (s, ls, ps) in enumerate(groups):
                    if methods is not None and any(pay.method not in methods for pay in ps):
                        raise unknown_method(next(pay.method for pay in ps if pay.method not in methods), s.number)
                    d = s.business_date
                    if d > last_day and not late and s.uuid not in delivered:
                        late.append((d, s.number))
                    sales.append(make.sale(s))
                    p.sale_seqs.append(s.seq)
                    lines.extend(make.line(j, ln, d) for ln in ls)
                    pays.extend(make.pay(j, pay, k, d) for k, pay in enumerate(ps, start=1))
                p.spool.add((g0, sales, lines, pays))
                g0 += len(groups)
            p.spool.close()
            if late:
                raise _outside(first_day, last_day, "ใบขาย", "sale", late[0][1], late[0][0])
            outside = [(i, d, n) for d, (i, n) in st.first_sale_on.items() if d < first_day]
            if outside:
                _i, d, number = min(outside)
                raise _outside(first_day, last_day, "ใบขาย", "sale", number, d)
            check_days(st.order_data(voids=st.voids, refunds=st.refunds, refund_lines=st.refund_lines),
                       first_day, last_day)
            check_text(_with_rows(st, long_texts), Path(path).name)
            p.hashes, p.uuids, p.sale_index = st.hashes, st.uuids, st.wanted_index
            _small_members(p, make, st.voids, st.refunds, st.refund_lines, st.days)
            p.orders = OrderRows(**st.orders)
        except BaseException:
            p.discard()
            raise
    return p


def _long_texts(groups: list[Any], g0: int, found: dict[int, tuple[Any, Any, int]]) -> None:
    """Keep, per text column of ``import_checks.text_limits`` on sales, lines and payments, its first row
    longer than the column (with its sale and the sale's index)."""
    for i, (attr, name, length) in enumerate(text_limits()):
        if attr not in ("sales", "lines", "payments") or i in found:
            continue
        at = 0 if attr == "sales" else 1 if attr == "lines" else 2
        for j, group in enumerate(groups):
            rows = (group[0],) if at == 0 else group[at]
            row = next((r for r in rows if len(getattr(r, name) or "") > length), None)
            if row is not None:
                found[i] = (row, group[0], g0 + j)
                break


def _with_rows(st: ExportStream, found: dict[int, tuple[Any, Any, int]]) -> ExportData:
    """The small members and the rows ``_long_texts`` kept (in file order, with their sales): what
    ``check_text`` needs to name the first text too long, as on the whole file."""
    sales = {n: sale for _r, sale, n in found.values()}
    kept = sorted(found.values(), key=lambda x: x[2])
    return ExportData(**st.identity, sales=tuple(sales[n] for n in sorted(sales)),
                      lines=tuple(r for r, s, _n in kept if r is not s and hasattr(r, "line_no")),
                      payments=tuple(r for r, s, _n in kept if r is not s and hasattr(r, "method")),
                      voids=st.voids, refunds=st.refunds, refund_lines=st.refund_lines, days=st.days)


def _small_members(p: Prepared, make: _Makers, voids: Any, refunds: Any, refund_lines: Any, days: Any) -> None:
    by_seq = attrgetter("seq")
    p.voids = [make.void(v.sale_uuid, v.seq, v) for v in sorted(voids, key=by_seq)]
    refund_index: dict[str, int] = {}
    refund_date: list[date] = []
    for j, r in enumerate(sorted(refunds, key=by_seq)):
        refund_index[r.uuid] = j
        refund_date.append(r.business_date)
        p.refunds.append(make.refund(r.sale_uuid, r.seq, r))
    for rl in refund_lines:
        j = refund_index[rl.refund_uuid]
        p.refund_lines.append(make.refund_line(j, rl.sale_uuid, rl.line_no, rl, refund_date[j]))
    p.refund_lines.sort(key=itemgetter(0, 2))
    for d in days:
        counts = json.dumps({str(k): v for k, v in sorted(d.counts.items())}, separators=(",", ":"))
        by_method = json.dumps(dict(sorted(d.by_method.items())), separators=(",", ":"))
        p.days.append(make.day(d, counts, by_method))
        p.day_values[d.uuid] = (d.closed_at is not None, d.expected_cash_satang, d.counted_cash_satang,
                                d.difference_satang, counts)


def _prepare_whole(path: str, public_pem: str, first_day: date, last_day: date, sqlite: bool, sha256: str,
                   batch: int, methods: frozenset[str] | None = None) -> Prepared:
    """The file read whole by ``read_export`` (a layout the booth does not write), then batched as above."""
    verified = read_export(Path(path), public_pem)
    m, data = verified.manifest, verified.data
    _changed(sha256, verified.sha256)
    for what, got, want in (("fair", data.fair_id, m.fair_id), ("vendor", data.vendor_code, m.vendor_code),
                            ("booth", data.booth_code, m.booth_code), ("till", data.till_uuid, m.till_uuid),
                            ("till_no", data.till_no, m.till_no), ("key", data.key_id, m.key_id)):
        if got != want:
            raise _mismatch(what, got, want)
    check_days(data, first_day, last_day)
    check_text(data, Path(path).name)
    check_methods(methods, data.refunds, data.days, data)
    if methods is not None:
        numbers = {s.uuid: s.number for s in data.sales}
        for pay in data.payments:
            if pay.method not in methods:
                raise unknown_method(pay.method, numbers.get(pay.sale_uuid, pay.sale_uuid))
    make = _Makers(sqlite)
    p = _new(path, m, verified.sha256, verified.size)
    n = len(data.sales) + len(data.voids) + len(data.refunds)
    hashes: list[str] = [""] * n
    uuids: list[str] = [""] * n
    sale_index: dict[str, int] = {}
    sales = sorted(data.sales, key=attrgetter("seq"))
    for i, s in enumerate(sales):
        hashes[s.seq - 1] = s.hash
        uuids[s.seq - 1] = s.uuid
        sale_index[s.uuid] = i
    try:
        lines = sorted(((sale_index[ln.sale_uuid], ln) for ln in data.lines), key=itemgetter(0))  # stable
        pays = sorted(((sale_index[pay.sale_uuid], pay) for pay in data.payments), key=itemgetter(0))
        docs: list[Any] = [*data.voids, *data.refunds]
        for d in docs:
            hashes[d.seq - 1] = d.hash
            uuids[d.seq - 1] = d.uuid
            sale_index[d.sale_uuid]  # noqa: B018 - the sale must be in the file
    except (KeyError, IndexError) as exc:
        raise ImportRefused("ข้อมูลในไฟล์อ้างถึงเอกสารที่ไม่มีในไฟล์", f"The export refers to a missing document "
                            f"({exc}).", "corrupt") from None
    if "" in hashes:
        raise ImportRefused("ลำดับเอกสารในไฟล์ขาดหาย", "The export's document numbers have gaps.", "chain")
    for h, u in zip(hashes, uuids):
        p.hashes.append(h)
        p.uuids.append(u)
    try:
        line_at, pay_at = [i for i, _ in lines], [i for i, _ in pays]
        for g0 in range(0, len(sales), batch):
            g1 = min(g0 + batch, len(sales))
            chunk_lines: list[tuple[Any, ...]] = []
            pay_no: dict[int, int] = {}
            for i, ln in lines[bisect_left(line_at, g0):bisect_left(line_at, g1)]:
                chunk_lines.append(make.line(i - g0, ln, sales[i].business_date))
            chunk_pays = []
            for i, pay in pays[bisect_left(pay_at, g0):bisect_left(pay_at, g1)]:
                pay_no[i] = k = pay_no.get(i, 0) + 1
                chunk_pays.append(make.pay(i - g0, pay, k, sales[i].business_date))
            p.spool.add((g0, [make.sale(s) for s in sales[g0:g1]], chunk_lines, chunk_pays))
            p.sale_seqs.extend(s.seq for s in sales[g0:g1])
        p.spool.close()
    except BaseException:
        p.discard()
        raise
    wanted = {d.sale_uuid for d in data.voids} | {r.sale_uuid for r in data.refunds}
    p.sale_index = {u: sale_index[u] for u in wanted}
    _small_members(p, make, data.voids, data.refunds, data.refund_lines, data.days)
    p.orders = OrderRows(data.orders, data.order_lines, data.order_money, data.order_events)
    return p
