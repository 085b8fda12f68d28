"""The booth session shared by all screens: store, clock, language, workers, the cart and held (parked) carts.

It outlives the main window (a language change rebuilds the window; the cart and held sales stay).
Held sales live in memory: a parked cart is a customer who stepped away for a minute, not a record.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Signal

from otop_pos.booth.backup import BackupResult
from otop_pos.booth.cart import Cart
from otop_pos.booth.catalogue import CatalogueIndex
from otop_pos.booth.days import DayInfo, current_day
from otop_pos.booth.settings import BoothSettings, get_settings
from otop_pos.core.clock import Clock
from otop_pos.store.engine import SqliteStore
from otop_pos.ui.i18n import current_lang, install_language
from otop_pos.ui.sounds import Sounds
from otop_pos.ui.widgets import log_unexpected
from otop_pos.ui.workers import BackupService, PrinterFactory, PrintService, TaskRunner


@dataclass(frozen=True)
class HeldSale:
    """A parked cart."""

    cart: Cart
    held_at: datetime


class BoothContext(QObject):
    """Everything a screen needs besides its own widgets."""

    catalogueChanged = Signal()
    settingsChanged = Signal(object)
    dayChanged = Signal()
    salesChanged = Signal()
    cartChanged = Signal()
    heldChanged = Signal()
    languageChanged = Signal(str)

    def __init__(self, store: SqliteStore, clock: Clock, *, lang: str | None = None,
                 printer_factory: PrinterFactory | None = None, workers: bool = True,
                 sounds: Sounds | None = None, backup_interval_ms: int = 60_000) -> None:
        super().__init__()
        self.store, self.clock = store, clock
        self.settings: BoothSettings = get_settings(store)
        self.lang = install_language(lang or self.settings.lang)
        self.runner = TaskRunner(self)
        self.sounds = sounds or Sounds(self)
        self.cart = Cart()
        self.held: list[HeldSale] = []
        self.index = CatalogueIndex.load(store)
        self.day: DayInfo | None = current_day(store)
        self.printing: PrintService | None = None
        self.backups: BackupService | None = None
        self._printer_factory = printer_factory
        self._backup_interval = backup_interval_ms
        if workers:
            self.start_workers()

    # --- workers ------------------------------------------------------------------------------------------
    def start_workers(self) -> None:
        """Start the print and backup threads (recovering interrupted print jobs first)."""
        if self.printing is None:
            self.printing = PrintService(self.store, self.clock, self._printer_factory, self)
            self.printing.start()
        if self.backups is None:
            self.backups = BackupService(self.store, self.clock, self._backup_interval, self)
            self.backups.start()

    def warm_up(self) -> None:
        """Import what the first payment, receipt and report need on the worker thread, once the window is
        up, so that the first customer of the day does not wait for it."""
        def imports() -> None:
            import otop_pos.printing.printer  # noqa: F401
            import otop_pos.printing.raster  # noqa: F401
            import otop_pos.ui.day_dialogs  # noqa: F401
            import otop_pos.ui.history_screen  # noqa: F401
            import otop_pos.ui.pay_dialog  # noqa: F401
            import otop_pos.ui.products_screen  # noqa: F401
            import otop_pos.ui.settings_screen  # noqa: F401
        self.run(imports, None, log_unexpected)

    def kick_printer(self) -> None:
        """Print what the last action queued (returns at once)."""
        if self.printing is not None:
            self.printing.kick()

    @property
    def prints(self) -> bool:
        """True when a receipt printer is set up (otherwise no print jobs are queued)."""
        return self.settings.printer.strip().lower() not in ("", "none")

    @property
    def cashier(self) -> str:
        return self.settings.cashier

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], object] | None = None,
            on_error: Callable[[Any], object] | None = None) -> int:
        """Run one use-case call off the GUI thread."""
        return self.runner.submit(fn, on_done, on_error)

    # --- state changes ------------------------------------------------------------------------------------
    def set_cart(self, cart: Cart) -> None:
        self.cart = cart
        self.cartChanged.emit()

    def hold(self) -> bool:
        """Park the current cart (False when it is empty)."""
        if self.cart.is_empty:
            return False
        self.held.append(HeldSale(self.cart, self.clock.now()))
        self.set_cart(Cart())
        self.heldChanged.emit()
        return True

    def resume(self, i: int) -> None:
        """Bring back held cart ``i``; a non-empty current cart is parked in its place."""
        held = self.held.pop(i)
        if not self.cart.is_empty:
            self.held.insert(i, HeldSale(self.cart, self.clock.now()))
        self.set_cart(held.cart)
        self.heldChanged.emit()

    def settings_saved(self, settings: BoothSettings) -> None:
        """Called with the result of update_settings."""
        self.settings = settings
        self.settingsChanged.emit(settings)
        self.kick_printer()
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
        store = self.store
        self.run(lambda: CatalogueIndex.load(store), self.catalogue_loaded)

    def day_changed(self, day: DayInfo | None) -> None:
        self.day = day
        self.dayChanged.emit()

    def refresh_day(self) -> None:
        store = self.store
        self.run(lambda: current_day(store), self.day_changed)

    def backup_state(self) -> BackupResult | BaseException | None:
        last = self.backups.last if self.backups is not None else None
        return last if isinstance(last, (BackupResult, BaseException)) else None

    def shutdown(self) -> None:
        """Finish background work and stop the threads."""
        self.runner.wait()
        if self.printing is not None:
            self.printing.stop()
        if self.backups is not None:
            self.backups.stop()

    @property
    def language(self) -> str:
        return current_lang()
