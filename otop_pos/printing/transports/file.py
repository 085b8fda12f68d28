"""Printing by writing to a file: a device such as /dev/usb/lp0 (the usblp kernel driver) or a normal file.

A file cannot report the printer's status, so ``status()`` is always unknown (never "paper OK").
On POSIX character devices writes are non-blocking with a timeout, so a printer without paper cannot hang.
"""
from __future__ import annotations

import errno
import os
import select
import stat
import time

from otop_pos.printing.errors import Where, map_exception
from otop_pos.printing.transports.base import DEFAULT_CHUNK, PrinterStatus, chunks, unknown_status


class FileTransport:
    """Appends each job to ``path`` (opened per job, closed after)."""

    def __init__(self, path: str, *, timeout: float = 10.0, chunk_size: int = DEFAULT_CHUNK) -> None:
        self.path = path
        self.timeout = timeout
        self.chunk_size = chunk_size

    def __repr__(self) -> str:
        return f"FileTransport({self.path!r})"

    def _is_device(self) -> bool:
        """A character device (/dev/usb/lp0) or a pipe: both can block, so they get timed writes."""
        try:
            mode = os.stat(self.path).st_mode
        except OSError:
            return False
        return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)

    def send(self, data: bytes) -> None:
        """Write ``data``; raises ``PrinterError`` (ENOSPC on a device = paper out, EACCES = permissions)."""
        is_device = self._is_device()
        where = Where("file", self.path, is_device=is_device)
        try:
            if is_device and os.name == "posix":
                self._write_device(data)
            else:
                with open(self.path, "ab") as fh:
                    for part in chunks(data, self.chunk_size):
                        fh.write(part)
                    fh.flush()
        except Exception as exc:  # noqa: BLE001 - every failure becomes a PrinterError
            raise map_exception(exc, where) from exc

    def _write_device(self, data: bytes) -> None:
        flags = os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(self.path, flags)
        try:
            for part in chunks(data, self.chunk_size):
                view = part
                deadline = time.monotonic() + self.timeout
                while len(view):
                    try:
                        written = os.write(fd, view)
                    except BlockingIOError:
                        written = 0
                    if written:
                        view = view[written:]
                        deadline = time.monotonic() + self.timeout  # progress: the printer is reading
                        continue
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        raise TimeoutError(errno.ETIMEDOUT, f"writing {self.path} timed out")
                    select.select([], [fd], [], remaining)
        finally:
            os.close(fd)

    def status(self) -> PrinterStatus:
        """Always unknown: a device file gives no status back."""
        return unknown_status(
            f"อ่านสถานะเครื่องพิมพ์จาก {self.path} ไม่ได้ (ไม่ทราบว่ามีกระดาษหรือไม่)",
            f"A file ({self.path}) cannot report the printer status: paper state unknown.",
        )

    def close(self) -> None:
        """Nothing stays open between jobs."""
