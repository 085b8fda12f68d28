"""Build the UI translations: pyside6-lupdate over otop_pos/ui/*.py into resources/i18n/*.ts, then lrelease.

    python -m otop_pos.ui.i18n_build            # update the .ts (existing translations kept) and compile .qm
    python -m otop_pos.ui.i18n_build --check    # exit 1 when a Thai or English message is untranslated

The English .ts is the source text itself: a new English message gets its source as translation. Thai is
written by people: unfinished Thai messages are listed and make ``--check`` fail.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from otop_pos.ui.i18n import LANGS, ts_path

UI_DIR = Path(__file__).resolve().parent
ROOT = UI_DIR.parents[1]
TS_DIR = ROOT / "resources" / "i18n"


def tool(name: str) -> str:
    """The path of pyside6-<name> (next to this Python, ``.exe`` on Windows; else on PATH)."""
    here = Path(sys.executable).with_name(f"pyside6-{name}")
    for candidate in (here, here.with_name(f"pyside6-{name}.exe")):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} was not found: install PySide6 (it ships the Qt Linguist tools)")
    return found


def sources() -> list[Path]:
    return sorted(p for p in UI_DIR.glob("*.py") if p.name != "i18n_build.py")


def lupdate_into(files: list[Path], ts_of: Callable[[str], Path]) -> None:
    """Collect every translate() text of ``files`` into the .ts of each language (keeps translations, drops
    vanished messages). Shared by the booth app's and the organiser's builds."""
    for lang in LANGS:
        ts = ts_of(lang)
        ts.parent.mkdir(parents=True, exist_ok=True)
        cmd = [tool("lupdate"), "-silent", "-locations", "none", "-no-obsolete", "-source-language", "en",
               "-target-language", "th_TH" if lang == "th" else "en_US", *map(str, files), "-ts", str(ts)]
        subprocess.run(cmd, check=True, capture_output=True, text=True)


def lupdate(folder: Path) -> None:
    """Collect every translate() text of the booth app into its .ts files in ``folder``."""
    lupdate_into(sources(), lambda lang: ts_path(lang, folder))


def fill_english(folder: Path) -> int:
    """English translations are the source texts; returns how many were filled in."""
    return fill_english_ts(ts_path("en", folder))


def fill_english_ts(ts: Path) -> int:
    """Give every unfinished message of an English .ts its source text; returns how many were filled in."""
    tree = ET.parse(ts)
    filled = 0
    for msg in tree.getroot().iter("message"):
        tr = msg.find("translation")
        if tr is not None and tr.get("type") == "unfinished":
            tr.text = msg.findtext("source") or ""
            del tr.attrib["type"]
            filled += 1
    if filled:
        tree.write(ts, encoding="utf-8", xml_declaration=True)
        text = ts.read_text(encoding="utf-8").replace("<?xml version='1.0' encoding='utf-8'?>",
                                                      '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>')
        ts.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    return filled


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of messages without a finished translation."""
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") in ("vanished", "obsolete"):
                continue
            if tr.get("type") == "unfinished" or not (tr.text or "").strip():
                out.append((name, msg.findtext("source") or ""))
    return out


def lrelease(folder: Path, out: Path | None = None) -> list[Path]:
    """Compile every .ts of the folder (the booth app's and any other window's) to .qm, next to it or into
    ``out``; the booth app's Thai and English come first."""
    mine = [ts_path(lang, folder) for lang in LANGS]
    made = []
    for ts in mine + sorted(p for p in folder.glob("*.ts") if p not in mine):
        qm = (out or folder) / ts.with_suffix(".qm").name
        qm.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True,
                       text=True)
        made.append(qm)
    return made


def run_build(argv: list[str] | None, *, description: str, update: Callable[[], None], th_ts: Path,
              release: Callable[[], list[Path]], label: str = "") -> int:
    """The command line of a translations build: update the .ts (unless --no-update), list untranslated Thai,
    compile; with --check, exit 1 when Thai is missing."""
    p = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--check", action="store_true", help="fail when a translation is missing")
    p.add_argument("--no-update", action="store_true", help="only compile the .ts files")
    args = p.parse_args(argv)
    if not args.no_update:
        update()
    missing = unfinished(th_ts)
    for ctx, src in missing:
        print(f"untranslated (th) [{ctx}] {src!r}", file=sys.stderr)
    for qm in release():
        print(f"wrote {qm.relative_to(ROOT) if qm.is_relative_to(ROOT) else qm}{label}")
    return 1 if args.check and missing else 0


def main(argv: list[str] | None = None) -> int:
    """Update, check and compile the booth app's translations (and compile every other .ts too)."""
    def update() -> None:
        lupdate(TS_DIR)
        fill_english(TS_DIR)

    return run_build(argv, description=__doc__ or "", update=update, th_ts=ts_path("th", TS_DIR),
                     release=lambda: lrelease(TS_DIR))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
