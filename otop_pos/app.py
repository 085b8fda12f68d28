"""Composition root: the ``otop-pos`` entry point wires the CLI and the booth window together.

It builds the booth service (``booth.service.open_booth_service``) for the window; the CLI commands build
theirs through ``cli.common.booth_service``. Nothing below this module imports it, so the layers stay one-way.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import MutableMapping, Sequence
from typing import Any

__all__ = ["DEMO_FAIR", "check_screen", "use_a_working_locale", "DEMO_PIN", "DEMO_VENDOR", "demo_registry", "ensure_demo_booth", "launch_gui", "launch_organiser", "main",
           "open_booth", "resource_path"]
#: Re-exported on first use, so that commands which do not need the booth (``fair …``) start without it.
_LAZY = {"DEMO_FAIR": "otop_pos.booth.demo", "DEMO_PIN": "otop_pos.booth.demo", "DEMO_VENDOR": "otop_pos.booth.demo",
         "demo_registry": "otop_pos.booth.demo", "ensure_demo_booth": "otop_pos.booth.demo",
         "open_booth": "otop_pos.booth.demo", "resource_path": "otop_pos.core.resources"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def check_screen(environ: MutableMapping[str, str] | None = None, platform: str | None = None) -> None:
    """Before Qt starts on Linux: with neither ``DISPLAY`` nor ``WAYLAND_DISPLAY`` (a text console, ssh) and no
    ``QT_QPA_PLATFORM`` chosen (or xcb/wayland chosen without its display), an ``OtopError`` (Qt would abort with a core dump and English advice to
    reinstall); ``QT_QPA_PLATFORM=wayland`` left from another session with no Wayland but an X display falls
    back to xcb. ``environ`` and ``platform`` are injected by tests."""
    env = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen.startswith("wayland") and not env.get("WAYLAND_DISPLAY") and env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "xcb"
        return
    if chosen.startswith("wayland"):
        wanted: tuple[str, ...] = ("WAYLAND_DISPLAY",)
    elif chosen in ("", "xcb"):
        wanted = ("DISPLAY", "WAYLAND_DISPLAY") if not chosen else ("DISPLAY",)
    else:   # offscreen, vnc, eglfs…: whoever chose it knows
        return
    if not any(env.get(name) for name in wanted):
        from otop_pos.core.errors import OtopError

        raise OtopError(
            "ไม่มีหน้าจอ: เปิดหน้าต่างโปรแกรมจากที่นี่ไม่ได้ (หน้าจอตัวอักษรหรือ ssh) กรุณาเปิด OTOP POS จากเมนูของเดสก์ท็อป "
            "คำสั่งอื่นใช้ได้ตามปกติ: otop-pos --help",
            "No screen: the window cannot open from here (a text console or ssh). Start OTOP POS from the "
            "desktop's menu. The other commands work here: otop-pos --help",
        )


def launch_gui(args: argparse.Namespace) -> int:
    """Open the booth app window; a clear message when Qt cannot start here."""
    check_screen()
    try:
        from otop_pos.ui.booth_app import run_booth_app
    except ImportError as exc:
        print("เปิดหน้าจอโปรแกรมไม่ได้ในเครื่องนี้\n"
              f"The booth window cannot start here: {exc}. The command-line tools work: otop-pos --help",
              file=sys.stderr)
        return 2
    from otop_pos.booth.service import open_booth_service

    return run_booth_app(open_booth_service, demo=bool(args.demo), lang=args.lang)


def launch_organiser(args: argparse.Namespace) -> int:
    """Open the organiser window on the fair store given by ``--db`` (or the default)."""
    check_screen()
    try:
        from otop_pos.ui.organiser.app import run_organiser_app
    except ImportError as exc:
        print("เปิดหน้าต่างผู้จัดงานไม่ได้ในเครื่องนี้\n"
              f"The organiser window cannot start here: {exc}. The command-line tools work: otop-pos fair --help",
              file=sys.stderr)
        return 2
    return run_organiser_app(db=getattr(args, "db", None), lang=args.lang)


#: The named mutex a running otop-pos holds on Windows; the installer's AppMutex (packaging/windows/otop-pos.iss)
#: waits for it to go before it replaces or removes the program.
APP_MUTEX = "otop-pos-running"
_held: list[Any] = []


def give_windowless_start_streams() -> None:
    """A windowed start (the Start menu's ``otop-pos.exe``, or ``pythonw``) has no console: ``sys.stdout`` and
    ``sys.stderr`` are None there, and a ``sys.stdout.write``, ``sys.stderr.isatty()`` or a logging
    StreamHandler would raise. Give them the null device (bugs still reach otop-pos-errors.log)."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - open for the process


def hold_app_mutex(kernel32: Any = None) -> None:
    """On Windows, create the named mutex ``APP_MUTEX`` for as long as this process runs (``kernel32`` is
    injected by tests); elsewhere nothing."""
    if kernel32 is None:
        if sys.platform != "win32":
            return
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        kernel32.CreateMutexW.restype = ctypes.c_void_p     # a HANDLE, pointer-sized
    handle = kernel32.CreateMutexW(None, False, APP_MUTEX)
    if handle:
        _held.append(handle)   # never closed: Windows drops it when the process ends


def use_a_working_locale(environ: MutableMapping[str, str] | None = None) -> bool:
    """A locale that is set but not generated (``LANG=th_TH.UTF-8`` on a laptop that has only C.UTF-8): Qt would
    warn 'Detected locale "C" with character encoding …' on every start. Then ``LC_ALL=C.UTF-8`` for Qt (the
    app's language is its own setting, never the C locale's); True when it did. The process's locale is left
    as it was."""
    import locale

    env = os.environ if environ is None else environ
    saved = locale.setlocale(locale.LC_ALL)
    try:
        locale.setlocale(locale.LC_ALL, "")
        return False
    except locale.Error:
        env["LC_ALL"] = "C.UTF-8"
        return True
    finally:
        locale.setlocale(locale.LC_ALL, saved)


def main(argv: Sequence[str] | None = None) -> int:
    """The ``otop-pos`` entry point: the CLI, which starts the booth window when given no command."""
    give_windowless_start_streams()
    use_a_working_locale()
    hold_app_mutex()
    from otop_pos.cli.main import main as cli_main

    return cli_main(argv, start_gui=launch_gui, start_organiser=launch_organiser)
