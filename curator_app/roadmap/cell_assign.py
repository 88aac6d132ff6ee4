"""Which lines of a copied table row belong to which column. A PDF viewer or a browser copies a table
cell after cell, each cell's wrapped lines one under another; cells with one line that share a baseline
come out on one line («20.07.2022 31.08.2022 Директор», «3.1. Определение пар/групп Определены и»).

A row's lines are cut into pieces (a line, or a part of it where a new cell may start: after a date,
before a capitalised word or a list item) and the pieces are laid into the columns in order by dynamic
programming, scoring what each piece looks like (a period in a period column; not one in a text column;
a person or a body in «Ответственный») and where a cell may begin (a capital letter, a list mark; not
after «нормативно-», not after «и», «в», «по»). How often each column is filled in the other rows is
a second opinion: an empty cell where all other rows have one costs more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .text_repair import PERIOD_WORDS, join_broken_words

PERIOD_ROLES = ("period", "start", "end")
_MONTH = re.compile(r"^(?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)", re.I)
_DATE = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}$")
_STRONG = {"ежегодно", "ежеквартально", "ежемесячно", "еженедельно", "ежедневно", "постоянно", "течение"}
_FILLER = PERIOD_WORDS | {"г", "гг", "год", "года", "годы", "году", "до", "не", "позднее", "позже", "с", "со", "по", "и", "в",
           "на", "мере", "отдельному", "всего", "периода", "учебного", "учебный", "календарного", "раз", "раза",
           "дополнительно", "дополнение", "середина", "середины", "начало", "конец", "конца", "i", "ii",
           "iii", "iv", "сроки", "срок", "а", "также", "реализации", "программы", "год.", "месяц", "неделю",
           "необходимости", "запросу", "плану", "графику", "далее"}
_PERSON = re.compile(
    r"[А-ЯЁ]\.\s?[А-ЯЁ]\.|директор|заместител|зам\.|куратор|руководител|координатор|педагог|психолог|методист|"
    r"наставник|учител|администратор|групп|управлени|специалист|классн|советник|секретар|воспитател|"
    r"председател|сотрудник|коллектив|\bРУО\b|\bОО\b", re.I)
_STICKY_END = re.compile(r"(?:^|\s)(?:и|в|во|на|по|о|об|для|с|со|к|от|из|за|при|а|или|не|их|без|до)$", re.I)
_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[-–•])")
_SPLIT_AFTER_DATE = re.compile(r"(?:\d{1,2}\.\d{1,2}\.\d{2,4}|(?<!\d)(?:19|20)\d\d)(?:\s*гг?\.?(?=\s|$))?(?=\s+\D)")
_SPLIT_BEFORE = re.compile(
    r"(?<![\s.]\d\.)(?<!^\d\.)(?<=[^\s\-–—])\s+(?=[А-ЯЁA-Z][а-яёa-z]|[А-ЯЁ]{2,}|«|\d{1,2}\.\s|\d{1,2}\.\d{1,2}\.\d{2,4}|"
    r"(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*\s+\d|"
    r"(?:I{1,3}|IV|[1-4])(?:\s*-\s*(?:I{1,3}|IV|[1-4]))?\s*(?:-?[йе]\s+)?(?:квартал|полугоди)|[вВ]\s+течение\s)")


@dataclass(frozen=True)
class Piece:
    text: str
    new_line: bool  # the piece begins a line of the copied text (else it was cut out of one)


def _words(text: str) -> list[str]:
    return [w.strip("(),;:.«»\"") for w in re.sub(r"[-–—]", " - ", text).split()]


@lru_cache(maxsize=8192)
def period_kind(text: str) -> int:
    """2 when the text is (a part of) a period — months, dates, years, «ежегодно», «в течение …»; 1 when
    it is only words that go with one («г.», «и далее по мере необходимости»); 0 otherwise."""
    if "№" in text:
        return 0  # «от 25.12.2019 № Р-145»: a document, not a period
    words = [w for w in _words(join_broken_words(text, PERIOD_WORDS)) if w and w != "-"]
    if not words:
        return 1 if text.strip() else 0  # a dash between two dates
    strong = False
    for word in words:
        low = word.lower()
        if _MONTH.match(low) or _DATE.match(low) or re.fullmatch(r"(?:19|20)\d\d(?:г|гг)?", low) or \
                low in _STRONG or re.match(r"квартал|полугоди", low):
            strong = True
        elif low in _FILLER or re.fullmatch(r"\d{1,2}|[ivx]{1,4}", low) or (len(word) <= 3 and word.islower()) \
                or any(p.startswith(low) for p in _FILLER if len(low) >= 5 and len(p) > len(low)):
            continue
        else:
            return 0
    return 2 if strong else 1


def period_like(text: str) -> bool:
    return period_kind(text) == 2


def pieces_of(lines: list[str]) -> list[Piece]:
    """Lines cut where a cell may begin inside a line: after a date, before a capital or a list item."""
    out: list[Piece] = []
    for line in lines:
        cuts = {m.end() for m in _SPLIT_AFTER_DATE.finditer(line)}
        cuts |= {m.end() for m in _SPLIT_BEFORE.finditer(line)}
        start, first = 0, True
        for cut in sorted(cuts):
            part = line[start:cut].strip()
            if part:
                out.append(Piece(part, first))
                first = False
                start = cut
        if line[start:].strip():
            out.append(Piece(line[start:].strip(), first))
    return out


def _content(piece: Piece, role: str | None) -> float:
    kind = period_kind(piece.text)
    if role in PERIOD_ROLES:
        return (-6.0, 0.0, 2.5)[kind]
    if role == "responsible":
        return -6.0 if kind == 2 else (1.0 if _PERSON.search(piece.text) else -0.3)
    return -1.0 if kind == 2 else 0.0


def start_class(text: str) -> str:
    """How a cell's text begins: a dash, an item number, a capital, a small letter, a quote."""
    first = text[:1]
    if first in "-–—•":
        return "dash"
    if re.match(r"\d{1,2}[.)]\s", text):
        return "item"
    if first in "«\"(":
        return "quote"
    if first.isupper():
        return "upper"
    return "lower" if first.islower() else "other"


