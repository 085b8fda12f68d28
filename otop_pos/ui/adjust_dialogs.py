"""Void and refund dialogs (reason + manager PIN), opened from the history screen."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from otop_pos.booth.service import AdjustmentResult, RefundLineIn, SaleDetail
from otop_pos.core.documents import PaymentMethod
from otop_pos.core.errors import InputError, OtopError
from otop_pos.ui.context import BoothContext
from otop_pos.ui.dialog_keys import ActionDialog
from otop_pos.ui.i18n import method_name, money, translate
from otop_pos.ui.widgets import ErrorLabel, NumberEdit, PinEdit, label, make_button


def _reason_box(presets: list[str]) -> QComboBox:
    box = QComboBox()
    box.setEditable(True)
    box.addItems(presets)
    box.setCurrentIndex(-1)
    edit = box.lineEdit()
    if edit is not None:
        edit.setPlaceholderText(translate("Adjust", "Reason (required)"))
    return box


class _AdjustDialog(ActionDialog):
    """Shared: reason, PIN, error line and the buttons; ``run`` performs the one use-case call. Enter in any
    field performs it (the use case checks the reason and the PIN); Esc and Cancel leave the sale as it was."""

    action_text = ""

    def __init__(self, ctx: BoothContext, detail: SaleDetail, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx, self.detail = ctx, detail
        self.adjustment: AdjustmentResult | None = None
        self.lay = QVBoxLayout(self)
        self.setMinimumWidth(520)

    def _finish_layout(self, presets: list[str], button_text: str) -> None:
        self.reason = _reason_box(presets)
        self.lay.addWidget(label(translate("Adjust", "Reason"), name="caption"))
        self.lay.addWidget(self.reason)
        self.pin_edit = PinEdit()
        self.lay.addWidget(label(translate("Adjust", "Manager PIN"), name="caption"))
        self.lay.addWidget(self.pin_edit)
        self.error = ErrorLabel()
        self.lay.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        cancel = make_button(translate("Common", "Cancel"), slot=self.reject)
        row.addWidget(cancel)
        self.ok_button = make_button(button_text, name="danger", slot=self.submit)
        row.addWidget(self.ok_button)
        self.set_buttons(self.ok_button, cancel)
        self.lay.addLayout(row)

    def submit(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _go(self, fn: object) -> None:
        self.ok_button.setEnabled(False)
        self.ctx.run(fn, self._done, self._failed)  # type: ignore[arg-type]

    def _done(self, result: AdjustmentResult) -> None:
        self.adjustment = result
        self.ctx.salesChanged.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.error.show_error(exc)
        self.pin_edit.clear()
        self.pin_edit.setFocus()


class VoidDialog(_AdjustDialog):
    """Void a whole sale of today: a VOID record points at the receipt, which stays."""

    def __init__(self, ctx: BoothContext, detail: SaleDetail, parent: QWidget | None = None) -> None:
        super().__init__(ctx, detail, parent)
        self.setWindowTitle(translate("Adjust", "Void sale"))
        self.lay.addWidget(label(translate(
            "Adjust", "Void receipt {number} ({amount})? It stays in the records, marked VOID, and the stock "
                      "goes back.").format(number=detail.row.number, amount=money(detail.row.total_satang)),
            wrap=True, name="big"))
        self._finish_layout([translate("Adjust", "Customer changed their mind"),
                             translate("Adjust", "Wrong item rung up"), translate("Adjust", "Wrong price"),
                             translate("Adjust", "Test sale")], translate("Adjust", "Void sale"))

    def submit(self) -> None:
        reason, pin = self.reason.currentText(), self.pin_edit.text()
        service, uuid = self.ctx.service, self.detail.row.uuid
        self._go(lambda: service.void(uuid, reason, pin))


class RefundDialog(_AdjustDialog):
    """Refund some or all lines of a sale, in cash, PromptPay or transfer."""

    def __init__(self, ctx: BoothContext, detail: SaleDetail, parent: QWidget | None = None) -> None:
        super().__init__(ctx, detail, parent)
        self.setWindowTitle(translate("Adjust", "Refund"))
        self.lay.addWidget(label(translate("Adjust", "Refund from receipt {number}: tick the items coming back.")
                                 .format(number=detail.row.number), wrap=True, name="big"))
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        self.checks: dict[int, QCheckBox] = {}
        self.qty_edits: dict[int, NumberEdit] = {}
        grid.addWidget(label(translate("Adjust", "Item"), name="caption"), 0, 0)
        grid.addWidget(label(translate("Adjust", "Can refund"), name="caption"), 0, 1)
        grid.addWidget(label(translate("Adjust", "Refund qty"), name="caption"), 0, 2)
        for r, ln in enumerate(detail.lines, start=1):
            left = ln.qty - ln.refunded_qty
            check = QCheckBox(ln.name)
            check.setEnabled(left > 0)
            grid.addWidget(check, r, 0)
            grid.addWidget(label(str(left), align=Qt.AlignmentFlag.AlignRight), r, 1)
            edit = NumberEdit()
            edit.setText(str(left))
            edit.setEnabled(left > 0)
            edit.setMaximumWidth(100)
            grid.addWidget(edit, r, 2)
            self.checks[ln.line_no] = check
            self.qty_edits[ln.line_no] = edit
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        scroll.setMaximumHeight(260)
        self.lay.addWidget(scroll)
        row = QHBoxLayout()
        row.addWidget(label(translate("Adjust", "Give back by"), name="caption"))
        self.method = QComboBox()
        for m in ("cash", "promptpay", "transfer"):
            self.method.addItem(method_name(m), m)
        row.addWidget(self.method)
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(translate("Adjust", "Transfer reference (optional)"))
        row.addWidget(self.reference, 1)
        self.lay.addLayout(row)
        self._finish_layout([translate("Adjust", "Damaged product"), translate("Adjust", "Customer returned it"),
                             translate("Adjust", "Wrong item")], translate("Adjust", "Refund"))

    def chosen(self) -> list[RefundLineIn]:
        """The ticked lines with their quantities (InputError when none)."""
        out = [RefundLineIn(no, self.qty_edits[no].quantity()) for no, c in self.checks.items() if c.isChecked()]
        if not out:
            raise InputError("เลือกรายการที่จะคืนเงินอย่างน้อยหนึ่งรายการ", "Tick at least one item to refund.")
        return out

    def submit(self) -> None:
        try:
            lines = self.chosen()
        except OtopError as exc:
            self.error.show_error(exc)
            return
        reason, pin = self.reason.currentText(), self.pin_edit.text()
        method: PaymentMethod = self.method.currentData()
        reference = self.reference.text()
        service, uuid = self.ctx.service, self.detail.row.uuid
        self._go(lambda: service.refund(uuid, reason, pin, lines=lines, method=method, reference=reference))
