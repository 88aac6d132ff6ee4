"""Test material made the way curators get it: a seed roadmap's clean parse written back as a Word
table (title in paragraphs above it, landscape, wrapped cells, the header repeated on every page, rows
allowed to split across pages), saved as PDF by LibreOffice, and the text a PDF viewer copies out of it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from curator_app.roadmap.sources import text_rows
from curator_app.roadmap.table import ParsedRoadmap, is_header_row
from curator_app.roadmap.text_repair import strip_markup


@dataclass
class Table:
    """What a Word document of the roadmap holds: paragraphs above the table (``(text, bold)``), the
    header rows, the body rows (one row per section and per event, no page-break debris) and widths."""

    preamble: list[tuple[str, bool]]
    header: list[list[str]]
    body: list[list[str]]
    widths_cm: list[float]
    merged_sections: bool = True
    page_header: str = ""
    page_numbers: bool = False
    borders: bool = True  # False: a table laid out without ruling lines, as some offices do


WIDE = ("title", "description", "result")


def seed_table(text: str, parsed: ParsedRoadmap) -> Table:
    """The seed's own preamble and header, and its body rebuilt from the clean parse."""
    rows = [[strip_markup(c) for c in row] for row in text_rows(text)]
    at = next(i for i, row in enumerate(rows) if is_header_row(row))
    preamble: list[tuple[str, bool]] = []
    bold = False
    for line in text.splitlines()[:at]:
        stripped = line.strip()
        starts, ends = stripped.startswith("**"), stripped.endswith("**") and len(stripped) > 2
        bold = bold or starts
        if stripped.replace("*", "").strip():
            preamble.append((" ".join(stripped.replace("*", "").split()), bold))
        if ends:
            bold = False
    header = []
    while is_header_row(rows[at]):
        header.append(rows[at])
        at += 1
    ncols = max(len(r) for r in header)
    header = [(r + [""] * ncols)[:ncols] for r in header]
    roles = {col: role for role, col in parsed.columns.items()}
    body: list[list[str]] = []
    pending = list(parsed.sections)
    current = None
    for event in parsed.events:
        if event.section != current:
            while pending:
                section = pending.pop(0)
                body.append([f"{section.number} {section.title}"] + [""] * (ncols - 1))
                if section.number == event.section:
                    break
            current = event.section
        starts_ends = event.period.text.split(" – ", 1) + [""]
        cells = []
        for col in range(ncols):
            role = roles.get(col)
            if role == "number":
                cells.append(event.number)
            elif role == "title" and "number" not in parsed.columns:
                cells.append(f"{event.number} {event.title}".strip())
            elif role == "period":
                cells.append(event.period.text.replace("; ", "\n"))
            elif role == "start":
                cells.append(starts_ends[0])
            elif role == "end":
                cells.append(starts_ends[1])
            elif role:
                cells.append(getattr(event, role))
            else:
                cells.append("")
        body.append(cells)
    widths = [2.0 if roles.get(c) == "number" else 6.5 if roles.get(c) in WIDE else 4.4 if roles.get(c) == "responsible"
              else 3.6 for c in range(ncols)]
    scale = 25.0 / sum(widths)  # A4 landscape less 2 cm margins on each side
    return Table(preamble, header, body, [w * scale for w in widths])


