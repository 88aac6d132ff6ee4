"""Export of a roadmap: JSON (the contract of the issue: exactly these keys), Excel, and a printable
landscape PDF in the house style. Every file is written atomically."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from curator_app import xlsx
from curator_app.errors import CuratorError
from curator_app.files import atomic_path
from curator_app.lang.fmt import date_short

from .ops import EventRow, event_rows, get_roadmap, sections

HEADERS = ["Раздел", "№", "Мероприятие", "Результат / индикатор", "Вид документа", "Ответственный",
           "Срок (как в документе)", "Начало", "Окончание", "Периодичность", "Статус", "Выполнено", "Содержание, заметки"]


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def roadmap_json(roadmap_id: int | None = None, today: dt.date | None = None) -> dict[str, Any]:
    roadmap = get_roadmap(roadmap_id)
    return {
        "title": roadmap.title,
        "start": _iso(roadmap.start_date),
        "end": _iso(roadmap.end_date),
        "sections": [{"number": s.number, "title": s.title} for s in sections(roadmap.id)],
        "events": [{"section": r.section_number, "number": r.number, "title": r.title, "result": r.result,
                    "document": r.document, "responsible": r.responsible, "period_text": r.period_text,
                    "start": _iso(r.start), "end": _iso(r.end), "recurrence": r.recurrence, "status": r.status}
                   for r in event_rows(roadmap.id, today)],
    }


def _write_json(path: Path, roadmap_id: int | None, today: dt.date | None) -> None:
    data = roadmap_json(roadmap_id, today)
    with atomic_path(path) as temp:
        temp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def _row_values(r: EventRow) -> list[Any]:
    return [r.section_number, r.number, r.title, r.result, r.document, r.responsible, r.period_text, r.start,
            r.end, r.recurrence or "", r.status_label, r.done_on, r.notes]


def _write_xlsx(path: Path, roadmap_id: int | None, today: dt.date | None) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    roadmap = get_roadmap(roadmap_id)
    book = Workbook()
    sheet = book.active
    sheet.title = "Дорожная карта"
    xlsx.append(sheet, [roadmap.title])  # every cell through xlsx: a title «=…» from an import stays text
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    xlsx.append(sheet, HEADERS)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE6F0")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    by_section: dict[str, list[EventRow]] = {}
    rows = event_rows(roadmap.id, today)
    for r in rows:
        by_section.setdefault(r.section_number, []).append(r)
    written: set[str] = set()

    def put(r: EventRow) -> None:
        line = xlsx.append(sheet, _row_values(r))
        for col in (8, 9, 12):
            sheet.cell(line, col).number_format = "DD.MM.YYYY"
        if r.status == "overdue":
            sheet.cell(line, 11).font = Font(color="C0392B", bold=True)

    for s in sections(roadmap.id):
        for cell in sheet[xlsx.append(sheet, [s.number, "", s.title])]:
            cell.font = Font(bold=True)
        for r in by_section.get(s.number, []):
            put(r)
        written.add(s.number)
    for r in rows:
        if r.section_number not in written:
            put(r)
    widths = [9, 7, 50, 40, 20, 28, 26, 12, 12, 18, 15, 12, 40]
    for i, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + i)].width = width
    for row in sheet.iter_rows(min_row=4):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A4"
    with atomic_path(path) as temp:
        book.save(str(temp))


def _write_pdf(path: Path, roadmap_id: int | None, today: dt.date | None) -> None:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    from curator_app.pdf import build_pdf, styles

    roadmap = get_roadmap(roadmap_id)
    st = styles(12)
    cell, bold = st["cell"], st["cell_bold"]

    def para(text: str, style: Any = cell) -> Paragraph:
        safe = (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return Paragraph(safe.replace("\n", "<br/>"), style)

    head = ["№", "Мероприятие", "Результат", "Ответственный", "Срок", "Статус"]
    data: list[list[Any]] = [[para(h, bold) for h in head]]
    commands: list[tuple[Any, ...]] = []
    rows = event_rows(roadmap.id, today)
    by_section: dict[str, list[EventRow]] = {}
    for r in rows:
        by_section.setdefault(r.section_number, []).append(r)

    def put(r: EventRow) -> None:
        status = r.status_label + (f"\n{date_short(r.done_on)}" if r.done_on else "")
        data.append([para(r.number), para(r.title), para(r.result or r.document), para(r.responsible),
                     para(r.period_text), para(status)])
        if r.status == "overdue":
            commands.append(("TEXTCOLOR", (5, len(data) - 1), (5, len(data) - 1), colors.HexColor("#C0392B")))

    listed: set[str] = set()
    for s in sections(roadmap.id):
        data.append([para(f"{s.number} {s.title}", st["heading"]), "", "", "", "", ""])
        line = len(data) - 1
        commands += [("SPAN", (0, line), (-1, line)), ("BACKGROUND", (0, line), (-1, line), colors.HexColor("#EEF2F6"))]
        for r in by_section.get(s.number, []):
            put(r)
        listed.add(s.number)
    for r in rows:
        if r.section_number not in listed:
            put(r)
    width = 267 * mm
    table = Table(data, colWidths=[w * width for w in (0.06, 0.32, 0.22, 0.16, 0.14, 0.10)], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDE6F0")), *commands]))
    made = f"Сформировано {date_short(today or dt.date.today())}"
    story = [Paragraph(para(roadmap.title).text, st["title"]), Paragraph(made, st["small"]), Spacer(1, 4 * mm), table]
    build_pdf(path, story, title=roadmap.title, landscape_pages=True)


def export_roadmap(path: str | Path, roadmap_id: int | None = None, today: dt.date | None = None) -> Path:
    """Write the roadmap to ``path``; the suffix chooses the format (.xlsx, .pdf, .json)."""
    file = Path(path)
    writers = {".json": _write_json, ".xlsx": _write_xlsx, ".pdf": _write_pdf}
    writer = writers.get(file.suffix.lower())
    if writer is None:
        raise CuratorError(f"Файл «{file.name}»: дорожную карту можно выгрузить в .xlsx, .pdf или .json.")
    writer(file, roadmap_id, today)
    return file
