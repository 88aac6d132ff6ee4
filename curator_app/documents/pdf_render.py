"""Blocks → reportlab flowables in the house style (``curator_app.pdf``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer
from reportlab.platypus import PageBreak as RLPageBreak

from curator_app.lang.text import tie
from curator_app.pdf import HYPHENATION, SERIF, SERIF_BOLD, build_pdf, register_fonts

from .blocks import Block, DateNumber, Document, Gap, Keep, PageBreak, Para, Signature, Table
from .gridtable import PAD_X, GridTable
from .textblock import TextBlock, TwoColumns, wrap_text

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
    """Cells are plain strings broken into lines here and drawn by :class:`GridTable` (fast for tables of
    hundreds of rows: an order of 500 pairs, a bundle of 500 programmes)."""
    widths = [w * mm for w in block.widths_mm]
    room = [w - 2 * PAD_X for w in widths]
    header = [wrap_text(h, SERIF_BOLD, block.size, r).split("\n") for h, r in zip(block.header, room, strict=True)]
    rows = [[wrap_text(tie(v), SERIF, block.size, r).split("\n") for v, r in zip(row, room, strict=True)]
            for row in block.rows]
    return GridTable(header, rows, widths, block.size, tuple(block.centered_columns),
                     (block.row_height_mm or 0) * mm)


def _two_columns(left: str, right: str) -> Flowable:
    return TwoColumns(left, right)


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
            if story and isinstance(story[-1], TextBlock):  # fewer flowables: the gap is the text's space after
                story[-1].space_after += block.height_mm * mm
            else:
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
    return build_pdf(path, flowables(document), title=document.title, invariant=True,  # same text, same bytes
                     page_numbers=document.page_numbers)
