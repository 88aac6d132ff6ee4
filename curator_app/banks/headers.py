"""What a column of a school's bank sheet holds, judged from its header by meaning, and from its values
when the header says too little.

A header is folded and stripped of punctuation, then tried three ways, the surest first: as an exact
synonym («фио», «ресурс времени»), as a synonym of two words or more followed by more words («дата рождения
(дд.мм.гггг)»), then by the stems of its words («Макс. число наставляемых»: «наставляем» and «числ» →
capacity; «Фамилия и имя» is a full name, not a surname).
"""

from __future__ import annotations

import re
from typing import Any

from curator_app.lang.text import fold

# field key → Russian label shown in the mapping dialog
FIELD_LABELS: dict[str, str] = {
    "full_name": "ФИО полностью", "last_name": "Фамилия", "first_name": "Имя", "middle_name": "Отчество",
    "birth_date": "Дата рождения", "category": "Категория", "grade": "Класс", "position": "Должность",
    "subject": "Предмет", "workplace": "Место работы / учёбы", "experience_years": "Стаж (лет)",
    "phone": "Телефон", "email": "Электронная почта", "guardian_name": "Законный представитель",
    "guardian_phone": "Телефон представителя", "key_request": "Ключевой запрос", "competencies": "Компетенции",
    "interests": "Интересы", "achievements": "Достижения", "desired_mentees": "Желаемые наставляемые",
    "capacity": "Сколько наставляемых", "trained": "Обучение пройдено", "trained_on": "Дата обучения",
    "entry_date": "Дата вхождения в программу", "form": "Форма наставничества", "consent": "Согласие на обработку ПД",
    "consent_on": "Дата согласия на обработку ПД", "notes": "Примечание",
}
ROLE_FIELDS = {
    "mentee": ("key_request", "interests"),
    "mentor": ("competencies", "interests", "achievements", "desired_mentees", "capacity", "trained", "trained_on"),
}

# folded header (punctuation dropped) → field; checked exactly first, then as a prefix, longest first
SYNONYMS: dict[str, str] = {
    "фио": "full_name", "ф и о": "full_name", "фамилия имя отчество": "full_name", "фио наставника": "full_name",
    "фио наставляемого": "full_name", "фио обучающегося": "full_name", "фио участника": "full_name",
    "фамилия": "last_name", "имя": "first_name", "отчество": "middle_name",
    "дата рождения": "birth_date", "д р": "birth_date", "дата рожд": "birth_date", "год рождения": "birth_date",
    "категория": "category", "класс": "grade", "класс литера": "grade", "должность": "position",
    "предмет": "subject", "преподаваемый предмет": "subject", "место работы": "workplace",
    "место учебы": "workplace", "место работы учебы": "workplace", "организация": "workplace",
    "стаж": "experience_years", "педагогический стаж": "experience_years",
    "телефон родителя": "guardian_phone", "телефон законного представителя": "guardian_phone",
    "контакты родителя": "guardian_phone",
    "телефон": "phone", "контактный телефон": "phone", "контакты": "phone", "тел": "phone",
    "e mail": "email", "email": "email", "электронная почта": "email", "почта": "email",
    "законный представитель": "guardian_name", "фио родителя": "guardian_name", "родитель": "guardian_name",
    "фио законного представителя": "guardian_name",
    "ключевой запрос": "key_request", "запрос": "key_request", "запрос наставляемого": "key_request",
    "компетенции": "competencies", "ключевые компетенции": "competencies", "интересы": "interests",
    "достижения": "achievements", "желаемый возраст": "desired_mentees", "желаемые наставляемые": "desired_mentees",
    "желаемый класс": "desired_mentees", "ресурс времени": "capacity", "количество наставляемых": "capacity",
    "отметка о прохождении обучения": "trained", "обучение": "trained", "прохождение обучения": "trained",
    "дата обучения": "trained_on", "дата вхождения": "entry_date", "дата входа": "entry_date",
    "форма наставничества": "form", "форма": "form", "согласие": "consent", "примечание": "notes",
    "комментарий": "notes", "дата согласия": "consent_on",
}
_BY_LENGTH = sorted(SYNONYMS, key=len, reverse=True)

