"""The dashboard: key figures and charts for the fair over the chosen days, the vendors table (sort, filter,
double-click for one vendor's days and products), the missing exports, and the PDF/XLSX/CSV report buttons.

Figures are computed in a worker (``otop_pos.fair.figures.compute_figures``); the page only shows them.
"""
from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from otop_pos.fair.fairs import FairInfo
from otop_pos.fair.figures import compute_figures
from otop_pos.reports.model import Figures
from otop_pos.reports.scheme_rows import scheme_rows, share_bp
from otop_pos.ui.i18n import error_text
from otop_pos.ui.organiser.charts import (
    ChartCard,
    show_days,
    show_methods,
    show_product_types,
    show_top_vendors,
)
from otop_pos.ui.organiser.context import OrganiserContext
from otop_pos.ui.organiser.i18n import day_text, money, number, translate
from otop_pos.ui.organiser.models import (
    SORT_ROLE,
    MissingModel,
    SchemeModel,
    VendorFilterProxy,
    VendorTableModel,
)
from otop_pos.ui.organiser.orders_view import OrdersTab, orders_card, show_orders_card
from otop_pos.ui.organiser.reports_bar import ReportsBar
from otop_pos.ui.organiser.widgets import KpiCard, fit_columns, make_table
from otop_pos.ui.theme import type_choices
from otop_pos.ui.widgets import Banner, label, log_unexpected, make_button


def compute(ctx: OrganiserContext, fair: FairInfo, first: date, last: date) -> Figures:
    """The figures of ``fair`` from ``first`` to ``last`` (runs on a worker thread)."""
    return compute_figures(ctx.store, fair_refs=[fair.uid], first=first, last=last, top=10, clock=ctx.clock)


NARROW_PX = 1240  # below this the page is laid out for a netbook (1024×600)


