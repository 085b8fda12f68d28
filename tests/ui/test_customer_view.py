"""The customer's PromptPay view (Thai QR Payment look): the QR it shows decodes to the pay dialog's payload,
it is large with its quiet zone, it opens on a second screen by itself or over the booth window on F11, and
"still to pay" goes away while the change is shown."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from conftest import BAG, CHIPS, SCARF  # type: ignore[import-not-found]
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from ui_helpers import gone, open_pay, qimage_to_pil, scan  # type: ignore[import-not-found]

from otop_pos.booth.queries import list_sales
from otop_pos.core.promptpay import parse_emv, promptpay_payload
from otop_pos.store.engine import SqliteStore
from otop_pos.ui import pay_dialog
from otop_pos.ui.customer_view import QUIET, CustomerView, choose_customer_screen
from otop_pos.ui.main_window import MainWindow


def decode(image: QImage) -> str:
    found = zxingcpp.read_barcodes(qimage_to_pil(image))
    assert len(found) == 1
    return str(found[0].text)


def black_box(grey: Any) -> tuple[int, int, int, int]:
    """Left, top, right, bottom (inclusive) of the black pixels (the QR's dark modules: nothing else is black)."""
    box = grey.point(lambda v: 255 if v == 0 else 0).getbbox()
    assert box is not None
    return box[0], box[1], box[2] - 1, box[3] - 1


def all_white(grey: Any, left: int, top: int, right: int, bottom: int) -> bool:
    """True when every pixel from (left, top) to (right, bottom) inclusive is white."""
    return bool(grey.crop((left, top, right + 1, bottom + 1)).getextrema() == (255, 255))


def open_customer_view(qtbot: Any, pay: Any) -> CustomerView:
    qtbot.keyClick(pay, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: pay.customer_view is not None and pay.customer_view.isVisible())
    view = pay.customer_view
    assert isinstance(view, CustomerView)
    return view


def test_f11_shows_the_same_qr_to_the_customer_with_the_amount_and_shop(window: MainWindow, ctx: Any,
                                                                      qtbot: Any) -> None:
    pay = open_pay(window, qtbot, SCARF, CHIPS)            # ฿1,227
    qtbot.keyClick(pay, Qt.Key.Key_F6)
    assert pay.show_customer_button.isEnabled()
    view = open_customer_view(qtbot, pay)
    assert view.isFullScreen() and not view.passive
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    payload = decode(view.grab().toImage())
    assert payload == pay.payload == promptpay_payload("0801234567", 122700)
    assert parse_emv(payload)["54"] == "1227.00" and view.amount == "฿1,227.00"
    assert view.shop_name == ctx.settings.shop_name


@pytest.mark.parametrize("size", [(1024, 600), (1920, 1080), (600, 1024)])
def test_the_qr_fills_most_of_the_short_side_and_keeps_its_quiet_zone(qapp: Any, qtbot: Any, tmp_path: Path,
                                                                      size: tuple[int, int]) -> None:
    view = CustomerView(None, "ร้านสุดาของดีโคราช", passive=False)
    qtbot.addWidget(view)
    view.set_payload(promptpay_payload("0812345678", 285775))
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    image = view.grab().toImage()
    assert (image.width(), image.height()) == size
    grey = qimage_to_pil(image).convert("L")
    left, top, right, bottom = black_box(grey)
    short = min(size)
    assert right - left + 1 >= 0.6 * short and bottom - top + 1 >= 0.6 * short
    q = QUIET * view.layout_now().module                   # 4 modules of pure white all round
    assert q >= 4 * 10
    assert all_white(grey, left - q, top - q, right + q, top - 1)          # above
    assert all_white(grey, left - q, bottom + 1, right + q, bottom + q)    # below
    assert all_white(grey, left - q, top, left - 1, bottom)                # left
    assert all_white(grey, right + 1, top, right + q, bottom)              # right
    payload = promptpay_payload("0812345678", 285775)
    assert decode(image) == payload and parse_emv(payload)["54"] == "2857.75" and view.amount == "฿2,857.75"
    if shutil.which("zbarimg"):                            # a second decoder, as a phone's camera app would
        png = tmp_path / "view.png"
        assert image.save(str(png))
        out = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True, check=True)
        assert out.stdout.strip() == payload


def test_the_customer_screen_is_the_one_the_vendor_is_not_on() -> None:
    assert choose_customer_screen(["laptop"], "laptop") is None
    assert choose_customer_screen(["laptop", "monitor"], "laptop") == "monitor"
    assert choose_customer_screen(["monitor", "laptop"], "laptop") == "monitor"
    assert choose_customer_screen([], None) is None


