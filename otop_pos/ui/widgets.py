"""Small shared widgets: number fields that take Thai digits, banners, message/confirm dialogs, error display."""
from __future__ import annotations

import logging
from typing import Any
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from otop_pos.core.digits import normalize_digits
from otop_pos.core.errors import InputError, OtopError
from otop_pos.core.limits import MAX_DOCUMENT_SATANG, check_amount
from otop_pos.core.money import parse_baht, parse_quantity
from otop_pos.core.thai_wordbreak import ZWSP, unwrap_thai, wrap_thai
from otop_pos.ui.i18n import error_text, translate
from otop_pos.ui.theme import metrics

log = logging.getLogger("otop_pos.ui")


def make_button(text: str, *, name: str = "", slot: Callable[[], object] | None = None,
                parent: QWidget | None = None) -> QPushButton:
    """A push button (``name`` picks a style: primary, danger, nav)."""
    btn = QPushButton(text, parent)
    if name:
        btn.setObjectName(name)
    if slot is not None:
        btn.clicked.connect(lambda _=False: slot())
    btn.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return btn


class WrapLabel(QLabel):
    """A word-wrapped label whose Thai breaks between words on every platform (libthai or not).

    ``setText`` adds zero-width spaces between Thai words for display (``wrap_thai``); ``text`` gives the
    text as set, without them."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(wrap_thai(text))

    def text(self) -> str:
        return unwrap_thai(super().text())


def keep_zwsp_off_the_clipboard(app: QApplication) -> None:
    """Text copied from a label or list shown through ``wrap_thai`` reaches the clipboard without the
    zero-width spaces (connected once per application)."""
    if app.property("otop_zwsp_guard"):
        return
    app.setProperty("otop_zwsp_guard", True)
    clipboard = app.clipboard()

    def clean() -> None:
        text = clipboard.text()
        if ZWSP in text:
            clipboard.setText(unwrap_thai(text))
    clipboard.dataChanged.connect(clean)


def label(text: str = "", *, name: str = "", wrap: bool = False,
          align: Qt.AlignmentFlag | None = None) -> QLabel:
    """A label with a style name (``wrap``: a WrapLabel)."""
    lab = WrapLabel(text) if wrap else QLabel(text)
    if name:
        lab.setObjectName(name)
    lab.setWordWrap(wrap)
    if align is not None:
        if not align & Qt.AlignmentFlag.AlignVertical_Mask:
            align |= Qt.AlignmentFlag.AlignVCenter
        lab.setAlignment(align)
    return lab


class NumberEdit(QLineEdit):
    """A field for amounts, quantities and counts: ASCII and Thai digits (๐–๙) both work.

    An amount above ``limit`` (default: the most one document may hold) is refused like a typo: ``satang``
    raises InputError, ``satang_or_none`` gives None, and ``problem`` and the tooltip say why."""

    def __init__(self, placeholder: str = "", parent: QWidget | None = None, *, big: bool = False,
                 limit: int = MAX_DOCUMENT_SATANG) -> None:
        super().__init__(parent)
        self.limit = limit
        self.setPlaceholderText(placeholder)
        if big:
            self.setObjectName("bigedit")
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.textChanged.connect(self._mark)

    def digits(self) -> str:
        """The text with Thai digits turned into ASCII."""
        return normalize_digits(self.text()).strip()

    def satang(self) -> int:
        """The amount typed, in satang (InputError when it is not an amount or is above the limit)."""
        return check_amount(parse_baht(self.text()), "จำนวนเงิน", "amount", limit=self.limit)

    def satang_or_none(self) -> int | None:
        """The amount, or None while the field is empty or not (yet) a valid amount within the limit."""
        if not self.digits():
            return None
        try:
            return self.satang()
        except InputError:
            return None

    def problem(self) -> str:
        """Why the typed amount is refused, in the current language ("" while empty or valid)."""
        if not self.digits():
            return ""
        try:
            self.satang()
        except InputError as exc:
            return error_text(exc)
        return ""

    def _mark(self, _text: str) -> None:
        """Only an amount too large is flagged while typing (a half-typed amount is no error yet)."""
        text = self.problem() if len(self.digits()) > 9 else ""
        self.setToolTip(text)
        if bool(self.property("invalid")) != bool(text):
            self.setProperty("invalid", bool(text))
            self.style().unpolish(self)
            self.style().polish(self)

    def quantity(self) -> int:
        """A quantity 1–9999 (InputError otherwise)."""
        return parse_quantity(self.text())

    def count(self) -> int:
        """A count ≥ 0 (empty is 0); InputError when it is not a whole number or has more than 12 digits."""
        text = self.digits().replace(",", "")
        if not text:
            return 0
        if not (text.isascii() and text.isdigit()) or len(text) > 12:
            raise InputError(f"จำนวน “{self.text()[:24]}” ต้องเป็นจำนวนเต็มไม่เกิน 12 หลัก",
                             f"The count “{self.text()[:24]}” must be a whole number of at most 12 digits.")
        return int(text)


class PinEdit(QLineEdit):
    """The manager PIN (hidden; Thai digits accepted by the PIN use case)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setMaxLength(8)
        self.setPlaceholderText(translate("Common", "Manager PIN"))


