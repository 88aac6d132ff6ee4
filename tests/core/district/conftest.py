"""Three demo schools of different sizes, each with its monitoring table, for the district's tests."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from curator_app.db import close_database, open_database
from tests.conftest import DEMO_DAY

# (file stem, mentees, mentors, seed, short name, full name): a name beginning with «=» must stay text
SCHOOLS = [
    ("small", 40, 10, 11, "МКОУ «ООШ с. Ивановка»",
     "Муниципальное казённое общеобразовательное учреждение «Основная общеобразовательная школа с. Ивановка»"),
    ("middle", 150, 35, 12, "=МБОУ «СОШ № 3»",
     "=Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 3»"),
    ("large", 420, 80, 13, "МАОУ «Лицей № 1»", "Муниципальное автономное общеобразовательное учреждение «Лицей № 1»"),
]


@dataclass
class School:
    db: Path  # the school's own database (closed)
    table: Path  # its monitoring table with the row sheet, «по состоянию на» DEMO_DAY
    info: dict[str, Any]  # what ``info`` prints for it
    row: dict[str, Any]  # its row computed from the open database on DEMO_DAY


@pytest.fixture(scope="session")
def _schools(tmp_path_factory: pytest.TempPathFactory) -> list[School]:
    from curator_app.demo import fill_demo
    from curator_app.district import build_school_table, school_row
    from curator_app.monitoring import analyse, latest_wave
    from curator_app.settings import update_school
    from curator_app.stats import counts

    folder = tmp_path_factory.mktemp("district")
    made = []
    for stem, mentees, mentors, seed, short, full in SCHOOLS:
        db = folder / f"{stem}.sqlite"
        open_database(db)
        fill_demo(mentees=mentees, mentors=mentors, seed=seed, today=DEMO_DAY)
        update_school(short_name=short, full_name=full)
        wave = latest_wave(with_responses=True)
        assert wave is not None
        table = build_school_table(analyse(wave.id), folder / f"{stem}.xlsx", DEMO_DAY)
        made.append(School(db, table, counts(), school_row(DEMO_DAY).values))
        close_database()
    return made


@pytest.fixture
def schools(_schools: list[School], tmp_path: Path) -> list[School]:
    """The three schools, their files copied into this test's own folder."""
    result = []
    for school in _schools:
        db, table = tmp_path / school.db.name, tmp_path / school.table.name
        shutil.copyfile(school.db, db)
        shutil.copyfile(school.table, table)
        result.append(School(db, table, dict(school.info), dict(school.row)))
    return result
