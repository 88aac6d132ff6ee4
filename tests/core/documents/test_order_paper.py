"""The order fixing the pairs as a director signs it: who signs it, its basis, its points with deadlines
and the one responsible, one start date per pair, the appendix, and a registered order that stays one
document (issue 14)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from docx import Document

from curator_app.documents import ops as documents
from curator_app.documents.data import collect_pairs
from curator_app.documents.register import registered_layout
from curator_app.lang.fmt import date_short
from curator_app.models import AuditLog, Mentorship
from curator_app.pairs import life
from curator_app.settings import update_school
from tests.conftest import DEMO_DAY
from tests.core.documents.test_documents import pdf_flat, poppler

TODAY = DEMO_DAY


def _docx_text(path: Path) -> str:
    doc = Document(str(path))
    return "\n".join(p.text for p in doc.paragraphs).replace("\xa0", " ")


def test_the_signoff_list_names_employees_only(demo_db: Path, tmp_path: Path) -> None:
    result = documents.issue_order(tmp_path / "o.docx", day=TODAY)
    appendix, signoff = Document(str(result.path)).tables
    rows = [[c.text.replace("\xa0", " ") for c in row.cells] for row in signoff.rows[1:]]
    pairs = collect_pairs(day=TODAY).pairs
    people = {p.id: p for pair in pairs for p in [pair.mentor, *pair.mentees]}
    pupils = {p.name.short for p in people.values() if p.category == "pupil"}
    staff = {p.name.short: p for p in people.values() if p.is_staff}
    assert rows[0][1] == "Васильева Н.А." and rows[0][2] == "заместитель директора по УВР, куратор"
    names = [row[1] for row in rows[1:]]
    assert names and not set(names) & pupils  # no pupil signs an order
    assert set(names) == set(staff)
    assert len(rows) < len(people) / 2  # not every participant, as before (316 lines)
    for _, name, role, *_ in rows[1:]:
        person = staff[name]
        mentee = any(person in pair.mentees for pair in pairs)
        if mentee and person.name.gender == "f":
            assert role.endswith("наставляемая"), role
        elif mentee:
            assert role.endswith("наставляемый"), role
        assert role.startswith(person.position)
    assert names[:5] == sorted(names[:5], key=lambda n: n.replace("ё", "е").replace("Ё", "Е"))


def test_basis_cites_the_labour_code_and_the_concept_and_is_kept_in_settings(demo_db: Path, tmp_path: Path) -> None:
    pairs = collect_pairs(day=TODAY).pairs
    basis = documents.basis_for(pairs)
    assert basis[0] == "статьёй 351.8 Трудового кодекса Российской Федерации"
    assert any("№ 1264-р" in act and "до 2030 года" in act for act in basis)
    assert any("АЗ-1128/08" in act for act in basis)  # the demo has teacher–teacher pairs
    documents.save_basis(["Уставом школы", "Положением о программе наставничества"])
    text = _docx_text(documents.issue_order(tmp_path / "a.docx", day=TODAY).path)
    assert "В соответствии с Уставом школы и Положением о программе наставничества, в целях" in text
    documents.save_basis(None)
    assert documents.basis_for(pairs) == basis


@poppler
def test_points_are_tasks_with_a_deadline_and_the_one_responsible(demo_db: Path, tmp_path: Path) -> None:
    text = pdf_flat(documents.issue_order(tmp_path / "o.pdf", day=TODAY).path)
    body = text.split("ПРИКАЗЫВАЮ:")[1].split("Директор")[0]
    points = re.split(r"\s(?=\d\. [А-ЯЁ])", " " + body.strip())
    points = [p for p in points if p.strip()]
    assert len(points) == 5
    for point in points[:-1]:
        assert "срок" in point.lower() and "Ответственн" in point, point
    assert "Утвердить индивидуальные планы" not in text  # plans that do not exist yet are not approved
    due = date_short(TODAY + dt.timedelta(days=14))
    assert ("Наставникам, указанным в приложении, разработать совместно с наставляемыми персонализированные "
            f"программы наставничества (индивидуальные планы) и представить их куратору наставничества на "
            f"согласование. Срок: до {due}. Ответственные: наставники.") in text
    assert "входной — до 20.12.2026, итоговый — до 20.05.2027" in text
    assert points[-1].strip() == "5. Контроль за исполнением настоящего приказа оставляю за собой."


def test_one_start_date_per_pair_in_the_text_the_appendix_and_the_card(demo_db: Path, tmp_path: Path) -> None:
    draft = Document(str(documents.issue_order(tmp_path / "draft.docx", day=TODAY).path))
    periods = {}
    for row in draft.tables[0].rows[1:]:
        cells = [c.text.replace("\xa0", " ") for c in row.cells]
        mentor = cells[1].split(",")[0]
        periods[mentor] = cells[4]
    starts = {re.match(r"(\d\d\.\d\d\.\d{4})", p).group(1) for p in periods.values()}  # type: ignore[union-attr]
    assert len(starts) > 1 and date_short(TODAY) in starts
    assert "на сроки, указанные в приложении" in _docx_text(tmp_path / "draft.docx")
    registered = documents.issue_order(tmp_path / "o.docx", number="12-п", day=TODAY)
    for ship in Mentorship.select().where(Mentorship.id.in_(
            [p.id for p in collect_pairs(day=TODAY).pairs])):
        mentor = ship.mentor.full_name
        if mentor in periods:
            assert periods[mentor] == f"{date_short(ship.start_date)} – {date_short(ship.planned_end_date)}"
    after = Document(str(registered.path)).tables[0]
    assert [c.text for c in after.columns[4].cells] == [c.text for c in draft.tables[0].columns[4].cells]


def test_the_appendix_shows_the_form_and_the_role_model(demo_db: Path, tmp_path: Path) -> None:
    table = Document(str(documents.issue_order(tmp_path / "o.docx", day=TODAY).path)).tables[0]
    assert table.rows[0].cells[3].text == "Форма, ролевая модель"
    forms = [row.cells[3].text.replace("\xa0", " ") for row in table.rows[1:]]
    assert any("(успевающий – неуспевающий)" in f for f in forms)
    assert any("(опытный педагог – молодой специалист)" in f for f in forms)


@poppler
def test_a_registered_order_is_one_document(demo_db: Path, tmp_path: Path) -> None:
    first = documents.issue_order(tmp_path / "first.pdf", number="21-п", day=TODAY)
    started = AuditLog.select().where(AuditLog.summary.contains("по приказу № 21-п")).count()
    assert first.activated == started > 0
    # Then the world changes: the school is renamed, a pair ends, the basis is edited.
    update_school(short_name="МАОУ «Лицей № 5»")
    ship = Mentorship.select().where(Mentorship.status == "active").first()
    life.end_early(ship.id, TODAY, "переезд")
    documents.save_basis(["Уставом школы"])
    assert documents.registration_effect("21-п", TODAY, []) == (True, 0)  # nothing to confirm, nothing starts
    again = documents.issue_order(tmp_path / "again.pdf", number="21-п", day=TODAY)
    assert again.document_id == first.document_id and again.activated == 0
    assert again.path.read_bytes() == first.path.read_bytes()  # the same document, byte for byte
    docx = documents.issue_order(tmp_path / "again.docx", number="21-п", day=TODAY)
    text = _docx_text(docx.path)
    assert "МБОУ «СОШ № 17»" in text and "Лицей" not in text and "Уставом школы" not in text
    assert AuditLog.select().where(AuditLog.summary.contains("по приказу № 21-п")).count() == started
    layout = registered_layout("order", "21-п", TODAY)
    assert layout is not None and layout.title.startswith("Приказ № 21-п")


def test_the_same_number_for_other_pairs_is_refused(demo_db: Path, tmp_path: Path) -> None:
    from curator_app.errors import CuratorError

    documents.issue_order(tmp_path / "a.pdf", number="30-п", day=TODAY)
    some = [p.id for p in collect_pairs(day=TODAY).pairs][:2]
    with pytest.raises(CuratorError, match="уже зарегистрирован"):
        documents.issue_order(tmp_path / "b.pdf", number="30-п", day=TODAY, mentorship_ids=some)
