"""Charts for the organiser report PDF, drawn with reportlab canvas primitives as platypus flowables.

Horizontal bars (income per product type, top vendors), columns (income per day) and a ring (payment
mix). Every label goes through ``thai_pdf.draw_text``, so Thai looks right and extracts exactly; values are
baht with thousands separators.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable

from otop_pos.reports.thai_pdf import draw_text, line_metrics, text_width, wrap_text

__all__ = ["Bar", "BarChart", "ColumnChart", "RingChart", "PALETTE", "nice_step", "short_baht"]

PALETTE = ("#1f4e79", "#2e8b57", "#c8902b", "#8e3b46", "#5b7fa6", "#7a6a9a", "#3f9a9a", "#a0522d")
INK = colors.HexColor("#222222")
GREY = colors.HexColor("#6b6b6b")
GRID = colors.HexColor("#d9d9d9")


@dataclass(frozen=True)
class Bar:
    """One bar: its label, its value (satang; drawn from zero, negatives as zero) and the text shown beside it."""

    label: str
    value: int
    text: str


def nice_step(top: float, ticks: int = 5) -> float:
    """A round axis step (1, 2 or 5 × 10ⁿ) giving about ``ticks`` intervals up to ``top``."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * power:
            return m * power
    return 10 * power  # pragma: no cover


def short_baht(satang: float, lang: str) -> str:
    """An axis label in baht: "1,500" or, from a million, "1.5 ล้าน" / "1.5 M"."""
    baht = satang / 100
    if abs(baht) >= 1_000_000:
        value = f"{baht / 1_000_000:,.2f}".rstrip("0").rstrip(".")
        return f"{value} {'ล้าน' if lang == 'th' else 'M'}"
    return f"{baht:,.0f}"


class _Chart(Flowable):  # type: ignore[misc]
    """A fixed-size chart with a bold title line at the top."""

    def __init__(self, title: str, width: float, height: float, size: float) -> None:
        super().__init__()
        self.title = title
        self.width = width
        self.height = height
        self.size = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def _title(self, canvas: Any) -> float:
        """Draw the title; returns the y below it."""
        ascent, _descent = line_metrics(self.size + 1, True)
        canvas.setFillColor(INK)
        y = self.height - ascent
        for line in wrap_text(self.title, self.size + 1, self.width, True)[:2]:
            draw_text(canvas, 0, y, line, self.size + 1, bold=True)
            y -= (self.size + 1) * 1.35
        return y - self.size * 0.4


class BarChart(_Chart):
    """Horizontal bars, one per item, label on the left (wrapped to two lines), value text after the bar."""

    def __init__(self, title: str, bars: Sequence[Bar], width: float, *, size: float = 8.5,
                 label_width: float | None = None, color: str = PALETTE[0], colors_by_bar: bool = False) -> None:
        self.bars = list(bars)
        self.label_width = label_width if label_width is not None else width * 0.36
        self.row = size * 2.6
        self.color = color
        self.colors_by_bar = colors_by_bar
        title_lines = len(wrap_text(title, size + 1, width, True)[:2])
        super().__init__(title, width, title_lines * (size + 1) * 1.35 + size * 0.6 + self.row * max(1, len(bars)),
                         size)

    def draw(self) -> None:
        c = self.canv
        top = self._title(c)
        largest = max([b.value for b in self.bars] + [1])
        value_room = max([text_width(b.text, self.size) for b in self.bars] + [0]) + 6
        x0 = self.label_width + 4
        span = max(10.0, self.width - x0 - value_room)
        ascent, descent = line_metrics(self.size)
        for i, bar in enumerate(self.bars):
            y_top = top - i * self.row
            mid = y_top - self.row / 2
            lines = wrap_text(bar.label, self.size, self.label_width)[:2]
            if len(lines) == 2 and len(wrap_text(bar.label, self.size, self.label_width)) > 2:
                lines[1] = lines[1].rstrip() + "…"
            lead = self.size * 1.15
            base = mid + (len(lines) - 1) * lead / 2 - (ascent + descent) / 2
            c.setFillColor(INK)
            for k, line in enumerate(lines):
                draw_text(c, self.label_width, base - k * lead, line, self.size, align="right")
            length = span * max(bar.value, 0) / largest
            shade = PALETTE[i % len(PALETTE)] if self.colors_by_bar else self.color
            c.setFillColor(colors.HexColor(shade))
            c.rect(x0, mid - self.row * 0.3, max(length, 0.5), self.row * 0.6, stroke=0, fill=1)
            c.setFillColor(INK)
            draw_text(c, x0 + length + 4, mid - (ascent + descent) / 2, bar.text, self.size)


