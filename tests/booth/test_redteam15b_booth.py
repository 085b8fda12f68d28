"""Red team round two, issue 15: the booth's Z report of a day on which an order is taken and delivered (real
use cases, the Z report's PDF read back with pdftotext). Fails on main for the reason the docstring gives."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from otop_pos.booth.cart import Cart
from otop_pos.booth.catalogue import list_products
from otop_pos.booth.days import close_day, open_day
from otop_pos.booth.orders import deliver_order, take_order
from otop_pos.booth.payments import PaymentIn
from otop_pos.core.clock import FixedClock
from otop_pos.reports.zreport_pdf import write_zreport_pdf
from otop_pos.store.engine import SqliteStore
from tests.conftest import PIN
from tests.reports.pdf_helpers import pdftotext


def test_a_deposit_taken_and_spent_the_same_day_is_not_called_an_earlier_days_deposit(
        store: SqliteStore, clock: FixedClock, tmp_path: Path) -> None:
    """Seen in the real window: a customer orders, pays ฿100 cash deposit, and collects the same day. The Z report
    (th) says "ยอดขายที่ชำระด้วยมัดจำวันก่อน 100.00" — sales paid by deposits of an EARLIER day — though no
    earlier day holds any deposit; an auditor matching it against the previous Z reports finds nothing.
    (day_orders counts every deposit applied to the day's sales, whatever day it was taken.)"""
    open_day(store, clock, 100000)
    cart = Cart().add(list_products(store)[0], 2)
    order = take_order(store, clock, cart, customer="สมศรี", deliver_on=date(2020, 10, 26), deposit_satang=10000,
                       payments=[PaymentIn("cash", 10000)])
    deliver_order(store, clock, order.number, [PaymentIn("cash", cart.total_satang - 10000)])
    z = close_day(store, clock, PIN, counted_satang=100000 + cart.total_satang, print_report=False, back_up=False)
    assert z.difference_satang == 0
    write_zreport_pdf(z, tmp_path / "z.pdf")
    text = " ".join(pdftotext(tmp_path / "z.pdf").split())
    at = text.find("ยอดขายที่ชำระด้วยมัดจำวัน")   # the label wraps: "…มัดจำวัน 100.00 ก่อน"
    said = text[at:at + 60] if at >= 0 else ""
    assert not ("ก่อน" in said and "100.00" in said), said


def test_a_customer_name_that_shows_nothing_is_refused_like_an_empty_one(store: SqliteStore,
                                                                        clock: FixedClock) -> None:
    """The fix for invisible names drops control and format characters only. A blank name as LINE and Facebook
    users make them — U+3164 HANGUL FILLER (a letter that draws nothing), U+2800 BRAILLE BLANK, U+034F
    COMBINING GRAPHEME JOINER — pasted from the customer's chat, is kept as the customer's name: the Orders
    list then shows an order for nobody. Each must be refused as "Enter the customer's name." and nothing
    taken."""
    from otop_pos.booth.orders import list_orders
    from otop_pos.core.errors import InputError

    open_day(store, clock, 100000)
    kept = []
    for name in ("\u3164", "\u2800", "\u034f", "\u3164 \u2800"):
        try:
            take_order(store, clock, Cart().add(list_products(store)[0], 1), customer=name,
                       deliver_on=date(2020, 10, 27), deposit_satang=0)
        except InputError:
            continue
        kept.append(name)
    assert kept == [], [repr(o.customer) for o in list_orders(store)]


def test_a_phone_of_superscript_or_foreign_digits_is_refused(store: SqliteStore, clock: FixedClock) -> None:
    """The phone check lets through anything ``str.isdigit`` calls a digit after Thai digits are made Arabic:
    superscripts "¹²³", circled "①", Arabic-Indic "٠٨١" are kept as the customer's phone (a number nobody can
    dial, printed on the deposit receipt). Only 0–9 (Thai digits normalised) should be a phone's digits."""
    from otop_pos.booth.orders import list_orders
    from otop_pos.core.errors import InputError

    open_day(store, clock, 100000)
    kept = []
    for phone in ("¹²³⁴⁵⁶⁷⁸⁹⁰", "٠٨١٢٣٤٥٦٧٨", "①②③"):
        try:
            take_order(store, clock, Cart().add(list_products(store)[0], 1), customer="สมศรี", phone=phone,
                       deliver_on=date(2020, 10, 27), deposit_satang=0)
        except InputError:
            continue
        kept.append(phone)
    assert kept == [], [o.phone for o in list_orders(store)]
