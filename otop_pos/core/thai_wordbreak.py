"""Thai word segmentation for line breaking, without pythainlp.

Thai is written without spaces between words, so a line may only break at a word boundary.
``segment`` splits a string into pieces whose concatenation is the string again:

* Thai runs are cut by dictionary maximal matching (fewest unknown clusters first, then fewest
  words) over a compact hand-made word list (``data/thai_words.txt``);
* where the dictionary knows nothing, the run falls back to Thai character clusters: a leading
  vowel (เ แ โ ใ ไ) is never separated from its consonant, nothing breaks before an above/below
  vowel, tone mark or ะ า ำ ๅ ๆ ฯ, and a syllable with ั or ็ keeps its final consonant;
* Latin words and numbers break only at spaces; a space stays at the end of the piece before it;
  punctuation sticks to its neighbours (``พ.ศ.``, ``(แพ็ค``, ``1,190.00``).

``break_opportunities`` gives the offsets where a line may end. ``wrap_thai`` marks the Thai word
boundaries with U+200B ZERO WIDTH SPACE so that Qt breaks lines there without libthai (display only).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

__all__ = ["segment", "split_word", "break_opportunities", "thai_clusters", "words", "is_thai_letter",
           "wrap_thai", "unwrap_thai", "ZWSP"]

ZWSP = "\u200b"

_LEADING_VOWELS = frozenset("เแโใไ")
# above/below vowels, tone marks, thanthakhat and friends: always part of the preceding cluster
_COMBINING = frozenset(
    "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
)
# following vowels and signs that close a cluster: never start a new one
_NO_BREAK_BEFORE = _COMBINING | frozenset("ะาำๅๆฯ")
_NEEDS_FINAL = frozenset("\u0e31\u0e47")  # ั and ็ are always followed by a final consonant
_WORD_FILE = Path(__file__).with_name("data") / "thai_words.txt"


def is_thai_letter(ch: str) -> bool:
    """True for Thai consonants, vowels and marks (U+0E01–U+0E4F), not for Thai digits."""
    return "\u0e01" <= ch <= "\u0e4f"


def _is_consonant(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e2e"


@lru_cache(maxsize=1)
def words() -> frozenset[str]:
    """The word list (read once from ``data/thai_words.txt``)."""
    entries = set()
    for raw in _WORD_FILE.read_text(encoding="utf-8").splitlines():
        word = raw.strip()
        if word and not word.startswith("#"):
            entries.add(word)
    return frozenset(entries)


@lru_cache(maxsize=1)
def _max_word_len() -> int:
    return max((len(w) for w in words()), default=1)


def thai_clusters(run: str) -> list[int]:
    """Offsets in ``run`` (a Thai run) where a cluster starts; always begins with 0.

    These are the only places where a Thai run may be cut, by the dictionary or otherwise.
    """
    starts = [0] if run else []
    needs_final = bool(run) and run[0] in _NEEDS_FINAL
    leading = bool(run) and run[0] in _LEADING_VOWELS  # the current cluster began with เ แ โ ใ ไ
    for i in range(1, len(run)):
        ch, prev = run[i], run[i - 1]
        joined = ch in _NO_BREAK_BEFORE or prev in _LEADING_VOWELS
        if not joined and _is_consonant(ch) and _silenced(run, i):
            joined = True  # จันทร์, ศักดิ์: a consonant under ์ belongs to the syllable before
        elif not joined and needs_final and _is_consonant(ch):
            joined = True  # กั|น is wrong: ั and ็ need their final consonant
            needs_final = False
        elif (not joined and leading and i - starts[-1] == 2 and (ch in "รลว" or prev == "ห")
              and run[i + 1:i + 2] in _COMBINING and run[i + 1:i + 2] != "\u0e4c"):
            joined = True  # เคร-ื่อง, เปล-ี่ยน: a consonant cluster inside a leading vowel
        elif not joined and leading and _vowel_tail(run, starts[-1], i):
            joined = True  # เ-ีย, เ-ือ: the ย/อ is part of the vowel
        if ch in _NEEDS_FINAL:
            needs_final = True
        if not joined:
            starts.append(i)
            needs_final = ch in _NEEDS_FINAL
            leading = ch in _LEADING_VOWELS
    return starts


def split_word(piece: str) -> list[str]:
    """A finer cut of one piece too long for a line: its parts as if ``piece`` were no word.

    Thai compounds split into their words (ใบเสร็จรับเงิน → ใบเสร็จ|รับเงิน), unknown Thai into
    clusters, Latin/numbers not at all. Returns ``[piece]`` when nothing smaller is possible.
    """
    body = piece.rstrip()
    tail = piece[len(body):]
    if not body or not all(is_thai_letter(ch) for ch in body):
        return [piece]
    parts = _segment_thai(body, exclude=body)
    parts[-1] += tail
    return parts


def _vowel_tail(run: str, start: int, i: int) -> bool:
    """True when ``run[i]`` is the ย of เ-ีย or the อ of เ-ือ begun at ``start``."""
    cluster = run[start:i]
    if not cluster.startswith("เ"):
        return False
    return (run[i] == "ย" and "\u0e35" in cluster) or (run[i] == "อ" and "\u0e37" in cluster)


def _silenced(run: str, i: int) -> bool:
    """True when the consonant at ``i`` carries ์ (directly or after ิ/ุ)."""
    nxt = run[i + 1:i + 3]
    return nxt[:1] == "\u0e4c" or (len(nxt) == 2 and nxt[0] in "\u0e34\u0e38" and nxt[1] == "\u0e4c")


def _segment_thai(run: str, exclude: str = "") -> list[str]:
    """Cut one Thai run into words: fewest unknown clusters, then fewest pieces."""
    starts = thai_clusters(run)
    n = len(run)
    bounds = starts + [n]
    index = {pos: k for k, pos in enumerate(bounds)}
    dictionary = words() - {exclude} if exclude else words()
    longest = _max_word_len()
    inf = (n + 1, n + 1)
    best: list[tuple[int, int]] = [inf] * len(bounds)
    back: list[int] = [0] * len(bounds)
    best[0] = (0, 0)
    for k, pos in enumerate(bounds[:-1]):
        unknown, count = best[k]
        if (unknown, count) == inf:
            continue
        # one unknown cluster
        nxt = k + 1
        cand = (unknown + 1, count + 1)
        if cand < best[nxt]:
            best[nxt], back[nxt] = cand, k
        # dictionary words starting here and ending on a cluster boundary
        for end in bounds[k + 1:]:
            if end - pos > longest:
                break
            if run[pos:end] in dictionary:
                j = index[end]
                cand = (unknown, count + 1)
                if cand < best[j]:
                    best[j], back[j] = cand, k
    pieces: list[str] = []
    j = len(bounds) - 1
    while j > 0:
        k = back[j]
        pieces.append(run[bounds[k]:bounds[j]])
        j = k
    pieces.reverse()
    return _merge_unknown(pieces, dictionary)


def _merge_unknown(pieces: list[str], dictionary: frozenset[str]) -> list[str]:
    """Join a lone consonant cluster to an unknown neighbour (a stray ร or ทร์ is never a word)."""
    out: list[str] = []
    for piece in pieces:
        if out and piece not in dictionary and out[-1] not in dictionary and len(piece) == 1:
            out[-1] += piece
        else:
            out.append(piece)
    return out


def _kind(ch: str) -> str:
    if ch.isspace():
        return "space"
    if is_thai_letter(ch):
        return "thai"
    if ch.isalnum():
        return "alnum"
    return "punct"


def _runs(text: str) -> list[tuple[str, str]]:
    """Split ``text`` into (kind, run) with kinds thai, alnum, punct, space."""
    runs: list[tuple[str, str]] = []
    for ch in text:
        kind = _kind(ch)
        if runs and runs[-1][0] == kind and kind != "punct":
            runs[-1] = (kind, runs[-1][1] + ch)
        else:
            runs.append((kind, ch))
    return runs


def segment(text: str) -> list[str]:
    """Pieces of ``text`` between line-break opportunities; ``"".join(segment(t)) == t``.

    Trailing spaces stay with the piece before them, so a wrapped line can drop them.
    """
    pieces: list[str] = []
    prev_kind = prev_run = ""
    for kind, run in _runs(text):
        parts = _segment_thai(run) if kind == "thai" else [run]
        if prev_kind == "space" or (prev_run == "/" and kind == "thai"):
            can_break = kind != "space"
        elif kind in ("space", "punct") or prev_kind in ("punct", ""):
            can_break = False  # spaces and punctuation stick to what they follow and precede
        else:
            can_break = True  # a thai|alnum boundary
        if run[0] in _NO_BREAK_BEFORE or (pieces and pieces[-1][-1] in _LEADING_VOWELS):
            can_break = False  # "มาก ๆ", a stray mark: never at the start of a line
        if pieces and not can_break:
            pieces[-1] += parts[0]
        else:
            pieces.append(parts[0])
        pieces.extend(parts[1:])
        prev_kind, prev_run = kind, run
    return pieces


def break_opportunities(text: str) -> list[int]:
    """Offsets (0 < i < len(text)) where a line may end before ``text[i]``."""
    offsets: list[int] = []
    pos = 0
    for piece in segment(text)[:-1]:
        pos += len(piece)
        offsets.append(pos)
    return offsets


NBSP = "\u00a0"
_NUMBER_UNIT = re.compile("([0-9\u0e50-\u0e59]) (?=[\u0e01-\u0e2e])")   # a digit, a space, a Thai letter


@lru_cache(maxsize=8192)
def wrap_thai(text: str) -> str:
    """``text`` with a ZERO WIDTH SPACE between two Thai words, where a line may break.

    For display only (never store, search, print or export the result): nothing is inserted inside a
    word, next to digits, Latin, spaces or punctuation, and a number keeps its Thai unit on its line
    ("5 กก.", "500 กรัม": the space becomes a no-break space); ZWSPs already in ``text`` are replaced, so
    ``wrap_thai(wrap_thai(t)) == wrap_thai(t)`` and ``unwrap_thai(wrap_thai(t)) == unwrap_thai(t)``.
    """
    plain = unwrap_thai(text)
    if not any(is_thai_letter(ch) for ch in plain):
        return plain
    pieces = segment(plain)
    out = pieces[:1]
    for piece in pieces[1:]:
        if is_thai_letter(out[-1][-1]) and is_thai_letter(piece[0]):
            out.append(ZWSP)
        out.append(piece)
    return _NUMBER_UNIT.sub("\\1" + NBSP, "".join(out))


def unwrap_thai(text: str) -> str:
    """``text`` without what ``wrap_thai`` put in (zero-width spaces; no-break spaces back to spaces — names
    are stored with plain spaces only, see ``core.visible.clean_text``)."""
    return text.replace(ZWSP, "").replace(NBSP, " ")
