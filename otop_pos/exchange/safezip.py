"""Reading untrusted zip files safely, and writing the canonical zips of the exchange formats.

The reader is strict on purpose: every byte of the file must belong to a local header, member data, the
central directory or the end record (no prepended or appended data, no gaps, no comment); each local header
must agree with its central entry; member names must be plain relative paths; symlinks, duplicates,
encryption, data descriptors, zip64 and methods other than stored/deflate are refused. Sizes are never
trusted: bytes are counted while streaming and reading stops at the limit. Every refusal is an
``ImportRefused`` with a Thai and an English message and a reason code.
"""
from __future__ import annotations

import binascii
import hashlib
import io
import os
import stat
import struct
import tempfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

import logging

from otop_pos.core.errors import ImportRefused

__all__ = ["SafeZip", "StoredMember", "ZipEntry", "open_zip_safely", "write_zip", "atomic_write", "REASONS",
           "PART_WORDS", "part_words"]

log = logging.getLogger(__name__)

#: The parts of the app's files (booth exports, setup packages) as a person names them (Thai, English): a
#: message a person reads says these, never the name inside the file; the name itself goes to the log.
PART_WORDS: dict[str, tuple[str, str]] = {
    "sales.csv": ("บิลขาย", "the sales"), "lines.csv": ("รายการขาย", "the sale lines"),
    "payments.csv": ("การรับเงิน", "the payments"), "voids.csv": ("บิลที่ยกเลิก", "the voided sales"),
    "refunds.csv": ("การคืนเงิน", "the refunds"), "refund_lines.csv": ("รายการคืนเงิน", "the refunded lines"),
    "days.csv": ("การปิดวันขาย", "the closed days"), "manifest.json": ("ข้อมูลสรุปของไฟล์", "the file's summary"),
    "manifest.sig": ("ลายเซ็นของไฟล์", "the file's signature"), "README.txt": ("คำอธิบายในไฟล์", "the file's note"),
    "orders.csv": ("ใบสั่งจอง", "the orders"), "order_lines.csv": ("รายการสั่งจอง", "the order lines"),
    "order_money.csv": ("เงินมัดจำของใบสั่งจอง", "the orders' deposits"),
    "order_events.csv": ("ประวัติใบสั่งจอง", "the orders' history"),
    "catalogue.csv": ("รายการสินค้า", "the product list"), "package.json": ("ข้อมูลงานและบูธ", "the fair and booth details"),
}


def part_words(name: str) -> tuple[str, str]:
    """(Thai, English) plain words for the part ``name`` of a file ("รายการขาย" for lines.csv)."""
    return PART_WORDS.get(name, ("ข้อมูลบางส่วนในไฟล์", "a part of the file"))


def _part_refused(reason: str, name: str, th: str, en: str) -> ImportRefused:
    """A refusal about the part ``name``: ``{th}``/``{en}`` in the message are its plain words (logged as is)."""
    log.info("refused (%s) at the part %r of a file", reason, name)
    words_th, words_en = part_words(name)
    en = en.format(en=words_en)
    return _refuse(reason, th.format(th=words_th), en[:1].upper() + en[1:])

#: Reason codes raised by this module.
REASONS = ("too_large", "not_zip", "truncated", "corrupt", "path_traversal", "duplicate_name", "link", "bomb",
           "unsupported", "missing_member", "unreadable")

_EOCD = struct.Struct("<4s4H2LH")          # end of central directory (22 bytes)
_CDH = struct.Struct("<4s6H3L5H2L")        # central directory header (46 bytes)
_LFH = struct.Struct("<4s5H3L2H")          # local file header (30 bytes)
_EOCD_SIG, _CDH_SIG, _LFH_SIG = b"PK\x05\x06", b"PK\x01\x02", b"PK\x03\x04"
_CHUNK = 64 * 1024
_FLAG_ENCRYPTED, _FLAG_DESCRIPTOR, _FLAG_UTF8 = 0x1, 0x8, 0x800


def _refuse(reason: str, th: str, en: str) -> ImportRefused:
    return ImportRefused(th, en, reason)


@dataclass(frozen=True)
class ZipEntry:
    """One member as the central directory declares it (checked against its local header)."""

    name: str
    method: int
    flags: int
    crc: int
    compressed_size: int
    size: int
    header_offset: int
    data_offset: int
    create_system: int
    create_version: int
    extract_version: int
    external_attr: int
    internal_attr: int
    dos_time: int
    dos_date: int
    extra: bytes


