"""Product codes: a scan or a typed code names one product, so SKUs and barcodes never collide.

Across a catalogue every SKU is unique (ignoring letter case, as the sell screen does), every barcode is
unique, and no code is the SKU of one product and the barcode of another. The booth's product save, its
setup, the registry and package readers and the sell screen's lookup all use ``code_clashes``.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from otop_pos.core.digits import normalize_digits

ClashKind = Literal["sku", "barcode", "sku_barcode"]


@dataclass(frozen=True)
class CodeClash:
    """Two products (by their index in the list checked) that one code would both name.

    ``kind`` "sku_barcode": ``first`` has the code as its SKU and ``second`` as its barcode; "sku" and
    "barcode": both have it as that."""

    code: str
    kind: ClashKind
    first: int
    second: int


def sku_key(sku: str) -> str:
    """The key a SKU is looked up by (Thai digits as ASCII, letter case ignored), as a scan or a typed code
    is looked up."""
    return normalize_digits(sku).strip().casefold()


def code_clashes(products: Sequence[tuple[str, str | None]]) -> list[CodeClash]:
    """Every clash among ``products`` given as (sku, barcode or None), in list order."""
    skus: dict[str, int] = {}
    barcodes: dict[str, int] = {}
    out: list[CodeClash] = []
    for i, (sku, barcode) in enumerate(products):
        key = sku_key(sku)
        if key in skus:
            out.append(CodeClash(sku.strip(), "sku", skus[key], i))
        else:
            skus[key] = i
        if barcode:
            if barcode in barcodes:
                out.append(CodeClash(barcode, "barcode", barcodes[barcode], i))
            else:
                barcodes[barcode] = i
    for code, i in barcodes.items():
        j = skus.get(sku_key(code))
        if j is not None and j != i:
            out.append(CodeClash(code, "sku_barcode", j, i))
    return out


def clash_text(clash: CodeClash, first: str, second: str) -> tuple[str, str]:
    """(Thai, English) saying which two products (``first``, ``second``: how to name them) share a code."""
    code = clash.code
    if clash.kind == "sku_barcode":
        return (f"รหัส {code} เป็นทั้งรหัสสินค้าของ “{first}” และบาร์โค้ดของ “{second}”",
                f"The code {code} is both the SKU of “{first}” and the barcode of “{second}”.")
    if clash.kind == "barcode":
        return (f"บาร์โค้ด {code} เป็นของทั้ง “{first}” และ “{second}”",
                f"The barcode {code} belongs to both “{first}” and “{second}”.")
    return (f"รหัสสินค้า {code} ซ้ำกันระหว่าง “{first}” และ “{second}”",
            f"The SKU {code} is used by both “{first}” and “{second}”.")
