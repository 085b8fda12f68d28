"""The organiser session shared by every page: the fair store, the clock, the language, the worker pool, the
fair being looked at and where report files go. It outlives the window (a language switch rebuilds it)."""
from __future__ import annotations

from pathlib import Path

from platformdirs import user_documents_dir
from PySide6.QtCore import QObject, Signal

from otop_pos.core.clock import Clock
from otop_pos.fair.fairs import FairInfo, list_fairs
from otop_pos.fair.store import FairStore
from otop_pos.ui.organiser.i18n import install_organiser_language
from otop_pos.ui.runner import OperationRunner


def default_export_dir() -> Path:
    """Where report files are written unless the organiser picks another folder."""
    return Path(user_documents_dir()) / "OTOP reports"


class OrganiserContext(QObject):
    """Everything an organiser page needs besides its own widgets."""

    fairsChanged = Signal()
    fairChanged = Signal(object)  # FairInfo | None
    dataChanged = Signal()  # registry loaded or exports imported: figures are stale
    languageChanged = Signal(str)

    def __init__(self, store: FairStore, clock: Clock, *, lang: str | None = None,
                 export_dir: Path | None = None, import_jobs: int | None = None) -> None:
        super().__init__()
        self.store, self.clock = store, clock
        self.lang = install_organiser_language(lang)
        self.tasks = OperationRunner(self, threads=2)
        self.export_dir = export_dir or default_export_dir()
        self.import_jobs = import_jobs  # None: the importer decides (worker processes for many files)
        self.fairs: list[FairInfo] = []
        self.fair: FairInfo | None = None
        self.reload_fairs()

    def reload_fairs(self, select_uid: str | None = None) -> None:
        """Read the fairs of the store again; keep (or switch to) the chosen one, else take the newest."""
        self.fairs = list_fairs(self.store)
        want = select_uid or (self.fair.uid if self.fair is not None else None)
        chosen = next((f for f in self.fairs if f.uid == want), self.fairs[0] if self.fairs else None)
        self.fairsChanged.emit()
        if chosen != self.fair:
            self.fair = chosen
            self.fairChanged.emit(chosen)

    def select_fair(self, uid: str) -> None:
        """Look at another fair of the store."""
        chosen = next((f for f in self.fairs if f.uid == uid), None)
        if chosen is not None and chosen != self.fair:
            self.fair = chosen
            self.fairChanged.emit(chosen)

    def set_language(self, lang: str) -> None:
        """Switch language; the window listens and rebuilds itself."""
        if lang != self.lang:
            self.lang = install_organiser_language(lang)
            self.languageChanged.emit(self.lang)

    def shutdown(self) -> None:
        """Wait for running work before the store is closed."""
        self.tasks.wait()
