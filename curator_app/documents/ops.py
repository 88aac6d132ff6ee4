"""Documents as operations: issue the order fixing the pairs (and register it), the reward order, the
memos and the letters of thanks; the register of issued documents.

Every function reads the pairs with the consent rule applied (``documents.data``), writes the file
atomically and records it in ``IssuedDocument``. Registering an order makes its pairs active from its
date, in the same transaction as the record and the audit entry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from curator_app.audit import log
from curator_app.errors import CuratorError
from curator_app.lang.fmt import date_short
from curator_app.models import DOCUMENT_KIND_LABELS, DocumentMentorship, IssuedDocument, Mentorship, database
from curator_app.pairs import start_work
from curator_app.settings import SchoolSettings, load_school

from .data import PairInfo, Selection, collect_pairs
from .docx_render import write_docx
from .letters import mentors_of, write_letters
from .memos import write_memos
from .order import OrderParams, default_basis, order_document, reward_document
from .pdf_render import write_pdf

ORDER_STATUSES = ("planned", "active")
THANKS_STATUSES = ("active", "completed")


@dataclass
class DocumentResult:
    """What was written: the file, how many pairs/pages, who was left out and why, the register entry."""

    path: Path
    pairs: int
    items: int  # people in the order, memos, letters
    skipped: list[str] = field(default_factory=list)
    document_id: int | None = None
    activated: int = 0

    def as_dict(self) -> dict[str, object]:
        return {"file": str(self.path), "pairs": self.pairs, "items": self.items, "skipped": self.skipped,
                "document_id": self.document_id, "activated": self.activated}


def _format(path: Path, allowed: tuple[str, ...]) -> str:
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in allowed:
        raise CuratorError(f"Файл «{path.name}»: документ сохраняется только как "
                           + " или ".join(f".{a}" for a in allowed) + ".")
    return suffix


def _nonempty(selection: Selection, what: str) -> None:
    if not selection.pairs:
        reason = f" Не включены: {'; '.join(selection.skipped[:5])}." if selection.skipped else ""
        raise CuratorError(f"Нет пар для документа «{what}».{reason}")


def require_requisites(school: SchoolSettings) -> None:
    """An order to be registered needs the school's name, city and director (they are printed on it)."""
    missing = [label for label, value in (("полное наименование организации", school.full_name),
                                          ("город", school.city), ("ФИО директора", school.director_name))
               if not value.strip()]
    if missing:
        raise CuratorError("Не заполнены реквизиты школы: " + ", ".join(missing) + ". Укажите их в меню "
                           "«Настройки → Реквизиты школы…» (или командой settings).")


def basis_for(pairs: list[PairInfo], school: SchoolSettings | None = None) -> list[str]:
    """The default legal basis: the staff letter of 2021 only when the order has teacher–teacher pairs."""
    return default_basis(school or load_school(), staff=any(p.form_code == "teacher_teacher" for p in pairs))


def _check_number(kind: str, number: str, day: dt.date, pairs: list[int] | None = None) -> IssuedDocument | None:
    """None when the number is free; the registered order when it is the same order again (the same
    date and pairs: the curator saves it in the other format); otherwise a clear refusal."""
    clash = (IssuedDocument.select().where((IssuedDocument.kind == kind) & (IssuedDocument.number == number)
                                           & (IssuedDocument.date.year == day.year)).first())
    if clash is None:
        return None
    if pairs is not None and clash.date == day and sorted((clash.params or {}).get("pairs", [])) == sorted(pairs):
        return clash
    raise CuratorError(f"Приказ № {number} за {day.year} год уже зарегистрирован "
                       f"(от {date_short(clash.date)}). Укажите другой номер.")


def _add_file(record: IssuedDocument, path: Path) -> None:
    params = dict(record.params or {})
    files = [f for f in params.get("files", [record.file_path]) if f]
    if str(path.resolve()) not in files:
        files.append(str(path.resolve()))
    params["files"] = files
    record.params = params
    record.save()


def write_order_file(path: Path, school: SchoolSettings, params: OrderParams, pairs: list[PairInfo],
                     reward: bool = False) -> Path:
    """Write the order (or the reward order) as PDF or DOCX by the file's extension; no database."""
    kind = _format(path, ("pdf", "docx"))
    if reward:
        document = reward_document(school, params, [mentor for mentor, _ in mentors_of(pairs)])
    else:
        document = order_document(school, params, pairs)
    return write_pdf(document, path) if kind == "pdf" else write_docx(document, path)


