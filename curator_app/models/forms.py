"""Forms of mentoring and their role models (Р-145 plus school practice); editable reference data."""

from __future__ import annotations

from peewee import AutoField, BooleanField, CharField, ForeignKeyField, IntegerField, TextField

from .base import BaseModel


class MentoringForm(BaseModel):
    """A form such as «ученик – ученик»; ``mentor_categories``/``mentee_categories`` are
    comma-separated category keys (see ``people.CATEGORY_LABELS``) that fit each side."""

    id = AutoField()
    code = CharField(unique=True)  # pupil_pupil, teacher_teacher, ...
    name = CharField()
    mentor_categories = CharField(default="")
    mentee_categories = CharField(default="")
    description = TextField(null=True)
    builtin = BooleanField(default=False)
    position = IntegerField(default=0)
    archived = BooleanField(default=False)

    @property
    def mentor_category_list(self) -> list[str]:
        return [c for c in self.mentor_categories.split(",") if c]

    @property
    def mentee_category_list(self) -> list[str]:
        return [c for c in self.mentee_categories.split(",") if c]


class RoleModel(BaseModel):
    """A variation of a form: «опытный педагог – молодой специалист»."""

    id = AutoField()
    form = ForeignKeyField(MentoringForm, backref="role_models", on_delete="CASCADE")
    name = CharField()
    position = IntegerField(default=0)
