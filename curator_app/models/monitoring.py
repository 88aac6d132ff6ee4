"""Monitoring: questionnaire templates (versioned), survey waves, responses and answers."""

from __future__ import annotations

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from .base import BaseModel, JSONField, now
from .forms import MentoringForm
from .mentoring import Mentorship
from .people import Person

QUESTION_KINDS = ("yes_no", "scale", "single", "multi", "number", "text")


class Questionnaire(BaseModel):
    """One version of a questionnaire template; editing makes a new version (``previous`` → old)."""

    id = AutoField()
    code = CharField(index=True)  # the same across versions
    version = IntegerField(default=1)
    previous = ForeignKeyField("self", null=True, on_delete="SET NULL")
    is_current = BooleanField(default=True)
    title = TextField()
    audience = CharField()  # "mentee" | "mentor" | "curator"
    form = ForeignKeyField(MentoringForm, null=True, on_delete="SET NULL")  # null: any form
    description = TextField(null=True)
    created_at = DateTimeField(default=now)

    class Meta:
        indexes = ((("code", "version"), True),)


class Question(BaseModel):
    id = AutoField()
    questionnaire = ForeignKeyField(Questionnaire, backref="questions", on_delete="CASCADE")
    position = IntegerField(default=0)
    code = CharField()  # stable across versions: «effectiveness»
    text = TextField()
    kind = CharField()  # one of QUESTION_KINDS
    options = JSONField(null=True)  # choices for single/multi
    min_value = FloatField(null=True)
    max_value = FloatField(null=True)
    required = BooleanField(default=False)


class SurveyWave(BaseModel):
    """A round of questionnaires: entry, final or custom, with a due date."""

    id = AutoField()
    title = CharField()
    kind = CharField(default="entry")  # "entry" | "final" | "custom"
    academic_year = CharField(null=True)
    start_date = DateField(null=True)
    due_date = DateField(null=True)
    closed = BooleanField(default=False)
    notes = TextField(null=True)
    conclusions = TextField(null=True)  # the curator's conclusions printed in the analytic report
    created_at = DateTimeField(default=now)


class WaveQuestionnaire(BaseModel):
    wave = ForeignKeyField(SurveyWave, backref="questionnaires", on_delete="CASCADE")
    questionnaire = ForeignKeyField(Questionnaire, on_delete="RESTRICT")

    class Meta:
        indexes = ((("wave", "questionnaire"), True),)


class Response(BaseModel):
    """One filled questionnaire: who answered, in which wave, which version."""

    id = AutoField()
    wave = ForeignKeyField(SurveyWave, backref="responses", on_delete="CASCADE")
    questionnaire = ForeignKeyField(Questionnaire, on_delete="RESTRICT")
    person = ForeignKeyField(Person, backref="responses", on_delete="CASCADE")
    mentorship = ForeignKeyField(Mentorship, null=True, on_delete="SET NULL")
    role = CharField()  # "mentee" | "mentor" | "curator"
    submitted_on = DateField(null=True)
    source = CharField(default="paper")  # paper, import, demo
    created_at = DateTimeField(default=now)

    class Meta:
        indexes = ((("wave", "questionnaire", "person"), True),)


class Answer(BaseModel):
    id = AutoField()
    response = ForeignKeyField(Response, backref="answers", on_delete="CASCADE")
    question = ForeignKeyField(Question, on_delete="RESTRICT")
    number = FloatField(null=True)  # scale, number, yes_no (1/0), single choice index
    text = TextField(null=True)  # open text; multi choice as JSON list

    class Meta:
        indexes = ((("response", "question"), True),)
