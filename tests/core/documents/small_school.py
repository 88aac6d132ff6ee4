"""A school of ten people built from scratch, as a new curator would: requisites, four mentors (two teachers,
a pupil, a programmer from a partner), six mentees (a young teacher, five pupils — one whose consent is not
back), four pairs and groups with plans and a few meetings. Every date is fixed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from curator_app.banks import save_person
from curator_app.banks.people import save_consent
from curator_app.db.reference import form_by_code
from curator_app.pairs import life
from curator_app.settings import update_school

DAY = dt.date(2026, 9, 20)  # the pairs are made
ORDER_DAY = dt.date(2026, 9, 25)  # and fixed by an order


@dataclass
class School:
    people: dict[str, int]
    pairs: dict[str, int]


PEOPLE: list[tuple[str, str, dict[str, object], dict[str, object]]] = [
    ("fedorova", "mentor", dict(last_name="Фёдорова", first_name="Елена", middle_name="Павловна", category="teacher",
                                position="учитель математики", subject="математика", experience_years=22,
                                birth_date=dt.date(1978, 4, 2), phone="+7 910 100-20-30"),
     dict(competencies="математика, олимпиады", capacity=2, trained=True)),
    ("frolov", "mentor", dict(last_name="Фролов", first_name="Игорь", middle_name="Семёнович", category="teacher",
                              position="учитель физики", subject="физика", experience_years=15,
                              birth_date=dt.date(1984, 1, 9)), dict(competencies="физика, методика урока")),
    ("elkina", "mentor", dict(last_name="Ёлкина", first_name="Дарья", middle_name="Олеговна", category="pupil",
                              grade=11, grade_letter="А", birth_date=dt.date(2009, 6, 1), phone="+7 915 555-44-33",
                              guardian_name="Ёлкина Светлана Ивановна"), dict(competencies="русский язык")),
    ("petrov", "mentor", dict(last_name="Петров", first_name="Иван", middle_name="Иванович", category="employer",
                              position="программист", workplace="МКУ «Центр информационных технологий»",
                              birth_date=dt.date(1990, 2, 2)), dict(competencies="программирование")),
    ("lebedeva", "mentee", dict(last_name="Лебедева", first_name="Ирина", middle_name="Павловна", category="teacher",
                                position="учитель физики", subject="физика", experience_years=1,
                                birth_date=dt.date(2001, 5, 5)), dict(key_request="дисциплина на уроке")),
    ("sokolov", "mentee", dict(last_name="Соколов", first_name="Максим", middle_name="Андреевич", category="pupil",
                               grade=6, grade_letter="Б", birth_date=dt.date(2014, 3, 3),
                               guardian_name="Соколова Анна Викторовна"), dict(key_request="трудности с математикой")),
    ("belova", "mentee", dict(last_name="Белова", first_name="Кира", middle_name="Олеговна", category="pupil",
                              grade=6, grade_letter="Б", birth_date=dt.date(2014, 8, 8),
                              guardian_name="Белов Олег Петрович"), dict(key_request="олимпиада по математике")),
    ("kovalev", "mentee", dict(last_name="Ковалёв", first_name="Артём", middle_name="Ильич", category="pupil",
                               grade=5, grade_letter="А", birth_date=dt.date(2015, 1, 1),
                               guardian_name="Ковалёва Мария Ильинична"), dict(key_request="грамотность")),
    ("zaitseva", "mentee", dict(last_name="Зайцева", first_name="Полина", middle_name="Сергеевна", category="pupil",
                                grade=9, grade_letter="В", birth_date=dt.date(2011, 2, 2),
                                guardian_name="Зайцев Сергей Петрович"), dict(key_request="выбор профессии в ИТ")),
    ("orlov", "mentee", dict(last_name="Орлов", first_name="Денис", middle_name="Павлович", category="pupil",
                             grade=7, grade_letter="А", birth_date=dt.date(2013, 4, 4),
                             guardian_name="Орлова Нина Петровна"), dict(key_request="подготовка к ВПР")),
]


def build() -> School:
    update_school(full_name="Муниципальное автономное общеобразовательное учреждение «Лицей № 5» г. Тулы",
                  short_name="МАОУ «Лицей № 5»", city="г. Тула", director_name="Орлова Вера Павловна",
                  curator_name="Гончаренко Любовь Игоревна", curator_position="Заместитель директора по НМР",
                  academic_year="2026-2027", address="300000, г. Тула, ул. Советская, д. 5")
    ids: dict[str, int] = {}
    for key, role, person, profile in PEOPLE:
        ids[key] = save_person(role, dict(person), dict(profile))
        if key == "kovalev":
            continue  # his consent has not come back
        minor = person["category"] == "pupil"
        save_consent(ids[key], {"kind": "processing", "signed_by": "guardian" if minor else "self",
                                "guardian_name": person.get("guardian_name") if minor else None,
                                "guardian_document": "свидетельство о рождении" if minor else None,
                                "signed_on": dt.date(2026, 9, 5)})
    groups = {
        "olympiad": life.create(ids["fedorova"], [ids["sokolov"], ids["belova"]], form_by_code("teacher_pupil").id,
                                name="Олимпиадники", day=DAY).id,
        "young": life.create(ids["frolov"], [ids["lebedeva"]], form_by_code("teacher_teacher").id, day=DAY).id,
        "it": life.create(ids["petrov"], [ids["zaitseva"]], form_by_code("employer_pupil").id, day=DAY).id,
        "peers": life.create(ids["elkina"], [ids["orlov"]], form_by_code("pupil_pupil").id, day=DAY).id,
    }
    life.update(groups["young"], meeting_rhythm="раз в неделю")
    life.add_goal(groups["young"], "Освоить приёмы управления дисциплиной", dt.date(2026, 12, 1))
    life.add_goal(groups["olympiad"], "Решить задачи муниципального этапа олимпиады прошлых лет",
                  dt.date(2026, 11, 15))
    life.activate([groups["young"], groups["olympiad"]], ORDER_DAY)
    life.add_meeting(groups["young"], dt.date(2026, 10, 2), "Разбор урока в 7А", "очно")
    life.add_meeting(groups["young"], dt.date(2026, 10, 16), "Дисциплина на уроке: приёмы", "очно")
    return School(ids, groups)
