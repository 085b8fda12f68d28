"""Thai in the windows wraps between words on every platform: tiles, labels, held bills; the zero-width
spaces that do it never reach the data or the clipboard."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QApplication, QLabel

from otop_pos.booth.catalogue import save_product
from otop_pos.core.clock import FixedClock
from otop_pos.core.thai_wordbreak import ZWSP, wrap_thai
from otop_pos.store.engine import SqliteStore
from otop_pos.ui import grid as grid_module
from otop_pos.ui.main_window import MainWindow
from otop_pos.ui.widgets import Banner, ErrorLabel, MessageDialog, keep_zwsp_off_the_clipboard, label

ROOT = Path(__file__).resolve().parents[2]
LONG = "ผ้าไหมมัดหมี่ทอมือบ้านโนนสวรรค์ลายดอกไม้"   # ผ้าไหม|มัดหมี่|ทอมือ|บ้าน|โนนสวรรค์|ลาย|ดอกไม้
WORDS = ["ผ้าไหม", "มัดหมี่", "ทอมือ", "บ้าน", "โนนสวรรค์", "ลาย", "ดอกไม้"]


def word_ends(words: list[str]) -> set[int]:
    """Offsets in the plain name where a word ends."""
    ends, pos = set(), 0
    for w in words:
        pos += len(w)
        ends.add(pos)
    return ends


def plain_line_ends(layout: QTextLayout) -> list[int]:
    """Where each line of ``layout`` ends, as offsets in the text without zero-width spaces."""
    text = layout.text()
    ends = []
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        end = line.textStart() + line.textLength()
        ends.append(end - text[:end].count(ZWSP))
    return ends


def test_the_tile_name_carries_zero_width_spaces_between_words_only(qapp: QApplication) -> None:
    shown = wrap_thai(LONG)
    assert shown == ZWSP.join(WORDS)
    assert shown.replace(ZWSP, "") == LONG


@pytest.fixture
def long_named(shop: SqliteStore, clock: FixedClock) -> SqliteStore:
    """The shop with a product whose name takes several lines on a tile (saved before the window opens)."""
    save_product(shop, clock, sku="L-01", name=LONG, product_type="ผ้าและเครื่องแต่งกาย", price_satang=250000)
    return shop


def test_a_long_thai_name_on_a_tile_wraps_at_word_boundaries(long_named: SqliteStore,
                                                           monkeypatch: pytest.MonkeyPatch, qtbot: Any,
                                                           window: MainWindow) -> None:
    drawn: dict[str, QTextLayout] = {}
    real = grid_module.name_layout

    def spy(name: str, font: Any, width: float) -> QTextLayout:
        drawn[name] = layout = real(name, font, width)
        return layout
    monkeypatch.setattr(grid_module, "name_layout", spy)
    grid = window.sell.grid
    row = [p.name for p in grid.grid_model.products].index(LONG)
    grid.scrollTo(grid.grid_model.index(row, 0))
    grid.viewport().grab()   # paints the tiles
    layout = drawn[LONG]
    assert layout.lineCount() >= 2, layout.lineCount()      # a tile at 1024×600 is narrow
    ends = plain_line_ends(layout)
    assert ends[-1] == len(LONG)
    assert set(ends) <= word_ends(WORDS), (ends, [LONG[a:b] for a, b in zip([0] + ends, ends)])
    assert grid.product_at(row).name == LONG                  # the product itself is untouched


def test_wrapping_labels_show_zero_width_spaces_but_give_back_the_text(qtbot: Any) -> None:
    text = "ปิดวันขายก่อนแล้วเปิดวันใหม่"
    lab = label(text, wrap=True)
    banner, error = Banner(), ErrorLabel()
    qtbot.addWidget(lab)
    qtbot.addWidget(banner)
    qtbot.addWidget(error)
    banner.show_message(text)
    error.show_error(text)
    for widget in (lab, banner, error):
        assert widget.text() == text
        assert QLabel.text(widget) == wrap_thai(text) != text       # what Qt lays out
    assert label(text).text() == text and ZWSP not in label(text).text()   # a one-line label: as it is


def test_copying_a_message_gives_the_text_without_zero_width_spaces(qapp: QApplication, qtbot: Any) -> None:
    keep_zwsp_off_the_clipboard(qapp)
    text = "สินค้าหมดสต็อกแล้ว ขายเลยหรือไม่"
    dlg = MessageDialog(None, "t", text)
    qtbot.addWidget(dlg)
    dlg.show()
    qapp.clipboard().clear()
    dlg.text_label.setSelection(0, len(QLabel.text(dlg.text_label)))
    assert ZWSP in dlg.text_label.selectedText()               # what Qt copies
    qtbot.keyClick(dlg.text_label, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert qapp.clipboard().text() == text


NO_LIBTHAI_PROBE = r"""
import sys
from PySide6.QtGui import QFont, QGuiApplication, QTextLayout, QTextOption
from otop_pos.ui.grid import name_layout
app = QGuiApplication([])
font = QFont(); font.setPixelSize(16)
name, width = sys.argv[1], float(sys.argv[2])
def lines(layout):
    t = layout.text()
    return [t[layout.lineAt(i).textStart():layout.lineAt(i).textStart() + layout.lineAt(i).textLength()]
            for i in range(layout.lineCount())]
plain = QTextLayout(name, font)
opt = QTextOption(); opt.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere); plain.setTextOption(opt)
plain.beginLayout()
while (line := plain.createLine()).isValid():
    line.setLineWidth(width)
plain.endLayout()
print("PLAIN", "|".join(lines(plain)))
print("TILE", "|".join(s.replace("\u200b", "") for s in lines(name_layout(name, font, width))))
"""


def test_without_libthai_tiles_still_wrap_by_word(tmp_path: Path) -> None:
    """Qt opens libthai.so.0 at run time; a stand-in without its functions makes it unavailable, as on
    Windows. Plain Qt then cuts the name mid-word; the tile's layout cuts it between words."""
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        pytest.skip("no C compiler for the libthai stand-in")
    (tmp_path / "stub.c").write_text("int otop_no_libthai = 1;\n")
    subprocess.run([cc, "-shared", "-fPIC", "-Wl,-soname,libthai.so.0", "-o", str(tmp_path / "libthai.so.0"),
                    str(tmp_path / "stub.c")], check=True, capture_output=True)
    env = dict(os.environ, LD_LIBRARY_PATH=str(tmp_path), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", NO_LIBTHAI_PROBE, LONG, "90"], env=env, capture_output=True,
                         text=True, timeout=120, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    result = dict(line.split(" ", 1) for line in out.stdout.splitlines())
    plain_ends = word_ends(result["PLAIN"].split("|"))
    assert not plain_ends <= word_ends(WORDS), result["PLAIN"]     # libthai is really gone: cut mid-word
    tile = result["TILE"].split("|")
    assert "".join(tile) == LONG and len(tile) >= 3
    assert word_ends(tile) <= word_ends(WORDS), result["TILE"]
