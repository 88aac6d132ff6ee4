"""School requisites and other remembered settings, stored in the ``setting`` table."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from curator_app.lang.fmt import academic_year_of
from curator_app.models import Setting, database

_MISSING = object()


def get(key: str, default: Any = None) -> Any:
    row = Setting.get_or_none(Setting.key == key)
    return default if row is None else row.value


def put(key: str, value: Any) -> None:
    Setting.insert(key=key, value=value).on_conflict_replace().execute()


@dataclasses.dataclass
class SchoolSettings:
    """The requisites printed in orders and reports."""

    full_name: str = ""
    short_name: str = ""
    city: str = ""
    director_position: str = "Директор"
    director_name: str = ""  # «Смирнова Ольга Викторовна»
    curator_name: str = ""
    curator_position: str = "Заместитель директора по УВР"
    academic_year: str = dataclasses.field(default_factory=lambda: academic_year_of(dt.date.today()))
    pupils_total: int = 0  # pupils aged 10–18 in the school, for the coverage indicator
    young_teachers_total: int = 0  # teachers under 35
    address: str = ""  # the operator's address in personal-data consents

    @property
    def is_complete(self) -> bool:
        return bool(self.full_name and self.city and self.director_name and self.curator_name)


_PREFIX = "school."


def load_school() -> SchoolSettings:
    values = {f.name: get(_PREFIX + f.name, _MISSING) for f in dataclasses.fields(SchoolSettings)}
    return SchoolSettings(**{k: v for k, v in values.items() if v is not _MISSING})


def save_school(school: SchoolSettings) -> None:
    from curator_app.audit import log

    with database.atomic():
        for f in dataclasses.fields(school):
            put(_PREFIX + f.name, getattr(school, f.name))
        log("update", "settings", None, "Изменены реквизиты школы")


def update_school(**changes: Any) -> SchoolSettings:
    """Change some requisites, keep the rest."""
    school = dataclasses.replace(load_school(), **changes)
    save_school(school)
    return school
