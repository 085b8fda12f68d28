"""In-memory printers: ``DummyTransport`` keeps every job (and can be told to fail), ``NullTransport`` is
"no printer set up" (spec ``none``)."""
from __future__ import annotations

from otop_pos.core.errors import PrinterError
from otop_pos.printing.errors import Where, for_code
from otop_pos.printing.transports.base import PrinterStatus, parse_status

_PAPER_OUT_BYTES = (0x12 | 0x08, 0x12 | 0x60)


class DummyTransport:
    """Collects the bytes of every job in ``jobs``; ``fail`` makes ``send`` raise instead.

    ``fail`` is a ``PrinterError`` or a code ("timeout", "paper_out", "offline", …); ``fail_times`` limits
    how many jobs fail (``None`` = all) so tests can check that nothing retries on its own.
    """

    def __init__(
        self,
        *,
        fail: PrinterError | str | None = None,
        fail_times: int | None = None,
        status: PrinterStatus | None = None,
    ) -> None:
        self.jobs: list[bytes] = []
        self.attempts = 0
        self.closed = False
        self._status = status
        self._fail: PrinterError | None = None
        self._fail_left: int | None = None
        self.fail_with(fail, times=fail_times)

    def __repr__(self) -> str:
        return f"DummyTransport(jobs={len(self.jobs)})"

    def fail_with(self, error: PrinterError | str | None, *, times: int | None = None) -> None:
        """Make the next ``times`` jobs (all when ``None``) raise ``error``; ``None`` stops failing."""
        if isinstance(error, str):
            error = for_code(error, Where("dummy", "dummy"))
        self._fail = error
        self._fail_left = times

    @property
    def data(self) -> bytes:
        """All bytes received so far."""
        return b"".join(self.jobs)

    def send(self, data: bytes) -> None:
        self.attempts += 1
        if self._fail is not None:
            error = self._fail
            if self._fail_left is not None:
                self._fail_left -= 1
                if self._fail_left <= 0:
                    self._fail = None
            raise error
        self.jobs.append(bytes(data))

    def status(self) -> PrinterStatus:
        if self._status is not None:
            return self._status
        if self._fail is not None:
            if self._fail.code == "paper_out":
                return parse_status(*_PAPER_OUT_BYTES)
            return PrinterStatus(None if self._fail.code == "timeout" else False, "unknown",
                                 self._fail.th, self._fail.en)
        return PrinterStatus(True, "ok", "เครื่องพิมพ์จำลอง พร้อมพิมพ์", "Dummy printer: ready.")

    def close(self) -> None:
        self.closed = True


class NullTransport:
    """No printer configured: every job fails with a clear message; status says so."""

    TH = "ยังไม่ได้ตั้งค่าเครื่องพิมพ์ใบเสร็จ ไปที่การตั้งค่าเพื่อเลือกเครื่องพิมพ์"
    EN = "No printer is set up for receipts: choose one in the settings."

    def send(self, data: bytes) -> None:
        raise PrinterError(self.TH, self.EN, "not_found")

    def status(self) -> PrinterStatus:
        return PrinterStatus(None, "unknown", self.TH, self.EN)

    def close(self) -> None:
        pass
