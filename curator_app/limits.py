"""Limits on what an input file may hold, checked before any work is done with it.

A 2 KB spreadsheet may declare a sheet of 16,384 × 1,048,576 cells, a 1 MB zip may unpack to 1 GB, a text
may hold a million lines: readers that trust such a file take gigabytes of memory or hours. Every reader of
an input file (a bank sheet, a roadmap, survey answers) asks this module first; a file beyond a limit is
refused with a Russian message that names the limit. The checks read the file as a stream, keeping almost
nothing: they cost a fraction of the reading they guard.

The limits are far above any school's files: a bank of a big school has a few thousand rows, a roadmap a
few hundred lines.
"""

from __future__ import annotations

import codecs
import csv
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from curator_app.errors import CuratorError

MAX_FILE_BYTES = 50_000_000  # a table, a document or a text to import
MAX_UNZIPPED_BYTES = 150_000_000  # everything an .xlsx/.docx unpacks to
MAX_ZIP_ENTRIES = 2_000
MAX_ROWS = 100_000
MAX_COLUMNS = 1_000
MAX_CELLS = 3_000_000  # rows × columns of the part of a sheet that is filled
MAX_CELL_CHARS = 32_767  # Excel's own limit for a cell
MAX_TEXT_LINES = 100_000  # a CSV
MAX_ROADMAP_LINES = 20_000  # a pasted or .txt roadmap (a real one has a few hundred)
MAX_BACKUP_BYTES = 1_000_000_000  # a backup is checked in memory (a school's is tens of MB)

_PROLOG = 65_536  # an XML part must start its root element within this many bytes
_XML_NOISE = re.compile(rb"<!--.*?-->|<\?.*?\?>", re.DOTALL)
_ROOT_START = re.compile(rb"<[A-Za-z_]")
_NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_ZIP_SUFFIXES = (".xlsx", ".xlsm", ".docx", ".ods", ".odt")


def _n(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.0f} МБ" if size >= 10_000_000 else f"{size / 1_000_000:.1f} МБ".replace(".", ",")


def check_size(path: Path, limit: int = MAX_FILE_BYTES, what: str = "Файл") -> int:
    """The size of ``path``; a file larger than ``limit`` is refused."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise CuratorError(f"Не удалось прочитать «{path.name}»: {exc.strerror or exc}.") from exc
    if size > limit:
        raise CuratorError(f"{what} «{path.name}» слишком велик: {_mb(size)} при пределе {_mb(limit)}. "
                           "Проверьте, тот ли это файл.")
    return size


def check_input_file(path: Path) -> None:
    """The checks every input file passes before it is read: its size, and for a zip package (.xlsx, .docx)
    its entries, unpacked size, XML without DTDs and, for a spreadsheet, the size of its first sheet."""
    check_size(path)
    if path.suffix.lower() in _ZIP_SUFFIXES or _is_zip(path):
        check_zip(path)
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            check_xlsx(path)
        elif path.suffix.lower() == ".ods":
            check_ods(path)


def _is_zip(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def _open_zip(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise CuratorError(f"Файл «{path.name}» не читается: он повреждён или это не документ Office "
                           f"(не zip-архив: {exc}).") from exc


def check_zip(path: Path) -> None:
    """A zip package (.xlsx, .docx, .ods): not too many entries, not too much unpacked, no DTD in its XML."""
    with _open_zip(path) as book:
        entries = book.infolist()
        if len(entries) > MAX_ZIP_ENTRIES:
            raise CuratorError(f"Файл «{path.name}» содержит {_n(len(entries))} частей при пределе "
                               f"{_n(MAX_ZIP_ENTRIES)}: это не обычная таблица или документ.")
        unpacked = sum(e.file_size for e in entries)
        if unpacked > MAX_UNZIPPED_BYTES:
            raise CuratorError(f"Файл «{path.name}» распаковывается в {_mb(unpacked)} при пределе "
                               f"{_mb(MAX_UNZIPPED_BYTES)}: он слишком велик или это «zip-бомба».")
        for entry in entries:
            if entry.filename.lower().endswith((".xml", ".rels")):
                _check_prolog(book, entry, path.name)


def _check_prolog(book: zipfile.ZipFile, entry: zipfile.ZipInfo, name: str) -> None:
    """No DTD (Office files never have one: it only serves entity expansion attacks), and the root element
    begins within the first 64 KB."""
    try:
        with book.open(entry) as handle:
            head = handle.read(_PROLOG)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise CuratorError(f"Файл «{name}» повреждён: часть «{entry.filename}» не читается ({exc}).") from exc
    text = _XML_NOISE.sub(b"", _decode_head(head))
    if b"<!DOCTYPE" in text or b"<!ENTITY" in text:
        raise CuratorError(f"Файл «{name}» содержит объявление DTD в части «{entry.filename}» — в документах "
                           "Excel и Word его не бывает; файл не загружен. Пересохраните его в Excel или Word.")
    if len(head) == _PROLOG and not _ROOT_START.search(text):
        raise CuratorError(f"Файл «{name}» повреждён: часть «{entry.filename}» не похожа на XML.")


def _decode_head(head: bytes) -> bytes:
    """An XML head in UTF-16 read as ASCII-compatible bytes (so its markup can be searched)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or head[:2] in (b"<\x00", b"\x00<"):
        try:
            return head.decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
        except UnicodeError:
            return head
    return head


