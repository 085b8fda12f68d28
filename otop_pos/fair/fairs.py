"""Organiser use cases for fairs and the registry: create a fair, pick one, load vendors and catalogue."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from otop_pos.core.clock import Clock
from otop_pos.core.errors import InputError, Problem
from otop_pos.core.ids import new_uuid
from otop_pos.exchange.registry_csv import Registry
from otop_pos.fair.geo import check_address, province_code
from otop_pos.fair.store import FairStore
from otop_pos.core.methods import default_specs
from otop_pos.store.fair_models import Fair, FairMethod, Product, Vendor


@dataclass(frozen=True)
class FairInfo:
    """A fair as the organiser sees it; ``uid`` is written into packages and exports."""

    id: int
    uid: str
    name: str
    venue: str
    province: str
    first_day: date
    last_day: date

    @property
    def days(self) -> list[date]:
        """Every day of the fair, first to last."""
        return [date.fromordinal(n) for n in range(self.first_day.toordinal(), self.last_day.toordinal() + 1)]


@dataclass(frozen=True)
class RegistryResult:
    """What loading a registry did; ``warnings`` include the registry reader's and the address checks."""

    vendors_added: int
    vendors_updated: int
    products_added: int
    products_updated: int
    warnings: tuple[Problem, ...]


def fair_info(f: Fair) -> FairInfo:
    """A fair row as a plain value."""
    return FairInfo(f.id, f.uid, f.name, f.venue, f.province, f.first_day, f.last_day)


def create_fair(store: FairStore, clock: Clock, *, name: str, venue: str, province: str, first_day: date,
                last_day: date) -> tuple[FairInfo, list[str]]:
    """Create a fair; returns it and warnings (an unknown province is a warning, not a refusal)."""
    name = name.strip()
    if not name:
        raise InputError("ต้องระบุชื่องาน", "The fair needs a name.")
    if last_day < first_day:
        raise InputError(f"วันสุดท้าย {last_day} อยู่ก่อนวันแรก {first_day}",
                         f"The last day {last_day} is before the first day {first_day}.")
    if (last_day - first_day).days > 366:
        raise InputError("งานยาวเกินหนึ่งปี กรุณาตรวจวันที่", "The fair lasts more than a year: check the dates.")
    warnings: list[str] = []
    if province.strip() and province_code(province) is None:
        check = check_address("", province)
        warnings.append(f"{check.warning_th} / {check.warning_en}")
    with store.write() as s:
        fair = Fair(uid=new_uuid(), name=name, venue=venue.strip(), province=province.strip(), first_day=first_day,
                    last_day=last_day, created_at=clock.now())
        s.add(fair)
        s.flush()
        s.add_all(default_methods(fair.id))
        return fair_info(fair), warnings


def default_methods(fair_id: int) -> list[FairMethod]:
    """The built-in payment method rows every new fair starts with (``core.vocabulary.FAIR_METHOD_DEFAULTS``)."""
    return [FairMethod(fair_id=fair_id, code=m.code, name_th=m.name_th, name_en=m.name_en, kind=m.kind,
                       state_percent=m.state_percent, daily_cap_satang=m.daily_cap_satang, builtin=True,
                       position=n) for n, m in enumerate(default_specs())]


def list_fairs(store: FairStore) -> list[FairInfo]:
    """Every fair in the store, newest first."""
    with store.read() as s:
        return [fair_info(f) for f in s.scalars(select(Fair).order_by(Fair.created_at.desc(), Fair.id.desc()))]


