"""The whole school at once: which mentor–mentee pairs are allowed and their scores, as numpy matrices.

Computes exactly what ``matching_rules.hard_problems`` and ``score_pair`` compute for one pair (a test
compares them pair by pair), but for 2,000 × 500 pairs in a few tens of milliseconds. numpy is imported
inside the function: the main window never pays for it.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from .rules import PUPIL_PUPIL, TEACHER_TEACHER, MenteeSide, MentorSide, Pool

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray


@dataclasses.dataclass
class Matrix:
    """Rows are mentees, columns mentors. ``form_ok`` holds the form's rules alone (to explain why a
    mentee is left without a pair); ``ok`` every hard rule; ``forms`` the index of the pair's form."""

    scores: NDArray[np.float64]
    ok: NDArray[np.bool_]
    form_ok: NDArray[np.bool_]
    mentor_consent: NDArray[np.bool_]
    free: NDArray[np.int64]
    forms: NDArray[np.int64]


def _stem_matrix(np: Any, sets: list[frozenset[str]], vocab: dict[str, int]) -> Any:
    out = np.zeros((len(sets), max(1, len(vocab))), dtype=np.float32)
    for row, items in enumerate(sets):
        for item in items:
            out[row, vocab[item]] = 1.0
    return out


def _overlap(np: Any, left: list[frozenset[str]], right: list[frozenset[str]]) -> Any:
    """How many stems each left set shares with each right set."""
    vocab: dict[str, int] = {}
    for items in (*left, *right):
        for item in items:
            vocab.setdefault(item, len(vocab))
    a, b = _stem_matrix(np, left, vocab), _stem_matrix(np, right, vocab)
    return (a @ b.T).astype(np.float64)


def _floats(np: Any, values: list[Any]) -> Any:
    return np.array([np.nan if v is None else float(v) for v in values], dtype=np.float64)


def build_matrix(pool: Pool, mentees: list[MenteeSide], mentors: list[MentorSide],
                 only_form: int | None = None) -> Matrix:
    import numpy as np

    n, m = len(mentees), len(mentors)
    forms = pool.forms
    fidx = {f.id: k for k, f in enumerate(forms)}
    cats = sorted({s.category for s in (*mentees, *mentors)} | {c for f in forms for c in f.mentor_categories}
                  | {c for f in forms for c in f.mentee_categories})
    cidx = {c: k for k, c in enumerate(cats)}
    nf = max(1, len(forms))
    mentor_cat_ok = np.zeros((nf, len(cats)), dtype=bool)
    mentee_cat_ok = np.zeros((nf, len(cats)), dtype=bool)
    for k, f in enumerate(forms):
        for c in f.mentor_categories:
            mentor_cat_ok[k, cidx[c]] = True
        for c in f.mentee_categories:
            mentee_cat_ok[k, cidx[c]] = True
    default = np.full((len(cats), len(cats)), -1, dtype=np.int64)  # [mentee cat, mentor cat] → first form
    for k in range(len(forms) - 1, -1, -1):
        default[np.ix_(mentee_cat_ok[k], mentor_cat_ok[k])] = k

    def wish(form_id: int | None) -> int:
        return -1 if form_id is None else fidx.get(form_id, -2)  # -2: a form no longer offered

    fe = np.array([wish(e.form_id) for e in mentees], dtype=np.int64)
    fm = np.array([wish(t.form_id) for t in mentors], dtype=np.int64)
    ce = np.array([cidx[e.category] for e in mentees], dtype=np.int64)
    cm = np.array([cidx[t.category] for t in mentors], dtype=np.int64)
    form = np.where(fe[:, None] != -1, fe[:, None],
                    np.where(fm[None, :] != -1, fm[None, :], default[ce[:, None], cm[None, :]]))
    valid = form >= 0
    fc = np.where(valid, form, 0)
    form_ok = valid & mentor_cat_ok[fc, cm[None, :]] & mentee_cat_ok[fc, ce[:, None]]
    form_ok &= (fm[None, :] == -1) | (fm[None, :] == form)
    ge, gm = _floats(np, [e.grade for e in mentees]), _floats(np, [t.grade for t in mentors])
    xe, xm = _floats(np, [e.experience for e in mentees]), _floats(np, [t.experience for t in mentors])
    with np.errstate(invalid="ignore"):
        for code, older in ((PUPIL_PUPIL, gm[None, :] > ge[:, None]), (TEACHER_TEACHER, xm[None, :] > xe[:, None])):
            index = next((i for i, f in enumerate(forms) if f.code == code), None)
            if index is not None:
                form_ok &= (form != index) | older
    if only_form is not None:
        form_ok &= form == fidx.get(only_form, -3)

    mentee_consent = np.array([e.consent for e in mentees], dtype=bool)
    mentor_consent = np.array([t.consent for t in mentors], dtype=bool)
    free = np.array([t.free for t in mentors], dtype=np.int64)
    ok = form_ok & mentee_consent[:, None] & mentor_consent[None, :] & (free[None, :] > 0)
    ok &= np.array([e.person_id for e in mentees])[:, None] != np.array([t.person_id for t in mentors])[None, :]
    current = np.zeros((n, nf), dtype=bool)
    for i, e in enumerate(mentees):
        for form_id in e.current_forms:
            if form_id in fidx:
                current[i, fidx[form_id]] = True
    ok &= ~current[np.arange(n)[:, None], fc]
    if pool.exclusions:
        erow = {e.person_id: i for i, e in enumerate(mentees)}
        mcol = {t.person_id: j for j, t in enumerate(mentors)}
        for mentor_id, mentee_id in pool.exclusions:
            if mentee_id in erow and mentor_id in mcol:
                ok[erow[mentee_id], mcol[mentor_id]] = False

    # Scores only where every other rule allows the pair: a fraction of the cells, a fraction of the time.
    rows, cols = np.nonzero(ok)
    values = _values(np, mentees, mentors, ge, gm, rows, cols)
    total = np.zeros(rows.size, dtype=np.float64)
    keep = np.ones(rows.size, dtype=bool)
    for key, value in values.items():
        w = pool.weights[key]
        total = total + value * w.weight
        if w.required:
            keep &= value > 0
    ok[rows[~keep], cols[~keep]] = False
    scores = np.zeros((n, m), dtype=np.float64)
    scores[rows, cols] = total
    return Matrix(scores, ok, form_ok, mentor_consent, free, form)


