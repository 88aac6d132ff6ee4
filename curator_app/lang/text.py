"""Text helpers shared by search, import and documents: case folding and name tidying."""

from __future__ import annotations


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
