"""A message drawn over the screen (a toast): it never moves or resizes another widget, so a tile tapped while
it shows is the tile the vendor aimed at.

The toast is a child of its host screen but in no layout: it sits over ``anchor`` (a widget of the host, e.g.
the cart's list) at its top or bottom edge, follows it when the window is resized, hides itself after 5 s
(warnings and errors 8 s) or when tapped, and a newer message replaces the older. It never takes the keyboard,
so a scan while it shows still reaches the screen. An error toast plays the error sound (the one place that
does, for every error message)."""
from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget

from otop_pos.ui.sounds import Sounds
from otop_pos.ui.theme import ROLES, Ink, metrics
from otop_pos.ui.i18n import error_text
from otop_pos.ui.widgets import WrapLabel, log_unexpected

KINDS = ("ok", "info", "warn", "error")
SHORT_MS = 5000   # ok and info
LONG_MS = 8000    # warn and error: read twice as a customer waits


_LONG_CODE = re.compile(r"[!-~]{28,}")   # a scanned URL or payment code: no place to break it


def _shorten_codes(text: str) -> str:
    """Long codes (a bank app's QR scanned by mistake) shown by their start and end, visibly shortened, so the
    message fits and the vendor still sees what was scanned."""
    return _LONG_CODE.sub(lambda m: f"{m.group()[:12]}…{m.group()[-8:]}", text)


def _style(kind: str) -> str:
    """The toast's look for ``kind``: the theme's banner colours, a thick border, large bold text."""
    b = metrics().base
    colours = {"ok": (Ink.BANNER_OK_BG, ROLES.banner_ok.fg, Ink.OK_BORDER),
               "warn": (Ink.BANNER_WARN_BG, ROLES.banner_warn.fg, Ink.WARN_BORDER),
               "error": (Ink.BANNER_ERROR_BG, ROLES.banner_error.fg, Ink.INVALID),
               "info": (Ink.BANNER_INFO_BG, ROLES.banner_info.fg, Ink.INFO_BORDER)}
    bg, fg, border = colours.get(kind, colours["info"])
    return (f"QLabel {{ background: {bg}; color: {fg}; border: 3px solid {border}; border-radius: 8px;"
            f" padding: {b // 3}px {b}px; font-size: {round(b * 1.3)}px; font-weight: bold; }}")


class Toast(WrapLabel):
    """A transient message over ``host`` (kinds: ok, info, warn, error); ``show_message`` shows one.

    ``anchor``: the widget of ``host`` the toast lies over (default ``host``); ``edge``: its top or bottom.
    ``ms`` and ``long_ms``: how long ok/info and warn/error messages stay (tests pass short times)."""

    def __init__(self, host: QWidget, sounds: Sounds | None = None, *, anchor: QWidget | None = None,
                 edge: Qt.Edge = Qt.Edge.BottomEdge, ms: int = SHORT_MS, long_ms: int = LONG_MS) -> None:
        super().__init__("", host)
        self.host = host
        self.sounds = sounds
        self.anchor = anchor if anchor is not None else host
        self.edge = edge
        self.clear_of: QWidget | None = None
        self.ms = ms
        self.long_ms = long_ms
        self.kind = ""
        self.setObjectName("toast")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # a scan while it shows goes where the keyboard was
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_message)
        for watched in {host, self.anchor}:
            watched.installEventFilter(self)
        self.hide()

    def show_message(self, text: str, kind: str = "info", ms: int | None = None) -> None:
        """Show ``text`` over the screen, replacing any message showing; ``ms`` None: the kind's time,
        0: until replaced or tapped. An error plays the error sound."""
        self.kind = kind if kind in KINDS else "info"
        self.setStyleSheet(_style(self.kind))
        self.setText(_shorten_codes(text))
        self.place()
        self.show()
        self.raise_()
        if ms is None:
            ms = self.long_ms if self.kind in ("warn", "error") else self.ms
        if ms:
            self._timer.start(ms)
        else:
            self._timer.stop()
        if self.kind == "error" and self.sounds is not None:
            self.sounds.error()

    def clear_message(self) -> None:
        """Hide now."""
        self._timer.stop()
        self.kind = ""
        self.hide()

    def area(self) -> QRect:
        """Where the toast may lie: the anchor's rectangle in the host's coordinates, below ``clear_of`` when
        that is shown (e.g. the change amount: an error after a sale must leave it readable)."""
        host, anchor = self.host, self.anchor
        origin = QPoint(0, 0) if anchor is host else anchor.mapTo(host, QPoint(0, 0))
        rect = QRect(origin, anchor.size())
        keep = self.clear_of
        if keep is not None and keep.isVisible():
            below = keep.mapTo(host, QPoint(0, keep.height())).y()
            if rect.top() <= below < rect.bottom():
                rect.setTop(below)
        return rect

    def place(self) -> None:
        """Lay the toast over its anchor's edge, as wide as the anchor and as tall as its text needs — never
        beyond the anchor, so it cannot reach what lies around it (the total, PAY)."""
        rect = self.area()
        margin = max(metrics().base // 3, 4)
        width = max(rect.width() - 2 * margin, 120)
        needed = max(self.heightForWidth(width), self.sizeHint().height())
        height = min(needed, max(rect.height() - 2 * margin, 40))
        top = Qt.AlignmentFlag.AlignTop if needed > height else Qt.AlignmentFlag.AlignVCenter   # too long: its start
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | top)
        x = rect.x() + margin
        y = rect.y() + margin if self.edge == Qt.Edge.TopEdge else rect.bottom() + 1 - margin - height
        self.setGeometry(x, max(y, 0), width, height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Follow the anchor when the window is resized or the layout moves it."""
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move, QEvent.Type.Show) and self.isVisible():
            self.place()
        return False

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """A tap dismisses the message (and goes no further: nothing under it is pressed)."""
        event.accept()
        self.clear_message()


class FloatingError(Toast):
    """A dialog's error line drawn over it instead of in its layout (a line that appears would grow a dialog
    past a 600 px screen): ``show_error`` and ``clear`` as ``widgets.ErrorLabel``; it stays until cleared or
    tapped, and plays no sound (the dialog does where a scan is refused)."""

    def show_error(self, exc_or_text: BaseException | str) -> None:
        """Show an error (an exception is logged unless it is an OtopError); an empty text clears."""
        if isinstance(exc_or_text, BaseException):
            log_unexpected(exc_or_text)
            text = error_text(exc_or_text)
        else:
            text = exc_or_text
        if text:
            self.show_message(text, "error", 0)
        else:
            self.clear()

    def clear(self) -> None:
        """Hide the error."""
        self.clear_message()
        self.setText("")
