"""Qt table models of the organiser window over plain report values (never ORM objects): vendors (with a
sort-and-filter proxy), import results, registry problems, missing exports, a vendor's days and products.

Each column gives the text shown and a sort value (``SORT_ROLE``: numbers sort as numbers, money as satang).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from otop_pos.core.errors import Problem
from otop_pos.core.visible import visible
from otop_pos.fair.importer import FileResult
from otop_pos.reports.model import MissingRow, ProductRow, Row, VendorRow
from otop_pos.reports.scheme_rows import SchemeRow
from otop_pos.ui.organiser.i18n import (
    current_lang,
    day_text,
    money,
    number,
    pick,
    share,
    translate,
    when_text,
)
from otop_pos.ui.theme import ROLES, type_label

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column:
    """One column: its (untranslated) header, the text of a row, a sort value, right-aligned or not."""

    header: Any  # a QT_TRANSLATE_NOOP string
    text: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None
    right: bool = False


class RowsModel(QAbstractTableModel):
    """A read-only table of plain rows described by ``COLUMNS`` (headers translated in ``CONTEXT``)."""

    CONTEXT = "OrgTables"
    COLUMNS: tuple[Column, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._cells: dict[int, tuple[list[str], list[Any]]] = {}  # row -> (texts, sort keys), filled on demand
        self._headers = [translate(self.CONTEXT, str(c.header)) for c in self.COLUMNS]

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self._cells.clear()
        self.endResetModel()

    def extend(self, rows: Sequence[Any]) -> None:
        """Add rows at the end."""
        if not rows:
            return
        n = len(self._rows)
        self.beginInsertRows(QModelIndex(), n, n + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def _cached(self, i: int) -> tuple[list[str], list[Any]]:
        """Row ``i``'s texts and sort keys, formatted once (sorting thousands of rows asks for them often)."""
        cells = self._cells.get(i)
        if cells is None:
            row = self._rows[i]
            texts = [c.text(row) for c in self.COLUMNS]
            keys = [c.sort(row) if c.sort is not None else t for c, t in zip(self.COLUMNS, texts)]
            cells = self._cells[i] = (texts, keys)
        return cells

    def rows(self) -> list[Any]:
        """The rows in model order."""
        return list(self._rows)

    def row(self, i: int) -> Any:
        """The value behind row ``i``."""
        return self._rows[i]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _RIGHT if self.COLUMNS[section].right else _LEFT
        elif orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole and section >= 0:
            return str(section + 1)
        return None

    def color(self, row: Any, column: int) -> QColor | None:
        """A text colour for a cell (None: the default)."""
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) \
                or not 0 <= index.column() < len(self.COLUMNS):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cached(index.row())[0][index.column()]
        if role == SORT_ROLE:
            return self._cached(index.row())[1][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if self.COLUMNS[index.column()].right else _LEFT
        if role == Qt.ItemDataRole.ForegroundRole:
            color = self.color(self._rows[index.row()], index.column())
            return QBrush(color) if color is not None else None
        if role == ROW_ROLE:
            return self._rows[index.row()]
        return None


def _star(v: VendorRow) -> str:
    return "★" * v.star if v.star else ""


def _type(name: str) -> str:
    return type_label(name)


def _short_type(name: str) -> str:
    from otop_pos.ui.organiser.charts import short_type

    return short_type(name)


class VendorTableModel(RowsModel):
    """Every registered vendor with its income in the chosen days (``VendorRow`` values)."""

    CONTEXT = "OrgVendors"
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("OrgVendors", "Booth"), lambda v: v.booth),
        Column(QT_TRANSLATE_NOOP("OrgVendors", "Vendor"), lambda v: v.name),
        Column(QT_TRANSLATE_NOOP("OrgVendors", "Net income"), lambda v: money(v.net_satang), lambda v: v.net_satang,
               True),
        Column(QT_TRANSLATE_NOOP("OrgVendors", "Sales"), lambda v: number(v.sales_count), lambda v: v.sales_count,
               True),
        Column(QT_TRANSLATE_NOOP("OrgVendors", "Items"), lambda v: number(v.items), lambda v: v.items, True),
        Column(QT_TRANSLATE_NOOP("OrgVendors", "Days"), lambda v: str(v.days_with_sales),
               lambda v: v.days_with_sales, True),
        Column(QT_TRANSLATE_NOOP("OrgVendors", "Product type"), lambda v: _type(v.product_type)),
        Column(QT_TRANSLATE_NOOP("OrgVendors", "District"), lambda v: v.district),
        Column(QT_TRANSLATE_NOOP("OrgVendors", "Province"), lambda v: v.province),
        Column(QT_TRANSLATE_NOOP("OrgVendors", "Stars"), _star, lambda v: v.star or 0),
        Column(QT_TRANSLATE_NOOP("OrgVendors", "Refunds"), lambda v: money(v.refunds_satang),
               lambda v: v.refunds_satang, True),
        Column(QT_TRANSLATE_NOOP("OrgVendors", "Voids"), lambda v: number(v.voids_count), lambda v: v.voids_count,
               True),
        Column(QT_TRANSLATE_NOOP("OrgVendors", "Code"), lambda v: v.code),
        Column(QT_TRANSLATE_NOOP("OrgVendors", "Last export"), lambda v: when_text(v.last_export_at),
               lambda v: v.last_export_at.isoformat() if v.last_export_at else ""),
    )
    NET = 2

    def color(self, row: Any, column: int) -> QColor | None:
        if column == self.NET and row.net_satang == 0:
            return QColor(ROLES.table_muted.fg)
        return None


