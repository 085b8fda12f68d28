"""F8 in the pay dialog: the fair's other methods as payment parts. A คนละครึ่ง part proposes the split of what is
still due (the state's half rounded down to the satang), takes the shares the slip shows, names both in the
parts list, and the sale is saved with them; a card part and cash for the rest; the daily cap is shown, never
enforced."""
from __future__ import annotations

from typing import Any

from conftest import BAG, CHIPS  # type: ignore[import-not-found]
from PySide6.QtCore import Qt
from ui_helpers import gone, modal, open_pay  # type: ignore[import-not-found]

from otop_pos.booth.queries import list_sales, sale_detail
from otop_pos.store.engine import SqliteStore
from otop_pos.ui.main_window import MainWindow
from otop_pos.ui.method_dialog import OtherMethodDialog


def last_sale_payments(shop: SqliteStore) -> list[tuple[str, int, int, str]]:
    sale = list_sales(shop)[0]
    return sorted((p.method, p.amount_satang, p.state_satang, p.reference)
                  for p in sale_detail(shop, sale.uuid).payments)


def open_other(pay: Any, qtbot: Any, code: str) -> OtherMethodDialog:
    qtbot.keyClick(pay, Qt.Key.Key_F8)
    other = modal(qtbot, OtherMethodDialog)
    other.choose(code)
    return other


def test_f8_copay_for_what_is_due_then_enter_saves_the_sale_with_both_shares(window: MainWindow, shop: SqliteStore,
                                                                           qtbot: Any) -> None:
    pay = open_pay(window, qtbot, BAG, CHIPS)          # ฿697
    other = open_other(pay, qtbot, "copay")
    names = [other.list.item(i).text() for i in range(other.list.count())]
    assert names[0] == "Credit/debit card" and "Half-half co-payment  (state pays 50%)" in names
    assert not any(n.startswith(("Cash", "PromptPay", "Transfer")) for n in names)
    assert other.amount.text() == "697.00"
    assert (other.state_edit.text(), other.customer_edit.text()) == ("348.50", "348.50")
    assert "฿150.00 a person a day" in other.cap_note.text()   # shown; the part is not cut to it
    other.reference.setText("TQ-0001")
    qtbot.keyClick(other.reference, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gone(pay))
    assert last_sale_payments(shop) == [("copay", 69700, 34850, "TQ-0001")]


def test_the_shares_follow_the_slip_and_the_parts_list_names_them(window: MainWindow, shop: SqliteStore,
                                                                  qtbot: Any) -> None:
    pay = open_pay(window, qtbot, BAG)                 # ฿660
    other = open_other(pay, qtbot, "copay")
    other.amount.clear()
    qtbot.keyClicks(other.amount, "400.01")            # the proposal follows: the state's ฿200.005 → ฿200.00
    assert (other.state_edit.text(), other.customer_edit.text()) == ("200.00", "200.01")
    other.state_edit.clear()
    qtbot.keyClicks(other.state_edit, "150")            # the slip: the state paid its cap
    assert other.amount.text() == "350.01"
    qtbot.keyClick(other.state_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gone(other))
    assert pay.parts_list.item(0).text() == \
        "✓ Half-half co-payment  ฿350.01 (state ฿150.00 · customer ฿200.01)"
    assert pay.due_label.text() == "฿309.99"
    qtbot.keyClick(pay, Qt.Key.Key_F8)
    card = modal(qtbot, OtherMethodDialog)
    card.choose("card")
    assert card.amount.text() == "309.99" and not card.state_edit.isVisible()
    card.amount.setText("9.99")
    qtbot.keyClick(card.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gone(card))
    qtbot.keyClicks(pay.cash_edit, "500")
    qtbot.keyClick(pay.cash_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gone(pay))
    assert last_sale_payments(shop) == [("card", 999, 0, ""), ("cash", 30000, 0, ""),
                                        ("copay", 35001, 15000, "")]


def test_esc_in_the_other_methods_takes_nothing(window: MainWindow, qtbot: Any) -> None:
    pay = open_pay(window, qtbot, CHIPS)
    other = open_other(pay, qtbot, "welfare")
    qtbot.keyClick(other.amount, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: gone(other))
    assert pay.payments == () and pay.isVisible()


def test_the_fairs_built_in_methods_are_named_where_the_booth_lists_payments() -> None:
    from otop_pos.ui.i18n import method_name

    assert (method_name("copay", "th"), method_name("card", "en"), method_name("welfare", "en")) == \
        ("คนละครึ่ง", "Credit/debit card", "State welfare card")
    assert method_name("cash", "th") == "เงินสด" and method_name("qr_wallet", "en") == "qr_wallet"
