"""After a sale: the change to give, large, where the cart was — until the next scan starts the next cart."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from otop_pos.booth.service import SaleResult
from otop_pos.ui.i18n import money, translate
from otop_pos.ui.theme import ROLES, Ink, metrics
from otop_pos.ui.widgets import label


class ChangePanel(QFrame):
    """Shows the last sale: "Change ฿54.00" in the largest type, then its number, total and cash."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changepanel")
        self.setStyleSheet(f"QFrame#changepanel {{ border: 3px solid {Ink.OK}; border-radius: 10px; }}")
        lay = QVBoxLayout(self)
        b = metrics().base
        lay.setContentsMargins(b // 2, b // 4, b // 2, b // 4)   # fits under the cart's touch-sized buttons
        lay.addStretch(1)
        center = Qt.AlignmentFlag.AlignHCenter
        self.caption = label("", name="big", align=center)
        self.amount = label("", align=center)
        self._size = round(metrics().base * 4.4)   # nearly twice the cart's total: read from across the stall
        self.detail = label("", wrap=True, align=center)
        self.next_hint = label(translate("Sell", "Scan or tap the next product to start the next sale."),
                               name="caption", wrap=True, align=center)
        for w in (self.caption, self.amount, self.detail, self.next_hint):
            lay.addWidget(w)
        lay.addStretch(1)
        self.result: SaleResult | None = None

    def _fit(self, text: str) -> int:
        """The largest size up to twice the total's at which ``text`` fits the panel's width."""
        font = QFont(self.amount.font())
        font.setBold(True)
        room = max(self.width(), self.minimumSizeHint().width(), 200) - 32
        size = self._size
        while size > metrics().base * 2:
            font.setPixelSize(size)
            if QFontMetrics(font).horizontalAdvance(text) <= room:
                break
            size -= 4
        return size

    def show_result(self, result: SaleResult) -> None:
        """Fill in the sale just saved."""
        self.result = result
        text = money(result.change_satang)
        self.caption.setText(translate("Sell", "Change") if result.change_satang else translate("Sell", "No change"))
        self.amount.setText(text)
        colour = (ROLES.status_ok if result.change_satang else ROLES.caption).fg
        self.amount.setStyleSheet(f"color: {colour}; font-size: {self._fit(text)}px; font-weight: bold;")
        self.detail.setText(translate("Sell", "Sale {number} · total {total} · received {paid}").format(
            number=result.number, total=money(result.total_satang),
            paid=money(result.paid_satang + result.change_satang)))
