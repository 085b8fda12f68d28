"""Booth packages: one file per vendor (fair, vendor, catalogue, a fresh Ed25519 signing key). The store keeps
only the public key and its id; the private key exists only inside the package file."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from otop_pos.core.clock import Clock
from otop_pos.core.errors import InputError
from otop_pos.core.methods import MethodSpec, method_kind
from otop_pos.core.outfiles import make_folder
from otop_pos.exchange.keys import generate_keypair
from otop_pos.exchange.package_format import (
    PACKAGE_SUFFIX, BoothPackage, PackageFair, PackageProduct, PackageVendor, write_package,
)
from otop_pos.fair.fairs import find_fair
from otop_pos.fair.store import FairStore
from otop_pos.store.fair_models import BoothKey, FairMethod, Product, Vendor

_UNSAFE = re.compile(r"[^0-9A-Za-z._-]+")


@dataclass(frozen=True)
class PackageWritten:
    """One package file written for a vendor."""

    vendor_code: str
    booth: str
    path: Path
    key_id: str
    products: int


def package_name(booth: str, vendor_code: str) -> str:
    """A safe file name for a vendor's package: ``B001_KK20-0001.otopbooth``."""
    return f"{_UNSAFE.sub('-', booth) or 'booth'}_{_UNSAFE.sub('-', vendor_code)}{PACKAGE_SUFFIX}"


def make_packages(store: FairStore, clock: Clock, out_dir: Path, *, fair_ref: str | None = None,
                  vendor_codes: list[str] | None = None) -> list[PackageWritten]:
    """Write a package for every vendor of the fair (or only ``vendor_codes``) into ``out_dir``.

    Each package gets a new key pair; the public keys are stored in one transaction after every file was
    written (a failure removes the files written so far). Keys issued before stay valid."""
    out_dir = make_folder(out_dir)
    now = clock.now()
    with store.read() as s:
        fair = find_fair(s, fair_ref)
        query = select(Vendor).where(Vendor.fair_id == fair.id).order_by(Vendor.booth, Vendor.code)
        vendors = list(s.scalars(query))
        if vendor_codes:
            wanted = {c.strip().upper() for c in vendor_codes}
            unknown = wanted - {v.code.upper() for v in vendors}
            if unknown:
                raise InputError(f"ไม่พบผู้ประกอบการ {', '.join(sorted(unknown))} ในงานนี้",
                                 f"Unknown vendor code(s) in this fair: {', '.join(sorted(unknown))}.")
            vendors = [v for v in vendors if v.code.upper() in wanted]
        if not vendors:
            raise InputError("งานนี้ยังไม่มีผู้ประกอบการ นำเข้าทะเบียนก่อน: otop-pos fair registry …",
                             "This fair has no vendors yet: load the registry first (otop-pos fair registry …).")
        catalogue: dict[int, list[Product]] = {}
        for p in s.scalars(select(Product).where(Product.fair_id == fair.id).order_by(Product.id)):
            catalogue.setdefault(p.vendor_id, []).append(p)
        pfair = PackageFair(fair.uid, fair.name, fair.venue, fair.province, fair.first_day, fair.last_day)
        methods = tuple(MethodSpec(m.code, m.name_th, m.name_en, method_kind(m.kind), m.state_percent,
                                   m.daily_cap_satang)
                        for m in s.scalars(select(FairMethod).where(FairMethod.fair_id == fair.id)
                                           .order_by(FairMethod.position, FairMethod.id)))
        fair_id = fair.id
        plain = [(v.id, PackageVendor(v.code, v.name, v.contact, v.product_type, v.star, v.district, v.province,
                                      v.phone, v.booth, v.producer_type, v.line_account, v.facebook_page,
                                      v.shop_url),
                  tuple(PackageProduct(p.sku, p.name, p.product_type, p.price_satang, p.barcode, p.stock)
                        for p in catalogue.get(v.id, []))) for v in vendors]
    written: list[PackageWritten] = []
    keys: list[BoothKey] = []
    try:
        for vendor_id, pv, products in plain:
            private_pem, public_pem, key_id = generate_keypair()
            pkg = BoothPackage(fair=pfair, vendor=pv, products=products, private_key_pem=private_pem, key_id=key_id,
                               created_at=now, methods=methods)
            path = write_package(out_dir / package_name(pv.booth, pv.code), pkg)
            written.append(PackageWritten(pv.code, pv.booth, path, key_id, len(products)))
            keys.append(BoothKey(fair_id=fair_id, vendor_id=vendor_id, key_id=key_id, public_pem=public_pem,
                                 created_at=now))
        with store.write() as s:
            s.add_all(keys)
    except BaseException:
        for w in written:
            w.path.unlink(missing_ok=True)
        raise
    return written
