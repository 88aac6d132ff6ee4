"""The demo school looks like a real school and is the same for the same seed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from curator_app.db import close_database, open_database
from curator_app.demo import fill_demo
from curator_app.errors import CuratorError
from curator_app.models import Consent, Mentee, Mentor, Mentorship, MentorshipMember, Person, RoadmapEvent
from curator_app.settings import load_school

DAY = dt.date(2026, 11, 22)


def _names(path: Path, seed: int) -> list[str]:
    open_database(path)
    fill_demo(mentees=40, mentors=10, seed=seed, today=DAY)
    names = [p.full_name for p in Person.select().order_by(Person.id)]
    close_database()
    return names


def test_same_seed_same_school(tmp_path: Path) -> None:
    assert _names(tmp_path / "a.sqlite", 5) == _names(tmp_path / "b.sqlite", 5)
    assert _names(tmp_path / "c.sqlite", 6) != _names(tmp_path / "a2.sqlite", 5)


def test_demo_school_looks_real(db: Path) -> None:
    made = fill_demo(mentees=300, mentors=60, seed=3, today=DAY)
    assert Mentee.select().count() == 300 and Mentor.select().count() == 60
    assert made["mentorships"] == Mentorship.select().count() > 20
    school = load_school()
    assert school.is_complete and school.academic_year == "2026-2027"
    pupils = list(Person.select().where(Person.category == "pupil"))
    assert all(5 <= p.grade <= 11 and p.grade_letter in "АБВГ" for p in pupils)
    for person in Person.select():
        assert person.middle_name.endswith(("ич", "на")), person.full_name
        assert person.middle_name.endswith("ич") == (person.gender == "m")
    teachers = Person.select().join(Mentor, on=(Mentor.person == Person.id)).where(Person.category == "teacher")
    assert all(t.subject and t.experience_years >= 5 for t in teachers)
    consented = Consent.select(Consent.person).where(Consent.kind == "processing").distinct().count()
    assert 0.85 * 360 < consented < 360  # a few never signed
    assert RoadmapEvent.select().count() >= 20


def test_pairs_follow_the_forms_rules(db: Path) -> None:
    fill_demo(mentees=300, mentors=60, seed=4, today=DAY)
    forms = set()
    for ship in Mentorship.select():
        forms.add(ship.form.code)
        for member in MentorshipMember.select().where(MentorshipMember.mentorship == ship):
            if ship.form.code == "pupil_pupil":
                assert ship.mentor.grade > member.mentee.grade
            if ship.form.code == "teacher_teacher":
                assert ship.mentor.experience_years > member.mentee.experience_years
            assert Consent.select().where((Consent.person == member.mentee) & (Consent.kind == "processing")
                                          & Consent.withdrawn_on.is_null()).exists()
        assert len(ship.members) <= Mentor.get(Mentor.person == ship.mentor).capacity
    assert len(forms) >= 4
    assert {s.status for s in Mentorship.select()} >= {"active", "planned"}


def test_demo_refuses_a_database_with_people(db: Path) -> None:
    Person.create(last_name="Иванов", first_name="Иван")
    with pytest.raises(CuratorError, match="только в пустой базе"):
        fill_demo(mentees=5, mentors=2)
    assert Person.select().count() == 1