def test_esc_closes_the_view_and_the_keyboard_is_back_in_the_pay_dialog(window: MainWindow, qtbot: Any) -> None:
    pay = open_pay(window, qtbot, CHIPS)
    qtbot.keyClick(pay, Qt.Key.Key_F6)
    view = open_customer_view(qtbot, pay)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: gone(view))
    qtbot.waitUntil(lambda: QApplication.activeWindow() is pay)
    assert pay.isVisible() and pay.customer_view is None     # Esc closed the view only, not the pay dialog
    assert QApplication.focusWidget() is pay.pp_amount


def test_a_tap_closes_the_view(window: MainWindow, qtbot: Any) -> None:
    pay = open_pay(window, qtbot, CHIPS)
    qtbot.keyClick(pay, Qt.Key.Key_F6)
    view = open_customer_view(qtbot, pay)
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: gone(view))
    assert pay.isVisible()


def test_a_scan_while_the_view_is_up_adds_the_product_and_the_qr_follows(window: MainWindow, ctx: Any,
                                                                         qtbot: Any) -> None:
    pay = open_pay(window, qtbot, CHIPS)                   # ฿37
    qtbot.keyClick(pay, Qt.Key.Key_F6)
    view = open_customer_view(qtbot, pay)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    scan(qtbot, view, BAG)                                 # ฿660: not lost, not typed anywhere
    qtbot.waitUntil(lambda: gone(view))
    assert ctx.cart.total_satang == 69700
    assert pay.pp_amount.text() == "697.00" and parse_emv(pay.payload)["54"] == "697.00"
    qtbot.waitUntil(lambda: QApplication.activeWindow() is pay)


def test_with_a_second_screen_the_view_opens_there_by_itself_and_closes_with_the_sale(
        window: MainWindow, shop: SqliteStore, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # the offscreen platform has one screen: the choice of screen says there is a second one
    monkeypatch.setattr(pay_dialog, "choose_customer_screen", lambda screens, primary: screens[0])
    pay = open_pay(window, qtbot, CHIPS)
    assert pay.customer_view is None                       # cash first: nothing for the customer yet
    qtbot.keyClick(pay, Qt.Key.Key_F6)
    view = pay.customer_view
    assert view is not None and view.isVisible() and view.passive and view.isFullScreen()
    assert decode(view.grab().toImage()) == pay.payload
    assert QApplication.focusWidget() is pay.pp_amount      # the vendor keeps the keyboard
    qtbot.keyClick(pay, Qt.Key.Key_F5)                     # back to cash: the customer's QR goes
    qtbot.waitUntil(lambda: gone(view))
    qtbot.keyClick(pay, Qt.Key.Key_F6)
    view = pay.customer_view
    assert view is not None and view.isVisible()
    qtbot.keyClick(pay.pp_amount, Qt.Key.Key_Return)        # money received: the sale completes
    qtbot.waitUntil(lambda: gone(pay))
    assert gone(view)
    assert [(s.methods, s.total_satang) for s in list_sales(shop)] == [("promptpay", 3700)]


def test_closing_the_pay_dialog_closes_the_customer_view(window: MainWindow, qtbot: Any,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pay_dialog, "choose_customer_screen", lambda screens, primary: screens[0])
    pay = open_pay(window, qtbot, CHIPS)
    qtbot.keyClick(pay, Qt.Key.Key_F6)
    view = pay.customer_view
    assert view is not None and view.isVisible()
    qtbot.keyClick(pay, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: gone(pay))
    assert gone(view)


def test_still_to_pay_is_hidden_while_change_is_shown(window: MainWindow, qtbot: Any) -> None:
    pay = open_pay(window, qtbot, BAG)                     # ฿660
    assert pay.due_caption.isVisible() and pay.due_label.text() == "฿660.00"
    qtbot.keyClicks(pay.cash_edit, "500")                  # short: still to pay stays
    assert pay.due_caption.isVisible() and pay.change_caption.text() == "Short"
    qtbot.keyClicks(pay.cash_edit, "0")                    # ฿5,000: ฿4,340 change
    assert pay.change_label.text() == "฿4,340.00"
    assert not pay.due_caption.isVisible() and not pay.due_label.isVisible()
    qtbot.keyClick(pay, Qt.Key.Key_F6)                     # PromptPay instead: what is due shows again
    assert pay.due_caption.isVisible() and pay.due_label.text() == "฿660.00" and pay.pp_amount.text() == "660.00"
    qtbot.keyClick(pay, Qt.Key.Key_F5)
    assert not pay.due_caption.isVisible()
    qtbot.keyClick(pay.cash_edit, Qt.Key.Key_Backspace)    # back to ฿500: still to pay comes back
    assert pay.due_caption.isVisible() and pay.due_label.text() == "฿660.00"
