"""Tab «Пары и группы». Pairs and groups."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..context import AppContext
from .base import BaseTab, EmptyState


class PairsTab(BaseTab):
    subjects = ("people", "mentorships")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.empty = EmptyState("Пары и группы", "")
        QVBoxLayout(self).addWidget(self.empty)

    def load(self) -> None:
        from curator_app.models import Mentorship

        n = Mentorship.select().count()
        self.empty.set_text(
            f"Наставнических пар и групп: {n}",
            "Здесь будут пары и группы с их статусами, подбор наставников с объяснением каждой пары "
            "и кнопка «Подобрать всем», план и журнал встреч.")
