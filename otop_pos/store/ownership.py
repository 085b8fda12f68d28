"""A data folder or store file that belongs to another user (made by ``sudo -E otop-pos …``, so root's): found
when the store is opened, with the one command the laptop's admin runs to give it back."""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

from otop_pos.core.errors import StoreError
from otop_pos.core.outfiles import nearest_existing


def user_name(uid: int) -> str:
    """The login name of ``uid`` (its number when it has none)."""
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return str(uid)


def group_name(gid: int) -> str:
    """The name of group ``gid`` (its number when it has none)."""
    try:
        import grp

        return grp.getgrgid(gid).gr_name
    except (ImportError, KeyError):
        return str(gid)


def not_ours_error(folder: Path, owner: str, user: str, group: str | None = None, *,
                   path: Path | None = None, fix: Path | None = None) -> StoreError:
    """The data ``folder`` cannot be written by ``user``: ``path`` (the folder itself, a store file in it or a
    folder above it) belongs to ``owner``. ``fix``: the folder to give back with ``chown -R`` (default
    ``folder``); none when ``path`` is a folder above that is not the user's to take (outside the home folder)."""
    path = path or folder
    fix = fix if fix is not None else (folder if path == folder or path.parent == folder else None)
    whose_th = f"โฟลเดอร์ข้อมูล {folder}" if path == folder else f"{path} (ของโฟลเดอร์ข้อมูล {folder})"
    whose_en = f"The data folder {folder}" if path == folder else f"{path} (of the data folder {folder})"
    if fix is None:
        return StoreError(
            f"{whose_th} เป็นของผู้ใช้ {owner} ผู้ใช้ {user} จึงบันทึกลงไปไม่ได้ ไม่มีอะไรเปลี่ยนแปลง "
            "เลือกโฟลเดอร์ข้อมูลในโฟลเดอร์ของผู้ใช้เอง (--data-dir) หรือขอให้ผู้ดูแลเครื่องช่วย",
            f"{whose_en} belongs to the user {owner}, so {user} cannot save in it; nothing was changed. "
            "Choose a data folder in your own home folder (--data-dir), or ask the laptop's admin.",
        )
    chown = f"sudo chown -R {user}:{group or user} {fix}"
    return StoreError(
        f"{whose_th} เป็นของผู้ใช้ {owner} ผู้ใช้ {user} จึงบันทึกลงไปไม่ได้ ไม่มีอะไรเปลี่ยนแปลง "
        f"ให้ผู้ดูแลเครื่องรันคำสั่งนี้ครั้งเดียว แล้วเปิดโปรแกรมอีกครั้ง: {chown}",
        f"{whose_en} belongs to the user {owner}, so {user} cannot save in it; nothing was changed. "
        f"Ask the laptop's admin to run this once, then start OTOP POS again: {chown}",
    )


def _topmost_in_home(folder: Path, owner: int) -> Path:
    """The highest folder above ``folder``, inside the home folder, that ``owner`` holds too: ``sudo -E`` made
    ~/.local and ~/.local/share along with ~/.local/share/otop-pos, and one chown gives all of them back."""
    home = Path.home()
    top = folder
    for parent in folder.parents:
        if parent == home or home not in parent.parents:
            break
        try:
            if os.stat(parent).st_uid != owner:
                break
        except OSError:
            break
        top = parent
    return top


def store_files(store_file: Path) -> tuple[Path, Path, Path]:
    """A SQLite store and the two files beside it that SQLite writes (``-wal``, ``-shm``)."""
    return store_file, store_file.with_name(store_file.name + "-wal"), store_file.with_name(store_file.name + "-shm")


def check_ours(folder: Path, files: Iterable[Path] = ()) -> None:
    """Refuse, with ``not_ours_error``, a data ``folder`` (or its nearest existing ancestor when it is still to be
    made) or any existing file of ``files`` that this user may not write and that belongs to another user.
    Nothing on Windows (no owners that way) or for root (who writes anything)."""
    if sys.platform == "win32" or not hasattr(os, "geteuid"):
        return
    uid = os.geteuid()
    if uid == 0:
        return
    there = nearest_existing(folder)
    candidates: list[Path] = [there] if there is not None else []
    if there == folder:
        candidates += [f for f in files if os.path.lexists(f)]
    for path in candidates:
        st = os.stat(path)
        mode = os.W_OK | (os.X_OK if path.is_dir() else 0)
        if st.st_uid != uid and not os.access(path, mode):
            fix = None
            if path == folder or path.parent == folder:
                fix = folder
            elif path != Path.home() and Path.home() in path.parents:   # e.g. ~/.local made by sudo
                fix = path
            if fix is not None:
                fix = _topmost_in_home(fix, st.st_uid)
            raise not_ours_error(folder, user_name(st.st_uid), user_name(uid), group_name(os.getegid()),
                                 path=path, fix=fix)
