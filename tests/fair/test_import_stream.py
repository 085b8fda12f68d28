"""Large exports are read in bounded memory (``export_stream``) and written a batch at a time: in batches of 7
sales, with the spool in a temporary file, an import gives exactly the rows and totals of reading the file
whole (``read_export``), a cumulative export continues mid-batch, a file in another (valid) layout falls back
to reading it whole, and a bad file is refused with the same reason and words by both readings."""
from __future__ import annotations

import os
import subprocess
import sys
import time as time_module
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from otop_pos.core.clock import FixedClock
from otop_pos.core.limits import MAX_QTY
from otop_pos.exchange.export_format import ExportData, write_export
from otop_pos.exchange.export_stream import NotStreamable
from otop_pos.fair import prepare
from otop_pos.fair.importer import import_paths
from otop_pos.fair.status import fair_summary
from otop_pos.fair.store import FairStore, open_fair_store

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import gen_exports  # noqa: E402

TABLES = ("sale", "sale_line", "payment", "void", "refund", "refund_line", "till_day", "sale_total",
          "payment_total", "product_total")
FAIR_UID = "KK-STREAM"


def _fail(*_args: Any, **_kwargs: Any) -> Any:
    raise AssertionError("this reading must not be used here")


def _not_streamable(*_args: Any, **_kwargs: Any) -> Any:
    raise NotStreamable("forced")


@pytest.fixture
def booth() -> gen_exports.BoothSpec:
    return gen_exports.booth_specs(1, seed=7)[0]


def _data(spec: gen_exports.BoothSpec, days: int) -> ExportData:
    """The till's documents after ``days`` days (a longer run starts with the same documents)."""
    data, _net = gen_exports.booth_data(spec, FAIR_UID, days, 40, seed=7)
    return data


