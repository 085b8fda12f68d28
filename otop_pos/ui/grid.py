"""The product grid of the sell screen: big touch tiles painted by a delegate (fast for thousands of products)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPen,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from otop_pos.booth.service import ProductInfo
from otop_pos.core.money import format_baht
from otop_pos.core.thai_wordbreak import wrap_thai
from otop_pos.ui.i18n import translate
from otop_pos.ui.models import ROW_ROLE, SECOND_LINE_ROLE, ProductGridModel
from otop_pos.ui.theme import ROLES, Ink, metrics, tile_background, type_color


def name_layout(name: str, font: QFont, width: float) -> QTextLayout:
    """A tile's product name laid out in lines of ``width``: Thai breaks between words (``wrap_thai``'s
    zero-width spaces, with or without libthai), a word wider than the line anywhere."""
    layout = QTextLayout(wrap_thai(name), font)
    opt = QTextOption(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    opt.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(opt)
    layout.beginLayout()
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    return layout


class TileDelegate(QStyledItemDelegate):
    """Paints one product: type colour band, name (wrapped Thai), the second line of a repeated name, price,
    stock and sold-out state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.size = QSize(metrics().tile_w, metrics().tile_h)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        return self.size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        product: ProductInfo | None = index.data(ROW_ROLE)
        if product is None:
            return
        m = metrics()
        cell: QRect = option.rect  # type: ignore[attr-defined]
        view = self.parent()
        rect = (view.painted_rect(cell) if isinstance(view, ProductGrid) else cell).adjusted(3, 3, -3, -3)
        color = type_color(product.product_type)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        hover = bool(option.state & QStyle.StateFlag.State_MouseOver)  # type: ignore[attr-defined]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bg = QColor(Ink.SOLD_OUT_BG if product.sold_out else tile_background(color.name(), hover))
        painter.setPen(QPen(color.darker(130) if selected else color, 3 if selected else 1))
        painter.setBrush(bg)
        painter.drawRoundedRect(QRectF(rect), 8, 8)
        painter.fillRect(QRect(rect.left() + 1, rect.top() + 6, 6, rect.height() - 12), color)
        pad = max(6, m.base // 2)
        inner = rect.adjusted(pad + 6, pad // 2, -pad, -pad // 2)
        name_font = QFont(painter.font())
        name_font.setPixelSize(m.base)
        name_font.setWeight(QFont.Weight.DemiBold)
        price_font = QFont(painter.font())
        price_font.setPixelSize(round(m.base * 1.15))
        price_font.setWeight(QFont.Weight.Bold)
        price_h = QFontMetrics(price_font).height()
        small = QFont(painter.font())
        small.setPixelSize(max(10, round(m.base * 0.8)))
        small.setWeight(QFont.Weight.Bold)
        second: str = index.data(SECOND_LINE_ROLE) or ""
        second_h = QFontMetrics(small).height() if second else 0
        name_rect = QRectF(inner.left(), inner.top(), inner.width(), inner.height() - price_h - second_h)
        painter.setFont(name_font)
        text = QColor(ROLES.tile_sold_out.fg if product.sold_out else Ink.TEXT)
        painter.setPen(text)
        painter.setClipRect(name_rect)
        layout = name_layout(product.name, name_font, name_rect.width())
        layout.draw(painter, name_rect.topLeft())
        painter.setClipping(False)
        if second:  # right under the name (under its last line that fits)
            top = name_rect.top() + min(layout.boundingRect().height(), name_rect.height())
            painter.setFont(small)
            painter.setPen(QColor(ROLES.tile_sold_out.fg if product.sold_out else Ink.MUTED))
            painter.drawText(QRectF(inner.left(), top, inner.width(), second_h),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             QFontMetrics(small).elidedText(second, Qt.TextElideMode.ElideLeft, inner.width()))
        bottom = QRect(inner.left(), inner.bottom() - price_h, inner.width(), price_h)
        painter.setFont(price_font)
        painter.setPen(text)
        painter.drawText(bottom, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         f"฿{format_baht(product.price_satang, decimals=False)}")
        painter.setFont(small)
        if product.sold_out:
            painter.setPen(QColor(ROLES.tile_sold_out_mark.fg))
            painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             translate("Sell", "Sold out"))
        elif product.stock is not None:
            painter.setPen(QColor(Ink.ERROR if product.stock <= 0 else Ink.MUTED))
            painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             translate("Sell", "Left: {n}").format(n=product.stock))
        painter.restore()


class ProductGrid(QListView):
    """Tiles in rows; a click or Enter on a tile emits ``chosen(product)``."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid_model = ProductGridModel(self)
        self.setModel(self.grid_model)
        self.delegate = TileDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setWrapping(True)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.setMouseTracking(True)
        self.setSpacing(0)
        self.setStyleSheet(f"QListView {{ background: {Ink.WINDOW}; border: none; }}")
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # see tile_size
        self.clicked.connect(self._clicked)
        self.apply_metrics()

    def tile_size(self) -> QSize:
        """Tiles at least the theme's width, as many to a row as fit, stretched so that each row fills the view.

        The scroll bar is always there, so the width the tiles have does not change with the number of rows: a
        bar coming and going under the layout left the grid a column short beside a gap (1920×1080 before)."""
        m = metrics()
        width = max(m.tile_w, self.viewport().width())
        columns = max(1, width // m.tile_w)
        return QSize(width // columns, m.tile_h)

    def painted_rect(self, cell: QRect) -> QRect:
        """Where the tile of grid cell ``cell`` is painted: the cells' few leftover pixels (the view's width
        rarely divides by the columns) shared out between the tiles, so that a row reaches the right edge."""
        width = self.gridSize().width()
        view = self.viewport().width()
        if width <= 0 or cell.left() < 0:
            return cell
        columns = max(1, view // width)
        col = min(columns - 1, (cell.left() + self.horizontalOffset()) // width)
        left, right = col * view // columns, (col + 1) * view // columns
        return QRect(cell.left() - col * width + left, cell.top(), right - left, cell.height())

    def apply_metrics(self) -> None:
        """Size the tiles for the view as it is now (see ``tile_size``)."""
        size = self.tile_size()
        if size != self.gridSize():
            self.delegate.size = size
            self.setGridSize(size)
        self.verticalScrollBar().setSingleStep(metrics().tile_h // 3)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.apply_metrics()

    def set_catalogue(self, products: Sequence[ProductInfo]) -> None:
        """The active catalogue the shown tiles come from (names that repeat in it get a second line)."""
        self.grid_model.set_catalogue(products)

    def set_products(self, products: list[ProductInfo]) -> None:
        self.grid_model.set_products(products)

    def _clicked(self, index: QModelIndex) -> None:
        product = index.data(ROW_ROLE)
        if product is not None:
            self.chosen.emit(product)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            index = self.currentIndex()
            if index.isValid():
                self._clicked(index)
                return
        super().keyPressEvent(event)

    def tile_rect(self, row: int) -> QRect:
        """Where tile ``row`` is drawn (tests click it)."""
        return self.visualRect(self.grid_model.index(row, 0))

    def product_at(self, row: int) -> Any:
        return self.grid_model.products[row]
