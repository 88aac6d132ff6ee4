"""Bank rows, search that folds Cyrillic case and ё, filters, the person card service, consent, rollover."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from curator_app import settings
from curator_app.banks import people, require_consent, rollover
from curator_app.banks.rows import BankFilter, bank_rows, filter_rows, sort_key
from curator_app.errors import CuratorError
from curator_app.models import Mentee, Mentor, Mentorship, Person


def _pupil(last: str, first: str, grade: int = 7, **extra: object) -> int:
    return people.save_person("mentee", {"last_name": last, "first_name": first, "category": "pupil",
                                         "grade": grade, "grade_letter": "б", **extra}, {"key_request": "чтение"})


def test_rows_of_demo_banks(demo_db: Path) -> None:
    mentees, mentors = bank_rows("mentee"), bank_rows("mentor")
    assert len(mentees) == 120 and len(mentors) == 30
    in_pair = [r for r in mentees if r.status == "in_pair"]
    assert in_pair and all(r.partners for r in in_pair)
    assert {r.consent for r in mentees} >= {"valid", "none"}
    assert sum(r.load for r in mentors) >= len(in_pair)
    assert filter_rows(mentees, BankFilter(status="in_pair")) == in_pair
    graded = filter_rows(mentees, BankFilter(grade=7))
    assert graded and all(r.grade == 7 for r in graded)
    trained = filter_rows(mentors, BankFilter(trained=True))
    assert trained and all(r.trained for r in trained)
    ordered = sorted(mentees, key=sort_key("birth_date"))
    assert ordered[0].birth_date <= ordered[-1].birth_date


def test_search_folds_case_and_yo(db: Path) -> None:
    _pupil("Ёлкина", "Алёна")
    _pupil("ИВАНОВ", "петр", grade=5)
    rows = bank_rows("mentee")
    assert [r.last_name for r in filter_rows(rows, BankFilter(text="елкина"))] == ["Ёлкина"]
    assert [r.last_name for r in filter_rows(rows, BankFilter(text="АЛЕНА"))] == ["Ёлкина"]
    assert [r.first_name for r in filter_rows(rows, BankFilter(text="иванов п"))] == ["Петр"]
    assert [r.last_name for r in filter_rows(rows, BankFilter(text="5Б"))] == ["Иванов"]
    assert len(filter_rows(rows, BankFilter(text="ЧТЕНИЕ"))) == 2  # the key request is searched too


def test_card_validation_names_the_field(db: Path) -> None:
    with pytest.raises(people.PersonInvalid) as info:
        people.save_person("mentee", {"last_name": "", "first_name": "Оля", "category": "pupil", "grade": 14,
                                      "birth_date": dt.date.today() + dt.timedelta(days=3), "email": "нет"}, {})
    assert set(info.value.errors) == {"last_name", "grade", "birth_date", "email"}
    assert Person.select().count() == 0
    pid = people.save_person("mentor", {"last_name": "соколова", "first_name": "ольга", "category": "teacher",
                                        "position": "учитель математики"},
                             {"capacity": 2, "trained_on": dt.date(2026, 9, 1)})
    person, profile = people.load_card("mentor", pid)
    assert person["last_name"] == "Соколова" and profile["trained"] and profile["capacity"] == 2


def test_archive_restore_delete(db: Path) -> None:
    a, b = _pupil("Архипов", "Иван"), _pupil("Борисов", "Олег")
    assert people.archive("mentee", [a, b], "перевёлся") == 2
    assert filter_rows(bank_rows("mentee"), BankFilter()) == []
    assert len(filter_rows(bank_rows("mentee"), BankFilter(status="archived"))) == 2
    assert people.restore("mentee", [a]) == 1
    assert people.delete("mentee", [b]) == 1
    assert not Person.select().where(Person.id == b).exists() and Mentee.select().count() == 1


def test_delete_refused_for_someone_in_a_pair(demo_db: Path) -> None:
    ms = Mentorship.select().first()
    with pytest.raises(CuratorError, match="архив"):
        people.delete("mentor", [ms.mentor_id])
    assert Mentor.select().where(Mentor.person == ms.mentor_id).exists()


def test_consent_record_and_withdraw(db: Path) -> None:
    pid = _pupil("Петров", "Пётр", birth_date=dt.date(2013, 1, 1))
    with pytest.raises(CuratorError, match="нет согласия"):
        require_consent([pid], "включить в пару")
    with pytest.raises(people.PersonInvalid) as info:
        people.save_consent(pid, {"signed_by": "guardian", "signed_on": dt.date(2026, 9, 1)})
    assert set(info.value.errors) == {"guardian_name", "guardian_document"}
    cid = people.save_consent(pid, {"signed_by": "guardian", "signed_on": dt.date(2026, 9, 1),
                                    "guardian_name": "Петрова Анна Ивановна",
                                    "guardian_document": "свидетельство о рождении", "purposes": "наставничество"})
    require_consent([pid], "включить в пару")
    assert bank_rows("mentee")[0].consent == "valid"
    people.withdraw_consent(cid)
    assert bank_rows("mentee")[0].consent == "invalid"
    with pytest.raises(CuratorError, match="отозвано"):
        require_consent([pid], "включить в пару")


def test_rollover_promotes_and_archives_graduates(db: Path) -> None:
    settings.update_school(academic_year="2025-2026")
    seventh, eleventh = _pupil("Седьмов", "Иван", 7), _pupil("Выпускников", "Олег", 11)
    plan = rollover.plan_rollover()
    assert (plan.promoted, [g[0] for g in plan.graduates], plan.to_year) == (1, [eleventh], "2026-2027")
    rollover.apply_rollover(plan)
    assert Person.get_by_id(seventh).grade == 8 and "8б" in Person.get_by_id(seventh).search_text
    grad = Person.get_by_id(eleventh)
    assert grad.category == "graduate" and grad.grade is None
    assert Mentee.get(Mentee.person == eleventh).archived_on is not None
    assert settings.load_school().academic_year == "2026-2027"
    with pytest.raises(CuratorError, match="сменился"):
        rollover.apply_rollover(plan)


def test_rollover_refused_in_the_middle_of_the_year(db: Path) -> None:
    settings.update_school(academic_year="2026-2027")
    with pytest.raises(CuratorError, match="не раньше 1 мая 2027"):
        rollover.plan_rollover(today=dt.date(2026, 11, 22))
    assert rollover.plan_rollover(today=dt.date(2027, 6, 1)).to_year == "2027-2028"


def test_rollover_closes_finished_pairs(demo_db: Path) -> None:
    plan = rollover.plan_rollover(today=dt.date(2099, 6, 1))
    assert plan.pairs_to_close
    rollover.apply_rollover(plan)
    closed = Mentorship.select().where(Mentorship.id.in_([p[0] for p in plan.pairs_to_close]))
    assert all(ms.status == "completed" and ms.end_date for ms in closed)


def test_cli_rollover_preview_then_apply(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from curator_app.cli import main
    from curator_app.db import close_database

    settings.update_school(academic_year="2025-2026")
    _pupil("Девятов", "Иван", 9)
    close_database()
    assert main(["--db", str(db), "rollover"]) == 0
    assert '"promoted": 1' in capsys.readouterr().out
    assert main(["--db", str(db), "rollover", "--apply"]) == 0
    assert '"applied": true' in capsys.readouterr().out
