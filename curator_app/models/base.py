"""The one database handle every model binds to, and the base model.

``database`` is initialised in exactly one place, :func:`curator_app.db.open_database`.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from peewee import Model, SqliteDatabase, TextField

database = SqliteDatabase(None)


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class JSONField(TextField):
    """A JSON value stored as text (lists of options, document parameters, audit details)."""

    def db_value(self, value: Any) -> str | None:
        return None if value is None else json.dumps(value, ensure_ascii=False)

    def python_value(self, value: str | None) -> Any:
        return None if value is None else json.loads(value)


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False
