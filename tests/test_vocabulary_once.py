"""Each product type, producer type and payment method name, and the receipt title, is declared in one module.

Every string literal under ``otop_pos/`` is read with ``ast``; docstrings, the Thai/English messages of errors
(``…Error(th, en)``, which stay as they are), the alias word lists the registry parser accepts (``*_ALIASES``)
and the demo data are not declarations of a label. A long name (12 characters or more) counts wherever it
stands inside a literal; a short one ("อาหาร", "Cash") only as a whole literal (not a piece of an f-string).
"""
from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

from otop_pos.core.vocabulary import FAIR_METHOD_DEFAULTS, PAYMENT_METHOD, PRODUCER_TYPE, PRODUCT_TYPE

PACKAGE = Path(__file__).resolve().parents[1] / "otop_pos"
DEMO_DATA = {"ui/organiser/demo_fair.py", "ui/screenshots.py"}
RECEIPT_TITLE = "ใบเสร็จรับเงิน"


def names() -> set[str]:
    out = {RECEIPT_TITLE}
    for vocab in (PRODUCT_TYPE, PRODUCER_TYPE, PAYMENT_METHOD):
        out |= {t.name(lang) for t in vocab for lang in ("th", "en")}
    out |= {d.term.name(lang) for d in FAIR_METHOD_DEFAULTS for lang in ("th", "en")}  # card and the schemes
    return out


def _skipped(tree: ast.AST) -> set[int]:
    """ids of the nodes whose strings are not label declarations: docstrings, error messages, alias lists."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skip.add(id(first.value))
        inner: list[ast.AST] = []
        if isinstance(node, ast.Call):
            func = node.func
            called = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if called.endswith("Error"):
                inner = [*node.args, *(k.value for k in node.keywords)]
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id.endswith("_ALIASES") for t in targets) and node.value:
                inner = [node.value]
        for sub in inner:
            skip |= {id(n) for n in ast.walk(sub)}
    return skip


def declarations() -> dict[str, set[str]]:
    """{name: modules (relative to otop_pos/) with a string literal that declares it}."""
    wanted = names()
    found: dict[str, set[str]] = defaultdict(set)
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel in DEMO_DATA:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _skipped(tree)
        fragments = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or id(node) in skip:
                continue
            text = node.value.strip()
            whole = id(node) not in fragments  # a piece of an f-string is not a whole literal
            for name in wanted:
                if (whole and text == name) or (len(name) >= 12 and name in text):
                    found[name].add(rel)
    return found


def test_every_label_is_declared_in_exactly_one_module() -> None:
    found = declarations()
    assert set(found) == names()  # each is declared somewhere (the scan sees them)
    twice = {name: sorted(mods) for name, mods in found.items() if len(mods) != 1}
    assert twice == {}, f"declared in more than one module: {twice}"
    assert found["ของใช้ ของตกแต่งและของที่ระลึก"] == {"core/vocabulary.py"}
    assert found[RECEIPT_TITLE] == {"core/receipt_view.py"}
    assert found["คนละครึ่ง"] == found["บัตรสวัสดิการแห่งรัฐ"] == {"core/vocabulary.py"}  # the fair's built-in schemes


def test_the_scan_finds_a_second_declaration(tmp_path: Path) -> None:
    # the rule itself: a copied label dict would be caught, a docstring or an error message would not
    source = ('"""ของใช้ ของตกแต่งและของที่ระลึก"""\n'
              'X = {"a": "ใบยกเลิกใบเสร็จรับเงิน", "b": "Cash"}\n'
              'raise InputError("ไม่รู้จัก ผู้ผลิตชุมชน", "Unknown")\n'
              'Y_ALIASES = ("ผู้ผลิตรายเดียวที่เป็นเจ้าของคนเดียว",)\n')
    tree = ast.parse(source)
    skip = _skipped(tree)
    literals = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                and id(n) not in skip]
    assert sorted(literals) == ["Cash", "a", "b", "ใบยกเลิกใบเสร็จรับเงิน"]
