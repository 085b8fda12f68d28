"""A vendor's district and province written as one address: Thai form "อ.น้ำพอง จ.ขอนแก่น" (Bangkok:
"เขตบางรัก กรุงเทพมหานคร"), English "Nam Phong, Khon Kaen"."""
from __future__ import annotations

import re

from otop_pos.core.vocabulary import lang_of

__all__ = ["thai_address", "BANGKOK"]

BANGKOK = "กรุงเทพมหานคร"
_THAI = re.compile("[\u0e00-\u0e7f]")
_DISTRICT_WORD = re.compile(r"^(?:กิ่งอำเภอ|อำเภอ|อ\.|เขต|ข\.)\s*")
_PROVINCE_WORD = re.compile(r"^(?:จังหวัด|จ\.)\s*")
_BANGKOK_NAMES = {"กรุงเทพมหานคร", "กรุงเทพฯ", "กรุงเทพ", "กทม", "กทม."}


def thai_address(district: str, province: str, lang: str | None = "th") -> str:
    """``district`` and ``province`` as a person writes them in ``lang`` (Thai unless "en").

    Thai names take the level abbreviations (อ. and จ.; Bangkok's districts are เขต and the city is written
    in full), whether or not the registry wrote the level word already. Names without Thai letters, and
    English, are joined with a comma. A missing part is left out; both missing give "".
    """
    district, province = " ".join((district or "").split()), " ".join((province or "").split())
    if lang_of(lang) == "en" or not _THAI.search(district + province):
        return ", ".join(p for p in (district, province) if p)
    d = _DISTRICT_WORD.sub("", district)
    p = _PROVINCE_WORD.sub("", province)
    if p in _BANGKOK_NAMES:
        return " ".join(x for x in ((f"เขต{d}" if d else ""), BANGKOK) if x)
    parts = (f"อ.{d}" if d and _THAI.search(d) else d, f"จ.{p}" if p and _THAI.search(p) else p)
    return " ".join(x for x in parts if x)
