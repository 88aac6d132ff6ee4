"""A table copied out of a PDF viewer or a browser: one cell after another, each wrapped line of a cell
on a line of its own — the columns are gone. The rows are rebuilt here:

1. the header is found by its words (№, Мероприятие / Наименование мероприятий, Сроки / Срок реализации /
   Дата начала…, Ответственный, Результат / Вид документа …), a two-row header («Срок реализации» over
   «Дата начала», «Дата окончания») included; that gives the columns and their number;
2. page debris is dropped: the header repeated on every page, the row of column numbers under it,
   a page header, page numbers;
3. rows begin at item numbers (1., 1.1, 1.1.1, I., II.) that follow each other in order, so that a list
   «1. … 2. …» inside a cell is not taken for rows;
4. each row's lines are laid into the columns (:mod:`.cell_assign`); a row carried over to the next
   page is read as a continuation of the row above.

The rebuilt rows go to the ordinary row reader, so sections, periods and continuation rows are read as
for any table. When the rows cannot be rebuilt with confidence the text is refused with
:data:`LOST_COLUMNS` instead of guessing.
"""

from __future__ import annotations

import math
import re

from curator_app.errors import CuratorError

from .cell_assign import PERIOD_ROLES, Priors, assign, period_like, pieces_of, start_class

LOST_COLUMNS = ("таблица потеряла столбцы при копировании, и восстановить её строки надёжно не удалось; "
                "загрузите сам PDF- или Word-файл")
LABELS = {"number": "№", "title": "Мероприятие", "description": "Содержание", "result": "Результат",
          "document": "Вид документа", "responsible": "Ответственный", "period": "Сроки", "start": "Дата начала",
          "end": "Дата окончания"}
_STARTERS: list[tuple[str, str]] = [
    ("number", r"№(?:\s*/\s*№)?(?:\s*п\s*/\s*п\.?)?|N\s*п/п|п/п"),
    ("start", r"Дата\s+начала|Начало"),
    ("end", r"Дата\s+(?:окончания|завершения)|Окончание|Завершение"),
    ("period", r"Сроки?|Дата|Период|Время\s+проведения"),
    ("responsible", r"Ответственн\w*|Исполнител\w*"),
    ("document", r"Вид\s+документ\w*|Документ\w*|Форма\s+отч[её]тност\w*"),
    ("result", r"Ожидаем\w+|Результат\w*|Индикатор\w*|Показател\w*"),
    ("description", r"Содержание|Деятельность|Описание"),
    ("title", r"Мероприяти\w*|Наименование|Этап\w*|Направлени\w*|Задач\w*|Название"),
]
_STARTER = re.compile("|".join(f"(?P<{role}>{pattern})" for role, pattern in _STARTERS))
_NUMBER = re.compile(r"^((?:[IVX]{1,4})\.|\d{1,2}(?:\.\d{1,2}){0,3}\.?)(?=\s|$)")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
Key = tuple[int, ...]


def _clean_lines(text: str) -> list[str | None]:
    """Lines without trailing spaces; a form feed (a page break in pdftotext's output) becomes ``None``.
    PDFium writes a hyphen that ended a line as U+FFFE and joins the lines: it is a «-» again."""
    out: list[str | None] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufffe", "-").split("\n"):
        if "\f" in raw:
            out.append(None)
        out.append(" ".join(raw.replace("\f", " ").replace("\xa0", " ").split()))
    return out


def _labels(lines: list[str]) -> list[tuple[str, str]]:
    """(role, text) of every header label, in the order the copy has them."""
    header = " ".join(lines)
    found = [(m.start(), m.lastgroup or "") for m in _STARTER.finditer(header)
             if m.start() == 0 or not header[m.start() - 1].isalnum()]
    out: list[tuple[str, str]] = []
    for k, (start, role) in enumerate(found):
        end = found[k + 1][0] if k + 1 < len(found) else len(header)
        if role == "result" and out and header[start:end].lower().startswith("результат") \
                and out[-1][1].lower().startswith("ожидаем") and out[-1][1].split() == [out[-1][1]]:
            out[-1] = (role, f"{out[-1][1]} {header[start:end].strip()}")
            continue
        out.append((role, header[start:end].strip()))
    return out


def _is_header_line(line: str) -> bool:
    if re.search(r"\d", line) or len(line) > 120:
        return False
    return bool(_STARTER.match(line)) or line[:1].islower() or len(line) <= 3


