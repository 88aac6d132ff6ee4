"""The main window's tabs, in order: each subject's tab is its own module; the window builds them from this list."""

from __future__ import annotations

from importlib import import_module

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.common.context import AppContext
from ui.common.tab import BaseTab

# (code used by ``gui --tab``, Russian title, module, class): each subject's tab is ``ui/<subject>/tab.py``
TABS: list[tuple[str, str, str, str]] = [
    ("roadmap", "Дорожная карта", "ui.roadmap.tab", "RoadmapTab"),
    ("mentors", "Наставники", "ui.banks.tab", "MentorsTab"),
    ("mentees", "Наставляемые", "ui.banks.tab", "MenteesTab"),
    ("pairs", "Пары и группы", "ui.pairs.tab", "PairsTab"),
    ("monitoring", "Мониторинг", "ui.monitoring.tab", "MonitoringTab"),
    ("documents", "Документы", "ui.documents.tab", "DocumentsTab"),
]


def create_tab(module: str, cls: str, ctx: AppContext, parent: QWidget | None = None) -> BaseTab:
    tab_class = getattr(import_module(module), cls)
    return tab_class(ctx, parent)  # type: ignore[no-any-return]


def find_tab_index(name: str) -> int | None:
    """``gui --tab`` accepts the code or the Russian title, in any letter case."""
    wanted = name.strip().casefold()
    for index, (code, title, _, _) in enumerate(TABS):
        if wanted in (code, title.casefold()):
            return index
    return None


class TabSlot(QWidget):
    """A tab's place in the window. The tab itself — and what its module imports (reportlab, QtCharts,
    scipy…) — is built the first time it is shown, so the window paints before any of that loads."""

    def __init__(self, module: str, cls: str, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._spec = (module, cls)
        self._ctx = ctx
        self._tab: BaseTab | None = None
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._tab is not None

    @property
    def tab(self) -> BaseTab:
        if self._tab is None:
            self._tab = create_tab(*self._spec, self._ctx, self)
            self.layout().addWidget(self._tab)
        return self._tab

    def activate(self) -> None:
        self.tab.activate()
