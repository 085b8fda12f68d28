"""After a sale: the change to give, large, where the cart was — until the next scan starts the next cart."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from otop_pos.booth.service import SaleResult
from otop_pos.ui.i18n import money, translate
from otop_pos.ui.widgets import label


class ChangePanel(QFrame):
    """Shows the last sale: "Change ฿54.00" in the largest type, then its number, total and cash."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changepanel")
        self.setStyleSheet("QFrame#changepanel { border: 3px solid #2b8a3e; border-radius: 10px; }")
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        center = Qt.AlignmentFlag.AlignHCenter
        self.caption = label("", name="big", align=center)
        self.amount = label("", name="huge", align=center)
        font = self.amount.font()
        font.setPointSizeF(font.pointSizeF() * 2.2 if font.pointSizeF() > 0 else 40)
        font.setBold(True)
        self.amount.setFont(font)
        self.detail = label("", wrap=True, align=center)
        self.next_hint = label(translate("Sell", "Scan or tap the next product to start the next sale."),
                               name="caption", wrap=True, align=center)
        for w in (self.caption, self.amount, self.detail, self.next_hint):
            lay.addWidget(w)
        lay.addStretch(1)
        self.result: SaleResult | None = None

    def show_result(self, result: SaleResult) -> None:
        """Fill in the sale just saved."""
        self.result = result
        if result.change_satang:
            self.caption.setText(translate("Sell", "Change"))
            self.amount.setText(money(result.change_satang))
            self.amount.setStyleSheet("color: #2b8a3e;")
        else:
            self.caption.setText(translate("Sell", "No change"))
            self.amount.setText(money(0))
            self.amount.setStyleSheet("color: #495057;")
        self.detail.setText(translate("Sell", "Sale {number} · total {total} · received {paid}").format(
            number=result.number, total=money(result.total_satang),
            paid=money(result.paid_satang + result.change_satang)))