class ColumnChart(_Chart):
    """Vertical columns over a baht axis with round steps; labels under the columns (thinned when crowded)."""

    def __init__(self, title: str, bars: Sequence[Bar], width: float, height: float, *, lang: str = "th",
                 size: float = 8, color: str = PALETTE[0], show_values: bool = True) -> None:
        super().__init__(title, width, height, size)
        self.bars = list(bars)
        self.lang = lang
        self.color = color
        self.show_values = show_values

    def draw(self) -> None:
        c = self.canv
        top = self._title(c) - self.size * 1.2  # room for the value over the highest column
        largest = max([b.value for b in self.bars] + [1])
        step = nice_step(largest)
        axis_top = step * math.ceil(largest / step)
        ticks = [step * k for k in range(round(axis_top / step) + 1)]
        axis_w = max(text_width(short_baht(t, self.lang), self.size) for t in ticks) + 6
        bottom = self.size * 2.8
        plot_h = max(10.0, top - bottom)
        plot_w = self.width - axis_w
        ascent, descent = line_metrics(self.size)
        c.setLineWidth(0.4)
        for t in ticks:
            y = bottom + plot_h * t / axis_top
            c.setStrokeColor(GRID)
            c.line(axis_w, y, self.width, y)
            c.setFillColor(GREY)
            draw_text(c, axis_w - 4, y - (ascent + descent) / 2, short_baht(t, self.lang), self.size, align="right")
        n = max(1, len(self.bars))
        slot = plot_w / n
        every = max(1, math.ceil(max([text_width(b.label, self.size) for b in self.bars] + [0]) / (slot * 0.95)))
        for i, bar in enumerate(self.bars):
            x = axis_w + i * slot
            h = plot_h * max(bar.value, 0) / axis_top
            c.setFillColor(colors.HexColor(self.color))
            c.rect(x + slot * 0.18, bottom, slot * 0.64, h, stroke=0, fill=1)
            c.setFillColor(INK)
            if self.show_values and bar.value and text_width(bar.text, self.size - 1) <= slot * 1.05:
                draw_text(c, x + slot / 2, bottom + h + 2.5, bar.text, self.size - 1, align="center")
            if i % every == 0:
                draw_text(c, x + slot / 2, bottom - self.size * 1.3, bar.label, self.size, align="center")
        c.setStrokeColor(GREY)
        c.line(axis_w, bottom, self.width, bottom)


class RingChart(_Chart):
    """A ring of shares (payment mix) with a legend: label, share and amount per slice."""

    def __init__(self, title: str, bars: Sequence[Bar], width: float, *, size: float = 8.5,
                 centre: str = "") -> None:
        self.bars = list(bars)
        self.centre = centre
        title_lines = len(wrap_text(title, size + 1, width, True)[:2])
        self.ring = min(width * 0.42, 118.0)
        legend_h = len(bars) * size * 2.7
        super().__init__(title, width, title_lines * (size + 1) * 1.35 + size * 0.6 + max(self.ring, legend_h) + 4,
                         size)

    def draw(self) -> None:
        c = self.canv
        top = self._title(c)
        total = sum(max(b.value, 0) for b in self.bars)
        d = self.ring
        cx, cy = d / 2, top - d / 2
        angle = 90.0
        c.setStrokeColor(colors.white)
        c.setLineWidth(1)
        if total <= 0:
            c.setFillColor(GRID)
            c.circle(cx, cy, d / 2, stroke=0, fill=1)
        for i, bar in enumerate(self.bars):
            if total <= 0 or bar.value <= 0:
                continue
            extent = 360.0 * bar.value / total
            c.setFillColor(colors.HexColor(PALETTE[i % len(PALETTE)]))
            if extent >= 359.99:
                c.circle(cx, cy, d / 2, stroke=0, fill=1)
            else:
                c.wedge(cx - d / 2, cy - d / 2, cx + d / 2, cy + d / 2, angle - extent, extent, stroke=1, fill=1)
            angle -= extent
        c.setFillColor(colors.white)
        c.circle(cx, cy, d * 0.29, stroke=0, fill=1)
        c.setFillColor(INK)
        if self.centre:
            ascent, descent = line_metrics(self.size)
            draw_text(c, cx, cy - (ascent + descent) / 2, self.centre, self.size, bold=True, align="center")
        lx = d + 12
        row = self.size * 2.7
        y = top - self.size * 1.2
        for i, bar in enumerate(self.bars):
            c.setFillColor(colors.HexColor(PALETTE[i % len(PALETTE)]))
            c.rect(lx, y - 1, self.size, self.size, stroke=0, fill=1)
            c.setFillColor(INK)
            draw_text(c, lx + self.size + 4, y, bar.label, self.size, bold=True)
            c.setFillColor(GREY)
            draw_text(c, lx + self.size + 4, y - self.size * 1.25, bar.text, self.size - 0.5)
            y -= row
