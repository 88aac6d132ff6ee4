"""The figures of a survey wave: per item mean, median and distribution, by form and by role; the share of
satisfied (a 1–10 scale answered 8 or more); the response rate; open answers; the before/after change
against the entry wave; and the coverage indicators.

An item is identified by the questionnaire's code and the question's code, so versions of a template
that kept an item are counted together. Everything is read with a few queries and computed in Python:
2,000 respondents × 20 items take a fraction of a second.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from curator_app.models import MentoringForm, Question, Questionnaire, Response, SurveyWave, database

from .waves import baseline_for, get_wave, roster

SATISFIED_FROM = 8  # on the 1–10 scale


def _mean(values: Any) -> float:
    """The arithmetic mean (``statistics.fmean`` is several times slower on thousands of small lists)."""
    items = values if isinstance(values, list) else list(values)
    return sum(items) / len(items)
NUMERIC = ("scale", "number", "yes_no")
_GROUP_LABELS = {"mentee": "Наставляемые", "mentor": "Наставники", "curator": "Куратор"}


@dataclass
class ItemStats:
    """One item of one questionnaire over a wave."""

    questionnaire: str  # questionnaire code
    questionnaire_title: str
    audience: str
    code: str
    text: str
    kind: str
    position: int
    options: list[str] = field(default_factory=list)
    values: list[float] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    choices: dict[int, int] = field(default_factory=dict)  # option index → how many chose it
    by_form: dict[str, list[float]] = field(default_factory=dict)

    @property
    def n(self) -> int:
        return len(self.texts) if self.kind == "text" else (
            len(self.values) if self.kind in NUMERIC or self.kind == "single" else self._multi_n)

    _multi_n: int = 0

    @property
    def mean(self) -> float | None:
        return _mean(self.values) if self.values and self.kind in NUMERIC else None

    @property
    def median(self) -> float | None:
        return float(statistics.median(self.values)) if self.values and self.kind in NUMERIC else None

    @property
    def satisfied(self) -> float | None:
        if self.kind != "scale" or not self.values:
            return None
        return sum(1 for v in self.values if v >= SATISFIED_FROM) / len(self.values)

    def distribution(self) -> list[tuple[str, int]]:
        """(label, count) in the natural order: 1…10, да/нет, the options."""
        if self.kind == "scale":
            counts: dict[int, int] = defaultdict(int)
            for v in self.values:
                counts[int(v)] += 1
            return [(str(k), counts[k]) for k in range(1, 11)]
        if self.kind == "yes_no":
            yes = sum(1 for v in self.values if v == 1)
            return [("да", yes), ("нет", len(self.values) - yes)]
        if self.kind in ("single", "multi"):
            return [(option, self.choices.get(i, 0)) for i, option in enumerate(self.options)]
        return []

    def form_means(self) -> dict[str, float]:
        return {form: _mean(values) for form, values in sorted(self.by_form.items()) if values}


@dataclass
class GroupSummary:
    """Respondents of a role or a form: how many, the mean of their scale answers, the share satisfied."""

    label: str
    respondents: int = 0
    expected: int = 0
    scale_means: list[float] = field(default_factory=list)  # one per respondent

    @property
    def mean(self) -> float | None:
        return _mean(self.scale_means) if self.scale_means else None

    @property
    def satisfied(self) -> float | None:
        if not self.scale_means:
            return None
        return sum(1 for m in self.scale_means if m >= SATISFIED_FROM) / len(self.scale_means)

    @property
    def rate(self) -> float | None:
        return self.respondents / self.expected if self.expected else None


@dataclass
class ItemChange:
    questionnaire: str
    code: str
    text: str
    before: float
    after: float
    n: int  # participants who answered the item in both waves

    @property
    def diff(self) -> float:
        return self.after - self.before


@dataclass
class ParticipantChange:
    person_id: int
    name: str
    role: str
    before: float
    after: float

    @property
    def diff(self) -> float:
        return self.after - self.before


@dataclass
class Change:
    """Entry wave against this wave, for the participants who answered both (scale items they both have)."""

    baseline_id: int
    baseline_title: str
    participants: list[ParticipantChange]
    items: list[ItemChange]

    @property
    def mean_before(self) -> float | None:
        return _mean(p.before for p in self.participants) if self.participants else None

    @property
    def mean_after(self) -> float | None:
        return _mean(p.after for p in self.participants) if self.participants else None

    @property
    def mean_diff(self) -> float | None:
        return _mean(p.diff for p in self.participants) if self.participants else None

    def counts(self) -> tuple[int, int, int]:
        """(improved, unchanged, worsened) participants, by more than a tenth of a point."""
        up = sum(1 for p in self.participants if p.diff > 0.1)
        down = sum(1 for p in self.participants if p.diff < -0.1)
        return up, len(self.participants) - up - down, down


@dataclass
class Coverage:
    on: dt.date
    pupils_in_mentoring: int
    pupils_total: int
    young_teachers_with_mentor: int
    young_teachers_total: int
    target: float = 0.7

    @property
    def pupils_share(self) -> float | None:
        return self.pupils_in_mentoring / self.pupils_total if self.pupils_total else None

    @property
    def young_teachers_share(self) -> float | None:
        return self.young_teachers_with_mentor / self.young_teachers_total if self.young_teachers_total else None


@dataclass
class WaveAnalytics:
    wave: SurveyWave
    expected: int
    answered: int  # responses from the roster
    responses: int  # all responses stored for the wave
    items: list[ItemStats]
    by_role: dict[str, GroupSummary]
    by_form: dict[str, GroupSummary]
    overall: GroupSummary
    coverage: Coverage
    change: Change | None

    @property
    def rate(self) -> float | None:
        return self.answered / self.expected if self.expected else None

    def open_answers(self) -> list[ItemStats]:
        return [item for item in self.items if item.kind == "text" and item.texts]

    def scale_items(self) -> list[ItemStats]:
        return [item for item in self.items if item.kind == "scale" and item.values]


Scales = dict[tuple[int, str], dict[str, float]]  # (person, questionnaire code) → {item code: value}


def _load(wave_id: int) -> tuple[dict[tuple[str, str], ItemStats], dict[int, tuple[int, str, str, list[float]]],
                                Scales, dict[tuple[int, str], str]]:
    """Items of the wave; per response (person, role, form name, its scale answers); the scale answers by
    person and questionnaire (for the before/after comparison) and the role of each."""
    forms = {f.id: f.name for f in MentoringForm.select(MentoringForm.id, MentoringForm.name)}
    questionnaires = {q.id: q for q in Questionnaire.select().where(
        Questionnaire.id.in_(Response.select(Response.questionnaire).where(Response.wave == wave_id)))}
    questions = {q.id: q for q in Question.select().where(Question.questionnaire.in_(list(questionnaires)))}
    items: dict[tuple[str, str], ItemStats] = {}
    owner: dict[int, tuple[str, str]] = {}
    for q in sorted(questions.values(), key=lambda q: q.questionnaire_id):  # type: ignore[attr-defined]
        qn = questionnaires[q.questionnaire_id]  # type: ignore[attr-defined]  # later versions win the wording
        key = (qn.code, q.code)
        old = items.get(key)
        items[key] = ItemStats(qn.code, qn.title, qn.audience, q.code, q.text, q.kind, q.position,
                               [str(o) for o in q.options or []])
        if old:
            items[key].values, items[key].texts, items[key].choices = old.values, old.texts, old.choices
            items[key].by_form, items[key]._multi_n = old.by_form, old._multi_n
        owner[q.id] = key
    respondents: dict[int, tuple[int, str, str, list[float]]] = {}
    scales: Scales = defaultdict(dict)
    roles: dict[tuple[int, str], str] = {}
    sql = ('SELECT r.id, r.person_id, r.role, m.form_id, a.question_id, a.number, a.text FROM response r '
           'LEFT JOIN mentorship m ON m.id = r.mentorship_id LEFT JOIN answer a ON a.response_id = r.id '
           'WHERE r.wave_id = ?')
    for rid, pid, role, form_id, qid, number, text in database.execute_sql(sql, (wave_id,)):
        form = forms.get(form_id, "без пары")
        if rid not in respondents:
            respondents[rid] = (pid, role, form, [])
        if qid is None:
            continue
        key = owner[qid]
        item = items[key]
        if item.kind in NUMERIC and number is not None:
            item.values.append(number)
            item.by_form.setdefault(form, []).append(number)
            if item.kind == "scale":
                respondents[rid][3].append(number)
                scales[(pid, key[0])][key[1]] = number
                roles[(pid, key[0])] = role
        elif item.kind == "single" and number is not None:
            item.values.append(number)
            item.choices[int(number)] = item.choices.get(int(number), 0) + 1
        elif item.kind == "multi" and text:
            item._multi_n += 1
            for index in json.loads(text):
                item.choices[index] = item.choices.get(index, 0) + 1
        elif item.kind == "text" and text and text.strip():
            item.texts.append(text.strip())
    return items, respondents, scales, roles


def _scale_answers(wave_id: int) -> dict[tuple[int, str], dict[str, float]]:
    """(person, questionnaire code) → {item code: value} of the scale answers in a wave."""
    sql = ('SELECT r.person_id, qn.code, q.code, a.number FROM answer a JOIN response r ON r.id = a.response_id '
           'JOIN questionnaire qn ON qn.id = r.questionnaire_id JOIN question q ON q.id = a.question_id '
           "WHERE r.wave_id = ? AND q.kind = 'scale' AND a.number IS NOT NULL")
    result: dict[tuple[int, str], dict[str, float]] = defaultdict(dict)
    for pid, qn_code, code, number in database.execute_sql(sql, (wave_id,)):
        result[(pid, qn_code)][code] = number
    return result


def compare(baseline_id: int, wave_id: int, items: dict[tuple[str, str], ItemStats] | None = None,
            loaded: tuple[Scales, dict[tuple[int, str], str]] | None = None) -> Change:
    """The before/after change of the participants who answered the same questionnaire in both waves
    (``loaded``: this wave's scale answers and roles when :func:`_load` has read them already)."""
    from curator_app.lang.text import full_name
    from curator_app.models import Person

    before = _scale_answers(baseline_id)
    if loaded is None:
        after = _scale_answers(wave_id)
        rows: Any = (Response.select(Response.person, Questionnaire.code, Response.role).join(Questionnaire)
                     .where(Response.wave == wave_id).tuples())
        roles = {(pid, code): role for pid, code, role in rows}
    else:
        after, roles = loaded
    per_item: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    pairs: list[tuple[int, str, float, float]] = []
    for key in sorted(set(before) & set(after)):
        common = sorted(set(before[key]) & set(after[key]))
        if not common:
            continue
        for code in common:
            per_item[(key[1], code)].append((before[key][code], after[key][code]))
        pairs.append((key[0], roles.get(key, ""), _mean(before[key][c] for c in common),
                      _mean(after[key][c] for c in common)))
    people: Any = (Person.select(Person.id, Person.last_name, Person.first_name, Person.middle_name)
                   .where(Person.id.in_([p[0] for p in pairs])).tuples())
    names = {pid: full_name(last, first, middle) for pid, last, first, middle in people}
    texts = {key: item.text for key, item in (items or {}).items()}
    item_changes = [ItemChange(qn, code, texts.get((qn, code), code), _mean(b for b, _ in values),
                               _mean(a for _, a in values), len(values))
                    for (qn, code), values in per_item.items()]
    baseline = get_wave(baseline_id)
    return Change(baseline.id, baseline.title,
                  [ParticipantChange(pid, names.get(pid, ""), role, b, a) for pid, role, b, a in pairs],
                  sorted(item_changes, key=lambda c: (c.questionnaire, c.code)))


def coverage(on: dt.date | None = None) -> Coverage:
    """Pupils aged 10–18 and teachers under 35 who are mentees of a working (or this year's finished) pair."""
    from curator_app.lang.fmt import academic_year_bounds, academic_year_of
    from curator_app.settings import load_school

    day = on or dt.date.today()
    year_start, _ = academic_year_bounds(academic_year_of(day))
    sql = ('SELECT DISTINCT p.id, p.category, p.birth_date FROM mentorship_member mm '
           'JOIN mentorship m ON m.id = mm.mentorship_id JOIN person p ON p.id = mm.mentee_id '
           "WHERE (m.status = 'active' OR (m.status = 'completed' AND m.end_date >= ?)) "
           "AND (mm.left_on IS NULL OR mm.left_on >= ?) AND p.category IN ('pupil', 'teacher')")
    pupils = teachers = 0
    for _, category, birth in database.execute_sql(sql, (str(year_start), str(day))):
        if not birth:
            continue
        born = dt.date.fromisoformat(str(birth)[:10])
        age = day.year - born.year - ((day.month, day.day) < (born.month, born.day))
        if category == "pupil" and 10 <= age <= 18:
            pupils += 1
        elif category == "teacher" and age < 35:
            teachers += 1
    school = load_school()
    return Coverage(day, pupils, int(school.pupils_total or 0), teachers, int(school.young_teachers_total or 0))


def analyse(wave_id: int, baseline_id: int | None = None, *, compare_auto: bool = True) -> WaveAnalytics:
    """All the figures of a wave; a final wave is compared with its entry wave unless told otherwise."""
    wave = get_wave(wave_id)
    items, respondents, scales, roles = _load(wave_id)
    people = roster(wave_id)
    expected_by_role: dict[str, int] = defaultdict(int)
    expected_by_form: dict[str, int] = defaultdict(int)
    for r in people:
        expected_by_role[r.role] += 1
        expected_by_form[r.form_name] += 1
    by_role = {role: GroupSummary(_GROUP_LABELS.get(role, role), expected=n) for role, n in expected_by_role.items()}
    by_form = {form: GroupSummary(form, expected=n) for form, n in expected_by_form.items()}
    overall = GroupSummary("Все участники", expected=len(people))
    for _, role, form, scale in respondents.values():
        groups = [overall, by_role.setdefault(role, GroupSummary(_GROUP_LABELS.get(role, role))),
                  by_form.setdefault(form, GroupSummary(form))]
        for group in groups:
            group.respondents += 1
            if scale:
                group.scale_means.append(_mean(scale))
    if baseline_id is None and compare_auto:
        base = baseline_for(wave)
        baseline_id = base.id if base else None
    change = compare(baseline_id, wave_id, items, (scales, roles)) if baseline_id else None
    day = min(wave.due_date or dt.date.today(), dt.date.today())
    order = {code: i for i, code in enumerate(("mentee", "mentee_teacher", "mentor", "mentor_teacher", "curator"))}
    ordered = sorted(items.values(), key=lambda i: (order.get(i.questionnaire, 99), i.questionnaire, i.position))
    return WaveAnalytics(wave, len(people), sum(1 for r in people if r.answered), len(respondents), ordered,
                         dict(sorted(by_role.items(), key=lambda kv: kv[0] != "mentee")),
                         dict(sorted(by_form.items())), overall, coverage(day), change)
