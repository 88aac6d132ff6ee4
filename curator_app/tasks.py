"""Slow work has one protocol: a plain function takes its inputs and a ``state`` it reports to.

As in Orange's ``TaskState``, the function calls ``state.progress(done, total, stage)`` now and then and
stops when ``state.cancelled()`` turns true (raising :class:`TaskCancelled`, with nothing written). The
CLI and scripts pass :data:`QUIET`; the window's worker (``ui.common.worker``) passes a state whose
progress becomes a Qt signal and which is cancelled when the curator cancels or starts the same task
again.
"""

from __future__ import annotations

from typing import Protocol

from curator_app.errors import CuratorError


class TaskState(Protocol):
    def progress(self, done: int, total: int, stage: str = "") -> None:
        """``done`` of ``total`` units are finished; ``stage`` says in Russian what is being done."""

    def cancelled(self) -> bool:
        """True when the work should stop."""


class _Quiet:
    """Reports nowhere and is never cancelled."""

    def progress(self, done: int, total: int, stage: str = "") -> None:
        pass

    def cancelled(self) -> bool:
        return False


QUIET: TaskState = _Quiet()


class TaskCancelled(CuratorError):
    """The work was stopped on request; what it would have written was not written."""
