"""Tab «Дорожная карта»: the events by section (a table), a timeline across the year, the panel
«Ближайшие 14 дней и просроченные», filters by status and responsible, mark done, import, export.

``load()`` reads one roadmap's events (a few hundred rows at most) and nothing heavy is imported at
start-up: the readers and writers (python-docx, openpyxl, reportlab) load when an action needs them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from curator_app.errors import CuratorError
from curator_app.models.roadmap import EVENT_STATUS_LABELS
from curator_app.roadmap import ops as service
from ui.common import files
from ui.common.context import AppContext, Changed
from ui.common.tab import BaseTab, EmptyState
from ui.common.views import fit_headers, menu_button

from .table_model import C_NUMBER, C_TITLE, UNPARSED, RoadmapTableModel
from .timeline import ZOOMS, TimelineWidget
from .upcoming import UpcomingModel

EXPORT_FILTERS = {"xlsx": "Книга Excel (*.xlsx)", "pdf": "PDF для печати (*.pdf)", "json": "JSON (*.json)"}


class RoadmapTab(BaseTab):
    """Shows one roadmap (the newest unless the curator picks another in the list)."""

    subjects = (Changed.ROADMAP,)
    clock = staticmethod(dt.date.today)  # what «today» is; tests set a fixed day

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.today = dt.date.today()
        self.roadmap_id: int | None = None
        self.rows: list[service.EventRow] = []
        self.stack = QStackedWidget()
        QVBoxLayout(self).addWidget(self.stack)
        self.stack.addWidget(self._build_empty())
        self.stack.addWidget(self._build_content())

    # --- building ---------------------------------------------------------------------------------
    def _build_empty(self) -> QWidget:
        self.empty = EmptyState("Дорожной карты пока нет", "Загрузите дорожную карту школы из Word (.docx), Excel "
                                "(.xlsx) или вставьте таблицу, скопированную из документа, — или начните с "
                                "типовых этапов целевой модели наставничества.",
                                actions=[("Загрузить файл…", self.import_file),
                                         ("Вставить из буфера…", self.import_paste),
                                         ("Создать из шаблона", self.create_from_template)])
        return self.empty

    def _build_content(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.roadmap_box = QComboBox()
        self.roadmap_box.setMinimumWidth(420)
        self.roadmap_box.activated.connect(self._roadmap_chosen)
        top.addWidget(self.roadmap_box, 1)
        load_button = menu_button("Загрузить")
        menu = QMenu(load_button)
        menu.addAction("Из файла (.docx, .pdf, .xlsx, .txt)…", self.import_file)
        menu.addAction("Вставить из буфера обмена…", self.import_paste)
        menu.addAction("Создать из шаблона целевой модели", self.create_from_template)
        menu.addSeparator()
        menu.addAction("Удалить эту дорожную карту…", self.delete_roadmap)
        load_button.setMenu(menu)
        top.addWidget(load_button)
        export_button = menu_button("Экспорт")
        menu = QMenu(export_button)
        for kind, label in (("xlsx", "В Excel…"), ("pdf", "В PDF для печати…"), ("json", "В JSON…")):
            menu.addAction(label, lambda k=kind: self.export(k))
        export_button.setMenu(menu)
        top.addWidget(export_button)
        layout.addLayout(top)

        filters = QHBoxLayout()
        filters.addWidget(QLabel("Статус:"))
        self.status_box = QComboBox()
        self.status_box.addItem("Все", "")
        for code, label in EVENT_STATUS_LABELS.items():
            self.status_box.addItem(label, code)
        self.status_box.addItem("Срок не разобран", UNPARSED)
        self.status_box.currentIndexChanged.connect(self._filter)
        filters.addWidget(self.status_box)
        filters.addWidget(QLabel("Ответственный:"))
        self.responsible_box = QComboBox()
        self.responsible_box.setMinimumWidth(220)
        self.responsible_box.currentIndexChanged.connect(self._filter)
        filters.addWidget(self.responsible_box)
        self.done_button = QPushButton("Выполнено…")
        self.done_button.setToolTip("Отметить выбранное мероприятие выполненным с датой")
        self.done_button.clicked.connect(self.mark_done)
        self.edit_button = QPushButton("Изменить…")
        self.edit_button.clicked.connect(self.edit_selected)
        filters.addWidget(self.done_button)
        filters.addWidget(self.edit_button)
        filters.addStretch(1)
        layout.addLayout(filters)

        self.model = RoadmapTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((52, 236, 146, 76, 82, 140, 142, 200)):  # «Статус» in view at 1366×768
            self.table.setColumnWidth(col, width)
        fit_headers(self.table)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.upcoming = UpcomingModel(self)
        self.upcoming_view = QTableView()
        self.upcoming_view.setModel(self.upcoming)
        self.upcoming_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.upcoming_view.verticalHeader().setVisible(False)
        self.upcoming_view.setWordWrap(False)
        self.upcoming_view.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((175, 46, 230)):
            self.upcoming_view.setColumnWidth(col, width)
        self.upcoming_view.clicked.connect(lambda index: self.select_event(self.upcoming.data(index, Qt.ItemDataRole.UserRole)))
        panel = QWidget()
        panel_layout = QVBoxLayout(panel)
        panel_layout.setContentsMargins(0, 0, 0, 0)
        self.upcoming_title = QLabel("<b>Ближайшие 14 дней и просроченные</b>")
        panel_layout.addWidget(self.upcoming_title)
        panel_layout.addWidget(self.upcoming_view)

        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(self.table)
        upper.addWidget(panel)
        upper.setSizes([900, 420])

        timeline_box = QWidget()
        tl = QVBoxLayout(timeline_box)
        tl.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("<b>Шкала времени</b>"))
        self.zoom_box = QComboBox()
        for code, label in ZOOMS.items():
            self.zoom_box.addItem(label, code)
        self.zoom_box.setCurrentIndex(list(ZOOMS).index("year"))
        self.zoom_box.currentIndexChanged.connect(self._zoom)
        bar.addWidget(self.zoom_box)
        back, forward = QToolButton(), QToolButton()
        back.setArrowType(Qt.ArrowType.LeftArrow)  # drawn by the style: no font needs the glyph
        forward.setArrowType(Qt.ArrowType.RightArrow)
        back.setToolTip("Раньше")
        forward.setToolTip("Позже")
        back.clicked.connect(lambda: self._shift(-1))
        forward.clicked.connect(lambda: self._shift(1))
        bar.addWidget(back)
        bar.addWidget(forward)
        self.window_label = QLabel()
        bar.addWidget(self.window_label)
        bar.addStretch(1)
        tl.addLayout(bar)
        self.timeline = TimelineWidget()
        self.timeline.eventClicked.connect(self.select_event)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.timeline)
        tl.addWidget(scroll)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(timeline_box)
        split.setSizes([330, 300])
        layout.addWidget(split, 1)
        return page

    # --- loading ----------------------------------------------------------------------------------
    def load(self) -> None:
        self.today = self.clock()
        roadmaps = service.roadmaps()
        if not roadmaps:
            self.roadmap_id = None
            self.stack.setCurrentIndex(0)
            return
        ids = [r.id for r in roadmaps]
        if self.roadmap_id not in ids:
            self.roadmap_id = ids[0]
        self.roadmap_box.clear()
        for r in roadmaps:
            self.roadmap_box.addItem(r.title, r.id)
        self.roadmap_box.setCurrentIndex(ids.index(self.roadmap_id))
        self.stack.setCurrentIndex(1)
        self._load_roadmap()

    def _load_roadmap(self) -> None:
        assert self.roadmap_id is not None
        roadmap = service.get_roadmap(self.roadmap_id)
        self.rows = service.event_rows(roadmap.id, self.today)
        sections = [(s.number, s.title) for s in service.sections(roadmap.id)]
        self.model.set_data(sections, self.rows)
        current = self.responsible_box.currentText()
        self.responsible_box.blockSignals(True)
        self.responsible_box.clear()
        self.responsible_box.addItem("Все", "")
        for name in self.model.responsibles():
            self.responsible_box.addItem(name, name)
        found = self.responsible_box.findText(current)
        self.responsible_box.setCurrentIndex(max(0, found))
        self.responsible_box.blockSignals(False)
        self.period = (roadmap.start_date, roadmap.end_date)
        self.zoom_box.blockSignals(True)  # one academic year fits the year view; longer plans show whole
        self.zoom_box.setCurrentIndex(list(ZOOMS).index("year" if roadmap.academic_year else "all"))
        self.timeline.zoom = self.zoom_box.currentData()
        self.zoom_box.blockSignals(False)
        self._filter()
        soon = service.upcoming(self.rows, self.today)
        self.upcoming.set_rows(soon, self.today)
        overdue = sum(1 for r in soon if r.status == "overdue")
        self.upcoming_title.setText(f"<b>Ближайшие 14 дней и просроченные</b> — просрочено: {overdue}, "
                                    f"скоро: {len(soon) - overdue}")

    def _filter(self) -> None:
        self.model.set_filters(self.status_box.currentData() or "", self.responsible_box.currentData() or "")
        self.table.clearSpans()
        for row in range(self.model.rowCount()):
            if self.model.is_section(row):
                self.table.setSpan(row, C_NUMBER, 1, self.model.columnCount())
        if self.roadmap_id is not None:
            self.timeline.set_events(self.model.visible_events(), self.period, self.today)
            self.window_label.setText(self.timeline.window_text())

    def _roadmap_chosen(self, index: int) -> None:
        self.roadmap_id = self.roadmap_box.itemData(index)
        self._load_roadmap()

    def _zoom(self) -> None:
        self.timeline.set_zoom(self.zoom_box.currentData())
        self.window_label.setText(self.timeline.window_text())

    def _shift(self, steps: int) -> None:
        self.timeline.shift(steps)
        self.window_label.setText(self.timeline.window_text())

    # --- selection --------------------------------------------------------------------------------
    def selected_event(self) -> service.EventRow | None:
        index = self.table.currentIndex()
        item = self.model.row_at(index.row()) if index.isValid() else None
        return item if isinstance(item, service.EventRow) else None

    def select_event(self, event_id: int | None) -> None:
        for row in range(self.model.rowCount()):
            if self.model.data(self.model.index(row, C_TITLE), Qt.ItemDataRole.UserRole) == event_id:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, C_TITLE))
                return

    def _row_changed(self) -> None:
        e = self.selected_event()
        self.timeline.selected_id = e.id if e else None
        self.timeline.update()

    # --- actions ----------------------------------------------------------------------------------
    def _error(self, error: CuratorError) -> None:
        QMessageBox.warning(self, "Дорожная карта", str(error))

    def mark_done(self) -> None:
        from .event_dialog import ask_done_date

        e = self.selected_event()
        if e is None:
            QMessageBox.information(self, "Дорожная карта", "Выберите мероприятие в таблице.")
            return
        day = ask_done_date(self, " ".join(e.title.split()))
        if day is not None:
            service.mark_done(e.id, day)
            self.ctx.notify(Changed.ROADMAP)

    def edit_selected(self) -> None:
        from .event_dialog import RoadmapEventDialog

        e = self.selected_event()
        if e is None:
            return
        if RoadmapEventDialog(e.id, self).exec():
            self.ctx.notify(Changed.ROADMAP)

    def _run_import(self, path: Path | None) -> None:
        from .import_dialog import RoadmapImportDialog

        dialog = RoadmapImportDialog(self, path)
        if dialog.exec() and dialog.saved_id:
            self.roadmap_id = dialog.saved_id
            self.ctx.notify(Changed.ROADMAP)

    def import_file(self) -> None:
        from .import_dialog import FILE_FILTER

        path = files.ask_open(self, "roadmap", "Дорожная карта", FILE_FILTER)
        if path is not None:
            self._run_import(path)

    def import_paste(self) -> None:
        self._run_import(None)

    def create_from_template(self) -> None:
        from curator_app.roadmap.template import create_from_template
        from curator_app.settings import load_school

        roadmap = create_from_template(load_school().academic_year)
        self.roadmap_id = roadmap.id
        self.ctx.notify(Changed.ROADMAP)

    def delete_roadmap(self) -> None:
        if self.roadmap_id is None:
            return
        title = self.roadmap_box.currentText()
        if QMessageBox.question(self, "Удалить дорожную карту",
                                f"Удалить дорожную карту «{title}» со всеми мероприятиями?") == \
                QMessageBox.StandardButton.Yes:
            service.delete_roadmap(self.roadmap_id)
            self.roadmap_id = None
            self.ctx.notify(Changed.ROADMAP)

    def export(self, kind: str) -> None:
        from curator_app.roadmap import export_roadmap

        if self.roadmap_id is None:
            return
        chosen = files.ask_save(self, "roadmap", "Выгрузить дорожную карту", f"Дорожная карта.{kind}",
                                EXPORT_FILTERS[kind])
        if chosen is None:
            return
        path = str(chosen if chosen.suffix.lower() == f".{kind}" else chosen.with_name(chosen.name + f".{kind}"))
        try:
            export_roadmap(path, self.roadmap_id, self.today)
        except CuratorError as error:
            self._error(error)
            return
        QMessageBox.information(self, "Дорожная карта", f"Дорожная карта выгружена в «{path}».")
