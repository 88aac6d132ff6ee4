"""Blocks → reportlab flowables in the house style (``curator_app.pdf``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, LongTable, Paragraph, Spacer, TableStyle
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Table as RLTable

from curator_app.lang.text import tie
from curator_app.pdf import HYPHENATION, SERIF, SERIF_BOLD, build_pdf, register_fonts

from .blocks import Block, DateNumber, Document, Gap, Keep, PageBreak, Para, Signature, Table
from .textblock import TextBlock, wrap_text

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}
TEXT_WIDTH_MM = 180.0  # A4 210 mm less 20 mm left and 10 mm right


def markup(text: str) -> str:
    """Plain text → reportlab paragraph markup: escaped, line breaks kept, words tied («№ 470-п»)."""
    return escape(tie(text)).replace("\n", "<br/>")


@lru_cache(maxsize=64)
def para_style(size: float, align: str, bold: bool, indent: bool, space_after: float = 0) -> ParagraphStyle:
    register_fonts()
    return ParagraphStyle(f"p{size}{align}{bold}{indent}{space_after}", fontName=SERIF_BOLD if bold else SERIF,
                          fontSize=size, leading=size * 1.2, alignment=_ALIGN[align],
                          firstLineIndent=12.5 * mm if indent and align in ("justify", "left") else 0,
                          spaceAfter=space_after, **(HYPHENATION if align == "justify" and not bold else {}))


def _table(block: Table) -> Flowable:
    """Cells are plain strings broken into lines here (fast for tables of hundreds of rows)."""
    pad = 3.0
    widths = [w * mm for w in block.widths_mm]
    leading = block.size * 1.15
    data = [[wrap_text(h, SERIF_BOLD, block.size, w - 2 * pad) for h, w in zip(block.header, widths, strict=True)]]
    data += [[wrap_text(tie(v), SERIF, block.size, w - 2 * pad) for v, w in zip(row, widths, strict=True)]
             for row in block.rows]
    heights = None
    if block.row_height_mm:  # a minimum (room to sign), never less than the wrapped text needs
        heights = [None] + [max(block.row_height_mm * mm, max(cell.count("\n") + 1 for cell in row) * leading + 6)
                            for row in data[1:]]
    table_class = LongTable if len(block.rows) > 40 else RLTable
    table = table_class(data, colWidths=widths, rowHeights=heights, repeatRows=1)
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("FONTNAME", (0, 0), (-1, -1), SERIF), ("FONTNAME", (0, 0), (-1, 0), SERIF_BOLD),
        ("FONTSIZE", (0, 0), (-1, -1), block.size), ("LEADING", (0, 0), (-1, -1), leading),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
    ]
    commands += [("ALIGN", (col, 1), (col, -1), "CENTER") for col in block.centered_columns]
    table.setStyle(TableStyle(commands))
    return table


def _two_columns(left: str, right: str, left_align: str = "left") -> Flowable:
    style_left = para_style(14, left_align, False, False)
    style_right = para_style(14, "right", False, False)
    table = RLTable([[Paragraph(markup(left), style_left), Paragraph(markup(right), style_right)]],
                    colWidths=[TEXT_WIDTH_MM / 2 * mm] * 2)
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("FONTNAME", (0, 0), (-1, -1), SERIF)]))
    return table


def flowables(document: Document) -> list[Flowable]:
    return _flowables(document.blocks)


def _flowables(blocks: list[Block]) -> list[Flowable]:
    story: list[Flowable] = []
    for block in blocks:
        if isinstance(block, Keep):
            story.append(KeepTogether(_flowables(list(block.blocks))))
        elif isinstance(block, Para):
            indent = 12.5 * mm if block.indent and block.align in ("justify", "left") else 0
            story.append(TextBlock([(block.text, block.bold)], block.size, block.align, indent, block.space_after))
        elif isinstance(block, Gap):
            story.append(Spacer(1, block.height_mm * mm))
        elif isinstance(block, DateNumber):
            story.append(_two_columns(block.date, block.number))
        elif isinstance(block, Signature):
            story.append(_two_columns(f"{block.position}", f"________________  {block.name}"))
        elif isinstance(block, Table):
            story.append(_table(block))
        elif isinstance(block, PageBreak):
            story.append(RLPageBreak())
    return story


def write_pdf(document: Document, path: str | Path) -> Path:
    return build_pdf(path, flowables(document), title=document.title, invariant=True)  # same text, same bytes
