"""Answers from a table exported by an online form (Excel .xlsx or .csv), with a column mapping.

The first row holds the headers. A required question is checked when its column is mapped (a form may not
have asked every question of the template). One column (or «Фамилия», «Имя», «Отчество» columns) names the respondent,
who must be in the wave's list; the other columns are matched to questions by the question's code or text.
All or nothing, as the bank import: with any error nothing is written and every error is reported with its
row and column; ``skip_invalid`` writes the good rows and reports the bad ones.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from curator_app.audit import log
from curator_app.errors import CuratorError
from curator_app.lang.text import fold
from curator_app.limits import check_input_file, csv_rows, decode_text
from curator_app.models import Question, database

from .questionnaires import AnswerValue, check_value, save_response
from .waves import get_wave, roster, wave_questionnaires

NAME_FIELDS = ("name", "last_name", "first_name", "middle_name")
NAME_LABELS = {"name": "ФИО участника", "last_name": "Фамилия", "first_name": "Имя", "middle_name": "Отчество"}
_YES = {"да", "yes", "1", "+", "true", "истина", "д"}
_NO = {"нет", "no", "0", "-", "false", "ложь", "н"}


class SurveyImportError(CuratorError):
    """Nothing was imported; ``errors`` lists every bad row and column (the message shows the first ten)."""

    def __init__(self, message: str, errors: list[str]) -> None:
        super().__init__(message)
        self.errors = errors


@dataclass
class ImportReport:
    imported: int = 0
    replaced: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"imported": self.imported, "replaced": self.replaced, "skipped": self.skipped, "errors": self.errors}


def read_table(path: str | Path) -> tuple[list[str], list[list[Any]]]:
    """Headers and rows of the first sheet of an .xlsx, or of a .csv (UTF-8 or Windows-1251, ; or ,)."""
    file = Path(path)
    if not file.is_file():
        raise CuratorError(f"Файл «{file}» не найден.")
    check_input_file(file)  # sizes, declared dimensions, zip bombs: refused before reading
    suffix = file.suffix.lower()
    rows: list[list[Any]]
    if suffix in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        try:
            book = load_workbook(file, read_only=True, data_only=True)
            try:
                book.worksheets[0].reset_dimensions()  # read the cells there are, not the size declared
                rows = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
            finally:
                book.close()
        except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
            raise CuratorError(f"Не удалось прочитать «{file.name}» как таблицу Excel: {exc}.") from exc
    elif suffix in (".csv", ".txt"):
        text = decode_text(file.read_bytes(), file.name)
        try:
            dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=";,\t") if text.strip() else csv.excel
        except csv.Error:  # one column, or no delimiter the sniffer trusts: read the lines as they are
            dialect = csv.excel
        rows = [list(r) for r in csv_rows(csv.reader(text.splitlines(), dialect), file.name)]
    else:
        raise CuratorError(f"Файл «{file.name}»: нужна таблица .xlsx или .csv.")
    rows = [r for r in rows if any(c not in (None, "") for c in r)]
    if not rows:
        raise CuratorError(f"Файл «{file.name}» пуст.")
    headers = [str(h or "").strip() for h in rows[0]]
    return headers, rows[1:]


def _clean_header(text: str) -> str:
    return fold(re.sub(r"^\s*\d+[.)]\s*", "", text)).strip(" ?:.")


def wave_questions(wave_id: int) -> dict[str, Question]:
    """Question code → a question with that code among the wave's questionnaires (for mapping and labels)."""
    result: dict[str, Question] = {}
    for questionnaire in sorted(wave_questionnaires(wave_id), key=lambda q: q.audience):  # mentees' wording first
        for q in Question.select().where(Question.questionnaire == questionnaire.id).order_by(Question.position):
            result.setdefault(q.code, q)
    return result


def suggest_mapping(headers: list[str], wave_id: int) -> dict[int, str]:
    """Column index → "name" / "last_name" / … / a question code, guessed from the headers."""
    by_text: dict[str, str] = {}
    codes = set()
    for questionnaire in wave_questionnaires(wave_id):
        for q in Question.select().where(Question.questionnaire == questionnaire.id):
            by_text.setdefault(_clean_header(q.text), q.code)
            codes.add(q.code)
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        h = _clean_header(header)
        if not h:
            continue
        if h in ("фио", "ф.и.о", "участник", "фио участника", "фамилия, имя, отчество", "фамилия имя отчество"):
            mapping[index] = "name"
        elif h == "фамилия":
            mapping[index] = "last_name"
        elif h == "имя":
            mapping[index] = "first_name"
        elif h == "отчество":
            mapping[index] = "middle_name"
        elif header.strip() in codes:
            mapping[index] = header.strip()
        elif h in by_text:
            mapping[index] = by_text[h]
    return mapping


