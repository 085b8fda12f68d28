"""The booth catalogue: look products up by barcode, SKU or name; edit price, barcode, stock, order."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from otop_pos.booth.cart import ProductInfo
from otop_pos.core.clock import Clock
from otop_pos.core.codes import CodeClash, clash_text, code_clashes, sku_key
from otop_pos.core.digits import normalize_digits
from otop_pos.core.text_match import fold
from otop_pos.core.errors import InputError
from otop_pos.core.ids import gtin_valid
from otop_pos.core.limits import MAX_PRODUCT_NAME_CHARS, MAX_SKU_CHARS, MAX_STOCK, check_amount, check_count
from otop_pos.core.lookalike import Twins, indistinguishable
from otop_pos.core.visible import clean_text, code_problem, visible
from otop_pos.store.booth_models import Product
from otop_pos.store.engine import SqliteStore


def info(p: Product) -> ProductInfo:
    """The plain view of a product row."""
    return ProductInfo(p.sku, p.name, p.product_type, p.price_satang, p.barcode, p.stock, p.sold_out,
                       p.active, p.sort_order, p.id)


def list_products(store: SqliteStore, *, include_inactive: bool = False) -> tuple[ProductInfo, ...]:
    """All products in quick-key order."""
    q = select(Product.id, Product.sku, Product.name, Product.product_type, Product.price_satang, Product.barcode,
               Product.stock, Product.sold_out, Product.active, Product.sort_order
               ).order_by(Product.sort_order, Product.id)
    if not include_inactive:
        q = q.where(Product.active.is_(True))
    with store.read() as s:  # plain rows, no ORM identity map: 20,000 products load in a fraction of a second
        return tuple(ProductInfo(**row._mapping) for row in s.execute(q))


def _label(p: ProductInfo) -> str:
    return f"{p.name} ({p.sku})"


def _clash_error(clash: CodeClash, products: Sequence[ProductInfo], th_tail: str, en_tail: str) -> InputError:
    th, en = clash_text(clash, _label(products[clash.first]), _label(products[clash.second]))
    return InputError(f"{th} {th_tail}".strip(), f"{en} {en_tail}".strip())


_FIX_TH, _FIX_EN = "แก้ไขสินค้าชิ้นใดชิ้นหนึ่งในหน้าสินค้า", "Edit one of them in Products."


@dataclass(frozen=True)
class CatalogueProblem:
    """A code two active products share (a store written before the check, or by hand): what and how to fix."""

    code: str
    skus: tuple[str, str]
    th: str
    en: str

    def message(self, lang: str) -> str:
        """The text in ``lang`` (th or en)."""
        return self.th if lang == "th" else self.en


def clashes_of(products: Sequence[ProductInfo]) -> list[CodeClash]:
    """The code clashes among ``products`` (see ``core.codes``)."""
    return code_clashes([(p.sku, p.barcode) for p in products])


def catalogue_problems(store: SqliteStore) -> tuple[CatalogueProblem, ...]:
    """Codes that name two active products, each with a message naming both and how to fix it."""
    products = list_products(store)
    out = []
    for c in clashes_of(products):
        err = _clash_error(c, products, _FIX_TH, _FIX_EN)
        out.append(CatalogueProblem(c.code, (products[c.first].sku, products[c.second].sku), err.th, err.en))
    return tuple(out)


def lookalike_twins(store: SqliteStore) -> tuple[Twins, ...]:
    """Active products with the same name, price and type: a warning for the vendor (see ``core.lookalike``)."""
    return indistinguishable(list_products(store))


def check_catalogue(products: Sequence[ProductInfo]) -> None:
    """InputError unless every price and stock is within bounds and no two products share a code."""
    for p in products:
        check_amount(p.price_satang, f"ราคาของ {p.name}", f"price of {p.name}")
        if p.stock is not None:
            check_count(p.stock, f"สต็อกของ {p.name}", f"stock of {p.name}", limit=MAX_STOCK)
    for c in clashes_of(products):
        raise _clash_error(c, products, "", "")


@dataclass
class CatalogueIndex:
    """In-memory lookup for the sell screen: barcode/SKU → product in O(1), name search by substring.

    A code that names two products (a clash the store held before the checks) is in ``clashes``: a scan
    of it is refused, naming both, instead of ringing up either."""

    products: tuple[ProductInfo, ...]
    by_code: dict[str, ProductInfo] = field(default_factory=dict)
    clashes: dict[str, tuple[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for p in self.products:
            self.by_code[sku_key(p.sku)] = p
        for p in self.products:  # a barcode is never shadowed by a SKU
            if p.barcode:
                self.by_code[p.barcode] = p
        for c in clashes_of(self.products):
            err = _clash_error(c, self.products, "จึงไม่ขายสินค้าจากรหัสนี้ แก้ไขสินค้าชิ้นใดชิ้นหนึ่งในหน้าสินค้า",
                               "The scan is refused: edit one of them in Products.")
            self.clashes[sku_key(c.code)] = (err.th, err.en)

    @classmethod
    def load(cls, store: SqliteStore) -> CatalogueIndex:
        """Read the active catalogue once."""
        return cls(list_products(store))

    def lookup(self, code: str) -> ProductInfo | None:
        """A product by scanned barcode or typed SKU (Thai digits and stray spaces accepted); None when no
        product has the code; InputError, naming both, when two products share it."""
        key = normalize_digits(code).strip()
        clash = self.clashes.get(key.casefold())
        if clash is not None:
            raise InputError(*clash)
        return self.by_code.get(key) or self.by_code.get(key.casefold())

    def search(self, text: str, limit: int = 200) -> list[ProductInfo]:
        """Products whose name, SKU or barcode contains ``text`` (case-insensitive, Thai digits ok)."""
        needle = fold(text).strip()
        if not needle:
            return list(self.products[:limit])
        out = [p for p in self.products
               if needle in fold(p.name) or needle in p.sku.casefold() or (p.barcode and needle in p.barcode)]
        return out[:limit]


def _check_barcode(barcode: str | None) -> str | None:
    if barcode is None or not barcode.strip():
        return None
    code = normalize_digits(barcode).strip()
    if not gtin_valid(code):
        raise InputError(f"บาร์โค้ด {code} ไม่ถูกต้อง (ตรวจเลขหลักสุดท้าย)",
                         f"Barcode {code} is not valid (check digit).")
    return code


def _refuse_clash(s: Session, product: ProductInfo) -> None:
    """InputError, naming both, when ``product`` would share a code with another active product."""
    others = [ProductInfo(**row._mapping) for row in s.execute(
        select(Product.sku, Product.name, Product.product_type, Product.price_satang, Product.barcode)
        .where(Product.active.is_(True), Product.sku != product.sku))]
    products = [*others, product]
    for c in clashes_of(products):
        if len(others) in (c.first, c.second):
            raise _clash_error(c, products, "", "")


def save_product(store: SqliteStore, clock: Clock, *, sku: str, name: str, product_type: str, price_satang: int,
                 barcode: str | None = None, stock: int | None = None, sold_out: bool = False,
                 sort_order: int | None = None, active: bool = True) -> ProductInfo:
    """Add a product or update the one with this SKU; InputError, writing nothing, when an amount is out of
    bounds or a code of it is a SKU or barcode of another product."""
    sku, name = sku.strip(), clean_text(name)
    if not sku or not name:
        raise InputError("ต้องมีรหัสสินค้าและชื่อสินค้า", "A product needs a SKU and a name.")
    problem = code_problem(sku)
    if problem is not None or len(sku) > MAX_SKU_CHARS:
        th, en = problem or (f"ยาวเกิน {MAX_SKU_CHARS} ตัวอักษร", f"is longer than {MAX_SKU_CHARS} characters")
        raise InputError(f"รหัสสินค้า {visible(sku)} {th}", f"The SKU {visible(sku)} {en}.")
    if len(name) > MAX_PRODUCT_NAME_CHARS:
        raise InputError(f"ชื่อสินค้ายาวเกิน {MAX_PRODUCT_NAME_CHARS} ตัวอักษร",
                         f"The product name is longer than {MAX_PRODUCT_NAME_CHARS} characters.")
    if isinstance(price_satang, int) and price_satang < 0:
        raise InputError("ราคาต้องไม่ติดลบ", "A price cannot be negative.")
    check_amount(price_satang, "ราคา", "price")
    if stock is not None and stock < 0:
        raise InputError("สต็อกต้องไม่ติดลบ", "Stock cannot be negative.")
    if stock is not None:
        check_count(stock, "สต็อก", "stock", limit=MAX_STOCK)
    code = _check_barcode(barcode)
    now = clock.now()
    try:
        with store.write() as s:
            if active:
                _refuse_clash(s, ProductInfo(sku, name, product_type, price_satang, code))
            p = s.scalar(select(Product).where(Product.sku == sku))
            if p is None:
                last = s.scalar(select(Product.sort_order).order_by(Product.sort_order.desc()).limit(1)) or 0
                p = Product(sku=sku, sort_order=last + 1 if sort_order is None else sort_order)
                s.add(p)
            elif sort_order is not None:
                p.sort_order = sort_order
            p.name, p.product_type, p.price_satang, p.barcode = name, product_type, price_satang, code
            p.stock, p.sold_out, p.active, p.updated_at = stock, sold_out, active, now
            s.flush()
            return info(p)
    except IntegrityError as exc:
        raise InputError(f"บาร์โค้ด {code} ใช้กับสินค้าอื่นแล้ว", f"Barcode {code} belongs to another product.") from exc


def set_sold_out(store: SqliteStore, clock: Clock, sku: str, sold_out: bool) -> ProductInfo:
    """Mark a product sold out (or back in sale)."""
    with store.write() as s:
        p = s.scalar(select(Product).where(Product.sku == sku))
        if p is None:
            raise InputError(f"ไม่พบสินค้า {sku}", f"No product {sku}.")
        p.sold_out, p.updated_at = sold_out, clock.now()
        return info(p)


def set_stock(store: SqliteStore, clock: Clock, sku: str, stock: int | None) -> ProductInfo:
    """Set (or stop tracking, with None) a product's stock."""
    if stock is not None and stock < 0:
        raise InputError("สต็อกต้องไม่ติดลบ", "Stock cannot be negative.")
    if stock is not None:
        check_count(stock, "สต็อก", "stock", limit=MAX_STOCK)
    with store.write() as s:
        p = s.scalar(select(Product).where(Product.sku == sku))
        if p is None:
            raise InputError(f"ไม่พบสินค้า {sku}", f"No product {sku}.")
        p.stock, p.updated_at = stock, clock.now()
        return info(p)
