"""The wording of issue #14: no retired wording and no second name for a vocabulary term, where Thai is shown.

Checked: every Thai translation of both catalogues (booth and organiser) and every Thai string literal under
``otop_pos/`` (messages, receipts, Z reports, PDFs and XLSX labels, CLI output), an f-string read with its
placeholders as ``{}``. Docstrings and the alias word lists the registry parser reads (``*_ALIASES``) are not
shown and are not checked.
"""
from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from otop_pos.core.vocabulary import PAYMENT_METHOD, PRODUCER_TYPE, PRODUCT_TYPE, RETIRED_NAMES_TH

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "otop_pos"
CATALOGUES = (ROOT / "resources" / "i18n" / "otop_pos_th.ts", ROOT / "resources" / "i18n" / "otop_pos_organiser_th.ts")
THAI = re.compile("[\u0e00-\u0e7f]")

#: The wording list of #14: (what a text must not say, what it says instead).
RETIRED_WORDING: tuple[tuple[str, str], ...] = (
    (r"ขายต่อ", "ขายเลย แม้สต็อกหมด (sell although sold out); ขายเพิ่ม (sold more)"),
    (r"ยังต้องจ่าย", "ค้างชำระ"),
    (r"รับเงินมา", "รับเงินสด"),
    (r"ผู้จัดการ", "เจ้าของร้าน (รหัสเจ้าของร้าน)"),
    (r"ขายอยู่", "วางขาย"),
    (r"^(ยัง)?ขาด$|^เกิน$|\((ขาด|เกิน)\)", "เงินขาด / เงินเกิน"),
    (r"(?<![\u0e00-\u0e7f])วัน (\d|\{)", "the count before its unit: “2 วัน”, not “วัน 2”"),
)


def retired_in(text: str) -> list[str]:
    """What ``text`` says that the wording list or the vocabulary retired (empty when it is fine)."""
    found = [f"{m.group(0)!r} (say {instead})" for pattern, instead in RETIRED_WORDING
             for m in [re.search(pattern, text.strip())] if m]
    for key, old_names in RETIRED_NAMES_TH.items():
        found += [f"{old!r} (the type is “{PRODUCT_TYPE.name(key, 'th')}”)" for old in old_names if old in text]
    return found


def catalogue_messages() -> list[tuple[str, str, str, str]]:
    """(catalogue, context, English source, Thai translation) of every message."""
    out = []
    for path in CATALOGUES:
        for ctx in ET.parse(path).getroot().iter("context"):
            for msg in ctx.iter("message"):
                out.append((path.name, ctx.findtext("name") or "", msg.findtext("source") or "",
                            msg.findtext("translation") or ""))
    return out


def _not_shown(tree: ast.AST) -> set[int]:
    """ids of the nodes whose strings nobody sees: docstrings and the registry's alias lists."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skip.add(id(first.value))
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and (t.id.endswith("_ALIASES") or t.id == "RETIRED_NAMES_TH")
                   for t in targets):
                skip |= {id(n) for n in ast.walk(node.value)}
    return skip


def code_texts(source: str) -> list[tuple[int, str]]:
    """(line, text) of every Thai string literal of ``source``; an f-string as one text with ``{}``."""
    tree = ast.parse(source)
    skip = _not_shown(tree)
    out: list[tuple[int, str]] = []
    pieces: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            pieces |= {id(v) for v in node.values}
            if id(node) not in skip:
                text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
                out.append((node.lineno, text))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip | pieces:
            out.append((node.lineno, node.value))
    return [(line, text) for line, text in out if THAI.search(text)]


def test_no_catalogue_message_uses_a_retired_wording() -> None:
    bad = [f"{cat} {ctx} “{src}”: {tr} → {', '.join(retired_in(tr))}"
           for cat, ctx, src, tr in catalogue_messages() if retired_in(tr)]
    assert bad == []


def test_a_catalogue_message_naming_a_term_uses_the_vocabularys_thai_name() -> None:
    # a button or header that is just "Cash", "Food", "Community producer" says the vocabulary's name
    names = {}
    for vocab in (PRODUCT_TYPE, PRODUCER_TYPE, PAYMENT_METHOD):
        for t in vocab:
            names[t.en] = {t.th}
            if t.short_en:
                names.setdefault(t.short_en, set()).add(t.short_th or t.th)
    checked = [(src, tr) for _, _, src, tr in catalogue_messages() if src in names]
    assert [(src, tr) for src, tr in checked if tr not in names[src]] == []


def test_no_thai_text_in_the_code_uses_a_retired_wording() -> None:
    bad = [f"{path.relative_to(PACKAGE)}:{line}: {text!r} → {', '.join(retired_in(text))}"
           for path in sorted(PACKAGE.rglob("*.py"))
           for line, text in code_texts(path.read_text(encoding="utf-8")) if retired_in(text)]
    assert bad == []


@pytest.mark.parametrize("text", [
    "ขายต่อ", "ยังต้องจ่ายอีก", "รับเงินมา", "รหัสผู้จัดการ", "ขายอยู่", "ขาด", "เกิน", "-5.50 (ขาด)",
    "เพิ่มการขาย 40 ยกเลิก 0 คืนเงิน 0 วัน 2", "ยกเลิก {} วัน {}", "ประเภท: ผ้า เสื้อผ้า",
])
def test_the_old_wordings_are_caught(text: str) -> None:
    assert retired_in(text)


@pytest.mark.parametrize("text", [
    "ขายเลย แม้สต็อกหมด", "ค้างชำระ", "รับเงินสด", "รหัสเจ้าของร้าน", "วางขาย", "เงินขาด", "เงินเกิน",
    "เงินสดยังไม่พอ ขาดอีก {} บาท", "เพิ่มการขาย 40 รายการ รวม 2 วัน", "พิมพ์รายงานปิดวัน {} แล้ว",
    "ผ้าและเครื่องแต่งกาย", "ผู้จัดงาน", "เสื้อผ้าฝ้ายย้อมคราม",
])
def test_the_new_wordings_pass(text: str) -> None:
    assert retired_in(text) == []


def test_the_code_scan_reads_f_strings_whole_and_skips_what_is_not_shown() -> None:
    source = ('"""รหัสผู้จัดการ in a docstring"""\n'
              'X_ALIASES = ("ผ้า เสื้อผ้า",)\n'
              'th = f"คืนเงิน {n} วัน {days}"\n'
              'raise PinError("รหัสผู้จัดการไม่ถูกต้อง", "Wrong PIN")\n')
    assert [text for _, text in code_texts(source)] == ["คืนเงิน {} วัน {}", "รหัสผู้จัดการไม่ถูกต้อง"]
