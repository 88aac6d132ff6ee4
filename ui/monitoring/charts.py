"""QtCharts views of the analytics: bars per item, before/after, the coverage gauge.

Imported only by the monitoring tab's pages, so the main window starts without loading QtCharts.
"""

from __future__ import annotations

import textwrap

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

from curator_app.lang.fmt import percent

BLUE, GREY, ORANGE = QColor("#2f6fad"), QColor("#b9c3cc"), QColor("#e08a2c")


def _short(text: str, width: int = 38) -> str:
    return textwrap.shorten(text, width, placeholder="…")


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setPointSize(10)
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setVisible(False)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setLocalizeNumbers(True)  # «7,5», not «7.5»
    chart.setLocale(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    return chart


def _view(chart: QChart, parent: QWidget | None = None) -> QChartView:
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    return view


def _bars(chart: QChart, labels: list[str], sets: list[QBarSet], values_on_bars: bool = True) -> None:
    series = QHorizontalBarSeries()
    for bar_set in sets:
        series.append(bar_set)
    series.setLabelsVisible(values_on_bars)
    series.setLabelsFormat("@value")
    series.setLabelsPrecision(2)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([_short(t) for t in reversed(labels)] if labels else [""])
    values = QValueAxis()
    values.setRange(0, 10)
    values.setTickCount(6)
    values.setLabelFormat("%.0f")
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    series.attachAxis(values)


def item_means_view(labels: list[str], means: list[float], title: str, parent: QWidget | None = None) -> QChartView:
    """Mean per item on the 1–10 scale, the first item on top."""
    chart = _chart(title)
    bar_set = QBarSet("Средний балл")
    bar_set.setColor(BLUE)
    bar_set.append([round(v, 1) for v in reversed(means)])
    _bars(chart, labels, [bar_set])
    return _view(chart, parent)


def before_after_view(labels: list[str], before: list[float], after: list[float], before_title: str,
                      after_title: str, parent: QWidget | None = None) -> QChartView:
    chart = _chart("До и после: средний балл участников, ответивших в обеих волнах")
    first, second = QBarSet(before_title), QBarSet(after_title)
    first.setColor(GREY)
    second.setColor(BLUE)
    first.append([round(v, 1) for v in reversed(before)])
    second.append([round(v, 1) for v in reversed(after)])
    _bars(chart, labels, [first, second], values_on_bars=False)
    chart.legend().setVisible(True)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return _view(chart, parent)


def coverage_gauge(title: str, share: float | None, target: float, parent: QWidget | None = None) -> QChartView:
    """A donut: the covered share against the rest, coloured by whether the target is reached."""
    chart = _chart(f"{title}: {percent(share) if share is not None else 'нет данных'} (цель {percent(target)})")
    series = QPieSeries()
    series.setHoleSize(0.55)
    value = max(0.0, min(1.0, share or 0.0))
    covered = series.append("охвачены", value)
    rest = series.append("не охвачены", 1 - value)
    covered.setColor(BLUE if value >= target else ORANGE)
    rest.setColor(QColor("#e6e6e6"))
    series.setPieStartAngle(0)
    chart.addSeries(series)
    chart.legend().setVisible(True)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return _view(chart, parent)
