"""Bounds on every amount and count, declared once: the booth refuses what the organiser's import refuses.

A booth must never write a document the organiser cannot take, so the booth's use cases, its input fields
and the organiser's import all read these numbers. They leave room for large orders (฿10 million on one
document) while keeping any day's sums far inside a 64-bit integer.
"""
from __future__ import annotations

from otop_pos.core.errors import InputError

SATANG_PER_BAHT = 100

#: The largest amount on one document: a sale or refund total, one payment, the cash handed over, a
#: discount, a unit price or a line total (฿10,000,000.00).
MAX_DOCUMENT_SATANG = 10_000_000 * SATANG_PER_BAHT
#: The largest quantity on one line.
MAX_QTY = 9999
#: The largest opening float of one till day (฿10,000,000.00).
MAX_FLOAT_SATANG = 10_000_000 * SATANG_PER_BAHT
#: The most cash a till day's drawer may be expected to hold, either way (฿100,000,000.00): the booth refuses a
#: cash sale, void or refund that would take the open day's expected cash (float + cash taken − cash given back)
#: above it or below minus it, and the organiser's import refuses a day beyond it. A day of ten sales at the
#: document limit fits; the fair store keeps till-day cash in 64-bit columns (migration f0005; a 32-bit
#: column held only ฿21 million, which a genuine day of large cash sales could pass).
MAX_DAY_CASH_SATANG = 100_000_000 * SATANG_PER_BAHT
#: The largest counted cash of one till day: what the drawer may be expected to hold (a vendor holding ฿15
#: million in cash records the true count).
MAX_CASH_COUNT_SATANG = MAX_DAY_CASH_SATANG
#: The largest cash difference (counted − expected) of one till day, either way: the counted cash is at most
#: MAX_CASH_COUNT_SATANG and the expected cash within ±MAX_DAY_CASH_SATANG.
MAX_DAY_CASH_DIFFERENCE_SATANG = MAX_DAY_CASH_SATANG + MAX_CASH_COUNT_SATANG
#: Cash handed over at least this much above what is due asks the vendor to confirm (the largest note, ฿1,000).
CONFIRM_CASH_ABOVE_DUE_SATANG = 1000 * SATANG_PER_BAHT
#: The largest number of lines on one document.
MAX_LINES = 500

# The float opened with and the cash counted are always within what a day's drawer may hold.
assert MAX_FLOAT_SATANG <= MAX_DAY_CASH_SATANG and MAX_CASH_COUNT_SATANG <= MAX_DAY_CASH_SATANG

# --- the registry's texts, as the fair store, the booth package and the booth store take them (characters).
# The registry reader checks every value against these at load, so nothing it lets through is refused later.
#: A vendor code (the fair store's ``vendors.code``, the package's ``vendor.code``).
MAX_VENDOR_CODE_CHARS = 32
#: A booth code (``vendors.booth``, ``tills.booth_code``, the package's ``vendor.booth``).
MAX_BOOTH_CODE_CHARS = 16
#: A vendor's name.
MAX_VENDOR_NAME_CHARS = 300
#: The contact person's name.
MAX_CONTACT_CHARS = 200
#: A district or a province.
MAX_PLACE_CHARS = 100
#: The phone numbers of one vendor, joined with "," (three mobile numbers fit).
MAX_PHONE_CHARS = 32
#: A producer's LINE, Facebook or online-shop link (``core.channel``).
MAX_CHANNEL_CHARS = 300
#: A product's SKU.
MAX_SKU_CHARS = 64
#: A product's name.
MAX_PRODUCT_NAME_CHARS = 300
#: The largest number of products one booth (one package) holds.
MAX_PRODUCTS_PER_BOOTH = 20000


def baht_text(satang: int) -> str:
    """Satang as "1,190.00" in integer math (a float would overflow on a mistyped 400-digit amount)."""
    if abs(satang).bit_length() > 100:  # no int-to-text of thousands of digits: an absurd amount stays short
        return "9,999,999,999,999,999,999,999,999,999+"
    whole, frac = divmod(abs(satang), SATANG_PER_BAHT)
    return f"{'-' if satang < 0 else ''}{whole:,}.{frac:02d}"


def check_amount(satang: int, what_th: str, what_en: str, *, limit: int = MAX_DOCUMENT_SATANG,
                 allow_zero: bool = True) -> int:
    """``satang`` when it lies within 0 (or 1) and ``limit``; InputError naming the amount otherwise."""
    if not isinstance(satang, int) or isinstance(satang, bool):
        raise InputError(f"{what_th}ต้องเป็นจำนวนเงิน", f"The {what_en} must be an amount of money.")
    low = 0 if allow_zero else 1
    if satang < low:
        raise InputError(f"{what_th}ต้องมากกว่าศูนย์" if low else f"{what_th}ต้องไม่ติดลบ",
                         f"The {what_en} must be more than zero." if low else f"The {what_en} cannot be negative.")
    if satang > limit:
        raise InputError(f"{what_th} {baht_text(satang)} บาท เกินกว่าที่ระบบรับได้ (สูงสุด {baht_text(limit)} บาท)",
                         f"The {what_en} of {baht_text(satang)} baht is more than the app accepts "
                         f"(at most {baht_text(limit)} baht).")
    return satang


