"""Starting the real app (``otop-pos --demo``) and the screenshot script, on the test platform."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PIL import Image

from otop_pos.booth.catalogue import list_products
from otop_pos.booth.store import open_booth_store

CHILD = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])

def look():
    from otop_pos.ui.day_dialogs import OpenDayDialog
    from otop_pos.ui.main_window import MainWindow
    wins = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    print("WINDOW", bool(wins) and wins[0].sell.isVisible())
    print("BANNER", wins[0].sell.toast.text() if wins else "")
    print("DIALOG", isinstance(app.activeModalWidget(), OpenDayDialog))
    print("TITLE", wins[0].windowTitle() if wins else "", "|", app.applicationDisplayName())
    app.quit()
QTimer.singleShot(800, look)
from otop_pos.app import main
sys.exit(main(["--demo", "--lang", "en"]))
"""


def test_otop_pos_demo_opens_the_sell_screen_and_asks_to_open_the_day(tmp_path: Path) -> None:
    """What the README's run command does: the CLI entry point starts the app on the demo fair."""
    env = dict(os.environ, OTOP_POS_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen", OTOP_POS_SOUND="0")
    out = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=120,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.returncode == 0, out.stderr
    assert "WINDOW True" in out.stdout
    assert "BANNER Demo fair: the manager PIN is 1234." in out.stdout
    # Qt shows "<title> — <display name>": the title is the shop alone, so the bar reads "<shop> — OTOP POS"
    title, display = out.stdout.split("TITLE ", 1)[1].splitlines()[0].split(" | ")
    assert display == "OTOP POS" and title.strip() and "OTOP POS" not in title, title
    assert "DIALOG True" in out.stdout
    store = open_booth_store(tmp_path / "home")
    try:
        assert len(list_products(store)) == 7  # the demo vendor KK20-0018
    finally:
        store.dispose()
    assert not (tmp_path / "home" / "otop-pos-errors.log").exists()


def test_screenshots_of_every_screen(tmp_path: Path, qapp: Any) -> None:
    from otop_pos.ui import screenshots

    service = screenshots.build_store(tmp_path / "booth")
    try:
        made = screenshots.shoot(service, tmp_path, "th", (1024, 600))
        assert service.held_bills() == [] and service.open_bill() is None   # the shots leave no bill behind
        service_orders = service.orders()
        newest = service.history()[0]
        scheme_parts = [(p.method, p.amount_satang, p.state_satang, p.reference)
                        for p in service.sale_detail(newest.uuid).payments if p.method != "cash"]
    finally:
        service.close()
    names = sorted(p.stem for p in made)
    receipts = [f"th-receipt-{n}" for n in ("scheme", "deposit", "delivery")]
    assert names == sorted([f"th-1024x600-{n}" for n in (
        "sell", "pay-cash", "pay-promptpay", "history", "day-close", "products", "settings", "settings-printer",
        "first-run", "first-run-paper", "first-run-setup", "pay-parts", "held-bills", "change",
        "customer-promptpay", "toast-error", "order-take", "orders", "order-detail", "order-deliver",
        "order-cancel", "order-cancel-pin", "pay-scheme", "pay-scheme-part", "receipt-preview-scheme")] + receipts)
    assert all(p.stat().st_size > 10_000 for p in made if p.stem not in receipts)
    for name in receipts:                       # the thermal raster: 1-bit, the 58 mm paper's 384 dots
        with Image.open(tmp_path / f"{name}.png") as img:
            assert img.mode == "1" and img.width == 384 and img.height > 400
    # the flow shown is the store's: an order in every state, and the คนละครึ่ง part with both shares and the slip
    assert sorted(o.status for o in service_orders) == ["cancelled", "delivered", "open", "open"]
    assert scheme_parts == [("copay", 30000, 15000, "TQ2563-1026-0417")]

