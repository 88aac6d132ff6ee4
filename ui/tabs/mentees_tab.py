"""Tab «Наставляемые». The mentee bank."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from curator_app.fmt import plural

from ..context import AppContext
from .base import BaseTab, EmptyState


class MenteesTab(BaseTab):
    subjects = ("people", "mentorships")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.empty = EmptyState("Наставляемые", "")
        QVBoxLayout(self).addWidget(self.empty)

    def load(self) -> None:
        from curator_app.models import Mentee

        n = Mentee.select().where(Mentee.archived_on.is_null()).count()
        self.empty.set_text(
            f"Банк наставляемых: {plural(n, 'человек', 'человека', 'человек')}",
            "Здесь будет таблица наставляемых: поиск, фильтры по классу, форме и статусу, карточка "
            "человека с ключевым запросом и согласием, импорт и экспорт Excel.")
