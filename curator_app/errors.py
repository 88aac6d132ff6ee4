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
