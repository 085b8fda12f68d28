"""The persistent print queue: jobs are written with their document; a worker prints them; never auto-retried."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select, update

from otop_pos.booth.days import zreport
from otop_pos.booth.queries import receipt_doc
from otop_pos.core.clock import Clock
from otop_pos.core.documents import ReceiptDoc, ZReportDoc
from otop_pos.core.errors import OtopError, PrinterError
from otop_pos.printing.queue import PrintJobView
from otop_pos.store.booth_models import PrintJob
from otop_pos.store.engine import SqliteStore, rowcount


def _view(j: PrintJob) -> PrintJobView:
    return PrintJobView(j.id, j.created_at, j.kind, j.ref_uuid, j.copy, j.status, j.attempts, j.error_code,
                        j.error_th, j.error_en)


def list_jobs(store: SqliteStore, *, statuses: tuple[str, ...] = ("pending", "failed")) -> list[PrintJobView]:
    """Jobs waiting or failed (what the status bar and the queue list show)."""
    with store.read() as s:
        return [_view(j) for j in s.scalars(select(PrintJob).where(PrintJob.status.in_(statuses)).order_by(PrintJob.id))]


def enqueue_reprint(store: SqliteStore, clock: Clock, ref_uuid: str, kind: str = "sale") -> int:
    """Queue a reprint (marked COPY) of a document; the vendor asks for it, we never do it on our own."""
    with store.write() as s:
        job = PrintJob(created_at=clock.now(), kind=kind, ref_uuid=ref_uuid, copy=True, status="pending")
        s.add(job)
        s.flush()
        return job.id


def cancel_job(store: SqliteStore, clock: Clock, job_id: int) -> None:
    """Drop a waiting or failed job (the receipt is still in history and can be reprinted)."""
    with store.write() as s:
        s.execute(update(PrintJob).where(PrintJob.id == job_id, PrintJob.status.in_(("pending", "failed")))
                  .values(status="cancelled", finished_at=clock.now()))


def retry_job(store: SqliteStore, job_id: int) -> None:
    """Put a failed job back in the queue (the vendor pressed Reprint)."""
    with store.write() as s:
        s.execute(update(PrintJob).where(PrintJob.id == job_id, PrintJob.status == "failed").values(status="pending"))


def document_of(store: SqliteStore, job: PrintJobView, lang: str | None = None) -> ReceiptDoc | ZReportDoc:
    """The document a job prints."""
    if job.kind == "zreport":
        return zreport(store, day_uuid=job.ref_uuid, lang=lang or "th")
    return receipt_doc(store, job.ref_uuid, copy=job.copy, lang=lang)


def run_pending(store: SqliteStore, clock: Clock, print_doc: Callable[[ReceiptDoc | ZReportDoc], None],
                *, limit: int = 50, keep_going: Callable[[], bool] | None = None) -> list[PrintJobView]:
    """Print waiting jobs in order with ``print_doc``; a failure marks that job failed with its message and
    stops (the printer is likely down). ``keep_going()`` is asked before each job (False: the rest stay
    pending). Returns the jobs handled. Runs in the print worker thread."""
    done: list[PrintJobView] = []
    for job in list_jobs(store, statuses=("pending",))[:limit]:
        if keep_going is not None and not keep_going():
            break
        with store.write() as s:
            claimed = rowcount(s.execute(update(PrintJob).where(PrintJob.id == job.id, PrintJob.status == "pending")
                                .values(status="printing", attempts=PrintJob.attempts + 1)))
        if not claimed:
            continue
        try:
            print_doc(document_of(store, job))
        except OtopError as exc:
            code = exc.code if isinstance(exc, PrinterError) else "error"
            with store.write() as s:
                s.execute(update(PrintJob).where(PrintJob.id == job.id).values(
                    status="failed", error_code=code, error_th=exc.th, error_en=exc.en, finished_at=clock.now()))
            done.append(_refetch(store, job.id))
            break
        with store.write() as s:
            s.execute(update(PrintJob).where(PrintJob.id == job.id).values(
                status="printed", error_code="", error_th="", error_en="", finished_at=clock.now()))
        done.append(_refetch(store, job.id))
    return done


def recover_interrupted(store: SqliteStore) -> int:
    """After a crash, jobs left 'printing' may or may not have printed: mark them failed so the vendor
    decides (ESC/POS has no 'printed' acknowledgement; we never reprint on our own)."""
    with store.write() as s:
        return rowcount(s.execute(update(PrintJob).where(PrintJob.status == "printing").values(
            status="failed", error_code="interrupted",
            error_th="โปรแกรมปิดไปขณะพิมพ์ ตรวจดูว่าใบเสร็จออกหรือไม่ ถ้าไม่ออกให้กดพิมพ์ซ้ำ",
            error_en="The app stopped while printing: check whether the receipt came out; if not, press Reprint.",
        )))


def newest_job(store: SqliteStore, kind: str) -> PrintJobView | None:
    """The newest job of ``kind`` in any state (what a one-shot command just queued)."""
    with store.read() as s:
        job = s.scalar(select(PrintJob).where(PrintJob.kind == kind).order_by(PrintJob.id.desc()).limit(1))
        return _view(job) if job is not None else None


def get_job(store: SqliteStore, job_id: int) -> PrintJobView | None:
    """One job in any state."""
    with store.read() as s:
        found = s.get(PrintJob, job_id)
        return _view(found) if found is not None else None


def _refetch(store: SqliteStore, job_id: int) -> PrintJobView:
    found = get_job(store, job_id)
    assert found is not None
    return found


@dataclass(frozen=True)
class StoreJobs:
    """The booth store's print jobs as the print queue sees them (``printing.queue.JobAccess``)."""

    store: SqliteStore
    clock: Clock

    def recover_interrupted(self) -> int:
        return recover_interrupted(self.store)

    def run_pending(self, print_doc: Callable[[ReceiptDoc | ZReportDoc], None],
                    keep_going: Callable[[], bool] | None = None) -> list[PrintJobView]:
        return run_pending(self.store, self.clock, print_doc, keep_going=keep_going)

    def jobs(self) -> list[PrintJobView]:
        return list_jobs(self.store)
