"""Small organiser widgets and styles: key-figure cards, tables set up for sorting, the extra style sheet."""
from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from otop_pos.ui.theme import ROLES, Ink, Metrics


def organiser_style(m: Metrics) -> str:
    """Style rules added to the booth app's sheet: white cards, big key figures, the drop zone."""
    b, r, k = m.base, ROLES, Ink
    return f"""
QFrame#card {{ background: {k.SURFACE}; border: 1px solid {k.BORDER_LIGHT}; border-radius: 8px; }}
QLabel#cardtitle {{ font-weight: bold; color: {r.card_title.fg}; padding: 2px 0; }}
QLabel#kpivalue {{ font-size: {round(b * 1.55)}px; font-weight: bold; color: {r.kpi_value.fg}; }}
QLabel#kpivalue_main {{ font-size: {round(b * 1.9)}px; font-weight: bold; color: {r.kpi_value_main.fg}; }}
QLabel#kpicaption {{ color: {r.kpi_caption.fg}; }}
QLabel#kpinote {{ color: {r.kpi_note.fg}; font-size: {round(b * 0.85)}px; }}
QLabel#pagetitle {{ font-size: {round(b * 1.3)}px; font-weight: bold; }}
QFrame#dropzone {{ background: {k.DROP_BG}; border: 2px dashed {k.BORDER}; border-radius: 10px; }}
QFrame#dropzone[hot="true"] {{ background: {k.DROP_HOT_BG}; border: 2px dashed {k.FOCUS}; }}
QComboBox#fairpicker {{ min-width: {b * 16}px; }}
"""


class KpiCard(QFrame):
    """A key figure: a caption, a big number and a small note under it."""

    def __init__(self, caption: str, *, main: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 6, 12, 6)
        lay.setSpacing(0)
        self.caption = QLabel(caption)
        self.caption.setObjectName("kpicaption")
        self.value = QLabel("–")
        self.value.setObjectName("kpivalue_main" if main else "kpivalue")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = QLabel("")
        self.note.setObjectName("kpinote")
        for w in (self.caption, self.value, self.note):
            lay.addWidget(w)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set(self, value: str, note: str = "") -> None:
        """Show ``value`` (and a note)."""
        self.value.setText(value)
        self.note.setText(note)


def make_table(model: QAbstractItemModel, *, stretch: int | None = None, sorting: bool = False) -> QTableView:
    """A read-only table: whole-row selection, alternating rows, ``stretch`` column filling the width."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    view.setSortingEnabled(sorting)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(round(view.fontMetrics().height() * 1.7))
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setResizeContentsPrecision(40)  # size columns from a sample of rows: 3,000 vendors stay quick
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    if stretch is not None:
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def nav_width(button: QPushButton) -> None:
    """Keep a navigation button wide enough for its text in bold (the checked look), so it never clips."""
    font = QFont(button.font())
    font.setBold(True)
    button.setMinimumWidth(QFontMetrics(font).horizontalAdvance(button.text()) + 2 * button.fontMetrics().height())


def fit_columns(view: QTableView, skip: int | None = None, limit: int = 320) -> None:
    """Size each column to its contents (at most ``limit`` px), except ``skip`` (the stretching one)."""
    model = view.model()
    if model is None:
        return
    for col in range(model.columnCount()):
        if col != skip:
            view.resizeColumnToContents(col)
            if view.columnWidth(col) > limit:
                view.setColumnWidth(col, limit)