def _find_header(lines: list[str | None]) -> tuple[int, int, list[tuple[str, str]]] | None:
    """(first line, line after the header, labels) of the first block of header lines that names a title
    column and a period or a responsible one."""
    for i, line in enumerate(lines):
        if not line or not _STARTER.match(line):
            continue
        j = i
        while j < len(lines) and lines[j] and _is_header_line(lines[j] or ""):
            j += 1
        labels = _labels([x for x in lines[i:j] if x])
        roles = {r for r, _ in labels}
        if len(labels) >= 3 and "title" in roles | {"description"} and roles & {*PERIOD_ROLES, "responsible"}:
            return i, j, labels
    return None


def _columns(labels: list[tuple[str, str]]) -> list[str | None]:
    """The leaf columns in the order of the table. A two-row header names a group first («Наименование
    направления», «Срок реализации») and its columns after the single-row labels («Мероприятие»,
    «Результат», «Дата начала», «Дата окончания»): the groups are replaced by them."""
    roles = [r for r, _ in labels]
    split = next((k for k, r in enumerate(roles) if r in roles[:k]
                  or (r in ("start", "end") and "period" in roles[:k])), None)
    if split is None:
        leaves: list[str | None] = list(roles)
    else:
        first, second = roles[:split], roles[split:]
        dated = [r for r in second if r in ("start", "end")]
        other = [r for r in second if r not in ("start", "end")]
        leaves = []
        for role in first:
            if role == "period" and dated:
                leaves += dated
                dated = []
            elif role in other and other:
                leaves += other
                other = []
            else:
                leaves.append(role)
        leaves += dated + other
    seen: set[str] = set()
    out: list[str | None] = []
    for leaf in leaves:
        out.append(leaf if leaf and leaf not in seen else None)
        if leaf:
            seen.add(leaf)
    return out


def _column_numbers(lines: list[str | None], at: int, count: int) -> int:
    """The index after a row of column numbers («1 2 3 4 5», one per line or on one line) at ``at``."""
    numbers: list[int] = []
    j = at
    while j < len(lines) and lines[j] and re.fullmatch(r"\d{1,2}(?:\s+\d{1,2})*", lines[j] or ""):
        numbers += [int(x) for x in (lines[j] or "").split()]
        j += 1
        if len(numbers) >= count:
            break
    if len(numbers) >= min(3, count) and numbers == list(range(1, len(numbers) + 1)):
        return j
    return at


def _is_page_number(line: str | None) -> bool:
    return bool(line) and bool(re.fullmatch(r"[-–—\s]*\d{1,3}[-–—\s]*|(?:стр\.?|страница)\s*\d+(?:\s*из\s*\d+)?",
                                            line or "", re.IGNORECASE))


def _page_break_end(body: list[str | None], i: int, header: list[str], repeats: set[str], columns: int) -> int:
    """The index after the page debris that begins at ``i`` (page numbers, a page header, the table's
    header again with its column numbers), or ``i`` when none begins there."""
    j = i
    while j < len(body) and (not body[j] or _is_page_number(body[j]) or body[j] in repeats):
        j += 1
    if j < len(body) and body[j] == header[0]:
        j += 1
        while j < len(body) and body[j] in header[1:]:
            j += 1
        return _column_numbers(body, j, columns)
    if j == len(body) or any(body[k] is None or body[k] in repeats for k in range(i, j)):
        return j
    return i


def _strip_page_debris(body: list[str | None], header: list[str], preamble: list[str],
                       columns: int) -> list[str | None]:
    """The body without the header repeated on each page, the column numbers under it, a page header
    (a line of the text above the table that comes back in the body) and page numbers; each page break
    found leaves a ``None`` where it was."""
    repeats = {line for line in preamble if line} & {line for line in body if line}
    out: list[str | None] = []
    i = 0
    while i < len(body):
        j = _page_break_end(body, i, header, repeats, columns)
        if j > i:
            if out and out[-1] is not None:
                out.append(None)
            i = j
            continue
        if body[i]:
            out.append(body[i])
        i += 1
    while out and out[-1] is None:
        out.pop()
    return out


