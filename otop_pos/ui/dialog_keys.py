"""Keys in the booth's dialogs: Enter does what the dialog promises, Esc cancels, Cancel is never the default.

Qt makes the first "auto-default" button of a dialog the default when none is set, and in most dialogs that
is Cancel, so Enter in a field threw the dialog away. ``ActionDialog.set_buttons`` makes the action button the
default (Enter in a field presses it) and keeps Cancel from ever becoming it; a focused button, Cancel too,
is pressed by Enter as by Space; Esc rejects (Qt's own behaviour, kept).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QPushButton

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def is_enter(event: QKeyEvent) -> bool:
    """Return or the keypad's Enter, with no modifier but the keypad's."""
    return event.key() in ENTER_KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier


class ActionDialog(QDialog):
    """A booth dialog with one action (void, refund, open the day) and a Cancel button."""

    def set_buttons(self, action: QPushButton | None, cancel: QPushButton) -> None:
        """``action`` (None: no button is the default) is pressed by Enter in any field; ``cancel`` never
        becomes the default, even while focused."""
        cancel.setAutoDefault(False)
        cancel.setDefault(False)
        if action is not None:
            action.setDefault(True)

    def press_focused_button(self, event: QKeyEvent) -> bool:
        """Enter on a focused button presses that button (a tabbed-to Cancel cancels); True when it did."""
        focused = self.focusWidget()
        if is_enter(event) and isinstance(focused, QPushButton):
            if focused.isEnabled():
                focused.click()
            event.accept()
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        if not self.press_focused_button(event):
            super().keyPressEvent(event)
