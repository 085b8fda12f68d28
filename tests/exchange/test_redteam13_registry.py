"""Red team for issue 13: registry reproductions found on main (each fails there for the reason given)."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from otop_pos.core.errors import RegistryError
from otop_pos.exchange.registry_csv import load_registry

SHARED = Path(__file__).resolve().parents[2] / "resources" / "demo"


def test_a_cell_too_large_is_reported_as_too_long_at_its_cell_not_as_a_quote_mark(tmp_path: Path) -> None:
    """One vendor name of 200,000 characters (a paste gone wrong) in an otherwise good vendors CSV. On main the
    problem reads 'A quote mark (") in the row starting here is unpaired…' (the file has no quote mark: it is
    csv's field size limit) and every catalogue row of the vendors after it is reported as "not in the vendors
    file" (hundreds of follow-on problems). Expected: the cell named by line and column as too long (at most
    300 characters), and no follow-on problems for the vendors after it."""
    with open(SHARED / "vendors.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[3][2] = "ก" * 200_000
    vendors = tmp_path / "vendors.csv"
    with open(vendors, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    with pytest.raises(RegistryError) as info:
        load_registry(vendors, SHARED / "catalogue.csv")
    problems = info.value.problems
    mine = [p for p in problems if p.file == "vendors.csv" and p.line == 4]
    assert mine and "quote" not in mine[0].en.lower(), [str(p)[:200] for p in mine]
    assert mine[0].column and "300" in mine[0].en, str(mine[0])[:300]
    assert len(problems) <= 3, f"{len(problems)} problems, e.g. {str(problems[-1])[:200]}"
