"""«Подобрать всем» for a whole school of 2,000 unpaired mentees and 500 mentors, beside its floor (the
assignment solver alone on the same matrix); the optimal draft's total score beside greedy matching's (the
rival: what a curator or a simple tool does, the best free mentor for each mentee in turn); suggestions for
one mentee beside the floor of scoring one row of the matrix."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from common import demo_database, paired

TARGETS: dict[str, object] = {"match_all_2000x500": {"ratio": 3.0}, "suggest_one_mentee": {"value": 50.0},
                              "optimal_over_greedy_score": {"value": 1.0001}}


def run(workdir: Path) -> dict[str, object]:
    db = demo_database(workdir, mentees=2000, mentors=500)
    with sqlite3.connect(db) as con:  # everyone waits for a mentor: the hardest case
        for table in ("mentorship_member", "meeting", "mentorship_goal", "document_mentorship", "mentorship"):
            con.execute(f"DELETE FROM {table}")
    from curator_app.db import close_database, open_database
    from curator_app.matching import load_pool
    from curator_app.matching import suggest as matching
    from curator_app.matching.matrix import build_matrix

    open_database(db)
    try:
        import scipy.optimize  # noqa: F401  (the import is paid once per program, not per run)

        draft = matching.propose()
        pool = load_pool()
        matrix = build_matrix(pool, pool.mentees, pool.mentors)
        free = matrix.free.tolist()
        figures: dict[str, object] = {
            "match_all_2000x500": paired(matching.propose, lambda: matching.optimal_assignment(
                matrix.scores, matrix.ok, free), 3, floor_is="решатель назначений на той же матрице")}
        ids = [e.person_id for e in pool.mentees[:: max(1, len(pool.mentees) // 20)]]
        one = iter(ids * 10)
        figures["suggest_one_mentee"] = paired(lambda: matching.suggest_mentors(next(one)),
                                               lambda: build_matrix(pool, pool.mentees[:1], pool.mentors), len(ids),
                                               floor_is="одна строка матрицы баллов", unit="ms")
        greedy = matching.greedy_assignment(matrix.scores, matrix.ok, free)
        greedy_total = float(sum(matrix.scores[i, j] for i, j in greedy))
        optimal = matching.optimal_assignment(matrix.scores, matrix.ok, free)
        optimal_total = float(sum(matrix.scores[i, j] for i, j in optimal))
        figures.update({
            "pairs": len(draft.rows), "unmatched": len(draft.unmatched), "total_score": round(draft.total, 1),
            "greedy_total_score": round(greedy_total, 1), "greedy_pairs": len(greedy),
            "optimal_total_score": round(optimal_total, 1), "optimal_pairs": len(optimal),
            # the rival's score as a share of ours: at most 1 (the optimum is never beaten)
            "optimal_over_greedy_score": round(greedy_total / max(optimal_total, 1e-9), 4)})
    finally:
        close_database()
    return figures