def _check_name(raw: bytes, flags: int) -> str:
    try:
        name = raw.decode("utf-8") if flags & _FLAG_UTF8 else raw.decode("cp437")
    except UnicodeDecodeError:
        raise _refuse("corrupt", "ไฟล์เสียหาย: ชื่อข้อมูลข้างในอ่านไม่ได้", "The file is damaged: a name inside it is not valid text.") from None
    bad = (not name or "\x00" in name or name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":")
           or any(part in ("..", ".") for part in name.replace("\\", "/").split("/"))
           or any(ord(c) < 32 for c in name) or len(name) > 255)
    if bad:
        raise _part_refused("path_traversal", name, "ไฟล์มีข้อมูลข้างในที่ชื่อไม่ปลอดภัย ไม่รับไฟล์",
                            "The file holds a part with an unsafe name: refused.")
    return name


class SafeZip:
    """An opened, structurally checked zip; read members with :meth:`read`. Use as a context manager."""

    def __init__(self, path: Path, fh: BinaryIO, entries: list[ZipEntry], size: int, *,
                 max_member_bytes: int) -> None:
        self.path = path
        self.size = size
        self._fh = fh
        self._entries = {e.name: e for e in entries}
        self._order = [e.name for e in entries]
        self._max_member = max_member_bytes

    def names(self) -> list[str]:
        """Member names in central-directory order."""
        return list(self._order)

    def entries(self) -> list[ZipEntry]:
        """Member entries in central-directory order."""
        return [self._entries[n] for n in self._order]

    def info(self, name: str) -> ZipEntry:
        """The entry of ``name``; ImportRefused "missing_member" if there is none."""
        entry = self._entries.get(name)
        if entry is None:
            raise _part_refused("missing_member", name, "ไฟล์ไม่มี{th}", "The file lacks {en}.")
        return entry

    def read(self, name: str, max_bytes: int | None = None) -> bytes:
        """The content of ``name``, CRC-checked.

        Refuses ("too_large") beyond ``max_bytes`` (default: the open limit). A deflated member is first
        inflated without keeping its output (memory stays at one chunk), refusing ("bomb") as soon as it
        expands past its declared size and ("corrupt") on a CRC, size or stream mismatch; only then is it
        inflated again and returned.
        """
        entry = self.info(name)
        limit = self._max_member if max_bytes is None else min(max_bytes, self._max_member)
        if entry.size > limit:
            raise _part_refused("too_large", name, "{th}ในไฟล์ใหญ่เกินกำหนด", "Part of the file ({en}) is larger than allowed.")
        if entry.method == 0:
            self._fh.seek(entry.data_offset)
            data = self._fh.read(entry.compressed_size)
            if len(data) != entry.compressed_size:
                raise _refuse("truncated", "ไฟล์ถูกตัดขาด", "The file is truncated.")
            if zlib.crc32(data) != entry.crc:
                raise _damaged(name)
            return data
        self._inflate(entry, keep=False)
        return self._inflate(entry, keep=True)

    def open_stored(self, name: str) -> StoredMember:
        """A reader of the stored (uncompressed) member ``name`` straight from the file, a chunk at a time:
        its SHA-256 is computed as it is read and its CRC checked at its end ("corrupt"). Refuses
        ("unsupported") a compressed member."""
        entry = self.info(name)
        if entry.method != 0:
            raise _part_refused("unsupported", name, "{th}ในไฟล์ถูกบีบอัดแบบที่โปรแกรมไม่รองรับ",
                                "Part of the file ({en}) is compressed, which the app does not take.")
        return StoredMember(self._fh, entry)

    def _inflate(self, entry: ZipEntry, *, keep: bool) -> bytes:
        self._fh.seek(entry.data_offset)
        remaining = entry.compressed_size
        inflater = zlib.decompressobj(-15)
        parts: list[bytes] = []
        produced = crc = 0

        def take(piece: bytes) -> None:
            nonlocal produced, crc
            produced += len(piece)
            if produced > entry.size:
                raise _part_refused("bomb", entry.name, "{th}ในไฟล์ขยายเกินขนาดที่ระบุ (ไฟล์ผิดปกติ ไม่รับไฟล์)",
                                    "Part of the file ({en}) expands beyond its declared size (a hostile file): refused.")
            crc = zlib.crc32(piece, crc)
            if keep:
                parts.append(piece)

        try:
            while remaining > 0 and not inflater.eof:
                chunk = self._fh.read(min(_CHUNK, remaining))
                if not chunk:
                    raise _refuse("truncated", "ไฟล์ถูกตัดขาด", "The file is truncated.")
                remaining -= len(chunk)
                data = chunk
                while data and not inflater.eof:
                    take(inflater.decompress(data, _CHUNK))
                    data = inflater.unconsumed_tail
            while not inflater.eof:
                piece = inflater.decompress(b"", _CHUNK)
                if not piece:
                    break
                take(piece)
        except zlib.error:
            raise _damaged(entry.name) from None
        if not inflater.eof or remaining or inflater.unused_data or produced != entry.size or crc != entry.crc:
            raise _damaged(entry.name)
        return b"".join(parts)

    def check_canonical(self) -> None:
        """Refuse ("corrupt") unless every entry has exactly the form :func:`write_zip` gives it, so that
        no byte of the central directory is left unchecked."""
        for e in self.entries():
            if (e.method, e.flags & ~_FLAG_UTF8, e.create_system, e.create_version, e.extract_version,
                    e.external_attr, e.internal_attr, e.extra) != (0, 0, 3, 20, 20, 0o100644 << 16, 0, b""):
                raise _corrupt(f"entry {e.name}")
            if bool(e.flags & _FLAG_UTF8) == e.name.isascii():
                raise _corrupt(f"entry {e.name}")

    def close(self) -> None:
        """Close the file."""
        self._fh.close()

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


