"""Starting a window with no screen (issue 16): from a text console or ssh, ``otop-pos`` and ``otop-pos
organiser`` say so in Thai and English and exit 2, before Qt can abort with a core dump; a ``wayland`` platform
left from another session falls back to X11 when only an X display is there; a locale that is set but not
generated gives no Qt warning."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from otop_pos.app import check_screen, use_a_working_locale
from otop_pos.core.errors import OtopError

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("args", [(), ("organiser",), ("--demo",)])
def test_no_display_says_so_and_exits_2(tmp_path: Path, args: tuple[str, ...]) -> None:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path), "LANG": "C.UTF-8",
           "PYTHONPATH": str(ROOT)}   # a cleaned environment: no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM
    proc = subprocess.run([sys.executable, "-m", "otop_pos", *args], capture_output=True, text=True, env=env,
                          cwd=str(tmp_path), timeout=120)
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert "ข้อผิดพลาด: ไม่มีหน้าจอ" in proc.stderr and "Error: No screen" in proc.stderr
    assert "desktop's menu" in proc.stderr and "เมนูของเดสก์ท็อป" in proc.stderr
    assert "Reinstalling" not in proc.stderr and "qt.qpa" not in proc.stderr
    assert list(tmp_path.iterdir()) == []    # nothing made: no data folder, no core file


def test_the_commands_still_work_with_no_display(tmp_path: Path) -> None:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path), "LANG": "C.UTF-8",
           "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "otop_pos", "promptpay", "0812345678"], capture_output=True,
                          text=True, env=env, timeout=120)
    assert proc.returncode == 0 and proc.stdout.startswith("000201"), proc.stderr


def test_the_screen_check_by_environment() -> None:
    with pytest.raises(OtopError):
        check_screen({}, "linux")
    for ok in ({"DISPLAY": ":0"}, {"WAYLAND_DISPLAY": "wayland-0"}, {"QT_QPA_PLATFORM": "offscreen"}):
        env = dict(ok)
        check_screen(env, "linux")
        assert env == ok                      # left as it is
    check_screen({}, "win32")                 # Windows always has a screen for a windowed app
    env = {"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}
    check_screen(env, "linux")
    assert env["QT_QPA_PLATFORM"] == "xcb"    # no compositor here: X11
    env = {"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}
    check_screen(env, "linux")
    assert env["QT_QPA_PLATFORM"] == "wayland"
    for chosen in ({"QT_QPA_PLATFORM": "wayland"}, {"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}):
        with pytest.raises(OtopError):       # the platform chosen has no display here either
            check_screen(dict(chosen), "linux")


@pytest.mark.skipif(not shutil.which("Xvfb"), reason="Xvfb is not installed (apt-get install xvfb; `bash .ci/dev test` installs it)")
def test_wayland_left_set_with_an_x_display_opens_on_x11(tmp_path: Path) -> None:
    """``QT_QPA_PLATFORM=wayland`` (from another session) with only an X server: the organiser window starts
    and stays up (before: Qt aborted at once, exit 134)."""
    r, w = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(w), "-screen", "0", "1024x600x24", "-nolisten", "tcp"],
                            pass_fds=(w,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(w)
    try:
        with os.fdopen(r) as fh:
            display = ":" + fh.readline().strip()
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path), "LANG": "C.UTF-8",
               "PYTHONPATH": str(ROOT), "DISPLAY": display, "QT_QPA_PLATFORM": "wayland", "OTOP_POS_SOUND": "0"}
        app = subprocess.Popen([sys.executable, "-m", "otop_pos", "organiser", "--db", str(tmp_path / "f.sqlite")],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            rc = app.wait(timeout=8)
        except subprocess.TimeoutExpired:
            rc = None
        finally:
            app.kill()
            _, err = app.communicate()
        assert rc is None, (rc, err)          # still running: the window is up on X11
    finally:
        xvfb.kill()
        xvfb.wait()


def _locale_generated(name: str) -> bool:
    import locale

    saved = locale.setlocale(locale.LC_ALL)
    try:
        locale.setlocale(locale.LC_ALL, name)
        return True
    except locale.Error:
        return False
    finally:
        locale.setlocale(locale.LC_ALL, saved)


@pytest.mark.skipif(_locale_generated("th_TH.UTF-8"), reason="th_TH.UTF-8 is generated here: nothing to fall back from")
def test_a_locale_set_but_not_generated_gives_no_qt_warning(tmp_path: Path) -> None:
    """``LANG=th_TH.UTF-8`` on a laptop with only C.UTF-8 (PYTHONCOERCECLOCALE=0: as the frozen app, Python does
    not mend the locale itself): a command that loads Qt (the test page's raster) prints no "Detected locale"."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path), "LANG": "th_TH.UTF-8",
           "PYTHONCOERCECLOCALE": "0", "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    out = tmp_path / "test-page.bin"
    proc = subprocess.run([sys.executable, "-m", "otop_pos", "print", "test", "--printer", f"file:{out}"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "Detected locale" not in proc.stderr and "UTF-8 locale" not in proc.stderr, proc.stderr
    assert out.stat().st_size > 1000     # the page was rendered and written


def test_use_a_working_locale_only_when_the_locale_fails() -> None:
    import locale

    before = locale.setlocale(locale.LC_ALL)
    env: dict[str, str] = {}
    use_a_working_locale(env)
    assert locale.setlocale(locale.LC_ALL) == before    # the process's locale is left as it was
    assert env in ({}, {"LC_ALL": "C.UTF-8"})
