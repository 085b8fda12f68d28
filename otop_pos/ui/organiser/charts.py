"""The dashboard's charts (QtCharts): income per product type, payment mix, income per day (or per hour for a
single day) and the top vendors. Money axes use one unit per chart (baht, thousand or million baht) with
thousands separators; bars show the exact amount as a tooltip.
"""
from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QPieSeries,
    QStackedBarSeries,
)
from PySide6.QtCore import QMargins, QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QCursor, QFontMetrics, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QStackedLayout,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from otop_pos.core.thai_wordbreak import segment
from otop_pos.core.vocabulary import FAIR_METHOD_DEFAULTS, OTHER, PAYMENT_METHOD, PRODUCT_TYPE
from otop_pos.reports.model import Row, VendorRow
from otop_pos.ui.fonts import app_font
from otop_pos.ui.organiser.i18n import current_lang, money, share, translate
from otop_pos.ui.theme import OTHER_COLOR, ROLES, Ink, product_type, type_color

DAY_COLOR = Ink.SERIES_DAY
VENDOR_COLOR = Ink.SERIES_VENDOR


@dataclass(frozen=True)
class MoneyScale:
    """How a money axis is written: values divided by ``divisor`` satang, unit named in the axis title."""

    divisor: int
    unit_th: str
    unit_en: str
    decimals: int

    def unit(self) -> str:
        """The unit in the current language."""
        return self.unit_en if current_lang() == "en" else self.unit_th

    def label(self, satang: int) -> str:
        """A tick label: ``120,000`` or ``1.5``."""
        value = satang / self.divisor
        return f"{value:,.{self.decimals}f}"


def money_scale(max_satang: int) -> MoneyScale:
    """Baht up to 100,000 baht, thousands of baht up to 10 M baht, else millions."""
    baht = max_satang / 100
    if baht < 100_000:
        return MoneyScale(100, "บาท", "baht", 0)
    if baht < 10_000_000:
        return MoneyScale(100_000, "พันบาท", "thousand baht", 0)
    return MoneyScale(100_000_000, "ล้านบาท", "million baht", 1)


def nice_ticks(max_satang: int, count: int = 4) -> list[int]:
    """Round tick values from 0 covering ``max_satang`` (steps of 1, 2, 2.5 or 5 × 10ⁿ satang-baht)."""
    top = max(int(max_satang), 100)
    raw = top / count
    magnitude = 10 ** (len(str(int(raw))) - 1)
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    step = max(int(step), 1)
    ticks = [0]
    while ticks[-1] < top:
        ticks.append(ticks[-1] + step)
    return ticks


def money_axis(max_satang: int) -> QCategoryAxis:
    """A value axis in baht with round ticks and thousands separators; its title names the unit."""
    scale = money_scale(max(nice_ticks(max_satang)))
    axis = QCategoryAxis()
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    ticks = nice_ticks(max_satang)
    for t in ticks:
        axis.append(scale.label(t), t / 100)
    axis.setRange(0, ticks[-1] / 100)
    axis.setStartValue(0)
    _style_axis(axis)
    axis.setGridLineColor(QColor(Ink.GRIDLINE))
    return axis


def _style_axis(axis: QBarCategoryAxis | QCategoryAxis) -> None:
    axis.setTruncateLabels(False)
    axis.setLabelsFont(app_font(13))
    axis.setLabelsColor(QColor(ROLES.chart_label.fg))
    axis.setLinePen(QPen(QColor(Ink.AXIS)))


def short_type(key: str) -> str:
    """A product type's short name (the vocabulary's) for an axis."""
    lang = current_lang()
    return PRODUCT_TYPE.short(key, lang) if key else OTHER[lang == "en"]


