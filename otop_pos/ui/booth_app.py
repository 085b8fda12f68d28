"""Starting the booth app: Qt, fonts, theme, language, the booth service (first-run wizard or demo), window."""
from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QLockFile, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from otop_pos.booth.service import DEMO_PIN, BoothService, default_data_dir
from otop_pos.core.errors import OtopError
from otop_pos.core.thai_wordbreak import wrap_thai
from otop_pos.ui.context import BoothContext
from otop_pos.ui.i18n import error_text, install_language, translate
from otop_pos.ui.main_window import MainWindow
from otop_pos.ui.theme import apply_theme
from otop_pos.ui.widgets import keep_zwsp_off_the_clipboard, show_error
from otop_pos.ui.window_swap import WindowSwap

log = logging.getLogger("otop_pos")


class WindowManager(WindowSwap):
    """Keeps one main window; a language change builds a new one in place (cart and held sales stay)."""

    def __init__(self, ctx: BoothContext) -> None:
        super().__init__(ctx, MainWindow)


def setup_logging() -> None:
    """Bugs go to otop-pos-errors.log in the data folder (the CLI writes there too)."""
    folder = default_data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(folder / "otop-pos-errors.log", encoding="utf-8", delay=True)
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.WARNING)
    root = logging.getLogger("otop_pos")
    if not any(isinstance(h, type(handler)) for h in root.handlers):
        root.addHandler(handler)


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """A bug in a slot: log it with its traceback and tell the vendor, without closing the app."""
    if isinstance(exc, KeyboardInterrupt):
        QApplication.quit()
        return
    log.error("unhandled error:\n%s", "".join(traceback.format_exception(kind, exc, tb)))
    try:
        show_error(QApplication.activeWindow(), exc)
    except Exception:  # noqa: BLE001 - never fail while reporting
        pass


def start_message_box(text: str) -> QMessageBox:
    """A message at start-up (already open in another window, a data folder error) whose button is ours,
    translated: the app ships no Qt translations, so Qt's own "OK" would stay in English."""
    box = QMessageBox(QMessageBox.Icon.Critical, translate("Common", "OTOP POS"), wrap_thai(text))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    ok = box.button(QMessageBox.StandardButton.Ok)
    if ok is not None:
        ok.setText(translate("Common", "OK"))
    return box


def _fatal(text: str) -> None:
    box = start_message_box(text)
    box.show()
    box.raise_()
    box.activateWindow()   # a message of its own, with no window behind it: make sure it has the keyboard
    box.exec()


def run_booth_app(open_service: Callable[[], BoothService], demo: bool = False, lang: str | None = None) -> int:
    """Open the booth app on the service ``open_service()`` builds (``demo``: set up the demo fair when the
    store is empty); returns the exit code."""
    setup_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("otop-pos")
    app.setDesktopFileName("otop-pos")
    app.setApplicationDisplayName("OTOP POS")
    apply_theme(app)
    keep_zwsp_off_the_clipboard(app)
    install_language(lang or "th")
    try:
        service = open_service()
    except OtopError as exc:
        _fatal(error_text(exc))
        return 2
    # One window per booth store: a second one (a launcher double-clicked again) would show the same open
    # bill and could sell it twice. The lock is the data folder's; a crashed app's lock is taken over.
    lock = QLockFile(str(service.store.path.parent / "booth-window.lock"))
    lock.setStaleLockTime(0)
    if not lock.tryLock(500):
        _fatal(translate("Main", "OTOP POS is already open for this booth in another window: use that window "
                                 "(look in the taskbar)."))
        service.close()
        return 3
    try:
        if demo:
            service.set_up_demo()
        if not service.is_set_up():
            from otop_pos.ui.first_run import FirstRunDialog

            wizard = FirstRunDialog(service)
            if wizard.exec() != FirstRunDialog.DialogCode.Accepted:
                service.close()
                return 0
            lang = None  # the language chosen in the wizard, now the booth's setting
        ctx = BoothContext(service, lang=lang)
    except OtopError as exc:
        _fatal(error_text(exc))
        service.close()
        return 2
    sys.excepthook = _excepthook
    manager = WindowManager(ctx)
    screen = app.primaryScreen()
    if screen is not None:
        manager.window.setGeometry(screen.availableGeometry())  # no window manager: fill the screen anyway
    manager.window.showMaximized()
    QTimer.singleShot(300, ctx.warm_up)
    if demo:
        manager.window.sell.show_banner(translate("Main", "Demo fair: the manager PIN is {pin}.").format(
            pin=DEMO_PIN), "info")
    if ctx.day is None:
        QTimer.singleShot(0, manager.window.sell.open_day)
    try:
        return int(app.exec())
    finally:
        ctx.shutdown()
        service.close()
        lock.unlock()
