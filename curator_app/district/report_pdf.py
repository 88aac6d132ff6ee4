"""The district's analytic report (сводная аналитическая справка) as a PDF in the house style: where the
figures come from, the totals, coverage school by school, the schools behind the target, a chart per
indicator with a bar per school, the SWOT, and the methodologist's conclusions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from curator_app.lang.fmt import date_long, date_short, number, percent
from curator_app.pdf import SERIF, build_pdf, styles

from .charts import school_bars
from .columns import COLUMNS, SchoolRow, total_row
from .findings import district_swot, of_schools, shortfall

WIDTH = 180 * mm
# (column, caption, with the target line): the charts, one per indicator
CHARTS: tuple[tuple[str, str, bool], ...] = (
    ("pupils_share", "охват обучающихся 10–18 лет наставничеством", True),
    ("young_teachers_share", "доля педагогов до 35 лет, у которых есть наставник", False),
    ("young_specialists_share", "доля молодых специалистов (стаж 0–3 года) с наставником", False),
    ("mentors_trained_share", "доля наставников, прошедших обучение", False),
    ("mentorships_active", "действующие пары и группы", False),
    ("satisfied_share", "доля участников, удовлетворённых программой (оценка 8–10)", False),
    ("mean_score", "средний балл программы участниками, шкала 1–10", False),
    ("mean_change", "изменение среднего балла: «после» против «до»", False),
)


def _p(text: str, style: Any) -> Paragraph:
    return Paragraph(escape(text), style)


def _table(rows: list[list[Any]], widths: list[float], st: dict[str, Any], bold_last: bool = False) -> Table:
    cells = [[_p(str(c), st["cell_bold"]) for c in rows[0]]]
    cells += [[_p(str(c), st["cell"]) for c in row] for row in rows[1:]]
    table = Table(cells, colWidths=widths, repeatRows=1)
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("FONTNAME", (0, 0), (-1, -1), SERIF),  # a table's own default is Helvetica, not embedded
             ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
             ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    if bold_last:
        style.append(("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#eeeeee")))
    table.setStyle(TableStyle(style))
    return table


def show(value: Any, kind: str) -> str:
    if value is None or value == "":
        return "—"
    if kind == "share":
        return percent(value, 1)
    if kind == "score":
        return number(value, 2)
    if kind == "date":
        return date_short(value)
    if kind == "count":
        return number(value, 0)
    return str(value)


def build_district_report(rows: Sequence[SchoolRow], path: str | Path, *, day: dt.date, district: str = "",
                          notes: Sequence[str] = (), conclusions: str = "") -> Path:
    """Write the district's report on ``rows`` (one per school) to ``path`` (PDF, atomically)."""
    schools = list(rows)
    st, small = styles(14), styles(10)
    total = total_row(schools)
    story: list[Flowable] = []
    add = story.append
    if district:
        add(_p(district, styles(11)["center"]))
        add(Spacer(1, 6 * mm))
    add(_p("СВОДНАЯ АНАЛИТИЧЕСКАЯ СПРАВКА", st["title"]))
    add(_p("о реализации целевой модели наставничества в образовательных организациях", st["center"]))
    add(Spacer(1, 3 * mm))
    add(_p(date_long(day), st["center"]))
    add(Spacer(1, 6 * mm))

    add(_p("1. Источники данных", st["heading"]))
    dates = [r.as_of for r in schools if r.as_of]
    period = (f"на {date_short(min(dates))}" if dates and min(dates) == max(dates) else
              f"на даты с {date_short(min(dates))} по {date_short(max(dates))}" if dates else "без дат")
    add(_p(f"Справка составлена по таблицам мониторинга наставничества {of_schools(len(schools))} "
           f"(данные {period}), собранным программой «Куратор наставничества».", st["body"]))
    for note in notes:
        add(_p(note, small["cell"]))
    sources: list[list[Any]] = [["№", "Образовательная организация", "По состоянию на", "Ответственный"]]
    sources += [[n, r.label, show(r.as_of, "date"), r["responsible"] or "—"] for n, r in enumerate(schools, 1)]
    add(_table(sources, [10 * mm, 80 * mm, 30 * mm, 60 * mm], small))

    add(CondPageBreak(60 * mm))
    add(_p("2. Итоговые показатели", st["heading"]))
    add(_p("Численность — сумма по организациям; доли — из суммы численностей; баллы — среднее, взвешенное по "
           "числу ответивших.", small["small"]))
    totals: list[list[Any]] = [["Показатель", "Итого по району"]]
    totals += [[c.header, show(total[c.key], c.kind)] for c in COLUMNS
               if c.kind in ("count", "share", "score") and total[c.key] is not None]
    add(_table(totals, [130 * mm, 50 * mm], small))

    add(CondPageBreak(60 * mm))
    add(_p("3. Охват обучающихся 10–18 лет по организациям", st["heading"]))
    cover: list[list[Any]] = [["Организация", "Обучающихся 10–18 лет", "В наставничестве", "Охват", "Цель",
                               "До цели не хватает"]]
    for r in sorted(schools, key=lambda r: -(r["pupils_share"] if r["pupils_share"] is not None else -1)):
        cover.append([r.label, show(r["pupils_total"], "count"), show(r["pupils_covered"], "count"),
                      show(r["pupils_share"], "share"), show(r["target"], "share"), show(shortfall(r), "count")])
    cover.append(["Итого", show(total["pupils_total"], "count"), show(total["pupils_covered"], "count"),
                  show(total["pupils_share"], "share"), show(total["target"], "share"),
                  show(sum(shortfall(r) or 0 for r in schools), "count")])
    add(_table(cover, [60 * mm, 26 * mm, 26 * mm, 20 * mm, 18 * mm, 30 * mm], small, bold_last=True))

    add(_p("4. Организации, не достигшие целевого охвата", st["heading"]))
    behind = sorted((r for r in schools if r.below_target), key=lambda r: r["pupils_share"] or 0)
    if behind:
        for r in behind:
            add(_p(f"— {r.label}: охват {show(r['pupils_share'], 'share')} при цели {show(r['target'], 'share')}; "
                   f"не хватает {show(shortfall(r), 'count')} обучающихся.", st["body"]))
    else:
        add(_p("Все организации, указавшие численность обучающихся, достигли целевого охвата.", st["body"]))

    _charts(story, schools, st)
    _swot(story, schools, day, st)
    _conclusions(story, conclusions, st)
    return build_pdf(path, story, title="Сводная аналитическая справка о наставничестве")


