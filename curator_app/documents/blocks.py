"""The content of an order as a list of plain blocks, so the PDF and the DOCX carry the same text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Align = Literal["left", "center", "right", "justify"]


@dataclass
class Para:
    """A paragraph; ``indent`` is the first-line indent of body text (12.5 mm)."""

    text: str
    align: Align = "justify"
    bold: bool = False
    indent: bool = True
    size: float = 14
    space_after: float = 0  # points


@dataclass
class Gap:
    height_mm: float = 5


@dataclass
class DateNumber:
    """The date on the left and the number on the right, on one line."""

    date: str
    number: str


@dataclass
class Signature:
    """«Директор ________ О.В. Смирнова»."""

    position: str
    name: str


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    widths_mm: list[float]
    size: float = 12
    centered_columns: tuple[int, ...] = (0,)
    row_height_mm: float | None = None  # a minimum height (for signature lines)


@dataclass
class PageBreak:
    pass


@dataclass
class Keep:
    """Blocks kept on one page (the last point of an order with the signature)."""

    blocks: list[Para | Gap | DateNumber | Signature]


Block = Para | Gap | DateNumber | Signature | Table | PageBreak | Keep


@dataclass
class Document:
    """A document ready to be written as PDF or DOCX."""

    title: str
    blocks: list[Block] = field(default_factory=list)
