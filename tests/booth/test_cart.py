"""Cart pricing and payment settlement: pure integer math."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from otop_pos.booth.cart import Cart, Discount, ProductInfo, allocate
from otop_pos.booth.payments import PaymentIn, settle
from otop_pos.core.errors import InputError, SaleError

COFFEE = ProductInfo("C-1", "กาแฟดริปภูพาน", "เครื่องดื่ม", 17900, "8850000000005", id=1)
JUICE = ProductInfo("J-1", "น้ำกระเจี๊ยบ", "เครื่องดื่ม", 3075, id=2)


def test_add_merges_same_product_and_totals_in_satang() -> None:
    cart = Cart().add(COFFEE).add(JUICE, 2).add(COFFEE)
    assert [(ln.sku, ln.qty) for ln in cart.lines] == [("C-1", 2), ("J-1", 2)]
    assert cart.subtotal_satang == 2 * 17900 + 2 * 3075
    assert cart.item_count == 4


def test_cart_is_immutable_each_change_returns_new_cart() -> None:
    cart = Cart().add(COFFEE)
    bigger = cart.set_qty(0, 3)
    assert cart.lines[0].qty == 1 and bigger.lines[0].qty == 3


def test_discounts_larger_than_their_base_are_refused_and_totals_never_below_zero() -> None:
    with pytest.raises(InputError, match="more than the line"):
        Cart().add(JUICE).set_line_discount(0, Discount("amount", 999999))
    with pytest.raises(InputError, match="more than the bill"):
        Cart().add(COFFEE).set_discount(Discount("amount", 10**9))
    assert Cart().add(JUICE).set_line_discount(0, Discount("amount", 3075)).lines[0].total_satang == 0
    cart = Cart().add(COFFEE).set_discount(Discount("percent", 10000))
    assert cart.total_satang == 0
    shrunk = Cart().add(JUICE, 2).set_line_discount(0, Discount("amount", 5000)).set_qty(0, 1)
    assert shrunk.lines[0].total_satang == 0  # shown as free; checkout refuses it (check_discounts)
    with pytest.raises(InputError):
        shrunk.check_discounts()


def test_percent_discount_rounds_half_up() -> None:
    cart = Cart().add(JUICE).set_discount(Discount("percent", 1000))  # 10 % of 30.75 = 3.075 → 3.08
    assert cart.sale_discount_satang == 308
    assert cart.total_satang == 3075 - 308


def test_bad_discounts_refused() -> None:
    with pytest.raises(InputError):
        Discount("percent", 10001)
    with pytest.raises(InputError):
        Discount("amount", -1)
    with pytest.raises(InputError):
        Discount("coupon", 1)  # type: ignore[arg-type]


def test_quantity_limits_and_bad_index() -> None:
    cart = Cart().add(COFFEE)
    with pytest.raises(InputError):
        cart.set_qty(0, 0)
    with pytest.raises(InputError):
        cart.set_qty(0, 10000)
    with pytest.raises(InputError):
        cart.remove(5)


def test_inactive_product_refused() -> None:
    gone = ProductInfo("X", "เลิกขาย", "อาหาร", 100, active=False, id=3)
    with pytest.raises(SaleError):
        Cart().add(gone)


@given(st.integers(0, 10**7), st.lists(st.integers(0, 10**6), min_size=1, max_size=12))
def test_allocate_sums_exactly_and_is_proportional(amount: int, weights: list[int]) -> None:
    shares = allocate(amount, weights)
    if sum(weights) == 0:
        assert shares == [0] * len(weights)
    else:
        assert sum(shares) == amount
        for share, w in zip(shares, weights):
            assert abs(share - amount * w / sum(weights)) < 1


@given(st.lists(st.tuples(st.integers(1, 5), st.integers(0, 2000)), min_size=1, max_size=6), st.integers(0, 10000))
def test_discount_shares_make_line_nets_sum_to_total(lines: list[tuple[int, int]], pct: int) -> None:
    cart = Cart()
    for i, (qty, disc) in enumerate(lines):
        cart = cart.add(ProductInfo(f"S{i}", f"P{i}", "อาหาร", 1000 + i * 37, id=i), qty)
        cart = cart.set_line_discount(i, Discount("amount", min(disc, cart.lines[i].gross_satang)))
    cart = cart.set_discount(Discount("percent", pct))
    nets = [ln.total_satang - sh for ln, sh in zip(cart.lines, cart.discount_shares())]
    assert sum(nets) == cart.total_satang
    assert all(n >= 0 for n in nets)


def test_settle_cash_with_change() -> None:
    [cash] = settle(37755, [PaymentIn("cash", tendered_satang=50000)])
    assert (cash.amount_satang, cash.tendered_satang, cash.change_satang) == (37755, 50000, 12245)


def test_settle_split_promptpay_then_cash() -> None:
    paid = settle(10000, [PaymentIn("promptpay", 6000, reference="1234"), PaymentIn("cash", tendered_satang=5000)])
    assert [(p.method, p.amount_satang, p.change_satang) for p in paid] == [("promptpay", 6000, 0), ("cash", 4000, 1000)]
    assert paid[0].reference == "1234"


@pytest.mark.parametrize("payments, words", [
    ([], "No payment"),
    ([PaymentIn("cash", tendered_satang=9999)], "short"),
    ([PaymentIn("transfer", 5000)], "still due"),
    ([PaymentIn("promptpay", 10001)], "change can only be given from cash"),
    ([PaymentIn("cash", tendered_satang=5000), PaymentIn("cash", tendered_satang=5000)], "once"),
    ([PaymentIn("promptpay", 10000), PaymentIn("cash", tendered_satang=100)], "already paid"),
    ([PaymentIn("bit coin", 10000)], "not one of this fair's methods"),  # the checkout checks the booth's list
])
def test_settle_refuses_what_does_not_cover_exactly(payments: list[PaymentIn], words: str) -> None:
    with pytest.raises(SaleError) as err:
        settle(10000, payments)
    assert words in err.value.en
    assert err.value.th
