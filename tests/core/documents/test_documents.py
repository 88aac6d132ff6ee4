"""Documents on the demo school: the order (PDF and DOCX) with registration, consent, memos, letters,
the reward order, and the CLI commands. The PDFs are read back with poppler's pdftotext/pdffonts."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from curator_app.cli import main
from curator_app.db import close_database, open_database
from curator_app.documents import ops as documents
from curator_app.documents.data import collect_pairs
from curator_app.documents.register import register_rows
from curator_app.errors import CuratorError
from curator_app.models import AuditLog, Consent, DocumentMentorship, IssuedDocument, Mentorship
from curator_app.pairs import changes
from curator_app.pairs import life as mentorships
from tests.conftest import DEMO_DAY

TODAY = DEMO_DAY
poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="нет pdftotext (poppler-utils)")


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout


def flat(text: str) -> str:
    """Text as a reader reads it: words hyphenated at a line end joined, non-breaking spaces as spaces."""
    text = re.sub(r"([а-яё])-\s*\n\s*([а-яё])", r"\1\2", text.replace("\xa0", " "))
    return " ".join(text.split())


def pdf_flat(path: Path) -> str:
    return flat(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout)


def pdf_pages(path: Path) -> tuple[int, str]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    return int(fields["Pages"]), fields["Page size"].strip()


def assert_fonts_embedded(path: Path) -> None:
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts
    assert not any("Helvetica" in line for line in fonts)


@poppler
def test_order_pdf_registers_and_activates_pairs(demo_db: Path, tmp_path: Path) -> None:
    planned = {m.id for m in Mentorship.select().where(Mentorship.status == "planned")}
    result = documents.issue_order(tmp_path / "приказ.pdf", number="470-п", day=TODAY)
    assert result.document_id and result.pairs > 10 and result.activated > 0
    text = pdf_flat(result.path)
    for expected in ("ПРИКАЗ", "№ 470-п", "г. Калуга", "О закреплении наставнических пар (групп)",
                     "В соответствии со статьёй 351.8 Трудового кодекса Российской Федерации",
                     "№ 1264-р «Об утверждении Концепции развития наставничества", "ПРИКАЗЫВАЮ:",
                     "с письменного согласия их участников",
                     "Куратору наставничества Васильевой Н.А., заместителю директора по УВР, обеспечить сопровождение",
                     "Контроль за исполнением настоящего приказа оставляю за собой", "О.В. Смирнова",
                     "Список наставнических пар (групп)", "С приказом ознакомлены", TODAY.strftime("%d.%m.%Y")):
        assert expected in text, expected
    assert "Назначить куратором" not in text  # the launch order appoints the curator, not every pairs order
    assert_fonts_embedded(result.path)
    record = IssuedDocument.get_by_id(result.document_id)
    assert (record.kind, record.number, record.date) == ("order", "470-п", TODAY)
    linked = {link.mentorship_id for link in DocumentMentorship.select().where(DocumentMentorship.document == record)}
    assert len(linked) == result.pairs
    for ship in Mentorship.select().where(Mentorship.id.in_(list(linked))):
        assert ship.status == "active" and ship.start_date is not None
        if ship.id in planned:
            assert ship.start_date == TODAY and ship.planned_end_date is not None
            assert all(m.joined_on == TODAY for m in ship.members if m.left_on is None)
            history = [h.summary for h in changes(ship.id)]  # the pair's own history names the order
            assert any("по приказу № 470-п" in line for line in history), history
    assert AuditLog.select().where((AuditLog.entity == "document") & (AuditLog.entity_id == record.id)).exists()


def test_order_docx_has_the_same_content(demo_db: Path, tmp_path: Path) -> None:
    result = documents.issue_order(tmp_path / "приказ.docx", number="7", day=TODAY)
    doc = Document(str(result.path))
    text = "\n".join(p.text for p in doc.paragraphs).replace("\xa0", " ")
    assert "ПРИКАЗ" in text and "ПРИКАЗЫВАЮ:" in text and "№ 7" in text
    assert "Куратору наставничества Васильевой Н.А." in text and "О.В. Смирнова" in text
    appendix, acquaintance = doc.tables
    assert len(appendix.rows) == result.pairs + 1
    assert [c.text for c in appendix.rows[0].cells][:3] == ["№", "Наставник", "Наставляемый (-ая, -ые)"]
    staff = {p.id for p in collect_pairs(day=TODAY).pairs for p in [p.mentor, *p.mentees] if p.is_staff}
    assert len(acquaintance.rows) == len(staff) + 2  # header, the curator, every employee the order names
    assert doc.settings.element.find(qn("w:autoHyphenation")) is not None
    section = doc.sections[0]
    assert (round(section.left_margin.mm), round(section.right_margin.mm), round(section.top_margin.mm),
            round(section.bottom_margin.mm)) == (20, 10, 20, 20)
    assert section.different_first_page_header_footer  # page numbers from page 2
    again = documents.issue_order(tmp_path / "long.docx", day=TODAY, long_date=True)
    from curator_app.lang.fmt import date_long

    assert f"{date_long(TODAY)}\t№\xa0________" in [p.text for p in Document(str(again.path)).paragraphs]


@poppler
def test_people_without_consent_are_not_printed(demo_db: Path, tmp_path: Path) -> None:
    ship = Mentorship.select().where(Mentorship.status == "planned").first()
    mentor = ship.mentor
    Consent.update(withdrawn_on=TODAY - dt.timedelta(days=1)).where(Consent.person == mentor).execute()
    result = documents.issue_order(tmp_path / "o.pdf", number="1", day=TODAY)
    assert mentor.last_name + " " + mentor.first_name not in pdf_flat(result.path)
    assert any(mentor.full_name in line for line in result.skipped)
    assert Mentorship.get_by_id(ship.id).status == "planned"  # not in the order, not activated
    with pytest.raises(CuratorError, match="согласия"):
        documents.issue_order(tmp_path / "one.pdf", number="2", day=TODAY, mentorship_ids=[ship.id])


def test_a_failed_write_leaves_the_database_as_it_was(demo_db: Path, tmp_path: Path) -> None:
    before = {m.id: (m.status, m.start_date) for m in Mentorship.select()}
    with pytest.raises(CuratorError, match="не найдена"):
        documents.issue_order(tmp_path / "нет такой папки" / "o.pdf", number="3", day=TODAY)
    assert not IssuedDocument.select().exists()
    assert {m.id: (m.status, m.start_date) for m in Mentorship.select()} == before


def test_number_format_and_draft(demo_db: Path, tmp_path: Path) -> None:
    first = documents.issue_order(tmp_path / "a.pdf", number="5-п", day=TODAY)
    some = IssuedDocument.get_by_id(first.document_id).params["pairs"][:2]
    with pytest.raises(CuratorError, match="уже зарегистрирован"):  # the same number, other pairs
        documents.issue_order(tmp_path / "b.pdf", number="5-п", day=TODAY, mentorship_ids=some)
    with pytest.raises(CuratorError, match=r"\.pdf или \.docx"):
        documents.issue_order(tmp_path / "c.odt", number="6", day=TODAY)
    draft = documents.issue_order(tmp_path / "draft.pdf", day=TODAY)  # no number: a draft, not registered
    assert draft.document_id is None and IssuedDocument.select().count() == 1


@poppler
def test_memos_one_page_per_mentee(demo_db: Path, tmp_path: Path) -> None:
    result = documents.make_memos(tmp_path / "памятки.pdf")
    pages, size = pdf_pages(result.path)
    assert pages == result.items and result.items >= result.pairs
    text = pdf_text(result.path)
    assert text.count("ПАМЯТКА НАСТАВЛЯЕМО") == pages
    assert "Ваш наставник" in text and "Васильева Наталья Андреевна" in text and "Несколько правил" in text
    assert size.startswith("595")  # portrait A4
    assert_fonts_embedded(result.path)


@poppler
def test_letters_of_thanks_landscape_in_the_dative(demo_db: Path, tmp_path: Path) -> None:
    result = documents.make_certificates(tmp_path / "письма.pdf", day=TODAY)
    pages, size = pdf_pages(result.path)
    assert pages == result.items > 0 and size.startswith("841")  # landscape A4
    text = pdf_flat(result.path)
    assert text.count("БЛАГОДАРСТВЕННОЕ ПИСЬМО") + text.count("ГРАМОТА") == pages and "О.В. Смирнова" in text
    ship = (Mentorship.select().where(Mentorship.status.in_(["active", "completed"])).order_by(Mentorship.id).first())
    from curator_app.lang.declension import decline

    mentor = ship.mentor
    case = "acc" if mentor.category == "pupil" else "dat"  # a pupil mentor is awarded a diploma
    assert decline(mentor.last_name, mentor.first_name, mentor.middle_name, case, mentor.gender) in text
    assert_fonts_embedded(result.path)


def test_reward_order_docx(demo_db: Path, tmp_path: Path) -> None:
    result = documents.issue_reward_order(tmp_path / "поощрение.docx", number="90-п", day=TODAY)
    doc = Document(str(result.path))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "О поощрении участников наставнической деятельности" in text and "Объявить благодарность" in text
    assert "1.1. " in text and IssuedDocument.get_by_id(result.document_id).kind == "reward_order"
    rows = register_rows()
    assert rows[0].number == "90-п" and rows[0].kind_label == "Приказ о поощрении"


def test_cli_commands(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    close_database()
    db = str(demo_db)
    assert main(["--db", db, "order", "--out", str(tmp_path / "o.docx"), "--number", "11-п",
                 "--date", TODAY.isoformat()]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["registered"] and out["pairs"] > 0 and Path(out["file"]).exists()
    assert main(["--db", db, "memos", "--out", str(tmp_path / "m.pdf")]) == 0
    assert json.loads(capsys.readouterr().out)["items"] > 0
    assert main(["--db", db, "certificates", "--out", str(tmp_path / "l.pdf"), "--reward-order",
                 str(tmp_path / "r.pdf"), "--number", "12-п"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["items"] > 0 and out["reward_order"]["document_id"]
    assert main(["--db", db, "documents"]) == 0
    assert [r["kind"] for r in json.loads(capsys.readouterr().out)].count("order") == 1
    assert main(["--db", db, "order", "--out", str(tmp_path / "x.pdf"), "--date", "01.09.2026"]) == 1
    assert capsys.readouterr().err.strip() == ("Ошибка: Дата «01.09.2026» указана неверно: нужен вид ГГГГ-ММ-ДД, "
                                              "например 2026-09-01.")
    open_database(demo_db)


def test_the_same_order_saved_again_in_docx(demo_db: Path, tmp_path: Path) -> None:
    first = documents.issue_order(tmp_path / "o.pdf", number="9-п", day=TODAY)
    again = documents.issue_order(tmp_path / "o.docx", number="9-п", day=TODAY)
    assert again.document_id == first.document_id and again.activated == 0 and again.path.exists()
    record = IssuedDocument.get_by_id(first.document_id)
    assert [Path(f).suffix for f in record.params["files"]] == [".pdf", ".docx"]
    assert IssuedDocument.select().count() == 1


def test_render_needs_no_database(demo_db: Path, tmp_path: Path) -> None:
    from curator_app.documents.data import collect_pairs
    from curator_app.settings import load_school

    pairs, school = collect_pairs().pairs[:3], load_school()
    close_database()
    try:
        for kind in ("order", "reward_order", "memo", "certificate"):
            assert documents.render(kind, tmp_path / f"{kind}.pdf", school, pairs).stat().st_size > 1000
    finally:
        open_database(demo_db)


def test_registering_needs_the_school_requisites(demo_db: Path, tmp_path: Path) -> None:
    from curator_app.settings import update_school

    update_school(director_name="", city="")
    with pytest.raises(CuratorError, match="Не заполнены реквизиты школы: город, ФИО директора"):
        documents.issue_order(tmp_path / "o.pdf", number="1", day=TODAY)
    assert documents.issue_order(tmp_path / "draft.pdf", day=TODAY).document_id is None  # a draft is fine


def test_pairs_of_another_status_are_named_not_printed(demo_db: Path, tmp_path: Path) -> None:
    ended, active = Mentorship.select().where(Mentorship.status == "active").limit(2)
    mentorships.end_early(ended.id, TODAY, "переезд в другой город")
    result = documents.issue_order(tmp_path / "o.pdf", day=TODAY, mentorship_ids=[ended.id, active.id])
    assert result.pairs == 1
    assert any(f"пара № {ended.id}: статус «Прекращена досрочно»" in line for line in result.skipped)
