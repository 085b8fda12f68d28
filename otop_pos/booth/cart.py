"""The cart: an immutable value the UI holds between events; pricing is pure integer-satang math.

Every change returns a new ``Cart``, so a failed checkout leaves the cart on screen exactly as it was.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from otop_pos.core.errors import InputError, SaleError
from otop_pos.core.money import apply_percent

MAX_QTY = 9999


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
        """The discount in satang on ``base``; never more than the base (totals never go below zero)."""
        amount = self.value if self.kind == "amount" else apply_percent(base, self.value)
        return max(0, min(base, amount))


@dataclass(frozen=True)
class CartLine:
    """One cart line at the catalogue price (stored as both the list and the unit price of the sale line)."""

    product_id: int | None
    sku: str
    name: str
    product_type: str
    unit_price_satang: int
    qty: int = 1
    discount: Discount | None = None

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
    """The sale being rung up."""

    lines: tuple[CartLine, ...] = ()
    discount: Discount | None = None

    # --- changes (each returns a new cart) ---
    def add(self, product: ProductInfo, qty: int = 1) -> Cart:
        """Add a product; a product already in the cart (same price, no discount) gains quantity."""
        _check_qty(qty)
        if not product.active:
            raise SaleError(f"สินค้า {product.name} ถูกปิดการขาย", f"{product.name} is not for sale.")
        for i, line in enumerate(self.lines):
            if (line.product_id == product.id and line.unit_price_satang == product.price_satang
                    and line.discount is None):
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
        """Set or clear a line discount."""
        return self._with_line(index, replace(self._line(index), discount=discount))

    def set_discount(self, discount: Discount | None) -> Cart:
        """Set or clear the discount on the whole sale."""
        return replace(self, discount=discount)

    # --- figures ---
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
