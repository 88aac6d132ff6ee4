"""The bank tabs, the person card, the import dialog and the rollover dialog, driven like a curator would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from curator_app import settings
from curator_app.models import Consent, Mentee, Person
from tests.core.banks.test_import import mentee_sheet
from ui.banks.import_dialog import BankImportDialog
from ui.banks.person_card import PersonCard
from ui.banks.rollover_dialog import RolloverDialog
from ui.banks.tab import MenteesTab, MentorsTab
from ui.common.context import AppContext


@pytest.fixture(autouse=True)
def _quiet_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))


def test_import_dialog_remembers_the_mapping(qtbot: QtBot, db: Path, tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text("ФИО;Класс;Дата рождения;Особые отметки\nБелова Мария Ивановна;5 а;01.02.2015;чтение\n",
                    encoding="utf-8")
    dialog = BankImportDialog(AppContext(), "mentee", path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)
    assert 3 not in dialog.mapping()  # «Особые отметки» is not recognised
    combo = dialog.combos[3]
    combo.setCurrentIndex(combo.findData("key_request"))
    assert dialog.plan is None and not dialog.import_button.isEnabled()
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)
    with qtbot.waitSignal(dialog.ctx.changed, timeout=10000):
        dialog.import_button.click()
    assert Mentee.get().key_request == "чтение"
    again = BankImportDialog(AppContext(), "mentee", path)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.plan is not None, timeout=10000)
    assert again.mapping()[3] == "key_request" and len(again.plan.updated) == 1


def test_mentees_tab_search_filters_and_counts(qtbot: QtBot, demo_db: Path, tmp_path: Path) -> None:
    tab = MenteesTab(AppContext())
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    tab.activate()
    assert tab.model.rowCount() == 120 and "Показано: 120 из 120" in tab.count_label.text()
    someone = tab.model.rows[5]
    tab.search.setText(someone.last_name.upper().replace("Е", "Ё"))  # case and ё do not matter
    assert someone.id in [r.id for r in tab.model.rows]
    assert all(someone.last_name.lower()[:-1] in r.full_name.lower() for r in tab.model.rows)
    assert f"Показано: {tab.model.rowCount()} из 120" in tab.count_label.text()
    tab.search.setText("")
    tab.status_combo.setCurrentIndex(tab.status_combo.findData("in_pair"))
    assert 0 < tab.model.rowCount() < 120 and all(r.partners for r in tab.model.rows)
    tab.status_combo.setCurrentIndex(0)
    tab.grade_combo.setCurrentIndex(tab.grade_combo.findData(7))
    assert all(r.grade == 7 for r in tab.model.rows)
    tab.grade_combo.setCurrentIndex(0)
    tab.view.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # birth date, youngest first
    dates = [r.birth_date for r in tab.model.rows]
    assert dates == sorted(dates, reverse=True)
    assert tab.grab().save(str(tmp_path / "mentees.png"))


def test_bulk_archive_and_restore(qtbot: QtBot, demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("завершили программу", True)))
    tab = MenteesTab(AppContext())
    qtbot.addWidget(tab)
    tab.show()
    tab.activate()
    tab.view.selectRow(0)
    tab.view.selectionModel().select(tab.model.index(1, 0), tab.view.selectionModel().SelectionFlag.Select
                                     | tab.view.selectionModel().SelectionFlag.Rows)
    ids = tab.selected_ids()
    assert len(ids) == 2 and tab.archive_button.isEnabled()
    tab.archive_button.click()
    assert tab.model.rowCount() == 118
    assert Mentee.select().where(Mentee.archived_on.is_null(False)).count() == 2
    tab.status_combo.setCurrentIndex(tab.status_combo.findData("archived"))
    tab.view.selectAll()
    tab.restore_button.click()
    assert Mentee.select().where(Mentee.archived_on.is_null(False)).count() == 0


def test_column_choice_is_remembered(qtbot: QtBot, demo_db: Path) -> None:
    tab = MentorsTab(AppContext())
    qtbot.addWidget(tab)
    tab.activate()
    tab.column_actions[2].setChecked(False)
    again = MentorsTab(AppContext())
    qtbot.addWidget(again)
    again.activate()
    assert again.view.isColumnHidden(2) and not again.view.isColumnHidden(1)
    assert "category" in settings.get("bank.hidden_columns.mentor")


def test_person_card_shows_errors_next_to_fields_then_saves(qtbot: QtBot, db: Path, tmp_path: Path) -> None:
    card = PersonCard(AppContext(), "mentee", None)
    qtbot.addWidget(card)
    card.show()
    card.editors["first_name"].setText("Пётр")
    card.editors["birth_date"].setText("31.02.2013")
    card.save()
    assert card.isVisible() and card.errors["last_name"].isVisible() and card.errors["grade"].isVisible()
    assert "31.02.2013" in card.errors["birth_date"].text()
    card.editors["last_name"].setText("  иванов ")
    card.editors["birth_date"].setText("05.03.2013")
    card.grade.setValue(7)
    card.grade_letter.setText("б")
    card.editors["key_request"].setPlainText("адаптация в новом классе")
    card.save()
    assert not card.isVisible() and card.changed
    person = Person.get()
    assert (person.full_name, person.grade_label, person.birth_date) == ("Иванов Пётр", "7Б", dt.date(2013, 3, 5))
    again = PersonCard(AppContext(), "mentee", person.id)
    qtbot.addWidget(again)
    again.show()
    assert again.editors["key_request"].toPlainText() == "адаптация в новом классе"
    consent = again.consent
    assert "Нет согласия" in consent.status.text()
    assert consent.signed_by.currentData() == "guardian"  # a minor: the guardian signs
    consent.record()
    assert not consent.errors["guardian_name"].isHidden()
    consent.guardian_name.setText("Иванова Анна Петровна")
    consent.guardian_document.setText("свидетельство о рождении")
    consent.record()
    assert Consent.get().signed_by == "guardian" and "действует" in consent.status.text()
    again.tabs.setCurrentIndex(2)
    shots = Path("/work/brief/shots")
    target = shots if shots.is_dir() else tmp_path
    assert again.grab().save(str(target / "bank_person_card_consent.png"))
    again.tabs.setCurrentIndex(0)
    assert again.grab().save(str(target / "bank_person_card.png"))


def test_import_dialog_preview_and_import(qtbot: QtBot, db: Path, tmp_path: Path) -> None:
    ctx = AppContext()
    dialog = BankImportDialog(ctx, "mentee", mentee_sheet(tmp_path / "bank.xlsx"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)  # the file is checked on a worker thread
    assert len(dialog.plan.added) == 4 and not dialog.progress.isVisible()
    assert "отклонено строк: <b" in dialog.summary.text()
    assert list(dialog.preview.rows[0][:3]) == [11, "отклонена", "Дата рождения"]
    dialog.start_import()  # all or nothing: refused with the rows named
    assert Person.select().count() == 0 and dialog.task is None
    dialog.skip_invalid.setChecked(True)
    with qtbot.waitSignal(ctx.changed, timeout=10000):
        dialog.start_import()
    assert Person.select().count() == 4 and dialog.result["rejected"] == 1


def test_import_can_be_cancelled(qtbot: QtBot, db: Path, tmp_path: Path) -> None:
    dialog = BankImportDialog(AppContext(), "mentee", mentee_sheet(tmp_path / "big.xlsx", bad_date=False, extra=3000))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=20000)
    dialog.start_import()
    dialog.cancel_import()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20000)
    assert Person.select().count() == 0
    assert "отменён" in dialog.summary.text()


def test_rollover_dialog(qtbot: QtBot, demo_db: Path) -> None:
    from curator_app.banks import plan_rollover

    year = settings.load_school().academic_year
    dialog = RolloverDialog(AppContext(), plan_rollover(today=dt.date(2099, 6, 1)))
    qtbot.addWidget(dialog)
    dialog.apply()
    assert settings.load_school().academic_year != year
    assert Person.select().where(Person.category == "graduate").exists()


def test_main_window_has_the_new_year_action(qtbot: QtBot, demo_db: Path) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(AppContext())
    qtbot.addWidget(window)
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert texts.index("Новый учебный год…") == texts.index("Восстановить из копии…") + 1


def test_export_respects_the_filter_and_delete_asks(qtbot: QtBot, db: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    from curator_app.banks import people

    for last, grade in (("Семёнов", 7), ("Петров", 7), ("Орлов", 8)):
        people.save_person("mentee", {"last_name": last, "first_name": "Иван", "category": "pupil", "grade": grade},
                           {})
    tab = MenteesTab(AppContext())
    qtbot.addWidget(tab)
    tab.show()
    tab.activate()
    tab.grade_combo.setCurrentIndex(tab.grade_combo.findData(7))
    target = tmp_path / "седьмые"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    tab.export_button.click()
    ws = load_workbook(tmp_path / "седьмые.xlsx").active
    assert sorted(ws.cell(row=r, column=1).value for r in (5, 6)) == ["Петров Иван", "Семёнов Иван"]
    assert ws.cell(row=7, column=1).value is None
    tab.search.setText("семенов")  # ё folded
    assert [r.last_name for r in tab.model.rows] == ["Семёнов"]
    tab.view.selectRow(0)
    tab.delete_button.click()
    assert [r.last_name for r in tab.model.rows] == []
    assert not Person.select().where(Person.last_name == "Семёнов").exists()


def test_typing_on_narrows_the_shown_rows_and_matches_a_fresh_filter(demo_db: Path) -> None:
    from curator_app.banks import BankFilter, bank_rows, filter_rows
    from ui.banks.model import BankTableModel

    model = BankTableModel("mentee")
    model.set_rows(bank_rows("mentee"))
    model.sort(3, Qt.SortOrder.DescendingOrder)
    for text in ("а", "ал", "але", "ал", "", "7", "7б"):
        model.set_filter(BankFilter(text=text))
        fresh = filter_rows(model.all_rows, BankFilter(text=text))
        assert sorted(r.id for r in model.rows) == sorted(r.id for r in fresh)
        dates = [r.birth_date for r in model.rows]
        assert dates == sorted(dates, reverse=True)
