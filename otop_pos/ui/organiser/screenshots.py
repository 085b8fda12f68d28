"""Screenshots of the organiser window, every page in Thai and English at 1024×600, 1280×800 and 1920×1080,
over a realistic imported fair: the dashboard, the Import page with its results, the fair set-up page, a
vendor's drill-down, and the first pages of the figures PDF (rendered with pdftoppm).

    python -m otop_pos.ui.organiser.screenshots docs/screenshots [--work DIR]

``--work`` keeps the generated fair (about three minutes to build) for the next run.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from otop_pos.core.clock import FixedClock
from otop_pos.fair.importer import ImportReport
from otop_pos.fair.store import FairStore, open_fair_store
from otop_pos.ui.organiser.app import apply_organiser_theme
from otop_pos.ui.organiser.context import OrganiserContext
from otop_pos.ui.organiser.demo_fair import DAYS, FIRST_DAY, build_demo_fair, evening
from otop_pos.ui.organiser.main_window import OrganiserWindow

SIZES = ((1920, 1080), (1280, 800), (1024, 600))


def wait_until(app: QApplication, ready: Callable[[], bool], timeout: float = 60.0) -> None:
    """Run the event loop until ``ready()`` (RuntimeError after ``timeout`` seconds)."""
    end = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > end:
            raise RuntimeError("the organiser window did not finish its work in time")
        app.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()


def last_evening_files(work: Path) -> list[Path]:
    """The last evening's exports, plus what real evenings bring: a file sent twice, a damaged copy, and a
    file that is not an export at all."""
    day = work / "usb" / f"day-{DAYS}"
    extra = work / "usb" / "extra"
    extra.mkdir(exist_ok=True)
    earlier = sorted((work / "usb" / f"day-{DAYS - 1}").glob("*.otopx"))
    if earlier:
        shutil.copyfile(earlier[0], extra / earlier[0].name)
        data = bytearray(earlier[1].read_bytes())
        data[len(data) // 2: len(data) // 2 + 64] = bytes(64)
        (extra / f"damaged-{earlier[1].name}").write_bytes(bytes(data))
    (extra / "ยอดขายบูธ-A017.otopx").write_text("ยอดขายวันอาทิตย์ 3,450 บาท\n", encoding="utf-8")
    return [day, extra]


def drop(widget: QWidget, paths: list[Path]) -> None:
    """Drop ``paths`` onto ``widget`` as a file manager would (the drag enters first: Qt delivers a drop
    only to the widget that accepted the drag)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    at = QPoint(widget.width() // 2, widget.height() // 2)
    QApplication.sendEvent(widget, QDragEnterEvent(at, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                                   Qt.KeyboardModifier.NoModifier))
    QApplication.sendEvent(widget, QDropEvent(QPointF(at), Qt.DropAction.CopyAction, mime,
                                              Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))


def make_window(app: QApplication, store: FairStore, lang: str, size: tuple[int, int],
                reports: Path) -> OrganiserWindow:
    """A window in ``lang`` at ``size`` showing the dashboard of the whole fair (reports go to ``reports``)."""
    apply_organiser_theme(app, size[1])
    clock = FixedClock(evening(FIRST_DAY + timedelta(days=DAYS - 1)) + timedelta(hours=1), step=timedelta(seconds=1))
    ctx = OrganiserContext(store, clock, lang=lang, export_dir=reports, import_jobs=0)
    window = OrganiserWindow(ctx)
    window.resize(*size)
    window.show()
    wait_until(app, lambda: not ctx.tasks.busy and (window.dashboard.figures is not None
                                                     or window.dashboard.banner.kind == "error"))
    if window.dashboard.figures is None:
        raise RuntimeError(f"the dashboard shows an error: {window.dashboard.banner.text()}")
    return window


def close(app: QApplication, window: OrganiserWindow) -> None:
    """Close the window once its work is done."""
    wait_until(app, lambda: not window.ctx.tasks.busy)
    window.close()
    window.deleteLater()
    app.processEvents()


def save(window: QWidget, path: Path) -> Path:
    """Grab ``window`` into a PNG."""
    window.grab().save(str(path))
    print(f"wrote {path}")
    return path


def render(out: Path, work: Path) -> list[Path]:
    """Every screenshot into ``out`` (the fair is built in, or reused from, ``work``)."""
    out.mkdir(parents=True, exist_ok=True)
    built, _fair = build_demo_fair(work)
    built.dispose()
    run = work / "run"  # a fresh copy each time: the last evening is still to be imported
    shutil.rmtree(run, ignore_errors=True)
    run.mkdir()
    for side in ("", "-wal"):
        if (work / f"fair.sqlite{side}").exists():
            shutil.copyfile(work / f"fair.sqlite{side}", run / f"fair.sqlite{side}")
    store = open_fair_store(run / "fair.sqlite")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    shots: list[Path] = []
    report: ImportReport | None = None
    for lang in ("th", "en"):
        for size in SIZES:
            window = make_window(app, store, lang, size, work / "reports")
            if report is None:  # the last evening is imported once, through the window
                report = import_last_evening(app, window, work)
            tag = f"{lang}-{size[0]}x{size[1]}"
            if report is not None:
                window.show_page("import")
                window.importer.show_report(report)
                app.processEvents()
                shots.append(save(window, out / f"organiser-import-{tag}.png"))
            window.show_page("setup")
            wait_until(app, lambda: not window.ctx.tasks.busy)
            shots.append(save(window, out / f"organiser-setup-{tag}.png"))
            window.show_page("dashboard")
            app.processEvents()
            shots.append(save(window, out / f"organiser-dashboard-{tag}.png"))
            tabs = window.dashboard.tabs
            tabs.setCurrentWidget(window.dashboard.schemes_tab)   # the state schemes' spending
            app.processEvents()
            window.scrollers["dashboard"].ensureWidgetVisible(tabs, 0, 0)   # on a netbook they are below the charts
            app.processEvents()
            shots.append(save(window, out / f"organiser-dashboard-schemes-{tag}.png"))
            tabs.setCurrentWidget(window.dashboard.orders_tab)    # the orders per day
            app.processEvents()
            shots.append(save(window, out / f"organiser-dashboard-orders-{tag}.png"))
            tabs.setCurrentIndex(0)
            window.scrollers["dashboard"].verticalScrollBar().setValue(0)
            shots.append(vendor_shot(app, window, out / f"organiser-vendor-{tag}.png", size))
            if lang == "th" and size == SIZES[0]:
                figures = window.dashboard.figures
                assert figures is not None
                shots.extend(pdf_pages(figures, out, work))
            close(app, window)
    store.dispose()
    return shots


def import_last_evening(app: QApplication, window: OrganiserWindow, work: Path) -> ImportReport | None:
    """Drop the last evening's files on the window; wait for the import and the new figures."""
    window.show_page("import")
    drop(window, last_evening_files(work))
    wait_until(app, lambda: window.importer.report is not None and not window.ctx.tasks.busy, 300)
    window.dashboard.refresh()
    wait_until(app, lambda: window.dashboard.figures is not None and not window.ctx.tasks.busy)
    return window.importer.report


def vendor_shot(app: QApplication, window: OrganiserWindow, path: Path, size: tuple[int, int]) -> Path:
    """The drill-down of the vendor with the highest income."""
    figures = window.dashboard.figures
    assert figures is not None
    dlg = window.dashboard.open_vendor(figures.by_vendor[0].code)
    assert dlg is not None
    dlg.resize(min(1200, size[0]), min(760, size[1]))
    wait_until(app, lambda: getattr(dlg, "detail", None) is not None)
    shot = save(dlg, path)
    dlg.close()
    return shot


def pdf_pages(figures: object, out: Path, work: Path) -> list[Path]:
    """The figures PDF in Thai, its first three pages as PNG (pdftoppm; the third: the state schemes), and the
    page where its orders begin."""
    from otop_pos.reports.figures_pdf import write_figures_pdf

    pdf = work / "organiser-report-th.pdf"
    write_figures_pdf(figures, pdf, lang="th")  # type: ignore[arg-type]
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found: no PDF page image", file=sys.stderr)
        return []
    prefix = work / "pdfpage"
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "3", str(pdf), str(prefix)], check=True)
    shots = []
    for i, page in enumerate(sorted(work.glob("pdfpage*.png")), 1):
        target = out / f"organiser-report-th-p{i}.png"
        shutil.move(str(page), target)
        print(f"wrote {target}")
        shots.append(target)
    orders = orders_page(pdf)
    if orders:   # the page the orders section (ยอดสั่งจอง) starts on
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", str(orders), "-l", str(orders), "-singlefile", str(pdf),
                        str(out / "organiser-report-th-orders")], check=True)
        print(f"wrote {out / 'organiser-report-th-orders.png'}")
        shots.append(out / "organiser-report-th-orders.png")
    return shots


def orders_page(pdf: Path) -> int | None:
    """The number of the page whose text has the orders section's title, or None (or no pdftotext)."""
    if shutil.which("pdftotext") is None:
        return None
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    for number, page in enumerate(text.split("\f"), 1):
        if any(line.strip().endswith(". ยอดสั่งจอง") for line in page.splitlines()):
            return number
    return None


def main(argv: list[str] | None = None) -> int:
    """Render the screenshots."""
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out", type=Path, nargs="?", default=Path("docs/screenshots"))
    p.add_argument("--work", type=Path, help="where the demo fair is built (kept); default: a temporary folder")
    args = p.parse_args(argv)
    if args.work is not None:
        render(args.out, args.work)
        return 0
    with tempfile.TemporaryDirectory(prefix="otop-screens-") as tmp:
        render(args.out, Path(tmp))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