def check_day_cash(expected_satang: int, change_satang: int) -> int:
    """``expected_satang`` (the open day's expected drawer cash after a change of ``change_satang``) when it lies
    within ±MAX_DAY_CASH_SATANG; InputError saying what to do otherwise (close the day, bank the cash)."""
    if -MAX_DAY_CASH_SATANG <= expected_satang <= MAX_DAY_CASH_SATANG:
        return expected_satang
    most, after = baht_text(MAX_DAY_CASH_SATANG), baht_text(expected_satang)
    now = baht_text(expected_satang - change_satang)
    if expected_satang > 0:
        th = f"เงินสดในลิ้นชักของวันขายนี้จะเป็น {after} บาท เกินกว่าที่ระบบรับได้ (สูงสุด {most} บาท)"
        en = f"more than the app accepts (at most {most} baht)"
    else:
        th = f"เงินสดในลิ้นชักของวันขายนี้จะเป็น {after} บาท ติดลบเกินกว่าที่ระบบรับได้ (ไม่ต่ำกว่า -{most} บาท)"
        en = f"further below zero than the app accepts (at least -{most} baht)"
    raise InputError(f"{th} ตอนนี้ควรมี {now} บาท ไม่ได้บันทึก กรุณาปิดวันขาย (นับเงินสด) แล้วเปิดวันใหม่",
                     f"This would bring the day's expected cash in the drawer to {after} baht, {en}; it should hold "
                     f"{now} baht now. Nothing was saved: close the day (count the cash) and open a new one.")


#: The largest stock a product may hold (a count, not money; keeps stock far inside a 64-bit integer).
MAX_STOCK = 9_999_999


def check_qty(qty: int, *, limit: int = MAX_QTY) -> int:
    """``qty`` when it is a whole number from 1 to ``limit``; InputError otherwise."""
    if not isinstance(qty, int) or isinstance(qty, bool) or not 1 <= qty <= limit:
        raise InputError(f"จำนวนต้องอยู่ระหว่าง 1 ถึง {limit:,}", f"Quantity must be between 1 and {limit:,}.")
    return qty


def check_count(n: int, what_th: str, what_en: str, *, limit: int) -> int:
    """``n`` when it is a whole number from 0 to ``limit`` (a stock, a number of pieces); InputError otherwise."""
    if not isinstance(n, int) or isinstance(n, bool) or not 0 <= n <= limit:
        raise InputError(f"{what_th}ต้องอยู่ระหว่าง 0 ถึง {limit:,}", f"The {what_en} must be between 0 and {limit:,}.")
    return n


def check_lines(n: int) -> int:
    """``n`` lines on one document when it is at most MAX_LINES; InputError otherwise."""
    if n > MAX_LINES:
        raise InputError(f"มีรายการ {n:,} รายการ เกินกว่าที่หนึ่งบิลรับได้ (สูงสุด {MAX_LINES:,} รายการ)",
                         f"{n:,} lines are more than one document takes (at most {MAX_LINES:,}).")
    return n


def check_text(text: str, what_th: str, what_en: str, *, limit: int) -> str:
    """``text`` when it has at most ``limit`` characters; InputError naming its length and the limit otherwise."""
    if len(text) > limit:
        raise InputError(f"{what_th}ยาว {len(text):,} ตัวอักษร เกินที่ระบบรับได้ {limit:,}",
                         f"The {what_en} is {len(text):,} characters long; the app takes at most {limit:,}.")
    return text


# --- the identity of an export file (its manifest), checked before anything of it is written -----------------

#: Till numbers a booth may be set up with (``booth setup --till N``).
MAX_TILL_NO = 99
#: The largest export number of a till (one export a minute for 1,900 years).
MAX_EXPORT_SEQ = 1_000_000_000
#: The manifest format's version numbers this app may ever meet.
MAX_FORMAT_VERSION = 1000
#: The years an export may be dated in (``created_at``).
FIRST_EXPORT_YEAR, LAST_EXPORT_YEAR = 2000, 2100
#: Text lengths of the identity fields, as the stores keep them (fair id, key id; booth and vendor codes above).
FAIR_ID_CHARS, KEY_ID_CHARS = 64, 64
#: How deep a manifest's JSON may nest (the manifest itself has three levels: members → member → field).
MAX_MANIFEST_DEPTH = 4