def _keys(body: list[str | None]) -> list[tuple[int, Key, str]]:
    """(line, order key, number) of every line that begins with an item number. Arabic numbers take the
    Roman stage above them as their first part: items are numbered anew in each stage."""
    out: list[tuple[int, Key, str]] = []
    roman = 0
    has_roman = any(line and re.match(r"^[IVX]{1,4}\.\s", line) for line in body)
    dotted = None
    for i, line in enumerate(body):
        m = _NUMBER.match(line or "")
        if not m:
            continue
        number = m.group(1)
        if number.rstrip(".") in _ROMAN and number.endswith("."):
            roman = _ROMAN[number.rstrip(".")]
            out.append((i, (roman,), number))
            continue
        if dotted is None:
            dotted = "." in number
        if dotted and "." not in number:
            continue  # a page number or a stray figure, not an item of a dotted numbering
        parts = tuple(int(p) for p in number.rstrip(".").split("."))
        out.append((i, (roman, *parts) if has_roman else parts, number))
    return out


def _follows(a: Key, b: Key) -> bool:
    """``b`` is the next item after ``a`` in a hierarchical numbering (1.1 → 1.2, 1.1 → 1.1.1, 1.2.3 → 2)."""
    if b == a + (1,):
        return True
    for depth in range(len(a), 0, -1):
        if len(b) == depth and b[:-1] == a[:depth - 1] and b[-1] == a[depth - 1] + 1:
            return True
    return False


def _anchors(candidates: list[tuple[int, Key, str]]) -> list[tuple[int, str]]:
    """The item numbers that begin rows: the heaviest chain of increasing numbers, a step to the next
    item weighing more than a jump, so that «1. … 2. …» inside a cell does not break the rows."""
    n = len(candidates)
    if not n:
        return []
    score = [1.0] * n
    back = [-1] * n
    for j in range(n):
        for i in range(max(0, j - 80), j):
            if candidates[i][1] < candidates[j][1]:
                gain = 1.0 if _follows(candidates[i][1], candidates[j][1]) else 0.4
                if score[i] + gain > score[j]:
                    score[j], back[j] = score[i] + gain, i
    j = max(range(n), key=lambda k: (score[k], -k))
    chain = []
    while j >= 0:
        chain.append((candidates[j][0], candidates[j][2]))
        j = back[j]
    return chain[::-1]


def join_cell(lines: list[str]) -> str:
    """A cell's wrapped lines as one text: a word hyphenated at the line end is joined again."""
    text = ""
    for line in lines:
        if not text:
            text = line
        elif re.search(r"[^\W\d_]-$", text) and line[:1].isalpha():
            text += line
        else:
            text += " " + line
    return text


def _split_pages(lines: list[str | None]) -> list[list[str]]:
    parts: list[list[str]] = [[]]
    for line in lines:
        if line is None:
            parts.append([])
        else:
            parts[-1].append(line)
    return [p for p in parts if p]


def _goes_on(text: str) -> float:
    """How likely a cell whose text on one page ends so goes on at the top of the next page."""
    if not text:
        return -2.0
    if re.search(r"[-,:(]$|(?:^|\s)(?:и|в|во|на|по|о|об|для|с|со|к|от|из|за|при|а|или|не|их|без|до)$", text):
        return 2.0
    if re.search(r"[а-яё]{3}(?:ой|ей|ых|их|ого|его|ому|ему|ую|юю|ая|яя|ое|ее|ый|ий)$", text):
        return 1.5  # an adjective waits for its noun: «образовательной» | «организации»
    return 0.5 if text[-1:].islower() else -0.5


def _priors(laid: list[tuple[str, list[list[str]]]], count: int) -> Priors:
    """Fill rates and ways of beginning of each column, from the rows laid so far."""
    rows = [parts[0] for _, parts in laid if sum(map(bool, parts[0])) > 1]
    empty, starts = [], []
    for c in range(count):
        cells = [row[c] for row in rows if row[c]]
        fill = len(cells) / max(1, len(rows))
        empty.append(0.3 + (2.0 * (fill - 0.5) if fill > 0.5 else 0.0))
        classes: dict[str, int] = {}
        for cell in cells:
            classes[start_class(cell)] = classes.get(start_class(cell), 0) + 1
        top = max(classes.values(), default=0)
        starts.append({k: max(-2.0, 0.7 * math.log((classes.get(k, 0) + 0.5) / (top + 0.5)))
                       for k in ("dash", "item", "quote", "upper", "lower", "other")} if len(cells) >= 3 else {})
    return Priors(empty, starts)


