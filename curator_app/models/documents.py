"""Issued documents: orders, memos, letters of thanks, reports — the register."""

from __future__ import annotations

from peewee import AutoField, CharField, DateField, DateTimeField, ForeignKeyField, TextField

from .base import BaseModel, JSONField, now
from .mentoring import Mentorship

DOCUMENT_KIND_LABELS: dict[str, str] = {
    "order": "Приказ о закреплении наставнических пар",
    "reward_order": "Приказ о поощрении",
    "memo": "Памятки наставляемым",
    "certificate": "Благодарственные письма",
    "report": "Аналитическая справка",
    "municipal_table": "Таблица для муниципального мониторинга",
    "launch_order": "Приказ о внедрении целевой модели наставничества",
    "regulation": "Положение о программе наставничества",
    "consent": "Бланки согласий",
    "plan": "Персонализированные программы наставничества",
    "journal": "Журналы наставника",
}


class IssuedDocument(BaseModel):
    id = AutoField()
    kind = CharField(index=True)  # key of DOCUMENT_KIND_LABELS
    number = CharField(null=True)  # «470-п»
    date = DateField(null=True)
    title = TextField()
    file_path = TextField(null=True)
    params = JSONField(null=True)
    created_at = DateTimeField(default=now)


class DocumentMentorship(BaseModel):
    """Which mentorships an order fixed (their status follows the order's date)."""

    document = ForeignKeyField(IssuedDocument, backref="mentorship_links", on_delete="CASCADE")
    mentorship = ForeignKeyField(Mentorship, backref="document_links", on_delete="CASCADE")
