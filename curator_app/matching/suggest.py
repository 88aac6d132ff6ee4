"""Matching: suggestions for one person, and «Подобрать всем» — the arrangement of all unpaired mentees
that maximises the total score under the hard rules and the mentors' capacities.

The optimum is an assignment problem: each mentor is copied once per free place, and scipy's
``linear_sum_assignment`` (imported inside the function) finds the best assignment of mentees to
places. A forbidden pair costs 0, the same as no pair, so it is dropped from the answer; an allowed
pair costs −(score + ε), ε making an allowed pair of score 0 still better than none.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from curator_app.errors import CuratorError
from curator_app.lang.text import fold
from curator_app.models import MentoringForm

from .matrix import Matrix, build_matrix
from .pool import is_unpaired, load_pool
from .rules import MenteeSide, MentorSide, Pool, hard_problems, pair_form, score_pair

EPS = 1e-6


@dataclasses.dataclass
class Suggestion:
    """One candidate for a chosen person: the score and its reasons, or why the pair is forbidden."""

    person_id: int
    name: str
    score: float
    reasons: list[str]
    problems: list[str]
    form_name: str = ""
    free: int = 0  # for a mentor: free places


@dataclasses.dataclass
class DraftRow:
    """A row of the draft: one mentee with one mentor, not yet saved."""

    mentee_id: int
    mentee_name: str
    mentor_id: int
    mentor_name: str
    form_id: int
    form_name: str
    score: float
    reasons: list[str]
    locked: bool = False


@dataclasses.dataclass
class Unmatched:
    mentee_id: int
    mentee_name: str
    reason: str


@dataclasses.dataclass
class Draft:
    rows: list[DraftRow]
    unmatched: list[Unmatched]

    @property
    def total(self) -> float:
        return sum(r.score for r in self.rows)


# --- the solver ---------------------------------------------------------------------------------------

def optimal_assignment(scores: Any, ok: Any, free: Sequence[int]) -> list[tuple[int, int]]:
    """Pairs (row, column) maximising the total of ``scores`` over allowed cells, column j used at most
    ``free[j]`` times and each row at most once."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    ok = np.asarray(ok, dtype=bool)
    free_arr = np.minimum(np.asarray(free, dtype=np.int64), ok.shape[0])
    rows = np.flatnonzero(ok.any(axis=1))
    cols = np.flatnonzero(ok.any(axis=0) & (free_arr > 0))
    if rows.size == 0 or cols.size == 0:
        return []
    sub_ok = ok[np.ix_(rows, cols)]
    cost = np.where(sub_ok, -(np.asarray(scores, dtype=np.float64)[np.ix_(rows, cols)] + EPS), 0.0)
    slots = np.repeat(np.arange(cols.size), free_arr[cols])
    r, c = linear_sum_assignment(cost[:, slots])
    chosen = sub_ok[r, slots[c]]
    return [(int(rows[i]), int(cols[slots[j]])) for i, j in zip(r[chosen], c[chosen], strict=False)]


def greedy_assignment(scores: Any, ok: Any, free: Sequence[int]) -> list[tuple[int, int]]:
    """First come by best score: what optimal matching is compared against."""
    cells = sorted(((float(scores[i][j]), i, j) for i in range(len(ok)) for j in range(len(ok[i])) if ok[i][j]),
                   reverse=True)
    left = list(free)
    taken: set[int] = set()
    out = []
    for _, i, j in cells:
        if i not in taken and left[j] > 0:
            taken.add(i)
            left[j] -= 1
            out.append((i, j))
    return out


# --- suggestions --------------------------------------------------------------------------------------

def _suggestion(pool: Pool, mentor: MentorSide, mentee: MenteeSide, person: MentorSide | MenteeSide) -> Suggestion:
    problems = hard_problems(pool, mentor, mentee)
    score, reasons = score_pair(pool, mentor, mentee)
    form = pair_form(pool, mentor, mentee)
    return Suggestion(person.person_id, person.name, round(score, 1), reasons, problems,
                      form.name if form else "", mentor.free)


def _best(scores: Any, ok: Any, limit: int) -> list[int]:
    """Indices of the ``limit`` best allowed cells of a vector, best first."""
    import numpy as np

    allowed = np.flatnonzero(ok)
    order = allowed[np.argsort(-scores[allowed], kind="stable")]
    return [int(i) for i in order[:limit]]


def suggest_mentors(mentee_id: int, limit: int = 10, include_forbidden: bool = False,
                    day: dt.date | None = None) -> list[Suggestion]:
    """The best mentors for one mentee (person id), best first, each with its reasons; with
    ``include_forbidden`` the forbidden ones follow, each with why."""
    pool = load_pool([mentee_id], day)
    if not pool.mentees:
        raise CuratorError(f"Наставляемый с номером {mentee_id} не найден в банке наставляемых.")
    mentee = pool.mentees[0]
    matrix = build_matrix(pool, [mentee], pool.mentors)
    best = _best(matrix.scores[0], matrix.ok[0], limit)
    out = [_suggestion(pool, pool.mentors[j], mentee, pool.mentors[j]) for j in best]
    out.sort(key=lambda s: (-s.score, s.name))
    if include_forbidden:
        rest = [_suggestion(pool, t, mentee, t) for j, t in enumerate(pool.mentors) if not matrix.ok[0, j]]
        out += sorted(rest, key=lambda s: (-s.score, s.name))
    return out


