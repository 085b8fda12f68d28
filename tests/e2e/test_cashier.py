"""The keyboard contract of issue 12, driven on the real booth window as a stall drives it.

The app runs as its own process on a virtual screen with a window manager; keys are pressed and a USB scanner
"types" its burst with xdotool into whatever has the focus; the result is read back from the booth's signed
export (what the organiser imports). One app serves the module; a test that did not pass leaves it behind and
the next test starts a fresh till, so one broken flow cannot spoil the others.

Each failure says what it waited for and leaves a screenshot. The ``till`` fixture is in conftest.py; the
``cashier`` fixture here keeps the app running from one test to the next.
"""
from __future__ import annotations

import os
import re
import signal
from collections.abc import Iterator

import pytest

from tests.e2e.cashier import Cashier, Till, products

CATALOGUE = products()
JAEW, RICE, MUYOR, NAMPRIK, NAEM, _, MUDAED = sorted(CATALOGUE)  # KK20-0018-01 … -07
PRICE = {sku: price for sku, (_, price, _) in CATALOGUE.items()}
CODE = {sku: code for sku, (_, _, code) in CATALOGUE.items()}
NAME = {sku: name for sku, (name, _, _) in CATALOGUE.items()}


@pytest.fixture
def cashier(till: Till, request: pytest.FixtureRequest) -> Iterator[Cashier]:
    """The running booth window, on the sell screen with an empty cart (one app serves the module)."""
    c = till.cashier()
    yield c
    report = getattr(request.node, "rep_call", None)
    if report is None or not report.passed or not c.running() or c.dialogs():
        till.discard()  # whatever it left open or half-done goes with it


def pay_cash(c: Cashier, amount: str, sales_before: int, wait: float = 10) -> None:
    """F12, the cash received typed, Enter; waits until the sale is saved and the sell screen is back."""
    c.key("F12")
    c.wait_window("Payment", wait)
    c.type_text(amount)
    c.key("Return")
    c.wait_sales(sales_before + 1, timeout=8)
    c.wait_main()


def big_amounts(c: Cashier) -> list[str]:
    """The amounts shown in large type (the cart's total, the change), as read off the screen."""
    return [re.sub(r"^\D", "", w.text) for w in c.screen_words("amounts")
            if w.height >= 24 and re.fullmatch(r"\S?[\d,]+\.\d\d", w.text)]


def baht(sku: str, qty: int = 1) -> int:
    return PRICE[sku] * qty


# --- the sell screen: scans, cash and change, clear, search, close and restart, discounts, hold and recall -----
def test_scans_f12_cash_and_enter_sell_show_the_change_and_the_next_sale_follows(cashier: Cashier) -> None:
    c = cashier
    n = c.sale_count()
    c.scan(CODE[JAEW])
    c.scan(CODE[RICE])
    pay_cash(c, "300", n)  # ฿250 bill
    screen = c.screen_text("change")
    # "Change" above "฿50.00" (OCR reads ฿ as B or 8; the large amount may come on a line of its own)
    assert "Change" in screen and re.search(r"(?:^|\s)[B8฿]?50\.00(?:\s|$)", screen, re.M), screen
    c.scan(CODE[NAMPRIK])
    c.scan(CODE[NAMPRIK])
    c.scan(CODE[MUDAED])
    pay_cash(c, "200", n + 1)  # ฿169 bill

    first, second = c.export()[n:]
    assert first.skus == [JAEW, RICE] and first.total_satang == 25000
    assert first.paid == [("cash", 25000)]
    assert (first.payments[0].tendered_satang, first.change_satang) == (30000, 5000)
    assert second.skus == [NAMPRIK, NAMPRIK, MUDAED] and second.total_satang == 16900
    assert [(p.method, p.tendered_satang, p.change_satang) for p in second.payments] == [("cash", 20000, 3100)]
    assert "unhandled error" not in c.errors()


def test_f8_asks_first_escape_keeps_the_cart_and_clear_cart_empties_it(cashier: Cashier) -> None:
    c = cashier
    n = c.sale_count()
    c.scan(CODE[JAEW])
    c.key("F8")
    c.wait_window("Please confirm")
    c.key("Escape")  # changed my mind: the cart stays
    c.wait_main()
    c.scan(CODE[NAMPRIK])
    pay_cash(c, "95", n)
    c.scan(CODE[RICE])
    c.scan(CODE[MUDAED])
    c.key("F8")
    c.wait_window("Please confirm")
    c.key("Tab", "Return")  # to "Clear cart", then press it
    c.wait_main()
    c.scan(CODE[NAMPRIK])
    pay_cash(c, "35", n + 1)

    kept, after_clear = c.export()[n:]
    assert kept.skus == [JAEW, NAMPRIK] and kept.paid == [("cash", 9500)]
    assert after_clear.skus == [NAMPRIK] and after_clear.paid == [("cash", 3500)]