class SchemeModel(RowsModel):
    """The spending each state scheme brought (``SchemeRow`` values): the whole, the state's and the
    customers' shares, and its share of the net income."""

    CONTEXT = "OrgSchemes"
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("OrgSchemes", "Scheme"), lambda r: r.scheme.name(current_lang())),
        Column(QT_TRANSLATE_NOOP("OrgSchemes", "Spending"), lambda r: money(r.spending_satang),
               lambda r: r.spending_satang, True),
        Column(QT_TRANSLATE_NOOP("OrgSchemes", "State's share"), lambda r: money(r.state_satang),
               lambda r: r.state_satang, True),
        Column(QT_TRANSLATE_NOOP("OrgSchemes", "Customers' share"), lambda r: money(r.customer_satang),
               lambda r: r.customer_satang, True),
        Column(QT_TRANSLATE_NOOP("OrgSchemes", "Share"), lambda r: share(r.share_bp), lambda r: r.share_bp,
               True),
    )

    def color(self, row: SchemeRow, column: int) -> QColor | None:
        if column and not row.spending_satang:
            return QColor(ROLES.table_muted.fg)
        return None


class VendorFilterProxy(QSortFilterProxyModel):
    """Sorts vendors by any column (numbers as numbers) and keeps those matching the search text (booth,
    code, name, district, province), the product type and, optionally, only vendors without sales."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._text = ""
        self._type = ""
        self._no_sales = False

    def _refilter(self, change: Callable[[], object]) -> None:
        if hasattr(self, "endFilterChange"):  # Qt 6.10+
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            change()
            self.invalidateRowsFilter()

    def set_text(self, text: str) -> None:
        """Keep vendors whose booth, code, name, district or province contain ``text`` (any case)."""
        self._refilter(lambda: setattr(self, "_text", text.strip().casefold()))

    def set_product_type(self, ptype: str) -> None:
        """Keep one product type (the Thai registry name; empty: all)."""
        self._refilter(lambda: setattr(self, "_type", ptype))

    def set_no_sales_only(self, on: bool) -> None:
        """Keep only vendors without a sale in the chosen days."""
        self._refilter(lambda: setattr(self, "_no_sales", on))

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, VendorTableModel) or not 0 <= source_row < model.rowCount():
            return True
        v: VendorRow = model.row(source_row)
        if self._type and v.product_type.replace(" ", "") != self._type.replace(" ", ""):
            return False
        if self._no_sales and v.sales_count > 0:
            return False
        if self._text:
            hay = f"{v.booth} {v.code} {v.name} {v.district} {v.province}".casefold()
            return self._text in hay
        return True


RESULT_NAMES = {
    "imported": QT_TRANSLATE_NOOP("OrgImport", "Added"),
    "unchanged": QT_TRANSLATE_NOOP("OrgImport", "Already held"),
    "refused": QT_TRANSLATE_NOOP("OrgImport", "Refused"),
    "skipped": QT_TRANSLATE_NOOP("OrgImport", "Not an export"),
}
RESULT_COLORS = {"imported": ROLES.table_ok.fg, "unchanged": ROLES.table_other.fg, "refused": ROLES.table_error.fg,
                 "skipped": ROLES.table_warn.fg}


def result_name(result: str) -> str:
    """Added, already held, refused or not an export, in the current language."""
    return translate("OrgImport", str(RESULT_NAMES.get(result, result)))


class ImportResultsModel(RowsModel):
    """One row per file of an import run (``FileResult``): what became of it and why."""

    CONTEXT = "OrgImport"
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("OrgImport", "File"), lambda r: visible(r.name)),  # no bidi override reorders it
        Column(QT_TRANSLATE_NOOP("OrgImport", "Result"), lambda r: result_name(r.result)),
        Column(QT_TRANSLATE_NOOP("OrgImport", "Booth"), lambda r: r.booth_code),
        Column(QT_TRANSLATE_NOOP("OrgImport", "Till"), lambda r: "" if r.till_no is None else str(r.till_no),
               lambda r: r.till_no or 0, True),
        Column(QT_TRANSLATE_NOOP("OrgImport", "Sales added"),
               lambda r: number(r.sales) if r.result == "imported" else "", lambda r: r.sales, True),
        Column(QT_TRANSLATE_NOOP("OrgImport", "Details"), lambda r: visible(pick(r.th, r.en))),
    )
    RESULT = 1

    def color(self, row: FileResult, column: int) -> QColor | None:
        if column in (self.RESULT, 5) and row.result in RESULT_COLORS:
            return QColor(RESULT_COLORS[row.result])
        return None


@dataclass(frozen=True)
class PreviewProblem:
    """A registry problem or an address warning shown before loading: error or warning."""

    severity: str  # "error" or "warning"
    problem: Problem


class ProblemsModel(RowsModel):
    """Registry problems with file, line and column, in Thai or English."""

    CONTEXT = "OrgRegistry"
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("OrgRegistry", "Kind"),
               lambda p: translate("OrgRegistry", "Error") if p.severity == "error"
               else translate("OrgRegistry", "Warning")),
        Column(QT_TRANSLATE_NOOP("OrgRegistry", "File"), lambda p: p.problem.file),
        Column(QT_TRANSLATE_NOOP("OrgRegistry", "Line"), lambda p: str(p.problem.line) if p.problem.line else "",
               lambda p: p.problem.line, True),
        Column(QT_TRANSLATE_NOOP("OrgRegistry", "Column"), lambda p: p.problem.column),
        Column(QT_TRANSLATE_NOOP("OrgRegistry", "Problem"), lambda p: pick(p.problem.th, p.problem.en)),
    )

    def color(self, row: PreviewProblem, column: int) -> QColor | None:
        return QColor((ROLES.table_error if row.severity == "error" else ROLES.table_warn).fg)


MISSING_KINDS = {
    "no_export": QT_TRANSLATE_NOOP("OrgMissing", "No export received"),
    "no_sales": QT_TRANSLATE_NOOP("OrgMissing", "Exported, no sales"),
}


class MissingModel(RowsModel):
    """Vendors that sent nothing (or no sale) for a day (``MissingRow``)."""

    CONTEXT = "OrgMissing"
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("OrgMissing", "Day"), lambda m: day_text(m.business_date),
               lambda m: m.business_date.isoformat()),
        Column(QT_TRANSLATE_NOOP("OrgMissing", "Booth"), lambda m: m.booth),
        Column(QT_TRANSLATE_NOOP("OrgMissing", "Vendor"), lambda m: m.vendor_name),
        Column(QT_TRANSLATE_NOOP("OrgMissing", "What"), lambda m: translate("OrgMissing", str(MISSING_KINDS[m.kind]))),
        Column(QT_TRANSLATE_NOOP("OrgMissing", "Code"), lambda m: m.vendor_code),
    )

    def color(self, row: MissingRow, column: int) -> QColor | None:
        if column == 3:
            return QColor((ROLES.table_error if row.kind == "no_export" else ROLES.table_warn).fg)
        return None


class BreakdownModel(RowsModel):
    """A generic breakdown (``Row``: a day, a payment method…) with net income, sales, items and share."""

    CONTEXT = "OrgTables"
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("OrgTables", "Item"), lambda r: r.label(current_lang()), lambda r: r.key),
        Column(QT_TRANSLATE_NOOP("OrgTables", "Net income"), lambda r: money(r.net_satang), lambda r: r.net_satang,
               True),
        Column(QT_TRANSLATE_NOOP("OrgTables", "Sales"), lambda r: number(r.sales_count), lambda r: r.sales_count,
               True),
        Column(QT_TRANSLATE_NOOP("OrgTables", "Items"), lambda r: number(r.items), lambda r: r.items, True),
        Column(QT_TRANSLATE_NOOP("OrgTables", "Share"), lambda r: share(r.share_bp), lambda r: r.share_bp, True),
    )

    def __init__(self, parent: Any = None, first: Any = "Item") -> None:
        """``first`` is the English header of the first column ("Date", "Payment method"), in ``OrgTables``."""
        super().__init__(parent)
        self._headers[0] = translate(self.CONTEXT, str(first))


class ProductsModel(RowsModel):
    """Products as sold (``ProductRow``): quantity and net income."""

    CONTEXT = "OrgTables"
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("OrgTables", "Product"), lambda p: p.name),
        Column(QT_TRANSLATE_NOOP("OrgTables", "Quantity"), lambda p: number(p.qty), lambda p: p.qty, True),
        Column(QT_TRANSLATE_NOOP("OrgTables", "Net income"), lambda p: money(p.net_satang), lambda p: p.net_satang,
               True),
        Column(QT_TRANSLATE_NOOP("OrgTables", "SKU"), lambda p: p.sku),
        Column(QT_TRANSLATE_NOOP("OrgTables", "Product type"), lambda p: _short_type(p.product_type)),
    )


def breakdown_rows(rows: Sequence[Row]) -> list[Row]:
    """Rows as given (a hook for ordering or trimming in one place)."""
    return list(rows)


def product_rows(rows: Sequence[ProductRow]) -> list[ProductRow]:
    """Products, highest net income first."""
    return sorted(rows, key=lambda p: (-p.net_satang, p.name))


def _log_details(e: Any) -> str:
    text = pick(e.message_th, e.message_en)
    if text or e.result != "imported":
        return str(text)
    text = translate("OrgImport", "added {s} sales, {v} voids, {r} refunds").format(
        s=number(e.sales_added), v=number(e.voids_added), r=number(e.refunds_added))
    if e.orders_added:
        text += translate("OrgImport", ", {o} orders").format(o=number(e.orders_added))
    return str(text)


class ImportLogModel(RowsModel):
    """The newest lines of the fair's import log (``LogEntry``)."""

    CONTEXT = "OrgImport"
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("OrgImport", "When"), lambda e: when_text(e.at), lambda e: e.at.isoformat()),
        Column(QT_TRANSLATE_NOOP("OrgImport", "File"), lambda e: e.file_name),
        Column(QT_TRANSLATE_NOOP("OrgImport", "Result"), lambda e: result_name(e.result)),
        Column(QT_TRANSLATE_NOOP("OrgImport", "Booth"), lambda e: e.booth_code),
        Column(QT_TRANSLATE_NOOP("OrgImport", "Sales added"), lambda e: number(e.sales_added),
               lambda e: e.sales_added, True),
        Column(QT_TRANSLATE_NOOP("OrgImport", "Details"), lambda e: _log_details(e)),
    )

    def color(self, row: Any, column: int) -> QColor | None:
        if column in (2, 5) and row.result in RESULT_COLORS:
            return QColor(RESULT_COLORS[row.result])
        return None
