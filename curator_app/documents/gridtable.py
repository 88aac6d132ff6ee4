"""A ruled table drawn in one pass: cells of plain text (already broken into lines), a bold header repeated on
every page, rows that never split, one text object and one set of lines per page.

reportlab's ``Table`` measures and draws cell by cell through its general machinery; an order of 500 pairs
or a bundle of 500 programmes spent most of their time there. The look is the same: a 0.5 pt grid,
3 pt side padding, text at the top of the cell, chosen columns centred, a minimum row height (room to
sign).
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from curator_app.pdf import SERIF, SERIF_BOLD

from .textblock import width

PAD_X, PAD_TOP, PAD_BOTTOM = 3.0, 2.0, 4.0


class GridTable(Flowable):  # type: ignore[misc]
    """``header`` and ``rows`` are lists of cells, each cell a list of lines that fit its column."""

    def __init__(self, header: list[list[str]], rows: list[list[list[str]]], widths: list[float], size: float,
                 centered: tuple[int, ...] = (), min_height: float = 0.0,
                 row_heights: list[float] | None = None) -> None:
        super().__init__()
        self.header, self.rows, self.widths, self.size = header, rows, widths, size
        self.centered, self.min_height = set(centered), min_height
        self.leading = size * 1.15
        # measured once: a table split over 30 pages would otherwise measure its rest on every page
        self.head_height = self._height(self.header)
        self.row_heights = row_heights if row_heights is not None else [self._height(r, min_height) for r in rows]
        self.width = sum(widths)
        self.height = self.head_height + sum(self.row_heights)

    def _height(self, cells: list[list[str]], minimum: float = 0.0) -> float:
        lines = max((len(c) for c in cells), default=1)
        return max(minimum, lines * self.leading + PAD_TOP + PAD_BOTTOM)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        used, fits = self.head_height, 0
        for height in self.row_heights:
            if used + height > avail_height:
                break
            used += height
            fits += 1
        if fits == 0 or fits == len(self.rows):
            return []
        return [self._part(0, fits), self._part(fits, len(self.rows))]

    def _part(self, start: int, end: int) -> GridTable:
        return GridTable(self.header, self.rows[start:end], self.widths, self.size, tuple(self.centered),
                         self.min_height, self.row_heights[start:end])

    def draw(self) -> None:
        canvas, size = self.canv, self.size
        text = canvas.beginText()
        segments: list[tuple[float, float, float, float]] = []
        top = self.height
        for index, (cells, height) in enumerate([(self.header, self.head_height),
                                                 *zip(self.rows, self.row_heights, strict=True)]):
            font = SERIF_BOLD if index == 0 else SERIF
            text.setFont(font, size)
            x = 0.0
            for column, (lines, column_width) in enumerate(zip(cells, self.widths, strict=True)):
                centred = index == 0 or column in self.centered
                y = top - PAD_TOP - size
                for line in lines:
                    if line:
                        left = x + (column_width - width(line, font, size)) / 2 if centred else x + PAD_X
                        text.setTextOrigin(left, y)
                        text.textOut(line)
                    y -= self.leading
                x += column_width
            segments.append((0, top, self.width, top))
            top -= height
        segments.append((0, top, self.width, top))
        x = 0.0
        for column_width in [0.0, *self.widths]:
            x += column_width
            segments.append((x, self.height, x, top))
        canvas.drawText(text)
        canvas.saveState()
        canvas.setLineWidth(0.5)
        canvas.lines(segments)
        canvas.restoreState()
