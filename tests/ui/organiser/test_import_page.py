"""Importing booth exports through the organiser window: a folder dropped on the window, the results table
(added, already held, refused with its reason), the dashboard numbers following, and a responsive window."""
from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from otop_pos.exchange.export_format import write_export
from otop_pos.fair.figures import compute_figures
from otop_pos.fair.status import fair_summary
from otop_pos.fair.store import FairStore
from otop_pos.ui.organiser.app import apply_organiser_theme
from otop_pos.ui.organiser.i18n import install_organiser_language, money
from otop_pos.ui.organiser.main_window import OrganiserWindow

from .conftest import BuiltFair, make_ctx, open_window


def drop(widget: QWidget, paths: list[Path]) -> None:
    """What a file manager does when files are dropped on ``widget``: the drag enters (Qt delivers a drop
    only to the widget that accepted the drag), then the drop."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    at = QPoint(widget.width() // 2, widget.height() // 2)
    enter = QDragEnterEvent(at, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted(), "the window refused the drag"
    event = QDropEvent(QPointF(at), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)
    assert event.isAccepted(), "the drop was not taken"


def results(w: OrganiserWindow) -> list[list[str]]:
    m = w.importer.results
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


def wait_import(qtbot: Any, w: OrganiserWindow) -> None:
    qtbot.waitUntil(lambda: w.importer.report is not None and not w.importer.running, timeout=60000)
    qtbot.waitUntil(lambda: not w.ctx.tasks.busy, timeout=20000)


def test_dropping_a_folder_imports_it_and_the_dashboard_follows(org_window: OrganiserWindow, org_store: FairStore,
                                                              built_fair: BuiltFair, qtbot: Any) -> None:
    w = org_window
    assert w.current_page() == "dashboard"
    assert w.dashboard.kpi["net"].value.text() == money(0)
    with qtbot.waitSignal(w.dashboard.figuresShown, timeout=60000) as shown:
        drop(w, [built_fair.usb])
    assert w.current_page() == "import"
    wait_import(qtbot, w)
    rows = results(w)
    assert len(rows) == 9  # three evenings × three booths
    # KK20-0003 stayed home on the last day: its last export brings nothing new (listed first, then the rest)
    assert [r[1] for r in rows] == ["Already held"] + ["Added"] * 8
    skipped = next(r for r in rows if r[1] == "Already held")
    assert skipped[2] == "D003" and skipped[5] == "nothing new"
    assert w.importer.progress.value() == w.importer.progress.maximum() == 9
    expected = sum(built_fair.booth_net.values())
    summary = fair_summary(org_store)
    assert summary.net_satang == expected
    figures = shown.args[0]
    assert figures.key.net_satang == expected == compute_figures(org_store).key.net_satang
    assert w.dashboard.kpi["net"].value.text() == money(summary.net_satang)
    assert w.dashboard.kpi["sales"].value.text() == f"{summary.sales_count - summary.voids_count:,}"
    assert "sales added" in w.importer.summary.text()

    # the same folder again: every file already held, nothing changes
    drop(w.importer, [built_fair.usb])
    wait_import(qtbot, w)
    assert {r[1] for r in results(w)} == {"Already held"}
    assert fair_summary(org_store).net_satang == expected


def test_refused_files_show_their_reason(org_window: OrganiserWindow, built_fair: BuiltFair, tmp_path: Path,
                                         qtbot: Any, monkeypatch: Any) -> None:
    w = org_window
    good = sorted(built_fair.last_evening.glob("*.otopx"))
    damaged = tmp_path / "damaged.otopx"
    data = bytearray(good[0].read_bytes())
    data[len(data) // 2: len(data) // 2 + 32] = bytes(32)
    damaged.write_bytes(bytes(data))
    junk = tmp_path / "notes.otopx"
    junk.write_text("ยอดขาย 3,450 บาท", encoding="utf-8")
    copy = tmp_path / "copy-of-first.otopx"
    shutil.copyfile(good[1], copy)
    chosen = [str(good[1]), str(copy), str(damaged), str(junk)]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: (chosen, "")))
    w.show_page("import")
    qtbot.mouseClick(w.importer.files_button, Qt.MouseButton.LeftButton)
    wait_import(qtbot, w)
    rows = results(w)
    report = w.importer.report
    assert report is not None
    # problems first: the refused files with their reasons, the skipped copy, then what was added
    assert [r[1] for r in rows] == ["Refused", "Refused", "Already held", "Added"]
    assert [r[0] for r in rows] == [damaged.name, junk.name, copy.name, good[1].name]
    assert rows[2][5] == f"Same file as {good[1].name}."
    for row, result in zip(rows[:2], report.files[2:]):
        assert result.result == "refused" and result.en and row[5] == result.en  # the reason, in English
    assert "2 refused" in w.importer.summary.text() and "1 already held" in w.importer.summary.text()


def test_a_folder_lists_what_is_not_an_export_and_counts_it(org_window: OrganiserWindow, built_fair: BuiltFair,
                                                            tmp_path: Path, qtbot: Any) -> None:
    w = org_window
    folder = tmp_path / "from-mail"
    folder.mkdir()
    good = sorted(built_fair.last_evening.glob("*.otopx"))[0]
    shutil.copyfile(good, folder / "B001 (1).otopx.zip")  # renamed by a mail client: known by its content
    (folder / "notes.txt").write_text("ยอดขาย 3,450 บาท", encoding="utf-8")
    drop(w, [folder])
    wait_import(qtbot, w)
    rows = {r[0]: r for r in results(w)}
    assert rows["notes.txt"][1] == "Not an export" and "not a file of this program" in rows["notes.txt"][5]
    assert rows["B001 (1).otopx.zip"][1] == "Added"
    text = w.importer.summary.text()
    assert "1 added" in text and "not an export: 1" in text, text


def test_a_file_name_with_a_bidi_override_or_control_codes_is_shown_as_it_is(
        org_window: OrganiserWindow, built_fair: BuiltFair, tmp_path: Path, qtbot: Any) -> None:
    """Qt lays a U+202E out right to left ("B001\u202excod.otopx" reads as an .otopx file ending "docx…"): the
    table shows such characters, and the ESC of a name, as escapes."""
    w = org_window
    folder = tmp_path / "usb"
    folder.mkdir()
    good = sorted(built_fair.last_evening.glob("*.otopx"))[0]
    shutil.copyfile(good, folder / "B001\u202excod.otopx")
    (folder / "notes\x1b[8m.txt").write_text("ยอดขาย", encoding="utf-8")
    drop(w, [folder])
    wait_import(qtbot, w)
    rows = {r[0]: r for r in results(w)}
    assert set(rows) == {"B001U+202Excod.otopx", "notes\\x1b[8m.txt"}, rows
    assert rows["B001U+202Excod.otopx"][1] == "Added"


@dataclass(frozen=True)
class BigEvening:
    """Generated exports of a bigger fair (valid, signed, chained) and what they add up to."""

    folder: Path
    meta: dict[str, Any]
    net_satang: int


@pytest.fixture(scope="session")
def big_evening(tmp_path_factory: pytest.TempPathFactory) -> BigEvening:
    """24 booths × 3 days × 120 sales, written straight as exports (the import benchmark's generator)."""
    from benchmarks.gen_exports import FIRST_DAY as GEN_FIRST
    from benchmarks.gen_exports import ICT, booth_data, booth_specs

    folder = tmp_path_factory.mktemp("big-evening")
    fair_uid = "0f8a1d3e-5b7c-4d2e-9a10-6c3b2a1f0e99"
    specs = booth_specs(24, 7)
    net = 0
    when = datetime.combine(GEN_FIRST + timedelta(days=2), dtime(21, 30), ICT)
    for spec in specs:
        data, booth_net = booth_data(spec, fair_uid, 3, 120, 7)
        write_export(folder / f"{spec.booth}.otopx", data, spec.private_pem, 3, when)
        net += booth_net
    meta = {"fair_uid": fair_uid, "first_day": GEN_FIRST.isoformat(),
            "last_day": (GEN_FIRST + timedelta(days=2)).isoformat(),
            "vendors": [[s.vendor_code, s.booth, s.public_pem, s.key_id] for s in specs]}
    return BigEvening(folder, meta, net)


def test_window_stays_responsive_while_importing(empty_fair_store: FairStore, big_evening: BigEvening,
                                                 org_clock: Any, tmp_path: Path, qapp: QApplication,
                                                 qtbot: Any) -> None:
    from benchmarks.gen_exports import setup_store

    setup_store(empty_fair_store, big_evening.meta)
    apply_organiser_theme(qapp, 800)
    ctx = make_ctx(empty_fair_store, org_clock, tmp_path)
    try:
        w = open_window(ctx, qtbot)
        gaps: list[float] = []
        last = [time.perf_counter()]
        importing = [True]

        def tick() -> None:
            now = time.perf_counter()
            if importing[0]:
                gaps.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(tick)
        w.importer.finished.connect(lambda _r: importing.__setitem__(0, False))
        timer.start()
        start = time.perf_counter()
        with qtbot.waitSignal(w.dashboard.figuresShown, timeout=120000) as shown:
            drop(w, [big_evening.folder])
            last[0] = time.perf_counter()
            gaps.clear()
            qtbot.waitUntil(lambda: not importing[0], timeout=120000)
            took = time.perf_counter() - start
            timer.stop()
        rows = results(w)
        assert len(rows) == 24 and {r[1] for r in rows} == {"Added"}
        assert shown.args[0].key.net_satang == big_evening.net_satang
        assert w.dashboard.kpi["net"].value.text() == money(big_evening.net_satang)
        assert took > 0.4 and len(gaps) > 20, f"{took:.2f} s, {len(gaps)} ticks: too quick to tell"
        assert max(gaps) < 0.2, f"the event loop stalled for {max(gaps) * 1000:.0f} ms during a {took:.2f} s import"
    finally:
        qtbot.waitUntil(lambda: not ctx.tasks.busy, timeout=20000)
        ctx.shutdown()
        install_organiser_language("en")


def test_many_files_are_verified_in_worker_processes(org_store: FairStore, org_clock: Any, built_fair: BuiltFair,
                                                     tmp_path: Path, qapp: QApplication, qtbot: Any) -> None:
    """Nine exports and a damaged one: enough files for the importer's worker processes (the window's
    default); the damaged file is refused with its reason and every other file counts once."""
    apply_organiser_theme(qapp, 800)
    ctx = make_ctx(org_store, org_clock, tmp_path)
    ctx.import_jobs = None  # the importer decides: worker processes from eight files on
    try:
        w = open_window(ctx, qtbot)
        stick = tmp_path / "stick"
        shutil.copytree(built_fair.usb, stick)
        data = bytearray(min(built_fair.last_evening.glob("*.otopx")).read_bytes())
        data[len(data) // 2: len(data) // 2 + 32] = bytes(32)
        (stick / "0-damaged.otopx").write_bytes(bytes(data))
        with qtbot.waitSignal(w.dashboard.figuresShown, timeout=120000):
            drop(w, [stick])
            wait_import(qtbot, w)
        rows = results(w)
        assert len(rows) == 10 and rows[0][:2] == ["0-damaged.otopx", "Refused"] and rows[0][5]
        assert [r[1] for r in rows].count("Added") == 8
        assert w.dashboard.kpi["net"].value.text() == money(sum(built_fair.booth_net.values()))
        assert fair_summary(org_store).net_satang == sum(built_fair.booth_net.values())
    finally:
        qtbot.waitUntil(lambda: not ctx.tasks.busy, timeout=20000)
        ctx.shutdown()
        install_organiser_language("en")
