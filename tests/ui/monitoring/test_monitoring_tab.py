"""The «Мониторинг» tab: a questionnaire entered with the keyboard only, the analytics page, the templates."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from curator_app.models import Answer, Response
from curator_app.monitoring import roster, waves
from ui.common.context import AppContext
from ui.monitoring.entry_form import EntryForm
from ui.monitoring.tab import MonitoringTab


def _type(qtbot: QtBot, widget: object, text: str) -> None:
    """Digits and spaces as key presses (never Cyrillic), then Enter."""
    for char in text:
        key = Qt.Key.Key_Space if char == " " else getattr(Qt.Key, f"Key_{char}")
        qtbot.keyClick(widget, key)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_questionnaire_entered_with_the_keyboard_only(qtbot: QtBot, demo_db: Path) -> None:
    final = next(w for w in waves() if w.kind == "final")
    form = EntryForm(AppContext())
    qtbot.addWidget(form)
    form.show()
    form.set_wave(final.id)
    first = form.people[form.current]
    assert not first.answered
    answers_before = Response.select().count()
    for field in form.fields:
        qtbot.waitUntil(field.hasFocus, timeout=2000)
        kind = field.question.kind
        typed = {"scale": "9", "yes_no": "1", "single": "2", "multi": "1 3", "number": "4", "text": ""}[kind]
        if field.question.kind == "scale" and field is form.fields[-1]:
            typed = "10"
        _type(qtbot, field, typed)
    # the last Enter saved the questionnaire and opened the next respondent who has not answered
    qtbot.waitUntil(lambda: Response.select().count() == answers_before + 1, timeout=3000)
    saved = Response.get(Response.wave == final.id, Response.person == first.person_id)
    numbers = sorted({a.number for a in Answer.select().where(Answer.response == saved.id) if a.number is not None})
    assert 9 in numbers
    assert saved.source == "paper"
    nxt = form.people[form.current]
    assert nxt.person_id != first.person_id and not nxt.answered
    assert form.fields[0].hasFocus()
    assert "Сохранена анкета" in form.status.text()


def test_wrong_digit_keeps_the_focus_and_saves_nothing(qtbot: QtBot, demo_db: Path) -> None:
    final = next(w for w in waves() if w.kind == "final")
    form = EntryForm(AppContext())
    qtbot.addWidget(form)
    form.show()
    form.set_wave(final.id)
    scale = next(f for f in form.fields if f.question.kind == "scale")
    scale.setFocus()
    qtbot.waitUntil(scale.hasFocus, timeout=2000)
    before = Response.select().count()
    _type(qtbot, scale, "11")
    assert scale.hasFocus()
    assert "от 1 до 10" in form.status.text()
    assert Response.select().count() == before


def test_page_down_goes_to_the_next_respondent_who_has_not_answered(qtbot: QtBot, demo_db: Path) -> None:
    entry = next(w for w in waves() if w.kind == "entry")
    form = EntryForm(AppContext())
    qtbot.addWidget(form)
    form.show()
    form.set_wave(entry.id)
    start = form.current
    form.fields[0].setFocus()
    qtbot.waitUntil(form.fields[0].hasFocus, timeout=2000)
    qtbot.keyClick(form.fields[0], Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: form.current != start, timeout=3000)
    assert form.current != start and not form.people[form.current].answered


def test_tab_shows_waves_analytics_and_templates(qtbot: QtBot, demo_db: Path, tmp_path: Path) -> None:
    tab = MonitoringTab(AppContext())
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    tab.activate()
    assert tab.waves.waves_model.rowCount() == 2
    final = next(w for w in waves() if w.kind == "final")
    assert tab.waves.roster_model.rowCount() == len(roster(tab.waves.wave_id() or final.id))
    tab.pages.setCurrentWidget(tab.analytics)
    qtbot.waitUntil(lambda: tab.analytics.analytics is not None, timeout=10000)
    assert tab.analytics.items_model.rowCount() > 5
    assert tab.analytics.charts.count() == 4  # means, before/after, by role and form, coverage
    tab.analytics.conclusions.setPlainText("Программа реализуется успешно.")
    tab.analytics.save_conclusions.click()
    out = tmp_path / "справка.pdf"
    tab.analytics.export_to("pdf", str(out))
    qtbot.waitUntil(out.exists, timeout=15000)
    assert out.read_bytes()[:5] == b"%PDF-"
    tab.pages.setCurrentWidget(tab.templates)
    assert tab.templates.list_model.rowCount() == 5
    assert tab.templates.questions_model.rowCount() > 5


def test_main_window_does_not_load_qtcharts_at_start(demo_db: Path) -> None:
    import subprocess
    import sys

    code = ("import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'; from pathlib import Path; "
            "from curator_app.db import open_database; open_database(Path(sys.argv[1])); "
            "from ui.app import make_application; app = make_application(); "
            "from ui.common.context import AppContext; from ui.main_window import MainWindow; "
            "w = MainWindow(AppContext()); w.show(); app.processEvents(); "
            "before = 'PySide6.QtCharts' in sys.modules; w.show_tab('monitoring'); "
            "print(before, 'PySide6.QtCharts' in sys.modules)")
    from curator_app.db import close_database

    close_database()
    out = subprocess.run([sys.executable, "-c", code, str(demo_db)], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[3]).stdout
    assert out.strip().splitlines()[-1] == "False True"


def test_import_dialog_maps_columns_and_loads(qtbot: QtBot, demo_db: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    from ui.monitoring.import_dialog import SurveyImportDialog

    entry = next(w for w in waves() if w.kind == "entry")
    who = next(r for r in roster(entry.id) if r.role == "mentee")
    Response.delete().where((Response.wave == entry.id) & (Response.person == who.person_id)).execute()
    book = Workbook()
    book.active.append(["Отметка времени", "ФИО", "Ваша оценка программы", "Класс"])
    book.active.append(["01.12.2026", who.name, 8, "7Б"])
    book.active.append(["01.12.2026", "Некто Неизвестный", 9, "7Б"])
    path = tmp_path / "form.xlsx"
    book.save(path)
    dialog = SurveyImportDialog(path, entry.id)
    qtbot.addWidget(dialog)
    assert dialog.mapping() == {1: "name"}  # the free-worded question is not guessed
    dialog.combos[2].setCurrentIndex(dialog.combos[2].findData("effectiveness"))
    before = Response.select().count()
    dialog._load()
    qtbot.waitUntil(lambda: "Некто Неизвестный" in dialog.errors.toPlainText(), timeout=10000)
    assert Response.select().count() == before  # all or nothing
    dialog.skip.setChecked(True)
    dialog._load()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.report is not None and (dialog.report.imported, dialog.report.skipped) == (1, 1)


def test_template_editor_saves_a_new_version(qtbot: QtBot, demo_db: Path) -> None:
    from curator_app.models import Questionnaire
    from ui.monitoring.template_dialog import SurveyTemplateDialog

    old = Questionnaire.get(Questionnaire.code == "mentor", Questionnaire.is_current)
    dialog = SurveyTemplateDialog(old)
    qtbot.addWidget(dialog)
    count = len(dialog.items)
    dialog.add_button.click()
    dialog.text.setPlainText("Насколько вам удобно время встреч?")
    dialog.title.setText("Анкета наставника (2027)")
    dialog._save()
    assert dialog.saved is not None and dialog.saved.version == old.version + 1
    assert len(dialog.saved.questions) == count + 1
    assert not Questionnaire.get_by_id(old.id).is_current
