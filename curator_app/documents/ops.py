"""Documents as operations: issue the order fixing the pairs (and register it), the reward order, the
memos and the letters of thanks; the register of issued documents is :mod:`.register`.

Every function reads the pairs with the consent rule applied (``documents.data``), writes the file
atomically and records it in ``IssuedDocument``. Registering an order makes its pairs active from its
date, in the same transaction as the record and the audit entry.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from curator_app import settings
from curator_app.audit import log
from curator_app.errors import CuratorError
from curator_app.lang.fmt import date_short
from curator_app.models import DocumentMentorship, IssuedDocument, Mentorship, database
from curator_app.pairs import default_end, start_work
from curator_app.settings import SchoolSettings, load_school

from .blocks import Document
from .data import PairInfo, Selection, collect_pairs
from .docx_render import write_docx
from .letters import mentors_of, write_letters
from .memos import write_memos
from .order import OrderParams, default_basis, order_document
from .pdf_render import write_pdf
from .register import (
    add_file,
    find_registered,
    record_document,
    same_document,
    stored_layout,
)
from .reward import reward_document

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


def check_format(path: Path, allowed: tuple[str, ...]) -> str:
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


BASIS_KEY = "documents.order_basis"


def saved_basis() -> list[str] | None:
    """The basis the curator set for orders in the settings (None: the default)."""
    value = settings.get(BASIS_KEY)
    return [str(a) for a in value] if value else None


def save_basis(acts: list[str] | None) -> None:
    """Keep the curator's list of acts for every order; None or an empty list returns to the default."""
    settings.put(BASIS_KEY, [a.strip() for a in acts if a.strip()] if acts else None)


def basis_for(pairs: list[PairInfo], school: SchoolSettings | None = None) -> list[str]:
    """The basis of an order on these pairs: the curator's own list, or the default one (art. 351.8 of the
    Labour Code when staff mentor, the 2021 letter when there are teacher–teacher pairs)."""
    return saved_basis() or default_basis(school or load_school(), staff_mentors=any(p.mentor.is_staff for p in pairs),
                                          teacher_pairs=any(p.form_code == "teacher_teacher" for p in pairs))


def with_periods(pairs: list[PairInfo], day: dt.date) -> list[PairInfo]:
    """Each pair with the period it will have in its card once the order of ``day`` is registered: a working
    pair keeps its start, a planned one starts on the order's date; the end is the planned one (or the
    default end). The text, the appendix and the card show the same dates."""
    out = []
    for pair in pairs:
        start = pair.start if pair.status == "active" and pair.start else day
        out.append(dataclasses.replace(pair, start=start, end=pair.end or default_end(start)))
    return out


def order_layout(school: SchoolSettings, params: OrderParams, pairs: list[PairInfo], reward: bool = False) -> Document:
    if reward:
        return reward_document(school, params, [mentor for mentor, _ in mentors_of(pairs)])
    return order_document(school, params, with_periods(pairs, params.date))


def write_layout(document: Document, path: Path) -> Path:
    """Write laid-out blocks as PDF or DOCX by the file's extension (the same bytes for the same PDF)."""
    kind = check_format(path, ("pdf", "docx"))
    return write_pdf(document, path) if kind == "pdf" else write_docx(document, path)


def write_order_file(path: Path, school: SchoolSettings, params: OrderParams, pairs: list[PairInfo],
                     reward: bool = False) -> Path:
    """Write the order (or the reward order) as PDF or DOCX by the file's extension; no database."""
    return write_layout(order_layout(school, params, pairs, reward), path)


def _again(record: IssuedDocument, path: Path, school: SchoolSettings, params: OrderParams,
           result: DocumentResult, reward: bool = False) -> DocumentResult:
    """The registered document saved once more: its kept text, not a new layout."""
    layout = stored_layout(record)
    if layout is None:  # registered before the text was kept: lay out its own pairs again
        selection = collect_pairs(ORDER_STATUSES if not reward else THANKS_STATUSES,
                                  (record.params or {}).get("pairs", []), params.date)
        layout = order_layout(school, params, selection.pairs, reward)
    write_layout(layout, path)
    add_file(record, path)
    result.pairs = len((record.params or {}).get("pairs", []))
    result.document_id = record.id
    return result


