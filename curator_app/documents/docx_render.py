"""Blocks → an editable Word document (python-docx): schools edit orders in Word before signing.

Same text as the PDF; A4, margins 20/10/20/20 mm, Times New Roman 14 pt (the font every school's Word
has), page numbers from page 2 centred at the top, table header rows repeated on each page.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from curator_app.files import atomic_path
from curator_app.lang.text import tie

from .blocks import Block, DateNumber, Document, Gap, Keep, PageBreak, Para, Signature, Table

FONT = "Times New Roman"
_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
          "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
TEXT_WIDTH_MM = 180


def _setup(doc: object, page_numbers: bool = True) -> None:
    section = doc.sections[0]  # type: ignore[attr-defined]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(20), Mm(10)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.header_distance = Mm(10)
    style = doc.styles["Normal"]  # type: ignore[attr-defined]
    style.font.name, style.font.size = FONT, Pt(14)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    lang = OxmlElement("w:lang")  # Russian text: Word's spelling and hyphenation work in Russian
    lang.set(qn("w:val"), "ru-RU")
    lang.set(qn("w:eastAsia"), "ru-RU")
    style.element.get_or_add_rPr().append(lang)
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(0), 1.0
    # Word hyphenates justified text itself, as the PDF does: no rivers, no bare word breaks
    settings = doc.settings.element  # type: ignore[attr-defined]
    hyphenation = OxmlElement("w:autoHyphenation")
    tab_stop = settings.find(qn("w:defaultTabStop"))
    if tab_stop is not None:
        tab_stop.addnext(hyphenation)
    else:
        settings.append(hyphenation)
    if not page_numbers:
        return
    # page numbers from page 2: the first page's header stays empty
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(paragraph.add_run())


def _page_field(run: object) -> None:
    begin, text, end = OxmlElement("w:fldChar"), OxmlElement("w:instrText"), OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text.set(qn("xml:space"), "preserve")
    text.text = "PAGE"
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, text, end):
        run._r.append(element)  # type: ignore[attr-defined]


def _paragraph(doc: object, text: str, align: str = "left", bold: bool = False, indent: bool = False,
               size: float = 14, space_after: float = 0) -> object:
    paragraph = doc.add_paragraph()  # type: ignore[attr-defined]
    paragraph.alignment = _ALIGN[align]
    if indent and align in ("justify", "left"):
        paragraph.paragraph_format.first_line_indent = Mm(12.5)
    if space_after:
        paragraph.paragraph_format.space_after = Pt(space_after)
    lines = tie(text).split("\n")
    for i, line in enumerate(lines):
        run = paragraph.add_run(line)
        run.bold = bold or None
        if size != 14:
            run.font.size = Pt(size)
        if i < len(lines) - 1:
            run.add_break()
    return paragraph


def _tabbed(doc: object, left: str, right: str) -> None:
    paragraph = doc.add_paragraph()  # type: ignore[attr-defined]
    paragraph.paragraph_format.tab_stops.add_tab_stop(Mm(TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)
    paragraph.add_run(f"{tie(left)}\t{tie(right)}")


def _cell_text(cell: object, text: str, size: float, bold: bool, center: bool) -> None:
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    lines = tie(text).split("\n")
    for i, line in enumerate(lines):
        run = paragraph.add_run(line)
        run.font.size = Pt(size)
        run.bold = bold or None
        if i < len(lines) - 1:
            run.add_break()


def _table(doc: object, block: Table) -> None:
    table = doc.add_table(rows=len(block.rows) + 1, cols=len(block.header))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    rows = list(table.rows)
    header_pr = rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header_pr.append(repeat)
    for row_index, (row, values) in enumerate(zip(rows, [block.header, *block.rows], strict=True)):
        if row_index and block.row_height_mm:
            row.height = Mm(block.row_height_mm)
        for col, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            cell.width = Mm(block.widths_mm[col])
            if value:
                _cell_text(cell, value, block.size, row_index == 0, row_index == 0 or col in block.centered_columns)


def write_docx(document: Document, path: str | Path) -> Path:
    doc = new_docx()
    _setup(doc, document.page_numbers)
    doc.core_properties.title = document.title
    doc.core_properties.author = "Куратор наставничества"
    _write_blocks(doc, document.blocks)
    with atomic_path(path) as temp:
        doc.save(str(temp))
    return Path(path)


def _write_blocks(doc: object, blocks: list[Block], keep: bool = False) -> None:
    for block in blocks:
        before = len(doc.paragraphs)  # type: ignore[attr-defined]
        if isinstance(block, Keep):
            _write_blocks(doc, list(block.blocks), keep=True)
        elif isinstance(block, Para):
            _paragraph(doc, block.text, block.align, block.bold, block.indent, block.size, block.space_after)
        elif isinstance(block, Gap):
            _paragraph(doc, "", size=max(6.0, block.height_mm * 2))
        elif isinstance(block, DateNumber):
            _tabbed(doc, block.date, block.number)
        elif isinstance(block, Signature):
            _tabbed(doc, block.position, f"________________  {block.name}")
        elif isinstance(block, Table):
            _table(doc, block)
        elif isinstance(block, PageBreak):
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)  # type: ignore[attr-defined]
        if keep:
            for paragraph in doc.paragraphs[before:]:  # type: ignore[attr-defined]
                paragraph.paragraph_format.keep_with_next = True
