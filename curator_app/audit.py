"""The audit log: one call after every change the curator makes."""

from __future__ import annotations

from typing import Any

from curator_app.models import AuditLog


def log(action: str, entity: str, entity_id: int | None, summary: str, details: Any = None) -> None:
    AuditLog.create(action=action, entity=entity, entity_id=entity_id, summary=summary, details=details)


def history(entity: str, entity_id: int) -> list[AuditLog]:
    return list(AuditLog.select().where((AuditLog.entity == entity) & (AuditLog.entity_id == entity_id))
                .order_by(AuditLog.at, AuditLog.id))
