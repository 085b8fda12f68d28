"""Translations: the .ts files are complete and current, and no screen shows untranslated English in Thai."""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import BAG, CHIPS, make_ctx  # type: ignore[import-not-found]
from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTabWidget,
    QWidget,
)
from ui_helpers import gone, idle, modal, scan  # type: ignore[import-not-found]

from otop_pos.booth.queries import list_sales, sale_detail
from otop_pos.store.engine import SqliteStore
from otop_pos.ui import i18n_build
from otop_pos.ui.adjust_dialogs import RefundDialog, VoidDialog
from otop_pos.ui.cart_panel import ValueDialog
from otop_pos.ui.day_dialogs import CloseDayDialog, OpenDayDialog
from otop_pos.ui.first_run import FirstRunDialog
from otop_pos.ui.i18n import install_language, load_ts, qm_path, ts_path
from otop_pos.ui.main_window import PAGES, MainWindow
from otop_pos.ui.pay_dialog import PayDialog

TS_DIR = Path(i18n_build.TS_DIR)
PLACEHOLDER = re.compile(r"\{\w*\}")


def messages(lang: str) -> dict[tuple[str, str], str]:
    import xml.etree.ElementTree as ET

    out = {}
    for ctx in ET.parse(ts_path(lang, TS_DIR)).getroot().iter("context"):
        for m in ctx.iter("message"):
            tr = m.find("translation")
            assert tr is not None
            if tr.get("type") in ("vanished", "obsolete"):
                continue
            out[(ctx.findtext("name") or "", m.findtext("source") or "")] = "" if tr.get("type") else (tr.text or "")
    return out


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_message_is_translated_with_the_same_placeholders(lang: str) -> None:
    msgs = messages(lang)
    assert len(msgs) > 250
    for (ctx, source), text in msgs.items():
        assert text.strip(), f"[{lang}] {ctx}: {source!r} has no translation"
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (ctx, source, text)
        if lang == "th" and re.search("[A-Za-z]{4,}", source) and source not in ("OTOP POS",):
            assert re.search("[\u0e00-\u0e7f]", text), f"{ctx}: {source!r} is not Thai: {text!r}"


def test_the_ts_files_hold_every_text_of_the_code(tmp_path: Path) -> None:
    for lang in ("th", "en"):
        shutil.copy(ts_path(lang, TS_DIR), ts_path(lang, tmp_path))
    i18n_build.lupdate(tmp_path)
    assert i18n_build.unfinished(ts_path("th", tmp_path)) == [], "run python -m otop_pos.ui.i18n_build and translate"
    assert set(messages("th")) == set(load_ts(ts_path("th", tmp_path))) | {
        k for k, v in messages("th").items() if not v}


def test_lrelease_builds_qm_files_that_qt_loads(tmp_path: Path, qapp: Any) -> None:
    made = i18n_build.lrelease(TS_DIR, tmp_path)
    assert [p.name for p in made][:2] == ["otop_pos_th.qm", "otop_pos_en.qm"]
    assert all(p.is_file() for p in made)
    from PySide6.QtCore import QTranslator

    tr = QTranslator()
    assert tr.load(str(qm_path("th", tmp_path)))
    assert tr.translate("Main", "Sell") == "ขาย"


def test_ts_fallback_translates_without_a_built_qm(qapp: Any, tmp_path: Path) -> None:
    from otop_pos.ui.i18n import TsTranslator

    tr = TsTranslator(ts_path("th", TS_DIR))
    QCoreApplication.installTranslator(tr)
    try:
        assert QCoreApplication.translate("Cart", "PAY (F12)") == "รับเงิน (F12)"
    finally:
        QCoreApplication.removeTranslator(tr)


