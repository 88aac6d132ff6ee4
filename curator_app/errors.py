"""Errors the curator sees: every message is Russian and says what is wrong and where."""

from __future__ import annotations


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


def user_message(error: BaseException) -> str:
    """What to tell the curator about any failure, in Russian: a :class:`CuratorError` as it is, the
    database's own refusals in words, anything else as an unexpected error."""
    import errno
    import sqlite3

    from peewee import DatabaseError

    if isinstance(error, CuratorError):
        return str(error)
    text = str(error)
    if "readonly database" in text:
        return READ_ONLY_MESSAGE
    if "database is locked" in text:
        return "База занята: другая программа сейчас записывает в неё. Повторите через несколько секунд."
    if "disk is full" in text or getattr(error, "errno", None) == errno.ENOSPC:
        return "На диске закончилось место: изменение не сохранено. Освободите место и повторите."
    if isinstance(error, (DatabaseError, sqlite3.DatabaseError)):
        return f"Ошибка базы данных: {text}. Проверьте файл командой check."
    return f"Непредвиденная ошибка: {text or type(error).__name__}"
