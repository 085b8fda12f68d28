"""Helpers shared by the CLI command groups: argument types, JSON output, the booth store."""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from otop_pos.core.errors import InputError


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


def dump_json(data: Any) -> None:
    """Print ``data`` as indented JSON (Thai kept as is; dates and paths as text)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n")  # one write


def booth_store() -> Any:
    """The booth store of ``--data-dir`` / ``OTOP_POS_HOME`` / the user data folder."""
    from otop_pos.booth.demo import open_booth

    return open_booth()
