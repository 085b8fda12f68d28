"""A fair whose two booths take money through the state schemes over two days, through the real booth use
cases: คนละครึ่ง parts beside cash and card, the state's ฿150 cap written from a slip, a welfare-card sale, a
voided co-payment on day 1 and a voided welfare sale on day 2. Each booth's own report after day 1 and at the
end is kept, so a test can check the organiser's per-day figures against what the booths said themselves."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from otop_pos.app import demo_registry
from otop_pos.booth.cart import Cart
from otop_pos.booth.catalogue import list_products
from otop_pos.booth.checkout import checkout
from otop_pos.booth.payments import PaymentIn
from otop_pos.booth.queries import booth_report
from otop_pos.cli.main import main
from otop_pos.core.clock import FixedClock
from otop_pos.core.methods import split_copay
from otop_pos.fair.importer import import_paths
from otop_pos.fair.store import FairStore
from tests.fair.booths import FIRST_DAY, Booth, make_fair

VENDORS = ["KK20-0001", "KK20-0002"]
DAY2 = FIRST_DAY + timedelta(days=1)
Shares = dict[str, dict[str, int]]


@dataclass(frozen=True)
class SchemeFair:
    """The booths' own scheme figures: after day 1 and at the end (``booth report --json``), per vendor."""

    day1: dict[str, Shares]
    final: dict[str, Shares]
    net: dict[str, int]


def _sell(b: Booth, day: date, qty: int, pay: Any) -> None:
    b.ensure_day(day)
    cart = Cart().add(list_products(b.s)[0], qty)
    checkout(b.s, b.clock, cart, pay(cart.total_satang), cashier="t", allow_oversell=True, print_receipt=False)


def _copay(total: int, state: int | None = None) -> list[PaymentIn]:
    return [PaymentIn("copay", total, reference="TQ", state_satang=split_copay(total, 50)[1] if state is None
                      else state)]


def booth_report_json(folder: Path, capsys: pytest.CaptureFixture[str] | None = None) -> dict[str, Any]:
    """``otop-pos --data-dir FOLDER booth report --json``, in this process."""
    before = os.environ.get("OTOP_POS_HOME")
    try:
        if capsys is not None:
            capsys.readouterr()
        assert main(["--data-dir", str(folder), "booth", "report", "--json"]) == 0
        out = capsys.readouterr().out if capsys is not None else ""
    finally:
        if before is None:
            os.environ.pop("OTOP_POS_HOME", None)
        else:
            os.environ["OTOP_POS_HOME"] = before
    data: dict[str, Any] = json.loads(out)
    return data


def build_scheme_fair(store: FairStore, clock: FixedClock, root: Path) -> SchemeFair:
    """Two booths selling through the schemes on FIRST_DAY and DAY2, exported and imported into ``store``."""
    _fair, packages = make_fair(store, clock, demo_registry(), root / "packages", VENDORS)
    b1 = Booth(root / "b1", packages[VENDORS[0]].path, seed=1)
    b2 = Booth(root / "b2", packages[VENDORS[1]].path, seed=2)
    _sell(b1, FIRST_DAY, 3, lambda t: _copay(t - 1001) + [PaymentIn("cash", tendered_satang=2000)])
    _sell(b1, FIRST_DAY, 1, lambda t: [PaymentIn("card", t, reference="AUTH")])
    _sell(b1, FIRST_DAY, 2, _copay)
    assert b1.void_last()                                  # a voided co-payment counts for nobody
    _sell(b2, FIRST_DAY, 2, lambda t: [PaymentIn("welfare", t, state_satang=t)])
    _sell(b2, FIRST_DAY, 1, _copay)
    b2.sell(FIRST_DAY, 2)                                  # cash and PromptPay, no scheme
    for b in (b1, b2):
        b.close_day()
    day1 = {code: dict(booth_report(b.s).schemes) for code, b in zip(VENDORS, (b1, b2))}
    _sell(b1, DAY2, 5, lambda t: _copay(t, state=15000))   # the slip: the state paid its ฿150 cap
    _sell(b2, DAY2, 4, lambda t: _copay(t - 700) + [PaymentIn("promptpay", 700, reference="PP")])
    _sell(b2, DAY2, 1, lambda t: [PaymentIn("welfare", t, state_satang=t)])
    assert b2.void_last()
    for b in (b1, b2):
        b.close_day()
    final = {code: dict(booth_report(b.s).schemes) for code, b in zip(VENDORS, (b1, b2))}
    net = {code: b.net() for code, b in zip(VENDORS, (b1, b2))}
    exports = [b.export(root / "usb") for b in (b1, b2)]
    for b in (b1, b2):
        b.close()
    result = import_paths(store, clock, exports, jobs=0)
    assert [f.result for f in result.files] == ["imported", "imported"], [f.en for f in result.files]
    return SchemeFair(day1, final, net)


def summed(per_vendor: dict[str, Shares]) -> Shares:
    """The vendors' shares summed per scheme."""
    out: Shares = {}
    for shares in per_vendor.values():
        for code, sh in shares.items():
            entry = out.setdefault(code, {"customer_satang": 0, "state_satang": 0})
            for k, v in sh.items():
                entry[k] += v
    return out


def minus(a: Shares, b: Shares) -> Shares:
    """``a`` − ``b`` per scheme and share."""
    return {code: {k: v - b.get(code, {}).get(k, 0) for k, v in sh.items()} for code, sh in a.items()}
