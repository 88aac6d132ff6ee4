"""Tab «Мониторинг». Monitoring."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..context import AppContext
from .base import BaseTab, EmptyState


class MonitoringTab(BaseTab):
    subjects = ("monitoring", "mentorships")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.empty = EmptyState("Мониторинг", "")
        QVBoxLayout(self).addWidget(self.empty)

    def load(self) -> None:
        from curator_app.models import Response

        n = Response.select().count()
        self.empty.set_text(
            f"Заполненных анкет: {n}",
            "Здесь будут анкеты наставников и наставляемых, входная и итоговая волны, ввод ответов "
            "с бумажных анкет, графики и аналитическая справка.")