class StoredMember(io.RawIOBase):
    """The bytes of one stored member, read from the zip file in place (``SafeZip.open_stored``); the file
    handle is shared, so each read seeks. ``sha256`` holds the digest of what was read so far."""

    def __init__(self, fh: BinaryIO, entry: ZipEntry) -> None:
        super().__init__()
        self._fh, self._entry = fh, entry
        self._pos, self._left, self._crc = entry.data_offset, entry.size, 0
        self.sha256 = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = min(len(buffer), self._left, 1 << 20)
        if n == 0:
            return 0
        self._fh.seek(self._pos)
        data = self._fh.read(n)
        if len(data) != n:
            raise _refuse("truncated", "ไฟล์ถูกตัดขาด", "The file is truncated.")
        self._pos += n
        self._left -= n
        self._crc = zlib.crc32(data, self._crc)
        self.sha256.update(data)
        buffer[:n] = data
        if self._left == 0 and self._crc != self._entry.crc:
            raise _damaged(self._entry.name)
        return n


def open_zip_safely(path: Path | str, *, max_file_bytes: int, max_members: int, max_member_bytes: int,
                    max_total_bytes: int, max_ratio: float) -> SafeZip:
    """Open ``path`` as a zip after checking its whole structure (nothing is decompressed here).

    Reason codes: too_large, not_zip, truncated, corrupt, path_traversal, duplicate_name, link, bomb,
    unsupported, unreadable.
    """
    path = Path(path)
    try:
        fh: BinaryIO = open(path, "rb")
    except OSError as exc:
        raise _refuse("unreadable", f"เปิดไฟล์ {path.name} ไม่ได้: {exc.strerror}",
                      f"Cannot open {path.name}: {exc.strerror}.") from None
    try:
        size = os.fstat(fh.fileno()).st_size
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise _refuse("unreadable", "ไม่ใช่ไฟล์ปกติ", "This is not a regular file.")
        if size > max_file_bytes:
            raise _refuse("too_large", f"ไฟล์ใหญ่เกินกำหนด ({size:,} ไบต์)",
                          f"The file is too large ({size:,} bytes; limit {max_file_bytes:,}).")
        entries = _scan(fh, size, max_members=max_members, max_member_bytes=max_member_bytes,
                        max_total_bytes=max_total_bytes, max_ratio=max_ratio)
        return SafeZip(path, fh, entries, size, max_member_bytes=max_member_bytes)
    except BaseException:
        fh.close()
        raise


def _not_zip_or_truncated(head: bytes) -> ImportRefused:
    if head.startswith(_LFH_SIG) or head.startswith(_EOCD_SIG):
        return _refuse("truncated", "ไฟล์ไม่สมบูรณ์ (ถูกตัดขาดหรือคัดลอกไม่ครบ)",
                       "The file is incomplete (truncated or not fully copied).")
    return _refuse("not_zip", "ไฟล์นี้ไม่ใช่ไฟล์ของโปรแกรม", "This is not a file of this program.")


