"""Compatibility: Russian stems, every hard rule, the soft criteria with their reasons, and that the
whole-school matrix computes exactly what the one-pair functions compute."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest

from curator_app.lang.stems import stem, stems
from curator_app.matching.matrix import build_matrix
from curator_app.matching.rules import (
    FormInfo,
    MenteeSide,
    MentorSide,
    Pool,
    Weight,
    default_weights,
    hard_problems,
    score_pair,
    weights_from_json,
    weights_to_json,
)

PP = FormInfo(1, "pupil_pupil", "Ученик – ученик", frozenset({"pupil", "graduate"}), frozenset({"pupil"}))
TT = FormInfo(2, "teacher_teacher", "Учитель – учитель", frozenset({"teacher"}), frozenset({"teacher"}))
TP = FormInfo(3, "teacher_pupil", "Педагог – обучающийся", frozenset({"teacher"}), frozenset({"pupil"}))


def _comp(text: str) -> list[tuple[str, frozenset[str]]]:
    return [(t.strip(), stems(t)) for t in text.split(",") if t.strip()]


def mentor(pid: int = 100, **kw: object) -> MentorSide:
    base: dict[str, object] = dict(person_id=pid, name=f"Наставник {pid}", category="teacher", experience=20.0,
                                   birth_date=dt.date(1975, 1, 1), subject="математика",
                                   subject_stems=stems("математика"), capacity=2, trained=True)
    base.update(kw)
    side = MentorSide(**base)  # type: ignore[arg-type]
    if not side.competency_stems and side.competencies:
        side.competency_stems = frozenset().union(*(s for _, s in side.competencies))
    return side


def mentee(pid: int = 1, request: str = "трудности с математикой", **kw: object) -> MenteeSide:
    base: dict[str, object] = dict(person_id=pid, name=f"Наставляемый {pid}", category="pupil", grade=7,
                                   birth_date=dt.date(2013, 3, 1), request=request, request_stems=stems(request),
                                   subject_stems=stems(request), interest_stems=stems(request))
    base.update(kw)
    return MenteeSide(**base)  # type: ignore[arg-type]


def pool(mentors: list[MentorSide], mentees: list[MenteeSide], **kw: object) -> Pool:
    base: dict[str, object] = dict(forms=[PP, TT, TP], mentors=mentors, mentees=mentees, exclusions={},
                                   weights=default_weights())
    base.update(kw)
    return Pool(**base)  # type: ignore[arg-type]


def test_stems_meet_across_cases() -> None:
    assert stem("математике") == stem("математика") == stem("математикой") == "математик"
    assert stem("трудности") == stem("трудность")
    assert stem("олимпиадам") == stem("олимпиада")
    assert stems("Подготовка к ОГЭ по математике") == {"подготовк", "огэ", "математик"}
    assert stems("") == frozenset() and stems(None) == frozenset()


def test_request_meets_competency_with_reason() -> None:
    t = mentor(competencies=_comp("математика, классное руководство"))
    e = mentee()
    score, reasons = score_pair(pool([t], [e]), t, e)
    assert "запрос „трудности с математикой“ ↔ компетенция „математика“ +2,5" in reasons
    assert "предмет „математика“ совпадает +3,0" in reasons
    assert score == pytest.approx(2.5 + 3.0 + 1.0 + 1.0)  # request, subject, trained, load (no gap: teacher)


def test_grade_gap_and_desired_range() -> None:
    older = mentor(category="pupil", grade=10, experience=None, subject="", subject_stems=frozenset())
    e = mentee(grade=7)
    _, reasons = score_pair(pool([older], [e]), older, e)
    assert "разница в классах 3 +2,0" in reasons
    ranged = dataclasses.replace(older, desired_grade_min=8, desired_grade_max=9)
    _, reasons = score_pair(pool([ranged], [e]), ranged, e)
    assert not any("диапазоне" in r for r in reasons)  # outside the range scores nothing


def test_consent_forbids_on_either_side() -> None:
    t, e = mentor(), mentee()
    assert hard_problems(pool([t], [e]), t, e) == []
    assert any("наставляемого нет" in p for p in hard_problems(pool([t], [e]), t, dataclasses.replace(e, consent=False)))
    assert any("наставника нет" in p for p in hard_problems(pool([t], [e]), dataclasses.replace(t, consent=False), e))


def test_capacity_forbids() -> None:
    t, e = mentor(capacity=2, load=2), mentee()
    assert hard_problems(pool([t], [e]), t, e) == ["у наставника нет свободных мест (занято 2 из 2)"]


def test_pupil_pupil_needs_older_grade() -> None:
    e = mentee(grade=8, form_id=PP.id)
    same = mentor(category="pupil", grade=8, experience=None)
    assert any("старшего класса" in p for p in hard_problems(pool([same], [e]), same, e))
    older = dataclasses.replace(same, grade=10)
    assert hard_problems(pool([older], [e]), older, e) == []
    teacher = mentor()
    assert any("не подходит форме «Ученик – ученик»" in p for p in hard_problems(pool([teacher], [e]), teacher, e))


def test_teacher_teacher_needs_more_experience() -> None:
    e = mentee(category="teacher", grade=None, experience=2.0, form_id=TT.id)
    t = mentor(experience=2.0)
    assert any("стаж наставника не больше" in p for p in hard_problems(pool([t], [e]), t, e))
    t = mentor(experience=12.0)
    assert hard_problems(pool([t], [e]), t, e) == []


def test_mentor_form_wish_and_current_pair_and_exclusion() -> None:
    e = mentee(form_id=TP.id)
    t = mentor(form_id=TT.id)
    assert any("другую форму" in p for p in hard_problems(pool([t], [e]), t, e))
    t = mentor()
    busy = dataclasses.replace(e, current_forms=frozenset({TP.id}))
    assert any("уже в паре" in p for p in hard_problems(pool([t], [busy]), t, busy))
    p = pool([t], [e], exclusions={(t.person_id, e.person_id): "конфликт"})
    assert hard_problems(p, t, e) == ["исключено куратором: конфликт"]


def test_required_criterion_forbids_when_zero() -> None:
    t, e = mentor(trained=False), mentee()
    weights = {**default_weights(), "trained": Weight(1.0, required=True)}
    assert hard_problems(pool([t], [e], weights=weights), t, e) == [
        "не выполнено обязательное условие «Наставник прошёл обучение»"]


def test_weights_roundtrip_and_clamp() -> None:
    weights = weights_from_json({"request": {"weight": 25, "required": True}, "bogus": {}})
    assert weights["request"] == Weight(10.0, True)
    assert weights_from_json(weights_to_json(weights)) == weights


def random_pool(rng: random.Random, n: int, m: int) -> Pool:
    words = ["математика", "физика", "русский язык", "олимпиады", "ОГЭ", "шахматы", "проекты", "адаптация"]
    mentors = []
    for j in range(m):
        cat = rng.choice(["teacher", "pupil"])
        comp = ", ".join(rng.sample(words, 2))
        mentors.append(mentor(100 + j, category=cat, grade=rng.randint(8, 11) if cat == "pupil" else None,
                              experience=rng.choice([None, 3.0, 15.0]) if cat == "teacher" else None,
                              capacity=rng.randint(1, 3), load=rng.randint(0, 1), trained=rng.random() < .5,
                              competencies=_comp(comp), consent=rng.random() < .9,
                              form_id=rng.choice([None, None, PP.id, TP.id, TT.id]),
                              desired_grade_min=rng.choice([None, 5]), desired_grade_max=rng.choice([None, 8]),
                              birth_date=rng.choice([None, dt.date(rng.randint(1960, 2010), 5, 5)]),
                              interests=_comp(rng.choice(words))))
    mentees = []
    for i in range(n):
        cat = rng.choice(["pupil", "pupil", "teacher"])
        req = " и ".join(rng.sample(words, rng.randint(0, 2)))
        mentees.append(mentee(1 + i, req, category=cat, grade=rng.randint(5, 10) if cat == "pupil" else None,
                              experience=rng.choice([None, 1.0, 5.0]) if cat == "teacher" else None,
                              consent=rng.random() < .9, form_id=rng.choice([None, PP.id, TP.id, TT.id]),
                              birth_date=rng.choice([None, dt.date(rng.randint(1980, 2015), 2, 2)]),
                              current_forms=frozenset(rng.sample([PP.id, TP.id], rng.randint(0, 1)))))
    excl = {(t.person_id, e.person_id): "" for t in mentors for e in mentees if rng.random() < 0.05}
    weights = {k: Weight(float(rng.randint(0, 10)), rng.random() < 0.1) for k in default_weights()}
    return pool(mentors, mentees, exclusions=excl, weights=weights)


def test_matrix_agrees_with_pair_functions() -> None:
    rng = random.Random(5)
    for _ in range(20):
        p = random_pool(rng, 12, 8)
        matrix = build_matrix(p, p.mentees, p.mentors)
        for i, e in enumerate(p.mentees):
            for j, t in enumerate(p.mentors):
                assert bool(matrix.ok[i, j]) == (hard_problems(p, t, e) == []), (e, t, hard_problems(p, t, e))
                if matrix.ok[i, j]:
                    assert matrix.scores[i, j] == pytest.approx(score_pair(p, t, e)[0], abs=1e-9)
