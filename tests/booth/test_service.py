"""The booth service: each action commits, decides whether its receipt prints and wakes the print queue;
the print queue keeps the device open between jobs; the payment figures; one-shot commands print before exit."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from otop_pos.booth.printjobs import list_jobs
from otop_pos.booth.service import BoothService, Cart, PaymentIn, PrinterConfig, RefundLineIn
from otop_pos.core.clock import FixedClock
from otop_pos.core.errors import SaleError, StoreError
from otop_pos.printing.printer import ReceiptPrinter
from otop_pos.printing.transports.dummy import DummyTransport
from otop_pos.store.engine import SqliteStore
from tests.printing.escpos_decode import decode

PIN = "1234"
ROOT = Path(__file__).resolve().parents[2]


class Factory:
    """A printer factory over one dummy transport that counts how often a printer was opened."""

    def __init__(self) -> None:
        self.transport = DummyTransport()
        self.opened: list[PrinterConfig] = []

    def __call__(self, config: PrinterConfig) -> ReceiptPrinter:
        self.opened.append(config)
        return ReceiptPrinter(self.transport, config.paper_width, cut=config.cut)


def wait_for(cond: Callable[[], bool], timeout: float = 20.0) -> None:
    end = time.monotonic() + timeout
    while not cond():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.02)


@pytest.fixture
def factory() -> Factory:
    return Factory()


@pytest.fixture
def service(store: SqliteStore, clock: FixedClock, factory: Factory, qapp: Any) -> Iterator[BoothService]:
    """A started service (the print thread renders with Qt: pytest-qt's application, as in the window)."""
    svc = BoothService(store, clock, printer_factory=factory)
    svc.open_day(100000)
    svc.start()
    yield svc
    svc.shutdown()


def basket(service: BoothService) -> Cart:
    return Cart().add(service.catalogue().products[0], 2)


def cash(cart: Cart) -> list[PaymentIn]:
    return [PaymentIn("cash", tendered_satang=cart.total_satang)]


def test_without_a_printer_a_sale_queues_no_receipt(service: BoothService, store: SqliteStore,
                                                    factory: Factory) -> None:
    cart = basket(service)
    result = service.sell(cart, cash(cart))
    assert result.print_job_id is None and list_jobs(store, statuses=("pending", "printed", "failed")) == []
    assert factory.opened == [] and not service.prints


def test_a_sale_prints_once_committed_and_the_printer_stays_open(service: BoothService, store: SqliteStore,
                                                                 factory: Factory) -> None:
    service.update_settings(printer="dummy", paper_width=384)
    numbers = []
    for _ in range(3):
        cart = basket(service)
        numbers.append(service.sell(cart, cash(cart)).number)
    wait_for(lambda: len(factory.transport.jobs) == 3)
    wait_for(lambda: [j.status for j in list_jobs(store, statuses=("printed",))] == ["printed"] * 3)
    assert len(factory.opened) == 1                         # one device handle for the three receipts
    image = decode(factory.transport.jobs[0]).image
    assert image.width == 384 and image.height > 300        # a real raster, at the configured width
    wait_for(lambda: service.queue.state.printed == 3 and service.queue.state.pending == 0)
    assert service.queue.state.configured and service.queue.state.label == "DummyTransport"


def test_a_new_booth_prints_on_58_mm_paper(service: BoothService, factory: Factory) -> None:
    """Most portable booth printers take 58 mm paper: a booth that never chose prints 384 dots wide."""
    assert service.settings.paper_width == 384
    service.update_settings(printer="dummy")                # a printer chosen, the paper left as it was
    cart = basket(service)
    service.sell(cart, cash(cart))
    wait_for(lambda: len(factory.transport.jobs) == 1)
    assert [c.paper_width for c in factory.opened] == [384]
    assert decode(factory.transport.jobs[0]).image.width == 384


def test_an_idle_device_is_let_go_and_opened_again_for_the_next_receipt(service: BoothService,
                                                                        factory: Factory) -> None:
    service.queue.idle_close_seconds = 0.3
    service.update_settings(printer="dummy")
    cart = basket(service)
    service.sell(cart, cash(cart))
    wait_for(lambda: len(factory.transport.jobs) == 1)
    wait_for(lambda: factory.transport.closed)                # idle: the connection was closed
    factory.transport.closed = False
    service.sell(cart, cash(cart))
    wait_for(lambda: len(factory.transport.jobs) == 2)
    assert len(factory.opened) == 2


def test_a_new_printer_setting_reopens_the_device(service: BoothService, factory: Factory) -> None:
    service.update_settings(printer="dummy", paper_width=576)
    cart = basket(service)
    service.sell(cart, cash(cart))
    wait_for(lambda: len(factory.transport.jobs) == 1)
    service.update_settings(paper_width=384)
    service.sell(cart, cash(cart))
    wait_for(lambda: len(factory.transport.jobs) == 2)
    assert [c.paper_width for c in factory.opened] == [576, 384]
    assert decode(factory.transport.jobs[1]).image.width == 384


def test_a_failed_print_is_kept_and_printed_only_when_asked(service: BoothService, store: SqliteStore,
                                                            factory: Factory) -> None:
    service.update_settings(printer="dummy")
    factory.transport.fail_with("paper_out")
    cart = basket(service)
    sale = service.sell(cart, cash(cart))
    wait_for(lambda: len(service.queue.state.failed) == 1)
    assert "paper" in service.queue.state.error_en.lower() and factory.transport.jobs == []
    assert service.sale_detail(sale.uuid).row.number == sale.number     # the sale stands whatever the printer does
    factory.transport.fail_with(None)
    assert service.retry_failed() == 1
    wait_for(lambda: len(factory.transport.jobs) == 1 and not service.queue.state.failed)
    assert len(factory.opened) == 2                          # the failed device was closed and opened again


def test_void_refund_close_and_reprint_print_through_the_service(service: BoothService, store: SqliteStore,
                                                                 factory: Factory, tmp_path: Path) -> None:
    service.update_settings(printer="dummy", backup_dir=str(tmp_path / "usb"))
    a, b = basket(service), basket(service)
    first, second = service.sell(a, cash(a)), service.sell(b, cash(b))
    service.void(first.uuid, "wrong item", PIN)
    service.refund(second.uuid, "broken", PIN, lines=[RefundLineIn(1, 1)])
    report = service.close_day(PIN, counted_satang=100000 + b.total_satang - b.lines[0].unit_price_satang)
    assert report.difference_satang == 0
    service.reprint(second.uuid)
    wait_for(lambda: len(list_jobs(store, statuses=("printed",))) == 6)
    assert len(factory.transport.jobs) == 6
    kinds = [(j.kind, j.copy) for j in list_jobs(store, statuses=("printed",))]
    assert kinds == [("sale", False), ("sale", False), ("void", False), ("refund", False), ("zreport", False),
                     ("sale", True)]
    assert len(list((tmp_path / "usb").glob("otop-booth-*.sqlite"))) == 1   # the close backed the store up


def test_refused_actions_change_nothing_and_queue_nothing(service: BoothService, store: SqliteStore) -> None:
    service.update_settings(printer="dummy")
    cart = basket(service)
    with pytest.raises(SaleError):
        service.sell(cart, [PaymentIn("cash", tendered_satang=cart.total_satang - 100)])
    with pytest.raises(StoreError):
        service.backup_now()                                  # no backup folder set
    assert service.list_sales() == [] and list_jobs(store, statuses=("pending", "printed", "failed")) == []


def test_payment_figures_due_change_short_and_parts() -> None:
    t = BoothService.tender(12000, [], 10000)
    assert (t.due_satang, t.change_satang, t.short_satang, t.covered) == (12000, 0, 2000, False)
    parts = BoothService.take_part(12000, [], PaymentIn("promptpay", 5000))
    t = BoothService.tender(12000, parts, 10000)
    assert (t.taken_satang, t.due_satang, t.change_satang, t.short_satang, t.covered) == (5000, 7000, 3000, 0, True)
    with pytest.raises(SaleError, match="change can only be given from cash"):
        BoothService.take_part(12000, parts, PaymentIn("transfer", 8000))
    with pytest.raises(SaleError, match="more than zero"):
        BoothService.take_part(12000, parts, PaymentIn("transfer", 0))
    final = BoothService.final_payments(12000, parts, 10000)
    assert [(p.method, p.amount_satang, p.tendered_satang) for p in final] == [
        ("promptpay", 5000, None), ("cash", 0, 10000)]
    with pytest.raises(SaleError, match="Enter the cash received"):
        BoothService.final_payments(12000, parts, None)
    paid = BoothService.take_part(12000, parts, PaymentIn("transfer", 7000))
    assert BoothService.tender(12000, paid).covered and BoothService.final_payments(12000, paid, None) == paid


def test_hold_and_recall_swap_the_current_cart_in_the_store(service: BoothService) -> None:
    a, b = basket(service), Cart().add(service.catalogue().products[-1])
    with pytest.raises(SaleError, match="nothing to hold"):
        service.hold(service.new_bill_uuid(), Cart())
    ua, ub = service.new_bill_uuid(), service.new_bill_uuid()
    service.save_open(ua, a)
    assert service.open_bill() is not None and service.open_bill().cart == a  # type: ignore[union-attr]
    service.hold(ua, a, name="red hat")
    assert service.open_bill() is None
    service.save_open(ub, b)
    back = service.recall(ua, ub, b)
    assert (back.uuid, back.cart, back.name) == (ua, a, "red hat")
    assert [(h.uuid, h.cart) for h in service.held_bills()] == [(ub, b)]   # the cart on screen took its place
    assert service.open_bill().uuid == ua                               # type: ignore[union-attr]


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, OTOP_POS_HOME=str(home), PYTHONWARNINGS="error")
    return subprocess.run([sys.executable, "-m", "otop_pos", *args], capture_output=True, text=True, env=env,
                          timeout=300, cwd=ROOT)