def issue_order(path: str | Path, *, number: str = "", day: dt.date | None = None,
                mentorship_ids: Iterable[int] | None = None, basis: list[str] | None = None,
                register: bool | None = None, long_date: bool = False) -> DocumentResult:
    """The order fixing the pairs (all planned and active ones, or ``mentorship_ids``).

    With a number it is registered (``register`` defaults to whether a number is given): the record,
    its pairs, and the pairs become active from the order's date — all in one transaction, so a file
    that fails to write leaves the database as it was.
    """
    path = Path(path)
    _format(path, ("pdf", "docx"))
    day = day or dt.date.today()
    number = number.strip()
    register = bool(number) if register is None else register
    if register and not number:
        raise CuratorError("Чтобы зарегистрировать приказ, укажите его номер.")
    school = load_school()
    if register:
        require_requisites(school)
    selection = collect_pairs(ORDER_STATUSES, mentorship_ids, day)
    _nonempty(selection, "приказ о закреплении наставнических пар")
    params = OrderParams(number, day, basis if basis is not None else basis_for(selection.pairs, school),
                         long_date)
    result = DocumentResult(path, len(selection.pairs), selection.people_count, selection.skipped)
    if not register:
        write_order_file(path, school, params, selection.pairs)
        return result
    ids = [p.id for p in selection.pairs]
    with database.atomic():
        same = _check_number("order", number, day, ids)
        if same is not None:  # the same order saved once more (say, as DOCX after the PDF)
            _add_file(same, path)
            write_order_file(path, school, params, selection.pairs)
            result.document_id = same.id
            return result
        record = IssuedDocument.create(
            kind="order", number=number, date=day, title=f"Приказ № {number} от {date_short(day)} "
            "«О закреплении наставнических пар (групп)»", file_path=str(path.resolve()),
            params={"basis": params.basis, "pairs": [p.id for p in selection.pairs]})
        DocumentMentorship.insert_many([{"document": record.id, "mentorship": p.id}
                                        for p in selection.pairs]).execute()
        planned = list(Mentorship.select().where(Mentorship.id.in_(ids) & (Mentorship.status == "planned")))
        for ship in planned:
            start_work(ship, day, why=f"по приказу № {number}")
        activated = len(planned)
        (Mentorship.update(start_date=day)
         .where(Mentorship.id.in_(ids) & (Mentorship.status == "active") & Mentorship.start_date.is_null())
         .execute())
        log("create", "document", record.id, f"Зарегистрирован {record.title}; пар: {len(ids)}, "
            f"стали действующими: {activated}", {"pairs": ids, "file": str(path)})
        write_order_file(path, school, params, selection.pairs)
    result.document_id, result.activated = record.id, activated
    return result


def issue_reward_order(path: str | Path, *, number: str = "", day: dt.date | None = None,
                       mentorship_ids: Iterable[int] | None = None) -> DocumentResult:
    """«О поощрении участников наставнической деятельности» for mentors of active and completed pairs."""
    path = Path(path)
    _format(path, ("pdf", "docx"))
    day = day or dt.date.today()
    number = number.strip()
    school = load_school()
    if number:
        require_requisites(school)
    selection = collect_pairs(THANKS_STATUSES, mentorship_ids, day)
    _nonempty(selection, "приказ о поощрении")
    params = OrderParams(number, day, [])
    mentors = len(mentors_of(selection.pairs))
    result = DocumentResult(path, len(selection.pairs), mentors, selection.skipped)
    with database.atomic():
        same = _check_number("reward_order", number, day, [p.id for p in selection.pairs]) if number else None
        if same is not None:
            _add_file(same, path)
            write_order_file(path, school, params, selection.pairs, reward=True)
            result.document_id = same.id
            return result
        result.document_id = _record("reward_order", number or None, day,
                                     f"Приказ № {number or 'б/н'} от {date_short(day)} «О поощрении участников "
                                     "наставнической деятельности»", path, selection)
        write_order_file(path, school, params, selection.pairs, reward=True)
    return result


def _record(kind: str, number: str | None, day: dt.date, title: str, path: Path, selection: Selection) -> int:
    record = IssuedDocument.create(kind=kind, number=number, date=day, title=title, file_path=str(path.resolve()),
                                   params={"pairs": [p.id for p in selection.pairs]})
    log("create", "document", record.id, f"Выпущен документ: {title}", {"file": str(path)})
    return int(record.id)


def make_memos(path: str | Path, *, mentorship_ids: Iterable[int] | None = None,
               day: dt.date | None = None) -> DocumentResult:
    """A one-page memo for every mentee of the planned and active pairs (or ``mentorship_ids``)."""
    path = Path(path)
    _format(path, ("pdf",))
    day = day or dt.date.today()
    selection = collect_pairs(ORDER_STATUSES, mentorship_ids, day)
    _nonempty(selection, "памятки наставляемым")
    with database.atomic():
        _, count = write_memos(load_school(), selection.pairs, path)
        doc_id = _record("memo", None, day, f"Памятки наставляемым ({count}) от {date_short(day)}", path, selection)
    return DocumentResult(path, len(selection.pairs), count, selection.skipped, doc_id)


def make_certificates(path: str | Path, *, mentorship_ids: Iterable[int] | None = None,
                      day: dt.date | None = None) -> DocumentResult:
    """A letter of thanks for each mentor of an active or completed pair (or of ``mentorship_ids``)."""
    path = Path(path)
    _format(path, ("pdf",))
    day = day or dt.date.today()
    selection = collect_pairs(THANKS_STATUSES, mentorship_ids, day)
    _nonempty(selection, "благодарственные письма")
    with database.atomic():
        _, count = write_letters(load_school(), selection.pairs, path, day)
        doc_id = _record("certificate", None, day, f"Благодарственные письма наставникам ({count}) "
                         f"от {date_short(day)}", path, selection)
    return DocumentResult(path, len(selection.pairs), count, selection.skipped, doc_id)


KIND_FORMATS: dict[str, tuple[str, ...]] = {
    "order": ("pdf", "docx"), "reward_order": ("pdf", "docx"), "memo": ("pdf",), "certificate": ("pdf",),
}
KIND_STATUSES: dict[str, tuple[str, ...]] = {
    "order": ORDER_STATUSES, "memo": ORDER_STATUSES, "certificate": THANKS_STATUSES, "reward_order": THANKS_STATUSES,
}


def render(kind: str, path: str | Path, school: SchoolSettings, pairs: list[PairInfo],
           params: OrderParams | None = None) -> Path:
    """Lay out a document of ``kind`` without touching the database (a preview, in a worker thread)."""
    path = Path(path)
    params = params or OrderParams()
    if kind in ("order", "reward_order"):
        return write_order_file(path, school, params, pairs, reward=kind == "reward_order")
    if kind == "memo":
        return write_memos(school, pairs, path)[0]
    if kind == "certificate":
        return write_letters(school, pairs, path, params.date)[0]
    raise CuratorError(f"Неизвестный вид документа: {kind}.")


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
