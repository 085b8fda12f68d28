"""The cart: an immutable value the UI holds between events; pricing is pure integer-satang math.

Every change returns a new ``Cart``, so a failed checkout leaves the cart on screen exactly as it was.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

from otop_pos.core.errors import InputError, SaleError
from otop_pos.core.limits import MAX_QTY, check_amount
from otop_pos.core.money import apply_percent, format_baht

if TYPE_CHECKING:
    from otop_pos.booth.pin import Approval


@dataclass(frozen=True)
class ProductInfo:
    """A catalogue product (no ORM object): what setup loads from the registry or a package, and what the
    catalogue, the cart and the UI read back. ``id`` and the state (sold out, active, quick-key order) are
    the store's: a product not stored yet has no id, and ``setup_booth`` sets the state itself."""

    sku: str
    name: str
    product_type: str
    price_satang: int
    barcode: str | None = None
    stock: int | None = None
    sold_out: bool = False
    active: bool = True
    sort_order: int = 0
    id: int | None = None


@dataclass(frozen=True)
class Discount:
    """A discount: ``amount`` in satang, or ``percent`` in basis points (10 % = 1000)."""

    kind: Literal["amount", "percent"]
    value: int

    def __post_init__(self) -> None:
        if self.kind not in ("amount", "percent"):
            raise InputError("ชนิดส่วนลดไม่ถูกต้อง", f"Unknown discount kind {self.kind!r}.")
        if self.value < 0:
            raise InputError("ส่วนลดต้องไม่ติดลบ", "A discount cannot be negative.")
        if self.kind == "percent" and self.value > 10_000:
            raise InputError("ส่วนลดต้องไม่เกิน 100%", "A discount cannot exceed 100 %.")

    def of(self, base: int) -> int:
        """The discount in satang on ``base``; never more than the base (totals never go below zero: a
        discount larger than its base is refused by ``check`` when it is set and again at checkout)."""
        amount = self.value if self.kind == "amount" else apply_percent(base, self.value)
        return max(0, min(base, amount))

    def check(self, base: int, *, bill: bool) -> Discount:
        """This discount, or InputError when it is more than ``base`` (its line's or the bill's amount)."""
        if self.kind == "amount" and check_amount(self.value, "ส่วนลด", "discount") > base:
            what_th, what_en = ("ยอดบิล", "the bill") if bill else ("ยอดของรายการ", "the line")
            raise InputError(f"ส่วนลด {format_baht(self.value)} บาท มากกว่า{what_th} ({format_baht(base)} บาท)",
                             f"A discount of {format_baht(self.value)} baht is more than {what_en} "
                             f"({format_baht(base)} baht).")
        return self


class ListPriced:
    """A line sold at ``unit_price_satang`` that may carry the catalogue's ``list_price_satang`` (a price
    override); shared by the cart line and the stored sale line."""

    unit_price_satang: int
    list_price_satang: int | None

    @property
    def list_price(self) -> int:
        """The catalogue price (the unit price unless it was overridden)."""
        return self.unit_price_satang if self.list_price_satang is None else self.list_price_satang

    @property
    def overridden(self) -> bool:
        """True when the line sells at a price other than the catalogue's."""
        return self.list_price != self.unit_price_satang


@dataclass(frozen=True)
class CartLine(ListPriced):
    """One cart line: ``unit_price_satang`` is what it sells at; ``list_price_satang`` is the catalogue price
    when the price was overridden (None: sold at the catalogue price). The sale line stores both."""

    product_id: int | None
    sku: str
    name: str
    product_type: str
    unit_price_satang: int
    qty: int = 1
    discount: Discount | None = None
    list_price_satang: int | None = None


    @property
    def gross_satang(self) -> int:
        """Quantity × unit price."""
        return self.qty * self.unit_price_satang

    @property
    def discount_satang(self) -> int:
        """The line discount in satang."""
        return self.discount.of(self.gross_satang) if self.discount else 0

    @property
    def total_satang(self) -> int:
        """Line total after its own discount."""
        return self.gross_satang - self.discount_satang


def _check_qty(qty: int) -> int:
    if not isinstance(qty, int) or qty < 1 or qty > MAX_QTY:
        raise InputError(f"จำนวนต้องอยู่ระหว่าง 1 ถึง {MAX_QTY:,}", f"Quantity must be between 1 and {MAX_QTY:,}.")
    return qty