@pytest.fixture
def cli_home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    out = _cli(home, "booth", "setup", "--registry", str(ROOT / "resources" / "demo"), "--vendor", "KK20-0018",
               "--pin", PIN)
    assert out.returncode == 0, out.stderr
    assert _cli(home, "booth", "day", "open", "--float", "500").returncode == 0
    return home


def _set_printer(home: Path, spec: str) -> None:
    from otop_pos.booth.service import open_booth_service

    svc = open_booth_service(home, print_mode="off")
    try:
        svc.update_settings(printer=spec, paper_width=384)
    finally:
        svc.close()


def test_a_one_shot_day_close_prints_its_z_report_before_it_exits(cli_home: Path, tmp_path: Path) -> None:
    paper = tmp_path / "printer.bin"
    _set_printer(cli_home, f"file:{paper}")
    out = _cli(cli_home, "booth", "day", "close", "--counted", "500", "--pin", PIN)
    assert out.returncode == 0, out.stderr
    assert "did not print" not in out.stderr
    z = decode(paper.read_bytes()).image
    assert z.width == 384 and z.height > 400
    queue = _cli(cli_home, "print", "queue")
    assert queue.returncode == 0 and queue.stdout.strip() == ""   # nothing waits, nothing failed


def test_a_one_shot_day_close_with_a_dead_printer_says_the_report_waits(cli_home: Path, tmp_path: Path) -> None:
    _set_printer(cli_home, f"file:{tmp_path / 'unplugged' / 'lp0'}")
    out = _cli(cli_home, "booth", "day", "close", "--counted", "500", "--pin", PIN)
    assert out.returncode == 0, out.stderr                      # the day is closed all the same
    queue = _cli(cli_home, "print", "queue")
    assert "zreport" in queue.stdout and "failed" in queue.stdout
    jobs = [line.split()[0] for line in queue.stdout.splitlines()]
    assert f"Z report did not print: " in out.stderr
    assert f"print it with otop-pos print queue --retry {jobs[0]} --run" in out.stderr
    paper = tmp_path / "printer.bin"
    run = _cli(cli_home, "print", "queue", "--retry", jobs[0], "--run", "--printer", f"file:{paper}")
    assert run.returncode == 0, run.stderr
    assert f"job {jobs[0]} zreport printed" in run.stdout
    assert decode(paper.read_bytes()).image.height > 400


