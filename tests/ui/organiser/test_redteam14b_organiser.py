"""Red team (round two) for issue #14, organiser window: defects found on main, one test each (offscreen).
(Here rather than tests/ui/test_redteam14b_ui.py because the organiser's fixtures live in this folder.)"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from otop_pos.fair.store import FairStore
from otop_pos.core.clock import FixedClock
from otop_pos.ui.organiser.app import apply_organiser_theme

from .conftest import make_ctx, open_window


def test_the_import_page_does_not_say_one_file_is_waiting_before_any_import(org_store: FairStore,
                                                                            org_clock: FixedClock,
                                                                            tmp_path: Path, qapp: Any,
                                                                            qtbot: Any) -> None:
    """The organiser opens the import page in the evening, before dropping any file: the progress bar reads
    "0 / 1" (range 0..1, format "%v / %m") — as if one file were waiting or had failed. Nothing was chosen: the
    bar should say nothing (or be hidden) until an import starts. Same after Thai or English, at 1024×600."""
    apply_organiser_theme(qapp, 600)
    w = open_window(make_ctx(org_store, org_clock, tmp_path, "th"), qtbot)
    w.resize(1024, 600)
    page: Any = w.show_page("import")
    qtbot.wait(100)
    bar = page.progress
    shown = bar.text() if bar.isVisible() and bar.isTextVisible() else ""
    assert shown != "0 / 1", f"the idle import page's progress bar reads {shown!r}"
