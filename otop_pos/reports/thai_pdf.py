"""Thai text in reportlab PDFs that both looks right and gives its text back exactly.

reportlab alone draws every character with its default glyph, so tone marks collide with upper
vowels (ครั้งที่); with reportlab's own HarfBuzz shaping the page looks right but ``pdftotext``
loses the marks, because the substituted glyphs have no Unicode mapping. This module does both:

* the visible layer is shaped with HarfBuzz (``uharfbuzz``) and each glyph is drawn as its outline,
  stored once per document as a Form XObject and placed at the shaped position; outlines are not
  text, so extractors do not see them twice;
* an invisible text layer (text render mode 3) carries the original Unicode string in the same
  font, size and place, horizontally scaled to the shaped width: ``pdftotext``, ``pypdf``, search
  and copy/paste read exactly the characters given, in logical order.

Text without Thai characters is drawn as ordinary visible text. ``wrap_text`` breaks lines at
Thai word boundaries (``thai_wordbreak``) and Latin spaces. ``ThaiParagraph`` and ``thai_table``
bring both into platypus documents (multi-page tables with right-aligned numbers).
"""
from __future__ import annotations

import os
import tempfile
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import uharfbuzz as hb
from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Table, TableStyle

from otop_pos.core.outfiles import DISK_FULL, make_folder, write_error
from otop_pos.core.resources import resource_path
from otop_pos.core.thai_wordbreak import segment, split_word

__all__ = [
    "FONT_REGULAR", "FONT_BOLD", "Align", "font_dir", "register_fonts", "font_name", "has_thai",
    "text_width", "draw_text", "wrap_text", "line_metrics", "ThaiParagraph", "thai_table",
    "atomic_output",
]

Align = Literal["left", "right", "center"]
FONT_REGULAR = "Sarabun"
FONT_BOLD = "Sarabun-Bold"
_FILES = {FONT_REGULAR: "Sarabun-Regular.ttf", FONT_BOLD: "Sarabun-Bold.ttf"}
LEADING_FACTOR = 1.45  # Thai needs room above (stacked marks) and below (ุ ู, ญ ฎ ฏ)


def font_dir() -> Path:
    """The folder holding the bundled Sarabun fonts: from a frozen build, a checkout or an installed wheel."""
    return resource_path("fonts")


def font_name(bold: bool = False) -> str:
    """The reportlab font name for regular or bold Sarabun (registered on first use)."""
    register_fonts()
    return FONT_BOLD if bold else FONT_REGULAR


@lru_cache(maxsize=1)
def register_fonts() -> None:
    """Register Sarabun regular and bold with reportlab (once per process)."""
    folder = font_dir()
    for name, file in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    pdfmetrics.registerFontFamily(
        FONT_REGULAR, normal=FONT_REGULAR, bold=FONT_BOLD, italic=FONT_REGULAR, boldItalic=FONT_BOLD
    )


@dataclass(frozen=True)
class _Face:
    font: Any  # uharfbuzz.Font
    upem: int
    ascender: int
    descender: int
    tag: str


@lru_cache(maxsize=2)
def _face(bold: bool) -> _Face:
    path = font_dir() / _FILES[FONT_BOLD if bold else FONT_REGULAR]
    face = hb.Face(hb.Blob.from_file_path(str(path)))
    font = hb.Font(face)
    ext = font.get_font_extents("ltr")
    return _Face(font, face.upem, ext.ascender, ext.descender, "B" if bold else "R")


def has_thai(text: str) -> bool:
    """True when ``text`` holds any character of the Thai block (then it is shaped)."""
    return any("\u0e00" <= ch <= "\u0e7f" for ch in text)


