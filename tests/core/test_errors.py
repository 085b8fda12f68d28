"""Errors carry Thai and English and survive pickling (they cross worker processes)."""
from __future__ import annotations

import pickle

import pytest

from otop_pos.core.errors import (
    ImportRefused, InputError, OtopError, PrinterError, Problem, RegistryError, SoldOutError,
)


@pytest.mark.parametrize("err", [
    InputError("ไม่ถูกต้อง", "Not valid."),
    SoldOutError("หมด", "Sold out.", "SKU-1", 0),
    PrinterError("กระดาษหมด", "Paper out.", "paper_out"),
    ImportRefused("ลายเซ็นไม่ถูกต้อง", "Bad signature.", "signature"),
    RegistryError([Problem("vendors.csv", 3, "บูธ", "ซ้ำ", "duplicate")]),
])
def test_every_error_pickles_with_its_fields(err: OtopError) -> None:
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is type(err)
    assert (back.th, back.en) == (err.th, err.en)
    assert back.__dict__ == err.__dict__
    assert str(back) == str(err)
