"""Finding the registry in a folder: the vendors and the catalogue, each a CSV file or a workbook sheet,
recognised by their header rows whatever the files are named.

When no file fits one kind, the closest file is named with what it lacks or why it could not be read — the
same problems the file gives when it is named directly (its missing columns, "UTF-16 without a BOM", "an old
.xls"), so the folder never hides the real problem.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from otop_pos.core.errors import Problem, RegistryError
from otop_pos.exchange.registry_headers import CATALOGUE_COLUMNS, VENDOR_COLUMNS, Column, Header
from otop_pos.exchange.registry_source import ZIP_MAGIC, open_table
from otop_pos.exchange.registry_table import read_table

#: Words in a file or sheet name that say which table it holds.
KIND_HINTS: dict[str, tuple[str, ...]] = {
    "vendors": ("vendor", "ผู้ประกอบการ", "ผู้ผลิต", "producer", "booth", "บูธ", "ร้าน", "shop", "group", "กลุ่ม"),
    "catalogue": ("catalog", "product", "สินค้า", "ผลิตภัณฑ์", "item", "รายการ"),
}
_KINDS: dict[str, tuple[tuple[Column, ...], str, str]] = {
    "vendors": (VENDOR_COLUMNS, "ผู้ประกอบการ", "vendors"),
    "catalogue": (CATALOGUE_COLUMNS, "สินค้า", "catalogue"),
}
_TABLE_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".xls", ".ods")


@dataclass(frozen=True)
class _Fit:
    path: Path
    header: Header | None  # None: the file could not be read
    problems: tuple[Problem, ...]  # why it could not be read
    hinted: bool

    @property
    def key(self) -> tuple[float, int, int, int]:
        h = self.header
        table_like = self.path.suffix.lower() in _TABLE_SUFFIXES
        return (h.share if h else 0.0, int(self.hinted), int(table_like), h.recognised if h else 0)


def _fit(path: Path, kind: str) -> _Fit:
    columns, _th, _en = _KINDS[kind]
    hinted = any(h in path.name.casefold() for h in KIND_HINTS[kind])
    try:
        _sheet, header = open_table(path, columns, KIND_HINTS[kind])
    except RegistryError as exc:
        return _Fit(path, None, tuple(exc.problems), hinted)
    return _Fit(path, header, (), hinted)


def _closest_problems(folder: Path, kind: str, fits: list[_Fit], other: set[Path]) -> list[Problem]:
    """"No … found" and, when one file comes close, that file's own problems. A file that is the other
    table is the closest only when nothing else comes near."""
    columns, th, en = _KINDS[kind]
    near = [f for f in fits if (f.header is not None and f.header.share > 0) or f.hinted
            or (f.header is None and f.path.suffix.lower() in _TABLE_SUFFIXES)]
    closest = max((f for f in near if f.path not in other), key=lambda f: f.key, default=None) \
        or max(near, key=lambda f: f.key, default=None)
    if closest is None:
        return [Problem(folder.name, 0, "", f"ไม่พบไฟล์ทะเบียน{th}ในโฟลเดอร์ (CSV หรือ Excel .xlsx)",
                        f"No {en} registry file (CSV or Excel .xlsx) found in the folder.")]
    head = Problem(folder.name, 0, "",
                   f"ไม่พบไฟล์ทะเบียน{th}ในโฟลเดอร์ ไฟล์ที่ใกล้เคียงที่สุดคือ {closest.path.name}: ดูปัญหาของไฟล์นั้นด้านล่าง",
                   f"No {en} registry file fits in the folder; the closest is {closest.path.name}: "
                   "its problems follow.")
    if closest.header is None:
        return [head, *closest.problems]
    table = read_table(closest.path, columns, th, en, KIND_HINTS[kind])
    return [head, *table.errors]


def find_registry_files(where: Path) -> tuple[Path, Path]:
    """(vendors file, catalogue file) in the folder ``where``, recognised by their header rows (any file
    name; one workbook may be both). ``where`` may also be one workbook holding both sheets.

    If several files fit one kind, a file whose name says so (vendors/ผู้ประกอบการ, catalogue/สินค้า) wins;
    otherwise ``RegistryError`` names them. When none fits, it names the closest file and its problems."""
    where = Path(where)
    if where.is_file():
        with where.open("rb") as fh:
            if fh.read(4) == ZIP_MAGIC:
                return where, where
        raise RegistryError([Problem(where.name, 0, "",
                                     "ระบุโฟลเดอร์ทะเบียน ไฟล์ผู้ประกอบการและไฟล์สินค้า หรือไฟล์ Excel ที่มีทั้งสองแผ่นงาน",
                                     "Give the registry folder, the vendors and the catalogue files, or one "
                                     "workbook holding both sheets.")])
    if not where.is_dir():
        raise RegistryError([Problem(where.name, 0, "", f"ไม่พบโฟลเดอร์ {where}", f"The folder {where} does not exist.")])
    files = [p for p in sorted(where.iterdir()) if p.is_file() and not p.name.startswith((".", "~$"))]
    problems: list[Problem] = []
    chosen: dict[str, Path] = {}
    fits = {kind: [_fit(p, kind) for p in files] for kind in _KINDS}
    full = {kind: {f.path for f in fits[kind] if f.header is not None and f.header.share == 1.0} for kind in _KINDS}
    for kind, (_columns, th, en) in _KINDS.items():
        paths = [f.path for f in fits[kind] if f.path in full[kind]]
        hinted = [p for p in paths if any(h in p.name.casefold() for h in KIND_HINTS[kind])]
        if len(paths) == 1 or len(hinted) == 1:
            chosen[kind] = paths[0] if len(paths) == 1 else hinted[0]
        elif not paths:
            other = set().union(*(full[k] for k in _KINDS if k != kind))
            problems.extend(_closest_problems(where, kind, fits[kind], other))
        else:
            names = ", ".join(p.name for p in paths)
            problems.append(Problem(where.name, 0, "",
                                    f"มีไฟล์ทะเบียน{th}หลายไฟล์: {names} ให้เหลือไฟล์เดียว",
                                    f"Several {en} registry files: {names}; keep only one."))
    if problems:
        raise RegistryError(problems)
    return chosen["vendors"], chosen["catalogue"]


def in_order(first: Path, second: Path) -> tuple[Path, Path]:
    """(vendors file, catalogue file) of two files given in either order: swapped only when the first one's
    header is wholly the catalogue's and the second one's wholly the vendors' (the names do not matter)."""
    if first == second:
        return first, second

    def whole(path: Path, kind: str) -> bool:
        h = _fit(path, kind).header
        return h is not None and h.share == 1.0

    if whole(first, "catalogue") and whole(second, "vendors") and not whole(first, "vendors"):
        return second, first
    return first, second
