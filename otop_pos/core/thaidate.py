"""Thai dates: Asia/Bangkok time, Buddhist Era years (พ.ศ. = ค.ศ. + 543), Thai month names.

Naive datetimes are never accepted: store UTC or an explicit offset.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone, tzinfo

from otop_pos.core.digits import normalize_digits, to_thai_digits
from otop_pos.core.errors import InputError

BE_OFFSET = 543
#: Buddhist Era years from this value on are converted to the Common Era when parsing.
BE_THRESHOLD = 2400
#: Fixed UTC+7; Thailand has no daylight saving time. Used when the tz database is missing.
ICT = timezone(timedelta(hours=7), "ICT")


def _bangkok() -> tzinfo:
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Asia/Bangkok")
    except Exception:  # ZoneInfoNotFoundError, missing tzdata on Windows, …
        return ICT


BANGKOK: tzinfo = _bangkok()

THAI_MONTHS: tuple[str, ...] = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
THAI_MONTHS_SHORT: tuple[str, ...] = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)
EN_MONTHS_SHORT: tuple[str, ...] = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)
EN_MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def be_year(year: int) -> int:
    """The Buddhist Era year of a Common Era year (2020 → 2563)."""
    return year + BE_OFFSET


def to_bangkok(dt: datetime) -> datetime:
    """Convert an aware datetime to Bangkok time; a naive datetime raises ``ValueError``."""
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"naive datetime {dt!r}: give a timezone (store UTC or an explicit offset)")
    return dt.astimezone(BANGKOK)


def fair_day(dt: datetime) -> date:
    """The Bangkok calendar date of an aware datetime (a sale at 23:30 UTC counts for the next day)."""
    return to_bangkok(dt).date()


def _split(d: date | datetime, time: bool | None) -> tuple[date, str]:
    """The calendar date and "HH:MM" (or "") to show for ``d``."""
    if isinstance(d, datetime):
        local = to_bangkok(d)
        return local.date(), (local.strftime("%H:%M") if time is not False else "")
    if time:
        raise ValueError("a date has no time of day; pass a datetime to show the time")
    return d, ""


def format_thai_date(
    d: date | datetime, *, short: bool = True, time: bool | None = None, thai_digits: bool = False
) -> str:
    """Thai date with a BE year: "26 ต.ค. 2563 17:45" (short) or "26 ตุลาคม 2563" (long).

    Datetimes are shown in Bangkok time and include the time unless ``time=False``; dates never do.
    """
    day, clock = _split(d, time)
    month = (THAI_MONTHS_SHORT if short else THAI_MONTHS)[day.month - 1]
    text = f"{day.day} {month} {be_year(day.year)}" + (f" {clock}" if clock else "")
    return to_thai_digits(text) if thai_digits else text


def format_en_date(d: date | datetime, *, time: bool | None = None) -> str:
    """English date with a CE year: "26 Oct 2020 17:45" (datetimes in Bangkok time)."""
    day, clock = _split(d, time)
    text = f"{day.day} {EN_MONTHS_SHORT[day.month - 1]} {day.year}"
    return text + (f" {clock}" if clock else "")


def _month_lookup() -> dict[str, int]:
    table: dict[str, int] = {}
    for i in range(12):
        for name in (THAI_MONTHS[i], THAI_MONTHS_SHORT[i], THAI_MONTHS_SHORT[i].replace(".", "")):
            table[name] = i + 1
        table[EN_MONTHS[i].lower()] = i + 1
        table[EN_MONTHS_SHORT[i].lower()] = i + 1
    table["sept"] = 9
    return table


_MONTHS_BY_NAME = _month_lookup()
_ISO_RE = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})")
_DMY_RE = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})")
_NAMED_RE = re.compile(r"(\d{1,2})\s*([^\d\s]+)\s*(\d{4})")


def _date_error(text: str) -> InputError:
    return InputError(
        f"วันที่ “{text}” ไม่ถูกต้อง ใช้รูปแบบ วัน/เดือน/ปี เช่น 26/10/2563 หรือ 2020-10-26",
        f"The date “{text}” is not valid; use day/month/year, e.g. 26/10/2563, or 2020-10-26.",
    )


def parse_date(text: str) -> date:
    """Parse "2020-10-26", "26/10/2563", "2563-10-26", "26-10-2020", "26 ต.ค. 2563" or Thai digits.

    A year of 2400 or more is a Buddhist Era year (543 is subtracted). Two-digit years are
    refused as ambiguous. Raises ``InputError`` on anything else.
    """
    body = normalize_digits(str(text)).strip()
    body = re.sub(r"^(?:วันที่\s*)", "", body)
    body = re.sub(r"\s*(?:พ\.\s?ศ\.|ค\.\s?ศ\.)\s*", " ", body).strip()
    if m := _ISO_RE.fullmatch(body):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := _DMY_RE.fullmatch(body):
        day, month, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
    elif m := _NAMED_RE.fullmatch(body):
        found = _MONTHS_BY_NAME.get(m.group(2).lower()) or _MONTHS_BY_NAME.get(m.group(2).rstrip("."))
        if found is None:
            raise _date_error(text)
        day, month, year = int(m.group(1)), found, int(m.group(3))
    else:
        raise _date_error(text)
    if year >= BE_THRESHOLD:
        year -= BE_OFFSET
    try:
        return date(year, month, day)
    except ValueError:
        raise _date_error(text) from None
