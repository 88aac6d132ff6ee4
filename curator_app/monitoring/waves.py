"""Survey waves: an entry and a final wave per academic year (or a custom one), who should answer and who
has not yet.

Who should answer: the mentor and the mentees of every pair or group that works during the wave (started
by its due date, not ended before it began), with a valid consent to processing. Each respondent gets the
wave's questionnaire for their role, the one made for their pair's form when there is one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from curator_app.audit import log
from curator_app.banks import valid_consent_ids
from curator_app.errors import CuratorError
from curator_app.lang.fmt import academic_year_bounds, academic_year_of
from curator_app.lang.text import full_name
from curator_app.models import (
    MentoringForm,
    Mentorship,
    MentorshipMember,
    Person,
    Questionnaire,
    Response,
    SurveyWave,
    WaveQuestionnaire,
    database,
)

from .questionnaires import current_questionnaires

WAVE_KIND_LABELS: dict[str, str] = {"entry": "Входная", "final": "Итоговая", "custom": "Другая"}


@dataclass
class Respondent:
    """One person expected to answer in a wave, with the questionnaire meant for them."""

    person_id: int
    name: str
    role: str  # mentee | mentor
    mentorship_id: int
    form_name: str
    questionnaire_id: int
    response_id: int | None = None

    @property
    def answered(self) -> bool:
        return self.response_id is not None


@dataclass
class WaveProgress:
    wave: SurveyWave
    expected: int
    answered: int

    @property
    def rate(self) -> float:
        return self.answered / self.expected if self.expected else 0.0


def default_dates(kind: str, year: str) -> tuple[dt.date, dt.date]:
    """Start and due date of a wave: the entry wave by 20 December, the final one by 20 May."""
    start, _ = academic_year_bounds(year)
    if kind == "final":
        return dt.date(start.year + 1, 4, 20), dt.date(start.year + 1, 5, 20)
    return dt.date(start.year, 11, 20), dt.date(start.year, 12, 20)


def create_wave(title: str, kind: str = "entry", academic_year: str | None = None, start_date: dt.date | None = None,
                due_date: dt.date | None = None, questionnaire_ids: list[int] | None = None) -> SurveyWave:
    """A new wave with the given questionnaires (by default the current mentee and mentor ones)."""
    if kind not in WAVE_KIND_LABELS:
        raise CuratorError(f"Неизвестный вид волны «{kind}»: нужна entry, final или custom.")
    if not title.strip():
        raise CuratorError("У волны должно быть название.")
    year = academic_year or academic_year_of(dt.date.today())
    default_start, default_due = default_dates(kind, year)
    start_date, due_date = start_date or default_start, due_date or default_due
    if due_date < start_date:
        raise CuratorError("Срок волны раньше её начала.")
    if questionnaire_ids is None:
        questionnaire_ids = [q.id for q in current_questionnaires() if q.audience in ("mentee", "mentor")]
    if not questionnaire_ids:
        raise CuratorError("Для волны не выбрано ни одной анкеты.")
    with database.atomic():
        wave = SurveyWave.create(title=title.strip(), kind=kind, academic_year=year, start_date=start_date,
                                 due_date=due_date)
        WaveQuestionnaire.insert_many([{"wave": wave.id, "questionnaire": qid} for qid in questionnaire_ids]).execute()
        log("create", "survey_wave", wave.id, f"Создана волна анкетирования «{wave.title}»")
    return wave


def create_year_waves(academic_year: str) -> list[SurveyWave]:
    """The year's two waves at once: the entry one (by 20 December) and the final one (by 20 May), with the
    current questionnaires; a kind the year already has is not made twice."""
    have = {w.kind for w in SurveyWave.select().where(SurveyWave.academic_year == academic_year)}
    with database.atomic():
        return [create_wave(f"{title} {academic_year}", kind, academic_year)
                for kind, title in (("entry", "Входное анкетирование"), ("final", "Итоговое анкетирование"))
                if kind not in have]


def update_wave(wave_id: int, **changes: object) -> SurveyWave:
    """Change the title, dates, closed flag, notes or the curator's conclusions of a wave."""
    wave = get_wave(wave_id)
    allowed = {"title", "start_date", "due_date", "closed", "notes", "conclusions", "academic_year"}
    with database.atomic():
        for key, value in changes.items():
            if key not in allowed:
                raise CuratorError(f"Поле волны «{key}» менять нельзя.")
            setattr(wave, key, value)
        wave.save()
        log("update", "survey_wave", wave.id, f"Изменена волна «{wave.title}»")
    return wave


def delete_wave(wave_id: int) -> None:
    wave = get_wave(wave_id)
    with database.atomic():
        wave.delete_instance(recursive=False)
        log("delete", "survey_wave", wave_id, f"Удалена волна «{wave.title}» вместе с ответами")


