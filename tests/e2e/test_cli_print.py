"""``otop-pos print …`` and ``otop-pos promptpay`` as a vendor runs them: bytes decoded, PDFs read back."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from otop_pos.core.bahttext import baht_text
from tests.printing.escpos_decode import decode

ROOT = Path(__file__).resolve().parents[2]


def run(home: Path, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, OTOP_POS_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-m", "otop_pos", *args], capture_output=True, text=True, env=env,
                          timeout=300)
    if ok:
        assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    h = tmp_path_factory.mktemp("print") / "booth"
    run(h, "booth", "setup", "--registry", str(ROOT / "resources" / "demo"), "--vendor", "KK20-0018",
        "--pin", "1234", "--fair-name", "OTOP CITY IN KHONKAEN ครั้งที่ 20")
    run(h, "booth", "simulate", "--days", "1", "--sales-per-day", "5", "--seed", "2", "--start", "2020-10-26",
        "--pin", "1234")
    return h


def test_receipt_to_a_device_file_decodes_with_its_number_qr(home: Path, tmp_path: Path) -> None:
    sales = json.loads(run(home, "booth", "sales", "--json").stdout)
    out = tmp_path / "lp0"
    run(home, "print", "receipt", "--last", "--copy", "--printer", f"file:{out}", "--width", "384")
    decoded = decode(out.read_bytes())
    assert decoded.image.size[0] == 384 and decoded.cuts
    codes = {r.text for r in zxingcpp.read_barcodes(decoded.image.convert("L"))}
    assert sales[-1]["number"] in codes


def test_receipt_pdf_has_amount_in_words_and_buddhist_year(home: Path, tmp_path: Path) -> None:
    sales = json.loads(run(home, "booth", "sales", "--json").stdout)
    pdf = tmp_path / "r.pdf"
    run(home, "print", "receipt", sales[0]["number"], "--pdf", str(pdf), "--buyer-name", "สำนักงานพัฒนาชุมชน")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert baht_text(sales[0]["total_satang"]) in text.replace("\n", "")
    assert "2563" in text and "สำนักงานพัฒนาชุมชน" in text


def test_zreport_pdf_and_promptpay_png(home: Path, tmp_path: Path) -> None:
    z = tmp_path / "z.pdf"
    run(home, "print", "zreport", "26/10/2563", "--pdf", str(z))
    assert "2563" in subprocess.run(["pdftotext", str(z), "-"], capture_output=True, text=True, check=True).stdout
    png = tmp_path / "pp.png"
    proc = run(home, "promptpay", "0801234567", "--png", str(png))
    assert proc.stdout.strip() == "00020101021129370016A000000677010111011300668012345675802TH530376463046197"
    assert [r.text for r in zxingcpp.read_barcodes(Image.open(png).convert("L"))] == [proc.stdout.strip()]


@pytest.mark.parametrize("args, words", [
    (("print", "test", "--printer", "lpt:1"), "not valid"),
    (("print", "receipt", "B001-999999", "--printer", "dummy"), "No sale"),
    (("print", "receipt", "--last", "--printer", "none"), "No printer"),
    (("print", "receipt", "--last", "--printer", "net:127.0.0.1:9"), "printer"),
    (("promptpay", "12345"), "PromptPay"),
])
def test_print_errors_are_clear(home: Path, args: tuple[str, ...], words: str) -> None:
    proc = run(home, *args, ok=False)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert words in proc.stderr, proc.stderr
