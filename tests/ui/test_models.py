"""Table models: Qt's model tester on each, and the models used without any widget."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from otop_pos.booth.cart import Cart, Discount
from otop_pos.booth.catalogue import list_products
from otop_pos.booth.checkout import checkout
from otop_pos.booth.payments import PaymentIn
from otop_pos.booth.queries import SaleRow, count_sales, list_sales, sale_detail
from otop_pos.core.clock import FixedClock
from otop_pos.store.engine import SqliteStore
from otop_pos.ui.models import (
    ROW_ROLE,
    CartModel,
    ProductGridModel,
    ProductsTableModel,
    SaleLinesModel,
    SalesHistoryModel,
    methods_label,
)


def _cart(store: SqliteStore) -> Cart:
    products = list_products(store)
    cart = Cart()
    for p in products[:3]:
        cart = cart.add(p)
    return cart


def test_cart_model_passes_the_model_tester_through_adds_changes_and_removals(shop: SqliteStore,
                                                                              qtmodeltester: Any) -> None:
    model = CartModel()
    qtmodeltester.check(model)
    products = list_products(shop)
    cart = Cart()
    inserted: list[tuple[int, int]] = []
    removed: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    model.rowsRemoved.connect(lambda _p, a, b: removed.append((a, b)))
    for p in products[:3]:
        cart = cart.add(p)
        model.set_cart(cart)
    assert inserted == [(0, 0), (1, 1), (2, 2)]
    cart = cart.set_qty(1, 4).set_line_discount(1, Discount("percent", 1000))
    model.set_cart(cart)
    qtmodeltester.check(model)
    assert model.data(model.index(1, 1)) == "4"
    assert model.data(model.index(1, 3)).endswith("(10%)")
    assert model.data(model.index(1, 2), Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    model.set_cart(cart.remove(1))
    assert removed == [(1, 1)] and model.rowCount() == 2
    model.set_cart(Cart())
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_product_models(shop: SqliteStore, qtmodeltester: Any) -> None:
    products = list_products(shop)
    grid = ProductGridModel()
    grid.set_products(products)
    qtmodeltester.check(grid)
    assert grid.rowCount() == len(products) == 6
    assert grid.data(grid.index(0, 0), ROW_ROLE) == products[0]
    table = ProductsTableModel()
    table.set_products(products)
    qtmodeltester.check(table)
    assert table.headerData(1, Qt.Orientation.Horizontal) == "SKU"
    row = table.position_of("X-02")
    assert [table.data(table.index(row, c)) for c in range(table.columnCount())][1:] == [
        "X-02", "ชาใบหม่อน", "Drinks", "85.00", products[row].barcode, "2", "For sale"]


def _sales(store: SqliteStore, clock: FixedClock, n: int) -> None:
    cart = _cart(store)
    for i in range(n):
        method = ("cash", "promptpay")[i % 2]
        pay = PaymentIn("cash", tendered_satang=cart.total_satang) if method == "cash" else PaymentIn(
            "promptpay", cart.total_satang)
        checkout(store, clock, cart, [pay], print_receipt=False)


def test_history_model_loads_pages_only_when_asked(shop: SqliteStore, clock: FixedClock, qtmodeltester: Any) -> None:
    _sales(shop, clock, 23)
    calls: list[tuple[int, int]] = []

    def load(offset: int, limit: int) -> list[SaleRow]:
        calls.append((offset, limit))
        return list_sales(shop, offset=offset, limit=limit, newest_first=True)
    model = SalesHistoryModel(load, page=10)
    assert model.rowCount() == 0 and model.canFetchMore(QModelIndex()) and calls == []
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 10 and calls == [(0, 10)]
    numbers = [model.data(model.index(r, 0)) for r in range(10)]
    assert numbers == sorted(numbers, reverse=True)
    qtmodeltester.check(model)      # the tester may fetch more itself
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 23 == count_sales(shop)
    assert model.data(model.index(0, 3)) == "Cash" and model.data(model.index(1, 3)) == "PromptPay"
    assert model.data(model.index(0, 5)) == "Paid"
    model.set_loader(None)
    assert model.rowCount() == 0 and not model.canFetchMore(QModelIndex())


def test_history_model_with_a_search_and_detail_lines(shop: SqliteStore, clock: FixedClock,
                                                      qtmodeltester: Any) -> None:
    _sales(shop, clock, 3)
    number = list_sales(shop)[1].number
    model = SalesHistoryModel(lambda o, n: list_sales(shop, search=number, offset=o, limit=n), with_date=True)
    model.fetchMore(QModelIndex())
    qtmodeltester.check(model)
    assert model.rowCount() == 1 and not model.canFetchMore(QModelIndex())
    assert "2563" in model.data(model.index(0, 1)) or "2020" in model.data(model.index(0, 1))
    lines = SaleLinesModel()
    lines.set_lines(sale_detail(shop, number).lines)
    qtmodeltester.check(lines)
    assert lines.rowCount() == 3


def test_methods_label() -> None:
    assert methods_label("promptpay,cash,cash") == "PromptPay + Cash"
    assert methods_label("") == ""
