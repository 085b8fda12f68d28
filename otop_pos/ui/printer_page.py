"""Settings → Printer: pick a USB printer (or network/serial/file), paper width, profile, cut, drawer, test page."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from otop_pos.booth.service import BoothSettings, printer_config
from otop_pos.core.errors import InputError, OtopError
from otop_pos.ui.context import BoothContext
from otop_pos.core.vocabulary import PAPER_WIDTHS
from otop_pos.ui.i18n import current_lang, translate
from otop_pos.ui.widgets import ErrorLabel, NumberEdit, label, make_button



class PrinterPage(QWidget):
    """Edits the printer part of the settings; the Save button of the settings screen stores it."""

    def __init__(self, ctx: BoothContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lay = QVBoxLayout(self)
        form = QFormLayout()
        row = QHBoxLayout()
        self.printer_box = QComboBox()
        self.printer_box.currentIndexChanged.connect(self._printer_changed)
        row.addWidget(self.printer_box, 1)
        self.find_button = make_button(translate("Printer", "Find USB printers"), slot=self.find_printers)
        row.addWidget(self.find_button)
        form.addRow(translate("Printer", "Printer"), row)
        self.spec_edit = QLineEdit()
        self.spec_edit.setPlaceholderText("net:192.168.1.50:9100 · serial:/dev/ttyUSB0:9600 · file:/dev/usb/lp0")
        form.addRow(translate("Printer", "Connection"), self.spec_edit)
        widths = QVBoxLayout()
        self.width_group = QButtonGroup(self)
        self.width_radios: dict[int, QRadioButton] = {}
        for paper in PAPER_WIDTHS:
            r = QRadioButton(paper.name(current_lang()))
            self.width_group.addButton(r)
            self.width_radios[paper.dots] = r
            widths.addWidget(r)
        custom = QHBoxLayout()
        self.custom_radio = QRadioButton(translate("Printer", "Other width (dots)"))
        self.width_group.addButton(self.custom_radio)
        self.custom_width = NumberEdit("576")
        self.custom_width.setMaximumWidth(120)
        custom.addWidget(self.custom_radio)
        custom.addWidget(self.custom_width)
        custom.addStretch(1)
        widths.addLayout(custom)
        form.addRow(translate("Printer", "Paper width"), widths)
        self.profile_edit = QLineEdit()
        self.profile_edit.setPlaceholderText(translate("Printer", "empty = standard ESC/POS"))
        form.addRow(translate("Printer", "Printer profile"), self.profile_edit)
        self.cut_check = QCheckBox(translate("Printer", "Cut the paper after each receipt"))
        self.drawer_check = QCheckBox(translate("Printer", "Open the cash drawer for cash sales"))
        form.addRow("", self.cut_check)
        form.addRow("", self.drawer_check)
        lay.addLayout(form)
        test_row = QHBoxLayout()
        self.test_button = make_button(translate("Printer", "Print test page"), slot=self.test_page)
        test_row.addWidget(self.test_button)
        self.test_result = label("", wrap=True)
        test_row.addWidget(self.test_result, 1)
        lay.addLayout(test_row)
        self.error = ErrorLabel()
        lay.addWidget(self.error)
        lay.addStretch(1)
        self.load(ctx.settings)

    # --- values --------------------------------------------------------------------------------------------
    def _fill_printers(self, found: list[tuple[str, str]], current: str) -> None:
        self.printer_box.blockSignals(True)
        self.printer_box.clear()
        self.printer_box.addItem(translate("Printer", "No printer"), "none")
        for spec, text in found:
            self.printer_box.addItem(text, spec)
        self.printer_box.addItem(translate("Printer", "Test printer (prints nothing)"), "dummy")
        self.printer_box.addItem(translate("Printer", "Network, serial or device file (type below)"), "custom")
        i = self.printer_box.findData(current)
        if i < 0:
            i = self.printer_box.findData("custom")
            self.spec_edit.setText(current)
        self.printer_box.setCurrentIndex(i)
        self.printer_box.blockSignals(False)
        self._printer_changed()

    def load(self, st: BoothSettings) -> None:
        self._fill_printers([], st.printer or "none")
        radio = self.width_radios.get(st.paper_width)
        if radio is not None:
            radio.setChecked(True)
        else:
            self.custom_radio.setChecked(True)
            self.custom_width.setText(str(st.paper_width))
        self.profile_edit.setText(st.printer_profile)
        self.cut_check.setChecked(st.cut)
        self.drawer_check.setChecked(st.drawer_kick)

    def _printer_changed(self) -> None:
        custom = self.printer_box.currentData() == "custom"
        self.spec_edit.setEnabled(custom)

    def spec(self) -> str:
        data = self.printer_box.currentData()
        if data == "custom":
            text = self.spec_edit.text().strip()
            from otop_pos.printing.transports.spec import parse_printer_spec

            return str(parse_printer_spec(text))
        return str(data or "none")

    def paper_width(self) -> int:
        for dots, radio in self.width_radios.items():
            if radio.isChecked():
                return dots
        width = self.custom_width.count()
        if not 200 <= width <= 1024:
            raise InputError("ความกว้างกระดาษต้องอยู่ระหว่าง 200–1024 จุด", "Paper width must be 200–1024 dots.")
        return width

    def values(self) -> dict[str, object]:
        """The printer settings as typed (PrinterError/InputError when something cannot be understood)."""
        return dict(printer=self.spec(), paper_width=self.paper_width(), printer_profile=self.profile_edit.text().strip(),
                    cut=self.cut_check.isChecked(), drawer_kick=self.drawer_check.isChecked())

    # --- actions -------------------------------------------------------------------------------------------
    def find_printers(self) -> None:
        from otop_pos.printing.printer import list_usb_printers

        current = self.printer_box.currentData() or "none"
        self.find_button.setEnabled(False)

        def found(printers: list[tuple[str, str]]) -> None:
            self.find_button.setEnabled(True)
            self._fill_printers(printers, current)
            self.test_result.setText(translate("Printer", "{n} USB printer(s) found.").format(n=len(printers)))
        self.ctx.run_device(list_usb_printers, found, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.find_button.setEnabled(True)
        self.error.show_error(exc)

    def test_page(self) -> None:
        self.error.clear()
        try:
            values = self.values()
        except OtopError as exc:
            self.error.show_error(exc)
            return
        service, config = self.ctx.service, printer_config(replace(self.ctx.settings, **values))  # type: ignore[arg-type]
        if not config.configured:
            self.error.show_error(translate("Printer", "Choose a printer first."))
            return
        self.test_button.setEnabled(False)
        self.test_result.setText(translate("Printer", "Printing the test page…"))
        self.ctx.run_device(lambda: service.test_page(config), self._tested, self._tested)

    def _tested(self, result: object) -> None:
        self.test_button.setEnabled(True)
        if result is None:
            self.test_result.setText(translate("Printer", "Test page sent. Check the paper: Thai text, both edge "
                                                          "marks and a QR code must print."))
        else:
            self.test_result.setText("")
            self.error.show_error(result if isinstance(result, BaseException) else str(result))
