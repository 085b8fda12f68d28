"""The manager PIN: scrypt-hashed, never stored plain; wrong attempts lock it for a while."""
from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta


from otop_pos.core.clock import Clock
from otop_pos.core.digits import normalize_digits
from otop_pos.core.errors import InputError, PinError
from otop_pos.store.booth_models import AuditEvent, ManagerPin
from otop_pos.store.engine import SqliteStore

MAX_FAILURES = 5
LOCK_MINUTES = 5
_N, _R, _P = 2**14, 8, 1


def _hash(pin: str, salt: bytes, n: int = _N, r: int = _R, p: int = _P) -> str:
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024, dklen=32)
    return f"scrypt${n}${r}${p}${salt.hex()}${digest.hex()}"


def _matches(pin: str, stored: str) -> bool:
    _, n, r, p, salt, _digest = stored.split("$")
    return hmac.compare_digest(_hash(pin, bytes.fromhex(salt), int(n), int(r), int(p)), stored)


def normalize_pin(pin: str) -> str:
    """A PIN is 4–8 digits (Thai digits accepted)."""
    digits = normalize_digits(pin.strip())
    if not digits.isdigit() or not 4 <= len(digits) <= 8:
        raise InputError("รหัสเจ้าของร้านต้องเป็นตัวเลข 4–8 หลัก", "The manager PIN must be 4 to 8 digits.")
    return digits


def has_pin(store: SqliteStore) -> bool:
    """True once a manager PIN is set."""
    with store.read() as s:
        return s.get(ManagerPin, 1) is not None


def set_pin(store: SqliteStore, clock: Clock, new_pin: str, *, current_pin: str | None = None) -> None:
    """Set the manager PIN; changing an existing PIN needs the current one."""
    pin = normalize_pin(new_pin)
    if has_pin(store):
        if current_pin is None:
            raise PinError("ต้องใส่รหัสเจ้าของร้านเดิมก่อนเปลี่ยน", "Enter the current manager PIN to change it.")
        verify_pin(store, clock, current_pin, action="change_pin")
    now = clock.now()
    hashed = _hash(pin, secrets.token_bytes(16))
    with store.write() as s:
        row = s.get(ManagerPin, 1)
        if row is None:
            s.add(ManagerPin(id=1, hash=hashed, failures=0, locked_until=None, changed_at=now))
        else:
            row.hash, row.failures, row.locked_until, row.changed_at = hashed, 0, None, now
        s.add(AuditEvent(at=now, action="pin_set", detail_json="{}"))


def verify_pin(store: SqliteStore, clock: Clock, pin: str, *, action: str) -> None:
    """Check the manager PIN for ``action``; PinError when wrong, unset or locked (failures are kept)."""
    if not normalize_digits(pin or "").strip():   # nothing typed yet (Enter pressed early): not a wrong PIN
        raise PinError("กรุณาใส่รหัสเจ้าของร้าน", "Enter the manager PIN.")
    now = clock.now()
    with store.read() as s:
        row = s.get(ManagerPin, 1)
        if row is None:
            raise PinError("ยังไม่ได้ตั้งรหัสเจ้าของร้าน กรุณาตั้งในหน้าการตั้งค่า",
                           "No manager PIN is set yet: set one in Settings.")
        stored, locked_until = row.hash, row.locked_until
    if locked_until is not None and locked_until > now:
        minutes = max(1, int((locked_until - now).total_seconds() + 59) // 60)
        raise PinError(f"ใส่รหัสผิดหลายครั้ง ล็อกไว้อีก {minutes} นาที",
                       f"Too many wrong PINs: locked for {minutes} more minute(s).")
    try:
        ok = _matches(normalize_pin(pin), stored)
    except InputError:
        ok = False
    with store.write() as s:
        row = s.get(ManagerPin, 1)
        assert row is not None
        if ok:
            row.failures, row.locked_until = 0, None
            s.add(AuditEvent(at=now, action="pin_ok", detail_json=json.dumps({"for": action})))
            return
        row.failures += 1
        left = MAX_FAILURES - row.failures
        if left <= 0:
            row.locked_until = now + timedelta(minutes=LOCK_MINUTES)
            row.failures = 0
        s.add(AuditEvent(at=now, action="pin_wrong", detail_json=json.dumps({"for": action})))
    if left <= 0:
        raise PinError(f"รหัสเจ้าของร้านไม่ถูกต้อง ล็อกไว้ {LOCK_MINUTES} นาที",
                       f"Wrong manager PIN: locked for {LOCK_MINUTES} minutes.")
    raise PinError(f"รหัสเจ้าของร้านไม่ถูกต้อง (ลองได้อีก {left} ครั้ง)",
                   f"Wrong manager PIN ({left} tries left).")


_SEAL = object()


@dataclass(frozen=True)
class Approval:
    """Proof that the manager PIN was entered: made only by ``approve``. Use cases that need the manager
    take one instead of a PIN, so a run of actions (``booth simulate``, one sale with several overrides)
    checks the PIN once."""

    action: str
    at: datetime
    _seal: object = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self._seal is not _SEAL:
            raise PinError("ต้องใส่รหัสเจ้าของร้าน", "The manager PIN is needed.")


def approve(store: SqliteStore, clock: Clock, pin: str, *, action: str) -> Approval:
    """Check the manager PIN (as ``verify_pin``) and return the approval the use cases accept."""
    verify_pin(store, clock, pin, action=action)
    return Approval(action, clock.now(), _SEAL)


def ensure_approval(store: SqliteStore, clock: Clock, pin_or_approval: str | Approval, *, action: str) -> Approval:
    """An approval given, or one made by checking the PIN given."""
    if isinstance(pin_or_approval, Approval):
        return pin_or_approval
    return approve(store, clock, pin_or_approval, action=action)