def _export(spec: gen_exports.BoothSpec, folder: Path, data: ExportData, seq: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    created = datetime.combine(gen_exports.FIRST_DAY + timedelta(days=seq), time(21), gen_exports.ICT)
    return write_export(folder / f"B-{seq}.otopx", data, spec.private_pem, seq, created)


def _store(path: Path, spec: gen_exports.BoothSpec) -> FairStore:
    store = open_fair_store(path)
    gen_exports.setup_store(store, {
        "fair_uid": FAIR_UID, "first_day": gen_exports.FIRST_DAY.isoformat(),
        "last_day": (gen_exports.FIRST_DAY + timedelta(days=8)).isoformat(),
        "vendors": [[spec.vendor_code, spec.booth, spec.public_pem, spec.key_id]]})
    return store


def _rows(store: FairStore) -> dict[str, list[tuple[Any, ...]]]:
    with store.read() as s:
        return {t: [tuple(r) for r in s.execute(text(f"SELECT * FROM {t} ORDER BY 1, 2, 3"))] for t in TABLES}


def _import(tmp_path: Path, name: str, spec: gen_exports.BoothSpec, files: list[Path],
            monkeypatch: pytest.MonkeyPatch, *, streamed: bool) -> tuple[dict[str, list[tuple[Any, ...]]], Any]:
    """Import ``files`` one run each into a fresh store: streamed in batches of 7 with a spool of 1 kB, or
    read whole. Returns every document and totals row, and the summary."""
    spool = tmp_path / f"spool-{name}"
    spool.mkdir()
    with monkeypatch.context() as m:
        m.setattr(prepare.tempfile, "tempdir", str(spool))
        if streamed:
            m.setattr(prepare, "BATCH", 7)
            m.setattr(prepare, "SPOOL_MEMORY", 1024)
            m.setattr(prepare, "_prepare_whole", _fail)
        else:
            m.setattr(prepare, "_prepare_streamed", _not_streamable)
        store = _store(tmp_path / f"{name}.sqlite", spec)
        clock = FixedClock(datetime(2025, 7, 1, tzinfo=gen_exports.ICT), step=timedelta(seconds=1))
        for f in files:
            report = import_paths(store, clock, [f], jobs=0)
            assert [r.result for r in report.files] == ["imported"], report.files
        rows, summary = _rows(store), fair_summary(store)
        store.dispose()
    assert list(spool.iterdir()) == []  # the spool's temporary files are gone
    return rows, summary


def test_streamed_in_batches_of_7_gives_the_rows_of_reading_the_file_whole(
        tmp_path: Path, booth: gen_exports.BoothSpec, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _data(booth, 4)
    assert data.voids and data.refunds and len(data.sales) % 7  # a void and a refund, a last batch not full
    path = _export(booth, tmp_path / "x", data, 1)
    streamed, summary = _import(tmp_path, "streamed", booth, [path], monkeypatch, streamed=True)
    whole, whole_summary = _import(tmp_path, "whole", booth, [path], monkeypatch, streamed=False)
    assert streamed == whole
    assert summary == whole_summary
    assert summary.sales_count == len(data.sales)
    assert len(streamed["sale_line"]) == len(data.lines) and len(streamed["refund_line"]) == len(data.refund_lines)


def test_a_cumulative_export_continues_in_the_middle_of_a_batch(
        tmp_path: Path, booth: gen_exports.BoothSpec, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = _data(booth, 2), _data(booth, 4)
    assert second.sales[:len(first.sales)] == first.sales and len(first.sales) % 7
    files = [_export(booth, tmp_path / "x", first, 1), _export(booth, tmp_path / "x", second, 2)]
    streamed, summary = _import(tmp_path, "streamed", booth, files, monkeypatch, streamed=True)
    whole, whole_summary = _import(tmp_path, "whole", booth, files, monkeypatch, streamed=False)
    assert streamed == whole and summary == whole_summary
    assert len(streamed["sale"]) == len(second.sales)


def test_a_file_in_another_valid_layout_is_read_whole_and_gives_the_same_rows(
        tmp_path: Path, booth: gen_exports.BoothSpec, monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines and payments listed with the last sale first: valid, but not how a booth writes them."""
    data = _data(booth, 2)
    shuffled = replace(data, lines=tuple(sorted(data.lines, key=lambda ln: ln.sale_uuid)),
                       payments=tuple(reversed(data.payments)))
    canonical = _export(booth, tmp_path / "a", data, 1)
    other = _export(booth, tmp_path / "b", shuffled, 1)
    with pytest.raises(NotStreamable):
        prepare._prepare_streamed(str(other), booth.public_pem, gen_exports.FIRST_DAY, date(2030, 1, 1), True,
                                  "", 7)
    calls: list[str] = []
    original = prepare._prepare_whole

    def whole(*args: Any) -> Any:
        calls.append(args[0])
        return original(*args)

    monkeypatch.setattr(prepare, "_prepare_whole", whole)
    a, b = _store(tmp_path / "a.sqlite", booth), _store(tmp_path / "b.sqlite", booth)
    clock = FixedClock(datetime(2025, 7, 1, tzinfo=gen_exports.ICT), step=timedelta(seconds=1))
    assert import_paths(a, clock, [canonical], jobs=0).files[0].result == "imported"
    assert calls == []
    assert import_paths(b, clock, [other], jobs=0).files[0].result == "imported"
    assert calls == [str(other)]
    assert _rows(a) == _rows(b) and fair_summary(a) == fair_summary(b)
    a.dispose()
    b.dispose()


def _bump_net(d: ExportData) -> ExportData:
    ln = d.lines[30]
    return replace(d, lines=d.lines[:30] + (replace(ln, net_satang=ln.net_satang + 1),) + d.lines[31:])


def _bad_hash(d: ExportData) -> ExportData:
    s = d.sales[50]
    return replace(d, sales=d.sales[:50] + (replace(s, hash="0" * 64),) + d.sales[51:])


def _void_amount(d: ExportData) -> ExportData:
    return replace(d, voids=(replace(d.voids[0], amount_satang=d.voids[0].amount_satang + 1),) + d.voids[1:])


def _huge_qty(d: ExportData) -> ExportData:
    ln = d.lines[40]
    return replace(d, lines=d.lines[:40] + (replace(ln, qty=MAX_QTY + 1),) + d.lines[41:])


def _late_sale(d: ExportData) -> ExportData:
    s = d.sales[-1]
    return replace(d, sales=d.sales[:-1] + (replace(s, business_date=date(2031, 1, 1)),))


def _no_day(d: ExportData) -> ExportData:
    return replace(d, days=d.days[:-1])


def _seq_gap(d: ExportData) -> ExportData:
    s = d.sales[60]
    return replace(d, sales=d.sales[:60] + (replace(s, seq=s.seq + 10_000),) + d.sales[61:])


def _long_name(d: ExportData) -> ExportData:
    ln = d.lines[45]
    return replace(d, lines=d.lines[:45] + (replace(ln, name="ผ้าไหม" * 100),) + d.lines[46:])


def _same_number(d: ExportData) -> ExportData:
    s = d.sales[70]
    return replace(d, sales=d.sales[:70] + (replace(s, number=d.sales[20].number),) + d.sales[71:])


def _same_uuid(d: ExportData) -> ExportData:
    return replace(d, days=d.days[:-1] + (replace(d.days[-1], uuid=d.sales[3].uuid),))


@pytest.mark.parametrize(("tamper", "streams"), [
    (_bump_net, True), (_bad_hash, True), (_void_amount, True), (_huge_qty, True), (_late_sale, True),
    (_no_day, True), (_long_name, True), (_seq_gap, False), (_same_number, False), (_same_uuid, False)])
def test_a_bad_signed_file_is_refused_alike_streamed_or_read_whole(
        tmp_path: Path, booth: gen_exports.BoothSpec, tamper: Callable[[ExportData], ExportData],
        streams: bool) -> None:
    """Re-signed by the booth's key after the change, so only the content checks can catch it. A sale out of
    seq order or a repeated number or UUID is left to the whole reading (it names the repeat)."""
    path = _export(booth, tmp_path, tamper(_data(booth, 3)), 1)
    last = gen_exports.FIRST_DAY + timedelta(days=8)

    def refusal(read: Callable[..., Any]) -> tuple[str, str, str]:
        with pytest.raises(Exception) as info:
            read(str(path), booth.public_pem, gen_exports.FIRST_DAY, last, True, "", 7)
        exc = info.value
        return getattr(exc, "reason", type(exc).__name__), str(getattr(exc, "en", exc)), str(getattr(exc, "th", ""))

    whole = refusal(prepare._prepare_whole)
    assert whole[0] in {"integrity", "chain", "limits", "outside_days"}, whole
    assert refusal(prepare.prepare_export) == whole
    if streams:
        assert refusal(prepare._prepare_streamed) == whole
    else:
        assert refusal(prepare._prepare_streamed)[0] == "NotStreamable"


def test_prepared_is_small_when_the_rows_are_spooled(tmp_path: Path, booth: gen_exports.BoothSpec,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """What a worker hands over holds 48 bytes a document besides the spool's path."""
    import pickle

    monkeypatch.setattr(prepare.tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(prepare, "SPOOL_MEMORY", 0)
    path = _export(booth, tmp_path / "x", _data(booth, 4), 1)
    p = prepare.prepare_export(str(path), booth.public_pem, gen_exports.FIRST_DAY, date(2030, 1, 1), True)
    spooled = Path(str(p.spool.path))
    try:
        assert spooled.stat().st_size > path.stat().st_size / 2
        size = len(pickle.dumps(p))
        assert size < 60 * len(p.hashes) + 20_000, size
        back = pickle.loads(pickle.dumps(p))
        assert list(back.chunks()) == list(p.chunks()) and list(back.hashes) == list(p.hashes)
    finally:
        p.discard()
    assert not spooled.exists()


def test_an_import_removes_the_spools_a_killed_run_left_and_only_those(
        tmp_path: Path, booth: gen_exports.BoothSpec, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run killed while it spooled leaves its temporary file behind; the next import removes such a file at
    once (its lock is free, its writer gone), and leaves the spool a live import holds (its lock taken, however
    old), an unlocked one of a live process just being created, and files that are not spools."""
    spool = tmp_path / "tmp"
    spool.mkdir()
    code = ("import sys, tempfile, time; tempfile.tempdir = sys.argv[1]\n"
            "from otop_pos.fair import prepare as P\n"
            "P.SPOOL_MEMORY = 0; s = P.Spool(); s.add((0, [], [], [])); s.close(); print(s.path, flush=True)\n"
            "time.sleep(60)\n")

    def killed_run() -> Path:
        env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
        proc = subprocess.Popen([sys.executable, "-c", code, str(spool)], stdout=subprocess.PIPE, text=True, env=env)
        assert proc.stdout is not None
        path = Path(proc.stdout.readline().strip())
        proc.kill()
        proc.wait()
        proc.stdout.close()
        return path

    old_dead, fresh_dead = killed_run(), killed_run()
    assert old_dead.exists() and old_dead.name.startswith(f"otop-import-{old_dead.name.split('-')[2]}-")
    with monkeypatch.context() as m:
        m.setattr(prepare.tempfile, "tempdir", str(spool))
        m.setattr(prepare, "SPOOL_MEMORY", 0)
        held = prepare.Spool()  # a live import's spool: its lock held
        held.add((0, [], [], []))
        held.close()
    live = Path(str(held.path))
    starting = spool / f"otop-import-{os.getpid()}-x.spool"  # unlocked, a moment old: being created
    legacy = spool / "otop-import-abc123.spool"  # named before spools carried their writer
    other = spool / "otop-import-notes.txt"
    for f in (starting, legacy, other):
        f.write_bytes(b"x")
    two_days_ago = time_module.time() - 2 * 24 * 3600
    for f in (old_dead, live, legacy, other):
        os.utime(f, (two_days_ago, two_days_ago))
    with monkeypatch.context() as m:
        m.setattr(prepare.tempfile, "tempdir", str(spool))
        m.setattr(prepare, "SPOOL_MEMORY", 1024)
        m.setattr(prepare, "BATCH", 7)
        store = _store(tmp_path / "fair.sqlite", booth)
        clock = FixedClock(datetime(2025, 7, 1, tzinfo=gen_exports.ICT), step=timedelta(seconds=1))
        path = _export(booth, tmp_path / "x", _data(booth, 2), 1)
        assert [r.result for r in import_paths(store, clock, [path], jobs=0).files] == ["imported"]
        store.dispose()
    assert sorted(p.name for p in spool.iterdir()) == sorted(p.name for p in (live, starting, other))
    held.discard()
    assert not live.exists()


def test_a_full_spool_disk_skips_the_file_says_where_and_the_next_run_imports_it(
        tmp_path: Path, booth: gen_exports.BoothSpec, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """``fair import`` with the temporary folder full: the file is 'skipped' (disk_full), the message names the
    folder and says to free space or set TMPDIR, exit 1, nothing stored and no refused line in the import log;
    once there is room the same command imports it."""
    import errno

    from otop_pos.cli import fair_cmds
    from otop_pos.cli.main import main

    spool = tmp_path / "spool"
    spool.mkdir()
    path = _export(booth, tmp_path / "usb", _data(booth, 2), 1)
    db = tmp_path / "fair.sqlite"
    _store(db, booth).dispose()
    monkeypatch.setattr(prepare.tempfile, "tempdir", str(spool))
    monkeypatch.setattr(prepare, "SPOOL_MEMORY", 0)
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, fd: int, mode: str) -> None:
            self.fh = real_fdopen(fd, mode)

        def write(self, _data: bytes) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def close(self) -> None:
            self.fh.close()

    def run() -> tuple[int, str]:
        opened: list[FairStore] = []

        def store(args: Any) -> FairStore:
            opened.append(open_fair_store(args.db))
            return opened[-1]

        with monkeypatch.context() as m:
            m.setattr(fair_cmds, "_store", store)
            code = main(["--lang", "en", "fair", "--db", str(db), "import", str(path)])
        for s in opened:
            s.dispose()
        return code, capsys.readouterr().out

    with monkeypatch.context() as m:
        m.setattr(prepare.os, "fdopen", Full)
        code, out = run()
    assert code == 1, out
    assert str(spool) in out and "TMPDIR" in out and "corrupt" not in out and "damaged" not in out.lower()
    assert list(spool.iterdir()) == []
    store = open_fair_store(db)
    with store.read() as s:
        assert s.execute(text("SELECT count(*) FROM sale")).scalar_one() == 0
        assert s.execute(text("SELECT count(*) FROM import_log")).scalar_one() == 0
    store.dispose()
    code, out = run()
    assert code == 0, out
    store = open_fair_store(db)
    with store.read() as s:
        assert s.execute(text("SELECT count(*) FROM sale")).scalar_one() == 80
        assert [tuple(r) for r in s.execute(text("SELECT result FROM import_log"))] == [("imported",)]
    store.dispose()
