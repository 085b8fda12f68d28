"""The dashboard's orders (ยอดสั่งจอง): the card (orders taken and their value, deposits, the value still open)
and the tab with the orders per day — taken, delivered, cancelled and open at the day's end, days
after the fair marked. Laid out from ``reports.order_rows.order_period`` (the chosen days), apart from the sales
figures.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from otop_pos.reports.model import Figures
from otop_pos.reports.order_rows import OrderDayRow, order_period
from otop_pos.ui.organiser.i18n import day_text, money, number, translate
from otop_pos.ui.organiser.models import Column, RowsModel
from otop_pos.ui.organiser.widgets import KpiCard, fit_columns, make_table
from otop_pos.ui.theme import ROLES
from otop_pos.ui.widgets import label

__all__ = ["OrderDayModel", "OrdersTab", "orders_card", "show_orders_card"]


def _day(r: OrderDayRow) -> str:
    text = day_text(r.business_date)
    return translate("OrgOrders", "{day} (after the fair)").format(day=text) if r.after_fair else text


class OrderDayModel(RowsModel):
    """The orders per day (``OrderDayRow`` values); the deposits are on the card and in the reports."""

    CONTEXT = "OrgOrders"
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("OrgOrders", "Day"), _day, lambda r: r.business_date.toordinal()),
        Column(QT_TRANSLATE_NOOP("OrgOrders", "Taken"), lambda r: number(r.counts["taken_count"]),
               lambda r: r.counts["taken_count"], True),
        Column(QT_TRANSLATE_NOOP("OrgOrders", "Value"), lambda r: money(r.counts["taken_satang"]),
               lambda r: r.counts["taken_satang"], True),
        Column(QT_TRANSLATE_NOOP("OrgOrders", "Delivered"), lambda r: number(r.counts["delivered_count"]),
               lambda r: r.counts["delivered_count"], True),
        Column(QT_TRANSLATE_NOOP("OrgOrders", "Cancelled"), lambda r: number(r.counts["cancelled_count"]),
               lambda r: r.counts["cancelled_count"], True),
        Column(QT_TRANSLATE_NOOP("OrgOrders", "Open at day end"), lambda r: money(r.counts["open_satang"]),
               lambda r: r.counts["open_satang"], True),
    )

    def color(self, row: OrderDayRow, column: int) -> QColor | None:
        if row.after_fair and column == 0:
            return QColor(ROLES.table_muted.fg)
        return None


def orders_card() -> KpiCard:
    """The orders card, empty (its note wraps: the card stays as narrow as the schemes' beside it)."""
    card = KpiCard(translate("OrgOrders", "Orders taken"))
    card.note.setWordWrap(True)
    return card


def show_orders_card(card: KpiCard, f: Figures) -> None:
    """The chosen days' orders on ``card``: their value, how many, the deposits and the value still open."""
    p = order_period(f)
    card.set(money(p.taken_satang), translate("OrgOrders", "orders: {n} · deposits {deposits} · open {open}").format(
        n=number(p.taken_count), deposits=money(p.deposits_satang), open=money(p.open_satang)))
    card.setToolTip(translate("OrgOrders", "Orders are apart from sales: a delivered order counts in sales on "
                                           "its delivery day."))


class OrdersTab(QWidget):
    """A note and the table of the orders per day."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        self.note = label("", wrap=True, name="caption")
        lay.addWidget(self.note)
        self.model = OrderDayModel(self)
        self.table = make_table(self.model)   # every column fits its text (a day is never cut)
        lay.addWidget(self.table, 1)

    def show_figures(self, f: Figures | None) -> None:
        """The chosen days' orders (none: empty)."""
        if f is None:
            self.model.set_rows([])
            self.note.setText("")
            return
        p = order_period(f)
        self.model.set_rows(p.days)
        fit_columns(self.table)
        self.note.setText(translate(
            "OrgOrders", "Orders taken for later delivery, apart from sales: a delivered order counts in sales on "
                         "its delivery day. {n} open at the end, worth {open}.").format(
                n=number(p.open_count), open=money(p.open_satang)))
