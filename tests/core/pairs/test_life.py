"""The life of a pair: made by hand with the hard rules checked, accepted from the draft, active from the
order's date, completed or ended early, its plan and meetings, every change in the audit log; CLI match."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from curator_app.cli import main
from curator_app.db import close_database, open_database
from curator_app.db.reference import form_by_code
from curator_app.errors import CuratorError
from curator_app.matching import Weight, default_weights, load_weights, save_weights
from curator_app.matching import suggest as matching
from curator_app.models import Consent, Mentee, Mentor, MentorshipMember, Person
from curator_app.pairs import changes, list_mentorships
from curator_app.pairs import life as mentorships
from tests.conftest import DEMO_DAY

TODAY = DEMO_DAY


def person(last: str, category: str = "pupil", consent: bool = True, **kw: object) -> Person:
    p = Person.create(last_name=last, first_name="Иван", middle_name="Петрович", category=category, **kw)
    if consent:
        Consent.create(person=p, signed_on=TODAY - dt.timedelta(days=30))
    return p


@pytest.fixture
def school(db: Path) -> dict[str, Person]:
    tp = form_by_code("teacher_pupil")
    teacher = person("Учителева", "teacher", subject="математика", experience_years=20)
    Mentor.create(person=teacher, competencies="математика, подготовка к ОГЭ", capacity=2, trained=True, form=tp)
    other = person("Физиков", "teacher", subject="физика", experience_years=10)
    Mentor.create(person=other, competencies="физика", capacity=1, form=tp)
    pupils = {}
    for last, grade, request in (("Первый", 7, "трудности с математикой"), ("Второй", 8, "подготовка к ОГЭ"),
                                 ("Третий", 6, "олимпиада по физике")):
        pupils[last] = person(last, grade=grade)
        Mentee.create(person=pupils[last], key_request=request, form=tp)
    nobody = person("Безсогласия", grade=7, consent=False)
    Mentee.create(person=nobody, key_request="математика", form=tp)
    return {"teacher": teacher, "other": other, "nobody": nobody, **pupils}


def test_manual_pair_checks_hard_rules(school: dict[str, Person]) -> None:
    with pytest.raises(CuratorError, match="согласия"):
        mentorships.create(school["teacher"].id, [school["nobody"].id])
    ship = mentorships.create(school["teacher"].id, [school["Первый"].id])
    assert ship.status == "planned" and ship.locked
    with pytest.raises(CuratorError, match="уже в паре"):
        mentorships.create(school["other"].id, [school["Первый"].id])
    with pytest.raises(CuratorError, match="свободных мест 1, а наставляемых 2"):
        mentorships.create(school["teacher"].id, [school["Второй"].id, school["Третий"].id])
    assert MentorshipMember.select().count() == 1  # nothing half-written


def test_match_everyone_and_accept(school: dict[str, Person]) -> None:
    draft = matching.propose()
    pairs = {(r.mentee_name.split()[0], r.mentor_name.split()[0]) for r in draft.rows}
    assert pairs == {("Первый", "Учителева"), ("Второй", "Учителева"), ("Третий", "Физиков")}
    assert [u.mentee_name.split()[0] for u in draft.unmatched] == ["Безсогласия"]
    assert draft.unmatched[0].reason == "нет согласия на обработку персональных данных"
    first = next(r for r in draft.rows if r.mentee_name.startswith("Первый"))
    assert any(r.startswith("запрос „трудности с математикой“ ↔ компетенция „математика“") for r in first.reasons)
    ids = mentorships.accept_draft(draft.rows)  # pairs, as the draft shows them
    assert len(ids) == 3 and all(len(r.mentees) == 1 for r in list_mentorships())
    assert matching.propose().rows == []  # nobody left to pair


def test_accepting_as_groups_is_asked_for(school: dict[str, Person]) -> None:
    ids = mentorships.accept_draft(matching.propose().rows, group=True)
    rows = {r.mentor_name.split()[0]: r for r in list_mentorships()}
    assert len(ids) == 2 and rows["Учителева"].kind == "группа" and len(rows["Учителева"].mentees) == 2


def test_locked_rows_are_kept(school: dict[str, Person]) -> None:
    draft = matching.propose()
    forced = next(r for r in draft.rows if r.mentee_name.startswith("Третий"))
    again = matching.propose(locked=[forced])
    assert forced.mentee_id in {r.mentee_id for r in again.rows if r.locked}
    assert len(again.rows) == 3


def test_life_of_a_pair(school: dict[str, Person]) -> None:
    ship = mentorships.create(school["teacher"].id, [school["Первый"].id])
    start = TODAY - dt.timedelta(days=10)
    with pytest.raises(CuratorError, match="от 3 месяцев до года"):
        mentorships.activate([ship.id], start, start + dt.timedelta(days=30))
    mentorships.activate([ship.id], start)
    goal = mentorships.add_goal(ship.id, "Закрыть пробелы по дробям")
    mentorships.set_goal_done(goal.id, TODAY)
    mentorships.add_meeting(ship.id, TODAY, "Знакомство", "очно")
    with pytest.raises(CuratorError, match="раньше начала"):
        mentorships.add_meeting(ship.id, start - dt.timedelta(days=1), "Рано")
    with pytest.raises(CuratorError, match="причину"):
        mentorships.end_early(ship.id, TODAY, " ")
    mentorships.end_early(ship.id, TODAY, "переезд")
    row = list_mentorships()[0]
    assert row.status_label == "Прекращена досрочно" and row.meetings == 1
    summaries = [c.summary for c in changes(ship.id)]
    assert summaries[0].startswith("Создана пара") and summaries[-1].startswith("Пара прекращена досрочно")
    assert len(summaries) == 6


def test_weights_are_remembered(school: dict[str, Person]) -> None:
    weights = {**default_weights(), "trained": Weight(7.0, True)}
    save_weights(weights)
    assert load_weights() == weights
    draft = matching.propose()  # «Физиков» is not trained: now forbidden
    assert "Физиков" not in {r.mentor_name.split()[0] for r in draft.rows}


def test_cli_match_json_and_apply(school: dict[str, Person], capsys: pytest.CaptureFixture[str]) -> None:
    from curator_app.db import current_path

    path = current_path()
    close_database()
    assert main(["--db", str(path), "match", "--form", "педагог – обучающийся"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"pairs", "unmatched", "total_score"}
    assert {tuple(sorted(p)) for p in out["pairs"]} == {("form", "mentees", "mentor", "reasons", "score")}
    assert out["total_score"] == pytest.approx(sum(p["score"] for p in out["pairs"]), abs=0.2)
    assert out["unmatched"] == [{"mentee": "Безсогласия Иван Петрович",
                                 "reason": "нет согласия на обработку персональных данных"}]
    assert main(["--db", str(path), "match", "--form", "нет такой"]) == 1
    assert "не найдена" in capsys.readouterr().err
    assert main(["--db", str(path), "match", "--apply", "--groups"]) == 0
    capsys.readouterr()
    open_database(path)
    assert len(list_mentorships()) == 2  # Учителева's two pupils as one group


def test_group_members_and_name(school: dict[str, Person]) -> None:
    ship = mentorships.create(school["teacher"].id, [school["Первый"].id], name="Математики")
    mentorships.add_member(ship.id, school["Второй"].id)
    with pytest.raises(CuratorError, match="Нельзя добавить в группу .+ Ивана Петровича: .*нет свободных мест"):
        mentorships.add_member(ship.id, school["Третий"].id)
    with pytest.raises(CuratorError, match="согласия"):
        mentorships.add_member(ship.id, school["nobody"].id)
    row = list_mentorships()[0]
    assert row.name == "Математики" and row.kind == "группа" and len(row.mentees) == 2
    mentorships.remove_member(ship.id, school["Второй"].id)
    with pytest.raises(CuratorError, match="единственный"):
        mentorships.remove_member(ship.id, school["Первый"].id)
    mentorships.update(ship.id, name="")
    assert list_mentorships()[0].kind == "пара" and list_mentorships()[0].name == ""
    history = [h.summary for h in changes(ship.id)]
    assert "В группу добавлен Второй Иван Петрович" in history and "Из группы выбыл Второй Иван Петрович" in history
    mentorships.delete_planned(ship.id)
    assert list_mentorships() == []
    from curator_app.models import AuditLog

    deleted = AuditLog.select().where(AuditLog.action == "delete").order_by(AuditLog.id.desc()).get().summary
    assert deleted.startswith("Удалена планируемая пара с наставником ") and deleted.endswith("Иваном Петровичем")


def test_suggestions_for_a_mentee_and_a_mentor(school: dict[str, Person]) -> None:
    best = matching.suggest_mentors(school["Первый"].id)
    assert [s.name.split()[0] for s in best] == ["Учителева", "Физиков"]
    assert best[0].score > best[1].score and not best[0].problems
    assert any("компетенция „математика“" in r for r in best[0].reasons)
    assert matching.suggest_mentors(school["nobody"].id) == []
    everyone = matching.suggest_mentors(school["nobody"].id, include_forbidden=True)
    assert len(everyone) == 2 and all("согласия" in s.problems[0] for s in everyone)
    for_mentor = matching.suggest_mentees(school["other"].id)
    assert for_mentor[0].name.startswith("Третий")  # «олимпиада по физике» ↔ «физика»
    assert "Безсогласия" not in {s.name.split()[0] for s in for_mentor}


def test_cli_match_looks_without_the_lock_and_never_creates_a_file(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "нет.sqlite"
    assert main(["--db", str(missing), "match"]) == 1
    assert "не найден" in capsys.readouterr().err and not missing.exists()


def test_mentee_interests_meet_mentor_interests(school: dict[str, Person]) -> None:
    """Schema 2: a mentee's own interests, not their request, are compared with the mentor's."""
    Mentor.update(interests="шахматы, туризм").where(Mentor.person == school["other"].id).execute()
    Mentee.update(interests="Шахматами увлекаюсь").where(Mentee.person == school["Третий"].id).execute()
    by_mentor = {s.person_id: s for s in matching.suggest_mentors(school["Третий"].id)}
    assert any("общий интерес „шахматы“" in reason for reason in by_mentor[school["other"].id].reasons)
    assert not any("общий интерес" in reason for reason in by_mentor[school["teacher"].id].reasons)


def test_the_bank_shows_the_form_of_a_pair_when_no_wish_was_stated(school: dict[str, Person]) -> None:
    from curator_app.banks import bank_rows

    pupil = person("Безформы", grade=7)
    Mentee.create(person=pupil, key_request="математика")  # the school's list had no «Форма» column
    assert next(r for r in bank_rows("mentee") if r.id == pupil.id).form is None
    mentorships.create(school["teacher"].id, [pupil.id], day=TODAY)
    row = next(r for r in bank_rows("mentee") if r.id == pupil.id)
    assert row.form == "Педагог – обучающийся" and row.partners == "Учителева И.П."
