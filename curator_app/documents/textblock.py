"""A fast paragraph for documents printed by the hundred (memos, big tables).

reportlab's ``Paragraph`` parses markup and measures every word afresh (in pure Python without the
optional C accelerator): 500 memos took seconds. Here words are measured once and cached, the text is
plain (with bold runs), and lines are drawn with ``drawString``. Left, centred or justified.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from curator_app.pdf import SERIF, SERIF_BOLD, register_fonts

Run = tuple[str, bool]  # (text, bold)


@lru_cache(maxsize=200_000)
def width(text: str, font: str, size: float) -> float:
    return float(stringWidth(text, font, size))


def wrap_words(words: list[tuple[str, str]], size: float, max_width: float,
               first_indent: float = 0) -> list[list[tuple[str, str]]]:
    """Greedy line breaking of ``(word, font)``; a word too long for a line is cut by letters."""
    lines: list[list[tuple[str, str]]] = [[]]
    used = first_indent
    space = width(" ", SERIF, size)
    for word, font in words:
        w = width(word, font, size)
        available = max_width - (first_indent if len(lines) == 1 else 0)
        if lines[-1] and used + space + w > max_width:
            lines.append([])
            used = 0
        if not lines[-1] and w > available:
            piece = ""
            for char in word:
                if piece and width(piece + char, font, size) > available:
                    lines[-1].append((piece, font))
                    lines.append([])
                    piece = ""
                piece += char
            word, w = piece, width(piece, font, size)
        used += (space if lines[-1] else 0) + w
        lines[-1].append((word, font))
    return lines


def wrap_text(text: str, font: str, size: float, max_width: float) -> str:
    """Plain text broken into lines (``\\n``) that fit ``max_width`` — for table cells drawn as strings."""
    out = []
    for paragraph in text.split("\n"):
        words = [(w, font) for w in paragraph.split()]
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
    """Runs of plain and bold text laid out as one paragraph."""

    def __init__(self, runs: list[Run] | str, size: float = 14, align: Literal["left", "center", "justify"] = "left",
                 indent: float = 0, space_after: float = 0, bullet: str = "", bullet_indent: float = 0) -> None:
        super().__init__()
        register_fonts()
        if isinstance(runs, str):
            runs = [(runs, False)]
        self.words = [(w, SERIF_BOLD if bold else SERIF) for text, bold in runs for w in text.split()]
        self.size, self.align, self.indent = size, align, indent
        self.leading = size * 1.2
        self.space_after = space_after
        self.bullet, self.bullet_indent = bullet, bullet_indent
        self.lines: list[list[tuple[str, str]]] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.lines = wrap_words(self.words, self.size, avail_width - self.bullet_indent, self.indent)
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
            x = self.bullet_indent + (self.indent if number == 0 else 0)
            line_width = sum(width(w, f, size) for w, f in line) + space * (len(line) - 1)
            gap = space
            room = self.width - self.bullet_indent - (self.indent if number == 0 else 0)
            if self.align == "center":
                x += (room - line_width) / 2
            elif self.align == "justify" and number < len(self.lines) - 1 and len(line) > 1:
                gap = space + (room - line_width) / (len(line) - 1)
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
