"""Fixtures for the printing tests: offscreen Qt with the bundled fonts, and sample documents."""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any Qt application exists
# the helpers are imported as tests.printing.escpos_decode / tests.printing.receipt_samples: make sure the
# repository root is importable (``python -m pytest`` already puts it first) without shadowing anything
ROOT = str(Path(__file__).resolve().parents[2])
if ROOT not in sys.path:
    sys.path.append(ROOT)

import pytest  # noqa: E402

from otop_pos.printing.qtapp import ensure_qt_app  # noqa: E402


@pytest.fixture(autouse=True)
def qt_fonts(qapp):  # type: ignore[no-untyped-def]
    """pytest-qt's QApplication (shared by the whole session) plus the Sarabun fonts."""
    ensure_qt_app()
    return qapp
