"""Faults a red-team session found in the booth service seam and its print queue (issue 11 step 1): each test reproduces a
defect with real parts (a migrated store, a FIFO as a slow printer, the CLI as a subprocess) and fails until
it is fixed. See the red-team report for the severity and the steps by hand."""
from __future__ import annotations

import fcntl
import os
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from otop_pos.booth.printjobs import list_jobs
from otop_pos.booth.service import BoothService, Cart, PaymentIn, PrinterConfig
from otop_pos.core.clock import FixedClock
from otop_pos.store.engine import SqliteStore
from tests.booth.test_service import PIN, _cli, _set_printer, cli_home, wait_for  # noqa: F401 - fixture
from tests.printing.escpos_decode import decode

F_SETPIPE_SZ = 1031  # linux/fcntl.h


class SlowPrinter:
    """A FIFO read by a 'printer' that takes ~5 KB/s (a thermal head feeding paper): it keeps reading, so the
    file transport's write timeout never fires, but a receipt takes several seconds to go through."""

    def __init__(self, path: Path, rate: int = 512, every: float = 0.1) -> None:
        os.mkfifo(path)
        self.path = path
        self.fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        fcntl.fcntl(self.fd, F_SETPIPE_SZ, 4096)
        self.received = bytearray()
        self.rate, self.every = rate, every
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        while not self.stop.is_set():
            time.sleep(self.every)
            try:
                self.received += os.read(self.fd, self.rate)
            except BlockingIOError:
                pass

    def close(self) -> None:
        self.rate, self.every = 1 << 16, 0.001  # let whatever is in flight through
        time.sleep(0.2)
        self.stop.set()
        self.thread.join(5)
        os.close(self.fd)


@pytest.fixture(autouse=True)
def _qt_app_first(qapp: Any) -> None:
    """The print thread renders with Qt: pytest-qt's QApplication must exist before ``start()`` makes a bare
    QGuiApplication, which would make every later Qt test in the session error."""


@pytest.fixture
def slow_printer(tmp_path: Path) -> Iterator[SlowPrinter]:
    printer = SlowPrinter(tmp_path / "lp0")
    yield printer
    printer.close()


def _basket(service: BoothService) -> Cart:
    return Cart().add(service.catalogue().products[0], 2)


def test_a_test_page_is_not_held_up_by_receipts_printing_on_the_booth_printer(
        store: SqliteStore, clock: FixedClock, slow_printer: SlowPrinter, tmp_path: Path) -> None:
    """Printer page → "Print test page" while the queue works through a slow receipt. The test page runs on
    the booth's one operation runner, so while it waits for the queue's lock every sale queued behind it
    waits too. Before issue 11 the test page was a queued signal to the print thread and the runner stayed
    free. Expected: the test page (to another printer) goes out at once."""
    service = BoothService(store, clock)
    service.update_settings(printer=f"file:{slow_printer.path}", paper_width=576)
    service.open_day(100000)
    service.start()
    try:
        cart = _basket(service)
        service.sell(cart, [PaymentIn("cash", tendered_satang=cart.total_satang)])
        wait_for(lambda: bool(list_jobs(store, statuses=("printing",))))
        other = tmp_path / "test-page.bin"
        started = time.monotonic()
        service.test_page(PrinterConfig(printer=f"file:{other}", paper_width=384))
        took = time.monotonic() - started
        assert decode(other.read_bytes()).image.width == 384
        assert took < 2.0, f"the test page waited {took:.1f} s for the receipt queue"
    finally:
        service.shutdown()


def test_the_hint_after_a_day_close_with_a_dead_printer_prints_the_z_report(cli_home: Path,  # noqa: F811
                                                                             tmp_path: Path) -> None:
    """``booth day close`` with the printer unplugged says "the job waits in the queue (otop-pos print queue
    --run)". The vendor plugs the printer in and runs exactly that: nothing prints, exit 0, and the stale
    "printer not found" is repeated — the job was marked *failed*, which ``--run`` never prints (it needs
    ``--retry ID``). Expected: following the message prints the Z report (or the message names the command
    that does)."""
    unplugged = tmp_path / "unplugged"
    _set_printer(cli_home, f"file:{unplugged / 'lp0'}")
    out = _cli(cli_home, "booth", "day", "close", "--counted", "500", "--pin", PIN)
    assert out.returncode == 0, out.stderr
    found = re.search(r"print it with (otop-pos print queue [^\n]*--run)", out.stderr)
    assert found, out.stderr                           # the message names the command, in Thai too
    hint = found.group(1)
    assert f"สั่งพิมพ์ด้วย {hint}" in out.stderr
    unplugged.mkdir()                                  # the printer is back
    run = _cli(cli_home, *hint.split()[1:])
    assert run.returncode == 0, run.stderr
    assert (unplugged / "lp0").exists(), f"nothing printed; stdout={run.stdout!r} stderr={run.stderr!r}"
    assert decode((unplugged / "lp0").read_bytes()).image.height > 400


def _three_receipts_printing(store: SqliteStore, clock: FixedClock, printer: SlowPrinter) -> BoothService:
    """A started service whose three receipts go to the slow printer."""
    service = BoothService(store, clock)
    service.update_settings(printer=f"file:{printer.path}", paper_width=576)
    service.open_day(100000)
    cart = _basket(service)
    for _ in range(3):
        service.sell(cart, [PaymentIn("cash", tendered_satang=cart.total_satang)])
    service.start()
    return service


