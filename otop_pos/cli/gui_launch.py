"""Starting the booth GUI from the CLI (the UI package is optional at import time)."""
from __future__ import annotations

import argparse
import sys


def launch_gui(args: argparse.Namespace) -> int:
    """Open the booth app window; a clear message when Qt cannot start here."""
    try:
        from otop_pos.ui.booth_app import run_booth_app
    except ImportError as exc:
        print("เปิดหน้าจอโปรแกรมไม่ได้: ยังไม่มีส่วนติดต่อผู้ใช้ในเครื่องนี้\n"
              f"The booth window cannot start here: {exc}. The command-line tools work: otop-pos --help",
              file=sys.stderr)
        return 2
    return run_booth_app(demo=bool(args.demo), lang=args.lang)
