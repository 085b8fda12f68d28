"""Helpers shared by the CLI command groups: argument types, JSON output, the booth store and service."""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

from otop_pos.core.errors import InputError
from otop_pos.core.visible import visible


def date_arg(text: str) -> date:
    """An argparse type for dates: ISO, d/m/y, พ.ศ. years and Thai digits (otop_pos.core.thaidate)."""
    from otop_pos.core.thaidate import parse_date

    try:
        return parse_date(text)
    except InputError as exc:
        raise argparse.ArgumentTypeError(exc.en) from exc


def _json_default(obj: Any) -> Any:
    if hasattr(obj, "isoformat"):
        return obj.isoformat()
    if isinstance(obj, Path):
        return str(obj)
    raise TypeError(type(obj).__name__)


def _json_escape(ch: str) -> str:
    n = ord(ch)
    if n > 0xFFFF:  # as a UTF-16 surrogate pair, as JSON writes it
        n -= 0x10000
        return f"\\u{0xD800 + (n >> 10):04x}\\u{0xDC00 + (n & 0x3FF):04x}"
    return f"\\u{n:04x}"


_JSON_HIDDEN = {"Cc", "Cf", "Cs", "Zl", "Zp"}


def safe_json(text: str) -> str:
    """JSON text ``text`` with every control, format (bidi, zero-width), surrogate and line-separator
    character written as a ``\\uXXXX`` escape (json escapes only C0 controls): the same data when read
    back, nothing that moves a terminal's cursor or turns text around when shown. Thai stays as it is."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch in "\n " or unicodedata.category(ch) not in _JSON_HIDDEN
                   else _json_escape(ch) for ch in text)


def dump_json(data: Any) -> None:
    """Print ``data`` as indented JSON (Thai kept as is; dates and paths as text; control and bidi
    characters escaped: ``safe_json``)."""
    sys.stdout.write(safe_json(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default)) + "\n")


def show(text: str, file: Any = None) -> None:
    """Print ``text`` line by line with control, bidi and non-UTF-8 characters shown as escapes
    (``core.visible``): every line of the fair commands' terminal output that holds names from files."""
    print("\n".join(visible(line) for line in text.split("\n")), file=file if file is not None else sys.stdout)


def booth_store() -> Any:
    """The booth store of ``--data-dir`` / ``OTOP_POS_HOME`` / the user data folder (read-only commands); a
    folder that holds none is "not set up yet" (SetupError) and is left as it is."""
    from otop_pos.booth.store import default_data_dir, open_booth_store

    return open_booth_store(default_data_dir(), create=False)


def booth_service(*, create: bool = False) -> Any:
    """The booth service on that store, printing inline: a command that queues a receipt prints it with
    ``print_now`` before it exits (nothing of Qt is loaded unless something prints). Only ``booth setup``
    passes ``create=True``: every other command needs a booth set up and makes no store of its own."""
    from otop_pos.booth.service import open_booth_service

    return open_booth_service(print_mode="inline", create=create)


def print_now(service: Any, job: Any, what_th: str, what_en: str) -> None:
    """Print ``job``, which the last action queued (a one-shot command does it before it exits); when it
    does not print, say so on stderr with the command that prints it later."""
    if job is None or not service.prints:
        return
    service.flush_prints()
    done = service.print_job(job.id)
    if done is None or done.status == "printed":
        return
    if done.status == "failed":
        command = f"otop-pos print queue --retry {done.id} --run"
        why_th, why_en = done.error_th, done.error_en
    else:
        command, why_th, why_en = "otop-pos print queue --run", "รอคิวพิมพ์", "still queued"
    print(f"ยังไม่ได้พิมพ์{what_th}: {why_th} — เมื่อเครื่องพิมพ์พร้อม สั่งพิมพ์ด้วย {command}\n"
          f"The {what_en} did not print: {why_en} — when the printer is ready, print it with {command}",
          file=sys.stderr)