def find_fair(session: Session, ref: str | None) -> Fair:
    """The fair named by ``ref`` (number, uid or a unique start of the uid, or the exact name); without
    ``ref`` the only or newest fair. ``InputError`` when there is none or ``ref`` is ambiguous."""
    if ref is None or not str(ref).strip():
        fair = session.scalars(select(Fair).order_by(Fair.created_at.desc(), Fair.id.desc()).limit(1)).first()
        if fair is None:
            raise InputError("ยังไม่มีงานในฐานข้อมูล สร้างด้วย: otop-pos fair create …",
                             "There is no fair in the store yet: create one with otop-pos fair create …")
        return fair
    ref = str(ref).strip()
    found: list[Fair] = []
    if ref.isdigit():
        by_id = session.get(Fair, int(ref))
        if by_id is not None:
            return by_id
    found = list(session.scalars(select(Fair).where((Fair.uid == ref) | (Fair.name == ref))))
    if not found:
        found = list(session.scalars(select(Fair).where(Fair.uid.startswith(ref, autoescape=True))))
    if len(found) == 1:
        return found[0]
    if not found:
        raise InputError(f"ไม่พบงาน {ref}", f"No fair {ref!r} in the store (see otop-pos fair status).")
    raise InputError(f"มีหลายงานตรงกับ {ref} กรุณาระบุให้ชัดขึ้น",
                     f"Several fairs match {ref!r}: give the full id.")


def get_fair(store: FairStore, ref: str | None) -> FairInfo:
    """``find_fair`` as a plain value."""
    with store.read() as s:
        return fair_info(find_fair(s, ref))


def load_registry_into(store: FairStore, fair_ref: str | None, registry: Registry) -> RegistryResult:
    """Add or update the fair's vendors (by code) and products (by vendor and SKU) from a loaded registry,
    in one transaction. Vendors or products missing from the registry are kept (they may have sales)."""
    warnings = list(registry.warnings)
    checks = {}
    for v in registry.vendors:
        check = check_address(v.district, v.province)
        checks[v.code] = check
        if check.column:
            warnings.append(Problem("vendors", v.line, check.column, check.warning_th, check.warning_en))
    counts = [0, 0, 0, 0]
    with store.write() as s:
        fair = find_fair(s, fair_ref)
        vendors = {v.code: v for v in s.scalars(select(Vendor).where(Vendor.fair_id == fair.id))}
        for rv in registry.vendors:
            check = checks[rv.code]
            values: dict[str, object] = dict(name=rv.name, contact=rv.contact, product_type=rv.product_type, star=rv.star,
                          district=rv.district, province=rv.province, district_code=check.district_code,
                          province_code=check.province_code, phone=rv.phone, booth=rv.booth or rv.code,
                          producer_type=rv.producer_type, line_account=rv.line_account,
                          facebook_page=rv.facebook_page, shop_url=rv.shop_url)
            vendor = vendors.get(rv.code)
            if vendor is None:
                vendor = Vendor(fair_id=fair.id, code=rv.code, **values)
                s.add(vendor)
                vendors[rv.code] = vendor
                counts[0] += 1
            elif any(getattr(vendor, k) != val for k, val in values.items()):
                for k, val in values.items():
                    setattr(vendor, k, val)
                counts[1] += 1
        s.flush()
        products = {(p.vendor_id, p.sku): p for p in s.scalars(select(Product).where(Product.fair_id == fair.id))}
        for rp in registry.products:
            vendor = vendors[rp.vendor_code]
            values2: dict[str, object] = dict(name=rp.name, product_type=rp.product_type or vendor.product_type,
                           price_satang=rp.price_satang, barcode=rp.barcode, stock=rp.stock)
            product = products.get((vendor.id, rp.sku))
            if product is None:
                s.add(Product(fair_id=fair.id, vendor_id=vendor.id, sku=rp.sku, **values2))
                counts[2] += 1
            elif any(getattr(product, k) != val for k, val in values2.items()):
                for k, val in values2.items():
                    setattr(product, k, val)
                counts[3] += 1
    return RegistryResult(counts[0], counts[1], counts[2], counts[3], tuple(warnings))


def vendor_count(store: FairStore, fair_id: int) -> int:
    """How many vendors the fair has."""
    with store.read() as s:
        return int(s.scalar(select(func.count(Vendor.id)).where(Vendor.fair_id == fair_id)) or 0)
