"""A payment method as a fair defines it, carried from the fair store through the booth package to the booth.

``MethodSpec`` is the one shape of a fair's method everywhere (the ``fair methods --json`` object): code, Thai and
English names, kind (``plain``, ``copay``, ``state``), the state's share in percent and the per-customer daily cap
in satang (None: none). ``check_method`` holds the rules every layer applies; ``split_copay`` proposes how a
co-payment part divides (the state's share rounded down to the satang; the vendor may correct both to the slip).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from otop_pos.core.errors import InputError
from otop_pos.core.limits import MAX_DOCUMENT_SATANG
from otop_pos.core.money import format_baht
from otop_pos.core.visible import visible
from otop_pos.core.vocabulary import FAIR_METHOD_DEFAULTS, METHOD_KINDS, MethodKind

__all__ = ["MethodSpec", "METHOD_CODE_RE", "METHOD_NAME_MAX", "MAX_METHODS", "default_specs", "method_code",
           "method_kind", "method_name", "method_shares", "check_method", "split_copay"]

#: A method's code: what the booth and the exports store (lower-case Latin letters, digits, "_"; 16 at most).
METHOD_CODE_RE = re.compile(r"^[a-z][a-z0-9_]{0,15}$")
METHOD_NAME_MAX = 100
#: The most methods a fair (and so a booth package) may have.
MAX_METHODS = 40


@dataclass(frozen=True)
class MethodSpec:
    """One payment method of a fair."""

    code: str
    name_th: str
    name_en: str
    kind: MethodKind = "plain"
    state_percent: int = 0
    daily_cap_satang: int | None = None

    def name(self, lang: str | None) -> str:
        """The name in ``lang`` ("en" or Thai)."""
        return self.name_en if lang == "en" else self.name_th

    def as_json(self) -> dict[str, object]:
        """The contract's object: code, name_th, name_en, kind, state_percent, daily_cap_satang."""
        return {"code": self.code, "name_th": self.name_th, "name_en": self.name_en, "kind": self.kind,
                "state_percent": self.state_percent, "daily_cap_satang": self.daily_cap_satang}


def default_specs() -> tuple[MethodSpec, ...]:
    """The built-in methods every fair starts with (``FAIR_METHOD_DEFAULTS``)."""
    return tuple(MethodSpec(d.term.key, d.term.th, d.term.en, d.kind, d.state_percent, d.daily_cap_satang)
                 for d in FAIR_METHOD_DEFAULTS)


def method_code(code: str) -> str:
    """``code`` stripped, or ``InputError`` when it is not a valid method code."""
    code = (code or "").strip()
    if not METHOD_CODE_RE.match(code):
        raise InputError(f"รหัสวิธีชำระเงิน “{visible(code)}” ใช้ไม่ได้: ใช้อักษรอังกฤษตัวเล็ก ตัวเลข หรือ _ "
                         "ขึ้นต้นด้วยตัวอักษร ยาวไม่เกิน 16 ตัว",
                         f"The payment method code “{visible(code)}” is not valid: lower-case Latin letters, digits "
                         "or _, starting with a letter, at most 16.")
    return code


def method_name(text: str | None, th_what: str, en_what: str) -> str:
    """A name with its spaces tidied, or ``InputError`` when empty, invisible or too long."""
    name = " ".join((text or "").split())
    if not name or not name.isprintable() or len(name) > METHOD_NAME_MAX:
        raise InputError(f"{th_what}ต้องเป็นข้อความที่มองเห็นได้ ไม่เกิน {METHOD_NAME_MAX} ตัวอักษร",
                         f"The {en_what} must be visible text of at most {METHOD_NAME_MAX} characters.")
    return name


def method_kind(kind: str) -> MethodKind:
    """``kind`` as a ``MethodKind``, or ``InputError``."""
    for k in METHOD_KINDS:
        if k == kind:
            return k
    raise InputError(f"ประเภท “{visible(str(kind))}” ใช้ไม่ได้: plain, copay หรือ state",
                     f"The kind “{visible(str(kind))}” is not one of plain, copay, state.")


def method_shares(kind: MethodKind, percent: int | None, cap: int | None) -> tuple[int, int | None]:
    """The state share and daily cap a method of ``kind`` keeps (None percent: the kind's own); refuses what
    does not fit the kind."""
    if kind == "plain":
        if percent or cap is not None:
            raise InputError("วิธีชำระเงินทั่วไปไม่มีส่วนที่รัฐจ่ายและไม่มีวงเงินต่อวัน",
                             "A plain method has no state share and no daily cap.")
        return 0, None
    if cap is not None and not 0 < cap <= MAX_DOCUMENT_SATANG:
        raise InputError(f"วงเงินต่อวันต้องมากกว่า 0 และไม่เกิน {format_baht(MAX_DOCUMENT_SATANG)} บาท",
                         f"The daily cap must be above 0 and at most {format_baht(MAX_DOCUMENT_SATANG)} baht.")
    if kind == "state":
        if percent not in (None, 100):
            raise InputError("บัตรที่รัฐจ่ายทั้งหมดมีส่วนของรัฐ 100%", "A state method has a state share of 100 %.")
        return 100, cap
    if percent is None or not 0 < percent < 100:
        raise InputError("โครงการร่วมจ่ายต้องมีส่วนที่รัฐจ่ายมากกว่า 0% และน้อยกว่า 100% (--state-percent)",
                         "A co-payment scheme needs a state share above 0 % and below 100 % (--state-percent).")
    return percent, cap


def check_method(spec: MethodSpec) -> MethodSpec:
    """``spec`` with tidied names, or ``InputError`` on anything a fair's method may not be."""
    kind = method_kind(spec.kind)
    percent, cap = method_shares(kind, spec.state_percent if kind != "plain" or spec.state_percent else None,
                                 spec.daily_cap_satang)
    return MethodSpec(method_code(spec.code), method_name(spec.name_th, "ชื่อภาษาไทย", "Thai name"),
                      method_name(spec.name_en, "ชื่อภาษาอังกฤษ", "English name"), kind, percent, cap)


def proposed_state_share(spec: MethodSpec, amount_satang: int) -> int:
    """The state's share a part of ``amount_satang`` paid by ``spec`` is proposed with: the whole for a state
    card, the co-payment's percent rounded down for a co-payment (``split_copay``; the daily cap runs across shops
    and is not applied), none for a plain method. The slip's figure may replace it."""
    if spec.kind == "state":
        return amount_satang
    if spec.kind == "copay":
        return split_copay(amount_satang, spec.state_percent or 0)[1]
    return 0


def split_copay(amount_satang: int, state_percent: int) -> tuple[int, int]:
    """(customer share, state share) of a co-payment part: the state's share is ``state_percent`` of the
    amount rounded down to the satang, the customer pays the rest."""
    state = amount_satang * state_percent // 100
    return amount_satang - state, state
