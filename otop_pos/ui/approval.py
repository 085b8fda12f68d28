"""The manager's approval: a small PIN dialog saying what needs it, checked once (``BoothService.approve``).

``request_approval`` opens it without blocking and calls back with the ``Approval``; ``ask_manager`` waits for
it and returns the ``Approval`` (None when cancelled), for a caller in the middle of its own flow (the pay
dialog, for a ฿0 sale).
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QVBoxLayout, QWidget

from otop_pos.booth.service import Approval
from otop_pos.core.errors import ApprovalNeeded, PinError
from otop_pos.ui.context import BoothContext
from otop_pos.ui.i18n import error_text, translate
from otop_pos.ui.widgets import ErrorLabel, PinEdit, grow_with_text, label, make_button


class ManagerPinDialog(QDialog):
    """Says why the manager is needed and takes the PIN; Enter approves, Esc cancels. ``approval`` is set
    (and ``approved`` emitted) once the PIN was right; a wrong PIN is said in the dialog, which stays open."""

    approved = Signal(object)  # Approval

    def __init__(self, ctx: BoothContext, reason: str, parent: QWidget | None = None, *,
                 action: str = "approve") -> None:
        super().__init__(parent)
        self.ctx, self.action = ctx, action
        self.approval: Approval | None = None
        self.setWindowTitle(translate("Approval", "Manager's approval"))
        self.setMinimumWidth(420)
        lay = QVBoxLayout(self)
        self.reason_label = label(reason, wrap=True)
        lay.addWidget(self.reason_label)
        lay.addWidget(label(translate("Approval", "Manager PIN"), name="caption"))
        self.pin_edit = PinEdit()
        self.pin_edit.returnPressed.connect(self.submit)
        lay.addWidget(self.pin_edit)
        self.error = ErrorLabel()
        lay.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(make_button(translate("Common", "Cancel"), slot=self.reject))
        self.ok_button = make_button(translate("Approval", "Approve"), name="primary", slot=self.submit)
        self.ok_button.setDefault(True)
        row.addWidget(self.ok_button)
        lay.addLayout(row)
        self.pin_edit.setFocus()
        grow_with_text(self)   # a long reason or error is shown whole, never squeezed under the buttons

    def submit(self) -> None:
        """Check the PIN off the GUI thread (scrypt); approve or say what is wrong."""
        if not self.ok_button.isEnabled():
            return
        pin = self.pin_edit.text()
        if not pin.strip():
            self.error.show_error(PinError("กรุณาใส่รหัสเจ้าของร้าน", "Enter the manager PIN."))
            self.pin_edit.setFocus()
            return
        self.error.clear()
        self.ok_button.setEnabled(False)
        service, action = self.ctx.service, self.action
        self.ctx.run(lambda: service.approve(pin, action=action), self._done, self._failed)

    def _done(self, approval: Approval) -> None:
        self.approval = approval
        self.accept()  # closed first: whoever listens may close the dialog under it and give the keyboard back
        self.approved.emit(approval)

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.error.show_error(exc)
        self.pin_edit.clear()
        self.pin_edit.setFocus()


def reason_text(need: ApprovalNeeded | str) -> str:
    """What the dialog says: the reason from checkout's error, or a text given."""
    return need if isinstance(need, str) else error_text(need)


def request_approval(parent: QWidget | None, ctx: BoothContext, reason: ApprovalNeeded | str,
                     on_approved: Callable[[Approval], object], *, action: str = "approve",
                     on_cancelled: Callable[[], object] | None = None) -> ManagerPinDialog:
    """Open the PIN dialog over ``parent`` without blocking; ``on_approved`` gets the approval."""
    dlg = ManagerPinDialog(ctx, reason_text(reason), parent, action=action)
    dlg.approved.connect(on_approved)
    if on_cancelled is not None:
        dlg.rejected.connect(on_cancelled)
    dlg.open()
    dlg.pin_edit.setFocus()
    return dlg


def ask_manager(parent: QWidget | None, ctx: BoothContext, reason: ApprovalNeeded | str, *,
                action: str = "approve") -> Approval | None:
    """Ask the manager's PIN for ``reason`` and wait: the approval, or None when cancelled."""
    dlg = ManagerPinDialog(ctx, reason_text(reason), parent, action=action)
    dlg.exec()
    approval = dlg.approval
    dlg.deleteLater()
    return approval
