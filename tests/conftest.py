"""Shared fixtures. Qt must run headless: the platform is set before anything imports Qt."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import pytest  # noqa: E402

from curator_app.db import close_database, open_database  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
# The day the demo school is built on: every fixture takes a fixed date, so the suite passes on any day.
DEMO_DAY = dt.date(2026, 11, 16)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Path]:
    """A new, empty Curator database, open for the test."""
    path = open_database(tmp_path / "curator.sqlite")
    yield path
    close_database()


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from curator_app.demo import fill_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    open_database(path)
    fill_demo(mentees=120, mentors=30, seed=7, today=DEMO_DAY)
    close_database()
    return path


@pytest.fixture
def demo_db(tmp_path: Path, _demo_template: Path) -> Iterator[Path]:
    """A small demo school (120 mentees, 30 mentors), a fresh copy for each test, open."""
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(_demo_template, path)
    opened = open_database(path)
    yield opened
    close_database()


@pytest.fixture
def seeds() -> Path:
    """The real roadmaps in ../shared/seeds; the test is skipped where that folder is absent."""
    if not SEEDS.is_dir():
        pytest.skip(f"нет папки с реальными дорожными картами: {SEEDS}")
    return SEEDS