def issue_order(path: str | Path, *, number: str = "", day: dt.date | None = None,
                mentorship_ids: Iterable[int] | None = None, basis: list[str] | None = None,
                register: bool | None = None, long_date: bool = False) -> DocumentResult:
    """The order fixing the pairs (all planned and active ones, or ``mentorship_ids``).

    With a number it is registered (``register`` defaults to whether a number is given): the record with
    its text, its pairs, and the pairs become active from the order's date — all in one transaction, so a
    file that fails to write leaves the database as it was. The same number and date again writes the
    registered text once more (another format, a lost file) and starts nothing.
    """
    path = Path(path)
    check_format(path, ("pdf", "docx"))
    day = day or dt.date.today()
    number = number.strip()
    register = bool(number) if register is None else register
    if register and not number:
        raise CuratorError("Чтобы зарегистрировать приказ, укажите его номер.")
    school = load_school()
    wanted = None if mentorship_ids is None else list(mentorship_ids)
    if register:
        same = same_document("order", number, day, wanted)
        if same is not None:
            with database.atomic():
                return _again(same, path, school, OrderParams(number, day, [], long_date),
                              DocumentResult(path, 0, 0))
        require_requisites(school)
    selection = collect_pairs(ORDER_STATUSES, wanted, day)
    _nonempty(selection, "приказ о закреплении наставнических пар")
    params = OrderParams(number, day, basis if basis is not None else basis_for(selection.pairs, school),
                         long_date)
    layout = order_layout(school, params, selection.pairs)
    result = DocumentResult(path, len(selection.pairs), selection.people_count, selection.skipped)
    if not register:
        write_layout(layout, path)
        return result
    ids = [p.id for p in selection.pairs]
    periods = {p.id: (p.start, p.end) for p in with_periods(selection.pairs, day)}
    with database.atomic():
        record = record_document("order", number, day, f"Приказ № {number} от {date_short(day)} "
                                 "«О закреплении наставнических пар (групп)»", path, ids, layout, basis=params.basis)
        DocumentMentorship.insert_many([{"document": record.id, "mentorship": i} for i in ids]).execute()
        planned = list(Mentorship.select().where(Mentorship.id.in_(ids) & (Mentorship.status == "planned")))
        for ship in planned:
            start_work(ship, day, planned_end=periods[ship.id][1], why=f"по приказу № {number}")
        activated = len(planned)
        (Mentorship.update(start_date=day)
         .where(Mentorship.id.in_(ids) & (Mentorship.status == "active") & Mentorship.start_date.is_null())
         .execute())
        log("create", "document", record.id, f"Зарегистрирован {record.title}; пар: {len(ids)}, "
            f"стали действующими: {activated}", {"pairs": ids, "file": str(path)})
        write_layout(layout, path)
    result.document_id, result.activated = record.id, activated
    return result


def registration_effect(number: str, day: dt.date, pairs: list[PairInfo]) -> tuple[bool, int]:
    """What saving the order with ``number`` would do: (already registered, pairs that would start)."""
    if find_registered("order", number.strip(), day) is not None:
        return True, 0
    return False, sum(1 for p in pairs if p.status == "planned")


def issue_reward_order(path: str | Path, *, number: str = "", day: dt.date | None = None,
                       mentorship_ids: Iterable[int] | None = None) -> DocumentResult:
    """«О поощрении участников наставнической деятельности» for mentors of active and completed pairs."""
    path = Path(path)
    check_format(path, ("pdf", "docx"))
    day = day or dt.date.today()
    number = number.strip()
    school = load_school()
    wanted = None if mentorship_ids is None else list(mentorship_ids)
    params = OrderParams(number, day, [])
    if number:
        same = same_document("reward_order", number, day, wanted)
        if same is not None:
            with database.atomic():
                return _again(same, path, school, params, DocumentResult(path, 0, 0), reward=True)
        require_requisites(school)
    selection = collect_pairs(THANKS_STATUSES, wanted, day)
    _nonempty(selection, "приказ о поощрении")
    layout = order_layout(school, params, selection.pairs, reward=True)
    result = DocumentResult(path, len(selection.pairs), len(mentors_of(selection.pairs)), selection.skipped)
    with database.atomic():
        record = record_document("reward_order", number or None, day,
                                 f"Приказ № {number or 'б/н'} от {date_short(day)} «О поощрении участников "
                                 "наставнической деятельности»", path, [p.id for p in selection.pairs],
                                 layout if number else None)
        write_layout(layout, path)
    result.document_id = record.id
    return result


def _record(kind: str, number: str | None, day: dt.date, title: str, path: Path, selection: Selection) -> int:
    return int(record_document(kind, number, day, title, path, [p.id for p in selection.pairs]).id)


def make_memos(path: str | Path, *, mentorship_ids: Iterable[int] | None = None,
               day: dt.date | None = None) -> DocumentResult:
    """A one-page memo for every mentee of the planned and active pairs (or ``mentorship_ids``)."""
    path = Path(path)
    check_format(path, ("pdf",))
    day = day or dt.date.today()
    selection = collect_pairs(ORDER_STATUSES, mentorship_ids, day)
    _nonempty(selection, "памятки наставляемым")
    with database.atomic():
        _, count = write_memos(load_school(), selection.pairs, path, day)
        doc_id = _record("memo", None, day, f"Памятки наставляемым ({count}) от {date_short(day)}", path, selection)
    return DocumentResult(path, len(selection.pairs), count, selection.skipped, doc_id)


def make_certificates(path: str | Path, *, mentorship_ids: Iterable[int] | None = None,
                      day: dt.date | None = None) -> DocumentResult:
    """A letter of thanks for each mentor of an active or completed pair (or of ``mentorship_ids``)."""
    path = Path(path)
    check_format(path, ("pdf",))
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
           params: OrderParams | None = None, stored: Document | None = None) -> Path:
    """Lay out a document of ``kind`` without touching the database (a preview, in a worker thread);
    ``stored`` is the registered text of an order (from :func:`registered_layout`), shown as it is."""
    path = Path(path)
    params = params or OrderParams()
    if stored is not None:
        return write_layout(stored, path)
    if kind in ("order", "reward_order"):
        return write_order_file(path, school, params, pairs, reward=kind == "reward_order")
    if kind == "memo":
        return write_memos(school, pairs, path, params.date)[0]
    if kind == "certificate":
        return write_letters(school, pairs, path, params.date)[0]
    raise CuratorError(f"Неизвестный вид документа: {kind}.")
