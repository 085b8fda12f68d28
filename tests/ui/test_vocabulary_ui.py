"""The screens show the vocabulary's names and colours: product tiles, type buttons, the pay dialog, sales
history labels and the organiser's method chart; a fair-defined payment method appears with no code change;
and the .ts fallback (no compiled .qm) lets every text through that one file does not hold."""
from __future__ import annotations

from typing import Any

import pytest
from conftest import BAG  # type: ignore[import-not-found]
from PySide6.QtCharts import QPieSeries
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from ui_helpers import modal, scan  # type: ignore[import-not-found]

from otop_pos.core.vocabulary import PAYMENT_METHOD, PRODUCT_TYPE, Term
from otop_pos.reports.model import Row
from otop_pos.ui.i18n import TsTranslator, install_language, method_name, ts_path
from otop_pos.ui.main_window import MainWindow
from otop_pos.ui.models import methods_label
from otop_pos.ui.organiser.charts import ChartCard, show_methods, short_type
from otop_pos.ui.organiser.i18n import ts_path as organiser_ts_path
from otop_pos.ui.pay_dialog import PayDialog
from otop_pos.ui.theme import type_color, type_label


def test_tiles_are_painted_in_the_vocabulary_colour(window: MainWindow, qtbot: Any) -> None:
    grid = window.sell.grid
    qtbot.waitUntil(lambda: grid.grid_model.rowCount() > 0)
    image = grid.viewport().grab().toImage()
    checked = 0
    for row, product in enumerate(grid.grid_model.products):
        rect = grid.visualRect(grid.grid_model.index(row, 0))
        if not grid.viewport().rect().contains(rect):
            continue
        stripe = image.pixelColor(rect.left() + 3 + 1 + 3, rect.center().y())  # the type stripe on the left
        assert stripe.name() == PRODUCT_TYPE.color(product.product_type), product.product_type
        checked += 1
    assert checked >= 2


@pytest.mark.parametrize("lang", ["th", "en"])
def test_type_buttons_and_labels_read_the_vocabulary(window: MainWindow, lang: str) -> None:
    install_language(lang)
    window.sell.load_catalogue()
    buttons = {k: b.text() for k, b in window.sell.type_buttons.items() if k}
    assert buttons and all(text == PRODUCT_TYPE.short(k, lang).replace("&", "&&") for k, text in buttons.items())
    for t in PRODUCT_TYPE:
        assert type_label(t.key) == t.name(lang) and type_color(t.key) == QColor(t.color)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_pay_dialog_names_the_methods_from_the_vocabulary(window: MainWindow, qtbot: Any, lang: str) -> None:
    install_language(lang)
    scan(qtbot, window.sell.search, BAG)
    qtbot.keyClick(window.sell.search, Qt.Key.Key_F12)
    pay = modal(qtbot, PayDialog)
    tabs = [pay.tabs.tabText(i) for i in range(pay.tabs.count())]
    assert tabs == [f"{PAYMENT_METHOD.name(m, lang)} ({k})" for m, k in
                    (("cash", "F5"), ("promptpay", "F6"), ("transfer", "F7"))]
    pay.reject()


@pytest.mark.parametrize("lang", ["th", "en"])
def test_a_fair_defined_method_is_named_in_the_booth_and_coloured_in_the_chart(half_half: Term, qtbot: Any,
                                                                               lang: str) -> None:
    install_language(lang)
    assert method_name("half_half") == half_half.name(lang)
    assert methods_label("cash,half_half") == f"{PAYMENT_METHOD.name('cash', lang)} + {half_half.name(lang)}"
    card = ChartCard("methods")
    qtbot.addWidget(card)
    rows = [Row("cash", "เงินสด", "Cash", 30000, 3, 0, 7500), Row("half_half", half_half.th, half_half.en, 10000, 1, 0,
                                                                  2500)]
    show_methods(card, rows)
    qtbot.waitUntil(lambda: bool(card.chart.series()))
    series = card.chart.series()[0]
    assert isinstance(series, QPieSeries)
    colours = {s.label(): s.color().name() for s in series.slices()}
    assert colours[half_half.name(lang)] == half_half.color
    assert colours[PAYMENT_METHOD.name("cash", lang)] == PAYMENT_METHOD.color("cash")


def test_chart_axes_use_the_short_names(qapp: Any) -> None:
    for lang in ("th", "en"):
        install_language(lang)
        assert [short_type(k) for k in PRODUCT_TYPE.keys()] == [t.short(lang) for t in PRODUCT_TYPE]
        assert short_type("ของฝาก") == "ของฝาก"  # unknown: shown as written


def test_ts_fallback_lets_untranslated_texts_through(qapp: Any) -> None:
    # the organiser installs two .ts translators; a text one of them lacks must reach the other (or the source)
    booth, organiser = TsTranslator(ts_path("th")), TsTranslator(organiser_ts_path("th"))
    QCoreApplication.installTranslator(booth)
    QCoreApplication.installTranslator(organiser)
    try:
        assert QCoreApplication.translate("Main", "Sell") == "ขาย"  # only in the booth's file
        assert QCoreApplication.translate("NoSuchContext", "Not in any file") == "Not in any file"
    finally:
        QCoreApplication.removeTranslator(organiser)
        QCoreApplication.removeTranslator(booth)