def test_commands_that_do_not_print_do_not_load_qt(cli_home: Path) -> None:
    probe = ("import sys, runpy; sys.argv = ['otop-pos', 'booth', 'day', 'status'];\n"
             "from otop_pos.app import main\n"
             "rc = main(sys.argv[1:]); assert rc == 0, rc\n"
             "print('QT', any(m.startswith('PySide6') for m in sys.modules))")
    env: dict[str, Any] = dict(os.environ, OTOP_POS_HOME=str(cli_home))
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=ROOT,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("QT False")


def test_the_queue_says_it_is_printing_before_it_prints_and_opens_no_device_for_nothing(
        store: SqliteStore, clock: FixedClock, factory: Factory, qapp: Any) -> None:
    states: list[tuple[int, int]] = []
    svc = BoothService(store, clock, printer_factory=factory,
                       on_print_state=lambda st: states.append((st.pending, st.printed)))
    try:
        svc.open_day(100000)
        svc.update_settings(printer="dummy")
        svc.start()
        wait_for(lambda: bool(states))
        assert factory.opened == []                            # nothing to print: the device stays closed
        cart = basket(svc)
        svc.sell(cart, cash(cart))
        wait_for(lambda: states[-1] == (0, 1))
        assert (1, 0) in states                                # "1 waiting" was shown while it printed
    finally:
        svc.shutdown()


def test_an_orders_deposit_and_delivery_receipts_print_through_the_service(
        service: BoothService, store: SqliteStore, factory: Factory, clock: FixedClock) -> None:
    service.update_settings(printer="dummy", paper_width=384)
    cart = basket(service)
    order = service.take_order(cart, customer="สมศรี", deliver_on=service.current_day().business_date,  # type: ignore[union-attr]
                               deposit_satang=1000, payments=[PaymentIn("promptpay", 1000)])
    done = service.deliver_order(order.number, [PaymentIn("cash", tendered_satang=cart.total_satang)])
    assert done.change_satang == 1000                      # the cash handed over for the balance, with change
    service.reprint(order.uuid, kind="deposit")
    wait_for(lambda: len(list_jobs(store, statuses=("printed",))) == 3)
    kinds = [(j.kind, j.copy) for j in list_jobs(store, statuses=("printed",))]
    assert kinds == [("deposit", False), ("sale", False), ("deposit", True)]
    assert all(decode(job).image.height > 300 for job in factory.transport.jobs)
