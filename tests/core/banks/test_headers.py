"""Headers recognised by meaning, and no column dropped without a word: the plan, the CLI's JSON and the
audit name every column that is not loaded, with the field its values suggest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from curator_app import settings
from curator_app.banks import read as rd
from curator_app.banks.headers import is_numbering
from curator_app.banks.importer import apply_import, auto_mapping, plan_import, remember_mapping
from curator_app.banks.read import suggest_field
from curator_app.cli import main
from curator_app.models import AuditLog, Mentor

from .conftest import IMPORT_DAY


@pytest.mark.parametrize("header", [
    "Макс. число наставляемых", "Макс. наставляемых", "Количество наставляемых", "Кол-во наставляемых",
    "Ресурс времени (кол-во наставляемых)", "Сколько наставляемых может взять", "Число наставляемых (не более)",
    "Наставляемых, макс.", "Максимальное количество наставляемых", "Ресурс времени"])
def test_capacity_in_the_usual_wordings(header: str) -> None:
    assert rd.header_field(header) == "capacity"


@pytest.mark.parametrize(("header", "field"), [
    ("Фамилия, имя, отчество", "full_name"), ("ФИО обучающегося (полностью)", "full_name"),
    ("Фамилия Имя Отчество наставника", "full_name"), ("Фамилия и имя", "full_name"),
    ("Ф.И.О. педагога", "full_name"), ("ФИО наставляемого", "full_name"),
    ("ФИО родителя (законного представителя)", "guardian_name"), ("Моб. телефон мамы", "guardian_phone"),
    ("Дата согласия", "consent_on"), ("Дата подписания согласия на обработку ПД", "consent_on"),
    ("Согласие на обработку персональных данных (да/нет)", "consent"), ("Согласие родителей на обработку ПД", "consent"),
    ("Желаемый возраст наставляемых", "desired_mentees"), ("Дата прохождения обучения", "trained_on"),
    ("Курсы наставников (отметка)", "trained"), ("Дата вступления в программу", "entry_date"),
    ("Дата рождения (дд.мм.гггг)", "birth_date"), ("Должность / класс", "position"), ("Класс, литера", "grade"),
    ("Место работы (учёбы)", "workplace"), ("Образовательная организация", "workplace"),
    ("Преподаваемая дисциплина", "subject"), ("Педагогический стаж, лет", "experience_years"),
    ("Адрес электронной почты", "email"), ("Профессиональные затруднения", "key_request"),
    ("Ключевые навыки", "competencies"), ("Хобби, увлечения", "interests"), ("Награды и достижения", "achievements"),
    ("Форма взаимодействия", "form"), ("Комментарии куратора", "notes"),
    ("Классный руководитель", None), ("Квалификационная категория", None), ("Номер кабинета", None), ("Пол", None),
    ("Список наставников МБОУ «СОШ № 5» на 2026/2027 учебный год", None), ("да, 02.09.2026", None),
    ("ученица 10А", None),
])
def test_headers_by_meaning(header: str, field: str | None) -> None:
    assert rd.header_field(header) == field


def test_numbering_and_suggestions() -> None:
    assert is_numbering("№ п/п") and is_numbering("№") and not is_numbering("Номер кабинета")
    assert suggest_field("Наставляемые", [1, 2.0, "3", 5, 2], "mentor") == "capacity"
    assert suggest_field("Наставляемые", [1, 2.0, "3", 5, 2], "mentee") is None
    assert suggest_field("Связь", ["a@school.ru", "b@mail.ru"], "mentee") == "email"
    assert suggest_field("Связь с мамой", ["+7 910 000-00-00", "8(910)1112233"], "mentee") == "guardian_phone"
    assert suggest_field("Группа", ["7Б", "7 б", "8а"], "mentee") == "grade"
    assert suggest_field("Номер кабинета", ["214", "301"], "mentor") is None


def sheet(tmp_path: Path) -> Path:
    path = tmp_path / "mentors.csv"
    path.write_text("ФИО;Должность;Наставляемые;Номер кабинета;;№\n"
                    "Соколова Ольга Викторовна;учитель;3;214;;1\nЗайцев Максим;учитель;2;;заметка;2\n", encoding="utf-8")
    return path


def test_plan_lists_every_column_it_does_not_load(db: Path, tmp_path: Path) -> None:
    plan = plan_import(sheet(tmp_path), "mentor", today=IMPORT_DAY)
    assert [(c.header, c.suggestion) for c in plan.ignored] == [
        ("Наставляемые", "capacity"), ("Номер кабинета", None), ("столбец 5", None)]  # «№» is the sheet's own
    assert plan.summary()["ignored_columns"] == ["Наставляемые", "Номер кабинета", "столбец 5"]
    apply_import(plan)
    entry = AuditLog.select().where(AuditLog.action == "import").get()
    assert "не загружены столбцы: «Наставляемые», «Номер кабинета», «столбец 5»" in entry.summary
    # taking the suggestion loads the places
    mapping = {**plan.mapping, 2: "capacity"}
    apply_import(plan_import(sheet(tmp_path), "mentor", mapping=mapping, today=IMPORT_DAY))
    assert sorted(m.capacity for m in Mentor.select()) == [2, 3]


def test_cli_json_names_ignored_columns(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from curator_app.db import close_database

    close_database()
    assert main(["--db", str(db), "import", "bank", "mentors", str(sheet(tmp_path))]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"file", "bank", "added", "updated", "rejected", "skipped", "errors", "written"} <= set(out)
    assert out["ignored_columns"] == ["Наставляемые", "Номер кабинета", "столбец 5"] and out["added"] == 2


def test_remembered_choices_only_correct_recognition(db: Path) -> None:
    headers = ["ФИО", "Макс. число наставляемых", "Особые отметки", "Ресурс времени"]
    # what earlier versions stored: an empty choice for every column they did not recognise
    settings.put("bank_import.mapping.mentor", {"фио": "full_name", "макс. число наставляемых": "",
                                                "особые отметки": "competencies"})
    assert auto_mapping(headers, "mentor") == {0: "full_name", 1: "capacity", 2: "competencies"}
    remember_mapping(headers, {0: "full_name", 2: "competencies", 3: "capacity"}, "mentor")
    assert settings.get("bank_import.mapping.mentor") == {"макс. число наставляемых": "-",
                                                          "особые отметки": "competencies"}
    assert auto_mapping(headers, "mentor") == {0: "full_name", 2: "competencies", 3: "capacity"}
