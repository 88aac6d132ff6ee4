"""The municipal monitoring table (XLSX): a sheet of indicators and a sheet of item figures (and whatever
sheets the caller adds: the school's row for the district, ``curator_app.district``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from curator_app import xlsx
from curator_app.files import atomic_path
from curator_app.settings import load_school

from .analytics import WaveAnalytics

INDICATOR_SHEET = "Показатели"
ITEM_SHEET = "Вопросы анкет"


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def _share(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def indicator_rows(analytics: WaveAnalytics) -> list[tuple[str, Any, str]]:
    """(indicator, value, unit) in the order of the sheet; shares are fractions shown as percents."""
    school = load_school()
    wave, cov, change = analytics.wave, analytics.coverage, analytics.change
    rows: list[tuple[str, Any, str]] = [
        ("Образовательная организация", school.full_name or school.short_name, ""),
        ("Учебный год", wave.academic_year or "", ""),
        ("Волна анкетирования", wave.title, ""),
        ("Срок волны", wave.due_date, "дата"),
        ("Обучающиеся 10–18 лет, всего", cov.pupils_total or None, "чел."),
        ("Обучающиеся 10–18 лет в программах наставничества", cov.pupils_in_mentoring, "чел."),
        ("Доля обучающихся 10–18 лет, охваченных наставничеством", _share(cov.pupils_share), "%"),
        ("Целевое значение охвата обучающихся", cov.target, "%"),
        ("Педагоги в возрасте до 35 лет, всего", cov.young_teachers_total or None, "чел."),
        ("Педагоги до 35 лет, имеющие наставника", cov.young_teachers_with_mentor, "чел."),
        ("Доля педагогов до 35 лет с наставником", _share(cov.young_teachers_share), "%"),
        ("Участники, которые должны были ответить", analytics.expected, "чел."),
        ("Заполнено анкет", analytics.answered, "шт."),
        ("Доля ответивших", _share(analytics.rate), "%"),
    ]
    for group in analytics.by_role.values():
        rows.append((f"{group.label}: ответили", group.respondents, "чел."))
        rows.append((f"{group.label}: средний балл (1–10)", _round(group.mean), "балл"))
        rows.append((f"{group.label}: доля удовлетворённых (8–10)", _share(group.satisfied), "%"))
    rows.append(("Все участники: средний балл (1–10)", _round(analytics.overall.mean), "балл"))
    rows.append(("Все участники: доля удовлетворённых (8–10)", _share(analytics.overall.satisfied), "%"))
    if change is not None:
        up, same, down = change.counts()
        rows += [("Волна для сравнения", change.baseline_title, ""),
                 ("Участники, ответившие в обеих волнах", len(change.participants), "чел."),
                 ("Средний балл до", _round(change.mean_before), "балл"),
                 ("Средний балл после", _round(change.mean_after), "балл"),
                 ("Изменение среднего балла", _round(change.mean_diff), "балл"),
                 ("Участники с ростом оценок", up, "чел."),
                 ("Участники без изменений", same, "чел."),
                 ("Участники со снижением оценок", down, "чел.")]
    return rows


def build_table(analytics: WaveAnalytics, path: str | Path, sheets: Sequence[Callable[[Any], None]] = ()) -> Path:
    """Write the two sheets to ``path`` atomically; each of ``sheets`` adds its own to the workbook first."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = INDICATOR_SHEET
    xlsx.append(sheet, ["Показатель", "Значение", "Единица"])  # every cell through xlsx: names stay text
    for name, value, unit in indicator_rows(analytics):
        cell = sheet.cell(xlsx.append(sheet, [name, value, unit]), 2)
        if unit == "%" and value is not None:
            cell.number_format = "0.0%"
        elif unit == "балл":
            cell.number_format = "0.00"
        elif unit == "дата":
            cell.number_format = "DD.MM.YYYY"
    sheet.column_dimensions["A"].width = 62
    sheet.column_dimensions["B"].width = 40
    sheet.column_dimensions["C"].width = 10

    items = book.create_sheet(ITEM_SHEET)
    header = ["Анкета", "№", "Вопрос", "Вид", "Ответов", "Среднее", "Медиана", "Доля 8–10", "Доля «да»",
              "Распределение", "Было (вх. волна)", "Изменение"]
    xlsx.append(items, header)
    changes = {(c.questionnaire, c.code): c for c in (analytics.change.items if analytics.change else [])}
    from .questionnaires import KIND_LABELS

    for item in analytics.items:
        change = changes.get((item.questionnaire, item.code))
        numeric = item.kind in ("scale", "number")
        distribution = "; ".join(f"{label}: {count}" for label, count in item.distribution())
        row = xlsx.append(items, [
            item.questionnaire_title, item.position + 1, item.text, KIND_LABELS.get(item.kind, item.kind), item.n,
            _round(item.mean) if numeric else None, _round(item.median) if numeric else None,
            _share(item.satisfied), _share(item.mean) if item.kind == "yes_no" else None, distribution,
            _round(change.before) if change else None, _round(change.diff) if change else None])
        for column in (8, 9):
            items.cell(row, column).number_format = "0.0%"
    for letter, width in zip("ABCDEFGHIJKL", (34, 5, 60, 16, 9, 9, 9, 10, 10, 40, 12, 11), strict=True):
        items.column_dimensions[letter].width = width
    for ws in (sheet, items):
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.freeze_panes = "A2"
    for add in sheets:
        add(book)
    with atomic_path(path) as temp:
        book.save(temp)
    return Path(path)
