"""F8 in the pay dialog: a payment part by one of the fair's other methods (card, a co-payment scheme such as
คนละครึ่ง, a state welfare card, other).

Choosing a co-payment proposes how the amount still due divides (the state's share rounded down to the satang,
``BoothService.split_copay``); both shares can be corrected to what the ถุงเงิน slip says, and the part's amount
is their sum. A state card is paid whole by the state. The per-customer daily cap is shown, never enforced.
Enter takes the part; Esc goes back to the pay dialog.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from otop_pos.booth.service import BoothService, MethodSpec, PaymentIn
from otop_pos.core.errors import OtopError
from otop_pos.core.methods import default_specs
from otop_pos.ui.dialog_keys import ActionDialog, is_enter
from otop_pos.ui.i18n import current_lang, method_name, money, translate
from otop_pos.ui.theme import metrics
from otop_pos.ui.widgets import ErrorLabel, NumberEdit, label, make_button

#: The methods the pay dialog has tabs for (F5, F6, F7); F8 offers the fair's others.
TAB_METHODS = ("cash", "promptpay", "transfer")


def _baht_text(satang: int) -> str:
    return money(satang).lstrip("฿")


def booth_methods(service: BoothService) -> dict[str, MethodSpec]:
    """The booth's payment methods by code; the built-ins when the store cannot be read (a read-only folder:
    saving then says why)."""
    try:
        methods = service.payment_methods()
    except OtopError:
        methods = default_specs()
    return {m.code: m for m in methods}


def spec_name(code: str, specs: dict[str, MethodSpec]) -> str:
    """The method's name as the fair gave it, in the current language (the vocabulary's when unknown)."""
    spec = specs.get(code)
    return spec.name(current_lang()) if spec is not None else method_name(code)


def part_text(part: PaymentIn, specs: dict[str, MethodSpec]) -> str:
    """A part as the parts list shows it: "คนละครึ่ง  ฿200.00 (รัฐ ฿100.00 · ลูกค้า ฿100.00)"."""
    text = f"{spec_name(part.method, specs)}  {money(part.amount_satang)}"
    spec = specs.get(part.method)
    if part.state_satang or (spec is not None and spec.kind != "plain"):
        text += " (" + translate("Pay", "state {state} · customer {customer}").format(
            state=money(part.state_satang), customer=money(part.customer_satang)) + ")"
    return text + (f" · {part.reference}" if part.reference else "")


class OtherMethodDialog(ActionDialog):
    """Choose one of the fair's other methods and take a part of ``due_satang`` by it; ``part`` holds it
    once accepted, and ``on_part`` is given it."""

    def __init__(self, methods: tuple[MethodSpec, ...], due_satang: int, parent: QWidget | None = None,
                 on_part: Callable[[PaymentIn], None] | None = None) -> None:
        super().__init__(parent)
        self.on_part = on_part
        self.methods = tuple(m for m in methods if m.code not in TAB_METHODS)
        self.due_satang = due_satang
        self.part: PaymentIn | None = None
        self._proposing = False
        self.setWindowTitle(translate("Pay", "Other payment methods (F8)"))
        lay = QVBoxLayout(self)
        lay.setSpacing(metrics().base // 4)
        lay.addWidget(label(translate("Pay", "Still to pay {due}").format(due=money(due_satang)), name="big"))
        self.list = QListWidget()
        for m in self.methods:
            QListWidgetItem(self._describe(m), self.list)
        self.list.currentRowChanged.connect(self._chosen)
        rows = min(len(self.methods), 4)   # the fair's usual four (card, คนละครึ่ง, welfare card, other) uncut
        self.list.setMinimumHeight(rows * max(metrics().touch, self.list.sizeHintForRow(0)) + 2 * self.list.frameWidth())
        lay.addWidget(self.list, 1)
        g = QGridLayout()
        g.addWidget(label(translate("Pay", "Amount"), name="caption"), 0, 0)
        self.amount = NumberEdit(big=True)
        self.amount.textEdited.connect(self._propose)
        g.addWidget(self.amount, 0, 1)
        self.state_caption = label(translate("Pay", "State's share (the slip)"), name="caption")
        self.state_edit = NumberEdit()
        self.customer_caption = label(translate("Pay", "Customer's share (the slip)"), name="caption")
        self.customer_edit = NumberEdit()
        for edit in (self.state_edit, self.customer_edit):
            edit.textEdited.connect(self._shares_edited)
        g.addWidget(self.state_caption, 1, 0)
        g.addWidget(self.state_edit, 1, 1)
        g.addWidget(self.customer_caption, 2, 0)
        g.addWidget(self.customer_edit, 2, 1)
        g.addWidget(label(translate("Pay", "Slip reference (optional)"), name="caption"), 3, 0)
        self.reference = QLineEdit()
        self.reference.setMaxLength(64)
        g.addWidget(self.reference, 3, 1)
        lay.addLayout(g)
        self.cap_note = label("", name="caption", wrap=True)
        lay.addWidget(self.cap_note)
        self.error = ErrorLabel()
        lay.addWidget(self.error)
        self.take_button = make_button(translate("Pay", "Take this payment (Enter)"), name="primary", slot=self.take)
        self.cancel_button = make_button(translate("Pay", "Back (Esc)"), slot=self.reject)
        row = QGridLayout()
        row.addWidget(self.cancel_button, 0, 0)
        row.addWidget(self.take_button, 0, 1)
        lay.addLayout(row)
        self.set_buttons(self.take_button, self.cancel_button)
        if self.methods:
            self.list.setCurrentRow(0)
        self.amount.setFocus()

    @staticmethod
    def _describe(m: MethodSpec) -> str:
        name = m.name(current_lang())
        if m.kind == "copay":
            return name + "  " + translate("Pay", "(state pays {percent}%)").format(percent=m.state_percent)
        if m.kind == "state":
            return name + "  " + translate("Pay", "(paid by the state)")
        return name

    @property
    def spec(self) -> MethodSpec | None:
        """The method chosen."""
        row = self.list.currentRow()
        return self.methods[row] if 0 <= row < len(self.methods) else None

    def choose(self, code: str) -> None:
        """Choose the method ``code`` (as a tap on its row would)."""
        for i, m in enumerate(self.methods):
            if m.code == code:
                self.list.setCurrentRow(i)

    def _chosen(self, _row: int) -> None:
        spec = self.spec
        copay = spec is not None and spec.kind == "copay"
        for w in (self.state_caption, self.state_edit, self.customer_caption, self.customer_edit):
            w.setVisible(copay)
        cap = spec.daily_cap_satang if spec is not None and spec.kind != "plain" else None
        self.cap_note.setText(translate("Pay", "The state pays at most {cap} a person a day: check the slip.")
                              .format(cap=money(cap)) if cap else "")
        self.cap_note.setVisible(bool(cap))
        self.amount.setText(_baht_text(self.due_satang))
        self._propose()
        self.amount.setFocus()
        self.amount.selectAll()

    def _propose(self) -> None:
        """The amount changed: propose the co-payment's split of it again."""
        spec = self.spec
        if spec is None or spec.kind != "copay":
            return
        customer, state = BoothService.split_copay(self.amount.satang_or_none() or 0, spec.state_percent)
        self._proposing = True
        self.state_edit.setText(_baht_text(state))
        self.customer_edit.setText(_baht_text(customer))
        self._proposing = False

    def _shares_edited(self) -> None:
        """A share corrected to the slip: the part's amount is the two shares."""
        if self._proposing:
            return
        state, customer = self.state_edit.satang_or_none(), self.customer_edit.satang_or_none()
        if state is not None and customer is not None:
            self.amount.setText(_baht_text(state + customer))

    def take(self) -> None:
        """Enter / the button: the part by the chosen method, or the reason it cannot be taken."""
        spec = self.spec
        if spec is None:
            return
        try:
            amount = self.amount.satang()
            state = 0
            if spec.kind == "copay":
                state = self.state_edit.satang()
                amount = state + self.customer_edit.satang()
            elif spec.kind == "state":
                state = amount
        except OtopError as exc:  # not an amount: shown, the dialog stays
            self.error.show_error(exc)
            return
        self.part = PaymentIn(spec.code, amount, reference=self.reference.text().strip(), state_satang=state)
        self.accept()
        if self.on_part is not None:
            self.on_part(self.part)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        if is_enter(event) and not self.press_focused_button(event):
            self.take()
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.list.count():
            step = -1 if event.key() == Qt.Key.Key_Up else 1
            self.list.setCurrentRow((self.list.currentRow() + step) % self.list.count())
            return
        super().keyPressEvent(event)

