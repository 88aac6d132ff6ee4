"""Backup and restore work on a worker thread, with progress; results come back through signals.

The core functions run here touch no peewee state (they open their own SQLite connections), so nothing
of the window's database connection is used off the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from curator_app.backup.make import Report

TaskFn = Callable[[Report], Any]


class BackupTask(QThread):
    """Runs ``fn(report)``: ``progress(percent, stage)``, then ``succeeded(result)`` or ``failed(error)``."""

    progress = Signal(int, str)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: TaskFn, parent: Any = None) -> None:
        super().__init__(parent)
        self._fn = fn

    def run(self) -> None:
        try:
            result = self._fn(lambda percent, stage: self.progress.emit(percent, stage))
        except Exception as error:  # noqa: BLE001 - handed to the UI thread, which shows it
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)


def run_with_progress(parent: QWidget | None, title: str, fn: TaskFn) -> Any:
    """Run ``fn`` on a worker while a modal progress window shows; return its result or raise its error."""
    dialog = QProgressDialog(title, "", 0, 100, parent)
    dialog.setWindowTitle(title)
    dialog.setCancelButton(None)  # a half-done copy or restore cannot be interrupted safely
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    outcome: dict[str, Any] = {}
    loop = QEventLoop()
    task = BackupTask(fn)

    def on_progress(percent: int, stage: str) -> None:
        dialog.setValue(percent)
        dialog.setLabelText(stage)

    def on_succeeded(result: object) -> None:
        outcome["result"] = result
        loop.quit()

    def on_failed(error: object) -> None:
        outcome["error"] = error
        loop.quit()

    task.progress.connect(on_progress)
    task.succeeded.connect(on_succeeded)
    task.failed.connect(on_failed)
    task.start()
    if not outcome:
        loop.exec()
    task.wait()
    task.deleteLater()
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")
