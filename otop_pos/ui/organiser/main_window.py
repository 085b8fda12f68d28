"""The organiser's main window: a bar with the pages (Dashboard, Import, Fair setup), the fair picker and the
language switch; files or folders dropped anywhere on the window are imported."""
from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from otop_pos.ui.organiser.context import OrganiserContext
from otop_pos.ui.organiser.dashboard import DashboardPage
from otop_pos.ui.organiser.i18n import day_text, translate
from otop_pos.ui.organiser.import_page import ImportPage, paths_from_mime
from otop_pos.ui.organiser.setup_page import SetupPage
from otop_pos.ui.organiser.widgets import nav_width
from otop_pos.ui.widgets import label, make_button

PAGES = ("dashboard", "import", "setup")


class OrganiserWindow(QMainWindow):
    """One window per language; the context (store, workers, chosen fair) outlives it."""

    def __init__(self, ctx: OrganiserContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(translate("OrgMain", "OTOP fair organiser"))
        self.setMinimumSize(1024, 600)   # a netbook: pages scroll where they need more
        self.setAcceptDrops(True)
        nav = QWidget()
        nav.setObjectName("navbar")
        nl = QHBoxLayout(nav)
        nl.setContentsMargins(0, 0, 8, 0)
        nl.setSpacing(0)
        nl.addWidget(label(translate("OrgMain", "OTOP organiser"), name="navtitle"))
        names = {"dashboard": translate("OrgMain", "Dashboard"), "import": translate("OrgMain", "Import exports"),
                 "setup": translate("OrgMain", "Fair setup")}
        self.nav_buttons: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        for i, page in enumerate(PAGES):
            b = make_button(names[page], name="nav", slot=partial(self.show_page, page))
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            nav_width(b)
            group.addButton(b)
            nl.addWidget(b)
            self.nav_buttons[page] = b
            shortcut = QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self)
            shortcut.activated.connect(partial(self.show_page, page))
        nl.addStretch(1)
        nl.addWidget(label(translate("OrgMain", "Fair"), name="navtitle"))
        self.fair_picker = QComboBox()
        self.fair_picker.setObjectName("fairpicker")
        self.fair_picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.fair_picker.activated.connect(self._fair_picked)
        nl.addWidget(self.fair_picker)
        nl.addSpacing(8)
        other = "en" if ctx.lang == "th" else "th"
        self.lang_button = make_button("English" if other == "en" else "ภาษาไทย", name="nav",
                                       slot=lambda: ctx.set_language(other))
        self.lang_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        nl.addWidget(self.lang_button)
        self.stack = QStackedWidget()
        self.dashboard = DashboardPage(ctx)
        self.importer = ImportPage(ctx)
        self.setup = SetupPage(ctx)
        self.pages: dict[str, QWidget] = {"dashboard": self.dashboard, "import": self.importer,
                                          "setup": self.setup}
        self.scrollers: dict[str, QScrollArea] = {}
        for name, w in self.pages.items():
            scroller = QScrollArea()
            scroller.setWidgetResizable(True)
            scroller.setFrameShape(QFrame.Shape.NoFrame)
            scroller.setWidget(w)
            self.scrollers[name] = scroller
            self.stack.addWidget(scroller)
        central = QWidget()
        cl = QVBoxLayout(central)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(0)
        cl.addWidget(nav)
        cl.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.store_label = label(translate("OrgMain", "Store: {where}").format(where=ctx.store.description))
        self.busy_label = label("")
        self.statusBar().addWidget(self.store_label, 1)
        self.statusBar().addPermanentWidget(self.busy_label)
        ctx.tasks.busyChanged.connect(self._busy)
        ctx.fairsChanged.connect(self._fill_picker)
        ctx.fairChanged.connect(lambda _f: self._fill_picker())
        self._fill_picker()
        self.show_page("dashboard" if ctx.fair is not None else "setup")

    def _busy(self, busy: bool) -> None:
        self.busy_label.setText(translate("OrgMain", "Working…") if busy else "")

    def _fill_picker(self) -> None:
        self.fair_picker.blockSignals(True)
        self.fair_picker.clear()
        for f in self.ctx.fairs:
            self.fair_picker.addItem(f"{f.name} ({day_text(f.first_day)})", f.uid)
        if self.ctx.fair is not None:
            self.fair_picker.setCurrentIndex(self.fair_picker.findData(self.ctx.fair.uid))
        if not self.ctx.fairs:
            self.fair_picker.addItem(translate("OrgMain", "No fair yet"), "")
        self.fair_picker.blockSignals(False)

    def _fair_picked(self, index: int) -> None:
        uid = self.fair_picker.itemData(index)
        if uid:
            self.ctx.select_fair(str(uid))

    def current_page(self) -> str:
        """The name of the page shown."""
        widget = self.stack.currentWidget()
        return next((name for name, w in self.scrollers.items() if w is widget), "dashboard")

    def show_page(self, name: str) -> QWidget:
        """Show the page ``name`` (dashboard, import, setup)."""
        widget = self.pages[name]
        self.stack.setCurrentWidget(self.scrollers[name])
        self.nav_buttons[name].setChecked(True)
        return widget

    # --- files dropped anywhere on the window go to the Import page ------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if paths_from_mime(event.mimeData()):
            self.importer.zone.set_hot(True)
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if paths_from_mime(event.mimeData()):
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: object) -> None:
        self.importer.zone.set_hot(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self.importer.zone.set_hot(False)
        paths = paths_from_mime(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.show_page("import")
            self.importer.import_paths(paths)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.ctx.tasks.busy:
            self.ctx.tasks.wait(30_000)
        super().closeEvent(event)
