"""Importing booth exports: files and folders, in any order, any number of times, exactly once.

Per file: SHA-256 (a file imported before is skipped at once), the manifest (fair, vendor, booth, key looked
up in the store), then ``prepare_export`` verifies everything that needs no store (in worker processes when
``jobs > 0``), and ``write_prepared`` imports it in one transaction — retried as a whole on a serialization
failure or deadlock. A refused file writes nothing but its line in the import log. When a worker process
dies (killed, out of memory), the files it held and every later file are verified in this process instead:
the run goes on and its report says so (``ImportReport.worker_crashed``).
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import Integer, String, insert, select
from sqlalchemy.exc import DataError, IntegrityError

from otop_pos.core.clock import Clock
from otop_pos.core.errors import ImportRefused, OtopError
from otop_pos.core.limits import FIRST_EXPORT_YEAR, LAST_EXPORT_YEAR
from otop_pos.core.visible import visible
from otop_pos.exchange.export_format import EXPORT_FORMAT, EXPORT_VERSIONS_READ, ExportManifest, file_sha256, \
    read_export_manifest
from otop_pos.fair.fairs import find_fair
from otop_pos.fair.import_files import collect
from otop_pos.fair.prepare import DISK_ERRORS, Prepared, SpoolDiskError, disk_error, prepare_export, sweep_spools
from otop_pos.fair.store import FairStore
from otop_pos.fair.writer import FileContext, write_prepared
from otop_pos.store.fair_models import BoothKey, Fair, FairMethod, ImportLog, Vendor
from otop_pos.store.types import UTCDateTime

log = logging.getLogger(__name__)
LOG_BATCH = 500


@dataclass(frozen=True)
class FileResult:
    """What became of one file: ``result`` is imported, unchanged (already held), refused or skipped (not an
    export, an empty folder: ``otop_pos.fair.import_files``); ``reason`` says why."""

    path: str
    result: str
    reason: str = ""
    th: str = ""
    en: str = ""
    vendor_code: str = ""
    booth_code: str = ""
    till_no: int | None = None
    sales: int = 0
    voids: int = 0
    refunds: int = 0
    days: int = 0
    skipped: int = 0

    @property
    def name(self) -> str:
        """The file name without its folder."""
        return Path(self.path).name


@dataclass
class ImportReport:
    """All files of one import run, in the order they were given."""

    files: list[FileResult] = field(default_factory=list)
    junk: int = 0  # hidden and operating-system files passed over quietly in folders
    retries: int = 0
    worker_crashed: bool = False  # a worker process died: the rest was verified in this process
    seconds_verify: float = 0.0  # this process verifying files, or waiting for the workers that do
    seconds_write: float = 0.0  # in write transactions

    def count(self, result: str) -> int:
        """How many files ended with ``result``."""
        return sum(1 for f in self.files if f.result == result)

    @property
    def sales(self) -> int:
        """Sales added by the run."""
        return sum(f.sales for f in self.files)

    @property
    def refused(self) -> list[FileResult]:
        """The refused files."""
        return [f for f in self.files if f.result == "refused"]

    @property
    def all_taken(self) -> bool:
        """Every file was imported or already held (nothing refused, nothing passed over)."""
        return all(f.result in ("imported", "unchanged") for f in self.files)


def _refused(path: Path, exc: OtopError, m: ExportManifest | None = None) -> FileResult:
    reason = getattr(exc, "reason", "refused")
    return FileResult(str(path), "refused", reason, exc.th, exc.en, m.vendor_code if m else "",
                      m.booth_code if m else "", m.till_no if m else None)


def _disk_skipped(path: Path, exc: SpoolDiskError, m: ExportManifest | None) -> FileResult:
    """A file not imported because this machine's temporary folder could not take it (full, read-only)."""
    return FileResult(str(path), "skipped", exc.reason, exc.th, exc.en, m.vendor_code if m else "",
                      m.booth_code if m else "", m.till_no if m else None)


