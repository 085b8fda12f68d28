"""One vendor's drill-down: who they are, their key numbers, income per day (chart and table), per payment
method, and per product, for the days chosen on the dashboard (``otop_pos.fair.figures.vendor_detail``)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from otop_pos.core.address import thai_address
from otop_pos.core.vocabulary import PRODUCER_TYPE
from otop_pos.fair.fairs import FairInfo
from otop_pos.fair.figures import vendor_detail
from otop_pos.reports.model import VendorDetail
from otop_pos.ui.i18n import error_text
from otop_pos.ui.organiser.charts import ChartCard, show_days
from otop_pos.ui.organiser.context import OrganiserContext
from otop_pos.ui.organiser.i18n import (
    current_lang,
    day_text,
    money,
    number,
    translate,
    when_text,
)
from otop_pos.ui.organiser.models import BreakdownModel, ProductsModel, product_rows
from otop_pos.ui.organiser.widgets import KpiCard, fit_columns, make_table
from otop_pos.ui.theme import type_label
from otop_pos.ui.widgets import ErrorLabel, label, log_unexpected, make_button


def load_detail(ctx: OrganiserContext, fair: FairInfo, code: str, first: date, last: date) -> VendorDetail:
    """The vendor's drill-down (runs on a worker thread)."""
    return vendor_detail(ctx.store, code, fair_ref=fair.uid, first=first, last=last)


class VendorDetailDialog(QDialog):
    """A vendor's days, payment methods and products; loads in a worker and fills itself in."""

    loaded = Signal(object)  # VendorDetail

    def __init__(self, ctx: OrganiserContext, fair: FairInfo, code: str, first: date, last: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.code = ctx, code
        self.detail: VendorDetail | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(translate("OrgVendor", "Vendor {code}").format(code=code))
        self.resize(1000, 680)
        lay = QVBoxLayout(self)
        self.title = label(code, name="pagetitle", wrap=True)
        self.subtitle = label("", name="caption", wrap=True)
        self.period = label(translate("OrgVendor", "{first} to {last}").format(
            first=day_text(first), last=day_text(last)), name="caption")
        lay.addWidget(self.title)
        lay.addWidget(self.subtitle)
        lay.addWidget(self.period)
        self.error = ErrorLabel()
        lay.addWidget(self.error)
        kpis = QHBoxLayout()
        self.kpi = {"net": KpiCard(translate("OrgVendor", "Net income"), main=True),
                    "sales": KpiCard(translate("OrgVendor", "Sales")),
                    "items": KpiCard(translate("OrgVendor", "Items")),
                    "adjust": KpiCard(translate("OrgVendor", "Refunds")),
                    "voids": KpiCard(translate("OrgVendor", "Voids"))}
        for card in self.kpi.values():
            kpis.addWidget(card)
        lay.addLayout(kpis)
        body = QGridLayout()
        self.day_chart = ChartCard(translate("OrgVendor", "Income per day"))
        body.addWidget(self.day_chart, 0, 0)
        self.days_model = BreakdownModel(self, QT_TRANSLATE_NOOP("OrgTables", "Date"))
        self.methods_model = BreakdownModel(self, QT_TRANSLATE_NOOP("OrgTables", "Payment method"))
        self.products_model = ProductsModel(self)
        self.days_table = make_table(self.days_model, stretch=0)
        self.methods_table = make_table(self.methods_model, stretch=0)
        self.products_table = make_table(self.products_model, stretch=0)
        tabs = QTabWidget()
        tabs.addTab(self.days_table, translate("OrgVendor", "Days"))
        tabs.addTab(self.methods_table, translate("OrgVendor", "Payment methods"))
        self.tabs = tabs
        body.addWidget(tabs, 1, 0)
        products = QWidget()
        pl = QVBoxLayout(products)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.addWidget(label(translate("OrgVendor", "Products sold"), name="cardtitle"))
        pl.addWidget(self.products_table, 1)
        body.addWidget(products, 0, 1, 2, 1)
        body.setColumnStretch(0, 1)
        body.setColumnStretch(1, 1)
        lay.addLayout(body, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(make_button(translate("OrgVendor", "Close"), slot=self.close))
        lay.addLayout(row)
        ctx.tasks.run(lambda: load_detail(ctx, fair, code, first, last), on_done=self._loaded,
                      on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        log_unexpected(exc)
        self.error.show_error(error_text(exc))

    def _loaded(self, d: VendorDetail) -> None:
        self.detail = d
        v = d.vendor
        self.title.setText(translate("OrgVendor", "{name} · booth {booth} · {code}").format(
            name=v.name, booth=v.booth, code=v.code))
        kind = PRODUCER_TYPE.name(v.producer_type, current_lang()) if v.producer_type else ""
        parts = [type_label(v.product_type), thai_address(v.district, v.province, current_lang()),
                 ("★" * v.star) if v.star else "", kind]
        if v.last_export_at is not None:
            parts.append(translate("OrgVendor", "last export {when}").format(when=when_text(v.last_export_at)))
        self.subtitle.setText("  ·  ".join(p for p in parts if p))
        self.kpi["net"].set(money(v.net_satang))
        self.kpi["sales"].set(number(v.sales_count), translate("OrgVendor", "{n} days with sales").format(
            n=v.days_with_sales))
        self.kpi["items"].set(number(v.items))
        self.kpi["adjust"].set(money(v.refunds_satang))
        self.kpi["voids"].set(number(v.voids_count))
        show_days(self.day_chart, d.by_day)
        self.days_model.set_rows(d.by_day)
        self.methods_model.set_rows(d.by_method)
        self.products_model.set_rows(product_rows(d.by_product))
        for table in (self.days_table, self.methods_table, self.products_table):
            fit_columns(table, skip=0)
        self.loaded.emit(d)

    def day_labels(self) -> list[str]:
        """The days listed (as shown)."""
        return [self.days_model.index(i, 0).data() for i in range(self.days_model.rowCount())]

