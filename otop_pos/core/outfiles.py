"""Folders and files a person names for output (``--pdf``, ``--csv``, an export folder): when one cannot be
made or written, an ``OutputError`` that says which folder and why, in Thai and English, instead of a bug."""
from __future__ import annotations

import errno
import os
from pathlib import Path

from otop_pos.core.errors import OtopError

DISK_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
NO_PERMISSION = (errno.EACCES, errno.EPERM, errno.EROFS)


class OutputError(OtopError):
    """A file or folder to write (a PDF, a report, an export) cannot be made where the person asked."""


def nearest_existing(path: Path) -> Path | None:
    """``path`` or its nearest ancestor that this user can look at (None when none can be): what is already
    there where a folder is to be made, and whose it is."""
    for candidate in (path, *path.parents):
        try:
            os.stat(candidate)
            return candidate
        except OSError:   # missing, or in a folder we may not enter: the parent tells
            continue
    return None


def folder_error(folder: Path, exc: OSError) -> OutputError:
    """Why ``folder`` could not be made: a file in the way, no permission, a full disk, or the system's reason."""
    there = nearest_existing(folder) or Path(folder.anchor or ".")
    if there.exists() and not there.is_dir():
        return OutputError(
            f"สร้างโฟลเดอร์ {folder} ไม่ได้: {there} เป็นไฟล์ ไม่ใช่โฟลเดอร์ กรุณาเลือกที่บันทึกอื่น ไม่มีอะไรเปลี่ยนแปลง",
            f"Cannot make the folder {folder}: {there} is a file, not a folder. Choose another place to save; "
            "nothing was changed.")
    if exc.errno in DISK_FULL:
        return OutputError(f"สร้างโฟลเดอร์ {folder} ไม่ได้: ดิสก์เต็ม กรุณาลบไฟล์ที่ไม่ใช้แล้วลองอีกครั้ง",
                           f"Cannot make the folder {folder}: the disk is full. Free some space and try again.")
    if exc.errno in NO_PERMISSION:
        return OutputError(
            f"สร้างโฟลเดอร์ {folder} ไม่ได้: ผู้ใช้นี้ไม่มีสิทธิ์เขียนในโฟลเดอร์ {there} กรุณาเลือกที่บันทึกอื่น "
            "เช่น ในโฟลเดอร์ของผู้ใช้เอง",
            f"Cannot make the folder {folder}: this user may not write in {there}. Choose another place to save, "
            "e.g. in your own home folder.")
    return OutputError(f"สร้างโฟลเดอร์ {folder} ไม่ได้: {exc.strerror or exc}",
                       f"Cannot make the folder {folder}: {exc.strerror or exc}.")


def make_folder(folder: str | os.PathLike[str]) -> Path:
    """Make ``folder`` (and its parents) unless it exists; an ``OutputError`` naming it when it cannot be."""
    path = Path(folder)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise folder_error(path, exc) from exc
    return path


def write_error(path: Path, exc: OSError) -> OutputError:
    """Why the file ``path`` could not be written (its folder exists)."""
    if exc.errno in DISK_FULL:
        return OutputError(f"บันทึกไฟล์ {path} ไม่ได้: ดิสก์เต็ม กรุณาลบไฟล์ที่ไม่ใช้แล้วลองอีกครั้ง",
                           f"Cannot write {path}: the disk is full. Free some space and try again.")
    if path.is_dir():
        return OutputError(f"บันทึกไฟล์ {path} ไม่ได้: มีโฟลเดอร์ชื่อนี้อยู่แล้ว กรุณาตั้งชื่อไฟล์อื่น",
                           f"Cannot write {path}: a folder of that name is there. Give another file name.")
    if exc.errno in NO_PERMISSION:
        return OutputError(
            f"บันทึกไฟล์ {path} ไม่ได้: ผู้ใช้นี้ไม่มีสิทธิ์เขียนในโฟลเดอร์ {path.parent} กรุณาเลือกที่บันทึกอื่น",
            f"Cannot write {path}: this user may not write in the folder {path.parent}. Choose another place to "
            "save.")
    return OutputError(f"บันทึกไฟล์ {path} ไม่ได้: {exc.strerror or exc}", f"Cannot write {path}: {exc.strerror or exc}.")
