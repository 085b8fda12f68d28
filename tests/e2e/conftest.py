"""Fixtures of the real-window cashier tests: one screen and set-up booth per module (``till``), and a fresh
till for every test (``cashier``) unless a module keeps its app running (test_cashier.py)."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.cashier import Cashier, Till


@pytest.fixture(scope="module")
def till(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Iterator[Till]:
    t = Till(tmp_path_factory.mktemp(request.module.__name__.rsplit(".", 1)[-1].removeprefix("test_")))
    yield t
    t.close()


@pytest.fixture
def cashier(till: Till) -> Iterator[Cashier]:
    """A fresh till for every test (each attack leaves the app in a state of its own)."""
    c = till.cashier()
    yield c
    till.discard()
