"""The one vocabulary of the app: product types, producer types, payment methods and paper widths.

Every label a person sees for one of these (tiles, pickers, receipts, PDFs, XLSX/CSV, organiser figures
and charts) is read here by key, in Thai or English, with its colour and short form. The keys are what
the stores and files hold: a product type's key is its registry Thai name ("อาหาร"), a producer type's
and a payment method's key is a code ("community", "promptpay").

A registry holds the built-in terms and can take terms a fair defines as data (a co-payment scheme such
as คนละครึ่ง, a welfare card): ``PAYMENT_METHOD.define({"key": ..., "th": ..., "en": ...})``. A key
nobody defined still shows: its name is the key itself and its colour the neutral one.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from otop_pos.core.errors import InputError

__all__ = [
    "Term", "Vocabulary", "PRODUCT_TYPE", "PRODUCER_TYPE", "PAYMENT_METHOD", "OTHER_COLOR", "OTHER",
    "NOT_GIVEN", "MethodKind", "METHOD_KINDS", "FairMethodDefault", "FAIR_METHOD_DEFAULTS", "PaperWidth", "PAPER_WIDTHS", "DEFAULT_PAPER_WIDTH", "lang_of", "RETIRED_NAMES_TH",
]

#: The colour of anything that is not a known term.
OTHER_COLOR = "#5c677d"
#: "Other" and "not given" as the tables and charts write them (Thai, English).
OTHER = ("อื่นๆ", "Other")
NOT_GIVEN = ("ไม่ระบุ", "Not given")

_COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")


def lang_of(lang: str | None) -> str:
    """"en" for English, "th" for anything else (Thai is the default language)."""
    return "en" if lang == "en" else "th"


@dataclass(frozen=True)
class Term:
    """One entry of a vocabulary: stored key, Thai and English names, short names, colour.

    ``builtin`` is False for terms a fair defined (data, not code).
    """

    key: str
    th: str
    en: str
    color: str = OTHER_COLOR
    short_th: str = ""
    short_en: str = ""
    builtin: bool = True

    def name(self, lang: str | None) -> str:
        """The full name in ``lang`` ("th" or "en")."""
        return self.en if lang_of(lang) == "en" else self.th

    def short(self, lang: str | None) -> str:
        """The short name (tabs, chart axes, narrow columns) in ``lang``; the full name when none is set."""
        if lang_of(lang) == "en":
            return self.short_en or self.en
        return self.short_th or self.th


def _match_key(key: str) -> str:
    return "".join((key or "").split())


class Vocabulary:
    """The terms of one kind, built-ins first, then fair-defined ones in the order they were defined.

    Lookups ignore spaces in the key ("ของใช้ ของตกแต่ง…" written with a doubled or missing space is the
    same type). An unknown key is shown as itself (``name``), with ``OTHER_COLOR``.
    """

    def __init__(self, kind: str, builtins: Iterable[Term]) -> None:
        self.kind = kind
        self._terms: dict[str, Term] = {}
        for t in builtins:
            self._terms[_match_key(t.key)] = t

    def __iter__(self) -> Iterator[Term]:
        return iter(tuple(self._terms.values()))

    def __len__(self) -> int:
        return len(self._terms)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and _match_key(key) in self._terms

    def keys(self) -> tuple[str, ...]:
        """Every key, built-ins first."""
        return tuple(t.key for t in self._terms.values())

    def builtin_keys(self) -> tuple[str, ...]:
        """The keys the app itself defines."""
        return tuple(t.key for t in self._terms.values() if t.builtin)

    def get(self, key: str | None) -> Term | None:
        """The term stored as ``key`` (spaces ignored), or None."""
        return self._terms.get(_match_key(key or ""))

    def term(self, key: str) -> Term:
        """The term of ``key``; for an unknown key a stand-in that shows the key itself."""
        found = self.get(key)
        return found if found is not None else Term(key, key, key, OTHER_COLOR, builtin=False)

    def name(self, key: str, lang: str | None) -> str:
        """The full name of ``key`` in ``lang`` (the key itself when unknown)."""
        return self.term(key).name(lang)

    def short(self, key: str, lang: str | None) -> str:
        """The short name of ``key`` in ``lang`` (the key itself when unknown)."""
        return self.term(key).short(lang)

    def color(self, key: str) -> str:
        """The colour of ``key`` as ``#rrggbb`` (``OTHER_COLOR`` when unknown)."""
        return self.term(key).color

    def define(self, entry: Mapping[str, object] | Term) -> Term:
        """Add a fair-defined term from data: ``{"key", "th", "en"}`` and optional ``color``, ``short_th``,
        ``short_en``. Redefining a fair-defined key replaces it; a built-in key cannot be redefined
        (``InputError``)."""
        term = entry if isinstance(entry, Term) else _term_from(entry)
        term = Term(term.key, term.th, term.en, term.color, term.short_th, term.short_en, builtin=False)
        old = self.get(term.key)
        if old is not None and old.builtin:
            raise InputError(f"“{term.key}” เป็นชื่อที่มีอยู่แล้วในระบบ เปลี่ยนไม่ได้",
                             f"“{term.key}” is built in and cannot be redefined.")
        self._terms[_match_key(term.key)] = term
        return term

    def forget(self, key: str) -> None:
        """Remove a fair-defined term (built-ins stay)."""
        found = self.get(key)
        if found is not None and not found.builtin:
            del self._terms[_match_key(key)]


