"""The demo school: a database that looks like a real school's, made from a seed.

Names with patronymics that agree in gender, grades 5–11 with letters, teachers with subjects and
experience, older pupils, students, parents and employers as mentors, consents (a few missing or
withdrawn), requests and competencies, a dated roadmap, and pairs and groups in several forms at
different stages of their life. Rows go in with ``insert_many`` in one transaction: 20,000 people
take a few seconds, and a failure leaves the database as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass, field
from typing import Any

from peewee import fn

from curator_app import settings as settings_service
from curator_app.audit import log
from curator_app.db.reference import forms
from curator_app.errors import CuratorError
from curator_app.lang.fmt import academic_year_bounds, academic_year_of
from curator_app.models import (
    BaseModel,
    Consent,
    Meeting,
    Mentee,
    Mentor,
    Mentorship,
    MentorshipGoal,
    MentorshipMember,
    Person,
    RoadmapEvent,
    RoleModel,
    database,
    now,
    person_search_text,
)
from curator_app.paths import data_file
from curator_app.roadmap.template import create_from_template

from .surveys import fill_demo_surveys

LETTERS = "АБВГ"
_PERSON_FIELDS = (
    "last_name", "first_name", "middle_name", "gender", "birth_date", "category", "grade", "grade_letter",
    "position", "subject", "workplace", "experience_years", "phone", "email", "guardian_name",
    "guardian_phone", "notes",
)


@dataclass
class _Draft:
    """A person being generated, with the bank data that goes with them."""

    person: dict[str, Any]
    role: str  # mentor | mentee
    form: str
    profile: dict[str, Any] = field(default_factory=dict)
    id: int = 0


class _Names:
    def __init__(self, rng: random.Random, data: dict[str, Any]) -> None:
        self.rng, self.data = rng, data
        self.female_surname = {male: female for male, female in data["surnames"]}

    def person(self, gender: str | None = None) -> tuple[str, str, str, str]:
        rng, data = self.rng, self.data
        gender = gender or rng.choice("mf")
        index = 0 if gender == "m" else 1
        surname = rng.choice(data["surnames"])[index]
        first = rng.choice(data["male_names" if gender == "m" else "female_names"])
        return surname, first, rng.choice(data["patronymics"])[index], gender

    def phone(self) -> str:
        r = self.rng
        return f"+7 9{r.randint(10, 99)} {r.randint(100, 999)}-{r.randint(10, 99)}-{r.randint(10, 99)}"


def _birth_date(rng: random.Random, age: int, on: dt.date) -> dt.date:
    """Someone who is ``age`` full years old on ``on``."""
    latest = on.replace(year=on.year - age)
    return latest - dt.timedelta(days=rng.randint(0, 364))


def _bulk(model: type[BaseModel], rows: list[dict[str, Any]]) -> None:
    """Insert many rows through ``executemany``: peewee's ``insert_many`` spends seconds building SQL."""
    if not rows:
        return
    names = list(rows[0])
    columns = ", ".join(f'"{model._meta.fields[name].column_name}"' for name in names)
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({", ".join("?" * len(names))})'
    # Values are plain (text, numbers, booleans, dates, ids), so peewee's per-cell conversion is skipped;
    # dates go in as ISO text, as peewee stores them.
    database.cursor().executemany(sql, ([str(v) if isinstance(v, dt.date) else v for v in row.values()]
                                        for row in rows))


def _next_id(model: type[BaseModel]) -> int:
    return int(model.select(fn.MAX(model._meta.primary_key)).scalar() or 0) + 1


def fill_demo(mentees: int = 420, mentors: int = 80, seed: int = 2026, today: dt.date | None = None) -> dict[str, int]:
    """Fill an empty database with the demo school; returns what was made."""
    if mentees < 0 or mentors < 0:
        raise CuratorError("Число наставников и наставляемых не может быть отрицательным.")
    if Person.select().exists():
        raise CuratorError("В базе уже есть люди: демо-школа создаётся только в пустой базе. "
                           "Укажите новый файл через --db.")
    today = today or dt.date.today()
    rng = random.Random(seed)
    with open(data_file("demo_school.json"), encoding="utf-8") as handle:
        data = json.load(handle)
    year = academic_year_of(today)
    year_start, _ = academic_year_bounds(year)
    names = _Names(rng, data)

    drafts = [_mentee(rng, names, data, year_start) for _ in range(mentees)]
    drafts += [_mentor(rng, names, data, year_start) for _ in range(mentors)]

    with database.atomic():
        school = data["school"]
        pupils = sum(1 for d in drafts if d.role == "mentee" and d.person["category"] == "pupil")
        settings_service.update_school(
            **school, academic_year=year,
            pupils_total=max(600, round(pupils / 0.72)),
            young_teachers_total=max(8, sum(1 for d in drafts if d.role == "mentee"
                                            and d.person["category"] == "teacher") + 3),
        )
        _insert_people(drafts)
        _insert_consents(rng, drafts, year_start, today)
        made = _insert_mentorships(rng, data, drafts, year_start, today)
        roadmap = create_from_template(year)
        _mark_roadmap_progress(rng, roadmap.id, today)
        fill_demo_surveys(rng, today)
        log("import", "demo", None, f"Создана демо-школа: {mentees} наставляемых, {mentors} наставников")
    return {"mentees": mentees, "mentors": mentors, "mentorships": made}


