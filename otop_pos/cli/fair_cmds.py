"""``otop-pos fair …``: organiser commands (filled in by the fair-exchange work)."""
from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    """Add the ``fair`` command group."""
