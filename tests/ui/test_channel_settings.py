"""The vendor sets or corrects the shop's LINE, online shop and Facebook page in Settings → Receipt."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from otop_pos.booth.settings import get_settings
from otop_pos.store.engine import SqliteStore
from otop_pos.ui.main_window import MainWindow
from otop_pos.ui.settings_screen import SettingsScreen


def test_the_vendor_sets_the_channel_and_a_bad_link_is_refused(window: MainWindow, ctx: Any, shop: SqliteStore,
                                                               qtbot: Any) -> None:
    screen = window.show_page("settings")
    assert isinstance(screen, SettingsScreen)
    screen.tabs.setCurrentIndex(1)
    screen.line_account.setText("ร้านสุดา")                          # not an account id
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "LINE" in screen.error.text())
    assert "@abc" in screen.error.text() and get_settings(shop).line_account == ""
    screen.line_account.setText("LINE: @BaanSuda")
    screen.shop_url.setText("shopee.co.th/baansuda")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "saved" in screen.toast.text())
    st = get_settings(shop)
    assert (st.line_account, st.shop_url, st.facebook_page) == ("@baansuda", "https://shopee.co.th/baansuda", "")
    assert ctx.settings.line_account == "@baansuda"
    screen.load(st)
    assert screen.line_account.text() == "@baansuda"
