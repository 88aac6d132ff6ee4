"""The widgets of the «Мониторинг» tab: waves and who answered, keyboard entry of paper questionnaires,
templates, analytics with charts (QtCharts is imported only here, when the tab is first built)."""
