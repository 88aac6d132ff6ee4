"""Charts of the district's report: one indicator, a bar per school, in the report's own fonts and colours
(``monitoring.report_charts``). A district of many schools gets its bars in blocks of :data:`PER_CHART`,
since a drawing cannot break across pages."""

from __future__ import annotations

import math
import textwrap

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors

from curator_app.lang.fmt import number, percent
from curator_app.monitoring.report_charts import BLUE, GREY, ORANGE
from curator_app.pdf import SANS, register_fonts

PER_CHART = 45  # a block fills at most a page
ROW = 14
LEFT = 170


def _label(text: str, width: int = 34) -> str:
    lines = textwrap.wrap(text, width)
    return lines[0] + ("…" if len(lines) > 1 else "") if lines else ""


def _fmt(value: float, kind: str) -> str:
    if kind == "share":
        return percent(value)
    if kind in ("score", "change"):
        return ("+" if kind == "change" and value > 0 else "") + number(value, 2)
    return number(value, 0)


def _scale(values: list[float], kind: str) -> tuple[float, float, float]:
    """(min, max, step) of the value axis: a share 0–100 %, a score 0–10, a change of a score symmetric
    around nought, a count from nought to a round number."""
    if kind == "share":
        return 0.0, 1.0, 0.1
    if kind == "score":
        return 0.0, 10.0, 1.0
    if kind == "change":
        largest = max([abs(v) for v in values] + [0.0])
        reach = next((r for r in (1.0, 2.0, 4.0, 8.0) if largest <= r), 10.0)
        return -reach, reach, reach / 4
    high = max([*values, 1.0])
    step = 10 ** max(0, len(str(int(high))) - 1)
    high = math.ceil(high / step) * step
    return 0.0, float(high), float(step if high / step <= 10 else step * 2)


def school_bars(labels: list[str], values: list[float | None], kind: str, width: float = 480,
                target: float | None = None) -> list[Drawing]:
    """Bars of one indicator per school (``kind``: share, score, change or count), a drawing per block of
    :data:`PER_CHART` schools on one scale. With ``target`` a vertical line marks it and the schools below
    it are orange. A school without the figure has no bar and «нет данных» beside its name."""
    register_fonts()
    axis = _scale([v for v in values if v is not None], kind)
    return [_block(labels[start:start + PER_CHART], values[start:start + PER_CHART], kind, width, target, axis)
            for start in range(0, len(labels), PER_CHART)]


def _block(labels: list[str], values: list[float | None], kind: str, width: float, target: float | None,
           axis: tuple[float, float, float]) -> Drawing:
    low, high, step = axis
    height = ROW * len(labels) + 24
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = LEFT, 14
    chart.width, chart.height = width - LEFT - 40, ROW * len(labels)
    shown = list(reversed(values))  # the first school on top
    chart.data = [[v if v is not None else 0 for v in shown]]
    chart.categoryAxis.categoryNames = [_label(t) for t in reversed(labels)]
    chart.categoryAxis.labels.fontName = SANS
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.joinAxisMode = "left"  # names at the left edge, also when bars go below nought
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = low, high, step
    chart.valueAxis.labels.fontName = SANS
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = (lambda v: percent(v)) if kind == "share" else (lambda v: number(v, 2))
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GREY
    chart.bars.strokeColor = None
    chart.bars[0].fillColor = BLUE
    chart.barWidth = 8
    for i, value in enumerate(shown):
        if target is not None and value is not None and value < target:
            chart.bars[(0, i)].fillColor = ORANGE
    drawing.add(chart)
    span = (high - low) or 1.0
    for i, value in enumerate(shown):
        y = chart.y + ROW * i + ROW / 2 - 3
        if value is None:
            drawing.add(String(chart.x + 3, y, "нет данных", fontName=SANS, fontSize=7, fillColor=colors.grey))
            continue
        x = chart.x + chart.width * (max(low, min(high, max(value, 0) if low < 0 else value)) - low) / span
        drawing.add(String(x + 3, y, _fmt(value, kind), fontName=SANS, fontSize=7))
    if target is not None:
        x = chart.x + chart.width * (target - low) / span
        drawing.add(Line(x, chart.y - 2, x, chart.y + chart.height + 4, strokeColor=colors.black, strokeWidth=1.2))
        drawing.add(String(x + 2, chart.y + chart.height + 5, f"цель {_fmt(target, kind)}", fontName=SANS, fontSize=7))
    return drawing
