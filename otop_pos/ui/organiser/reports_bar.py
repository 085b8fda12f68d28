"""The report buttons of the dashboard: PDF, XLSX and CSV of the figures on screen, written in a worker into
the report folder (changeable), with the paths written shown afterwards."""
from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QWidget

from otop_pos.reports.model import Figures
from otop_pos.ui.organiser.context import OrganiserContext
from otop_pos.ui.organiser.i18n import current_lang, translate
from otop_pos.ui.widgets import make_button

KINDS = ("pdf", "xlsx", "csv")


def report_stem(f: Figures, lang: str) -> str:
    """A file name (without suffix) naming the fair and the days: ``otop-report_fair1_20201026-20201101_th``."""
    fair = "-".join(str(i) for i in f.fair_ids)
    return f"otop-report_fair{fair}_{f.period.first:%Y%m%d}-{f.period.last:%Y%m%d}_{lang}"


def write_report(kind: str, f: Figures, folder: Path, lang: str) -> list[Path]:
    """Write one report of ``kind`` (pdf, xlsx, csv) for ``f`` into ``folder``; the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    stem = report_stem(f, lang)
    if kind == "pdf":
        from otop_pos.reports.figures_pdf import write_figures_pdf

        path = folder / f"{stem}.pdf"
        write_figures_pdf(f, path, lang=lang)
        return [path]
    if kind == "xlsx":
        from otop_pos.reports.xlsx_out import write_figures_xlsx

        path = folder / f"{stem}.xlsx"
        write_figures_xlsx(f, path, lang=lang)
        return [path]
    if kind == "csv":
        from otop_pos.reports.csv_out import write_figures_csv

        return list(write_figures_csv(f, folder / f"{stem}_csv", lang=lang))
    raise ValueError(kind)


class ReportsBar(QWidget):
    """Buttons writing the on-screen figures as PDF, XLSX or CSV; ``written``/``failed`` tell the page."""

    written = Signal(str, object)  # kind, list[Path]
    failed = Signal(str, object)  # kind, exception

    def __init__(self, ctx: OrganiserContext, figures: Callable[[], Figures | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._figures = figures
        self.running: set[str] = set()
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        names = {"pdf": translate("OrgReports", "PDF report"), "xlsx": translate("OrgReports", "Excel (XLSX)"),
                 "csv": translate("OrgReports", "CSV files")}
        self.buttons: dict[str, QPushButton] = {}
        for kind in KINDS:
            b = make_button(names[kind], slot=partial(self.export, kind))
            b.setToolTip(translate("OrgReports", "Write the figures shown into the report folder."))
            lay.addWidget(b)
            self.buttons[kind] = b
        self.folder_button = make_button(translate("OrgReports", "Report folder…"), slot=self.choose_folder)
        lay.addWidget(self.folder_button)
        self._update_tooltip()
        self.set_enabled(False)

    def _update_tooltip(self) -> None:
        self.folder_button.setToolTip(str(self.ctx.export_dir))

    def set_enabled(self, on: bool) -> None:
        """Enable the report buttons (when figures are shown)."""
        for kind, b in self.buttons.items():
            b.setEnabled(on and kind not in self.running)

    def choose_folder(self) -> None:
        """Ask where report files go."""
        folder = QFileDialog.getExistingDirectory(self, translate("OrgReports", "Report folder"),
                                                  str(self.ctx.export_dir))
        if folder:
            self.ctx.export_dir = Path(folder)
            self._update_tooltip()

    def export(self, kind: str) -> None:
        """Write the report ``kind`` of the figures on screen (in a worker)."""
        f = self._figures()
        if f is None or kind in self.running:
            return
        self.running.add(kind)
        self.buttons[kind].setEnabled(False)
        folder, lang = self.ctx.export_dir, current_lang()
        self.ctx.tasks.run(lambda: write_report(kind, f, folder, lang),
                           on_done=lambda paths: self._done(kind, paths),
                           on_error=lambda exc: self._failed(kind, exc))

    def _done(self, kind: str, paths: list[Path]) -> None:
        self.running.discard(kind)
        self.buttons[kind].setEnabled(True)
        self.written.emit(kind, paths)

    def _failed(self, kind: str, exc: BaseException) -> None:
        self.running.discard(kind)
        self.buttons[kind].setEnabled(True)
        self.failed.emit(kind, exc)
