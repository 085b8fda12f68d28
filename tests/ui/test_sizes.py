"""Every booth screen and dialog at 1024×600 in Thai: everything a finger presses (buttons, tabs, toggles and
their indicators, combo boxes, fields, table and list rows, scroll bars) is at least the theme's touch size,
and the smallest text is readable."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QListView,
    QPushButton,
    QRadioButton,
    QScrollBar,
    QStyle,
    QStyleOptionButton,
    QStyleOptionSlider,
    QTableView,
    QTabBar,
    QWidget,
)

from otop_pos.booth.service import Cart, PaymentIn
from otop_pos.core.clock import FixedClock
from otop_pos.store.engine import SqliteStore
from otop_pos.ui.context import BoothContext
from otop_pos.ui.i18n import install_language
from otop_pos.ui.main_window import MainWindow
from otop_pos.ui.theme import TOUCH_MIN_PX, apply_theme, metrics, metrics_for_height

from conftest import make_ctx  # type: ignore[import-not-found]
from ui_helpers import idle  # type: ignore[import-not-found]

SIZE = (1024, 600)

#: Widgets seen on a screen that are not touch targets, each with the reason (by class name and objectName).
NOT_TOUCH_TARGETS: dict[tuple[str, str], str] = {
    ("QScrollBar", "qt_scrollarea_hcontainer"): "never used",
}


@dataclass(frozen=True)
class Small:
    """One thing too small to press."""

    screen: str
    what: str
    widget: str
    size: str

    def __str__(self) -> str:
        return f"{self.screen}: {self.what} {self.widget} is {self.size}"


def describe(w: QWidget) -> str:
    text = ""
    if isinstance(w, QAbstractButton):
        text = w.text()
    elif isinstance(w, QLineEdit):
        text = w.placeholderText() or w.text()
    elif isinstance(w, QComboBox):
        text = w.currentText()
    return f"{type(w).__name__}#{w.objectName() or '-'} “{text[:40]}”"


def shown(w: QWidget) -> bool:
    """Visible and not inside a scroll bar or another widget's internals (a combo box's line edit)."""
    if not w.isVisible() or w.width() <= 0 or w.height() <= 0:
        return False
    parent = w.parentWidget()
    return not isinstance(parent, (QComboBox, QAbstractSpinBox))


def too_small(screen: str, roots: list[QWidget]) -> list[Small]:
    """Everything clickable under ``roots`` smaller than the touch size."""
    touch = metrics().touch
    found: list[Small] = []

    def add(w: QWidget, what: str, size: str) -> None:
        found.append(Small(screen, what, describe(w), size))

    for root in roots:
        for w in [root, *root.findChildren(QWidget)]:
            if not shown(w) or (type(w).__name__, w.objectName()) in NOT_TOUCH_TARGETS:
                continue
            lay = w.layout()
            if lay is not None and not isinstance(w, QAbstractScrollArea):
                need = lay.totalMinimumSize()   # wrapped text: as many lines as at the width it has
                high = min(need.height(), lay.totalHeightForWidth(w.width())) if lay.hasHeightForWidth() \
                    else need.height()
                if high > w.height() + 1 or need.width() > w.width() + 1:
                    add(w, "squeezed (what it holds overlaps)",
                        f"{w.width()}×{w.height()} px, needs {need.width()}×{high}")
            if isinstance(w, QAbstractButton) and not isinstance(w.parentWidget(), QTabBar):
                if w.height() < touch or w.width() < touch:
                    add(w, "button", f"{w.width()}×{w.height()} px")
                if isinstance(w, QPushButton) and w.sizeHint().width() > w.width() + 1:
                    add(w, "button text cut", f"{w.width()} px wide, needs {w.sizeHint().width()}")
                if isinstance(w, (QRadioButton, QCheckBox)):
                    opt = QStyleOptionButton()
                    w.initStyleOption(opt)  # type: ignore[attr-defined]
                    el = (QStyle.SubElement.SE_RadioButtonIndicator if isinstance(w, QRadioButton)
                          else QStyle.SubElement.SE_CheckBoxIndicator)
                    box = w.style().subElementRect(el, opt, w)
                    if min(box.width(), box.height()) < metrics().indicator:
                        add(w, "indicator", f"{box.width()}×{box.height()} px")
            elif isinstance(w, QTabBar):
                for i in range(w.count()):
                    r = w.tabRect(i)
                    if r.height() < touch or r.width() < touch:
                        add(w, f"tab “{w.tabText(i)}”", f"{r.width()}×{r.height()} px")
            elif isinstance(w, (QComboBox, QLineEdit, QAbstractSpinBox)):
                if w.height() < touch:
                    add(w, "field", f"height {w.height()} px")
            elif isinstance(w, QTableView):
                rows = w.model().rowCount() if w.model() is not None else 0
                height = w.verticalHeader().defaultSectionSize()
                heights = {w.rowHeight(r) for r in range(min(rows, 20))} | {height}
                if min(heights) < touch and w.selectionMode() != QAbstractItemView.SelectionMode.NoSelection:
                    add(w, "table rows", f"{min(heights)} px high")
            elif isinstance(w, QListView):
                rows = w.model().rowCount() if w.model() is not None else 0
                heights = [w.visualRect(w.model().index(r, 0)).height() for r in range(min(rows, 20))]
                if heights and min(heights) < touch and w.isEnabled():
                    add(w, "list rows", f"{min(heights)} px high")
            elif isinstance(w, QScrollBar):
                across = w.width() if w.orientation() == Qt.Orientation.Vertical else w.height()
                if across < metrics().scroll:
                    add(w, "scroll bar", f"{across} px across")
                opt = QStyleOptionSlider()
                w.initStyleOption(opt)  # type: ignore[attr-defined]
                handle = w.style().subControlRect(QStyle.ComplexControl.CC_ScrollBar, opt,
                                                  QStyle.SubControl.SC_ScrollBarSlider, w)
                along = handle.height() if w.orientation() == Qt.Orientation.Vertical else handle.width()
                groove = w.style().subControlRect(QStyle.ComplexControl.CC_ScrollBar, opt,
                                                  QStyle.SubControl.SC_ScrollBarGroove, w)
                room = groove.height() if w.orientation() == Qt.Orientation.Vertical else groove.width()
                if along < min(touch, room):
                    add(w, "scroll handle", f"{along} px long")
    return found


# --- the screens ---------------------------------------------------------------------------------------------
@pytest.fixture
def thai(shop: SqliteStore, clock: FixedClock, qapp: QApplication, printed: Any) -> Iterator[BoothContext]:
    """The booth in Thai at 1024×600, with a few sales in history."""
    apply_theme(qapp, SIZE[1])
    install_language("th")
    context = make_ctx(shop, clock, "th", printed)
    items = list(context.service.catalogue().products)
    for i in range(6):
        cart = Cart().add(items[i % len(items)], 1 + i % 2)
        context.service.sell(cart, [PaymentIn("cash", tendered_satang=cart.total_satang)])
    yield context
    context.shutdown()
    install_language("en")


@pytest.fixture
def win(thai: BoothContext, qtbot: Any) -> Iterator[MainWindow]:
    w = MainWindow(thai)
    qtbot.addWidget(w)
    w.resize(*SIZE)
    w.show()
    qtbot.waitExposed(w)
    idle(qtbot, thai)
    yield w
    idle(qtbot, thai)


def with_cart(w: MainWindow, qtbot: Any) -> None:
    ctx = w.ctx
    items = list(ctx.index.products)
    cart = Cart()
    for i in range(8):
        cart = cart.add(items[i % len(items)], 1 + i)
    ctx.set_cart(cart)
    w.show_page("sell")
    idle(qtbot, ctx)
    w.sell.cart_panel.table.selectRow(0)


def dialog(qtbot: Any, kind: type = QDialog) -> QDialog:
    """The dialog just opened."""
    qtbot.waitUntil(lambda: any(isinstance(d, kind) and d.isVisible() for d in QApplication.topLevelWidgets()))
    found = [d for d in QApplication.topLevelWidgets() if isinstance(d, kind) and d.isVisible()]
    QApplication.processEvents()
    return found[-1]


def sell(w: MainWindow, qtbot: Any) -> list[QWidget]:
    with_cart(w, qtbot)
    return [w]


def pay(tab: int) -> Callable[[MainWindow, Any], list[QWidget]]:
    def open_pay(w: MainWindow, qtbot: Any) -> list[QWidget]:
        from otop_pos.ui.pay_dialog import PayDialog

        with_cart(w, qtbot)
        w.sell.pay()
        dlg = dialog(qtbot, PayDialog)
        assert isinstance(dlg, PayDialog)
        dlg.tabs.setCurrentIndex(tab)
        idle(qtbot, w.ctx)
        return [dlg]
    return open_pay


def pay_parts(w: MainWindow, qtbot: Any) -> list[QWidget]:
    from otop_pos.ui.pay_dialog import PayDialog

    with_cart(w, qtbot)
    w.ctx.set_parts((PaymentIn("cash", 1000), PaymentIn("transfer", 2000), PaymentIn("cash", 500)))
    w.sell.pay()
    dlg = dialog(qtbot, PayDialog)
    idle(qtbot, w.ctx)
    return [dlg]


def change(w: MainWindow, qtbot: Any) -> list[QWidget]:
    from otop_pos.ui.pay_dialog import PayDialog

    w.ctx.set_cart(Cart().add(next(p for p in w.ctx.index.products if p.stock is None), 3))
    w.sell.pay()
    dlg = dialog(qtbot, PayDialog)
    assert isinstance(dlg, PayDialog)
    dlg.cash_edit.setText(f"{(w.ctx.cart.total_satang + 9999) // 10000 * 100:,}")
    dlg.complete()
    qtbot.waitUntil(lambda: w.sell.cart_panel.stack.currentWidget() is w.sell.cart_panel.change_panel)
    idle(qtbot, w.ctx)
    return [w]


def value_dialog(method: str) -> Callable[[MainWindow, Any], list[QWidget]]:
    def open_value(w: MainWindow, qtbot: Any) -> list[QWidget]:
        with_cart(w, qtbot)
        getattr(w.sell.cart_panel, method)()
        return [dialog(qtbot)]
    return open_value


def approval(w: MainWindow, qtbot: Any) -> list[QWidget]:
    from otop_pos.ui.approval import ManagerPinDialog, request_approval

    request_approval(w, w.ctx, "ส่วนลดเกินที่ตั้งไว้", lambda _a: None)
    return [dialog(qtbot, ManagerPinDialog)]


def history(w: MainWindow, qtbot: Any) -> list[QWidget]:
    page = w.show_page("history")
    idle(qtbot, w.ctx)
    page.table.selectRow(1)  # type: ignore[attr-defined]
    idle(qtbot, w.ctx)
    return [w]


def adjust(method: str) -> Callable[[MainWindow, Any], list[QWidget]]:
    def open_adjust(w: MainWindow, qtbot: Any) -> list[QWidget]:
        page = history(w, qtbot)[0].page("history")  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: page.detail is not None)
        getattr(page, method)()
        return [dialog(qtbot)]
    return open_adjust


def held(w: MainWindow, qtbot: Any) -> list[QWidget]:
    from otop_pos.ui.held_dialog import HeldBillsDialog

    ctx = w.ctx
    items = list(ctx.index.products)
    for i in range(4):
        ctx.set_cart(Cart().add(items[i]))
        ctx.hold(f"ลูกค้าคนที่ {i + 1}")
    dlg = HeldBillsDialog(ctx, w)
    dlg.show()
    qtbot.addWidget(dlg)
    idle(qtbot, ctx)
    return [dlg]


def products(w: MainWindow, qtbot: Any) -> list[QWidget]:
    page = w.show_page("products")
    idle(qtbot, w.ctx)
    page.table.selectRow(1)  # type: ignore[attr-defined]
    idle(qtbot, w.ctx)
    return [w]


def day(w: MainWindow, qtbot: Any) -> list[QWidget]:
    w.show_page("day")
    idle(qtbot, w.ctx)
    return [w]


def open_day(w: MainWindow, qtbot: Any) -> list[QWidget]:
    from otop_pos.ui.day_dialogs import OpenDayDialog

    dlg = OpenDayDialog(w.ctx, w)
    qtbot.addWidget(dlg)
    dlg.show()
    return [dlg]


def close_day(w: MainWindow, qtbot: Any) -> list[QWidget]:
    from otop_pos.ui.day_dialogs import CloseDayDialog

    page = w.show_page("day")
    idle(qtbot, w.ctx)
    page._close_day_now()  # type: ignore[attr-defined]
    dlg = dialog(qtbot, CloseDayDialog)
    idle(qtbot, w.ctx)
    return [dlg]


def orders(w: MainWindow, qtbot: Any) -> list[QWidget]:
    from datetime import timedelta

    ctx = w.ctx
    items = list(ctx.index.products)
    day = ctx.service.current_day()
    assert day is not None
    for i in range(2):
        ctx.service.take_order(Cart().add(items[i], 3), customer=f"คุณสมศรี ใจดี {i + 1}", phone="0812345678",
                               deliver_on=day.business_date + timedelta(days=2), deposit_satang=10000,
                               payments=[PaymentIn("cash", 10000)])
    page = w.show_page("orders")
    page.fill()  # type: ignore[attr-defined]
    idle(qtbot, ctx)
    return [w]


def take_order(w: MainWindow, qtbot: Any) -> list[QWidget]:
    from otop_pos.ui.orders_screen import TakeOrderDialog

    ctx = w.ctx
    ctx.set_cart(Cart().add(list(ctx.index.products)[0], 2))
    dlg = TakeOrderDialog(ctx, w)
    qtbot.addWidget(dlg)
    dlg.show()
    return [dlg]


def order_dialog(kind: str) -> Callable[[MainWindow, Any], list[QWidget]]:
    """An order's detail, deliver or cancel step over the Orders page (an order with a deposit due)."""
    def open_order(w: MainWindow, qtbot: Any) -> list[QWidget]:
        from otop_pos.ui.orders_screen import CancelOrderDialog, DeliverDialog, OrderDetailDialog, OrdersScreen

        orders(w, qtbot)
        page = w.pages["orders"]
        assert isinstance(page, OrdersScreen)
        page.table.selectRow(0)
        kinds = {"detail": (page.detail_button, OrderDetailDialog), "deliver": (page.deliver_button, DeliverDialog),
                 "cancel": (page.cancel_button, CancelOrderDialog)}
        button, dlg_type = kinds[kind]
        button.click()
        return [dialog(qtbot, dlg_type)]
    return open_order