def parse_cell(question: Question, raw: Any) -> AnswerValue:
    """A cell as an answer; raises ValueError with a Russian reason."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return AnswerValue()
    text = str(raw).strip()
    kind, options = question.kind, [str(o) for o in question.options or []]
    if kind == "yes_no":
        folded = fold(text)
        if folded in _YES:
            return AnswerValue(1)
        if folded in _NO:
            return AnswerValue(0)
        raise ValueError(f"«{text}» — нужно «да» или «нет»")
    if kind in ("scale", "number"):
        try:
            return AnswerValue(float(raw) if isinstance(raw, (int, float)) else float(text.replace(",", ".")))
        except ValueError:
            raise ValueError(f"«{text}» — не число") from None
    if kind == "single":
        return AnswerValue(_option_index(text, options))
    if kind == "multi":
        parts = [p for p in re.split(r"\s*;\s*|\s*,\s+", text) if p.strip()]
        return AnswerValue(text=json.dumps(sorted({_option_index(p, options) for p in parts})))
    return AnswerValue(text=text)


def _option_index(text: str, options: list[str]) -> int:
    folded = [fold(o) for o in options]
    if fold(text) in folded:
        return folded.index(fold(text))
    if text.isdigit() and 1 <= int(text) <= len(options):
        return int(text) - 1
    raise ValueError(f"«{text}» — нет такого варианта (варианты: {'; '.join(options)})")


def import_answers(path: str | Path, wave_id: int, *, mapping: dict[int, str] | None = None,
                   skip_invalid: bool = False, day: dt.date | None = None) -> ImportReport:
    """Load the answers of ``path`` into the wave. ``mapping`` is column index → name field or question code
    (by default guessed by :func:`suggest_mapping`)."""
    wave = get_wave(wave_id)
    headers, rows = read_table(path)
    mapping = suggest_mapping(headers, wave_id) if mapping is None else mapping
    if not any(v in NAME_FIELDS for v in mapping.values()):
        raise CuratorError(f"В файле «{Path(path).name}» не найден столбец с ФИО участника (назовите его «ФИО» "
                           "или укажите соответствие столбцов).")
    if not any(v not in NAME_FIELDS for v in mapping.values()):
        raise CuratorError(f"В файле «{Path(path).name}» ни один столбец не сопоставлен с вопросами анкет волны "
                           f"«{wave.title}».")
    people: dict[str, list[Any]] = {}
    for r in roster(wave_id):
        people.setdefault(fold(r.name), []).append(r)
        parts = r.name.split()
        if len(parts) == 3:
            people.setdefault(fold(" ".join(parts[:2])), []).append(r)
    questions_by_q: dict[int, dict[str, Question]] = {}
    report, good = ImportReport(), []
    seen: dict[int, int] = {}
    for number, row in enumerate(rows, start=2):
        cells = {field_: row[i] if i < len(row) else None for i, field_ in mapping.items()}
        name = " ".join(str(cells.get(f) or "").strip() for f in NAME_FIELDS if cells.get(f)).strip()
        name = re.sub(r"\s+", " ", name)
        row_errors: list[str] = []
        matches = people.get(fold(name), []) if name else []
        if not name:
            row_errors.append(f"Строка {number}: не указано ФИО участника")
        elif not matches:
            row_errors.append(f"Строка {number}: «{name}» нет среди участников волны «{wave.title}»")
        elif len({m.person_id for m in matches}) > 1:
            row_errors.append(f"Строка {number}: «{name}» — несколько участников с таким именем, укажите отчество")
        elif matches[0].person_id in seen:
            row_errors.append(f"Строка {number}: «{name}» уже есть в строке {seen[matches[0].person_id]}")
        if row_errors:
            report.errors += row_errors
            continue
        respondent = matches[0]
        seen[respondent.person_id] = number
        if respondent.questionnaire_id not in questions_by_q:
            questions_by_q[respondent.questionnaire_id] = {q.code: q for q in Question.select().where(
                Question.questionnaire == respondent.questionnaire_id)}
        questions = questions_by_q[respondent.questionnaire_id]
        values: dict[int, AnswerValue] = {}
        for index, code in mapping.items():
            if code in NAME_FIELDS or code not in questions:
                continue
            question = questions[code]
            column = headers[index] if index < len(headers) and headers[index] else f"№ {index + 1}"
            try:
                value = parse_cell(question, row[index] if index < len(row) else None)
                problem = check_value(question, value)
            except ValueError as exc:
                problem = str(exc)
            if problem:
                row_errors.append(f"Строка {number}, столбец «{column}»: {problem}")
            else:
                values[question.id] = value
        if row_errors:
            report.errors += row_errors
            continue
        good.append((respondent, values))
    bad_rows = len({e.split(":")[0].split(",")[0] for e in report.errors})
    if report.errors and not skip_invalid:
        shown = "; ".join(report.errors[:10])
        more = f" и ещё {len(report.errors) - 10}" if len(report.errors) > 10 else ""
        raise SurveyImportError(
            f"Ответы из «{Path(path).name}» не загружены, ничего не записано: ошибок {len(report.errors)} в "
            f"{bad_rows} строках — {shown}{more}. Исправьте файл или разрешите пропускать ошибочные строки "
            "(--skip-invalid).", report.errors)
    answered = {r.person_id for r in roster(wave_id) if r.answered}
    with database.atomic():
        for respondent, values in good:
            save_response(wave_id, respondent.questionnaire_id, respondent.person_id, respondent.role, values,
                          mentorship_id=respondent.mentorship_id, source="import", day=day, log_it=False,
                          check_required=False)
            if respondent.person_id in answered:
                report.replaced += 1
            else:
                report.imported += 1
        report.skipped = bad_rows
        log("import", "response", None, f"Загружены ответы из «{Path(path).name}» в волну «{wave.title}»: "
            f"новых {report.imported}, заменено {report.replaced}, пропущено строк {report.skipped}")
    return report
