"""The booth service: the one front the window and the CLI use for everything a booth does.

Each method is a whole action — it runs the use case in its own session, decides whether a receipt prints
(from the settings it keeps), and wakes the print queue after the commit — and returns plain values. Built
once by the composition root (``open_booth_service``); the store, clock and printer are its dependencies.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from otop_pos.booth import (adjustments, backup, catalogue, days, held, methods, orders, pin, printjobs, queries,
                            settings)
# The value types the window and the CLI meet are importable from here (the UI reaches the booth through this).
from otop_pos.booth.adjustments import AdjustmentResult, RefundLineIn
from otop_pos.booth.backup import BackupResult
from otop_pos.booth.cart import Cart, CartLine, Discount, ProductInfo
from otop_pos.booth.catalogue import CatalogueIndex, CatalogueProblem
from otop_pos.booth.checkout import SaleResult, approval_needed, approval_reasons, checkout, may_need_approval
from otop_pos.booth.days import DENOMINATIONS, DayFigures, DayInfo, DayTotals
from otop_pos.booth.held import HeldBill
from otop_pos.booth.orders import OrderDetail, OrderResult, OrderRow, OrdersSummary
from otop_pos.booth.payments import PaymentIn, Tender, final_payments, take_part, tender
from otop_pos.booth.pin import Approval
from otop_pos.booth.demo import DEMO_FAIR, DEMO_PIN
from otop_pos.booth.queries import SaleDetail, SaleLineView, SaleRow
from otop_pos.booth.settings import PAPER_WIDTHS, BoothSettings
from otop_pos.booth.setup import BoothSetup, NewTill
from otop_pos.booth.store import BoothInfo, booth_info, default_data_dir, open_booth_store
from otop_pos.core.clock import Clock, SystemClock
from otop_pos.core.documents import ReceiptDoc, ZReportDoc
from otop_pos.core.errors import ApprovalNeeded, StoreError
from otop_pos.core.lookalike import Twins
from otop_pos.core.methods import MethodSpec, split_copay
from otop_pos.printing.queue import PrinterConfig, PrinterFactory, PrintJobView, PrintQueue, PrintState
from otop_pos.store.engine import SqliteStore


__all__ = [
    "AdjustmentResult", "Approval", "BackupResult", "BoothInfo", "BoothService", "BoothSettings", "Cart",
    "CartLine", "CatalogueIndex", "DENOMINATIONS", "DayFigures", "DayInfo", "DayTotals", "Discount", "HeldBill", "PAPER_WIDTHS",
    "PaymentIn", "PrintJobView", "PrintState", "PrinterConfig", "ProductInfo", "RefundLineIn", "SaleDetail",
    "SaleLineView", "SaleResult", "SaleRow", "Tender", "ZReportDoc", "ReceiptDoc", "open_booth_service", "printer_config", "DEMO_PIN", "DEMO_FAIR", "BoothSetup",
    "default_data_dir", "MethodSpec", "OrderDetail", "OrderResult", "OrderRow", "OrdersSummary",
]

if TYPE_CHECKING:  # imported when used: a command that does not need them starts without them
    from otop_pos.booth.rollforward import RollForward
    from otop_pos.booth.simulate import SimulationResult

PrintMode = Literal["background", "inline", "off"]


def printer_config(st: BoothSettings) -> PrinterConfig:
    """The printer part of the booth settings."""
    return PrinterConfig(st.printer, st.paper_width, st.cut, st.drawer_kick, st.printer_profile)


class BoothService:
    """One booth till: its store, clock and print queue. Safe to call from one worker thread at a time
    (the window's operation runner) plus the print and backup threads, which only touch jobs and backups."""

    def __init__(self, store: SqliteStore, clock: Clock, *, printer_factory: PrinterFactory | None = None,
                 print_mode: PrintMode = "background",
                 on_print_state: Callable[[PrintState], None] | None = None) -> None:
        self.store, self.clock = store, clock
        self._settings = settings.get_settings(store)
        self.print_mode = print_mode
        self.queue = PrintQueue(printjobs.StoreJobs(store, clock), printer_config(self._settings),
                                printer_factory, on_print_state)

    # --- lifecycle --------------------------------------------------------------------------------------
    def start(self) -> None:
        """Start the print worker (background mode); interrupted jobs become failed first."""
        if self.print_mode == "background":
            self.queue.start()

    def shutdown(self) -> None:
        """Stop the print worker (the job in hand finishes)."""
        self.queue.stop()

    def close(self) -> None:
        """Stop the print worker and close the store."""
        self.shutdown()
        self.store.dispose()

    def _printed(self) -> None:
        """After a commit that may have queued a print job."""
        if self.print_mode == "background":
            self.queue.wake()

    def flush_prints(self) -> PrintState:
        """Print what waits now, in this thread (a one-shot command before it exits)."""
        return self.queue.drain()

    @property
    def prints(self) -> bool:
        """True when a receipt printer is set up (otherwise no print jobs are queued)."""
        return self.queue.config.configured

    # --- who and how ------------------------------------------------------------------------------------
    def now(self) -> datetime:
        return self.clock.now()

    @property
    def settings(self) -> BoothSettings:
        return self._settings

    def reload_settings(self) -> BoothSettings:
        self._settings = settings.get_settings(self.store)
        self.queue.configure(printer_config(self._settings))
        return self._settings

    def update_settings(self, **changes: Any) -> BoothSettings:
        """Save settings; a new printer is used from the next job on (waiting jobs print now)."""
        self._settings = settings.update_settings(self.store, self.clock, **changes)
        self.queue.configure(printer_config(self._settings))
        self._printed()
        return self._settings

    def booth_info(self) -> BoothInfo | None:
        return booth_info(self.store)

    def is_set_up(self) -> bool:
        return booth_info(self.store) is not None

    def payment_methods(self) -> tuple[MethodSpec, ...]:
        """The fair's payment methods (from the booth package; the built-ins until one brought them)."""
        return methods.payment_methods(self.store)

    def scheme_methods(self) -> tuple[MethodSpec, ...]:
        """The fair's schemes the pay dialog offers beyond its own tabs: co-payment and state methods."""
        return tuple(m for m in self.payment_methods() if m.kind != "plain")

    @staticmethod
    def split_copay(amount_satang: int, state_percent: int) -> tuple[int, int]:
        """(customer share, state share) proposed for a co-payment part (the state's rounded down)."""
        return split_copay(amount_satang, state_percent)

    def set_pin(self, new_pin: str, *, current_pin: str | None = None) -> None:
        pin.set_pin(self.store, self.clock, new_pin, current_pin=current_pin)

    def approve(self, manager_pin: str, *, action: str) -> Approval:
        """Check the manager PIN once; the approval it returns stands in for the PIN (PinError when wrong)."""
        return pin.approve(self.store, self.clock, manager_pin, action=action)

    def approval_needed(self, cart: Cart) -> ApprovalNeeded | None:
        """What in ``cart`` needs the manager's approval (a discount above the limit in the settings, a changed
        price, a ฿0 sale) as the error checkout would raise without one; None when nothing does."""
        if not may_need_approval(cart):
            return None
        limit = self._settings.discount_limit_percent
        reasons = approval_reasons(cart, limit)
        return approval_needed(reasons, limit) if reasons else None

    # --- catalogue --------------------------------------------------------------------------------------
    def catalogue(self) -> CatalogueIndex:
        return CatalogueIndex.load(self.store)

    def catalogue_problems(self) -> tuple[CatalogueProblem, ...]:
        """Codes two active products share (a scan of one is refused), each naming both and how to fix it."""
        return catalogue.catalogue_problems(self.store)

    def lookalike_twins(self) -> tuple[Twins, ...]:
        """Products nothing on their tiles tells apart (same name, price and type): warnings, not errors."""
        return catalogue.lookalike_twins(self.store)

    def products(self, *, include_inactive: bool = False) -> tuple[ProductInfo, ...]:
        return catalogue.list_products(self.store, include_inactive=include_inactive)

    def save_product(self, **fields: Any) -> ProductInfo:
        return catalogue.save_product(self.store, self.clock, **fields)

    def set_sold_out(self, sku: str, sold_out: bool) -> ProductInfo:
        return catalogue.set_sold_out(self.store, self.clock, sku, sold_out)

    # --- selling ----------------------------------------------------------------------------------------
    @staticmethod
    def tender(total_satang: int, taken: Sequence[PaymentIn], cash_tendered: int | None = None) -> Tender:
        """Due, change and short while the payment is taken."""
        return tender(total_satang, tuple(taken), cash_tendered)

    @staticmethod
    def take_part(total_satang: int, taken: Sequence[PaymentIn], part: PaymentIn) -> tuple[PaymentIn, ...]:
        """Add a non-cash part; refused (saying why) when zero or more than is due."""
        return take_part(total_satang, tuple(taken), part)

    @staticmethod
    def final_payments(total_satang: int, taken: Sequence[PaymentIn],
                       cash_tendered: int | None) -> tuple[PaymentIn, ...]:
        """The payments that complete the sale, or SaleError saying what is missing."""
        return final_payments(total_satang, tuple(taken), cash_tendered)

    def sell(self, cart: Cart, payments: Sequence[PaymentIn], *, allow_oversell: bool = False,
             bill_uuid: str | None = None, approval: Approval | None = None) -> SaleResult:
        """Commit the sale with its receipt job (when a printer is set up) and print it; the open or held
        bill ``bill_uuid`` it came from is removed in the same transaction. A cart that needs the manager
        (``approval_needed``) is refused (ApprovalNeeded) without ``approval`` or the cart's own."""
        result = checkout(self.store, self.clock, cart, tuple(payments), cashier=self._settings.cashier,
                          allow_oversell=allow_oversell, print_receipt=self.prints, bill_uuid=bill_uuid,
                          approval=approval or cart.approval,
                          discount_limit_percent=self._settings.discount_limit_percent)
        self._printed()
        return result

    # --- the open cart and held bills (kept in the store) -----------------------------------------------
    def open_bill(self) -> HeldBill | None:
        """The cart that was on screen when the app last stopped, with its payment parts."""
        return held.open_bill(self.store)

    def save_open(self, uuid: str, cart: Cart, parts: Sequence[PaymentIn] = ()) -> None:
        """Write the cart on screen and its payment parts (durably, like a sale)."""
        held.save_open(self.store, self.clock, uuid, cart, tuple(parts))

    def held_bills(self) -> list[HeldBill]:
        """The held bills, oldest first."""
        return held.held_bills(self.store)

    def hold(self, uuid: str, cart: Cart, parts: Sequence[PaymentIn] = (), name: str = "") -> HeldBill:
        """Hold the open bill ``uuid`` as it is now."""
        return held.hold(self.store, self.clock, uuid, cart, tuple(parts), name)

    def recall(self, uuid: str, current_uuid: str | None = None, current: Cart | None = None,
               current_parts: Sequence[PaymentIn] = ()) -> HeldBill:
        """Make held bill ``uuid`` the open one; a current cart with anything in it is held first."""
        return held.recall(self.store, self.clock, uuid, current_uuid, current, tuple(current_parts))

    def refresh_bill(self, bill: HeldBill, products: Sequence[ProductInfo]) -> tuple[HeldBill, list[tuple[str, str]]]:
        """The bill as today's catalogue has it (a product off sale leaves it, a changed catalogue price is
        taken), written back when anything changed; with what changed (Thai, English)."""
        fresh, notes = held.refresh_bill(bill, products)
        if notes:
            held.save_open(self.store, self.clock, fresh.uuid, fresh.cart, fresh.parts)
        return fresh, notes

    def rename_held(self, uuid: str, name: str) -> HeldBill:
        """Give a held bill a name or note."""
        return held.rename(self.store, self.clock, uuid, name)

    def discard_held(self, uuid: str) -> None:
        """Remove a held bill with no money taken on it."""
        held.discard(self.store, self.clock, uuid)

    @staticmethod
    def new_bill_uuid() -> str:
        """A fresh id for the next open bill."""
        return held.new_bill_uuid()

    def void(self, ref: str, reason: str, manager_pin: str | Approval) -> AdjustmentResult:
        """Void a sale of today (manager PIN); its VOID slip prints."""
        result = adjustments.void_sale(self.store, self.clock, ref, reason, manager_pin,
                                       by=self._settings.cashier, print_receipt=self.prints)
        self._printed()
        return result

    def refund(self, ref: str, reason: str, manager_pin: str | Approval, *, lines: Sequence[RefundLineIn],
               method: str = "cash", reference: str = "") -> AdjustmentResult:
        """Refund lines of a sale (manager PIN); its refund slip prints."""
        result = adjustments.refund_sale(self.store, self.clock, ref, reason, manager_pin, lines=list(lines),
                                         method=method, reference=reference,  # type: ignore[arg-type]
                                         by=self._settings.cashier, print_receipt=self.prints)
        self._printed()
        return result

    # --- orders (booth/orders.py) ------------------------------------------------------------------------
    def take_order(self, cart: Cart, *, customer: str, deliver_on: date, deposit_satang: int,
                   payments: Sequence[PaymentIn] = (), phone: str = "", note: str = "",
                   approval: Approval | None = None) -> OrderResult:
        """Take the cart as an order with its deposit (money of today, not a sale); its deposit receipt prints."""
        result = orders.take_order(self.store, self.clock, cart, customer=customer, deliver_on=deliver_on,
                                   deposit_satang=deposit_satang, payments=tuple(payments), phone=phone, note=note,
                                   cashier=self._settings.cashier, approval=approval, print_receipt=self.prints)
        self._printed()
        return result

    def deliver_order(self, ref: str, payments: Sequence[PaymentIn] = ()) -> OrderResult:
        """Deliver an open order: the balance paid now, the whole order a sale of today; its receipt prints."""
        result = orders.deliver_order(self.store, self.clock, ref, tuple(payments), cashier=self._settings.cashier,
                                      print_receipt=self.prints)
        self._printed()
        return result

    def cancel_order(self, ref: str, manager_pin: str | Approval, *, refund_deposit: bool) -> OrderResult:
        """Cancel an open order (manager PIN), giving the deposit back or keeping it."""
        return orders.cancel_order(self.store, self.clock, ref, manager_pin, refund_deposit=refund_deposit,
                                   by=self._settings.cashier)

    def orders(self, *, status: str | None = None) -> tuple[OrderRow, ...]:
        """The booth's orders (``status``: open, delivered or cancelled only)."""
        return orders.list_orders(self.store, status=status)

    def order_detail(self, ref: str) -> OrderDetail:
        """One order with its lines and money."""
        return orders.order_detail(self.store, ref)

    # --- days -------------------------------------------------------------------------------------------
    def current_day(self) -> DayInfo | None:
        return days.current_day(self.store)

    def list_days(self) -> tuple[DayInfo, ...]:
        return days.list_days(self.store)

    def day_figures(self) -> DayFigures:
        return days.day_figures(self.store)

    def open_day(self, float_satang: int) -> DayInfo:
        return days.open_day(self.store, self.clock, float_satang, by=self._settings.cashier)

    def close_day(self, manager_pin: str | Approval, *, counts: dict[int, int] | None = None,
                  counted_satang: int | None = None) -> ZReportDoc:
        """Close the day with the cash count (manager PIN); the Z report prints and the store is backed up."""
        report = days.close_day(self.store, self.clock, manager_pin, counts=counts, counted_satang=counted_satang,
                                by=self._settings.cashier, print_report=self.prints)
        self._printed()
        return report

    def zreport(self, *, day_uuid: str | None = None, business_date: date | None = None,
                lang: str = "th") -> ZReportDoc:
        return days.zreport(self.store, day_uuid=day_uuid, business_date=business_date, lang=lang)

    # --- history ----------------------------------------------------------------------------------------
    def list_sales(self, **query: Any) -> list[SaleRow]:
        return queries.list_sales(self.store, **query)

    def history(self, **query: Any) -> list[SaleRow]:
        """The history list: sales and refund documents, newest first (``queries.list_history``)."""
        return queries.list_history(self.store, **query)

    def day_totals(self, business_date: date | None = None) -> DayTotals:
        """The totals under the history list, the Z report's figures for that date (None: every day)."""
        return days.day_totals(self.store, business_date)

    def sale_detail(self, ref: str) -> SaleDetail:
        """A sale (or a refund document) with the reasons its void and refund are refused, if they are."""
        return queries.sale_detail(self.store, ref)

    def receipt_doc(self, ref: str, *, copy: bool = False, lang: str | None = None) -> ReceiptDoc:
        return queries.receipt_doc(self.store, ref, copy=copy, lang=lang)

    def last_sale_number(self) -> str:
        return queries.last_sale_number(self.store)

    # --- printing ---------------------------------------------------------------------------------------
    def reprint(self, ref_uuid: str, kind: str = "sale") -> int:
        """Queue a copy (marked COPY) of a receipt or Z report and print it."""
        job = printjobs.enqueue_reprint(self.store, self.clock, ref_uuid, kind=kind)
        self._printed()
        return job

    def print_jobs(self) -> list[PrintJobView]:
        """The jobs waiting or failed."""
        return printjobs.list_jobs(self.store)

    def print_job(self, job_id: int) -> PrintJobView | None:
        return printjobs.get_job(self.store, job_id)

    def newest_print_job(self, kind: str) -> PrintJobView | None:
        """The newest job of ``kind`` (``sale``, ``void``, ``refund``, ``zreport``) in any state."""
        return printjobs.newest_job(self.store, kind)

    def retry_failed(self) -> int:
        """Put every failed job back in the queue and print; returns how many."""
        jobs = [j for j in printjobs.list_jobs(self.store) if j.status == "failed"]
        for job in jobs:
            printjobs.retry_job(self.store, job.id)
        self._printed()
        return len(jobs)

    def retry_job(self, job_id: int) -> None:
        printjobs.retry_job(self.store, job_id)
        self._printed()

    def cancel_job(self, job_id: int) -> None:
        printjobs.cancel_job(self.store, self.clock, job_id)
        self._printed()

    def test_page(self, config: PrinterConfig) -> None:
        """Print the test page with ``config`` (not yet saved); raises PrinterError when it fails."""
        self.queue.test_page(config)

    # --- backups and export -----------------------------------------------------------------------------
    def backup_now(self, folder: Path | None = None, *, keep: int | None = None) -> BackupResult:
        """Back the store up to ``folder`` (default: the backup folder from settings)."""
        st = self._settings
        if folder is None:
            if not st.backup_dir:
                raise StoreError("ยังไม่ได้เลือกโฟลเดอร์สำรองข้อมูล", "No backup folder is set.")
            folder = Path(st.backup_dir)
        return backup.backup_now(self.store, self.clock, folder, keep=st.backup_keep if keep is None else keep)

    def backup_if_due(self) -> BackupResult | None:
        return backup.backup_if_due(self.store, self.clock)

    def export(self, folder: Path) -> Path:
        """Write the signed end-of-day export for the organiser into ``folder``; returns its path."""
        from otop_pos.booth.export import export_booth

        return export_booth(self.store, self.clock, folder)

    def roll_forward(self, exports: Path) -> RollForward:
        """After a restore: bring back from this till's newest export what the backup lacks."""
        from otop_pos.booth.rollforward import roll_forward

        return roll_forward(self.store, self.clock, exports)

    # --- setting up -------------------------------------------------------------------------------------
    def set_up(self, setup: BoothSetup, *, manager_pin: str | None = None) -> None:
        """Give the till its booth, vendor and catalogue (a ``BoothSetup``)."""
        from otop_pos.booth.setup import setup_booth

        setup_booth(self.store, self.clock, setup, pin=manager_pin)
        self.reload_settings()

    def set_up_from_registry(self, registry: Path | tuple[Path, Path], vendor_code: str, *, booth: str | None = None,
                             till_no: int = 1, fair_name: str = "", manager_pin: str | None = None) -> BoothSetup:
        """Set the till up for one vendor of a registry (its folder, or its vendors and catalogue files)."""
        from otop_pos.booth.setup import from_registry
        from otop_pos.exchange.registry_csv import find_registry_files, load_registry

        files = find_registry_files(registry) if isinstance(registry, Path) else registry
        setup = from_registry(load_registry(*files), vendor_code, booth=booth, till_no=till_no, fair_name=fair_name)
        self.set_up(setup, manager_pin=manager_pin)
        return setup

    def set_up_from_package(self, package: Path, *, till_no: int = 1,
                            manager_pin: str | None = None) -> BoothSetup:
        """Set the till up from the organiser's booth package; returns the setup."""
        from otop_pos.booth.package_setup import setup_from_package

        done = setup_from_package(self.store, self.clock, package, till_no=till_no, pin=manager_pin)
        self.reload_settings()
        return done

    def new_till(self, till_no: int, manager_pin: str | Approval) -> NewTill:
        """Make this laptop (its data copied from another till) till ``till_no`` of its booth from now on."""
        from otop_pos.booth.setup import new_till

        done = new_till(self.store, self.clock, till_no, manager_pin)
        self.reload_settings()
        return done

    def set_up_demo(self) -> bool:
        """The demo booth when the till is not set up yet; True when it did."""
        from otop_pos.booth.demo import ensure_demo_booth

        done = ensure_demo_booth(self.store, self.clock)
        self.reload_settings()
        return done

    def simulate(self, **options: Any) -> SimulationResult:
        """A realistic fair (``booth.simulate.simulate``'s options): receipts are not printed."""
        from otop_pos.booth.simulate import simulate

        return simulate(self.store, **options)

    def warm_up(self) -> None:
        """Import what the first receipt needs (the raster), off the GUI thread."""
        if self.prints:
            import otop_pos.printing.printer  # noqa: F401
            import otop_pos.printing.raster  # noqa: F401


def open_booth_service(data_dir: Path | None = None, *, clock: Clock | None = None,
                       print_mode: PrintMode = "background", printer_factory: PrinterFactory | None = None,
                       on_print_state: Callable[[PrintState], None] | None = None,
                       create: bool = True) -> BoothService:
    """Open the booth store in ``data_dir`` (default: OTOP_POS_HOME or the user data folder) and front it;
    ``create=False``: a folder holding no store is "not set up yet" and stays as it is."""
    store = open_booth_store(data_dir or default_data_dir(), create=create)
    return BoothService(store, clock or SystemClock(), printer_factory=printer_factory, print_mode=print_mode,
                        on_print_state=on_print_state)

