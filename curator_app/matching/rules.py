"""Compatibility of a mentor and a mentee: the hard rules that forbid a pair and the soft criteria that
score it, each with its reasons in Russian. Pure functions over plain dataclasses (``Pool``); loading
them from the database is ``matching_pool.load_pool``.

Every criterion gives a value from 0 to 1; the pair's score is the sum of value × weight, where the
curator sets each weight from 0 to 10 and may mark a criterion «обязательно» (then a value of 0 forbids
the pair). ``matching_matrix`` computes exactly the same numbers for a whole school at once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from curator_app.lang.fmt import number, plural

PUPIL_PUPIL = "pupil_pupil"
TEACHER_TEACHER = "teacher_teacher"

# (key, Russian label, default weight)
CRITERIA: list[tuple[str, str, float]] = [
    ("request", "Запрос ↔ компетенции", 5.0),
    ("subject", "Тот же предмет", 3.0),
    ("gap", "Разница в классах или возрасте", 2.0),
    ("interests", "Общие интересы", 1.0),
    ("trained", "Наставник прошёл обучение", 1.0),
    ("load", "Свободное время наставника", 1.0),
]
CRITERION_LABELS = {key: label for key, label, _ in CRITERIA}
WEIGHTS_KEY = "matching.weights"


@dataclasses.dataclass(frozen=True)
class Weight:
    weight: float
    required: bool = False


Weights = dict[str, Weight]


def default_weights() -> Weights:
    return {key: Weight(default) for key, _, default in CRITERIA}


def weights_from_json(value: Any) -> Weights:
    """Weights as stored in settings; unknown keys are dropped, missing ones take their default."""
    weights = default_weights()
    if isinstance(value, dict):
        for key in weights:
            item = value.get(key)
            if isinstance(item, dict):
                w = float(item.get("weight", weights[key].weight))
                weights[key] = Weight(min(10.0, max(0.0, w)), bool(item.get("required", False)))
    return weights


def weights_to_json(weights: Weights) -> dict[str, dict[str, Any]]:
    return {key: {"weight": w.weight, "required": w.required} for key, w in weights.items()}


@dataclasses.dataclass
class FormInfo:
    id: int
    code: str
    name: str
    mentor_categories: frozenset[str]
    mentee_categories: frozenset[str]


@dataclasses.dataclass
class Side:
    """What matching needs to know about one person of either bank (stems already computed)."""

    person_id: int
    name: str  # «Фамилия Имя Отчество»
    category: str
    grade: int | None = None
    experience: float | None = None
    birth_date: dt.date | None = None
    form_id: int | None = None  # the form wished for in the bank
    consent: bool = True
    subject_stems: frozenset[str] = frozenset()
    interest_stems: frozenset[str] = frozenset()


@dataclasses.dataclass
class MentorSide(Side):
    capacity: int = 1
    load: int = 0  # mentees now in its planned/active mentorships
    trained: bool = False
    desired_grade_min: int | None = None
    desired_grade_max: int | None = None
    subject: str = ""
    competencies: list[tuple[str, frozenset[str]]] = dataclasses.field(default_factory=list)  # item, stems
    competency_stems: frozenset[str] = frozenset()
    interests: list[tuple[str, frozenset[str]]] = dataclasses.field(default_factory=list)

    @property
    def free(self) -> int:
        return max(0, self.capacity - self.load)


@dataclasses.dataclass
class MenteeSide(Side):
    request: str = ""
    request_stems: frozenset[str] = frozenset()
    current_forms: frozenset[int] = frozenset()  # forms of the planned/active mentorships it is in


@dataclasses.dataclass
class Pool:
    """Everything matching looks at, loaded once: forms, both sides, the curator's exclusions, weights."""

    forms: list[FormInfo]
    mentors: list[MentorSide]
    mentees: list[MenteeSide]
    exclusions: dict[tuple[int, int], str]  # (mentor person id, mentee person id) → reason
    weights: Weights

    def form(self, form_id: int) -> FormInfo:
        return next(f for f in self.forms if f.id == form_id)


def pair_form(pool: Pool, mentor: MentorSide, mentee: MenteeSide) -> FormInfo | None:
    """The form the pair would have: the mentee's wish, else the mentor's, else the first that fits both."""
    wanted = mentee.form_id or mentor.form_id
    if wanted is not None:
        return next((f for f in pool.forms if f.id == wanted), None)
    return next((f for f in pool.forms if mentor.category in f.mentor_categories
                 and mentee.category in f.mentee_categories), None)


def form_problem(form: FormInfo | None, mentor: MentorSide, mentee: MenteeSide) -> str | None:
    """The form's own rules, without consent or capacity."""
    from curator_app.models.people import CATEGORY_LABELS

    if form is None:
        return "нет формы наставничества, подходящей обоим"
    if mentor.form_id is not None and mentor.form_id != form.id:
        return f"наставник выбрал другую форму, а наставляемому нужна «{form.name}»"
    if mentor.category not in form.mentor_categories:
        return f"наставник ({CATEGORY_LABELS.get(mentor.category, mentor.category)}) не подходит форме «{form.name}»"
    if mentee.category not in form.mentee_categories:
        return (f"наставляемый ({CATEGORY_LABELS.get(mentee.category, mentee.category)}) не подходит форме "
                f"«{form.name}»")
    if form.code == PUPIL_PUPIL:
        if mentor.grade is None or mentee.grade is None:
            return "для формы «ученик – ученик» нужен класс у обоих"
        if mentor.grade <= mentee.grade:
            return f"наставник не из старшего класса ({mentor.grade} и {mentee.grade})"
    if form.code == TEACHER_TEACHER:
        if mentor.experience is None or mentee.experience is None:
            return "для формы «учитель – учитель» нужен стаж у обоих"
        if mentor.experience <= mentee.experience:
            return f"стаж наставника не больше ({number(mentor.experience)} и {number(mentee.experience)} лет)"
    return None


