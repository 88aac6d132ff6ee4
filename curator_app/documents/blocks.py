"""The content of an order as a list of plain blocks, so the PDF and the DOCX carry the same text."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

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

    blocks: list[Block]


Block = Para | Gap | DateNumber | Signature | Table | PageBreak | Keep


@dataclass
class Document:
    """A document ready to be written as PDF or DOCX."""

    title: str
    blocks: list[Block] = field(default_factory=list)
    page_numbers: bool = True  # False for a bundle of papers each handed out alone (consents, programmes)


_TYPES: dict[str, type] = {cls.__name__: cls for cls in (Para, Gap, DateNumber, Signature, Table, PageBreak, Keep)}


def _block_json(block: Block) -> dict[str, Any]:
    if isinstance(block, Keep):
        return {"type": "Keep", "blocks": [_block_json(b) for b in block.blocks]}
    data = asdict(block)
    if isinstance(block, Table):
        data["centered_columns"] = list(block.centered_columns)
    return {"type": type(block).__name__, **data}


def _block_from(data: dict[str, Any]) -> Block:
    kind = data["type"]
    if kind == "Keep":
        return Keep([_block_from(b) for b in data["blocks"]])
    cls = _TYPES[kind]
    values = {f.name: data[f.name] for f in fields(cls) if f.name in data}
    if kind == "Table":
        values["centered_columns"] = tuple(values.get("centered_columns", (0,)))
    block: Block = cls(**values)
    return block


def document_to_json(document: Document) -> dict[str, Any]:
    """The laid-out document as plain JSON: what a registered document keeps, so that saving it again —
    in another format, after the pairs, the requisites or a template changed — gives the same text."""
    return {"title": document.title, "blocks": [_block_json(b) for b in document.blocks],
            "page_numbers": document.page_numbers}


def document_from_json(data: dict[str, Any]) -> Document:
    return Document(data["title"], [_block_from(b) for b in data["blocks"]], bool(data.get("page_numbers", True)))