def allocate(amount: int, weights: list[int]) -> list[int]:
    """Split ``amount`` across ``weights`` proportionally (largest remainder), summing exactly."""
    total = sum(weights)
    if amount == 0 or total == 0:
        return [0] * len(weights)
    shares = [amount * w // total for w in weights]
    rest = amount - sum(shares)
    order = sorted(range(len(weights)), key=lambda i: (-(amount * weights[i] % total), i))
    for i in order[:rest]:
        shares[i] += 1
    return shares


@dataclass(frozen=True)
class Cart:
    """The sale being rung up. ``approval`` is the manager's approval of the cart as it stood (a large
    discount, a changed price): it stays while products are added, and goes with the next discount or
    changed price, which needs its own; left out of comparisons."""

    lines: tuple[CartLine, ...] = ()
    discount: Discount | None = None
    approval: Approval | None = field(default=None, compare=False, repr=False)

    # --- changes (each returns a new cart) ---
    def add(self, product: ProductInfo, qty: int = 1) -> Cart:
        """Add a product; a product already in the cart (same price, no discount) gains quantity."""
        _check_qty(qty)
        if not product.active:
            raise SaleError(f"สินค้า {product.name} ถูกปิดการขาย", f"{product.name} is not for sale.")
        for i, line in enumerate(self.lines):
            if (line.product_id == product.id and line.unit_price_satang == product.price_satang
                    and line.discount is None and line.list_price_satang is None):
                return self.set_qty(i, line.qty + qty)
        line = CartLine(product.id, product.sku, product.name, product.product_type, product.price_satang, qty)
        return replace(self, lines=self.lines + (line,))

    def _line(self, index: int) -> CartLine:
        if not 0 <= index < len(self.lines):
            raise InputError("ไม่พบรายการนี้ในตะกร้า", "That line is not in the cart.")
        return self.lines[index]

    def _with_line(self, index: int, line: CartLine) -> Cart:
        return replace(self, lines=self.lines[:index] + (line,) + self.lines[index + 1:])

    def set_qty(self, index: int, qty: int) -> Cart:
        """Set a line's quantity (1–9999)."""
        return self._with_line(index, replace(self._line(index), qty=_check_qty(qty)))

    def remove(self, index: int) -> Cart:
        """Remove a line."""
        self._line(index)
        return replace(self, lines=self.lines[:index] + self.lines[index + 1:])

    def set_line_discount(self, index: int, discount: Discount | None) -> Cart:
        """Set or clear a line discount; one larger than the line is refused."""
        line = self._line(index)
        if discount is None:
            return self._with_line(index, replace(line, discount=None))
        discount.check(line.gross_satang, bill=False)
        return replace(self._with_line(index, replace(line, discount=discount)), approval=None)

    def set_discount(self, discount: Discount | None) -> Cart:
        """Set or clear the discount on the whole sale; one larger than the bill is refused."""
        if discount is None:
            return replace(self, discount=None)
        discount.check(self.subtotal_satang, bill=True)
        return replace(self, discount=discount, approval=None)

    def set_price(self, index: int, unit_price_satang: int) -> Cart:
        """Sell a line at another unit price (a price override); the catalogue price is kept beside it.
        A line discount larger than the new line amount is refused."""
        line = self._line(index)
        check_amount(unit_price_satang, "ราคาต่อหน่วย", "unit price")
        listed = line.list_price
        new = replace(line, unit_price_satang=unit_price_satang,
                      list_price_satang=None if unit_price_satang == listed else listed)
        if new.discount is not None:
            new.discount.check(new.gross_satang, bill=False)
        cart = self._with_line(index, new)
        return replace(cart, approval=None) if new.overridden else cart

    def with_approval(self, approval: Approval | None) -> Cart:
        """The same cart carrying the manager's approval."""
        return replace(self, approval=approval)

    def check_discounts(self) -> None:
        """InputError when a discount is larger than its line or the bill (a line changed after it was set)."""
        for line in self.lines:
            if line.discount is not None:
                line.discount.check(line.gross_satang, bill=False)
        if self.discount is not None:
            self.discount.check(self.subtotal_satang, bill=True)

    # --- figures ---
    @property
    def before_discount_satang(self) -> int:
        """What the lines come to before any discount (line or bill): quantity × unit price, summed."""
        return sum(line.gross_satang for line in self.lines)

    @property
    def subtotal_satang(self) -> int:
        """Sum of line totals (after line discounts)."""
        return sum(line.total_satang for line in self.lines)

    @property
    def sale_discount_satang(self) -> int:
        """The sale discount in satang (never more than the subtotal)."""
        return self.discount.of(self.subtotal_satang) if self.discount else 0

    @property
    def total_satang(self) -> int:
        """What the customer pays."""
        return self.subtotal_satang - self.sale_discount_satang

    @property
    def item_count(self) -> int:
        """Number of items (sum of quantities)."""
        return sum(line.qty for line in self.lines)

    def discount_shares(self) -> list[int]:
        """The sale discount spread over the lines in proportion to their totals."""
        return allocate(self.sale_discount_satang, [line.total_satang for line in self.lines])

    @property
    def is_empty(self) -> bool:
        """True when there is nothing to sell."""
        return not self.lines
