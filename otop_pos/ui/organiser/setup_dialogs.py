"""Fair setup dialogs: create a fair (dates typed in พ.ศ. or ค.ศ., Thai digits welcome) and load the registry
with a preview — every problem with its file, line and column, and the address warnings — before anything is
written (``load_registry`` / ``check_address`` / ``load_registry_into``)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geothai
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from otop_pos.core.errors import OtopError, Problem, RegistryError
from otop_pos.core.thaidate import parse_date
from otop_pos.exchange.registry_csv import Registry, find_registry_files, load_registry
from otop_pos.fair.fairs import (
    FairInfo,
    RegistryResult,
    create_fair,
    load_registry_into,
)
from otop_pos.fair.geo import check_address
from otop_pos.ui.i18n import error_text
from otop_pos.ui.organiser.context import OrganiserContext
from otop_pos.ui.organiser.i18n import day_text, number, translate
from otop_pos.ui.organiser.models import PreviewProblem, ProblemsModel
from otop_pos.ui.organiser.widgets import fit_columns, make_table
from otop_pos.ui.widgets import Banner, ErrorLabel, label, log_unexpected, make_button


class DateEdit(QLineEdit):
    """A date typed as 26/10/2563, 2020-10-26 or 26 ต.ค. 2563 (Thai digits too); shows what it understood."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(translate("OrgSetup", "e.g. 26/10/2563"))
        self.echo = label("", name="caption")
        self.textChanged.connect(self._echo)

    def _echo(self, text: str) -> None:
        try:
            self.echo.setText(day_text(parse_date(text), long=True) if text.strip() else "")
        except OtopError:
            self.echo.setText("…")

    def value(self) -> object:
        """The date typed (raises InputError when it is not a date)."""
        return parse_date(self.text())