def test_stopping_the_print_queue_finishes_only_the_job_in_hand(
        store: SqliteStore, clock: FixedClock, slow_printer: SlowPrinter) -> None:
    """Closing the window calls ``PrintQueue.stop`` ("finish the job in hand, close the device and end the
    worker"). Steps: three receipts wait (the printer was slow or off), the queue starts printing them on a
    slow printer, the vendor closes the app. Seen: ``stop`` keeps printing every job the run had listed —
    the window is gone but the process lingers (up to the 30 s join timeout, after which the store is closed
    under a job still printing, which the next start calls interrupted). Expected: the jobs not yet begun
    stay pending for the next start, and closing takes one receipt's time at most."""
    service = _three_receipts_printing(store, clock, slow_printer)
    wait_for(lambda: bool(list_jobs(store, statuses=("printing",))))
    service.shutdown()
    statuses = [j.status for j in list_jobs(store, statuses=("pending", "printing", "printed", "failed"))]
    assert statuses == ["printed", "pending", "pending"], statuses


def test_a_day_close_whose_z_report_printed_does_not_say_it_did_not_print(cli_home: Path,  # noqa: F811
                                                                         tmp_path: Path) -> None:
    """Steps: earlier in the day one receipt failed to print (printer unplugged; the vendor left it failed —
    or an app crash left one 'interrupted'); the printer works again; ``otop-pos booth day close``.
    Seen: the Z report prints, yet stderr says "The Z report did not print: <the old receipt's error> — the
    job waits in the queue": ``print_now`` takes the newest *failed* job's error as the Z report's.
    Expected: no "did not print" when the Z report printed (the old failure may be mentioned as such)."""
    from otop_pos.booth.service import open_booth_service

    service = open_booth_service(cli_home, print_mode="inline")
    try:
        service.update_settings(printer=f"file:{tmp_path / 'unplugged' / 'lp0'}", paper_width=384)
        cart = _basket(service)
        service.sell(cart, [PaymentIn("cash", tendered_satang=cart.total_satang)])
        assert service.flush_prints().failed                       # the receipt failed and is kept
        paper = tmp_path / "printer.bin"
        service.update_settings(printer=f"file:{paper}")          # a working printer
    finally:
        service.close()
    out = _cli(cli_home, "booth", "day", "close", "--counted", "500", "--pin", PIN)
    assert out.returncode == 0, out.stderr
    assert decode(paper.read_bytes()).image.height > 400           # the Z report did print
    assert "did not print" not in out.stderr, out.stderr


def test_receipts_waiting_when_the_printer_is_changed_go_to_the_new_printer(
        store: SqliteStore, clock: FixedClock, slow_printer: SlowPrinter, tmp_path: Path) -> None:
    """``update_settings``: "a new printer is used from the next job on". Steps: the booth printer is very
    slow (or about to run out of paper); three receipts wait; while the first prints the vendor picks the
    spare printer in Settings and saves. Seen: the receipts after the one in hand still go to the old
    printer — the run listed them with the old device and does not look at the config again. Expected: the
    next job goes to the printer now set."""
    service = _three_receipts_printing(store, clock, slow_printer)
    try:
        wait_for(lambda: bool(list_jobs(store, statuses=("printing",))))
        spare = tmp_path / "spare.bin"
        service.update_settings(printer=f"file:{spare}")
        wait_for(lambda: not list_jobs(store, statuses=("pending", "printing")), timeout=90)
        assert spare.exists() and spare.stat().st_size > 1000, "no receipt reached the printer chosen in Settings"
    finally:
        service.shutdown()


class Handles:
    """A printer factory that counts the open handles on each device (the spec): a USB printer is claimed by
    one handle at a time (python-escpos also *resets* the device on open), so two at once fail or kill the
    job in hand on real hardware. The transports are the real dummy transport."""

    def __init__(self) -> None:
        from otop_pos.printing.transports.dummy import DummyTransport

        self._dummy = DummyTransport
        self.open: dict[str, int] = {}
        self.most = 0

    def __call__(self, config: PrinterConfig) -> object:
        from otop_pos.printing.printer import ReceiptPrinter

        handles, spec = self, config.printer

        class Claimed(self._dummy):  # type: ignore[name-defined, misc]
            def close(self) -> None:
                handles.open[spec] -= 1
                super().close()

        self.open[spec] = self.open.get(spec, 0) + 1
        self.most = max(self.most, self.open[spec])
        return ReceiptPrinter(Claimed(), config.paper_width, cut=config.cut)


def test_a_test_page_on_the_booth_printer_with_an_unsaved_width_does_not_open_it_twice(
        store: SqliteStore, clock: FixedClock) -> None:
    """Steps: a receipt has just printed (the queue keeps the device open for 20 s); Settings → Printer, the
    vendor changes the paper width (or cut / drawer / profile) without saving and presses "Print test page".
    ``PrintQueue.test_page`` closes the queue's handle only when the whole config is equal, so the test page
    opens a second handle on the same USB device: on hardware "busy", and escpos's ``Usb.open`` resets the
    device under the queue's handle. (Before issue 11 the device was closed after every run.) The same holds
    for a CLI ``print``/``booth day close`` from another process within 20 s of a receipt.
    Expected: one handle on a device at a time."""
    handles = Handles()
    service = BoothService(store, clock, printer_factory=handles)
    service.update_settings(printer="usb:04b8:0202", paper_width=576)
    service.open_day(100000)
    service.start()
    try:
        cart = _basket(service)
        service.sell(cart, [PaymentIn("cash", tendered_satang=cart.total_satang)])
        wait_for(lambda: service.queue.printed == 1)
        service.test_page(PrinterConfig(printer="usb:04b8:0202", paper_width=384))
        assert handles.most == 1, f"{handles.most} handles were open on usb:04b8:0202 at once"
    finally:
        service.shutdown()
