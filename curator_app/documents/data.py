"""The pairs and people a document prints, read once into plain values, with the consent rule applied.

Only people with a valid consent to processing are printed (``banks.consent``): a pair whose mentor
has none is left out, a mentee without one is left out of their group, and every omission is named in
``Selection.skipped`` so the curator can see why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from peewee import JOIN

from curator_app.banks import valid_consent_ids
from curator_app.lang.declension import Name
from curator_app.lang.text import fold
from curator_app.lang.words import gendered
from curator_app.models import (
    MENTORSHIP_STATUS_LABELS,
    Mentee,
    MentoringForm,
    Mentorship,
    MentorshipGoal,
    MentorshipMember,
    Person,
    RoleModel,
)


@dataclass(frozen=True)
class PersonInfo:
    id: int
    name: Name
    category: str
    grade: str  # «7Б» for pupils
    position: str
    workplace: str
    phone: str
    email: str
    guardian_name: str
    guardian_phone: str
    birth_date: dt.date | None = None
    experience: float | None = None
    request: str = ""  # a mentee's key request (ключевой запрос), from the mentee bank

    @property
    def is_staff(self) -> bool:
        """An employee of the school: a teacher with no other place of work. Staff sign the orders that
        name them; pupils, students, parents and partners do not."""
        return self.category == "teacher" and not self.workplace

    def is_minor(self, day: dt.date) -> bool:
        """Under 18 on ``day``; a pupil with no birth date is taken for a minor."""
        if self.birth_date is None:
            return self.category == "pupil"
        born = self.birth_date
        return (day.year - born.year - ((day.month, day.day) < (born.month, born.day))) < 18

    def role(self, masculine: str) -> str:
        """«наставляемый» for a boy, «наставляемая» for a girl."""
        return gendered(masculine, self.name.gender)

    @property
    def sort_key(self) -> tuple[str, str, str]:
        """Alphabetical as a Russian reader expects it: «ё» as «е» (Фёдорова before Фролова)."""
        return fold(self.name.last), fold(self.name.first), fold(self.name.middle)

    @property
    def descriptor(self) -> str:
        """Who the person is, in the nominative: «учитель математики», «10А класс», «студент, КГУ»."""
        if self.category == "pupil" and self.grade:
            return f"{self.grade} класс"
        parts = [p for p in (self.position, self.workplace) if p]
        return ", ".join(parts)

    @property
    def contacts(self) -> str:
        return ", ".join(p for p in (self.phone, self.email) if p)


@dataclass
class PairInfo:
    id: int
    group_name: str
    form: str
    form_code: str
    status: str
    mentor: PersonInfo
    mentees: list[PersonInfo]
    start: dt.date | None
    end: dt.date | None
    meeting_rhythm: str
    place: str
    goals: list[str] = field(default_factory=list)
    role_model: str = ""

    def period(self, default_start: dt.date | None = None) -> str:
        from curator_app.lang.fmt import date_short

        start = self.start or default_start
        if start and self.end:
            return f"{date_short(start)} – {date_short(self.end)}"
        if start:
            return f"с {date_short(start)}"
        return f"до {date_short(self.end)}" if self.end else ""


@dataclass
class Selection:
    pairs: list[PairInfo]
    skipped: list[str] = field(default_factory=list)

    @property
    def people_count(self) -> int:
        return len({p.mentor.id for p in self.pairs} | {m.id for p in self.pairs for m in p.mentees})


def lower_first(text: str) -> str:
    """«Заместитель директора по УВР» → «заместитель директора по УВР» (abbreviations keep their case)."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


_PERSON_FIELDS = (Person.id, Person.last_name, Person.first_name, Person.middle_name, Person.gender,
                  Person.category, Person.grade, Person.grade_letter, Person.position, Person.workplace,
                  Person.phone, Person.email, Person.guardian_name, Person.guardian_phone, Person.birth_date,
                  Person.experience_years)


def _person(row: dict[str, Any]) -> PersonInfo:
    grade = f"{row['grade']}{row['grade_letter'] or ''}" if row["grade"] else ""
    born = row["birth_date"]
    if isinstance(born, str):
        born = dt.date.fromisoformat(born[:10])
    return PersonInfo(
        id=row["id"], name=Name.of(row["last_name"], row["first_name"], row["middle_name"], row["gender"]),
        category=row["category"], grade=grade, position=row["position"] or "", workplace=row["workplace"] or "",
        phone=row["phone"] or "", email=row["email"] or "", guardian_name=row["guardian_name"] or "",
        guardian_phone=row["guardian_phone"] or "", birth_date=born, experience=row["experience_years"],
        request=row.get("key_request") or "")


def _full(row: dict[str, Any]) -> str:
    return " ".join(p for p in (row["last_name"], row["first_name"], row["middle_name"]) if p)


