"""History: the sales of a day (or all days), search by number or product, detail, reprint COPY, void, refund."""
from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from otop_pos.booth.service import DayInfo, DayTotals, SaleDetail
from otop_pos.core.documents import ReceiptPayment
from otop_pos.core.thaidate import fair_day
from otop_pos.ui.adjust_dialogs import RefundDialog, VoidDialog
from otop_pos.ui.context import BoothContext
from otop_pos.ui.i18n import date_text, error_text, method_name, money, translate
from otop_pos.ui.preview import DocumentPreview
from otop_pos.ui.models import (
    ROW_ROLE,
    SaleLinesModel,
    SalesHistoryModel,
    business_dates_label,
    status_label,
)
from otop_pos.ui.toast import Toast
from otop_pos.ui.widgets import (
    ThaiWrapDelegate,
    fit_columns,
    label,
    make_button,
    open_dialog,
    show_error,
    touch_rows,
)


class HistoryScreen(QWidget):
    """Sales list on the left (paged as it scrolls), the chosen sale on the right."""

    def __init__(self, ctx: BoothContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail: SaleDetail | None = None
        self.dialog: QDialog | None = None
        self._dirty = True
        self.day_box = QComboBox()
        self.day_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.day_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("History", "Receipt number or product"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.reload)
        self.search.textChanged.connect(lambda t: self.reload() if not t else None)
        top = QHBoxLayout()
        top.addWidget(label(translate("History", "Day"), name="caption"))
        top.addWidget(self.day_box)
        top.addWidget(self.search, 1)
        top.addWidget(make_button(translate("History", "Search"), slot=self.reload))
        self.model = SalesHistoryModel(runner=ctx.run, on_error=lambda e: show_error(self, e), parent=self)
        self.model.rowsInserted.connect(self._rows_arrived)
        self._want: str | None = None
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        touch_rows(self.table)
        self._fit_history(with_date=False)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.totals = label("", name="caption", wrap=True)
        self.title = label("", name="big", wrap=True)
        self.info = label("", wrap=True)
        self.lines_model = SaleLinesModel(self)
        self.lines = QTableView()
        self.lines.setModel(self.lines_model)
        self.lines.verticalHeader().hide()
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.lines.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.lines.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.lines.setWordWrap(True)          # a long name wraps by word instead of being cut to "กระติบ…"
        self.lines.setItemDelegateForColumn(0, ThaiWrapDelegate(self.lines))
        touch_rows(self.lines)
        self.lines.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        buttons = QHBoxLayout()
        self.preview_button = make_button(translate("History", "Show receipt"), slot=self.preview)
        self.reprint_button = make_button(translate("History", "Reprint (COPY)"), slot=self.reprint)
        self.void_button = make_button(translate("History", "Void…"), slot=self.void)
        self.refund_button = make_button(translate("History", "Refund…"), slot=self.refund)
        self.open_sale_button = make_button(translate("History", "Open the sale"), slot=self.open_sale)
        for b in (self.preview_button, self.reprint_button, self.void_button, self.refund_button,
                  self.open_sale_button):
            buttons.addWidget(b)
        self.why_not = label("", name="caption", wrap=True)   # why the greyed actions are greyed
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.title)
        rl.addWidget(self.info)
        rl.addWidget(self.lines, 1)
        rl.addLayout(buttons)
        rl.addWidget(self.why_not)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.table, 1)
        ll.addWidget(self.totals)
        self.splitter = split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        split.setSizes([5000, 4000])   # the list a little wider, whatever the detail's texts ask for
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(split, 1)
        self.toast = Toast(self, ctx.sounds, anchor=self.table)   # messages over the screen, moving nothing
        self.banner = self.toast   # the old name, for code written before the toast
        self._show_detail(None)
        ctx.salesChanged.connect(self._sales_changed)
        ctx.dayChanged.connect(self._sales_changed)

    # --- loading -------------------------------------------------------------------------------------------
    def showEvent(self, event: object) -> None:  # noqa: N802
        super().showEvent(event)  # type: ignore[arg-type]
        if self._dirty:
            self._dirty = False
            self.ctx.run(self.ctx.service.list_days, self._fill_days, lambda e: show_error(self, e))

    def _sales_changed(self) -> None:
        if self.isVisible():
            self.refresh_detail()
            self.reload()
        else:
            self._dirty = True

    def _fill_days(self, days: tuple[DayInfo, ...]) -> None:
        today = self.ctx.day.business_date if self.ctx.day else fair_day(self.ctx.service.now())
        dates = sorted({d.business_date for d in days} | {today}, reverse=True)
        current = self.day_box.currentData() if self.day_box.count() else today
        self.day_box.blockSignals(True)
        self.day_box.clear()
        for d in dates:
            self.day_box.addItem(business_dates_label(d), d)
        self.day_box.addItem(business_dates_label(None), None)
        i = self.day_box.findData(current)
        self.day_box.setCurrentIndex(max(i, 0))
        self.day_box.blockSignals(False)
        self.reload()

    def _fit_history(self, with_date: bool) -> None:
        when = date_text(datetime(2020, 12, 31, 16, 59, tzinfo=UTC)) if with_date else "23:59"
        longest_status = max((status_label(s) for s in ("sale", "void", "refunded", "partly_refunded", "refund")),
                             key=len)
        fit_columns(self.table, {0: "B001-000000", 1: when, 2: "99", 4: "99,999.00", 5: longest_status},
                    stretch=3)

    def selected_date(self) -> date | None:
        data = self.day_box.currentData()
        return data if isinstance(data, date) else None

    def reload(self) -> None:
        """Query again with the day and search; rows are read page by page as the table scrolls."""
        service, day, text = self.ctx.service, self.selected_date(), self.search.text().strip()
        self.model.set_loader(lambda offset, limit: service.history(business_date=day, search=text, offset=offset,
                                                                    limit=limit, newest_first=True),
                              with_date=day is None)
        self.ctx.run(lambda: service.day_totals(day), self._show_totals, lambda e: show_error(self, e))
        self._fit_history(with_date=day is None)
        self._want = self.detail.row.uuid if self.detail is not None else None
        if self._want is None:
            self._show_detail(None)
        if self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())

    def _show_totals(self, t: DayTotals) -> None:
        """The day's figures (the Z report's) under the list."""
        if t.business_date != self.selected_date():
            return   # another day was chosen meanwhile
        title = translate("History", "Day total") if t.business_date else translate("History", "All days")
        head = translate("History", "{title}: net {net}").format(title=title, net=money(t.net_satang))
        first = translate("History", "{count} sales {gross} · refunds {refunds} · voids {voids}").format(
            count=t.sales_count, gross=money(t.gross_satang), refunds=money(t.refunds_satang),
            voids=money(t.voids_satang))
        methods = dict(t.by_method)
        second = "  ·  ".join(f"{method_name(m)} {money(methods.get(m, 0))}"
                              for m in ("cash", "promptpay", "transfer") if m in methods)
        if methods.get("other"):
            second += f"  ·  {method_name('other')} {money(methods['other'])}"
        self.totals.setText(f"{head}\n{first}\n{second}")

    def _rows_arrived(self, _parent: QModelIndex, _first: int, _last: int) -> None:
        """Pages come from the worker: re-select the sale that was open before the reload."""
        if self._want is None:
            return
        row = self.model.row_of(self._want)
        if row >= 0:
            self._want = None
            self.table.selectRow(row)
        elif not self.model.canFetchMore(QModelIndex()) or self.model.pages_loaded >= 1:
            self._want = None
            self._show_detail(None)

    def take_scan(self, code: str) -> None:
        """A scan here (the receipt number's barcode or QR, or a product's barcode): search for it."""
        self.search.setText(code)
        self.reload()

    # --- detail --------------------------------------------------------------------------------------------
    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(ROW_ROLE) if current.isValid() else None
        if row is None:
            return
        service, uuid = self.ctx.service, row.uuid
        self.ctx.run(lambda: service.sale_detail(uuid), self._show_detail, lambda e: show_error(self, e))

    def refresh_detail(self) -> None:
        if self.detail is None:
            return
        service, uuid = self.ctx.service, self.detail.row.uuid
        self.ctx.run(lambda: service.sale_detail(uuid), self._show_detail, lambda e: show_error(self, e))

    def _show_detail(self, detail: SaleDetail | None) -> None:
        self.detail = detail
        if detail is None:
            self.title.setText(translate("History", "Choose a sale on the left."))
            self.info.setText("")
            self.lines_model.set_lines(())
        elif detail.refund_of:
            r = detail.row
            self.title.setText(f"{r.number} · {status_label(r.status)}")
            head = translate("History", "Refund of sale {sale} · {time} · {amount} back").format(
                sale=detail.refund_of, time=date_text(r.created_at), amount=money(-r.total_satang))
            pays = "  ·  ".join(self._payment_text(p) for p in detail.payments)
            reason = translate("History", "Reason: {reason}").format(reason=detail.reason) if detail.reason else ""
            self.info.setText("\n".join(x for x in (head, pays, reason) if x))
            self.lines_model.set_lines(detail.lines)
        else:
            r = detail.row
            self.title.setText(f"{r.number} · {status_label(r.status)}")
            pays = "  ·  ".join(self._payment_text(p) for p in detail.payments)
            extra = []
            if detail.void_number:
                extra.append(translate("History", "Voided by {number}").format(number=detail.void_number))
            if detail.refund_numbers:
                extra.append(translate("History", "Refunds: {numbers}").format(numbers=", ".join(detail.refund_numbers)))
            head = translate("History", "{time} · total {total} · net {net}").format(
                time=date_text(r.created_at), total=money(r.total_satang), net=money(r.net_satang))
            self.info.setText("\n".join([head, pays, *extra]))
            self.lines_model.set_lines(detail.lines)
            self.model.replace_row(r)
        can = detail is not None
        for b in (self.preview_button, self.reprint_button):
            b.setEnabled(can)
        self._explain(detail)

    def _explain(self, detail: SaleDetail | None) -> None:
        """Void and refund are enabled as the booth's rules allow; each one refused says why, under the buttons
        and in its tooltip (the reasons are the errors the action itself would raise)."""
        why: list[str] = []
        for button, refusal in ((self.void_button, detail.void_refusal if detail else None),
                                (self.refund_button, detail.refund_refusal if detail else None)):
            button.setEnabled(detail is not None and refusal is None)
            text = error_text(refusal) if refusal is not None else ""
            button.setToolTip(text)
            if text and text not in why:
                why.append(text)
        self.why_not.setText("\n".join(why))
        self.why_not.setVisible(bool(why))
        self.open_sale_button.setVisible(detail is not None and bool(detail.refund_of))

    @staticmethod
    def _payment_text(p: ReceiptPayment) -> str:
        text = f"{method_name(p.method)} {money(p.amount_satang)}"
        if p.reference:
            text += f" ({p.reference})"
        if p.tendered_satang is not None:
            text += " — " + translate("History", "received {tendered}, change {change}").format(
                tendered=money(p.tendered_satang), change=money(p.change_satang))
        return text

    # --- actions -------------------------------------------------------------------------------------------
    def preview(self) -> None:
        if self.detail is None:
            return
        service, uuid, width = self.ctx.service, self.detail.row.uuid, self.ctx.settings.paper_width
        number = self.detail.row.number

        def render() -> QImage:
            from otop_pos.printing.raster import render_receipt

            return render_receipt(service.receipt_doc(uuid), width)

        def show(image: QImage) -> None:
            dlg = DocumentPreview(image, translate("History", "Receipt {number}").format(number=number), self.window())
            self.dialog = dlg
            open_dialog(dlg)
        self.ctx.run(render, show, lambda e: show_error(self, e))

    def reprint(self) -> None:
        if self.detail is None:
            return
        if not self.ctx.prints:
            self.toast.show_message(translate("History", "No receipt printer is set up (Settings → Printer). "
                                                          "Use “Show receipt” to show it on screen."), "warn")
            return
        service, uuid, kind = self.ctx.service, self.detail.row.uuid, self.detail.row.kind

        def queued(_job_id: int) -> None:
            self.toast.show_message(translate("History", "Printing a copy (marked COPY)."), "ok")
        self.ctx.run(lambda: service.reprint(uuid, kind=kind), queued, lambda e: show_error(self, e))

    def open_sale(self) -> None:
        """From a refund document to the sale it refunds (the search shows the sale with its refunds)."""
        if self.detail is not None and self.detail.refund_of:
            sale_uuid = self.detail.refund_of_uuid
            self.search.setText(self.detail.refund_of)
            self.detail = None
            self.reload()
            self._want = sale_uuid   # selected when its page arrives

    def void(self) -> None:
        if self.detail is not None:
            self._open(VoidDialog(self.ctx, self.detail, self.window()))

    def refund(self) -> None:
        if self.detail is not None:
            self._open(RefundDialog(self.ctx, self.detail, self.window()))

    def _open(self, dlg: VoidDialog | RefundDialog) -> None:
        dlg.accepted.connect(lambda: self._adjusted(dlg))
        self.dialog = dlg
        open_dialog(dlg)

    def _adjusted(self, dlg: VoidDialog | RefundDialog) -> None:
        r = dlg.adjustment
        if r is not None:
            text = (translate("History", "Voided: {number} ({amount}).") if r.kind == "void"
                    else translate("History", "Refunded: {number} ({amount}).")).format(
                number=r.number, amount=money(r.amount_satang))
            self.toast.show_message(text, "ok")
