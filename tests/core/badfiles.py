"""Bad input files of the kinds an attack on the program tried, built in the test: a 2 KB spreadsheet that
declares (or fills) a cell at XFD1048576, zip bombs, XML with a DTD, broken sheets, CSVs in UTF-16, with a
1 MB cell, with an unclosed quote, and a way to measure the memory a reader takes on them."""

from __future__ import annotations

import functools
import json
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/'
                 '2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
                 'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" '
                 'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                 '</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="Лист1" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                 'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                 'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                 'sharedStrings" Target="sharedStrings.xml"/></Relationships>')
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
HEADER = ["ФИО", "Класс", "Дата рождения", "Мероприятие", "Сроки"]


def _cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def sheet_xml(rows: list[str], dimension: str = "", prolog: str = "") -> str:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<worksheet {NS}>{dim}<sheetData>{"".join(rows)}</sheetData></worksheet>'


def header_row() -> str:
    return '<row r="1">' + "".join(_cell(f"{chr(65 + i)}1", h) for i, h in enumerate(HEADER)) + "</row>"


def xlsx(path: Path, sheet: str, shared: str | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", CONTENT_TYPES)
        book.writestr("_rels/.rels", RELS)
        book.writestr("xl/workbook.xml", WORKBOOK)
        book.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        book.writestr("xl/worksheets/sheet1.xml", sheet)
        if shared is not None:
            book.writestr("xl/sharedStrings.xml", shared)
    return path


def far_cell(path: Path, declared_only: bool = False) -> Path:
    """A 2 KB workbook whose sheet reaches cell XFD1048576: declared in ``<dimension>``, or really there."""
    rows = [header_row(), '<row r="2">' + _cell("A2", "Иванов Иван Иванович") + "</row>"]
    if not declared_only:
        rows.append('<row r="1048576">' + _cell("XFD1048576", "x") + "</row>")
    return xlsx(path, sheet_xml(rows, dimension="A1:XFD1048576"))


def with_dtd(path: Path) -> Path:
    """A workbook whose sheet declares a DTD with an entity (billion laughs in small)."""
    entities = '<!DOCTYPE worksheet [<!ENTITY a "ааааааааааааааааааааааа"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    rows = [header_row(), '<row r="2">' + _cell("A2", "&b;") + "</row>"]
    return xlsx(path, sheet_xml(rows, prolog=entities))


def broken_sheet(path: Path) -> Path:
    """A sound zip whose sheet XML is cut off in the middle."""
    return xlsx(path, sheet_xml([header_row()])[:-40])


def no_sheets(path: Path) -> Path:
    """A sound zip whose workbook lists no sheet (openpyxl then has no ``worksheets[0]``)."""
    xlsx(path, sheet_xml([header_row()]))
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    parts["xl/workbook.xml"] = WORKBOOK.replace('<sheet name="Лист1" sheetId="1" r:id="rId1"/>', "").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in parts.items():
            book.writestr(name, data)
    return path


def long_cell_xlsx(path: Path, chars: int = 1_000_000) -> Path:
    rows = [header_row(), '<row r="2">' + _cell("A2", "а" * chars) + "</row>"]
    return xlsx(path, sheet_xml(rows))


def zip_bomb(path: Path, unpacked: int = 1 << 30) -> Path:
    """A workbook of about 1 MB whose shared strings unpack to ``unpacked`` bytes (1 GB by default), its sizes
    declared honestly. The deflate stream is one fully flushed block repeated, so building it is quick."""
    xlsx(path, sheet_xml([header_row(), '<row r="2"><c r="A2" t="s"><v>0</v></c></row>']))
    _append_raw_entry(path, "xl/sharedStrings.xml", *_bomb_stream(unpacked))
    return path


@functools.lru_cache(maxsize=2)
def _bomb_stream(unpacked: int) -> tuple[list[bytes], int, int]:
    block = b"<si><t>" + b"a" * (1 << 20) + b"</t></si>"  # one shared string per block
    head = b'<?xml version="1.0" encoding="UTF-8"?><sst ' + NS.encode() + b">"
    tail = b"</sst>"
    repeats = max(1, (unpacked - len(head) - len(tail)) // len(block))
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    middle = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    last = packer.compress(tail) + packer.flush(zlib.Z_FINISH)
    crc = zlib.crc32(head)
    block_crc_run = crc
    for _ in range(repeats):
        block_crc_run = zlib.crc32(block, block_crc_run)
    crc = zlib.crc32(tail, block_crc_run)
    size = len(head) + repeats * len(block) + len(tail)
    return [first, *([middle] * repeats), last], crc, size


def _append_raw_entry(path: Path, name: str, chunks: list[bytes], crc: int, size: int) -> None:
    """Add an already deflated entry to the zip at ``path`` (zipfile cannot take precompressed data)."""
    with zipfile.ZipFile(path) as book:
        entries = [(i, book.read(i)) for i in book.infolist()]
    compressed = sum(len(c) for c in chunks)
    encoded = name.encode()
    with open(path, "wb") as out:
        central = []
        for info, data in entries:  # rewrite the small entries stored, then the bomb
            offset = out.tell()
            out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 0, 0, 0, zlib.crc32(data), len(data),
                                  len(data), len(info.filename.encode()), 0) + info.filename.encode() + data)
            central.append((info.filename.encode(), 0, zlib.crc32(data), len(data), len(data), offset))
        offset = out.tell()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, compressed, size, len(encoded), 0)
                  + encoded)
        for chunk in chunks:
            out.write(chunk)
        central.append((encoded, 8, crc, compressed, size, offset))
        start = out.tell()
        for file_name, method, file_crc, packed, unpacked, at in central:
            out.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0, file_crc, packed,
                                  unpacked, len(file_name), 0, 0, 0, 0, 0, at) + file_name)
        end = out.tell()
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), end - start, start, 0))


