"""Pairing by hand on a school loaded from its own lists: the candidates come best first (the chemistry
teacher for «отставание по химии»), names are declined, and after the pair is made nothing claims the pupil
has no candidates. An empty pairs list says how to make pairs; an accepted draft offers the order."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from curator_app.banks.importer import apply_import, plan_import
from curator_app.models import Mentorship
from tests.e2e.school_files import make_school_files
from ui.common.context import AppContext
from ui.pairs.tab import PairsTab


def _school(tmp_path: Path) -> None:
    for role, path in zip(("mentor", "mentee"), make_school_files(tmp_path), strict=True):
        apply_import(plan_import(path, role))


def _tab(qtbot: QtBot) -> PairsTab:
    tab = PairsTab(AppContext())
    qtbot.addWidget(tab)
    tab.resize(1366, 720)
    tab.show()
    tab.activate()
    return tab


def test_best_candidate_first_and_no_wrong_word_after_pairing(qtbot: QtBot, db: Path, tmp_path: Path) -> None:
    _school(tmp_path)
    tab = _tab(qtbot)
    ws = tab.workspace
    tab.pages.setCurrentWidget(ws)
    row = next(r for r in range(ws.mentee_model.rowCount())
               if ws.mentee_model.rows[r][0] == "Богданов Алексей Владимирович")
    ws.mentee_view.selectRow(row)
    assert ws.suggest_label.text() == "Лучшие наставники для Богданова Алексея Владимировича:"
    scores = [ws.suggest_model.rows[r][1] for r in range(ws.suggest_model.rowCount())]
    assert scores == sorted(scores, reverse=True)
    assert ws.suggest_model.rows[0][0] == "Кузнецова Ирина Павловна"  # the chemistry teacher, selected
    assert "Кузнецова Ирина Павловна" in ws.reasons.text() and "хими" in ws.reasons.text()
    ws.pair_button.click()
    assert "Создана пара: Кузнецова Ирина Павловна — Богданов Алексей Владимирович" in ws.status.text()
    assert "нет допустимых кандидатов" not in ws.suggest_label.text()
    assert ws.suggest_model.rowCount() == 0 and ws.focus is None


def test_an_empty_pairs_list_says_how_to_make_pairs(qtbot: QtBot, db: Path, tmp_path: Path) -> None:
    tab = _tab(qtbot)
    assert tab.list_stack.currentWidget() is tab.empty
    assert "Сначала загрузите списки" in tab.empty.text.text() and not tab.empty.buttons[0].isEnabled()
    _school(tmp_path)
    tab.ctx.notify("people")
    assert "«Подобрать всем»" in tab.empty.text.text() and tab.empty.buttons[0].isEnabled()
    qtbot.mouseClick(tab.empty.buttons[0], Qt.MouseButton.LeftButton)  # «Подобрать пары»
    assert tab.pages.currentWidget() is tab.workspace
    qtbot.waitUntil(lambda: tab.workspace.task is None and bool(tab.workspace.draft.rows), timeout=20000)
    opened: list[tuple[str, str, object]] = []
    tab.ctx.go.connect(lambda *args: opened.append(args))
    qtbot.mouseClick(tab.workspace.draft.accept_button, Qt.MouseButton.LeftButton)
    ids = [m.id for m in Mentorship.select()]
    assert len(ids) == 24 and tab.list_stack.currentWidget() is tab.list_page
    assert tab.next_step.isVisible() and "Принято: 24 пары (статус" in tab.next_step.text.text()
    tab.next_step.buttons[0].click()
    assert opened == [("documents", "order", ids)] and not tab.next_step.isVisible()
