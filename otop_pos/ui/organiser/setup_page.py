"""The Fair setup page: the chosen fair at a glance, the steps before the fair (new fair, load the registry,
make booth packages into a folder) and the import history (``fair_status``)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from otop_pos.fair.fairs import FairInfo, RegistryResult
from otop_pos.fair.packages import PackageWritten, make_packages
from otop_pos.fair.status import FairStatus, fair_status
from otop_pos.ui.i18n import error_text
from otop_pos.ui.organiser.context import OrganiserContext
from otop_pos.ui.organiser.i18n import day_text, number, translate
from otop_pos.ui.organiser.models import ImportLogModel
from otop_pos.ui.organiser.setup_dialogs import CreateFairDialog, RegistryDialog
from otop_pos.ui.organiser.widgets import fit_columns, make_table
from otop_pos.ui.widgets import Banner, label, log_unexpected, make_button


class SetupPage(QWidget):
    """Create fairs, load their registry, hand out booth packages, and see what was imported."""

    packagesWritten = Signal(object)  # list[PackageWritten]
    statusShown = Signal(object)  # FairStatus

    def __init__(self, ctx: OrganiserContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.status: FairStatus | None = None
        self.dialog: CreateFairDialog | RegistryDialog | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.setSpacing(10)
        card = QFrame()
        card.setObjectName("card")
        cl = QVBoxLayout(card)
        self.fair_title = label("", name="pagetitle", wrap=True)
        self.fair_place = label("", name="caption", wrap=True)
        self.fair_counts = label("", wrap=True)
        for w in (self.fair_title, self.fair_place, self.fair_counts):
            cl.addWidget(w)
        lay.addWidget(card)
        steps = QGridLayout()
        steps.setHorizontalSpacing(12)
        self.new_button = make_button(translate("OrgSetup", "1. New fair…"), slot=self.new_fair)
        self.registry_button = make_button(translate("OrgSetup", "2. Load the registry…"), slot=self.open_registry)
        self.packages_button = make_button(translate("OrgSetup", "3. Make booth packages…"),
                                           slot=self.choose_packages_folder)
        notes = (translate("OrgSetup", "Name, venue, host province and days."),
                 translate("OrgSetup", "Vendors and products from the organisers' CSV files, checked first."),
                 translate("OrgSetup", "One file per booth to set its till up in one step (holds its signing key: "
                                       "hand it to that vendor only)."))
        buttons: tuple[QPushButton, ...] = (self.new_button, self.registry_button, self.packages_button)
        for i, (button, note) in enumerate(zip(buttons, notes)):
            steps.addWidget(button, 0, i)
            steps.addWidget(label(note, name="caption", wrap=True, align=Qt.AlignmentFlag.AlignTop), 1, i)
            steps.setColumnStretch(i, 1)
        lay.addLayout(steps)
        self.banner = Banner()
        lay.addWidget(self.banner)
        head = QHBoxLayout()
        head.addWidget(label(translate("OrgSetup", "Import history"), name="cardtitle"))
        head.addStretch(1)
        lay.addLayout(head)
        self.log_model = ImportLogModel(self)
        self.log_table = make_table(self.log_model, stretch=5)
        lay.addWidget(self.log_table, 1)
        ctx.fairChanged.connect(lambda _f: self.refresh())
        ctx.dataChanged.connect(self.refresh)
        self.refresh()

    # --- the fair ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the chosen fair and read its status (vendors, files, log) in a worker."""
        fair = self.ctx.fair
        self.registry_button.setEnabled(fair is not None)
        self.packages_button.setEnabled(fair is not None)
        if fair is None:
            self.fair_title.setText(translate("OrgSetup", "No fair yet"))
            self.fair_place.setText(translate("OrgSetup", "Start with a new fair, then load its registry."))
            self.fair_counts.setText("")
            self.log_model.set_rows([])
            return
        self._show_fair(fair)
        store, clock = self.ctx.store, self.ctx.clock
        self.ctx.tasks.run(lambda: fair_status(store, clock, fair.uid, log_lines=200),
                           on_done=self._status, on_error=self._failed)

    def _show_fair(self, fair: FairInfo) -> None:
        self.fair_title.setText(fair.name)
        place = ", ".join(p for p in (fair.venue, fair.province) if p)
        self.fair_place.setText(translate("OrgSetup", "{place} · {first} to {last} ({days} days)").format(
            place=place, first=day_text(fair.first_day, long=True), last=day_text(fair.last_day, long=True),
            days=len(fair.days)))

    def _status(self, status: FairStatus) -> None:
        if self.ctx.fair is None or status.fair.uid != self.ctx.fair.uid:
            return
        self.status = status
        files = status.files
        self.fair_counts.setText(translate(
            "OrgSetup", "{vendors} vendors registered · {sending} have sent exports · files: {added} added, "
            "{held} already held, {refused} refused").format(
                vendors=number(status.vendors_registered), sending=number(len(status.vendors)),
                added=number(files.get("imported", 0)), held=number(files.get("unchanged", 0)),
                refused=number(files.get("refused", 0))))
        self.packages_button.setEnabled(status.vendors_registered > 0)
        self.log_model.set_rows(status.log)
        fit_columns(self.log_table, skip=5)
        self.statusShown.emit(status)

    def _failed(self, exc: BaseException) -> None:
        log_unexpected(exc)
        self.banner.show_message(error_text(exc), "error", 0)

    # --- the steps -----------------------------------------------------------------------------------
    def new_fair(self) -> CreateFairDialog:
        """Open the new-fair dialog."""
        dlg = CreateFairDialog(self.ctx, self)
        dlg.created.connect(self._created)
        self.dialog = dlg
        dlg.open()
        return dlg

    def _created(self, fair: FairInfo) -> None:
        dlg = self.dialog
        warnings = dlg.warnings if isinstance(dlg, CreateFairDialog) else []
        text = translate("OrgSetup", "Fair created: {name}. Next: load its registry.").format(name=fair.name)
        self.banner.show_message("\n".join([text, *warnings]), "warn" if warnings else "ok", 0)

    def open_registry(self) -> RegistryDialog | None:
        """Open the registry dialog for the chosen fair."""
        if self.ctx.fair is None:
            return None
        dlg = RegistryDialog(self.ctx, self.ctx.fair, self)
        dlg.loaded.connect(self._registry_loaded)
        self.dialog = dlg
        dlg.open()
        return dlg

    def _registry_loaded(self, r: RegistryResult) -> None:
        self.banner.show_message(translate(
            "OrgSetup", "Registry loaded: vendors {va} added, {vu} updated; products {pa} added, {pu} updated; "
            "{w} warnings.").format(va=number(r.vendors_added), vu=number(r.vendors_updated),
                                    pa=number(r.products_added), pu=number(r.products_updated),
                                    w=number(len(r.warnings))), "warn" if r.warnings else "ok", 0)

    def choose_packages_folder(self) -> None:
        """Ask for a folder (a USB stick) and write every booth's package into it."""
        folder = QFileDialog.getExistingDirectory(self, translate("OrgSetup", "Folder for the booth packages"))
        if folder:
            self.make_packages(Path(folder))

    def make_packages(self, folder: Path) -> None:
        """Write a package per vendor of the chosen fair into ``folder`` (in a worker)."""
        fair = self.ctx.fair
        if fair is None:
            return
        self.packages_button.setEnabled(False)
        self.banner.show_message(translate("OrgSetup", "Writing booth packages…"), "info", 0)
        store, clock = self.ctx.store, self.ctx.clock
        self.ctx.tasks.run(lambda: make_packages(store, clock, folder, fair_ref=fair.uid),
                           on_done=lambda written: self._packages(folder, written), on_error=self._packages_failed)

    def _packages(self, folder: Path, written: list[PackageWritten]) -> None:
        self.packages_button.setEnabled(True)
        self.banner.show_message(translate(
            "OrgSetup", "{n} booth packages written to {folder}. Keep them private: each holds its booth's "
            "signing key.").format(n=number(len(written)), folder=folder), "ok", 0)
        self.packagesWritten.emit(written)

    def _packages_failed(self, exc: BaseException) -> None:
        self.packages_button.setEnabled(True)
        self._failed(exc)
