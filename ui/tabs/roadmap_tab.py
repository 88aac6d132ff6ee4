"""Tab «Дорожная карта». The roadmap."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..context import AppContext
from .base import BaseTab, EmptyState


class RoadmapTab(BaseTab):
    subjects = ("roadmap",)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.empty = EmptyState("Дорожная карта", "")
        QVBoxLayout(self).addWidget(self.empty)

    def load(self) -> None:
        from curator_app.models import RoadmapEvent

        n = RoadmapEvent.select().count()
        self.empty.set_text(
            f"Мероприятий в дорожной карте: {n}",
            "Здесь будет дорожная карта: разделы и мероприятия, шкала времени по месяцам учебного года, "
            "ближайшие и просроченные сроки, импорт из Word, Excel и текста.")
