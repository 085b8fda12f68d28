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
    (r"ยังต้อง(?:จ่าย|ชำระ)", "ค้างชำระ"),
    (r"รับเงินมา", "รับเงินสด"),
    (r"ผู้จัดการ", "เจ้าของร้าน (รหัสเจ้าของร้าน)"),
    (r"ขายอยู่", "วางขาย"),
    (r"^(ยัง)?ขาด$|^เกิน$|\((ขาด|เกิน)\)", "เงินขาด / เงินเกิน"),
    (r"(?<![\u0e00-\u0e7f])วัน (\d|\{)", "the count before its unit: “2 วัน”, not “วัน 2”"),
)


#: Words only a product type's official name says: outside that name (and its short form) they are a second
#: name for the type ("ผ้าและเครื่องแต่งกาย", not "ผ้า เครื่องแต่งกาย" or "เครื่องแต่งกาย"). "เสื้อผ้า" is not one of
#: them: product names say it ("เสื้อผ้าฝ้ายย้อมคราม").
TYPE_WORDS_TH: dict[str, tuple[str, ...]] = {
    "ผ้าและเครื่องแต่งกาย": ("เครื่องแต่งกาย",),
    "ของใช้ ของตกแต่งและของที่ระลึก": ("ของตกแต่ง", "ของที่ระลึก"),
    "สมุนไพรที่ไม่ใช่อาหาร": ("ไม่ใช่อาหาร",),
}


def retired_in(text: str) -> list[str]:
    """What ``text`` says that the wording list or the vocabulary retired (empty when it is fine)."""
    found = [f"{m.group(0)!r} (say {instead})" for pattern, instead in RETIRED_WORDING
             for m in [re.search(pattern, text.strip())] if m]
    for key, old_names in RETIRED_NAMES_TH.items():
        found += [f"{old!r} (the type is “{PRODUCT_TYPE.name(key, 'th')}”)" for old in old_names if old in text]
    rest = text
    for key in TYPE_WORDS_TH:  # what is left once the official names are taken out
        rest = rest.replace(PRODUCT_TYPE.name(key, "th"), " ")
    for key, words in TYPE_WORDS_TH.items():
        found += [f"{w!r} outside “{PRODUCT_TYPE.name(key, 'th')}” (a second name for the type)"
                  for w in words if w in rest and not found]
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
    "ผ้าและเสื้อผ้า", "ประเภท: เครื่องแต่งกาย", "ของใช้และของที่ระลึก", "ของตกแต่งบ้าน", "สมุนไพร (ไม่ใช่อาหาร)",
])
def test_the_old_wordings_are_caught(text: str) -> None:
    assert retired_in(text)


@pytest.mark.parametrize("text", [
    "ขายเลย แม้สต็อกหมด", "ค้างชำระ", "รับเงินสด", "รหัสเจ้าของร้าน", "วางขาย", "เงินขาด", "เงินเกิน",
    "เงินสดยังไม่พอ ขาดอีก {} บาท", "เพิ่มการขาย 40 รายการ รวม 2 วัน", "พิมพ์รายงานปิดวัน {} แล้ว",
    "ผ้าและเครื่องแต่งกาย", "ผู้จัดงาน", "เสื้อผ้าฝ้ายย้อมคราม", "ประเภท: ของใช้ ของตกแต่งและของที่ระลึก",
    "สมุนไพรที่ไม่ใช่อาหาร 12%", "ผ้า", "ของใช้", "สมุนไพร", "ผ้าไหมมัดหมี่",
])
def test_the_new_wordings_pass(text: str) -> None:
    assert retired_in(text) == []


def test_the_code_scan_reads_f_strings_whole_and_skips_what_is_not_shown() -> None:
    source = ('"""รหัสผู้จัดการ in a docstring"""\n'
              'X_ALIASES = ("ผ้า เสื้อผ้า",)\n'
              'th = f"คืนเงิน {n} วัน {days}"\n'
              'raise PinError("รหัสผู้จัดการไม่ถูกต้อง", "Wrong PIN")\n')
    assert [text for _, text in code_texts(source)] == ["คืนเงิน {} วัน {}", "รหัสผู้จัดการไม่ถูกต้อง"]


# --- #14 item 7: messages a person reads name no file inside the app's files --------------------------------

#: Names of the insides of an export or package ("lines.csv", "manifest.json"), and the words zip / manifest /
#: JSON / member: a message says "รายการขาย", "ไฟล์ส่งยอดขาย" instead. "*.csv" in a file-dialog filter is fine.
INTERNAL_FILE = re.compile(r"(?<![*\w])[a-z_]+\.(csv|json|sig)\b|\bzip(64)?\b|manifest|\bJSON\b|\bmembers?\b",
                           re.IGNORECASE)
#: The modules whose refusals reach the organiser's Import page (and the booth's package install).
IMPORT_MODULES = ("exchange/safezip.py", "exchange/export_format.py", "exchange/export_rows.py",
                  "exchange/export_stream.py", "fair/import_files.py", "fair/importer.py", "fair/prepare.py",
                  "fair/import_checks.py", "fair/writer.py")
#: Calls whose text arguments become the Thai and English message of an ImportRefused or a file result.
#: (export_rows' ``bad(what)`` is left out: ``what`` goes to the log only.)
MESSAGE_CALLS = {"_refuse", "_part_refused", "ImportRefused", "Passed", "FileResult", "_corrupt", "_bad_manifest"}


