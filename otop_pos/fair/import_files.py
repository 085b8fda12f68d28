"""Which of the files and folders handed to an import are booth exports, and what was passed over and why.

A folder is searched recursively. A file in it is an export candidate when its name says so (``.otopx``
anywhere in it: ``B001.otopx``, ``B001 (1).otopx``, ``B001.otopx.zip`` from a mail client) or when its
content does: a zip whose members hold the export manifest (``manifest.json`` and ``manifest.sig``) beside a
member of the export (``sales.csv`` …), whatever its name (``export.zip``). Deciding reads four bytes of a
file that is no zip, and only the central directory of a zip. Every other file is passed over with its
reason ("not_export"); hidden files and what operating systems leave in folders (``.DS_Store``,
``Thumbs.db``, ``desktop.ini``, Office's ``~$…`` lock files) are passed over quietly and only counted. A
folder with no export in it says so ("no_exports"). Files named one by one are always handed to the import,
which refuses a non-export with its precise reason.
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from otop_pos.core.errors import InputError
from otop_pos.exchange.export_format import DATA_MEMBERS, EXPORT_SUFFIX, MANIFEST, MAX_FILE_BYTES, SIGNATURE

__all__ = ["Passed", "Collected", "collect", "is_junk", "looks_like_export"]

_ZIP_MAGIC = b"PK\x03\x04"
_JUNK_NAMES = {"thumbs.db", "desktop.ini", "ehthumbs.db", "icon\r", ".ds_store"}


@dataclass(frozen=True)
class Passed:
    """A file or folder the import did not take: ``reason`` is not_export, no_exports or unreadable."""

    path: str
    reason: str
    th: str
    en: str


@dataclass
class Collected:
    """The export candidates in the order found, what was passed over, and how many junk files were."""

    files: list[Path] = field(default_factory=list)
    passed: list[Passed] = field(default_factory=list)
    junk: int = 0


def is_junk(path: Path) -> bool:
    """A hidden file or one an operating system or Office leaves in folders (passed over quietly)."""
    name = path.name
    return name.startswith((".", "~$")) or name.lower() in _JUNK_NAMES


def looks_like_export(path: Path) -> tuple[bool, str, str]:
    """(True, "", "") when ``path`` is a zip holding an export's manifest and members, else (False, th, en)
    saying what it is instead. Reads four bytes of a file that is no zip, and a zip's central directory."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(4)
    except OSError as exc:
        return False, f"อ่านไฟล์ไม่ได้ ({exc.strerror})", f"cannot be read ({exc.strerror})"
    if head != _ZIP_MAGIC:
        return False, "ไม่ใช่ไฟล์ zip", "not a zip file"
    if size > MAX_FILE_BYTES:
        return False, "ไฟล์ zip ใหญ่เกินกว่าจะเป็นไฟล์ส่งยอดขาย", "a zip too large to be an export"
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except Exception:  # noqa: BLE001 - whatever a damaged or hostile zip raises, it is not an export we know
        return False, "ไฟล์ zip ที่อ่านไม่ได้", "a zip that cannot be read"
    if {MANIFEST, SIGNATURE} <= names and names & set(DATA_MEMBERS):
        return True, "", ""
    return False, "ไฟล์ zip ที่ไม่มีรายการสรุปของไฟล์ส่งยอดขาย", "a zip without an export manifest"


def _named_export(path: Path) -> bool:
    return EXPORT_SUFFIX in path.name.lower()


def _walk(folder: Path, out: Collected) -> None:
    found = 0
    try:
        entries = sorted(p for p in folder.rglob("*") if p.is_file())
    except OSError as exc:
        out.passed.append(Passed(str(folder), "unreadable", f"อ่านโฟลเดอร์ไม่ได้ ({exc.strerror})",
                                 f"The folder cannot be read ({exc.strerror})."))
        return
    for path in entries:
        if any(part.startswith(".") for part in path.relative_to(folder).parts[:-1]) or is_junk(path):
            out.junk += 1
            continue
        if _named_export(path):
            out.files.append(path)
            found += 1
            continue
        ok, th, en = looks_like_export(path)
        if ok:
            out.files.append(path)
            found += 1
        else:
            out.passed.append(Passed(str(path), "not_export", f"ไม่ใช่ไฟล์ส่งยอดขายของบูธ: {th}",
                                     f"Not a booth export: {en}."))
    if not found:
        th = "โฟลเดอร์ว่าง" if not entries else "ไม่มีไฟล์ส่งยอดขายของบูธในโฟลเดอร์นี้"
        en = "The folder is empty." if not entries else "No booth export in this folder."
        out.passed.append(Passed(str(folder), "no_exports", th, en))


def collect(paths: list[Path | str]) -> Collected:
    """The export candidates of ``paths`` (files as given, folders searched) and what was passed over.
    ``InputError`` for a path that does not exist (a usage error: nothing is imported)."""
    out = Collected()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            _walk(path, out)
        elif path.is_file():
            out.files.append(path)
        else:
            raise InputError(f"ไม่พบไฟล์หรือโฟลเดอร์ {path}", f"No such file or folder: {path}")
    return out
