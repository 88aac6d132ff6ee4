"""The first-run page: on any new database (the first start, «Создать базу…», «Открыть базу…» of an empty
file), never on one with people; requisites checked next to their fields; a list with mistakes is not loaded
behind the curator's back; «Перейти к программе» keeps what was typed right."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from curator_app.models import Person
from curator_app.settings import load_school
from ui.common import files
from ui.common.context import AppContext
from ui.main_window import MainWindow


def _window(qtbot: QtBot) -> MainWindow:
    window = MainWindow(AppContext())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def test_a_new_database_opens_on_the_first_run_page(qtbot: QtBot, db: Path) -> None:
    window = _window(qtbot)
    assert window.on_first_run and window.first_run is not None and window.first_run.isVisible()
    assert not window.tabs.isVisible()


def test_a_school_with_people_opens_on_the_tabs(qtbot: QtBot, demo_db: Path) -> None:
    assert not _window(qtbot).on_first_run


def test_another_new_database_brings_the_page_back(qtbot: QtBot, demo_db: Path, tmp_path: Path) -> None:
    window = _window(qtbot)
    assert window.switch_database(tmp_path / "новая.sqlite")  # «Создать базу…» and «Открыть базу…» end here
    assert window.on_first_run
    assert window.switch_database(demo_db)
    assert not window.on_first_run and window.tabs.isVisible()


def test_requisites_are_checked_before_anything_is_loaded(qtbot: QtBot, db: Path) -> None:
    page = _window(qtbot).first_run
    assert page is not None
    page.form.full_name.setPlainText("МБОУ «СОШ № 5»")
    page.form.director_name.setText("смирнова")
    page.start_button.click()
    assert "Смирнова Ольга Викторовна" in page.form.errors["director_name"].text()
    assert page.form.errors["city"].isVisible() and "Проверьте реквизиты" in page.status.text()
    assert not load_school().full_name and not Person.select().exists()


def test_a_list_with_mistakes_is_not_loaded_behind_the_curators_back(qtbot: QtBot, db: Path, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["ФИО", "Класс", "Дата рождения", "Запрос"])
    sheet.append(["Орлов Иван Петрович", "7 б", dt.datetime(2013, 3, 1), "математика"])
    sheet.append(["Белова Мария Ивановна", "6 а", "31.02.2014", "чтение"])  # no such day
    book.save(tmp_path / "наставляемые.xlsx")
    page = _window(qtbot).first_run
    assert page is not None
    monkeypatch.setattr(files, "ask_open", lambda *a, **k: tmp_path / "наставляемые.xlsx")
    page.mentees.choose_button.click()
    qtbot.waitUntil(lambda: page.mentees.plan is not None, timeout=10000)
    assert "Строки с ошибками: 3" in page.mentees.state.text()
    assert page.start_button.text() == "Загрузить список"
    page.form.full_name.setPlainText("МБОУ «СОШ № 5»")
    page.form.city.setText("г. Калуга")
    page.form.director_name.setText("Смирнова Ольга Викторовна")
    page.form.curator_name.setText("Васильева Наталья Андреевна")
    page.start_button.click()
    assert "строки с ошибками" in page.status.text() and not Person.select().exists()


def test_going_on_without_lists_keeps_the_requisites(qtbot: QtBot, db: Path) -> None:
    window = _window(qtbot)
    page = window.first_run
    assert page is not None
    page.form.full_name.setPlainText("Муниципальное бюджетное общеобразовательное учреждение «Гимназия № 2»")
    page.form.city.setText("г. Тула")
    page.form.director_name.setText("Смирнова Ольга Викторовна")
    page.form.curator_name.setText("Васильева Наталья Андреевна")
    [skip] = [b for b in page.findChildren(type(page.start_button)) if b.text() == "Перейти к программе"]
    skip.click()
    assert not window.on_first_run and window.tabs.isVisible()
    assert load_school().short_name == "МБОУ «Гимназия № 2»" and load_school().is_complete


def test_the_demo_school_opens_in_its_own_file(qtbot: QtBot, db: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import curator_app.demo
    import curator_app.paths
    from tests.conftest import DEMO_DAY

    real = curator_app.demo.fill_demo
    monkeypatch.setattr(curator_app.paths, "user_data_dir", lambda: tmp_path / "данные")
    monkeypatch.setattr(curator_app.demo, "fill_demo", lambda: real(mentees=20, mentors=6, seed=3, today=DEMO_DAY))
    (tmp_path / "данные").mkdir()
    window = _window(qtbot)
    assert window.on_first_run
    window.open_demo()
    qtbot.waitUntil(lambda: not window.on_first_run, timeout=30000)
    assert window.ctx.db_path == tmp_path / "данные" / "demo-school.sqlite" and Person.select().count() == 26
    assert "Наставляемых: 20" in window.counts_label.text()
