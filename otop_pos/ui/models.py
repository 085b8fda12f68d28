"""Qt item models over use-case values: cart lines, product tiles, the products table, sales history (paged).

Models hold plain frozen dataclasses (never ORM objects). The history model loads pages of sales on demand
(``canFetchMore``/``fetchMore``), so 100,000 sales scroll without being read at once.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from otop_pos.booth.service import Cart, CartLine, ProductInfo, SaleLineView, SaleRow
from otop_pos.core.lookalike import distinguishing_labels
from otop_pos.core.money import format_baht
from otop_pos.core.thaidate import to_bangkok
from otop_pos.ui.i18n import QT_TRANSLATE_NOOP, date_text, method_name, money, translate
from otop_pos.ui.theme import ROLES, type_label

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SECOND_LINE_ROLE = Qt.ItemDataRole.UserRole + 2  # a tile's second line: what tells a repeated name apart
Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)


def _headers(names: Sequence[str], context: str) -> list[str]:
    return [translate(context, n) for n in names]


class _Table(QAbstractTableModel):
    """Shared plumbing: fixed translated headers, a list of rows, alignment per column."""

    HEADERS: tuple[str, ...] = ()
    CONTEXT = "Models"
    RIGHT: frozenset[int] = frozenset()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._headers = _headers(self.HEADERS, self.CONTEXT)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802,B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802,B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _RIGHT if section in self.RIGHT else _LEFT
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole and section >= 0:
            return str(section + 1)
        return None

    def row(self, i: int) -> Any:
        """The value behind row ``i``."""
        return self._rows[i]

    def text(self, row: Any, column: int) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < len(self._headers):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if index.column() in self.RIGHT else _LEFT
        if role == ROW_ROLE:
            return row
        return None


class CartModel(_Table):
    """The lines of the cart on screen."""

    HEADERS = (
        QT_TRANSLATE_NOOP("CartModel", "Item"),
        QT_TRANSLATE_NOOP("CartModel", "Qty"),
        QT_TRANSLATE_NOOP("CartModel", "Price"),
        QT_TRANSLATE_NOOP("CartModel", "Discount"),
        QT_TRANSLATE_NOOP("CartModel", "Total"),
    )
    CONTEXT = "CartModel"
    RIGHT = frozenset({1, 2, 3, 4})

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.cart = Cart()

    def set_cart(self, cart: Cart) -> None:
        """Show ``cart``: one added or removed line is inserted/removed, same length updates in place."""
        old, new = self.cart.lines, cart.lines
        if len(new) == len(old) + 1 and new[:len(old)] == old:
            self.beginInsertRows(QModelIndex(), len(old), len(old))
            self._set(cart)
            self.endInsertRows()
        elif len(new) == len(old) - 1 and len(old) > 0:
            gone = next((i for i in range(len(new)) if new[i] != old[i]), len(new))
            if new == old[:gone] + old[gone + 1:]:
                self.beginRemoveRows(QModelIndex(), gone, gone)
                self._set(cart)
                self.endRemoveRows()
            else:
                self._reset(cart)
        elif len(new) == len(old):
            self._set(cart)
            if new:
                self.dataChanged.emit(self.index(0, 0), self.index(len(new) - 1, len(self._headers) - 1))
        else:
            self._reset(cart)

    def _set(self, cart: Cart) -> None:
        self.cart = cart
        self._rows = list(cart.lines)

    def _reset(self, cart: Cart) -> None:
        self.beginResetModel()
        self._set(cart)
        self.endResetModel()

    def text(self, row: CartLine, column: int) -> str:
        if column == 0:
            return row.name
        if column == 1:
            return str(row.qty)
        if column == 2:  # a changed price shows the list price beside it
            price = format_baht(row.unit_price_satang)
            return f"{price} ({format_baht(row.list_price)})" if row.overridden else price
        if column == 3:
            if not row.discount_satang:
                return ""
            pct = f" ({row.discount.value / 100:g}%)" if row.discount and row.discount.kind == "percent" else ""
            return f"-{format_baht(row.discount_satang)}{pct}"
        return format_baht(row.total_satang)


class ProductGridModel(QAbstractListModel):
    """Product tiles of the sell screen (name, price, type colour, sold-out state, and for a name that repeats
    in the catalogue a second line with the part of the SKU that tells it apart)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.products: list[ProductInfo] = []
        self.second_lines: dict[str, str] = {}

    def set_catalogue(self, products: Sequence[ProductInfo]) -> None:
        """The whole active catalogue: names are compared across it (not only across the tiles shown)."""
        self.second_lines = distinguishing_labels(products)
        if self.products:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.products) - 1, 0))

    def set_products(self, products: Sequence[ProductInfo]) -> None:
        self.beginResetModel()
        self.products = list(products)
        self.endResetModel()

    def second_line(self, product: ProductInfo) -> str:
        """The tile's second line ("Code 0002-02"), empty for a name of its own."""
        code = self.second_lines.get(product.sku)
        return translate("Sell", "Code {code}").format(code=code) if code else ""

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802,B008
        return 0 if parent.isValid() else len(self.products)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.products):
            return None
        p = self.products[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return p.name
        if role == Qt.ItemDataRole.ToolTipRole:
            sold = " — " + translate("Sell", "Sold out") if p.sold_out else ""
            return f"{p.name}\n{p.sku}  ฿{format_baht(p.price_satang)}{sold}"
        if role == ROW_ROLE:
            return p
        if role == SECOND_LINE_ROLE:
            return self.second_line(p)
        return None


class ProductsTableModel(_Table):
    """The catalogue on the products screen, in quick-key order."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ProductsModel", "#"),
        QT_TRANSLATE_NOOP("ProductsModel", "SKU"),
        QT_TRANSLATE_NOOP("ProductsModel", "Name"),
        QT_TRANSLATE_NOOP("ProductsModel", "Type"),
        QT_TRANSLATE_NOOP("ProductsModel", "Price"),
        QT_TRANSLATE_NOOP("ProductsModel", "Barcode"),
        QT_TRANSLATE_NOOP("ProductsModel", "Stock"),
        QT_TRANSLATE_NOOP("ProductsModel", "Status"),
    )
    CONTEXT = "ProductsModel"
    RIGHT = frozenset({0, 4, 6})

    def set_products(self, products: Sequence[ProductInfo]) -> None:
        self.beginResetModel()
        self._rows = list(products)
        self.endResetModel()

    def position_of(self, sku: str) -> int:
        """The row of a SKU (-1 when absent)."""
        return next((i for i, p in enumerate(self._rows) if p.sku == sku), -1)

    def text(self, row: ProductInfo, column: int) -> str:
        if column == 0:
            return str(row.sort_order)
        if column == 1:
            return row.sku
        if column == 2:
            return row.name
        if column == 3:
            return type_label(row.product_type, short=True)
        if column == 4:
            return format_baht(row.price_satang)
        if column == 5:
            return row.barcode or ""
        if column == 6:
            return "" if row.stock is None else str(row.stock)
        if not row.active:
            return translate("ProductsModel", "Hidden")
        return translate("ProductsModel", "Sold out") if row.sold_out else translate("ProductsModel", "For sale")


def status_label(status: str) -> str:
    """A sale status in the current language."""
    names = {"sale": translate("HistoryModel", "Paid"), "void": translate("HistoryModel", "Void"),
             "refunded": translate("HistoryModel", "Refunded"),
             "partly_refunded": translate("HistoryModel", "Partly refunded"),
             "refund": translate("HistoryModel", "Refund")}
    return names.get(status, status)


def methods_label(methods: str) -> str:
    """"cash,promptpay" → "Cash + PromptPay" (current language)."""
    return " + ".join(method_name(m) for m in dict.fromkeys(x for x in methods.split(",") if x))


PageLoader = Callable[[int, int], list[SaleRow]]
Runner = Callable[[Callable[[], object], Callable[[Any], object], Callable[[Any], object]], object]


class SalesHistoryModel(_Table):
    """Sales, newest first, read a page at a time from ``load(offset, limit)`` as the view scrolls.

    With a ``runner`` (the app's worker) pages are read off the GUI thread and inserted when they arrive;
    without one (tests, scripts) ``fetchMore`` reads synchronously.
    """

    HEADERS = (
        QT_TRANSLATE_NOOP("HistoryModel", "Receipt"),
        QT_TRANSLATE_NOOP("HistoryModel", "Time"),
        QT_TRANSLATE_NOOP("HistoryModel", "Items"),
        QT_TRANSLATE_NOOP("HistoryModel", "Payment"),
        QT_TRANSLATE_NOOP("HistoryModel", "Total"),
        QT_TRANSLATE_NOOP("HistoryModel", "Status"),
    )
    CONTEXT = "HistoryModel"
    RIGHT = frozenset({2, 4})

    def __init__(self, load: PageLoader | None = None, *, page: int = 200, with_date: bool = False,
                 runner: Runner | None = None, on_error: Callable[[BaseException], object] | None = None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.page = page
        self.with_date = with_date
        self._load: PageLoader | None = load
        self._done = load is None
        self._runner = runner
        self._on_error = on_error
        self._generation = 0
        self.fetching = False
        self.pages_loaded = 0

    def set_loader(self, load: PageLoader | None, *, with_date: bool = False) -> None:
        """Start over with another query (a day or search changed); a page still on its way is dropped."""
        self.beginResetModel()
        self._load, self._rows, self._done, self.with_date = load, [], load is None, with_date
        self._generation += 1
        self.fetching = False
        self.pages_loaded = 0
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802,B008
        return not parent.isValid() and not self._done

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802,B008
        if parent.isValid() or self._done or self._load is None or self.fetching:
            return
        load, offset, limit, generation = self._load, len(self._rows), self.page, self._generation
        if self._runner is None:
            self._append(generation, load(offset, limit))
            return
        self.fetching = True
        self._runner(lambda: load(offset, limit), lambda rows: self._append(generation, rows),
                     lambda exc: self._failed(generation, exc))

    def _append(self, generation: int, rows: list[SaleRow]) -> None:
        if generation != self._generation:
            return
        self.fetching = False
        self.pages_loaded += 1
        if len(rows) < self.page:
            self._done = True
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.fetching = False
        self._done = True
        if self._on_error is not None:
            self._on_error(exc)

    def row_of(self, uuid: str) -> int:
        """The row of a loaded sale (-1 when not loaded)."""
        return next((i for i, r in enumerate(self._rows) if r.uuid == uuid), -1)

    def replace_row(self, row: SaleRow) -> None:
        """Refresh one loaded sale after a void or refund."""
        i = self.row_of(row.uuid)
        if i >= 0:
            self._rows[i] = row
            self.dataChanged.emit(self.index(i, 0), self.index(i, len(self._headers) - 1))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A voided sale is struck through (its status word, kept plain, says why) and in the void colour; a
        refund document's tooltip names the sale it refunds."""
        if index.isValid() and 0 <= index.row() < len(self._rows):
            row: SaleRow = self._rows[index.row()]
            if row.status == "void":
                if role == Qt.ItemDataRole.ForegroundRole:
                    return QColor(ROLES.history_void.fg)
                if role == Qt.ItemDataRole.FontRole and index.column() != len(self._headers) - 1:
                    font = QFont()
                    font.setStrikeOut(True)
                    return font
            if row.kind == "refund" and role == Qt.ItemDataRole.ToolTipRole:
                return translate("HistoryModel", "Refund {number}: {amount} back from sale {sale}").format(
                    number=row.number, amount=money(-row.total_satang), sale=row.sale_number)
        return super().data(index, role)

    def text(self, row: SaleRow, column: int) -> str:
        if column == 0:
            return row.number
        if column == 1:
            local = to_bangkok(row.created_at)
            return date_text(row.created_at) if self.with_date else local.strftime("%H:%M")
        if column == 2:
            return str(row.item_count)
        if column == 3:
            return methods_label(row.methods)
        if column == 4:
            return format_baht(row.total_satang)  # what was paid; the status and the detail tell the rest
        return status_label(row.status)


class SaleLinesModel(_Table):
    """The lines of one sale in the history detail (with what was refunded)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("HistoryModel", "Item"),
        QT_TRANSLATE_NOOP("HistoryModel", "Qty"),
        QT_TRANSLATE_NOOP("HistoryModel", "Price"),
        QT_TRANSLATE_NOOP("HistoryModel", "Net"),
        QT_TRANSLATE_NOOP("HistoryModel", "Refunded"),
    )
    CONTEXT = "HistoryModel"
    RIGHT = frozenset({1, 2, 3, 4})

    def set_lines(self, lines: Sequence[SaleLineView]) -> None:
        self.beginResetModel()
        self._rows = list(lines)
        self.endResetModel()

    def text(self, row: SaleLineView, column: int) -> str:
        if column == 0:
            return row.name
        if column == 1:
            return str(row.qty)
        if column == 2:  # a changed price shows the list price beside it
            price = format_baht(row.unit_price_satang)
            return f"{price} ({format_baht(row.list_price)})" if row.overridden else price
        if column == 3:
            return format_baht(row.net_satang)
        if not row.refunded_qty:
            return ""
        return translate("HistoryModel", "{qty} returned, {amount}").format(qty=row.refunded_qty,
                                                                           amount=money(row.refunded_satang))


def business_dates_label(d: date | None) -> str:
    """A day filter label ("All days" for None)."""
    return translate("HistoryModel", "All days") if d is None else date_text(d)