def test_search_box_finds_a_product_by_name_and_by_sku_for_products_without_a_barcode(cashier: Cashier) -> None:
    c = cashier
    n = c.sale_count()
    c.type_text("แหนม")  # part of แหนมหมู, typed by a person: one tile left, Enter adds it
    c.settle(0.3)  # a person looks before pressing Enter
    c.key("Return")
    c.type_text(MUYOR)  # the SKU of หมูยอ
    c.settle(0.3)
    c.key("Return")
    pay_cash(c, "184", n)

    (sale,) = c.export()[n:]
    assert sale.skus == [NAEM, MUYOR]
    assert sale.total_satang == baht(NAEM) + baht(MUYOR) == 18400
    assert sale.paid == [("cash", 18400)]


def test_sales_survive_closing_the_window_and_a_kill9_and_numbering_goes_on(cashier: Cashier) -> None:
    c = cashier
    n = c.sale_count()
    c.scan(CODE[JAEW])
    pay_cash(c, "100", n)
    assert c.stop() == 0  # Alt+F4: the app closes cleanly
    c.restart()
    c.scan(CODE[MUDAED])
    pay_cash(c, "99", n + 1)
    c.kill9()  # the power goes right after the sale
    c.restart()
    c.scan(CODE[NAMPRIK])
    pay_cash(c, "50", n + 2)

    sales = c.export()[n:]  # the export verifies the hash chain across the three runs
    assert [s.skus for s in sales] == [[JAEW], [MUDAED], [NAMPRIK]]
    assert [s.paid for s in sales] == [[("cash", 6000)], [("cash", 9900)], [("cash", 3500)]]
    assert [s.change_satang for s in sales] == [4000, 0, 1500]
    seqs = [int(s.number.rsplit("-", 1)[1]) for s in sales]
    assert seqs == list(range(seqs[0], seqs[0] + 3))
    assert "unhandled error" not in c.errors()


def test_f4_line_discount_and_f5_bill_discount_from_the_keyboard(cashier: Cashier) -> None:
    c = cashier
    n = c.sale_count()
    c.scan(CODE[RICE])
    c.key("F4")
    c.wait_window("Line discount")
    c.type_text("10")  # ฿10 off the rice
    c.key("Return")
    c.wait_main()
    c.scan(CODE[JAEW])
    c.key("F5")
    c.wait_window("Bill discount")
    c.type_text("20")  # ฿20 off the bill
    c.key("Return")
    c.wait_main()
    assert "220.00" in big_amounts(c), "the cart's total does not read ฿220.00 after the discounts"
    pay_cash(c, "220", n)  # 190 − 10 + 60 − 20

    (sale,) = c.export()[n:]
    assert sale.skus == [RICE, JAEW]
    assert [line.discount_satang for line in sale.lines] == [1000, 0]
    assert sale.total_satang == 22000 and sum(line.net_satang for line in sale.lines) == 22000
    assert sale.paid == [("cash", 22000)]


def test_f6_holds_the_bill_at_once_and_f7_brings_it_back(cashier: Cashier) -> None:
    c = cashier
    n = c.sale_count()
    c.scan(CODE[RICE])
    c.scan(CODE[JAEW])
    c.key("F6")  # at once: no question asked
    c.scan(CODE[NAMPRIK])  # the next customer
    pay_cash(c, "35", n)
    c.key("F7")  # one held bill: it comes back
    pay_cash(c, "250", n + 1)

    next_customer, held = c.export()[n:]
    assert next_customer.skus == [NAMPRIK] and next_customer.paid == [("cash", 3500)]
    assert held.skus == [RICE, JAEW] and held.paid == [("cash", 25000)]


def test_f7_with_several_held_bills_lists_them_oldest_first_and_holds_the_cart_in_hand(cashier: Cashier) -> None:
    c = cashier
    n = c.sale_count()
    c.scan(CODE[JAEW])
    c.key("F6")  # bill A
    c.scan(CODE[NAMPRIK])
    c.key("F6")  # bill B
    c.scan(CODE[MUDAED])  # bill C, in hand
    c.key("F7")
    c.wait_window("Held bills")
    c.key("Return")  # the oldest is selected: A comes back, C is held first
    c.wait_main()
    pay_cash(c, "60", n)
    c.key("F7")
    c.wait_window("Held bills")
    c.key("Return")  # B is older than C
    c.wait_main()
    pay_cash(c, "35", n + 1)
    c.key("F7")  # one left: C comes back at once
    pay_cash(c, "99", n + 2)

    assert [s.skus for s in c.export()[n:]] == [[JAEW], [NAMPRIK], [MUDAED]]


