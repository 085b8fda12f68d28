"""Short sounds for the sell screen (an unknown scan must be heard): WAV files via QtMultimedia, else a beep."""
from __future__ import annotations

import logging
import os

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from otop_pos.core.resources import resource_path

log = logging.getLogger("otop_pos.ui")
HEADLESS = ("offscreen", "minimal", "vnc")


class Sounds(QObject):
    """Plays ``error`` and ``ok``; ``played`` records what was played (tests and the benchmark read it)."""

    def __init__(self, parent: QObject | None = None, *, enabled: bool | None = None) -> None:
        super().__init__(parent)
        self.played: list[str] = []
        self._effects: dict[str, object] = {}
        if enabled is None:
            enabled = (os.environ.get("OTOP_POS_SOUND", "1") != "0"
                       and QGuiApplication.platformName() not in HEADLESS)
        if enabled:
            self._load()

    def _load(self) -> None:
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError:  # QtMultimedia missing: the system beep will do
            return
        for name in ("error", "ok"):
            path = resource_path("sounds", f"{name}.wav")
            if path.is_file():
                effect = QSoundEffect(self)
                effect.setSource(QUrl.fromLocalFile(str(path)))
                effect.setVolume(0.8)
                self._effects[name] = effect

    def play(self, name: str) -> None:
        """Play a sound by name (falls back to the system beep)."""
        self.played.append(name)
        effect = self._effects.get(name)
        if effect is not None:
            try:
                effect.play()  # type: ignore[attr-defined]
                return
            except RuntimeError:
                pass
        if name == "error":
            QApplication.beep()

    def error(self) -> None:
        """Something needs the vendor's attention (unknown code, refused action)."""
        self.play("error")

    def ok(self) -> None:
        """A sale was saved."""
        self.play("ok")
