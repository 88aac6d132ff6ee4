"""The roadmap of the school's implementation: sections (stages) and events with periods."""

from __future__ import annotations

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from .base import BaseModel, now

EVENT_STATUS_LABELS: dict[str, str] = {
    "planned": "Запланировано",
    "in_progress": "Выполняется",
    "done": "Выполнено",
    "overdue": "Просрочено",  # derived from the dates, never stored
    "cancelled": "Отменено",
}


class Roadmap(BaseModel):
    id = AutoField()
    title = TextField()
    academic_year = CharField(null=True)  # «2022-2023»
    start_date = DateField(null=True)
    end_date = DateField(null=True)
    source_file = TextField(null=True)
    notes = TextField(null=True)
    created_at = DateTimeField(default=now)


class RoadmapSection(BaseModel):
    """A stage or direction: «1. Нормативно-правовое обеспечение», «1.1. …», «II. …»."""

    id = AutoField()
    roadmap = ForeignKeyField(Roadmap, backref="sections", on_delete="CASCADE")
    parent = ForeignKeyField("self", null=True, backref="children", on_delete="CASCADE")
    number = CharField(default="")
    title = TextField()
    position = IntegerField(default=0)


class RoadmapEvent(BaseModel):
    """An event; ``period_text`` keeps the period as written, the dates are what it was read as."""

    id = AutoField()
    roadmap = ForeignKeyField(Roadmap, backref="events", on_delete="CASCADE")
    section = ForeignKeyField(RoadmapSection, null=True, backref="events", on_delete="SET NULL")
    position = IntegerField(default=0)
    number = CharField(default="")
    title = TextField()
    result = TextField(null=True)  # expected result / indicator
    document_type = TextField(null=True)
    responsible = TextField(null=True)
    period_text = TextField(null=True)
    start_date = DateField(null=True, index=True)
    end_date = DateField(null=True, index=True)
    recurrence = CharField(null=True)  # ежегодно, ежеквартально, постоянно, …
    period_unparsed = BooleanField(default=False)  # flagged for the curator
    status = CharField(default="planned")  # planned, in_progress, done, cancelled
    done_on = DateField(null=True)
    notes = TextField(null=True)


class EventEvidence(BaseModel):
    """A file or a link that proves an event was done."""

    id = AutoField()
    event = ForeignKeyField(RoadmapEvent, backref="evidence", on_delete="CASCADE")
    kind = CharField(default="link")  # "file" | "link"
    value = TextField()
    note = TextField(null=True)
