"""Red team, issue 15: the orders CLI contract as a vendor at a busy stall uses it (real subprocess CLI).

Each test failed on main for the reason its docstring gives, before its fix (the fixes are on main).
"""
from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from otop_pos.core.clock import SystemClock
from otop_pos.core.thaidate import fair_day
from tests.e2e.test_cli_booth import DEMO, run

THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    h = tmp_path / "booth"
    run(h, "booth", "setup", "--registry", str(DEMO), "--vendor", "KK20-0018", "--pin", "1234")
    run(h, "booth", "day", "open", "--float", "500")
    return h


def _sku(home: Path) -> str:
    return str(json.loads(run(home, "booth", "products", "--json").stdout)[0]["sku"])


def _later() -> str:
    return (fair_day(SystemClock().now()) + timedelta(days=2)).isoformat()


def test_deliver_takes_the_order_number_in_thai_digits(home: Path) -> None:
    """``booth order take`` and the booth itself read Thai digits (the order is found by ``normalize_digits``),
    but ``booth order deliver OC๐๑๘-๐๐๐๐๐๑ --method cash`` looks the balance up by the exact text, finds
    nothing due, passes no payment and fails with "No payment has been entered" although --method was given."""
    run(home, "booth", "order", "take", "--item", f"{_sku(home)}=2", "--customer", "สมศรี", "--deliver", _later(),
        "--deposit", "10", "--method", "cash")
    [order] = json.loads(run(home, "booth", "orders", "--json").stdout)
    done = run(home, "booth", "order", "deliver", order["number"].translate(THAI), "--method", "cash", ok=False)
    assert done.returncode == 0, done.stderr
    [order] = json.loads(run(home, "booth", "orders", "--json").stdout)
    assert order["status"] == "delivered"


def test_an_order_deposit_can_be_paid_by_the_welfare_card(home: Path) -> None:
    """The contract: ``--deposit BAHT --method CODE`` with any of the fair's methods; every fair has ``welfare``
    (บัตรสวัสดิการแห่งรัฐ, wholly state-funded). The CLI passes no state share, so the booth refuses every welfare
    deposit ("A state card: the state's share must be the whole amount") — the method cannot be used at all."""
    took = run(home, "booth", "order", "take", "--item", f"{_sku(home)}=2", "--customer", "สมศรี",
               "--deliver", _later(), "--deposit", "10", "--method", "welfare", ok=False)
    assert took.returncode == 0, took.stderr
    [order] = json.loads(run(home, "booth", "orders", "--json").stdout)
    assert order["deposit_satang"] == 1000


def test_a_customer_name_and_note_are_kept_without_control_characters(home: Path) -> None:
    """A customer name typed or pasted with control characters (ESC [2J, a CR) and a note with BEL: the text
    listing escapes them (held), but the booth keeps them as given (``orders._customer`` only folds white
    space; ``core.visible.clean_text`` exists for names and notes) and ``booth orders --json`` hands ESC and
    BEL on to whatever reads it. They must be dropped when the order is taken."""
    run(home, "booth", "order", "take", "--item", f"{_sku(home)}=1", "--customer", "Som\x1b[2J\rsri",
        "--note", "gift\x07", "--deliver", _later(), "--deposit", "0")
    listed = run(home, "booth", "orders").stdout
    assert "\x1b" not in listed and "\r" not in listed
    [order] = json.loads(run(home, "booth", "orders", "--json").stdout)
    assert all(ch.isprintable() for ch in order["customer"] + order["note"]), (order["customer"], order["note"])