def write_docx(table: Table, path: Path) -> Path:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(12)
    style.paragraph_format.space_after = Pt(0)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    if table.page_header:
        section.header.paragraphs[0].text = table.page_header
    if table.page_numbers:
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        field.append(run)
        footer._p.append(field)
    for line, bold in table.preamble:
        paragraph = document.add_paragraph()
        paragraph.add_run(line).bold = bold
        if bold:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph()
    ncols = len(table.widths_cm)
    grid = document.add_table(rows=0, cols=ncols)
    if table.borders:
        grid.style = "Table Grid"
    grid.autofit = False
    for i, values in enumerate(table.header + table.body):
        row = grid.add_row()
        if i < len(table.header):
            row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeated on every page
        cells = row.cells
        if i >= len(table.header) and table.merged_sections and not any(values[1:]):
            cells[0].merge(cells[-1])
            cells = [cells[0]]
        for cell, value in zip(cells, values, strict=False):
            lines = value.split("\n")
            cell.paragraphs[0].text = lines[0]
            for more in lines[1:]:
                cell.add_paragraph(more)
            if i < len(table.header):
                for run in cell.paragraphs[0].runs:
                    run.bold, run.font.size = True, Pt(10)
    for column, width in zip(grid.columns, table.widths_cm, strict=True):
        column.width = Cm(width)
    for row in grid.rows:
        for cell, width in zip(row.cells, table.widths_cm, strict=False):
            cell.width = Cm(width)
    _merge_header(grid, table.header)
    document.save(str(path))
    return path


def _merge_header(grid: object, header: list[list[str]]) -> None:
    """A two-row header as Word has it: a group label spans the columns under it, a single label spans
    both rows."""
    from docx.shared import Pt

    if len(header) != 2 or not any(header[1]) or all(c.isdigit() for c in header[1] if c):
        return
    top, bottom = grid.rows[0].cells, grid.rows[1].cells  # type: ignore[attr-defined]
    col = 0
    while col < len(header[0]):
        if header[0][col] and not header[1][col]:
            top[col].merge(bottom[col])
        elif header[0][col]:
            end = col
            while end + 1 < len(header[0]) and not header[0][end + 1] and header[1][end + 1]:
                end += 1
            if end > col:
                text = top[col].text
                top[col].merge(top[end])
                top[col].paragraphs[0].text = text
                for extra in top[col].paragraphs[1:]:
                    extra._p.getparent().remove(extra._p)
                for run in top[col].paragraphs[0].runs:
                    run.bold, run.font.size = True, Pt(10)
                col = end
        col += 1


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docs: list[Path], outdir: Path) -> list[Path]:
    """Every file to PDF in one LibreOffice run (it is slow to start), with a private profile so that
    parallel runs do not clash."""
    binary = soffice()
    assert binary, "LibreOffice не установлен"
    with tempfile.TemporaryDirectory(prefix="curator-lo-") as profile:
        subprocess.run([binary, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(outdir), *map(str, docs)], check=True, capture_output=True, timeout=300,
                       env={**os.environ, "HOME": profile})
    pdfs = [outdir / (doc.stem + ".pdf") for doc in docs]
    missing = [p.name for p in pdfs if not p.is_file()]
    assert not missing, f"LibreOffice не сделал {missing}"
    return pdfs


def pdftotext(pdf: Path, *options: str) -> str:
    """The text a viewer copies: one text line per line, no layout (``-raw`` is content-stream order)."""
    result = subprocess.run(["pdftotext", *options, "-enc", "UTF-8", str(pdf), "-"], check=True,
                            capture_output=True, text=True)
    return result.stdout


def as_copied(text: str) -> str:
    """What lands in the clipboard: no form feeds between pages."""
    return re.sub(r"\f", "\n", text)


def browser_copy(pdf: Path) -> str:
    """The text Chrome, Edge or Yandex Browser copy out of a PDF (they all read it with PDFium): in the
    order it was written, a line per text line, trailing spaces and all."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        pages = []
        for page in document:
            text = page.get_textpage()
            pages.append(text.get_text_range())
            text.close()
            page.close()
    finally:
        document.close()
    return "\r\n".join(pages)


def image_only_pdf(source: Path, path: Path) -> Path:
    """A scan: the first page of ``source`` as a picture, saved as a PDF with no text in it."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(source))
    try:
        image = document[0].render(scale=1.5).to_pil().convert("RGB")
    finally:
        document.close()
    image.save(str(path), "PDF", resolution=108)
    return path
