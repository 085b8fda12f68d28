"""Typed booth settings (a dataclass with a schema version) stored in the booth store."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from otop_pos.core.channel import parse_facebook, parse_line, parse_shop_url
from otop_pos.core.clock import Clock
from otop_pos.core.errors import InputError
from otop_pos.core.promptpay import normalize_promptpay_target
from otop_pos.core.visible import clean_text
from otop_pos.core.vocabulary import DEFAULT_PAPER_WIDTH, PAPER_WIDTHS
from otop_pos.store.booth_models import AuditEvent, Setting
from otop_pos.store.engine import SqliteStore

KEY = "booth"
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class BoothSettings:
    """Everything a vendor can set; defaults suit a first start."""

    shop_name: str = ""
    lang: str = "th"
    tax_id: str = ""
    vat_registered: bool = False
    promptpay_id: str = ""
    promptpay_name: str = ""
    receipt_header: str = ""
    receipt_footer: str = "ขอบคุณที่อุดหนุนสินค้าชุมชน"
    receipt_lang: str = "th"
    receipt_qr: bool = True
    printer: str = "none"
    paper_width: int = DEFAULT_PAPER_WIDTH
    printer_profile: str = ""
    cut: bool = True
    drawer_kick: bool = False
    backup_dir: str = ""
    backup_every_minutes: int = 30
    backup_keep: int = 10
    cashier: str = ""
    #: A line discount above this share of its line, or a bill discount above it of the bill, needs the
    #: manager's approval (price overrides and ฿0 sales always do).
    discount_limit_percent: int = 50
    #: The producer's own channel (``core.channel``): a QR of one of them is on every receipt when set.
    line_account: str = ""
    facebook_page: str = ""
    shop_url: str = ""


def validate(settings: BoothSettings) -> BoothSettings:
    """Check and normalise a settings value; InputError names the field."""
    settings = replace(settings, shop_name=clean_text(settings.shop_name),
                       promptpay_name=clean_text(settings.promptpay_name), cashier=clean_text(settings.cashier))
    if settings.lang not in ("th", "en") or settings.receipt_lang not in ("th", "en"):
        raise InputError("ภาษาต้องเป็น th หรือ en", "Language must be th or en.")
    settings = replace(settings, line_account=parse_line(settings.line_account),
                       facebook_page=parse_facebook(settings.facebook_page), shop_url=parse_shop_url(settings.shop_url))
    if settings.promptpay_id:
        settings = replace(settings, promptpay_id=normalize_promptpay_target(settings.promptpay_id))
    if settings.tax_id and not (settings.tax_id.isdigit() and len(settings.tax_id) == 13):
        raise InputError("เลขประจำตัวผู้เสียภาษีต้องมี 13 หลัก", "The tax ID must have 13 digits.")
    if settings.paper_width not in {w.dots for w in PAPER_WIDTHS} and not 200 <= settings.paper_width <= 1024:
        raise InputError("ความกว้างกระดาษไม่ถูกต้อง", "Paper width must be 384, 512, 576 or 200–1024 dots.")
    if not 1 <= settings.backup_every_minutes <= 24 * 60 or not 1 <= settings.backup_keep <= 1000:
        raise InputError("ค่าการสำรองข้อมูลไม่ถูกต้อง", "Backup interval or count is out of range.")
    limit = settings.discount_limit_percent
    if isinstance(limit, bool) or not isinstance(limit, int) or not 0 <= limit <= 100:
        raise InputError("ส่วนลดสูงสุดที่ไม่ต้องใช้รหัสเจ้าของร้านต้องอยู่ระหว่าง 0 ถึง 100%",
                         "The discount allowed without the manager's PIN must be 0 to 100 %.")
    return settings


def get_settings(store: SqliteStore) -> BoothSettings:
    """The stored settings (defaults for anything not set; unknown keys from newer versions ignored)."""
    with store.read() as s:
        row = s.get(Setting, KEY)
        if row is None:
            return BoothSettings()
        data: dict[str, Any] = json.loads(row.value_json)
    known = {f.name for f in fields(BoothSettings)}
    return BoothSettings(**{k: v for k, v in data.items() if k in known})


def update_settings(store: SqliteStore, clock: Clock, **changes: Any) -> BoothSettings:
    """Change some settings, validated; the change is audited."""
    known = {f.name for f in fields(BoothSettings)}
    unknown = set(changes) - known
    if unknown:
        raise InputError(f"ไม่รู้จักการตั้งค่า {', '.join(sorted(unknown))}", f"Unknown setting(s): {', '.join(sorted(unknown))}.")
    new = validate(replace(get_settings(store), **changes))
    now = clock.now()
    with store.write() as s:
        row = s.get(Setting, KEY)
        value = json.dumps(asdict(new), ensure_ascii=False)
        if row is None:
            s.add(Setting(key=KEY, schema_version=SCHEMA_VERSION, value_json=value, updated_at=now))
        else:
            row.value_json, row.schema_version, row.updated_at = value, SCHEMA_VERSION, now
        s.add(AuditEvent(at=now, action="settings", detail_json=json.dumps(sorted(changes))))
    return new
