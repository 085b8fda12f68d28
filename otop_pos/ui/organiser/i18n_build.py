"""Build the organiser window's translations: pyside6-lupdate over otop_pos/ui/organiser/*.py into
resources/i18n/otop_pos_organiser_{th,en}.ts, then pyside6-lrelease into .qm files.

    python -m otop_pos.ui.organiser.i18n_build            # update the .ts (translations kept), compile .qm
    python -m otop_pos.ui.organiser.i18n_build --check    # exit 1 when a Thai message is untranslated

The English .ts holds the source texts as translations; Thai is written by people (unfinished Thai messages
are listed and make ``--check`` fail). The booth app's own build (``otop_pos.ui.i18n_build``) is separate.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from otop_pos.ui.i18n_build import fill_english as _fill_booth_english
from otop_pos.ui.i18n_build import tool, unfinished
from otop_pos.ui.organiser.i18n import APP_NAME, LANGS, qm_path, ts_path

ORG_DIR = Path(__file__).resolve().parent
ROOT = ORG_DIR.parents[2]
TS_DIR = ROOT / "resources" / "i18n"


def sources() -> list[Path]:
    """The organiser modules lupdate reads."""
    return sorted(p for p in ORG_DIR.glob("*.py") if p.name != "i18n_build.py")


def lupdate(folder: Path) -> None:
    """Collect every translate()/QT_TRANSLATE_NOOP text into the organiser .ts files."""
    folder.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        cmd = [tool("lupdate"), "-silent", "-locations", "none", "-no-obsolete", "-source-language", "en",
               "-target-language", "th_TH" if lang == "th" else "en_US", *map(str, sources()),
               "-ts", str(ts_path(lang, folder))]
        subprocess.run(cmd, check=True, capture_output=True, text=True)


def fill_english(folder: Path) -> int:
    """English translations are the source texts; returns how many were filled in."""
    # the booth build's helper works on its own file name: point it at ours through a scratch folder
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        from otop_pos.ui import i18n as booth_i18n

        scratch = booth_i18n.ts_path("en", Path(tmp))
        shutil.copyfile(ts_path("en", folder), scratch)
        filled = _fill_booth_english(Path(tmp))
        if filled:
            shutil.copyfile(scratch, ts_path("en", folder))
    return filled


def lrelease(folder: Path, out: Path | None = None) -> list[Path]:
    """Compile each organiser .ts to .qm (next to it, or into ``out``)."""
    made = []
    for lang in LANGS:
        qm = qm_path(lang, out or folder)
        qm.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([tool("lrelease"), "-silent", str(ts_path(lang, folder)), "-qm", str(qm)], check=True,
                       capture_output=True, text=True)
        made.append(qm)
    return made


def main(argv: list[str] | None = None) -> int:
    """Update, check and compile the organiser translations."""
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--check", action="store_true", help="fail when a Thai translation is missing")
    p.add_argument("--no-update", action="store_true", help="only compile the .ts files")
    args = p.parse_args(argv)
    if not args.no_update:
        lupdate(TS_DIR)
        fill_english(TS_DIR)
    missing = unfinished(ts_path("th", TS_DIR))
    for ctx, src in missing:
        print(f"untranslated (th) [{ctx}] {src!r}", file=sys.stderr)
    for qm in lrelease(TS_DIR):
        print(f"wrote {qm.relative_to(ROOT)} ({APP_NAME})")
    return 1 if args.check and missing else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