def _lay(rows: list[tuple[str, list[list[str]]]], roles: list[str | None], title: int,
         priors: Priors) -> tuple[list[tuple[str, list[list[str]]]], int, int]:
    """Each row's parts laid into the columns: (number, cells per part), with the count of event rows
    and of rows where a piece sits in a column it does not fit."""
    out: list[tuple[str, list[list[str]]]] = []
    events = bad = 0
    for number, parts in rows:
        laid: list[list[str]] = []
        for k, part in enumerate(parts):
            pieces = pieces_of(part)
            if k == 0 and len(part) == 1 and not any(period_like(p.text) for p in pieces):
                cells: list[list[str]] = [[] for _ in roles]
                cells[title] = part  # a section, or an item with nothing but its title
                laid.append([join_cell(c) for c in cells])
                continue
            if k == 0:
                cells, worst = assign(pieces, roles, priors, title)
                events += 1
                periods = [c for c, r in zip(cells, roles, strict=True) if r in PERIOD_ROLES]
                bad += worst < -1 or (bool(periods) and not any(periods))
            else:  # the rest of the row on the next page: the cells that were cut off go on
                goes_on = Priors([0.05] * len(roles), [{} for _ in roles], [_goes_on(t) for t in laid[-1]], True)
                cells, _ = assign(pieces, roles, goes_on, None)
            laid.append([join_cell(c) for c in cells])
        out.append((number, laid))
    return out, events, bad


def _row_starts(body: list[str | None], anchors: list[tuple[int, str]]) -> list[int]:
    """Where each row begins. A number printed on the second line of a wrapped title («Разработка
    положения о» / «1.1. наставничестве»: the number cell is centred) still belongs to the row whose
    title begins on the line above it."""
    starts = []
    for k, (line_no, number) in enumerate(anchors):
        rest = (body[line_no] or "")[len(number):].strip()
        start = line_no
        if k and rest[:1].islower():
            floor = anchors[k - 1][0] + 1
            j = line_no - 1
            while j >= max(floor, line_no - 3) and body[j] and not (body[j] or "")[:1].isupper():
                j -= 1
            if j >= max(floor, line_no - 3) and body[j] and not period_like(body[j] or ""):
                start = j
        starts.append(start)
    return starts


def rebuild(text: str) -> tuple[list[str], list[list[str]]] | None:
    """(lines above the table, rows with the header row first) rebuilt from text copied one cell per
    line; None when the text names no table header at all. Raises :class:`CuratorError` with
    :data:`LOST_COLUMNS` when a header is there but the rows cannot be rebuilt with confidence."""
    lines = _clean_lines(text)
    found = _find_header(lines)
    if found is None:
        named = {m.lastgroup for line in lines if line and (m := _STARTER.match(line))}
        if len(named) >= 3 and named & {"title", "description"}:  # the header's words, scattered
            raise CuratorError(f"Не удалось прочитать таблицу: {LOST_COLUMNS}.")
        return None
    start, end, labels = found
    columns = _columns(labels)
    preamble = [line or "" for line in lines[:start]]
    header = [line for line in lines[start:end] if line]
    at = _column_numbers(lines, end, len(columns))
    body = _strip_page_debris(lines[at:], header, preamble, len(columns))
    anchors = _anchors(_keys(body))
    numbered = columns[0] == "number"
    roles = columns[1:] if numbered else columns
    title = roles.index("title") if "title" in roles else 0
    starts = _row_starts(body, anchors)
    rows: list[tuple[str, list[list[str]]]] = []
    for k, (line_no, number) in enumerate(anchors):
        stop = starts[k + 1] if k + 1 < len(anchors) else len(body)
        lines = list(body[line_no:stop])
        if starts[k] < line_no:  # the title's first lines, printed above its number
            above = " ".join(x for x in body[starts[k]:line_no] if x)
            lines[0] = f"{number} {above} {(lines[0] or '')[len(number):].strip()}"
        parts = _split_pages(lines)
        first = parts[0][0][len(number):].strip() if parts and parts[0] else ""
        parts[0] = ([first] if first else []) + parts[0][1:]
        if not numbered:
            parts[0][:1] = [f"{number} {parts[0][0]}" if parts[0] else number]
        rows.append((number, [p for p in parts if p] or [[]]))
    laid, events, bad = _lay(rows, roles, title, Priors([0.8] * len(roles), [{} for _ in roles]))
    laid, events, bad = _lay(rows, roles, title, _priors(laid, len(roles)))
    if not events or bad > 0.3 * events:
        raise CuratorError(f"Не удалось прочитать таблицу: {LOST_COLUMNS}.")
    out = [[LABELS[r] if r else "" for r in columns]]
    for number, parts in laid:
        for k, cells in enumerate(parts):
            out.append(([number if k == 0 else ""] if numbered else []) + cells)
    return preamble, out
