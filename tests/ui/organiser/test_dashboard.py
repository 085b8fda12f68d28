"""The dashboard after an import: key figures equal the use cases' totals, the vendors table sorts and filters
(checked with qtmodeltester), a double-click drills down into one vendor, the date range recomputes, the
report buttons write PDF/XLSX/CSV, and Thai mode shows ฿ and Buddhist-Era dates."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from otop_pos.core.vocabulary import PRODUCT_TYPE
from otop_pos.fair.figures import compute_figures
from otop_pos.fair.status import fair_summary
from otop_pos.fair.store import FairStore
from otop_pos.ui.organiser.app import OrganiserWindows
from otop_pos.ui.organiser.i18n import install_organiser_language, money
from otop_pos.ui.organiser.main_window import OrganiserWindow
from otop_pos.ui.organiser.models import SORT_ROLE, VendorTableModel
from otop_pos.ui.organiser.vendor_detail import VendorDetailDialog

from .conftest import DAYS, BuiltFair, make_ctx, open_window


def import_all(qtbot: Any, w: OrganiserWindow, built: BuiltFair) -> None:
    with qtbot.waitSignal(w.dashboard.figuresShown, timeout=60000):
        w.importer.import_paths([built.usb])
    qtbot.waitUntil(lambda: not w.ctx.tasks.busy, timeout=20000)
    w.show_page("dashboard")


@pytest.fixture
def imported(org_window: OrganiserWindow, built_fair: BuiltFair, qtbot: Any) -> OrganiserWindow:
    import_all(qtbot, org_window, built_fair)
    return org_window


def column(w: OrganiserWindow, col: int, role: int = Qt.ItemDataRole.DisplayRole) -> list[Any]:
    proxy = w.dashboard.vendor_proxy
    return [proxy.index(r, col).data(role) for r in range(proxy.rowCount())]


def test_key_figures_match_the_use_cases(imported: OrganiserWindow, org_store: FairStore,
                                         built_fair: BuiltFair) -> None:
    d = imported.dashboard
    summary = fair_summary(org_store)
    figures = compute_figures(org_store)
    assert summary.net_satang == figures.key.net_satang == sum(built_fair.booth_net.values())
    assert d.kpi["net"].value.text() == money(summary.net_satang)
    assert d.kpi["net"].note.text() == f"gross {money(summary.gross_satang)}"
    kept = summary.sales_count - summary.voids_count
    assert d.kpi["sales"].value.text() == f"{kept:,}" == f"{sum(v.sales_count for v in figures.by_vendor):,}"
    assert figures.key.sales_count == sum(built_fair.booth_sales.values())  # as the booths' own reports count
    assert d.kpi["average"].value.text() == money(figures.key.average_sale_satang)
    assert d.kpi["vendors"].value.text() == "3 / 124"
    assert d.kpi["adjust"].note.text() == "1 refunds, 1 voids"
    assert d.figures is not None and d.figures.period.days == figures.period.days
    assert d.type_chart.chart.series() and d.method_chart.chart.series() and d.day_chart.chart.series()
    assert d.vendor_chart.chart.series()


def test_vendor_models_pass_the_model_tester(imported: OrganiserWindow, qtmodeltester: Any) -> None:
    d = imported.dashboard
    qtmodeltester.check(d.vendor_model)
    qtmodeltester.check(d.vendor_proxy)
    qtmodeltester.check(d.missing_model)
    qtmodeltester.check(imported.importer.results)
    qtmodeltester.check(imported.setup.log_model)


def test_vendor_table_sorts_and_filters(imported: OrganiserWindow, built_fair: BuiltFair, qtbot: Any) -> None:
    d = imported.dashboard
    table = d.vendor_table
    assert d.vendor_proxy.rowCount() == 124
    best = max(built_fair.booth_net, key=lambda c: built_fair.booth_net[c])
    assert column(imported, 12)[0] == best  # highest net income first
    assert column(imported, VendorTableModel.NET)[0] == money(built_fair.booth_net[best])
    # clicking the Sales header sorts by the number (not the text: 10 after 9)
    header = table.horizontalHeader()
    at = QPoint(header.sectionViewportPosition(3) + header.sectionSize(3) // 2, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    sales = column(imported, 3, SORT_ROLE)
    assert d.vendor_proxy.sortColumn() == 3
    assert sales == sorted(sales) or sales == sorted(sales, reverse=True)
    assert sales != column(imported, 3)  # sort keys are numbers
    table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    figures = d.figures
    assert figures is not None
    assert column(imported, 3, SORT_ROLE)[:4] == sorted((v.sales_count for v in figures.by_vendor), reverse=True)[:4]
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    booths = column(imported, 0)
    assert booths == sorted(booths, key=str.casefold)

    qtbot.keyClicks(d.search, "c002")
    assert column(imported, 12) == ["KK20-0002"]
    assert d.vendor_count.text() == f"1 of 124 vendors, net income {money(built_fair.booth_net['KK20-0002'])}"
    d.search.clear()
    d.type_filter.setCurrentIndex(d.type_filter.findData("เครื่องดื่ม"))
    kinds = column(imported, 6)
    assert kinds and set(kinds) == {"Drinks"}
    d.type_filter.setCurrentIndex(0)
    d.no_sales.setChecked(True)
    assert d.vendor_proxy.rowCount() == 121 and set(column(imported, 3)) == {"0"}
    d.no_sales.setChecked(False)
    assert d.vendor_proxy.rowCount() == 124


@pytest.fixture
def no_qm(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No compiled translations (a plain ``pip install -e .``): the languages load from the .ts files."""
    from otop_pos.ui import i18n as booth_i18n
    from otop_pos.ui.organiser import i18n as organiser_i18n

    monkeypatch.setattr(booth_i18n, "qm_path", lambda lang, folder=None: tmp_path / "none.qm")
    monkeypatch.setattr(organiser_i18n, "qm_path", lambda lang, folder=None: tmp_path / "none.qm")


