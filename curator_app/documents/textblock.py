"""A fast paragraph for documents printed by the hundred (memos, big tables).

reportlab's ``Paragraph`` parses markup and measures every word afresh (in pure Python without the
optional C accelerator): 500 memos took seconds. Here words are measured once and cached, the text is
plain (with bold runs), and lines are drawn with ``drawString``. Left, centred, right or justified; words
are hyphenated (``lang.hyphen``) and a justified line never stretches into a river.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from curator_app.lang.hyphen import fit
from curator_app.lang.text import tie
from curator_app.pdf import SERIF, SERIF_BOLD, register_fonts

Run = tuple[str, bool]  # (text, bold)


@lru_cache(maxsize=200_000)
def width(text: str, font: str, size: float) -> float:
    return float(stringWidth(text, font, size))


_SPACES = re.compile(r"[ \t\r\n]+")  # the non-breaking space is not among them: «4\u00a0наставляемым» stays whole
MAX_GAP = 3.0  # a justified line whose spaces would grow wider than this many spaces is set flush left


def split_words(text: str) -> list[str]:
    return [w for w in _SPACES.split(text) if w]


def _cut(word: str, font: str, size: float, room: float) -> tuple[str, str]:
    """A word too long for a whole line: at a hyphenation point if one fits, else by letters — with a
    hyphen either way («органи-» / «затор»), never a bare cut."""
    found = fit(word, room, lambda t: width(t, font, size))
    if found:
        return found
    head = word[:1]
    for index in range(2, len(word)):
        if width(word[:index] + "-", font, size) > room:
            break
        head = word[:index]
    return head + "-", word[len(head):]


def wrap_words(words: list[tuple[str, str]], size: float, max_width: float,
               first_indent: float = 0, fill: bool = False) -> list[list[tuple[str, str]]]:
    """Greedy line breaking of ``(word, font)``. ``fill`` (justified text): a word that does not fit the rest
    of a line is broken at a syllable with a hyphen when its head fits. A word longer than a whole line is
    always cut so — with a hyphen. Ragged text (table cells, names) keeps its words whole otherwise."""
    lines: list[list[tuple[str, str]]] = [[]]
    used = first_indent
    space = width(" ", SERIF, size)
    queue = list(words)
    index = 0
    while index < len(queue):
        word, font = queue[index]
        index += 1
        w = width(word, font, size)
        if lines[-1] and used + space + w > max_width:
            room = max_width - used - space
            found = fit(word, room, lambda t, f=font: width(t, f, size)) if fill and room > 3 * space else None
            lines.append([])
            used = 0
            if found:
                lines[-2].append((found[0], font))
                queue.insert(index, (found[1], font))
                continue
        available = max_width - (first_indent if len(lines) == 1 else 0)
        if not lines[-1] and w > available and len(word) > 1:
            head, tail = _cut(word, font, size, available)
            lines[-1].append((head, font))
            lines.append([])
            used = 0
            queue.insert(index, (tail, font))
            continue
        used += (space if lines[-1] else 0) + w
        lines[-1].append((word, font))
    return lines


def wrap_text(text: str, font: str, size: float, max_width: float) -> str:
    """Plain text broken into lines (``\\n``) that fit ``max_width`` — for table cells drawn as strings."""
    out = []
    for paragraph in text.split("\n"):
        words = [(w, font) for w in split_words(paragraph)]
        out += [" ".join(w for w, _ in line) for line in wrap_words(words, size, max_width)] if words else [""]
    return "\n".join(out)


def _segments(line: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for word, font in line:
        if out and out[-1][1] == font:
            out[-1] = (f"{out[-1][0]} {word}", font)
        else:
            out.append((word, font))
    return out


class TextBlock(Flowable):  # type: ignore[misc]
    """Runs of plain and bold text laid out as one paragraph; a ``\\n`` in the text ends a line."""

    def __init__(self, runs: list[Run] | str, size: float = 14,
                 align: Literal["left", "center", "right", "justify"] = "left", indent: float = 0,
                 space_after: float = 0, bullet: str = "", bullet_indent: float = 0) -> None:
        super().__init__()
        register_fonts()
        if isinstance(runs, str):
            runs = [(runs, False)]
        self.parts: list[list[tuple[str, str]]] = [[]]  # pieces between forced line breaks
        for text, bold in runs:
            for number, piece in enumerate(tie(text).split("\n")):
                if number:
                    self.parts.append([])
                self.parts[-1] += [(w, SERIF_BOLD if bold else SERIF) for w in split_words(piece)]
        self.size, self.align, self.indent = size, align, indent
        self.leading = size * 1.2
        self.space_after = space_after
        self.bullet, self.bullet_indent = bullet, bullet_indent
        self.lines: list[list[tuple[str, str]]] = []
        self.ends: set[int] = set()  # lines that end a piece: never stretched
        self._fixed: tuple[list[list[tuple[str, str]]], set[int]] | None = None
        self.first_line = 0  # where these lines start in the whole paragraph (the first one is indented)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """A long paragraph goes on over the page: the lines that fit, then the rest (no widow of one line)."""
        self.wrap(avail_width, avail_height)
        fits = int(avail_height // self.leading)
        if fits >= len(self.lines) or fits < 2 or len(self.lines) < 4:
            return []  # a short paragraph moves to the next page whole
        fits = min(fits, len(self.lines) - 2)  # at least two lines go over
        return [self._part(0, fits), self._part(fits, len(self.lines))]

    def _part(self, start: int, stop: int) -> TextBlock:
        part = TextBlock("", self.size, self.align, self.indent, self.space_after if stop == len(self.lines) else 0,
                         self.bullet if start == 0 else "", self.bullet_indent)
        part._fixed = (self.lines[start:stop], {i - start for i in self.ends if start <= i < stop})
        part.first_line = self.first_line + start
        return part

    @property
    def words(self) -> list[tuple[str, str]]:
        return [w for part in self.parts for w in part]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        if self._fixed is not None:  # the rest of a paragraph split over pages: its lines are set already
            self.lines, self.ends = self._fixed
            self.height = len(self.lines) * self.leading
            return avail_width, self.height
        self.lines, self.ends = [], set()
        for number, part in enumerate(self.parts):
            lines = wrap_words(part, self.size, avail_width - self.bullet_indent, self.indent if not number else 0,
                               fill=self.align == "justify")
            self.lines += lines
            self.ends.add(len(self.lines) - 1)
        self.height = len(self.lines) * self.leading
        return avail_width, self.height

    def getSpaceAfter(self) -> float:  # noqa: N802 (reportlab's name)
        return self.space_after

    def draw(self) -> None:
        size = self.size
        space = width(" ", SERIF, size)
        y = self.height - size  # the first baseline
        text = self.canv.beginText()  # one text object for the whole block: far fewer drawing operations
        current = ""
        if self.bullet:
            text.setFont(SERIF, size)
            current = SERIF
            text.setTextOrigin(0, y)
            text.textOut(self.bullet)
        for number, line in enumerate(self.lines):
            indent = self.indent if number == 0 and self.first_line == 0 else 0
            x = self.bullet_indent + indent
            line_width = sum(width(w, f, size) for w, f in line) + space * (len(line) - 1)
            gap = space
            room = self.width - self.bullet_indent - indent
            if self.align == "center":
                x += (room - line_width) / 2
            elif self.align == "right":
                x += room - line_width
            elif self.align == "justify" and number not in self.ends and len(line) > 1:
                stretched = space + (room - line_width) / (len(line) - 1)
                gap = stretched if stretched <= space * MAX_GAP else space  # no rivers: flush left instead
            pieces = _segments(line) if gap == space else line  # whole runs of one font when not justified
            for piece, font in pieces:
                if font != current:
                    text.setFont(font, size)
                    current = font
                text.setTextOrigin(x, y)
                text.textOut(piece)
                x += width(piece, font, size) + gap
            y -= self.leading
        self.canv.drawText(text)


class TwoColumns(Flowable):  # type: ignore[misc]
    """Text on the left and text on the right, each in half the width, bottoms aligned: the date and the
    number of an order, a position and its signature line (a light stand-in for a two-cell table)."""

    def __init__(self, left: str, right: str, size: float = 14) -> None:
        super().__init__()
        self.left, self.right = TextBlock(left, size, "left"), TextBlock(right, size, "right")

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        heights = [part.wrap(avail_width / 2, avail_height)[1] for part in (self.left, self.right)]
        self.height = max(heights)
        return avail_width, self.height

    def draw(self) -> None:
        for part, x in ((self.left, 0.0), (self.right, self.width / 2)):
            part.drawOn(self.canv, x, 0)
