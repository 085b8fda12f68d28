"""The windowed Windows executable (``otop-pos.exe``, console=False in packaging/otop-pos.spec) runs with
``sys.stdout`` and ``sys.stderr`` set to None: no console is attached. Here a child Python is put in the same
state and starts the real entry point (``otop_pos.app.main``): the booth window, the organiser window, and
commands that print, fail or write progress. None of them may die on the missing streams."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

from otop_pos import app
from otop_pos.booth.demo import ensure_demo_booth
from otop_pos.booth.store import open_booth_store

ROOT = Path(__file__).resolve().parents[2]

WINDOW = """
import json, os, sys
sys.stdout = None     # what Windows gives a GUI-subsystem executable
sys.stderr = None
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
seen = {}

def look():
    wins = [w for w in app.topLevelWidgets() if w.isVisible() and w.isWindow()]
    seen["windows"] = sorted(type(w).__name__ for w in wins)
    seen["streams"] = [type(sys.stdout).__name__, type(sys.stderr).__name__]
    app.quit()

QTimer.singleShot(900, look)
from otop_pos.app import main
seen["code"] = main(sys.argv[1:])
with open(os.environ["RESULT"], "w", encoding="utf-8") as fh:
    json.dump(seen, fh)
"""

COMMANDS = """
import json, os, sys
sys.stdout = None
sys.stderr = None
from otop_pos.app import main
codes = {}
for argv in json.loads(os.environ["COMMANDS"]):
    try:
        codes[" ".join(argv)] = main(argv)
    except SystemExit as exc:   # argparse's --version, --help and usage errors
        codes[" ".join(argv)] = exc.code
with open(os.environ["RESULT"], "w", encoding="utf-8") as fh:
    json.dump(codes, fh)
"""


def _run_child(code: str, tmp_path: Path, *argv: str, **env: str) -> dict[str, object]:
    result = tmp_path / "result.json"
    environ = dict(os.environ, OTOP_POS_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen",
                   OTOP_POS_SOUND="0", RESULT=str(result), **env)
    environ.pop("OTOP_POS_DB", None)
    out = subprocess.run([sys.executable, "-c", code, *argv], env=environ, capture_output=True, text=True,
                         timeout=180, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout == "", out.stdout   # nothing reached the real descriptors through Python
    loaded: dict[str, object] = json.loads(result.read_text(encoding="utf-8"))
    return loaded


def test_booth_window_starts_with_no_stdout_or_stderr(tmp_path: Path) -> None:
    seen = _run_child(WINDOW, tmp_path, "--demo", "--lang", "en")
    assert seen["code"] == 0
    assert "MainWindow" in seen["windows"], seen      # the sell screen, over which the open-day dialog asks
    assert seen["streams"] == ["TextIOWrapper", "TextIOWrapper"]   # the null device, not None
    assert not (tmp_path / "home" / "otop-pos-errors.log").exists()


def test_organiser_window_starts_with_no_stdout_or_stderr(tmp_path: Path) -> None:
    seen = _run_child(WINDOW, tmp_path, "--lang", "en", "organiser")
    assert seen["code"] == 0
    assert any("Organiser" in name for name in seen["windows"]), seen
    assert not (tmp_path / "home" / "otop-pos-errors.log").exists()


def test_commands_that_print_fail_or_show_progress_run_with_no_stdout_or_stderr(tmp_path: Path) -> None:
    """What otop-pos.exe does when someone passes it a command instead of using otop-pos-cli.exe: the same
    exit codes as in a console (0 done, 1 a file skipped, 2 a person's error), and no 'unexpected error' (70) from a write
    to None."""
    store = open_booth_store(tmp_path / "home")
    try:
        ensure_demo_booth(store)
    finally:
        store.dispose()
    fair = str(tmp_path / "fair.sqlite")
    (tmp_path / "usb").mkdir()
    (tmp_path / "usb" / "B001-export.otopexport").write_text("not an export", encoding="utf-8")
    commands = [
        ["booth", "products", "--json"],                 # sys.stdout.write
        ["booth", "report"],                             # print
        ["booth", "restore", str(tmp_path / "no-such-backup.sqlite")],   # an OtopError on stderr
        ["fair", "create", "--db", fair, "--name", "งานทดสอบ", "--start", "2026-01-10", "--end", "2026-01-12"],
        ["fair", "import", "--db", fair, str(tmp_path / "usb")],   # progress asks sys.stderr.isatty(); skips the file
        ["--version"],                                   # argparse prints and exits 0
        ["no-such-command"],                             # argparse's usage error, exit 2
    ]
    codes = _run_child(COMMANDS, tmp_path, COMMANDS=json.dumps(commands))
    assert codes == {"booth products --json": 0, "booth report": 0,
                     f"booth restore {tmp_path / 'no-such-backup.sqlite'}": 2,
                     f"fair create --db {fair} --name งานทดสอบ --start 2026-01-10 --end 2026-01-12": 0,
                     f"fair import --db {fair} {tmp_path / 'usb'}": 1,
                     "--version": 0, "no-such-command": 2}, codes
    assert not (tmp_path / "home" / "otop-pos-errors.log").exists()


def test_the_app_holds_the_mutex_the_installer_waits_for() -> None:
    """On Windows the running app holds the named mutex the installer's AppMutex names (kernel32 injected
    here); the .iss test checks both use the same name."""
    calls: list[tuple[object, ...]] = []
    kernel32 = SimpleNamespace(CreateMutexW=lambda *a: calls.append(a) or 0x1234)
    before = len(app._held)
    app.hold_app_mutex(kernel32)
    assert calls == [(None, False, "otop-pos-running")] and app.APP_MUTEX == "otop-pos-running"
    assert app._held[before:] == [0x1234]             # kept for the life of the process, never closed
    app.hold_app_mutex()                              # on Linux: nothing, no ctypes.WinDLL
    assert len(app._held) == before + 1
