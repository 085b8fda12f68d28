"""A printed document (receipt or Z report) shown on screen as it prints: one dialog for both."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from otop_pos.ui.i18n import translate
from otop_pos.ui.widgets import label, make_button


class DocumentPreview(QDialog):
    """The raster of a document, scrollable, with an optional heading above it."""

    def __init__(self, image: QImage | None, title: str, parent: QWidget | None = None, *, heading: str = "",
                 error: str = "", max_width: int | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        lay = QVBoxLayout(self)
        if heading:
            lay.addWidget(label(heading, name="big", wrap=True))
        self.image_label = QLabel()
        if image is not None:
            self.image_label.setPixmap(QPixmap.fromImage(image))
        else:
            self.image_label.setText(error)
        scroll = QScrollArea()
        scroll.setWidget(self.image_label)
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(scroll, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        close = make_button(translate("Common", "Close"), name="primary", slot=self.accept)
        close.setDefault(True)
        row.addWidget(close)
        lay.addLayout(row)
        win = parent.window() if parent is not None else None
        if win is not None:
            width = max_width if max_width is not None else (image.width() + 80 if image is not None else 700)
            self.resize(min(width, win.width() - 40), win.height() - 60)