class DashboardPage(QWidget):
    """Key figures, four charts, vendors and missing exports for the chosen fair and days."""

    figuresShown = Signal(object)  # Figures, after the widgets show them (tests wait for this)

    def __init__(self, ctx: OrganiserContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.figures: Figures | None = None
        self.last_written: list[Path] = []
        self._generation = 0
        self._split_set = False
        self._narrow = False
        self._days: list[date] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 8, 12, 8)
        lay.setSpacing(8)
        lay.addLayout(self._range_row())
        self.banner = Banner()
        lay.addWidget(self.banner)
        lay.addLayout(self._kpi_row())
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(self._charts())
        split.addWidget(self._tables())
        split.setStretchFactor(0, 11)
        split.setStretchFactor(1, 9)
        self.splitter = split
        lay.addWidget(split, 1)
        ctx.fairChanged.connect(self._fair_changed)
        ctx.dataChanged.connect(self.refresh)
        self._fair_changed(ctx.fair)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._size_split()

    def _size_split(self) -> None:
        """Charts 56 %, tables 44 % side by side (half and half one above the other), whatever the texts."""
        length = self.splitter.height() if self._narrow else self.splitter.width()
        if not self._split_set and length > 0:
            self._split_set = True
            total = sum(self.splitter.sizes()) or length
            first = total // 2 if self._narrow else total * 56 // 100
            self.splitter.setSizes([first, total - first])

    # --- layout --------------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        """On a netbook (the scroll area narrower than NARROW_PX) the key figures take two rows and the tables
        go under the charts, so the page scrolls down only, never sideways."""
        super().resizeEvent(event)
        view = self.parentWidget()
        narrow = (view.width() if view is not None else self.width()) < NARROW_PX
        if narrow != self._narrow:
            self._narrow = narrow
            self._place_cards(4 if narrow else 7)
            self.splitter.setOrientation(Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal)
            self._split_set = False
            self._size_split()

    def _place_cards(self, columns: int) -> None:
        """The seven key-figure cards in rows of ``columns`` (net income wider in a single row)."""
        cards = [card for key, card in self.kpi.items() if key not in ("schemes", "orders")]
        for i, card in enumerate(cards):
            self.kpi_grid.addWidget(card, i // columns, i % columns)
        for col in range(7):
            self.kpi_grid.setColumnStretch(col, (3 if col == 0 and columns == 7 else 2) if col < columns else 0)

    def _range_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(label(translate("OrgDashboard", "Days from"), name="caption"))
        self.first_combo = QComboBox()
        self.last_combo = QComboBox()
        row.addWidget(self.first_combo)
        row.addWidget(label(translate("OrgDashboard", "to"), name="caption"))
        row.addWidget(self.last_combo)
        self.all_days_button = make_button(translate("OrgDashboard", "Whole fair"), slot=self.show_whole_fair)
        row.addWidget(self.all_days_button)
        self.status_label = label("", name="caption")
        row.addWidget(self.status_label)
        row.addStretch(1)
        self.reports = ReportsBar(self.ctx, lambda: self.figures, self)
        row.addWidget(self.reports)
        self.reports.written.connect(self._report_written)
        self.reports.failed.connect(self._report_failed)
        self.first_combo.currentIndexChanged.connect(self._range_changed)
        self.last_combo.currentIndexChanged.connect(self._range_changed)
        return row

    def _kpi_row(self) -> QGridLayout:
        row = QGridLayout()
        row.setSpacing(8)
        self.kpi = {
            "net": KpiCard(translate("OrgDashboard", "Net income"), main=True),
            "sales": KpiCard(translate("OrgDashboard", "Sales")),
            "average": KpiCard(translate("OrgDashboard", "Average sale")),
            "items": KpiCard(translate("OrgDashboard", "Items sold")),
            "digital": KpiCard(translate("OrgDashboard", "Paid digitally")),
            "vendors": KpiCard(translate("OrgDashboard", "Vendors with sales")),
            "adjust": KpiCard(translate("OrgDashboard", "Refunds and voids")),
        }
        self.kpi_grid = row
        self._place_cards(len(self.kpi))
        # the state schemes' card heads the tables (the row above is as wide as a 1280 px screen)
        self.kpi["schemes"] = KpiCard(translate("OrgDashboard", "Spending via state schemes"))
        self.kpi["orders"] = orders_card()   # beside it: orders taken (ยอดสั่งจอง), apart from sales
        return row

    def _charts(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        self.type_chart = ChartCard(translate("OrgDashboard", "Income per product type"))
        self.method_chart = ChartCard(translate("OrgDashboard", "Payment mix"))
        self.day_chart = ChartCard(translate("OrgDashboard", "Income per day"))
        self.vendor_chart = ChartCard(translate("OrgDashboard", "Top vendors"))
        grid.addWidget(self.type_chart, 0, 0)
        grid.addWidget(self.method_chart, 0, 1)
        grid.addWidget(self.day_chart, 1, 0)
        grid.addWidget(self.vendor_chart, 1, 1)
        for i in range(2):
            grid.setRowStretch(i, 1)
            grid.setColumnStretch(i, 1)
        return box

    def _tables(self) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(8)
        cards = QHBoxLayout()
        cards.setSpacing(8)
        cards.addWidget(self.kpi["schemes"], 1)
        cards.addWidget(self.kpi["orders"], 1)
        lay.addLayout(cards)
        self.tabs = QTabWidget()
        lay.addWidget(self.tabs, 1)
        vendors = QWidget()
        vl = QVBoxLayout(vendors)
        vl.setContentsMargins(6, 6, 6, 6)
        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("OrgDashboard", "Search booth, vendor, district…"))
        self.search.setClearButtonEnabled(True)
        self.type_filter = QComboBox()
        self.type_filter.addItem(translate("OrgDashboard", "All product types"), "")
        for thai, name in type_choices():
            self.type_filter.addItem(thai if self.ctx.lang == "th" else name, thai)
        self.no_sales = QCheckBox(translate("OrgDashboard", "No sales only"))
        self.type_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.type_filter.setMinimumContentsLength(14)
        filters.addWidget(self.search, 3)
        filters.addWidget(self.type_filter, 1)
        filters.addWidget(self.no_sales)
        vl.addLayout(filters)
        self.vendor_model = VendorTableModel(self)
        self.vendor_proxy = VendorFilterProxy(self)
        self.vendor_proxy.setSourceModel(self.vendor_model)
        self.vendor_table = make_table(self.vendor_proxy, sorting=True)
        self.vendor_table.sortByColumn(VendorTableModel.NET, Qt.SortOrder.DescendingOrder)
        self.vendor_table.doubleClicked.connect(self._open_vendor)
        self.vendor_table.setToolTip(translate("OrgDashboard", "Double-click a vendor for its days and products."))
        vl.addWidget(self.vendor_table, 1)
        self.vendor_count = label("", name="caption")
        vl.addWidget(self.vendor_count)
        self.search.textChanged.connect(self._filter_changed)
        self.type_filter.currentIndexChanged.connect(self._filter_changed)
        self.no_sales.toggled.connect(self._filter_changed)
        self.tabs.addTab(vendors, translate("OrgDashboard", "Vendors"))
        missing = QWidget()
        ml = QVBoxLayout(missing)
        ml.setContentsMargins(6, 6, 6, 6)
        self.missing_note = label("", wrap=True, name="caption")
        ml.addWidget(self.missing_note)
        self.missing_model = MissingModel(self)
        self.missing_table = make_table(self.missing_model, stretch=2)
        ml.addWidget(self.missing_table, 1)
        self.tabs.addTab(missing, translate("OrgDashboard", "Missing exports"))
        schemes = QWidget()
        sl = QVBoxLayout(schemes)
        sl.setContentsMargins(6, 6, 6, 6)
        self.scheme_note = label("", wrap=True, name="caption")
        sl.addWidget(self.scheme_note)
        self.scheme_model = SchemeModel(self)
        self.scheme_table = make_table(self.scheme_model, stretch=0)
        self.scheme_table.setTextElideMode(Qt.TextElideMode.ElideRight)   # a scheme's name keeps its start
        sl.addWidget(self.scheme_table, 1)
        self.tabs.addTab(schemes, translate("OrgDashboard", "State schemes"))
        self.schemes_tab = schemes
        self.orders_tab = OrdersTab()
        self.tabs.addTab(self.orders_tab, translate("OrgDashboard", "Orders"))
        return box

    # --- the fair and its days ------------------------------------------------------------------------
    def _fair_changed(self, fair: FairInfo | None) -> None:
        self._days = fair.days if fair is not None else []
        for combo in (self.first_combo, self.last_combo):
            combo.blockSignals(True)
            combo.clear()
            for d in self._days:
                combo.addItem(day_text(d), d)
            combo.blockSignals(False)
        self.show_whole_fair()

    def show_whole_fair(self) -> None:
        """Choose every day of the fair."""
        if not self._days:
            self.refresh()
            return
        self.set_range(self._days[0], self._days[-1])

    def set_range(self, first: date, last: date) -> None:
        """Choose the days ``first`` to ``last`` (inside the fair) and recompute."""
        for combo, d in ((self.first_combo, first), (self.last_combo, last)):
            combo.blockSignals(True)
            combo.setCurrentIndex(self._days.index(d) if d in self._days else 0)
            combo.blockSignals(False)
        self.refresh()

    def chosen_range(self) -> tuple[date, date] | None:
        """The chosen first and last day (swapped into order), or None without a fair."""
        first, last = self.first_combo.currentData(), self.last_combo.currentData()
        if not isinstance(first, date) or not isinstance(last, date):
            return None
        return (first, last) if first <= last else (last, first)

    def _range_changed(self, _index: int) -> None:
        self.refresh()

    # --- computing and showing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute the figures for the chosen fair and days (in a worker; older results are dropped)."""
        self._generation += 1
        fair, chosen = self.ctx.fair, self.chosen_range()
        if fair is None or chosen is None:
            self.figures = None
            self._show_nothing()
            return
        gen = self._generation
        self.status_label.setText(translate("OrgDashboard", "Updating…"))
        first, last = chosen
        self.ctx.tasks.run(lambda: compute(self.ctx, fair, first, last),
                           on_done=lambda f: self._computed(gen, f), on_error=lambda e: self._failed(gen, e))

    def _failed(self, gen: int, exc: object) -> None:
        if gen != self._generation:
            return
        self.status_label.setText("")
        if isinstance(exc, BaseException):
            log_unexpected(exc)
            self.banner.setTextFormat(Qt.TextFormat.PlainText)
            self.banner.show_message(error_text(exc), "error", 0)

    def _computed(self, gen: int, figures: Figures) -> None:
        if gen != self._generation:
            return
        self.status_label.setText("")
        self.banner.clear_message()
        self.show_figures(figures)

    def _show_nothing(self) -> None:
        self.status_label.setText(translate("OrgDashboard", "Create or choose a fair first (Fair setup)."))
        for card in self.kpi.values():
            card.set("–")
        self.vendor_model.set_rows([])
        self.missing_model.set_rows([])
        self.scheme_model.set_rows([])
        self.orders_tab.show_figures(None)
        for chart in (self.type_chart, self.method_chart, self.day_chart, self.vendor_chart):
            chart.clear()
            chart.show_empty(True)
        self.reports.set_enabled(False)

    def show_figures(self, f: Figures) -> None:
        """Show ``f`` in every widget of the page."""
        self.figures = f
        k = f.key
        days = len(f.period.days)
        self.kpi["net"].set(money(k.net_satang), translate("OrgDashboard", "gross {gross}").format(
            gross=money(k.gross_satang)))
        kept = k.sales_count - k.voids_count  # sales that stand (a voided sale never happened for the buyer)
        self.kpi["sales"].set(number(kept), translate("OrgDashboard", "{n} per day").format(
            n=number(kept // max(days, 1))))
        self.kpi["average"].set(money(k.average_sale_satang))
        self.kpi["items"].set(number(k.items_sold))
        digital = sum(r.net_satang for r in f.by_method if r.key != "cash")
        total = sum(r.net_satang for r in f.by_method)
        self.kpi["digital"].set(f"{100 * digital / total:.1f}%" if total > 0 else "–",
                                translate("OrgDashboard", "PromptPay, transfer"))
        self.kpi["vendors"].set(f"{number(k.vendors_with_sales)} / {number(k.vendors_count)}",
                                translate("OrgDashboard", "of registered vendors"))
        self.kpi["adjust"].set(money(k.refunds_satang + k.voids_satang),
                               translate("OrgDashboard", "{r} refunds, {v} voids").format(
                                   r=number(k.refunds_count), v=number(k.voids_count)))
        show_product_types(self.type_chart, f.by_product_type)
        show_methods(self.method_chart, f.by_method)
        one_day = f.period.first == f.period.last
        self.day_chart.set_title(translate("OrgDashboard", "Income per hour") if one_day
                                 else translate("OrgDashboard", "Income per day"))
        show_days(self.day_chart, f.by_hour if one_day else f.by_day, hours=one_day)
        show_top_vendors(self.vendor_chart, f.top_vendors or f.by_vendor)
        self.vendor_model.set_rows(f.by_vendor)
        fit_columns(self.vendor_table, limit=240)
        self._update_vendor_count()
        self.missing_model.set_rows(f.missing)
        fit_columns(self.missing_table, skip=2)
        no_export = sum(1 for m in f.missing if m.kind == "no_export")
        self.missing_note.setText(translate(
            "OrgDashboard", "{n} vendor-days without an export, {m} exported without a sale.").format(
                n=number(no_export), m=number(len(f.missing) - no_export)))
        self.tabs.setTabText(1, translate("OrgDashboard", "Missing exports ({n})").format(n=number(no_export)))
        self._show_schemes(f)
        show_orders_card(self.kpi["orders"], f)
        self.orders_tab.show_figures(f)
        self.reports.set_enabled(True)
        self.figuresShown.emit(f)

    def _show_schemes(self, f: Figures) -> None:
        """The spending the state schemes brought: the card (the whole, the state's share) and the table."""
        rows = scheme_rows(f)
        spent = sum(r.spending_satang for r in rows)
        state = sum(r.state_satang for r in rows)
        part = share_bp(spent, f.key.net_satang)
        self.kpi["schemes"].set(money(spent), translate("OrgDashboard", "state {state} · {share} of income").format(
            state=money(state), share=f"{part / 100:.1f}%"))
        self.kpi["schemes"].setToolTip("\n".join(f"{r.scheme.name(self.ctx.lang)}: {money(r.spending_satang)}"
                                                  for r in rows))
        self.scheme_model.set_rows(rows)
        fit_columns(self.scheme_table, skip=0)
        self.scheme_note.setText(translate(
            "OrgDashboard", "Spending brought by the state schemes: what the customers paid and what the state "
                            "pays, part of the net income ({share} of it).").format(share=f"{part / 100:.1f}%"))

    # --- reports -------------------------------------------------------------------------------------
    def _report_written(self, _kind: str, paths: list[Path]) -> None:
        if not paths:
            return
        folder = paths[0].parent
        shown = paths[0] if len(paths) == 1 else folder
        text = translate("OrgDashboard", "Written: {path}").format(path=html.escape(str(shown)))
        link = QUrl.fromLocalFile(str(folder)).toString()
        self.banner.setOpenExternalLinks(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        open_text = html.escape(translate("OrgDashboard", "Open folder"))
        self.banner.show_message(f'{text} &nbsp; <a href="{link}">{open_text}</a>', "ok", 0)
        self.last_written = list(paths)

    def _report_failed(self, _kind: str, exc: BaseException) -> None:
        log_unexpected(exc)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.show_message(error_text(exc), "error", 0)

    # --- vendors -------------------------------------------------------------------------------------
    def _filter_changed(self, *_args: object) -> None:
        self.vendor_proxy.set_text(self.search.text())
        self.vendor_proxy.set_product_type(str(self.type_filter.currentData() or ""))
        self.vendor_proxy.set_no_sales_only(self.no_sales.isChecked())
        self._update_vendor_count()

    def _update_vendor_count(self) -> None:
        shown, total = self.vendor_proxy.rowCount(), self.vendor_model.rowCount()
        net = sum(self.vendor_proxy.index(i, VendorTableModel.NET).data(SORT_ROLE) or 0
                  for i in range(shown))
        self.vendor_count.setText(translate("OrgDashboard", "{shown} of {total} vendors, net income {net}").format(
            shown=number(shown), total=number(total), net=money(int(net))))

    def _open_vendor(self, index: QModelIndex) -> None:
        row = self.vendor_proxy.mapToSource(index).row()
        if 0 <= row < self.vendor_model.rowCount():
            self.open_vendor(self.vendor_model.row(row).code)

    def open_vendor(self, code: str) -> QWidget | None:
        """Open the drill-down of vendor ``code`` for the chosen days."""
        from otop_pos.ui.organiser.vendor_detail import VendorDetailDialog

        fair, chosen = self.ctx.fair, self.chosen_range()
        if fair is None or chosen is None:
            return None
        dlg = VendorDetailDialog(self.ctx, fair, code, *chosen, parent=self)
        dlg.show()
        self.detail_dialog = dlg
        return dlg
