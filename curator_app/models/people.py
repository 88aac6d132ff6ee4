"""People and their roles in the banks: the person, the mentor and mentee profiles, consents."""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import (
    SQL,
    AutoField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    Expression,
    FloatField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from curator_app.lang.text import fold, full_name, short_name

from .base import BaseModel, now
from .forms import MentoringForm

CATEGORY_LABELS: dict[str, str] = {
    "pupil": "Обучающийся",
    "teacher": "Педагог",
    "student": "Студент",
    "parent": "Родитель",
    "employer": "Работодатель",
    "graduate": "Выпускник",
    "other": "Другое",
}


def person_search_text(fields: dict[str, Any]) -> str:
    """The folded text a search matches against; used by ``save()`` and by bulk inserts."""
    grade = f"{fields.get('grade') or ''}{fields.get('grade_letter') or ''}"
    parts = [
        fields.get("last_name"), fields.get("first_name"), fields.get("middle_name"), grade,
        fields.get("position"), fields.get("subject"), fields.get("workplace"),
    ]
    return fold(" ".join(str(p) for p in parts if p))


class Person(BaseModel):
    """Anyone in the banks: a pupil, a teacher, a student, a parent, an employer, a graduate."""

    id = AutoField()
    last_name = CharField()
    first_name = CharField()
    middle_name = CharField(null=True)  # patronymic; may be absent
    gender = CharField(null=True)  # "m" / "f"; derived from the patronymic when absent
    birth_date = DateField(null=True)
    category = CharField(default="pupil", index=True)  # key of CATEGORY_LABELS
    grade = IntegerField(null=True)  # 1..11 for pupils
    grade_letter = CharField(null=True)  # "Б"
    position = CharField(null=True)  # for staff: «учитель математики»
    subject = CharField(null=True)
    workplace = CharField(null=True)  # place of work or study when not this school
    experience_years = FloatField(null=True)
    phone = CharField(null=True)
    email = CharField(null=True)
    guardian_name = CharField(null=True)  # for a minor: the legal guardian
    guardian_phone = CharField(null=True)
    notes = TextField(null=True)
    search_text = TextField(default="", index=True)
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)

    def save(self, *args: Any, **kwargs: Any) -> int:
        self.search_text = person_search_text(self.__data__)
        self.updated_at = now()
        return super().save(*args, **kwargs)

    @property
    def full_name(self) -> str:
        return full_name(self.last_name, self.first_name, self.middle_name)

    @property
    def short_name(self) -> str:
        return short_name(self.last_name, self.first_name, self.middle_name)

    @property
    def grade_label(self) -> str:
        return f"{self.grade}{self.grade_letter or ''}" if self.grade else ""


class Mentor(BaseModel):
    """A person's entry in the mentor bank."""

    id = AutoField()
    person = ForeignKeyField(Person, unique=True, backref="mentor_profile", on_delete="CASCADE")
    form = ForeignKeyField(MentoringForm, null=True, on_delete="SET NULL")  # the form wished for
    competencies = TextField(null=True)
    interests = TextField(null=True)
    achievements = TextField(null=True)
    desired_grade_min = IntegerField(null=True)
    desired_grade_max = IntegerField(null=True)
    desired_mentees = TextField(null=True)  # free text: «молодые специалисты», «5–7 классы»
    capacity = IntegerField(default=1)  # how many mentees at once
    trained = BooleanField(default=False)
    trained_on = DateField(null=True)
    entry_date = DateField(null=True)
    end_date = DateField(null=True)
    results = TextField(null=True)
    case_link = TextField(null=True)
    archived_on = DateField(null=True, index=True)
    archive_reason = CharField(null=True)


class Mentee(BaseModel):
    """A person's entry in the mentee bank."""

    id = AutoField()
    person = ForeignKeyField(Person, unique=True, backref="mentee_profile", on_delete="CASCADE")
    form = ForeignKeyField(MentoringForm, null=True, on_delete="SET NULL")  # the form wished for
    key_request = TextField(null=True)
    interests = TextField(null=True)  # for «mutual interest» in matching (schema 2)
    entry_date = DateField(null=True)
    end_date = DateField(null=True)
    place = CharField(null=True)  # where the programme takes place
    results = TextField(null=True)
    case_link = TextField(null=True)
    archived_on = DateField(null=True, index=True)
    archive_reason = CharField(null=True)


class Consent(BaseModel):
    """A personal-data consent (152-ФЗ): processing, or separately, dissemination.

    A consent is valid from the day it was signed while it is not withdrawn and not past its term. Without
    ``signed_on`` it is a consent on file whose date nobody stated (a bank sheet's «да»): valid on any day,
    so an order dated before the import still prints the pair. A ``pending`` row is a form handed out
    («бланк выдан») and not signed yet: never valid. Only ``valid_on`` states the rule.
    """

    id = AutoField()
    person = ForeignKeyField(Person, backref="consents", on_delete="CASCADE")
    kind = CharField(default="processing")  # "processing" | "dissemination"
    signed_by = CharField(default="self")  # "self" | "guardian"
    guardian_name = CharField(null=True)
    guardian_document = CharField(null=True)  # document of authority: свидетельство о рождении …
    signed_on = DateField(null=True)  # None: on file, the date not stated
    purposes = TextField(null=True)
    scope = TextField(null=True)
    valid_until = DateField(null=True)  # the term; null = until withdrawn
    withdrawn_on = DateField(null=True)
    notes = TextField(null=True)
    # «бланк выдан»: handed out, not signed yet (a default in SQL too: bulk inserts name their columns)
    pending = BooleanField(default=False, constraints=[SQL("DEFAULT 0")])

    @classmethod
    def valid_on(cls, day: dt.date, kind: str = "processing") -> Expression:
        """The SQL condition on consent rows of ``kind`` that are valid on ``day``."""
        return ((cls.kind == kind) & ~cls.pending & (cls.signed_on.is_null() | (cls.signed_on <= day))
                & (cls.withdrawn_on.is_null() | (cls.withdrawn_on > day))
                & (cls.valid_until.is_null() | (cls.valid_until >= day)))
