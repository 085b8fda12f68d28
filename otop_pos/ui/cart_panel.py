"""The cart side of the sell screen: lines with quantity −/+, remove, line and sale discounts, big totals."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QRadioButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from otop_pos.booth.service import Approval, Cart, Discount, SaleResult
from otop_pos.core.errors import OtopError
from otop_pos.core.money import format_baht, parse_baht, parse_percent
from otop_pos.ui.approval import ManagerPinDialog, request_approval
from otop_pos.ui.context import BoothContext
from otop_pos.ui.dialog_keys import ActionDialog
from otop_pos.ui.change_panel import ChangePanel
from otop_pos.ui.i18n import error_text, method_name, money, translate
from otop_pos.ui.models import CartModel
from otop_pos.ui.widgets import ErrorLabel, NumberEdit, alive, label, make_button, open_dialog, touch_rows


class CartTable(QTableView):
    """The cart lines; + and − change the quantity of the selected line, Delete removes it."""

    keyAction = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        actions = {Qt.Key.Key_Plus: "plus", Qt.Key.Key_Minus: "minus", Qt.Key.Key_Delete: "remove"}
        action = actions.get(Qt.Key(event.key()))
        if action:
            self.keyAction.emit(action)
            return
        super().keyPressEvent(event)


class ValueDialog(ActionDialog):
    """Asks for one value (quantity, discount, price) in a field that has the keyboard from the start;
    ``on_value`` validates it (an OtopError is shown here) and may return False to keep the dialog open
    (while the manager's PIN is asked)."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str, text: str = "", *,
                 percent_option: bool = False, clear_text: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(380)
        lay = QVBoxLayout(self)
        lay.addWidget(label(prompt, wrap=True))
        self.amount_radio: QRadioButton | None = None
        self.percent_radio: QRadioButton | None = None
        if percent_option:
            row = QHBoxLayout()
            self.amount_radio = QRadioButton(translate("Cart", "Baht"))
            self.percent_radio = QRadioButton(translate("Cart", "Percent (%)"))
            self.amount_radio.setChecked(True)
            row.addWidget(self.amount_radio)
            row.addWidget(self.percent_radio)
            row.addStretch(1)
            lay.addLayout(row)
        self.edit = NumberEdit(big=True)
        self.edit.setText(text)
        self.edit.selectAll()
        lay.addWidget(self.edit)
        self.error = ErrorLabel()
        lay.addWidget(self.error)
        buttons = QHBoxLayout()
        self.cleared = False
        if clear_text:
            clear = make_button(clear_text, slot=self._clear)
            clear.setAutoDefault(False)
            buttons.addWidget(clear)
        buttons.addStretch(1)
        cancel = make_button(translate("Common", "Cancel"), slot=self.reject)
        buttons.addWidget(cancel)
        self.ok_button = make_button(translate("Common", "OK"), name="primary", slot=self._ok)
        buttons.addWidget(self.ok_button)
        lay.addLayout(buttons)
        self.set_buttons(self.ok_button, cancel)   # Enter in the field presses OK once; Cancel never default
        self.on_value: Callable[[NumberEdit, bool], bool | None] | None = None
        self.edit.setFocus()

    def showEvent(self, event: object) -> None:  # noqa: N802
        super().showEvent(event)  # type: ignore[arg-type]
        self.edit.setFocus()
        self.edit.selectAll()

    def percent(self) -> bool:
        return bool(self.percent_radio and self.percent_radio.isChecked())

    def _clear(self) -> None:
        self.cleared = True
        self.accept()

    def _ok(self) -> None:
        try:
            if self.on_value is not None and self.on_value(self.edit, self.percent()) is False:
                return
        except OtopError as exc:
            self.error.show_error(exc)
            self.edit.setFocus()
            self.edit.selectAll()
            return
        self.accept()


class CartPanel(QWidget):
    """Shows ``ctx.cart``; every button turns the cart into a new cart value (no store access here)."""

    payRequested = Signal()
    message = Signal(str, str)  # text, kind

    def __init__(self, ctx: BoothContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._focus: int | None = None
        self.focus_after: QWidget | None = None  # gets the keyboard back after a dialog (the search box)
        self.model = CartModel(self)
        self.table = CartTable()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, 5):   # sized to their figures on every change (see _fit_figures)
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
        touch_rows(self.table)
        self.table.keyAction.connect(self._key_action)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.change_panel = ChangePanel()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.change_panel)
        lay.addWidget(self.stack, 1)
        self.line_buttons = QWidget()       # hidden while the change shows: the change gets their room
        row = QGridLayout(self.line_buttons)
        row.setContentsMargins(0, 0, 0, 0)
        self.minus_button = make_button("−", slot=lambda: self.change_qty(-1))
        self.plus_button = make_button("+", slot=lambda: self.change_qty(1))
        self.qty_button = make_button(translate("Cart", "Qty (F3)"), slot=self.ask_qty)
        self.discount_button = make_button(translate("Cart", "Discount (F4)"), slot=self.ask_line_discount)
        self.price_button = make_button(translate("Cart", "Price (F9)"), slot=self.ask_price)
        self.remove_button = make_button(translate("Cart", "Remove (Del)"), slot=self.remove_line)
        self.pin_dialog: ManagerPinDialog | None = None
        row.addWidget(self.minus_button, 0, 0)          # two rows: the touch-sized buttons with their text
        row.addWidget(self.plus_button, 0, 1)           # do not fit one row of the netbook's cart panel
        row.addWidget(self.qty_button, 0, 2)
        row.addWidget(self.remove_button, 0, 3)
        row.addWidget(self.discount_button, 1, 0, 1, 2)
        row.addWidget(self.price_button, 1, 2)
        lay.addWidget(self.line_buttons)
        self.stack.currentChanged.connect(self._line_buttons_shown)
        totals = QGridLayout()
        self.items_label = label(name="caption")
        self.subtotal_label = label(name="caption", align=Qt.AlignmentFlag.AlignRight)
        self.sale_discount_button = make_button(translate("Cart", "Bill discount (F5)"), slot=self.ask_sale_discount)
        self.sale_discount_label = label(align=Qt.AlignmentFlag.AlignRight)
        self.total_caption = label(translate("Cart", "TOTAL"), name="big")
        self.total_label = label(money(0), name="huge", align=Qt.AlignmentFlag.AlignRight)
        totals.addWidget(self.items_label, 0, 0)
        totals.addWidget(self.subtotal_label, 0, 1)
        row.addWidget(self.sale_discount_button, 1, 3)    # with the line buttons: the totals stay short
        totals.addWidget(self.sale_discount_label, 1, 1)
        totals.addWidget(self.total_caption, 2, 0)
        totals.addWidget(self.total_label, 2, 1)
        lay.addLayout(totals)
        self.parts_label = label(name="caption", wrap=True)
        self.parts_label.hide()
        lay.addWidget(self.parts_label)
        actions = QHBoxLayout()
        self.hold_button = make_button(translate("Cart", "Hold (F6)"), slot=self.hold)
        self.resume_button = make_button(translate("Cart", "Resume (F7)"))
        self.clear_button = make_button(translate("Cart", "Clear (F8)"), slot=self.clear)
        self.pay_button = make_button(translate("Cart", "PAY (F12)"), name="primary", slot=self.payRequested.emit)
        for b in (self.hold_button, self.resume_button, self.clear_button):
            actions.addWidget(b)
        actions.addWidget(self.pay_button, 2)
        lay.addLayout(actions)
        ctx.cartChanged.connect(self.refresh)
        ctx.heldChanged.connect(self.refresh_held)
        self.refresh()
        self.refresh_held()

    # --- showing ------------------------------------------------------------------------------------------
    def _line_buttons_shown(self, _index: int) -> None:
        """The line buttons show with the cart's list, not with the change (which gets their room at once, so
        that a message laid over the change's foot right after knows where the foot is)."""
        self.line_buttons.setVisible(self.stack.currentWidget() is not self.change_panel)
        lay = self.layout()
        if lay is not None:
            lay.activate()

    def refresh(self) -> None:
        cart = self.ctx.cart
        self.model.set_cart(cart)
        self._fit_figures()
        self.items_label.setText(translate("Cart", "Items: {n}").format(n=cart.item_count))
        self.subtotal_label.setText(translate("Cart", "Subtotal {amount}").format(amount=money(cart.before_discount_satang)))
        if cart.discount:
            pct = f" ({cart.discount.value / 100:g}%)" if cart.discount.kind == "percent" else ""
            self.sale_discount_label.setText(f"-{money(cart.sale_discount_satang)}{pct}")
        else:
            self.sale_discount_label.setText("")
        self.total_label.setText(money(cart.total_satang))
        has = not cart.is_empty
        for b in (self.pay_button, self.clear_button, self.hold_button, self.sale_discount_button):
            b.setEnabled(has)
        if has or self.ctx.parts:
            self.stack.setCurrentWidget(self.table)
        taken = sum(p.amount_satang for p in self.ctx.parts)
        self.parts_label.setText(translate("Cart", "Paid already: {parts} · still to pay {due}").format(
            parts=", ".join(f"{method_name(p.method)} {money(p.amount_satang)}" for p in self.ctx.parts),
            due=money(max(cart.total_satang - taken, 0))))
        self.parts_label.setVisible(bool(self.ctx.parts))
        row = self._focus if self._focus is not None else len(cart.lines) - 1
        self._focus = None
        if 0 <= row < len(cart.lines):
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(self.model.index(row, 0))
        line_ok = 0 <= self.current_row() < len(cart.lines)
        for b in (self.minus_button, self.plus_button, self.qty_button, self.discount_button, self.price_button,
                  self.remove_button):
            b.setEnabled(line_ok)

    def _fit_figures(self) -> None:
        """Quantity, price, discount and total as wide as their widest figure or heading, with the cell's
        margins (the header's own fitting missed lines added later: "660..." was cut); the name takes the rest."""
        header = self.table.horizontalHeader()
        air = self.table.fontMetrics().height() // 2   # figures a little apart, not touching the next column
        for c in range(1, 5):
            header.resizeSection(c, max(self.table.sizeHintForColumn(c) + air, header.sectionSizeHint(c)))

    def refresh_held(self) -> None:
        n = len(self.ctx.held)
        text = translate("Cart", "Resume (F7)")
        self.resume_button.setText(f"{text} · {n}" if n else text)
        self.resume_button.setEnabled(n > 0)

    def show_sale_done(self, result: SaleResult) -> None:
        """Show the change, large, until the next product starts the next cart."""
        self.change_panel.show_result(result)
        self.stack.setCurrentWidget(self.change_panel)

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    # --- changing ------------------------------------------------------------------------------------------
    def _apply(self, change: Callable[[Cart], Cart], focus: int | None = None) -> bool:
        try:
            cart = change(self.ctx.cart)
        except OtopError as exc:
            self.message.emit(error_text(exc), "error")   # the toast plays the error sound
            return False
        self._focus = focus
        self.ctx.set_cart(cart)
        return True

    def _set(self, change: Callable[[Cart], Cart], focus: int | None = None) -> None:
        """Apply a change from a dialog (errors go back to the dialog)."""
        cart = change(self.ctx.cart)
        self._focus = focus
        self.ctx.set_cart(cart)

    def _set_approved(self, dlg: ValueDialog, change: Callable[[Cart], Cart], focus: int | None,
                      action: str) -> bool:
        """Apply a discount or price from ``dlg``. One larger than its line or the bill is refused in the
        dialog (InputError); one the booth's rules give to the manager (above the discount limit, a changed
        price, a ฿0 sale) asks the manager's PIN first, and the approval stays with the cart. False while
        the PIN is asked (the dialog stays open; it closes once approved)."""
        if alive(self.pin_dialog):
            return False  # Enter reaches both the field and the default button: one PIN dialog is enough
        cart = change(self.ctx.cart)
        need = None if cart.approval is not None else self.ctx.service.approval_needed(cart)
        if need is None:
            self._focus = focus
            self.ctx.set_cart(cart)
            return True

        def approved(approval: Approval) -> None:
            self._focus = focus
            self.ctx.set_cart(cart.with_approval(approval))
            dlg.accept()

        def cancelled() -> None:
            dlg.error.show_error(need)
            dlg.edit.setFocus()
            dlg.edit.selectAll()
        self.pin_dialog = request_approval(dlg, self.ctx, need, approved, action=action, on_cancelled=cancelled)
        return False

    def _line(self) -> int | None:
        row = self.current_row()
        if 0 <= row < len(self.ctx.cart.lines):
            return row
        if self.ctx.cart.lines:
            return len(self.ctx.cart.lines) - 1
        self.message.emit(translate("Cart", "The cart is empty."), "warn")
        return None

    def _key_action(self, action: str) -> None:
        {"plus": lambda: self.change_qty(1), "minus": lambda: self.change_qty(-1), "remove": self.remove_line}[action]()

    def change_qty(self, delta: int) -> None:
        i = self._line()
        if i is None:
            return
        qty = self.ctx.cart.lines[i].qty + delta
        if qty < 1:
            self.remove_line()
            return
        self._apply(lambda c: c.set_qty(i, qty), i)

    def remove_line(self) -> None:
        i = self._line()
        if i is None:
            return
        self._apply(lambda c: c.remove(i), min(i, len(self.ctx.cart.lines) - 2))

    def ask_qty(self) -> None:
        i = self._line()
        if i is None:
            return
        line = self.ctx.cart.lines[i]
        dlg = ValueDialog(self.window(), translate("Cart", "Quantity"),
                          translate("Cart", "How many “{name}”?").format(name=line.name), str(line.qty))

        def apply(edit: NumberEdit, _percent: bool) -> None:
            qty = edit.quantity()
            self._set(lambda c: c.set_qty(i, qty), i)
        dlg.on_value = apply
        open_dialog(dlg, self.focus_after)
        self.value_dialog = dlg

    @staticmethod
    def _discount(edit: NumberEdit, percent: bool) -> Discount | None:
        if not edit.digits():
            return None
        if percent:
            return Discount("percent", parse_percent(edit.text()))
        return Discount("amount", parse_baht(edit.text()))

    def ask_line_discount(self) -> None:
        i = self._line()
        if i is None:
            return
        line = self.ctx.cart.lines[i]
        dlg = ValueDialog(self.window(), translate("Cart", "Line discount"),
                          translate("Cart", "Discount on “{name}” ({amount})").format(
                              name=line.name, amount=money(line.gross_satang)),
                          percent_option=True, clear_text=translate("Cart", "No discount"))

        def apply(edit: NumberEdit, percent: bool) -> bool:
            d = self._discount(edit, percent)
            return self._set_approved(dlg, lambda c: c.set_line_discount(i, d), i, "discount")
        dlg.on_value = apply
        dlg.accepted.connect(lambda: self._apply(lambda c: c.set_line_discount(i, None), i) if dlg.cleared else None)
        open_dialog(dlg, self.focus_after)
        self.value_dialog = dlg

    def ask_sale_discount(self) -> None:
        if self.ctx.cart.is_empty:
            self.message.emit(translate("Cart", "The cart is empty."), "warn")
            return
        dlg = ValueDialog(self.window(), translate("Cart", "Bill discount"),
                          translate("Cart", "Discount on the whole bill ({amount})").format(
                              amount=money(self.ctx.cart.subtotal_satang)),
                          percent_option=True, clear_text=translate("Cart", "No discount"))

        def apply(edit: NumberEdit, percent: bool) -> bool:
            d = self._discount(edit, percent)
            return self._set_approved(dlg, lambda c: c.set_discount(d), None, "discount")
        dlg.on_value = apply
        dlg.accepted.connect(lambda: self._apply(lambda c: c.set_discount(None)) if dlg.cleared else None)
        open_dialog(dlg, self.focus_after)
        self.value_dialog = dlg

    def ask_price(self) -> None:
        """Sell the selected line at another unit price (a price override: the manager's PIN)."""
        i = self._line()
        if i is None:
            return
        line = self.ctx.cart.lines[i]
        dlg = ValueDialog(self.window(), translate("Cart", "Price"),
                          translate("Cart", "Unit price of “{name}” (list price {amount})").format(
                              name=line.name, amount=money(line.list_price)),
                          format_baht(line.unit_price_satang), clear_text=translate("Cart", "List price"))

        def apply(edit: NumberEdit, _percent: bool) -> bool:
            price = edit.satang()
            return self._set_approved(dlg, lambda c: c.set_price(i, price), i, "price")
        dlg.on_value = apply
        dlg.accepted.connect(lambda: self._apply(lambda c: c.set_price(i, line.list_price), i) if dlg.cleared else None)
        open_dialog(dlg, self.focus_after)
        self.value_dialog = dlg

    def hold(self) -> None:
        """F6: hold the bill at once (a name can be given in the list, F7)."""
        try:
            held = self.ctx.hold()
        except OtopError as exc:
            self.message.emit(error_text(exc), "error")
            return
        if held:
            self.message.emit(translate("Cart", "Bill held. F7 brings it back; name it in the list."), "info")
        else:
            self.message.emit(translate("Cart", "The cart is empty."), "warn")

    def clear(self) -> None:
        """F8: empty the cart after asking; money already taken on it is named (to be handed back)."""
        if self.ctx.cart.is_empty and not self.ctx.parts:
            return
        from otop_pos.ui.widgets import confirm

        text = translate("Cart", "Remove every item from the cart?")
        if self.ctx.parts:
            taken = sum(p.amount_satang for p in self.ctx.parts)
            text += "\n" + translate("Cart", "{amount} has been paid on this bill: hand it back to the customer.") \
                .format(amount=money(taken))
        self.confirm_dialog = confirm(self.window(), text, self._clear_now, yes_text=translate("Cart", "Clear cart"),
                                      danger=True, default_no=bool(self.ctx.parts))   # money taken: Enter keeps it

    def _clear_now(self) -> None:
        try:
            self.ctx.clear_cart()
        except OtopError as exc:
            self.message.emit(error_text(exc), "error")
