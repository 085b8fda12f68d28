"""The hash chain's canonical form: the organiser's import recomputes it, so it may never drift."""
from __future__ import annotations

import hashlib
import json

from otop_pos.core.chain import GENESIS, canonical_json, chain_hash, refund_doc, sale_doc, void_doc

SALE = sale_doc(uuid="0b8e6c5e-1a2b-4c3d-8e9f-001122334455", seq=7, number="B001-000007",
                at="2020-10-26T03:00:00.001000+00:00", total=90000, discount=500,
                lines=[("KK20-0001-01", 2, 12000, 0, 23870), ("กระเป๋า-02", 1, 66000, 0, 65630)],
                payments=[("cash", 90000, ""), ("promptpay", 0, "อ้างอิง 9876")])


def test_canonical_json_is_sorted_compact_and_keeps_thai_text() -> None:
    text = canonical_json(SALE)
    assert text == json.dumps(SALE, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert text.startswith('{"at":"2020-10-26T03:00:00.001000+00:00","discount":500,"lines":[["KK20-0001-01",')
    assert '"กระเป๋า-02"' in text and "\\u" not in text and " " not in text.replace("อ้างอิง 9876", "")


def test_chain_hash_of_a_known_sale_is_unchanged() -> None:
    # computed with the implementation before the encoder was built once (the stored chains use it)
    assert chain_hash(GENESIS, SALE) == "e54561c9e5f76b7fe01b5915657133a4dec94e988a8d36c8f58e14cf9e4bb5a5"
    prev = chain_hash(GENESIS, SALE)
    void = void_doc(uuid="v-1", seq=8, number="B001-000008", at="2020-10-26T03:01:00.000000+00:00",
                    sale=SALE["uuid"], amount=90000, reason="ลูกค้าเปลี่ยนใจ")
    assert chain_hash(prev, void) == hashlib.sha256(
        (prev + "\n" + json.dumps(void, sort_keys=True, separators=(",", ":"), ensure_ascii=False))
        .encode("utf-8")).hexdigest()
    refund = refund_doc(uuid="r-1", seq=9, number="B001-000009", at="2020-10-26T03:02:00.000000+00:00",
                        sale=SALE["uuid"], amount=100, method="cash", reason="ชำรุด", lines=[(1, 1, 100)])
    assert chain_hash(prev, refund) != chain_hash(prev, void) and len(chain_hash(prev, refund)) == 64
