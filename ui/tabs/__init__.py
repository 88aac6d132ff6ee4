"""The main window's tabs, in order. Each is its own module; the window builds them from this list."""

from __future__ import annotations

from importlib import import_module

from PySide6.QtWidgets import QWidget

from ..context import AppContext
from .base import BaseTab

# (code used by ``gui --tab``, Russian title, module, class)
TABS: list[tuple[str, str, str, str]] = [
    ("roadmap", "Дорожная карта", "roadmap_tab", "RoadmapTab"),
    ("mentors", "Наставники", "mentors_tab", "MentorsTab"),
    ("mentees", "Наставляемые", "mentees_tab", "MenteesTab"),
    ("pairs", "Пары и группы", "pairs_tab", "PairsTab"),
    ("monitoring", "Мониторинг", "monitoring_tab", "MonitoringTab"),
    ("documents", "Документы", "documents_tab", "DocumentsTab"),
]


def create_tab(module: str, cls: str, ctx: AppContext, parent: QWidget | None = None) -> BaseTab:
    tab_class = getattr(import_module(f"{__name__}.{module}"), cls)
    return tab_class(ctx, parent)  # type: ignore[no-any-return]


def find_tab_index(name: str) -> int | None:
    """``gui --tab`` accepts the code or the Russian title, in any letter case."""
    wanted = name.strip().casefold()
    for index, (code, title, _, _) in enumerate(TABS):
        if wanted in (code, title.casefold()):
            return index
    return None