# --- payment parts, the scanner in dialogs, held bills, the change screen (issue 12) ----------------------------
def test_cash_typed_then_f7_records_cash_and_a_transfer_of_the_remainder(cashier: Cashier) -> None:
    c = cashier
    n = c.sale_count()
    for sku in (MUDAED, NAMPRIK, JAEW):
        c.scan(CODE[sku])  # ฿194
    c.key("F12")
    c.wait_window("Payment")
    c.type_text("100")  # the customer has a ฿100 note …
    c.key("F7")  # … and transfers the rest
    c.key("Return")  # the transfer tab shows ฿94: confirmed, the bill is covered
    c.wait_sales(n + 1)
    c.wait_main()

    (sale,) = c.export()[n:]
    assert sale.total_satang == 19400
    assert sorted(sale.paid) == [("cash", 10000), ("transfer", 9400)]  # (recorded transfer first, cash last)
    cash = next(p for p in sale.payments if p.method == "cash")
    assert (cash.tendered_satang, cash.change_satang) == (10000, 0)


def test_f8_takes_a_half_half_part_split_with_the_state_and_enter_saves_the_sale(cashier: Cashier) -> None:
    c = cashier
    n = c.sale_count()
    c.scan(CODE[JAEW])
    c.scan(CODE[RICE])  # ฿250
    c.key("F12")
    c.wait_window("Payment")
    c.key("F8")  # the fair's other methods: card first, then คนละครึ่ง
    c.wait_window("Other payment methods (F8)")
    c.key("Down")  # คนละครึ่ง: the state's half of the ฿250 due is proposed
    c.key("Return")
    c.wait_sales(n + 1)
    c.wait_main()

    (sale,) = c.export()[n:]
    assert sale.total_satang == 25000
    assert [(p.method, p.amount_satang, p.state_satang) for p in sale.payments] == [("copay", 25000, 12500)]


def test_the_change_stays_on_screen_large_until_the_next_scan(cashier: Cashier) -> None:
    c = cashier
    n = c.sale_count()
    c.scan(CODE[RICE])
    pay_cash(c, "240", n)  # ฿50 change
    c.settle(6)  # longer than a banner stays; the customer is still counting the coins

    def change_on_screen() -> list[tuple[str, int]]:
        return [(w.text, w.height) for w in c.screen_words() if re.fullmatch(r"\S?50\.00", w.text)]
    shown = change_on_screen()
    assert any(height >= 24 for _, height in shown), f"no large ฿50.00 on screen (text, height px): {shown}"
    c.scan(CODE[NAMPRIK])  # the next customer: the change goes, the new cart starts
    c.settle()
    assert change_on_screen() == []
    pay_cash(c, "35", n + 1)
    assert [s.skus for s in c.export()[n:]] == [[RICE], [NAMPRIK]]


def test_cash_typed_then_f6_records_cash_and_promptpay_for_the_rest_and_f5_goes_back_to_cash(
        cashier: Cashier) -> None:
    c = cashier
    n = c.sale_count()
    c.scan(CODE[JAEW])
    c.scan(CODE[NAMPRIK])  # ฿95
    c.key("F12")
    c.wait_window("Payment")
    c.key("F7", "F5")  # a look at the transfer tab, then back to cash
    c.type_text("50")
    c.key("F6")  # ฿50 cash becomes a part; the QR asks for the ฿45 left
    c.key("Return")  # the customer's phone shows it paid: confirmed, the bill is covered
    c.wait_sales(n + 1)
    c.wait_main()

    (sale,) = c.export()[n:]
    assert sale.skus == [JAEW, NAMPRIK]
    assert sorted(sale.paid) == [("cash", 5000), ("promptpay", 4500)]


