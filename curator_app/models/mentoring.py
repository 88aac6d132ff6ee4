"""Mentorships (a pair is a group of one), their members, plans, meetings, and the curator's
exclusions for matching."""

from __future__ import annotations

from typing import Any

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
from .forms import MentoringForm, RoleModel
from .people import Person

MENTORSHIP_STATUS_LABELS: dict[str, str] = {
    "planned": "Планируется",
    "active": "Действует",
    "completed": "Завершена",
    "ended_early": "Прекращена досрочно",
}


class Mentorship(BaseModel):
    """One mentor with one or more mentees in one form; planned → active → completed/ended early."""

    id = AutoField()
    name = CharField(null=True)  # a group's name; empty for a pair
    form = ForeignKeyField(MentoringForm, backref="mentorships", on_delete="RESTRICT")
    role_model = ForeignKeyField(RoleModel, null=True, on_delete="SET NULL")
    mentor = ForeignKeyField(Person, backref="mentorships_led", on_delete="RESTRICT")
    status = CharField(default="planned", index=True)  # key of MENTORSHIP_STATUS_LABELS
    start_date = DateField(null=True)
    planned_end_date = DateField(null=True)
    end_date = DateField(null=True)
    end_reason = TextField(null=True)
    locked = BooleanField(default=False)  # kept as is by «Подобрать всем»
    score = IntegerField(null=True)  # matching score ×10 when the pair came from matching
    meeting_rhythm = CharField(null=True)  # «раз в неделю»
    place = CharField(null=True)
    results = TextField(null=True)
    notes = TextField(null=True)
    created_at = DateTimeField(default=now)

    # Declared for the type checker only: peewee makes these at run time (foreign key ids, back-references).
    form_id: int
    mentor_id: int
    members: Any
    goals: Any
    meetings: Any


class MentorshipMember(BaseModel):
    """A mentee in a mentorship."""

    id = AutoField()
    mentorship = ForeignKeyField(Mentorship, backref="members", on_delete="CASCADE")
    mentee = ForeignKeyField(Person, backref="memberships", on_delete="RESTRICT")
    joined_on = DateField(null=True)
    left_on = DateField(null=True)

    mentorship_id: int  # for the type checker (peewee's foreign key id)
    mentee_id: int

    class Meta:
        indexes = ((("mentorship", "mentee"), True),)


class MentorshipGoal(BaseModel):
    """A goal of the mentorship's plan (индивидуальный план)."""

    id = AutoField()
    mentorship = ForeignKeyField(Mentorship, backref="goals", on_delete="CASCADE")
    position = IntegerField(default=0)
    text = TextField()
    due_date = DateField(null=True)
    done_on = DateField(null=True)

    mentorship_id: int  # for the type checker (peewee's foreign key id)


class Meeting(BaseModel):
    """One entry of the meetings log."""

    id = AutoField()
    mentorship = ForeignKeyField(Mentorship, backref="meetings", on_delete="CASCADE")
    date = DateField(index=True)
    topic = CharField()
    format = CharField(null=True)  # очно, онлайн, групповая встреча …
    notes = TextField(null=True)

    mentorship_id: int  # for the type checker (peewee's foreign key id)


class MatchExclusion(BaseModel):
    """The curator's own rule: this mentor is never to be paired with this mentee."""

    id = AutoField()
    mentor = ForeignKeyField(Person, on_delete="CASCADE")
    mentee = ForeignKeyField(Person, on_delete="CASCADE")
    reason = CharField(null=True)

    mentor_id: int  # for the type checker (peewee's foreign key ids)
    mentee_id: int

    class Meta:
        indexes = ((("mentor", "mentee"), True),)
