"""One main window per app, rebuilt in place when the language changes (same page, same geometry)."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject


class WindowSwap(QObject):
    """Holds ``window`` made by ``make(ctx)``; ``ctx.languageChanged`` builds a new one in its place."""

    def __init__(self, ctx: Any, make: Callable[[Any], Any]) -> None:
        super().__init__()
        self.ctx = ctx
        self._make = make
        self.window = make(ctx)
        ctx.languageChanged.connect(self.rebuild)

    def rebuild(self, _lang: str) -> None:
        """Replace the window by one in the new language, on the same page."""
        old = self.window
        page = old.current_page()
        self.window = self._make(self.ctx)
        self.window.setGeometry(old.geometry())
        if old.isMaximized():
            self.window.showMaximized()
        else:
            self.window.show()
        self.window.show_page(page)
        old.hide()
        old.deleteLater()
