"""The demo school's monitoring: an entry and a final wave of the year with plausible answers.

Each participant has a mood (how the programme suits them) that drives their scale answers, and the final
wave adds a growth to it, so the before/after comparison shows a believable improvement with a spread.
Deterministic from the demo's random generator. Answers go in through ``executemany``: a 20,000-person
school has hundreds of thousands of them.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from typing import Any, NamedTuple

from peewee import fn

from curator_app.db.reference import seed_questionnaires
from curator_app.lang.fmt import academic_year_of
from curator_app.models import Answer, Question, Response, database, now
from curator_app.monitoring.waves import Respondent, create_wave, roster

_TEXTS: dict[str, list[str]] = {
    "most_valuable": [
        "Разбор трудных задач вместе с наставником", "Поддержка и внимание", "Подготовка к олимпиаде",
        "Работа над проектом от идеи до защиты", "Советы по выбору профессии", "Стал увереннее отвечать у доски",
        "Посещение уроков опытного коллеги", "Разбор моих уроков после посещения", "Помощь с документами",
        "Наставляемый начал сам ставить себе цели", "Видно, как растут результаты", "Доверие и честный разговор",
    ],
    "missing": [
        "Больше времени на встречи", "Встреч в каникулы", "Групповых занятий с другими парами",
        "Экскурсий на предприятие", "Больше практических заданий", "Онлайн-консультаций вечером",
    ],
    "difficulties": [
        "Трудно найти общее свободное время", "Наставляемый пропускает встречи", "Много отчётных документов",
        "Не хватает методических материалов", "Нагрузка на уроках не оставляет времени",
    ],
    "met_before_where": ["В прошлой школе", "В лагере «Орлёнок»", "В кружке робототехники", "На практике в колледже"],
    "strengths": ["Стабильные пары, регулярные встречи"], "weaknesses": ["Мало групповых мероприятий"],
    "plans": ["Добавить встречи с партнёрами"],
}
_YES_SHARE = {"met_before": 0.2, "mentored_before": 0.45, "plan_made": 0.85, "mentors_training": 0.8}


class _Q(NamedTuple):
    """What the generator needs of a question, read once (peewee attribute access is slow in a hot loop)."""

    id: int
    kind: str
    code: str
    options: int  # how many


def _questions(questionnaire_id: int) -> list[_Q]:
    return [_Q(q.id, q.kind, q.code, len(q.options or [])) for q in
            Question.select().where(Question.questionnaire == questionnaire_id).order_by(Question.position)]


def _answer(rng: random.Random, question: _Q, mood: float, values: dict[str, Any]) -> tuple[Any, Any]:
    kind, code = question.kind, question.code
    if kind == "scale":
        value = round(rng.gauss(mood, 1.1))
        return (1 if value < 1 else 10 if value > 10 else value), None
    if kind == "yes_no":
        share = _YES_SHARE.get(code, min(0.97, max(0.3, (mood - 3) / 6)))
        return (1 if rng.random() < share else 0), None
    if kind == "single":
        weights = (40, 35, 18, 7)[: question.options]
        return rng.choices(range(len(weights)), weights=weights)[0], None
    if kind == "multi":
        count = question.options
        picked = sorted(rng.sample(range(count - 1), rng.randint(1, min(3, count - 1))))
        return None, json.dumps(picked)
    if kind == "number":
        return float(rng.randint(2, 12) if code != "lessons_visited" else rng.randint(2, 18)), None
    if code == "met_before_where" and values.get("met_before") != 1:
        return None, None
    if rng.random() < 0.35 and code in _TEXTS:
        return None, rng.choice(_TEXTS[code])
    return None, None


SAMPLE = 2000  # respondents per wave at most


def _fill(rng: random.Random, wave_id: int, people: list[Respondent], moods: dict[int, float], share: float,
          start: dt.date, end: dt.date) -> int:
    questions: dict[int, list[_Q]] = {}
    next_response = int(Response.select(fn.MAX(Response.id)).scalar() or 0) + 1
    responses: list[tuple[Any, ...]] = []
    answers: list[tuple[Any, ...]] = []
    span = max(0, (end - start).days)
    stamp = str(now())
    if len(people) > SAMPLE:  # a huge demo school answers through a sample: the figures look the same
        people = rng.sample(people, SAMPLE)
    for person in people:
        if rng.random() > share:
            continue
        if person.questionnaire_id not in questions:
            questions[person.questionnaire_id] = _questions(person.questionnaire_id)
        mood = moods[person.person_id]
        rid = next_response + len(responses)
        responses.append((rid, wave_id, person.questionnaire_id, person.person_id, person.mentorship_id, person.role,
                          str(start + dt.timedelta(days=rng.randint(0, span))), "demo", stamp))
        values: dict[str, Any] = {}
        for question in questions[person.questionnaire_id]:
            number, text = _answer(rng, question, mood, values)
            values[question.code] = number
            if number is not None or text is not None:
                answers.append((rid, question.id, number, text))
    cursor = database.cursor()
    cursor.executemany('INSERT INTO "response" ("id", "wave_id", "questionnaire_id", "person_id", "mentorship_id", '
                       '"role", "submitted_on", "source", "created_at") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', responses)
    cursor.executemany(f'INSERT INTO "{Answer._meta.table_name}" ("response_id", "question_id", "number", "text") '
                       'VALUES (?, ?, ?, ?)', answers)
    return len(responses)


def fill_demo_surveys(rng: random.Random, today: dt.date) -> dict[str, int]:
    """Create the year's entry and final waves and answer them for the demo school's pairs."""
    seed_questionnaires()
    year = academic_year_of(today)
    entry = create_wave(f"Входное анкетирование {year}", "entry", year)
    final = create_wave(f"Итоговое анкетирование {year}", "final", year)
    entry_people, final_people = roster(entry.id), roster(final.id)
    moods = {p.person_id: rng.gauss(6.6, 1.3) for p in entry_people + final_people}
    made = _fill(rng, entry.id, entry_people, moods, 0.88, entry.start_date or today, entry.due_date or today)
    for person_id in moods:
        moods[person_id] += rng.gauss(0.9, 0.9)
    made += _fill(rng, final.id, final_people, moods, 0.8, final.start_date or today, final.due_date or today)
    entry.conclusions = ("Входное анкетирование показало готовность участников к работе в парах. "
                         "Куратору: уточнить запросы наставляемых с низкими оценками понятности задач.")
    entry.save()
    return {"survey_waves": 2, "responses": made}
