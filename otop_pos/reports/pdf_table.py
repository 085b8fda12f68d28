"""A lean multi-page table flowable for long report tables (thousands of rows), drawn with ``thai_pdf``.

``thai_table`` builds one platypus flowable per cell, which is right for short tables but slow for a
national fair's 3,000 vendors; this one measures each row once (wrapping Thai text at word boundaries
only where a cell is too narrow), splits across pages repeating the header, and draws every string
with ``draw_text`` so it looks right and extracts exactly. Numbers are right-aligned.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable

from otop_pos.reports.thai_pdf import Align, draw_text, font_name, has_thai, line_metrics, text_width, wrap_text

__all__ = ["LongTable"]

HEAD_FILL = colors.HexColor("#dfe6ee")
ZEBRA = colors.HexColor("#f5f7f9")
TOTAL_FILL = colors.HexColor("#eef1f4")
RULE = colors.HexColor("#9aa5b1")
HIGHLIGHT = colors.HexColor("#b00020")


class LongTable(Flowable):  # type: ignore[misc]
    """Rows of strings under a header row; ``total`` (optional) is a bold last row; the ``red_cols`` cells
    (default: all) of ``red_rows`` are drawn in red (e.g. cash differences)."""

    def __init__(self, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
                 aligns: Sequence[Align], *, size: float = 8.5, total: Sequence[str] | None = None,
                 red_rows: Sequence[int] = (), red_cols: Sequence[int] | None = None, _measured: Any = None) -> None:
        super().__init__()
        self.header = list(header)
        self.rows = rows
        self.widths = list(widths)
        self.aligns = list(aligns)
        self.size = size
        self.total = list(total) if total is not None else None
        self.red = set(red_rows)
        self.red_cols = set(red_cols) if red_cols is not None else set(range(len(self.widths)))
        self.pad = 3.0
        self.lead = size * 1.32
        self._measured: tuple[list[list[list[str]]], list[float]] | None = _measured
        if _measured is None:
            self._fit_numbers()
        self.width = sum(self.widths)
        self.height = 0.0

    def _fit_numbers(self) -> None:
        """Widen right-aligned columns whose numbers would not fit on one line (a number is never broken),
        taking the room from the widest left-aligned column."""
        for col, align in enumerate(self.aligns):
            if align != "right":
                continue
            cells = [(r[col], False) for r in self.rows] + ([(self.total[col], True)] if self.total else [])
            need = max((text_width(t, self.size, b) for t, b in cells if t and not has_thai(t)), default=0.0)
            short = need + 2 * self.pad + 0.5 - self.widths[col]
            donors = [k for k, a in enumerate(self.aligns) if a == "left"]
            if short <= 0 or not donors:
                continue
            donor = max(donors, key=lambda k: self.widths[k])
            give = min(short, self.widths[donor] * 0.4)
            self.widths[donor] -= give
            self.widths[col] += give

    def _lines(self, cells: Sequence[str], bold: bool) -> list[list[str]]:
        out = []
        for text, w in zip(cells, self.widths):
            room = w - 2 * self.pad
            if not text or text_width(text, self.size, bold) <= room:
                out.append([text])
            else:
                out.append(wrap_text(text, self.size, max(room, 4.0), bold) or [""])
        return out

    def _measure(self) -> tuple[list[list[list[str]]], list[float]]:
        if self._measured is None:
            cells = [self._lines(self.header, True)] + [self._lines(r, False) for r in self.rows]
            if self.total is not None:
                cells.append(self._lines(self.total, True))
            heights = [max(len(c) for c in row) * self.lead + self.pad * 1.4 for row in cells]
            self._measured = (cells, heights)
        return self._measured

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        heights = self._measure()[1]
        self.height = sum(heights)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        heights = self._measure()[1]
        used = heights[0]
        n = 0
        body = len(self.rows)
        while n < body and used + heights[1 + n] <= availHeight:
            used += heights[1 + n]
            n += 1
        if n == 0:
            return []
        if n == body:
            return [self] if self.total is None or used + heights[-1] <= availHeight else self._cut(n - 1)
        return self._cut(n)

    def _cut(self, n: int) -> list[Flowable]:
        if n <= 0:
            return []
        cells, heights = self._measure()
        head_c, head_h = cells[:1], heights[:1]
        first = LongTable(self.header, self.rows[:n], self.widths, self.aligns, size=self.size,
                          red_rows=[r for r in self.red if r < n], red_cols=list(self.red_cols),
                          _measured=(head_c + cells[1:1 + n], head_h + heights[1:1 + n]))
        rest = LongTable(self.header, self.rows[n:], self.widths, self.aligns, size=self.size, total=self.total,
                         red_rows=[r - n for r in self.red if r >= n], red_cols=list(self.red_cols),
                         _measured=(head_c + cells[1 + n:], head_h + heights[1 + n:]))
        return [first, rest]

    def draw(self) -> None:
        c = self.canv
        cells, heights = self._measure()
        ascent, _descent = line_metrics(self.size)
        y = self.height
        last = len(cells) - 1
        c.setLineWidth(0.4)
        for r, (row, h) in enumerate(zip(cells, heights)):
            is_head = r == 0
            is_total = self.total is not None and r == last
            fill = HEAD_FILL if is_head else TOTAL_FILL if is_total else ZEBRA if r % 2 == 0 else None
            if fill is not None:
                c.setFillColor(fill)
                c.rect(0, y - h, self.width, h, stroke=0, fill=1)
            red_row = (r - 1) in self.red and not is_head
            bold = is_head or is_total
            c.setFont(font_name(bold), self.size)  # for the plain (non-Thai) cells, drawn directly
            base = y - self.pad * 0.7 - ascent - (self.lead - self.size) * 0.35
            x = 0.0
            for col, (lines, w, align) in enumerate(zip(row, self.widths, self.aligns)):
                c.setFillColor(HIGHLIGHT if red_row and col in self.red_cols else colors.black)
                where: Align = "center" if is_head and align != "left" else align
                anchor = {"left": x + self.pad, "right": x + w - self.pad, "center": x + w / 2}[where]
                for k, line in enumerate(lines):
                    if has_thai(line):
                        draw_text(c, anchor, base - k * self.lead, line, self.size, bold=bold, align=where)
                    elif where == "right":
                        c.drawRightString(anchor, base - k * self.lead, line)
                    elif where == "center":
                        c.drawCentredString(anchor, base - k * self.lead, line)
                    else:
                        c.drawString(anchor, base - k * self.lead, line)
                x += w
            c.setStrokeColor(RULE)
            if is_head or is_total:
                c.setLineWidth(0.8)
                c.line(0, y - h, self.width, y - h)
                if is_total:
                    c.line(0, y, self.width, y)
                c.setLineWidth(0.4)
            y -= h
        c.setStrokeColor(RULE)
        c.line(0, 0, self.width, 0)
        c.rect(0, 0, self.width, self.height, stroke=1, fill=0)
