"""Roadmaps published as PDF, read from the table itself: the cells of each page's ruled tables are found
from the ruling lines (:mod:`.pdf_page`), and the characters inside each cell are set back into lines and
paragraphs.

- A cell's lines are joined by a space where the text only wrapped, by a line break where a paragraph
  ended (the first word of the next line would have fitted on this one), and without a space where a
  word was hyphenated («нормативно-» + «правовой») or broken because it is wider than the cell.
- The tables of all pages are one table when their headers match (the header repeated on every page is
  then dropped by the row reader) or when a page's table has no header and as many columns; a row split
  across pages comes as a row with an empty number cell, which the row reader joins to the one above.
- The title and the period are read from the text above the first table (bold lines marked ``**…**``).
- A PDF without ruled tables comes back as its text lines in the order a viewer copies them, for the
  reader of one-cell-per-line text; a PDF without text at all (a scan) is refused with a message.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from curator_app.errors import CuratorError

from .pdf_page import Box, Char, PageTable, read_page
from .table import header_roles


@dataclass
class PdfContent:
    """What a PDF gave: the lines above the roadmap's table and its rows, or, when no ruled table was
    found, the text in copy order (``rows`` is then empty)."""

    preamble: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    text: str = ""


@dataclass
class _Line:
    chars: list[Char]

    @property
    def _ink(self) -> list[Char]:
        return [c for c in self.chars if not c["text"].isspace()] or self.chars

    @property
    def x0(self) -> float:
        return float(self._ink[0]["x0"])

    @property
    def x1(self) -> float:
        return float(self._ink[-1]["x1"])

    @property
    def size(self) -> float:
        return float(self.chars[0].get("size") or 10.0)

    @property
    def text(self) -> str:
        out: list[str] = []
        prev: Char | None = None
        for ch in self.chars:
            if ch["text"].isspace():
                if out and out[-1] != " ":
                    out.append(" ")
            else:
                if prev is not None and out and out[-1] != " " and ch["x0"] - prev["x1"] > 0.2 * self.size:
                    out.append(" ")
                out.append(ch["text"])
            prev = ch
        return "".join(out).strip()

    @property
    def first_word_width(self) -> float:
        ink = self._ink
        end = ink[0]
        for ch in self.chars[self.chars.index(ink[0]):]:
            if ch["text"].isspace() or (ch is not end and ch["x0"] - end["x1"] > 0.2 * self.size):
                break
            end = ch
        return float(end["x1"]) - self.x0

    @property
    def trailing_space(self) -> bool:
        return self.chars[-1]["text"].isspace()

    @property
    def bold(self) -> bool:
        return all(c["bold"] for c in self._ink)


def _lines(chars: list[Char]) -> list[_Line]:
    """Characters (of one cell or one strip of a page) set into lines, top to bottom, left to right."""
    lines: list[list[Char]] = []
    for ch in sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"])):
        size = float(ch.get("size") or 10.0)
        if lines and abs(ch["top"] - lines[-1][0]["top"]) < 0.5 * size:
            lines[-1].append(ch)
        else:
            lines.append([ch])
    return [_Line(sorted(line, key=lambda c: c["x0"])) for line in lines if "".join(c["text"] for c in line).strip()]


def cell_text(chars: list[Char], box: Box) -> str:
    """A cell's text: soft wraps become spaces, paragraph ends line breaks, broken words whole again."""
    lines = _lines(chars)
    if not lines:
        return ""
    pad = max(0.0, min(line.x0 for line in lines) - box[0])
    right = box[2] - pad
    out = [lines[0].text]
    for prev, nxt in zip(lines, lines[1:], strict=False):
        head, tail = prev.text, nxt.text
        if head.endswith("-") and tail[:1].isalnum() and (head[-2:-1].isalpha() or not prev.trailing_space
                                                          and right - prev.x1 > 0.3 * prev.size):
            # «нормативно-» + «правовой»; «; -» + «Разработка» when a space after the dash would have fitted
            sep = ""
        elif prev.x1 + 0.3 * prev.size + nxt.first_word_width < right - 0.5 * prev.size:
            sep = "\n"  # the next word would have fitted here: the paragraph ended
        else:
            # a soft wrap; a word broken because it is wider than the cell («необходимос ти») looks the
            # same as a word that filled the line, and is joined later only if the document has it whole
            sep = " "
        out.append(sep)
        out.append(tail)
    return "".join(out)


