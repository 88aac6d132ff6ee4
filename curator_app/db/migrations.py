"""Schema versions and the steps between them.

The version lives in the file itself (``PRAGMA user_version``). ``MIGRATIONS[n]`` upgrades a
database from version ``n - 1`` to ``n`` with ``playhouse.migrate``; a new database is created at
``LATEST`` directly from the models. ``tests/core/test_migrations.py`` builds every older version
from its frozen schema (``tests/core/db/schemas/v*.sql``) with data in it, migrates it and checks the
result equals a freshly created database, table by table and column by column.
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import TextField
from playhouse.migrate import SqliteMigrator, migrate

Migration = Callable[[SqliteMigrator], None]



def _v2_mentee_interests(migrator: SqliteMigrator) -> None:
    """Mentees get interests, so matching compares interests with interests, not with the request."""
    migrate(migrator.add_column("mentee", "interests", TextField(null=True)))


MIGRATIONS: dict[int, Migration] = {2: _v2_mentee_interests}

LATEST = 1 + len(MIGRATIONS)
