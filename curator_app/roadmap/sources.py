"""Where roadmap rows come from: a Word table (python-docx), a PDF's table (:mod:`.pdf_source`), an Excel
sheet (openpyxl), or text copied out of Word or PDF (tab-separated, a Markdown pipe table, or one cell per
line as a PDF viewer or a browser copies it: :mod:`.cell_lines`)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from curator_app.errors import CuratorError
from curator_app.limits import MAX_ROADMAP_LINES, check_input_file, check_lines, decode_text

from .table import ParsedRoadmap, header_roles, is_header_row, parse_rows
from .text_repair import strip_markup

SUFFIXES = (".docx", ".pdf", ".xlsx", ".txt", ".md", ".tsv")


def text_rows(text: str) -> list[list[str]]:
    """Lines to cells: a Markdown pipe table row is split on ``|``, any other line on tabs."""
    rows: list[list[str]] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        stripped = line.strip()
        if stripped.startswith("|") and stripped.count("|") >= 2:
            inner = stripped[1:-1] if stripped.endswith("|") else stripped[1:]
            rows.append([c.strip() for c in re.split(r"(?<!\\)\|", inner)])
        else:
            rows.append(line.split("\t"))
    return rows


def parse_text(text: str, source: str = "") -> ParsedRoadmap:
    """A roadmap from pasted text (or a .txt/.md file's content): a tab-separated or Markdown table, else
    a table copied one cell per line out of a PDF viewer or a browser, rebuilt by :mod:`.cell_lines`."""
    if not text.strip():
        raise CuratorError("Текст пуст: скопируйте таблицу дорожной карты из Word, PDF или Excel.")
    check_lines(text, source, MAX_ROADMAP_LINES)
    rows = text_rows(text)
    if any(is_header_row([strip_markup(c) for c in row]) for row in rows):
        return parse_rows(rows, source=source)
    from .cell_lines import rebuild

    where = f" в «{source}»" if source else ""
    rebuilt = rebuild(text)
    if rebuilt is None:
        raise CuratorError(f"Не найдена строка заголовков таблицы{where}: в тексте нет ни заголовка со "
                           "словами «Мероприятие», «Сроки», «Ответственный», ни столбцов, разделённых "
                           "табуляцией, — похоже, это не таблица дорожной карты. Скопируйте таблицу целиком, "
                           "вместе с её заголовком, или загрузите сам файл.")
    preamble, table = rebuilt
    parsed = parse_rows(table, preamble=preamble, source=source)
    labels = ", ".join(f"«{label}»" for label in table[0] if label)
    parsed.note = (f"Текст был скопирован без столбцов: строки восстановлены по заголовку ({labels}). "
                   "Проверьте, что текст попал в свои столбцы.")
    return parsed


def _docx_table_rows(table: Any) -> list[list[str]]:
    rows: list[list[str]] = []
    for row in table.rows:
        cells: list[str] = []
        last = None
        for cell in row.cells:  # a merged cell comes back once per grid column
            cells.append("" if cell._tc is last else "\n".join(p.text for p in cell.paragraphs))
            last = cell._tc
        rows.append(cells)
    return rows


def _docx_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    """The paragraphs above the roadmap's table (bold ones marked ``**…**``, as pasted text has them) and
    the rows of every table whose header matches the first roadmap table's (a table broken by a page or
    section break, or its header-less continuation). Tables before it (an approval stamp) are preamble;
    tables with another header (a list of signatures) are not this roadmap."""
    import docx  # python-docx: Word tables as the school wrote them
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 - a broken or mislabelled file is a user error
        raise CuratorError(f"Файл «{path.name}» не читается как документ Word (.docx): {exc}.") from exc
    preamble: list[str] = []
    tables: list[list[list[str]]] = []
    rows: list[list[str]] = []
    roles: frozenset[str] | None = None
    width = 0
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p" and not rows:
            paragraph = Paragraph(child, document)
            bold = paragraph.runs and all(r.bold for r in paragraph.runs if r.text.strip())
            text = paragraph.text.strip()
            preamble.append(f"**{text}**" if bold and text else text)
        elif tag == "tbl":
            table_rows = _docx_table_rows(Table(child, document))
            tables.append(table_rows)
            own = header_roles(table_rows)
            table_width = max((len(r) for r in table_rows), default=0)
            if not rows:
                if own is not None and "title" in own:
                    rows, roles, width = list(table_rows), own, table_width
                else:  # «УТВЕРЖДАЮ …» set out in a table above the title
                    preamble += [" ".join(c.strip() for c in r if c.strip()) for r in table_rows]
            elif own == roles or (own is None and table_width == width):
                rows += table_rows
    if not rows:  # no table has a roadmap header: let the reader say what it found
        rows = [r for t in tables for r in t]
    if not rows:
        raise CuratorError(f"В документе «{path.name}» нет таблицы дорожной карты.")
    return preamble, rows


def _xlsx_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_rows(path: Path) -> list[list[str]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(str(path), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001
        raise CuratorError(f"Файл «{path.name}» не читается как книга Excel (.xlsx): {exc}.") from exc
    try:
        sheet = book.worksheets[0]
        return [[_xlsx_value(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    except Exception as exc:  # noqa: BLE001 - a sheet broken inside a sound zip is a user error
        raise CuratorError(f"Файл «{path.name}» не читается как книга Excel (.xlsx): {exc}.") from exc
    finally:
        book.close()


def parse_file(path: str | Path) -> ParsedRoadmap:
    """A roadmap from a .docx, .pdf, .xlsx or text file (.txt, .md, .tsv)."""
    file = Path(path)
    if not file.is_file():
        raise CuratorError(f"Файл «{file}» не найден.")
    suffix = file.suffix.lower()
    if suffix not in (".docx", ".pdf", ".xlsx", ".txt", ".md", ".tsv", ""):
        raise CuratorError(f"Файл «{file.name}»: дорожную карту можно загрузить из .docx, .pdf, .xlsx или "
                           "текста (.txt, .md).")
    check_input_file(file)  # sizes, declared dimensions, zip bombs, DTDs: refused before reading
    if suffix == ".docx":
        preamble, rows = _docx_rows(file)
        parsed = parse_rows(rows, preamble=preamble, source=file.name)
    elif suffix == ".pdf":
        from .pdf_source import read_pdf

        content = read_pdf(file)
        if content.rows:
            parsed = parse_rows(content.rows, preamble=content.preamble, source=file.name)
        else:
            parsed = parse_text(content.text, source=file.name)
    elif suffix == ".xlsx":
        parsed = parse_rows(_xlsx_rows(file), source=file.name)
    else:
        parsed = parse_text(decode_text(file.read_bytes(), file.name), source=file.name)
    if not parsed.events:
        raise CuratorError(f"В «{file.name}» не найдено ни одного мероприятия.")
    return parsed
