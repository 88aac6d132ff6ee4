"""Slow monitoring work (analytics of thousands of answers, a report, blanks, an import) off the UI thread.

The worker runs a plain core function; the result or a Russian error comes back through a signal, so no
widget is touched from the worker. Its own SQLite connection is closed when it ends.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThread, Signal

from curator_app.errors import CuratorError
from curator_app.models import database


class MonitoringTask(QThread):
    """Runs ``fn()``; emits ``succeeded(result)`` or ``failed(message)``."""

    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, fn: Callable[[], Any], parent: Any = None) -> None:
        super().__init__(parent)
        self._fn = fn

    def run(self) -> None:
        try:
            result = self._fn()
        except CuratorError as error:
            self.failed.emit(str(error))
        except Exception as error:  # noqa: BLE001 - shown to the curator instead of a silent dead thread
            self.failed.emit(f"Непредвиденная ошибка: {error}")
        else:
            self.succeeded.emit(result)
        finally:
            if not database.is_closed():
                database.close()  # this thread's connection only (peewee keeps one per thread)


def start(owner: Any, fn: Callable[[], Any], done: Callable[[Any], None], error: Callable[[str], None]) -> MonitoringTask:
    """Start ``fn`` on a worker; ``done``/``error`` run on the UI thread. The task is kept on ``owner``."""
    task = MonitoringTask(fn, owner)
    task.succeeded.connect(done)
    task.failed.connect(error)
    task.finished.connect(task.deleteLater)
    tasks = getattr(owner, "_monitoring_tasks", [])
    tasks = [t for t in tasks if _alive(t)]
    tasks.append(task)
    owner._monitoring_tasks = tasks
    task.start()
    return task


def _alive(task: MonitoringTask) -> bool:
    try:
        return task.isRunning()
    except RuntimeError:  # already deleted
        return False
