"""A new school's monitoring tab: no waves yet, and the year's two offered in one click."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from curator_app.monitoring import waves
from ui.common.context import AppContext
from ui.monitoring.tab import MonitoringTab


def test_the_years_waves_in_one_click(qtbot: QtBot, db: Path) -> None:
    tab = MonitoringTab(AppContext())
    qtbot.addWidget(tab)
    tab.show()
    tab.activate()
    assert tab.next_step.isVisible() and "входная (ответы до 20 декабря)" in tab.next_step.text.text()
    [create] = tab.next_step.buttons
    assert create.text() == "Создать обе волны"
    create.click()
    assert sorted(w.kind for w in waves()) == ["entry", "final"]
    assert not tab.next_step.isVisible() and tab.waves.waves_model.rowCount() == 2