@lru_cache(maxsize=8192)
def _shape(text: str, bold: bool) -> tuple[tuple[tuple[int, int, int], ...], int]:
    """HarfBuzz glyphs (id, x, y) in font units, and the total advance."""
    face = _face(bold)
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    hb.shape(face.font, buf, {})
    glyphs = []
    pen = 0
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions):
        glyphs.append((info.codepoint, pen + pos.x_offset, pos.y_offset))
        pen += pos.x_advance
    return tuple(glyphs), pen


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in points of ``text`` as ``draw_text`` draws it."""
    if has_thai(text):
        face = _face(bold)
        return _shape(text, bold)[1] * size / face.upem
    return float(pdfmetrics.stringWidth(text, font_name(bold), size))


def line_metrics(size: float, bold: bool = False) -> tuple[float, float]:
    """(ascent, descent) in points for one line at ``size``: descent is negative."""
    face = _face(bold)
    return face.ascender * size / face.upem, face.descender * size / face.upem


class _CubicPen:
    """Feeds HarfBuzz outlines (quadratic or cubic) into a reportlab path."""

    def __init__(self, path: Any) -> None:
        self.path = path
        self.current = (0.0, 0.0)
        self.empty = True

    def moveTo(self, pt: tuple[float, float]) -> None:  # noqa: N802 - pen protocol
        self.path.moveTo(*pt)
        self.current = pt
        self.empty = False

    def lineTo(self, pt: tuple[float, float]) -> None:  # noqa: N802
        self.path.lineTo(*pt)
        self.current = pt

    def curveTo(self, *pts: tuple[float, float]) -> None:  # noqa: N802
        (x1, y1), (x2, y2), (x3, y3) = pts
        self.path.curveTo(x1, y1, x2, y2, x3, y3)
        self.current = (x3, y3)

    def qCurveTo(self, *pts: tuple[float, float]) -> None:  # noqa: N802
        # one or more quadratic segments with implied on-curve points between controls
        controls, end = list(pts[:-1]), pts[-1]
        for k, (cx, cy) in enumerate(controls):
            if k + 1 < len(controls):
                nx, ny = controls[k + 1]
                target = ((cx + nx) / 2, (cy + ny) / 2)
            else:
                target = end
            x0, y0 = self.current
            x, y = target
            self.path.curveTo(
                x0 + 2 / 3 * (cx - x0), y0 + 2 / 3 * (cy - y0),
                x + 2 / 3 * (cx - x), y + 2 / 3 * (cy - y), x, y,
            )
            self.current = target

    def closePath(self) -> None:  # noqa: N802
        self.path.close()


def _glyph_form(canvas: Any, face: _Face, gid: int) -> str | None:
    """The Form XObject name holding glyph ``gid`` (made once per document); None if blank."""
    name = f"otopg{face.tag}{gid}"
    if canvas.hasForm(name):
        return name
    blank: set[str] = canvas.__dict__.setdefault("_otop_blank_glyphs", set())
    if name in blank:
        return None
    canvas.saveState()  # gives the page stream content, so beginForm keeps it aside correctly
    canvas.beginForm(name, -face.upem, -face.upem, 3 * face.upem, 2 * face.upem)
    path = canvas.beginPath()
    pen = _CubicPen(path)
    face.font.draw_glyph_with_pen(gid, pen)
    if not pen.empty:
        canvas.drawPath(path, stroke=0, fill=1)
    canvas.endForm()
    canvas.restoreState()
    if pen.empty:
        blank.add(name)
        return None
    return name


def draw_text(
    canvas: Any, x: float, y: float, text: str, size: float, bold: bool = False,
    align: Align = "left",
) -> float:
    """Draw one line of ``text`` with its baseline at ``y``; returns its width in points.

    ``align`` says whether ``x`` is the left end, the right end or the centre of the line.
    Uses the canvas's current fill colour.
    """
    width = text_width(text, size, bold)
    if align == "right":
        x -= width
    elif align == "center":
        x -= width / 2
    if not text:
        return 0.0
    fontname = font_name(bold)
    if not has_thai(text):
        canvas.saveState()
        canvas.setFont(fontname, size)
        canvas.drawString(x, y, text)
        canvas.restoreState()
        return width
    face = _face(bold)
    glyphs, _advance = _shape(text, bold)
    scale = size / face.upem
    names = [_glyph_form(canvas, face, gid) for gid, _gx, _gy in glyphs]
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(scale, scale)
    for name, (_gid, gx, gy) in zip(names, glyphs):
        if name is not None:
            canvas.saveState()
            canvas.translate(gx, gy)
            canvas.doForm(name)
            canvas.restoreState()
    canvas.restoreState()
    # the invisible layer: the original characters, stretched to the shaped width
    plain = float(pdfmetrics.stringWidth(text, fontname, size))
    canvas.saveState()
    layer = canvas.beginText(x, y)
    layer.setTextRenderMode(3)
    layer.setFont(fontname, size)
    if plain > 0 and abs(plain - width) > 0.01:
        layer.setHorizScale(100.0 * width / plain)
    layer.textOut(text)
    canvas.drawText(layer)
    canvas.restoreState()
    return width


def _graphemes(text: str) -> list[str]:
    """Characters with their combining marks attached (a mark never starts a piece)."""
    out: list[str] = []
    for ch in text:
        if out and ("\u0e31" == ch or "\u0e33" <= ch <= "\u0e3a" or "\u0e47" <= ch <= "\u0e4e"):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def wrap_text(text: str, size: float, max_width: float, bold: bool = False) -> list[str]:
    """Lines of ``text`` no wider than ``max_width`` (points), broken at word boundaries.

    Thai breaks between dictionary words (never inside a known word, never before a mark),
    Latin at spaces; "\\n" starts a new line. Only a single word wider than the whole line is
    cut, between its parts, clusters or (Latin) letters. Trailing spaces are dropped.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        queue = deque(segment(paragraph))
        line = ""
        while queue:
            piece = queue.popleft()
            if text_width((line + piece).rstrip(), size, bold) <= max_width:
                line += piece
                continue
            if line.strip():
                lines.append(line.rstrip())
                line = ""
                queue.appendleft(piece)
                continue
            parts = split_word(piece)
            if len(parts) == 1:
                parts = _graphemes(piece)
            if len(parts) == 1:  # one character wider than the line: it goes alone
                lines.append(piece.rstrip())
                continue
            queue.extendleft(reversed(parts))
        if line or paragraph == "":
            lines.append(line.rstrip())
    return lines


