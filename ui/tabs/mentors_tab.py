"""Tab «Наставники». The mentor bank."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from curator_app.fmt import plural

from ..context import AppContext
from .base import BaseTab, EmptyState


class MentorsTab(BaseTab):
    subjects = ("people", "mentorships")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.empty = EmptyState("Наставники", "")
        QVBoxLayout(self).addWidget(self.empty)

    def load(self) -> None:
        from curator_app.models import Mentor

        n = Mentor.select().where(Mentor.archived_on.is_null()).count()
        self.empty.set_text(
            f"Банк наставников: {plural(n, 'человек', 'человека', 'человек')}",
            "Здесь будет таблица наставников: поиск, фильтры по категории, форме и обучению, карточка "
            "человека с согласием на обработку персональных данных, импорт и экспорт Excel.")