@dataclass
class Priors:
    """What the other rows say about each column: how often it is filled (``empty``: what leaving it
    empty costs) and how its cells begin (``starts``: a score per way of beginning, 0 for the usual)."""

    empty: list[float]
    starts: list[dict[str, float]]
    enter: list[float] | None = None  # for the rest of a row on the next page: which cells go on
    carried: bool = False  # the rest of a row on the next page: its cells go on mid-sentence


# Short words that stand alone; any other one- or two-letter piece of a line is the end of a word that
# did not fit the cell («муниципальны» / «й координатор»).
_SHORT_WORDS = {"в", "и", "с", "к", "о", "а", "у", "я", "во", "на", "по", "за", "до", "из", "от", "об", "со", "не",
                "ни", "но", "да", "же", "ли", "бы", "то", "ко", "мы", "вы", "их", "ее", "её", "г", "гг", "он"}


def _word_end(text: str) -> bool:
    first = text.split()[0].strip(".,;:()") if text.split() else ""
    return 0 < len(first) <= 2 and first.isalpha() and first.islower() and first not in _SHORT_WORDS


def _begins(prev: Piece, piece: Piece, role: str | None, starts: dict[str, float], carried: bool = False) -> float:
    """What it costs (negative) or earns that ``piece`` begins a new cell in a column of ``role``."""
    text, before = piece.text, prev.text
    if _word_end(text):
        return -4.0
    score = starts.get(start_class(text), 0.0)
    if not piece.new_line:
        score -= 0.3 if (_DATE.match(before.split()[-1].rstrip(".г ")) or period_like(before)) else 1.5
    first = text[:1]
    if first in ")]},.;:!?":
        return score - 3.0  # the end of something above, not the beginning of a cell
    if role in PERIOD_ROLES:
        if re.fullmatch(r"гг?\.?", text):
            score -= 3.0  # «г.» ends the year above it, it begins nothing
        elif re.search(r"(?:19|20)\d\d\s*(?:г\.?|гг\.?)?$|\d\.\d\d$", before) and period_kind(text):
            score += 1.0  # «сентябрь 2022» | «ноябрь 2022 …»: a new date expression begins
    elif first.isupper() or _ITEM.match(text):
        score += 1.0
    elif first in "«\"(":
        score += 0.3
    elif first.islower():  # the rest of a cut cell begins anywhere in a sentence: less telling there
        score -= (2.0 if role != "responsible" else 1.0) * (0.5 if carried else 1.0)
    if re.search(r"\w-$", before):
        score -= 3.0
    elif _STICKY_END.search(before):
        score -= 1.5
    elif before.endswith(","):
        score -= 0.5
    return score