def _column_number(letters: str) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number


def _first_sheet(book: zipfile.ZipFile) -> str:
    """The part holding the workbook's first sheet (what the readers read)."""
    from lxml import etree

    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        workbook = etree.fromstring(book.read("xl/workbook.xml"), parser)
        first = workbook.find(f"{{{_NS_MAIN}}}sheets/{{{_NS_MAIN}}}sheet")
        rel_id = first.get(f"{{{_NS_REL}}}id") if first is not None else None
        rels = etree.fromstring(book.read("xl/_rels/workbook.xml.rels"), parser)
        for rel in rels:
            if rel.get("Id") == rel_id:
                target = (rel.get("Target") or "").lstrip("/")
                name = target if target.startswith("xl/") else f"xl/{target}"
                if name in book.namelist():
                    return name
    except (KeyError, etree.XMLSyntaxError, zipfile.BadZipFile, OSError):
        pass
    sheets = sorted(n for n in book.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml"))
    return sheets[0] if sheets else ""


def _sheet_too_big(name: str, rows: int, columns: int, declared: bool) -> CuratorError | None:
    where = "заявлен размер листа" if declared else "заполнено"
    if rows > MAX_ROWS:
        return CuratorError(f"В файле «{name}» {where} {_n(rows)} строк при пределе {_n(MAX_ROWS)}. "
                            "Удалите лишние строки (или сохраните только нужный лист) и повторите.")
    if columns > MAX_COLUMNS:
        return CuratorError(f"В файле «{name}» {where} {_n(columns)} столбцов при пределе {_n(MAX_COLUMNS)}. "
                            "Удалите лишние столбцы и повторите.")
    if rows * columns > MAX_CELLS:
        return CuratorError(f"В файле «{name}» {where} {_n(rows)} × {_n(columns)} ячеек при пределе "
                            f"{_n(MAX_CELLS)}. Удалите лишние строки и столбцы и повторите.")
    return None


def _cell_too_long(name: str, where: str) -> CuratorError:
    return CuratorError(f"В файле «{name}» {where} больше {_n(MAX_CELL_CHARS)} знаков — больше, чем помещается "
                        "в ячейку Excel. Проверьте файл.")


_P = rb"<(?:[A-Za-z_][\w.-]*:)?"  # a tag, with or without a namespace prefix
_CELL = re.compile(_P + rb'c\s[^>]*?\br="\$?([A-Z]{1,3})\$?(\d{1,9})"')
_ROW = re.compile(_P + rb'row\s[^>]*?\br="(\d{1,9})"')
_DIMENSION = re.compile(_P + rb'dimension\s[^>]*?\bref="[^"]*?([A-Z]{1,3})\$?(\d{1,9})"')
_LONG_TEXT = re.compile(rb">[^<]{%d}" % MAX_CELL_CHARS)  # a text longer in bytes; counted in letters if found
_SHARED = re.compile(_P + rb"si[\s>]")


def _chunks(handle: IO[bytes]) -> Iterable[bytes]:
    """An XML stream in pieces that each end before a ``<``: no tag is cut in two."""
    carry = b""
    while chunk := handle.read(1 << 20):
        data = carry + chunk
        cut = data.rfind(b"<")
        if cut <= 0:  # a megabyte without a tag: hand it over whole (it holds an over-long text)
            yield data
            carry = b""
            continue
        yield data[:cut]
        carry = data[cut:]
    if carry:
        yield carry


def _long_text(piece: bytes) -> bool:
    """A text between tags longer than a cell may hold (in letters, entities counted as one)."""
    import html

    for match in _LONG_TEXT.finditer(piece):
        end = piece.find(b"<", match.start() + 1)
        text = piece[match.start() + 1: end if end >= 0 else len(piece)]
        if len(html.unescape(text.decode("utf-8", errors="replace"))) > MAX_CELL_CHARS:
            return True
    return False


def check_xlsx(path: Path) -> None:
    """The first sheet of an .xlsx: its declared size, the rows, columns and cells really there, the length of
    every value and shared string — read as a stream of bytes, before any reader builds a cell."""
    with _open_zip(path) as book:
        sheet = _first_sheet(book)
        if not sheet:
            return  # not a workbook: the reader will say so
        try:
            _scan_sheet(book, sheet, path.name)
            if "xl/sharedStrings.xml" in book.namelist():
                _scan_shared_strings(book, path.name)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise CuratorError(f"Файл «{path.name}» повреждён: {exc}.") from exc


def _scan_sheet(book: zipfile.ZipFile, sheet: str, name: str) -> None:
    max_row = max_col = cells = plain_cells = 0
    with book.open(sheet) as handle:
        for piece in _chunks(handle):
            if (m := _DIMENSION.search(piece)) and (
                    error := _sheet_too_big(name, int(m[2]), _column_number(m[1].decode()), declared=True)):
                raise error
            found = _CELL.findall(piece)
            if found:
                max_col = max(max_col, max(_column_number(c.decode()) for c in {c for c, _ in found}))
                max_row = max(max_row, max(int(r) for _, r in found))
            rows = _ROW.findall(piece)
            if rows:
                max_row = max(max_row, max(int(r) for r in rows))
            cells += len(found)
            plain_cells += piece.count(b"<c ") + piece.count(b"<c>") + piece.count(b"<c/>")
            if error := _sheet_too_big(name, max_row, max_col, declared=False):
                raise error
            if max(cells, plain_cells) > MAX_CELLS:
                raise CuratorError(f"В файле «{name}» больше {_n(MAX_CELLS)} ячеек — это предел для таблицы. "
                                   "Удалите лишнее или разделите файл.")
            if _long_text(piece):
                raise _cell_too_long(name, "есть ячейка, в которой")


_ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODS_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def check_ods(path: Path) -> None:
    """The first sheet of an .ods as a reader lays it out: rows and cells repeated by
    ``number-rows-repeated`` / ``number-columns-repeated`` count as many times as they say, up to the last one
    holding a value. One stray value far away, or one cell repeated a million times, would otherwise make a
    few kilobytes ask for gigabytes."""
    from lxml import etree

    rows = columns = row = 0
    depth = 0
    try:
        with _open_zip(path) as book, book.open("content.xml") as handle:
            for event, element in etree.iterparse(handle, events=("start", "end"), resolve_entities=False,
                                                  no_network=True, huge_tree=False):
                tag = element.tag
                if tag == f"{_ODS_TABLE}table":
                    if event == "start":
                        depth += 1
                    elif depth == 1:
                        break  # the first sheet is all a reader takes
                    continue
                if event != "end" or tag != f"{_ODS_TABLE}table-row":
                    continue
                repeat = int(element.get(f"{_ODS_TABLE}number-rows-repeated", "1") or 1)
                column, last = 0, 0
                for cell in element:
                    span = int(cell.get(f"{_ODS_TABLE}number-columns-repeated", "1") or 1)
                    column += span
                    if cell.get(f"{_ODS_OFFICE}value-type") is not None or len(cell):
                        last = column
                if last:
                    rows, columns = row + repeat, max(columns, last)
                    if error := _sheet_too_big(path.name, rows, columns, declared=False):
                        raise error
                row += repeat
                element.clear()
    except KeyError:
        return  # no content.xml: not a spreadsheet, the reader will say so
    except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, ValueError) as exc:
        raise CuratorError(f"Файл «{path.name}» повреждён: {exc}.") from exc


