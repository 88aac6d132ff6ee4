"""Survey answer tables that ended in a traceback or would eat the machine: a one-column CSV (the sniffer
gives up), a broken .xlsx, UTF-16, a 1 MB cell, a zip bomb, a sheet reaching XFD1048576 — each is read or
refused with a Russian message, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from curator_app.errors import CuratorError
from curator_app.monitoring.answers_import import read_table
from tests.core import badfiles

REFUSED = {
    "far.xlsx": "1 048 576 строк при пределе 100 000",
    "dtd.xlsx": "объявление DTD",
    "bomb.xlsx": "распаковывается в 1073 МБ при пределе 150 МБ",
    "broken.xlsx": "Не удалось прочитать «broken.xlsx» как таблицу Excel",
    "no-sheets.xlsx": "Не удалось прочитать «no-sheets.xlsx» как таблицу Excel",
    "huge-cell.csv": "больше 32 767 знаков",
    "unclosed-quote.csv": "больше 32 767 знаков",
    "binary.csv": "не текст|не читается в кодировке",
}


@pytest.fixture(scope="module")
def bad(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bad")
    files = badfiles.csv_files(folder)
    files["far.xlsx"] = badfiles.far_cell(folder / "far.xlsx")
    files["dtd.xlsx"] = badfiles.with_dtd(folder / "dtd.xlsx")
    files["bomb.xlsx"] = badfiles.zip_bomb(folder / "bomb.xlsx")
    files["broken.xlsx"] = badfiles.broken_sheet(folder / "broken.xlsx")
    files["no-sheets.xlsx"] = badfiles.no_sheets(folder / "no-sheets.xlsx")
    return files


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_bad_answers_file_is_refused_in_russian(bad: dict[str, Path], name: str) -> None:
    with pytest.raises(CuratorError, match=REFUSED[name]):
        read_table(bad[name])


def test_one_column_and_utf16_tables_are_read(bad: dict[str, Path]) -> None:
    assert read_table(bad["one-column.csv"]) == (["ФИО"], [["Иванов Иван Иванович"]])
    for name in ("utf16.csv", "utf16-no-bom.csv"):
        headers, rows = read_table(bad[name])
        assert headers == ["ФИО", "Класс", "Дата рождения"] and rows[1][0] == "Петрова Анна Сергеевна"
