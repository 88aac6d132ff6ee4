"""Text helpers shared by search, import and documents: case folding and name tidying."""

from __future__ import annotations

import re


def fold(text: str | None) -> str:
    """Case-fold for search: lower case for Cyrillic too, ё as е, single spaces.

    SQLite's ``lower()`` and ``LIKE`` fold Latin letters only, so search columns keep this form.
    """
    if not text:
        return ""
    return " ".join(text.casefold().replace("ё", "е").split())


def clean_spaces(text: str | None) -> str:
    """Trim and collapse runs of white space (non-breaking spaces included)."""
    if text is None:
        return ""
    return " ".join(str(text).split())  # str.split() parts on every white space, non-breaking included


def _cap_part(part: str) -> str:
    return part[:1].upper() + part[1:].lower() if part else part


def normalize_name_part(text: str | None) -> str:
    """«ИВАНОВ» → «Иванов», «римский-корсаков» → «Римский-Корсаков»; keeps ё."""
    cleaned = clean_spaces(text)
    return " ".join("-".join(_cap_part(p) for p in word.split("-")) for word in cleaned.split(" "))


def full_name(last: str, first: str, middle: str | None = None) -> str:
    return " ".join(p for p in (last, first, middle) if p)


def short_name(last: str, first: str, middle: str | None = None) -> str:
    """«Смирнова О.В.» — the form used in lists and tables."""
    initials = "".join(f"{p[0]}." for p in (first, middle) if p)
    return f"{last} {initials}".strip()


def signature_name(last: str, first: str, middle: str | None = None) -> str:
    """«О.В. Смирнова» — the form used under a signature line."""
    initials = "".join(f"{p[0]}." for p in (first, middle) if p)
    return f"{initials} {last}".strip()


_QUOTED = re.compile(r"[«\"„“](.+?)[»\"“”]")


def short_school_name(full: str) -> str:
    """The short name schools write, from the full one: «Муниципальное бюджетное общеобразовательное учреждение
    «Средняя общеобразовательная школа № 5»» → «МБОУ «СОШ № 5»»; a name of its own («Гимназия № 2», «Лицей
    имени Пушкина») stays whole. "" when the full name has no quoted part to go by."""
    text = clean_spaces(full)
    match = _QUOTED.search(text)
    if not match:
        return ""
    words = text[:match.start()].split()
    end = next((i for i, w in enumerate(words) if fold(w).startswith(("учрежден", "организац"))), len(words) - 1)
    kind = "".join(w if w.isupper() else w[0].upper() for w in words[:end + 1] if w[:1].isalpha())
    name = match[1].strip()
    before, number_sign, number = name.partition("№")
    described = before.split()
    if number_sign and len(described) >= 2 and all(w.isalpha() for w in described):
        name = "".join(w[0].upper() for w in described) + f" № {number.strip()}"
    return f"{kind} «{name}»" if kind else f"«{name}»"


NBSP = "\u00a0"
_TIES = [
    (re.compile(r"№ (?=\S)"), "№" + NBSP),  # «№ 470-п», «№ Р-145»
    (re.compile(r"(?<=\S) (?=[—–] )"), NBSP),  # a dash never starts a line
    (re.compile(r"\b([А-ЯЁ]\.(?:[А-ЯЁ]\.)?) (?=[А-ЯЁ][а-яё])"), r"\1" + NBSP),  # «О.В. Смирнова»
    (re.compile(r"(?<=[а-яё]) (?=[А-ЯЁ]\.(?:[А-ЯЁ]\.)?(?:[\s,;:)]|$))"), NBSP),  # «Васильевой Н.А.»
    (re.compile(r"\b(г\.|с\.|п\.|ст\.|им\.) (?=[А-ЯЁ0-9])"), r"\1" + NBSP),  # «г. Калуга», «ст. 351.8»
]


def tie(text: str) -> str:
    """Non-breaking spaces where Russian typesetting keeps words together: «№» and its number, initials and
    the surname, a dash and the word before it, «г.» and the town."""
    if "№" not in text and "." not in text and "—" not in text and "–" not in text:
        return text  # nothing to tie (most table cells): skip the patterns
    for pattern, replacement in _TIES:
        text = pattern.sub(replacement, text)
    return text
