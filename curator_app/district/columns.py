"""The school's row as a district sums it: the columns (Russian headers, one value per cell), how each one
is totalled, and the row itself.

The headers are the format: a school's table carries them, the district's reader finds the columns by
them, so a column is only ever added (at the end of its group), never renamed. ``FORMAT_VERSION`` grows
only if a change would make an older program misread a newer table.

A share is never summed: it is worked out again from the counts it is made of (``ratio``), in a school's
row and in the total alike, so «Итого» of a coverage is all pupils in mentoring over all pupils. A score
is averaged with the weight of the people behind it (``mean``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT_VERSION = 1
ROW_SHEET = "Для сводки по району"  # the sheet a school's table adds for the district
MARKER_SHEET = "Curator"  # hidden: what the file is and in which format
SCHOOL_FORMAT = "school-row"
DISTRICT_FORMAT = "district-table"


@dataclass(frozen=True)
class Column:
    """``kind``: text, date, count (a whole number), share (a fraction shown as a percent) or score (1–10).
    ``total``: ``sum``; ``ratio`` of the two count columns in ``of`` (numerator, denominator); ``mean``
    weighted by the count column ``of[0]``; or nothing (identity columns)."""

    key: str
    header: str
    kind: str
    group: str
    total: str = ""
    of: tuple[str, ...] = ()


def _c(key: str, header: str, group: str, kind: str = "count", total: str = "sum",
       of: tuple[str, ...] = ()) -> Column:
    return Column(key, header, kind, group, total if kind != "text" and kind != "date" else "", of)


SCHOOL, MENTEES, MENTORS, PAIRS, YOUNG, SURVEY = ("Школа", "Наставляемые", "Наставники", "Пары и группы",
                                                  "Молодые специалисты", "Анкетирование")
# Built-in forms of mentoring (data/forms.json), in the order of their columns; other forms are summed apart.
FORMS: tuple[tuple[str, str], ...] = (
    ("pupil_pupil", "ученик – ученик"), ("teacher_teacher", "учитель – учитель"),
    ("student_pupil", "студент – ученик"), ("employer_pupil", "работодатель – ученик"),
    ("employer_student", "работодатель – студент"), ("teacher_pupil", "педагог – обучающийся"),
)

COLUMNS: tuple[Column, ...] = (
    _c("full_name", "Полное наименование образовательной организации", SCHOOL, "text"),
    _c("short_name", "Краткое наименование", SCHOOL, "text"),
    _c("city", "Населённый пункт", SCHOOL, "text"),
    _c("as_of", "По состоянию на", SCHOOL, "date"),
    _c("academic_year", "Учебный год", SCHOOL, "text"),
    _c("responsible", "Ответственный (куратор наставничества)", SCHOOL, "text"),
    _c("responsible_position", "Должность ответственного", SCHOOL, "text"),

    _c("mentees", "Наставляемые в банке", MENTEES),
    _c("mentees_in_mentoring", "Наставляемые в программах наставничества", MENTEES),
    _c("pupils_covered", "Наставляемые: обучающиеся 10–18 лет", MENTEES),
    _c("teachers_covered", "Наставляемые: педагоги", MENTEES),
    _c("pupils_total", "Обучающиеся 10–18 лет в организации", MENTEES),
    _c("pupils_share", "Охват обучающихся 10–18 лет", MENTEES, "share", "ratio", ("pupils_covered", "pupils_total")),
    _c("target", "Целевой охват", MENTEES, "share", "mean", ("pupils_total",)),
    _c("young_teachers_total", "Педагоги до 35 лет в организации", MENTEES),
    _c("young_teachers_covered", "Педагоги до 35 лет с наставником", MENTEES),
    _c("young_teachers_share", "Доля педагогов до 35 лет с наставником", MENTEES, "share", "ratio",
       ("young_teachers_covered", "young_teachers_total")),

    _c("mentors", "Наставники в банке", MENTORS),
    _c("mentors_staff", "Наставники: педагоги и работники организации", MENTORS),
    _c("mentors_pupils", "Наставники: обучающиеся", MENTORS),
    _c("mentors_students", "Наставники: студенты", MENTORS),
    _c("mentors_employers", "Наставники: представители работодателей", MENTORS),
    _c("mentors_other", "Наставники: другие (родители, выпускники)", MENTORS),
    _c("mentors_trained", "Наставники, прошедшие обучение", MENTORS),
    _c("mentors_trained_share", "Доля наставников, прошедших обучение", MENTORS, "share", "ratio",
       ("mentors_trained", "mentors")),
    _c("mentors_working", "Наставники в действующих парах и группах", MENTORS),
    _c("partners", "Организации-партнёры", MENTORS),

    _c("mentorships", "Пары и группы, всего", PAIRS),
    _c("mentorships_active", "Пары и группы: действуют", PAIRS),
    _c("mentorships_planned", "Пары и группы: планируются", PAIRS),
    _c("mentorships_completed", "Пары и группы: завершены", PAIRS),
    _c("mentorships_ended_early", "Пары и группы: прекращены досрочно", PAIRS),
    _c("pairs_active", "Действующие пары (один наставляемый)", PAIRS),
    _c("groups_active", "Действующие группы", PAIRS),
    *(_c(f"form_{code}", f"Действуют, форма «{name}»", PAIRS) for code, name in FORMS),
    _c("form_other", "Действуют, другие формы", PAIRS),

    _c("young_specialists", "Молодые специалисты (стаж 0–3 года)", YOUNG),
    _c("young_specialists_covered", "Молодые специалисты с наставником", YOUNG),
    _c("young_specialists_share", "Доля молодых специалистов с наставником", YOUNG, "share", "ratio",
       ("young_specialists_covered", "young_specialists")),

    _c("wave", "Последняя волна анкетирования", SURVEY, "text"),
    _c("wave_due", "Срок волны", SURVEY, "date"),
    _c("expected", "Должны были ответить", SURVEY),
    _c("answered", "Заполнили анкеты", SURVEY),
    _c("response_rate", "Доля ответивших", SURVEY, "share", "ratio", ("answered", "expected")),
    _c("rated", "Оценили программу по шкале 1–10", SURVEY),
    _c("mean_score", "Средний балл (1–10)", SURVEY, "score", "mean", ("rated",)),
    _c("satisfied_share", "Доля удовлетворённых (8–10)", SURVEY, "share", "mean", ("rated",)),
    _c("compared_wave", "Волна «после» для сравнения", SURVEY, "text"),
    _c("compared", "Ответили в обеих волнах («до» и «после»)", SURVEY),
    _c("mean_before", "Средний балл «до»", SURVEY, "score", "mean", ("compared",)),
    _c("mean_after", "Средний балл «после»", SURVEY, "score", "mean", ("compared",)),
    _c("mean_change", "Изменение среднего балла", SURVEY, "score", "mean", ("compared",)),
    _c("improved", "Оценки выросли (чел.)", SURVEY),
    _c("worsened", "Оценки снизились (чел.)", SURVEY),
)
BY_KEY: dict[str, Column] = {c.key: c for c in COLUMNS}
BY_HEADER: dict[str, Column] = {c.header: c for c in COLUMNS}
COUNT_KEYS = tuple(c.key for c in COLUMNS if c.kind == "count")
TARGET = 0.7


def fold_name(text: str) -> str:
    """A school's name as compared: case, «ё», quotes, «№» spacing and extra spaces do not matter."""
    folded = text.casefold().replace("ё", "е")
    folded = re.sub(r"[«»\"'“”„]", "", folded)
    folded = re.sub(r"№\s*", "№ ", folded)
    return re.sub(r"\s+", " ", folded).strip()


