"""Settings → Printer: pick a printer by a name a person reads, paper width, cut, drawer, test page.

The list says "เครื่องพิมพ์ USB: Xprinter XP-58" or "เครื่องพิมพ์ในเครือข่าย 192.168.1.50"; the technical
address (``usb:0416:5011``, ``net:…``, ``serial:/dev/ttyUSB0``) and the printer profile live in the folded
"Advanced" section, for support.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from otop_pos.booth.service import BoothSettings, printer_config
from otop_pos.core.errors import InputError, OtopError, PrinterError
from otop_pos.ui.context import BoothContext
from otop_pos.core.vocabulary import PAPER_WIDTHS
from otop_pos.ui.i18n import current_lang, translate
from otop_pos.ui.widgets import ErrorLabel, NumberEdit, label, make_button

_WIDTH_IN_NAME = re.compile(r"(?<!\d)(58|80)(?!\d)")


def printer_name(spec: str, model: str = "") -> str:
    """What a person calls the printer of setting ``spec`` ("USB printer: Xprinter XP-58 (58 mm)"), in the UI's language.

    ``model`` is the maker and model the USB device reports ("" when unknown). The address itself is never
    part of the name, except a network printer's IP address, which is what people write on the printer.
    """
    from otop_pos.printing.transports.spec import parse_printer_spec

    try:
        parsed = parse_printer_spec(spec)
    except PrinterError:
        return translate("Printer", "Printer set up by hand")
    if parsed.kind == "usb":
        model = model.strip()
        if not model:
            return translate("Printer", "USB printer")
        return translate("Printer", "USB printer: {model}").format(model=_with_width(model, model))
    if parsed.kind == "net":
        if parsed.port != 9100:
            return translate("Printer", "Network printer {host}, port {port}").format(host=parsed.host, port=parsed.port)
        return translate("Printer", "Network printer {host}").format(host=parsed.host)
    if parsed.kind == "serial":
        if model.strip():   # the port as the computer names it: "COM5 Standard Serial over Bluetooth link"
            return translate("Printer", "Bluetooth / serial port printer: {port}").format(port=model.strip())
        return translate("Printer", "Bluetooth / serial port printer")
    if parsed.kind == "file":
        return translate("Printer", "USB printer (through the computer's printer driver)")
    if parsed.kind == "win":
        return _with_width(translate("Printer", "Printer “{name}”").format(name=parsed.queue), parsed.queue)
    if parsed.kind == "dummy":
        return translate("Printer", "Test printer (prints nothing)")
    return translate("Printer", "No printer")


def _with_width(text: str, name: str) -> str:
    """``text`` followed by "(58 mm)" when the printer's ``name`` says its paper width."""
    width = _WIDTH_IN_NAME.search(name)
    if width:
        return text + " " + translate("Printer", "({mm} mm)").format(mm=width.group(1))
    return text


class PrinterPage(QWidget):
    """Edits the printer part of the settings; the Save button of the settings screen stores it.

    ``discover`` lists the printers "Find printers" offers, as ``(spec, description)`` (default: the
    installed Windows print queues on Windows, the USB printers elsewhere)."""

    def __init__(self, ctx: BoothContext, parent: QWidget | None = None, *,
                 discover: Callable[[], list[tuple[str, str]]] | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        if discover is None:
            from otop_pos.printing.printer import list_printers

            discover = list_printers
        self.discover = discover
        lay = QVBoxLayout(self)
        form = QFormLayout()
        row = QHBoxLayout()
        self.printer_box = QComboBox()
        self.printer_box.currentIndexChanged.connect(self._printer_changed)
        row.addWidget(self.printer_box, 1)
        self.find_button = make_button(translate("Printer", "Find printers"), slot=self.find_printers)
        row.addWidget(self.find_button)
        form.addRow(translate("Printer", "Printer"), row)
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
        self.cut_check = QCheckBox(translate("Printer", "Cut the paper after each receipt"))
        self.drawer_check = QCheckBox(translate("Printer", "Open the cash drawer for cash sales"))
        form.addRow("", self.cut_check)
        form.addRow("", self.drawer_check)
        lay.addLayout(form)
        self.advanced_button = QToolButton()
        self.advanced_button.setText(translate("Printer", "Advanced (for support)"))
        self.advanced_button.setCheckable(True)
        self.advanced_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_button.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_button.toggled.connect(self._show_advanced)
        lay.addWidget(self.advanced_button)
        self.advanced = QWidget()
        adv = QFormLayout(self.advanced)
        adv.setContentsMargins(0, 0, 0, 0)
        self.spec_edit = QLineEdit()
        self.spec_edit.setPlaceholderText("net:192.168.1.50:9100 · serial:/dev/ttyUSB0:9600 · file:/dev/usb/lp0")
        adv.addRow(translate("Printer", "Printer address"), self.spec_edit)
        self.profile_edit = QLineEdit()
        self.profile_edit.setPlaceholderText(translate("Printer", "empty = standard ESC/POS"))
        adv.addRow(translate("Printer", "Printer profile"), self.profile_edit)
        self.advanced.setVisible(False)
        lay.addWidget(self.advanced)
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
        self.printer_box.addItem(printer_name("none"), "none")
        for spec, model in found:
            self.printer_box.addItem(printer_name(spec, model), spec)
        self.printer_box.addItem(printer_name("dummy"), "dummy")
        if self.printer_box.findData(current) < 0:          # the saved printer, named as a person would
            self.printer_box.insertItem(self.printer_box.count() - 1, printer_name(current), current)
        self.printer_box.addItem(translate("Printer", "Another printer (type its address under Advanced)"), "custom")
        self.printer_box.setCurrentIndex(self.printer_box.findData(current))
        self.printer_box.blockSignals(False)
        self._printer_changed()

    def _show_advanced(self, shown: bool) -> None:
        self.advanced.setVisible(shown)
        self.advanced_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

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
        data = self.printer_box.currentData()
        custom = data == "custom"
        self.spec_edit.setReadOnly(not custom)
        if custom:
            self.advanced_button.setChecked(True)
            self.spec_edit.clear()
            self.spec_edit.setFocus()
        else:
            self.spec_edit.setText(str(data or "none"))

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
        current = self.printer_box.currentData() or "none"
        self.find_button.setEnabled(False)

        def found(printers: list[tuple[str, str]]) -> None:
            self.find_button.setEnabled(True)
            self._fill_printers(printers, current)
            self.test_result.setText(translate("Printer", "{n} printer(s) found.").format(n=len(printers)))
        self.ctx.run_device(self.discover, found, self._failed)

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