def _damaged(name: str) -> ImportRefused:
    return _part_refused("corrupt", name, "{th}ในไฟล์เสียหาย (ตรวจสอบไม่ผ่าน)", "Part of the file ({en}) is damaged (the check failed).")


def _corrupt(what: str) -> ImportRefused:
    return _refuse("corrupt", f"โครงสร้างไฟล์เสียหาย ({what})", f"The file structure is damaged ({what}).")


def _scan(fh: BinaryIO, size: int, *, max_members: int, max_member_bytes: int, max_total_bytes: int,
          max_ratio: float) -> list[ZipEntry]:
    head = fh.read(4)
    if size < _EOCD.size:
        raise _not_zip_or_truncated(head)
    fh.seek(size - _EOCD.size)
    (sig, disk, cd_disk, n_disk, n_total, cd_size, cd_offset, comment_len) = _EOCD.unpack(fh.read(_EOCD.size))
    if sig != _EOCD_SIG or comment_len != 0:
        raise _not_zip_or_truncated(head)
    if disk != 0 or cd_disk != 0 or n_disk != n_total:
        raise _refuse("unsupported", "ไฟล์นี้แบ่งเป็นหลายส่วน โปรแกรมไม่รองรับ", "This file is split in parts, which the app does not take.")
    if n_total == 0xFFFF or cd_size == 0xFFFFFFFF or cd_offset == 0xFFFFFFFF:
        raise _refuse("unsupported", "ไฟล์นี้ใช้รูปแบบไฟล์ขนาดใหญ่ที่โปรแกรมไม่รองรับ", "This file uses a large-file form the app does not take.")
    if n_total > max_members:
        raise _refuse("too_large", f"ไฟล์มีส่วนย่อยมากเกินไป ({n_total})", f"The file has too many parts ({n_total}).")
    eocd_at = size - _EOCD.size
    if cd_offset + cd_size != eocd_at:
        raise _corrupt("central directory")
    if n_total and not head.startswith(_LFH_SIG):
        raise _not_zip_or_truncated(head)
    fh.seek(cd_offset)
    cd = fh.read(cd_size)
    entries: list[ZipEntry] = []
    seen: set[str] = set()
    pos = total = 0
    for _ in range(n_total):
        if pos + _CDH.size > len(cd):
            raise _corrupt("central directory")
        (sig, made_by, need, flags, method, mtime, mdate, crc, csize, usize, nlen, elen, clen, disk_start,
         iattr, eattr, offset) = _CDH.unpack_from(cd, pos)
        if sig != _CDH_SIG or clen != 0 or disk_start != 0 or pos + _CDH.size + nlen + elen > len(cd):
            raise _corrupt("central directory")
        raw_name = cd[pos + _CDH.size:pos + _CDH.size + nlen]
        extra = cd[pos + _CDH.size + nlen:pos + _CDH.size + nlen + elen]
        pos += _CDH.size + nlen + elen
        name = _check_name(raw_name, flags)
        key = name.casefold()
        if key in seen:
            raise _part_refused("duplicate_name", name, "ไฟล์มี{th}ซ้ำสองชุด", "The file holds {en} twice.")
        seen.add(key)
        if stat.S_ISLNK(eattr >> 16) or name.endswith(("/", "\\")):
            raise _part_refused("link", name, "ไฟล์มีลิงก์หรือโฟลเดอร์อยู่ข้างใน ไม่รับไฟล์",
                                "The file holds a link or a folder inside: refused.")
        if flags & (_FLAG_ENCRYPTED | _FLAG_DESCRIPTOR) or method not in (0, 8):
            raise _part_refused("unsupported", name, "{th}ในไฟล์ใช้การบีบอัดที่โปรแกรมไม่รองรับ",
                                "Part of the file ({en}) uses a compression the app does not take.")
        if csize == 0xFFFFFFFF or usize == 0xFFFFFFFF:
            raise _refuse("unsupported", "ไฟล์นี้ใช้รูปแบบไฟล์ขนาดใหญ่ที่โปรแกรมไม่รองรับ", "This file uses a large-file form the app does not take.")
        if usize > max_member_bytes:
            raise _part_refused("too_large", name, "{th}ในไฟล์ใหญ่เกินกำหนด", "Part of the file ({en}) is larger than allowed.")
        total += usize
        if total > max_total_bytes:
            raise _refuse("too_large", "ข้อมูลในไฟล์รวมกันใหญ่เกินกำหนด", "The parts of the file together are larger than allowed.")
        if method == 0 and csize != usize:
            raise _corrupt(name)
        if method == 8 and usize > max(csize, 1) * max_ratio:
            raise _part_refused("bomb", name, "{th}ในไฟล์ถูกบีบอัดผิดปกติ (ไฟล์ผิดปกติ ไม่รับไฟล์)",
                                "Part of the file ({en}) has an abnormal compression ratio (a hostile file): refused.")
        entries.append(ZipEntry(name, method, flags, crc, csize, usize, offset, 0, made_by >> 8, made_by & 0xFF,
                                need, eattr, iattr, mtime, mdate, extra))
    if pos != len(cd):
        raise _corrupt("central directory")
    return _check_locals(fh, entries, cd_offset)


