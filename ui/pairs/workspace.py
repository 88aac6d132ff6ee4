"""The matching workspace: mentees waiting for a mentor, mentors with free places, suggestions with their
reasons, manual pairing (a button, or dragging a mentor onto a mentee), «Подобрать всем» with its draft,
and the weights panel."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from curator_app.lang.declension import Name
from curator_app.lang.fmt import plural
from curator_app.lang.text import fold
from curator_app.matching import Suggestion
from curator_app.matching import suggest as matching
from curator_app.matching.rules import MenteeSide, MentorSide, Pool
from curator_app.models import CATEGORY_LABELS
from curator_app.pairs import life as mentorships
from ui.common import worker
from ui.common.worker import Task

from .common import make_view, run_safely, selected_id
from .draft_panel import DraftPanel
from .models import PERSON_MIME, IdRowsModel
from .weights_panel import WeightsPanel


class MenteeDropView(QTableView):
    """The mentees table: a mentor dropped on a row asks to pair them (``dropped(mentor_id, mentee_id)``)."""

    dropped = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt name
        if event.mimeData().hasFormat(PERSON_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt name
        if event.mimeData().hasFormat(PERSON_MIME) and self.indexAt(event.position().toPoint()).isValid():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt name
        index = self.indexAt(event.position().toPoint())
        if not index.isValid() or not event.mimeData().hasFormat(PERSON_MIME):
            return
        model = self.model()
        assert isinstance(model, IdRowsModel)
        mentor_id = int(bytes(event.mimeData().data(PERSON_MIME).data()).decode())
        event.acceptProposedAction()
        self.dropped.emit(mentor_id, model.id_at(index.row()))


def _who(side: MenteeSide | MentorSide) -> str:
    if side.grade:
        return f"{side.grade} класс"
    return CATEGORY_LABELS.get(side.category, side.category)


class Workspace(QWidget):
    """Reads the banks on :meth:`load`; ``changed`` after pairs were made (the tab notifies the window),
    ``accepted(ids)`` after draft rows were saved as these pairs."""

    changed = Signal()
    accepted = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pool: Pool | None = None
        self.task: Task | None = None
        self.suggestions: list[Suggestion] = []
        self.focus: tuple[str, int] | None = None  # ("mentee" | "mentor", person id) the suggestions are for

        self.match_button = QPushButton("Подобрать всем")
        self.match_button.setToolTip("Лучшее распределение всех наставляемых без пары: максимум суммы баллов "
                                     "при всех обязательных правилах и свободных местах")
        self.match_button.clicked.connect(self.match_all)
        self.form_combo = QComboBox()
        self.status = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.match_button)
        top.addWidget(QLabel("Форма:"))
        top.addWidget(self.form_combo)
        top.addWidget(self.status, 1)
        self.weights_button = QPushButton("Веса критериев…")
        self.weights_button.setCheckable(True)
        self.weights_button.setToolTip("Сколько баллов даёт каждый критерий подбора и какие из них обязательны")
        top.addWidget(self.weights_button)

        self.mentee_model = IdRowsModel(["Наставляемый", "Класс", "Форма", "Запрос"],
                                        sort=(0, Qt.SortOrder.AscendingOrder))
        self.mentee_view = make_view(self.mentee_model, (200, 70, 130), view=MenteeDropView())
        assert isinstance(self.mentee_view, MenteeDropView)
        self.mentee_view.dropped.connect(self.pair)
        self.mentee_view.selectionModel().selectionChanged.connect(lambda *_: self._on_mentee())
        self.mentee_search = QLineEdit()
        self.mentee_search.setPlaceholderText("Поиск по ФИО, классу, запросу")
        self.mentee_search.setClearButtonEnabled(True)
        self.mentee_search.textChanged.connect(lambda _: self._fill_lists())
        self.mentees_label = QLabel("Ждут наставника")

        self.mentor_model = IdRowsModel(["Наставник", "Кто", "Свободно", "Форма", "Компетенции"], drag=True,
                                        sort=(0, Qt.SortOrder.AscendingOrder))
        self.mentor_view = make_view(self.mentor_model, (200, 110, 65, 130))
        self.mentor_view.setDragEnabled(True)
        self.mentor_view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.mentor_view.selectionModel().selectionChanged.connect(lambda *_: self._on_mentor())
        self.mentors_label = QLabel("Наставники со свободными местами (перетащите наставника на наставляемого)")

        self.suggest_model = IdRowsModel(["Кандидат", "Баллы", "Свободно", "Форма", "Почему"],
                                         sort=(1, Qt.SortOrder.DescendingOrder))  # best candidate first
        self.suggest_view = make_view(self.suggest_model, (190, 64, 70, 150))
        self.suggest_view.selectionModel().selectionChanged.connect(lambda *_: self._show_reasons())
        self.suggest_view.doubleClicked.connect(lambda _: self.pair_selected())
        self.suggest_label = QLabel("Выберите наставляемого или наставника — здесь появятся лучшие кандидаты.")
        self.suggest_label.setWordWrap(True)
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        self.reasons.setMinimumHeight(60)
        self.reasons.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.pair_button = QPushButton("Создать пару")
        self.pair_button.setToolTip("Создать планируемую пару с выбранным кандидатом")
        self.pair_button.clicked.connect(self.pair_selected)
        self.replace_button = QPushButton("Заменить в черновике")
        self.replace_button.setToolTip("Поставить выбранного наставника в строку черновика этого наставляемого")
        self.replace_button.clicked.connect(self.replace_in_draft)
        self.exclude_button = QPushButton("Запретить эту пару")
        self.exclude_button.clicked.connect(self.exclude_selected)

        self.weights = WeightsPanel()
        self.weights.saved.connect(self._weights_saved)
        self.weights.hide()  # changed rarely: the three lists get the width until the curator asks for it
        self.weights_button.toggled.connect(self.weights.setVisible)
        self.draft = DraftPanel()
        self.draft.accepted.connect(self._draft_accepted)
        self.draft.row_selected.connect(lambda mentee_id: self._suggest(("mentee", mentee_id)))

        self._lay_out(top)

    def _lay_out(self, top: QHBoxLayout) -> None:
        def column(*widgets: QWidget, stretch_at: int = -1) -> QWidget:
            box = QWidget()
            layout = QVBoxLayout(box)
            layout.setContentsMargins(0, 0, 0, 0)
            for i, w in enumerate(widgets):
                layout.addWidget(w, 1 if i == stretch_at else 0)
            return box

        buttons = QWidget()
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        for b in (self.pair_button, self.replace_button, self.exclude_button):
            row.addWidget(b)
        row.addStretch(1)
        left = column(self.mentees_label, self.mentee_search, self.mentee_view, stretch_at=2)
        middle = column(self.suggest_label, self.suggest_view, self.reasons, buttons, stretch_at=1)
        right = column(self.mentors_label, self.mentor_view, stretch_at=1)
        self.mentors_label.setWordWrap(True)
        upper = QSplitter()
        for w in (left, middle, right, self.weights):
            upper.addWidget(w)
        upper.setSizes([430, 480, 430, 260])
        outer = self.splitter = QSplitter(Qt.Orientation.Vertical)
        outer.addWidget(upper)
        outer.addWidget(self.draft)
        outer.setSizes([420, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(outer, 1)

    # --- loading --------------------------------------------------------------------------------------
    def load(self) -> None:
        self.pool, self.waiting, self.free_mentors = matching.workspace()
        current = self.form_combo.currentData()
        self.form_combo.blockSignals(True)
        self.form_combo.clear()
        self.form_combo.addItem("все формы", None)
        for form in self.pool.forms:
            self.form_combo.addItem(form.name, form.id)
        self.form_combo.setCurrentIndex(max(0, self.form_combo.findData(current)))
        self.form_combo.blockSignals(False)
        self.weights.load()
        self._fill_lists()
        if self.focus is not None and not self._name_of(*self.focus):
            self.focus = None  # just paired (or archived): no longer waiting, nothing to suggest for them
        self._suggest(self.focus)

    def _form_name(self, form_id: int | None) -> str:
        assert self.pool is not None
        return next((f.name for f in self.pool.forms if f.id == form_id), "любая")
    def _fill_lists(self) -> None:
        wanted = fold(self.mentee_search.text())
        mentees = [e for e in self.waiting
                   if not wanted or wanted in fold(f"{e.name} {e.grade or ''} {e.request}")]
        self.mentee_model.set_rows([[e.name, _who(e), self._form_name(e.form_id), e.request] for e in mentees],
                                   [e.person_id for e in mentees])
        self.mentees_label.setText(f"Ждут наставника: {len(self.waiting)}")
        self.mentor_model.set_rows(
            [[t.name, _who(t), t.free, self._form_name(t.form_id), ", ".join(c for c, _ in t.competencies)]
             for t in self.free_mentors], [t.person_id for t in self.free_mentors])
        self.mentors_label.setText(f"Наставники со свободными местами: {len(self.free_mentors)} "
                                   "(перетащите наставника на наставляемого, чтобы создать пару)")

    # --- suggestions ----------------------------------------------------------------------------------
    def _on_mentee(self) -> None:
        pid = selected_id(self.mentee_view)
        if pid is not None:
            self._suggest(("mentee", pid))

    def _on_mentor(self) -> None:
        pid = selected_id(self.mentor_view)
        if pid is not None:
            self._suggest(("mentor", pid))
    def _suggest(self, focus: tuple[str, int] | None) -> None:
        self.focus = focus
        self.suggestions = []
        if focus is not None:
            kind, pid = focus
            found = run_safely(self, lambda: matching.suggest_mentors(pid, limit=15) if kind == "mentee"
                               else matching.suggest_mentees(pid, limit=15))
            self.suggestions = found or []
            whom = Name.parse(self._name_of(kind, pid)).declined("gen")
            what = "наставники" if kind == "mentee" else "наставляемые"
            self.suggest_label.setText(f"Лучшие {what} для {whom}:" if self.suggestions
                                       else f"Для {whom} нет допустимых кандидатов.")
        else:
            self.suggest_label.setText("Выберите наставляемого или наставника — здесь появятся лучшие кандидаты.")
        self.suggest_model.set_rows([[s.name, s.score, s.free if focus and focus[0] == "mentee" else None,
                                      s.form_name, "; ".join(s.reasons)] for s in self.suggestions],
                                    [s.person_id for s in self.suggestions],
                                    ["\n".join(s.reasons) for s in self.suggestions])
        if self.suggestions:
            self.suggest_view.selectRow(0)
        self._show_reasons()

    def _name_of(self, kind: str, pid: int) -> str:
        """The name of a mentee still waiting or a mentor with a free place; "" for anyone else."""
        people = self.waiting if kind == "mentee" else self.free_mentors
        return next((p.name for p in people if p.person_id == pid), "")

    def _selected_suggestion(self) -> Suggestion | None:
        pid = selected_id(self.suggest_view)
        return next((s for s in self.suggestions if s.person_id == pid), None)
    def _show_reasons(self) -> None:
        s = self._selected_suggestion()
        in_draft = bool(self.focus and self.focus[0] == "mentee" and self.focus[1] in self.draft.rows)
        for button in (self.pair_button, self.exclude_button):
            button.setEnabled(s is not None)
        self.replace_button.setEnabled(s is not None and in_draft)
        if s is None:
            self.reasons.setText("")
            return
        items = "".join(f"<li>{r}</li>" for r in s.reasons) or "<li>ни один критерий не выполнен</li>"
        self.reasons.setText(f"<b>{s.name}</b> — {s.score:.1f} балла".replace(".", ",")
                             + f", форма «{s.form_name}»:<ul style='margin:0'>{items}</ul>")

    # --- actions --------------------------------------------------------------------------------------
    def _pair_of_selection(self) -> tuple[int, int] | None:
        s = self._selected_suggestion()
        if s is None or self.focus is None:
            return None
        kind, pid = self.focus
        return (s.person_id, pid) if kind == "mentee" else (pid, s.person_id)

    def pair_selected(self) -> None:
        pair = self._pair_of_selection()
        if pair is not None:
            self.pair(*pair)
    def pair(self, mentor_id: int, mentee_id: int) -> None:
        names = (self._pool_name("mentor", mentor_id), self._pool_name("mentee", mentee_id))
        ship = run_safely(self, lambda: mentorships.create(mentor_id, [mentee_id]))
        if ship is not None:
            self.draft.drop_row(mentee_id)
            self.status.setText(f"Создана пара: {names[0]} — {names[1]} (планируется).")
            self._after_change()

    def _pool_name(self, kind: str, pid: int) -> str:
        assert self.pool is not None
        people = self.pool.mentees if kind == "mentee" else self.pool.mentors
        return next((p.name for p in people if p.person_id == pid), "")

    def exclude_selected(self) -> None:
        pair = self._pair_of_selection()
        if pair is not None:
            mentorships.add_exclusion(*pair, reason="запрещено куратором в окне подбора")
            self.status.setText("Пара запрещена: подбор больше не предложит её.")
            self._suggest(self.focus)

    def replace_in_draft(self) -> None:
        s = self._selected_suggestion()
        if s is None or self.focus is None or self.focus[0] != "mentee" or self.pool is None:
            return
        form_id = next((f.id for f in self.pool.forms if f.name == s.form_name), None)
        if form_id is not None and self.focus[1] in self.draft.rows:
            self.draft.replace_mentor(self.focus[1], s, form_id)

    def match_all(self) -> None:
        if self.task is not None:
            return
        form_id = self.form_combo.currentData()
        locked = self.draft.locked_rows()
        self.match_button.setEnabled(False)
        self.status.setText("Подбираю лучшее распределение для всей школы…")
        self.task = worker.start(self, lambda state: matching.propose(form_id, locked=locked), self._matched,
                                 self._failed, key="match")
        self.task.finished.connect(self._task_done)
    def _matched(self, draft: matching.Draft) -> None:
        self.show_draft(draft)

    def show_draft(self, draft: matching.Draft) -> None:
        """Show a draft made here or elsewhere (the first-run page makes one right after loading the lists)."""
        self.draft.set_draft(draft)
        if draft.rows:  # the draft is what the curator reads now: it gets most of the height
            self.splitter.setSizes([250, 450])
        self.status.setText(f"Готов черновик: {plural(len(draft.rows), 'пара', 'пары', 'пар')}, без пары "
                            f"{len(draft.unmatched)}. Проверьте строки и нажмите «Принять отмеченные».")

    def _failed(self, message: str) -> None:
        self.status.setText(message)

    def _task_done(self) -> None:
        self.task = None
        self.match_button.setEnabled(True)

    def _weights_saved(self) -> None:
        self.status.setText("Веса сохранены; подсказки пересчитаны. Нажмите «Подобрать всем», чтобы обновить черновик.")
        self._suggest(self.focus)
    def _after_change(self) -> None:
        self.load()
        self.changed.emit()

    def _draft_accepted(self, ids: list[int]) -> None:
        self.status.setText("")  # «Готов черновик… нажмите «Принять отмеченные»» is done with; the draft says what was made
        self._after_change()
        self.accepted.emit(ids)
