"""Importing many files with worker processes: a damaged file is refused, the others still import; a killed
worker does not stop the command-line import."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from otop_pos.core.clock import SystemClock
from otop_pos.fair.importer import import_paths
from otop_pos.fair.status import fair_summary
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


def _workers_of(pid: int) -> list[int]:
    """The multiprocessing worker processes (spawned) whose parent is ``pid``."""
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == pid and b"spawn_main" in cmdline:
            out.append(int(entry.name))
    return out


def test_cli_import_goes_on_when_a_worker_process_is_killed(tmp_path: Path) -> None:
    """``fair import`` with a worker process that gets killed: every file is still imported, exit 0, and the
    command says that the rest was verified in its own process (was: exit 70, "internal error")."""
    meta = gen_exports.generate(tmp_path / "x", booths=24, days=2, per_day=40, seed=5, jobs=1)
    db = tmp_path / "fair.sqlite"
    store = open_fair_store(db)
    gen_exports.setup_store(store, meta)
    store.dispose()
    env = dict(os.environ, OTOP_POS_HOME=str(tmp_path / "home"))
    proc = subprocess.Popen([sys.executable, "-m", "otop_pos", "fair", "--db", str(db), "import", "--json", "--quiet",
                             "--jobs", "1", *map(str, sorted((tmp_path / "x").glob("*.otopx")))],  # not its fair.json
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)
    killed = []
    deadline = time.monotonic() + 60
    while not killed and proc.poll() is None and time.monotonic() < deadline:
        for pid in _workers_of(proc.pid):
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)
        time.sleep(0.02)
    out, err = proc.communicate(timeout=300)
    assert killed, "no worker process was seen"
    assert proc.returncode == 0, err
    report = json.loads(out)
    assert report["worker_crashed"] is True
    assert report["imported"] == 24 and report["refused"] == 0, report
    assert "worker process verifying files died" in err
    store = open_fair_store(db)
    try:
        assert fair_summary(store, None).sales_count == report["sales_added"] > 0
    finally:
        store.dispose()
