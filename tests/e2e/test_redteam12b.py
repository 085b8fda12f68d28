"""Red team for issue 12, round 2, on the real booth window: kill -9 at each step of a split payment, scans
and typing while a dialog or a question is opening (the native key filter), a Thai keyboard layout, and the
one-window lock. The app runs as its own process (tests/e2e/cashier.py); money is read back from the signed
export. Each defect it found is fixed; its reproduction stays as a test."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.e2e.cashier import ROOT, Cashier
from tests.e2e.test_cashier import CODE, JAEW, MUDAED, NAMPRIK, RICE, pay_cash


def held_rows(c: Cashier) -> list[tuple[str, str]]:
    """(kind, parts) of every unfinished bill in the store, as ``sqlite3 booth.sqlite`` shows them."""
    con = sqlite3.connect(c.booth.data_dir / "booth.sqlite")
    try:
        return con.execute("SELECT kind, parts_json FROM held_bill ORDER BY id").fetchall()
    finally:
        con.close()


# --- kill -9 at each step of a split payment ---------------------------------------------------------------------
def test_kill9_after_a_cash_part_and_after_a_promptpay_part_keeps_each_part_once(cashier: Cashier) -> None:
    c = cashier
    n = c.sale_count()
    c.scan(CODE[RICE])  # ฿190
    c.key("F12")
    c.wait_window("Payment")
    c.type_text("50")
    c.key("F6")         # ฿50 cash becomes a part; the QR asks for ฿140
    c.settle(1.0)
    c.kill9()           # the power goes after the cash part
    c.restart()
    c.key("F12")
    c.wait_window("Payment")
    c.key("F6")
    c.type_text("40")   # ฿40 by PromptPay, confirmed
    c.key("Return")
    c.settle(1.0)
    c.kill9()           # the power goes after the PromptPay part, the pay dialog still open
    c.restart()
    assert c.sale_count() == n
    pay_cash(c, "100", n)  # the ฿100 left, in cash
    (sale,) = c.export()[n:]
    assert sale.skus == [RICE]
    assert sorted(sale.paid) == [("cash", 15000), ("promptpay", 4000)]   # the cash parts merge into one
    assert held_rows(c) == []


@pytest.mark.parametrize("delay", [0.0, 0.03, 0.08])
def test_kill9_during_the_save_leaves_the_sale_or_the_bill_never_both(cashier: Cashier, delay: float) -> None:
    c = cashier
    n = c.sale_count()
    c.scan(CODE[RICE])  # ฿190
    c.key("F12")
    c.wait_window("Payment")
    c.key("F7")
    c.type_text("90")
    c.key("Return")     # ฿90 transferred
    c.type_text("100")  # the rest in cash …
    c.desk.xdo("key", "Return")
    time.sleep(delay)
    c.kill9()           # … and the power goes while the sale is being saved
    sold = c.sale_count()
    rows = held_rows(c)
    assert (sold, rows) in ((n + 1, []), (n, [("open", '[{"method": "transfer", "amount": 9000, "reference": ""}]')])), \
        (sold, rows)
    c.restart()
    if sold == n:
        pay_cash(c, "100", n)
    (sale,) = c.export()[n:]
    assert sorted(sale.paid) == [("cash", 10000), ("transfer", 9000)] and held_rows(c) == []


# --- scans and typing while a dialog or a question opens (the native key filter) ---------------------------------
@pytest.mark.parametrize("key", ["F4", "F5", "F9"])
def test_a_scan_right_after_a_value_dialog_key_is_refused_and_changes_nothing(cashier: Cashier, key: str) -> None:
    c = cashier
    n = c.sale_count()
    c.scan(CODE[RICE])     # ฿190
    c.key(key)
    c.scan(CODE[JAEW])     # fired while the discount / price dialog is opening
    c.settle(1.0)
    c.escape_to_main()
    pay_cash(c, "190", n)
    (sale,) = c.export()[n:]
    assert sale.skus == [RICE] and sale.total_satang == 19000, sale


def test_a_scan_right_after_f8_keeps_the_cart(cashier: Cashier) -> None:
    c = cashier
    n = c.sale_count()
    c.scan(CODE[RICE])
    c.key("F8")            # "Remove every item?" opens (Clear cart is its default: no money taken)
    c.scan(CODE[JAEW])     # the next customer's item, scanned while the question opens
    c.settle(1.0)
    c.escape_to_main()
    pay_cash(c, "190", n)
    (sale,) = c.export()[n:]
    assert sale.skus == [RICE], sale


def test_a_scan_right_after_f7_with_several_held_bills_recalls_nothing(cashier: Cashier) -> None:
    c = cashier
    n = c.sale_count()
    c.scan(CODE[RICE])
    c.key("F6")
    c.settle(0.5)
    c.scan(CODE[JAEW])
    c.key("F6")
    c.settle(0.5)
    c.key("F7")            # the list opens, the oldest (rice) selected; Enter would recall it
    c.scan(CODE[NAMPRIK])  # a scan while the list opens
    c.settle(1.0)
    c.escape_to_main()
    c.scan(CODE[MUDAED])   # the cart in hand holds only what was scanned on the sell screen
    pay_cash(c, "100", n)
    (sale,) = c.export()[n:]
    assert sale.skus == [MUDAED], sale


def test_cash_typed_right_after_f12_lands_in_the_cash_field(cashier: Cashier) -> None:
    c = cashier
    n = c.sale_count()
    c.scan(CODE[RICE])     # ฿190
    c.key("F12")
    c.type_text("200")     # a quick vendor types before the dialog is seen
    c.wait_window("Payment")
    c.settle(0.5)
    c.key("Return")
    c.wait_sales(n + 1)
    (sale,) = c.export()[n:]
    assert [(p.tendered_satang, p.change_satang) for p in sale.payments] == [(20000, 1000)]


KEDMANEE = {"1": "Thai_lakkhangyao", "2": "slash", "3": "minus", "4": "Thai_phosamphao", "5": "Thai_thothung",
            "6": "Thai_sarau", "7": "Thai_saraue", "8": "Thai_khokhwai", "9": "Thai_totao", "0": "Thai_chochan"}


def test_a_scan_on_the_thai_layout_right_after_f12_adds_the_product(cashier: Cashier) -> None:
    """The laptop is switched to the Thai layout; the scanner still sends the US number-row keys."""
    c = cashier
    n = c.sale_count()
    out = subprocess.run(["setxkbmap", "th"], env=c.desk.env(), capture_output=True, text=True, timeout=20)
    assert out.returncode == 0, out.stderr

    def scan_th(code: str) -> None:
        keys = " ".join(KEDMANEE[d] for d in code)
        c.desk.xdo("-", stdin=f"key --delay 6 {keys}\nkey Return\n")
    try:
        # every digit of the last code is scanned once on the sell screen first: a digit never typed before
        # in the session is lost if it reaches the booth window while the dialog opens (see the pytest-qt
        # test_a_scan_right_after_f12_with_digits_not_typed_before_stays_whole)
        for sku in (RICE, MUDAED, NAMPRIK):
            scan_th(CODE[sku])
        c.key("F12")
        scan_th(CODE[JAEW])      # right after F12
        c.wait_window("Payment")
        c.settle(1.0)
        assert c.sale_count() == n
    finally:
        subprocess.run(["setxkbmap", "us"], env=c.desk.env(), capture_output=True, timeout=20)
    c.type_text("400")           # ฿384
    c.key("Return")
    c.wait_sales(n + 1)
    (sale,) = c.export()[n:]
    assert sale.skus == [RICE, MUDAED, NAMPRIK, JAEW] and sale.paid == [("cash", 38400)], sale


# --- the one-window lock ---------------------------------------------------------------------------------------
def test_a_read_only_data_folder_at_start_is_not_called_already_open(cashier: Cashier) -> None:
    if os.geteuid() != 0:
        pytest.skip("making the data folder read-only (a bind mount) needs root")
    c = cashier
    assert c.stop() == 0
    folder = c.booth.data_dir
    subprocess.run(["mount", "--bind", str(folder), str(folder)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True)
        env = c.desk.env()
        env["OTOP_POS_HOME"] = str(folder)
        app = subprocess.Popen([sys.executable, "-m", "otop_pos", "--lang", "en"], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            deadline = time.monotonic() + 30
            while app.poll() is None and time.monotonic() < deadline:   # Enter on whatever message it shows
                boxes = c.desk.xdo("search", "--all", "--onlyvisible", "--pid", str(app.pid), "--name", ".",
                                   check=False).split()
                if boxes:
                    c.desk.xdo("windowactivate", "--sync", boxes[-1], check=False)
                    c.desk.xdo("key", "Return", check=False)
                time.sleep(0.5)
            code = app.wait(10)
        finally:
            if app.poll() is None:
                app.kill()
                app.wait(10)
        assert code != 3, "a read-only data folder is reported as 'OTOP POS is already open in another window'"
    finally:
        subprocess.run(["umount", str(folder)], check=False)