def _values(np: Any, mentees: list[MenteeSide], mentors: list[MentorSide], ge: Any, gm: Any, rows: Any,
            cols: Any) -> dict[str, Any]:
    """Each criterion's value for the pairs (rows[k], cols[k]), in the order of ``CRITERIA`` (the order of
    the sum matters for equality with ``score_pair``)."""
    shared = _overlap(np, [e.request_stems for e in mentees], [t.competency_stems for t in mentors])[rows, cols]
    denom = np.clip(np.array([len(e.request_stems) for e in mentees], dtype=np.float64), 1, 2)[rows]
    values: dict[str, Any] = {"request": np.minimum(shared, denom) / denom}
    subject = _overlap(np, [e.subject_stems for e in mentees], [t.subject_stems for t in mentors])[rows, cols]
    values["subject"] = (subject > 0).astype(np.float64)

    has_wish = np.array([t.desired_grade_min is not None or t.desired_grade_max is not None for t in mentors],
                        dtype=bool)[cols]
    low = np.array([t.desired_grade_min or 1 for t in mentors], dtype=np.float64)[cols]
    high = np.array([t.desired_grade_max or 11 for t in mentors], dtype=np.float64)[cols]
    g_e, g_m = ge[rows], gm[cols]
    with np.errstate(invalid="ignore"):
        inside = ((low <= g_e) & (g_e <= high)).astype(np.float64)
        gap = g_m - g_e
        by_grade = np.where((gap >= 2) & (gap <= 4), 1.0, np.where((gap == 1) | (gap == 5), 0.5, 0.0))
    be = _floats(np, [e.birth_date.toordinal() if e.birth_date else None for e in mentees])[rows]
    bm = _floats(np, [t.birth_date.toordinal() if t.birth_date else None for t in mentors])[cols]
    years = np.floor_divide(be - bm, 365.25)
    with np.errstate(invalid="ignore"):
        by_age = np.where((years >= 5) & (years <= 25), 1.0, np.where((years >= 3) & (years <= 35), 0.5, 0.0))
    case_wish = has_wish & ~np.isnan(g_e)
    case_grade = ~case_wish & ~np.isnan(gap)
    case_age = ~case_wish & ~case_grade & ~np.isnan(years)
    values["gap"] = np.where(case_wish, inside, np.where(case_grade, by_grade, np.where(case_age, by_age, 0.0)))

    interests = _overlap(np, [e.interest_stems for e in mentees],
                         [frozenset().union(*(s for _, s in t.interests)) if t.interests else frozenset()
                          for t in mentors])[rows, cols]
    values["interests"] = (interests > 0).astype(np.float64)
    values["trained"] = np.array([1.0 if t.trained else 0.0 for t in mentors])[cols]
    load = np.array([min(1.0, max(0.0, (t.capacity - t.load) / max(1, t.capacity))) for t in mentors])
    values["load"] = load[cols]
    return values
