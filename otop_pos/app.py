"""Composition root: the ``otop-pos`` entry point wires the CLI and the booth window together.

It builds the booth service (``booth.service.open_booth_service``) for the window; the CLI commands build
theirs through ``cli.common.booth_service``. Nothing below this module imports it, so the layers stay one-way.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from typing import Any

__all__ = ["DEMO_FAIR", "DEMO_PIN", "DEMO_VENDOR", "demo_registry", "ensure_demo_booth", "launch_gui", "launch_organiser", "main",
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


def launch_gui(args: argparse.Namespace) -> int:
    """Open the booth app window; a clear message when Qt cannot start here."""
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
    try:
        from otop_pos.ui.organiser.app import run_organiser_app
    except ImportError as exc:
        print("เปิดหน้าต่างผู้จัดงานไม่ได้ในเครื่องนี้\n"
              f"The organiser window cannot start here: {exc}. The command-line tools work: otop-pos fair --help",
              file=sys.stderr)
        return 2
    return run_organiser_app(db=getattr(args, "db", None), lang=args.lang)


def main(argv: Sequence[str] | None = None) -> int:
    """The ``otop-pos`` entry point: the CLI, which starts the booth window when given no command."""
    from otop_pos.cli.main import main as cli_main

    return cli_main(argv, start_gui=launch_gui, start_organiser=launch_organiser)
