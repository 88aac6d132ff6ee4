"""Reading pairs and groups for the table and the detail panel: a few queries for the whole list."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import cast

from peewee import fn

from curator_app.audit import history
from curator_app.lang.text import fold
from curator_app.models import (
    MENTORSHIP_STATUS_LABELS,
    AuditLog,
    Meeting,
    MentoringForm,
    Mentorship,
    MentorshipGoal,
    MentorshipMember,
    Person,
)


@dataclasses.dataclass
class MentorshipRow:
    id: int
    name: str
    mentor_id: int
    mentor_name: str
    mentees: list[tuple[int, str]]  # (person id, full name) of current members
    form_id: int
    form_name: str
    status: str
    start_date: dt.date | None
    planned_end_date: dt.date | None
    end_date: dt.date | None
    meetings: int
    score: float | None
    locked: bool

    @property
    def status_label(self) -> str:
        return MENTORSHIP_STATUS_LABELS.get(self.status, self.status)

    @property
    def kind(self) -> str:
        return "группа" if len(self.mentees) > 1 else "пара"

    @property
    def search_text(self) -> str:
        return fold(" ".join([self.name, self.mentor_name, *(n for _, n in self.mentees), self.form_name]))


def list_mentorships(form_id: int | None = None, status: str | None = None, mentor_id: int | None = None,
                     search: str = "") -> list[MentorshipRow]:
    """Pairs and groups, newest first, filtered by form, status, mentor (person id) and folded text."""
    query = (Mentorship.select(Mentorship, Person, MentoringForm).join(Person, on=Mentorship.mentor == Person.id)
             .switch(Mentorship).join(MentoringForm).order_by(Mentorship.id.desc()))
    if form_id is not None:
        query = query.where(Mentorship.form == form_id)
    if status:
        query = query.where(Mentorship.status == status)
    if mentor_id is not None:
        query = query.where(Mentorship.mentor == mentor_id)
    ships = list(query)
    ids = [s.id for s in ships]
    members: dict[int, list[tuple[int, str]]] = {}
    member_query = (MentorshipMember.select(MentorshipMember, Person).join(Person)
                    .where(MentorshipMember.left_on.is_null()).order_by(Person.last_name, Person.first_name))
    if form_id is not None or status or mentor_id is not None:
        member_query = member_query.where(MentorshipMember.mentorship.in_(ids))
    for m in member_query:
        members.setdefault(m.mentorship_id, []).append((m.mentee.id, m.mentee.full_name))
    counts = cast(list[tuple[int, int]], list(Meeting.select(Meeting.mentorship, fn.COUNT(Meeting.id))
                                               .group_by(Meeting.mentorship).tuples()))
    meetings: dict[int, int] = dict(counts)
    rows = [MentorshipRow(
        s.id, s.name or "", s.mentor.id, s.mentor.full_name, members.get(s.id, []), s.form.id, s.form.name, s.status,
        s.start_date, s.planned_end_date, s.end_date, int(meetings.get(s.id, 0)),
        None if s.score is None else s.score / 10, bool(s.locked)) for s in ships]
    wanted = fold(search)
    return [r for r in rows if wanted in r.search_text] if wanted else rows


def get_row(mentorship_id: int) -> MentorshipRow | None:
    ship = Mentorship.get_or_none(Mentorship.id == mentorship_id)
    if ship is None:
        return None
    return next((r for r in list_mentorships(mentor_id=ship.mentor_id) if r.id == mentorship_id), None)


def goals(mentorship_id: int) -> list[MentorshipGoal]:
    return list(MentorshipGoal.select().where(MentorshipGoal.mentorship == mentorship_id)
                .order_by(MentorshipGoal.position, MentorshipGoal.id))


def meetings(mentorship_id: int) -> list[Meeting]:
    return list(Meeting.select().where(Meeting.mentorship == mentorship_id).order_by(Meeting.date.desc(), Meeting.id))


def changes(mentorship_id: int) -> list[AuditLog]:
    """The history of this pair from the audit log, oldest first."""
    return history("mentorship", mentorship_id)