class ChartCard(QFrame):
    """A white card: a title, and a chart or a "no sales" note."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.base_title = title
        self.setObjectName("card")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        lay.setSpacing(0)
        self.title = QLabel(title)
        self.title.setObjectName("cardtitle")
        lay.addWidget(self.title)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.setBackgroundVisible(False)
        self.chart.setMargins(QMargins(4, 12, 22, 4))
        self.chart.layout().setContentsMargins(0, 0, 0, 0)
        self.chart.legend().setFont(app_font(13))
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setStyleSheet("background: transparent;")
        self.view.setMinimumHeight(180)
        self.empty = QLabel(translate("OrgCharts", "No sales in these days yet."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("caption")
        holder = QWidget()
        self.stack = QStackedLayout(holder)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        lay.addWidget(holder, 1)
        self.note = QLabel("")
        self.note.setTextFormat(Qt.TextFormat.RichText)
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.hide()
        lay.addWidget(self.note)
        self._renderer: Callable[[], None] | None = None
        self._rendered_size = (0, 0)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(120)
        self._resize_timer.timeout.connect(self._rerender)

    def draw_with(self, draw: Callable[[], None]) -> None:
        """Draw with ``draw`` now, and again when the card's width changes (labels are fitted to it)."""
        self._renderer = draw
        self._rendered_size = (self.width(), self.height())
        draw()

    def _rerender(self) -> None:
        w, h = self._rendered_size
        if self._renderer is not None and (abs(self.width() - w) > 24 or abs(self.height() - h) > 24):
            self._rendered_size = (self.width(), self.height())
            self._renderer()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._renderer is not None:
            self._resize_timer.start()

    def label_budget(self, share: float) -> int:
        """Pixels available for axis labels taking ``share`` of the card's width."""
        return max(60, int(self.width() * share))

    def set_title(self, title: str, unit: str = "") -> None:
        """The card's title, with the money unit of its axis in brackets."""
        self.base_title = title
        self.title.setText(f"{title} ({unit})" if unit else title)

    def clear(self) -> None:
        """Remove every series and axis."""
        self.note.hide()
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        self.chart.legend().setVisible(False)

    def show_empty(self, empty: bool) -> None:
        """Show the "no sales" note instead of the chart."""
        self.stack.setCurrentWidget(self.empty if empty else self.view)


def _tooltip(texts: Sequence[str]):  # type: ignore[no-untyped-def]
    def show(status: bool, index: int) -> None:
        if status and 0 <= index < len(texts):
            QToolTip.showText(QCursor.pos() + QPoint(12, 8), texts[index])
        else:
            QToolTip.hideText()
    return show


def _column_chart(card: ChartCard, labels: list[str], values: list[int], colors: list[str],
                  tips: list[str], *, horizontal: bool = False) -> None:
    """One bar per category, each in its own colour (a stacked series with one set per colour)."""
    card.clear()
    empty = not values or max(values) <= 0
    card.show_empty(empty)
    if empty:
        return
    series = QHorizontalStackedBarSeries() if horizontal else QStackedBarSeries()
    series.setBarWidth(0.62)
    for color in dict.fromkeys(colors):
        bar_set = QBarSet(color)
        bar_set.setColor(QColor(color))
        bar_set.setBorderColor(QColor(color))
        for value, c in zip(values, colors):
            bar_set.append(value / 100 if c == color and value > 0 else 0)
        bar_set.hovered.connect(_tooltip(tips))
        series.append(bar_set)
    card.chart.addSeries(series)
    cats = QBarCategoryAxis()
    cats.append(labels)
    _style_axis(cats)
    cats.setGridLineVisible(False)
    value_axis = money_axis(max(values))
    card.set_title(card.base_title, money_scale(max(nice_ticks(max(values)))).unit())
    if horizontal:
        card.chart.addAxis(cats, Qt.AlignmentFlag.AlignLeft)
        card.chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom)
    else:
        card.chart.addAxis(cats, Qt.AlignmentFlag.AlignBottom)
        card.chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(cats)
    series.attachAxis(value_axis)


def show_product_types(card: ChartCard, rows: Sequence[Row]) -> None:
    """Income per OTOP product type: one coloured bar per type (horizontal: the names stay readable)."""
    rows = [r for r in rows if r.net_satang or product_type(r.key) is not None]
    card.draw_with(lambda: _product_types(card, list(reversed(rows))))


def _product_types(card: ChartCard, rows: list[Row]) -> None:
    lang = current_lang()
    _column_chart(card, [short_type(r.key) for r in rows], [r.net_satang for r in rows],
                  [type_color(r.key).name() if product_type(r.key) else OTHER_COLOR for r in rows],
                  [f"{r.label(lang)}\n{money(r.net_satang)} ({share(r.share_bp)})" for r in rows], horizontal=True)


def show_days(card: ChartCard, rows: Sequence[Row], *, hours: bool = False) -> None:
    """Income per day (or per hour of one day)."""
    rows = list(rows)
    card.draw_with(lambda: _days(card, rows, hours))


def _days(card: ChartCard, rows: list[Row], hours: bool) -> None:
    lang = current_lang()
    labels = [str(int(r.key)) if r.key.isdigit() else r.key for r in rows] if hours else _day_labels(rows)
    _column_chart(card, labels, [r.net_satang for r in rows], [DAY_COLOR] * len(rows),
                  [f"{r.label(lang)}\n{money(r.net_satang)}" for r in rows])