def _mentee(rng: random.Random, names: _Names, data: dict[str, Any], year_start: dt.date) -> _Draft:
    if rng.random() < 0.06:
        last, first, middle, gender = names.person()
        subject, position = rng.choice(data["subjects"])
        person = {"category": "teacher", "birth_date": _birth_date(rng, rng.randint(22, 34), year_start),
                  "position": position, "subject": subject, "experience_years": rng.randint(0, 3),
                  "phone": names.phone()}
        profile = {"key_request": rng.choice(data["teacher_requests"])}
        form = "teacher_teacher"
    else:
        last, first, middle, gender = names.person()
        grade = rng.choices(range(5, 12), weights=(17, 17, 16, 15, 14, 11, 10))[0]
        g_last, g_first, g_middle, _ = names.person("f")
        g_last = last if gender == "f" else names.female_surname[last]  # the mother
        person = {"category": "pupil", "birth_date": _birth_date(rng, grade + 5, year_start),
                  "grade": grade, "grade_letter": rng.choice(LETTERS[:3] if grade > 9 else LETTERS),
                  "guardian_name": f"{g_last} {g_first} {g_middle}", "guardian_phone": names.phone()}
        profile = {"key_request": rng.choice(data["pupil_requests"]),
                   "interests": ", ".join(rng.sample(data["interests"], 2))}
        form = rng.choices(["pupil_pupil", "teacher_pupil", "student_pupil", "employer_pupil"],
                           weights=(30, 45, 10, 15))[0]
    person.update(last_name=last, first_name=first, middle_name=middle, gender=gender)
    profile["entry_date"] = year_start + dt.timedelta(days=rng.randint(10, 45))
    return _Draft(person, "mentee", form, profile)


def _mentor(rng: random.Random, names: _Names, data: dict[str, Any], year_start: dt.date) -> _Draft:
    kind = rng.choices(["teacher", "pupil", "student", "employer", "parent"], weights=(45, 37, 7, 7, 4))[0]
    last, first, middle, gender = names.person()
    person: dict[str, Any] = {"category": kind, "phone": names.phone()}
    profile: dict[str, Any] = {"interests": ", ".join(rng.sample(data["interests"], 2)),
                               "trained": rng.random() < 0.8, "capacity": 1}
    if kind == "teacher":
        subject, position = rng.choice(data["subjects"])
        experience = rng.randint(5, 35)
        person.update(birth_date=_birth_date(rng, 24 + experience + rng.randint(0, 5), year_start),
                      position=position, subject=subject, experience_years=experience)
        profile.update(competencies=", ".join([subject, *rng.sample(data["teacher_competencies"], 2)]),
                       capacity=rng.choice((1, 2, 3, 4)),
                       achievements=rng.choice(["высшая квалификационная категория", "первая квалификационная "
                                                "категория", "победитель конкурса «Учитель года»",
                                                "эксперт ОГЭ", "подготовил призёров олимпиад"]))
        form = "teacher_teacher" if experience >= 10 and rng.random() < 0.35 else "teacher_pupil"
        if form == "teacher_pupil":  # group mentoring: how schools reach the 70 % coverage target
            profile["capacity"] = rng.choice((5, 8, 10, 12))
    elif kind == "pupil":
        grade = rng.choice((9, 10, 10, 11, 11))
        person.update(birth_date=_birth_date(rng, grade + 5, year_start), grade=grade,
                      grade_letter=rng.choice(LETTERS[:3]))
        profile.update(competencies=", ".join(rng.sample(data["pupil_competencies"], 2) +
                                              [rng.choice(data["subjects"][:9])[0]]),
                       capacity=rng.choice((1, 2, 2, 3)), desired_grade_min=5, desired_grade_max=grade - 1,
                       achievements=rng.choice(["призёр муниципального этапа ВсОШ", "отличник учёбы",
                                                "председатель совета обучающихся", "волонтёр года"]))
        form = "pupil_pupil"
    elif kind == "student":
        person.update(birth_date=_birth_date(rng, rng.randint(18, 22), year_start),
                      workplace=rng.choice(data["universities"]), position="студент")
        profile.update(competencies=rng.choice(["программирование, информатика", "биология, химия",
                                                "математика, физика", "английский язык"]), capacity=2)
        form = "student_pupil"
    else:
        workplace, position, competencies = rng.choice(data["employers"])
        person.update(birth_date=_birth_date(rng, rng.randint(28, 55), year_start), workplace=workplace,
                      position=position)
        profile.update(competencies=competencies, capacity=rng.choice((1, 2, 3)))
        form = "employer_pupil"
    person.update(last_name=last, first_name=first, middle_name=middle, gender=gender)
    if profile["trained"]:
        profile["trained_on"] = year_start + dt.timedelta(days=rng.randint(30, 70))
    profile["entry_date"] = year_start + dt.timedelta(days=rng.randint(5, 40))
    return _Draft(person, "mentor", form, profile)


