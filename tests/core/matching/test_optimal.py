"""«Подобрать всем» is optimal: equal to brute force on small random cases, never below greedy, and the
draft made from a real (demo) school keeps every hard rule and every capacity."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from curator_app.matching import hard_problems, load_pool
from curator_app.matching.matrix import build_matrix
from curator_app.matching.suggest import greedy_assignment, optimal_assignment, propose
from tests.core.matching.test_rules import random_pool


def brute_force(scores: list[list[float]], ok: list[list[bool]], free: list[int]) -> float:
    best = 0.0

    def go(i: int, left: list[int], total: float) -> None:
        nonlocal best
        if i == len(ok):
            best = max(best, total)
            return
        go(i + 1, left, total)
        for j, allowed in enumerate(ok[i]):
            if allowed and left[j] > 0:
                left[j] -= 1
                go(i + 1, left, total + scores[i][j])
                left[j] += 1

    go(0, list(free), 0.0)
    return best


def total(scores: list[list[float]], pairs: list[tuple[int, int]]) -> float:
    return sum(scores[i][j] for i, j in pairs)


def valid(pairs: list[tuple[int, int]], ok: list[list[bool]], free: list[int]) -> bool:
    rows = [i for i, _ in pairs]
    used = Counter(j for _, j in pairs)
    return len(rows) == len(set(rows)) and all(ok[i][j] for i, j in pairs) and all(used[j] <= free[j] for j in used)


@pytest.mark.parametrize("seed", range(40))
def test_optimal_equals_brute_force_on_random_matrices(seed: int) -> None:
    rng = random.Random(seed)
    n, m = rng.randint(1, 7), rng.randint(1, 3)
    scores = [[round(rng.uniform(0, 10), 1) for _ in range(m)] for _ in range(n)]
    ok = [[rng.random() < 0.7 for _ in range(m)] for _ in range(n)]
    free = [rng.randint(0, 3) for _ in range(m)]
    pairs = optimal_assignment(scores, ok, free)
    assert valid(pairs, ok, free)
    assert total(scores, pairs) == pytest.approx(brute_force(scores, ok, free), abs=1e-3)
    assert total(scores, pairs) >= total(scores, greedy_assignment(scores, ok, free)) - 1e-9


@pytest.mark.parametrize("seed", range(15))
def test_optimal_on_random_schools_beats_greedy_and_matches_brute_force(seed: int) -> None:
    rng = random.Random(100 + seed)
    pool = random_pool(rng, rng.randint(2, 7), rng.randint(1, 3))
    matrix = build_matrix(pool, pool.mentees, pool.mentors)
    scores, ok, free = matrix.scores.tolist(), matrix.ok.tolist(), matrix.free.tolist()
    pairs = optimal_assignment(matrix.scores, matrix.ok, matrix.free)
    assert valid(pairs, ok, free)
    assert total(scores, pairs) == pytest.approx(brute_force(scores, ok, free), abs=1e-3)
    assert total(scores, pairs) >= total(scores, greedy_assignment(scores, ok, free)) - 1e-9


def test_greedy_can_lose() -> None:
    """The case greedy gets wrong: the best single pair blocks two good ones."""
    scores = [[10.0, 9.0], [9.0, 0.0]]
    ok = [[True, True], [True, False]]
    assert total(scores, greedy_assignment(scores, ok, [1, 1])) == 10.0
    assert total(scores, optimal_assignment(scores, ok, [1, 1])) == pytest.approx(18.0)


def test_draft_of_demo_school_keeps_rules_and_capacity(demo_db: object) -> None:
    pool = load_pool()
    draft = propose(pool=load_pool())
    assert draft.rows, "the demo school has unpaired mentees and free mentors"
    mentors = {t.person_id: t for t in pool.mentors}
    mentees = {e.person_id: e for e in pool.mentees}
    for row in draft.rows:
        assert hard_problems(pool, mentors[row.mentor_id], mentees[row.mentee_id]) == []
        assert row.reasons
    for mentor_id, n in Counter(r.mentor_id for r in draft.rows).items():
        assert n <= mentors[mentor_id].free
    assert len({r.mentee_id for r in draft.rows}) == len(draft.rows)
    assert all(u.reason for u in draft.unmatched)
    assert not ({u.mentee_id for u in draft.unmatched} & {r.mentee_id for r in draft.rows})
