"""Spending brought by the state schemes, per vendor and per day, on SQLite and PostgreSQL: two booths take
คนละครึ่ง and welfare-card payments over two days (voids included); the organiser's ``fair summary --json``
and ``fair report --json`` name each scheme's customer and state shares for the fair, per vendor and per day,
equal to the booths' own ``booth report --json`` (per day: the booths' reports after day 1, and the rest); the
days add up to the fair; ``fair summary`` in text names each scheme's spending and shares."""
from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from otop_pos.cli import fair_cmds
from otop_pos.cli.main import main
from otop_pos.core.clock import FixedClock
from otop_pos.core.money import format_baht
from otop_pos.fair.store import FairStore, open_fair_store
from tests.fair.booths import FIRST_DAY
from tests.fair.conftest import create_pg_database, drop_pg_database, pg_url_or_skip
from tests.fair.scheme_fair import DAY2, VENDORS, SchemeFair, booth_report_json, build_scheme_fair, minus, summed


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def built(request: pytest.FixtureRequest,
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, SchemeFair, Path]]:
    """(the fair store's location, what the booths said, the folder of the booths), imported once per module."""
    root = tmp_path_factory.mktemp(f"schemes-{request.param}")
    server = name = ""
    if request.param == "sqlite":
        db = str(root / "fair.sqlite")
    else:
        server = pg_url_or_skip()
        db, name = create_pg_database(server)
    store = open_fair_store(db)
    clock = FixedClock(datetime(2020, 11, 1, 14, 0, tzinfo=timezone.utc), step=timedelta(seconds=1))
    try:
        yield db, build_scheme_fair(store, clock, root), root
    finally:
        store.dispose()
        if name:
            drop_pg_database(server, name)


def cli(capsys: pytest.CaptureFixture[str], db: str, *args: str) -> str:
    """``otop-pos fair --db DB ARGS…`` in this process; its standard output."""
    opened: list[FairStore] = []

    def store(args: Any) -> FairStore:
        opened.append(open_fair_store(args.db))
        return opened[-1]

    capsys.readouterr()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(fair_cmds, "_store", store)
        try:
            assert main(["fair", "--db", db, *args]) == 0
        finally:
            for s in opened:
                s.dispose()
    return capsys.readouterr().out


def test_the_fair_per_vendor_and_per_day_equal_the_booths_own_reports(
        built: tuple[str, SchemeFair, Path], capsys: pytest.CaptureFixture[str]) -> None:
    db, booths, root = built
    own = {code: booth_report_json(root / folder, capsys)["schemes"] for code, folder in zip(VENDORS, ("b1", "b2"))}
    assert own == booths.final
    summary = json.loads(cli(capsys, db, "summary", "--json"))
    report = json.loads(cli(capsys, db, "report", "--json"))
    for data in (summary, report):
        assert data["schemes"] == summed(own)
        assert data["schemes_per_vendor"] == own
        day1, day2 = summed(booths.day1), minus(summed(own), summed(booths.day1))
        assert data["schemes_per_day"] == {FIRST_DAY.isoformat(): day1, DAY2.isoformat(): day2}
    copay, welfare = summary["schemes"]["copay"], summary["schemes"]["welfare"]
    assert copay["state_satang"] > 0 and copay["customer_satang"] > 0
    assert welfare["customer_satang"] == 0 and welfare["state_satang"] > 0
    assert summary["schemes_per_day"][DAY2.isoformat()]["copay"]["state_satang"] >= 15000   # the cap, as the slip said
    assert [(n["code"], n["name_th"], n["name_en"]) for n in report["scheme_names"]] == [
        ("copay", "คนละครึ่ง", "Half-half co-payment"), ("welfare", "บัตรสวัสดิการแห่งรัฐ", "State welfare card")]


def test_one_day_of_the_report_holds_that_days_schemes_only(built: tuple[str, SchemeFair, Path],
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    db, booths, _root = built
    report = json.loads(cli(capsys, db, "report", "--json", "--from", DAY2.isoformat(), "--to", DAY2.isoformat()))
    rest = minus(summed(booths.final), summed(booths.day1))
    assert report["schemes"] == rest and list(report["schemes_per_day"]) == [DAY2.isoformat()]
    assert report["schemes_per_vendor"] == {code: minus(booths.final[code], booths.day1[code]) for code in VENDORS}


def test_fair_summary_text_names_each_schemes_spending_and_shares(built: tuple[str, SchemeFair, Path],
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    db, booths, _root = built
    out = cli(capsys, db, "summary")
    fair = summed(booths.final)
    net = sum(booths.net.values())
    assert "ยอดใช้จ่ายผ่านโครงการรัฐ / spending brought by state schemes:" in out
    for code, name in (("copay", "คนละครึ่ง / Half-half co-payment"), ("welfare", "บัตรสวัสดิการแห่งรัฐ / State welfare card")):
        line = next(x for x in out.splitlines() if x.strip().startswith(code))
        sh = fair[code]
        whole = sh["customer_satang"] + sh["state_satang"]
        assert format_baht(whole) in line and name in line
        assert f"รัฐ/state {format_baht(sh['state_satang'])}" in line
        assert f"ลูกค้า/customers {format_baht(sh['customer_satang'])}" in line
        assert f"({100 * whole / net:.2f} % of net income)" in line
