"""Tab «Документы». Documents."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..context import AppContext
from .base import BaseTab, EmptyState


class DocumentsTab(BaseTab):
    subjects = ("documents", "mentorships")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.empty = EmptyState("Документы", "")
        QVBoxLayout(self).addWidget(self.empty)

    def load(self) -> None:
        from curator_app.models import IssuedDocument

        n = IssuedDocument.select().count()
        self.empty.set_text(
            f"Выпущенных документов: {n}",
            "Здесь будут приказ о закреплении наставнических пар, памятки наставляемым и благодарственные "
            "письма наставникам — в PDF и DOCX, с правильными падежами имён.")
