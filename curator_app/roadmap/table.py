"""From the rows of a roadmap table, as any source gives them (lists of cell strings), to sections and
events: column roles found from the header words, the preamble skipped, page-break debris repaired.

Debris rules:
- a preamble (an order's text, goals, tasks) before the first header row is skipped, its bold block
  or «Дорожная карта …» lines give the title;
- repeated header rows (one- or two-line headers) and empty separator rows are dropped, as are rows
  of dashes (Markdown separators);
- a row with an empty number cell continues the event above: it is merged into it cell by cell;
- words and dates broken by a line wrap are joined (``ежеквар тально``, ``20.01.20 21``);
- a row with a number and a title and nothing else is a section; its number may be written in the
  title cell («4. Информационное сопровождение»), which then wins over a stray number cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from curator_app.errors import CuratorError

from .period import Period, YearContext, parse_period, parse_two_columns
from .preamble import context_from_preamble, title_from_preamble
from .text_repair import document_vocabulary, join_broken_words, repair_dates, split_number, strip_markup

ROLES: list[tuple[str, re.Pattern[str]]] = [
    ("number", re.compile(r"^№|п/п|^номер")),
    ("responsible", re.compile(r"ответствен|исполнител")),
    ("start", re.compile(r"дата\s+начала|^начало")),
    ("end", re.compile(r"дата\s+окончания|окончани|завершени")),
    ("period", re.compile(r"срок|дата|период")),
    ("document", re.compile(r"вид\s+документ|документ")),
    ("result", re.compile(r"результат|индикатор|показател")),
    ("description", re.compile(r"содержание|деятельност|описание")),
    ("title", re.compile(r"мероприяти|наименование|этап|направлени|задач")),
]
TEXT_ROLES = ("title", "result", "document", "responsible", "description")
PERIOD_ROLES = ("period", "start", "end")
ROLE_LABELS = {"number": "№", "title": "мероприятие", "result": "результат", "document": "вид документа",
               "responsible": "ответственный", "description": "содержание", "period": "сроки",
               "start": "дата начала", "end": "дата окончания"}


@dataclass
class ParsedSection:
    number: str
    title: str
    parent: str | None = None  # the number of the enclosing section


@dataclass
class ParsedEvent:
    section: str  # the number of its section, "" when the roadmap has none
    number: str
    title: str
    result: str = ""
    document: str = ""
    responsible: str = ""
    description: str = ""
    period: Period = field(default_factory=lambda: Period(""))


@dataclass
class ParsedRoadmap:
    """What an import read, before it is stored; the preview shows it and its ``problems``."""

    title: str
    ctx: YearContext
    sections: list[ParsedSection]
    events: list[ParsedEvent]
    columns: dict[str, int]
    note: str = ""  # how the table was read, when that is worth a look («столбцы восстановлены …»)

    @property
    def problems(self) -> list[tuple[int, str]]:
        """(event index, Russian message) for every period that was not read whole."""
        return [(i, f"№ {e.number or '—'} «{_short(e.title)}»: {e.period.problem}")
                for i, e in enumerate(self.events) if e.period.problem]


def _short(text: str, n: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _role_of(label: str, taken: set[str]) -> str | None:
    text = " ".join(label.lower().replace("ё", "е").split())
    for role, pattern in ROLES:
        if role not in taken and pattern.search(text):
            return role
    return None


def is_header_row(cells: list[str]) -> bool:
    filled = [c for c in cells if c.strip()]
    if len(filled) < 2:
        return False
    return all(not re.search(r"\d", c) and len(c) <= 120 and _role_of(c, set()) for c in filled)


def header_roles(rows: list[list[str]], within: int = 3) -> frozenset[str] | None:
    """The column roles of a table's header (found in its first rows), or None when it has none: two
    tables of one document are one roadmap when these match."""
    for row in rows[:within]:
        cells = [strip_markup(c) for c in row]
        if is_header_row(cells):
            taken: set[str] = set()
            for cell in cells:
                role = _role_of(cell, taken)
                if role:
                    taken.add(role)
            return frozenset(taken)
    return None


def is_debris_row(cells: list[str]) -> bool:
    """Empty separator rows and Markdown separator rows (``---``, ``:---:``)."""
    return all(re.fullmatch(r"[\s\-:|=_]*", c) for c in cells)


def is_column_number_row(cells: list[str]) -> bool:
    """The row of column numbers under a header («1 | 2 | 3 | 4 | 5»), repeated on every page."""
    filled = [c.strip().rstrip(".") for c in cells if c.strip()]
    if len(filled) < 3 or not all(c.isdigit() for c in filled):
        return False
    numbers = [int(c) for c in filled]
    return numbers[0] in (0, 1) and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def parse_rows(rows: list[list[str]], preamble: list[str] | None = None, source: str = "") -> ParsedRoadmap:
    """Read a roadmap from table rows. Rows before the header are preamble (their text lines give the
    title unless ``preamble`` is passed). Raises :class:`CuratorError` when no header row is found."""
    cleaned = [[strip_markup(c) for c in row] for row in rows]
    header_at = next((i for i, row in enumerate(cleaned) if is_header_row(row)), None)
    where = f" в «{source}»" if source else ""
    if header_at is None:
        raise CuratorError(f"Не найдена строка заголовков таблицы{where}: нужны столбцы вроде «№», "
                           "«Мероприятие», «Сроки», «Ответственный».")
    lead = preamble if preamble is not None else [" ".join(r).strip() for r in rows[:header_at]]
    title = title_from_preamble(lead)
    labels: list[str] = []
    i = header_at
    while i < len(cleaned) and is_header_row(cleaned[i]):
        for col, text in enumerate(cleaned[i]):
            while len(labels) <= col:
                labels.append("")
            labels[col] = f"{labels[col]} {text}".strip()
        i += 1
    columns: dict[str, int] = {}
    for col, label in enumerate(labels):
        role = _role_of(label, set(columns))
        if role:
            columns[role] = col
    if "title" not in columns:
        found = ", ".join(f"«{label}»" for label in labels if label)
        raise CuratorError(f"В заголовке таблицы{where} нет столбца мероприятий (найдены: {found}).")
    body = [row for row in cleaned[i:]
            if not is_debris_row(row) and not is_header_row(row) and not is_column_number_row(row)]
    vocabulary = document_vocabulary(c for row in cleaned for c in row)
    ctx = context_from_preamble(title, lead)
    return _read_body(body, columns, vocabulary, ctx, title)


def _cell(row: list[str], columns: dict[str, int], role: str) -> str:
    col = columns.get(role)
    return row[col].strip() if col is not None and col < len(row) else ""


def _read_body(body: list[list[str]], columns: dict[str, int], vocabulary: set[str], ctx: YearContext,
               title: str) -> ParsedRoadmap:
    sections: list[ParsedSection] = []
    items: list[tuple[str, dict[str, str]]] = []  # ("section" | "event", cells by role)
    tails: dict[tuple[int, str], list[str]] = {}  # (item, role) → continuation lines below it
    roles = [r for r in ROLE_LABELS if r in columns]
    for row in body:
        cells = {role: _cell(row, columns, role) for role in roles}
        if "number" in columns:
            number, rest = split_number(cells["number"])
            if rest:
                cells["title"] = f"{rest} {cells['title']}".strip()
        else:
            number, rest = split_number(cells["title"])
            if number:
                cells["title"] = rest
        others = any(cells.get(r) for r in (*PERIOD_ROLES, "result", "document", "responsible", "description"))
        own_number, own_rest = split_number(cells["title"])
        if not others and own_number and own_rest:
            number, cells["title"] = own_number, own_rest  # «4.1. | 4. Информационное …»: the title's number
        elif not number and own_number and own_rest:
            number, cells["title"] = own_number, own_rest
        cells["number"] = number
        if number and cells["title"] and not others:
            items.append(("section", cells))
        elif not number and items:
            for role in roles:
                if role != "number" and cells.get(role):
                    tails.setdefault((len(items) - 1, role), []).append(cells[role])
        elif any(cells.values()):
            items.append(("event", cells))
    for (index, role), parts in tails.items():  # joined once: growing a string line by line is quadratic
        merged = items[index][1]
        merged[role] = " ".join(p for p in (merged.get(role, ""), *parts) if p)
    _events_under_roman(items)
    events: list[ParsedEvent] = []
    current = ""
    for kind, cells in items:
        fix = {role: join_broken_words(repair_dates(cells.get(role, "")), vocabulary) for role in cells}
        if kind == "section":
            parent = next((s.number for s in reversed(sections)
                           if fix["number"].startswith(s.number) and fix["number"] != s.number
                           and s.number.endswith(".")), None)
            sections.append(ParsedSection(fix["number"], fix["title"], parent))
            current = fix["number"]
            continue
        if "period" in columns:
            period = parse_period(fix.get("period"), ctx)
        else:
            period = parse_two_columns(fix.get("start"), fix.get("end"), ctx)
        events.append(ParsedEvent(section=current, number=fix["number"], title=fix.get("title", ""),
                                  result=fix.get("result", ""), document=fix.get("document", ""),
                                  responsible=fix.get("responsible", ""),
                                  description=fix.get("description", ""), period=period))
    return ParsedRoadmap(title=title, ctx=ctx, sections=sections, events=events, columns=columns)


def _events_under_roman(items: list[tuple[str, dict[str, str]]]) -> None:
    """Under a Roman section («I. Организационный этап») a row «1. Разработка …» with nothing but its
    title is an event whose period is missing, not a section — unless the rows after it are its own
    sub-items («1.1.»)."""
    roman = False
    for i, (kind, cells) in enumerate(items):
        number = cells.get("number", "")
        if kind != "section":
            continue
        if re.fullmatch(r"[IVX]+\.?", number):
            roman = True
            continue
        if not roman:
            continue
        following = next((c["number"] for _, c in items[i + 1:] if c.get("number")), "")
        own = number.rstrip(".") + "."
        if not (following.rstrip(".") + ".").startswith(own) or following.rstrip(".") == number.rstrip("."):
            items[i] = ("event", cells)
