"""Load what matching looks at from the database in a few queries: the forms, the mentor and mentee
banks (archived people left out), consents, current loads, exclusions and the curator's weights."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import cast

from peewee import JOIN

from ..models import (
    MatchExclusion,
    Mentee,
    Mentor,
    MentoringForm,
    Mentorship,
    MentorshipMember,
    Person,
)
from . import settings
from .consent import valid_consent_ids
from .matching_rules import (
    WEIGHTS_KEY,
    FormInfo,
    MenteeSide,
    MentorSide,
    Pool,
    Weights,
    weights_from_json,
    weights_to_json,
)
from .ru_stem import stems

CURRENT_STATUSES = ("planned", "active")
_ITEMS = re.compile(r"[,;\n]+")


def load_weights() -> Weights:
    return weights_from_json(settings.get(WEIGHTS_KEY))


def save_weights(weights: Weights) -> None:
    from .audit import log

    settings.put(WEIGHTS_KEY, weights_to_json(weights))
    log("update", "settings", None, "Изменены веса критериев подбора пар", weights_to_json(weights))


def _items(text: str | None) -> list[tuple[str, frozenset[str]]]:
    return [(item.strip(), stems(item)) for item in _ITEMS.split(text or "") if item.strip()]


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


def load_pool(mentee_ids: Iterable[int] | None = None, day: dt.date | None = None) -> Pool:
    """The whole school (or only these mentees, by person id) as matching sees it on ``day``."""
    consent = valid_consent_ids(day)
    loads = current_loads()
    in_forms = current_forms()
    mentors: list[MentorSide] = []
    query = (Mentor.select(Mentor, Person).join(Person).where(Mentor.archived_on.is_null())
             .order_by(Person.last_name, Person.first_name, Person.id))
    for m in query:
        p = m.person
        competencies = _items(m.competencies)
        mentors.append(MentorSide(
            person_id=p.id, name=p.full_name, category=p.category, grade=p.grade, experience=p.experience_years,
            birth_date=p.birth_date, form_id=m.__data__.get("form"), consent=p.id in consent,
            subject_stems=stems(p.subject), capacity=int(m.capacity or 0), load=loads.get(p.id, 0),
            trained=bool(m.trained), desired_grade_min=m.desired_grade_min, desired_grade_max=m.desired_grade_max,
            subject=p.subject or "", competencies=competencies,
            competency_stems=frozenset().union(*(s for _, s in competencies)) if competencies else frozenset(),
            interests=_items(m.interests)))
    mentees: list[MenteeSide] = []
    mentee_query = (Mentee.select(Mentee, Person).join(Person, JOIN.INNER).where(Mentee.archived_on.is_null())
             .order_by(Person.last_name, Person.first_name, Person.id))
    if mentee_ids is not None:
        mentee_query = mentee_query.where(Mentee.person.in_(list(mentee_ids)))
    for e in mentee_query:
        p = e.person
        request = e.key_request or ""
        request_stems = stems(request)
        mentees.append(MenteeSide(
            person_id=p.id, name=p.full_name, category=p.category, grade=p.grade, experience=p.experience_years,
            birth_date=p.birth_date, form_id=e.__data__.get("form"), consent=p.id in consent,
            subject_stems=stems(p.subject) if p.subject else request_stems,
            interest_stems=request_stems | stems(p.notes), request=request, request_stems=request_stems,
            current_forms=frozenset(in_forms.get(p.id, ()))))
    exclusions = {(x.mentor_id, x.mentee_id): x.reason or "" for x in MatchExclusion.select()}
    return Pool(load_forms(), mentors, mentees, exclusions, load_weights())


def is_unpaired(mentee: MenteeSide) -> bool:
    """Waiting for a mentor: not in a current mentorship of the wished form (of any form, with no wish)."""
    if mentee.form_id is not None:
        return mentee.form_id not in mentee.current_forms
    return not mentee.current_forms
