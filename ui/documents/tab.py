"""Tab «Документы»: choose the document and its pairs, fill the number and date, preview the pages, save
as PDF/DOCX, print; and the register of issued documents.

Every operation is a call into ``curator_app.documents``; layout and rasterising run on a worker.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from curator_app.documents import ops as service
from curator_app.documents.blocks import Document
from curator_app.documents.data import PairInfo, collect_pairs
from curator_app.documents.order import OrderParams, default_basis
from curator_app.documents.register import register_rows, registered_layout
from curator_app.errors import CuratorError
from curator_app.lang.fmt import date_short, plural
from curator_app.settings import load_school
from curator_app.tasks import TaskState
from ui.common import files, keys, worker
from ui.common.context import AppContext, Changed
from ui.common.next_step import NextStep
from ui.common.tab import BaseTab

from . import papers_panel
from .advice import show_advice
from .basis_dialog import DocumentBasisDialog
from .pairs_model import PairsChoiceModel, pairs_view
from .pdf_pages import page_count, render_pages, renderer
from .preview import PreviewWidget
from .printing import print_pdf
from .register_model import RegisterPanel
from .template_dialog import TemplateDialog

KINDS: list[tuple[str, str]] = [
    ("order", "Приказ о закреплении наставнических пар (групп)"),
    ("memo", "Памятки наставляемым"),
    ("certificate", "Благодарственные письма наставникам"),
    ("reward_order", "Приказ о поощрении наставников"),
    *papers_panel.KINDS,
]
PREVIEW_PAGES = 12
PREVIEW_DPI = 70
ORDERS = ("order", "reward_order")


class DocumentsTab(BaseTab):
    """Holds the pairs offered for the chosen document, the legal basis the curator edited (None: the
    default), the temporary folder of previews, and the register."""

    subjects = (Changed.DOCUMENTS, Changed.MENTORSHIPS, Changed.PEOPLE, Changed.SETTINGS)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.basis: list[str] | None = None
        self.skipped: list[str] = []
        self._temp = tempfile.TemporaryDirectory(prefix="curator-documents-")
        self._busy = False
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_left())
        self.right = QTabWidget()
        self.preview = PreviewWidget()
        self.right.addTab(self.preview, "Предпросмотр")
        self.right.addTab(self._build_register(), "Реестр документов")
        splitter.addWidget(self.right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        QVBoxLayout(self).addWidget(splitter)

    # --- building -------------------------------------------------------------------------------
    def _build_left(self) -> QWidget:
        left = QWidget()
        layout = QVBoxLayout(left)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.kind = QComboBox()
        for code, title in KINDS:
            self.kind.addItem(title, code)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        form.addRow("Документ:", self.kind)
        layout.addLayout(form)
        self.advice = NextStep()  # what stands in the way of the document, with the step that removes it
        layout.addWidget(self.advice)

        self.requisites = QGroupBox("Номер и дата")
        req = QHBoxLayout(self.requisites)
        self.number = QLineEdit()
        self.number.setPlaceholderText("например, 470-п")
        self.number.setMaximumWidth(140)
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd.MM.yyyy")
        self.date.dateChanged.connect(lambda _: self.load())  # consent is checked on the document's date
        self.long_date = QCheckBox("дата словами")
        self.basis_button = QPushButton("Основание…")
        self.basis_button.clicked.connect(self.edit_basis)
        self.template_button = QPushButton("Текст шаблона…")
        self.template_button.clicked.connect(self.edit_template)
        for widget in (QLabel("№"), self.number, QLabel("от"), self.date, self.long_date):
            req.addWidget(widget)
        req.addStretch(1)
        req.addWidget(self.basis_button)
        req.addWidget(self.template_button)
        layout.addWidget(self.requisites)
        self.consent_row = papers_panel.ConsentRow()
        self.consent_row.issued.clicked.connect(lambda: self.mark_consents("issued"))
        self.consent_row.signed.clicked.connect(lambda: self.mark_consents("signed"))
        layout.addWidget(self.consent_row)

        self.model = PairsChoiceModel(self)
        self.model.dataChanged.connect(lambda *_: self._update_summary())
        self.model.modelReset.connect(self._update_summary)
        self.view = pairs_view(self.model)
        layout.addWidget(self.view, 1)

        row = QHBoxLayout()
        all_on, all_off = QPushButton("Выбрать все"), QPushButton("Снять все")
        all_on.clicked.connect(lambda: self.model.set_all(True))
        all_off.clicked.connect(lambda: self.model.set_all(False))
        self.summary = QLabel()
        self.skipped_button = QPushButton("Кто не включён…")
        self.skipped_button.clicked.connect(self.show_skipped)
        for widget in (all_on, all_off, self.summary):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.skipped_button)
        layout.addLayout(row)

        actions = QHBoxLayout()
        self.preview_button = QPushButton("Предпросмотр")
        self.save_button = QPushButton("Сохранить…")
        self.print_button = QPushButton("Печать…")
        self.preview_button.clicked.connect(self.make_preview)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_document)
        for widget in (self.preview_button, self.save_button, self.print_button):
            actions.addWidget(widget)
        keys.bind(self.save_button, "Ctrl+S")
        keys.bind(self.print_button, "Ctrl+P")
        actions.addStretch(1)
        layout.addLayout(actions)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        if self.ctx.read_only:
            self.save_button.setEnabled(False)
            self.save_button.setToolTip("База открыта только для чтения: документ не будет зарегистрирован.")
        return left

    def _build_register(self) -> QWidget:
        self.register_panel = RegisterPanel(self._say, self)
        self.register_model = self.register_panel.model
        return self.register_panel

    # --- state ----------------------------------------------------------------------------------
    @property
    def kind_code(self) -> str:
        return str(self.kind.currentData())

    def day(self) -> Any:
        return self.date.date().toPython()

    def load(self) -> None:
        selection = collect_pairs(service.KIND_STATUSES.get(self.kind_code, service.ORDER_STATUSES), day=self.day())
        self.skipped = selection.skipped
        self.model.set_pairs(selection.pairs)
        self.register_panel.set_rows(register_rows())
        show_advice(self.advice, self.ctx, self.kind_code, len(self.model.pairs))

    def perform(self, action: str, argument: object = None) -> None:
        """«Подготовить приказ…» (after the draft was accepted): the order for those pairs, saved where the curator
        says, then shown in the preview."""
        if action != "order":
            return
        self.kind.setCurrentIndex(self.kind.findData("order"))
        if isinstance(argument, list) and argument:
            self.model.choose(argument)
        self._preview_after_save = True
        self.save()
        self._preview_after_save = self._busy  # the curator may have cancelled the file dialog

    def _kind_changed(self) -> None:
        kind = self.kind_code
        order = kind in ORDERS or kind == "launch_order"
        self.number.setEnabled(order)
        self.long_date.setEnabled(kind in ORDERS)
        self.basis_button.setEnabled(kind == "order")
        self.template_button.setEnabled(kind in papers_panel.TEMPLATE_OF)
        self.consent_row.setVisible(kind.startswith("consent_"))
        self.view.setEnabled(kind not in papers_panel.NO_PAIRS)  # the school's papers, not the pairs'
        self.requisites.setTitle("Номер и дата" if order else "Дата")
        self.load()

    def edit_template(self) -> None:
        dialog = TemplateDialog(papers_panel.TEMPLATE_OF[self.kind_code], self)
        if dialog.exec() == QDialog.DialogCode.Accepted and not self.ctx.read_only:
            dialog.save()
            self._say("Шаблон сохранён: он будет в следующих документах (зарегистрированные не меняются).")

    def mark_consents(self, status: str) -> None:
        chosen = self._chosen_or_say()
        if chosen is None or self.ctx.read_only:
            return
        try:
            count = self.consent_row.mark(self.kind_code, chosen, self.day(), status)
        except CuratorError as error:
            self._say(str(error), error=True)
            return
        what = "бланк выдан" if status == "issued" else "подписано"
        self._say(f"Отмечено «{what}»: {plural(count, 'карточка', 'карточки', 'карточек')}.")
        self.ctx.notify(Changed.PEOPLE)

    def _update_summary(self) -> None:
        chosen = self.model.chosen()
        people = len({p.mentor.id for p in chosen} | {m.id for p in chosen for m in p.mentees})
        self.summary.setText(f"Выбрано: {plural(len(chosen), 'пара', 'пары', 'пар')}, "
                             f"{plural(people, 'участник', 'участника', 'участников')}")
        self.skipped_button.setVisible(bool(self.skipped))
        self.skipped_button.setText(f"Не включены без согласия: {len(self.skipped)}…")

    def show_skipped(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, "Кто не включён в документ",
                          "Люди без действующего согласия на обработку персональных данных не печатаются "
                          f"(на дату {date_short(self.day())}).", parent=self)
        box.setDetailedText("\n".join(self.skipped))
        box.exec()

    def params(self) -> OrderParams:
        basis = self.basis if self.basis is not None else service.basis_for(self.model.chosen())
        return OrderParams(self.number.text().strip(), self.day(), basis, self.long_date.isChecked())

    def edit_basis(self) -> None:
        """The basis is kept in the settings: every later order starts from the curator's list."""
        chosen = self.model.chosen()
        defaults = default_basis(load_school(), staff_mentors=any(p.mentor.is_staff for p in chosen),
                                 teacher_pairs=any(p.form_code == "teacher_teacher" for p in chosen))
        current = self.basis if self.basis is not None else service.basis_for(chosen)
        dialog = DocumentBasisDialog(current, defaults, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            acts = dialog.acts()
            if not self.ctx.read_only:
                service.save_basis(None if acts == defaults else acts)
            self.basis = None if not self.ctx.read_only else acts

    def _chosen_or_say(self) -> list[PairInfo] | None:
        chosen = self.model.chosen()
        if not chosen and self.kind_code not in papers_panel.NO_PAIRS:
            self._say("Не выбрано ни одной пары: отметьте пары в списке.", error=True)
            return None
        return chosen

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.status.setText(text)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        for button in (self.preview_button, self.save_button, self.print_button):
            button.setEnabled(not busy and (button is not self.save_button or not self.ctx.read_only))
        if text:
            self.status.setStyleSheet("color: #555;")
            self.status.setText(text)

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self._say(message, error=True)

    # --- preview --------------------------------------------------------------------------------
    def make_preview(self) -> None:
        chosen = self._chosen_or_say()
        if chosen is None or self._busy:
            return
        if renderer() is None:
            self.preview.show_message("Нет средства для показа страниц PDF (pypdfium2 или pdftoppm). "
                                      "Сохраните документ и откройте его в программе просмотра PDF.")
            return
        kind, school, params = self.kind_code, load_school(), self.params()
        target = Path(self._temp.name) / f"preview-{kind}.pdf"
        ok, stored = self._prepared(kind, chosen, params)
        if not ok:
            return

        def work(state: TaskState) -> tuple[list[QImage], int]:
            service.render(kind, target, school, chosen, params, stored)
            return render_pages(target, PREVIEW_DPI, 1, PREVIEW_PAGES), page_count(target)

        self._set_busy(True, "Готовлю предпросмотр…")
        self.right.setCurrentWidget(self.preview)
        worker.start(self, work, self._preview_done, self._failed, key="preview")

    def _prepared(self, kind: str, chosen: list[PairInfo], params: OrderParams) -> tuple[bool, Document | None]:
        """A registered order's kept text, or a paper laid out here (it reads the database, the worker only
        draws); ``False`` when the paper cannot be made (said in the status line)."""
        if kind in ORDERS:
            return True, registered_layout(kind, params.number, params.date)
        if kind not in papers_panel.CODES:
            return True, None
        try:
            return True, papers_panel.layout(kind, chosen, params.date, params.number,
                                             self.consent_row.missing.isChecked())
        except CuratorError as error:
            self._say(str(error), error=True)
            return False, None

    def _preview_done(self, result: tuple[list[QImage], int]) -> None:
        images, total = result
        self._set_busy(False)
        note = f"Показаны первые {len(images)} из {total} страниц." if total > len(images) else ""
        self.preview.show_pages(images, note)
        self._say(f"Предпросмотр готов: {plural(total, 'страница', 'страницы', 'страниц')}.")

    # --- saving ---------------------------------------------------------------------------------
    def save(self) -> None:
        chosen = self._chosen_or_say()
        if chosen is None or self._busy:
            return
        kind, params = self.kind_code, self.params()
        formats = service.KIND_FORMATS.get(kind) or papers_panel.formats(kind)
        filters = ";;".join({"pdf": "PDF (*.pdf)", "docx": "Документ Word (*.docx)"}[f] for f in formats)
        target = files.ask_save(self, "documents", "Сохранить документ", _file_name(kind, params), filters)
        if target is None:
            return
        if target.suffix.lower() not in (".pdf", ".docx"):
            target = target.with_name(target.name + ".pdf")
        if kind == "order" and params.number and not self._confirm_registration(params, chosen):
            return
        ids = [p.id for p in chosen]
        calls = {
            "order": lambda state: service.issue_order(target, number=params.number, day=params.date, mentorship_ids=ids,
                                                 basis=params.basis, long_date=params.long_date),
            "reward_order": lambda state: service.issue_reward_order(target, number=params.number, day=params.date,
                                                               mentorship_ids=ids),
            "memo": lambda state: service.make_memos(target, mentorship_ids=ids, day=params.date),
            "certificate": lambda state: service.make_certificates(target, mentorship_ids=ids, day=params.date),
        }
        call = calls.get(kind) or papers_panel.save_call(kind, target, params.date, params.number, ids,
                                                         self.consent_row.missing.isChecked())
        self._set_busy(True, "Сохраняю документ…")
        worker.start(self, call, self._saved, self._failed)

    def _confirm_registration(self, params: OrderParams, chosen: list[PairInfo]) -> bool:
        """Ask before registering; an order registered already is saved again as it was, without asking."""
        registered, starting = service.registration_effect(params.number, params.date, chosen)
        if registered:
            return True
        starts = (f", а {plural(starting, 'пара станет', 'пары станут', 'пар станут')} действующими с этой даты"
                  if starting else "")
        answer = QMessageBox.question(
            self, "Регистрация приказа",
            f"Приказ № {params.number} от {date_short(params.date)} будет зарегистрирован{starts}. Продолжить?")
        return answer == QMessageBox.StandardButton.Yes

    def _saved(self, result: service.DocumentResult) -> None:
        self._set_busy(False)
        text = f"Сохранено: {result.path}."
        if result.activated:
            text += f" Приказ зарегистрирован; стали действующими: {result.activated}."
        elif result.document_id and self.kind_code == "order" and self.number.text().strip():
            text += " Приказ уже зарегистрирован: сохранён его зарегистрированный текст."
        self._say(text)
        self.ctx.notify(Changed.DOCUMENTS)
        if result.activated:
            self.ctx.notify(Changed.MENTORSHIPS)
        if getattr(self, "_preview_after_save", False):  # «Подготовить приказ…»: show what was saved
            self._preview_after_save = False
            if result.path.suffix.lower() == ".pdf" and renderer() is not None:
                path = result.path
                self.right.setCurrentWidget(self.preview)
                worker.start(self, lambda state: (render_pages(path, PREVIEW_DPI, 1, PREVIEW_PAGES), page_count(path)),
                             self._show_saved, self._failed, key="preview")

    def _show_saved(self, result: tuple[list[QImage], int]) -> None:
        images, total = result
        self.preview.show_pages(images, f"Показаны первые {len(images)} из {total} страниц." if total > len(images)
                                else "")

    # --- printing -------------------------------------------------------------------------------
    def print_document(self) -> None:
        if self._chosen_or_say() is None or self._busy:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("Печать документа")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Lay out the document and print it sheet by sheet, all on a worker (the printer is not touched by
        the UI thread meanwhile: the buttons are disabled)."""
        chosen = self._chosen_or_say()
        if chosen is None:
            return
        kind, school, params = self.kind_code, load_school(), self.params()
        target = Path(self._temp.name) / f"print-{kind}.pdf"
        self._printer = printer  # kept alive until the worker is done
        ok, stored = self._prepared(kind, chosen, params)
        if not ok:
            return

        def work(state: TaskState) -> int:
            service.render(kind, target, school, chosen, params, stored)
            return print_pdf(printer, target, landscape=kind == "certificate")

        def done(pages: int) -> None:
            self._set_busy(False)
            self._say(f"Отправлено на печать: {plural(pages, 'страница', 'страницы', 'страниц')}.")

        self._set_busy(True, "Печатаю…")
        worker.start(self, work, done, self._failed)


def _file_name(kind: str, params: OrderParams) -> str:
    day = params.date.strftime("%Y-%m-%d")
    number = f" № {params.number}".replace("/", "-") if params.number else ""
    if kind in papers_panel.FILE_NAMES:
        first = papers_panel.formats(kind)[0]
        return f"{papers_panel.FILE_NAMES[kind]}{number if kind == 'launch_order' else ''} {day}.{first}"
    return {"order": f"Приказ{number} о закреплении пар {day}.pdf", "reward_order": f"Приказ{number} о поощрении "
            f"{day}.pdf", "memo": f"Памятки наставляемым {day}.pdf",
            "certificate": f"Благодарственные письма {day}.pdf"}[kind]
