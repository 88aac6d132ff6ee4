"""Roadmap: import of a 500-event roadmap (pasted text and a Word .docx, with page-break debris; the same
Word table saved as a PDF of about 30 pages by LibreOffice; and that PDF's text as a browser copies it,
one cell per line, the rows to be rebuilt) into a new database, and the timeline painting 500 events
(all rows exposed at once, 1366 px wide); how the text import grows at 1×, 4× and 16× the size (it was
quadratic once: 40,000 lines took 44 s)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import ROOT, growth

TARGETS: dict[str, object] = {"import_500_text_s": 1.0, "import_500_docx_s": 1.0, "import_500_pdf_s": 3.0,
                              "import_500_copied_from_pdf_s": 1.5, "timeline_paint_500_ms": 200.0,
                              "text_import_growth": {"exponent": 1.2}}
PERIODS = ["сентябрь 2022", "До 01.02.2023", "I квартал 2023г.", "Декабрь 2022 г – май 2023 г.", "ежеквар тально",
           "В течение учебного года", "Август, сентябрь", "ноябрь 2022 и далее по мере необходимости",
           "20.01.20 23", "Апрель-май"]
HEADER = ["№ п/п", "Мероприятие", "Сроки", "Ответственный", "Вид документа", "Ожидаемые результаты"]


def roadmap_rows(events: int = 500) -> list[list[str]]:
    rows = []
    for i in range(events):
        section, item = divmod(i, 25)
        if item == 0:
            rows.append([f"{section + 1}.", f"Направление работы № {section + 1}", "", "", "", ""])
        if i and i % 40 == 0:  # a page break: the header again and a row continued below it
            rows.append(HEADER)
        rows.append([f"{section + 1}.{item + 1}.", f"Мероприятие {i + 1}: проведение встречи наставников и",
                     PERIODS[i % len(PERIODS)], "Куратор", "Протокол", "Проведена встреча"])
        if i % 50 == 7:
            rows.append(["", "наставляемых по плану", "", "", "", ""])
    return rows


def _text(events: int = 500) -> str:
    lines = ["Дорожная карта на 2022-2023 учебный год", "", "\t".join(HEADER)]
    lines += ["\t".join(row) for row in roadmap_rows(events)]
    return "\n".join(lines)


def _docx(path: Path, events: int = 500) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph().add_run("Дорожная карта на 2022-2023 учебный год").bold = True
    rows = [HEADER, *roadmap_rows(events)]
    table = document.add_table(rows=len(rows), cols=len(HEADER))
    for row, values in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = text
    document.save(str(path))


def _pdf(workdir: Path, events: int = 500) -> tuple[Path, int] | None:
    """The Word table as a school saves it as PDF: landscape, the header repeated on every page."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.shared import Cm, Pt

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10)
    document.styles["Normal"].paragraph_format.space_after = Pt(0)
    section = document.sections[0]
    section.orientation, section.page_width, section.page_height = WD_ORIENT.LANDSCAPE, Cm(29.7), Cm(21.0)
    document.add_paragraph().add_run("Дорожная карта на 2022-2023 учебный год").bold = True
    rows = [HEADER, *(r for r in roadmap_rows(events) if r != HEADER)]
    table = document.add_table(rows=len(rows), cols=len(HEADER))
    table.style = "Table Grid"
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for row, values in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = text
    for column, width in zip(table.columns, (1.6, 8.0, 4.2, 3.4, 3.4, 5.1), strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)
    source = workdir / "карта_pdf.docx"
    document.save(str(source))
    profile = workdir / "lo-profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(workdir), str(source)], check=True, capture_output=True, timeout=600,
                   env={**os.environ, "HOME": str(profile)})
    pdf = source.with_suffix(".pdf")
    import pypdfium2 as pdfium

    pages = len(pdfium.PdfDocument(str(pdf)))
    return pdf, pages


