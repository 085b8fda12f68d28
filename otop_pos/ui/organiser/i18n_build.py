"""Build the organiser window's translations: pyside6-lupdate over otop_pos/ui/organiser/*.py into
resources/i18n/otop_pos_organiser_{th,en}.ts, then pyside6-lrelease into .qm files.

    python -m otop_pos.ui.organiser.i18n_build            # update the .ts (translations kept), compile .qm
    python -m otop_pos.ui.organiser.i18n_build --check    # exit 1 when a Thai message is untranslated

The English .ts holds the source texts as translations; Thai is written by people (unfinished Thai messages
are listed and make ``--check`` fail). The booth app's own build (``otop_pos.ui.i18n_build``) is separate.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from otop_pos.ui.i18n_build import fill_english_ts, lupdate_into, run_build, tool
from otop_pos.ui.organiser.i18n import APP_NAME, LANGS, qm_path, ts_path

ORG_DIR = Path(__file__).resolve().parent
ROOT = ORG_DIR.parents[2]
TS_DIR = ROOT / "resources" / "i18n"


def sources() -> list[Path]:
    """The organiser modules lupdate reads."""
    return sorted(p for p in ORG_DIR.glob("*.py") if p.name != "i18n_build.py")


def lupdate(folder: Path) -> None:
    """Collect every translate()/QT_TRANSLATE_NOOP text into the organiser .ts files."""
    lupdate_into(sources(), lambda lang: ts_path(lang, folder))


def fill_english(folder: Path) -> int:
    """English translations are the source texts; returns how many were filled in."""
    return fill_english_ts(ts_path("en", folder))


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
    def update() -> None:
        lupdate(TS_DIR)
        fill_english(TS_DIR)

    return run_build(argv, description=__doc__ or "", update=update, th_ts=ts_path("th", TS_DIR),
                     release=lambda: lrelease(TS_DIR), label=f" ({APP_NAME})")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