def _insert_people(drafts: list[_Draft]) -> None:
    first_id = _next_id(Person)
    stamp = now()
    form_ids = {f.code: f.id for f in forms()}
    people, mentor_rows, mentee_rows = [], [], []
    for offset, draft in enumerate(drafts):
        draft.id = first_id + offset
        row = {name: draft.person.get(name) for name in _PERSON_FIELDS}
        row.update(id=draft.id, search_text=person_search_text(row), created_at=stamp, updated_at=stamp)
        people.append(row)
    mentor_keys = ("competencies", "interests", "achievements", "desired_grade_min", "desired_grade_max",
                   "capacity", "trained", "trained_on", "entry_date")
    for draft in drafts:
        if draft.role == "mentor":
            mentor_rows.append({"person": draft.id, "form": form_ids[draft.form],
                                **{k: draft.profile.get(k) for k in mentor_keys}})
        else:
            mentee_rows.append({"person": draft.id, "form": form_ids[draft.form],
                                "key_request": draft.profile["key_request"],
                                "interests": draft.profile.get("interests"),
                                "entry_date": draft.profile["entry_date"]})
    _bulk(Person, people)
    _bulk(Mentor, mentor_rows)
    _bulk(Mentee, mentee_rows)


def _insert_consents(rng: random.Random, drafts: list[_Draft], year_start: dt.date, today: dt.date) -> None:
    rows = []
    for draft in drafts:
        draft.profile["consent"] = False
        if rng.random() < 0.04:
            continue  # never brought the signed form back
        minor = draft.person["birth_date"] > year_start.replace(year=year_start.year - 18)
        signed = year_start + dt.timedelta(days=rng.randint(0, 40))
        withdrawn = signed + dt.timedelta(days=rng.randint(10, 40)) if rng.random() < 0.01 else None
        if withdrawn and withdrawn > today:
            withdrawn = None
        draft.profile["consent"] = signed <= today and withdrawn is None
        base = {"person": draft.id, "signed_by": "guardian" if minor else "self",
                "guardian_name": draft.person.get("guardian_name") if minor else None,
                "guardian_document": "свидетельство о рождении" if minor else None,
                "signed_on": signed, "purposes": "участие в программе наставничества; учёт в базе наставников "
                "и наставляемых; оформление документов", "scope": "ФИО, дата рождения, класс/должность, "
                "контакты, результаты участия", "valid_until": None, "withdrawn_on": withdrawn}
        rows.append({**base, "kind": "processing"})
        if rng.random() < 0.3:
            rows.append({**base, "kind": "dissemination", "withdrawn_on": None,
                         "purposes": "публикация кейсов и фотографий на сайте школы"})
    _bulk(Consent, rows)


def _fits(form: str, mentor: _Draft, mentee: _Draft) -> bool:
    if form == "pupil_pupil":
        return int(mentor.person["grade"]) > int(mentee.person["grade"])
    if form == "teacher_teacher":
        return float(mentor.person["experience_years"]) > float(mentee.person["experience_years"]) + 3
    return True