class Banner(WrapLabel):
    """A non-blocking message strip that hides itself after a while; ``tapped`` when touched."""

    tapped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.kind = ""
        self.hide()

    def show_message(self, text: str, kind: str = "info", ms: int = 6000) -> None:
        """Show ``text`` (kind: info, ok, warn, error); ``ms`` 0 keeps it until replaced."""
        self.kind = kind
        self.setObjectName(f"banner_{kind}")
        self.style().unpolish(self)
        self.style().polish(self)
        self.setText(text)
        self.show()
        if ms:
            self._timer.start(ms)
        else:
            self._timer.stop()

    def clear_message(self) -> None:
        """Hide now."""
        self._timer.stop()
        self.kind = ""
        self.hide()

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802 - Qt name
        self.tapped.emit()
        super().mousePressEvent(event)


class ErrorLabel(WrapLabel):
    """An inline error line in a dialog (hidden while empty)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setObjectName("error")
        self.hide()

    def show_error(self, exc_or_text: BaseException | str) -> None:
        """Show an error (an exception is logged unless it is an OtopError)."""
        if isinstance(exc_or_text, BaseException):
            log_unexpected(exc_or_text)
            text = error_text(exc_or_text)
        else:
            text = exc_or_text
        self.setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.setText("")
        self.hide()


def scrolled(page: QWidget) -> QScrollArea:
    """``page`` in a frameless scroll area that scrolls up and down: a form taller than a 600 px screen
    scrolls instead of squeezing its touch-sized fields on top of each other."""
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


class ThaiWrapDelegate(QStyledItemDelegate):
    """Cells whose Thai text wraps between words on every platform (``wrap_thai`` for display only: the
    model keeps the text as typed). Give it to a column with ``setItemDelegateForColumn`` on a view that
    word-wraps and sizes its rows to their contents."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Any) -> None:  # noqa: N802 - Qt name
        super().initStyleOption(option, index)
        option.text = wrap_thai(option.text)


def touch_rows(view: QAbstractItemView) -> None:
    """Rows of a table at least the theme's touch size high (and room for a line and a half of text)."""
    header = view.verticalHeader()  # type: ignore[attr-defined]
    height = max(metrics().touch, round(view.fontMetrics().height() * 1.5))
    header.setMinimumSectionSize(height)
    header.setDefaultSectionSize(height)


def fit_columns(view: QAbstractItemView, samples: dict[int, str], stretch: int) -> None:
    """Column widths from sample texts (the longest a column shows) instead of measuring every row, which
    costs a Python call per cell on each page of a long list; column ``stretch`` takes the rest."""
    header = view.horizontalHeader()  # type: ignore[attr-defined]
    model = view.model()
    fm = view.fontMetrics()
    bold = QFont(view.font())
    bold.setBold(True)
    hm = QFontMetrics(bold)
    for col in range(model.columnCount()):
        if col == stretch:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
            continue
        title = str(model.headerData(col, Qt.Orientation.Horizontal) or "")
        width = max(fm.horizontalAdvance(samples.get(col, "")), hm.horizontalAdvance(title)) + fm.height()
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(col, width)


def log_unexpected(exc: BaseException) -> None:
    """Log anything that is not an OtopError with its traceback (a bug)."""
    if not isinstance(exc, OtopError):
        log.error("unexpected error in the booth app", exc_info=(type(exc), exc, exc.__traceback__))


