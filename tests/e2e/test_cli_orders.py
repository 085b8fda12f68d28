"""Orders through the booth CLI as the issue's contract has them: take, list, deliver, cancel, the report."""
from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from otop_pos.core.clock import SystemClock
from otop_pos.core.thaidate import fair_day
from tests.e2e.test_cli_booth import DEMO, run


@pytest.fixture
def home(tmp_path: Path) -> Path:
    h = tmp_path / "booth"
    run(h, "booth", "setup", "--registry", str(DEMO), "--vendor", "KK20-0018", "--pin", "1234")
    run(h, "booth", "day", "open", "--float", "500")
    return h


def test_orders_taken_delivered_and_cancelled_through_the_cli(home: Path) -> None:
    products = json.loads(run(home, "booth", "products", "--json").stdout)
    a, b = products[0], products[1]
    later = (fair_day(SystemClock().now()) + timedelta(days=3)).isoformat()
    run(home, "booth", "order", "take", "--item", f"{a['sku']}=2", "--item", f"{b['sku']}=1",
        "--customer", "สมศรี ใจดี", "--phone", "0812345678", "--deliver", later, "--deposit", "100",
        "--method", "cash")
    run(home, "booth", "order", "take", "--item", f"{a['sku']}=1", "--customer", "Somchai",
        "--deliver", later, "--deposit", "50", "--method", "promptpay")
    run(home, "booth", "order", "take", "--item", f"{b['sku']}=3", "--customer", "Malee",
        "--deliver", later, "--deposit", "0")
    value1 = 2 * a["price_satang"] + b["price_satang"]
    orders = json.loads(run(home, "booth", "orders", "--json").stdout)
    booth = orders[0]["number"][1:].rsplit("-", 1)[0]       # the booth code: the order series is O + booth
    assert [o["number"] for o in orders] == [f"O{booth}-00000{n}" for n in (1, 2, 3)]
    assert [{k: o[k] for k in ("number", "customer", "phone", "status", "value_satang", "deposit_satang",
                               "balance_satang", "deliver")} for o in orders][0] == {
        "number": f"O{booth}-000001", "customer": "สมศรี ใจดี", "phone": "0812345678", "status": "open",
        "value_satang": value1, "deposit_satang": 10000, "balance_satang": value1 - 10000, "deliver": later}
    status = json.loads(run(home, "booth", "day", "status").stdout)
    assert status["sales_count"] == 0 and status["expected_cash_satang"] == 50000 + 10000

    done = run(home, "booth", "order", "deliver", f"O{booth}-000001", "--method", "transfer")
    assert f"{booth}-000001" in done.stdout
    refused = run(home, "booth", "order", "cancel", f"O{booth}-000002", "--refund-deposit", "--pin", "0000", ok=False)
    assert refused.returncode != 0
    run(home, "booth", "order", "cancel", f"O{booth}-000002", "--refund-deposit", "--pin", "1234")
    again = run(home, "booth", "order", "deliver", f"O{booth}-000002", "--method", "cash", ok=False)
    assert again.returncode != 0 and "cancelled" in again.stderr

    orders = {o["number"]: o for o in json.loads(run(home, "booth", "orders", "--json").stdout)}
    assert [orders[n]["status"] for n in sorted(orders)] == ["delivered", "cancelled", "open"]
    assert orders[f"O{booth}-000001"]["balance_satang"] == 0
    report = json.loads(run(home, "booth", "report", "--json").stdout)
    assert report["orders"] == {
        "taken_count": 3, "taken_satang": value1 + a["price_satang"] + 3 * b["price_satang"],
        "deposits_satang": 15000, "delivered_count": 1, "delivered_satang": value1, "cancelled_count": 1,
        "deposits_refunded_satang": 5000, "open_count": 1, "open_satang": 3 * b["price_satang"]}
    assert report["net_satang"] == value1 and report["sales_count"] == 1
    assert report["by_method"]["cash"] == 10000 and report["by_method"]["transfer"] == value1 - 10000
    status = json.loads(run(home, "booth", "day", "status").stdout)
    assert status["gross_satang"] == value1
    # the cash deposit came in today and paid part of today's delivery: in the drawer once
    assert status["expected_cash_satang"] == 50000 + 10000
