"""Vendor addresses checked against Thailand's provinces and districts (the ``geothai`` package; its data is
GeoThai, CC BY 4.0). An unknown name is a warning with a suggestion, never a refusal."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache

import geothai
import geothai.types

_PREFIX = re.compile(r"^(?:จังหวัด|อำเภอ|กิ่งอำเภอ|เขต|จ\.|อ\.|ข\.)\s*")
_MARKS = re.compile(r"[\s.'\-]")
_PROVINCE_ALIASES = {"กทม": "10", "กรุงเทพ": "10", "กรุงเทพฯ": "10", "อยุธยา": "14", "ayutthaya": "14",
                     "bangkok": "10"}
CREDIT = "Province and district names: GeoThai (geothai package), CC BY 4.0"


def norm(name: str) -> str:
    """A name in one comparable form: no level word (อำเภอ, จ.), no spaces, dots or hyphens, lower case."""
    text = _PREFIX.sub("", name.strip())
    return _MARKS.sub("", text).lower()


@dataclass(frozen=True)
class AddressCheck:
    """Codes found for a vendor's district and province, and a warning (Thai, English) when not found."""

    province_code: str | None
    district_code: str | None
    warning_th: str = ""
    warning_en: str = ""
    column: str = ""  # "province" or "district" when there is a warning


@cache
def _provinces() -> dict[str, str]:
    out: dict[str, str] = {}
    for p in geothai.provinces():
        out[norm(p.name_th)] = p.code
        out[norm(p.name_en)] = p.code
    for alias, code in _PROVINCE_ALIASES.items():
        out[norm(alias)] = code
    return out


@cache
def _districts(province_code: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for d in geothai.districts(province_code):
        out[norm(d.name_th)] = d.code
        out[norm(d.name_en)] = d.code
        if d.code.endswith("01") and province_code != "10":
            out.setdefault("เมือง", d.code)
            out.setdefault("mueang", d.code)
    return out


@cache
def _all_districts() -> dict[str, list[geothai.types.District]]:
    out: dict[str, list[geothai.types.District]] = {}
    for p in geothai.provinces():
        for d in geothai.districts(p.code):
            out.setdefault(norm(d.name_th), []).append(d)
    return out


def _province_name(code: str) -> str:
    p = geothai.province(code)
    return p.name_th if p else code


def _suggest(name: str, choices: list[str]) -> str | None:
    close = difflib.get_close_matches(name.strip(), choices, n=1, cutoff=0.6)
    return close[0] if close else None


def province_code(name: str) -> str | None:
    """The DOPA code of a province written by hand (Thai or English, with or without จังหวัด/จ.)."""
    return _provinces().get(norm(name)) if name.strip() else None


def check_address(district: str, province: str) -> AddressCheck:
    """Match a district and province against the current DOPA lists; suggest the closest name if unknown."""
    if not province.strip():
        return AddressCheck(None, None)
    pcode = province_code(province)
    if pcode is None:
        names = [p.name_th for p in geothai.provinces()]
        hint = _suggest(norm(province), names)
        th = f"ไม่รู้จักจังหวัด “{province}”" + (f" หมายถึง “{hint}” หรือไม่" if hint else "")
        en = f"Unknown province “{province}”" + (f"; did you mean “{hint}”?" if hint else ".")
        return AddressCheck(None, None, th, en, "province")
    if not district.strip():
        return AddressCheck(pcode, None)
    dcode = _districts(pcode).get(norm(district))
    if dcode is not None:
        return AddressCheck(pcode, dcode)
    local = [d.name_th for d in geothai.districts(pcode)]
    hint = _suggest(norm(district), local)
    pname = _province_name(pcode)
    if hint:
        th = f"ไม่พบอำเภอ “{district}” ในจังหวัด{pname} หมายถึง “{hint}” หรือไม่"
        en = f"No district “{district}” in {pname}; did you mean “{hint}”?"
    else:
        elsewhere = [f"{d.name_th} ({_province_name(d.province_code)})"
                     for d in _all_districts().get(norm(district), [])]
        if elsewhere:
            th = f"ไม่พบอำเภอ “{district}” ในจังหวัด{pname} แต่มีอำเภอชื่อนี้ที่ {', '.join(elsewhere)}"
            en = f"No district “{district}” in {pname}; a district of that name is in {', '.join(elsewhere)}."
        else:
            th = f"ไม่พบอำเภอ “{district}” ในจังหวัด{pname}"
            en = f"No district “{district}” in {pname}."
    return AddressCheck(pcode, None, th, en, "district")