def pay_scheme(w: MainWindow, qtbot: Any) -> list[QWidget]:
    """F8 in the pay dialog with คนละครึ่ง chosen: both shares and the slip reference."""
    from otop_pos.ui.method_dialog import OtherMethodDialog

    pay_dlg = pay(0)(w, qtbot)[0]
    qtbot.keyClick(pay_dlg, Qt.Key.Key_F8)
    other = dialog(qtbot, OtherMethodDialog)
    assert isinstance(other, OtherMethodDialog)
    other.choose("copay")
    idle(qtbot, w.ctx)
    return [other]


def settings(tab: int) -> Callable[[MainWindow, Any], list[QWidget]]:
    def open_settings(w: MainWindow, qtbot: Any) -> list[QWidget]:
        page = w.show_page("settings")
        idle(qtbot, w.ctx)
        page.tabs.setCurrentIndex(tab)  # type: ignore[attr-defined]
        idle(qtbot, w.ctx)
        return [w]
    return open_settings




SCREENS: dict[str, Callable[[MainWindow, Any], list[QWidget]]] = {
    "sell with a cart": sell,
    "pay: cash": pay(0),
    "pay: PromptPay": pay(1),
    "pay: transfer": pay(2),
    "pay: parts taken": pay_parts,
    "change": change,
    "quantity": value_dialog("ask_qty"),
    "line discount": value_dialog("ask_line_discount"),
    "bill discount": value_dialog("ask_sale_discount"),
    "price": value_dialog("ask_price"),
    "manager approval": approval,
    "history with detail": history,
    "void": adjust("void"),
    "refund": adjust("refund"),
    "held bills": held,
    "products with edit form": products,
    "day": day,
    "open the day": open_day,
    "close the day": close_day,
    "orders": orders,
    "take an order": take_order,
    "order detail": order_dialog("detail"),
    "deliver an order": order_dialog("deliver"),
    "cancel an order": order_dialog("cancel"),
    "pay: F8 co-payment part": pay_scheme,
    "settings: shop": settings(0),
    "settings: receipt": settings(1),
    "settings: printer": settings(2),
    "settings: PIN and backup": settings(3),
}