@pytest.mark.parametrize("compiled", [True, False], ids=["qm", "ts"])
def test_product_types_are_named_by_the_vocabulary_with_or_without_qm(
        compiled: bool, request: pytest.FixtureRequest, built_fair: BuiltFair, qtbot: Any) -> None:
    if not compiled:
        request.getfixturevalue("no_qm")
    w = request.getfixturevalue("imported")
    kinds = column(w, 6)
    figures = w.dashboard.figures
    assert figures is not None and len(kinds) == 124
    by_code = {v.code: v.product_type for v in figures.by_vendor}
    keys = [by_code[c] for c in column(w, 12)]
    assert all(keys) and kinds == [PRODUCT_TYPE.name(k, "en") for k in keys]  # was blank without a .qm
    assert "Non-food herbal" in kinds
    install_organiser_language("th")  # the Thai names come from the same vocabulary
    w.dashboard.vendor_model.set_rows(figures.by_vendor)
    assert column(w, 6) == [PRODUCT_TYPE.name(k, "th") for k in keys]
    assert w.dashboard.vendor_table.isVisible() and all(column(w, 2))  # other columns are not blanked

def test_double_click_drills_down_to_the_vendors_days(imported: OrganiserWindow, built_fair: BuiltFair,
                                                      qtbot: Any) -> None:
    d = imported.dashboard
    codes = column(imported, 12)
    row = codes.index("KK20-0003")
    table = d.vendor_table
    table.scrollTo(d.vendor_proxy.index(row, 1))
    rect = table.visualRect(d.vendor_proxy.index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dlg = d.detail_dialog
    assert isinstance(dlg, VendorDetailDialog) and dlg.code == "KK20-0003"
    qtbot.waitUntil(lambda: dlg.detail is not None, timeout=20000)
    detail = dlg.detail
    assert detail is not None
    sold = [r for r in detail.by_day if r.net_satang]
    assert [r.key for r in sold] == [x.isoformat() for x in built_fair.booth_days["KK20-0003"]]
    assert sum(r.net_satang for r in detail.by_day) == built_fair.booth_net["KK20-0003"]
    assert dlg.day_labels()[:2] == ["26 Oct 2020", "27 Oct 2020"]
    assert dlg.products_model.rowCount() > 0 and dlg.methods_model.rowCount() > 0
    assert dlg.kpi["net"].value.text() == money(built_fair.booth_net["KK20-0003"])
    assert "KK20-0003" in dlg.title.text()
    headers = [m.headerData(0, Qt.Orientation.Horizontal) for m in (dlg.days_model, dlg.methods_model)]
    assert headers == ["Date", "Payment method"]  # not "Item" over a column of dates (#14)
    assert "วานรนิวาส, สกลนคร" in dlg.subtitle.text()  # English: district, province
    dlg.close()


def test_choosing_days_recomputes(imported: OrganiserWindow, org_store: FairStore, qtbot: Any) -> None:
    d = imported.dashboard
    first = DAYS[0]
    assert d.first_combo.currentText() == "26 Oct 2020" and d.last_combo.currentText() == "1 Nov 2020"
    with qtbot.waitSignal(d.figuresShown, timeout=20000) as shown:
        d.last_combo.setCurrentIndex(0)
    one_day = compute_figures(org_store, first=first, last=first)
    assert shown.args[0].key.net_satang == one_day.key.net_satang
    assert d.kpi["net"].value.text() == money(one_day.key.net_satang)
    assert d.day_chart.title.text().startswith("Income per hour")
    with qtbot.waitSignal(d.figuresShown, timeout=20000):
        d.set_range(DAYS[1], DAYS[2])
    two = compute_figures(org_store, first=DAYS[1], last=DAYS[2])
    assert d.kpi["net"].value.text() == money(two.key.net_satang)
    with qtbot.waitSignal(d.figuresShown, timeout=20000):
        qtbot.mouseClick(d.all_days_button, Qt.MouseButton.LeftButton)
    assert d.kpi["net"].value.text() == money(fair_summary(org_store).net_satang)


def test_missing_exports_are_listed(imported: OrganiserWindow) -> None:
    d = imported.dashboard
    m = d.missing_model
    rows = [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]
    first_vendor = [r for r in rows if r[4] == "KK20-0001"]
    assert [r[0] for r in first_vendor] == ["29 Oct 2020", "30 Oct 2020", "31 Oct 2020", "1 Nov 2020"]
    assert {r[3] for r in first_vendor} == {"No export received"}
    assert sum(1 for r in rows if r[4] == "KK20-0010") == 7  # registered, never sent anything
    assert d.tabs.tabText(1).startswith("Missing exports (")


def test_report_buttons_write_pdf_xlsx_and_csv(imported: OrganiserWindow, org_store: FairStore, tmp_path: Path,
                                               built_fair: BuiltFair, qtbot: Any) -> None:
    d = imported.dashboard
    bar = d.reports
    written: dict[str, list[Path]] = {}
    bar.written.connect(lambda kind, paths: written.__setitem__(kind, paths))
    for kind in ("pdf", "xlsx", "csv"):
        assert bar.buttons[kind].isEnabled()
        with qtbot.waitSignal(bar.written, timeout=60000):
            qtbot.mouseClick(bar.buttons[kind], Qt.MouseButton.LeftButton)
    reports = tmp_path / "reports"
    (pdf,) = written["pdf"]
    assert pdf.parent == reports and pdf.read_bytes().startswith(b"%PDF")
    (xlsx,) = written["xlsx"]
    assert xlsx.is_file() and xlsx.suffix == ".xlsx"
    assert written["csv"] and all(p.is_file() and p.read_bytes().startswith(b"\xef\xbb\xbf") for p in written["csv"])
    assert "Written:" in d.banner.text() and str(reports) in d.banner.text()
    # the workbook's vendor sheet holds each vendor's net income as a number (baht) in its own column
    wb = load_workbook(xlsx, read_only=True)
    rows = list(wb["Vendors"].iter_rows(values_only=True))
    wb.close()
    code_at, net_at = rows[0].index("Code"), rows[0].index("Net income (baht)")
    body, total = rows[1:-1], rows[-1]
    net = {r[code_at]: r[net_at] for r in body}
    assert {c: net[c] for c in built_fair.booth_net} == {c: n / 100 for c, n in built_fair.booth_net.items()}
    assert all(net[c] == 0 for c in net if c not in built_fair.booth_net)   # registered, sold nothing
    assert total[code_at] == "Total" and total[net_at] == pytest.approx(sum(built_fair.booth_net.values()) / 100)


def test_thai_mode_shows_baht_and_buddhist_era(org_store: FairStore, org_clock: Any, built_fair: BuiltFair,
                                               tmp_path: Path, qapp: QApplication, qtbot: Any) -> None:
    ctx = make_ctx(org_store, org_clock, tmp_path, lang="en")
    try:
        windows = OrganiserWindows(ctx)
        w = windows.window  # deleted by the language switch below: not handed to qtbot
        w.show()
        qtbot.waitUntil(lambda: not ctx.tasks.busy, timeout=20000)
        import_all(qtbot, w, built_fair)
        assert w.nav_buttons["dashboard"].text() == "Dashboard"
        qtbot.mouseClick(w.lang_button, Qt.MouseButton.LeftButton)  # ภาษาไทย: the window is rebuilt in Thai
        th = windows.window
        assert th is not w and ctx.lang == "th"
        qtbot.addWidget(th)
        qtbot.waitUntil(lambda: th.dashboard.figures is not None and not ctx.tasks.busy, timeout=20000)
        d = th.dashboard
        assert th.nav_buttons["dashboard"].text() == "ภาพรวม"
        assert th.lang_button.text() == "English"
        assert d.first_combo.currentText() == "26 ต.ค. 2563" and d.last_combo.currentText() == "1 พ.ย. 2563"
        net = sum(built_fair.booth_net.values())
        assert d.kpi["net"].value.text() == money(net) and money(net).startswith("฿")
        assert d.kpi["net"].caption.text() == "รายได้สุทธิ"
        assert d.vendor_model.headerData(1, Qt.Orientation.Horizontal) == "ผู้ประกอบการ"
        th.resize(1280, 800)   # the days column is whole in view, not clipped to "วันขา" (#14)
        qtbot.waitUntil(lambda: th.width() == 1280)
        qapp.processEvents()
        view, head = d.vendor_table, d.vendor_table.horizontalHeader()
        days = d.vendor_model.headerData(5, Qt.Orientation.Horizontal)
        assert days == "วัน"
        assert head.sectionViewportPosition(5) + head.sectionSize(5) <= view.viewport().width()
        assert head.sectionSize(5) >= head.fontMetrics().horizontalAdvance(days)
        kinds = {d.vendor_model.index(r, 6).data() for r in range(d.vendor_model.rowCount())}
        assert "เครื่องดื่ม" in kinds  # product types as the registry writes them
        m = d.missing_model
        assert m.index(0, 0).data().endswith("2563") and m.index(0, 3).data() == "ยังไม่ได้รับข้อมูล"
        assert th.setup.fair_place.text().endswith("(7 วัน)")
        assert "26 ตุลาคม 2563 ถึง 1 พฤศจิกายน 2563" in th.setup.fair_place.text()
        assert (DAYS[0] + timedelta(days=6)).isoformat() == "2020-11-01"
        fair = ctx.fair
        assert fair is not None
        dlg = VendorDetailDialog(ctx, fair, "KK20-0003", DAYS[0], DAYS[0] + timedelta(days=6), parent=th)
        qtbot.waitUntil(lambda: dlg.detail is not None, timeout=20000)
        assert "อ.วานรนิวาส จ.สกลนคร" in dlg.subtitle.text()  # the Thai address form (#14), not "วานรนิวาส, สกลนคร"
        headers = [m.headerData(0, Qt.Orientation.Horizontal) for m in (dlg.days_model, dlg.methods_model)]
        assert headers == ["วันที่", "ช่องทางชำระเงิน"]  # the dates are headed "date", not "รายการ" (#14)
        dlg.close()
    finally:
        qtbot.waitUntil(lambda: not ctx.tasks.busy, timeout=20000)
        ctx.shutdown()
        ctx.set_language("en")


def test_a_window_without_fairs_starts_on_setup(empty_fair_store: FairStore, org_clock: Any, tmp_path: Path,
                                                qapp: QApplication, qtbot: Any) -> None:
    ctx = make_ctx(empty_fair_store, org_clock, tmp_path)
    try:
        w = open_window(ctx, qtbot)
        assert w.current_page() == "setup" and w.fair_picker.currentText() == "No fair yet"
        assert w.dashboard.kpi["net"].value.text() == "–"
        assert not w.dashboard.reports.buttons["pdf"].isEnabled()
    finally:
        ctx.shutdown()


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_page_fits_a_netbook_screen(org_store: FairStore, org_clock: Any, built_fair: BuiltFair, tmp_path: Path,
                                          qtbot: Any, lang: str) -> None:
    """At 1024×600 the window keeps that size and every page is reachable in both languages: it fits, or it
    scrolls (nothing is cut off beyond reach)."""
    w = open_window(make_ctx(org_store, org_clock, tmp_path, lang), qtbot)
    import_all(qtbot, w, built_fair)
    w.resize(1024, 600)
    QApplication.processEvents()
    assert (w.width(), w.height()) == (1024, 600)
    for name in ("dashboard", "import", "setup"):
        w.show_page(name)
        QApplication.processEvents()
        scroller, page = w.scrollers[name], w.pages[name]
        view = scroller.viewport()
        for size, shown, bar in ((page.width(), view.width(), scroller.horizontalScrollBar()),
                                 (page.height(), view.height(), scroller.verticalScrollBar())):
            assert size <= shown or bar.maximum() >= size - shown, (name, size, shown)
        assert w.current_page() == name
    # the dashboard never scrolls sideways on the netbook: two rows of key figures, the tables under the charts
    w.show_page("dashboard")
    QApplication.processEvents()
    assert w.scrollers["dashboard"].horizontalScrollBar().maximum() == 0
    assert w.dashboard.splitter.orientation() == Qt.Orientation.Vertical
    cards = [w.dashboard.kpi[k] for k in ("net", "sales", "average", "items", "digital", "vendors", "adjust")]
    grid = w.dashboard.kpi_grid

    def rows() -> set[int]:
        return {grid.getItemPosition(grid.indexOf(c))[0] for c in cards}
    assert rows() == {0, 1} and all(c.visibleRegion().boundingRect().width() == c.width() for c in cards[:4])
    w.resize(1600, 900)   # an office screen: one row, tables beside the charts
    QApplication.processEvents()
    assert w.dashboard.splitter.orientation() == Qt.Orientation.Horizontal
    assert rows() == {0} and len({c.x() for c in cards}) == 7
    install_organiser_language("en")