def _continues(prev: Piece, piece: Piece) -> float:
    if _word_end(piece.text):
        return 2.0
    if re.match(r"гг?\.?$|гг?\.?\s", piece.text) or (
            re.match(r"(?:19|20)\d\d\b", piece.text) and not re.search(r"(?:19|20)\d\d", prev.text)):
        return 1.0  # «Сентябрь» + «2022 г.»: the year of the month above
    return 0.5 if piece.new_line and piece.text[:1].islower() else 0.0


def assign(pieces: list[Piece], roles: list[str | None], priors: Priors,
           first_column: int | None = 0) -> tuple[list[list[str]], float]:
    """Lay the pieces into the columns in order. ``first_column`` fixes where the first piece goes (None:
    anywhere, for the rest of a row carried over to the next page). Returns the cells (lines per column)
    and the worst piece's content score."""
    n, m = len(pieces), len(roles)
    if n == 0:
        return [[] for _ in roles], 0.0
    empty, enter = priors.empty, priors.enter or [0.0] * m
    neg = float("-inf")
    best = [[neg] * m for _ in range(n)]
    back = [[-1] * m for _ in range(n)]
    for c in range(m):
        if first_column is None or c == first_column:
            best[0][c] = _content(pieces[0], roles[c]) - sum(empty[:c]) + enter[c]
    for i in range(1, n):
        for c in range(m):
            content = _content(pieces[i], roles[c])
            cont = best[i - 1][c] + (_continues(pieces[i - 1], pieces[i]) if pieces[i].new_line else 0.0)
            choice, value = c, cont
            begins = _begins(pieces[i - 1], pieces[i], roles[c], priors.starts[c], priors.carried) + enter[c] \
                if c else 0.0
            for k in range(c):
                if best[i - 1][k] == neg:
                    continue
                v = best[i - 1][k] + begins - sum(empty[k + 1:c])
                if v > value:
                    choice, value = k, v
            best[i][c] = value + content
            back[i][c] = choice
    last = max(range(m), key=lambda c: best[n - 1][c] - sum(empty[c + 1:]))
    cells: list[list[Piece]] = [[] for _ in roles]
    c = last
    for i in range(n - 1, -1, -1):
        cells[c].insert(0, pieces[i])
        c = back[i][c] if i else c
    worst = min(_content(p, roles[col]) for col, cell in enumerate(cells) for p in cell)
    return [_join(cell) for cell in cells], worst


def _join(cell: list[Piece]) -> list[str]:
    """The cell's lines: pieces cut out of one line are put back together."""
    lines: list[str] = []
    for piece in cell:
        if lines and not piece.new_line:
            lines[-1] = f"{lines[-1]} {piece.text}"
        else:
            lines.append(piece.text)
    return lines