class _Contexts:
    """Looks up (and caches) the fair, vendor and key an export's manifest names (its booth is a label)."""

    def __init__(self, store: FairStore, fair_ref: str | None) -> None:
        self.store = store
        self.cache: dict[tuple[str, str, str], FileContext] = {}
        self.only: Fair | None = None
        if fair_ref is not None:
            with store.read() as s:
                self.only = find_fair(s, fair_ref)

    def fair_of(self, uid: str) -> int | None:
        with self.store.read() as s:
            return s.scalar(select(Fair.id).where(Fair.uid == uid))

    def get(self, m: ExportManifest) -> FileContext:
        key = (m.fair_id, m.vendor_code, m.key_id)
        ctx = self.cache.get(key)
        if ctx is None:
            ctx = self.cache[key] = self._load(m)
        # the booth code is the label the till printed, not a key: a vendor moved to another booth keeps
        # importing (the till is known by the vendor's key and its till uuid; the figures use Vendor.booth)
        return ctx

    def _load(self, m: ExportManifest) -> FileContext:
        if m.format != EXPORT_FORMAT or m.version not in EXPORT_VERSIONS_READ:
            raise ImportRefused(f"ไม่รองรับรูปแบบไฟล์ {m.format} รุ่น {m.version}",
                                f"Unsupported export format {m.format!r} version {m.version}.", "format_version")
        with self.store.read() as s:
            fair = s.scalars(select(Fair).where(Fair.uid == m.fair_id)).first()
            if fair is None or (self.only is not None and fair.id != self.only.id):
                want = self.only.name if self.only is not None else "งานในฐานข้อมูลนี้"
                raise ImportRefused(
                    f"ไฟล์นี้มาจากงานอื่น (รหัสงาน {m.fair_id}) ไม่ใช่{want}",
                    f"This export belongs to another fair (id {m.fair_id}), not "
                    f"{self.only.name if self.only is not None else 'a fair in this store'}.", "other_fair")
            vendor = s.scalars(select(Vendor).where(Vendor.fair_id == fair.id, Vendor.code == m.vendor_code)).first()
            if vendor is None:
                raise ImportRefused(f"ไม่พบผู้ประกอบการ {m.vendor_code} ในทะเบียนของงาน {fair.name}",
                                    f"Unknown vendor {m.vendor_code}: not in the registry of {fair.name}.",
                                    "unknown_vendor")
            key = s.scalars(select(BoothKey).where(BoothKey.key_id == m.key_id)).first()
            if key is None or key.vendor_id != vendor.id or key.revoked_at is not None:
                raise ImportRefused(
                    f"กุญแจลงนาม {m.key_id} ไม่ใช่กุญแจของบูธ {m.booth_code} ที่ออกโดยงานนี้",
                    f"The signing key {m.key_id} is not a key this fair issued to booth {m.booth_code}.", "bad_key")
            methods = frozenset(s.scalars(select(FairMethod.code).where(FairMethod.fair_id == fair.id)))
            return FileContext(fair.id, fair.uid, fair.name, fair.first_day, fair.last_day, vendor.id, vendor.code,
                               vendor.booth, key.public_pem, methods)


@dataclass
class _Item:
    """A file on its way: done early (``result``), a duplicate of an earlier file, or a job in flight."""

    path: Path
    sha256: str = ""
    size: int = 0
    result: FileResult | None = None
    duplicate: bool = False
    manifest: ExportManifest | None = None
    ctx: FileContext | None = None
    future: Future[Prepared] | None = None
    fair_id: int | None = None
    inline_seconds: float = 0.0
    pooled: bool = False


