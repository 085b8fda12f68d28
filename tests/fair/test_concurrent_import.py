"""Several desks importing overlapping exports at once into one PostgreSQL store: every sale exactly once, no
deadlock or serialization failure reaches the user (4 separate processes running ``otop-pos fair import``),
and the report totals that the imports keep — two vendors have two tills, whose imports add to the same
totals rows — equal a fresh computation from the documents."""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from otop_pos.app import demo_registry
from otop_pos.core.clock import FixedClock
from otop_pos.fair.figures import compute_figures
from otop_pos.fair.status import fair_summary
from otop_pos.fair.store import open_fair_store
from otop_pos.fair.totals import differences
from tests.fair.booths import FIRST_DAY, Booth, make_fair
from tests.fair.conftest import create_pg_database, drop_pg_database, pg_url_or_skip

VENDORS = [f"KK20-{i:04d}" for i in range(1, 9)]


@pytest.mark.postgres
@pytest.mark.slow
def test_four_desks_import_overlapping_files(tmp_path: Path, fair_clock: FixedClock) -> None:
    server = pg_url_or_skip()
    url, name = create_pg_database(server)
    try:
        store = open_fair_store(url)
        _fair, pkgs = make_fair(store, fair_clock, demo_registry(), tmp_path / "pkg", VENDORS)
        booths = [Booth(tmp_path / f"b{i}", pkgs[code].path, seed=i) for i, code in enumerate(VENDORS)]
        second = [Booth(tmp_path / f"t2-{i}", pkgs[VENDORS[i]].path, till_no=2, seed=10 + i) for i in (0, 1)]
        files: list[Path] = []
        for day in (FIRST_DAY, date(2020, 10, 27), date(2020, 10, 28)):
            for b in booths + second:
                b.sell(day, 15)
                files.append(b.export(tmp_path / "usb"))
        rng = random.Random(4)
        env = dict(os.environ, PYTHONWARNINGS="error", OTOP_POS_HOME=str(tmp_path / "home"))
        procs = []
        for desk in range(4):
            mine = rng.sample(files, k=len(files) * 3 // 4) + [tmp_path / "usb"] * (desk == 0)
            rng.shuffle(mine)
            procs.append(subprocess.Popen(
                [sys.executable, "-m", "otop_pos", "fair", "--db", url, "import", "--json", "--quiet", "--jobs", "0",
                 *map(str, mine)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env))
        outs = [p.communicate(timeout=300) for p in procs]
        reports = []
        for p, (out, err) in zip(procs, outs):
            assert p.returncode == 0, err
            reports.append(json.loads(out))
        assert all(r["refused"] == 0 for r in reports)
        assert sum(r["sales_added"] for r in reports) == 10 * 45
        summary = fair_summary(store)
        assert summary.sales_count == 10 * 45
        assert summary.net_satang == sum(b.net() for b in booths + second)
        expected = {code: b.net() for code, b in zip(VENDORS, booths)}
        for i, b in enumerate(second):
            expected[VENDORS[i]] += b.net()
        assert summary.per_vendor == expected
        with store.engine.connect() as conn:
            assert differences(conn) == []
        figures = compute_figures(store, clock=fair_clock)
        assert figures.key.net_satang == summary.net_satang
        assert {v.code: v.net_satang for v in figures.by_vendor if v.net_satang} == expected
        for b in booths + second:
            b.close()
        store.dispose()
    finally:
        drop_pg_database(server, name)