@pytest.mark.parametrize("screen", list(SCREENS))
def test_everything_pressable_is_touch_sized(screen: str, win: MainWindow, qtbot: Any) -> None:
    roots = SCREENS[screen](win, qtbot)
    for r in roots:   # a dialog leaves room for its title bar
        room = (SIZE[0], SIZE[1] - (40 if isinstance(r, QDialog) else 0))
        assert r.width() <= room[0] and r.height() <= room[1], f"{screen} is {r.width()}×{r.height()}"
    small = too_small(screen, roots)
    assert not small, "\n".join(map(str, small))


def test_every_page_of_the_first_run_wizard_is_touch_sized(win: MainWindow, qtbot: Any) -> None:
    from otop_pos.ui.first_run import FirstRunDialog

    dlg = FirstRunDialog(win.ctx.service, win, discover=lambda: [("win:XP-58 Receipt", "Generic / Text Only")])
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.find_printers()                                  # the paper page's printer row, shown
    qtbot.waitUntil(lambda: dlg.found_printers != [], timeout=5000)
    small: list[Small] = []
    for page in range(dlg.stack.count()):
        dlg.stack.setCurrentIndex(page)
        QApplication.processEvents()
        assert dlg.height() <= SIZE[1] - 40, f"first run page {page} is {dlg.width()}×{dlg.height()}"
        small += too_small(f"first run page {page}", [dlg])
    assert dlg.stack.count() >= 3
    assert not small, "\n".join(map(str, small))


def test_touch_size_is_declared_and_grows_with_the_screen() -> None:
    """44 px at 600 px high (about 9 mm on a 10" netbook), the same physical size on a bigger screen."""
    assert TOUCH_MIN_PX == 44
    small, large = metrics_for_height(600), metrics_for_height(1080)
    assert small.touch == 44 and small.base >= 17
    assert large.touch > small.touch and large.base > small.base
    assert small.scroll >= 24 and small.indicator >= 28
    assert small.smallest >= 14


def test_the_close_button_is_big_and_beside_the_pin(win: MainWindow, qtbot: Any) -> None:
    """The red close-day button is as tall as the main actions and right next to the PIN it needs."""
    dlg = close_day(win, qtbot)[0]
    pin, button = dlg.pin_edit, dlg.close_button  # type: ignore[attr-defined]
    assert button.height() >= metrics().button_h
    gap = button.mapTo(dlg, button.rect().topLeft()).x() - pin.mapTo(dlg, pin.rect().topRight()).x()
    same_row = abs(button.mapTo(dlg, button.rect().center()).y() - pin.mapTo(dlg, pin.rect().center()).y()) < 8
    assert same_row and 0 <= gap <= 24, f"gap {gap} px, same row {same_row}"
