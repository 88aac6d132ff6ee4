"""One copy of the program per database file: an OS lock on ``<db>.lock`` held while it is open.

The OS releases the lock when the process dies, so a crash never leaves the file locked for good.
"""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path
from typing import IO

from curator_app.errors import CuratorError, DatabaseLockedError
from curator_app.files import PRIVATE_FILE


class DatabaseLock:
    """Holds an exclusive lock on the lock file beside the database until :meth:`release`."""

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self._file: IO[str] | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
            handle = open(fd, "a+", encoding="utf-8")  # noqa: SIM115 - kept open while locked
        except OSError as exc:  # a write-protected flash drive, a CD, a folder without rights
            raise CuratorError(
                f"Не удалось занять базу данных «{self.path.with_suffix('')}»: папка недоступна для записи "
                f"({exc.strerror or exc}): изменения в ней сохранить нельзя. Скопируйте базу на диск компьютера."
            ) from exc
        try:
            _lock(handle)
        except OSError:
            handle.seek(0)
            owner = handle.read().strip()
            handle.close()
            where = f" ({owner})" if owner else ""
            raise DatabaseLockedError(
                f"База данных «{self.path.with_suffix('')}» уже открыта другой копией программы{where}. "
                "Закройте её и попробуйте снова."
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"PID {os.getpid()} на {socket.gethostname()}")
        handle.flush()
        self._file = handle

    def release(self) -> None:
        if self._file is not None:
            try:
                _unlock(self._file)
            finally:
                self._file.close()
                self._file = None

    @property
    def held(self) -> bool:
        return self._file is not None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