def _scan_shared_strings(book: zipfile.ZipFile, name: str) -> None:
    count = 0
    with book.open("xl/sharedStrings.xml") as handle:
        for piece in _chunks(handle):
            count += len(_SHARED.findall(piece))
            if count > MAX_CELLS:
                raise CuratorError(f"В файле «{name}» больше {_n(MAX_CELLS)} строк текста — это не обычная таблица.")
            if _long_text(piece):
                raise _cell_too_long(name, "есть текст, в котором")


# --- text: encodings, lines, CSV --------------------------------------------------------------------

def decode_text(data: bytes, name: str) -> str:
    """The text of a file in UTF-8 (with or without BOM), UTF-16 (Excel's «Unicode text») or Windows-1251;
    a binary file is refused."""
    if data.startswith(codecs.BOM_UTF8):
        return _decoded(data[3:], "utf-8", name)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decoded(data, "utf-16", name)
    head = data[:4096]
    if b"\x00" in head:  # UTF-16 without a BOM: the high bytes of ASCII letters are zeros, all on one side
        odd, even = head[1::2].count(0), head[0::2].count(0)
        if odd > 8 * even:
            return _decoded(data, "utf-16-le", name)
        if even > 8 * odd:
            return _decoded(data, "utf-16-be", name)
        raise CuratorError(f"Файл «{name}» — не текст (в нём двоичные данные). Нужна таблица .xlsx или .csv.")
    try:
        return _decoded(data, "utf-8", name)
    except CuratorError:
        return _decoded(data, "cp1251", name)


