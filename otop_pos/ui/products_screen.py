"""Products: search, edit price, barcode and stock, quick-key order, add a product, sold-out toggle."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from otop_pos.booth.service import ProductInfo
from otop_pos.core.errors import InputError, OtopError
from otop_pos.core.lookalike import Twins
from otop_pos.core.money import format_baht
from otop_pos.core.text_match import search_key
from otop_pos.core.thai_wordbreak import wrap_thai
from otop_pos.ui.context import BoothContext
from otop_pos.ui.i18n import current_lang, translate
from otop_pos.ui.models import ROW_ROLE, ProductsTableModel
from otop_pos.ui.scanner import mark_scan_field
from otop_pos.core.vocabulary import PRODUCT_TYPE
from otop_pos.ui.theme import type_choices, type_label
from otop_pos.ui.toast import Toast
from otop_pos.ui.widgets import (
    ErrorLabel,
    NumberEdit,
    fit_columns,
    label,
    make_button,
    scrolled,
    touch_rows,
)


class ProductSearch(QSortFilterProxyModel):
    """The products table filtered by what the search field holds (name, SKU or barcode, anywhere in them);
    the name column wraps Thai by word (zero-width spaces for display; the tooltip has the name as typed)."""

    def __init__(self, source: ProductsTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self._key = ""

    def set_search(self, text: str) -> None:
        """Show only the products ``text`` finds (all of them when it is empty)."""
        self.beginFilterChange()
        self._key = search_key(text)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int,  # noqa: N802 - Qt name
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._key:
            return True
        p: ProductInfo = self.sourceModel().row(source_row)  # type: ignore[attr-defined]
        return any(self._key in search_key(field) for field in (p.name, p.sku, p.barcode or ""))

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        value = super().data(index, role)
        if index.column() == 2 and role == Qt.ItemDataRole.DisplayRole and isinstance(value, str):
            return wrap_thai(value)
        return value


class ProductsScreen(QWidget):
    """The catalogue table and an edit form; each button is one catalogue use-case call."""

    def __init__(self, ctx: BoothContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current: ProductInfo | None = None
        self._select_sku = ""
        self.model = ProductsTableModel(self)
        self.found = ProductSearch(self.model, self)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(translate("Products", "Search: name, SKU or barcode"))
        self.search.textChanged.connect(self.found.set_search)
        mark_scan_field(self.search)   # scanning a pack finds it (the code replaces what was typed)
        self.table = QTableView()
        self.table.setModel(self.found)
        self.table.setWordWrap(True)   # long names wrap by word instead of being cut
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setTabKeyNavigation(False)   # Tab leaves the table for the form (arrows move in it)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        touch_rows(self.table)
        # rows as tall as their wrapped name (a catalogue is short), never lower than the touch size
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        widest_type = max((type_label(k, short=True) for k in PRODUCT_TYPE.keys()), key=len)
        fit_columns(self.table, {0: "9999", 1: "KK20-0000-00", 3: widest_type,
                                 4: "99,999.00", 5: "8850000000000", 6: "9999",
                                 7: translate("ProductsModel", "For sale")}, stretch=2)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        form_host = QWidget()
        form = QFormLayout(form_host)
        self.sku = QLineEdit()
        self.name = QLineEdit()
        self.type_box = QComboBox()
        self.type_box.setEditable(True)
        for value, text in type_choices():
            self.type_box.addItem(text, value)
        self.price = NumberEdit("0.00")
        self.barcode = QLineEdit()
        self.barcode.setPlaceholderText(translate("Products", "EAN-13, e.g. 885…"))
        mark_scan_field(self.barcode)
        self.stock = NumberEdit()
        self.stock.setPlaceholderText(translate("Products", "empty = not counted"))
        self.position = NumberEdit()
        self.sold_out = QCheckBox(translate("Products", "Sold out"))
        form.addRow(translate("Products", "SKU"), self.sku)
        form.addRow(translate("Products", "Name"), self.name)
        form.addRow(translate("Products", "Type"), self.type_box)
        form.addRow(translate("Products", "Price (baht)"), self.price)
        form.addRow(translate("Products", "Barcode"), self.barcode)
        form.addRow(translate("Products", "Stock"), self.stock)
        form.addRow(translate("Products", "Quick-key position"), self.position)
        form.addRow("", self.sold_out)
        self.error = ErrorLabel()
        buttons = QHBoxLayout()
        self.new_button = make_button(translate("Products", "New product"), slot=self.new_product)
        self.save_button = make_button(translate("Products", "Save"), name="primary", slot=self.save)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        moves = QHBoxLayout()
        self.up_button = make_button(translate("Products", "▲ Move up"), slot=lambda: self.move_product(-1))
        self.down_button = make_button(translate("Products", "▼ Move down"), slot=lambda: self.move_product(1))
        self.sold_out_button = make_button(translate("Products", "Sold out / back in sale"), slot=self.toggle_sold_out)
        moves.addWidget(self.up_button)
        moves.addWidget(self.down_button)
        moves.addWidget(self.sold_out_button)
        fields = QWidget()                  # the fields scroll on a small screen; the buttons stay in sight
        fl = QVBoxLayout(fields)
        fl.setContentsMargins(0, 0, 0, 0)
        self.form_title = label("", name="big", wrap=True)
        fl.addWidget(self.form_title)
        fl.addWidget(form_host)
        fl.addStretch(1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(scrolled(fields), 1)
        rl.addWidget(self.error)
        rl.addLayout(buttons)
        rl.addLayout(moves)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.search)
        ll.addWidget(self.table, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        split.setSizes([3000, 2000])        # 3:2 from the start (the form's wide fields would take more)
        lay = QVBoxLayout(self)
        lay.addWidget(split, 1)
        self.toast = Toast(self, ctx.sounds, anchor=self.table)   # messages over the screen, moving nothing
        self.banner = self.toast   # the old name, for code written before the toast
        self.new_product()
        self._loaded = False

    def resizeEvent(self, event: object) -> None:  # noqa: N802
        """On a small screen the SKU and barcode columns give way (the form shows them)."""
        super().resizeEvent(event)  # type: ignore[arg-type]
        QTimer.singleShot(0, self._narrow_columns)  # once the splitter has sized the table

    def _narrow_columns(self) -> None:
        narrow = self.table.width() < 1100
        self.table.setColumnHidden(1, narrow)
        self.table.setColumnHidden(5, narrow)

    def showEvent(self, event: object) -> None:  # noqa: N802
        super().showEvent(event)  # type: ignore[arg-type]
        if not self._loaded:
            self._loaded = True
            self.reload()

    def reload(self) -> None:
        self.ctx.run(self.ctx.service.products, self._fill, self.error.show_error)

    def _fill(self, products: tuple[ProductInfo, ...]) -> None:
        self.model.set_products(products)
        sku = self._select_sku or (self.current.sku if self.current else "")
        row = self.model.position_of(sku) if sku else -1
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.found.mapFromSource(self.model.index(row, 0)),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._select_sku = ""

    # --- form ----------------------------------------------------------------------------------------------
    def _row_changed(self, current: QModelIndex, _prev: QModelIndex) -> None:
        product = current.data(ROW_ROLE) if current.isValid() else None
        if product is not None:
            self.show_product(product)

    def show_product(self, p: ProductInfo) -> None:
        self.current = p
        self.error.clear()
        self.form_title.setText(p.name)
        self.sku.setText(p.sku)
        self.sku.setReadOnly(True)
        self.name.setText(p.name)
        i = self.type_box.findData(p.product_type)
        if i >= 0:
            self.type_box.setCurrentIndex(i)
        else:
            self.type_box.setEditText(p.product_type)
        self.price.setText(format_baht(p.price_satang))
        self.barcode.setText(p.barcode or "")
        self.stock.setText("" if p.stock is None else str(p.stock))
        self.position.setText(str(p.sort_order))
        self.sold_out.setChecked(p.sold_out)
        for b in (self.up_button, self.down_button, self.sold_out_button):
            b.setEnabled(True)

    def new_product(self) -> None:
        self.current = None
        self.table.clearSelection()
        self.error.clear()
        self.form_title.setText(translate("Products", "New product"))
        for w in (self.sku, self.name, self.price, self.barcode, self.stock, self.position):
            w.clear()
        self.sku.setReadOnly(False)
        self.type_box.setCurrentIndex(0)
        self.sold_out.setChecked(False)
        for b in (self.up_button, self.down_button, self.sold_out_button):
            b.setEnabled(False)
        self.sku.setFocus()

    def _type_value(self) -> str:
        text = self.type_box.currentText().strip()
        i = self.type_box.findText(text)
        data = self.type_box.itemData(i) if i >= 0 else None
        return str(data) if data else text

    def _form(self) -> dict[str, object]:
        stock_text = self.stock.digits()
        position = self.position.digits()
        if position and not (position.isascii() and position.isdigit() and len(position) <= 6):
            raise InputError("ลำดับต้องเป็นตัวเลขไม่เกิน 6 หลัก", "The position must be a number of at most 6 digits.")
        return dict(sku=self.sku.text(), name=self.name.text(), product_type=self._type_value(),
                    price_satang=self.price.satang(), barcode=self.barcode.text() or None,
                    stock=self.stock.count() if stock_text else None, sold_out=self.sold_out.isChecked(),
                    sort_order=int(position) if position else None)

    def _run(self, fn: Callable[[], object], message: str) -> None:
        self.error.clear()

        def done(result: object) -> None:
            twins: tuple[Twins, ...] = ()
            if isinstance(result, tuple):  # a save: the product and the look-alikes it has
                result, twins = result
            if isinstance(result, ProductInfo):
                self._select_sku = result.sku
                self.current = result
            if twins:
                self.toast.show_message("\n".join([message, *(t.message(current_lang()) for t in twins)]), "warn", 0)
            else:
                self.toast.show_message(message, "ok")
            self.ctx.reload_catalogue()
            self.reload()
        self.ctx.run(fn, done, self.error.show_error)

    def save(self) -> None:
        try:
            fields = self._form()
        except OtopError as exc:
            self.error.show_error(exc)
            return
        service = self.ctx.service

        def save_and_check() -> tuple[ProductInfo, tuple[Twins, ...]]:
            saved = service.save_product(**fields)
            return saved, tuple(t for t in service.lookalike_twins() if saved.sku in t.skus)
        self._run(save_and_check, translate("Products", "Saved “{name}”.").format(name=str(fields["name"]).strip()))

    def toggle_sold_out(self) -> None:
        p = self.current
        if p is None:
            return
        service = self.ctx.service
        text = (translate("Products", "“{name}” is back in sale.") if p.sold_out
                else translate("Products", "“{name}” is marked sold out.")).format(name=p.name)
        self._run(lambda: service.set_sold_out(p.sku, not p.sold_out), text)

    def move_product(self, step: int) -> None:
        """Swap the quick-key position with the neighbour above or below."""
        p = self.current
        if p is None:
            return
        row = self.model.position_of(p.sku)
        other_row = row + step
        if not 0 <= other_row < self.model.rowCount():
            return
        q: ProductInfo = self.model.row(other_row)
        service = self.ctx.service
        a_order, b_order = q.sort_order, p.sort_order
        if a_order == b_order:
            a_order = b_order + step

        def swap() -> ProductInfo:
            service.save_product(sku=q.sku, name=q.name, product_type=q.product_type,
                         price_satang=q.price_satang, barcode=q.barcode, stock=q.stock, sold_out=q.sold_out,
                         sort_order=b_order)
            return service.save_product(sku=p.sku, name=p.name, product_type=p.product_type,
                                price_satang=p.price_satang, barcode=p.barcode, stock=p.stock, sold_out=p.sold_out,
                                sort_order=a_order)
        self._run(swap, translate("Products", "Moved “{name}”.").format(name=p.name))
