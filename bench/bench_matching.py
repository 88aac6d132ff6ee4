"""«Подобрать всем» for a whole school of 2,000 unpaired mentees and 500 mentors, in process; suggestions
for one mentee."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from common import best_of, demo_database

TARGETS = {"match_all_2000x500_s": 1.0, "solver_only_s": 1.0, "suggest_one_mentee_ms": 50.0}


def run(workdir: Path) -> dict[str, float]:
    db = demo_database(workdir, mentees=2000, mentors=500)
    with sqlite3.connect(db) as con:  # everyone waits for a mentor: the hardest case
        con.execute("DELETE FROM mentorship_member")
        con.execute("DELETE FROM meeting")
        con.execute("DELETE FROM mentorship_goal")
        con.execute("DELETE FROM document_mentorship")
        con.execute("DELETE FROM mentorship")
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
        solver = best_of(3, lambda: matching.optimal_assignment(matrix.scores, matrix.ok, matrix.free.tolist()))
        whole = best_of(3, matching.propose)
        ids = [e.person_id for e in pool.mentees[:: max(1, len(pool.mentees) // 20)]]
        start = time.perf_counter()
        for pid in ids:
            matching.suggest_mentors(pid)
        suggest = (time.perf_counter() - start) / len(ids)
    finally:
        close_database()
    return {"match_all_2000x500_s": whole, "solver_only_s": solver, "suggest_one_mentee_ms": round(suggest * 1000, 1),
            "pairs": len(draft.rows), "unmatched": len(draft.unmatched), "total_score": round(draft.total, 1)}