# By meaning: (field, groups of word stems, stems that rule it out); every group must be met by some word of
# the header. The order decides between rules a header meets both of: «Дата согласия» is a date before it is
# a consent, «Телефон мамы» the guardian's before it is a phone, «ФИО наставляемого» a name, not a capacity.
_RULES: list[tuple[str, tuple[tuple[str, ...], ...], tuple[str, ...]]] = [
    ("consent_on", (("согласи",), ("дат", "когда")), ()),
    ("consent", (("согласи",),), ()),
    ("guardian_phone", (("телефон", "тел", "контакт", "моб", "сотов"), ("родител", "представител", "опекун", "мам",
                                                                     "пап")), ()),
    ("guardian_name", (("родител", "представител", "опекун"),), ()),
    ("full_name", (("фио",),), ()),
    ("full_name", (("фамили",), ("имя", "имени")), ()),
    ("capacity", (("наставляем", "подопечн", "ученик", "обучающ"),
                  ("макс", "числ", "кол", "количеств", "ресурс", "скольк", "нагрузк")), ()),
    ("desired_mentees", (("желаем", "предпочт", "пожелан"),), ()),
    ("trained_on", (("обучен", "курс"), ("дат", "когда")), ()),
    ("trained", (("обучен", "курс"),), ()),
    ("entry_date", (("дат",), ("вхожд", "вступлен", "включен", "входа", "начал")), ()),
    ("birth_date", (("рожд",),), ()),
    ("last_name", (("фамили",),), ()),
    ("first_name", (("имя",),), ()),
    ("middle_name", (("отчеств",),), ()),
    ("position", (("должност",),), ()),
    ("grade", (("класс", "параллел", "литер"),), ("классн",)),  # «классный руководитель» is a position
    ("category", (("категор",),), ("квалификац",)),  # «квалификационная категория»: «высшая», «первая»
    ("workplace", (("мест",), ("работ", "учеб")), ()),
    ("workplace", (("организац", "учрежден"),), ()),
    ("subject", (("предмет", "дисциплин"),), ()),
    ("experience_years", (("стаж",),), ()),
    ("phone", (("телефон", "тел", "моб", "сотов"),), ()),
    ("email", (("почт", "mail", "email"),), ()),
    ("key_request", (("запрос", "потребност", "затруднен", "дефицит"),), ()),
    ("competencies", (("компетенц", "навык"),), ()),
    ("interests", (("интерес", "хобби", "увлечен"),), ()),
    ("achievements", (("достижен", "наград"),), ()),
    ("form", (("форм",), ("наставничеств", "взаимодейств")), ()),
    ("notes", (("примечан", "комментар"),), ()),
]
_NUMBERING = {"№", "n", "no", "п п", "№ п п", "n п п", "номер", "номер п п", "порядковый номер"}


def header_key(text: Any) -> str:
    return re.sub(r"[^a-zа-я0-9№]+", " ", fold(str(text or ""))).strip()


def header_field(text: Any) -> str | None:
    """The field a header cell names, or None."""
    key = header_key(text).replace("№", "").strip()
    if not key:
        return None
    if key in SYNONYMS:
        return SYNONYMS[key]
    for synonym in _BY_LENGTH:  # a synonym of two words or more, with more words after it
        if " " in synonym and key.startswith(synonym + " "):
            return SYNONYMS[synonym]
    words = key.split()
    if len(words) > 10:  # a sentence of a title row, not a header
        return None
    for field, groups, unless in _RULES:
        if all(any(w.startswith(group) for w in words) for group in groups) and \
                not any(w.startswith(unless) for w in words):
            return field
    return None


def is_numbering(text: Any) -> bool:
    """«№», «№ п/п»: the sheet's own row numbers, which are nobody's data and need no word."""
    return header_key(text) in _NUMBERING


def column_label(headers: list[str], col: int) -> str:
    return headers[col] if col < len(headers) and headers[col] else f"столбец {col + 1}"
