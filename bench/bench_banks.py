"""The banks on a 20,000-person school, each figure beside its floor: opening the mentee tab (16,000 rows)
against one bare SQL query of its rows; a search keystroke against one SQL query with LIKE; importing 10,000
rows from each format a school sends (.xlsx, .xls, .ods, CSV) against reading them with the bare reader;
exporting 20,000 rows against writing them with bare openpyxl. Also the memory peak of an import and of the
open tab, and how the import grows with the list's size."""

from __future__ import annotations

import csv
import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

from common import demo_database, growth, paired, peak_rss_mb

FORMATS = ("xlsx", "xls", "ods", "csv")
# Ratios to the floor (see common.paired), memory peaks in MB, the growth exponent (1 is linear).
TARGETS: dict[str, object] = {
    "open_tab_16000": {"ratio": 2.0}, "keystroke": {"ratio": 2.0}, "export_20000": {"ratio": 1.0},
    **{f"import_10000_{fmt}": {"ratio": 10.0} for fmt in FORMATS},  # every cell checked and cleaned
    "peak_rss_import_10000_mb": 300, "peak_rss_open_tab_16000_mb": 300, "import_growth": {"exponent": 1.2}}


def _rows(n: int) -> list[list[object]]:
    abc = "абвгдежзиклмнопрстуфхцчшэюя"
    rows: list[list[object]] = [["Банк наставляемых МБОУ «СОШ № 1»"], [],
                                ["№", "ФИО", "Класс", "Дата рождения", "Телефон родителя", "Ключевой запрос",
                                 "Согласие на обработку ПД", "Дата согласия", "Пол"]]
    for i in range(n):
        word = abc[i % 27] + abc[(i // 27) % 27] + abc[(i // 729) % 27]
        rows.append([i + 1, f"Фамилия{word} Имя{word} Отчество{word}", f"{5 + i % 7} {'абв'[i % 3]}",
                     dt.datetime(2010 + i % 5, 1 + i % 12, 1 + i % 28) if i % 2 else f"{1 + i % 28:02d}.03.2012",
                     "+7 910 123-45-67", "подготовка к олимпиаде", "да, 02.09.2026" if i % 3 else "да",
                     dt.datetime(2026, 9, 1) if i % 3 == 1 else None, "жм"[i % 2]])
    rows.append(["Итого: чел."])
    return rows


def _write_csv(path: Path, rows: list[list[object]]) -> None:
    """Windows-1251, «;»: a list as a school's system exports it."""
    with path.open("w", encoding="cp1251", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(
            [f"{v:%d.%m.%Y}" if isinstance(v, dt.datetime) else "" if v is None else v for v in row] for row in rows)


def _sheets(folder: Path, n: int) -> dict[str, Path]:
    """The same bank as .xlsx, .csv (Windows-1251, «;»), and .xls and .ods saved by LibreOffice, if present."""
    from openpyxl import Workbook

    rows = _rows(n)
    book = Workbook(write_only=True)
    ws = book.create_sheet("Банк")
    for row in rows:
        ws.append(row)
    paths = {"xlsx": folder / "import.xlsx", "csv": folder / "import.csv"}
    book.save(paths["xlsx"])
    _write_csv(paths["csv"], rows)
    soffice = shutil.which("soffice")
    for fmt in ("xls", "ods") if soffice else ():
        subprocess.run([str(soffice), "--headless", f"-env:UserInstallation={(folder / 'lo').as_uri()}",
                        "--convert-to", fmt, "--outdir", str(folder), str(paths["xlsx"])], check=True,
                       capture_output=True, timeout=600)
        paths[fmt] = paths["xlsx"].with_suffix(f".{fmt}")
    return paths


FLOOR_SQL = """SELECT p.*, b.*, f.name FROM mentee b JOIN person p ON p.id = b.person_id
               LEFT JOIN mentoring_form f ON f.id = b.form_id"""
SEARCHES = ("а", "ал", "але", "алек", "алекс", "алек", "але", "ал", "а", "", "7", "7б", "7", "",
            "ИВАН", "иванов", "")


def _open_tab(app: object, ctx: object) -> None:
    from ui.banks.tab import MenteesTab

    tab = MenteesTab(ctx)  # type: ignore[arg-type]
    tab.resize(1366, 700)
    tab.show()
    tab.activate()
    app.processEvents()  # type: ignore[attr-defined]  # the first paint of the table
    tab.close()
    tab.deleteLater()


def _bare_rows(db: Path, where: str = "", arg: tuple[str, ...] = ()) -> int:
    import sqlite3

    with sqlite3.connect(db) as con:
        return len(con.execute(FLOOR_SQL + where, arg).fetchall())


def _bare_read(path: Path) -> list[list[object]]:
    """The rows of the file as the bare reader gives them: calamine for books, the csv module for text."""
    if path.suffix == ".csv":
        with path.open(encoding="cp1251", newline="") as handle:
            return list(csv.reader(handle, delimiter=";"))
    from python_calamine import CalamineWorkbook

    with CalamineWorkbook.from_path(str(path)) as book:
        return book.get_sheet_by_index(0).to_python()


def _bare_import(path: Path, empty: Path, db: Path) -> None:
    """The least an import does: the rows read by the bare reader and written to the same three tables (the
    person, the mentee's profile, the consent) by one ``executemany`` each in one transaction — no checks,
    no cleaning, no search for people already there."""
    import sqlite3

    rows = [r for r in _bare_read(path)[3:] if len(r) > 2 and r[1]]
    shutil.copyfile(empty, db)
    con = sqlite3.connect(db)
    with con:
        con.executemany("INSERT INTO person (id, last_name, first_name, middle_name, category, search_text, created_at, "
                        "updated_at) VALUES (?, ?, ?, ?, 'pupil', ?, '2026-12-07', '2026-12-07')",
                        ([n, *(str(r[1]).split() + ["", "", ""])[:3], str(r[1]).lower()] for n, r in enumerate(rows, 1)))
        con.executemany("INSERT INTO mentee (person_id, key_request) VALUES (?, ?)",
                        ([n, r[5]] for n, r in enumerate(rows, 1)))
        con.executemany("INSERT INTO consent (person_id, kind, signed_by, signed_on) VALUES (?, 'processing', "
                        "'guardian', '2026-09-02')", ([n] for n in range(1, len(rows) + 1)))
    con.close()


def _import(path: Path, db: Path) -> None:
    from curator_app.banks import apply_import, plan_import
    from curator_app.db import close_database, open_database

    db.unlink(missing_ok=True)
    open_database(db)
    try:
        summary = apply_import(plan_import(path, "mentee", today=dt.date(2026, 12, 7)))
        assert summary["added"] >= 1000 and summary["ignored_columns"] == ["Пол"], summary
    finally:
        close_database()


def _bare_export(rows: list[object], path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Банк")
    for row in rows:
        sheet.append([None if v is None else str(v) for v in row[:12]])  # type: ignore[index]
    book.save(path)


def run(workdir: Path) -> dict[str, object]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    from curator_app.banks import BankFilter, bank_rows, export_bank, filter_rows
    from curator_app.db import close_database, open_database
    from ui.app import make_application
    from ui.common.context import AppContext

    app = make_application()
    db = demo_database(workdir)
    open_database(db)
    ctx = AppContext()
    _open_tab(app, ctx)  # the first tab of a session pays for imports and fonts
    figures: dict[str, object] = {
        "open_tab_16000": paired(lambda: _open_tab(app, ctx), lambda: _bare_rows(db), 5,
                                 floor_is="один запрос SQL строк вкладки")}
    from ui.banks.tab import MenteesTab

    tab = MenteesTab(ctx)
    tab.resize(1366, 700)
    tab.show()
    tab.activate()
    app.processEvents()
    words = iter(SEARCHES * 10)

    def keystroke() -> None:
        tab.search.setText(next(words))
        app.processEvents()

    floor_words = iter(SEARCHES * 10)
    figures["keystroke"] = paired(keystroke, lambda: _bare_rows(
        db, " WHERE p.search_text LIKE ?", (f"%{next(floor_words).lower()}%",)), len(SEARCHES),
        floor_is="один запрос SQL с LIKE", unit="ms")
    rows = filter_rows(bank_rows("mentee"), BankFilter(status=""))
    rows = (rows + rows)[:20000]
    figures["export_20000"] = paired(lambda: export_bank("mentee", workdir / "bank.xlsx", rows=rows),
                                     lambda: _bare_export(rows, workdir / "bare.xlsx"), 3,
                                     floor_is="те же строки голым openpyxl (write-only)")
    figures["mentees_in_bank"] = len(tab.model.all_rows)
    tab.close()
    close_database()

    sheets = _sheets(workdir, 10000)
    empty = workdir / "empty.sqlite"
    open_database(empty)
    close_database()
    for fmt, path in sheets.items():
        figures[f"import_10000_{fmt}"] = paired(
            lambda p=path, f=fmt: _import(p, workdir / f"i_{f}.sqlite"),
            lambda p=path, f=fmt: _bare_import(p, empty, workdir / f"bare_{f}.sqlite"), 3,
            floor_is="те же строки голым чтением (calamine / csv) и вставкой executemany в те же 3 таблицы")
    figures["peak_rss_import_10000_mb"] = peak_rss_mb(f"""
        import datetime as dt
        from curator_app.banks import apply_import, plan_import
        from curator_app.db import open_database
        open_database({str(workdir / 'rss.sqlite')!r})
        apply_import(plan_import({str(sheets['xlsx'])!r}, "mentee", today=dt.date(2026, 12, 7)))
    """)
    figures["peak_rss_open_tab_16000_mb"] = peak_rss_mb(f"""
        from curator_app.db import open_database
        from ui.app import make_application
        from ui.banks.tab import MenteesTab
        from ui.common.context import AppContext
        app = make_application()
        open_database({str(db)!r})
        tab = MenteesTab(AppContext())
        tab.resize(1366, 700)
        tab.show()
        tab.activate()
        app.processEvents()
    """, env={"QT_QPA_PLATFORM": "offscreen"})

    def import_csv(n: int) -> None:
        path = workdir / f"growth_{n}.csv"
        if not path.exists():
            _write_csv(path, _rows(n))
        _import(path, workdir / f"growth_{n}.sqlite")

    figures["import_growth"] = growth(import_csv, (1000, 4000, 16000), repeat=1)
    figures["load_average"] = round(os.getloadavg()[0], 2)
    return figures
