"""The booth window's session: the booth service, the operation runner, language, the cart on screen.

It outlives the main window (a language change rebuilds the window; the cart and held sales stay). Screens
ask the booth service through ``run`` (off the GUI thread) and listen to the signals here. The cart on
screen and the payment parts taken on it are written to the store on every change (``set_cart``,
``set_parts``), so a crash or a restart brings them back.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from otop_pos.booth.service import (
    BackupResult,
    BoothService,
    BoothSettings,
    Cart,
    CatalogueIndex,
    DayInfo,
    HeldBill,
    PaymentIn,
)
from otop_pos.printing.queue import PrintState
from otop_pos.ui.backups import BackupService
from otop_pos.ui.i18n import current_lang, install_language
from otop_pos.ui.runner import OperationRunner
from otop_pos.ui.sounds import Sounds


class BoothContext(QObject):
    """Everything a screen needs besides its own widgets."""

    catalogueChanged = Signal()
    settingsChanged = Signal(object)
    dayChanged = Signal()
    salesChanged = Signal()
    cartChanged = Signal()
    heldChanged = Signal()
    billNotes = Signal(list)         # texts: what changed on a bill brought back (price, product off sale)
    languageChanged = Signal(str)
    printStateChanged = Signal(object)   # PrintState, from the print thread (queued to the GUI thread)

    def __init__(self, service: BoothService, *, lang: str | None = None, workers: bool = True,
                 sounds: Sounds | None = None, backup_interval_ms: int = 60_000) -> None:
        super().__init__()
        self.service = service
        self.settings: BoothSettings = service.settings
        self.lang = install_language(lang or self.settings.lang)
        self.runner = OperationRunner(self)
        self.device_runner = OperationRunner(self)   # printer tests and searches: never in the way of a sale
        self.sounds = sounds or Sounds(self)
        self.cart = Cart()
        self.parts: tuple[PaymentIn, ...] = ()
        self.bill_uuid = service.new_bill_uuid()
        self._held: list[HeldBill] = []
        self.notes: list[str] = []     # what changed on a bill brought back (shown by the sell screen)
        self.index: CatalogueIndex = service.catalogue()
        self.restore_open_bill()
        self.day: DayInfo | None = service.current_day()
        self.backups: BackupService | None = None
        self._backup_interval = backup_interval_ms
        service.queue.on_state = self.printStateChanged.emit
        if workers:
            self.start_workers()

    # --- workers ------------------------------------------------------------------------------------------
    def start_workers(self) -> None:
        """Start the print queue (recovering interrupted print jobs first) and the backup thread."""
        self.service.start()
        if self.backups is None:
            self.backups = BackupService(self.service, self._backup_interval, self)
            self.backups.start()

    def warm_up(self) -> None:
        """Once the window is up: import what the first receipt needs off the GUI thread."""
        self.run(self.service.warm_up)

    @property
    def print_state(self) -> PrintState:
        return self.service.queue.state

    @property
    def prints(self) -> bool:
        """True when a receipt printer is set up (otherwise no print jobs are queued)."""
        return self.service.prints

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], object] | None = None,
            on_error: Callable[[Any], object] | None = None) -> int:
        """Run one service call off the GUI thread; the result or error comes back on it."""
        return self.runner.run(fn, on_done, on_error)

    def run_device(self, fn: Callable[[], Any], on_done: Callable[[Any], object] | None = None,
                   on_error: Callable[[Any], object] | None = None) -> int:
        """Run device work (a test page, a USB search) beside the booth's operations, not in their queue."""
        return self.device_runner.run(fn, on_done, on_error)

    # --- state changes ------------------------------------------------------------------------------------
    @property
    def held(self) -> list[HeldBill]:
        """The held bills, oldest first (as last read from the store)."""
        return self._held

    def restore_open_bill(self) -> None:
        """Put back the cart (and its payment parts) that was on screen when the app last stopped."""
        bill = self.service.open_bill()
        if bill is not None:
            bill = self._refreshed(bill)
            self.bill_uuid, self.cart, self.parts = bill.uuid, bill.cart, bill.parts
        self._held = self.service.held_bills()

    def _refreshed(self, bill: HeldBill) -> HeldBill:
        """``bill`` as today's catalogue has it; what changed goes to ``notes`` and ``billNotes``."""
        bill, notes = self.service.refresh_bill(bill, self.index.products)
        if notes:
            self.notes = [th if self.lang == "th" else en for th, en in notes]
            self.billNotes.emit(list(self.notes))
        return bill

    def set_cart(self, cart: Cart) -> None:
        """Show ``cart`` and write it (OtopError, with nothing changed, when it cannot be written)."""
        self.service.save_open(self.bill_uuid, cart, self.parts)
        self.cart = cart
        self.cartChanged.emit()

    def set_parts(self, parts: tuple[PaymentIn, ...]) -> None:
        """Record the payment parts taken on the cart (written before they are shown)."""
        self.service.save_open(self.bill_uuid, self.cart, parts)
        self.parts = tuple(parts)
        self.cartChanged.emit()

    def sold(self) -> None:
        """The cart was sold (checkout removed its bill): start a new, empty one."""
        self._start_new_bill()

    def _start_new_bill(self) -> None:
        """The bill on screen left it (sold or held): a new, empty one takes its place."""
        self.bill_uuid, self.cart, self.parts = self.service.new_bill_uuid(), Cart(), ()
        self.cartChanged.emit()

    def clear_cart(self) -> None:
        """Empty the cart and forget its parts (the money was handed back)."""
        self.service.save_open(self.bill_uuid, Cart(), ())
        self.cart, self.parts = Cart(), ()
        self.cartChanged.emit()

    def hold(self, name: str = "") -> bool:
        """Hold the current cart at once (False when it is empty)."""
        if self.cart.is_empty and not self.parts:
            return False
        self.service.hold(self.bill_uuid, self.cart, self.parts, name)
        self.refresh_held()
        self._start_new_bill()
        return True

    def recall(self, uuid: str) -> None:
        """Bring back held bill ``uuid``; a current cart with anything in it is held in its place."""
        bill = self._refreshed(self.service.recall(uuid, self.bill_uuid, self.cart, self.parts))
        self.bill_uuid, self.cart, self.parts = bill.uuid, bill.cart, bill.parts
        self.refresh_held()
        self.cartChanged.emit()

    def rename_held(self, uuid: str, name: str) -> None:
        self.service.rename_held(uuid, name)
        self.refresh_held()

    def refresh_held(self) -> None:
        self._held = self.service.held_bills()
        self.heldChanged.emit()

    def unfinished_money(self) -> list[HeldBill]:
        """Bills not finished — the cart on screen and the held ones — that hold anything."""
        bills = list(self._held)
        if not self.cart.is_empty or self.parts:
            now = self.service.now()
            bills.insert(0, HeldBill(self.bill_uuid, "open", "", now, now, self.cart, self.parts))
        return bills

    def settings_saved(self, settings: BoothSettings) -> None:
        """Called with the result of the service's update_settings."""
        self.settings = settings
        self.settingsChanged.emit(settings)
        if settings.lang != self.lang:
            self.set_language(settings.lang)

    def set_language(self, lang: str) -> None:
        self.lang = install_language(lang)
        self.languageChanged.emit(self.lang)

    def catalogue_loaded(self, index: CatalogueIndex) -> None:
        self.index = index
        self.catalogueChanged.emit()

    def reload_catalogue(self) -> None:
        """Read the catalogue again (after a product was edited)."""
        self.run(self.service.catalogue, self.catalogue_loaded)

    def day_changed(self, day: DayInfo | None) -> None:
        self.day = day
        self.dayChanged.emit()

    def refresh_day(self) -> None:
        self.run(self.service.current_day, self.day_changed)

    def backup_state(self) -> BackupResult | BaseException | None:
        last = self.backups.last if self.backups is not None else None
        return last if isinstance(last, (BackupResult, BaseException)) else None

    def shutdown(self) -> None:
        """Finish background work and stop the threads."""
        self.runner.wait()
        self.device_runner.wait()
        self.service.queue.on_state = None
        self.service.shutdown()
        if self.backups is not None:
            self.backups.stop()

    @property
    def cashier(self) -> str:
        return self.settings.cashier

    @property
    def language(self) -> str:
        return current_lang()
