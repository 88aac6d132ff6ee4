"""Documents at size: an order with 500 pairs beside its floor (reportlab drawing the same table of the same
texts in the same font, without our layout: no requisites, hyphenation, ties, kept blocks or sign-off) and its
rival (the status quo: LibreOffice turning the same order, saved as DOCX, into PDF); 500 memos, 200 letters,
personalised programmes for 500 pairs.

The CPU time of the same runs (``*_cpu_s``) is printed beside the wall time because the machine is shared."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from common import best_of, demo_database, paired, timed

TARGETS: dict[str, object] = {"order_500_pairs": {"ratio": 3.0}, "order_500_pairs_pdf_cpu_s": 1.0,
                              "order_vs_libreoffice": {"ratio": 0.2}, "memos_500_s": 3.0, "letters_200_s": 3.0,
                              "plans_500_pairs_s": 3.0}


def _cpu(repeat: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        action()
        times.append(time.process_time() - start)
    return round(sorted(times)[len(times) // 2], 3)


def _bare_table(pairs: list[object], path: Path) -> None:
    """The floor: the order's appendix table, the same texts in the same font, drawn by reportlab as it comes."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import LongTable, SimpleDocTemplate

    from curator_app.pdf import SERIF, register_fonts

    register_fonts()
    rows = [["№", "Наставник", "Наставляемые", "Форма", "Срок"]]
    for i, pair in enumerate(pairs, 1):
        rows.append([str(i), pair.mentor.name.full, "\n".join(m.name.full for m in pair.mentees),  # type: ignore[attr-defined]
                     pair.form, "01.10.2026 – 31.05.2027"])  # type: ignore[attr-defined]
    table = LongTable(rows, repeatRows=1, style=[("FONT", (0, 0), (-1, -1), SERIF, 9)])
    SimpleDocTemplate(str(path), pagesize=A4).build([table])


def _libreoffice(docx: Path, workdir: Path) -> float | None:
    """Seconds LibreOffice takes to turn ``docx`` into PDF (its profile made beforehand, as on a PC where it runs
    every day); None without LibreOffice."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    profile = f"-env:UserInstallation={(workdir / 'lo').as_uri()}"
    command = [soffice, "--headless", profile, "--convert-to", "pdf", "--outdir", str(workdir / "lo-out"), str(docx)]
    subprocess.run(command, check=True, capture_output=True, timeout=600)  # the profile is made once
    return round(min(timed(lambda: subprocess.run(command, check=True, capture_output=True, timeout=600))
                     for _ in range(2)), 3)


def run(workdir: Path) -> dict[str, object]:
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
        chosen = pairs[:500]
        figures: dict[str, object] = {
            "order_500_pairs": paired(lambda: documents.issue_order(
                workdir / "order.pdf", number=f"b{next(counter)}", mentorship_ids=order_ids),
                lambda: _bare_table(chosen, workdir / "bare.pdf"), 3,
                floor_is="та же таблица приложения голым reportlab тем же шрифтом"),
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
        ours = figures["order_500_pairs"]["value"]  # type: ignore[index]
        rival = _libreoffice(workdir / "order.docx", workdir)
        if rival is not None:  # our PDF against Word's way (the DOCX turned into PDF): at least 5× faster
            figures["order_vs_libreoffice"] = {"value": ours, "rival": rival, "ratio": round(ours / rival, 3),
                                               "unit": "s", "floor_is": "соперник: LibreOffice, DOCX → PDF"}
        figures["memos_count"] = documents.make_memos(workdir / "m.pdf", mentorship_ids=memo_ids).items
        figures["letters_count"] = documents.make_certificates(workdir / "l.pdf", mentorship_ids=letter_ids).items
        return figures
    finally:
        close_database()
