"""Test helpers for the exchange formats: packages built in the test, crafted zips, a spy on CSV parsing."""
from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from otop_pos.exchange.keys import generate_keypair
from otop_pos.exchange.package_format import BoothPackage, PackageFair, PackageProduct, PackageVendor
from otop_pos.exchange.safezip import write_zip

FOOD, CLOTH = "อาหาร", "ผ้าและเครื่องแต่งกาย"


def make_package(*, booth: str = "B001", vendor: str = "KK20-0001", fair_id: str = "KK-2563",
                 keys: tuple[str, str, str] | None = None, products: int = 6) -> tuple[BoothPackage, str]:
    """A booth package with Thai names and a fresh key pair; returns (package, public PEM)."""
    private, public, key_id = keys or generate_keypair()
    fair = PackageFair(fair_id, "OTOP CITY IN KHONKAEN ครั้งที่ 20", "สวนรัชดานุสรณ์", "ขอนแก่น",
                       date(2020, 10, 26), date(2020, 11, 1))
    pv = PackageVendor(vendor, "กลุ่มทอผ้าไหมบ้านโนนสะอาด", "นางสมศรี ใจดี", CLOTH, 4, "เมืองขอนแก่น", "ขอนแก่น",
                       "0812345678", booth, "community")
    items = tuple(
        PackageProduct(f"{vendor}-{i:03d}", f"ผ้าไหมมัดหมี่ลายที่ {i} ครั้งที่ ๒๐" if i % 2 else f"น้ำพริกเผา {i}",
                       CLOTH if i % 2 else FOOD, 3075 + 11900 * i, f"885{i:010d}" if i % 3 == 0 else None,
                       None if i % 2 else 500)
        for i in range(1, products + 1))
    return BoothPackage(fair, pv, items, private, key_id, datetime(2020, 10, 20, 2, 0, tzinfo=timezone.utc)), public


@dataclass
class RawEntry:
    """A zip member with every header field under the test's control."""

    name: bytes
    data: bytes                 # the bytes as stored (compressed for method 8)
    method: int = 0
    crc: int | None = None
    size: int | None = None     # declared uncompressed size (default: real)
    csize: int | None = None    # declared compressed size (default: len(data))
    flags: int = 0
    external_attr: int = 0o100644 << 16
    made_by: int = (3 << 8) | 20


def deflate(data: bytes) -> bytes:
    """Raw deflate (no zlib header), as zip stores it."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def build_zip(entries: list[RawEntry]) -> bytes:
    """A zip from raw entries (declared sizes/CRCs may lie)."""
    out = bytearray()
    central = bytearray()
    for e in entries:
        crc = e.crc if e.crc is not None else 0
        size = e.size if e.size is not None else len(e.data)
        csize = e.csize if e.csize is not None else len(e.data)
        offset = len(out)
        out += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, e.flags, e.method, 0, 0x21, crc, csize, size,
                           len(e.name), 0) + e.name + e.data
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", e.made_by, 20, e.flags, e.method, 0, 0x21, crc, csize,
                               size, len(e.name), 0, 0, 0, 0, e.external_attr, offset) + e.name
    cd_offset = len(out)
    out += central
    out += struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central), cd_offset, 0)
    return bytes(out)


def stored(name: str, data: bytes) -> RawEntry:
    """A correct stored entry."""
    return RawEntry(name.encode("utf-8"), data, crc=zlib.crc32(data))


def zeros_bomb(total: int) -> tuple[bytes, int]:
    """Raw deflate of ``total`` zero bytes, made in chunks (little memory); returns (data, crc)."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(1 << 20)
    parts, crc, left = [], 0, total
    while left > 0:
        piece = chunk[:min(len(chunk), left)]
        parts.append(c.compress(piece))
        crc = zlib.crc32(piece, crc)
        left -= len(piece)
    parts.append(c.flush())
    return b"".join(parts), crc


def write(path: Path, data: bytes) -> Path:
    """Write bytes and return the path."""
    path.write_bytes(data)
    return path


def members_of(path: Path) -> dict[str, bytes]:
    """Every member of the zip at ``path`` by name."""
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def rezip(path: Path, members: dict[str, bytes]) -> Path:
    """The members written again as a canonical zip (as a person re-zipping an edited export would)."""
    buf = io.BytesIO()
    write_zip(buf, list(members.items()), datetime(2020, 10, 28, tzinfo=timezone.utc))
    return write(path, buf.getvalue())
