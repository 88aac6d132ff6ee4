"""What every tab and dialog is handed: the open database and a signal that something changed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal


class AppContext(QObject):
    """Holds the path of the open database; ``changed(subject)`` tells the window and the tabs that data
    changed (subjects: "people", "mentorships", "roadmap", "monitoring", "documents", "settings", "all")."""

    changed = Signal(str)

    def __init__(self, db_path: Path, read_only: bool = False) -> None:
        super().__init__()
        self.db_path = db_path
        self.read_only = read_only

    def notify(self, subject: str) -> None:
        self.changed.emit(subject)
