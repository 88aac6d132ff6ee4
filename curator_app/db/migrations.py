"""Schema versions and the steps between them.

The version lives in the file itself (``PRAGMA user_version``). ``MIGRATIONS[n]`` upgrades a
database from version ``n - 1`` to ``n`` with ``playhouse.migrate``; a new database is created at
``LATEST`` directly from the models. ``tests/core/test_migrations.py`` builds every older version
from its frozen schema (``tests/core/db/schemas/v*.sql``) with data in it, migrates it and checks the
result equals a freshly created database, table by table and column by column.
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import SQL, BooleanField, TextField
from playhouse.migrate import SqliteMigrator, migrate

Migration = Callable[[SqliteMigrator], None]



def _v2_mentee_interests(migrator: SqliteMigrator) -> None:
    """Mentees get interests, so matching compares interests with interests, not with the request."""
    migrate(migrator.add_column("mentee", "interests", TextField(null=True)))


def _v3_consent_pending(migrator: SqliteMigrator) -> None:
    """A consent form handed out («бланк выдан») and not signed yet is a row of its own kind: never valid,
    where a row without a signing date is a consent on file whose date nobody stated."""
    migrate(migrator.add_column("consent", "pending", BooleanField(default=False, constraints=[SQL("DEFAULT 0")])))


MIGRATIONS: dict[int, Migration] = {2: _v2_mentee_interests, 3: _v3_consent_pending}

LATEST = 1 + len(MIGRATIONS)
