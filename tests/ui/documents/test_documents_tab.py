"""The «Документы» tab on the demo school: pairs to choose, preview pages, saving (and registering) an order,
memos and letters, printing to a PDF printer, the register."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from curator_app.models import IssuedDocument, Mentorship
from ui.common.context import AppContext
from ui.documents.pairs_model import CHECK
from ui.documents.pdf_pages import renderer
from ui.documents.tab import DocumentsTab


def make_tab(qtbot: QtBot, db: Path) -> DocumentsTab:
    tab = DocumentsTab(AppContext())
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    tab.activate()
    return tab


def choose_kind(tab: DocumentsTab, code: str) -> None:
    tab.kind.setCurrentIndex(tab.kind.findData(code))


def wait_idle(qtbot: QtBot, tab: DocumentsTab) -> None:
    qtbot.waitUntil(lambda: not tab._busy, timeout=30000)


def test_pairs_are_offered_and_can_be_unchecked(qtbot: QtBot, demo_db: Path) -> None:
    tab = make_tab(qtbot, demo_db)
    model = tab.model
    assert model.rowCount() > 5 and len(model.chosen()) == model.rowCount()
    statuses = {p.status for p in model.pairs}
    assert statuses <= {"planned", "active"}
    model.setData(model.index(0, CHECK), 0, 10)  # Qt.CheckStateRole == 10, unchecked == 0
    assert len(model.chosen()) == model.rowCount() - 1 and "Выбрано:" in tab.summary.text()
    model.set_all(False)
    tab.save()
    assert "Не выбрано ни одной пары" in tab.status.text()
    choose_kind(tab, "certificate")
    assert {p.status for p in tab.model.pairs} <= {"active", "completed"} and not tab.number.isEnabled()


@pytest.mark.skipif(renderer() is None, reason="нет pypdfium2 и pdftoppm")
def test_preview_shows_pages(qtbot: QtBot, demo_db: Path, tmp_path: Path) -> None:
    tab = make_tab(qtbot, demo_db)
    tab.number.setText("470-п")
    tab.make_preview()
    wait_idle(qtbot, tab)
    assert len(tab.preview.pages) >= 2, tab.status.text()
    assert "Предпросмотр готов" in tab.status.text()
    qtbot.wait(50)
    tab.grab().save(str(tmp_path / "documents_tab.png"))
    shots = Path("/work/brief/shots")
    if shots.is_dir():
        shutil.copy(tmp_path / "documents_tab.png", shots / "documents_tab.png")
    choose_kind(tab, "certificate")
    tab.make_preview()
    wait_idle(qtbot, tab)
    page = tab.preview.pages[0].pixmap()
    assert page.width() > page.height()  # landscape letters


def test_save_order_registers_and_activates(qtbot: QtBot, demo_db: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    tab = make_tab(qtbot, demo_db)
    target = tmp_path / "приказ.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Документ Word (*.docx)"))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    notified: list[str] = []
    tab.ctx.changed.connect(notified.append)
    planned = Mentorship.select().where(Mentorship.status == "planned").count()
    tab.number.setText("15-п")
    tab.save()
    wait_idle(qtbot, tab)
    assert target.exists(), tab.status.text()
    record = IssuedDocument.get(IssuedDocument.number == "15-п")
    assert record.kind == "order" and record.date == dt.date.today()
    assert Mentorship.select().where(Mentorship.status == "planned").count() < planned
    assert "documents" in notified and "mentorships" in notified
    qtbot.waitUntil(lambda: tab.register_model.rowCount() == 1)
    assert tab.register_model.rows[0].number == "15-п"


def test_save_memos_and_wrong_number(qtbot: QtBot, demo_db: Path, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    tab = make_tab(qtbot, demo_db)
    choose_kind(tab, "memo")
    target = tmp_path / "памятки"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)"))
    tab.save()
    wait_idle(qtbot, tab)
    assert target.with_suffix(".pdf").exists(), tab.status.text()
    assert IssuedDocument.get().kind == "memo"


@pytest.mark.skipif(renderer() is None, reason="нет pypdfium2 и pdftoppm")
def test_print_to_a_pdf_printer(qtbot: QtBot, demo_db: Path, tmp_path: Path) -> None:
    tab = make_tab(qtbot, demo_db)
    choose_kind(tab, "reward_order")
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    tab.print_to(printer)
    wait_idle(qtbot, tab)
    qtbot.waitUntil(lambda: "Отправлено на печать" in tab.status.text() or "Ошибка" in tab.status.text())
    assert (tmp_path / "printed.pdf").stat().st_size > 1000
