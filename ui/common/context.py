"""What every tab and dialog is handed: the open database (as :mod:`curator_app.db` has it: the one place
it is recorded) and a signal that something changed."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from curator_app import db


class Changed(StrEnum):
    """What a change touched: the tabs showing it reload (``BaseTab.subjects``)."""

    PEOPLE = "people"
    MENTORSHIPS = "mentorships"
    ROADMAP = "roadmap"
    MONITORING = "monitoring"
    DOCUMENTS = "documents"
    SETTINGS = "settings"
    ALL = "all"  # another database, a restore, a new academic year


class AppContext(QObject):
    """``changed(subject)`` tells the window and the tabs that data changed; ``subject`` is a
    :class:`Changed` (a ``str``, so a slot may compare it with text). ``go(tab, action, argument)`` asks the
    window to show a tab and have it do something (:meth:`ui.common.tab.BaseTab.perform`): the next step a tab
    offers («Подобрать пары» after an import, «Подготовить приказ…» after the draft) without knowing the window."""

    changed = Signal(str)
    go = Signal(str, str, object)

    @property
    def db_path(self) -> Path:
        path = db.current_path()
        if path is None:
            raise RuntimeError("no database is open")
        return path

    @property
    def read_only(self) -> bool:
        return db.is_read_only()

    def notify(self, subject: Changed) -> None:
        self.changed.emit(Changed(subject))

    def open(self, tab: str, action: str = "", argument: object = None) -> None:
        """Show ``tab`` (its code: "pairs", "documents"…) and ask it to ``action`` with ``argument``."""
        self.go.emit(tab, action, argument)
