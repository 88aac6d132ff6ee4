"""Slow work off the UI thread, one mechanism for every tab: a plain core function runs on a ``QThread``;
its result or a Russian error message comes back through signals, so no widget is ever touched from
the worker. The worker's own SQLite connection (peewee keeps one per thread) is closed when it ends.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThread, Signal

from curator_app.errors import user_message
from curator_app.models import database

Progress = Callable[[int, int], None]
ReportingFn = Callable[[Progress, Callable[[], bool]], Any]


class Task(QThread):
    """Runs ``fn()`` — or, with ``reports``, ``fn(progress, cancelled)`` so the function can report
    ``progress(done, total)`` and stop when ``cancelled()`` — then emits ``succeeded(result)`` or
    ``failed(message)``."""

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, fn: Callable[..., Any], parent: Any = None, *, reports: bool = False) -> None:
        super().__init__(parent)
        self._fn = fn
        self._reports = reports
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            if self._reports:
                result = self._fn(lambda done, total: self.progress.emit(done, total), self._cancel.is_set)
            else:
                result = self._fn()
        except Exception as error:  # noqa: BLE001 - shown to the curator instead of a silent dead thread
            self.failed.emit(user_message(error))
        else:
            self.succeeded.emit(result)
        finally:
            if not database.is_closed():
                database.close()  # this thread's connection only


def start(owner: Any, fn: Callable[[], Any], done: Callable[[Any], None], error: Callable[[str], None]) -> Task:
    """Start ``fn`` on a worker; ``done``/``error`` run on the UI thread. ``owner`` keeps the task alive."""
    task = Task(fn, owner)
    task.succeeded.connect(done)
    task.failed.connect(error)
    task.finished.connect(task.deleteLater)
    owner._worker_tasks = [t for t in getattr(owner, "_worker_tasks", []) if _alive(t)] + [task]
    task.start()
    return task


def _alive(task: Task) -> bool:
    try:
        return task.isRunning()
    except RuntimeError:  # already deleted
        return False
