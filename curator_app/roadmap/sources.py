"""Where roadmap rows come from: a Word table (python-docx), an Excel sheet (openpyxl), or text copied
out of Word or PDF (tab-separated, or a Markdown pipe table)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from curator_app.errors import CuratorError
from curator_app.limits import MAX_ROADMAP_LINES, check_input_file, check_lines, decode_text

from .table import ParsedRoadmap, parse_rows

SUFFIXES = (".docx", ".xlsx", ".txt", ".md", ".tsv")


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
    """A roadmap from pasted text (or a .txt/.md file's content)."""
    if not text.strip():
        raise CuratorError("Текст пуст: скопируйте таблицу дорожной карты из Word, PDF или Excel.")
    check_lines(text, source, MAX_ROADMAP_LINES)
    return parse_rows(text_rows(text), source=source)


def _docx_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    import docx  # python-docx: Word tables as the school wrote them
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 - a broken or mislabelled file is a user error
        raise CuratorError(f"Файл «{path.name}» не читается как документ Word (.docx): {exc}.") from exc
    preamble: list[str] = []
    rows: list[list[str]] = []
    seen_table = False
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p" and not seen_table:
            paragraph = Paragraph(child, document)
            bold = paragraph.runs and all(r.bold for r in paragraph.runs if r.text.strip())
            text = paragraph.text.strip()
            preamble.append(f"**{text}**" if bold and text else text)
        elif tag == "tbl":
            seen_table = True
            for row in Table(child, document).rows:
                cells: list[str] = []
                last = None
                for cell in row.cells:  # a merged cell comes back once per grid column
                    cells.append("" if cell._tc is last else "\n".join(p.text for p in cell.paragraphs))
                    last = cell._tc
                rows.append(cells)
    if not rows:
        raise CuratorError(f"В документе «{path.name}» нет таблицы дорожной карты.")
    return [re.sub(r"\*\*\s*\*\*", " ", line) for line in preamble], rows


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
    """A roadmap from a .docx, .xlsx or text file (.txt, .md, .tsv)."""
    file = Path(path)
    if not file.is_file():
        raise CuratorError(f"Файл «{file}» не найден.")
    check_input_file(file)  # sizes, declared dimensions, zip bombs, DTDs: refused before reading
    suffix = file.suffix.lower()
    if suffix == ".docx":
        preamble, rows = _docx_rows(file)
        parsed = parse_rows(rows, preamble=preamble, source=file.name)
    elif suffix == ".xlsx":
        parsed = parse_rows(_xlsx_rows(file), source=file.name)
    elif suffix in (".txt", ".md", ".tsv", ""):
        text = decode_text(file.read_bytes(), file.name)
        parsed = parse_text(text, source=file.name)
    else:
        raise CuratorError(f"Файл «{file.name}»: дорожную карту можно загрузить из .docx, .xlsx или текста "
                           "(.txt, .md).")
    if not parsed.events:
        raise CuratorError(f"В «{file.name}» не найдено ни одного мероприятия.")
    return parsed
