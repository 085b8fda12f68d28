"""Look-alike products: what tells apart products whose names repeat, and which cannot be told apart at all.

A catalogue may hold several products with the same name (two sizes of one drink, the same basket from two
producers). A tile shows the name and the price; when a name repeats, the tile adds a second line with the
part of the SKU that differs, so the vendor rings up the right one. Products with the same name, the same price
and the same type have nothing a vendor sees to tell them apart: they are reported as a warning (not an error).
Plain Python, no Qt: the sell screen, the booth setup and the organiser's registry load all use it."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from os.path import commonprefix
from typing import Protocol

from otop_pos.core.money import format_baht
from otop_pos.core.text_match import match_key

_SEPARATORS = "-_./: "


class ProductLike(Protocol):
    """What the look-alike check reads of a product (the booth's ProductInfo, the registry's product)."""

    @property
    def sku(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def price_satang(self) -> int: ...

    @property
    def product_type(self) -> str | None: ...


def name_key(name: str) -> str:
    """A name as a person reads it: case, spaces, zero-width spaces and Thai spellings that draw alike do
    not count (``core.text_match``)."""
    return match_key(name)


def repeated_names(products: Iterable[ProductLike]) -> dict[str, list[ProductLike]]:
    """The products whose name repeats, grouped by ``name_key`` (groups of two or more, in catalogue order)."""
    groups: dict[str, list[ProductLike]] = {}
    for p in products:
        groups.setdefault(name_key(p.name), []).append(p)
    return {k: g for k, g in groups.items() if len(g) > 1}


def sku_suffixes(skus: Sequence[str]) -> dict[str, str]:
    """The part of each SKU that tells it from the others: from the last separator (-, _, ., /) before the
    first difference ("KK20-0018-01", "KK20-0018-03" → "01", "03")."""
    keys = [s.strip() for s in skus]
    prefix = commonprefix([k.casefold() for k in keys])
    cut = max((i + 1 for i, ch in enumerate(prefix) if ch in _SEPARATORS), default=0)
    return {sku: key[cut:] or key for sku, key in zip(skus, keys, strict=True)}


def distinguishing_labels(products: Iterable[ProductLike]) -> dict[str, str]:
    """SKU → the second line of its tile, for every product whose name repeats among ``products`` (pass the
    active catalogue); a product with a name of its own has no entry. The line is the distinguishing part of
    the SKU (the vendor's own code, printed on the shelf label and in the products page)."""
    out: dict[str, str] = {}
    for group in repeated_names(products).values():
        out.update(sku_suffixes([p.sku for p in group]))
    return out


@dataclass(frozen=True)
class Twins:
    """Products with the same name, price and type: nothing on the tile tells them apart but the SKU."""

    name: str
    price_satang: int
    skus: tuple[str, ...]

    @property
    def th(self) -> str:
        """The warning in Thai."""
        return (f"สินค้า {len(self.skus)} รายการชื่อ “{self.name}” ราคา ฿{format_baht(self.price_satang)} เท่ากัน "
                f"(รหัส {', '.join(self.skus)}) ควรตั้งชื่อให้ต่างกัน เช่น ใส่ขนาดหรือรสชาติ จะได้ไม่ขายผิดชิ้น")

    @property
    def en(self) -> str:
        """The warning in English."""
        return (f"{len(self.skus)} products are named “{self.name}” at the same price "
                f"฿{format_baht(self.price_satang)} (SKU {', '.join(self.skus)}): give them different names, "
                "e.g. with the size or flavour, so the right one is sold.")

    def message(self, lang: str) -> str:
        """The text in ``lang`` (th or en)."""
        return self.th if lang == "th" else self.en


def indistinguishable(products: Iterable[ProductLike]) -> tuple[Twins, ...]:
    """Groups of products with the same name, the same price and the same type (in catalogue order)."""
    out: list[Twins] = []
    for group in repeated_names(products).values():
        same: dict[tuple[int, str], list[ProductLike]] = {}
        for p in group:
            same.setdefault((p.price_satang, (p.product_type or "").strip()), []).append(p)
        out.extend(Twins(g[0].name.strip(), g[0].price_satang, tuple(p.sku for p in g))
                   for g in same.values() if len(g) > 1)
    return tuple(out)
