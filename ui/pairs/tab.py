"""Tab «Пары и группы»: the pairs and groups with their life, and the matching workspace."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from curator_app.matching import Draft
from curator_app.stats import counts
from ui.common import keys
from ui.common.context import AppContext, Changed
from ui.common.next_step import NextStep
from ui.common.tab import BaseTab, EmptyState

from .list_page import ListPage
from .workspace import Workspace


class PairsTab(BaseTab):
    """Two pages: «Пары и группы» (table, filters, the selected pair's plan, meetings, history; a word on what
    to do while there are none) and «Подбор пар» (waiting mentees, free mentors, suggestions, «Подобрать всем»
    and its draft, weights). After the draft is accepted the next step is offered: the order."""

    subjects = (Changed.PEOPLE, Changed.MENTORSHIPS, Changed.SETTINGS)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.pages = QTabWidget()
        self.list_page = ListPage()
        self.workspace = Workspace()
        self.empty = EmptyState("Пар и групп пока нет", "", actions=[("Подобрать пары", self.match)])
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.list_page)
        self.list_stack.addWidget(self.empty)
        self.pages.addTab(self.list_stack, "Пары и группы")
        self.pages.addTab(self.workspace, "Подбор пар")
        self.list_page.changed.connect(lambda: self._changed(self.workspace))
        self.workspace.changed.connect(lambda: self._changed(self.list_page))
        self.workspace.accepted.connect(self._offer_order)
        keys.bind(self.workspace.match_button, "Ctrl+M")
        keys.bind(self.workspace.draft.accept_button, "Ctrl+Return")
        self.next_step = NextStep()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.next_step)
        layout.addWidget(self.pages)

    def load(self) -> None:
        self.list_page.load()
        self.workspace.load()
        self._show_empty()

    def _show_empty(self) -> None:
        """While there are no pairs at all, the first page says how to make them."""
        if self.list_page.rows or self.list_page.form_combo.currentData() or self.list_page.status_combo.currentData():
            self.list_stack.setCurrentWidget(self.list_page)
            return
        numbers = counts()
        if numbers["mentors"] and numbers["mentees"]:
            text = ("Пары составляются на странице «Подбор пар»: «Подобрать всем» предложит лучшие пары для всей "
                    "школы сразу, с объяснением каждой. Черновик можно проверить, поправить и принять.")
        else:
            text = ("Сначала загрузите списки: наставников и наставляемых (вкладки «Наставники» и «Наставляемые»). "
                    "Затем «Подобрать пары» предложит лучшие пары для всей школы.")
        self.empty.set_text("Пар и групп пока нет", text)
        self.empty.buttons[0].setEnabled(bool(numbers["mentors"] and numbers["mentees"]))
        self.list_stack.setCurrentWidget(self.empty)

    def perform(self, action: str, argument: object = None) -> None:
        if action == "match":
            self.match()
        elif action == "draft" and isinstance(argument, Draft):
            self.pages.setCurrentWidget(self.workspace)
            self.workspace.show_draft(argument)

    def match(self) -> None:
        """«Подобрать пары»: the workspace, with «Подобрать всем» started."""
        self.pages.setCurrentWidget(self.workspace)
        self.workspace.match_all()

    def _offer_order(self, ids: list[int]) -> None:
        self.next_step.offer(
            f"Принято: {self.workspace.draft.accepted_text or len(ids)} (статус «Планируется»). Пары закрепляются "
            "приказом: его подписывает директор, и с даты приказа пары действуют.",
            [("Подготовить приказ…", lambda: self.ctx.open("documents", "order", ids))])

    def _changed(self, other: ListPage | Workspace) -> None:
        other.load()
        self._show_empty()
        self._own_notice = True
        self.ctx.notify(Changed.MENTORSHIPS)

    def _on_changed(self, subject: str) -> None:
        if getattr(self, "_own_notice", False):  # our own change: both pages are fresh already
            self._own_notice = False
            return
        super()._on_changed(subject)
