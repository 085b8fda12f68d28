"""Red team 2 for issue 13: the streaming import, its spool, and what a signed export's texts reach.

Exports are made by ``benchmarks/gen_exports`` and re-signed with the booth's key after a change (the hash
chain recomputed when the change must pass it), so only the content checks can catch them. Each defect found
is a strict xfail; the attacks that held are kept as ordinary tests (the streamed reading and the whole-file
reading agree, no spool is left behind).
"""
from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from otop_pos.core.chain import GENESIS, chain_hash, refund_doc, sale_doc, void_doc
from otop_pos.core.clock import FixedClock
from otop_pos.exchange import export_format
from otop_pos.exchange.export_format import ExportData, write_export
from otop_pos.exchange.export_rows import utc_text
from otop_pos.exchange.safezip import part_words
from otop_pos.fair import prepare
from otop_pos.fair.importer import import_paths
from otop_pos.fair.store import FairStore, open_fair_store
from tests.fair.test_import_hostile import cli

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
import gen_exports  # noqa: E402

FAIR_UID = "KK-RED13B"
LAST = gen_exports.FIRST_DAY + timedelta(days=8)
TABLES = ("sale", "sale_line", "payment", "void", "refund", "refund_line", "till_day")


@pytest.fixture(scope="module")
def booth() -> gen_exports.BoothSpec:
    return gen_exports.booth_specs(1, seed=7)[0]


@pytest.fixture(scope="module")
def data(booth: gen_exports.BoothSpec) -> ExportData:
    """Four days of 40 sales: 160 sales, 2 voids, 1 refund."""
    d, _net = gen_exports.booth_data(booth, FAIR_UID, 4, 40, seed=7)
    assert d.voids and d.refunds
    return d


def rechain(d: ExportData) -> ExportData:
    """``d`` with every document's prev_hash and hash recomputed in seq order (as a booth would chain it)."""
    lines: dict[str, list[Any]] = {}
    for ln in d.lines:
        lines.setdefault(ln.sale_uuid, []).append(ln)
    pays: dict[str, list[Any]] = {}
    for p in d.payments:
        pays.setdefault(p.sale_uuid, []).append(p)
    rls: dict[str, list[Any]] = {}
    for x in d.refund_lines:
        rls.setdefault(x.refund_uuid, []).append(x)
    docs = sorted([*d.sales, *d.voids, *d.refunds], key=lambda x: x.seq)
    prev, new = GENESIS, {}
    for x in docs:
        if x in d.sales:
            doc = sale_doc(uuid=x.uuid, seq=x.seq, number=x.number, at=utc_text(x.created_at), total=x.total_satang,
                           discount=x.sale_discount_satang,
                           lines=[(ln.sku, ln.qty, ln.unit_price_satang, ln.discount_satang, ln.net_satang)
                                  for ln in sorted(lines.get(x.uuid, []), key=lambda ln: ln.line_no)],
                           payments=[(p.method, p.amount_satang, p.reference) for p in pays.get(x.uuid, [])])
        elif x in d.voids:
            doc = void_doc(uuid=x.uuid, seq=x.seq, number=x.number, at=utc_text(x.created_at), sale=x.sale_uuid,
                           amount=x.amount_satang, reason=x.reason)
        else:
            doc = refund_doc(uuid=x.uuid, seq=x.seq, number=x.number, at=utc_text(x.created_at), sale=x.sale_uuid,
                             amount=x.amount_satang, method=x.method, reason=x.reason,
                             lines=[(a.line_no, a.qty, a.amount_satang) for a in rls.get(x.uuid, [])])
        h = chain_hash(prev, doc)
        new[id(x)] = replace(x, prev_hash=prev, hash=h)
        prev = h
    return replace(d, sales=tuple(new[id(s)] for s in d.sales), voids=tuple(new[id(v)] for v in d.voids),
                   refunds=tuple(new[id(r)] for r in d.refunds))


