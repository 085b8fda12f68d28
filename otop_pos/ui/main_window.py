"""The main window: a navigation bar (Sell, History, Products, Day, Settings), the screens, the status bar."""
from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from otop_pos.booth.service import BackupResult, PrintState
from otop_pos.core.thaidate import to_bangkok
from otop_pos.ui.context import BoothContext
from otop_pos.ui.i18n import current_lang, error_text, translate
from otop_pos.ui.scanner import ScanTaker, refuse_scan
from otop_pos.ui.sell_screen import SellScreen
from otop_pos.ui.theme import ROLES
from otop_pos.ui.widgets import Banner, label, make_button, show_error, show_message

PAGES = ("sell", "history", "products", "day", "settings", "orders")


class MainWindow(QMainWindow):
    """One window per language; the booth context (cart, held sales, workers) outlives it."""

    def __init__(self, ctx: BoothContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._closing = False
        self.setWindowTitle(translate("Main", "OTOP POS"))
        self.setMinimumSize(1000, 560)
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        self.nav_buttons: dict[str, QPushButton] = {}
        nav = QWidget()
        nav.setObjectName("navbar")
        nl = QHBoxLayout(nav)
        nl.setContentsMargins(0, 0, 0, 0)
        nl.setSpacing(0)
        group = QButtonGroup(self)
        names = {"sell": translate("Main", "Sell"), "history": translate("Main", "History"),
                 "products": translate("Main", "Products"), "day": translate("Main", "Day"),
                 "settings": translate("Main", "Settings"), "orders": translate("Main", "Orders")}
        for i, page in enumerate(PAGES):
            b = make_button(names[page], name="nav", slot=partial(self.show_page, page))
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            group.addButton(b)
            nl.addWidget(b)
            self.nav_buttons[page] = b
            shortcut = QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self)
            shortcut.activated.connect(partial(self.show_page, page))
        nl.addStretch(1)
        self.shop_label = label("", name="navtitle")
        nl.addWidget(self.shop_label)
        central = QWidget()
        cl = QVBoxLayout(central)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(0)
        cl.addWidget(nav)
        self.catalogue_banner = Banner()
        self.catalogue_details = ""
        self.catalogue_banner.tapped.connect(self._catalogue_details)
        cl.addWidget(self.catalogue_banner)
        cl.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._status_bar()
        self.sell = SellScreen(ctx)
        self._add("sell", self.sell)
        self.sell.scanner.refused.connect(lambda _code: ctx.sounds.error())
        self.show_page("sell")
        ctx.settingsChanged.connect(self._settings_changed)
        ctx.dayChanged.connect(self._update_day)
        self._update_title()
        self._update_day()
        ctx.printStateChanged.connect(self._update_printer)
        self._update_printer(ctx.print_state)
        if ctx.backups is not None:
            ctx.backups.done.connect(self._backup_event)
            ctx.backups.failed.connect(self._backup_event)
        self._update_backup()
        ctx.runner.busyChanged.connect(self._busy)
        ctx.catalogueChanged.connect(self.check_catalogue)
        self.check_catalogue()

    def _settings_changed(self, _settings: object) -> None:
        self._update_title()
        self._update_backup()

    def _backup_event(self, _result: object) -> None:
        self._update_backup()

    def check_catalogue(self) -> None:
        """Ask the booth whether two products share a code, or look the same in every way (name, price, type);
        the answer shows (or clears) the warning strip."""
        service = self.ctx.service
        self.ctx.run(lambda: (service.catalogue_problems(), service.lookalike_twins()), self._catalogue_problems)

    def _catalogue_problems(self, found: tuple[tuple[Any, ...], tuple[Any, ...]]) -> None:
        problems, twins = found
        self.catalogue_details = ""
        if not problems and not twins:
            self.catalogue_banner.clear_message()
            return
        lang = current_lang()
        head = translate("Main", "Two products share a code, so the sell screen refuses a scan of it:")
        every = ([head, *(p.message(lang) for p in problems)] if problems else []) + [t.message(lang) for t in twins]
        shown = [head, problems[0].message(lang)] if problems else [twins[0].message(lang)]
        more = len(problems) + len(twins) - 1
        if more:   # one problem on the strip: a netbook keeps its tiles; the whole list is a tap away
            self.catalogue_details = "\n\n".join(every)
            shown.append(translate("Main", "… and {n} more: tap here to see them all.").format(n=more))
        self.catalogue_banner.show_message("\n".join(shown), "warn", 0)

    def _catalogue_details(self) -> None:
        if self.catalogue_details:
            show_message(self, self.catalogue_details, title=translate("Main", "Products to fix"), kind="warn")

    def _busy(self, busy: bool) -> None:
        self.busy_label.setText(translate("Main", "Working…") if busy else "")

    def current_page(self) -> str:
        widget = self.stack.currentWidget()
        return next((name for name, w in self.pages.items() if w is widget), "sell")

    # --- pages ---------------------------------------------------------------------------------------------
    def _add(self, name: str, widget: QWidget) -> None:
        self.pages[name] = widget
        self.stack.addWidget(widget)

    def _factory(self, name: str) -> Callable[[BoothContext], QWidget]:
        if name == "history":
            from otop_pos.ui.history_screen import HistoryScreen
            return HistoryScreen
        if name == "products":
            from otop_pos.ui.products_screen import ProductsScreen
            return ProductsScreen
        if name == "day":
            from otop_pos.ui.day_dialogs import DayScreen
            return DayScreen
        if name == "orders":
            from otop_pos.ui.orders_screen import OrdersScreen
            return OrdersScreen
        from otop_pos.ui.settings_screen import SettingsScreen
        return SettingsScreen

    def page(self, name: str) -> QWidget:
        """The screen ``name``, built the first time it is needed."""
        if name not in self.pages:
            self._add(name, self._factory(name)(self.ctx))
        return self.pages[name]

    def show_page(self, name: str) -> QWidget:
        widget = self.page(name)
        self.stack.setCurrentWidget(widget)
        self.nav_buttons[name].setChecked(True)
        return widget

    def take_scan(self, code: str) -> None:
        """A scan while this window has the keyboard: the sell screen adds the product; another screen
        takes it if it can (the history finds the receipt), else says it cannot, with the error sound."""
        page = self.stack.currentWidget()
        if page is self.sell:
            self.sell.on_scan(code)
        elif isinstance(page, ScanTaker):
            page.take_scan(code)
        else:
            if not refuse_scan(page if page is not None else self, code):
                self.ctx.sounds.error()   # a toast sounds itself

    # --- status bar ----------------------------------------------------------------------------------------
    def _status_bar(self) -> None:
        bar = self.statusBar()
        self.day_status = label()
        self.printer_status = label()
        self.printer_retry = make_button(translate("Main", "Print again"), slot=self.retry_prints)
        self.printer_dismiss = make_button(translate("Main", "Dismiss"), slot=self.dismiss_prints)
        for b in (self.printer_retry, self.printer_dismiss):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.hide()
        self.backup_status = label()
        self.busy_label = label(name="caption")
        bar.addWidget(self.day_status)
        bar.addWidget(self.busy_label)
        bar.addPermanentWidget(self.printer_status)
        bar.addPermanentWidget(self.printer_retry)
        bar.addPermanentWidget(self.printer_dismiss)
        bar.addPermanentWidget(self.backup_status)
        self.print_state = PrintState(self.ctx.prints)

    def _update_title(self) -> None:
        shop = self.ctx.settings.shop_name
        self.shop_label.setText(shop)
        # Qt adds " — <application display name>" (OTOP POS) itself: the shop alone, never the name twice
        self.setWindowTitle(shop or translate("Main", "OTOP POS"))

    def _update_day(self) -> None:
        day = self.ctx.day
        if day is None:
            self.day_status.setText(translate("Main", "Day not open"))
            self.day_status.setStyleSheet(f"color: {ROLES.status_error.fg}; font-weight: bold;")
        else:
            self.day_status.setText(translate("Main", "Day open since {time}").format(
                time=to_bangkok(day.opened_at).strftime("%H:%M")))
            self.day_status.setStyleSheet(f"color: {ROLES.status_ok.fg};")

    def _update_printer(self, state: PrintState) -> None:
        self.print_state = state
        failed = bool(state.failed)
        if not state.configured and not failed:
            text, color = translate("Main", "No receipt printer"), ROLES.muted
        elif state.error_th or failed:
            msg = state.error_en if self.ctx.lang == "en" else state.error_th
            text, color = translate("Main", "Printer problem: {message}").format(message=msg), ROLES.status_error
        elif state.pending:
            text, color = translate("Main", "Printing: {n} waiting").format(n=state.pending), ROLES.status_warn
        else:
            text, color = translate("Main", "Printer ready"), ROLES.status_ok
        self.printer_status.setText(text)
        self.printer_status.setToolTip(text)
        self.printer_status.setStyleSheet(f"color: {color.fg}; font-weight: bold;")
        self.printer_retry.setVisible(failed)
        self.printer_dismiss.setVisible(failed)

    def _update_backup(self) -> None:
        state = self.ctx.backup_state()
        if isinstance(state, BackupResult):
            text, color = translate("Main", "Backup {time} ✓").format(
                time=to_bangkok(state.at).strftime("%H:%M")), ROLES.status_ok
        elif isinstance(state, BaseException):
            text = translate("Main", "Backup failed: {message}").format(message=error_text(state))
            color = ROLES.status_error
        elif not self.ctx.settings.backup_dir:
            text, color = translate("Main", "No backup folder"), ROLES.status_warn
        else:
            text, color = translate("Main", "Backup on"), ROLES.caption
        self.backup_status.setText(text)
        self.backup_status.setToolTip(text)
        self.backup_status.setStyleSheet(f"color: {color.fg};")

    def retry_prints(self) -> None:
        """The vendor checked the paper and wants the failed receipts printed again — every one failed by
        now, including any that failed after the status bar last changed."""
        self.ctx.run(self.ctx.service.retry_failed, None, lambda e: show_error(self, e))

    def dismiss_prints(self) -> None:
        """The receipts came out (or are not needed): stop offering them."""
        ids = [j.id for j in self.print_state.failed]
        service = self.ctx.service

        def cancel() -> None:
            for job_id in ids:
                service.cancel_job(job_id)
        self.ctx.run(cancel, None, lambda e: show_error(self, e))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Closing with bills not finished asks first (they are kept: this is a reminder, not a loss)."""
        from otop_pos.ui.held_dialog import unfinished_warning
        from otop_pos.ui.widgets import confirm

        warning = "" if self._closing else unfinished_warning(self.ctx, translate("Sell", "Close the app anyway?"))
        if warning:
            event.ignore()
            self.close_dialog = confirm(self, warning, self._close_anyway,
                                        yes_text=translate("Sell", "Close the app"))
            return
        self.ctx.runner.wait()
        super().closeEvent(event)

    def _close_anyway(self) -> None:
        self._closing = True
        self.close()
