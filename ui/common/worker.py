"""Slow work off the UI thread, one mechanism for every tab and dialog.

A plain core function ``fn(state)`` runs on a ``QThread``; ``state`` is a
:class:`curator_app.tasks.TaskState`: its ``progress(done, total, stage)`` becomes the ``progress``
signal, its ``cancelled()`` turns true on :meth:`Task.cancel`. The result or the error comes back through
signals, so no widget is ever touched from the worker. The worker's own SQLite connection (peewee keeps
one per thread) is closed when it ends.

:func:`start` is what a tab calls: starting a task under the same key again cancels the one running and
drops its result (the curator changed their mind: a new wave chosen, a new file picked).
:func:`run_modal` shows a progress window over its parent while the work runs, for work that must not be
interrupted (a copy half-written).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from curator_app.errors import user_message
from curator_app.models import database
from curator_app.tasks import TaskState

TaskFn = Callable[[TaskState], Any]


class _State:
    """The :class:`TaskState` a worker hands to its function."""

    def __init__(self, task: Task) -> None:
        self._task = task
        self._cancel = threading.Event()

    def progress(self, done: int, total: int, stage: str = "") -> None:
        self._task.progress.emit(done, total, stage)

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class Task(QThread):
    """Runs ``fn(state)``, then emits ``succeeded(result)`` or ``failed(error)`` (the exception) with
    ``failed_message(text)`` (it in Russian). A task superseded by a newer one emits neither: its result
    is not wanted any more."""

    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    failed_message = Signal(str)

    def __init__(self, fn: TaskFn, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self._superseded = False
        self.state = _State(self)

    def cancel(self) -> None:
        """Ask the function to stop; it reports how it ended (e.g. «Импорт отменён…») as usual."""
        self.state._cancel.set()

    def supersede(self) -> None:
        """Stop it and drop whatever it would deliver: a newer task of the same kind was started."""
        self._superseded = True
        self.cancel()

    def run(self) -> None:
        try:
            result = self._fn(self.state)
        except Exception as error:  # noqa: BLE001 - handed to the UI thread instead of a silent dead thread
            if not self._superseded:
                self.failed.emit(error)
                self.failed_message.emit(user_message(error))
        else:
            if not self._superseded:
                self.succeeded.emit(result)
        finally:
            if not database.is_closed():
                database.close()  # this thread's connection only


def start(owner: QObject, fn: TaskFn, done: Callable[[Any], None], error: Callable[[str], None], *,
          key: str = "", progress: Callable[[int, int, str], None] | None = None) -> Task:
    """Start ``fn(state)`` on a worker; ``done(result)`` or ``error(message)`` (Russian) run on the UI
    thread. A task started earlier by ``owner`` under the same ``key`` is superseded: stopped, its result
    never arrives. ``owner`` keeps its tasks alive.

    The callbacks are connected as they are (bound methods, functions): PySide tracks a bound method's
    object, while a closure wrapping one crashes it when the finished thread is deleted."""
    running: dict[str, Task] = getattr(owner, "_worker_tasks", None) or {}
    owner._worker_tasks = running  # type: ignore[attr-defined]
    previous = running.get(key)
    if previous is not None and _alive(previous):
        previous.supersede()
    task = Task(fn, owner)
    running[key] = task
    task.succeeded.connect(done)
    task.failed_message.connect(error)
    if progress is not None:
        task.progress.connect(progress)
    task.finished.connect(task.deleteLater)
    task.start()
    return task


def wait_for(owner: QObject) -> None:
    """Let the tasks ``owner`` started finish their last lines before ``owner`` goes: a ``QThread`` deleted with
    its parent while it still runs takes the program down."""
    for task in list((getattr(owner, "_worker_tasks", None) or {}).values()):
        if _alive(task):
            task.wait()


class _Modal(QProgressDialog):
    """A progress window over its parent while one task runs; it closes itself and then reports."""

    _open: set[_Modal] = set()  # windows without a parent stay alive until their task is done

    def __init__(self, parent: QWidget | None, title: str, fn: TaskFn, done: Callable[[Any], None],
                 failed: Callable[[BaseException], None]) -> None:
        super().__init__(title, "", 0, 100, parent)
        self.setWindowTitle(title)
        self.setCancelButton(None)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(300)
        self.setAutoClose(False)
        self._done, self._failed = done, failed
        self.task = Task(fn, self)
        self.task.progress.connect(self._progress)
        self.task.succeeded.connect(self._ok)
        self.task.failed.connect(self._bad)
        _Modal._open.add(self)
        self.task.start()

    def _progress(self, value: int, total: int, stage: str) -> None:
        self.setValue(int(100 * value / max(total, 1)))
        if stage:
            self.setLabelText(stage)

    def _close(self) -> None:
        self.task.wait()
        self.close()
        _Modal._open.discard(self)
        self.deleteLater()

    def _ok(self, result: object) -> None:
        self._close()
        self._done(result)

    def _bad(self, error: BaseException) -> None:
        self._close()
        self._failed(error)


def run_modal(parent: QWidget | None, title: str, fn: TaskFn, done: Callable[[Any], None],
              failed: Callable[[BaseException], None]) -> Task:
    """Run ``fn(state)`` while a window-modal progress window shows its stage; it has no «Отмена»: what it
    runs (a copy, a restore) must finish or fail on its own. ``done(result)`` or ``failed(error)`` follow
    on the UI thread, after the window closed."""
    return _Modal(parent, title, fn, done, failed).task


def _alive(task: Task) -> bool:
    try:
        return task.isRunning()
    except RuntimeError:  # already deleted
        return False
