"""The producer's link as a small second QR on the customer's PromptPay view: only where there is room, never in
the payment code's place, clearly labelled, and the payment QR still at least 60 % of the short side."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from ui_helpers import qimage_to_pil  # type: ignore[import-not-found]

from otop_pos.core.channel import channel_link
from otop_pos.core.promptpay import promptpay_payload
from otop_pos.ui.customer_view import QUIET, CustomerView, plan

LINE = "https://line.me/R/ti/p/@baansuda"
PAYLOAD = promptpay_payload("0812345678", 285775)


@pytest.fixture(autouse=True)
def themed(qapp: Any) -> None:
    """The booth's fonts and theme, as the app runs (the room left for the link depends on the text's size)."""
    from otop_pos.ui.fonts import load_fonts
    from otop_pos.ui.theme import apply_theme

    load_fonts()
    apply_theme(qapp, 600)


def show(qtbot: Any, size: tuple[int, int], **kw: Any) -> CustomerView:
    view = CustomerView(None, "ร้านสุดาของดีโคราช", passive=False, **kw)
    qtbot.addWidget(view)
    view.set_payload(PAYLOAD)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.mark.parametrize("size", [(1024, 600), (1920, 1080), (1366, 768)])
def test_the_link_qr_sits_beside_the_payment_qr_and_both_read(qapp: Any, qtbot: Any, tmp_path: Path,
                                                              size: tuple[int, int]) -> None:
    view = show(qtbot, size, channel=channel_link("@baansuda"))
    image = view.grab().toImage()
    lay = view.layout_now()
    assert lay == plan(*size, view.modules)                       # the payment code's place is the same
    assert lay.qr.width() >= 0.6 * min(size)
    place = view.channel_rect
    assert place is not None, "a link QR fits at every common landscape screen size"
    m = lay.module
    outer = lay.qr.adjusted(-QUIET * m, -QUIET * m, QUIET * m, QUIET * m)
    assert not place.intersects(outer)                              # never inside the payment code's quiet zone
    assert place.width() <= lay.qr.width() // 3                     # clearly the smaller one
    found = {r.text for r in zxingcpp.read_barcodes(qimage_to_pil(image))}
    assert found == {PAYLOAD, LINE}
    if shutil.which("zbarimg"):
        png = tmp_path / "view.png"
        assert image.save(str(png))
        out = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True, check=True)
        assert set(out.stdout.split()) == {PAYLOAD, LINE}


@pytest.mark.parametrize("size", [(420, 300), (600, 1024)])
def test_no_room_no_link_qr_and_no_link_no_second_code(qapp: Any, qtbot: Any, size: tuple[int, int]) -> None:
    small = show(qtbot, size, channel=channel_link("@baansuda"))   # small, or portrait: the text fills the room
    small.grab()
    assert small.channel_rect is None
    assert [r.text for r in zxingcpp.read_barcodes(qimage_to_pil(small.grab().toImage()))] == [PAYLOAD]
    plain = show(qtbot, (1024, 600))
    plain.grab()
    assert plain.channel is None and plain.channel_rect is None


def test_the_pay_dialogs_view_shows_the_link_the_vendor_set(window: Any, ctx: Any, qtbot: Any) -> None:
    from conftest import CHIPS  # type: ignore[import-not-found]
    from PySide6.QtCore import Qt
    from ui_helpers import open_pay  # type: ignore[import-not-found]

    ctx.settings_saved(ctx.service.update_settings(line_account="@baansuda"))
    pay = open_pay(window, qtbot, CHIPS)
    qtbot.keyClick(pay, Qt.Key.Key_F6)
    qtbot.keyClick(pay, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: pay.customer_view is not None and pay.customer_view.isVisible())
    view = pay.customer_view
    assert view.channel is not None and view.channel.url == LINE
    view.resize(1024, 600)
    found = {r.text for r in zxingcpp.read_barcodes(qimage_to_pil(view.grab().toImage()))}
    assert found == {pay.payload, LINE}
