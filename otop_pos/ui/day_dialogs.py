"""The sales day: open with a float, close by counting cash per note and coin, the Z report; the day page."""
from __future__ import annotations


from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from otop_pos.booth.service import DENOMINATIONS, DayFigures, DayInfo, ZReportDoc
from otop_pos.core.errors import InputError, OtopError
from otop_pos.core.limits import MAX_CASH_COUNT_SATANG, MAX_FLOAT_SATANG, check_amount
from otop_pos.core.money import format_baht
from otop_pos.ui.context import BoothContext
from otop_pos.ui.dialog_keys import ActionDialog, is_enter
from otop_pos.ui.i18n import date_text, method_name, money, translate
from otop_pos.ui.preview import DocumentPreview
from otop_pos.ui.theme import ROLES, metrics
from otop_pos.ui.toast import Toast
from otop_pos.ui.widgets import (
    ErrorLabel,
    NumberEdit,
    PinEdit,
    confirm,
    label,
    make_button,
    open_dialog,
    show_error,
    show_message,
)

NOTE_MIN = 2000  # satang: ฿20 and up are notes


def check_float(satang: int) -> int:
    """The opening float within the bound on a till's cash (InputError naming the bound otherwise)."""
    return check_amount(satang, "เงินทอนตั้งต้น", "cash float", limit=MAX_FLOAT_SATANG)


def check_counted(satang: int) -> int:
    """The counted cash within the bound on a till's cash (InputError naming the bound otherwise)."""
    return check_amount(satang, "เงินสดที่นับได้", "counted cash", limit=MAX_CASH_COUNT_SATANG)


