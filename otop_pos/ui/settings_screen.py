"""Settings: shop, PromptPay (validated as typed), receipt text, printer, language, manager PIN, backups."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from otop_pos.booth.service import BackupResult, BoothSettings
from otop_pos.core.digits import normalize_digits
from otop_pos.core.errors import OtopError, PinError
from otop_pos.core.promptpay import describe_target, normalize_promptpay_target
from otop_pos.ui.context import BoothContext
from otop_pos.ui.i18n import date_text, error_text, translate
from otop_pos.ui.printer_page import PrinterPage
from otop_pos.ui.toast import Toast
from otop_pos.ui.widgets import (
    ErrorLabel,
    NumberEdit,
    PinEdit,
    label,
    make_button,
    scrolled,
)


class SettingsScreen(QWidget):
    """Tabs of settings with one Save (one ``update_settings`` call); PIN change and backup-now act at once."""

    def __init__(self, ctx: BoothContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget()
        self.tabs.addTab(scrolled(self._shop_tab()), translate("Settings", "Shop"))
        self.tabs.addTab(scrolled(self._receipt_tab()), translate("Settings", "Receipt"))
        self.printer_page = PrinterPage(ctx)
        self.tabs.addTab(scrolled(self.printer_page), translate("Settings", "Printer"))
        self.tabs.addTab(scrolled(self._security_tab()), translate("Settings", "PIN and backup"))
        self.error = ErrorLabel()
        self.save_button = make_button(translate("Settings", "Save settings"), name="primary", slot=self.save)
        bottom = QHBoxLayout()
        bottom.addWidget(self.error, 1)
        bottom.addWidget(self.save_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs, 1)
        lay.addLayout(bottom)
        self.toast = Toast(self, ctx.sounds, anchor=self.tabs)   # messages over the screen, moving nothing
        self.banner = self.toast   # the old name, for code written before the toast
        self.load(ctx.settings)
        if ctx.backups is not None:
            ctx.backups.done.connect(self._backup_done)
            ctx.backups.failed.connect(self._backup_failed)
        self._booth_loaded = False

    # --- tabs ----------------------------------------------------------------------------------------------
    def _shop_tab(self) -> QWidget:
        w = QWidget()
        form = QFormLayout(w)
        self.booth_label = label("", wrap=True)
        form.addRow(translate("Settings", "Booth"), self.booth_label)
        self.shop_name = QLineEdit()
        form.addRow(translate("Settings", "Shop name"), self.shop_name)
        self.tax_id = QLineEdit()
        self.tax_id.setPlaceholderText(translate("Settings", "13 digits (optional)"))
        form.addRow(translate("Settings", "Tax ID"), self.tax_id)
        self.vat = QCheckBox(translate("Settings", "VAT registered (abbreviated tax invoice)"))
        form.addRow("", self.vat)
        self.promptpay = QLineEdit()
        self.promptpay.setPlaceholderText(translate("Settings", "Mobile 08x-xxx-xxxx or 13-digit ID"))
        self.promptpay.textChanged.connect(self._check_promptpay)
        form.addRow(translate("Settings", "PromptPay ID"), self.promptpay)
        self.promptpay_check = label("", wrap=True)
        form.addRow("", self.promptpay_check)
        self.promptpay_name = QLineEdit()
        form.addRow(translate("Settings", "PromptPay account name"), self.promptpay_name)
        self.lang_box = QComboBox()
        self.lang_box.addItem("ไทย (Thai)", "th")
        self.lang_box.addItem("English", "en")
        form.addRow(translate("Settings", "Language"), self.lang_box)
        self.cashier = QLineEdit()
        form.addRow(translate("Settings", "Seller name"), self.cashier)
        self.discount_limit = NumberEdit()
        self.discount_limit.setPlaceholderText("0–100")
        form.addRow(translate("Settings", "Largest discount without the manager's PIN (%)"), self.discount_limit)
        return w

    def _receipt_tab(self) -> QWidget:
        w = QWidget()
        form = QFormLayout(w)
        self.header_edit = QPlainTextEdit()
        self.header_edit.setMaximumHeight(self.fontMetrics().height() * 4)
        self.footer_edit = QPlainTextEdit()
        self.footer_edit.setMaximumHeight(self.fontMetrics().height() * 4)
        form.addRow(translate("Settings", "Receipt header"), self.header_edit)
        form.addRow(translate("Settings", "Receipt footer"), self.footer_edit)
        self.receipt_lang = QComboBox()
        self.receipt_lang.addItem("ไทย (Thai)", "th")
        self.receipt_lang.addItem("English", "en")
        form.addRow(translate("Settings", "Receipt language"), self.receipt_lang)
        self.receipt_qr = QCheckBox(translate("Settings", "Print a QR code with the receipt number"))
        form.addRow("", self.receipt_qr)
        form.addRow(label(translate("Settings", "Your shop online: a QR of one link on every receipt "
                                                "(LINE first, else the shop, else Facebook)"), wrap=True))
        self.line_account = QLineEdit()
        self.line_account.setPlaceholderText(translate("Settings", "@abc or a line.me link (optional)"))
        form.addRow(translate("Settings", "LINE official account"), self.line_account)
        self.shop_url = QLineEdit()
        self.shop_url.setPlaceholderText(translate("Settings", "https://… (optional)"))
        form.addRow(translate("Settings", "Online shop"), self.shop_url)
        self.facebook_page = QLineEdit()
        self.facebook_page.setPlaceholderText(translate("Settings", "facebook.com/… (optional)"))
        form.addRow(translate("Settings", "Facebook page"), self.facebook_page)
        return w

    def _security_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        lay.addWidget(label(translate("Settings", "Change the manager PIN"), name="big"))
        pin_form = QFormLayout()
        self.pin_current, self.pin_new, self.pin_repeat = PinEdit(), PinEdit(), PinEdit()
        for e in (self.pin_new, self.pin_repeat):
            e.setPlaceholderText(translate("Settings", "4–8 digits"))
        pin_form.addRow(translate("Settings", "Current PIN"), self.pin_current)
        pin_form.addRow(translate("Settings", "New PIN"), self.pin_new)
        pin_form.addRow(translate("Settings", "New PIN again"), self.pin_repeat)
        lay.addLayout(pin_form)
        row = QHBoxLayout()
        self.pin_error = ErrorLabel()
        row.addWidget(self.pin_error, 1)
        self.pin_button = make_button(translate("Settings", "Change PIN"), slot=self.change_pin)
        row.addWidget(self.pin_button)
        lay.addLayout(row)
        lay.addWidget(label(translate("Settings", "Backups"), name="big"))
        form = QFormLayout()
        folder_row = QHBoxLayout()
        self.backup_dir = QLineEdit()
        self.backup_dir.setPlaceholderText(translate("Settings", "e.g. a USB stick"))
        folder_row.addWidget(self.backup_dir, 1)
        folder_row.addWidget(make_button(translate("Settings", "Choose…"), slot=self.choose_folder))
        form.addRow(translate("Settings", "Backup folder"), folder_row)
        self.backup_every = NumberEdit()
        self.backup_keep = NumberEdit()
        form.addRow(translate("Settings", "Back up every (minutes)"), self.backup_every)
        form.addRow(translate("Settings", "Keep the last (copies)"), self.backup_keep)
        lay.addLayout(form)
        row2 = QHBoxLayout()
        self.backup_button = make_button(translate("Settings", "Back up now"), slot=self.backup_now)
        row2.addWidget(self.backup_button)
        self.backup_state = label("", wrap=True)
        row2.addWidget(self.backup_state, 1)
        lay.addLayout(row2)
        lay.addStretch(1)
        return w

    # --- values --------------------------------------------------------------------------------------------
    def load(self, st: BoothSettings) -> None:
        self.shop_name.setText(st.shop_name)
        self.tax_id.setText(st.tax_id)
        self.vat.setChecked(st.vat_registered)
        self.promptpay.setText(st.promptpay_id)
        self.promptpay_name.setText(st.promptpay_name)
        self.lang_box.setCurrentIndex(max(0, self.lang_box.findData(self.ctx.lang)))  # what is on screen
        self.cashier.setText(st.cashier)
        self.discount_limit.setText(str(st.discount_limit_percent))
        self.header_edit.setPlainText(st.receipt_header)
        self.footer_edit.setPlainText(st.receipt_footer)
        self.receipt_lang.setCurrentIndex(max(0, self.receipt_lang.findData(st.receipt_lang)))
        self.receipt_qr.setChecked(st.receipt_qr)
        self.line_account.setText(st.line_account)
        self.shop_url.setText(st.shop_url)
        self.facebook_page.setText(st.facebook_page)
        self.backup_dir.setText(st.backup_dir)
        self.backup_every.setText(str(st.backup_every_minutes))
        self.backup_keep.setText(str(st.backup_keep))
        self.printer_page.load(st)
        self._check_promptpay()

    def _check_promptpay(self) -> None:
        text = self.promptpay.text().strip()
        if not text:
            self.promptpay_check.setObjectName("caption")
            self.promptpay_check.setText(translate("Settings", "Without a PromptPay ID no QR can be shown."))
        else:
            try:
                digits = normalize_promptpay_target(text)
                self.promptpay_check.setObjectName("ok")
                self.promptpay_check.setText("✓ " + describe_target(digits))
            except OtopError as exc:
                self.promptpay_check.setObjectName("error")
                self.promptpay_check.setText(error_text(exc))
        self.promptpay_check.style().unpolish(self.promptpay_check)
        self.promptpay_check.style().polish(self.promptpay_check)

    def changes(self) -> dict[str, object]:
        """Everything on the tabs as settings fields (InputError/PrinterError when something is off)."""
        values: dict[str, object] = dict(
            shop_name=self.shop_name.text().strip(), tax_id=normalize_digits(self.tax_id.text()).replace("-", "").strip(),
            vat_registered=self.vat.isChecked(), promptpay_id=self.promptpay.text().strip(),
            promptpay_name=self.promptpay_name.text().strip(), lang=self.lang_box.currentData(),
            cashier=self.cashier.text().strip(), receipt_header=self.header_edit.toPlainText(),
            receipt_footer=self.footer_edit.toPlainText(), receipt_lang=self.receipt_lang.currentData(),
            receipt_qr=self.receipt_qr.isChecked(), backup_dir=self.backup_dir.text().strip(),
            backup_every_minutes=self.backup_every.count(), backup_keep=self.backup_keep.count(),
            discount_limit_percent=self.discount_limit.count(), line_account=self.line_account.text().strip(),
            shop_url=self.shop_url.text().strip(), facebook_page=self.facebook_page.text().strip())
        values.update(self.printer_page.values())
        return values

    def save(self) -> None:
        self.error.clear()
        try:
            changes = self.changes()
        except OtopError as exc:
            self.error.show_error(exc)
            return
        service = self.ctx.service
        self.save_button.setEnabled(False)

        def done(st: BoothSettings) -> None:
            self.save_button.setEnabled(True)
            self.toast.show_message(translate("Settings", "Settings saved."), "ok")
            self.ctx.settings_saved(st)

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            self.error.show_error(exc)
        self.ctx.run(lambda: service.update_settings(**changes), done, failed)

    def change_pin(self) -> None:
        if not self.pin_button.isEnabled():
            return   # a double tap: the first change is still being saved
        self.pin_error.clear()
        new, again, current = self.pin_new.text(), self.pin_repeat.text(), self.pin_current.text()
        if normalize_digits(new) != normalize_digits(again):
            self.pin_error.show_error(PinError("รหัสใหม่ทั้งสองช่องไม่ตรงกัน", "The two new PINs are not the same."))
            return
        service = self.ctx.service

        def done(_: object) -> None:
            self.pin_button.setEnabled(True)
            for e in (self.pin_current, self.pin_new, self.pin_repeat):
                e.clear()
            self.toast.show_message(translate("Settings", "The manager PIN was changed."), "ok")

        def failed(exc: BaseException) -> None:
            self.pin_button.setEnabled(True)
            self.pin_error.show_error(exc)
        self.pin_button.setEnabled(False)
        self.ctx.run(lambda: service.set_pin(new, current_pin=current), done, failed)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, translate("Settings", "Backup folder"), self.backup_dir.text())
        if folder:
            self.backup_dir.setText(folder)

    def backup_now(self) -> None:
        if self.ctx.backups is None:
            return
        if self.backup_dir.text().strip() != self.ctx.settings.backup_dir:
            self.backup_state.setText(translate("Settings", "Save the settings first."))
            return
        self.backup_state.setText(translate("Settings", "Backing up…"))
        self.ctx.backups.backup_now()

    def _backup_done(self, result: object) -> None:
        if isinstance(result, BackupResult):
            self.backup_state.setText(translate("Settings", "Backed up at {time}: {path}").format(
                time=date_text(result.at), path=result.path))

    def _backup_failed(self, exc: object) -> None:
        self.backup_state.setText(error_text(exc) if isinstance(exc, BaseException) else str(exc))

    # --- booth identity ------------------------------------------------------------------------------------
    def _show_booth(self, info: object) -> None:
        if info is not None:
            self.booth_label.setText(translate("Settings", "Booth {booth} · till {till} · vendor {vendor}").format(
                booth=info.booth_code, till=info.till_no, vendor=info.vendor_code))  # type: ignore[attr-defined]

    def showEvent(self, event: object) -> None:  # noqa: N802
        super().showEvent(event)  # type: ignore[arg-type]
        if not self._booth_loaded:
            self._booth_loaded = True
            self.ctx.run(self.ctx.service.booth_info, self._show_booth, self.error.show_error)
