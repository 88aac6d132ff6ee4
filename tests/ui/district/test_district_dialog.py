"""Файл → Сводка по школам…: files and a folder in, each file's outcome, the preview, saving XLSX and PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot

from curator_app.backup import write_backup
from curator_app.db import current_path
from curator_app.district import COLUMNS
from curator_app.models import Person
from tests.core.district.conftest import School
from ui.common.context import AppContext
from ui.district.dialog import DistrictDialog
from ui.main_window import MainWindow

SHOTS = Path("/work/brief/shots")
INFO_KEYS = ("mentors", "mentees", "mentorships", "mentorships_active")


def _read(qtbot: QtBot, dialog: DistrictDialog) -> None:
    qtbot.waitUntil(lambda: dialog.found is not None, timeout=30000)


def test_dialog_sums_tables_and_an_encrypted_backup_and_saves_both(
        qtbot: QtBot, demo_db: Path, schools: list[School], tmp_path: Path) -> None:
    usb = tmp_path / "флешка"
    usb.mkdir()
    write_backup(usb, schools[0].db, password="Весна-2027", keep=10)  # the small school sends its backup
    people = Person.select().count()
    dialog = DistrictDialog()
    qtbot.addWidget(dialog)
    dialog.password.setText("Весна-2027")
    dialog.add_paths([schools[1].table, schools[2].table, usb])
    dialog.show()
    _read(qtbot, dialog)
    assert [r.kind for r in dialog.files_model.rows] == ["ok", "ok", "ok"], dialog.status.text()
    assert current_path() == demo_db and Person.select().count() == people  # the window's database untouched
    shown = dialog.preview.rows
    assert len(shown) == 4 and shown[-1]["full_name"] == "Итого"
    for school in schools:
        row = next(r for r in shown if r["full_name"] == school.row["full_name"])
        assert {k: row[k] for k in INFO_KEYS} == {k: school.info[k] for k in INFO_KEYS}
    assert shown[-1]["mentees"] == sum(s.info["mentees"] for s in schools)
    dialog.preview.sort(COLUMNS.index(next(c for c in COLUMNS if c.key == "mentees")))
    assert dialog.preview.rows[-1]["full_name"] == "Итого"  # «Итого» stays last in any order
    assert dialog.save_xlsx.isEnabled() and dialog.save_pdf.isEnabled()
    assert "ниже целевого охвата" in dialog.status.text()
    assert dialog.grab().save(str(tmp_path / "district_dialog.png"))
    if SHOTS.is_dir():
        dialog.grab().save(str(SHOTS / "district_dialog.png"))

    dialog.district.setText("Управление образования г. Калуги")
    dialog.save_to("xlsx", tmp_path / "район.xlsx")
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=30000)
    sheet = load_workbook(tmp_path / "район.xlsx").active
    assert sheet.max_row >= 5 and sheet.cell(5, 1).value == "Итого"
    dialog.save_to("pdf", tmp_path / "район.pdf")
    qtbot.waitUntil(lambda: dialog.saved == tmp_path / "район.pdf", timeout=30000)
    assert (tmp_path / "район.pdf").read_bytes().startswith(b"%PDF")
    assert "Сохранено" in dialog.status.text()


def test_a_broken_file_is_named_and_blocks_saving_until_removed(
        qtbot: QtBot, demo_db: Path, schools: list[School], tmp_path: Path) -> None:
    junk = tmp_path / "письмо.xlsx"
    junk.write_bytes(b"not a spreadsheet")
    dialog = DistrictDialog()
    qtbot.addWidget(dialog)
    dialog.add_paths([schools[0].table, junk])
    _read(qtbot, dialog)
    outcomes = {r.path.name: (r.kind, r.outcome) for r in dialog.files_model.rows}
    assert outcomes["письмо.xlsx"] == ("error", "не таблица Excel (.xlsx) и не резервная копия «Куратора»")
    assert outcomes[schools[0].table.name] == ("ok", "прочитан")
    assert not dialog.save_xlsx.isEnabled() and "Не прочитано: 1" in dialog.status.text()
    row = next(i for i, r in enumerate(dialog.files_model.rows) if r.path == junk)
    dialog.files_view.selectionModel().select(
        dialog.files_model.index(row, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    dialog.remove_selected()
    _read(qtbot, dialog)
    assert dialog.paths == [schools[0].table] and dialog.save_xlsx.isEnabled()


def test_the_file_menu_opens_the_summary(qtbot: QtBot, demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = MainWindow(AppContext())
    qtbot.addWidget(window)
    action = next(a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "Сводка по школам…")
    action.trigger()
    dialog = window.findChild(DistrictDialog)
    assert dialog is not None and dialog.isVisible() and dialog.windowTitle() == "Сводка по школам"
    dialog.close()


def test_the_monitoring_tabs_table_carries_the_row_for_the_district(qtbot: QtBot, demo_db: Path,
                                                                    tmp_path: Path) -> None:
    from curator_app.district import read_school_table
    from curator_app.stats import counts
    from ui.monitoring.tab import MonitoringTab

    tab = MonitoringTab(AppContext())
    qtbot.addWidget(tab)
    tab.show()
    tab.activate()
    tab.pages.setCurrentWidget(tab.analytics)
    qtbot.waitUntil(lambda: tab.analytics.analytics is not None, timeout=10000)
    table = tmp_path / "таблица.xlsx"
    tab.analytics.export_to("xlsx", str(table))
    qtbot.waitUntil(table.exists, timeout=15000)
    row, info = read_school_table(table), counts()
    assert {k: row[k] for k in INFO_KEYS} == {k: info[k] for k in INFO_KEYS}
