"""Documents at size: an order with 500 pairs (PDF, and DOCX for reference), 500 memos, 200 letters, personalised
programmes for 500 pairs.

Wall times are the targets; the CPU time of the same runs (``*_cpu_s``) is printed beside them because the
machine is shared and a busy neighbour doubles the wall time."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from common import best_of, demo_database

TARGETS = {"order_500_pairs_pdf_s": 1.0, "order_500_pairs_pdf_cpu_s": 1.0, "memos_500_s": 3.0, "letters_200_s": 3.0,
           "plans_500_pairs_s": 3.0}


def _cpu(repeat: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        action()
        times.append(time.process_time() - start)
    return round(sorted(times)[len(times) // 2], 3)


def run(workdir: Path) -> dict[str, float]:
    from curator_app.db import close_database, open_database
    from curator_app.documents import ops as documents
    from curator_app.documents import papers
    from curator_app.documents.data import collect_pairs

    db = demo_database(workdir, mentees=3000, mentors=1000)
    open_database(db)
    try:
        pairs = collect_pairs(("planned", "active")).pairs
        assert len(pairs) >= 500, f"в демо-базе только {len(pairs)} пар"
        order_ids = [p.id for p in pairs[:500]]
        memo_ids, mentees = [], 0
        for pair in pairs:
            if mentees >= 500:
                break
            memo_ids.append(pair.id)
            mentees += len(pair.mentees)
        letter_ids = [p.id for p in collect_pairs(("active", "completed")).pairs][:200]
        counter = iter(range(1000))
        figures = {
            "order_500_pairs_pdf_s": best_of(3, lambda: documents.issue_order(
                workdir / "order.pdf", number=f"b{next(counter)}", mentorship_ids=order_ids)),
            "order_500_pairs_docx_s": best_of(1, lambda: documents.issue_order(
                workdir / "order.docx", mentorship_ids=order_ids)),
            "memos_500_s": best_of(3, lambda: documents.make_memos(workdir / "memos.pdf", mentorship_ids=memo_ids)),
            "letters_200_s": best_of(3, lambda: documents.make_certificates(workdir / "letters.pdf",
                                                                            mentorship_ids=letter_ids)),
        }
        figures["order_500_pairs_pdf_cpu_s"] = _cpu(3, lambda: documents.issue_order(
            workdir / "order.pdf", mentorship_ids=order_ids))
        figures["memos_500_cpu_s"] = _cpu(3, lambda: documents.make_memos(workdir / "memos.pdf",
                                                                          mentorship_ids=memo_ids))
        figures["letters_200_cpu_s"] = _cpu(3, lambda: documents.make_certificates(workdir / "letters.pdf",
                                                                                   mentorship_ids=letter_ids))
        figures["plans_500_pairs_s"] = best_of(3, lambda: papers.make_plans(workdir / "plans.pdf",
                                                                            mentorship_ids=order_ids))
        figures["plans_500_pairs_cpu_s"] = _cpu(3, lambda: papers.make_plans(workdir / "plans.pdf",
                                                                             mentorship_ids=order_ids))
        figures["memos_count"] = documents.make_memos(workdir / "m.pdf", mentorship_ids=memo_ids).items
        figures["letters_count"] = documents.make_certificates(workdir / "l.pdf", mentorship_ids=letter_ids).items
        return figures
    finally:
        close_database()
