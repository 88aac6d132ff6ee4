"""The register of issued documents, and what a registered document keeps so it stays one document.

A registered order keeps its laid-out text (``blocks.document_to_json``) in ``IssuedDocument.params``:
saving it again — as DOCX after the PDF, next month, after a pair changed or a template was edited —
writes exactly that text, and registering the same number again neither makes a second record nor starts
its pairs again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from curator_app.audit import log
from curator_app.errors import CuratorError
from curator_app.lang.fmt import date_short
from curator_app.models import DOCUMENT_KIND_LABELS, IssuedDocument

from .blocks import Document, document_from_json, document_to_json


def find_registered(kind: str, number: str, day: dt.date) -> IssuedDocument | None:
    """The document of ``kind`` registered under ``number`` in the year of ``day``."""
    if not number:
        return None
    return (IssuedDocument.select().where((IssuedDocument.kind == kind) & (IssuedDocument.number == number)
                                          & (IssuedDocument.date.year == day.year)).first())


def same_document(kind: str, number: str, day: dt.date, pairs: Iterable[int] | None = None) -> IssuedDocument | None:
    """None when the number is free; the registered document when this is the same one again (the same
    date, and the same pairs when they are given); otherwise a clear refusal."""
    clash = find_registered(kind, number, day)
    if clash is None:
        return None
    same_pairs = pairs is None or sorted(set(pairs)) == sorted((clash.params or {}).get("pairs", []))
    if clash.date == day and same_pairs:
        return clash
    what = "Приказ" if kind.endswith("order") else "Документ"
    raise CuratorError(f"{what} № {number} за {day.year} год уже зарегистрирован "
                       f"(от {date_short(clash.date)}). Укажите другой номер.")


def stored_layout(record: IssuedDocument) -> Document | None:
    """The text a registered document was registered with (None for one registered before it was kept)."""
    data = (record.params or {}).get("layout")
    return document_from_json(data) if data else None


def registered_layout(kind: str, number: str, day: dt.date) -> Document | None:
    """The registered text of this document, when ``number`` of this date is already registered."""
    record = find_registered(kind, number.strip(), day)
    if record is None or record.date != day:
        return None
    return stored_layout(record)


def add_file(record: IssuedDocument, path: Path) -> None:
    """Remember one more file the registered document was saved to."""
    params = dict(record.params or {})
    files = [f for f in params.get("files", [record.file_path]) if f]
    if str(path.resolve()) not in files:
        files.append(str(path.resolve()))
    params["files"] = files
    record.params = params
    record.save()


def record_document(kind: str, number: str | None, day: dt.date, title: str, path: Path, pair_ids: list[int],
                    layout: Document | None = None, **extra: Any) -> IssuedDocument:
    """A new entry of the register (and the audit log); ``layout`` is the text to keep."""
    params: dict[str, Any] = {"pairs": pair_ids, **extra}
    if layout is not None:
        params["layout"] = document_to_json(layout)
    record = IssuedDocument.create(kind=kind, number=number, date=day, title=title, file_path=str(path.resolve()),
                                   params=params)
    log("create", "document", record.id, f"Выпущен документ: {title}", {"file": str(path)})
    return record


@dataclass(frozen=True)
class RegisterRow:
    id: int
    kind: str
    kind_label: str
    number: str
    date: dt.date | None
    title: str
    file_path: str
    pairs: int


def register_rows(kinds: Iterable[str] | None = None) -> list[RegisterRow]:
    """The register of issued documents, newest first."""
    query = IssuedDocument.select().order_by(IssuedDocument.date.desc(), IssuedDocument.id.desc())
    if kinds is not None:
        query = query.where(IssuedDocument.kind.in_(list(kinds)))
    rows = []
    for doc in query:
        pairs = len((doc.params or {}).get("pairs", []))
        rows.append(RegisterRow(doc.id, doc.kind, DOCUMENT_KIND_LABELS.get(doc.kind, doc.kind), doc.number or "",
                                doc.date, doc.title, doc.file_path or "", pairs))
    return rows
