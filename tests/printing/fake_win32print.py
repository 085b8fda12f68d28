"""A simulated Windows spooler with pywin32's ``win32print`` calls, for the Win32Raw transport's tests.

Each queue has a printer status, attributes and a *script*: the job status bits ``GetJob`` reports on each
look, the last one repeating; ``GONE`` means the job has left the queue (the spooler handed it all to the
printer). It records every call, every spooled job's bytes and which jobs were deleted.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

GONE = -1
PRINTING = 0x10


class FakeWinError(Exception):
    """pywintypes.error: ``(winerror, funcname, strerror)``."""

    def __init__(self, winerror: int, funcname: str, strerror: str) -> None:
        super().__init__(winerror, funcname, strerror)
        self.winerror, self.funcname, self.strerror = winerror, funcname, strerror


@dataclass
class FakeQueue:
    name: str
    script: list[int] = field(default_factory=lambda: [GONE])
    status: int = 0
    attributes: int = 0
    driver: str = "Generic / Text Only"
    port: str = "USB001"
    write_error: FakeWinError | None = None


@dataclass
class FakeJob:
    queue: str
    name: str
    datatype: str
    data: bytearray = field(default_factory=bytearray)
    looks: int = 0
    deleted: bool = False
    aborted: bool = False
    left: bool = False  # the spooler handed it to the printer and dropped it from the queue


class FakeWin32Print:
    """The part of ``win32print`` the transport and the discovery use."""

    error = FakeWinError

    def __init__(self, *queues: FakeQueue, default: str = "") -> None:
        self.queues = {q.name: q for q in queues}
        self.default = default
        self.calls: list[str] = []
        self.jobs: dict[int, FakeJob] = {}
        self.open_handles: set[int] = set()
        self._next_handle = 100
        self._next_job = 1
        self._handles: dict[int, str] = {}
        self._doc: dict[int, int] = {}

    # --- queues --------------------------------------------------------------------------------------
    def OpenPrinter(self, name: str, defaults: Any = None) -> int:
        self.calls.append("OpenPrinter")
        if name not in self.queues:
            raise FakeWinError(1801, "OpenPrinter", "The printer name is invalid.")
        self._next_handle += 1
        self._handles[self._next_handle] = name
        self.open_handles.add(self._next_handle)
        return self._next_handle

    def ClosePrinter(self, handle: int) -> None:
        self.calls.append("ClosePrinter")
        self.open_handles.discard(handle)

    def GetPrinter(self, handle: int, level: int = 2) -> dict[str, Any]:
        self.calls.append("GetPrinter")
        q = self.queues[self._handles[handle]]
        waiting = sum(1 for j in self.jobs.values()
                      if j.queue == q.name and not (j.deleted or j.aborted or j.left))
        return {"pPrinterName": q.name, "Status": q.status, "Attributes": q.attributes, "cJobs": waiting,
                "pDriverName": q.driver, "pPortName": q.port}

    def EnumPrinters(self, flags: int, name: Any = None, level: int = 1) -> tuple[dict[str, Any], ...]:
        self.calls.append("EnumPrinters")
        assert level == 2 and flags & 0x2 and flags & 0x4
        return tuple({"pPrinterName": q.name, "pDriverName": q.driver, "pPortName": q.port, "Status": q.status,
                      "Attributes": q.attributes} for q in self.queues.values())

    def GetDefaultPrinter(self) -> str:
        if not self.default:
            raise FakeWinError(2, "GetDefaultPrinter", "No default printer.")
        return self.default

    # --- jobs ----------------------------------------------------------------------------------------
    def StartDocPrinter(self, handle: int, level: int, info: tuple[str, Any, str]) -> int:
        self.calls.append("StartDocPrinter")
        assert level == 1
        name, _output, datatype = info
        job_id = self._next_job
        self._next_job += 1
        self.jobs[job_id] = FakeJob(self._handles[handle], name, datatype)
        self._doc[handle] = job_id
        return job_id

    def StartPagePrinter(self, handle: int) -> None:
        self.calls.append("StartPagePrinter")

    def WritePrinter(self, handle: int, data: bytes) -> int:
        self.calls.append("WritePrinter")
        q = self.queues[self._handles[handle]]
        if q.write_error is not None:
            raise q.write_error
        self.jobs[self._doc[handle]].data += data
        return len(data)

    def EndPagePrinter(self, handle: int) -> None:
        self.calls.append("EndPagePrinter")

    def EndDocPrinter(self, handle: int) -> None:
        self.calls.append("EndDocPrinter")

    def AbortPrinter(self, handle: int) -> None:
        self.calls.append("AbortPrinter")
        self.jobs[self._doc[handle]].aborted = True

    def GetJob(self, handle: int, job_id: int, level: int = 1) -> dict[str, Any]:
        self.calls.append("GetJob")
        job = self.jobs[job_id]
        if job.deleted or job.left:
            raise FakeWinError(87, "GetJob", "The parameter is incorrect.")
        script = self.queues[job.queue].script
        status = script[min(job.looks, len(script) - 1)]
        job.looks += 1
        if status == GONE:
            job.left = True
            raise FakeWinError(87, "GetJob", "The parameter is incorrect.")
        return {"JobId": job_id, "Status": status, "pDocument": job.name}

    def SetJob(self, handle: int, job_id: int, level: int, info: Any, command: int) -> None:
        self.calls.append(f"SetJob:{command}")
        if command == 5:  # JOB_CONTROL_DELETE
            self.jobs[job_id].deleted = True


class FakeClock:
    """A monotonic clock that moves only when the transport sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