def _term_from(entry: Mapping[str, object]) -> Term:
    def text(name: str) -> str:
        value = entry.get(name, "")
        return value.strip() if isinstance(value, str) else ""

    key, th, en, color = text("key"), text("th"), text("en"), text("color") or OTHER_COLOR
    if not key or not th:
        raise InputError("รายการที่กำหนดเองต้องมีรหัส (key) และชื่อภาษาไทย (th)",
                         "A defined entry needs a key and a Thai name (th).")
    if not _COLOR_RE.match(color):
        raise InputError(f"สี “{color}” ไม่ถูกต้อง ใช้รูปแบบ #rrggbb", f"The colour “{color}” is not #rrggbb.")
    return Term(key, th, en or th, color, text("short_th"), text("short_en"), builtin=False)


#: The five OTOP product types; the key is the registry's Thai name, as the stores hold it.
PRODUCT_TYPE = Vocabulary("product type", (
    Term("อาหาร", "อาหาร", "Food", "#e8590c"),
    Term("เครื่องดื่ม", "เครื่องดื่ม", "Drinks", "#1971c2"),
    Term("ผ้าและเครื่องแต่งกาย", "ผ้าและเครื่องแต่งกาย", "Cloth and apparel", "#9c36b5", "ผ้า", "Cloth"),
    Term("ของใช้ ของตกแต่งและของที่ระลึก", "ของใช้ ของตกแต่งและของที่ระลึก", "Household, decor and souvenirs",
         "#2b8a3e", "ของใช้", "Household"),
    Term("สมุนไพรที่ไม่ใช่อาหาร", "สมุนไพรที่ไม่ใช่อาหาร", "Non-food herbal", "#0c8599", "สมุนไพร", "Herbal"),
))

#: Thai names a term was once shown under and must not be shown under again (screens, catalogues, receipts,
#: PDFs): one official name per term, by key. The registry parser may still *read* such words (its aliases).
RETIRED_NAMES_TH: dict[str, tuple[str, ...]] = {
    "ผ้าและเครื่องแต่งกาย": ("ผ้า เสื้อผ้า", "ผ้าเสื้อผ้า", "ผ้า เครื่องแต่งกาย", "ผ้าและเสื้อผ้า"),
    "ของใช้ ของตกแต่งและของที่ระลึก": ("ของใช้และของตกแต่ง", "ของใช้ของตกแต่ง"),
    "สมุนไพรที่ไม่ใช่อาหาร": ("สมุนไพรไม่ใช่อาหาร",),
}

#: The OTOP producer types (the registry's categories), keyed as the stores hold them.
PRODUCER_TYPE = Vocabulary("producer type", (
    Term("community", "ผู้ผลิตชุมชน", "Community producer", "#2b8a3e", "ชุมชน", "Community"),
    Term("single_owner", "ผู้ผลิตรายเดียว", "Single owner", "#1971c2", "รายเดียว", "Single owner"),
    Term("sme", "ผู้ประกอบการ SME", "SME", "#e8590c", "SME", "SME"),
))

