"""Tab «Мониторинг»: survey waves and who answered, keyboard entry of paper questionnaires, the
questionnaire templates, and the analytics with charts, the analytic report and the municipal table.

The pages (and QtCharts with them) are built when the tab is first shown, not at the window's start.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from curator_app.settings import load_school
from ui.common.context import AppContext, Changed
from ui.common.next_step import NextStep
from ui.common.tab import BaseTab


class MonitoringTab(BaseTab):
    subjects = (Changed.MONITORING, Changed.MENTORSHIPS, Changed.PEOPLE, Changed.SETTINGS)

    PAGES = ("waves", "entry", "templates", "analytics")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.pages = QTabWidget()
        self.next_step = NextStep()  # no waves yet: the year's two, in one click
        layout = QVBoxLayout(self)
        layout.addWidget(self.next_step)
        layout.addWidget(self.pages)
        self._built = False
        self._entry_saved = False
        self._stale_pages: set[int] = set()

    def _build(self) -> None:
        """The pages, built on the first show: QtCharts is loaded then, not when the window starts."""
        from .analytics_page import AnalyticsPage
        from .entry_form import EntryForm
        from .templates_page import TemplatesPage
        from .waves_page import WavesPage

        ctx = self.ctx
        self.waves = WavesPage(ctx)
        self.entry = EntryForm(ctx)
        self.templates = TemplatesPage(ctx)
        self.analytics = AnalyticsPage(ctx)
        self.pages.addTab(self.waves, "Волны и участники")
        self.pages.addTab(self.entry, "Ввод ответов")
        self.pages.addTab(self.analytics, "Аналитика и справка")
        self.pages.addTab(self.templates, "Анкеты")
        self.waves.enter.connect(self.open_entry)
        self.waves.changed.connect(self._changed)
        self.templates.changed.connect(self._changed)
        self.analytics.changed.connect(self._changed)
        self.entry.saved.connect(self._saved)
        self.pages.currentChanged.connect(self._page_shown)
        self._built = True

    def load(self) -> None:
        from curator_app.monitoring import ensure_templates

        ensure_templates()  # an older database gets the shipped templates on first use
        if not self._built:
            self._build()
        self._stale_pages = set(range(self.pages.count()))
        if self._entry_saved:  # the form already shows the next respondent
            self._stale_pages.discard(self.pages.indexOf(self.entry))
            self._entry_saved = False
        self._page_shown(self.pages.currentIndex())
        self._offer_waves()

    def _offer_waves(self) -> None:
        from curator_app.monitoring import waves

        if waves() or self.ctx.read_only:
            self.next_step.hide()
            return
        year = load_school().academic_year
        self.next_step.offer(f"Волн анкетирования пока нет. В {year} учебном году их две: входная (ответы до "
                             "20 декабря) и итоговая (до 20 мая); отвечают наставники и наставляемые действующих пар.",
                             [("Создать обе волны", self._create_year_waves)])

    def _create_year_waves(self) -> None:
        from curator_app.monitoring.waves import create_year_waves

        create_year_waves(load_school().academic_year)
        self._changed()

    def _wave_id(self) -> int | None:
        from curator_app.monitoring import latest_wave

        chosen = self.waves.wave_id()
        if chosen is None:
            latest = latest_wave()
            chosen = latest.id if latest else None
        return chosen

    def _page_shown(self, index: int) -> None:
        """Pages read the database when they are shown and something changed since."""
        if index not in self._stale_pages:
            return
        self._stale_pages.discard(index)
        page = self.pages.widget(index)
        if page is self.waves:
            self.waves.load()
        elif page is self.templates:
            self.templates.load()
        elif page is self.analytics:
            self.analytics.load(self._wave_id())
        elif page is self.entry:
            if self.entry.wave_id is None:
                self.entry.set_wave(self._wave_id())
            else:
                self.entry.reload()

    def open_entry(self, wave_id: int, person_id: int) -> None:
        self.entry.set_wave(wave_id, person_id or None)
        self._stale_pages.discard(self.pages.indexOf(self.entry))
        self.pages.setCurrentWidget(self.entry)

    def _saved(self, _response_id: int) -> None:
        self._entry_saved = True
        self._changed()

    def _changed(self) -> None:
        """Tell the window (status bar, other tabs); this tab refreshes what is stale on its own."""
        self.ctx.notify(Changed.MONITORING)
