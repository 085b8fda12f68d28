"""Fair setup through the organiser window: create a fair, preview and load the demo registry (problems with
file, line and column before anything is written), write booth packages into a chosen folder."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from otop_pos.app import demo_registry
from otop_pos.core.clock import FixedClock
from otop_pos.fair.fairs import list_fairs, vendor_count
from otop_pos.fair.store import FairStore
from otop_pos.ui.organiser.app import apply_organiser_theme
from otop_pos.ui.organiser.i18n import install_organiser_language
from otop_pos.ui.organiser.setup_dialogs import CreateFairDialog, RegistryDialog

from .conftest import make_ctx, open_window


@pytest.fixture
def blank_window(empty_fair_store: FairStore, org_clock: FixedClock, tmp_path: Path, qapp: QApplication,
                 qtbot: Any) -> Any:
    apply_organiser_theme(qapp, 800)
    ctx = make_ctx(empty_fair_store, org_clock, tmp_path)
    w = open_window(ctx, qtbot)
    yield w
    qtbot.waitUntil(lambda: not ctx.tasks.busy, timeout=20000)
    ctx.shutdown()
    install_organiser_language("en")


def test_create_fair_load_registry_and_make_packages(blank_window: Any, empty_fair_store: FairStore, qtbot: Any,
                                                     tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    w = blank_window
    assert w.current_page() == "setup"  # nothing to show on the dashboard yet
    assert not w.setup.registry_button.isEnabled()
    qtbot.mouseClick(w.setup.new_button, Qt.MouseButton.LeftButton)
    dlg = w.setup.dialog
    assert isinstance(dlg, CreateFairDialog)
    dlg.name.setText("OTOP CITY IN KHONKAEN ครั้งที่ 20")
    dlg.venue.setText("สวนรัชดานุสรณ์")
    dlg.province.setText("ขอนแก่น")
    dlg.first_day.setText("๒๖/๑๐/๒๕๖๓")  # Thai digits, Buddhist Era
    dlg.last_day.setText("1 พ.ย. 2563")
    assert dlg.first_day.echo.text() == "Mon 26 Oct 2020"
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    fairs = list_fairs(empty_fair_store)
    assert [f.name for f in fairs] == ["OTOP CITY IN KHONKAEN ครั้งที่ 20"]
    ctx = w.ctx
    assert ctx.fair is not None and ctx.fair.first_day.isoformat() == "2020-10-26" and len(ctx.fair.days) == 7
    assert w.fair_picker.currentData() == ctx.fair.uid
    assert "Fair created" in w.setup.banner.text()

    folder = demo_registry()[0].parent
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder)))
    assert w.setup.registry_button.isEnabled()
    qtbot.mouseClick(w.setup.registry_button, Qt.MouseButton.LeftButton)
    reg = w.setup.dialog
    assert isinstance(reg, RegistryDialog)
    with qtbot.waitSignal(reg.previewed, timeout=20000) as seen:
        reg.choose_folder()
    preview = seen.args[0]
    assert preview.registry is not None and preview.errors == 0
    assert reg.load_button.isEnabled()
    assert len(preview.registry.vendors) == 124
    assert reg.model.rowCount() == len(preview.problems)  # warnings only (address checks), shown before loading
    assert vendor_count(empty_fair_store, ctx.fair.id) == 0  # nothing written by the preview
    with qtbot.waitSignal(reg.loaded, timeout=20000):
        qtbot.mouseClick(reg.load_button, Qt.MouseButton.LeftButton)
    assert vendor_count(empty_fair_store, ctx.fair.id) == 124
    qtbot.waitUntil(lambda: "124 vendors registered" in w.setup.fair_counts.text(), timeout=10000)
    assert "Registry loaded: vendors 124 added" in w.setup.banner.text()

    out = tmp_path / "usb-stick"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(out)))
    qtbot.waitUntil(w.setup.packages_button.isEnabled, timeout=10000)
    with qtbot.waitSignal(w.setup.packagesWritten, timeout=60000) as written:
        qtbot.mouseClick(w.setup.packages_button, Qt.MouseButton.LeftButton)
    assert len(written.args[0]) == 124
    assert len(list(out.glob("*.otopbooth"))) == 124
    assert "124 booth packages written" in w.setup.banner.text()


def test_registry_problems_are_listed_with_file_line_and_column(blank_window: Any, qtbot: Any,
                                                                tmp_path: Path) -> None:
    w = blank_window
    qtbot.mouseClick(w.setup.new_button, Qt.MouseButton.LeftButton)
    dlg = w.setup.dialog
    dlg.name.setText("งานทดสอบ")
    dlg.first_day.setText("2020-10-26")
    dlg.last_day.setText("2020-10-25")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert dlg.error.isVisible() and "before the first day" in dlg.error.text()
    dlg.last_day.setText("2020-10-27")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert w.ctx.fair is not None

    vendors = tmp_path / "vendors.csv"
    catalogue = tmp_path / "catalogue.csv"
    header = "รหัสผู้ประกอบการ,ชื่อกลุ่ม/ผู้ประกอบการ,ประเภทผลิตภัณฑ์,ระดับดาว,อำเภอ,จังหวัด,บูธ\n"
    vendors.write_text(header + "V1,กลุ่มทดสอบ,อาหาร,9,เมือง,ขอนแก่น,A1\nV2,ร้านสอง,ของเล่น,3,บ้านไผ่,ขอนแก่น,A2\n",
                       encoding="utf-8")
    catalogue.write_text("รหัสผู้ประกอบการ,รหัสสินค้า,ชื่อสินค้า,ราคา\nV1,P1,ข้าวเกรียบ,abc\nV9,P2,น้ำพริก,50\n",
                         encoding="utf-8")
    reg = w.setup.open_registry()
    assert reg is not None
    with qtbot.waitSignal(reg.previewed, timeout=20000) as seen:
        reg.preview_files(vendors, catalogue)
    preview = seen.args[0]
    assert preview.registry is None and preview.errors == 4
    assert not reg.load_button.isEnabled()
    rows = [[reg.model.index(r, c).data() for c in range(5)] for r in range(reg.model.rowCount())]
    assert [r[:4] for r in rows] == [
        ["Error", "vendors.csv", "2", "ระดับดาว"], ["Error", "vendors.csv", "3", "ประเภทผลิตภัณฑ์"],
        ["Error", "catalogue.csv", "2", "ราคา"], ["Error", "catalogue.csv", "3", "รหัสผู้ประกอบการ"]]
    assert rows[0][4].startswith("The star level “9” is not valid")  # English window, English message
    assert "nothing can be loaded" in reg.summary.text()

    # fixed, but with a misspelt district: a warning with a suggestion, and the registry can be loaded
    vendors.write_text(header + "V1,กลุ่มทดสอบ,อาหาร,4,บ้านไผ,ขอนแก่น,A1\n", encoding="utf-8")
    catalogue.write_text("รหัสผู้ประกอบการ,รหัสสินค้า,ชื่อสินค้า,ราคา\nV1,P1,ข้าวเกรียบ,\"1,190.00\"\n", encoding="utf-8")
    with qtbot.waitSignal(reg.previewed, timeout=20000) as seen:
        reg.preview_files(vendors, catalogue)
    rows = [[reg.model.index(r, c).data() for c in range(5)] for r in range(reg.model.rowCount())]
    assert rows == [["Warning", "vendors.csv", "2", "district", rows[0][4]]] and "บ้านไผ่" in rows[0][4]
    assert reg.load_button.isEnabled() and "1 vendors and 1 products can be loaded" in reg.summary.text()
    reg.reject()


def test_registry_folder_search_names_the_closest_file_and_a_workbook_loads(blank_window: Any, qtbot: Any,
                                                                           tmp_path: Path) -> None:
    """The organiser window's folder search says what the closest file lacks, as the file mode does; one
    workbook holding both sheets is a whole registry."""
    import openpyxl

    w = blank_window
    qtbot.mouseClick(w.setup.new_button, Qt.MouseButton.LeftButton)
    dlg = w.setup.dialog
    dlg.name.setText("งานทดสอบ")
    dlg.first_day.setText("2020-10-26")
    dlg.last_day.setText("2020-10-27")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    folder = tmp_path / "registry"
    folder.mkdir()
    (folder / "vendors.csv").write_text("รหัสผู้ประกอบการ,ชื่อกลุ่ม/ผู้ประกอบการ,ประเภทผลิตภัณฑ์,อำเภอ,จังหวัด,บูธ\n"
                                        "V1,กลุ่มทดสอบ,อาหาร,บ้านไผ่,ขอนแก่น,A1\n", encoding="utf-8")
    (folder / "catalogue.csv").write_text("รหัสผู้ประกอบการ,รหัสสินค้า,ชื่อสินค้า,มูลค่า\nV1,P1,ข้าวเกรียบ,50\n",
                                          encoding="utf-8")
    reg = w.setup.open_registry()
    with qtbot.waitSignal(reg.previewed, timeout=20000):
        reg.preview_dir(folder)
    rows = [[reg.model.index(r, c).data() for c in range(5)] for r in range(reg.model.rowCount())]
    assert [r[:4] for r in rows] == [["Error", "registry", "", ""],
                                     ["Error", "catalogue.csv", "1", "ราคา (บาท) / price"]]
    assert "the closest is catalogue.csv" in rows[0][4] and "price" in rows[1][4]
    assert not reg.load_button.isEnabled()

    book = openpyxl.Workbook()
    book.active.title = "Vendors"
    for row in (["Vendor code", "Group / producer name", "Product type", "District", "Province", "Booth no."],
                ["V1", "กลุ่มทดสอบ", "Food", "บ้านไผ่", "ขอนแก่น", "A1"]):
        book.active.append(row)
    products = book.create_sheet("สินค้า")
    for row in (["รหัสผู้ประกอบการ", "รหัสสินค้า", "ชื่อสินค้า", "ราคาขาย/หน่วย (บาท)"], ["V1", "P1", "ข้าวเกรียบ", 50]):
        products.append(row)
    book.save(tmp_path / "registry.xlsx")
    with qtbot.waitSignal(reg.previewed, timeout=20000):
        reg.preview_files(tmp_path / "registry.xlsx", tmp_path / "registry.xlsx")
    assert reg.load_button.isEnabled() and "1 vendors and 1 products can be loaded" in reg.summary.text()
    with qtbot.waitSignal(reg.loaded, timeout=20000):
        qtbot.mouseClick(reg.load_button, Qt.MouseButton.LeftButton)
    assert vendor_count(w.ctx.store, w.ctx.fair.id) == 1
