"""What stands above a roadmap's table: the title and the period it gives to month names written without
a year, found among the text a curator's source carries with it — an order's preamble, an approval
stamp, a school site's banners («Скачать:», «Предварительный просмотр:»), the author's name, a page header.

The title is the «Дорожная карта …» / «План мероприятий …» line (with the lines that continue it), not
the first line and not the first bold line: a page header or «УТВЕРЖДАЮ» comes first more often than not.
"""

from __future__ import annotations

import re

from .period import YearContext

# A line that opens the title: the document's own name in the nominative, not «Об утверждении дорожной карты».
_TITLE_START = re.compile(r"^(?:дорожная\s+карта|план\s+мероприятий|план\s+по\s+реализации|план\s+внедрения)",
                          re.IGNORECASE)
_TITLE_ANYWHERE = re.compile(r"дорожн\w*\s+карт|план\w*\s+мероприятий", re.IGNORECASE)
# Lines a web page or an order puts around the title; they never continue it.
_DEBRIS = re.compile(
    r"^(?:материал\b|скачать\b|предварительный\s+просмотр|опубликовано\b|автор\b|просмотров\b|подписаться\b|"
    r"поделиться\b|утверждаю\b|утвержден[оаы]?\b|согласовано\b|приложение\b|цель\b|задачи\b|\d+\s*$)",
    re.IGNORECASE)
_MAX_TITLE_LINES = 8


def _plain(line: str) -> str:
    return " ".join(line.replace("*", " ").split())


def is_debris_line(line: str) -> bool:
    """A site banner, a stamp, an order's requisites: text around the title that is never part of it."""
    return bool(_DEBRIS.match(_plain(line)))


def _bold_blocks(lines: list[str]) -> list[tuple[str, int]]:
    """(plain text, bold block id or -1) per line; consecutive bold paragraphs («**a**», «**b**») are one
    block, as a title broken into several bold paragraphs is one title. An empty line ends a block."""
    out: list[tuple[str, int]] = []
    block, inside, previous = -1, False, -1
    for line in lines:
        text = line.strip()
        if not text:
            out.append(("", -1))
            previous = -1
            continue
        bold = inside or text.startswith("**")
        if bold and not inside and previous < 0:
            block += 1
        current = block if bold else -1
        if text.count("**") % 2:
            inside = not inside
        out.append((_plain(text), current))
        previous = current
    return out


def title_from_preamble(lines: list[str]) -> str:
    """The roadmap's title among the lines above the table (``**…**`` marks bold text)."""
    marked = _bold_blocks(lines)
    texts = [t for t, _ in marked]
    for i, (text, block) in enumerate(marked):
        if not _TITLE_START.match(text):
            continue
        if block >= 0:
            return " ".join(t for t, b in marked[i:] if b == block and t)
        return _continue(texts, i)
    for block in sorted({b for _, b in marked if b >= 0}):
        joined = " ".join(t for t, b in marked if b == block and t)
        if _TITLE_ANYWHERE.search(joined):
            return joined
    for i, text in enumerate(texts):
        if _TITLE_ANYWHERE.search(text) and not is_debris_line(text):
            return _continue(texts, i)
    bold = next((b for t, b in marked if b >= 0 and t), None)
    if bold is not None:
        return " ".join(t for t, b in marked if b == bold and t)
    return next((t for t in texts if t and not is_debris_line(t)), "") or "Дорожная карта"


def _continue(texts: list[str], start: int) -> str:
    """The title line and the lines that continue it, up to an empty line or a line that is debris."""
    block = [texts[start]]
    for line in texts[start + 1: start + _MAX_TITLE_LINES]:
        if not line or is_debris_line(line):
            break
        block.append(line)
    return " ".join(block)


def context_from_preamble(title: str, lines: list[str]) -> YearContext:
    """The period from the title, else from the first line above the table that names one («на 2021 год»
    in a paragraph of its own)."""
    ctx = YearContext.from_title(title)
    if ctx.start is None:
        for line in lines:
            found = YearContext.from_title(_plain(line))
            if found.start is not None:
                return found
    return ctx