class MessageDialog(QDialog):
    """A message with one or two buttons; opened window-modal without blocking the caller."""

    def __init__(self, parent: QWidget | None, title: str, text: str, *, kind: str = "info",
                 yes_text: str = "", no_text: str = "", default_no: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        lay = QVBoxLayout(self)
        self.text_label = label(text, wrap=True, name="error" if kind == "error" else "")
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.text_label)
        row = QHBoxLayout()
        row.addStretch(1)
        self.no_button: QPushButton | None = None
        if no_text:
            self.no_button = make_button(no_text, slot=self.reject)
            row.addWidget(self.no_button)
        self.yes_button = make_button(yes_text or translate("Common", "OK"),
                                      name="danger" if kind == "danger" else "primary", slot=self.accept)
        row.addWidget(self.yes_button)
        lay.addLayout(row)
        # Enter does what the drawn default button says: the action, or for a question whose safe answer is
        # "no" (giving a lot of change, taking money off a bill), No. The other button never becomes the
        # default by being focused.
        first, other = (self.no_button, self.yes_button) if default_no and self.no_button else \
            (self.yes_button, self.no_button)
        first.setDefault(True)
        first.setFocus()
        if other is not None:
            other.setAutoDefault(False)


def show_message(parent: QWidget | None, text: str, *, title: str = "", kind: str = "info") -> MessageDialog:
    """Show a message (non-blocking)."""
    dlg = MessageDialog(parent, title or translate("Common", "OTOP POS"), text, kind=kind)
    open_dialog(dlg, parent.focusWidget() if parent is not None else None)
    return dlg


def show_error(parent: QWidget | None, exc: BaseException) -> MessageDialog:
    """Show an error: an OtopError in the current language; anything else is logged as a bug."""
    log_unexpected(exc)
    return show_message(parent, error_text(exc), title=translate("Common", "Problem"), kind="error")


def confirm(parent: QWidget | None, text: str, on_yes: Callable[[], object], *, yes_text: str = "",
            no_text: str = "", danger: bool = False, title: str = "", default_no: bool = False) -> MessageDialog:
    """Ask before doing something; ``on_yes`` runs when the vendor agrees. Enter answers with the default
    button: yes, unless ``default_no``."""
    dlg = MessageDialog(parent, title or translate("Common", "Please confirm"), text,
                        kind="danger" if danger else "info",
                        yes_text=yes_text or translate("Common", "Yes"), no_text=no_text or translate("Common", "No"),
                        default_no=default_no)
    dlg.accepted.connect(lambda: on_yes())
    open_dialog(dlg, parent.focusWidget() if parent is not None else None)
    return dlg


def alive(widget: QWidget | None) -> bool:
    """True while ``widget`` exists and is shown (dialogs delete themselves when closed)."""
    import shiboken6

    return widget is not None and shiboken6.isValid(widget) and widget.isVisible()


def open_dialog(dlg: QDialog, focus: QWidget | None = None) -> QDialog:
    """Open ``dlg`` window-modal without blocking; when it closes, its window is active again and ``focus``
    (e.g. the search box, so the next scan lands on the sell screen) gets the keyboard."""
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    owner = dlg.parentWidget()

    def back(_result: int) -> None:
        win = owner.window() if owner is not None else None
        if win is not None and win.isVisible():
            win.activateWindow()
        if focus is not None and focus.isVisible():
            focus.setFocus()
    dlg.finished.connect(back)
    dlg.open()
    dlg.activateWindow()
    return dlg


class _GrowWithText(QObject):
    """Keeps a dialog as high as its word-wrapped labels need (``grow_with_text``)."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        if event.type() == QEvent.Type.LayoutRequest and isinstance(obj, QDialog):
            fit_wrapped_labels(obj)
        return False


def fit_wrapped_labels(dialog: QDialog) -> None:
    """Give each shown word-wrapped label of ``dialog`` the height its text needs at its width, and let the
    dialog grow to hold them (a layout alone gives a wrapped label the height of its first layout)."""
    grew = False
    for lbl in dialog.findChildren(QLabel):
        if lbl.wordWrap() and lbl.isVisibleTo(dialog) and lbl.width() > 0:
            need = lbl.heightForWidth(lbl.width())
            if need > 0 and lbl.minimumHeight() != need:
                lbl.setMinimumHeight(need)
                grew = True
    if grew:
        dialog.adjustSize()


def grow_with_text(dialog: QDialog) -> None:
    """Make ``dialog`` grow when a wrapped label's text gets longer (a long reason, an error said in it)."""
    keeper = _GrowWithText(dialog)
    dialog.installEventFilter(keeper)