#: How a buyer pays; fairs may define more (co-payment schemes, welfare card).
PAYMENT_METHOD = Vocabulary("payment method", (
    Term("cash", "เงินสด", "Cash", "#2b8a3e"),
    Term("promptpay", "พร้อมเพย์", "PromptPay", "#1971c2"),
    Term("transfer", "โอนเงิน", "Transfer", "#7048e8"),
    Term("other", OTHER[0], OTHER[1], "#868e96"),
))


#: How a fair's payment method is funded: by the customer alone ("plain"), a co-payment scheme where the state
#: pays a share ("copay", คนละครึ่ง), or wholly by the state ("state", the welfare card).
MethodKind = Literal["plain", "copay", "state"]
METHOD_KINDS: tuple[MethodKind, ...] = ("plain", "copay", "state")


@dataclass(frozen=True)
class FairMethodDefault:
    """A payment method every fair has from its start: the term (code and names), its kind, the state's share
    in percent and the per-customer daily cap in satang (None: no cap)."""

    term: Term
    kind: MethodKind = "plain"
    state_percent: int = 0
    daily_cap_satang: int | None = None


#: The fair's built-in payment methods, in the order they are listed: the booth's own (``PAYMENT_METHOD``),
#: card, and the two state schemes of 2563 (คนละครึ่ง: the state pays 50 %, at most ฿150 a person a day; the
#: state welfare card). A fair may change the schemes' names, share and cap between rounds (they are data in the
#: fair store); these are only what a new or migrated fair starts with.
FAIR_METHOD_DEFAULTS: tuple[FairMethodDefault, ...] = (
    *(FairMethodDefault(t) for t in PAYMENT_METHOD if t.key != "other"),
    FairMethodDefault(Term("card", "บัตรเครดิต/เดบิต", "Credit/debit card", "#c2255c", "บัตร", "Card")),
    FairMethodDefault(Term("copay", "คนละครึ่ง", "Half-half co-payment", "#ff8800", short_en="Half-half",
                           builtin=False), "copay", 50, 15000),
    FairMethodDefault(Term("welfare", "บัตรสวัสดิการแห่งรัฐ", "State welfare card", "#e03131", "บัตรสวัสดิการ",
                           "Welfare card", builtin=False), "state", 100),
    FairMethodDefault(PAYMENT_METHOD.term("other")),
)

@dataclass(frozen=True)
class PaperWidth:
    """A receipt paper the printers take: key, printable width in dots, Thai and English names."""

    key: str
    dots: int
    th: str
    en: str

    def name(self, lang: str | None) -> str:
        """The name in ``lang``."""
        return self.en if lang_of(lang) == "en" else self.th


#: Printable widths: 58 mm (203 dpi), Epson TM-T88 80 mm (180 dpi), 80 mm (203 dpi).
PAPER_WIDTHS: tuple[PaperWidth, ...] = (
    PaperWidth("58mm", 384, "58 มม. (384 จุด)", "58 mm (384 dots)"),
    PaperWidth("80mm-180dpi", 512, "80 มม. แบบ Epson TM-T88 (512 จุด)", "80 mm, Epson TM-T88 (512 dots)"),
    PaperWidth("80mm", 576, "80 มม. (576 จุด)", "80 mm (576 dots)"),
)
#: A new booth's paper: 58 mm, what most portable booth printers take.
DEFAULT_PAPER_WIDTH = 384


#: The payment methods that reach the producer digitally (a phone or a card, no cash): the "digital share" of the
#: organiser's figures and the producer sheets. A fair's own methods are counted by their kind instead.
DIGITAL_METHODS: tuple[str, ...] = ("promptpay", "transfer", "card")
#: The kinds of a fair's payment methods that a state scheme pays wholly or in part (co-payment, welfare card).
SCHEME_KINDS: tuple[MethodKind, ...] = tuple(k for k in METHOD_KINDS if k != "plain")