def suggest_mentees(mentor_id: int, limit: int = 10, day: dt.date | None = None) -> list[Suggestion]:
    """The best unpaired mentees for one mentor (person id), best first."""
    pool = load_pool(day=day)
    mentor = next((t for t in pool.mentors if t.person_id == mentor_id), None)
    if mentor is None:
        raise CuratorError(f"Наставник с номером {mentor_id} не найден в банке наставников.")
    waiting = [e for e in pool.mentees if is_unpaired(e)]
    matrix = build_matrix(pool, waiting, [mentor])
    best = _best(matrix.scores[:, 0], matrix.ok[:, 0], limit)
    return sorted((_suggestion(pool, mentor, waiting[i], waiting[i]) for i in best), key=lambda s: (-s.score, s.name))


# --- «Подобрать всем» -----------------------------------------------------------------------------------

def find_form(name: str) -> MentoringForm:
    """A form by its code or name, in any letter case («ученик – ученик», «ученик-ученик», pupil_pupil)."""
    def key(text: str) -> str:
        return "".join(ch for ch in fold(text) if ch.isalnum())

    wanted = key(name)
    for form in MentoringForm.select():
        if wanted in (key(form.code), key(form.name)):
            return form
    names = ", ".join(f"«{f.name}»" for f in MentoringForm.select().order_by(MentoringForm.position))
    raise CuratorError(f"Форма наставничества «{name}» не найдена. Есть формы: {names}.")


def propose(form_id: int | None = None, locked: Iterable[DraftRow] = (), day: dt.date | None = None,
            pool: Pool | None = None) -> Draft:
    """The draft of «Подобрать всем»: the optimal pairs for every unpaired mentee (of one form, if given),
    keeping the ``locked`` rows as they are; mentees left without a pair come with the reason."""
    pool = pool or load_pool(day=day)
    locked = [dataclasses.replace(r, locked=True) for r in locked]
    taken = {r.mentee_id for r in locked}
    by_mentor = {t.person_id: t for t in pool.mentors}
    for row in locked:
        if row.mentor_id in by_mentor:
            by_mentor[row.mentor_id].load += 1
    mentees = [e for e in pool.mentees if is_unpaired(e) and e.person_id not in taken]
    if form_id is not None:
        form = pool.form(form_id)
        mentees = [e for e in mentees if e.form_id == form_id or (e.form_id is None
                                                                  and e.category in form.mentee_categories)]
    mentors = pool.mentors
    matrix = build_matrix(pool, mentees, mentors, only_form=form_id)
    pairs = optimal_assignment(matrix.scores, matrix.ok, matrix.free.tolist())
    rows = list(locked)
    matched = set()
    for i, j in pairs:
        mentee, mentor = mentees[i], mentors[j]
        matched.add(i)
        score, reasons = score_pair(pool, mentor, mentee)
        pair = pair_form(pool, mentor, mentee)
        assert pair is not None
        rows.append(DraftRow(mentee.person_id, mentee.name, mentor.person_id, mentor.name, pair.id, pair.name,
                             round(score, 1), reasons))
    rows.sort(key=lambda r: (r.mentor_name, r.mentee_name))
    unmatched = [Unmatched(e.person_id, e.name, _why_unmatched(pool, matrix, i, e, day))
                 for i, e in enumerate(mentees) if i not in matched]
    return Draft(rows, unmatched)


def _why_unmatched(pool: Pool, matrix: Matrix, i: int, mentee: MenteeSide, day: dt.date | None) -> str:
    from curator_app.banks import consent_problem

    if not mentee.consent:
        return consent_problem(mentee.person_id, day) or "нет действующего согласия на обработку персональных данных"
    wished = next((f.name for f in pool.forms if f.id == mentee.form_id), None)
    of_form = f" формы «{wished}»" if wished else " подходящей формы"
    fits = matrix.form_ok[i]
    if not fits.any():
        return f"нет наставника{of_form}, подходящего по правилам формы"
    fits = fits & matrix.mentor_consent
    if not fits.any():
        return f"у наставников{of_form} нет действующего согласия"
    fits = fits & (matrix.free > 0)
    if not fits.any():
        return f"нет наставника{of_form} со свободными местами"
    if not matrix.ok[i].any():
        return "подходящие наставники исключены куратором или не выполняют обязательные условия"
    n = int(matrix.ok[i].sum())
    return f"подходящие наставники ({n}) заняты парами с большей суммой баллов"


def draft_json(draft: Draft) -> dict[str, Any]:
    """The draft as the CLI prints it: mentees of one mentor in one form make one pair or group."""
    groups: dict[tuple[int, int], list[DraftRow]] = {}
    for row in draft.rows:
        groups.setdefault((row.mentor_id, row.form_id), []).append(row)
    pairs = []
    for rows in groups.values():
        many = len(rows) > 1
        pairs.append({
            "mentor": rows[0].mentor_name, "mentees": [r.mentee_name for r in rows], "form": rows[0].form_name,
            "score": round(sum(r.score for r in rows), 1),
            "reasons": [f"{r.mentee_name}: {reason}" if many else reason for r in rows for reason in r.reasons],
        })
    return {"pairs": pairs,
            "unmatched": [{"mentee": u.mentee_name, "reason": u.reason} for u in draft.unmatched],
            "total_score": round(draft.total, 1)}



def workspace(day: dt.date | None = None) -> tuple[Pool, list[MenteeSide], list[MentorSide]]:
    """For the matching workspace: the pool, the mentees waiting for a mentor and the mentors with free
    places (consent given)."""
    pool = load_pool(day=day)
    return (pool, [e for e in pool.mentees if is_unpaired(e)],
            [t for t in pool.mentors if t.free > 0 and t.consent])
