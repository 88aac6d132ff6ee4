"""Slow bank work (an import of thousands of rows) on a worker thread, with progress and cancel.

The worker runs a plain core function ``fn(progress, cancelled)``; results come back through signals,
so no widget is touched off the UI thread. The worker's own SQLite connection is closed when it ends.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThread, Signal

from curator_app.errors import CuratorError
from curator_app.models import database

TaskFn = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class BankTask(QThread):
    """``progress(done, total)``, then ``succeeded(result)`` or ``failed(message)``."""

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, fn: TaskFn, parent: Any = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            result = self._fn(lambda done, total: self.progress.emit(done, total), self._cancel.is_set)
        except CuratorError as error:
            self.failed.emit(str(error))
        except Exception as error:  # noqa: BLE001 - shown to the curator instead of a silent dead thread
            self.failed.emit(f"Непредвиденная ошибка: {error}")
        else:
            self.succeeded.emit(result)
        finally:
            if not database.is_closed():
                database.close()  # this thread's connection only (peewee keeps one per thread)
