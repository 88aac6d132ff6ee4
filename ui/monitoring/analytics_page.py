"""Мониторинг → Аналитика: the figures of a wave (computed off the UI thread), charts, strengths and
weaknesses, the curator's conclusions, and the analytic report (PDF) and municipal table (XLSX)."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from curator_app.lang.fmt import number, percent
from curator_app.monitoring.analytics import ItemStats, WaveAnalytics, analyse
from curator_app.monitoring.findings import findings
from curator_app.monitoring.indicators import indicators
from curator_app.monitoring.waves import update_wave, waves
from curator_app.tasks import TaskState
from ui.common import files, worker
from ui.common.context import AppContext
from ui.common.table_model import Column, RowsModel
from ui.monitoring import charts


def _num(value: float | None) -> str:
    return "—" if value is None else number(value)


def _detail(item: ItemStats) -> str:
    if item.kind == "scale":
        return f"8–10: {percent(item.satisfied or 0)}"
    if item.kind == "yes_no":
        return f"«да»: {percent(item.mean or 0)}"
    if item.kind in ("single", "multi"):
        return "; ".join(f"{label}: {count}" for label, count in item.distribution() if count)
    if item.kind == "text":
        return f"открытых ответов: {len(item.texts)}"
    return ""


class AnalyticsPage(QWidget):
    """``changed`` after the conclusions were saved."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.analytics: WaveAnalytics | None = None
        self.changes: dict[tuple[str, str], Any] = {}
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Волна:"))
        self.wave = QComboBox()
        self.wave.setMinimumWidth(280)
        bar.addWidget(self.wave)
        bar.addWidget(QLabel("Анкета:"))
        self.questionnaire = QComboBox()
        self.questionnaire.setMinimumWidth(260)
        bar.addWidget(self.questionnaire)
        bar.addStretch(1)
        bar.addWidget(QLabel("Дата справки:"))
        self.report_date = QDateEdit(QDate.currentDate())
        self.report_date.setCalendarPopup(True)
        self.report_date.setDisplayFormat("dd.MM.yyyy")
        bar.addWidget(self.report_date)
        self.pdf_button = QPushButton("Аналитическая справка (PDF)…")
        self.xlsx_button = QPushButton("Таблица для муниципалитета (XLSX)…")
        bar.addWidget(self.pdf_button)
        bar.addWidget(self.xlsx_button)
        layout.addLayout(bar)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.items_model = RowsModel([
            Column("Вопрос", lambda i: i.text),
            Column("Ответов", lambda i: i.n),
            Column("Среднее", lambda i: i.mean if i.kind in ("scale", "number") else None, _num),
            Column("Медиана", lambda i: i.median if i.kind in ("scale", "number") else None, _num),
            Column("Распределение", _detail),
            Column("Было", lambda i: self._change(i, "before"), _num),
            Column("Изменение", lambda i: self._change(i, "diff"), self._signed, color=lambda i: self._change_color(i)),
        ], self)
        self.items_view = QTableView()
        self.items_view.setModel(self.items_model)
        self.items_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items_view.verticalHeader().setVisible(False)
        header = self.items_view.horizontalHeader()
        for column in range(1, self.items_model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)  # long lists of choices: tooltip
        header.resizeSection(4, 150)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.items_view.setWordWrap(True)
        self.charts = QTabWidget()
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(self.items_view)
        upper.addWidget(self.charts)
        upper.setSizes([640, 640])

        lower = QWidget()
        lower_layout = QHBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.findings = QTextBrowser()
        lower_layout.addWidget(self.findings, 3)
        right = QVBoxLayout()
        right.addWidget(QLabel("Выводы куратора (печатаются в справке):"))
        self.conclusions = QPlainTextEdit()
        self.conclusions.setPlaceholderText("Например: программа реализуется успешно; усилить групповые встречи…")
        right.addWidget(self.conclusions, 1)
        self.save_conclusions = QPushButton("Сохранить выводы")
        self.save_conclusions.setEnabled(not ctx.read_only)
        right.addWidget(self.save_conclusions)
        lower_layout.addLayout(right, 2)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setSizes([430, 190])
        layout.addWidget(splitter, 1)

        self.wave.activated.connect(lambda _i: self.refresh())
        self.questionnaire.activated.connect(lambda _i: self._show_items())
        self.pdf_button.clicked.connect(lambda: self._export("pdf"))
        self.xlsx_button.clicked.connect(lambda: self._export("xlsx"))
        self.save_conclusions.clicked.connect(self._save_conclusions)

    # ---- loading -------------------------------------------------------------------------------------

    def load(self, wave_id: int | None = None) -> None:
        keep = wave_id or self.wave.currentData()
        self.wave.clear()
        for w in waves():
            self.wave.addItem(w.title, w.id)
        if self.wave.count() == 0:
            self.summary.setText("Волн анкетирования пока нет: создайте волну на странице «Волны».")
            self._set_enabled(False)
            return
        index = self.wave.findData(keep)
        self.wave.setCurrentIndex(index if index >= 0 else 0)
        self.refresh()

    def _set_enabled(self, on: bool) -> None:
        for widget in (self.pdf_button, self.xlsx_button, self.questionnaire):
            widget.setEnabled(on)
        self.save_conclusions.setEnabled(on and not self.ctx.read_only)

    def refresh(self) -> None:
        wave_id = self.wave.currentData()
        if wave_id is None:
            return
        self.summary.setText("Считаю…")
        self._set_enabled(False)
        worker.start(self, lambda state: analyse(wave_id), self.show_analytics, self._failed, key="analytics")

    def _failed(self, message: str) -> None:
        self.summary.setText(message)

    def show_analytics(self, analytics: WaveAnalytics) -> None:
        self.analytics = analytics
        self.changes = {(c.questionnaire, c.code): c for c in (analytics.change.items if analytics.change else [])}
        self._set_enabled(True)
        keep = self.questionnaire.currentData()
        self.questionnaire.clear()
        seen: dict[str, str] = {}
        for item in analytics.items:
            seen.setdefault(item.questionnaire, item.questionnaire_title)
        for code, title in seen.items():
            self.questionnaire.addItem(title, code)
        index = self.questionnaire.findData(keep)
        self.questionnaire.setCurrentIndex(index if index >= 0 else 0)
        rate = percent(analytics.rate) if analytics.rate is not None else "—"
        overall = analytics.overall
        self.summary.setText(
            f"Должны ответить: {analytics.expected}, ответили: {analytics.answered} ({rate}). Средний балл: "
            f"{_num(overall.mean)}; удовлетворены программой (средний балл участника 8 и выше): "
            f"{percent(overall.satisfied) + ' ответивших' if overall.satisfied is not None else '—'}"
            + (f". Сравнение с волной «{analytics.change.baseline_title}»." if analytics.change else "."))
        self.conclusions.setPlainText(analytics.wave.conclusions or "")
        self._show_items()
        self._show_findings()

    def _show_items(self) -> None:
        analytics = self.analytics
        if analytics is None:
            return
        code = self.questionnaire.currentData()
        items = [i for i in analytics.items if i.questionnaire == code]
        self.items_model.set_rows(items)
        self.items_view.resizeRowsToContents()
        self._show_charts(analytics, items)

    def _show_charts(self, analytics: WaveAnalytics, items: list[ItemStats]) -> None:
        current = self.charts.currentIndex()
        while self.charts.count():
            widget = self.charts.widget(0)
            self.charts.removeTab(0)
            if widget is not None:
                widget.deleteLater()
        scale = [i for i in items if i.kind == "scale" and i.mean is not None]
        if scale:
            self.charts.addTab(charts.item_means_view([i.text for i in scale], [i.mean or 0 for i in scale],
                                                      "Средний балл по вопросам (1–10)"), "Средние по вопросам")
        moved = [self.changes[(i.questionnaire, i.code)] for i in scale if (i.questionnaire, i.code) in self.changes]
        if moved and analytics.change:
            self.charts.addTab(charts.before_after_view([c.text for c in moved], [c.before for c in moved],
                                                        [c.after for c in moved], analytics.change.baseline_title,
                                                        analytics.wave.title), "До и после")
        groups = [g for g in [*analytics.by_role.values(), *analytics.by_form.values()] if g.mean is not None]
        if groups:
            self.charts.addTab(charts.item_means_view([g.label for g in groups], [g.mean or 0 for g in groups],
                                                      "Средний балл по ролям и формам наставничества"),
                               "По ролям и формам")
        cov = analytics.coverage
        gauges = QWidget()
        row = QHBoxLayout(gauges)
        row.addWidget(charts.coverage_gauge("Обучающиеся 10–18 лет", cov.pupils_share, cov.target))
        row.addWidget(charts.coverage_gauge("Педагоги до 35 лет", cov.young_teachers_share, cov.target))
        self.charts.addTab(gauges, "Охват")
        self.charts.setCurrentIndex(max(0, min(current, self.charts.count() - 1)))

    def _show_findings(self) -> None:
        if self.analytics is None:
            return
        found = findings(self.analytics, counts=indicators(self.report_date.date().toPython()))
        parts = [f"<p>{escape(line)}</p>" for line in found.summary]
        for title, lines in (("Сильные стороны", found.strengths), ("Слабые стороны", found.weaknesses),
                             ("Возможности", found.opportunities), ("Угрозы", found.threats),
                             ("Наибольшие изменения", found.changes)):
            if lines:
                parts.append(f"<b>{title}</b><ul>" + "".join(f"<li>{escape(x)}</li>" for x in lines) + "</ul>")
        opened = self.analytics.open_answers()
        if opened:
            parts.append("<b>Открытые ответы</b>")
            for item in opened:
                quotes = list(dict.fromkeys(item.texts))[:5]
                parts.append(f"<p><i>{escape(item.text)}</i> ({escape(item.questionnaire_title.lower())}): "
                             + "; ".join(f"«{escape(q)}»" for q in quotes) + "</p>")
        self.findings.setHtml("".join(parts))

    # ---- the change column ---------------------------------------------------------------------------

    def _change(self, item: ItemStats, what: str) -> float | None:
        change = self.changes.get((item.questionnaire, item.code))
        return None if change is None else float(getattr(change, what))

    @staticmethod
    def _signed(value: float | None) -> str:
        return "—" if value is None else ("+" if value >= 0 else "−") + number(abs(value))

    def _change_color(self, item: ItemStats) -> str | None:
        value = self._change(item, "diff")
        if value is None or abs(value) < 0.1:
            return None
        return "#2e7d32" if value > 0 else "#b00020"

    # ---- actions -------------------------------------------------------------------------------------

    def _save_conclusions(self) -> None:
        if self.analytics is None:
            return
        wave = update_wave(self.analytics.wave.id, conclusions=self.conclusions.toPlainText().strip() or None)
        self.analytics.wave = wave
        self.summary.setText(self.summary.text().split(" Выводы сохранены.")[0] + " Выводы сохранены.")
        self.changed.emit()

    def _export(self, kind: str) -> None:
        analytics = self.analytics
        if analytics is None:
            return
        if (self.conclusions.toPlainText().strip() or None) != (analytics.wave.conclusions or None) \
                and not self.ctx.read_only:
            self._save_conclusions()
        if kind == "pdf":
            path = files.ask_save(self, "monitoring", "Аналитическая справка", "Аналитическая справка.pdf",
                                  "PDF (*.pdf)")
        else:
            path = files.ask_save(self, "monitoring", "Таблица мониторинга", "Мониторинг наставничества.xlsx",
                                  "Excel (*.xlsx)")
        if path is None:
            return
        self.export_to(kind, str(path))

    def export_to(self, kind: str, path: str) -> None:
        """Build the report or the table off the UI thread and tell the curator where it went."""
        analytics = self.analytics
        if analytics is None:
            return

        day = self.report_date.date().toPython()

        def build(state: TaskState) -> str:
            if kind == "pdf":
                from curator_app.monitoring import build_report

                build_report(analytics, path, day=day)
            else:
                from curator_app.district import build_school_table

                build_school_table(analytics, path, as_of=day)  # with the row for the district, on that day
            return path

        def done(saved: str) -> None:
            self.summary.setText(f"Сохранено: {saved}")

        def failed(message: str) -> None:
            QMessageBox.warning(self, "Мониторинг", message)

        worker.start(self, build, done, failed, key="report")
