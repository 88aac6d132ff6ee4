"""Settings (school requisites, remembered choices) and the audit log of changes."""

from __future__ import annotations

from peewee import AutoField, CharField, DateTimeField, IntegerField, TextField

from .base import BaseModel, JSONField, now


class Setting(BaseModel):
    """One named value; the value is JSON so lists and mappings fit too."""

    key = CharField(primary_key=True)
    value = JSONField(null=True)


class AuditLog(BaseModel):
    """Who changed what and when: every create, update, delete, import and document issued."""

    id = AutoField()
    at = DateTimeField(default=now, index=True)
    action = CharField()  # create, update, delete, archive, restore, import, issue, ...
    entity = CharField()  # person, mentorship, roadmap_event, document, ...
    entity_id = IntegerField(null=True)
    summary = TextField()  # Russian, for the curator
    details = JSONField(null=True)

    class Meta:
        indexes = ((("entity", "entity_id"), False),)
