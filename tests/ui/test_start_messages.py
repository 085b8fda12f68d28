"""Start-up message boxes (issue 16): the app ships no Qt translations, so a QMessageBox's own "OK" stays
English on a Thai laptop. The boxes shown before a window opens carry our own translated button."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QApplication, QMessageBox

from otop_pos.booth.service import open_booth_service
from otop_pos.core.errors import StoreError
from otop_pos.ui import booth_app
from otop_pos.ui.booth_app import run_booth_app, start_message_box
from otop_pos.ui.i18n import install_language


def _buttons(box: QMessageBox) -> list[str]:
    return [b.text() for b in box.buttons()]


def test_the_start_message_button_is_thai_in_thai(qapp: QApplication) -> None:
    install_language("th")
    assert _buttons(start_message_box("ข้อความ")) == ["ตกลง"]
    install_language("en")
    assert _buttons(start_message_box("text")) == ["OK"]


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[str]]]:
    """Each start-up box, as (text, button texts), instead of waiting for a click."""
    seen: list[tuple[str, list[str]]] = []

    def record(box: QMessageBox) -> int:
        seen.append((box.text().replace("\u200b", ""), _buttons(box)))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    for name in ("show", "raise_", "activateWindow"):   # the offscreen platform warns about raising a window
        monkeypatch.setattr(QMessageBox, name, lambda box: None)
    monkeypatch.setattr(booth_app, "setup_logging", lambda: None)
    return seen


def test_already_open_in_another_window_says_so_with_a_thai_button(tmp_path: Path, qapp: QApplication,
                                                                     shown: list[tuple[str, list[str]]]) -> None:
    data = tmp_path / "booth"
    open_booth_service(data, print_mode="off").close()
    other = QLockFile(str(data / "booth-window.lock"))    # the window already open
    assert other.tryLock(100)
    try:
        code = run_booth_app(lambda: open_booth_service(data, print_mode="off"), lang="th")
    finally:
        other.unlock()
    assert code == 3
    ((text, buttons),) = shown
    assert buttons == ["ตกลง"] and "OTOP POS" in text


def test_a_data_folder_error_at_start_has_a_thai_button(qapp: QApplication,
                                                        shown: list[tuple[str, list[str]]]) -> None:
    def broken() -> Any:
        raise StoreError("ดิสก์เต็ม เปิดข้อมูลการขายไม่ได้", "The disk is full.")

    assert run_booth_app(broken, lang="th") == 2
    ((text, buttons),) = shown
    assert "ดิสก์เต็ม" in text and buttons == ["ตกลง"]