def _decoded(data: bytes, encoding: str, name: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise CuratorError(f"Файл «{name}»: текст не читается в кодировке {encoding} (байт {exc.start}). "
                           "Сохраните его в UTF-8.") from exc
    controls = sum(1 for ch in text[:4096] if ch < " " and ch not in "\t\r\n")
    if "\x00" in text or controls * 100 > min(len(text), 4096):
        raise CuratorError(f"Файл «{name}» — не текст (в нём двоичные данные). Нужна таблица .xlsx или .csv.")
    return text


def check_lines(text: str, name: str, limit: int = MAX_TEXT_LINES) -> None:
    """A text of more than ``limit`` lines is refused (counted without splitting it)."""
    lines = text.count("\n") + (0 if text.endswith("\n") else 1)
    if lines > limit:
        where = f"Файл «{name}»" if name else "Текст"
        raise CuratorError(f"{where}: {_n(lines)} строк при пределе {_n(limit)}. Проверьте, тот ли это файл.")


def csv_rows(reader: Iterable[list[str]], name: str) -> list[list[str]]:
    """The rows of a CSV reader, checked: rows, columns, the length of a cell; a malformed CSV is told in
    Russian with its line instead of failing with ``csv.Error``."""
    rows: list[list[str]] = []
    try:
        for row in reader:
            if len(rows) >= MAX_ROWS:
                raise CuratorError(f"В файле «{name}» больше {_n(MAX_ROWS)} строк — это предел для таблицы. "
                                   "Разделите файл на части.")
            if len(row) > MAX_COLUMNS:
                raise CuratorError(f"В файле «{name}» в строке {_n(len(rows) + 1)} {_n(len(row))} столбцов "
                                   f"при пределе {_n(MAX_COLUMNS)}.")
            if any(len(cell) > MAX_CELL_CHARS for cell in row):
                raise _cell_too_long(name, f"в строке {_n(len(rows) + 1)} ячейка, в которой")
            rows.append(row)
    except csv.Error as exc:
        line = getattr(reader, "line_num", len(rows) + 1)
        if "field larger than field limit" in str(exc):
            raise _cell_too_long(name, f"около строки {_n(line)} ячейка, в которой") from exc
        raise CuratorError(f"Файл «{name}» не читается как CSV (строка {_n(line)}): {exc}. Проверьте кавычки и "
                           "разделители или сохраните таблицу в Excel как .xlsx.") from exc
    return rows