def test_a_scan_in_the_pay_dialog_adds_the_product_and_the_amount_due_follows(cashier: Cashier) -> None:
    c = cashier
    n = c.sale_count()
    c.scan(CODE[JAEW])
    c.key("F12")
    c.wait_window("Payment")
    c.scan(CODE[NAMPRIK])  # the customer hands over one more jar
    c.settle()
    assert c.sale_count() == n, "the scanner's Enter completed the sale"
    assert c.active_title().startswith("Payment"), "the pay dialog closed on a scan"
    c.type_text("95")
    c.key("Return")
    c.wait_sales(n + 1)
    c.wait_main()

    (sale,) = c.export()[n:]
    assert sale.skus == [JAEW, NAMPRIK] and sale.total_satang == 9500
    assert [(p.method, p.amount_satang, p.tendered_satang, p.change_satang) for p in sale.payments] == [
        ("cash", 9500, 9500, 0)]


@pytest.mark.parametrize(("key", "title"), [("F4", "Line discount"), ("F5", "Bill discount")])
def test_a_scan_in_a_discount_dialog_is_refused(cashier: Cashier, key: str, title: str) -> None:
    c = cashier
    n = c.sale_count()
    c.scan(CODE[RICE])
    c.key(key)
    c.wait_window(title)
    c.scan(CODE[NAMPRIK])  # the scanner fires while the discount dialog is open
    c.settle()
    assert any(name.startswith(title) for name in c.dialogs()), "the scan closed the discount dialog"
    c.escape_to_main()
    pay_cash(c, "190", n)

    (sale,) = c.export()[n:]
    assert sale.skus == [RICE]
    assert [line.discount_satang for line in sale.lines] == [0] and sale.total_satang == 19000
    assert sale.paid == [("cash", 19000)]


def test_f8_then_enter_clears_the_cart(cashier: Cashier) -> None:
    c = cashier
    n = c.sale_count()
    c.scan(CODE[RICE])
    c.key("F8")
    c.wait_window("Please confirm")
    c.key("Return")  # the highlighted button is "Clear cart"
    c.wait_main()
    assert "0.00" in big_amounts(c), "the cart's total does not read ฿0.00 after clearing"
    c.scan(CODE[NAMPRIK])
    pay_cash(c, "35", n)

    (sale,) = c.export()[n:]
    assert sale.skus == [NAMPRIK]


def test_a_held_bill_survives_kill9_and_restart(cashier: Cashier) -> None:
    c = cashier
    n = c.sale_count()
    c.scan(CODE[RICE])
    c.scan(CODE[MUDAED])
    c.key("F6")
    c.settle(1.0)  # the vendor sees the cart empty; then the power goes
    c.kill9()
    c.restart()
    c.key("F7")
    pay_cash(c, "289", n, wait=5)

    (sale,) = c.export()[n:]
    assert sale.skus == [RICE, MUDAED] and sale.paid == [("cash", 28900)]


def test_a_confirmed_transfer_part_survives_esc_hold_kill9_and_restart(cashier: Cashier) -> None:
    c = cashier
    n = c.sale_count()
    c.scan(CODE[RICE])  # ฿190
    c.key("F12")
    c.wait_window("Payment")
    c.key("F7")
    c.type_text("50")  # ฿50 transferred now …
    c.key("Return")
    c.key("Escape")  # … the customer goes to fetch cash: back to the cart, the part stays with it
    c.wait_main()
    c.key("F6")
    c.settle(1.0)
    c.kill9()
    c.restart()
    c.key("F7")
    pay_cash(c, "140", n, wait=5)

    (sale,) = c.export()[n:]
    assert sale.skus == [RICE]
    assert sale.paid == [("transfer", 5000), ("cash", 14000)]


def test_closing_the_app_with_a_held_bill_warns_first(cashier: Cashier) -> None:
    c = cashier
    c.scan(CODE[JAEW])
    c.key("F6")
    c.settle()
    c.focus()
    c.key("alt+F4")
    c.settle(1.5)
    assert c.running(), "the app closed with a bill held"
    assert c.dialogs(), "no warning was shown"


def test_typing_in_the_search_box_is_not_taken_for_a_scan_after_the_app_stalls(cashier: Cashier) -> None:
    c = cashier
    n = c.sale_count()
    assert c.proc is not None
    c.type_text(MUYOR[:5])  # "KK20-" …
    c.settle(0.3)
    os.kill(c.proc.pid, signal.SIGSTOP)  # … the laptop stalls for a moment (a busy netbook) …
    try:
        c.type_text(MUYOR[5:])  # … while the vendor types the rest and Enter
        c.key("Return")
    finally:
        os.kill(c.proc.pid, signal.SIGCONT)
    c.settle()
    assert "110.00" in big_amounts(c), "หมูยอ (฿110) is not in the cart"
    pay_cash(c, "110", n, wait=5)

    (sale,) = c.export()[n:]
    assert sale.skus == [MUYOR]