class CreateFairDialog(QDialog):
    """Name, venue, host province and the first and last day of a new fair."""

    created = Signal(object)  # FairInfo

    def __init__(self, ctx: OrganiserContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fair: FairInfo | None = None
        self.warnings: list[str] = []
        self.setWindowTitle(translate("OrgSetup", "New fair"))
        self.setMinimumWidth(620)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText("OTOP CITY IN KHONKAEN ครั้งที่ 20")
        self.venue = QLineEdit()
        self.venue.setPlaceholderText(translate("OrgSetup", "e.g. Suan Ratchadanusorn"))
        self.province = QLineEdit()
        names = [p.name_th for p in geothai.provinces()] + [p.name_en for p in geothai.provinces()]
        completer = QCompleter(sorted(names), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.province.setCompleter(completer)
        self.first_day = DateEdit()
        self.last_day = DateEdit()
        form.addRow(translate("OrgSetup", "Fair name"), self.name)
        form.addRow(translate("OrgSetup", "Venue"), self.venue)
        form.addRow(translate("OrgSetup", "Host province"), self.province)
        for text, edit in ((translate("OrgSetup", "First day"), self.first_day),
                           (translate("OrgSetup", "Last day"), self.last_day)):
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(edit.echo, 1)
            form.addRow(text, row)
        lay.addLayout(form)
        self.error = ErrorLabel()
        lay.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(make_button(translate("OrgSetup", "Cancel"), slot=self.reject))
        self.ok_button = make_button(translate("OrgSetup", "Create the fair"), name="primary", slot=self.submit)
        self.ok_button.setDefault(True)
        buttons.addWidget(self.ok_button)
        lay.addLayout(buttons)

    def submit(self) -> None:
        """Create the fair; errors stay in the dialog."""
        try:
            fair, warnings = create_fair(self.ctx.store, self.ctx.clock, name=self.name.text(),
                                         venue=self.venue.text(), province=self.province.text(),
                                         first_day=self.first_day.value(),  # type: ignore[arg-type]
                                         last_day=self.last_day.value())  # type: ignore[arg-type]
        except Exception as exc:  # noqa: BLE001 - shown in the dialog (a bug is logged too)
            log_unexpected(exc)
            self.error.show_error(error_text(exc))
            return
        self.fair, self.warnings = fair, warnings
        self.ctx.reload_fairs(select_uid=fair.uid)
        self.created.emit(fair)
        self.accept()


@dataclass(frozen=True)
class RegistryPreview:
    """What loading would do: the registry (None when it has errors) and every problem and warning."""

    vendors_file: Path
    catalogue_file: Path
    registry: Registry | None
    problems: tuple[PreviewProblem, ...]

    @property
    def errors(self) -> int:
        """How many problems stop the load."""
        return sum(1 for p in self.problems if p.severity == "error")


def preview_registry(vendors: Path, catalogue: Path) -> RegistryPreview:
    """Read both files and check every vendor's district and province (no store is touched)."""
    try:
        registry = load_registry(vendors, catalogue)
    except RegistryError as exc:
        return RegistryPreview(vendors, catalogue, None, tuple(PreviewProblem("error", p) for p in exc.problems))
    problems = [PreviewProblem("warning", p) for p in registry.warnings]
    for v in registry.vendors:
        check = check_address(v.district, v.province)
        if check.column:
            problems.append(PreviewProblem("warning", Problem(vendors.name, v.line, check.column, check.warning_th,
                                                              check.warning_en)))
    problems.sort(key=lambda p: (p.problem.file != vendors.name, p.problem.line))
    return RegistryPreview(vendors, catalogue, registry, tuple(problems))


def preview_folder(folder: Path) -> RegistryPreview:
    """Find the vendors and catalogue files in ``folder`` by their headers, then preview them."""
    try:
        vendors, catalogue = find_registry_files(folder)
    except RegistryError as exc:
        return RegistryPreview(folder, folder, None, tuple(PreviewProblem("error", p) for p in exc.problems))
    return preview_registry(vendors, catalogue)


class RegistryDialog(QDialog):
    """Choose the registry (a folder, or the two CSV files), see its problems, then load it into the fair."""

    loaded = Signal(object)  # RegistryResult
    previewed = Signal(object)  # RegistryPreview

    def __init__(self, ctx: OrganiserContext, fair: FairInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.fair = ctx, fair
        self.preview: RegistryPreview | None = None
        self.result_value: RegistryResult | None = None
        self.setWindowTitle(translate("OrgRegistry", "Load the registry into {fair}").format(fair=fair.name))
        self.resize(1100, 640)
        lay = QVBoxLayout(self)
        lay.addWidget(label(translate(
            "OrgRegistry", "The registry is kept by the organisers: the vendors and their products, as two CSV files "
            "or an Excel workbook (Thai or English headers). Vendors already loaded are updated by their code."),
            wrap=True, name="caption"))
        row = QHBoxLayout()
        row.addWidget(make_button(translate("OrgRegistry", "Choose a folder…"), slot=self.choose_folder))
        row.addWidget(make_button(translate("OrgRegistry", "Choose files…"), slot=self.choose_files))
        self.files_label = label("", name="caption", wrap=True)
        row.addWidget(self.files_label, 1)
        lay.addLayout(row)
        self.summary = Banner()
        lay.addWidget(self.summary)
        self.model = ProblemsModel(self)
        self.table = make_table(self.model, stretch=4)
        lay.addWidget(self.table, 1)
        self.error = ErrorLabel()
        lay.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(make_button(translate("OrgRegistry", "Cancel"), slot=self.reject))
        self.load_button = make_button(translate("OrgRegistry", "Load into the fair"), name="primary",
                                       slot=self.load)
        self.load_button.setEnabled(False)
        buttons.addWidget(self.load_button)
        lay.addLayout(buttons)

    def choose_folder(self) -> None:
        """Ask for the folder holding both files."""
        folder = QFileDialog.getExistingDirectory(self, translate("OrgRegistry", "Registry folder"))
        if folder:
            self.start_preview(lambda: preview_folder(Path(folder)))

    def choose_files(self) -> None:
        """Ask for the vendors file and the catalogue file (or one workbook holding both)."""
        files, _ = QFileDialog.getOpenFileNames(self, translate("OrgRegistry", "Vendors and catalogue CSV"), "",
                                                translate("OrgRegistry",
                                                          "Registry files (*.csv *.txt *.xlsx);;All files (*)"))
        if len(files) == 1 and Path(files[0]).suffix.lower() in (".xlsx", ".xlsm"):
            book = Path(files[0])
            self.start_preview(lambda: preview_registry(book, book))
        elif len(files) == 2:
            first, second = (Path(f) for f in files)  # either order: told apart by their headers
            self.start_preview(lambda: preview_registry(first, second))
        elif files:
            self.error.show_error(translate("OrgRegistry", "Choose the vendors and the catalogue: two files, or one "
                                                           "workbook holding both."))

    def preview_files(self, vendors: Path, catalogue: Path) -> None:
        """Preview the two given files."""
        self.start_preview(lambda: preview_registry(vendors, catalogue))

    def preview_dir(self, folder: Path) -> None:
        """Preview the registry in ``folder``."""
        self.start_preview(lambda: preview_folder(folder))

    def start_preview(self, work: object) -> None:
        """Read and check in a worker; the table fills in when done."""
        self.error.clear()
        self.load_button.setEnabled(False)
        self.summary.show_message(translate("OrgRegistry", "Reading and checking…"), "info", 0)
        self.ctx.tasks.run(lambda: work(), on_done=self._previewed, on_error=self._failed)  # type: ignore[operator]

    def _failed(self, exc: BaseException) -> None:
        log_unexpected(exc)
        self.summary.clear_message()
        self.error.show_error(error_text(exc))

    def _previewed(self, p: RegistryPreview) -> None:
        self.preview = p
        self.files_label.setText(f"{p.vendors_file}\n{p.catalogue_file}" if p.vendors_file != p.catalogue_file
                                 else str(p.vendors_file))
        self.model.set_rows(p.problems)
        fit_columns(self.table, skip=4)
        warnings = len(p.problems) - p.errors
        if p.registry is None:
            self.summary.show_message(translate(
                "OrgRegistry", "{n} problems: nothing can be loaded until they are fixed in the files.").format(
                    n=number(p.errors)), "error", 0)
        else:
            self.summary.show_message(translate(
                "OrgRegistry", "{v} vendors and {p} products can be loaded ({w} warnings: they are loaded anyway)."
            ).format(v=number(len(p.registry.vendors)), p=number(len(p.registry.products)), w=number(warnings)),
                "warn" if warnings else "ok", 0)
        self.load_button.setEnabled(p.registry is not None)
        self.previewed.emit(p)

    def load(self) -> None:
        """Load the previewed registry into the fair (in a worker)."""
        if self.preview is None or self.preview.registry is None:
            return
        registry, ref = self.preview.registry, self.fair.uid
        self.load_button.setEnabled(False)
        self.ctx.tasks.run(lambda: load_registry_into(self.ctx.store, ref, registry), on_done=self._loaded,
                           on_error=self._failed)

    def _loaded(self, result: RegistryResult) -> None:
        self.result_value = result
        self.ctx.dataChanged.emit()
        self.loaded.emit(result)
        self.accept()