class ThaiParagraph(Flowable):  # type: ignore[misc]
    """A platypus flowable: ``text`` wrapped at Thai word boundaries, drawn by ``draw_text``."""

    def __init__(
        self, text: str, size: float = 10, *, bold: bool = False, align: Align = "left",
        leading: float | None = None, color: Any = None, space_before: float = 0,
        space_after: float = 0, lines: Sequence[str] | None = None,
    ) -> None:
        super().__init__()
        self.text = text
        self.size = size
        self.bold = bold
        self.align = align
        self.leading = leading if leading is not None else size * LEADING_FACTOR
        self.color = color
        self.spaceBefore = space_before
        self.spaceAfter = space_after
        self._lines: list[str] | None = list(lines) if lines is not None else None
        self._avail = 0.0

    def _settings(self) -> dict[str, Any]:
        return {"bold": self.bold, "align": self.align, "leading": self.leading, "color": self.color}

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._avail = availWidth
        if self._lines is None or getattr(self, "_wrapped_for", None) != availWidth:
            self._lines = wrap_text(self.text, self.size, max(availWidth, 1.0), self.bold)
            self._wrapped_for = availWidth
        self.width = availWidth
        self.height = len(self._lines) * self.leading
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self.wrap(availWidth, availHeight)
        assert self._lines is not None
        fit = int(availHeight // self.leading)
        if fit <= 0 or fit >= len(self._lines):
            return [] if fit <= 0 else [self]
        head, tail = self._lines[:fit], self._lines[fit:]
        first = ThaiParagraph("\n".join(head), self.size, lines=head, space_before=self.spaceBefore,
                              **self._settings())
        rest = ThaiParagraph("\n".join(tail), self.size, lines=tail, space_after=self.spaceAfter,
                             **self._settings())
        return [first, rest]

    def draw(self) -> None:
        assert self._lines is not None
        canvas = self.canv
        ascent, descent = line_metrics(self.size, self.bold)
        pad = (self.leading - (ascent - descent)) / 2
        if self.color is not None:
            canvas.setFillColor(self.color)
        for k, line in enumerate(self._lines):
            baseline = self.height - k * self.leading - pad - ascent
            x = {"left": 0.0, "right": self.width, "center": self.width / 2}[self.align]
            draw_text(canvas, x, baseline, line, self.size, self.bold, self.align)


def thai_table(
    rows: Sequence[Sequence[Any]], col_widths: Sequence[float], *, size: float = 9,
    aligns: Sequence[Align] | None = None, header_rows: int = 1, bold_rows: Iterable[int] = (),
    grid: bool = True, zebra: bool = False, padding: float = 3,
    extra_style: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A reportlab ``Table`` of Thai cells that splits across pages, repeating its header.

    ``rows`` hold strings (wrapped by ``ThaiParagraph``) or ready flowables; ``aligns`` gives one
    alignment per column (e.g. "right" for numbers); header rows and ``bold_rows`` (negative
    indices allowed) are bold. ``extra_style`` adds TableStyle commands.
    """
    ncols = len(col_widths)
    col_aligns: list[Align] = list(aligns) if aligns is not None else ["left"] * ncols
    bold = {r % len(rows) for r in bold_rows} if rows else set()
    data: list[list[Flowable]] = []
    for r, row in enumerate(rows):
        is_bold = r < header_rows or r in bold
        cells: list[Flowable] = []
        for c, cell in enumerate(row):
            if isinstance(cell, str):
                cells.append(ThaiParagraph(cell, size, bold=is_bold, align=col_aligns[c]))
            else:
                cells.append(cell)
        data.append(cells)
    style: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("TOPPADDING", (0, 0), (-1, -1), padding / 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding / 2),
    ]
    if grid:
        style.append(("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9a9a9a")))
    if header_rows:
        style.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#e8e8e8")))
    if zebra:
        shades = [colors.white, colors.HexColor("#f6f6f6")]
        style.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), shades))
    style.extend(extra_style)
    return Table(data, colWidths=list(col_widths), repeatRows=header_rows, style=TableStyle(style))


@contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[str]:
    """Yield a temporary file name next to ``path``; it replaces ``path`` only on success.

    A reader never sees a half-written PDF or PNG, and a failed write leaves no debris.
    A folder that cannot be made or a file that cannot be written is an ``OutputError`` naming it.
    """
    target = Path(path)
    make_folder(target.parent)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise write_error(target, exc) from exc
    os.close(fd)
    try:
        yield tmp
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        if exc.errno in DISK_FULL or exc.filename in (tmp, str(target)) or exc.filename2 == str(target):
            raise write_error(target, exc) from exc
        raise
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