@dataclass
class SchoolRow:
    """One school's values keyed as :data:`COLUMNS` (None where a school has no figure); ``source`` is the
    file it came from (None when computed from the open database)."""

    values: dict[str, Any]
    source: Path | None = None
    notes: list[str] = field(default_factory=list)

    def __getitem__(self, key: str) -> Any:
        return self.values.get(key)

    @property
    def name(self) -> str:
        return str(self["full_name"] or self["short_name"] or "")

    @property
    def label(self) -> str:
        """How a chart or a list names the school: the short name if there is one."""
        return str(self["short_name"] or self["full_name"] or "")

    @property
    def key(self) -> str:
        return fold_name(self.name)

    @property
    def as_of(self) -> dt.date | None:
        value = self["as_of"]
        return value if isinstance(value, dt.date) else None

    @property
    def below_target(self) -> bool:
        share, target = self["pupils_share"], self["target"]
        return share is not None and target is not None and share < target


def derive(values: dict[str, Any]) -> dict[str, Any]:
    """Fill the ``ratio`` columns from their counts (None where the denominator is nothing)."""
    for column in COLUMNS:
        if column.total == "ratio":
            top, bottom = values.get(column.of[0]), values.get(column.of[1])
            values[column.key] = top / bottom if top is not None and bottom else None
    return values


def total_row(rows: list[SchoolRow]) -> SchoolRow:
    """«Итого»: counts summed, shares from the summed counts, scores and other shares weighted by the
    people behind them (a plain mean where nobody is counted, e.g. the target of schools without pupils)."""
    values: dict[str, Any] = {"full_name": "Итого", "short_name": "Итого"}
    dates = [r.as_of for r in rows if r.as_of]
    values["as_of"] = max(dates) if dates else None
    for column in COLUMNS:
        if column.total == "sum":
            present = [r[column.key] for r in rows if r[column.key] is not None]
            values[column.key] = sum(present) if present else None
        elif column.total == "mean":
            pairs = [(r[column.key], r[column.of[0]] or 0) for r in rows if r[column.key] is not None]
            weight = sum(w for _, w in pairs)
            if weight:
                values[column.key] = sum(v * w for v, w in pairs) / weight
            elif pairs and column.kind == "share":
                values[column.key] = sum(v for v, _ in pairs) / len(pairs)
            else:
                values[column.key] = None
    return SchoolRow(derive(values))
