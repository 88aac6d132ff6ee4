"""Load what matching looks at from the database in a few queries: the forms, the mentor and mentee
banks (archived people left out), consents, current loads, exclusions and the curator's weights."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import cast

from curator_app import settings
from curator_app.banks import valid_consent_ids
from curator_app.lang.stems import stems
from curator_app.lang.text import full_name
from curator_app.models import (
    MatchExclusion,
    Mentee,
    Mentor,
    MentoringForm,
    Mentorship,
    MentorshipMember,
    Person,
    database,
)

from .rules import (
    WEIGHTS_KEY,
    FormInfo,
    MenteeSide,
    MentorSide,
    Pool,
    Weights,
    weights_from_json,
    weights_to_json,
)

CURRENT_STATUSES = ("planned", "active")
_ITEMS = re.compile(r"[,;\n]+")


def load_weights() -> Weights:
    return weights_from_json(settings.get(WEIGHTS_KEY))


def save_weights(weights: Weights) -> None:
    from curator_app.audit import log

    settings.put(WEIGHTS_KEY, weights_to_json(weights))
    log("update", "settings", None, "Изменены веса критериев подбора пар", weights_to_json(weights))


@lru_cache(maxsize=4096)
def _parsed(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    return tuple((item.strip(), stems(item)) for item in _ITEMS.split(text) if item.strip())


def _items(text: str | None) -> list[tuple[str, frozenset[str]]]:
    """«математика, подготовка к ОГЭ» → [(item, its stems), …]; parsed once per distinct text."""
    return list(_parsed(text or ""))


def load_forms() -> list[FormInfo]:
    return [FormInfo(f.id, f.code, f.name, frozenset(f.mentor_category_list), frozenset(f.mentee_category_list))
            for f in MentoringForm.select().where(~MentoringForm.archived).order_by(MentoringForm.position)]


def _current_rows() -> list[tuple[int, int, int]]:
    """(mentor, mentee, form) for every mentee now in a planned or active mentorship."""
    query = (MentorshipMember.select(Mentorship.mentor, MentorshipMember.mentee, Mentorship.form)
             .join(Mentorship).where(Mentorship.status.in_(CURRENT_STATUSES) & MentorshipMember.left_on.is_null()))
    return cast(list[tuple[int, int, int]], list(query.tuples()))


def current_loads() -> dict[int, int]:
    """Mentor person id → mentees now in their planned or active mentorships."""
    loads: dict[int, int] = {}
    for mentor_id, _, _ in _current_rows():
        loads[mentor_id] = loads.get(mentor_id, 0) + 1
    return loads


def current_forms() -> dict[int, set[int]]:
    """Mentee person id → forms of the planned or active mentorships they are in."""
    out: dict[int, set[int]] = {}
    for _, mentee_id, form_id in _current_rows():
        out.setdefault(mentee_id, set()).add(form_id)
    return out


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


_PERSON_COLUMNS = ("p.id, p.last_name, p.first_name, p.middle_name, p.category, p.grade, p.experience_years, "
                   "p.birth_date, p.subject")


def load_pool(mentee_ids: Iterable[int] | None = None, day: dt.date | None = None) -> Pool:
    """The whole school (or only these mentees, by person id) as matching sees it on ``day``.

    Plain SQL through the models' database: building 2,500 peewee model objects would take most of the
    one second «Подобрать всем» may spend on a whole school."""
    consent = valid_consent_ids(day)
    rows = _current_rows()
    loads: dict[int, int] = {}
    in_forms: dict[int, set[int]] = {}
    for mentor_id, mentee_id, form_id in rows:
        loads[mentor_id] = loads.get(mentor_id, 0) + 1
        in_forms.setdefault(mentee_id, set()).add(form_id)
    person, mentor, mentee = Person._meta.table_name, Mentor._meta.table_name, Mentee._meta.table_name
    mentors: list[MentorSide] = []
    sql = (f"SELECT {_PERSON_COLUMNS}, m.form_id, m.capacity, m.trained, m.desired_grade_min, m.desired_grade_max, "
           f"m.competencies, m.interests FROM {mentor} m JOIN {person} p ON p.id = m.person_id "
           "WHERE m.archived_on IS NULL ORDER BY p.last_name, p.first_name, p.id")
    for (pid, last, first, middle, category, grade, experience, birth, subject, form_id, capacity, trained,
         grade_min, grade_max, competencies_text, interests) in database.execute_sql(sql):
        competencies = _items(competencies_text)
        mentors.append(MentorSide(
            person_id=pid, name=full_name(last, first, middle), category=category, grade=grade,
            experience=experience, birth_date=_date(birth), form_id=form_id, consent=pid in consent,
            subject_stems=stems(subject), capacity=int(capacity or 0), load=loads.get(pid, 0),
            trained=bool(trained), desired_grade_min=grade_min, desired_grade_max=grade_max, subject=subject or "",
            competencies=competencies,
            competency_stems=frozenset().union(*(s for _, s in competencies)) if competencies else frozenset(),
            interests=_items(interests)))
    mentees: list[MenteeSide] = []
    sql = (f"SELECT {_PERSON_COLUMNS}, e.form_id, e.key_request, e.interests, p.notes FROM {mentee} e "
           f"JOIN {person} p ON p.id = e.person_id WHERE e.archived_on IS NULL")
    params: list[int] = []
    if mentee_ids is not None:
        params = list(mentee_ids)
        sql += f" AND e.person_id IN ({', '.join('?' * len(params))})" if params else " AND 0"
    for (pid, last, first, middle, category, grade, experience, birth, subject, form_id, request, interests,
         notes) in database.execute_sql(sql + " ORDER BY p.last_name, p.first_name, p.id", params):
        request = request or ""
        request_stems = stems(request)
        mentees.append(MenteeSide(
            person_id=pid, name=full_name(last, first, middle), category=category, grade=grade,
            experience=experience, birth_date=_date(birth), form_id=form_id, consent=pid in consent,
            subject_stems=stems(subject) if subject else request_stems,
            interest_stems=stems(interests) if interests else request_stems | stems(notes),
            request=request, request_stems=request_stems,
            current_forms=frozenset(in_forms.get(pid, ()))))
    exclusions = {(x.mentor_id, x.mentee_id): x.reason or "" for x in MatchExclusion.select()}
    return Pool(load_forms(), mentors, mentees, exclusions, load_weights())


def is_unpaired(mentee: MenteeSide) -> bool:
    """Waiting for a mentor: not in a current mentorship of the wished form (of any form, with no wish)."""
    if mentee.form_id is not None:
        return mentee.form_id not in mentee.current_forms
    return not mentee.current_forms
