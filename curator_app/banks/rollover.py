"""The new academic year (Файл → Новый учебный год): pupils go up a grade, eleventh-graders become
graduates in the archive, pairs whose term is over are closed. Preview first, then one transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from curator_app import settings
from curator_app.audit import log
from curator_app.errors import CuratorError
from curator_app.lang.fmt import academic_year_bounds
from curator_app.models import Mentee, Mentor, Mentorship, Person, database


@dataclass
class RolloverPlan:
    from_year: str
    to_year: str
    promoted: int = 0  # pupils who go up a grade
    by_grade: dict[int, int] = field(default_factory=dict)  # current grade → pupils
    graduates: list[tuple[int, str]] = field(default_factory=list)  # (person id, full name) of 11th-graders
    pairs_to_close: list[tuple[int, str]] = field(default_factory=list)  # (mentorship id, «mentor → mentees»)

    def summary(self) -> dict[str, object]:
        return {"from_year": self.from_year, "to_year": self.to_year, "promoted": self.promoted,
                "graduates": len(self.graduates), "pairs_closed": len(self.pairs_to_close)}


def _next_year(year: str) -> str:
    start, _ = academic_year_bounds(year)
    return f"{start.year + 1}-{start.year + 2}"


def plan_rollover(today: dt.date | None = None) -> RolloverPlan:
    """What «Новый учебный год» would change, from the school's current academic year.

    Refused before 1 May of the year the new academic year starts: a second click the same autumn would
    move every pupil up a grade again."""
    year = settings.load_school().academic_year
    try:
        _, year_end = academic_year_bounds(year)
    except (ValueError, IndexError) as exc:
        raise CuratorError(f"Учебный год в реквизитах школы «{year}» указан неверно: нужен вид 2026-2027.") from exc
    earliest = dt.date(year_end.year, 5, 1)
    if (today or dt.date.today()) < earliest:
        raise CuratorError(f"Сейчас идёт {year} учебный год: перевести школу в {_next_year(year)} можно не раньше "
                           f"1 мая {earliest.year} г. Если год в реквизитах указан неверно, исправьте его "
                           "(Настройки → Реквизиты школы).")
    plan = RolloverPlan(year, _next_year(year))
    pupils = Person.select(Person.id, Person.grade, Person.last_name, Person.first_name, Person.middle_name).where(
        (Person.category == "pupil") & Person.grade.is_null(False))
    for p in pupils:
        if p.grade is None:
            continue
        plan.by_grade[p.grade] = plan.by_grade.get(p.grade, 0) + 1
        if p.grade >= 11:
            plan.graduates.append((p.id, p.full_name))
        else:
            plan.promoted += 1
    ending = (Mentorship.select().where(Mentorship.status.in_(["planned", "active"])
                                        & ((Mentorship.planned_end_date <= year_end)
                                           | Mentorship.mentor.in_([g[0] for g in plan.graduates])))
              .order_by(Mentorship.id))
    for ms in ending:
        mentees = ", ".join(m.mentee.short_name for m in ms.members)
        plan.pairs_to_close.append((ms.id, f"{ms.mentor.short_name} → {mentees}"))
    return plan


def apply_rollover(plan: RolloverPlan, day: dt.date | None = None) -> dict[str, object]:
    """Carry out ``plan``; refuses when the school's year has changed since the preview."""
    if settings.load_school().academic_year != plan.from_year:
        raise CuratorError("Учебный год уже сменился после предпросмотра: откройте «Новый учебный год» заново.")
    _, year_end = academic_year_bounds(plan.from_year)
    day = day or min(dt.date.today(), year_end)
    graduate_ids = [g[0] for g in plan.graduates]
    with database.atomic():
        pair_ids = [p[0] for p in plan.pairs_to_close]
        if pair_ids:
            Mentorship.update(status="completed", end_date=year_end).where(
                Mentorship.id.in_(pair_ids) & Mentorship.end_date.is_null()).execute()
            Mentorship.update(status="completed").where(Mentorship.id.in_(pair_ids)).execute()
        if graduate_ids:
            Person.update(category="graduate", grade=None, grade_letter=None).where(
                Person.id.in_(graduate_ids)).execute()
            for model in (Mentee, Mentor):
                model.update(archived_on=day, archive_reason=f"выпускник {plan.from_year}").where(
                    model.person.in_(graduate_ids) & model.archived_on.is_null()).execute()
        Person.update(grade=Person.grade + 1).where(
            (Person.category == "pupil") & Person.grade.is_null(False) & (Person.grade < 11)).execute()
        _refresh_search(graduate_ids)
        settings.update_school(academic_year=plan.to_year)
        log("update", "rollover", None, f"Новый учебный год {plan.to_year}: переведено {plan.promoted}, "
            f"выпускников {len(graduate_ids)}, закрыто пар {len(pair_ids)}", plan.summary())
    return plan.summary()


def _refresh_search(extra_ids: list[int]) -> None:
    """Grades are part of the search text: recompute it for every pupil and the new graduates."""
    from curator_app.models import person_search_text

    query = Person.select().where(((Person.category == "pupil") & Person.grade.is_null(False))
                                  | Person.id.in_(extra_ids))
    rows = [(person_search_text(p.__data__), p.id) for p in query]
    database.cursor().executemany("UPDATE person SET search_text = ? WHERE id = ?", rows)
