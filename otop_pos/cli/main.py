"""``otop-pos``: one entry point. No arguments starts the booth app; subcommands run use cases headlessly."""
from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from otop_pos import __version__
from otop_pos.core.errors import OtopError
from otop_pos.core.visible import visible

log = logging.getLogger("otop_pos")


class CliError(OtopError):
    """A command-line usage problem."""


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser."""
    from otop_pos.cli import booth_cmds, fair_cmds, print_cmds

    p = argparse.ArgumentParser(prog="otop-pos", description="OTOP fair point of sale / ระบบขายหน้าร้านงาน OTOP")
    p.add_argument("--version", action="version", version=f"otop-pos {__version__}")
    p.add_argument("--data-dir", type=Path, default=None,
                   help="booth data folder (default: $OTOP_POS_HOME or the user data folder)")
    p.add_argument("--demo", action="store_true", help="start the app on the demo fair (sets the booth up once)")
    p.add_argument("--lang", choices=("th", "en"), default=None, help="language of the app")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    booth_cmds.register(sub)
    org = sub.add_parser("organiser", help="open the organiser window (fairs, import, dashboard, reports)")
    org.add_argument("--db", help="fair store: a SQLite file or postgresql+psycopg://… URL (or OTOP_POS_DB)")
    print_cmds.register(sub)
    fair_cmds.register(sub)
    return p


def _print_error(exc: OtopError) -> None:
    """The error on stderr, each line ``visible`` (a file's name or content may hold control characters)."""
    problems = getattr(exc, "problems", None)
    if problems:  # each problem already holds its Thai and English text: print the list once
        head_th, head_en = exc.th.split("\n", 1)[0], exc.en.split("\n", 1)[0]
        text = f"ข้อผิดพลาด: {head_th}\nError: {head_en}\n" + "\n".join(str(p) for p in problems)
    else:
        text = f"ข้อผิดพลาด: {exc.th}\nError: {exc.en}"
    print("\n".join(visible(line) for line in text.split("\n")), file=sys.stderr)


def main(argv: Sequence[str] | None = None, *,
         start_gui: Callable[[argparse.Namespace], int] | None = None,
         start_organiser: Callable[[argparse.Namespace], int] | None = None) -> int:
    """Run the CLI; returns the exit code (0 ok, 2 user error, 70 bug). With no command it calls
    ``start_gui``; ``organiser`` calls ``start_organiser`` (both handed in by the composition root,
    otop_pos.app, so that cli/ never imports ui/)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.data_dir is not None:
        os.environ["OTOP_POS_HOME"] = str(args.data_dir)
    try:
        if args.command is None:
            if start_gui is None:
                parser.print_help()
                return 2
            return start_gui(args)
        if args.command == "organiser":
            if start_organiser is None:
                print("The organiser window is not available here.", file=sys.stderr)
                return 2
            return start_organiser(args)
        handler = getattr(args, "handler", None)
        if handler is None:
            parser.parse_args([args.command, "--help"])
            return 2
        return int(handler(args) or 0)
    except OtopError as exc:
        _print_error(exc)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception:  # a bug: keep the traceback, show a plain message
        log_path = _log_bug()
        print(f"ข้อผิดพลาดที่ไม่คาดคิด บันทึกรายละเอียดไว้ที่ {log_path}\n"
              f"Something went wrong; details were written to {log_path}", file=sys.stderr)
        return 70


def _log_bug() -> Path:
    from otop_pos.booth.store import default_data_dir

    folder = default_data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "otop-pos-errors.log"
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(traceback.format_exc() + "\n")
    except OSError:
        path = Path("<stderr>")
        traceback.print_exc()
    return path


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
