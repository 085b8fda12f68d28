"""Red team for issue 13 (organiser's files): reproductions of defects found on main. Each test fails on main
for the reason in its docstring. On SQLite and PostgreSQL where the fair store is involved."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import text

from otop_pos.core.clock import FixedClock
from otop_pos.fair.figures import compute_figures
from otop_pos.fair.forks import accept_fork
from otop_pos.fair.importer import import_paths
from otop_pos.fair.store import FairStore
from tests.fair.booths import FIRST_DAY
from tests.fair.test_copied_till_days import closed_then_copied


def test_a_day_closed_before_the_copy_is_counted_once_after_accept_fork(
        fair_store: FairStore, fair_clock: FixedClock, tmp_path: Path) -> None:
    """Day 1 was sold, closed and imported on laptop A; then A's folder was copied and both laptops sold on
    day 2. After ``fair accept-fork`` the report's cash table lists day 1's close twice (same till 1, same
    date, same amounts) and the branch's till_day rows hold a copy of it (accept says "2 days" added): the
    one cash count a person made is counted twice, its shortage doubled. Expected: day 1 once."""
    a, c, fa, fc = closed_then_copied(fair_store, fair_clock, tmp_path)
    assert [f.reason for f in import_paths(fair_store, fair_clock, [fa, fc], jobs=0).files] == ["", "copied_till"]
    done = accept_fork(fair_store, fair_clock, fc)
    a.close()
    c.close()
    cash = compute_figures(fair_store, clock=fair_clock).cash
    day1 = [r for r in cash if r.business_date == FIRST_DAY]
    assert len(day1) == 1, day1  # one close of day 1 was made, before the copy
    with fair_store.read() as s:
        n_day1 = s.scalar(text("SELECT count(*) FROM till_day WHERE business_date = :d").bindparams(d=FIRST_DAY))
    assert n_day1 == 1
    assert done.days == 1  # only the copy's own day 2 is new


# --- hostile files in a folder ------------------------------------------------------------------------------

from typing import Any  # noqa: E402

from tests.fair.test_import_hostile import cli, edited, usb, fair_clock, fair_db, usb_built  # noqa: E402,F401  (usb is a fixture)


def test_a_folders_fifo_symlink_loop_and_directory_named_otopx_each_get_a_line(
        usb: dict[str, Any], fair_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """What a folder holds that is no regular file (a FIFO ``B009.otopx``, a symlink pointing at itself
    ``B010.otopx``, an empty directory ``B011.otopx`` a person made by mistake) is passed over without a
    word on main: no line, not counted, exit 0 — the organiser is never told B009–B011 were not imported.
    Expected (issue 13 item 5, "folder imports say what they skipped"): one skipped line each, exit 1."""
    folder = usb["folder"]
    os.mkfifo(folder / "B009.otopx")
    os.symlink("B010.otopx", folder / "B010.otopx")
    (folder / "B011.otopx").mkdir()
    code, out, err = cli(capsys, fair_db, "import", "--quiet", str(folder))
    assert "Traceback" not in out + err
    for name in ("B009.otopx", "B010.otopx", "B011.otopx"):
        assert any(name in ln and ("SKIPPED" in ln or "REFUSED" in ln) for ln in out.splitlines()), (name, out)
    assert code == 1, out


def test_a_fifo_named_on_the_command_line_is_not_called_missing(
        usb: dict[str, Any], fair_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """``fair import B009.otopx`` where B009.otopx is a FIFO (or any special file) says "No such file or
    folder" on main — it exists. Expected: it is named as not a regular file (skipped/refused or usage
    error saying so), never as missing."""
    fifo = usb["folder"] / "B009.otopx"
    os.mkfifo(fifo)
    code, out, err = cli(capsys, fair_db, "import", "--quiet", str(fifo))
    assert "Traceback" not in out + err
    assert "No such file or folder" not in err, err
    assert code in (1, 2)


def test_a_hand_edited_key_id_cannot_write_terminal_control_codes(
        usb: dict[str, Any], fair_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The unsigned manifest's ``key_id`` (64 characters allowed, any characters but NUL) is echoed into the
    refusal line as it is: ESC sequences and carriage returns from a hostile file reach the organiser's
    terminal, so a file can erase its own REFUSED line and print a fake "+ … imported" over it. Expected:
    control characters never reach the output (escaped, or the field refused as not a key id)."""
    fake = "\x1b[2K\r+ B003.otopx: imported\x1b[8m"
    edited(usb["template"], usb["folder"] / "B003.otopx", {"key_id": fake})
    code, out, err = cli(capsys, fair_db, "import", "--quiet", str(usb["folder"]))
    assert code == 1
    assert "\x1b" not in out + err and "\r" not in out + err, repr(out)
    line = next(ln for ln in out.splitlines() if ln.startswith("! B003.otopx: REFUSED"))
    assert line
