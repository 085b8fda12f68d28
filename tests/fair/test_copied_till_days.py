"""Till days of a copied till accepted as a branch (``fair accept-fork``): a close the laptops share (made
before they parted) is held once, a day each laptop closed on its own is one close per laptop and the report's
cash table names the copy's ("till 1 (copy 1)"); ``fair verify`` finds a close held twice and ``--repair``
keeps it once. On SQLite and PostgreSQL."""
from __future__ import annotations

import shlex
from datetime import timedelta
from pathlib import Path

from sqlalchemy import text

from otop_pos.app import demo_registry
from otop_pos.core.clock import FixedClock
from otop_pos.fair import branches as BR
from otop_pos.fair.figures import compute_figures
from otop_pos.fair.forks import accept_fork
from otop_pos.fair.importer import import_paths
from otop_pos.fair.store import FairStore
from otop_pos.fair.totals import verify_totals
from otop_pos.reports.figure_tables import figure_tables
from tests.fair.booths import FIRST_DAY, Booth, make_fair
from tests.fair.test_copied_till import copy_of

D2 = FIRST_DAY + timedelta(days=1)
CODE = "KK20-0001"


def closed_then_copied(fair_store: FairStore, fair_clock: FixedClock,
                       tmp_path: Path) -> tuple[Booth, Booth, Path, Path]:
    """Laptop A sold and closed day 1, which was imported; then A's folder was copied (C) and both sold and
    closed day 2. Returns (A, C, A's export, C's export), both booths still open."""
    _fair, packages = make_fair(fair_store, fair_clock, demo_registry(), tmp_path / "packages", [CODE])
    a = Booth(tmp_path / "a", packages[CODE].path, seed=1)
    a.sell(FIRST_DAY, 4)
    a.close_day()
    assert import_paths(fair_store, fair_clock, [a.export(tmp_path / "u0")], jobs=0).count("imported") == 1
    c = copy_of(a, tmp_path / "c", seed=7)
    a.sell(D2, 2)
    c.sell(D2, 3)
    a.close_day()
    c.close_day()
    return a, c, a.export(tmp_path / "u1" / "a"), c.export(tmp_path / "u1" / "c")


def _closes(store: FairStore) -> list[tuple[str, int]]:
    with store.read() as s:
        return [(str(d)[:10], int(n)) for d, n in s.execute(text(
            "SELECT business_date, count(*) FROM till_day GROUP BY business_date ORDER BY 1"))]


def _cash_tills(store: FairStore, clock: FixedClock, lang: str) -> list[tuple[str, object]]:
    """(date, till cell) of each row of the report's cash table."""
    table = next(t for t in figure_tables(compute_figures(store, clock=clock), lang) if t.slug == "cash")
    return [(str(r[0]), r[2]) for r in table.rows]


def test_a_fork_of_a_fork_holds_each_close_once_and_the_cash_table_names_the_copies(
        fair_store: FairStore, fair_clock: FixedClock, tmp_path: Path) -> None:
    """A sold day 1 and was imported; its folder was copied (C) with day 1 open, each closed day 1 with its
    own cash; C's folder was copied again (D) after that close, and C and D each sold and closed day 2."""
    _fair, packages = make_fair(fair_store, fair_clock, demo_registry(), tmp_path / "packages", [CODE])
    a = Booth(tmp_path / "a", packages[CODE].path, seed=1)
    a.sell(FIRST_DAY, 3)
    assert import_paths(fair_store, fair_clock, [a.export(tmp_path / "u0")], jobs=0).count("imported") == 1
    c = copy_of(a, tmp_path / "c", seed=7)
    a.sell(FIRST_DAY, 2)
    c.sell(FIRST_DAY, 1)
    a.close_day()
    c.close_day()
    fa, fc = a.export(tmp_path / "u1" / "a"), c.export(tmp_path / "u1" / "c")
    assert [f.reason for f in import_paths(fair_store, fair_clock, [fa, fc], jobs=0).files] == ["", "copied_till"]
    first = accept_fork(fair_store, fair_clock, fc)
    assert (first.branch, first.sales, first.days) == (1, 1, 1)  # its own close of the day both had open
    d = copy_of(c, tmp_path / "d", seed=9)  # day 1 closed on C before this copy
    c.sell(D2, 2)
    d.sell(D2, 3)
    c.close_day()
    d.close_day()
    fc2, fd = c.export(tmp_path / "u2" / "c"), d.export(tmp_path / "u2" / "d")
    assert [f.reason for f in import_paths(fair_store, fair_clock, [fc2, fd], jobs=0).files] == ["", "copied_till"]
    second = accept_fork(fair_store, fair_clock, fd)
    assert (second.branch, second.sales, second.days) == (2, 3, 1)  # only D's own day 2 is new
    assert accept_fork(fair_store, fair_clock, fd).days == 0
    for b in (a, c, d):
        b.close()
    assert _closes(fair_store) == [(FIRST_DAY.isoformat(), 2), (D2.isoformat(), 2)]  # one close per laptop
    assert _cash_tills(fair_store, fair_clock, "en") == [
        (FIRST_DAY.isoformat(), 1), (FIRST_DAY.isoformat(), "1 (copy 1)"),
        (D2.isoformat(), "1 (copy 1)"), (D2.isoformat(), "1 (copy 2)")]
    assert _cash_tills(fair_store, fair_clock, "th")[1][1] == "1 (สำเนา 1)"
    assert not verify_totals(fair_store).differences


