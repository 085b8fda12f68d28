"""Test helpers for booth tests: integrity checks of a store."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from otop_pos.core.chain import GENESIS


def check_store_integrity(path: Path) -> dict[str, int]:
    """Assert the invariants every booth store must keep; returns counts."""
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        for sale_id, total, subtotal, disc, paid in con.execute(
                "SELECT id, total_satang, subtotal_satang, sale_discount_satang, paid_satang FROM sale"):
            nets = con.execute("SELECT coalesce(sum(net_satang),0), count(*) FROM sale_line WHERE sale_id=?",
                               (sale_id,)).fetchone()
            pays = con.execute("SELECT coalesce(sum(amount_satang),0) FROM payment WHERE sale_id=?",
                               (sale_id,)).fetchone()[0]
            assert nets[1] > 0, f"sale {sale_id} has no lines"
            assert nets[0] == total and pays == total == paid and total == subtotal - disc, sale_id
        docs = con.execute(
            "SELECT seq, prev_hash, hash FROM sale UNION ALL SELECT seq, prev_hash, hash FROM void "
            "UNION ALL SELECT seq, prev_hash, hash FROM refund ORDER BY seq").fetchall()
        assert [d[0] for d in docs] == list(range(1, len(docs) + 1)), "document numbers repeat or skip"
        prev = GENESIS
        for _seq, prev_hash, digest in docs:
            assert prev_hash == prev
            prev = digest
        head = con.execute("SELECT last, last_hash FROM number_series WHERE name='doc'").fetchone()
        if docs:
            assert head == (len(docs), prev)
        return {"documents": len(docs), "sales": con.execute("SELECT count(*) FROM sale").fetchone()[0]}
    finally:
        con.close()
