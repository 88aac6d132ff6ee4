"""What a school's list states is what the bank holds: pupils in the mentor list are pupils of their grade,
«да» is a consent on file whose date nobody gave, and the lists then pair everyone consent and capacity allow
and print an order dated before the import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from curator_app.banks import read as rd
from curator_app.banks.consent import consent_problem, valid_consent_ids
from curator_app.banks.importer import apply_import, plan_import
from curator_app.documents.ops import issue_order
from curator_app.matching.suggest import propose
from curator_app.models import Consent, Person
from curator_app.pairs.life import accept_draft
from curator_app.stats import counts

from .conftest import CONSENTING_MENTEES, FORMATS, IMPORT_DAY

SEPTEMBER_1 = dt.date(2026, 9, 1)


def test_cells_as_stated() -> None:
    assert rd.consent("да") == (True, None) and rd.consent("+") == (True, None) and rd.consent(1.0) == (True, None)
    assert rd.consent("да, 02.09.2026") == (True, dt.date(2026, 9, 2))
    assert rd.consent("подписано 2 сентября 2026 г.") == (True, dt.date(2026, 9, 2))
    assert rd.consent(dt.datetime(2026, 9, 1)) == (True, dt.date(2026, 9, 1))
    assert rd.consent("нет") == (False, None) and rd.consent("не сдано") == (False, None) and rd.consent("") is None
    with pytest.raises(rd.CellError, match="ожидалось «да», «нет» или дата"):
        rd.consent("спросить у мамы")
    with pytest.raises(rd.CellError, match="31.02.2026"):
        rd.consent("да, 31.02.2026")
    assert rd.pupil_grade("ученица 10А") == (10, "А") and rd.pupil_grade("обучающийся 10 А") == (10, "А")
    assert rd.pupil_grade("ученик 11 «Б» класса") == (11, "Б") and rd.pupil_grade("учащаяся 9-го класса") == (9, None)
    assert rd.pupil_grade("учитель математики, 5-11 классы") is None and rd.pupil_grade("ученица") is None
    assert rd.yes_no(1.0) is True and rd.yes_no(0) is False


def mentors_csv(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "mentors.csv"
    path.write_text("ФИО;Должность;Класс;Форма наставничества;Согласие;Дата согласия\n" + rows, encoding="utf-8")
    return path


def test_pupils_in_the_mentor_list(db: Path, tmp_path: Path) -> None:
    path = mentors_csv(tmp_path, "Ершова Дарья;ученица 10А;;;да;\nЛебедев Артём;;11 Б;;да;\n"
                                 "Михайлов Кирилл;;ученик 9В;;да;\nОрлов Олег;;;ученик – ученик;да;\n"
                                 "Смирнов Ян;выпускник 2024 года;;;да;\nКуликов Ян;учитель;;;да;\n")
    plan = plan_import(path, "mentor", today=IMPORT_DAY)
    [orlov] = plan.rejected
    assert (orlov.row, orlov.column, orlov.reason) == (5, "Класс", "Для обучающегося укажите класс (1–11)")
    apply_import(plan, skip_invalid=True)
    people = {p.last_name: (p.category, p.grade, p.grade_letter) for p in Person.select()}
    assert people == {"Ершова": ("pupil", 10, "А"), "Лебедев": ("pupil", 11, "Б"), "Михайлов": ("pupil", 9, "В"),
                      "Смирнов": ("graduate", None, None), "Куликов": ("teacher", None, None)}


def test_consent_as_stated(db: Path, tmp_path: Path) -> None:
    path = mentors_csv(tmp_path, "Ершова Дарья;учитель;;;да;\nЛебедев Артём;учитель;;;да, 02.09.2026;\n"
                                 "Михайлов Кирилл;учитель;;;;01.09.2026\nОрлов Олег;учитель;;;нет;\n"
                                 "Смирнов Ян;учитель;;;нет;05.09.2026\nКуликов Ян;учитель;;;да;08.12.2026\n")
    plan = plan_import(path, "mentor", today=IMPORT_DAY)
    assert [(r.row, r.column, r.reason) for r in plan.rejected] == [
        (6, "Согласие", "согласия нет, а в столбце «Дата согласия» указана дата 05.09.2026"),
        (7, "Дата согласия", "дата согласия 08.12.2026 ещё не наступила")]
    apply_import(plan, skip_invalid=True)
    signed = {c.person.last_name: c.signed_on for c in Consent.select()}
    assert signed == {"Ершова": None, "Лебедев": dt.date(2026, 9, 2), "Михайлов": dt.date(2026, 9, 1)}
    ids = {p.last_name: p.id for p in Person.select()}
    assert valid_consent_ids(SEPTEMBER_1) == {ids["Ершова"], ids["Михайлов"]}  # the date is checked where known
    assert valid_consent_ids(IMPORT_DAY) == {ids["Ершова"], ids["Лебедев"], ids["Михайлов"]}
    assert consent_problem(ids["Лебедев"], SEPTEMBER_1) == "согласие подписано только 02.09.2026"
    assert consent_problem(ids["Ершова"], SEPTEMBER_1) is None
    assert counts()["people_with_valid_consent"] == len(valid_consent_ids(dt.date.today()))  # the same rule
    # a later list that gives the date of a consent on file fills it in
    path.write_text("ФИО;Должность;Дата согласия\nЕршова Дарья;учитель;03.09.2026\n", encoding="utf-8")
    apply_import(plan_import(path, "mentor", today=IMPORT_DAY))
    assert Consent.get(Consent.person == ids["Ершова"]).signed_on == dt.date(2026, 9, 3)


@pytest.mark.parametrize("school_list", FORMATS, indirect=True)
def test_match_everyone_and_print_an_order_dated_before_the_import(db: Path, tmp_path: Path,
                                                                   school_list: tuple[Path, Path]) -> None:
    mentors, mentees = school_list
    apply_import(plan_import(mentors, "mentor", today=IMPORT_DAY))
    apply_import(plan_import(mentees, "mentee", today=IMPORT_DAY))
    draft = propose(day=IMPORT_DAY)
    # 10 places with consenting mentors (3 + 2 + 3 + 2), 10 pupils with consent: every one of them is placed
    assert len(draft.rows) == CONSENTING_MENTEES
    assert sorted(u.reason for u in draft.unmatched) == ["нет согласия на обработку персональных данных"] * 2
    per_mentor: dict[str, int] = {}
    for row in draft.rows:
        per_mentor[row.mentor_name.split()[0]] = per_mentor.get(row.mentor_name.split()[0], 0) + 1
    assert per_mentor == {"Соколова": 3, "Ершова": 2, "Лебедев": 3, "Михайлов": 2}
    accept_draft(draft.rows, group=True, day=IMPORT_DAY)  # one group per mentor: the order counts mentors
    # the order is dated 1 September, before the December import: undated consents count, known dates are checked
    result = issue_order(tmp_path / "order.docx", day=SEPTEMBER_1)
    assert result.pairs == 3
    assert result.skipped == ["Ершова Дарья Андреевна (наставник): нет действующего согласия на обработку "
                              "персональных данных — пара (группа) не включена"]
    assert issue_order(tmp_path / "later.docx", day=dt.date(2026, 9, 2)).pairs == 4
