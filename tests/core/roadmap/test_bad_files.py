"""Roadmap files that would eat the machine or end in a traceback, and the text import that grew
quadratically (40,000 lines took 44 s: each continuation line was added to a growing string)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from curator_app.errors import CuratorError
from curator_app.roadmap.sources import parse_file, parse_text
from tests.core import badfiles

REFUSED = {
    "far.xlsx": "1 048 576 строк при пределе 100 000",
    "far-declared.xlsx": "заявлен размер листа 1 048 576 строк",
    "dtd.xlsx": "объявление DTD",
    "bomb.xlsx": "распаковывается в 1073 МБ при пределе 150 МБ",
    "broken.xlsx": "не читается как книга Excel",
    "no-sheets.xlsx": "не читается как книга Excel",
    "long-cell.xlsx": "больше 32 767 знаков",
}


@pytest.fixture(scope="module")
def bad(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bad")
    return {
        "far.xlsx": badfiles.far_cell(folder / "far.xlsx"),
        "far-declared.xlsx": badfiles.far_cell(folder / "far-declared.xlsx", declared_only=True),
        "dtd.xlsx": badfiles.with_dtd(folder / "dtd.xlsx"),
        "bomb.xlsx": badfiles.zip_bomb(folder / "bomb.xlsx"),
        "broken.xlsx": badfiles.broken_sheet(folder / "broken.xlsx"),
        "no-sheets.xlsx": badfiles.no_sheets(folder / "no-sheets.xlsx"),
        "long-cell.xlsx": badfiles.long_cell_xlsx(folder / "long-cell.xlsx"),
    }


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_bad_roadmap_file_is_refused_in_russian(bad: dict[str, Path], name: str) -> None:
    with pytest.raises(CuratorError, match=REFUSED[name]):
        parse_file(bad[name])


def test_a_docx_with_a_zip_bomb_is_refused(tmp_path: Path) -> None:
    bomb = badfiles.zip_bomb(tmp_path / "карта.docx")
    with pytest.raises(CuratorError, match="распаковывается в 1073 МБ"):
        parse_file(bomb)


def test_text_beyond_the_line_limit_is_refused(tmp_path: Path) -> None:
    text = "№\tМероприятие\tСроки\n" + "1\tСовещание\tсентябрь 2026\n" * 20_000
    with pytest.raises(CuratorError, match="20 001 строк при пределе 20 000"):
        parse_text(text)
    path = tmp_path / "карта.txt"
    path.write_text(text, encoding="utf-16")  # and a UTF-16 text file is read as text, then refused the same
    with pytest.raises(CuratorError, match="«карта.txt»: 20 001 строк при пределе 20 000"):
        parse_file(path)


def _continued(lines: int) -> str:
    """One event whose title goes on for ``lines`` lines (text pasted out of a PDF)."""
    rows = ["№\tМероприятие\tСроки", "1\tНачало работы\tсентябрь 2026"]
    rows += [f"\tслово{i} {'продолжение текста мероприятия ' * 10}\t" for i in range(lines)]
    return "\n".join(rows)


def _seconds(text: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        parsed = parse_text(text)
        best = min(best, time.perf_counter() - started)
    assert len(parsed.events) == 1 and parsed.events[0].title.endswith("мероприятия")
    return best


def test_text_import_grows_linearly() -> None:
    """Eight times the lines take about eight times as long (the quadratic join took 28 times)."""
    small, large = _seconds(_continued(1_500), runs=3), _seconds(_continued(12_000), runs=1)
    assert large < 14 * small + 0.1, (small, large)
