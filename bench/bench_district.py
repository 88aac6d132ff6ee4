"""The district's summary: 300 schools' tables (each a full monitoring table with the row sheet) read,
checked and summed into the district table; and the district's PDF report on them."""

from __future__ import annotations

import datetime as dt
import shutil
import time
import zipfile
from pathlib import Path

TARGETS = {"district_table_300_schools_s": 10.0}
SCHOOLS = 300
DAY = dt.date(2026, 11, 16)


def _base_table(workdir: Path) -> tuple[Path, str, str]:
    """One demo school's monitoring table, and the full and short names written in it."""
    from curator_app.db import close_database, open_database
    from curator_app.demo import fill_demo
    from curator_app.district import build_school_table
    from curator_app.monitoring import analyse, latest_wave
    from curator_app.settings import load_school

    open_database(workdir / "school.sqlite")
    try:
        fill_demo(mentees=420, mentors=80, seed=5, today=DAY)
        wave = latest_wave(with_responses=True)
        assert wave is not None
        table = build_school_table(analyse(wave.id), workdir / "base.xlsx", DAY)
        school = load_school()
    finally:
        close_database()
    return table, school.full_name, school.short_name


def _school_files(workdir: Path) -> Path:
    """``SCHOOLS`` copies of the table under other names (swapped in the sheets' XML: openpyxl writes its
    strings inline, as character references)."""
    from xml.sax.saxutils import escape as xml_escape

    def escape(text: str) -> str:
        return xml_escape(text).encode("ascii", "xmlcharrefreplace").decode("ascii")

    base, full, short = _base_table(workdir)
    folder = workdir / "schools"
    folder.mkdir()
    with zipfile.ZipFile(base) as book:
        parts = {info.filename: book.read(info) for info in book.infolist()}
    for n in range(1, SCHOOLS + 1):
        with zipfile.ZipFile(folder / f"школа-{n:03}.xlsx", "w", zipfile.ZIP_DEFLATED) as out:
            for name, data in parts.items():
                if name.startswith("xl/worksheets/"):
                    data = (data.decode("utf-8").replace(escape(full), escape(f"{full} (филиал № {n})"))
                            .replace(escape(short), escape(f"{short}-{n}")).encode("utf-8"))
                out.writestr(name, data)
    return folder


def run(workdir: Path) -> dict:
    from curator_app.district import build_district_report, build_district_table, collect

    folder = _school_files(workdir)
    start = time.perf_counter()
    found = collect([folder])
    found.check()
    build_district_table(found.rows, workdir / "район.xlsx", found.notes)
    table = time.perf_counter() - start
    assert len(found.rows) == SCHOOLS, len(found.rows)
    start = time.perf_counter()
    build_district_report(found.rows, workdir / "район.pdf", day=DAY)
    report = time.perf_counter() - start
    shutil.rmtree(folder)
    return {"district_table_300_schools_s": round(table, 3), "district_report_300_schools_s": round(report, 3),
            "schools": len(found.rows)}