def many_rows_csv(path: Path, rows: int) -> Path:
    path.write_text("ФИО;Класс;Дата рождения\n" + "Иванов Иван Иванович;7Б;05.03.2013\n" * rows, encoding="utf-8")
    return path


def csv_files(folder: Path) -> dict[str, Path]:
    """CSVs that are ordinary mistakes, not attacks: UTF-16, a 1 MB cell, an unclosed quote, one column."""
    folder.mkdir(exist_ok=True)
    table = "ФИО;Класс;Дата рождения\nИванов Иван Иванович;7Б;05.03.2013\nПетрова Анна Сергеевна;8А;01.02.2012\n"
    files = {
        "utf16.csv": table.encode("utf-16"),
        "utf16-no-bom.csv": table.encode("utf-16-le"),
        "huge-cell.csv": (table + "Сидоров Пётр;" + "я" * 1_000_000 + ";01.01.2012\n").encode("utf-8"),
        "unclosed-quote.csv": (table + '"Сидоров Пётр;7Б;01.01.2012\n' + "Кузнецов Иван;5А;01.01.2014\n" * 20_000
                               ).encode("utf-8"),
        "one-column.csv": "ФИО\nИванов Иван Иванович\n".encode(),
        "binary.csv": bytes(range(256)) * 40,
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return {name: folder / name for name in files}


PEAK = """
import sys
def _peak_kb():
    try:  # Linux: the high-water mark of this program only (ru_maxrss keeps the forking parent's)
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except OSError:
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(_peak_kb(), file=sys.stderr)
"""


def peak_memory(code: str, timeout: float = 120) -> tuple[int, str, float]:
    """Run ``code`` in a fresh interpreter; its exit code, stderr and peak memory (MB)."""
    probe = code + "\n" + PEAK
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=timeout,
                          encoding="utf-8")
    lines = done.stderr.strip().splitlines()
    peak = json.loads(lines[-1]) / 1024 if lines and lines[-1].isdigit() else -1.0
    return done.returncode, "\n".join(lines[:-1]), peak
