"""The Import page: drop booth export files or whole folders (USB stick, chat downloads) onto the window, or
choose them; the import runs in a worker (``otop_pos.fair.importer.import_paths``) with a progress bar, and
each file's result — added, skipped or refused with its reason — lands in the results table."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from otop_pos.fair.importer import FileResult, ImportReport, import_paths
from otop_pos.ui.i18n import error_text
from otop_pos.ui.organiser.context import OrganiserContext
from otop_pos.ui.organiser.i18n import number, translate
from otop_pos.ui.organiser.models import ImportResultsModel
from otop_pos.ui.runner import settle_gc
from otop_pos.ui.organiser.widgets import fit_columns, make_table
from otop_pos.ui.widgets import Banner, label, log_unexpected, make_button


def paths_from_mime(mime: QMimeData | None) -> list[Path]:
    """The local files and folders carried by a drag (other URLs are ignored)."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]


class DropZone(QFrame):
    """The dashed area saying where to drop; it lights up while files are dragged over the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dropzone")
        self.setProperty("hot", False)
        self.setMinimumHeight(130)

    def set_hot(self, hot: bool) -> None:
        """Highlight (or not)."""
        self.setProperty("hot", hot)
        self.style().unpolish(self)
        self.style().polish(self)


class ImportPage(QWidget):
    """Import booth exports into the chosen fair and see what became of each file."""

    finished = Signal(object)  # ImportReport

    def __init__(self, ctx: OrganiserContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: ImportReport | None = None
        self.running = False
        self._arrived: list[FileResult] = []
        self._latest = (0, 0)
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(150)
        self._flush_timer.timeout.connect(self._flush)
        self._queue: list[list[Path]] = []
        self.setAcceptDrops(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.setSpacing(10)
        lay.addWidget(label(translate("OrgImport", "Import booth exports"), name="pagetitle"))
        self.zone = DropZone()
        zl = QVBoxLayout(self.zone)
        zl.setContentsMargins(16, 12, 16, 12)
        zl.addWidget(label(translate("OrgImport", "Drop export files (.otopx) or whole folders here"), name="big",
                           align=Qt.AlignmentFlag.AlignCenter, wrap=True))
        zl.addWidget(label(translate(
            "OrgImport", "A file imported before adds nothing again, nor does an older export; a file that is "
            "damaged, changed or from another fair is refused with its reason, and other files are listed as not "
            "exports. Nothing is counted twice."),
            name="caption", align=Qt.AlignmentFlag.AlignCenter, wrap=True))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.files_button = make_button(translate("OrgImport", "Choose files…"), name="primary",
                                        slot=self.choose_files)
        self.folder_button = make_button(translate("OrgImport", "Choose a folder…"), slot=self.choose_folder)
        buttons.addWidget(self.files_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        zl.addLayout(buttons)
        lay.addWidget(self.zone)
        prog = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat("%v / %m")
        self.progress.setTextVisible(False)   # no "0 / 1" before anything was chosen
        self.progress_label = label("", name="caption")
        prog.addWidget(self.progress, 1)
        prog.addWidget(self.progress_label)
        lay.addLayout(prog)
        self.summary = Banner()
        lay.addWidget(self.summary)
        self.results = ImportResultsModel(self)
        self.table = make_table(self.results, stretch=5, sorting=False)
        lay.addWidget(self.table, 1)

    # --- choosing ----------------------------------------------------------------------------------
    def choose_files(self) -> None:
        """Ask for export files and import them."""
        files, _ = QFileDialog.getOpenFileNames(self, translate("OrgImport", "Booth export files"), "",
                                                translate("OrgImport", "Booth exports (*.otopx);;All files (*)"))
        if files:
            self.import_paths([Path(f) for f in files])

    def choose_folder(self) -> None:
        """Ask for a folder (searched with its sub-folders) and import every export in it."""
        folder = QFileDialog.getExistingDirectory(self, translate("OrgImport", "Folder with booth exports"))
        if folder:
            self.import_paths([Path(folder)])

    # --- drag and drop (the window forwards its drops here too) ---------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if paths_from_mime(event.mimeData()):
            self.zone.set_hot(True)
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if paths_from_mime(event.mimeData()):
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: object) -> None:
        self.zone.set_hot(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self.zone.set_hot(False)
        paths = paths_from_mime(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # --- importing ---------------------------------------------------------------------------------------
    def import_paths(self, paths: Iterable[Path]) -> None:
        """Import ``paths`` (files and folders) in a worker; queued when an import is running."""
        paths = list(paths)
        if not paths:
            return
        if self.running:
            self._queue.append(paths)
            self.progress_label.setText(translate("OrgImport", "Queued: {n} more").format(n=len(self._queue)))
            return
        self.running = True
        self.report = None
        self._arrived, self._latest = [], (0, 0)
        self.results.set_rows([])
        self.summary.clear_message()
        self.progress.setRange(0, 0)  # busy until the first file is done
        self.progress.setTextVisible(True)
        self.progress_label.setText(translate("OrgImport", "Looking for export files…"))
        fair = self.ctx.fair
        store, clock, jobs = self.ctx.store, self.ctx.clock, self.ctx.import_jobs
        ref = fair.uid if fair is not None else None

        def work(progress: object) -> ImportReport:
            def report(done: int, total: int, result: FileResult) -> None:
                progress(done, total, result)  # type: ignore[operator]

            # a verifying worker process that dies is handled by the import itself (ImportReport.worker_crashed)
            return import_paths(store, clock, paths, fair_ref=ref, jobs=jobs, on_progress=report)

        settle_gc()
        self.ctx.tasks.run(work, on_done=self._done, on_error=self._failed, on_progress=self._progress)

    def _progress(self, done: int, total: int, result: FileResult) -> None:
        """One file done (on the GUI thread): kept, and shown with the others a few times a second, so a
        stick of hundreds of files does not spend the window's time redrawing the table per file."""
        self._latest = (done, total)
        self._arrived.append(result)
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    def _flush(self) -> None:
        rows, self._arrived = self._arrived, []
        first = self.results.rowCount() == 0
        self.results.extend(rows)
        done, total = self._latest
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress_label.setText(translate("OrgImport", "{done} of {total} files").format(
            done=number(done), total=number(total)))
        if first and rows:
            fit_columns(self.table, skip=5)

    def show_report(self, report: ImportReport) -> None:
        """Show a finished run: every file's result, the bar full, the counts in the summary."""
        self.report = report
        self._flush_timer.stop()
        self._arrived = []
        # what needs the organiser's attention first: refused, then skipped, then added (file order within)
        order = {"refused": 0, "skipped": 1, "unchanged": 2}
        self.results.set_rows(sorted(report.files, key=lambda f: order.get(f.result, 3)))
        fit_columns(self.table, skip=5)
        total = len(report.files)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(total)
        refused = report.count("refused")
        passed = report.count("skipped")  # not exports, empty folders (listed with their reason)
        text = translate("OrgImport", "{files} files: {added} added, {held} already held, {refused} refused, "
                                      "not an export: {passed} — {sales} sales added.").format(
            files=number(total), added=number(report.count("imported")), held=number(report.count("unchanged")),
            refused=number(refused), passed=number(passed), sales=number(report.sales))
        if total == passed:
            text = translate("OrgImport", "No booth export files (.otopx) were found there.")
        self.summary.show_message(text, "warn" if refused or passed or total == 0 else "ok", 0)
        self.progress_label.setText("")

    def _done(self, report: ImportReport) -> None:
        self.show_report(report)
        self._next()
        if report.count("imported"):
            self.ctx.dataChanged.emit()
        self.finished.emit(report)

    def _failed(self, exc: BaseException) -> None:
        log_unexpected(exc)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        self.progress_label.setText("")
        self.summary.show_message(error_text(exc), "error", 0)
        self._next()
        self.finished.emit(None)

    def _next(self) -> None:
        self.running = False
        if self._queue:
            self.import_paths(self._queue.pop(0))
