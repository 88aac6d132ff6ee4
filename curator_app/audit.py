"""The audit log: one call after every change the curator makes.

It keeps what was done, not whom it was done to once that person is deleted: :func:`forget` takes a
deleted person's name out of every entry (152-ФЗ: personal data is destroyed when its purpose ends), and
the database overwrites what it deletes (``secure_delete``), so the name is not left in free pages either.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from peewee import fn

from curator_app.lang.text import full_name, short_name
from curator_app.models import AuditLog


def log(action: str, entity: str, entity_id: int | None, summary: str, details: Any = None) -> None:
    AuditLog.create(action=action, entity=entity, entity_id=entity_id, summary=summary, details=details)


def history(entity: str, entity_id: int) -> list[AuditLog]:
    return list(AuditLog.select().where((AuditLog.entity == entity) & (AuditLog.entity_id == entity_id))
                .order_by(AuditLog.at, AuditLog.id))


def forget(people: Iterable[tuple[int, str, str, str | None]]) -> None:
    """Replace the names of deleted people — (id, last, first, middle) — in every entry of the log by
    «[удалён № id]»; what was done and when stays."""
    for person_id, last, first, middle in people:
        forms = {full_name(last, first, middle), full_name(last, first), short_name(last, first, middle)}
        mark = f"[удалён № {person_id}]"
        for form in sorted(forms, key=len, reverse=True):  # the longest first: «Иванов Иван Иванович» before «Иванов Иван»
            for column in (AuditLog.summary, AuditLog.details):
                AuditLog.update({column: fn.REPLACE(column, form, mark)}).where(column.contains(form)).execute()
