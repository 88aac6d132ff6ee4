"""A mentor is named once in the order, however their pupils were paired: one by hand, two from «Подобрать
всем» as separate pairs (the default) — the appendix has one row for the teacher with the three pupils."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx import Document

from curator_app.db.reference import form_by_code
from curator_app.documents import ops as documents
from curator_app.matching import suggest as matching
from curator_app.models import Consent, Mentee, Mentor, Person
from curator_app.pairs import life as mentorships
from curator_app.pairs import list_mentorships
from tests.conftest import DEMO_DAY


def _person(last: str, first: str, middle: str, category: str = "pupil", **kw: object) -> Person:
    person = Person.create(last_name=last, first_name=first, middle_name=middle, category=category, **kw)
    Consent.create(person=person, signed_on=DEMO_DAY - dt.timedelta(days=30))
    return person


def test_a_mentor_with_a_hand_pair_and_draft_pairs_is_named_once(db: Path, tmp_path: Path) -> None:
    form = form_by_code("teacher_pupil")
    teacher = _person("Кузнецова", "Ирина", "Павловна", "teacher", position="учитель химии")
    Mentor.create(person=teacher, competencies="химия, биология", capacity=3, form=form)
    pupils = [_person(last, first, middle, grade=grade, grade_letter="Б")
              for last, first, middle, grade in (("Богданов", "Алексей", "Владимирович", 8),
                                                 ("Григорьева", "Полина", "Сергеевна", 9),
                                                 ("Яковлева", "Милана", "Ивановна", 7))]
    for pupil in pupils:
        Mentee.create(person=pupil, key_request="отставание по химии", form=form)
    mentorships.create(teacher.id, [pupils[0].id], day=DEMO_DAY)  # by hand first
    draft = matching.propose(day=DEMO_DAY)
    assert {r.mentee_id for r in draft.rows} == {pupils[1].id, pupils[2].id}
    mentorships.accept_draft(draft.rows, day=DEMO_DAY)
    assert len(list_mentorships()) == 3  # three pairs, as the draft showed them

    result = documents.issue_order(tmp_path / "приказ.docx", day=DEMO_DAY)
    appendix, acquaintance = Document(str(result.path)).tables
    rows = [[cell.text for cell in row.cells] for row in appendix.rows[1:]]
    assert result.pairs == 3 and len(rows) == 1
    rows = [[cell.replace("\xa0", " ") for cell in row] for row in rows]  # typographic ties print as spaces
    assert rows[0][1].startswith("Кузнецова Ирина Павловна") and rows[0][3] == "Педагог – обучающийся"
    assert rows[0][2].splitlines() == ["Богданов Алексей Владимирович (8Б)", "Григорьева Полина Сергеевна (9Б)",
                                       "Яковлева Милана Ивановна (7Б)"]
    signers = [row.cells[1].text.replace("\xa0", " ") for row in acquaintance.rows[1:]]
    assert signers.count("Кузнецова И.П.") == 1
