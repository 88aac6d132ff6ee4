"""The counts a district asks of every school (DOMAIN §10): pairs and groups by form, mentors by category
and training, young specialists (0–3 years of experience) with a mentor, pairs ended early — on a day.

Read with a few grouped queries; the analytic report prints them and the SWOT draws on them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from curator_app.lang.fmt import academic_year_bounds, academic_year_of
from curator_app.models import CATEGORY_LABELS, database

YOUNG_YEARS = 3  # a young specialist: up to three years of teaching


@dataclass
class FormCount:
    form: str
    pairs: int = 0  # one mentor with one mentee
    groups: int = 0  # one mentor with several
    mentees: int = 0


@dataclass
class MentorCount:
    category: str  # a label: «Педагог», «Обучающийся» …
    total: int = 0
    trained: int = 0
    working: int = 0  # mentor of a working pair now


@dataclass
class Indicators:
    on: dt.date
    forms: list[FormCount] = field(default_factory=list)
    mentors: list[MentorCount] = field(default_factory=list)
    young_total: int = 0
    young_with_mentor: int = 0
    ended_early: int = 0  # this academic year
    overloaded: int = 0  # mentors with more mentees than their capacity

    @property
    def working_pairs(self) -> int:
        return sum(f.pairs + f.groups for f in self.forms)

    @property
    def mentors_total(self) -> int:
        return sum(m.total for m in self.mentors)

    @property
    def mentors_trained(self) -> int:
        return sum(m.trained for m in self.mentors)

    @property
    def young_share(self) -> float | None:
        return self.young_with_mentor / self.young_total if self.young_total else None


def indicators(on: dt.date) -> Indicators:
    """The counts on ``on``: working pairs are active ones (and those completed this academic year)."""
    year_start, _ = academic_year_bounds(academic_year_of(on))
    result = Indicators(on)
    working = ("(m.status = 'active' OR (m.status = 'completed' AND m.end_date >= ?)) "
               "AND (m.start_date IS NULL OR m.start_date <= ?)")
    args: tuple[Any, ...] = (str(year_start), str(on))
    rows = database.execute_sql(
        "SELECT f.name, m.id, COUNT(mm.id) FROM mentorship m JOIN mentoring_form f ON f.id = m.form_id "
        "LEFT JOIN mentorship_member mm ON mm.mentorship_id = m.id AND mm.left_on IS NULL "
        f"WHERE {working} GROUP BY m.id ORDER BY f.position", args).fetchall()
    forms: dict[str, FormCount] = {}
    for form, _, mentees in rows:
        count = forms.setdefault(form, FormCount(form))
        count.mentees += mentees
        if mentees > 1:
            count.groups += 1
        else:
            count.pairs += 1
    result.forms = list(forms.values())
    busy = {r[0] for r in database.execute_sql(f"SELECT DISTINCT m.mentor_id FROM mentorship m WHERE {working}",
                                               args).fetchall()}
    mentors: dict[str, MentorCount] = {}
    for pid, category, trained in database.execute_sql(
            "SELECT p.id, p.category, mt.trained FROM mentor mt JOIN person p ON p.id = mt.person_id "
            "WHERE mt.archived_on IS NULL OR mt.archived_on > ?", (str(on),)).fetchall():
        mentor = mentors.setdefault(category, MentorCount(CATEGORY_LABELS.get(category, category)))
        mentor.total += 1
        mentor.trained += 1 if trained else 0
        mentor.working += 1 if pid in busy else 0
    order = list(CATEGORY_LABELS)
    result.mentors = [mentors[c] for c in sorted(mentors, key=lambda c: order.index(c) if c in order else 99)]
    young = {r[0] for r in database.execute_sql(
        "SELECT p.id FROM person p WHERE p.category = 'teacher' AND p.experience_years IS NOT NULL "
        "AND p.experience_years <= ?", (YOUNG_YEARS,)).fetchall()}
    mentored = {r[0] for r in database.execute_sql(
        "SELECT DISTINCT mm.mentee_id FROM mentorship_member mm JOIN mentorship m ON m.id = mm.mentorship_id "
        f"WHERE {working} AND mm.left_on IS NULL", args).fetchall()}
    result.young_total, result.young_with_mentor = len(young), len(young & mentored)
    result.ended_early = database.execute_sql(
        "SELECT COUNT(*) FROM mentorship WHERE status = 'ended_early' AND end_date >= ? AND end_date <= ?",
        (str(year_start), str(on))).fetchone()[0]
    result.overloaded = database.execute_sql(
        "SELECT COUNT(*) FROM (SELECT m.mentor_id, COUNT(mm.id) AS n, mt.capacity FROM mentorship m "
        "JOIN mentorship_member mm ON mm.mentorship_id = m.id AND mm.left_on IS NULL "
        "JOIN mentor mt ON mt.person_id = m.mentor_id "
        f"WHERE {working} GROUP BY m.mentor_id) WHERE n > capacity", args).fetchone()[0]
    return result