def _insert_mentorships(rng: random.Random, data: dict[str, Any], drafts: list[_Draft], year_start: dt.date,
                        today: dt.date) -> int:
    form_ids = {f.code: f.id for f in forms()}
    mentors = [d for d in drafts if d.role == "mentor" and d.profile["consent"]]
    mentees = [d for d in drafts if d.role == "mentee" and d.profile["consent"]]
    rng.shuffle(mentees)
    free = {m.id: int(m.profile["capacity"]) for m in mentors}
    by_form: dict[str, list[_Draft]] = {}
    for mentor in mentors:
        by_form.setdefault(mentor.form, []).append(mentor)
    groups: dict[int, list[_Draft]] = {}
    for mentee in mentees[: int(len(mentees) * 0.9)]:
        pool = by_form.get(mentee.form, [])
        candidates = [m for m in rng.sample(pool, min(12, len(pool))) if _fits(mentee.form, m, mentee)]
        if not candidates:
            continue
        mentor = candidates[0]
        free[mentor.id] -= 1
        if free[mentor.id] == 0:
            pool.remove(mentor)
        groups.setdefault(mentor.id, []).append(mentee)

    order_day = year_start.replace(month=10, day=1)
    role_models: dict[int, list[int]] = {}  # a form's role models, for the appendix of the order
    model_rows: Any = RoleModel.select(RoleModel.id, RoleModel.form).order_by(RoleModel.position).tuples()
    for model_id, form_id in model_rows:
        role_models.setdefault(form_id, []).append(model_id)
    first_id = _next_id(Mentorship)
    ships, members, goals, meetings = [], [], [], []
    mentor_by_id = {m.id: m for m in mentors}
    for offset, (mentor_id, group) in enumerate(groups.items()):
        mentor = mentor_by_id[mentor_id]
        ship_id = first_id + offset
        roll = rng.random()
        status = ("planned" if roll < 0.12 or order_day > today else "ended_early" if roll < 0.15 else "active")
        start = None if status == "planned" else order_day
        planned_end = year_start.replace(year=year_start.year + 1, month=5, day=31)
        name = None
        if len(group) > 1 and mentor.form == "teacher_teacher":
            name = rng.choice(data["teacher_group_names"])
        elif len(group) > 1 and mentor.form != "pupil_pupil":
            name = rng.choice(data["group_names"])
        ships.append({
            "id": ship_id, "name": name, "form": form_ids[mentor.form], "mentor": mentor_id,
            "role_model": _role_model(role_models.get(form_ids[mentor.form], []), offset),
            "status": status, "start_date": start, "planned_end_date": planned_end,
            "end_date": today - dt.timedelta(days=rng.randint(1, 20)) if status == "ended_early" else None,
            "end_reason": "переход наставляемого в другую школу" if status == "ended_early" else None,
            "locked": False, "score": None, "meeting_rhythm": rng.choice(["раз в неделю", "раз в две недели",
                                                                        "два раза в месяц"]),
            # a room: documents print it with the school's current name («МБОУ «СОШ № 17», кабинет 214»)
            "place": f"кабинет {201 + offset % 30}", "results": None, "notes": None, "created_at": now(),
        })
        for mentee in group:
            members.append({"mentorship": ship_id, "mentee": mentee.id, "joined_on": start, "left_on": None})
        request = group[0].profile["key_request"]
        for i, text in enumerate((f"Запрос наставляемого: {request}", "Составить и выполнить индивидуальный план",
                                  "Подвести итоги и оценить результаты")):
            goals.append({"mentorship": ship_id, "position": i, "text": text, "due_date": planned_end,
                          "done_on": None})
        if status == "active" and today > order_day:
            days = (today - order_day).days
            for topic in rng.sample(data["meeting_topics"][:7], min(7, max(1, days // 14))):
                meetings.append({"mentorship": ship_id, "date": order_day + dt.timedelta(days=rng.randint(0, days)),
                                 "topic": topic, "format": rng.choice(["очно", "очно", "онлайн"]), "notes": None})
    _bulk(Mentorship, ships)
    _bulk(MentorshipMember, members)
    _bulk(MentorshipGoal, goals)
    _bulk(Meeting, meetings)
    return len(ships)


def _role_model(models: list[int], offset: int) -> int | None:
    """The first role models of the form in turn (no draw from the generator: the rest of the demo stays)."""
    return models[offset % min(2, len(models))] if models else None


def _mark_roadmap_progress(rng: random.Random, roadmap_id: int, today: dt.date) -> None:
    """Past events are done, but for a couple the curator has not closed yet (so they show overdue)."""
    events = list(RoadmapEvent.select().where(RoadmapEvent.roadmap == roadmap_id).order_by(RoadmapEvent.position))
    past = [e for e in events if e.end_date and e.end_date < today and not e.recurrence]
    left_open = set(rng.sample([e.id for e in past], min(2, len(past))))
    for event in events:
        if event.id in left_open:
            continue
        if event in past:
            event.status, event.done_on = "done", event.end_date
            event.save()
        elif event.start_date and event.start_date <= today:
            event.status = "in_progress"
            event.save()
