"""One PDF page as the table reader needs it: its characters (with their boxes, size and weight) and the
cells of its ruled tables.

PDFium (pypdfium2, already used for the preview) reads the page: it is ten times faster than a pure
Python parser on a 30-page roadmap. pdfplumber's table finder (after Nurminen's thesis, as in Tabula)
turns the page's ruling lines into cells: lines snapped and joined, their crossings found, the smallest
rectangles between crossings taken as cells and grouped into tables.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

Char = dict[str, Any]  # text, x0, x1, top, bottom, size, bold — top-down coordinates, as pdfplumber's
Box = tuple[float, float, float, float]  # x0, top, x1, bottom
_TOLERANCE = 3.0  # points: lines this close are one line (pdfplumber's default)
_MIN_EDGE = 3.0
_SKIP = {"\r", "\n", "\ufffe", "\x00"}


@dataclass
class PageTable:
    """A ruled table on a page: its rows of cell boxes; ``None`` where a merged cell covers the column."""

    bbox: Box
    rows: list[list[Box | None]]


@dataclass
class Page:
    chars: list[Char]
    tables: list[PageTable]


def _chars(page: Any, height: float) -> list[Char]:
    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    try:
        handle = textpage.raw
        chars: list[Char] = []
        for i in range(textpage.count_chars()):
            if raw.FPDFText_IsGenerated(handle, i) == 1:  # PDFium's own guess of a space or a line break
                continue
            text = chr(raw.FPDFText_GetUnicode(handle, i))
            if text == "\x02":  # PDFium's mark for a hyphen that ends a line: the file has a «-» there
                text = "-"
            if text in _SKIP:
                continue
            box = raw.FS_RECTF()  # the loose box: the glyph's advance and the font's height
            raw.FPDFText_GetLooseCharBox(handle, i, box)
            size = float(raw.FPDFText_GetFontSize(handle, i)) or 10.0
            weight = raw.FPDFText_GetFontWeight(handle, i)
            chars.append({"text": text, "x0": box.left, "x1": max(box.right, box.left), "top": height - box.top,
                          "bottom": height - box.bottom, "size": size, "bold": weight >= 600})
        return chars
    finally:
        textpage.close()


def _segments(obj: Any, matrix: tuple[float, ...]) -> Iterator[tuple[float, float, float, float]]:
    """The straight segments of a path object, in page coordinates (y upwards)."""
    import pypdfium2.raw as raw

    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    start = current = None
    for j in range(raw.FPDFPath_CountSegments(obj)):
        segment = raw.FPDFPath_GetPathSegment(obj, j)
        raw.FPDFPathSegment_GetPoint(segment, x, y)
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            start = current = point
            continue
        if kind == raw.FPDF_SEGMENT_LINETO and current is not None:
            yield (*current, *point)
        current = point
        if raw.FPDFPathSegment_GetClose(segment) and start is not None and current != start:
            yield (*current, *start)
            current = start


def _matrix(obj: Any, outer: tuple[float, ...]) -> tuple[float, ...]:
    import pypdfium2.raw as raw

    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, m):
        return outer
    a1, b1, c1, d1, e1, f1 = m.a, m.b, m.c, m.d, m.e, m.f
    a2, b2, c2, d2, e2, f2 = outer
    return (a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2)


def _objects(page: Any) -> Iterator[tuple[Any, tuple[float, ...]]]:
    """Path objects with their matrices to the page, inside form objects too."""
    import pypdfium2.raw as raw

    identity: tuple[float, ...] = (1, 0, 0, 1, 0, 0)
    stack = [(raw.FPDFPage_GetObject(page.raw, i), identity)
             for i in reversed(range(raw.FPDFPage_CountObjects(page.raw)))]
    while stack:
        obj, outer = stack.pop()
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_PATH:  # its segments are in its own space: its matrix maps them out
            yield obj, _matrix(obj, outer)
        elif kind == raw.FPDF_PAGEOBJ_FORM:
            inner = _matrix(obj, outer)
            stack += [(raw.FPDFFormObj_GetObject(obj, k), inner)
                      for k in reversed(range(raw.FPDFFormObj_CountObjects(obj)))]


def _edges(page: Any, height: float) -> list[dict[str, Any]]:
    edges: list[dict[str, Any]] = []
    for obj, matrix in _objects(page):
        for x0, y0, x1, y1 in _segments(obj, matrix):
            left, right = sorted((x0, x1))
            top, bottom = sorted((height - y0, height - y1))
            if bottom - top < 1 and right - left >= _MIN_EDGE:
                edges.append({"object_type": "line", "orientation": "h", "x0": left, "x1": right, "top": top,
                              "bottom": top, "doctop": top, "width": right - left, "height": 0.0})
            elif right - left < 1 and bottom - top >= _MIN_EDGE:
                edges.append({"object_type": "line", "orientation": "v", "x0": left, "x1": left, "top": top,
                              "bottom": bottom, "doctop": top, "width": 0.0, "height": bottom - top})
    return edges


def _rows(cells: list[Box]) -> list[list[Box | None]]:
    """Cells grouped into rows by their top, placed in the columns given by all the cells' left sides."""
    xs = sorted({cell[0] for cell in cells})
    by_top: dict[float, dict[float, Box]] = {}
    for cell in sorted(cells, key=lambda c: (c[1], c[0])):
        by_top.setdefault(cell[1], {})[cell[0]] = cell
    return [[row.get(x) for x in xs] for _, row in sorted(by_top.items())]


def _tables(edges: list[dict[str, Any]]) -> list[PageTable]:
    from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

    merged = [e for e in merge_edges(edges, _TOLERANCE, _TOLERANCE, _TOLERANCE, _TOLERANCE)
              if (e["height"] if e["orientation"] == "v" else e["width"]) >= _MIN_EDGE]
    cells = intersections_to_cells(edges_to_intersections(merged, _TOLERANCE, _TOLERANCE))
    tables = []
    for group in cells_to_tables(cells):
        boxes: list[Box] = [(float(c[0]), float(c[1]), float(c[2]), float(c[3])) for c in group]
        bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                max(b[3] for b in boxes))
        tables.append(PageTable(bbox, _rows(boxes)))
    return sorted(tables, key=lambda t: (t.bbox[1], t.bbox[0]))


def read_page(page: Any) -> Page:
    """A pypdfium2 page's characters (in the order the file has them) and its ruled tables, top first."""
    height = float(page.get_height())
    edges = _edges(page, height)
    return Page(_chars(page, height), _tables(edges) if edges else [])
