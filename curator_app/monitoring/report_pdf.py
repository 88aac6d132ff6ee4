"""The analytic report (аналитическая справка) on a survey wave for the pedagogical council, as a PDF in the
house style: aim, period, participants and coverage, pairs by form, mentors by category and training,
young specialists, the figures in tables and charts, a full SWOT, open answers quoted, and the curator's
conclusions (or, when the curator wrote none, conclusions drafted from the figures — never blank lines).
The report carries the date it is given (by default today).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from curator_app.lang.fmt import date_long, date_short, percent, plural
from curator_app.lang.text import signature_name
from curator_app.pdf import build_pdf, styles
from curator_app.settings import load_school

from .analytics import ItemStats, WaveAnalytics, coverage
from .findings import Findings, draft_conclusions, findings, score
from .indicators import Indicators, indicators
from .report_charts import before_after_chart, coverage_bar, item_means_chart

WIDTH = 180 * mm  # A4 minus the house margins
QUOTES_PER_ITEM = 8


def _p(text: str, style: Any) -> Paragraph:
    return Paragraph(escape(text), style)


def _table(rows: list[list[Any]], widths: list[float], st: dict[str, Any], align_right_from: int = 1) -> Table:
    cells = [[_p(str(c), st["cell_bold"]) for c in rows[0]]]
    for row in rows[1:]:
        cells.append([c if isinstance(c, Flowable) else _p(str(c), st["cell"]) for c in row])
    table = Table(cells, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _fmt(value: float | None, share: bool = False) -> str:
    if value is None:
        return "—"
    return percent(value) if share else score(value)


def _item_row(index: int, item: ItemStats) -> list[str]:
    if item.kind == "scale":
        detail = f"8–10: {percent(item.satisfied or 0)}"
    elif item.kind == "yes_no":
        detail = f"«да»: {percent(item.mean or 0)}"
    elif item.kind in ("single", "multi"):
        total = max(1, item.n)
        detail = "; ".join(f"{label} — {percent(count / total)}" for label, count in item.distribution() if count)
    else:
        detail = ""
    mean = _fmt(item.mean) if item.kind in ("scale", "number") else "—"
    median = _fmt(item.median) if item.kind in ("scale", "number") else "—"
    return [str(index), item.text, str(item.n), mean, median, detail]


def build_report(analytics: WaveAnalytics, path: str | Path, *, day: dt.date | None = None,
                 conclusions: str | None = None) -> Path:
    """Write the analytic report of ``analytics`` to ``path`` (PDF, atomically), dated ``day`` (today by
    default), with ``conclusions`` (else the wave's saved ones, else drafted from the figures)."""
    st = styles(14)
    small = styles(11)
    school = load_school()
    wave = analytics.wave
    day = day or dt.date.today()
    # the figures of the report's own day (not the day the analytics were computed): coverage and counts
    # agree with the date printed on it
    analytics = dataclasses.replace(analytics, coverage=coverage(min(wave.due_date or day, day)))
    counts = indicators(day)
    story: list[Flowable] = []
    add = story.append
    if school.full_name:
        add(_p(school.full_name, small["center"]))
        add(Spacer(1, 6 * mm))
    add(_p("АНАЛИТИЧЕСКАЯ СПРАВКА", st["title"]))
    add(_p(f"по итогам мониторинга реализации программы наставничества: {wave.title}", st["center"]))
    add(Spacer(1, 3 * mm))
    add(_p(f"{school.city + ', ' if school.city else ''}{date_long(day)}", st["center"]))
    add(Spacer(1, 6 * mm))

    add(_p("1. Цель мониторинга", st["heading"]))
    add(_p("Оценить качество процесса реализации программы наставничества (сильные и слабые стороны, "
           "качество работы пар и групп) и её влияние на участников: мотивацию, личностный и профессиональный "
           "рост, сравнив ответы до и после участия.", st["body"]))
    add(_p("2. Сроки и участники", st["heading"]))
    period = (f"с {date_short(wave.start_date)} по {date_short(wave.due_date)}" if wave.start_date and wave.due_date
              else "не указаны")
    year = f", {wave.academic_year} учебный год" if wave.academic_year else ""
    expected = plural(analytics.expected, "участник", "участника", "участников")
    add(_p(f"Сроки анкетирования: {period}{year}. Должны были ответить {expected} пар и групп, "
           f"ответили {analytics.answered} ({_fmt(analytics.rate, True)}).", st["body"]))
    rows: list[list[Any]] = [["Участники", "Должны ответить", "Ответили", "Доля ответивших", "Средний балл",
                              "Удовлетворены (8–10)"]]
    for group in [*analytics.by_role.values(), analytics.overall]:
        rows.append([group.label, group.expected, group.respondents, _fmt(group.rate, True), _fmt(group.mean),
                     _fmt(group.satisfied, True)])
    add(_table(rows, [50 * mm, 25 * mm, 22 * mm, 27 * mm, 25 * mm, 31 * mm], small))
    add(Spacer(1, 3 * mm))
    rows = [["Форма наставничества", "Должны ответить", "Ответили", "Средний балл", "Удовлетворены (8–10)"]]
    for group in analytics.by_form.values():
        rows.append([group.label, group.expected, group.respondents, _fmt(group.mean), _fmt(group.satisfied, True)])
    add(_table(rows, [66 * mm, 28 * mm, 24 * mm, 28 * mm, 34 * mm], small))

    cov = analytics.coverage
    add(_p("3. Охват наставничеством", st["heading"]))
    rows = [["Показатель", "В наставничестве", "Всего", "Доля", "Цель"],
            ["Обучающиеся 10–18 лет", cov.pupils_in_mentoring, cov.pupils_total or "не указано",
             _fmt(cov.pupils_share, True), percent(cov.target)],
            ["Педагоги до 35 лет", cov.young_teachers_with_mentor, cov.young_teachers_total or "не указано",
             _fmt(cov.young_teachers_share, True), "—"]]
    add(_table(rows, [66 * mm, 30 * mm, 30 * mm, 27 * mm, 27 * mm], small))
    add(coverage_bar("Охват обучающихся 10–18 лет", cov.pupils_share, cov.target, WIDTH))
    add(coverage_bar("Педагоги до 35 лет с наставником", cov.young_teachers_share, cov.target, WIDTH))
    add(_p(f"Данные на {date_short(cov.on)}; численность обучающихся и молодых педагогов — из реквизитов школы.",
           small["small"]))

    _counts(story, counts, st, small)
    _results(story, analytics, st, small)
    _dynamics(story, analytics, st, small)

    found = findings(analytics, counts=counts)
    _swot(story, found, st, small)

    quotes = analytics.open_answers()
    if quotes:
        add(_p(f"{_section(story)}. Открытые ответы участников", st["heading"]))
        for item in quotes:
            unique = list(dict.fromkeys(item.texts))
            answers = plural(len(item.texts), "ответ", "ответа", "ответов")
            block: list[Flowable] = [_p(f"{item.text} ({item.questionnaire_title.lower()}, {answers})",
                                        small["plain"])]
            block += [_p(f"«{text}»", small["small"]) for text in unique[:QUOTES_PER_ITEM]]
            if len(unique) > QUOTES_PER_ITEM:
                more = plural(len(unique) - QUOTES_PER_ITEM, "разный ответ", "разных ответа", "разных ответов")
                block.append(_p(f"…и ещё {more}.", small["small"]))
            add(KeepTogether(block))
            add(Spacer(1, 2 * mm))

    add(CondPageBreak(50 * mm))
    add(_p(f"{_section(story)}. Выводы и предложения", st["heading"]))
    text = (conclusions or "").strip() or (wave.conclusions or "").strip()
    lines = [line.strip() for line in text.split("\n") if line.strip()] if text else \
        draft_conclusions(analytics, found, counts)
    for line in lines:
        add(_p(line, st["body"]))
    add(Spacer(1, 12 * mm))
    parts = (school.curator_name or "").split()
    who = signature_name(*parts[:3]) if len(parts) >= 2 else ""
    sign = Table([[_p(school.curator_position or "Куратор", st["plain"]), _p("____________", st["plain"]),
                   _p(who, st["plain"])]], colWidths=[90 * mm, 40 * mm, 50 * mm])
    add(sign)
    return build_pdf(path, story, title=f"Аналитическая справка: {wave.title}")


def _section(story: list[Flowable]) -> int:
    """The next section number: headings are counted as they are added."""
    count = sum(1 for f in story if isinstance(f, Paragraph) and f.style.name == "heading")
    return count + 1


def _results(story: list[Flowable], analytics: WaveAnalytics, st: dict[str, Any], small: dict[str, Any]) -> None:
    story.append(CondPageBreak(80 * mm))
    story.append(_p(f"{_section(story)}. Результаты анкетирования", st["heading"]))
    if not analytics.items:
        story.append(_p("Заполненных анкет в этой волне нет.", st["body"]))
        return
    by_questionnaire: dict[str, list[ItemStats]] = {}
    for item in analytics.items:
        by_questionnaire.setdefault(item.questionnaire, []).append(item)
    for items in by_questionnaire.values():
        closed = [i for i in items if i.kind != "text"]
        if not closed:
            continue
        story.append(CondPageBreak(40 * mm))
        story.append(_p(items[0].questionnaire_title, st["plain"]))
        rows: list[list[Any]] = [["№", "Вопрос", "Ответов", "Среднее", "Медиана", "Распределение"]]
        rows += [_item_row(n, item) for n, item in enumerate(closed, start=1)]
        story.append(_table(rows, [8 * mm, 68 * mm, 18 * mm, 18 * mm, 18 * mm, 50 * mm], small))
        scale = [i for i in closed if i.kind == "scale" and i.mean is not None]
        if scale:
            story.append(Spacer(1, 2 * mm))
            story.append(item_means_chart([i.text for i in scale], [i.mean or 0 for i in scale], WIDTH))
        story.append(Spacer(1, 3 * mm))


def _dynamics(story: list[Flowable], analytics: WaveAnalytics, st: dict[str, Any], small: dict[str, Any]) -> None:
    change = analytics.change
    if change is None:
        return
    story.append(CondPageBreak(60 * mm))
    story.append(_p(f"{_section(story)}. Динамика: до и после", st["heading"]))
    if not change.participants:
        story.append(_p(f"Нет участников, ответивших и в волне «{change.baseline_title}», и в этой.", st["body"]))
        return
    up, same, down = change.counts()
    who = plural(len(change.participants), "участнику, ответившему", "участникам, ответившим",
                 "участникам, ответившим")
    story.append(_p(f"Сравнение с волной «{change.baseline_title}» по {who} в обеих волнах: средний балл был "
                    f"{_fmt(change.mean_before)}, стал {_fmt(change.mean_after)} (изменение "
                    f"{'+' if (change.mean_diff or 0) >= 0 else '−'}{_fmt(abs(change.mean_diff or 0))}). "
                    f"Оценки выросли у {up}, не изменились у {same}, снизились у "
                    f"{plural(down, 'участника', 'участников', 'участников')}.", st["body"]))
    titles = {i.questionnaire: i.questionnaire_title for i in analytics.items}
    rows: list[list[Any]] = [["Анкета", "Вопрос", "Было", "Стало", "Разница", "Ответили"]]
    for c in change.items:
        rows.append([titles.get(c.questionnaire, c.questionnaire), c.text, _fmt(c.before), _fmt(c.after),
                     f"{'+' if c.diff >= 0 else '−'}{score(abs(c.diff))}", c.n])
    story.append(_table(rows, [36 * mm, 72 * mm, 16 * mm, 16 * mm, 20 * mm, 20 * mm], small))
    top = sorted(change.items, key=lambda c: -c.n)[:8]
    if top:
        story.append(Spacer(1, 2 * mm))
        story.append(before_after_chart([c.text for c in top], [c.before for c in top], [c.after for c in top],
                                        change.baseline_title, analytics.wave.title, WIDTH))



def _counts(story: list[Flowable], counts: Indicators, st: dict[str, Any], small: dict[str, Any]) -> None:
    """Pairs by form, mentors by category and training, young specialists — the district's counts."""
    story.append(CondPageBreak(60 * mm))
    story.append(_p(f"{_section(story)}. Наставнические пары и наставники", st["heading"]))
    rows: list[list[Any]] = [["Форма наставничества", "Пары", "Группы", "Наставляемых"]]
    rows += [[f.form, f.pairs, f.groups, f.mentees] for f in counts.forms]
    rows.append(["Всего", sum(f.pairs for f in counts.forms), sum(f.groups for f in counts.forms),
                 sum(f.mentees for f in counts.forms)])
    story.append(_table(rows, [84 * mm, 30 * mm, 30 * mm, 36 * mm], small))
    story.append(Spacer(1, 3 * mm))
    rows = [["Наставники по категориям", "В банке", "Прошли обучение", "Ведут пары"]]
    rows += [[m.category, m.total, f"{m.trained} ({percent(m.trained / m.total) if m.total else '—'})", m.working]
             for m in counts.mentors]
    rows.append(["Всего", counts.mentors_total, f"{counts.mentors_trained} "
                 f"({percent(counts.mentors_trained / counts.mentors_total) if counts.mentors_total else '—'})",
                 sum(m.working for m in counts.mentors)])
    story.append(_table(rows, [70 * mm, 30 * mm, 44 * mm, 36 * mm], small))
    story.append(Spacer(1, 2 * mm))
    young = (f"Молодые специалисты (стаж до 3 лет): {counts.young_total}, из них с наставником — "
             f"{counts.young_with_mentor}" + (f" ({percent(counts.young_share)})" if counts.young_share is not None
                                              else "") + f". Данные на {date_short(counts.on)}.")
    story.append(_p(young, st["body"]))


def _swot(story: list[Flowable], found: Findings, st: dict[str, Any], small: dict[str, Any]) -> None:
    """The SWOT as the usual square of four, then the summary and the biggest changes."""
    story.append(CondPageBreak(70 * mm))
    story.append(_p(f"{_section(story)}. Сильные и слабые стороны, возможности и угрозы", st["heading"]))
    for line in found.summary:
        story.append(_p(line, st["body"]))

    def cell(title: str, lines: list[str]) -> list[Flowable]:
        return [_p(title, small["cell_bold"]), *[_p(f"— {line}", small["cell"]) for line in lines or ["не выявлено"]]]

    square = Table([[cell("Сильные стороны", found.strengths), cell("Слабые стороны", found.weaknesses)],
                    [cell("Возможности", found.opportunities), cell("Угрозы", found.threats)]],
                   colWidths=[90 * mm, 90 * mm])
    square.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    story += [Spacer(1, 2 * mm), square, Spacer(1, 3 * mm)]
    if found.changes:
        story.append(KeepTogether([_p("Наибольшие изменения по сравнению с входной волной:", st["plain"]),
                                   *[_p(f"— {line}", st["body"]) for line in found.changes]]))