def _check_locals(fh: BinaryIO, entries: list[ZipEntry], cd_offset: int) -> list[ZipEntry]:
    """Check each local header against its central entry, and that members tile the file exactly."""
    checked: dict[str, ZipEntry] = {}
    expected_at = 0
    for e in sorted(entries, key=lambda x: x.header_offset):
        if e.header_offset != expected_at:
            raise _corrupt("layout")
        fh.seek(e.header_offset)
        raw = fh.read(_LFH.size)
        if len(raw) != _LFH.size:
            raise _corrupt("local header")
        (sig, need, flags, method, mtime, mdate, crc, csize, usize, nlen, elen) = _LFH.unpack(raw)
        name_extra = fh.read(nlen + elen)
        if (sig != _LFH_SIG or (need, flags, method, mtime, mdate, crc, csize, usize)
                != (e.extract_version, e.flags, e.method, e.dos_time, e.dos_date, e.crc, e.compressed_size, e.size)
                or len(name_extra) != nlen + elen or name_extra[nlen:] != e.extra
                or _check_name(name_extra[:nlen], flags) != e.name):
            raise _corrupt(f"local header of {e.name}")
        data_at = e.header_offset + _LFH.size + nlen + elen
        expected_at = data_at + e.compressed_size
        if expected_at > cd_offset:
            raise _corrupt("layout")
        checked[e.name] = ZipEntry(**{**e.__dict__, "data_offset": data_at})
    if expected_at != cd_offset:
        raise _corrupt("layout")
    return [checked[e.name] for e in entries]


# --- writing ------------------------------------------------------------------------------------------

def _dos(dt: datetime) -> tuple[int, int]:
    year = min(max(dt.year, 1980), 2107)
    return (dt.hour << 11) | (dt.minute << 5) | (dt.second // 2), ((year - 1980) << 9) | (dt.month << 5) | dt.day


def write_zip(fh: BinaryIO, members: Iterable[tuple[str, bytes]], when: datetime) -> None:
    """Write a canonical stored (uncompressed) zip of ``members`` to ``fh``.

    Canonical: made by Unix 2.0, mode 0644, no extra fields, no comment, the same time on every member,
    so that every byte is covered by the strict reader's checks and a member's CRC.
    """
    dos_time, dos_date = _dos(when)
    central = bytearray()
    offset, count = 0, 0
    for name, data in members:
        raw = name.encode("utf-8")
        flags = 0 if name.isascii() else _FLAG_UTF8
        crc = binascii.crc32(data)
        header = _LFH.pack(_LFH_SIG, 20, flags, 0, dos_time, dos_date, crc, len(data), len(data), len(raw), 0)
        fh.write(header + raw)
        fh.write(data)
        central += _CDH.pack(_CDH_SIG, (3 << 8) | 20, 20, flags, 0, dos_time, dos_date, crc, len(data), len(data),
                             len(raw), 0, 0, 0, 0, (0o100644 << 16), offset) + raw
        offset += len(header) + len(raw) + len(data)
        count += 1
    fh.write(central)
    fh.write(_EOCD.pack(_EOCD_SIG, 0, 0, count, count, len(central), offset, 0))


def atomic_write(path: Path, write: Callable[[BinaryIO], None]) -> Path:
    """Write ``path`` atomically: a temporary file in the same folder, flushed and fsynced, then renamed.

    A crash at any point leaves either the old file (or none) or the complete new one under ``path``;
    the temporary file is removed on error.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_dir(path.parent)
    return path


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        dfd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)