def hard_problems(pool: Pool, mentor: MentorSide, mentee: MenteeSide, *, check_capacity: bool = True) -> list[str]:
    """Why this pair is forbidden, in Russian; empty when it is allowed."""
    problems: list[str] = []
    if mentor.person_id == mentee.person_id:
        return ["нельзя быть наставником самому себе"]
    if not mentee.consent:
        problems.append("у наставляемого нет действующего согласия на обработку персональных данных")
    if not mentor.consent:
        problems.append("у наставника нет действующего согласия на обработку персональных данных")
    if check_capacity and mentor.free <= 0:
        problems.append(f"у наставника нет свободных мест (занято {mentor.load} из {mentor.capacity})")
    form = pair_form(pool, mentor, mentee)
    problem = form_problem(form, mentor, mentee)
    if problem:
        problems.append(problem)
    if form is not None and form.id in mentee.current_forms:
        problems.append(f"наставляемый уже в паре формы «{form.name}»")
    excluded = pool.exclusions.get((mentor.person_id, mentee.person_id))
    if excluded is not None:
        problems.append("исключено куратором" + (f": {excluded}" if excluded else ""))
    required = [key for key, w in pool.weights.items() if w.required]
    values = criterion_values(mentor, mentee) if required else {}
    for key in required:
        if values[key][0] <= 0:
            problems.append(f"не выполнено обязательное условие «{CRITERION_LABELS[key]}»")
    return problems


def _grade_gap(mentor: MentorSide, mentee: MenteeSide) -> tuple[float, str]:
    if (mentor.desired_grade_min is not None or mentor.desired_grade_max is not None) and mentee.grade is not None:
        low = mentor.desired_grade_min or 1
        high = mentor.desired_grade_max or 11
        inside = low <= mentee.grade <= high
        return (1.0 if inside else 0.0), f"класс {mentee.grade} {'в' if inside else 'вне'} желаемом диапазоне {low}–{high}"
    if mentor.grade is not None and mentee.grade is not None:
        gap = mentor.grade - mentee.grade
        value = 1.0 if 2 <= gap <= 4 else 0.5 if gap in (1, 5) else 0.0
        return value, f"разница в классах {gap}"
    if mentor.birth_date is not None and mentee.birth_date is not None:
        years = age_gap(mentor.birth_date, mentee.birth_date)
        value = 1.0 if 5 <= years <= 25 else 0.5 if 3 <= years <= 35 else 0.0
        return value, f"разница в возрасте {plural(years, 'год', 'года', 'лет')}"
    return 0.0, ""


def age_gap(older: dt.date, younger: dt.date) -> int:
    """Whole years between two birth dates (negative when the first is the younger one)."""
    return int((younger.toordinal() - older.toordinal()) // 365.25)


def criterion_values(mentor: MentorSide, mentee: MenteeSide) -> dict[str, tuple[float, str]]:
    """Each criterion's value (0..1) and the Russian words for it (without the weight)."""
    out: dict[str, tuple[float, str]] = {}
    shared = mentee.request_stems & mentor.competency_stems
    denom = min(2, max(1, len(mentee.request_stems)))
    items = [text for text, st in mentor.competencies if st & mentee.request_stems]
    quoted = ", ".join(f"„{t}“" for t in items)
    out["request"] = (min(len(shared), denom) / denom,
                      f"запрос „{mentee.request}“ ↔ {'компетенции' if len(items) > 1 else 'компетенция'} {quoted}")
    common = mentee.subject_stems & mentor.subject_stems
    out["subject"] = (1.0 if common else 0.0, f"предмет „{mentor.subject}“ совпадает")
    out["gap"] = _grade_gap(mentor, mentee)
    liked = [text for text, st in mentor.interests if st & mentee.interest_stems]
    out["interests"] = (1.0 if liked else 0.0, "общий интерес " + ", ".join(f"„{t}“" for t in liked))
    out["trained"] = (1.0 if mentor.trained else 0.0, "наставник прошёл обучение")
    cap = max(1, mentor.capacity)
    out["load"] = (min(1.0, max(0.0, (mentor.capacity - mentor.load) / cap)),
                   f"свободно мест: {mentor.free} из {mentor.capacity}")
    return out


def score_pair(pool: Pool, mentor: MentorSide, mentee: MenteeSide) -> tuple[float, list[str]]:
    """The pair's score and its reasons: «запрос „…“ ↔ компетенция „математика“ +2.5»."""
    total = 0.0
    reasons: list[str] = []
    for key, (value, words) in criterion_values(mentor, mentee).items():
        points = value * pool.weights[key].weight
        total += points
        if points > 0:
            reasons.append(f"{words} +{points:.1f}".replace(".", ","))
    return total, reasons