class _Inline(Executor):
    """Runs the work at once in this process (``jobs == 0``)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        fut: Future[Any] = Future()
        try:
            fut.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001 - handed to the caller through the future
            fut.set_exception(exc)
        return fut


class Importer:
    """One import run over many files (see ``import_paths``)."""

    def __init__(self, store: FairStore, clock: Clock, *, fair_ref: str | None = None, jobs: int = 0,
                 on_progress: Callable[[int, int, FileResult], None] | None = None) -> None:
        self.store, self.clock, self.jobs = store, clock, max(0, jobs)
        self.contexts = _Contexts(store, fair_ref)
        self.on_progress = on_progress
        self.report = ImportReport()
        self._log_rows: list[dict[str, Any]] = []
        self._by_sha: dict[str, FileResult] = {}
        self._fair_by_sha: dict[str, int | None] = {}
        self._done = 0

    def run(self, files: list[Path]) -> ImportReport:
        """Import ``files`` in order; returns the report (refusals are results, not exceptions).

        With workers, this process writes file k while the workers verify the next ones; when the next file
        to write is not verified yet, this process verifies a later file itself instead of waiting."""
        retries0 = self.store.retries
        inline = _Inline()
        executor: Executor = inline
        if self.jobs > 0 and len(files) > 1:
            executor = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("spawn"))
        todo: deque[Path] = deque(files)
        pending: deque[_Item] = deque()
        in_pool = 2 * self.jobs
        cap = in_pool + 4  # files verified ahead at most (bounded memory)
        total = len(files)
        try:
            while todo or pending:
                while todo and sum(1 for p in pending if p.pooled) < in_pool and len(pending) < cap:
                    pending.append(self._start(todo.popleft(), inline if self.report.worker_crashed else executor))
                if not pending:
                    pending.append(self._start(todo.popleft(), inline))
                head = pending[0]
                if head.future is None or head.future.done() or not todo or len(pending) >= cap:
                    self._finish(pending.popleft(), total)
                else:
                    pending.append(self._start(todo.popleft(), inline))  # useful work while the workers verify
        finally:
            executor.shutdown(wait=True, cancel_futures=True)
            self._flush_log()
        self.report.retries = self.store.retries - retries0
        return self.report

    def _start(self, path: Path, executor: Executor) -> _Item:
        item = _Item(path)
        try:
            item.sha256, item.size = file_sha256(path)
        except OSError as exc:
            item.result = FileResult(str(path), "refused", "unreadable", f"อ่านไฟล์ไม่ได้ ({exc.strerror})",
                                     f"Cannot read the file ({exc.strerror}).")
            return item
        if item.sha256 in self._by_sha:
            item.duplicate = True
            item.fair_id = self._fair_by_sha.get(item.sha256)
            return item
        self._by_sha[item.sha256] = FileResult(str(path), "pending")
        known = self._known(item.sha256)
        if known is not None:
            item.fair_id = known.fair_id
            item.result = FileResult(str(path), "unchanged", "same_file", "ไฟล์นี้นำเข้าไว้แล้ว",
                                     "This file was imported before.", known.vendor_code, known.booth_code,
                                     known.till_no)
            return item
        try:
            item.manifest = read_export_manifest(path)[0]
            item.ctx = self.contexts.get(item.manifest)
        except OtopError as exc:
            item.result = _refused(path, exc, item.manifest)
            return item
        except Exception as exc:  # noqa: BLE001 - a file the format reader choked on is a refused file
            log.info("reading the manifest of %s", path, exc_info=True)  # kept in a log, never on the screen
            item.result = _refused(path, ImportRefused("อ่านไฟล์ไม่ได้ ไฟล์อาจเสียหาย", f"Unreadable export ({exc}).",
                                                       "corrupt"))
            return item
        t0 = time.perf_counter()
        try:
            item.future = executor.submit(prepare_export, *self._prepare_args(item))
        except BrokenProcessPool:
            self._worker_died()
            executor = _Inline()
            item.future = executor.submit(prepare_export, *self._prepare_args(item))
        item.pooled = not isinstance(executor, _Inline)
        item.inline_seconds = 0.0 if item.pooled else time.perf_counter() - t0
        return item

    def _prepare_args(self, item: _Item) -> tuple[Any, ...]:
        assert item.ctx is not None
        return (str(item.path), item.ctx.public_pem, item.ctx.first_day, item.ctx.last_day, self.store.is_sqlite,
                item.sha256, None, item.ctx.methods)

    def _worker_died(self) -> None:
        if not self.report.worker_crashed:
            log.error("an import worker process died; verifying the remaining files in this process")
        self.report.worker_crashed = True

    def _prepared(self, item: _Item) -> Prepared:
        """The verified rows of ``item``: from its worker, or made here when the worker process died."""
        assert item.future is not None
        try:
            return item.future.result()
        except BrokenProcessPool:
            self._worker_died()
            return prepare_export(*self._prepare_args(item))

    def _known(self, sha: str) -> ImportLog | None:
        only = self.contexts.only
        with self.store.read() as s:
            q = select(ImportLog).where(ImportLog.sha256 == sha, ImportLog.result.in_(("imported", "unchanged")),
                                        ImportLog.fair_id.is_not(None))
            if only is not None:
                q = q.where(ImportLog.fair_id == only.id)
            return s.scalars(q.limit(1)).first()

    def _finish(self, item: _Item, total: int) -> None:
        if item.duplicate:
            first = self._by_sha[item.sha256]
            if first.result in ("refused", "skipped"):
                result = replace(first, path=str(item.path))
            else:
                result = FileResult(str(item.path), "unchanged", "duplicate", f"ซ้ำกับไฟล์ {first.name}",
                                    f"Same file as {first.name}.", first.vendor_code, first.booth_code,
                                    first.till_no)
            self._record(item, result, written=False)
        elif item.result is not None:
            self._record(item, item.result, written=False)
            self._by_sha[item.sha256] = item.result
        else:
            result = self._write(item)
            self._by_sha[item.sha256] = result
            self._record(item, result, written=result.result != "refused")
        self._done += 1
        if self.on_progress is not None:
            self.on_progress(self._done, total, self.report.files[-1])

    def _write(self, job: _Item) -> FileResult:
        m, ctx = job.manifest, job.ctx
        assert m is not None and ctx is not None and job.future is not None
        try:
            t0 = time.perf_counter()
            prepared = self._prepared(job)
            t1 = time.perf_counter()
            self.report.seconds_verify += t1 - t0 + job.inline_seconds
            at = self.clock.now()
            try:
                out = self.store.transaction(lambda s: write_prepared(s, ctx, prepared, at=at,
                                                                      file_name=visible(job.path.name),
                                                                      path=visible(str(job.path))))
            finally:
                self.report.seconds_write += time.perf_counter() - t1
                prepared.discard()  # its spool's temporary file
        except SpoolDiskError as exc:  # this machine's disk, not the vendor's file: skipped, not logged
            return _disk_skipped(job.path, exc, m)
        except OtopError as exc:
            return _refused(job.path, exc, m)
        except DataError as exc:  # a value the database cannot hold (PostgreSQL): this file's, nothing written
            log.info("a value of %s does not fit the store: %s", job.path, exc.orig)
            return _refused(job.path, ImportRefused(
                "ไฟล์นี้มีค่าที่ฐานข้อมูลเก็บไม่ได้ (ตัวเลขใหญ่เกินหรือข้อความยาวเกิน) จึงไม่นำเข้า",
                "This export holds a value the store cannot keep (a number too large or a text too long): "
                "refused, nothing of it was written.", "limits"), m)
        except IntegrityError as exc:
            log.info("integrity error importing %s: %s", job.path, exc.orig)
            return _refused(job.path, ImportRefused(
                "เอกสารบางรายการในไฟล์นี้มีอยู่แล้วในฐานข้อมูลจากเครื่องอื่น (รหัสซ้ำ) จึงไม่นำเข้า",
                "Some documents of this export already exist in the store under another till (same UUID): "
                "conflict, refused.", "conflict"), m)
        except Exception as exc:  # noqa: BLE001 - unreadable content is a refusal, not a crash
            if "sqlalchemy" in type(exc).__module__:
                raise
            if isinstance(exc, OSError) and exc.errno in DISK_ERRORS:  # reading back the spool, say
                log.info("a disk problem while importing %s", job.path, exc_info=True)
                return _disk_skipped(job.path, disk_error(exc), m)
            log.info("preparing %s", job.path, exc_info=True)  # kept in a log, never on the screen
            return _refused(job.path, ImportRefused("อ่านเนื้อหาไฟล์ไม่ได้ ไฟล์อาจเสียหาย",
                                                    f"The export's content cannot be read ({exc}).", "corrupt"), m)
        th = (f"เพิ่มการขาย {out.sales} รายการ ยกเลิก {out.voids} รายการ คืนเงิน {out.refunds} รายการ รวม {out.days} วัน"
              if out.result == "imported" else "ไม่มีข้อมูลใหม่")
        en = (f"added {out.sales} sales, {out.voids} voids, {out.refunds} refunds, {out.days} days"
              if out.result == "imported" else "nothing new")
        if out.order_events:
            th += f" ใบสั่งจองใหม่ {out.orders} ใบ (รับ ส่งมอบ ยกเลิก {out.order_events} รายการ)"
            en += f"; {out.orders} new orders ({out.order_events} taken, delivered or cancelled)"
        return FileResult(str(job.path), out.result, "" if out.result == "imported" else "nothing_new", th, en,
                          m.vendor_code, m.booth_code, m.till_no, out.sales, out.voids, out.refunds, out.days,
                          out.skipped)

    def _record(self, item: _Item, result: FileResult, *, written: bool) -> None:
        self.report.files.append(result)
        if result.reason == "disk_full":
            return  # nothing is wrong with the file: no line in the import log, the next run imports it
        if written:
            self._fair_by_sha[item.sha256] = item.ctx.fair_id if item.ctx is not None else None
            return  # its log line went in with the import itself
        m = item.manifest
        fair_id = item.fair_id
        if fair_id is None and item.ctx is not None:
            fair_id = item.ctx.fair_id
        elif fair_id is None and m is not None:
            fair_id = self.contexts.fair_of(m.fair_id)
        self._fair_by_sha.setdefault(item.sha256, fair_id)
        self._log_rows.append(safe_log_row(dict(
            fair_id=fair_id, at=self.clock.now(), file_name=result.name, path=result.path, sha256=item.sha256,
            size_bytes=item.size, result=result.result, reason=result.reason, message_th=result.th,
            message_en=result.en, vendor_code=result.vendor_code, booth_code=result.booth_code,
            till_no=result.till_no, till_uuid=m.till_uuid if m else "", export_seq=m.export_seq if m else None,
            export_created_at=m.created_at if m else None, sales_added=0, voids_added=0, refunds_added=0,
            days_added=0, docs_skipped=0)))
        if result.result == "refused" or len(self._log_rows) >= LOG_BATCH:
            self._flush_log()

    def _flush_log(self) -> None:
        if not self._log_rows:
            return
        rows, self._log_rows = self._log_rows, []
        with self.store.write() as s:
            s.execute(insert(ImportLog), rows)


_INT32 = (-2**31, 2**31 - 1)  # an Integer column on PostgreSQL
_FIRST, _LAST = datetime(FIRST_EXPORT_YEAR, 1, 1, tzinfo=timezone.utc), datetime(LAST_EXPORT_YEAR, 12, 31,
                                                                                   tzinfo=timezone.utc)


def safe_log_row(row: dict[str, Any]) -> dict[str, Any]:
    """``row`` for the import log with only values every store takes: text ``visible`` (no NUL, control
    character or non-UTF-8 byte of a file name) and cut to its column's length, a
    number or time out of range (or of the wrong type) None — or the nearest bound where the column needs a
    value. Whatever a refused file holds, its line in the log can be written."""
    out = dict(row)
    for col in ImportLog.__table__.columns:
        if col.name not in out:
            continue
        v = out[col.name]
        if isinstance(col.type, String):
            v = v if isinstance(v, str) else ("" if v is None else str(v)[:64])
            v = visible(v)  # a file name's control codes and non-UTF-8 bytes (which no store takes) as escapes
            out[col.name] = v[:col.type.length] if col.type.length else v
        elif isinstance(col.type, Integer) and v is not None:
            if not isinstance(v, int) or isinstance(v, bool):
                out[col.name] = None if col.nullable else 0
            elif not _INT32[0] <= v <= _INT32[1]:
                out[col.name] = None if col.nullable else min(max(v, _INT32[0]), _INT32[1])
        elif isinstance(col.type, UTCDateTime) and v is not None:
            try:
                ok = isinstance(v, datetime) and v.utcoffset() is not None and _FIRST <= v <= _LAST
            except OverflowError:
                ok = False
            if not ok:
                out[col.name] = None if col.nullable else _FIRST
    return out


def default_jobs(n_files: int) -> int:
    """Worker processes verifying files while this process writes: none for a few files, else one less than
    the CPU count (at least 1, at most 4)."""
    return 0 if n_files < 8 else max(1, min(4, (os.cpu_count() or 1) - 1))


def import_paths(store: FairStore, clock: Clock, paths: Iterable[Path | str], *, fair_ref: str | None = None,
                 jobs: int | None = None,
                 on_progress: Callable[[int, int, FileResult], None] | None = None) -> ImportReport:
    """Import every export in ``paths`` (files and folders). Each file is imported whole or not at all; what
    a folder holds besides exports is in the report as "skipped" (``otop_pos.fair.import_files``)."""
    sweep_spools()  # what a killed run left in the temporary folder
    found = collect(list(paths))
    files = found.files
    importer = Importer(store, clock, fair_ref=fair_ref, jobs=default_jobs(len(files)) if jobs is None else jobs,
                        on_progress=on_progress)
    importer.report.files.extend(FileResult(p.path, "skipped", p.reason, p.th, p.en) for p in found.passed)
    importer.report.junk = found.junk
    return importer.run(files)
