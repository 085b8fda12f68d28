"""Red team for issue 12 on the real booth window: a busy stall's keys and scans, two apps on one booth, a
store with a code clash. The app runs as its own process (tests/e2e/cashier.py); money is read back from the
signed export. Each defect it found is fixed; its reproduction stays as a test."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.e2e.cashier import ROOT, Cashier
from tests.e2e.test_cashier import CODE, JAEW, MUYOR, NAMPRIK, RICE, pay_cash


def test_a_scan_right_after_f12_goes_into_the_bill_not_the_cash_field(cashier: Cashier) -> None:
    c = cashier
    n = c.sale_count()
    c.scan(CODE[JAEW])
    c.key("F12")
    c.scan(CODE[NAMPRIK])  # the scanner fires while the pay dialog is still opening
    c.wait_window("Payment")
    c.settle(1.0)
    assert c.sale_count() == n, "a sale was saved by the scanner's Enter"
    c.type_text("95")
    c.key("Return")
    c.wait_sales(n + 1)
    c.wait_main()
    (sale,) = c.export()[n:]
    assert sale.skus == [JAEW, NAMPRIK] and sale.total_satang == 9500
    assert [(p.method, p.tendered_satang, p.change_satang) for p in sale.payments] == [("cash", 9500, 0)]


def test_held_down_enter_in_the_pay_dialog_saves_one_sale_and_the_next_cart_is_untouched(cashier: Cashier) -> None:
    c = cashier
    n = c.sale_count()
    c.scan(CODE[RICE])
    c.key("F12")
    c.wait_window("Payment")
    c.type_text("200")
    c.desk.xdo("keydown", "Return")  # the vendor leans on Enter: the keyboard repeats it
    time.sleep(1.5)
    c.desk.xdo("keyup", "Return")
    c.settle(1.0)
    c.wait_main()
    assert c.sale_count() == n + 1
    c.scan(CODE[NAMPRIK])
    pay_cash(c, "35", n + 1)
    first, second = c.export()[n:]
    assert first.skus == [RICE] and first.change_satang == 1000
    assert second.skus == [NAMPRIK] and second.paid == [("cash", 3500)]


def test_a_second_app_on_one_booth_is_refused_and_the_bill_is_sold_once(cashier: Cashier, till: Till) -> None:
    """The launcher double-clicked again while the booth window is open: the second app says the booth is
    open already and exits; it never shows (and so can never sell) the same bill and its transfer."""
    c = cashier
    n = c.sale_count()
    c.scan(CODE[RICE])  # ฿190
    c.key("F12")
    c.wait_window("Payment")
    c.key("F7")
    c.type_text("50")  # ฿50 transferred
    c.key("Return")
    c.key("Escape")
    c.wait_main()
    c.settle(0.5)
    env = c.desk.env()
    env["OTOP_POS_HOME"] = str(c.booth.data_dir)
    second = subprocess.Popen([sys.executable, "-m", "otop_pos", "--lang", "en"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        found_box = ""
        deadline = time.monotonic() + 30
        while not found_box and time.monotonic() < deadline and second.poll() is None:
            found_box = c.desk.xdo("search", "--all", "--onlyvisible", "--pid", str(second.pid), "--name", "^OTOP POS$",
                                   check=False).strip()
            time.sleep(0.2)
        assert found_box, "the second app showed no message"
        assert not [w for w in c.desk.xdo("search", "--all", "--onlyvisible", "--pid", str(second.pid), "--name", "—",
                                          check=False).split()], "the second app showed a booth window"
        for _ in range(10):   # the message takes the keyboard (it is the only window of its app), Enter closes it
            boxes = c.desk.xdo("search", "--all", "--onlyvisible", "--pid", str(second.pid), "--name",
                               "^OTOP POS$", check=False).split()
            if not boxes or second.poll() is not None:
                break
            c.desk.xdo("windowactivate", "--sync", boxes[-1], check=False)
            c.desk.xdo("key", "Return", check=False)
            time.sleep(0.5)
        assert second.wait(20) == 3, "the second app did not stop with 'already open'"
    finally:
        if second.poll() is None:
            second.kill()
            second.wait(10)
    c.focus()
    pay_cash(c, "140", n)
    sales = c.export()[n:]
    assert [s.paid for s in sales] == [[("transfer", 5000), ("cash", 14000)]]


def _clash_store(data_dir: Path) -> None:
    """A store that holds a SKU/barcode clash (made before issue 12): หมูยอ's SKU is the chilli paste's barcode."""
    con = sqlite3.connect(data_dir / "booth.sqlite")
    try:
        con.execute("UPDATE product SET sku = ? WHERE sku = ?", (CODE[NAMPRIK], MUYOR))
        con.commit()
    finally:
        con.close()


def test_a_scan_of_a_clashing_code_in_the_pay_dialog_is_refused_and_the_cash_stays(cashier: Cashier) -> None:
    c = cashier
    n = c.sale_count()
    assert c.stop() == 0
    _clash_store(c.booth.data_dir)
    c.restart()
    c.settle(1.0)
    c.escape_to_main()  # the start-up message about the clash
    c.scan(CODE[JAEW])  # ฿60
    c.key("F12")
    c.wait_window("Payment")
    c.type_text("100")
    c.scan(CODE[NAMPRIK])  # the clashing code: refused, the ฿100 typed stays
    c.settle(1.0)
    assert c.sale_count() == n, "the scan's Enter completed the sale"
    assert "unhandled error" not in c.errors().lower() and "Traceback" not in c.errors(), c.errors()[-1500:]
    c.escape_to_main()
    pay_cash(c, "100", n)
    (sale,) = c.export()[n:]
    assert sale.skus == [JAEW] and sale.change_satang == 4000
