"""PromptPay QR payloads (EMVCo merchant-presented, tag 29) with CRC-16/CCITT-FALSE, and a parser.

Field order 00, 01, 29, 58, 53, 54, 63 matches the most used implementations (order changes the CRC).
"""
from __future__ import annotations

import re

from otop_pos.core.digits import normalize_digits
from otop_pos.core.errors import InputError
from otop_pos.core.ids import thai_id_valid

PROMPTPAY_AID = "A000000677010111"
TAG_MOBILE, TAG_ID, TAG_EWALLET = "01", "02", "03"
MAX_AMOUNT_SATANG = 9_999_999_999_99  # tag 54 holds at most 13 characters: "9999999999.99"

_SEPARATORS = re.compile(r"[\s\-.()]")


def crc16_ccitt_false(data: bytes) -> int:
    """CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
            crc &= 0xFFFF
    return crc


def _tlv(tag: str, value: str) -> str:
    if len(value) > 99:
        raise ValueError(f"EMV field {tag} is longer than 99 characters")
    return f"{tag}{len(value):02d}{value}"


def _target_error(text: str) -> InputError:
    return InputError(
        f"หมายเลขพร้อมเพย์ “{text}” ไม่ถูกต้อง ใช้เบอร์มือถือ 10 หลัก (ขึ้นต้นด้วย 0) "
        "เลขประจำตัวประชาชนหรือเลขผู้เสียภาษี 13 หลัก หรือเลขอีวอลเล็ต 15 หลัก",
        f"The PromptPay number “{text}” is not valid: use a 10-digit mobile number starting with 0, "
        "a 13-digit national ID or tax ID, or a 15-digit e-wallet ID.",
    )


def _clean_target(text: str) -> str:
    """Digits of a target with separators removed and +66 / 66 mobile prefixes turned into 0."""
    if not isinstance(text, str):
        raise _target_error(str(text))
    body = _SEPARATORS.sub("", normalize_digits(text))
    if body.startswith("+66"):
        body = "0" + body[3:]
    elif body.startswith("66") and len(body) == 11:
        body = "0" + body[2:]
    if not (body.isascii() and body.isdigit()):
        raise _target_error(text)
    if len(body) == 10 and body.startswith("0"):
        return body
    if len(body) in (13, 15):
        return body
    raise _target_error(text)


def _kind(digits: str) -> str:
    return {10: TAG_MOBILE, 13: TAG_ID, 15: TAG_EWALLET}[len(digits)]


def normalize_promptpay_target(text: str) -> str:
    """Validate a PromptPay target typed in settings and return its digits.

    Accepts a 10-digit mobile number starting with 0 (dashes, spaces, +66 and Thai digits are
    fine), a 13-digit national/tax ID with a valid check digit, or a 15-digit e-wallet ID.
    Raises ``InputError`` otherwise.
    """
    digits = _clean_target(text)
    if len(digits) == 13 and not thai_id_valid(digits):
        raise InputError(
            f"เลขประจำตัว 13 หลัก “{text}” ไม่ถูกต้อง (เลขตรวจสอบหลักสุดท้ายไม่ตรง) กรุณาตรวจสอบอีกครั้ง",
            f"The 13-digit ID “{text}” is not valid (its check digit does not match); please check it.",
        )
    return digits


def promptpay_payload(target: str, amount_satang: int | None = None) -> str:
    """The PromptPay QR text for ``target`` (mobile, 13-digit ID or 15-digit e-wallet).

    Without an amount the QR is static (01 = 11); with one it is dynamic (12) and carries tag 54.
    Any 13 digits are accepted here (the check digit is enforced by ``normalize_promptpay_target``).
    Raises ``InputError`` for an invalid target or an amount that is not positive or too large.
    """
    digits = _clean_target(target)
    kind = _kind(digits)
    # mobile: country code 66 instead of the leading 0, left-padded with zeros to 13 digits
    account = ("66" + digits[1:]).rjust(13, "0") if kind == TAG_MOBILE else digits
    if amount_satang is not None:
        if isinstance(amount_satang, bool) or not isinstance(amount_satang, int):
            raise TypeError(f"amount_satang must be int satang, not {type(amount_satang).__name__}")
        if amount_satang <= 0:
            raise InputError(
                "ยอดเงินสำหรับคิวอาร์พร้อมเพย์ต้องมากกว่าศูนย์",
                "The PromptPay QR amount must be greater than zero.",
            )
        if amount_satang > MAX_AMOUNT_SATANG:
            raise InputError(
                "ยอดเงินสำหรับคิวอาร์พร้อมเพย์สูงเกินไป",
                "The PromptPay QR amount is too large.",
            )
    parts = [
        _tlv("00", "01"),
        _tlv("01", "11" if amount_satang is None else "12"),
        _tlv("29", _tlv("00", PROMPTPAY_AID) + _tlv(kind, account)),
        _tlv("58", "TH"),
        _tlv("53", "764"),
    ]
    if amount_satang is not None:
        baht, sat = divmod(amount_satang, 100)
        parts.append(_tlv("54", f"{baht}.{sat:02d}"))
    body = "".join(parts) + "6304"
    return body + f"{crc16_ccitt_false(body.encode('ascii')):04X}"


def describe_target(target: str) -> str:
    """A masked target for display: "080-xxx-4567", "1-2345-xxxxx-12-3", "123-xxxxxxxx-4567"."""
    d = _clean_target(target)
    if len(d) == 10:
        return f"{d[:3]}-xxx-{d[6:]}"
    if len(d) == 13:
        return f"{d[0]}-{d[1:5]}-xxxxx-{d[10:12]}-{d[12]}"
    return f"{d[:3]}-xxxxxxxx-{d[11:]}"


def parse_tlv(payload: str) -> dict[str, str]:
    """Split EMV tag-length-value text into ``{tag: value}`` (one level); ``ValueError`` if malformed."""
    fields: dict[str, str] = {}
    pos = 0
    while pos < len(payload):
        head = payload[pos:pos + 4]
        if len(head) < 4 or not (head.isascii() and head.isdigit()):
            raise ValueError(f"malformed EMV field at position {pos}: {payload[pos:pos + 8]!r}")
        tag, length = head[:2], int(head[2:])
        value = payload[pos + 4:pos + 4 + length]
        if len(value) != length:
            raise ValueError(f"EMV field {tag} at position {pos} is truncated")
        if tag in fields:
            raise ValueError(f"EMV field {tag} appears twice")
        fields[tag] = value
        pos += 4 + length
    return fields


def parse_emv(payload: str) -> dict[str, str]:
    """Parse the top-level fields of an EMV QR payload after checking its CRC (tag 63, last).

    Raises ``ValueError`` when the CRC is missing, misplaced or wrong, or the text is malformed.
    Nested templates (e.g. tag 29) can be split further with ``parse_tlv``.
    """
    if len(payload) < 8 or payload[-8:-4] != "6304":
        raise ValueError("EMV payload does not end with a CRC field (6304xxxx)")
    expected = payload[-4:].upper()
    try:
        actual = f"{crc16_ccitt_false(payload[:-4].encode('ascii')):04X}"
    except UnicodeEncodeError:
        raise ValueError("EMV payload contains non-ASCII characters") from None
    if actual != expected:
        raise ValueError(f"EMV payload CRC mismatch: found {expected}, computed {actual}")
    fields = parse_tlv(payload)
    if fields.get("63") != payload[-4:]:
        raise ValueError("EMV payload CRC field 63 is not the last top-level field")
    return fields
