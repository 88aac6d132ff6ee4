"""The curator's first afternoon, walked in the real main window: an empty database, the school's details, the
two lists the school already has (a title row, ФИО in one column, «7 б»), «Подобрать всем», the draft accepted,
the order saved as PDF for the director. Every simulated user action — a click, a typed field, a chosen file, a
key — goes through one counter; the walk prints ``main path: N actions`` and holds N to at most 12.

No real file dialog opens: ``ui.common.files`` is the one place a file is chosen, and the test answers there
(one action per file chosen). The PDF is then read the way a curator checks it: every pair is named, and no
mentor appears twice."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from curator_app.db import close_database, open_database
from curator_app.models import Mentorship
from curator_app.pairs import list_mentorships
from tests.e2e.school_files import MENTEES, MENTORS, SCHOOL, make_school_files
from ui.common import files
from ui.common.context import AppContext
from ui.main_window import MainWindow

MAX_ACTIONS = 12
poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="нет pdftotext (poppler-utils)")


class Curator:
    """The person at the keyboard: each method is one action, counted and logged."""

    def __init__(self, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
        self.qtbot = qtbot
        self.actions: list[str] = []
        self.files: list[Path] = []  # what the curator will pick in the next file dialogs, in order
        monkeypatch.setattr(files, "ask_open", self._pick)
        monkeypatch.setattr(files, "ask_save", self._pick)

    @property
    def count(self) -> int:
        return len(self.actions)

    def _act(self, what: str) -> None:
        self.actions.append(what)

    def click(self, button: QAbstractButton) -> None:
        assert button.isVisible() and button.isEnabled(), f"кнопка «{button.text()}» не видна или недоступна"
        self._act(f"нажать «{button.text()}»")
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def type(self, field: QLineEdit | QPlainTextEdit, text: str) -> None:
        """Typing into a field (Cyrillic through setText: qtbot.keyClicks would abort the process)."""
        assert field.isVisible() and field.isEnabled()
        self._act(f"ввести «{text}»")
        field.setFocus()
        if isinstance(field, QPlainTextEdit):
            field.setPlainText(text)
        else:
            field.setText(text)

    def key(self, window: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
            name: str = "") -> None:
        """A key pressed wherever the focus is (a shortcut reaches its button from anywhere in the tab)."""
        self._act(f"нажать {name or key.name}")
        self.qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)

    def click_then_choose(self, button: QAbstractButton, path: Path) -> None:
        """A button that opens a file dialog, and the file chosen there: two actions."""
        self.files.append(path)
        self.click(button)
        assert not self.files, f"после «{button.text()}» файл не спросили"

    def _pick(self, parent: object, kind: str, title: str, *args: object, **kwargs: object) -> Path | None:
        assert self.files, f"неожиданный выбор файла: «{title}»"
        path = self.files.pop(0)
        self._act(f"выбрать файл «{path.name}» в окне «{title}»")
        files.remember(kind, path)
        return path


@pytest.fixture
def new_database(qapp: object, tmp_path: Path) -> Iterator[Path]:
    from ui.app import make_application

    make_application()  # the bundled fonts and Qt's words in Russian, as the program has them
    path = open_database(tmp_path / "школа.sqlite")
    yield path
    close_database()


def pdf_text(path: Path) -> str:
    return " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout.split())


@poppler
def test_two_school_lists_to_the_order_in_twelve_actions(qtbot: QtBot, new_database: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    mentors_file, mentees_file = make_school_files(tmp_path / "Из школы")
    order_file = tmp_path / "Документы" / "Приказ о закреплении пар.pdf"
    order_file.parent.mkdir()
    me = Curator(qtbot, monkeypatch)
    window = MainWindow(AppContext())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    shots = Path(os.environ.get("CURATOR_SCREENSHOTS", tmp_path))

    # 1. The window opens on the first-run page: the school's details, the two lists, one button.
    assert window.on_first_run
    page = window.first_run
    assert page is not None
    me.type(page.form.full_name, SCHOOL)
    assert page.form.short_name.text() == "МБОУ «СОШ № 5»"  # suggested from the full name, nothing to type
    me.type(page.form.city, "г. Калуга")
    me.type(page.form.director_name, "Смирнова Ольга Викторовна")
    me.type(page.form.curator_name, "Васильева Наталья Андреевна")
    me.click_then_choose(page.mentors.choose_button, mentors_file)
    qtbot.waitUntil(lambda: page.mentors.plan is not None, timeout=10000)
    # what will not be loaded is said in the row itself, not in a row out of view
    assert "«№ кабинета»" in page.mentors.state.text() and page.mentors.details_button.isVisible()
    me.click_then_choose(page.mentees.choose_button, mentees_file)
    qtbot.waitUntil(lambda: page.mentees.plan is not None, timeout=10000)
    assert "добавится 24 наставляемых" in page.mentees.state.text()
    assert page.start_button.text() == "Загрузить списки и подобрать пары"
    assert window.grab().save(str(shots / "walk-1-first-run.png"))

    # 2. One button: the lists are loaded and «Подобрать всем» has made the draft.
    me.click(page.start_button)
    pairs = window.tab("pairs")
    workspace = pairs.workspace  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not window.on_first_run and len(workspace.draft.rows) > 0, timeout=20000)
    assert window.tabs.currentWidget() is not None and pairs.isVisible()
    draft = workspace.draft
    assert len(draft.rows) == len(MENTEES) and not draft.unmatched
    assert "Принять отмеченные" in workspace.status.text()
    assert window.grab().save(str(shots / "walk-2-draft.png"))

    # 3. The draft accepted as it stands, from the keyboard: one pair a row.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    me.key(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier, "Ctrl+Enter («Принять отмеченные»)")
    qtbot.waitUntil(lambda: len(list_mentorships()) == len(MENTEES), timeout=5000)  # a shortcut clicks after 100 ms
    ships = list_mentorships()
    assert len(ships) == len(MENTEES) and all(len(s.mentees) == 1 for s in ships)
    assert pairs.next_step.isVisible()  # type: ignore[attr-defined]
    [prepare] = pairs.next_step.buttons  # type: ignore[attr-defined]
    assert prepare.text() == "Подготовить приказ…"
    assert window.grab().save(str(shots / "walk-3-accepted.png"))

    # 4. The order: the file named, saved, shown.
    me.click_then_choose(prepare, order_file)
    documents = window.tab("documents")
    qtbot.waitUntil(lambda: order_file.exists() and not documents._busy  # type: ignore[attr-defined]
                    and bool(documents.preview.pages), timeout=60000)  # type: ignore[attr-defined]
    assert window.grab().save(str(shots / "walk-4-order.png"))

    print(f"main path: {me.count} actions")
    for number, action in enumerate(me.actions, 1):
        print(f"  {number}. {action}")
    assert me.count <= MAX_ACTIONS

    # What the curator checks in the PDF: the school, the director, every pair, nobody twice.
    text = pdf_text(order_file)
    assert "Средняя общеобразовательная школа № 5" in text and "О.В. Смирнова" in text and "г. Калуга" in text
    assert "Наименование организации" not in text
    appendix = text[text.index("Список наставнических пар (групп)"):text.index("С приказом ознакомлены")]
    for row in MENTEES:
        assert " ".join(row[1].split()[:2]) in appendix, row[1]
    paired = {s.mentor_name for s in ships}
    for row in MENTORS:
        name = " ".join(row[1].split()[:2])
        assert appendix.count(name) == (1 if row[1] in paired else 0), name
    assert Mentorship.select().where(Mentorship.status == "planned").count() == len(MENTEES)
