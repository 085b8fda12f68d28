"""Importing many files with worker processes: a damaged file is refused, the others still import."""
from __future__ import annotations

import sys
from pathlib import Path

from otop_pos.core.clock import SystemClock
from otop_pos.fair.importer import import_paths
from otop_pos.fair.store import open_fair_store

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import gen_exports  # noqa: E402


def test_damaged_first_file_is_refused_and_workers_survive(tmp_path: Path) -> None:
    meta = gen_exports.generate(tmp_path / "x", booths=9, days=2, per_day=5, seed=3, jobs=1)
    files = sorted((tmp_path / "x").glob("*.otopx"))
    assert len(files) == 9
    damaged = files[0].with_name("000-damaged.otopx")
    blob = bytearray(files[0].read_bytes())
    blob[len(blob) // 2] ^= 0xFF
    damaged.write_bytes(bytes(blob))
    store = open_fair_store(tmp_path / "fair.sqlite")
    gen_exports.setup_store(store, meta)
    report = import_paths(store, SystemClock(), [tmp_path / "x"], jobs=2)
    refused = [r for r in report.files if r.result == "refused"]
    assert [r.name for r in refused] == ["000-damaged.otopx"]
    assert refused[0].reason and refused[0].en and refused[0].th
    assert sum(1 for r in report.files if r.result == "imported") == 9
