"""Tab «Пары и группы»: the pairs and groups with their life, and the matching workspace."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.common.context import AppContext, Changed
from ui.common.tab import BaseTab

from .list_page import ListPage
from .workspace import Workspace


class PairsTab(BaseTab):
    """Two pages: «Пары и группы» (table, filters, the selected pair's plan, meetings, history) and
    «Подбор пар» (waiting mentees, free mentors, suggestions, «Подобрать всем» and its draft, weights)."""

    subjects = (Changed.PEOPLE, Changed.MENTORSHIPS, Changed.SETTINGS)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.pages = QTabWidget()
        self.list_page = ListPage()
        self.workspace = Workspace()
        self.pages.addTab(self.list_page, "Пары и группы")
        self.pages.addTab(self.workspace, "Подбор пар")
        self.list_page.changed.connect(lambda: self._changed(self.workspace))
        self.workspace.changed.connect(lambda: self._changed(self.list_page))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.pages)

    def load(self) -> None:
        self.list_page.load()
        self.workspace.load()

    def _changed(self, other: ListPage | Workspace) -> None:
        other.load()
        self._own_notice = True
        self.ctx.notify(Changed.MENTORSHIPS)

    def _on_changed(self, subject: str) -> None:
        if getattr(self, "_own_notice", False):  # our own change: both pages are fresh already
            self._own_notice = False
            return
        super()._on_changed(subject)