def test_verify_finds_a_close_held_twice_and_repair_keeps_it_once(
        fair_store: FairStore, fair_clock: FixedClock, tmp_path: Path) -> None:
    """A store written before closes were held once: the branch holds a second row of day 1's close, made
    before the copy (as accept-fork stored it then). ``fair verify`` names it; ``--repair`` keeps one."""
    a, c, fa, fc = closed_then_copied(fair_store, fair_clock, tmp_path)
    import_paths(fair_store, fair_clock, [fa, fc], jobs=0)
    assert accept_fork(fair_store, fair_clock, fc).days == 1
    a.close()
    c.close()
    cols = ("fair_id, vendor_id, business_date, opened_at, closed_at, float_satang, expected_cash_satang, "
            "counted_cash_satang, difference_satang, counts_json, by_method_json")

    def old_copy(s: object) -> None:
        conn = s.connection()  # type: ignore[attr-defined]
        branch = conn.execute(text("SELECT till_id, till_uuid FROM till_branch")).one()
        day = conn.execute(text("SELECT uuid FROM till_day WHERE business_date = :d").bindparams(d=FIRST_DAY)).one()
        conn.execute(text(f"INSERT INTO till_day (uuid, till_id, {cols}) SELECT :u, :t, {cols} FROM till_day "
                          "WHERE uuid = :d"),
                     {"u": BR.day_uuid(BR.branch_uuid(branch[1], 1), day[0]), "t": branch[0], "d": day[0]})

    fair_store.transaction(old_copy)
    assert _closes(fair_store)[0] == (FIRST_DAY.isoformat(), 2)
    found = verify_totals(fair_store)
    assert [(x.table, x.key[1], x.stored, x.computed) for x in found.differences] == \
        [("till_day", FIRST_DAY.isoformat(), (2,), (1,))]
    assert not found.repaired
    assert verify_totals(fair_store, repair=True).repaired
    assert _closes(fair_store) == [(FIRST_DAY.isoformat(), 1), (D2.isoformat(), 2)]
    assert [t for d, t in _cash_tills(fair_store, fair_clock, "en") if d == FIRST_DAY.isoformat()] == [1]
    assert not verify_totals(fair_store).differences


def test_two_copied_laptops_exporting_in_the_same_second_write_two_files(
        fair_store: FairStore, fair_clock: FixedClock, tmp_path: Path) -> None:
    """Both laptops share the till identity, export number series and clock: the chain head in the file name
    keeps the second export from overwriting the first on one USB stick."""
    _fair, packages = make_fair(fair_store, fair_clock, demo_registry(), tmp_path / "packages", [CODE])
    a = Booth(tmp_path / "a", packages[CODE].path, seed=1)
    a.sell(FIRST_DAY, 2)
    c = copy_of(a, tmp_path / "c", seed=7)
    a.sell(FIRST_DAY, 1)
    c.sell(FIRST_DAY, 2)
    c.clock.t = a.clock.t
    stick = tmp_path / "stick"
    fa, fc = a.export(stick), c.export(stick)
    a.close()
    c.close()
    assert fa != fc and fa.exists() and fc.exists()
    assert fa.name.rsplit("-", 2)[0] == fc.name.rsplit("-", 2)[0] and fa.name[-8:] == fc.name[-8:]  # same pattern
    files = import_paths(fair_store, fair_clock, [stick], jobs=0).files
    assert sorted((f.result, f.reason) for f in files) == [("imported", ""), ("refused", "copied_till")]


def test_the_copied_till_refusal_names_the_file_as_dropped_quoted_for_a_shell(
        fair_store: FairStore, fair_clock: FixedClock, tmp_path: Path) -> None:
    """The organiser drops a stick's folder with a space in its name: the suggested command, pasted into a
    shell, names that very file."""
    _fair, packages = make_fair(fair_store, fair_clock, demo_registry(), tmp_path / "packages", [CODE])
    a = Booth(tmp_path / "a", packages[CODE].path, seed=1)
    a.sell(FIRST_DAY, 2)
    assert import_paths(fair_store, fair_clock, [a.export(tmp_path / "u0")], jobs=0).count("imported") == 1
    c = copy_of(a, tmp_path / "c", seed=7)
    a.sell(FIRST_DAY, 1)
    c.sell(FIRST_DAY, 2)
    stick = tmp_path / "USB stick" / "ยอดขาย บูธ 1"
    fa, fc = a.export(stick / "a"), c.export(stick / "c")
    a.close()
    c.close()
    files = import_paths(fair_store, fair_clock, [tmp_path / "USB stick"], jobs=0).files
    refused = next(f for f in files if f.reason == "copied_till")
    command = refused.en.split("otop-pos fair accept-fork ", 1)[1].split("; then", 1)[0]
    assert command == shlex.quote(str(fc)) and command.startswith("'")
    assert shlex.split(command) == [str(fc)] and f"accept-fork {command} " in refused.th
    assert accept_fork(fair_store, fair_clock, shlex.split(command)[0]).sales == 2
    assert fa.exists()