def export(spec: gen_exports.BoothSpec, d: ExportData, path: Path,
           post: Callable[[str, bytes], bytes] | None = None) -> Path:
    """``d`` written and signed with the booth's key; ``post`` may rewrite a member's CSV bytes first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    created = datetime.combine(gen_exports.FIRST_DAY + timedelta(days=5), time(21), gen_exports.ICT)
    with pytest.MonkeyPatch.context() as mp:
        if post is not None:
            original = export_format.to_csv
            mp.setattr(export_format, "to_csv", lambda name, rows: post(name, original(name, rows)))
        return write_export(path, d, spec.private_pem, 1, created)


def new_store(db: str, spec: gen_exports.BoothSpec) -> FairStore:
    store = open_fair_store(db)
    gen_exports.setup_store(store, {
        "fair_uid": FAIR_UID, "first_day": gen_exports.FIRST_DAY.isoformat(), "last_day": LAST.isoformat(),
        "vendors": [[spec.vendor_code, spec.booth, spec.public_pem, spec.key_id]]})
    return store


def rows(store: FairStore) -> dict[str, int]:
    with store.read() as s:
        return {t: int(s.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()) for t in TABLES}


def clock() -> FixedClock:
    return FixedClock(datetime(2025, 7, 1, tzinfo=gen_exports.ICT), step=timedelta(seconds=1))


def outcome(read: Callable[..., Any], path: Path, spec: gen_exports.BoothSpec) -> tuple[Any, ...]:
    """What a reading makes of ``path`` in batches of 7: its refusal (reason, English, Thai), or its rows."""
    try:
        p = read(str(path), spec.public_pem, gen_exports.FIRST_DAY, LAST, True, "", 7)
    except Exception as exc:  # noqa: BLE001 - the refusal is what is compared
        return ("refused", getattr(exc, "reason", type(exc).__name__), str(getattr(exc, "en", exc)),
                str(getattr(exc, "th", "")))
    try:
        return ("read", list(p.hashes), list(p.chunks()), p.voids, p.refunds, p.refund_lines, p.days)
    finally:
        p.discard()


# --- 1. the streamed reading against the whole-file reading ----------------------------------------------

def _lines_of(d: ExportData, k: int) -> list[Any]:
    return [ln for ln in d.lines if ln.sale_uuid == d.sales[k].uuid]


def _a_line_moved(d: ExportData, where: int) -> ExportData:
    """The second line of the first sale with two lines moved before sale ``where``'s lines (-1: the end)."""
    k = next(i for i in range(len(d.sales)) if len(_lines_of(d, i)) > 1)
    moved = _lines_of(d, k)[1]
    rest = [ln for ln in d.lines if ln is not moved]
    at = len(rest) if where < 0 else next(i for i, ln in enumerate(rest) if ln.sale_uuid == d.sales[where].uuid)
    return replace(d, lines=tuple(rest[:at] + [moved] + rest[at:]))


def _cells(member: str, change: Callable[[bytes], bytes]) -> Callable[[str, bytes], bytes]:
    return lambda name, blob: change(blob) if name == member else blob


HELD: dict[str, tuple[Callable[[ExportData], ExportData], Callable[[str, bytes], bytes] | None]] = {
    "sales_out_of_order": (lambda d: replace(d, sales=(d.sales[1], d.sales[0], *d.sales[2:])), None),
    "a_line_moved_to_a_later_batch": (lambda d: _a_line_moved(d, 20), None),
    "a_line_moved_to_the_end": (lambda d: _a_line_moved(d, -1), None),
    "a_sale_repeated_in_a_later_batch": (lambda d: replace(d, sales=(*d.sales, d.sales[3])), None),
    "a_void_with_a_sales_uuid": (lambda d: replace(d, voids=(replace(d.voids[0], uuid=d.sales[5].uuid),
                                                             *d.voids[1:])), None),
    "a_refund_with_a_voids_uuid": (lambda d: replace(d, refunds=(replace(d.refunds[0], uuid=d.voids[0].uuid),
                                                                 *d.refunds[1:])), None),
    "a_void_with_a_sales_number": (lambda d: replace(d, voids=(replace(d.voids[0], number=d.sales[5].number),
                                                               *d.voids[1:])), None),
    "no_sales_but_lines": (lambda d: replace(d, sales=()), None),
    "sale_8s_lines_point_at_sale_1": (lambda d: replace(d, lines=tuple(
        replace(ln, sale_uuid=d.sales[0].uuid) if ln.sale_uuid == d.sales[7].uuid else ln for ln in d.lines)),
        None),
    "lf_line_ends": (lambda d: d, lambda name, blob: blob.replace(b"\r\n", b"\n")),
    "cr_line_ends_in_lines": (lambda d: d, _cells("lines.csv", lambda b: b.replace(b"\r\n", b"\r"))),
    "a_bom_starting_a_sales_row": (lambda d: d, _cells("sales.csv", lambda b: b[:3] + b[3:].replace(
        b"\n", b"\n\xef\xbb\xbf", 1))),
    "a_bom_inside_a_product_name": (lambda d: rechain(replace(d, lines=(
        replace(d.lines[0], name="\ufeff" + d.lines[0].name), *d.lines[1:]))), None),
    "newlines_inside_a_product_name": (lambda d: rechain(replace(d, lines=(
        *d.lines[:5], replace(d.lines[5], name="a\r\nb\nc\rd"), *d.lines[6:]))), None),
}


