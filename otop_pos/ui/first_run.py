"""First run: a four-step wizard — language, receipt paper, how to set up, the shop's details.

The set-up comes from the organiser's shop settings file, from the organiser's list of shops and a vendor
code, or the demo fair. The language and the paper are stored as the booth's settings once it is set up.
The paper page also offers the printers this computer finds (the installed printers on Windows, USB printers
elsewhere; the row stays hidden when none is found) with a test page; the one chosen is stored too.
Every visible text is set in ``retranslate``, so the language switch on the first page changes them at once.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from otop_pos.booth.service import BoothService, PrinterConfig
from otop_pos.core.digits import normalize_digits
from otop_pos.core.errors import PinError
from otop_pos.core.vocabulary import PAPER_WIDTHS
from otop_pos.ui.i18n import current_lang, install_language, translate
from otop_pos.ui.printer_page import printer_name
from otop_pos.ui.runner import OperationRunner
from otop_pos.ui.theme import ROLES, Ink
from otop_pos.ui.widgets import ErrorLabel, PinEdit, WrapLabel, label, make_button

#: The pages of the stack, and the step (1–4) each belongs to.
PAGE_LANG, PAGE_PAPER, PAGE_HOW, PAGE_PACKAGE, PAGE_REGISTRY = range(5)
STEP_OF_PAGE = (1, 2, 3, 4, 4)
STEPS = 4
#: The two receipt papers the wizard offers (dots across), 58 mm first: most portable printers take it.
PAPER_58, PAPER_80 = (next(w.dots for w in PAPER_WIDTHS if w.key == key) for key in ("58mm", "80mm"))
_ZIP = b"PK\x03\x04"


def registry_source(chosen: Path) -> Path:
    """What the set-up reads for the file the vendor chose: a workbook holds both lists itself; any other
    file stands for the lists beside it (its folder, which the vendor never has to name)."""
    if chosen.is_file():
        with chosen.open("rb") as fh:
            if fh.read(4) == _ZIP:
                return chosen
        return chosen.parent
    return chosen


def paper_drawing(mm: int, text: QColor, paper: QColor) -> QIcon:
    """A receipt strip drawn to scale (80 mm is the full width), so the two papers differ at a glance."""
    size = QSize(64, 72)
    pix = QPixmap(size)
    pix.fill(QColor(Ink.CLEAR))
    width = size.width() * mm / 80
    strip = QRectF((size.width() - width) / 2 + 1, 1, width - 2, size.height() - 2)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(text)
    p.setBrush(paper)
    p.drawRect(strip)
    for i, share in enumerate((0.8, 0.6, 0.7, 0.5, 0.8)):     # a few printed lines
        y = strip.top() + 12 + i * 11
        left = int(strip.left() + 5)
        p.drawLine(left, int(y), left + int((strip.width() - 10) * share), int(y))
    p.end()
    return QIcon(pix)


class FirstRunDialog(QDialog):
    """A short wizard; ``accepted`` once the booth is set up (with the language and paper chosen)."""

    def __init__(self, service: BoothService, parent: QWidget | None = None, *,
                 discover: Callable[[], list[tuple[str, str]]] | None = None) -> None:
        super().__init__(parent)
        self.service = service
        if discover is None:
            from otop_pos.printing.printer import list_printers

            discover = list_printers
        self.discover = discover
        self.found_printers: list[tuple[str, str]] = []
        self._finding = False
        self._picked: str | None = None          # the printer the vendor picked (else the first one found)
        self.runner = OperationRunner(self)
        self.lang = current_lang()
        self.ok_buttons: list[QPushButton] = []   # the "Set up" of the package page, then the registry page
        self.back_buttons: list[QPushButton] = []
        self.pick_buttons: list[QPushButton] = []
        self.pin_labels: list[tuple[QLabel, QLabel]] = []
        self.pin_edits: list[PinEdit] = []
        self.title = label("", name="huge")
        self.step_text = label("", name="caption")
        self.step_labels = [QLabel() for _ in range(STEPS)]
        steps = QHBoxLayout()
        steps.addWidget(self.step_text)
        steps.addSpacing(16)
        for lab in self.step_labels:
            steps.addWidget(lab)
            steps.addSpacing(12)
        steps.addStretch(1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._language_page())
        self.stack.addWidget(self._paper_page())
        self.stack.addWidget(self._choices())
        self.stack.addWidget(self._package_page())
        self.stack.addWidget(self._registry_page())
        self.stack.currentChanged.connect(lambda _i: self._show_step())
        self.error = ErrorLabel()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 16, 24, 16)
        lay.addWidget(self.title)
        lay.addLayout(steps)
        lay.addWidget(self.stack, 1)
        lay.addWidget(self.error)
        self.resize(760, 520)
        self.retranslate()
        self._go(PAGE_LANG)

    # --- pages ---------------------------------------------------------------------------------------------
    def _nav(self, v: QVBoxLayout, back: int | None, ok: QPushButton) -> None:
        row = QHBoxLayout()
        if back is not None:
            b = make_button("", slot=lambda: self._go(back))
            b.setAutoDefault(False)
            self.back_buttons.append(b)
            row.addWidget(b)
        row.addStretch(1)
        ok.setAutoDefault(False)
        row.addWidget(ok)
        v.addStretch(1)
        v.addLayout(row)

    def _language_page(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        self.lang_prompt = label("", name="big", wrap=True)
        v.addWidget(self.lang_prompt)
        self.lang_group = QButtonGroup(self)
        row = QHBoxLayout()
        # each language is named in itself, so whoever reads it finds theirs
        self.thai_button = make_button("ไทย", name="choice", slot=lambda: self.set_language("th"))
        self.english_button = make_button("English", name="choice", slot=lambda: self.set_language("en"))
        for b in (self.thai_button, self.english_button):
            b.setCheckable(True)
            b.setAutoDefault(False)   # Enter on a chosen language goes on ("ถัดไป" is the page's default)
            self.lang_group.addButton(b)
            row.addWidget(b, 1)
        (self.english_button if self.lang == "en" else self.thai_button).setChecked(True)
        v.addLayout(row)
        self.lang_note = label("", name="caption", wrap=True)
        v.addWidget(self.lang_note)
        self.lang_next = make_button("", name="primary", slot=lambda: self._go(PAGE_PAPER))
        self._nav(v, None, self.lang_next)
        return w

    def _paper_page(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        self.paper_prompt = label("", name="big", wrap=True)
        v.addWidget(self.paper_prompt)
        self.paper_group = QButtonGroup(self)
        row = QHBoxLayout()
        self.paper_58 = make_button("", name="choice")
        self.paper_80 = make_button("", name="choice")
        for b, dots, mm in ((self.paper_58, PAPER_58, 58), (self.paper_80, PAPER_80, 80)):
            b.setCheckable(True)
            b.setAutoDefault(False)
            b.setIcon(paper_drawing(mm, QColor(ROLES.caption.fg), QColor(Ink.SURFACE)))
            b.setIconSize(QSize(64, 72))
            b.setMinimumHeight(96)
            self.paper_group.addButton(b, dots)
            row.addWidget(b, 1)
        self.paper_58.setChecked(True)
        v.addLayout(row)
        self.paper_note = label("", name="caption", wrap=True)
        v.addWidget(self.paper_note)
        self.printer_row = QWidget()
        pr = QHBoxLayout(self.printer_row)
        pr.setContentsMargins(0, 8, 0, 0)
        self.printer_caption = label("")
        self.printer_box = QComboBox()
        self.printer_box.activated.connect(lambda _i: setattr(self, "_picked", self.printer_box.currentData()))
        self.printer_test = make_button("", slot=self.test_page)
        self.printer_test.setAutoDefault(False)
        pr.addWidget(self.printer_caption)
        pr.addWidget(self.printer_box, 1)
        pr.addWidget(self.printer_test)
        self.printer_row.setVisible(False)
        v.addWidget(self.printer_row)
        self.printer_result = label("", name="caption", wrap=True)
        v.addWidget(self.printer_result)
        self.paper_next = make_button("", name="primary", slot=lambda: self._go(PAGE_HOW))
        self._nav(v, PAGE_LANG, self.paper_next)
        return w

    def _choices(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        self.how_prompt = label("", name="big", wrap=True)
        v.addWidget(self.how_prompt)
        self.package_button = make_button("", name="choice", slot=lambda: self._go(PAGE_PACKAGE))
        self.registry_button = make_button("", name="choice", slot=lambda: self._go(PAGE_REGISTRY))
        self.demo_button = make_button("", name="choice", slot=self.demo)
        for b in (self.package_button, self.registry_button, self.demo_button):
            v.addWidget(b)
        self.demo_note = label("", name="caption", wrap=True)
        v.addWidget(self.demo_note)
        v.addStretch(1)
        row = QHBoxLayout()
        back = make_button("", slot=lambda: self._go(PAGE_PAPER))
        back.setAutoDefault(False)
        self.back_buttons.append(back)
        row.addWidget(back)
        row.addStretch(1)
        v.addLayout(row)
        return w

    def _pin_rows(self, form: QFormLayout) -> tuple[PinEdit, PinEdit]:
        pin, again = PinEdit(), PinEdit()
        first, second = QLabel(), QLabel()
        form.addRow(first, pin)
        form.addRow(second, again)
        self.pin_labels.append((first, second))
        self.pin_edits += [pin, again]
        return pin, again

    def _file_row(self, form: QFormLayout, slot: Callable[[], None]) -> tuple[QLabel, QLineEdit]:
        row = QHBoxLayout()
        path = QLineEdit()
        row.addWidget(path, 1)
        pick = make_button("", slot=slot)
        self.pick_buttons.append(pick)
        row.addWidget(pick)
        caption = QLabel()
        form.addRow(caption, row)
        return caption, path

    def _setup_page(self, fill: Callable[[QFormLayout], None],
                    ok_slot: Callable[[], None]) -> tuple[QWidget, WrapLabel]:
        w = QWidget()
        v = QVBoxLayout(w)
        intro = WrapLabel()
        v.addWidget(intro)
        form = QFormLayout()
        fill(form)
        v.addLayout(form)
        ok = make_button("", name="primary", slot=ok_slot)
        self.ok_buttons.append(ok)
        self._nav(v, PAGE_HOW, ok)
        return w, intro

    def _package_page(self) -> QWidget:
        def fill(form: QFormLayout) -> None:
            self.package_caption, self.package_path = self._file_row(form, self._pick_package)
            self.package_pin, self.package_pin2 = self._pin_rows(form)
        w, self.package_intro = self._setup_page(fill, self.setup_package)
        return w

    def _registry_page(self) -> QWidget:
        def fill(form: QFormLayout) -> None:
            self.registry_caption, self.registry_path = self._file_row(form, self._pick_registry)
            self.vendor_code = QLineEdit()
            self.vendor_code.setPlaceholderText("KK20-0001")
            self.vendor_caption = QLabel()
            form.addRow(self.vendor_caption, self.vendor_code)
            self.booth_code = QLineEdit()
            self.booth_caption = QLabel()
            form.addRow(self.booth_caption, self.booth_code)
            self.fair_name = QLineEdit()
            self.fair_caption = QLabel()
            form.addRow(self.fair_caption, self.fair_name)
            self.registry_pin, self.registry_pin2 = self._pin_rows(form)
        w, self.registry_intro = self._setup_page(fill, self.setup_registry)
        return w

    # --- language ------------------------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        """Switch the wizard (and the app) to ``lang`` at once; it becomes the booth's language."""
        self.lang = install_language(lang)
        (self.english_button if self.lang == "en" else self.thai_button).setChecked(True)
        self.error.clear()
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt name
        """Qt's LanguageChange (a translator installed elsewhere): show the texts in the new language."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        """Every visible text in the current language."""
        self.setWindowTitle(translate("FirstRun", "Set up this booth"))
        self.title.setText(translate("FirstRun", "Welcome to OTOP POS"))
        self.lang_prompt.setText(translate("FirstRun", "Choose the language of the app"))
        self.lang_note.setText(translate("FirstRun", "You can change it later in Settings."))
        self.paper_prompt.setText(translate("FirstRun", "How wide is your receipt paper?"))
        self.paper_58.setText(translate("FirstRun", "Paper 58 mm wide\n(most portable printers)"))
        self.paper_80.setText(translate("FirstRun", "Paper 80 mm wide\n(large shop-counter printers)"))
        self.printer_caption.setText(translate("FirstRun", "Printer"))
        self.printer_test.setText(translate("FirstRun", "Print a test page"))
        self._fill_printers()
        self.paper_note.setText(translate("FirstRun", "Not sure? Measure the paper roll, or keep 58 mm. "
                                                      "You can change it later in Settings."))
        for b in (self.lang_next, self.paper_next):
            b.setText(translate("FirstRun", "Next"))
        self.how_prompt.setText(translate("FirstRun", "How do you want to set up this booth?"))
        self.package_button.setText(translate("FirstRun", "Use the shop settings file from the organiser"))
        self.registry_button.setText(translate("FirstRun",
                                               "Use the organiser's list of shops and my vendor code"))
        self.demo_button.setText(translate("FirstRun", "Try the demo fair"))
        self.demo_note.setText(translate("FirstRun", "The demo fair has invented shops and products; "
                                                     "its sales stay on this computer only."))
        for b in self.back_buttons:
            b.setText(translate("FirstRun", "Back"))
        for b in self.ok_buttons:
            b.setText(translate("FirstRun", "Set up"))
        for b in self.pick_buttons:
            b.setText(translate("FirstRun", "Choose file…"))
        for first, second in self.pin_labels:
            first.setText(translate("FirstRun", "New manager PIN"))
            second.setText(translate("FirstRun", "Manager PIN again"))
        for e in self.pin_edits:
            e.setPlaceholderText(translate("FirstRun", "4–8 digits"))
        self.package_intro.setText(translate("FirstRun", "Choose the shop settings file the organiser gave "
                                                         "you, then set the manager PIN."))
        self.package_caption.setText(translate("FirstRun", "Shop settings file"))
        self.registry_intro.setText(translate("FirstRun", "Choose the file with the organiser's list of "
                                                          "shops and products, and type your vendor code."))
        self.registry_caption.setText(translate("FirstRun", "List of shops file"))
        self.vendor_caption.setText(translate("FirstRun", "Vendor code"))
        self.booth_caption.setText(translate("FirstRun", "Booth"))
        self.booth_code.setPlaceholderText(translate("FirstRun", "as on the list"))
        self.fair_caption.setText(translate("FirstRun", "Fair name"))
        self._show_step()

    def _show_step(self) -> None:
        step = STEP_OF_PAGE[self.stack.currentIndex()]
        self.step_text.setText(translate("FirstRun", "Step {n} of {total}").format(n=step, total=STEPS))
        names = (translate("FirstRun", "Language"), translate("FirstRun", "Receipt paper"),
                 translate("FirstRun", "How to set up"), translate("FirstRun", "Shop details"))
        for i, (lab, name) in enumerate(zip(self.step_labels, names), start=1):
            lab.setText(f"{'●' if i <= step else '○'} {name}")
            font = lab.font()
            font.setBold(i == step)
            lab.setFont(font)

    # --- navigation ----------------------------------------------------------------------------------------
    def _go(self, page: int) -> None:
        """Show ``page``; Enter presses its default button ("ถัดไป" on the language and paper pages, "Set up"
        in any field of a set-up page); on the choices the keyboard starts at the first choice."""
        self.error.clear()
        self.stack.setCurrentIndex(page)
        if page == PAGE_PAPER:
            self.find_printers()
        defaults = {PAGE_LANG: self.lang_next, PAGE_PAPER: self.paper_next}
        defaults.update(enumerate(self.ok_buttons, start=PAGE_PACKAGE))
        for i, button in defaults.items():
            button.setDefault(i == page)
        if page == PAGE_HOW:
            self.package_button.setFocus()
        elif page in (PAGE_LANG, PAGE_PAPER):
            defaults[page].setFocus()

    def paper_width(self) -> int:
        """The paper chosen, in dots across (58 mm unless 80 mm was picked)."""
        return PAPER_80 if self.paper_80.isChecked() else PAPER_58

    # --- the printer -------------------------------------------------------------------------------------
    def find_printers(self) -> None:
        """Look for printers off the GUI thread; the printer row shows once one is found."""
        if self._finding:
            return
        self._finding = True

        def found(printers: object) -> None:
            self._finding = False
            self.found_printers = list(printers)  # type: ignore[call-overload]
            self._fill_printers()

        def failed(_exc: BaseException) -> None:
            self._finding = False
        self.runner.run(self.discover, found, failed)

    def _fill_printers(self) -> None:
        known = [spec for spec, _ in self.found_printers]
        chosen = self._picked if self._picked in known + ["none"] else (known[0] if known else "none")
        self.printer_box.clear()
        for spec, model in self.found_printers:
            self.printer_box.addItem(printer_name(spec, model), spec)
        self.printer_box.addItem(translate("FirstRun", "No printer for now"), "none")
        self.printer_box.setCurrentIndex(max(0, self.printer_box.findData(chosen)))
        self.printer_row.setVisible(bool(self.found_printers))

    def printer(self) -> str:
        """The printer setting chosen ("none" when none was found or chosen)."""
        return str(self.printer_box.currentData() or "none") if self.found_printers else "none"

    def test_page(self) -> None:
        """Print the test page on the printer and paper chosen (nothing is stored)."""
        config = PrinterConfig(self.printer(), self.paper_width())
        if not config.configured:
            return
        service = self.service
        self.printer_test.setEnabled(False)
        self.printer_result.setText(translate("FirstRun", "Printing the test page…"))

        def tested(result: object) -> None:
            self.printer_test.setEnabled(True)
            if isinstance(result, BaseException):
                self.printer_result.setText("")
                self.error.show_error(result)
            else:
                self.error.clear()
                self.printer_result.setText(translate("FirstRun", "Test page sent: Thai text, both edge marks "
                                                                  "and a QR code must print."))
        self.runner.run(lambda: service.test_page(config), tested, tested)

    def _pick_package(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, translate("FirstRun", "Shop settings file"))
        if path:
            self.package_path.setText(path)

    def _pick_registry(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, translate("FirstRun", "List of shops file"))
        if path:
            self.registry_path.setText(path)

    # --- actions -------------------------------------------------------------------------------------------
    def _pin(self, a: PinEdit, b: PinEdit) -> str:
        if normalize_digits(a.text()) != normalize_digits(b.text()):
            raise PinError("รหัสเจ้าของร้านทั้งสองช่องไม่ตรงกัน", "The two manager PINs are not the same.")
        return a.text()

    def _run(self, fn: Callable[[], object]) -> None:
        """Set up with ``fn`` off the GUI thread, then store the language, paper and printer (only when it worked)."""
        self.error.clear()
        self.setEnabled(False)
        service, lang, width, chosen = self.service, self.lang, self.paper_width(), self.printer()
        printer = {"printer": chosen} if chosen != "none" else {}

        def work() -> object:
            done = fn()
            service.update_settings(lang=lang, paper_width=width, **printer)
            return done

        def failed(exc: BaseException) -> None:
            self.setEnabled(True)
            self.error.show_error(exc)

        def done(_: object) -> None:
            self.setEnabled(True)
            self.accept()
        self.runner.run(work, done, failed)

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
        chosen, vendor = Path(self.registry_path.text().strip()), self.vendor_code.text().strip()
        booth, fair = self.booth_code.text().strip() or None, self.fair_name.text().strip()

        self._run(lambda: service.set_up_from_registry(registry_source(chosen), vendor, booth=booth,
                                                       fair_name=fair, manager_pin=pin))

    def done(self, result: int) -> None:  # noqa: D102 - QDialog
        self.runner.wait()
        super().done(result)
