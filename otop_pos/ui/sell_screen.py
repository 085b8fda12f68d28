"""The sell screen (home): product tiles by type, search as you type, the barcode scanner, the cart, pay."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from otop_pos.booth.service import ProductInfo, SaleResult
from otop_pos.core.errors import OtopError
from otop_pos.core.ids import gtin_valid
from otop_pos.ui.cart_panel import CartPanel
from otop_pos.ui.context import BoothContext
from otop_pos.ui.grid import ProductGrid
from otop_pos.ui.i18n import error_text, money, translate
from otop_pos.ui.scanner import ScannerDetector
from otop_pos.core.vocabulary import PRODUCT_TYPE
from otop_pos.ui.theme import OTHER_COLOR, Ink, product_type, type_button_colors, type_label
from otop_pos.ui.toast import Toast
from otop_pos.ui.widgets import alive, label, make_button, open_dialog


class SearchEdit(QLineEdit):
    """The search box: Down moves into the tiles, Escape clears."""

    def __init__(self, grid: ProductGrid) -> None:
        super().__init__()
        self.grid = grid

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Down:
            self.grid.setFocus()
            if not self.grid.currentIndex().isValid() and self.grid.grid_model.rowCount():
                self.grid.setCurrentIndex(self.grid.grid_model.index(0, 0))
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


class SellScreen(QWidget):
    """Home screen. Keys: F2 search, F3 quantity, F4 line discount, F5 bill discount, F6 hold, F7 resume,
    F8 clear, F12 pay; a scanner works wherever the focus is on this screen."""

    def __init__(self, ctx: BoothContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.type_filter = ""
        self.grid = ProductGrid()
        self.grid.chosen.connect(self.add_product)
        self.search = SearchEdit(self.grid)
        self.search.setPlaceholderText(translate("Sell", "Search name, SKU or barcode (F2)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._search_enter)
        self.day_strip = QWidget()
        strip = QHBoxLayout(self.day_strip)
        strip.setContentsMargins(0, 0, 0, 0)
        self.day_label = label(translate("Sell", "The sales day is not open yet: open it with the cash float "
                                                 "before selling."), name="banner_info", wrap=True)
        self.open_day_button = make_button(translate("Sell", "Open day"), name="primary", slot=self.open_day)
        strip.addWidget(self.day_label, 1)
        strip.addWidget(self.open_day_button)
        self.type_bar = QHBoxLayout()
        self.type_group = QButtonGroup(self)
        self.type_group.setExclusive(True)
        self.type_buttons: dict[str, QPushButton] = {}
        left = QVBoxLayout()
        left.addWidget(self.day_strip)
        left.addWidget(self.search)
        left.addLayout(self.type_bar)
        left.addWidget(self.grid, 1)
        self.cart_panel = CartPanel(ctx)
        self.cart_panel.payRequested.connect(self.pay)
        self.cart_panel.resume_button.clicked.connect(self.resume)
        self.cart_panel.message.connect(self.show_banner)
        self.cart_panel.focus_after = self.search
        lay = QHBoxLayout(self)
        lay.addLayout(left, 11)
        lay.addWidget(self.cart_panel, 9)
        # messages lie over the top of the cart's list: never over the tiles, the total or PAY, and they move
        # nothing (a tile tapped while one shows is the tile aimed at)
        self.toast = Toast(self, ctx.sounds, anchor=self.cart_panel.stack, edge=Qt.Edge.TopEdge)
        self.banner = self.toast   # the old name, for code and tests written before the toast
        # after the cart panel has moved its current line (queued: its refresh runs first)
        ctx.cartChanged.connect(self._cart_moved, Qt.ConnectionType.QueuedConnection)
        self.scanner = ScannerDetector(self)
        self.scanner.scanned.connect(self.on_scan)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.scanner)
        self.keys: dict[Qt.Key, Callable[[], object]] = {
            Qt.Key.Key_F2: self.focus_search, Qt.Key.Key_F3: self.cart_panel.ask_qty,
            Qt.Key.Key_F4: self.cart_panel.ask_line_discount, Qt.Key.Key_F5: self.cart_panel.ask_sale_discount,
            Qt.Key.Key_F6: self.cart_panel.hold, Qt.Key.Key_F7: self.resume, Qt.Key.Key_F8: self.cart_panel.clear,
            Qt.Key.Key_F9: self.cart_panel.ask_price, Qt.Key.Key_F12: self.pay}
        ctx.billNotes.connect(lambda notes: self.show_banner("\n".join(notes), "warn"))
        ctx.catalogueChanged.connect(self.load_catalogue)
        ctx.dayChanged.connect(self._day_changed)
        self.load_catalogue()
        self._day_changed()
        self.pay_dialog: QDialog | None = None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """F-keys reach here from whichever widget of the screen has the keyboard (none of them uses them)."""
        slot = self.keys.get(Qt.Key(event.key()))
        if slot is not None and event.isAutoRepeat():
            return   # an F-key held down acts once (F7 held would swap the cart and a held bill back and forth)
        if slot is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if QApplication.activeModalWidget() is None:
                slot()
            return
        super().keyPressEvent(event)

    # --- catalogue -----------------------------------------------------------------------------------------
    def load_catalogue(self) -> None:
        """Show the catalogue index the context holds (type buttons for the types in it)."""
        while self.type_bar.count():
            item = self.type_bar.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                self.type_group.removeButton(w)  # type: ignore[arg-type]
                w.deleteLater()
        self.type_buttons.clear()
        present = {p.product_type for p in self.ctx.index.products}
        entries = [("", translate("Sell", "All"), Ink.NAV)]
        entries += [(t.key, type_label(t.key, short=True), t.color) for t in PRODUCT_TYPE if t.key in present]
        entries += [(name, type_label(name), OTHER_COLOR) for name in sorted(present) if product_type(name) is None]
        for key, text, color in entries:
            b = QPushButton(text.replace("&", "&&"))  # a single & would be a keyboard mnemonic
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            text, checked = type_button_colors(color)
            b.setStyleSheet(f"QPushButton {{ border: 2px solid {color}; color: {text}; font-weight: bold; }}"
                            f"QPushButton:checked {{ background: {checked}; color: {Ink.ON_DARK}; }}")
            b.clicked.connect(lambda _=False, k=key: self.set_type(k))
            self.type_group.addButton(b)
            self.type_bar.addWidget(b)
            self.type_buttons[key] = b
        self.type_bar.addStretch(1)
        if self.type_filter not in self.type_buttons:
            self.type_filter = ""
        self.type_buttons[self.type_filter].setChecked(True)
        self.grid.set_catalogue(self.ctx.index.products)
        self._filter()

    def set_type(self, key: str) -> None:
        self.type_filter = key
        if key in self.type_buttons:
            self.type_buttons[key].setChecked(True)
        self._filter()

    def _filter(self) -> None:
        text = self.search.text()
        index = self.ctx.index
        products = index.search(text, limit=len(index.products)) if text.strip() else list(index.products)
        if self.type_filter:
            products = [p for p in products if p.product_type == self.type_filter]
        self.grid.set_products(products)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _search_enter(self) -> None:
        text = self.search.text().strip()
        if not text:
            return
        try:
            product = self.ctx.index.lookup(text)
        except OtopError as exc:  # two products share the code: ring up neither
            self._refuse_scan(exc)
            return
        if product is None and self.grid.grid_model.rowCount() == 1:
            product = self.grid.product_at(0)
        if product is None:
            self.on_scan(text) if self.grid.grid_model.rowCount() == 0 else self.show_banner(
                translate("Sell", "Several products match: tap one, or keep typing."), "info")
            return
        self.add_product(product)
        self.search.clear()

    # --- selling -------------------------------------------------------------------------------------------
    def add_product(self, product: ProductInfo) -> None:
        try:
            cart = self.ctx.cart.add(product)
            self.cart_panel._focus = next((i for i, line in enumerate(cart.lines)
                                           if line.product_id == product.id and line.discount is None
                                           and line.unit_price_satang == product.price_satang), None)
            self.ctx.set_cart(cart)
        except OtopError as exc:
            self.show_banner(error_text(exc), "error")
            return
        if product.sold_out:
            self.show_banner(translate("Sell", "“{name}” is marked sold out.").format(name=product.name), "warn")

    def on_scan(self, code: str) -> None:
        """A scanned (or typed + Enter) code: add the product, or warn without interrupting."""
        try:
            product = self.ctx.index.lookup(code)
        except OtopError as exc:  # two products share the code: ring up neither
            self._refuse_scan(exc)
            return
        if product is not None:
            self.add_product(product)
            return
        digits = code.isdigit()
        if digits and len(code) in (8, 12, 13) and not gtin_valid(code):
            text = translate("Sell", "Barcode {code} is not valid (misread?). Scan it again.").format(code=code)
        else:
            text = translate("Sell", "Unknown code {code}: no product has it.").format(code=code)
        self.show_banner(text, "error")

    def _refuse_scan(self, exc: OtopError) -> None:
        self.show_banner(error_text(exc), "error")

    def show_banner(self, text: str, kind: str = "info") -> None:
        """A message over the screen (the toast): 5 s, warnings and errors 8 s; an error sounds. It lies over
        the end of the cart's list away from the current line, or over the foot of the change after a sale
        (the amount, its caption and the bill's line stay in view)."""
        self._aim_toast()
        self.toast.show_message(text, kind)

    def _aim_toast(self) -> None:
        """Where the toast lies: right under the change and the bill's line after a sale (over the hint to scan
        the next product), else over the end of the cart's list away from the current line."""
        panel = self.cart_panel
        if panel.stack.currentWidget() is panel.change_panel:
            self.toast.edge, self.toast.clear_of = Qt.Edge.TopEdge, panel.change_panel.detail
            return
        table, row = panel.table, panel.table.currentIndex()
        line = table.visualRect(row) if row.isValid() else None
        upper = line is not None and line.center().y() < table.viewport().height() // 2
        self.toast.edge = Qt.Edge.BottomEdge if upper or line is None else Qt.Edge.TopEdge
        self.toast.clear_of = None

    def _cart_moved(self) -> None:
        """The cart changed while a message shows: it moves off the line that changed (a scan within its 8 s)."""
        if self.toast.isVisible():
            self._aim_toast()
            self.toast.place()

    def pay(self) -> None:
        if alive(self.pay_dialog):
            return
        if self.ctx.cart.is_empty:
            self.show_banner(translate("Cart", "The cart is empty."), "warn")
            return
        if self.ctx.day is None:
            self.show_banner(translate("Sell", "Open the sales day first."), "warn")
            self.open_day()
            return
        from otop_pos.ui.pay_dialog import PayDialog

        dlg = PayDialog(self.ctx, self.window())
        dlg.paid.connect(self.sale_done)
        self.pay_dialog = dlg
        open_dialog(dlg, self.search)

    def sale_done(self, result: SaleResult) -> None:
        """The sale is saved (the dialog started a new cart): the change stays on screen, large, until the next
        scan or product starts the next cart."""
        self.ctx.salesChanged.emit()
        self.cart_panel.show_sale_done(result)
        text = translate("Sell", "Saved {number} · {total}").format(number=result.number,
                                                                   total=money(result.total_satang))
        self.show_banner(text, "ok")
        self.ctx.sounds.ok()

    def resume(self) -> None:
        """F7: one held bill comes back; several open the list (oldest selected, Enter brings it back)."""
        held = self.ctx.held
        if not held:
            self.show_banner(translate("Sell", "No bill is held."), "warn")
            return
        if len(held) == 1:
            try:
                self.ctx.recall(held[0].uuid)
            except OtopError as exc:
                self.show_banner(error_text(exc), "error")
            return
        from otop_pos.ui.held_dialog import HeldBillsDialog

        dlg = HeldBillsDialog(self.ctx, self.window())
        self.resume_dialog = dlg
        open_dialog(dlg, self.search)

    # --- the day -------------------------------------------------------------------------------------------
    def _day_changed(self) -> None:
        self.day_strip.setVisible(self.ctx.day is None)

    def open_day(self) -> None:
        from otop_pos.ui.day_dialogs import OpenDayDialog

        dlg = OpenDayDialog(self.ctx, self.window())
        self.open_day_dialog = dlg
        open_dialog(dlg, self.search)

    def showEvent(self, event: object) -> None:  # noqa: N802
        super().showEvent(event)  # type: ignore[arg-type]
        if not self.search.hasFocus():
            self.search.setFocus()
