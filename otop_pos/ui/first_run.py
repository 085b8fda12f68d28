"""First run: set the booth up from a fair package, from the registry folder and a vendor code, or the demo fair."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from otop_pos.booth.service import BoothService
from otop_pos.core.digits import normalize_digits
from otop_pos.core.errors import PinError
from otop_pos.ui.i18n import translate
from otop_pos.ui.widgets import ErrorLabel, PinEdit, label, make_button
from otop_pos.ui.runner import OperationRunner


class FirstRunDialog(QDialog):
    """A short wizard; ``accepted`` once the booth is set up."""

    def __init__(self, service: BoothService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.runner = OperationRunner(self)
        self.setWindowTitle(translate("FirstRun", "Set up this booth"))
        self.ok_buttons: list[QPushButton] = []   # the "Set up" of the package page, then the registry page
        self.stack = QStackedWidget()
        self.stack.addWidget(self._choices())
        self.stack.addWidget(self._package_page())
        self.stack.addWidget(self._registry_page())
        self.error = ErrorLabel()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 16, 24, 16)
        lay.addWidget(label(translate("FirstRun", "Welcome to OTOP POS"), name="huge"))
        lay.addWidget(self.stack, 1)
        lay.addWidget(self.error)
        self.resize(760, 520)

    # --- pages ---------------------------------------------------------------------------------------------
    def _choices(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        v.addWidget(label(translate("FirstRun", "How do you want to set up this booth?"), name="big", wrap=True))
        self.package_button = make_button(translate("FirstRun", "Load the fair package from the organiser"),
                                          name="choice", slot=lambda: self._go(1))
        self.registry_button = make_button(translate("FirstRun", "Set up from the registry folder and my vendor code"),
                                           name="choice", slot=lambda: self._go(2))
        self.demo_button = make_button(translate("FirstRun", "Try the demo fair"), name="choice", slot=self.demo)
        for b in (self.package_button, self.registry_button, self.demo_button):
            v.addWidget(b)
        v.addWidget(label(translate("FirstRun", "The demo fair has invented vendors and products; its sales stay in "
                                                "this data folder."), name="caption", wrap=True))
        v.addStretch(1)
        return w

    def _pin_rows(self, form: QFormLayout) -> tuple[PinEdit, PinEdit]:
        pin, again = PinEdit(), PinEdit()
        pin.setPlaceholderText(translate("FirstRun", "4–8 digits"))
        again.setPlaceholderText(translate("FirstRun", "4–8 digits"))
        form.addRow(translate("FirstRun", "New manager PIN"), pin)
        form.addRow(translate("FirstRun", "Manager PIN again"), again)
        return pin, again

    def _buttons(self, v: QVBoxLayout, ok_slot: object) -> QHBoxLayout:
        row = QHBoxLayout()
        back = make_button(translate("FirstRun", "Back"), slot=lambda: self._go(0))
        back.setAutoDefault(False)
        row.addWidget(back)
        row.addStretch(1)
        ok = make_button(translate("FirstRun", "Set up"), name="primary", slot=ok_slot)  # type: ignore[arg-type]
        ok.setAutoDefault(False)
        self.ok_buttons.append(ok)
        row.addWidget(ok)
        v.addStretch(1)
        v.addLayout(row)
        return row

    def _package_page(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        v.addWidget(label(translate("FirstRun", "Choose the booth package file the organiser gave you."), wrap=True))
        form = QFormLayout()
        row = QHBoxLayout()
        self.package_path = QLineEdit()
        row.addWidget(self.package_path, 1)
        row.addWidget(make_button(translate("FirstRun", "Choose…"), slot=self._pick_package))
        form.addRow(translate("FirstRun", "Package file"), row)
        self.package_pin, self.package_pin2 = self._pin_rows(form)
        v.addLayout(form)
        self._buttons(v, self.setup_package)
        return w

    def _registry_page(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        v.addWidget(label(translate("FirstRun", "Choose the folder with the vendors and catalogue CSV files, and "
                                                "type your vendor code."), wrap=True))
        form = QFormLayout()
        row = QHBoxLayout()
        self.registry_path = QLineEdit()
        row.addWidget(self.registry_path, 1)
        row.addWidget(make_button(translate("FirstRun", "Choose…"), slot=self._pick_folder))
        form.addRow(translate("FirstRun", "Registry folder"), row)
        self.vendor_code = QLineEdit()
        self.vendor_code.setPlaceholderText("KK20-0001")
        form.addRow(translate("FirstRun", "Vendor code"), self.vendor_code)
        self.booth_code = QLineEdit()
        self.booth_code.setPlaceholderText(translate("FirstRun", "from the registry"))
        form.addRow(translate("FirstRun", "Booth"), self.booth_code)
        self.fair_name = QLineEdit()
        form.addRow(translate("FirstRun", "Fair name"), self.fair_name)
        self.registry_pin, self.registry_pin2 = self._pin_rows(form)
        v.addLayout(form)
        self._buttons(v, self.setup_registry)
        return w

    def _go(self, page: int) -> None:
        """Show ``page``; on a set-up page Enter in any field presses its "Set up" (the default button)."""
        self.error.clear()
        self.stack.setCurrentIndex(page)
        for i, ok in enumerate(self.ok_buttons, start=1):
            ok.setDefault(i == page)

    def _pick_package(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, translate("FirstRun", "Package file"))
        if path:
            self.package_path.setText(path)

    def _pick_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, translate("FirstRun", "Registry folder"))
        if path:
            self.registry_path.setText(path)

    # --- actions -------------------------------------------------------------------------------------------
    def _pin(self, a: PinEdit, b: PinEdit) -> str:
        if normalize_digits(a.text()) != normalize_digits(b.text()):
            raise PinError("รหัสเจ้าของร้านทั้งสองช่องไม่ตรงกัน", "The two manager PINs are not the same.")
        return a.text()

    def _run(self, fn: object) -> None:
        self.error.clear()
        self.setEnabled(False)

        def failed(exc: BaseException) -> None:
            self.setEnabled(True)
            self.error.show_error(exc)

        def done(_: object) -> None:
            self.setEnabled(True)
            self.accept()
        self.runner.run(fn, done, failed)  # type: ignore[arg-type]

    def demo(self) -> None:
        self._run(self.service.set_up_demo)

    def setup_package(self) -> None:
        try:
            pin = self._pin(self.package_pin, self.package_pin2)
        except PinError as exc:
            self.error.show_error(exc)
            return
        service, path = self.service, Path(self.package_path.text().strip())
        self._run(lambda: service.set_up_from_package(path, manager_pin=pin))

    def setup_registry(self) -> None:
        try:
            pin = self._pin(self.registry_pin, self.registry_pin2)
        except PinError as exc:
            self.error.show_error(exc)
            return
        service = self.service
        folder, vendor = Path(self.registry_path.text().strip()), self.vendor_code.text().strip()
        booth, fair = self.booth_code.text().strip() or None, self.fair_name.text().strip()

        self._run(lambda: service.set_up_from_registry(folder, vendor, booth=booth, fair_name=fair, manager_pin=pin))

    def done(self, result: int) -> None:  # noqa: D102 - QDialog
        self.runner.wait()
        super().done(result)
