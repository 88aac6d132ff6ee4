"""Errors the curator sees: every message is Russian and says what is wrong and where.

:func:`user_message` is the one translation of a failure into the curator's words. The operating system
and SQLite fail in a handful of ways a school PC and a flash drive really meet — the disk is full, the
medium is write-protected, another program holds the database, the drive was pulled out — and the real
cause is often deeper in the exception chain than the error raised last (a failed COMMIT on a full disk
surfaces as «cannot rollback - no transaction is active»); :func:`cause_of` looks through the chain.
"""

from __future__ import annotations

import errno as _errno


class CuratorError(Exception):
    """A failure the user can act on; ``str(error)`` is the Russian message shown as is."""


class DatabaseLockedError(CuratorError):
    """Another copy of the program holds the database file."""


class SchemaTooNewError(CuratorError):
    """The file was written by a newer version of the program."""


class NotACuratorDatabaseError(CuratorError):
    """The file is not a Curator database (or not SQLite at all)."""


READ_ONLY_MESSAGE = ("База открыта только для чтения (носитель защищён от записи или нет прав на папку): "
                     "изменения сохранить нельзя. Скопируйте базу на диск компьютера и откройте её оттуда.")

DISK_FULL, READ_ONLY, NO_RIGHTS, BUSY, IO = "disk_full", "read_only", "no_rights", "busy", "io"

# SQLite's primary result codes (the low byte of an extended code)
_SQLITE = {13: DISK_FULL, 8: READ_ONLY, 5: BUSY, 6: BUSY, 10: IO, 14: IO}
_ERRNO = {_errno.ENOSPC: DISK_FULL, getattr(_errno, "EDQUOT", -1): DISK_FULL, _errno.EROFS: READ_ONLY, _errno.EACCES: NO_RIGHTS,
          _errno.EPERM: NO_RIGHTS, _errno.EIO: IO, _errno.ENXIO: IO, _errno.ENODEV: IO}
_TEXT = (("disk is full", DISK_FULL), ("no space left", DISK_FULL), ("readonly database", READ_ONLY),
         ("read-only file system", READ_ONLY), ("database is locked", BUSY), ("database table is locked", BUSY),
         ("disk i/o error", IO))
_RANK = (DISK_FULL, READ_ONLY, NO_RIGHTS, BUSY, IO)  # the first found in this order is the one to name

MESSAGES = {
    DISK_FULL: "На диске закончилось место: изменение не сохранено. Освободите место и повторите.",
    READ_ONLY: READ_ONLY_MESSAGE,
    NO_RIGHTS: "Нет прав на запись в папку или файл: изменение не сохранено. Выберите другую папку "
               "или попросите администратора дать права.",
    BUSY: "База занята: другая программа сейчас записывает в неё. Повторите через несколько секунд.",
    IO: "Ошибка чтения или записи на диске (носитель извлечён или неисправен?): изменение не сохранено.",
}


def _chain(error: BaseException) -> list[BaseException]:
    """The error, its causes and contexts, and the exceptions it wraps (peewee keeps SQLite's in ``orig``)."""
    seen: list[BaseException] = []
    todo = [error]
    while todo:
        current = todo.pop(0)
        if any(current is s for s in seen) or len(seen) > 20:
            continue
        seen.append(current)
        todo += [e for e in (current.__cause__, current.__context__, getattr(current, "orig", None))
                 if isinstance(e, BaseException)]
        todo += [a for a in getattr(current, "args", ()) if isinstance(a, BaseException)]
    return seen


def _kind(error: BaseException) -> str | None:
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in _SQLITE:
        return _SQLITE[code & 0xFF]
    number = getattr(error, "errno", None)
    if isinstance(error, OSError) and number in _ERRNO:
        return _ERRNO[number]
    text = str(error).lower()
    return next((kind for needle, kind in _TEXT if needle in text), None)


def cause_of(error: BaseException) -> str | None:
    """What really went wrong, looking through the whole chain: :data:`DISK_FULL`, :data:`READ_ONLY`,
    :data:`NO_RIGHTS`, :data:`BUSY`, :data:`IO`, or None for anything else."""
    found = {kind for e in _chain(error) if (kind := _kind(e))}
    return next((kind for kind in _RANK if kind in found), None)


def user_message(error: BaseException) -> str:
    """What to tell the curator about any failure, in Russian: a :class:`CuratorError` as it is, the
    disk's and the database's refusals in words, anything else as an unexpected error."""
    import sqlite3

    from peewee import DatabaseError

    if isinstance(error, CuratorError):
        return str(error)
    kind = cause_of(error)
    if kind:
        return MESSAGES[kind]
    text = str(error) or str(getattr(error, "orig", "") or "")
    if isinstance(error, (DatabaseError, sqlite3.DatabaseError)):
        return f"Ошибка базы данных: {text}. Проверьте файл командой check."
    if isinstance(error, OSError) and error.strerror:
        where = f" («{error.filename}»)" if error.filename else ""
        return f"Ошибка файла{where}: {error.strerror}."
    return f"Непредвиденная ошибка: {text or type(error).__name__}"
