"""Setting a till up in one step from the organiser's booth package."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from otop_pos.booth.cart import ProductInfo
from otop_pos.booth.setup import BoothSetup, channel_settings, setup_booth
from otop_pos.core.clock import Clock
from otop_pos.core.errors import SetupError
from otop_pos.exchange.package_format import BoothPackage, read_package
from otop_pos.store.booth_models import Identity, Sale
from otop_pos.store.engine import SqliteStore

__all__ = ["setup_from_package", "setup_of_package"]


def setup_of_package(pkg: BoothPackage, *, till_no: int = 1) -> BoothSetup:
    """The BoothSetup a package describes (booth code: the vendor's booth, else the vendor code)."""
    v = pkg.vendor
    products = tuple(ProductInfo(p.sku, p.name, p.product_type or v.product_type, p.price_satang, p.barcode, p.stock)
                     for p in pkg.products)
    return BoothSetup(booth_code=(v.booth or v.code).strip(), vendor_code=v.code, vendor_name=v.name,
                      product_type=v.product_type, products=products, till_no=till_no, fair_id=pkg.fair.id,
                      fair_name=pkg.fair.name, fair_first_day=pkg.fair.first_day, fair_last_day=pkg.fair.last_day,
                      key_id=pkg.key_id, signing_key=pkg.private_key_pem,
                      settings={"shop_name": v.name, **channel_settings(v)}, methods=pkg.methods)


def setup_from_package(store: SqliteStore, clock: Clock, package_path: Path, *, till_no: int = 1,
                       pin: str | None = None) -> BoothSetup:
    """Read the package and set this till up (identity, fair, signing key, catalogue, PIN); returns the setup.

    The same package sets up a second till of the same booth with ``till_no=2``. A till that already holds
    sales of another fair is refused (an export holds every document of the till: one fair per data folder).
    """
    setup = setup_of_package(read_package(Path(package_path)), till_no=till_no)
    with store.read() as s:
        ident = s.get(Identity, 1)
        if (ident is not None and ident.fair_id and ident.fair_id != setup.fair_id
                and s.scalar(select(Sale.id).limit(1)) is not None):
            raise SetupError(
                f"เครื่องนี้มีการขายของงาน {ident.fair_name or ident.fair_id} แล้ว ใช้โฟลเดอร์ข้อมูลใหม่สำหรับงานใหม่",
                f"This till already holds sales of the fair {ident.fair_name or ident.fair_id}; use a new data "
                "folder for a new fair.")
    setup_booth(store, clock, setup, pin=pin)
    return setup