def _chunks(ids: Sequence[int], size: int = 900) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def collect_pairs(statuses: Iterable[str] = ("planned", "active"), ids: Iterable[int] | None = None,
                  day: dt.date | None = None) -> Selection:
    """Mentorships in ``statuses`` (only ``ids`` of them when given), ordered by form and mentor, with consent
    applied; a pair of ``ids`` in another status is named in ``skipped``.

    Rows are read as plain dicts (model instances cost more than the layout of a 500-pair order)."""
    day = day or dt.date.today()
    query = (Mentorship.select(Mentorship.id.alias("ship_id"), Mentorship.name.alias("group_name"),
                               Mentorship.status, Mentorship.start_date, Mentorship.end_date,
                               Mentorship.planned_end_date, Mentorship.meeting_rhythm, Mentorship.place,
                               MentoringForm.name.alias("form_name"), MentoringForm.code.alias("form_code"),
                               MentoringForm.position.alias("form_position"), RoleModel.name.alias("role_model_name"), *_PERSON_FIELDS)
             .join(MentoringForm).switch(Mentorship).join(Person, on=Mentorship.mentor == Person.id)
             .switch(Mentorship).join(RoleModel, JOIN.LEFT_OUTER, on=Mentorship.role_model == RoleModel.id))
    statuses = list(statuses)
    query = query.where(Mentorship.status.in_(statuses))
    wanted = None if ids is None else list(dict.fromkeys(ids))
    if wanted is not None:
        query = query.where(Mentorship.id.in_(wanted))
    ships = cast(list[dict[str, Any]], list(query.order_by(MentoringForm.position, Mentorship.id).dicts()))
    # by form, then by the mentor's name with «ё» read as «е» (SQLite would put «Фё» after «Фя»)
    ships.sort(key=lambda s: (s["form_position"], fold(s["last_name"]), fold(s["first_name"]),
                              fold(s["middle_name"] or ""), s["ship_id"]))
    ship_ids = [s["ship_id"] for s in ships]
    members: dict[int, list[dict[str, Any]]] = {}
    goals: dict[int, list[str]] = {}
    for chunk in _chunks(ship_ids):
        rows = cast(Iterable[dict[str, Any]], (
            MentorshipMember.select(MentorshipMember.mentorship.alias("ship_id"), Mentee.key_request, *_PERSON_FIELDS)
            .join(Person).join(Mentee, JOIN.LEFT_OUTER, on=Mentee.person == Person.id)
            .where(MentorshipMember.mentorship.in_(chunk) & MentorshipMember.left_on.is_null()).dicts()))
        for row in rows:
            members.setdefault(row["ship_id"], []).append(row)
        goal_rows = cast(Iterable[tuple[int, str]], (
            MentorshipGoal.select(MentorshipGoal.mentorship, MentorshipGoal.text)
            .where(MentorshipGoal.mentorship.in_(chunk)).order_by(MentorshipGoal.position, MentorshipGoal.id).tuples()))
        for ship_id, text in goal_rows:
            goals.setdefault(ship_id, []).append(text)
    for group in members.values():  # «ё» as «е»: Фёдорова before Фролова
        group.sort(key=lambda r: (fold(r["last_name"]), fold(r["first_name"]), fold(r["middle_name"] or "")))
    consent = valid_consent_ids(day)
    selection = Selection([])
    if wanted is not None and len(ship_ids) < len(wanted):
        found = set(ship_ids)
        others = cast(Iterable[tuple[int, str]], Mentorship.select(Mentorship.id, Mentorship.status)
                      .where(Mentorship.id.in_([i for i in wanted if i not in found])).tuples())
        for ship_id, status in others:
            selection.skipped.append(f"пара № {ship_id}: статус «{MENTORSHIP_STATUS_LABELS.get(status, status)}» — "
                                     "в этот документ не входит")
    for ship in ships:
        if ship["id"] not in consent:
            selection.skipped.append(f"{_full(ship)} (наставник): нет действующего согласия на обработку "
                                     "персональных данных — пара (группа) не включена")
            continue
        kept = []
        for mentee in members.get(ship["ship_id"], []):
            if mentee["id"] in consent:
                kept.append(_person(mentee))
            else:
                selection.skipped.append(f"{_full(mentee)} (наставляемый): нет действующего согласия на "
                                         "обработку персональных данных")
        if not kept:
            if members.get(ship["ship_id"]):
                whose = Name.of(ship["last_name"], ship["first_name"], ship["middle_name"], ship["gender"])
                selection.skipped.append(f"пара (группа) наставника {whose.declined('gen')} не включена: не "
                                         "осталось наставляемых с согласием")
            continue
        selection.pairs.append(PairInfo(
            id=ship["ship_id"], group_name=ship["group_name"] or "", form=ship["form_name"],
            form_code=ship["form_code"], status=ship["status"], mentor=_person(ship), mentees=kept,
            start=ship["start_date"], end=ship["end_date"] or ship["planned_end_date"],
            meeting_rhythm=ship["meeting_rhythm"] or "", place=ship["place"] or "",
            goals=goals.get(ship["ship_id"], []), role_model=ship["role_model_name"] or ""))
    return selection
