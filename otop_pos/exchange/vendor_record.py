"""The one record of a vendor (producer) as the exchange files carry it: read from the registry CSV and
written into / read from a booth package."""
from __future__ import annotations

from dataclasses import dataclass, field, fields

__all__ = ["VendorRecord", "PACKAGE_FIELDS"]


@dataclass(frozen=True)
class VendorRecord:
    """A vendor running a booth; ``star`` is None when not graded. ``producer_type`` is "community",
    "single_owner" or "sme" (may be "" in an old package). ``line_account``, ``facebook_page`` and ``shop_url`` are the
    producer's own channel, normalised by ``core.channel`` ("" when not given, also in an old package). ``line`` is the registry CSV line the vendor was read
    from (0 when it did not come from a registry file; not part of a package)."""

    code: str
    name: str
    contact: str
    product_type: str
    star: int | None
    district: str
    province: str
    phone: str
    booth: str
    producer_type: str
    line_account: str = ""
    facebook_page: str = ""
    shop_url: str = ""
    line: int = field(default=0, compare=False, metadata={"package": False})


#: The fields a booth package holds, in declaration order.
PACKAGE_FIELDS = tuple(f.name for f in fields(VendorRecord) if f.metadata.get("package", True))
