"""The school's row, computed from the open database.

The counts ``info`` prints (mentors and mentees in the banks, pairs and groups, the working ones) are taken
from :func:`curator_app.stats.counts` itself, and the coverage from :func:`curator_app.monitoring.coverage`,
so the district sees exactly what the school sees. «In mentoring» follows the coverage's rule throughout:
a mentee of a working pair or group, or of one finished this academic year, who has not left it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING, Any

from curator_app.lang.fmt import academic_year_bounds, academic_year_of
from curator_app.lang.text import fold
from curator_app.models import Mentee, Mentor, Mentorship, Person, Response, database
from curator_app.settings import load_school
from curator_app.stats import counts

from .columns import FORMS, TARGET, SchoolRow, derive

if TYPE_CHECKING:
    from curator_app.monitoring import WaveAnalytics

YOUNG_SPECIALIST_YEARS = 3  # «молодой специалист»: 0–3 years of teaching
_MENTOR_GROUPS = {"teacher": "mentors_staff", "pupil": "mentors_pupils", "student": "mentors_students",
                  "employer": "mentors_employers"}
_PARTNER_CATEGORIES = ("employer", "student")  # their workplaces are the school's partner organisations


def school_row(as_of: dt.date, analytics: WaveAnalytics | None = None) -> SchoolRow:
    """The open database's row «по состоянию на» ``as_of``. The survey columns come from ``analytics``
    when given (the wave of the report being made), else from the latest wave with answers; before/after
    from the latest wave compared with an entry wave."""
    from curator_app.monitoring import coverage

    school = load_school()
    info = counts()
    cov = coverage(as_of)
    values: dict[str, Any] = {
        "full_name": school.full_name, "short_name": school.short_name, "city": school.city, "as_of": as_of,
        "academic_year": academic_year_of(as_of), "responsible": school.curator_name,
        "responsible_position": school.curator_position if school.curator_name else "",
        "mentees": info["mentees"], "pupils_covered": cov.pupils_in_mentoring,
        "pupils_total": cov.pupils_total or None, "target": cov.target or TARGET,
        "young_teachers_total": cov.young_teachers_total or None,
        "young_teachers_covered": cov.young_teachers_with_mentor,
        "mentors": info["mentors"], "mentorships": info["mentorships"],
        "mentorships_active": info["mentorships_active"],
    }
    values.update(_mentees_in_mentoring(as_of))
    values.update(_mentors())
    values.update(_mentorships())
    values.update(_survey(analytics))
    return SchoolRow(derive(values))


def _in_mentoring(as_of: dt.date) -> list[tuple[int, str, float | None]]:
    """(person, category, years of experience) of every mentee in mentoring on ``as_of``."""
    year_start, _ = academic_year_bounds(academic_year_of(as_of))
    sql = ('SELECT DISTINCT p.id, p.category, p.experience_years FROM mentorship_member mm '
           'JOIN mentorship m ON m.id = mm.mentorship_id JOIN person p ON p.id = mm.mentee_id '
           "WHERE (m.status = 'active' OR (m.status = 'completed' AND m.end_date >= ?)) "
           "AND (mm.left_on IS NULL OR mm.left_on >= ?)")
    return list(database.execute_sql(sql, (str(year_start), str(as_of))))


def _young(experience: float | None) -> bool:
    return experience is not None and experience <= YOUNG_SPECIALIST_YEARS


def _mentees_in_mentoring(as_of: dt.date) -> dict[str, Any]:
    people = _in_mentoring(as_of)
    covered_young = {pid for pid, category, years in people if category == "teacher" and _young(years)}
    in_banks = (Person.select(Person.id).where(
        (Person.category == "teacher") & Person.experience_years.is_null(False)
        & (Person.experience_years <= YOUNG_SPECIALIST_YEARS)
        & (Person.id.in_(Mentor.select(Mentor.person).where(Mentor.archived_on.is_null()))
           | Person.id.in_(Mentee.select(Mentee.person).where(Mentee.archived_on.is_null())))))
    young = {p.id for p in in_banks} | covered_young
    return {"mentees_in_mentoring": len(people),
            "teachers_covered": sum(1 for _, category, _ in people if category == "teacher"),
            "young_specialists": len(young), "young_specialists_covered": len(covered_young)}


def _mentors() -> dict[str, Any]:
    rows: Any = (Mentor.select(Person.category, Mentor.trained, Person.workplace).join(Person)
                 .where(Mentor.archived_on.is_null()).tuples())
    by_group: Counter[str] = Counter()
    trained = 0
    partners: set[str] = set()
    for category, was_trained, workplace in rows:
        by_group[_MENTOR_GROUPS.get(category, "mentors_other")] += 1
        trained += bool(was_trained)
        if category in _PARTNER_CATEGORIES and workplace and workplace.strip():
            partners.add(fold(workplace))
    working = Mentorship.select(Mentorship.mentor).distinct().where(Mentorship.status == "active").count()
    return {**{key: by_group[key] for key in (*_MENTOR_GROUPS.values(), "mentors_other")},
            "mentors_trained": trained, "mentors_working": working, "partners": len(partners)}


def _mentorships() -> dict[str, Any]:
    rows: Any = Mentorship.select(Mentorship.status).tuples()
    status: Counter[str] = Counter(s for (s,) in rows)
    sql = ('SELECT m.id, f.code, (SELECT count(*) FROM mentorship_member mm WHERE mm.mentorship_id = m.id '
           "AND mm.left_on IS NULL) FROM mentorship m JOIN mentoring_form f ON f.id = m.form_id "
           "WHERE m.status = 'active'")
    by_form: Counter[str] = Counter()
    pairs = groups = 0
    codes = [code for code, _ in FORMS]
    for _, code, members in database.execute_sql(sql):
        by_form[code if code in codes else "other"] += 1
        if members > 1:
            groups += 1
        else:
            pairs += 1
    return {"mentorships_planned": status["planned"], "mentorships_completed": status["completed"],
            "mentorships_ended_early": status["ended_early"], "pairs_active": pairs, "groups_active": groups,
            **{f"form_{code}": by_form[code] for code in (*codes, "other")}}


def _survey(analytics: WaveAnalytics | None) -> dict[str, Any]:
    """Satisfaction from ``analytics`` (or the latest wave with answers); before/after from the latest
    wave with a comparison."""
    from curator_app.monitoring import analyse, latest_wave, waves

    if analytics is None:
        wave = latest_wave(with_responses=True)
        analytics = analyse(wave.id) if wave else None
    values: dict[str, Any] = {}
    if analytics is not None:
        overall = analytics.overall
        values.update(wave=analytics.wave.title, wave_due=analytics.wave.due_date, expected=analytics.expected,
                      answered=analytics.answered, rated=len(overall.scale_means), mean_score=overall.mean,
                      satisfied_share=overall.satisfied)
    compared = analytics if analytics is not None and analytics.change is not None else None
    if compared is None:
        seen = analytics.wave.id if analytics is not None else None
        for wave in waves():
            if (wave.kind == "final" and wave.id != seen
                    and Response.select().where(Response.wave == wave.id).exists()):
                candidate = analyse(wave.id)
                if candidate.change is not None and candidate.change.participants:
                    compared = candidate
                    break
    change = compared.change if compared is not None else None
    if compared is not None and change is not None:
        up, _, down = change.counts()
        values.update(compared_wave=compared.wave.title, compared=len(change.participants),
                      mean_before=change.mean_before, mean_after=change.mean_after, mean_change=change.mean_diff,
                      improved=up, worsened=down)
    return values
