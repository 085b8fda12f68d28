"""Red team, issue 16: the booth as a vendor meets it on a laptop (a scanner's uppercase codes, the CLI's
contract for errors a person can meet). What needs the installed .deb and root is packaging/redteam16.sh.

Tests marked ``xfail(strict=True)`` fail on main today for the reason their docstring gives.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.cashier import Cashier, products
from tests.e2e.test_cashier import pay_cash
from tests.e2e.test_cli_booth import DEMO, run

CATALOGUE = products()
MUYOR = sorted(CATALOGUE)[2]           # KK20-0018-03: an SKU in capitals, the code a label or a receipt carries


def test_a_scanned_code_in_capitals_adds_the_product(cashier: Cashier) -> None:
    """A USB scanner types a Code 128 SKU label ``KK20-0018-03`` as Shift+K, Shift+K, 2, 0, … Enter. The Shift
    presses between the capitals used to end the burst: the first letter stayed in the search box and the
    rest was read as ``K20-0018-03`` ("ไม่พบสินค้ารหัส K20-0018-03", nothing in the cart). Receipt numbers
    (``C002-000003``, printed as a barcode on every receipt) start with a capital too."""
    c = cashier
    n = c.sale_count()
    c.scan(MUYOR)
    c.settle(1.0)
    pay_cash(c, str(CATALOGUE[MUYOR][1] // 100), n)
    (sale,) = c.export()[n:]
    assert sale.skus == [MUYOR]


@pytest.fixture
def home(tmp_path: Path) -> Path:
    h = tmp_path / "booth"
    run(h, "booth", "setup", "--registry", str(DEMO), "--vendor", "KK20-0018", "--pin", "1234")
    run(h, "booth", "day", "open", "--float", "500")
    run(h, "booth", "simulate", "--days", "1", "--sales-per-day", "2", "--seed", "1", "--pin", "1234")
    return h


def test_receipt_pdf_into_a_folder_that_cannot_be_made_says_so(home: Path, tmp_path: Path) -> None:
    """``otop-pos print receipt --last --pdf /nonexist/x.pdf`` as a user: "Something went wrong; details were
    written to …/otop-pos-errors.log", exit 70 (a PermissionError from mkdir, or here NotADirectoryError).
    A person gave a wrong path: it must say which folder it could not make, in Thai and English."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    proc = run(home, "print", "receipt", "--last", "--pdf", str(blocker / "receipt.pdf"), ok=False)
    assert proc.returncode in (1, 2), proc.stderr
    assert "ข้อผิดพลาด" in proc.stderr and str(blocker) in proc.stderr, proc.stderr
    assert "otop-pos-errors.log" not in proc.stderr


def test_booth_sales_before_setup_says_the_booth_is_not_set_up(tmp_path: Path) -> None:
    """``booth report`` and ``booth export`` on a laptop never set up say "This booth is not set up yet" (exit
    2); ``booth sales`` (and ``booth products``) make an empty booth.sqlite in the data folder, print nothing and
    exit 0, so a vendor who typed it in the wrong account believes the sales are gone."""
    h = tmp_path / "never-set-up"
    proc = run(h, "booth", "sales", ok=False)
    assert proc.returncode == 2 and "not set up" in proc.stderr, (proc.returncode, proc.stderr)
    assert not (h / "booth.sqlite").exists()


def test_printer_setting_of_a_bare_device_path_names_the_file_form(home: Path) -> None:
    """``--printer /dev/usb/lp0`` (what ``ls /dev/usb`` shows) is refused with the forms listed, file:PATH among
    them: the message tells a person what to type (passes today; kept so it stays so)."""
    proc = run(home, "print", "receipt", "--last", "--printer", "/dev/usb/lp0", ok=False)
    assert proc.returncode == 2
    assert "file:PATH" in proc.stderr and "ข้อผิดพลาด" in proc.stderr


def test_the_fixture_booth_holds_its_simulated_sales(home: Path) -> None:
    """Sanity for the fixture above: the CLI store holds the simulated sales (read back as JSON)."""
    rows = json.loads(run(home, "booth", "sales", "--json").stdout)
    rows = rows if isinstance(rows, list) else rows.get("sales", [])
    assert len(rows) == 2