@pytest.mark.parametrize("case", list(HELD))
def test_the_streamed_reading_refuses_or_reads_as_the_whole_file_reading(
        case: str, tmp_path: Path, booth: gen_exports.BoothSpec, data: ExportData,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Held: the same refusal (reason and words) or the same rows, and no spool file left behind."""
    spool = tmp_path / "spool"
    spool.mkdir()
    monkeypatch.setattr(prepare.tempfile, "tempdir", str(spool))
    monkeypatch.setattr(prepare, "SPOOL_MEMORY", 0)
    change, post = HELD[case]
    path = export(booth, change(data), tmp_path / f"{case}.otopx", post)
    assert outcome(prepare.prepare_export, path, booth) == outcome(prepare._prepare_whole, path, booth)
    assert list(spool.iterdir()) == []


def _two_bad_rows(first: str, second: str) -> Callable[[str, bytes], bytes]:
    """A cell too many on row 3 of ``first`` and row 50 of ``second``."""
    def post(name: str, blob: bytes) -> bytes:
        if name not in (first, second):
            return blob
        rows = blob.split(b"\r\n")
        k = 2 if name == first else 50
        rows[k] += b",extra"
        return b"\r\n".join(rows)
    return post


@pytest.mark.parametrize(("first", "second"), [("days.csv", "sales.csv"), ("lines.csv", "sales.csv"),
                                               ("payments.csv", "lines.csv"), ("days.csv", "payments.csv")])
def test_two_bad_members_are_named_alike_streamed_or_read_whole(
        first: str, second: str, tmp_path: Path, booth: gen_exports.BoothSpec, data: ExportData) -> None:
    path = export(booth, data, tmp_path / "two-bad.otopx", _two_bad_rows(first, second))
    whole = outcome(prepare._prepare_whole, path, booth)
    # the member first in the file's order, named in plain words (the sale lines, the payments …)
    assert whole[:2] == ("refused", "csv") and part_words(second)[1] in whole[2]
    assert outcome(prepare.prepare_export, path, booth) == whole


# --- 2. kill -9 in the middle of the write, 3. a full disk for the spool ---------------------------------

_KILLED_RUN = """
import os, signal, sys
from datetime import datetime, timedelta, timezone
sys.path.insert(0, {root!r})
from otop_pos.core.clock import FixedClock
from otop_pos.fair import prepare
from otop_pos.fair.importer import import_paths
from otop_pos.fair.store import open_fair_store

prepare.BATCH, prepare.SPOOL_MEMORY = 7, 0
chunks = prepare.Prepared.chunks

def dying(self):
    for n, chunk in enumerate(chunks(self)):
        if n == 3:  # three batches inserted, inside the file's transaction
            os.kill(os.getpid(), signal.SIGKILL)
        yield chunk

prepare.Prepared.chunks = dying
store = open_fair_store({db!r})
import_paths(store, FixedClock(datetime(2025, 7, 1, tzinfo=timezone.utc), step=timedelta(seconds=1)),
             [{path!r}], jobs=0)
"""


def test_an_import_killed_mid_write_leaves_the_store_as_before_and_no_spool_behind(
        fair_db: str, tmp_path: Path, booth: gen_exports.BoothSpec, data: ExportData,
        monkeypatch: pytest.MonkeyPatch) -> None:
    spool = tmp_path / "spool"
    spool.mkdir()
    path = export(booth, data, tmp_path / "usb" / "B.otopx")
    store = new_store(fair_db, booth)
    before = rows(store)
    killed = subprocess.run([sys.executable, "-c", _KILLED_RUN.format(root=str(ROOT), db=fair_db, path=str(path))],
                            env={**os.environ, "TMPDIR": str(spool)}, capture_output=True, text=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert rows(store) == before  # held: no partial sales
    assert [p.name.startswith("otop-import-") for p in spool.iterdir()] == [True]  # the dead run's spool
    monkeypatch.setattr(prepare.tempfile, "tempdir", str(spool))
    report = import_paths(store, clock(), [path], jobs=0)
    assert [f.result for f in report.files] == ["imported"]  # held: the next run imports it
    assert rows(store)["sale"] == len(data.sales)
    store.dispose()
    assert list(spool.iterdir()) == []  # the spools do not pile up


class _FullDisk:
    """A spool file on a disk that fills up after ``room`` bytes (as a small tmpfs as TMPDIR does)."""

    def __init__(self, fh: Any, room: int) -> None:
        self._fh, self._room = fh, room

    def write(self, data: bytes) -> int:
        self._room -= len(data)
        if self._room < 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return int(self._fh.write(data))

    def close(self) -> None:
        self._fh.close()


def test_a_full_disk_for_the_spool_is_not_blamed_on_the_vendors_file(
        fair_db: str, tmp_path: Path, booth: gen_exports.BoothSpec, data: ExportData,
        monkeypatch: pytest.MonkeyPatch) -> None:
    spool = tmp_path / "spool"
    spool.mkdir()
    path = export(booth, data, tmp_path / "usb" / "B.otopx")
    store = new_store(fair_db, booth)
    before = rows(store)
    monkeypatch.setattr(prepare.tempfile, "tempdir", str(spool))
    monkeypatch.setattr(prepare, "BATCH", 7)
    monkeypatch.setattr(prepare, "SPOOL_MEMORY", 0)
    real_fdopen = os.fdopen
    monkeypatch.setattr(prepare.os, "fdopen", lambda fd, mode: _FullDisk(real_fdopen(fd, mode), 20_000))
    report = import_paths(store, clock(), [path], jobs=0)
    (result,) = report.files
    assert rows(store) == before  # held: nothing written
    assert list(spool.iterdir()) == []  # held: the partial spool removed
    store.dispose()
    assert result.reason != "corrupt", result
    assert "เสียหาย" not in result.th and "damaged" not in result.en.lower()


# --- 5. what a signed export's texts reach ----------------------------------------------------------------

EVIL_TYPE = "\x1b]0;PWNED\x07\x1b[31mอาหาร\u202e"


def test_fair_report_on_the_terminal_shows_a_signed_exports_control_codes_escaped(
        tmp_path: Path, booth: gen_exports.BoothSpec, data: ExportData, capsys: pytest.CaptureFixture[str]) -> None:
    evil = rechain(replace(data, lines=tuple(replace(ln, product_type=EVIL_TYPE) for ln in data.lines)))
    path = export(booth, evil, tmp_path / "usb" / "B.otopx")
    db = str(tmp_path / "fair.sqlite")
    new_store(db, booth).dispose()
    code, out, _err = cli(capsys, db, "import", str(path))
    assert code == 0, out  # the import takes it (a text, signed by the booth's key)
    code, out, _err = cli(capsys, db, "report")
    assert code == 0
    assert "PWNED" in out  # the product type is listed …
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out  # … with its control codes escaped
    assert "อื่นๆ (\\x1b]0;PWNED\\x07\\x1b[31mอาหารU+202E)" in out  # grouped as 'Other', the raw key escaped
    code, out, _err = cli(capsys, db, "report", "--json")
    assert code == 0 and "\u202e" not in out and "\x1b" not in out
    fig = json.loads(out)
    types = {r["key"]: r for r in fig["by_product_type"]}
    assert types["other"]["label_en"] == "Other (\\x1b]0;PWNED\\x07\\x1b[31mอาหารU+202E)"
    assert "อาหาร" in types and EVIL_TYPE not in types  # not a category of its own
    assert sum(r["net_satang"] for r in fig["by_product_type"]) == fig["key"]["net_satang"]  # the net adds up