# --- what the screens show ---------------------------------------------------------------------------------
def texts(root: QWidget) -> list[str]:
    """Every text a person can see on ``root`` and its visible children."""
    out: list[str] = [root.windowTitle()]
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        if isinstance(w, QLabel) or isinstance(w, QAbstractButton):
            out.append(w.text())
        elif isinstance(w, QLineEdit):
            out.append(w.placeholderText())
        elif isinstance(w, QGroupBox):
            out.append(w.title())
        if isinstance(w, QTabWidget):
            out += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QListWidget):
            out += [w.item(i).text() for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            cols = 1 if isinstance(m, QAbstractListModel) else m.columnCount(QModelIndex())
            out += [str(m.headerData(c, Qt.Orientation.Horizontal)) for c in range(cols)]
            for r in range(min(m.rowCount(QModelIndex()), 20)):
                out += [str(m.data(m.index(r, c)) or "") for c in range(cols)]
    return [t for t in out if t]


def english_sources() -> dict[str, str]:
    """English source text → Thai translation, for texts whose Thai differs."""
    return {src: tr for (_ctx, src), tr in messages("th").items() if tr != src}


def assert_thai(root: QWidget, where: str) -> None:
    english = english_sources()
    shown = texts(root)
    left = [t for t in shown if t in english]
    assert not left, f"{where}: untranslated {left}"
    bits = [t for t in shown for src in english if len(src) > 6 and src in t and not src.startswith("{")]
    assert not bits, f"{where}: English inside {bits}"


def test_no_screen_shows_english_in_thai_mode(shop: SqliteStore, clock: Any, qapp: Any, qtbot: Any,
                                             tmp_path: Path) -> None:
    ctx = make_ctx(shop, clock, "th")
    try:
        w = MainWindow(ctx)
        qtbot.addWidget(w)
        w.resize(1024, 600)
        w.show()
        scan(qtbot, w.sell.search, BAG)
        scan(qtbot, w.sell.search, CHIPS)
        qtbot.keyClick(w.sell.search, Qt.Key.Key_F6)
        scan(qtbot, w.sell.search, CHIPS)
        for page in PAGES:
            screen = w.show_page(page)
            idle(qtbot, ctx)
            qtbot.wait(20)
            if page == "settings":
                tabs = screen.findChild(QTabWidget)
                for i in range(tabs.count()):
                    tabs.setCurrentIndex(i)
                    assert_thai(w, f"settings tab {i}")
            assert_thai(w, page)
        w.show_page("sell")
        w.sell.pay()
        pay = modal(qtbot, PayDialog)
        for i in range(3):
            pay.tabs.setCurrentIndex(i)
            assert_thai(pay, f"pay tab {i}")
        qtbot.mouseClick(pay.exact_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: gone(pay))
        for ask in (w.sell.cart_panel.ask_qty, w.sell.cart_panel.ask_line_discount, w.sell.open_day):
            scan(qtbot, w.sell.search, CHIPS)
            ask()
            dlg = QApplicationModal.wait(qtbot)
            assert_thai(dlg, type(dlg).__name__)
            dlg.reject()
        detail = sale_detail(shop, list_sales(shop)[0].uuid)
        for dlg in (VoidDialog(ctx, detail, w), RefundDialog(ctx, detail, w), CloseDayDialog(ctx, w),
                    OpenDayDialog(ctx, w), FirstRunDialog(ctx.service, w)):
            dlg.show()
            idle(qtbot, ctx)
            assert_thai(dlg, type(dlg).__name__)
            if isinstance(dlg, FirstRunDialog):
                for page in range(1, dlg.stack.count()):
                    dlg.stack.setCurrentIndex(page)
                    assert_thai(dlg, f"first run page {page}")
            dlg.reject()
    finally:
        ctx.shutdown()
        install_language("en")


class QApplicationModal:
    @staticmethod
    def wait(qtbot: Any) -> Any:
        from PySide6.QtWidgets import QApplication, QDialog

        found: list[Any] = []
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QDialog)
                        and not found.append(QApplication.activeModalWidget()))
        return found[-1]


def test_value_dialog_is_translated_in_english_too(window: MainWindow, qtbot: Any) -> None:
    scan(qtbot, window.sell.search, CHIPS)
    window.sell.cart_panel.ask_qty()
    dlg = modal(qtbot, ValueDialog)
    assert dlg.windowTitle() == "Quantity" and dlg.ok_button.text() == "OK"
    dlg.reject()


# --- Thai fits: no clipped tone marks, no cut-off words ---------------------------------------------------
def clipped(root: QWidget) -> list[str]:
    """Visible single-line texts whose widget is lower than the font's line (stacked marks cut) or narrower
    than the text."""
    from PySide6.QtWidgets import QCheckBox, QPushButton, QRadioButton

    bad = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root) or w.width() <= 0:
            continue
        fm = w.fontMetrics()
        if isinstance(w, QLabel) and w.text() and not w.wordWrap() and w.pixmap().isNull():
            text = w.text()
            need_w = fm.horizontalAdvance(text)
            if w.height() < fm.height() or w.width() + 2 < need_w:
                bad.append(f"label {text!r} {w.width()}x{w.height()} needs {need_w}x{fm.height()}")
        elif isinstance(w, (QPushButton, QCheckBox, QRadioButton)) and w.text():
            text = w.text().replace("&&", "&")
            need_w = fm.horizontalAdvance(text) + (20 if isinstance(w, (QCheckBox, QRadioButton)) else 6)
            if w.height() < fm.height() or w.width() < need_w:
                bad.append(f"{type(w).__name__} {text!r} {w.width()}x{w.height()} needs {need_w}x{fm.height()}")
        elif isinstance(w, QLineEdit) and w.height() < fm.height():
            bad.append(f"line edit {w.placeholderText()!r} {w.height()} < {fm.height()}")
    return bad


@pytest.mark.parametrize("lang", ["th", "en"])
def test_texts_fit_their_widgets_at_1024x600(lang: str, shop: SqliteStore, clock: Any, qapp: Any,
                                            qtbot: Any) -> None:
    from otop_pos.ui.theme import apply_theme

    apply_theme(qapp, 600)
    ctx = make_ctx(shop, clock, lang)
    try:
        w = MainWindow(ctx)
        qtbot.addWidget(w)
        w.resize(1024, 600)
        w.show()
        scan(qtbot, w.sell.search, BAG)
        problems = []
        for page in PAGES:
            screen = w.show_page(page)
            idle(qtbot, ctx)
            qtbot.wait(30)
            tabs = screen.findChild(QTabWidget)
            for i in range(tabs.count() if tabs is not None else 1):
                if tabs is not None:
                    tabs.setCurrentIndex(i)
                    qtbot.wait(10)
                problems += [f"{page}: {p}" for p in clipped(w)]
        w.show_page("sell")
        w.sell.pay()
        pay = modal(qtbot, PayDialog)
        for i in range(3):
            pay.tabs.setCurrentIndex(i)
            qtbot.wait(10)
            problems += [f"pay {i}: {p}" for p in clipped(pay)]
        pay.reject()
        assert problems == []
    finally:
        ctx.shutdown()
