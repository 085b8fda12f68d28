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

What is no regular file gets its own line too, named or found in a folder: a pipe (FIFO), a socket or a device
("not_regular", never opened: reading a pipe would wait forever), a link that leads nowhere or loops
("broken_link"), a folder named like an export ("not_regular": an unzipped export, say; it is still
searched). Links to files are followed; a link to a folder is searched once (a link back to a folder already
searched is passed over with its line, "link_loop").
"""
from __future__ import annotations

import errno
import os
import stat
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
    """A file or folder the import did not take: ``reason`` is not_export, no_exports, unreadable,
    not_regular, broken_link or link_loop."""

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
        return False, "ไม่ใช่ไฟล์ของโปรแกรม", "not a file of this program"
    if size > MAX_FILE_BYTES:
        return False, "ไฟล์ใหญ่เกินกว่าจะเป็นไฟล์ส่งยอดขาย", "a file too large to be an export"
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except Exception:  # noqa: BLE001 - whatever a damaged or hostile zip raises, it is not an export we know
        return False, "ไฟล์บีบอัดที่อ่านไม่ได้", "a compressed file that cannot be read"
    if {MANIFEST, SIGNATURE} <= names and names & set(DATA_MEMBERS):
        return True, "", ""
    return False, "ไฟล์บีบอัดที่ไม่ใช่ไฟล์ส่งยอดขาย", "a compressed file that is not an export"


def _named_export(path: Path) -> bool:
    return EXPORT_SUFFIX in path.name.lower()


_KINDS = ((stat.S_ISFIFO, "ท่อส่งข้อมูล (FIFO)", "a pipe (FIFO)"), (stat.S_ISSOCK, "ซ็อกเก็ต", "a socket"),
          (stat.S_ISCHR, "อุปกรณ์", "a device"), (stat.S_ISBLK, "อุปกรณ์", "a device"))


def _special(path: Path, mode: int) -> Passed:
    """The line of something that is neither a regular file nor a folder (never opened)."""
    th, en = next(((t, e) for test, t, e in _KINDS if test(mode)), ("ไฟล์ชนิดพิเศษ", "a special file"))
    return Passed(str(path), "not_regular", f"ไม่ใช่ไฟล์ธรรมดา: เป็น{th} จึงไม่ได้เปิดอ่าน",
                  f"Not a regular file: {en}, not opened.")


def _nowhere(path: Path, exc: OSError) -> Passed:
    """The line of a link whose target is missing, or which loops."""
    if exc.errno == errno.ELOOP:
        return Passed(str(path), "broken_link", "ลิงก์ที่วนกลับมาที่ตัวเอง ไม่ได้ชี้ไปที่ไฟล์ใด",
                      "A link that leads nowhere: it loops.")
    if exc.errno == errno.ENOENT:
        return Passed(str(path), "broken_link", "ลิงก์ที่ชี้ไปยังไฟล์ที่ไม่มีอยู่", "A link that leads nowhere: its "
                      "target does not exist.")
    return Passed(str(path), "unreadable", f"อ่านไม่ได้ ({exc.strerror})", f"Cannot be read ({exc.strerror}).")


def _folder_named_export(path: Path) -> Passed:
    return Passed(str(path), "not_regular", "เป็นโฟลเดอร์ ไม่ใช่ไฟล์ส่งยอดขาย (ไฟล์ที่แตกออกแล้ว?): ใช้ไฟล์ .otopx เอง",
                  "A folder, not an export file (an unpacked export?): give the .otopx file itself.")


def _entries(folder: Path, out: Collected) -> list[tuple[Path, os.stat_result]]:
    """Every regular file under ``folder`` (links followed) with its status, sorted by path; what is none
    goes to ``out.passed`` (hidden ones to ``out.junk``). A folder reached twice (a link loop) once."""
    files: list[tuple[Path, os.stat_result]] = []
    seen: set[tuple[int, int]] = set()
    todo = [folder]
    while todo:
        here = todo.pop()
        try:
            st = here.stat()
            if (st.st_dev, st.st_ino) in seen:
                out.passed.append(Passed(str(here), "link_loop", "โฟลเดอร์นี้ค้นแล้ว (ลิงก์ชี้มาที่เดียวกัน) ไม่ได้ค้นซ้ำ",
                                         "A folder already searched (a link leads to it twice): not searched again."))
                continue
            seen.add((st.st_dev, st.st_ino))
            children = sorted(here.iterdir())
        except OSError as exc:
            out.passed.append(Passed(str(here), "unreadable", f"อ่านโฟลเดอร์ไม่ได้ ({exc.strerror})",
                                     f"The folder cannot be read ({exc.strerror})."))
            continue
        for path in children:
            hidden = path.name.startswith(".")
            try:
                st = path.stat()
            except OSError as exc:
                if hidden:
                    out.junk += 1
                else:
                    out.passed.append(_nowhere(path, exc))
                continue
            if stat.S_ISDIR(st.st_mode):
                if hidden:
                    out.junk += 1
                    continue
                if _named_export(path):
                    out.passed.append(_folder_named_export(path))
                todo.append(path)
            elif is_junk(path):
                out.junk += 1
            elif not stat.S_ISREG(st.st_mode):
                out.passed.append(_special(path, st.st_mode))
            else:
                files.append((path, st))
    return sorted(files)


def _walk(folder: Path, out: Collected) -> None:
    found = 0
    seen_before = len(out.passed) + out.junk
    entries = _entries(folder, out)
    for path, _st in entries:
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
        empty = not entries and len(out.passed) + out.junk == seen_before
        th = "โฟลเดอร์ว่าง" if empty else "ไม่มีไฟล์ส่งยอดขายของบูธในโฟลเดอร์นี้"
        en = "The folder is empty." if empty else "No booth export in this folder."
        out.passed.append(Passed(str(folder), "no_exports", th, en))


def _named(path: Path, out: Collected) -> None:
    """A path given on the command line: a folder searched, a regular file handed to the import, anything
    else its line; ``InputError`` when nothing is there at all (a usage error)."""
    try:
        st = path.stat()
    except OSError as exc:
        try:
            path.lstat()
        except OSError:
            raise InputError(f"ไม่พบไฟล์หรือโฟลเดอร์ {path}", f"No such file or folder: {path}") from None
        out.passed.append(_nowhere(path, exc))  # a link that leads nowhere
        return
    if stat.S_ISDIR(st.st_mode):
        _walk(path, out)
    elif stat.S_ISREG(st.st_mode):
        out.files.append(path)
    else:
        out.passed.append(_special(path, st.st_mode))


def collect(paths: list[Path | str]) -> Collected:
    """The export candidates of ``paths`` (files as given, folders searched) and what was passed over.
    ``InputError`` for a path that does not exist (a usage error: nothing is imported)."""
    out = Collected()
    for raw in paths:
        _named(Path(raw), out)
    return out