def refusal_texts(source: str) -> list[tuple[int, str]]:
    """(line, text) of the string arguments of the message calls of ``source`` (f-strings with ``{}``);
    a bare code such as "member_hash" (the refusal's reason) is not a text."""
    tree = ast.parse(source)
    out: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name not in MESSAGE_CALLS:
            continue
        for arg in node.args:
            for sub in [arg, *ast.walk(arg)]:
                if isinstance(sub, ast.JoinedStr):
                    out.append((sub.lineno, "".join(v.value if isinstance(v, ast.Constant) else "{}"
                                                    for v in sub.values)))
                elif isinstance(sub, ast.Constant) and isinstance(sub.value, str):
                    out.append((sub.lineno, sub.value))
    return [(line, t) for line, t in out if not re.fullmatch(r"[a-z0-9_]*", t)]


def test_no_organiser_message_names_a_file_inside_an_export() -> None:
    organiser = [ROOT / "resources" / "i18n" / f"otop_pos_organiser_{lang}.ts" for lang in ("th", "en")]
    bad = [f"{path.name} {ctx.findtext('name')} “{msg.findtext('source')}” → {msg.findtext('translation')}"
           for path in organiser for ctx in ET.parse(path).getroot().iter("context") for msg in ctx.iter("message")
           if INTERNAL_FILE.search(msg.findtext("source") or "") or INTERNAL_FILE.search(msg.findtext("translation") or "")]
    assert bad == []


def test_no_import_refusal_names_a_file_inside_an_export() -> None:
    bad = [f"{module}:{line}: {text!r}" for module in IMPORT_MODULES
           for line, text in refusal_texts((PACKAGE / module).read_text(encoding="utf-8"))
           if INTERNAL_FILE.search(text)]
    assert bad == []


def test_the_refusals_about_a_part_of_an_export_name_it_in_plain_words() -> None:
    from otop_pos.exchange.export_format import member_altered
    from otop_pos.exchange.export_rows import MEMBERS, not_bom, not_utf8

    for member in [*MEMBERS, "manifest.json", "manifest.sig", "other.bin"]:
        for exc in (member_altered(member), not_utf8(member), not_bom(member)):
            assert not INTERNAL_FILE.search(exc.th) and not INTERNAL_FILE.search(exc.en), (member, exc.th, exc.en)
            assert THAI.search(exc.th) and not THAI.search(exc.en)
    assert member_altered("lines.csv").th == "รายการขายในไฟล์ถูกแก้ไขหรือสลับมาจากไฟล์อื่น"
    assert member_altered("lines.csv").en == "Part of the file (the sale lines) was altered or swapped."


@pytest.mark.parametrize("text", ["lines.csv บรรทัด 3", "ไฟล์ zip มีชื่อซ้ำ", "The file's manifest is invalid",
                                  "not a JSON object", "Member 'days.csv' is damaged", "ไม่รองรับไฟล์ zip64"])
def test_internal_file_words_are_caught(text: str) -> None:
    assert INTERNAL_FILE.search(text)


@pytest.mark.parametrize("text", ["Registry files (*.csv *.txt *.xlsx)", "ใช้ไฟล์ .otopx เอง", "รายการขาย แถวที่ 3",
                                  "ไฟล์ส่งยอดขายเสียหาย", "The vendor's file"])
def test_plain_file_words_pass(text: str) -> None:
    assert not INTERNAL_FILE.search(text)


# --- #14 item 7: one name per product type in what is printed and written -------------------------------------

def test_the_figures_files_name_each_product_type_as_the_vocabulary_does(tmp_path: Path) -> None:
    """The organiser's CSV, XLSX and PDF in Thai: every text says a product type by its official or short name."""
    import csv as csvlib
    import shutil
    import subprocess

    from openpyxl import load_workbook

    from otop_pos.reports.csv_out import write_figures_csv
    from otop_pos.reports.figures_pdf import write_figures_pdf
    from otop_pos.reports.xlsx_out import write_figures_xlsx
    from tests.reports.figures_sample import sample_figures

    figures = sample_figures(vendors=15)
    texts: list[str] = []
    for path in write_figures_csv(figures, tmp_path / "csv", lang="th"):
        with path.open(encoding="utf-8-sig", newline="") as f:
            texts += [cell for row in csvlib.reader(f) for cell in row]
    write_figures_xlsx(figures, tmp_path / "f.xlsx", lang="th")
    book = load_workbook(tmp_path / "f.xlsx", read_only=True)
    texts += [str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row if v]
    if shutil.which("pdftotext"):
        write_figures_pdf(figures, tmp_path / "f.pdf", lang="th")
        pdf = subprocess.run(["pdftotext", str(tmp_path / "f.pdf"), "-"], capture_output=True, text=True,
                             check=True).stdout
        texts.append(pdf.replace("\n", ""))  # a long name wraps in its cell: read the text as one run
    names = {t.th for t in PRODUCT_TYPE} | {t.short_th for t in PRODUCT_TYPE if t.short_th}
    assert names & set(texts), "the files name product types"
    assert [(t, retired_in(t)) for t in texts if THAI.search(t) and retired_in(t)] == []
