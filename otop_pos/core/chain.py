"""The per-till hash chain over documents (sales, voids, refunds): canonical JSON + SHA-256."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

GENESIS = "0" * 64
# One encoder built once (``json.dumps`` with options builds a new one on every call).
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical_json(doc: dict[str, Any]) -> str:
    """Deterministic JSON: sorted keys, no spaces, UTF-8 text kept as is."""
    return _CANONICAL.encode(doc)


def chain_hash(prev_hash: str, doc: dict[str, Any]) -> str:
    """SHA-256 over the previous link and the document's canonical JSON."""
    return hashlib.sha256((prev_hash + "\n" + canonical_json(doc)).encode("utf-8")).hexdigest()


def sale_doc(*, uuid: str, seq: int, number: str, at: str, total: int, discount: int,
             lines: list[tuple[str, int, int, int, int]],
             payments: Sequence[tuple[object, ...]]) -> dict[str, Any]:
    """The chained form of a sale: lines as (sku, qty, unit, line discount, net), payments as
    (method, amount, reference) or, with a state share, (method, amount, reference, state share) — see
    ``chain_payment``; ``at`` is the UTC ISO time with microseconds."""
    return {"type": "sale", "uuid": uuid, "seq": seq, "number": number, "at": at, "total": total,
            "discount": discount, "lines": [list(x) for x in lines], "payments": [list(x) for x in payments]}


def chain_payment(method: str, amount: int, reference: str, state: int = 0) -> tuple[object, ...]:
    """A payment as the chain holds it: (method, amount, reference), with the state's share as a fourth item
    only when there is one (so every sale chained before shares existed keeps its hash)."""
    return (method, amount, reference, state) if state else (method, amount, reference)


def void_doc(*, uuid: str, seq: int, number: str, at: str, sale: str, amount: int, reason: str) -> dict[str, Any]:
    """The chained form of a void (``sale`` is the voided sale's UUID)."""
    return {"type": "void", "uuid": uuid, "seq": seq, "number": number, "at": at, "sale": sale, "amount": amount,
            "reason": reason}


def refund_doc(*, uuid: str, seq: int, number: str, at: str, sale: str, amount: int, method: str, reason: str,
               lines: list[tuple[int, int, int]]) -> dict[str, Any]:
    """The chained form of a refund: lines as (sale line number, qty, amount)."""
    return {"type": "refund", "uuid": uuid, "seq": seq, "number": number, "at": at, "sale": sale, "amount": amount,
            "method": method, "reason": reason, "lines": [list(x) for x in lines]}


def order_event_doc(*, uuid: str, seq: int, kind: str, order: str, number: str, at: str, day: str,
                    details: dict[str, Any]) -> dict[str, Any]:
    """The chained form of an order event (the till's order chain, apart from its documents' chain) on the fair
    day ``day`` (ISO): ``kind`` take (``details``: total, discount, deliver date, lines as a sale's, deposits as
    ``chain_payment``), deliver (``details``: the sale's UUID) or cancel (``details``: the deposits given back)."""
    return {"type": "order_" + kind, "uuid": uuid, "seq": seq, "order": order, "number": number, "at": at,
            "day": day, **details}


def take_details(*, total: int, discount: int, deliver: str, lines: Sequence[tuple[str, int, int, int, int]],
                 deposits: Sequence[tuple[object, ...]]) -> dict[str, Any]:
    """The details of an order's take event: its value, sale discount, delivery date (ISO), lines as
    (sku, qty, unit, line discount, net) and deposits as ``chain_payment``."""
    return {"total": total, "discount": discount, "deliver": deliver, "lines": [list(x) for x in lines],
            "deposits": [list(x) for x in deposits]}


def deliver_details(*, sale: str) -> dict[str, Any]:
    """The details of an order's deliver event: the UUID of the sale it became."""
    return {"sale": sale}


def cancel_details(*, refunds: Sequence[tuple[object, ...]]) -> dict[str, Any]:
    """The details of an order's cancel event: the deposits given back (``chain_payment``; none when kept)."""
    return {"refunds": [list(x) for x in refunds]}