def _charts(story: list[Flowable], schools: list[SchoolRow], st: dict[str, Any]) -> None:
    story.append(CondPageBreak(80 * mm))
    story.append(_p("5. Показатели по организациям", st["heading"]))
    kinds = {c.key: c.kind for c in COLUMNS}
    labels = [r.label for r in schools]
    for key, caption, with_target in CHARTS:
        values = [r[key] for r in schools]
        if all(v is None for v in values):
            continue
        target = schools[0]["target"] if with_target and schools else None
        kind = "change" if key == "mean_change" else kinds[key]
        drawings = school_bars(labels, values, kind, WIDTH, target)
        story.append(KeepTogether([_p(caption[0].upper() + caption[1:], st["plain"]), drawings[0]]))
        for drawing in drawings[1:]:
            story.append(drawing)
        story.append(Spacer(1, 4 * mm))


def _swot(story: list[Flowable], schools: list[SchoolRow], day: dt.date, st: dict[str, Any]) -> None:
    found = district_swot(schools, day)
    story.append(CondPageBreak(50 * mm))
    story.append(_p("6. Сильные и слабые стороны, возможности и угрозы", st["heading"]))
    for line in found.summary:
        story.append(_p(line, st["body"]))
    for title, lines in (("Сильные стороны:", found.strengths), ("Слабые стороны:", found.weaknesses),
                         ("Возможности:", found.opportunities), ("Угрозы:", found.threats)):
        block = [_p(title, st["plain"])]
        block += [_p(f"— {line}", st["body"]) for line in lines] or [_p("— не выявлены по сводным данным.", st["body"])]
        story.append(KeepTogether(block))


def _conclusions(story: list[Flowable], conclusions: str, st: dict[str, Any]) -> None:
    story.append(CondPageBreak(50 * mm))
    story.append(_p("7. Выводы и предложения", st["heading"]))
    paragraphs = [p.strip() for p in conclusions.strip().split("\n") if p.strip()]
    if paragraphs:
        story += [_p(p, st["body"]) for p in paragraphs]
    else:
        for _ in range(6):
            story.append(Spacer(1, 7 * mm))
            story.append(_p("_" * 70, st["plain"]))
    story.append(Spacer(1, 12 * mm))
    sign = Table([[_p("Методист", st["plain"]), _p("____________", st["plain"]), _p("", st["plain"])]],
                 colWidths=[90 * mm, 40 * mm, 50 * mm])
    sign.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SERIF)]))
    story.append(sign)
