"""The pairs and people a document prints, read once into plain values, with the consent rule applied.

Only people with a valid consent to processing are printed (``services.consent``): a pair whose mentor
has none is left out, a mentee without one is left out of their group, and every omission is named in
``Selection.skipped`` so the curator can see why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..models import MentoringForm, Mentorship, MentorshipGoal, MentorshipMember, Person
from ..services.consent import valid_consent_ids
from ..services.declension import Name


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

    def period(self, default_start: dt.date | None = None) -> str:
        from ..fmt import date_short

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


def _person(p: Person) -> PersonInfo:
    return PersonInfo(
        id=p.id, name=Name.of(p.last_name, p.first_name, p.middle_name, p.gender), category=p.category,
        grade=p.grade_label, position=p.position or "", workplace=p.workplace or "", phone=p.phone or "",
        email=p.email or "", guardian_name=p.guardian_name or "", guardian_phone=p.guardian_phone or "")


def _chunks(ids: Sequence[int], size: int = 900) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def collect_pairs(statuses: Iterable[str] = ("planned", "active"), ids: Iterable[int] | None = None,
                  day: dt.date | None = None) -> Selection:
    """Mentorships in ``statuses`` (or exactly ``ids``), ordered by form and mentor, with consent applied."""
    day = day or dt.date.today()
    query = (Mentorship.select(Mentorship, MentoringForm, Person)
             .join(MentoringForm).switch(Mentorship).join(Person, on=Mentorship.mentor == Person.id))
    if ids is not None:
        query = query.where(Mentorship.id.in_(list(ids)))
    else:
        query = query.where(Mentorship.status.in_(list(statuses)))
    ships = list(query.order_by(MentoringForm.position, Person.last_name, Person.first_name, Mentorship.id))
    ship_ids = [s.id for s in ships]
    members: dict[int, list[Person]] = {}
    goals: dict[int, list[str]] = {}
    for chunk in _chunks(ship_ids):
        rows = (MentorshipMember.select(MentorshipMember, Person).join(Person)
                .where(MentorshipMember.mentorship.in_(chunk) & MentorshipMember.left_on.is_null())
                .order_by(Person.last_name, Person.first_name))
        for row in rows:
            members.setdefault(row.mentorship_id, []).append(row.mentee)
        for goal in (MentorshipGoal.select().where(MentorshipGoal.mentorship.in_(chunk))
                     .order_by(MentorshipGoal.position, MentorshipGoal.id)):
            goals.setdefault(goal.mentorship_id, []).append(goal.text)
    consent = valid_consent_ids(day)
    selection = Selection([])
    for ship in ships:
        mentor = ship.mentor
        if mentor.id not in consent:
            selection.skipped.append(f"{mentor.full_name} (наставник): нет действующего согласия на обработку "
                                     "персональных данных — пара (группа) не включена")
            continue
        kept = []
        for mentee in members.get(ship.id, []):
            if mentee.id in consent:
                kept.append(_person(mentee))
            else:
                selection.skipped.append(f"{mentee.full_name} (наставляемый): нет действующего согласия на "
                                         "обработку персональных данных")
        if not kept:
            if members.get(ship.id):
                whose = Name.of(mentor.last_name, mentor.first_name, mentor.middle_name, mentor.gender).declined("gen")
                selection.skipped.append(f"пара (группа) наставника {whose} не включена: не осталось наставляемых "
                                         "с согласием")
            continue
        selection.pairs.append(PairInfo(
            id=ship.id, group_name=ship.name or "", form=ship.form.name, form_code=ship.form.code,
            status=ship.status, mentor=_person(mentor), mentees=kept, start=ship.start_date,
            end=ship.end_date or ship.planned_end_date, meeting_rhythm=ship.meeting_rhythm or "",
            place=ship.place or "", goals=goals.get(ship.id, [])))
    return selection