def _day_labels(rows: Sequence[Row]) -> list[str]:
    """"26" over "ต.ค.", "27", "28" … "1" over "พ.ย.": the month only where it changes (the year is in the
    range above the charts)."""
    out: list[str] = []
    month = ""
    for r in rows:
        parts = r.label(current_lang()).split()
        if len(parts) < 2:
            out.append(r.label(current_lang()))
            continue
        out.append(parts[0] if parts[1] == month else f"{parts[0]}<br>{parts[1]}")
        month = parts[1]
    return out


def cut_at_word(text: str, metrics: QFontMetrics, room: int) -> str:
    """``text`` when it fits in ``room`` pixels, else its longest start of whole words that fits, with "…".

    Words are those of the Thai word breaker, so a name is never cut inside a word or a syllable
    ("กลุ่มแม่บ้าน…", never "กลุ่มแม่บ้..."); at least the first word is kept, even when it alone is too wide.
    """
    if metrics.horizontalAdvance(text) <= room:
        return text
    pieces = segment(text)
    kept = pieces[0].rstrip()
    for i in range(2, len(pieces)):
        head = "".join(pieces[:i]).rstrip()
        if metrics.horizontalAdvance(head + "…") > room:
            break
        kept = head
    return kept + "…"


def show_top_vendors(card: ChartCard, vendors: Sequence[VendorRow], limit: int = 10) -> None:
    """The vendors with the highest net income, highest on top (as many as the card's height shows)."""
    top = [v for v in vendors if v.net_satang > 0][:limit]
    card.draw_with(lambda: _top_vendors(card, top))


def _top_vendors(card: ChartCard, top: list[VendorRow]) -> None:
    metrics = QFontMetrics(app_font(13))
    fits = max(3, (card.height() - 90) // (metrics.height() + 6))
    top = top[:fits][::-1]  # a horizontal bar chart draws its first category at the bottom
    room = card.label_budget(0.3)
    names: list[str] = []
    for v in top:  # categories must be unique: a cut name seen already gets its booth in front
        name = cut_at_word(v.name, metrics, room)
        if name in names:
            name = f"{v.booth} {cut_at_word(v.name, metrics, room - metrics.horizontalAdvance(v.booth + ' '))}"
        names.append(name)
    _column_chart(card, names, [v.net_satang for v in top], [type_color(v.product_type).name() for v in top],
                  [f"{v.name} ({v.booth})\n{money(v.net_satang)}" for v in top], horizontal=True)


def _method_color(key: str) -> str:
    """A payment method's colour: the vocabulary's, or a built-in fair method's (card, the two schemes)."""
    if PAYMENT_METHOD.get(key) is None:
        for d in FAIR_METHOD_DEFAULTS:
            if d.term.key == key:
                return d.term.color
    return PAYMENT_METHOD.color(key)


def show_methods(card: ChartCard, rows: Sequence[Row]) -> None:
    """The payment mix as a donut (cash against PromptPay, transfer and other), its key written below."""
    card.clear()
    lang = current_lang()
    rows = [r for r in rows if r.net_satang > 0]
    card.show_empty(not rows)
    if not rows:
        return
    series = QPieSeries()
    series.setHoleSize(0.5)
    series.setPieSize(0.9)
    total = sum(r.net_satang for r in rows)
    keys = []
    for r in rows:
        pct = 100 * r.net_satang / total
        color = _method_color(r.key)
        pie_slice = series.append(r.label(lang), r.net_satang / 100)
        pie_slice.setColor(QColor(color))
        pie_slice.setBorderColor(QColor(Ink.SURFACE))
        pie_slice.setLabelVisible(False)
        tip = f"{r.label(lang)}\n{money(r.net_satang)} ({pct:.1f}%)"
        pie_slice.hovered.connect(lambda on, t=tip: QToolTip.showText(QCursor.pos(), t) if on
                                  else QToolTip.hideText())
        keys.append(f'<tr><td style="color:{color}; font-size:16px">■</td><td>{html.escape(r.label(lang))}</td>'
                    f'<td align="right"><b>{pct:.1f}%</b></td>'
                    f'<td align="right" style="color:{ROLES.chart_note.fg}">&nbsp;{money(r.net_satang)}</td></tr>')
    card.chart.addSeries(series)
    card.chart.legend().setVisible(False)
    card.note.setText(f'<table cellspacing="0" cellpadding="1" align="center">{"".join(keys)}</table>')
    card.note.show()