def _preamble(chars: list[Char]) -> list[str]:
    """Lines of text above the table; a wide gap becomes an empty line, a bold line is marked ``**…**``."""
    out: list[str] = []
    prev: _Line | None = None
    for line in _lines(chars):
        if prev is not None and line.chars[0]["top"] - prev.chars[0]["top"] > 1.9 * prev.size:
            out.append("")
        out.append(f"**{line.text}**" if line.bold else line.text)
        prev = line
    return out


def copy_order_text(chars: list[Char]) -> str:
    """The page's text as a PDF viewer copies it: in the order it was written into the file, a new line
    where the baseline changes — and, better than a viewer, where a wide gap parts two columns."""
    out: list[str] = []
    line: list[Char] = []
    for ch in chars:
        size = float(ch.get("size") or 10.0)
        if line and (abs(ch["top"] - line[-1]["top"]) > 0.5 * size or ch["x0"] < line[-1]["x0"] - 1
                     or ch["x0"] - line[-1]["x1"] > 1.5 * size):
            out.append(_Line(line).text)
            line = []
        line.append(ch)
    if line:
        out.append(_Line(line).text)
    return "\n".join(out)


def _table_rows(table: PageTable, chars_by_top: list[Char], tops: list[float]) -> list[list[str]]:
    rows: list[list[str]] = []
    for row in table.rows:
        boxes = [b for b in row if b is not None]
        top, bottom = min(b[1] for b in boxes), max(b[3] for b in boxes)
        band = chars_by_top[bisect_left(tops, top - 1): bisect_right(tops, bottom)]
        cells: list[str] = []
        for box in row:
            if box is None:  # covered by a merged cell to its left or above
                cells.append("")
                continue
            inside = [c for c in band if box[0] <= (c["x0"] + c["x1"]) / 2 <= box[2]
                      and box[1] <= (c["top"] + c["bottom"]) / 2 <= box[3]]
            cells.append(cell_text(inside, box))
        rows.append(cells)
    return rows


def _open(path: Path) -> object:
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise CuratorError(f"PDF-файл «{path.name}» защищён паролем: снимите защиту и загрузите его снова.") \
                from exc
        raise CuratorError(f"Файл «{path.name}» не читается как PDF ({exc}).") from exc


def read_pdf(path: Path) -> PdfContent:
    """The roadmap's table rows and the lines above it, read from a PDF file."""
    from typing import Any

    document: Any = _open(path)
    content = PdfContent()
    roles: frozenset[str] | None = None
    width = 0
    lead: list[str] = []
    pages: list[list[Char]] = []
    try:
        for index in range(len(document)):
            pdf_page = document[index]
            try:
                page = read_page(pdf_page)
            finally:
                pdf_page.close()
            chars = page.chars
            pages.append(chars)
            by_top = sorted(chars, key=lambda c: c["top"])
            tops = [c["top"] for c in by_top]
            for table in page.tables:
                if len(table.rows) < 2 or len(table.rows[0]) < 2:
                    continue
                rows = _table_rows(table, by_top, tops)
                own = header_roles(rows)
                columns = max(len(r) for r in rows)
                if not content.rows:
                    if own is None or "title" not in own:
                        continue
                    content.preamble = lead + _preamble([c for c in chars if c["bottom"] <= table.bbox[1] + 1])
                    content.rows, roles, width = rows, own, columns
                elif own == roles or (own is None and columns == width):
                    content.rows += rows
            if not content.rows:
                lead += _preamble(chars)  # a title page before the table's page
    finally:
        document.close()
    if not any(not c["text"].isspace() for chars in pages for c in chars):
        raise CuratorError(f"В PDF-файле «{path.name}» нет текста — похоже, это скан (страницы сохранены "
                           "картинками). Такую дорожную карту не прочитать: загрузите исходный файл Word "
                           "или PDF, сохранённый из Word, либо распознайте скан (OCR) и загрузите текст.")
    if not content.rows:
        content.text = "\n".join(copy_order_text(chars) for chars in pages)
    return content
