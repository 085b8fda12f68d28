"""Setting a booth up: identity, catalogue and PIN in one transaction, from the registry or a package."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import delete, exists, select

from otop_pos.booth.cart import ProductInfo
from otop_pos.booth.catalogue import check_catalogue
from otop_pos.booth.journal import SERIES
from otop_pos.booth.methods import replace_methods
from otop_pos.booth.pin import Approval, ensure_approval, has_pin, set_pin
from otop_pos.booth.settings import update_settings
from otop_pos.booth.store import document_number
from otop_pos.core.channel import CHANNEL_FIELDS
from otop_pos.core.clock import Clock
from otop_pos.core.errors import SetupError
from otop_pos.core.ids import new_uuid
from otop_pos.core.limits import MAX_TILL_NO
from otop_pos.core.methods import MethodSpec
from otop_pos.exchange.registry_csv import Registry
from otop_pos.exchange.vendor_record import VendorRecord
from otop_pos.store.booth_models import AuditEvent, Identity, NumberSeries, Product, Sale, SaleLine
from otop_pos.store.engine import SqliteStore


@dataclass(frozen=True)
class BoothSetup:
    """Everything a till needs to start selling; ``products`` in quick-key order (their sku, name, type,
    price, barcode and stock are loaded; id, sold-out flag and order are the store's)."""

    booth_code: str
    vendor_code: str
    vendor_name: str
    product_type: str
    products: tuple[ProductInfo, ...]
    till_no: int = 1
    fair_id: str = ""
    fair_name: str = ""
    fair_first_day: date | None = None
    fair_last_day: date | None = None
    key_id: str = ""
    signing_key: str = ""
    settings: dict[str, object] = field(default_factory=dict)
    methods: tuple[MethodSpec, ...] = ()   # the fair's payment methods (a package's); none: the booth's stay


def from_registry(registry: Registry, vendor_code: str, *, booth: str | None = None, till_no: int = 1,
                  fair_name: str = "") -> BoothSetup:
    """The setup of one vendor from a loaded registry."""
    try:
        vendor = registry.vendor(vendor_code.strip())
    except KeyError:
        raise SetupError(f"ไม่พบรหัสผู้ประกอบการ {vendor_code} ในทะเบียน",
                         f"Vendor code {vendor_code} is not in the registry.") from None
    products = tuple(ProductInfo(p.sku, p.name, p.product_type or vendor.product_type, p.price_satang,
                                 p.barcode, p.stock) for p in registry.products_of(vendor.code))
    booth_code = (booth or vendor.booth or vendor.code).strip()
    return BoothSetup(booth_code=booth_code, vendor_code=vendor.code, vendor_name=vendor.name,
                      product_type=vendor.product_type, products=products, till_no=till_no, fair_name=fair_name,
                      settings={"shop_name": vendor.name, **channel_settings(vendor)})


def channel_settings(vendor: VendorRecord) -> dict[str, object]:
    """The producer's LINE, Facebook and shop links the organiser gave, as booth settings; a link the organiser
    left empty is not in it, so setting the booth up again keeps what the vendor typed in the settings."""
    return {f: getattr(vendor, f) for f in CHANNEL_FIELDS if getattr(vendor, f)}


def setup_booth(store: SqliteStore, clock: Clock, setup: BoothSetup, *, pin: str | None = None) -> None:
    """Write identity and catalogue. Re-running with the same vendor refreshes the catalogue (and the booth
    code, for a vendor moved to another booth); a till that has sold for another vendor, or under another till
    number, is refused (``new_till`` renumbers a copied till)."""
    if setup.till_no < 1 or setup.till_no > MAX_TILL_NO:
        raise SetupError(f"หมายเลขเครื่องต้องอยู่ระหว่าง 1–{MAX_TILL_NO}", f"The till number must be 1–{MAX_TILL_NO}.")
    if not setup.booth_code:
        raise SetupError("ต้องระบุรหัสบูธ", "A booth code is needed.")
    check_catalogue(setup.products)
    now = clock.now()
    with store.write() as s:
        ident = s.get(Identity, 1)
        # the same vendor moved to another booth keeps its till (receipts from now on carry the new booth)
        if ident is not None and (ident.vendor_code != setup.vendor_code or ident.till_no != setup.till_no):
            if s.scalar(select(Sale.id).limit(1)) is not None:
                raise SetupError(
                    f"เครื่องนี้มีการขายของบูธ {ident.booth_code} เครื่อง {ident.till_no} แล้ว ตั้งค่าเป็นผู้ประกอบการอื่น"
                    "หรือเครื่องหมายเลขอื่นไม่ได้ ใช้โฟลเดอร์ข้อมูลใหม่ (เครื่องที่คัดลอกข้อมูลมา: otop-pos booth new-till)",
                    f"This till already holds sales of booth {ident.booth_code} as till {ident.till_no}; use a new "
                    "data folder for another vendor or till (a laptop whose data was copied: otop-pos booth new-till).")
        if ident is None:
            ident = Identity(id=1, till_uuid=new_uuid(), created_at=now)
            s.add(ident)
        ident.booth_code, ident.till_no = setup.booth_code, setup.till_no
        ident.vendor_code, ident.vendor_name, ident.product_type = setup.vendor_code, setup.vendor_name, setup.product_type
        ident.fair_id, ident.fair_name = setup.fair_id, setup.fair_name
        ident.fair_first_day, ident.fair_last_day = setup.fair_first_day, setup.fair_last_day
        if setup.signing_key:
            ident.key_id, ident.signing_key = setup.key_id, setup.signing_key
        existing = {p.sku: p for p in s.scalars(select(Product))}
        wanted = {p.sku for p in setup.products}
        # products no longer in the catalogue are hidden (they may be on past sales), barcodes freed first
        for sku, p in existing.items():
            if sku not in wanted:
                p.active, p.barcode, p.updated_at = False, None, now
        for p in existing.values():
            if p.sku in wanted:
                p.barcode = None
        s.flush()
        for order, spec in enumerate(setup.products, start=1):
            row = existing.get(spec.sku)
            if row is None:
                row = Product(sku=spec.sku)
                s.add(row)
            row.name, row.product_type, row.price_satang, row.barcode = spec.name, spec.product_type, spec.price_satang, spec.barcode
            row.stock, row.active, row.sort_order, row.updated_at = spec.stock, True, order, now
            row.sold_out = row.sold_out if row.id else False
        s.flush()
        s.execute(delete(Product).where(Product.active.is_(False),
                                        ~exists().where(SaleLine.product_id == Product.id)))
        if setup.methods:
            replace_methods(s, setup.methods)
    if setup.settings:
        update_settings(store, clock, **setup.settings)  # type: ignore[arg-type]
    if pin is not None and not has_pin(store):
        set_pin(store, clock, pin)



@dataclass(frozen=True)
class NewTill:
    """A till renumbered by ``new_till``: its old and new till number and its next receipt number."""

    old_till_no: int
    till_no: int
    next_number: str


def new_till(store: SqliteStore, clock: Clock, till_no: int, manager_pin: str | Approval) -> NewTill:
    """Make this laptop till ``till_no`` of its booth from now on, keeping its history: for a laptop whose data
    folder was copied from another till (the organiser refuses its exports as ``copied_till``). Receipts from
    now on read ``<booth>-<till_no>-<seq>``; the till keeps its identity and chain, so the organiser (after
    ``fair accept-fork``) follows it as a branch of the till it was copied from."""
    ensure_approval(store, clock, manager_pin, action="new_till")
    if till_no < 1 or till_no > MAX_TILL_NO:
        raise SetupError(f"หมายเลขเครื่องต้องอยู่ระหว่าง 1–{MAX_TILL_NO}", f"The till number must be 1–{MAX_TILL_NO}.")
    with store.write() as s:
        ident = s.get(Identity, 1)
        if ident is None or not ident.vendor_code:
            raise SetupError("เครื่องนี้ยังไม่ได้ตั้งค่า", "This till is not set up yet.")
        if ident.till_no == till_no:
            raise SetupError(f"เครื่องนี้เป็นเครื่อง {till_no} อยู่แล้ว เลือกหมายเลขที่เครื่องอื่นของบูธไม่ใช้",
                             f"This laptop is till {till_no} already: choose a number no other laptop of the booth "
                             "uses.")
        old = ident.till_no
        ident.till_no = till_no
        s.add(AuditEvent(at=clock.now(), action="new_till", actor="", ref_uuid="",
                         detail_json=json.dumps({"from": old, "to": till_no})))
        last = s.scalar(select(NumberSeries.last).where(NumberSeries.name == SERIES)) or 0
        return NewTill(old, till_no, document_number(ident.booth_code, till_no, int(last) + 1))