def _import(path: Path, db: Path) -> float:
    from curator_app.db import close_database, open_database
    from curator_app.roadmap import import_file

    open_database(db)
    try:
        start = time.perf_counter()
        roadmap, parsed = import_file(path)
        elapsed = time.perf_counter() - start
        assert len(parsed.events) == 500, len(parsed.events)
    finally:
        close_database()
    return elapsed


def _paint_ms(events: int = 500) -> float:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from curator_app.roadmap import EventRow
    from ui.roadmap.timeline import TimelineWidget

    app = QApplication.instance() or QApplication([])
    statuses = ["planned", "in_progress", "done", "overdue", "cancelled"]
    rows = []
    for i in range(events):
        start = dt.date(2022, 9, 1) + dt.timedelta(days=(i * 7) % 300)
        rows.append(EventRow(
            id=i + 1, position=i, section_number="1.", section_title="", number=f"{i // 25 + 1}.{i % 25 + 1}.",
            title=f"Мероприятие {i + 1} с длинным названием для подписи слева", result="", document="",
            responsible="Куратор", period_text="", start=None if i % 9 == 0 else start,
            end=start + dt.timedelta(days=(i * 13) % 120), recurrence="ежегодно" if i % 4 == 0 else None,
            unparsed=False, stored_status="planned", status=statuses[i % 5], done_on=None, notes=""))
    widget = TimelineWidget()
    widget.set_events(rows, (dt.date(2022, 9, 1), dt.date(2023, 8, 31)), dt.date(2022, 12, 1))
    widget.resize(1366, widget.minimumHeight())
    image = QImage(widget.size(), QImage.Format.Format_RGB32)
    widget.render(image)  # warm-up: fonts, metrics
    times = []
    for _ in range(5):
        start_t = time.perf_counter()
        widget.render(image)
        times.append((time.perf_counter() - start_t) * 1000)
    del app
    return round(statistics.median(times), 1)


def run(workdir: Path) -> dict[str, object]:
    text = workdir / "карта.txt"
    text.write_text(_text(), encoding="utf-8")
    word = workdir / "карта.docx"
    _docx(word)
    text_s = statistics.median(_import(text, workdir / f"t{i}.sqlite") for i in range(3))
    docx_s = statistics.median(_import(word, workdir / f"d{i}.sqlite") for i in range(3))
    pdf = _pdf(workdir)
    pdf_figures: dict[str, float] = {}
    if pdf is not None:  # no LibreOffice, no PDF to read
        import pypdfium2 as pdfium

        document = pdfium.PdfDocument(str(pdf[0]))
        copied = workdir / "карта_из_pdf.txt"
        copied.write_text("\r\n".join(page.get_textpage().get_text_range() for page in document), encoding="utf-8")
        document.close()
        pdf_figures = {"import_500_pdf_s": round(statistics.median(
            _import(pdf[0], workdir / f"p{i}.sqlite") for i in range(3)), 3), "pdf_pages": pdf[1],
            "import_500_copied_from_pdf_s": round(statistics.median(
                _import(copied, workdir / f"c{i}.sqlite") for i in range(3)), 3)}
    def text_import(events: int) -> None:
        path = workdir / f"growth_{events}.txt"
        if not path.exists():
            path.write_text(_text(events), encoding="utf-8")
        from curator_app.roadmap import parse_file

        assert len(parse_file(path).events) == events

    growth_figure = growth(text_import, (500, 2000, 8000), repeat=1)  # 1×, 4×, 16×: 8,000 events ≈ 17,000 lines
    out = subprocess.run([sys.executable, __file__, "--paint"], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}).stdout
    return {"import_500_text_s": round(text_s, 3), "import_500_docx_s": round(docx_s, 3), **pdf_figures,
            "timeline_paint_500_ms": float(out.strip().splitlines()[-1]), "text_import_growth": growth_figure}


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    if "--paint" in sys.argv:
        print(_paint_ms())