class OpenDayDialog(ActionDialog):
    """Open the sales day with the cash float in the drawer: Enter opens it, Esc cancels."""

    def __init__(self, ctx: BoothContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(translate("Day", "Open the sales day"))
        self.setMinimumWidth(420)
        lay = QVBoxLayout(self)
        lay.addWidget(label(translate("Day", "Cash float in the drawer (change money)"), wrap=True))
        self.float_edit = NumberEdit("0.00", big=True)
        lay.addWidget(self.float_edit)
        self.error = ErrorLabel()
        lay.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        cancel = make_button(translate("Common", "Cancel"), slot=self.reject)
        row.addWidget(cancel)
        self.ok_button = make_button(translate("Day", "Open day"), name="primary", slot=self.submit)
        row.addWidget(self.ok_button)
        self.set_buttons(self.ok_button, cancel)
        lay.addLayout(row)

    def submit(self) -> None:
        try:
            amount = check_float(self.float_edit.satang() if self.float_edit.digits() else 0)
        except OtopError as exc:
            self.error.show_error(exc)
            return
        self.ok_button.setEnabled(False)
        service = self.ctx.service
        self.ctx.run(lambda: service.open_day(amount), self._done, self._failed)

    def _done(self, day: DayInfo) -> None:
        self.ctx.day_changed(day)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.error.show_error(exc)


def denomination_label(d: int) -> str:
    """"฿1,000" or "฿0.50"."""
    return f"฿{format_baht(d, decimals=False)}"


class CloseDayDialog(ActionDialog):
    """Count the drawer per note and coin; expected, counted and the difference show before closing.

    Enter moves from count to count, then to the PIN and to the close button: it never closes the day by
    itself (no button is the default) and never throws the count away; Enter or Space on the focused close
    button closes; Esc cancels."""

    def __init__(self, ctx: BoothContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.figures: DayFigures | None = None
        self.report: ZReportDoc | None = None
        self.setWindowTitle(translate("Day", "Close the day: count the cash"))
        lay = QVBoxLayout(self)
        self.summary = label(translate("Day", "Reading the day's figures…"), wrap=True)
        lay.addWidget(self.summary)
        counts = QHBoxLayout()
        self.edits: dict[int, NumberEdit] = {}
        self.subtotals: dict[int, QLabel] = {}
        for title, group in ((translate("Day", "Notes"), [d for d in DENOMINATIONS if d >= NOTE_MIN]),
                             (translate("Day", "Coins"), [d for d in DENOMINATIONS if d < NOTE_MIN])):
            box = QGroupBox(title)
            grid = QGridLayout(box)
            grid.setVerticalSpacing(2)
            for r, d in enumerate(group):
                grid.addWidget(label(denomination_label(d)), r, 0)
                grid.addWidget(label("×"), r, 1)
                edit = NumberEdit("0")
                edit.setMaximumWidth(110)
                edit.textChanged.connect(self._update)
                self.edits[d] = edit
                grid.addWidget(edit, r, 2)
                sub = label("", align=Qt.AlignmentFlag.AlignRight)
                sub.setMinimumWidth(100)
                self.subtotals[d] = sub
                grid.addWidget(sub, r, 3)
            counts.addWidget(box)
        lay.addLayout(counts)
        figures = QGridLayout()
        self.expected_label = label("", name="big", align=Qt.AlignmentFlag.AlignRight)
        self.counted_label = label("", name="big", align=Qt.AlignmentFlag.AlignRight)
        self.difference_caption = label(translate("Day", "Difference"), name="big")
        self.difference_label = label("", name="big", align=Qt.AlignmentFlag.AlignRight)
        figures.addWidget(label(translate("Day", "Expected in the drawer"), name="big"), 0, 0)
        figures.addWidget(self.expected_label, 0, 1)
        figures.addWidget(label(translate("Day", "Counted"), name="big"), 1, 0)
        figures.addWidget(self.counted_label, 1, 1)
        figures.addWidget(self.difference_caption, 2, 0)
        figures.addWidget(self.difference_label, 2, 1)
        lay.addLayout(figures)
        self.error = ErrorLabel()
        self.over_limit = False
        lay.addWidget(self.error)
        row = QHBoxLayout()                 # Cancel far left; the PIN with its close button right beside it
        cancel = make_button(translate("Common", "Cancel"), slot=self.reject)
        row.addWidget(cancel)
        row.addStretch(1)
        self.pin_edit = PinEdit()
        self.pin_edit.setMinimumWidth(metrics().base * 12)
        row.addWidget(self.pin_edit)
        row.addSpacing(metrics().base // 2)
        self.close_button = make_button(translate("Day", "Close the day"), name="danger", slot=self.submit)
        self.close_button.setMinimumWidth(metrics().base * 10)
        self.close_button.setEnabled(False)
        self.close_button.setAutoDefault(False)
        row.addWidget(self.close_button)
        self.set_buttons(None, cancel)
        lay.addLayout(row)
        ctx.run(ctx.service.day_figures, self._figures, self._failed)
        self._update()

    def _figures(self, fig: DayFigures) -> None:
        self.figures = fig
        methods = "  ·  ".join(f"{method_name(m)} {money(a)}" for m, a in fig.by_method if a)
        summary = translate("Day", "{date}: {n} sales, net {net}").format(
            date=date_text(fig.day.business_date), n=fig.sales_count, net=money(fig.net_satang))
        self.summary.setText(f"{summary}  ·  {methods}" if methods else summary)   # no separator before nothing
        self.close_button.setEnabled(True)
        self._update()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        if not is_enter(event):
            super().keyPressEvent(event)
            return
        event.accept()
        focused = self.focusWidget()
        fields: list[QWidget] = [*self.edits.values(), self.pin_edit, self.close_button]
        if focused in fields[:-1]:
            nxt = fields[fields.index(focused) + 1]
            if nxt is self.close_button and not nxt.isEnabled():
                return  # the day's figures are still being read: stay in the PIN
            nxt.setFocus(Qt.FocusReason.TabFocusReason)
            if isinstance(nxt, NumberEdit):
                nxt.selectAll()
            return
        self.press_focused_button(event)

    def counts(self) -> dict[int, int]:
        """{denomination satang: pieces} of what was typed (InputError for a bad count or a total beyond
        what a till can hold)."""
        counts = {d: n for d, e in self.edits.items() if (n := e.count())}
        check_counted(sum(d * n for d, n in counts.items()))
        return counts

    def _update(self) -> None:
        total = 0
        for d, edit in self.edits.items():
            try:
                n = edit.count()
            except InputError:
                self.subtotals[d].setText("?")
                continue
            total += n * d
            self.subtotals[d].setText(money(n * d) if n else "")
        self.counted_label.setText(money(total))
        try:
            check_counted(total)
            if self.over_limit:
                self.error.clear()
            self.over_limit = False
        except InputError as exc:
            self.error.show_error(exc)
            self.over_limit = True
        if self.figures is None:
            self.expected_label.setText("…")
            self.difference_label.setText("")
            return
        expected = self.figures.expected_cash_satang
        self.expected_label.setText(money(expected))
        diff = total - expected
        if diff == 0:
            self.difference_caption.setText(translate("Day", "Difference"))
            self.difference_label.setText(translate("Day", "Exact ✓"))
            self.difference_label.setStyleSheet(f"color: {ROLES.status_ok.fg};")
        else:
            self.difference_caption.setText(translate("Day", "Short") if diff < 0 else translate("Day", "Over"))
            self.difference_label.setText(money(abs(diff)))
            self.difference_label.setStyleSheet(
                f"color: {(ROLES.status_error if diff < 0 else ROLES.status_info).fg};")

    def submit(self) -> None:
        try:
            counts = self.counts()
        except OtopError as exc:
            self.error.show_error(exc)
            return
        pin = self.pin_edit.text()
        self.close_button.setEnabled(False)
        service = self.ctx.service
        self.ctx.run(lambda: service.close_day(pin, counts=counts), self._closed, self._failed)

    def _closed(self, report: ZReportDoc) -> None:
        self.report = report
        self.ctx.day_changed(None)
        self.ctx.salesChanged.emit()
        self.accept()
        dlg = ZReportDialog(self.ctx, report, self.parentWidget())
        open_dialog(dlg)
        self.z_dialog = dlg

    def _failed(self, exc: BaseException) -> None:
        self.close_button.setEnabled(self.figures is not None)
        self.error.show_error(exc)
        self.pin_edit.clear()


class ZReportDialog(DocumentPreview):
    """The Z report as it prints (the printing module's raster), under the day's count."""

    def __init__(self, ctx: BoothContext, report: ZReportDoc, parent: QWidget | None = None) -> None:
        image, error = None, ""
        try:
            from otop_pos.printing.raster import render_zreport

            image = render_zreport(report, ctx.settings.paper_width)
        except Exception as exc:  # noqa: BLE001 - the figures above still stand
            error = str(exc)
        super().__init__(image, translate("Day", "Z report"), parent, error=error, max_width=700, heading=translate(
            "Day", "Day closed. Counted {counted}, difference {diff}.").format(
            counted=money(report.counted_cash_satang or 0), diff=money(report.difference_satang or 0)))
        self.report = report


class DayScreen(QWidget):
    """Today's figures with Open / Close, and the Z reports of past days."""

    def __init__(self, ctx: BoothContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lay = QVBoxLayout(self)
        self.state_label = label("", name="big", wrap=True)
        self.figures_label = label("", wrap=True)
        lay.addWidget(self.state_label)
        lay.addWidget(self.figures_label)
        row = QHBoxLayout()
        self.open_button = make_button(translate("Day", "Open day"), name="primary", slot=self.open_day)
        self.close_button = make_button(translate("Day", "Close day and count cash"), name="danger",
                                        slot=self.close_day)
        row.addWidget(self.open_button)
        row.addWidget(self.close_button)
        self.export_button = make_button(translate("Day", "Export for the organiser…"), slot=self.export)
        row.addWidget(self.export_button)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(label(translate("Day", "Past days"), name="big"))
        self.days_list = QListWidget()
        lay.addWidget(self.days_list, 1)
        row2 = QHBoxLayout()
        self.z_button = make_button(translate("Day", "Show Z report"), slot=self.show_z)
        self.z_print_button = make_button(translate("Day", "Print Z report again"), slot=self.print_z)
        row2.addWidget(self.z_button)
        row2.addWidget(self.z_print_button)
        row2.addStretch(1)
        lay.addLayout(row2)
        self.toast = Toast(self, ctx.sounds, anchor=self.days_list)   # messages over the list, moving nothing
        self.dialog: QDialog | None = None
        ctx.dayChanged.connect(self.refresh)
        ctx.salesChanged.connect(self.refresh)

    def showEvent(self, event: object) -> None:  # noqa: N802
        super().showEvent(event)  # type: ignore[arg-type]
        self.refresh()

    def refresh(self) -> None:
        if not self.isVisible():
            return
        service, day = self.ctx.service, self.ctx.day
        self.open_button.setVisible(day is None)
        self.close_button.setVisible(day is not None)
        if day is None:
            self.state_label.setText(translate("Day", "No sales day is open."))
            self.figures_label.setText("")
        else:
            self.state_label.setText(translate("Day", "Open since {time} · float {amount}").format(
                time=date_text(day.opened_at), amount=money(day.float_satang)))
            self.ctx.run(service.day_figures, self._show_figures)
        self.ctx.run(service.list_days, self._show_days)

    def _show_figures(self, fig: DayFigures) -> None:
        lines = [translate("Day", "Sales: {n} · gross {gross} · net {net}").format(
            n=fig.sales_count, gross=money(fig.gross_satang), net=money(fig.net_satang)),
            translate("Day", "Voids: {n} ({amount}) · refunds: {r} ({ramount})").format(
                n=fig.voids_count, amount=money(fig.voids_satang), r=fig.refunds_count,
                ramount=money(fig.refunds_satang)),
            "  ·  ".join(f"{method_name(m)} {money(a)}" for m, a in fig.by_method),
            translate("Day", "Cash expected in the drawer: {amount}").format(amount=money(fig.expected_cash_satang))]
        self.figures_label.setText("\n".join(lines))

    def _show_days(self, days: tuple[DayInfo, ...]) -> None:
        self.days_list.clear()
        for d in reversed(days):
            if d.closed_at is None:
                continue
            item = QListWidgetItem(f"{date_text(d.business_date)} · {date_text(d.closed_at)}")
            item.setData(Qt.ItemDataRole.UserRole, d.uuid)
            self.days_list.addItem(item)
        if self.days_list.count():
            self.days_list.setCurrentRow(0)
        self.z_button.setEnabled(self.days_list.count() > 0)
        self.z_print_button.setEnabled(self.days_list.count() > 0 and self.ctx.prints)

    def _selected_day(self) -> str | None:
        item = self.days_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def open_day(self) -> None:
        dlg = OpenDayDialog(self.ctx, self.window())
        self.dialog = dlg
        open_dialog(dlg)

    def close_day(self) -> None:
        from otop_pos.ui.held_dialog import unfinished_warning

        if any(b.taken_satang for b in self.ctx.unfinished_money()):   # the use case refuses it too
            text = unfinished_warning(self.ctx, translate("Day", "Finish those sales or hand the money back "
                                                                "before closing the day."))
            self.dialog = show_message(self.window(), text, kind="error")
            return
        warning = unfinished_warning(self.ctx, translate("Day", "Close the day anyway?"))
        if warning:
            self.dialog = confirm(self.window(), warning, self._close_day_now, yes_text=translate("Day", "Close the day"))
            return
        self._close_day_now()

    def _close_day_now(self) -> None:
        dlg = CloseDayDialog(self.ctx, self.window())
        win = self.window()
        dlg.resize(min(900, win.width() - 40), min(dlg.sizeHint().height(), win.height() - 40))
        self.dialog = dlg
        open_dialog(dlg)

    def show_z(self) -> None:
        uuid = self._selected_day()
        if uuid is None:
            return
        service, lang = self.ctx.service, self.ctx.lang

        def show(doc: ZReportDoc) -> None:
            dlg = ZReportDialog(self.ctx, doc, self.window())
            self.dialog = dlg
            open_dialog(dlg)
        self.ctx.run(lambda: service.zreport(day_uuid=uuid, lang=lang), show, lambda e: show_error(self, e))

    def export(self) -> None:
        """Write the end-of-day export file into a folder the vendor picks (a USB stick, a shared folder)."""
        from pathlib import Path

        start = self.ctx.settings.backup_dir or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, translate("Day", "Export for the organiser…"), start)
        if not folder:
            return
        service = self.ctx.service
        self.ctx.run(lambda: service.export(Path(folder)),
                lambda path: show_message(self, translate("Day", "Export saved: {path}. Give this file to the "
                                                                 "organiser.").format(path=path)),
                lambda e: show_error(self, e))

    def print_z(self) -> None:
        uuid = self._selected_day()
        if uuid is None:
            return
        service = self.ctx.service

        def queued(_job_id: int) -> None:
            self.toast.show_message(translate("Day", "The Z report is printing."), "ok")
        self.ctx.run(lambda: service.reprint(uuid, kind="zreport"), queued, lambda e: show_error(self, e))
