"""Bank sheets that would eat the machine or end in a traceback: each is refused before any cell is read,
with a Russian message naming the limit; ordinary odd files (UTF-16, one column) are read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from curator_app.banks import read as rd
from curator_app.cli import main
from curator_app.errors import CuratorError
from tests.core import badfiles

REFUSED = {  # file → what the message must say
    "far.xlsx": "1 048 576 строк при пределе 100 000",
    "far-declared.xlsx": "заявлен размер листа 1 048 576 строк при пределе 100 000",
    "dtd.xlsx": "объявление DTD",
    "bomb.xlsx": "распаковывается в 1073 МБ при пределе 150 МБ",
    "long-cell.xlsx": "больше 32 767 знаков",
    "broken.xlsx": "не читается как (книга Excel|таблица)",
    "no-sheets.xlsx": "не читается|не найдена строка заголовков|нет листов",
    "huge-cell.csv": "больше 32 767 знаков",
    "unclosed-quote.csv": "больше 32 767 знаков",
    "binary.csv": "не текст|не читается в кодировке",
}


@pytest.fixture(scope="module")
def bad(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bad")
    files = badfiles.csv_files(folder)
    files["far.xlsx"] = badfiles.far_cell(folder / "far.xlsx")
    files["far-declared.xlsx"] = badfiles.far_cell(folder / "far-declared.xlsx", declared_only=True)
    files["dtd.xlsx"] = badfiles.with_dtd(folder / "dtd.xlsx")
    files["bomb.xlsx"] = badfiles.zip_bomb(folder / "bomb.xlsx")
    files["long-cell.xlsx"] = badfiles.long_cell_xlsx(folder / "long-cell.xlsx")
    files["broken.xlsx"] = badfiles.broken_sheet(folder / "broken.xlsx")
    files["no-sheets.xlsx"] = badfiles.no_sheets(folder / "no-sheets.xlsx")
    return files


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_bad_sheet_is_refused_with_the_limit_named(bad: dict[str, Path], name: str) -> None:
    assert bad["far.xlsx"].stat().st_size < 3000 and bad["bomb.xlsx"].stat().st_size < 1_200_000
    with pytest.raises(CuratorError, match=REFUSED[name]):
        rd.read_sheet(bad[name])


@pytest.mark.parametrize("name", ["utf16.csv", "utf16-no-bom.csv", "one-column.csv"])
def test_ordinary_odd_csv_is_read(bad: dict[str, Path], name: str) -> None:
    if name == "one-column.csv":
        assert [r[1] for r in rd.read_sheet(bad[name]).rows] == [["Иванов Иван Иванович"]]
        return
    sheet = rd.read_sheet(bad[name])
    assert sheet.headers == ["ФИО", "Класс", "Дата рождения"]
    assert [r[1][0] for r in sheet.rows] == ["Иванов Иван Иванович", "Петрова Анна Сергеевна"]


def test_too_many_rows_are_refused(tmp_path: Path) -> None:
    with pytest.raises(CuratorError, match="больше 100 000 строк"):
        rd.read_sheet(badfiles.many_rows_csv(tmp_path / "many.csv", 100_001))


def test_cli_import_says_one_line_without_traceback(bad: dict[str, Path], db: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from curator_app.db import close_database

    close_database()
    for name in ("far.xlsx", "bomb.xlsx", "huge-cell.csv"):
        code = main(["--db", str(db), "import", "bank", "mentees", str(bad[name])])
        err = capsys.readouterr().err
        assert code == 1 and err.startswith("Ошибка: ") and err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.skipif(os.name == "nt", reason="ru_maxrss is POSIX")
def test_memory_stays_small_on_every_bad_file(bad: dict[str, Path]) -> None:
    """The attack measured ~3 GB on the 2 KB sheet and 2 GB on the 1 MB bomb; refused, they cost nothing."""
    code = ("from curator_app.banks.read import read_sheet\nfrom curator_app.errors import CuratorError\n"
            f"for name in {sorted(REFUSED)!r}:\n"
            "    try:\n"
            f"        read_sheet({str(next(iter(bad.values())).parent)!r} + '/' + name)\n"
            "    except CuratorError:\n"
            "        pass\n"
            "    else:\n"
            "        raise SystemExit(name)\n")
    returncode, err, peak = badfiles.peak_memory(code)
    assert returncode == 0, err
    assert 0 < peak < 200, peak
