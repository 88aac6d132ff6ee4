"""Cleaning cell text copied out of Word, PDF or a web page: HTML markup, Markdown emphasis, words and
dates broken by a line wrap."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:p|li|ul|ol|br|div|tr|h\d)\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
_NUMBER = re.compile(r"^\s*((?:\d{1,3}\.)+\d{0,3}|\d{1,3}|[IVX]{1,5}\.)(?=\s|$)")
_BROKEN_DATE = re.compile(r"(\d{1,2}\.\d{1,2}\.\d{2})\s+(\d{2})(?!\d)")
_BROKEN_YEAR = re.compile(r"(?<![\d.])(20)\s(\d{2})(?=\s*(?:г\b|г\.|гг|год|$|[,;)]))")
_WORD = re.compile(r"[а-яёА-ЯЁa-zA-Z]+")

MONTH_FORMS = [
    "январь", "января", "январе", "февраль", "февраля", "феврале", "март", "марта", "марте",
    "апрель", "апреля", "апреле", "май", "мая", "мае", "июнь", "июня", "июне", "июль", "июля", "июле",
    "август", "августа", "августе", "сентябрь", "сентября", "сентябре", "октябрь", "октября", "октябре",
    "ноябрь", "ноября", "ноябре", "декабрь", "декабря", "декабре",
]
PERIOD_WORDS = set(MONTH_FORMS) | {
    "ежегодно", "ежеквартально", "ежемесячно", "еженедельно", "ежедневно", "постоянно", "необходимости",
    "течение", "учебного", "учебный", "периода", "полугодие", "полугодия", "полугодии", "квартал", "квартала",
    "кварталы", "кварталах", "четверть", "середина", "середины", "позднее", "отдельному", "дополнительно",
    "дополнение", "запросу", "всего", "далее", "реализации",
}


def strip_markup(text: str | None) -> str:
    """Cell text without HTML tags (block tags become line breaks), entities, ``**``/``__`` emphasis;
    spaces collapsed inside each line, empty lines dropped."""
    if not text:
        return ""
    value = _BLOCK_TAG.sub("\n", text)
    value = _ANY_TAG.sub(" ", value)
    value = html.unescape(value).replace("\xa0", " ").replace("**", "").replace("__", "")
    lines = [" ".join(line.split()) for line in value.replace("\r", "\n").split("\n")]
    return "\n".join(line for line in lines if line)


def repair_dates(text: str) -> str:
    """``20.01.20 21`` → ``20.01.2021``; ``20 21 г.`` → ``2021 г.``."""
    return _BROKEN_YEAR.sub(r"\1\2", _BROKEN_DATE.sub(r"\1\2", text))


def join_broken_words(text: str, vocabulary: Iterable[str] | set[str]) -> str:
    """Join two pieces of a word split by a line wrap (``ежеквар тально``) when the joined word is in
    ``vocabulary`` (lower case) and the first piece alone is not a word of it."""
    vocab = vocabulary if isinstance(vocabulary, set) else set(vocabulary)
    if not text:
        return text
    out_lines = []
    for line in text.split("\n"):
        parts = line.split(" ")
        result: list[str] = []
        i = 0
        while i < len(parts):
            piece = parts[i]
            if i + 1 < len(parts) and piece and parts[i + 1]:
                head = piece.lower()
                nxt = parts[i + 1]
                tail_match = _WORD.match(nxt)
                if head.isalpha() and tail_match and tail_match.group(0) == nxt.rstrip(".,;:)»\"").lstrip():
                    joined = head + tail_match.group(0).lower()
                    if joined in vocab and head not in vocab and tail_match.group(0).lower() not in vocab \
                            and tail_match.group(0).lower() != "и":
                        result.append(piece + nxt)
                        i += 2
                        continue
            result.append(piece)
            i += 1
        out_lines.append(" ".join(result))
    return "\n".join(out_lines)


def document_vocabulary(cells: Iterable[str]) -> set[str]:
    """Words of five letters or more seen whole anywhere in the document, plus the period words."""
    words = set(PERIOD_WORDS)
    for cell in cells:
        for word in _WORD.findall(cell or ""):
            if len(word) >= 5:
                words.add(word.lower())
    return words


def split_number(text: str) -> tuple[str, str]:
    """``"1.1. Нормативно-правовое обеспечение"`` → ``("1.1.", "Нормативно-правовое обеспечение")``;
    ``"II. Этап"`` → ``("II.", "Этап")``; text without a leading number → ``("", text)``."""
    match = _NUMBER.match(text or "")
    if not match:
        return "", (text or "").strip()
    number = match.group(1)
    if re.fullmatch(r"\d{1,3}", number) and not (text or "").strip() == number:
        return "", (text or "").strip()  # «5 сентября» is not a number «5»
    return number, (text or "")[match.end():].strip()


def is_number(text: str) -> bool:
    """The whole cell is an item number (``1.``, ``2.5``, ``1.1.1.``, ``III.``)."""
    number, rest = split_number(text)
    return bool(number) and not rest
