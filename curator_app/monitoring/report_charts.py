"""Charts for the analytic report, drawn with reportlab.graphics (vector, in the report's own fonts)."""

from __future__ import annotations

import textwrap

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors

from curator_app.lang.fmt import number, percent
from curator_app.pdf import SANS, register_fonts

BLUE = colors.HexColor("#2f6fad")
ORANGE = colors.HexColor("#e08a2c")
GREY = colors.HexColor("#d9d9d9")


def _label(text: str, width: int = 46) -> str:
    lines = textwrap.wrap(text, width)
    return "\n".join(lines[:2]) + ("…" if len(lines) > 2 else "")


def _scale_bars(labels: list[str], series: list[list[float]], y: float, width: float, row: int) -> HorizontalBarChart:
    """Horizontal bars per item on the 1–10 scale, labelled in the report's font; first item on top."""
    chart = HorizontalBarChart()
    chart.x, chart.y = 200, y
    chart.width, chart.height = width - 215, row * len(labels)
    chart.data = [list(reversed(values)) for values in series]
    chart.categoryAxis.categoryNames = [_label(t) for t in reversed(labels)]
    chart.categoryAxis.labels.fontName = SANS
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 10, 1
    chart.valueAxis.labels.fontName = SANS
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GREY
    return chart


def item_means_chart(labels: list[str], means: list[float], width: float = 480) -> Drawing:
    """Horizontal bars of the mean per item on the 1–10 scale."""
    register_fonts()
    row = 24
    height = row * len(labels) + 45
    drawing = Drawing(width, height)
    chart = _scale_bars(labels, [means], 30, width, row)
    chart.bars[0].fillColor = BLUE
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = lambda v: number(v, 1, fixed=True)  # «7,0» beside «7,4»
    chart.barLabels.fontName = SANS
    chart.barLabels.fontSize = 7.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    drawing.add(String(200, 2, "средний балл, шкала 1–10", fontName=SANS, fontSize=8, fillColor=colors.grey))
    return drawing


def before_after_chart(labels: list[str], before: list[float], after: list[float], baseline: str, current: str,
                       width: float = 480) -> Drawing:
    """Pairs of bars: the entry wave against this one, per item."""
    register_fonts()
    row = 30
    height = row * len(labels) + 60
    drawing = Drawing(width, height)
    chart = _scale_bars(labels, [before, after], 40, width, row)
    chart.bars[0].fillColor, chart.bars[1].fillColor = GREY, BLUE
    chart.bars.strokeColor = None
    chart.barSpacing = 1
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 200, 14
    legend.fontName, legend.fontSize = SANS, 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 150
    legend.colorNamePairs = [(GREY, baseline[:40]), (BLUE, current[:40])]
    drawing.add(legend)
    return drawing


def coverage_bar(label: str, share: float | None, target: float, width: float = 480) -> Drawing:
    """A progress bar with the target marked: «охват 62 % при цели 70 %»."""
    register_fonts()
    drawing = Drawing(width, 34)
    left, bar_w = 200, width - 215
    drawing.add(String(0, 14, label, fontName=SANS, fontSize=9))
    drawing.add(Rect(left, 8, bar_w, 16, fillColor=GREY, strokeColor=None))
    value = max(0.0, min(1.0, share or 0.0))
    drawing.add(Rect(left, 8, bar_w * value, 16, fillColor=BLUE if value >= target else ORANGE, strokeColor=None))
    drawing.add(Rect(left + bar_w * target - 1, 4, 2, 24, fillColor=colors.black, strokeColor=None))
    drawing.add(String(left + 4, 12, percent(share) if share is not None else "нет данных", fontName=SANS,
                       fontSize=9, fillColor=colors.white if value > 0.1 else colors.black))
    drawing.add(String(left + bar_w * target + 4, 26, f"цель {percent(target)}", fontName=SANS, fontSize=7))
    return drawing
