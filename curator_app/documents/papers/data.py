"""What the year's papers read from the database, as plain values: the people a consent form is for (with
their guardian and whether a consent is on record), and a pair's plan and meetings.

Reading happens here (on the UI thread or in the CLI); laying out and drawing need no database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from curator_app.banks import valid_consent_ids
from curator_app.documents.data import PairInfo
from curator_app.lang.declension import Name
from curator_app.lang.text import fold
from curator_app.lang.words import Case, decline_position, gendered
from curator_app.models import Consent, Meeting, Mentee, Mentor, Mentorship, MentorshipGoal, Person

PERSONAL, MENTORING = "processing", "mentoring"  # ``Consent.kind`` of the two forms
KIND_NAMES = {"personal-data": PERSONAL, "mentoring": MENTORING}
ISSUED = "Бланк выдан"  # the note a consent row carries while the signed form is not back


@dataclass
class Subject:
    """A person a consent form is printed for."""

    id: int
    name: Name
    category: str
    birth_date: dt.date | None
    grade: str
    position: str
    workplace: str
    guardian_name: str
    pending: bool = False  # a form was handed out and is not signed yet
    pairs: list[PairInfo] = field(default_factory=list)  # for the consent to mentoring

    def is_minor(self, day: dt.date) -> bool:
        if self.birth_date is None:
            return self.category == "pupil"
        born = self.birth_date
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day)) < 18

    def who(self, case: Case = "nom") -> str:
        """«обучающийся 7Б класса» (``gen``: «обучающегося 7Б класса»), «учитель физики», «студент КГУ»."""
        if self.category == "pupil" and self.grade:
            return f"{gendered('обучающийся', self.name.gender, case)} {self.grade} класса"
        position = decline_position(self.position, case) if self.position else ""
        return ", ".join(p for p in (position, self.workplace) if p)


def _subject(row: dict[str, Any]) -> Subject:
    born = row["birth_date"]
    if isinstance(born, str):
        born = dt.date.fromisoformat(born[:10])
    grade = f"{row['grade']}{row['grade_letter'] or ''}" if row["grade"] else ""
    return Subject(row["id"], Name.of(row["last_name"], row["first_name"], row["middle_name"], row["gender"]),
                   row["category"], born, grade, row["position"] or "", row["workplace"] or "",
                   row["guardian_name"] or "")


_FIELDS = (Person.id, Person.last_name, Person.first_name, Person.middle_name, Person.gender, Person.category,
           Person.birth_date, Person.grade, Person.grade_letter, Person.position, Person.workplace,
           Person.guardian_name)


def bank_people(person_ids: Iterable[int] | None = None) -> list[Subject]:
    """Everyone in the banks (not archived), or ``person_ids``, sorted by name («ё» as «е»)."""
    query = Person.select(*_FIELDS)
    if person_ids is not None:
        query = query.where(Person.id.in_(list(person_ids)))
    else:
        active = (Person.id.in_(Mentor.select(Mentor.person).where(Mentor.archived_on.is_null()))
                  | Person.id.in_(Mentee.select(Mentee.person).where(Mentee.archived_on.is_null())))
        query = query.where(active)
    people = [_subject(r) for r in cast(Iterable[dict[str, Any]], query.dicts())]
    return sorted(people, key=lambda s: (fold(s.name.last), fold(s.name.first), fold(s.name.middle), s.id))


def pending_ids(kind: str) -> set[int]:
    """People whose form of ``kind`` was handed out and has not come back signed."""
    rows: Any = Consent.select(Consent.person).where((Consent.kind == kind) & Consent.pending
                                                    & Consent.withdrawn_on.is_null()).tuples()
    return {r[0] for r in rows}


def with_consent_state(people: list[Subject], kind: str, day: dt.date, missing: bool) -> list[Subject]:
    """Mark who has a form out; ``missing`` keeps only those without a valid consent of ``kind``."""
    valid = valid_consent_ids(day, kind)
    pending = pending_ids(kind)
    kept = []
    for person in people:
        person.pending = person.id in pending
        if not missing or person.id not in valid:
            kept.append(person)
    return kept


def staff_mentors(pairs: list[PairInfo], person_ids: Iterable[int] | None = None) -> list[Subject]:
    """The mentors who are employees, each with their pairs (for the consent under art. 351.8)."""
    by_id: dict[int, list[PairInfo]] = {}
    for pair in pairs:
        if pair.mentor.is_staff:
            by_id.setdefault(pair.mentor.id, []).append(pair)
    wanted = set(by_id) if person_ids is None else set(by_id) & set(person_ids)
    people = bank_people(wanted)
    for person in people:
        person.pairs = by_id[person.id]
    return people


@dataclass(frozen=True)
class Goal:
    text: str
    due: dt.date | None
    done: dt.date | None


@dataclass(frozen=True)
class MeetingRow:
    date: dt.date
    topic: str
    form: str
    result: str


@dataclass
class PlanDetails:
    """A pair's plan (goals with their dates), the meetings logged and the results written in its card."""

    goals: list[Goal] = field(default_factory=list)
    meetings: list[MeetingRow] = field(default_factory=list)
    results: str = ""
    role_model: str = ""


def plan_details(ids: list[int]) -> dict[int, PlanDetails]:
    """Goals, meetings and results of the pairs ``ids`` in three queries (chunked for big schools)."""
    details = {i: PlanDetails() for i in ids}
    for start in range(0, len(ids), 900):
        chunk = ids[start:start + 900]
        goals: Any = (MentorshipGoal.select(MentorshipGoal.mentorship, MentorshipGoal.text, MentorshipGoal.due_date,
                                            MentorshipGoal.done_on)
                      .where(MentorshipGoal.mentorship.in_(chunk))
                      .order_by(MentorshipGoal.position, MentorshipGoal.id).tuples())
        for ship, text, due, done in goals:
            details[ship].goals.append(Goal(text, due, done))
        meetings: Any = (Meeting.select(Meeting.mentorship, Meeting.date, Meeting.topic, Meeting.format,
                                        Meeting.notes)
                         .where(Meeting.mentorship.in_(chunk)).order_by(Meeting.date, Meeting.id).tuples())
        for ship, day, topic, form, notes in meetings:
            details[ship].meetings.append(MeetingRow(day, topic or "", form or "", notes or ""))
        results: Any = Mentorship.select(Mentorship.id, Mentorship.results).where(Mentorship.id.in_(chunk)).tuples()
        for ship, text in results:
            details[ship].results = text or ""
    return details
