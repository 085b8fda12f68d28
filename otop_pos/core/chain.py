"""The per-till hash chain over documents (sales, voids, refunds): canonical JSON + SHA-256."""
from __future__ import annotations

import hashlib
import json
from typing import Any

GENESIS = "0" * 64


def canonical_json(doc: dict[str, Any]) -> str:
    """Deterministic JSON: sorted keys, no spaces, UTF-8 text kept as is."""
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def chain_hash(prev_hash: str, doc: dict[str, Any]) -> str:
    """SHA-256 over the previous link and the document's canonical JSON."""
    return hashlib.sha256((prev_hash + "\n" + canonical_json(doc)).encode("utf-8")).hexdigest()
