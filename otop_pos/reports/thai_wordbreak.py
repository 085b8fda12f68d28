"""The Thai word breaker now lives in ``otop_pos.core.thai_wordbreak`` (the windows use it too); kept as a name."""
from __future__ import annotations

from otop_pos.core.thai_wordbreak import (
    break_opportunities,
    is_thai_letter,
    segment,
    split_word,
    thai_clusters,
    words,
)

__all__ = ["segment", "split_word", "break_opportunities", "thai_clusters", "words", "is_thai_letter"]