def get_wave(wave_id: int) -> SurveyWave:
    wave = SurveyWave.get_or_none(SurveyWave.id == wave_id)
    if wave is None:
        raise CuratorError(f"Волна анкетирования № {wave_id} не найдена.")
    return wave


def waves() -> list[SurveyWave]:
    return list(SurveyWave.select().order_by(SurveyWave.due_date.desc(nulls="LAST"), SurveyWave.id.desc()))


def latest_wave(with_responses: bool = False) -> SurveyWave | None:
    for wave in waves():
        if not with_responses or Response.select().where(Response.wave == wave.id).exists():
            return wave
    return None


def baseline_for(wave: SurveyWave) -> SurveyWave | None:
    """The entry wave a final wave is compared with: the same academic year's, else the latest before it."""
    if wave.kind != "final":
        return None
    entries = [w for w in waves() if w.kind == "entry" and w.id != wave.id]
    same_year = [w for w in entries if w.academic_year == wave.academic_year]
    earlier = [w for w in entries if w.due_date and wave.due_date and w.due_date <= wave.due_date]
    found = same_year or earlier
    return found[0] if found else None


def wave_questionnaires(wave_id: int) -> list[Questionnaire]:
    return list(Questionnaire.select().join(WaveQuestionnaire)
                .where(WaveQuestionnaire.wave == wave_id).order_by(Questionnaire.audience.desc(), Questionnaire.code))


def _pick(questionnaires: list[Questionnaire], role: str, form_id: int) -> Questionnaire | None:
    exact = [q for q in questionnaires if q.audience == role and q.form_id == form_id]  # type: ignore[attr-defined]
    general = [q for q in questionnaires if q.audience == role and q.form_id is None]  # type: ignore[attr-defined]
    found = exact or general
    return found[0] if found else None


def roster(wave_id: int) -> list[Respondent]:
    """Everyone who should answer in the wave, mentors first per pair, with their response if there is one."""
    wave = get_wave(wave_id)
    questionnaires = wave_questionnaires(wave_id)
    start = wave.start_date or dt.date.min
    due = wave.due_date or dt.date.max
    consent = valid_consent_ids(min(due, dt.date.today()))
    # Plain tuples, not model instances: a school of thousands is read in a few milliseconds.
    ships: Any = (Mentorship.select(Mentorship.id, Mentorship.form, MentoringForm.name, Person.id, Person.last_name,
                                    Person.first_name, Person.middle_name)
                  .join(Person, on=Mentorship.mentor == Person.id).switch(Mentorship).join(MentoringForm)
                  .where((Mentorship.status != "planned") & Mentorship.start_date.is_null(False)
                         & (Mentorship.start_date <= due)
                         & (Mentorship.end_date.is_null() | (Mentorship.end_date >= start)))
                  .order_by(Mentorship.id))
    ships = database.execute_sql(*ships.sql()).fetchall()
    members: dict[int, list[tuple[int, str]]] = {}
    member_rows: Any = (MentorshipMember.select(MentorshipMember.mentorship, Person.id, Person.last_name,
                                                Person.first_name, Person.middle_name).join(Person)
                        .where(MentorshipMember.mentorship.in_([s[0] for s in ships])
                               & (MentorshipMember.left_on.is_null() | (MentorshipMember.left_on >= start))))
    for ship_id, pid, last, first, middle in database.execute_sql(*member_rows.sql()).fetchall():
        members.setdefault(ship_id, []).append((pid, full_name(last, first, middle)))
    rows: Any = Response.select(Response.id, Response.person, Response.questionnaire).where(
        Response.wave == wave_id).tuples()
    answered = {(pid, qid): rid for rid, pid, qid in rows}
    result: list[Respondent] = []
    seen: set[tuple[int, int]] = set()
    picked: dict[tuple[str, int], Questionnaire | None] = {}
    for ship_id, form_id, form_name, mentor_id, last, first, middle in ships:
        people = [("mentor", mentor_id, full_name(last, first, middle))]
        people += [("mentee", pid, name) for pid, name in sorted(members.get(ship_id, []), key=lambda m: m[1])]
        for role, person_id, name in people:
            if (role, form_id) not in picked:
                picked[(role, form_id)] = _pick(questionnaires, role, form_id)
            questionnaire = picked[(role, form_id)]
            if questionnaire is None or person_id not in consent or (person_id, questionnaire.id) in seen:
                continue
            seen.add((person_id, questionnaire.id))
            result.append(Respondent(person_id, name, role, ship_id, form_name, questionnaire.id,
                                     answered.get((person_id, questionnaire.id))))
    return result


def progress(wave_id: int) -> WaveProgress:
    people = roster(wave_id)
    return WaveProgress(get_wave(wave_id), len(people), sum(1 for r in people if r.answered))
