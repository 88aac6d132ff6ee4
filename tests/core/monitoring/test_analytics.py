"""Analytics of a survey wave against figures computed by hand on a tiny school."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from curator_app import settings
from curator_app.db.reference import form_by_code
from curator_app.models import Consent, Mentorship, MentorshipMember, Person, Question, Questionnaire
from curator_app.monitoring import analyse, coverage, create_wave, roster
from curator_app.monitoring.questionnaires import AnswerValue, save_response

DAY = dt.date(2026, 11, 22)


@dataclass
class School:
    people: dict[str, int]
    mentee_q: int
    mentor_q: int
    q: dict[str, int]  # question code → id (mentee questionnaire)
    mentor_scale: int
    entry: int
    final: int


def _person(last: str, first: str, middle: str, category: str, age: int) -> int:
    born = DAY.replace(year=DAY.year - age) - dt.timedelta(days=30)
    person = Person.create(last_name=last, first_name=first, middle_name=middle, category=category, birth_date=born)
    Consent.create(person=person, signed_on=dt.date(2026, 9, 1))
    return int(person.id)


def _questionnaire(code: str, audience: str, items: list[tuple[str, str, list[str] | None]]) -> tuple[int, dict[str, int]]:
    qn = Questionnaire.create(code=code, title=f"Тест {code}", audience=audience)
    ids = {}
    for position, (qcode, kind, options) in enumerate(items):
        q = Question.create(questionnaire=qn, position=position, code=qcode, text=f"Вопрос {qcode}", kind=kind,
                            options=options, min_value=1 if kind == "scale" else None,
                            max_value=10 if kind == "scale" else None)
        ids[qcode] = q.id
    return qn.id, ids


@pytest.fixture
def school(db: Path) -> School:
    p = {
        "m1": _person("Орлова", "Анна", "Петровна", "teacher", 45),
        "a": _person("Белов", "Иван", "Сергеевич", "pupil", 12),
        "b": _person("Белова", "Мария", "Сергеевна", "pupil", 14),
        "m2": _person("Крылов", "Олег", "Ильич", "pupil", 17),
        "c": _person("Седых", "Кира", "Олеговна", "pupil", 13),
        "t": _person("Панов", "Глеб", "Юрьевич", "teacher", 25),
    }
    start = dt.date(2026, 10, 1)
    s1 = Mentorship.create(form=form_by_code("teacher_pupil"), mentor=p["m1"], status="active", start_date=start)
    MentorshipMember.create(mentorship=s1, mentee=p["a"])
    MentorshipMember.create(mentorship=s1, mentee=p["b"])
    s2 = Mentorship.create(form=form_by_code("pupil_pupil"), mentor=p["m2"], status="active", start_date=start)
    MentorshipMember.create(mentorship=s2, mentee=p["c"])
    # A young teacher's pair with no start date yet: counted in coverage, not asked in the waves.
    s3 = Mentorship.create(form=form_by_code("teacher_teacher"), mentor=p["m1"], status="active")
    MentorshipMember.create(mentorship=s3, mentee=p["t"])
    settings.update_school(pupils_total=10, young_teachers_total=4)
    mentee_q, q = _questionnaire("t_mentee", "mentee", [
        ("q1", "scale", None), ("q2", "scale", None), ("yn", "yes_no", None),
        ("freq", "single", ["часто", "иногда", "редко"]), ("help", "multi", ["учёба", "проекты", "другое"]),
        ("open", "text", None)])
    mentor_q, mq = _questionnaire("t_mentor", "mentor", [("q1", "scale", None)])
    entry = create_wave("Вход", "entry", "2026-2027", questionnaire_ids=[mentee_q, mentor_q])
    final = create_wave("Итог", "final", "2026-2027", questionnaire_ids=[mentee_q, mentor_q])
    return School(p, mentee_q, mentor_q, q, mq["q1"], entry.id, final.id)


def _mentee(s: School, wave: int, who: str, q1: int, q2: int, **extra: AnswerValue) -> None:
    values = {s.q["q1"]: AnswerValue(q1), s.q["q2"]: AnswerValue(q2)}
    values.update({s.q[code]: value for code, value in extra.items()})
    ship = MentorshipMember.get(MentorshipMember.mentee == s.people[who]).mentorship_id
    save_response(wave, s.mentee_q, s.people[who], "mentee", values, mentorship_id=ship, day=DAY)


def _mentor(s: School, wave: int, value: int) -> None:
    ship = Mentorship.get(Mentorship.mentor == s.people["m1"]).id
    save_response(wave, s.mentor_q, s.people["m1"], "mentor", {s.mentor_scale: AnswerValue(value)},
                  mentorship_id=ship, day=DAY)


@pytest.fixture
def answered(school: School) -> School:
    s = school
    _mentee(s, s.entry, "a", 6, 8)
    _mentee(s, s.entry, "b", 4, 5)
    _mentee(s, s.entry, "c", 9, 10)
    _mentor(s, s.entry, 7)
    _mentee(s, s.final, "a", 8, 9, yn=AnswerValue(1), freq=AnswerValue(0), help=AnswerValue(text="[0, 1]"),
            open=AnswerValue(text="Помогли с задачами"))
    _mentee(s, s.final, "b", 5, 5, yn=AnswerValue(0), freq=AnswerValue(2), help=AnswerValue(text="[1]"))
    _mentor(s, s.final, 9)
    return s


def test_roster_has_both_pairs_and_leaves_out_the_pair_not_started(school: School) -> None:
    people = roster(school.final)
    assert [(r.role, r.person_id) for r in people] == [
        ("mentor", school.people["m1"]), ("mentee", school.people["a"]), ("mentee", school.people["b"]),
        ("mentor", school.people["m2"]), ("mentee", school.people["c"])]
    assert {r.questionnaire_id for r in people if r.role == "mentee"} == {school.mentee_q}


def test_item_figures_by_hand(answered: School) -> None:
    a = analyse(answered.final)
    assert (a.expected, a.answered, a.rate) == (5, 3, pytest.approx(0.6))
    items = {(i.questionnaire, i.code): i for i in a.items}
    q1 = items[("t_mentee", "q1")]
    assert (q1.n, q1.mean, q1.median, q1.satisfied) == (2, 6.5, 6.5, 0.5)
    assert dict(q1.distribution())["5"] == 1 and dict(q1.distribution())["8"] == 1
    assert sum(count for _, count in q1.distribution()) == 2
    q2 = items[("t_mentee", "q2")]
    assert (q2.mean, q2.median, q2.satisfied) == (7, 7, 0.5)
    assert q1.form_means() == {"Педагог – обучающийся": 6.5}
    yn = items[("t_mentee", "yn")]
    assert yn.mean == 0.5 and yn.distribution() == [("да", 1), ("нет", 1)]
    assert items[("t_mentee", "freq")].distribution() == [("часто", 1), ("иногда", 0), ("редко", 1)]
    helped = items[("t_mentee", "help")]
    assert helped.n == 2 and helped.distribution() == [("учёба", 1), ("проекты", 2), ("другое", 0)]
    assert [i.texts for i in a.open_answers()] == [["Помогли с задачами"]]
    assert items[("t_mentor", "q1")].mean == 9


def test_groups_and_satisfied_share_by_hand(answered: School) -> None:
    a = analyse(answered.final)
    # respondent means of scale answers: A 8.5, B 5, mentor 9
    assert a.overall.mean == pytest.approx(7.5)
    assert a.overall.satisfied == pytest.approx(2 / 3)
    mentees = a.by_role["mentee"]
    assert (mentees.expected, mentees.respondents, mentees.mean, mentees.satisfied) == (3, 2, 6.75, 0.5)
    assert (a.by_role["mentor"].expected, a.by_role["mentor"].respondents) == (2, 1)
    assert a.by_form["Педагог – обучающийся"].respondents == 3
    assert a.by_form["Ученик – ученик"].respondents == 0 and a.by_form["Ученик – ученик"].expected == 2


def test_before_after_by_hand(answered: School) -> None:
    change = analyse(answered.final).change
    assert change is not None and change.baseline_id == answered.entry
    diffs = {p.person_id: (p.before, p.after) for p in change.participants}
    assert diffs == {answered.people["a"]: (7, 8.5), answered.people["b"]: (4.5, 5), answered.people["m1"]: (7, 9)}
    assert change.mean_diff == pytest.approx(4 / 3)
    assert change.mean_before == pytest.approx(18.5 / 3)
    assert change.counts() == (3, 0, 0)
    q1 = next(c for c in change.items if (c.questionnaire, c.code) == ("t_mentee", "q1"))
    assert (q1.before, q1.after, q1.diff, q1.n) == (5, 6.5, 1.5, 2)
    assert analyse(answered.entry).change is None


def test_coverage_by_hand(school: School) -> None:
    cov = coverage(DAY)
    assert (cov.pupils_in_mentoring, cov.pupils_total, cov.pupils_share) == (3, 10, 0.3)
    assert (cov.young_teachers_with_mentor, cov.young_teachers_total, cov.young_teachers_share) == (1, 4, 0.25)


def test_multi_answer_is_stored_as_option_indexes(answered: School) -> None:
    from curator_app.models import Answer

    stored = Answer.get(Answer.question == answered.q["help"], Answer.text == "[0, 1]")
    assert json.loads(stored.text) == [0, 1]
