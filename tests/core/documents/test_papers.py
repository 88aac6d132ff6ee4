"""The year's papers on a school of ten built from scratch (issue 15): consent forms (the guardian's for a minor,
an employee's consent to mentoring), the marks «бланк выдан / подписан», personalised programmes and journals
with the pairs and meetings, the regulation, the launch order (names in the right case, registered, keeping its
text when a template changes), the templates, the register and the CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from docx import Document

from curator_app.banks import consent_problem, has_valid_consent
from curator_app.cli import main
from curator_app.db import close_database, open_database
from curator_app.documents import papers
from curator_app.documents.papers.templates import fill
from curator_app.documents.register import register_rows
from curator_app.errors import CuratorError
from tests.core.documents.small_school import ORDER_DAY, School, build
from tests.core.documents.test_documents import pdf_flat, poppler

DAY = ORDER_DAY


@pytest.fixture
def school(db: Path) -> School:
    return build()


def _pages(path: Path) -> list[str]:
    import subprocess

    from tests.core.documents.test_documents import flat

    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    return [flat(page) for page in text.split("\f") if page.strip()]


@poppler
def test_personal_data_consents_the_guardian_s_version_for_a_minor(school: School, tmp_path: Path) -> None:
    result = papers.make_consents(tmp_path / "pd.pdf", day=DAY)
    pages = _pages(result.path)
    assert result.items == len(pages) == 10
    sokolov = next(p for p in pages if "Соколова Максима Андреевича" in p)
    assert "СОГЛАСИЕ родителя (законного представителя) на обработку персональных данных несовершеннолетнего" \
        in sokolov
    assert "Я, Соколова Анна Викторовна" in sokolov and "обучающегося 6Б класса" in sokolov
    assert "свидетельства о рождении серия" in sokolov and "152-ФЗ" in sokolov
    assert "300000, г. Тула, ул. Советская, д. 5" in sokolov
    girl = next(p for p in pages if "Зайцевой Полины Сергеевны" in p)
    assert "несовершеннолетней Зайцевой Полины Сергеевны" in girl and "обработку её персональных данных" in girl
    teacher = next(p for p in pages if "Я, Лебедева Ирина Павловна" in p)
    assert "законного представителя" not in teacher and "паспорт серия" in teacher
    assert "Цели обработки: участие в программе наставничества" in teacher
    assert "до его отзыва" in teacher and "оформляется отдельно" in teacher  # term; dissemination apart


def test_missing_and_the_marks_issued_then_signed(school: School, tmp_path: Path) -> None:
    kovalev = school.people["kovalev"]
    result = papers.make_consents(tmp_path / "m.pdf", missing=True, day=DAY, mark_issued=True)
    assert result.items == 1 and result.activated == 1  # only Ковалёв has none; his card says «бланк выдан»
    assert consent_problem(kovalev, DAY) == "согласие не подписано"  # not valid: he is still not printed
    again = papers.make_consents(tmp_path / "m2.pdf", missing=True, day=DAY, mark_issued=True)
    assert again.activated == 0  # a form already out is not recorded twice
    assert papers.mark_consents([kovalev], "personal-data", "signed", DAY) == 1
    assert has_valid_consent(kovalev, DAY)
    with pytest.raises(CuratorError, match="у всех есть действующее согласие"):
        papers.make_consents(tmp_path / "none.pdf", missing=True, day=DAY)


@poppler
def test_mentoring_consent_names_the_mentees_form_and_period(school: School, tmp_path: Path) -> None:
    result = papers.make_consents(tmp_path / "mc.pdf", kind="mentoring", day=DAY)
    pages = _pages(result.path)
    assert result.items == 2  # the two teachers; the pupil and the partner are not employees
    frolov = next(p for p in pages if "Я, Фролов Игорь Семёнович" in p)
    assert "статьёй 351.8 Трудового кодекса" in frolov
    assert "в отношении Лебедевой Ирины Павловны, учителя физики в форме «учитель – учитель»" in frolov
    assert "на период с 25.09.2026 по 31.05.2027" in frolov and "от учителя физики Фролова И.С." in frolov
    fedorova = next(p for p in pages if "Я, Фёдорова Елена Павловна" in p)
    assert "Соколова Максима Андреевича (6Б)" in fedorova and "Беловой Киры Олеговны (6Б)" in fedorova


@poppler
def test_a_programme_per_pair_with_requests_goals_months_and_signatures(school: School, tmp_path: Path) -> None:
    result = papers.make_plans(tmp_path / "plans.pdf", day=DAY)
    assert result.pairs == 4
    text = pdf_flat(result.path)
    assert text.count("ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА") == 4
    assert text.count("СОГЛАСОВАНО Куратор наставничества") == 4 and "Л.И. Гончаренко" in text
    assert "Соколов М.А.: трудности с математикой" in text and "Белова К.О.: олимпиада по математике" in text
    assert "Освоить приёмы управления дисциплиной" in text and "01.12.2026" in text
    assert "сентябрь 2026" in text and "май 2027" in text
    assert "Разбор урока в 7А; Дисциплина на уроке: приёмы" in text and "проведено: 2" in text
    assert "Наставляемая" in text and "И.П. Лебедева" in text  # signature lines, in the mentee's gender
    assert "Родитель (законный представитель)" in text and "А.В. Соколова" in text  # a minor's guardian signs
    assert "молодой специалист (педагог) уверенно ведёт уроки" in text  # the teacher's expected results
    docx = papers.make_plans(tmp_path / "plans.docx", mentorship_ids=[school.pairs["young"]], day=DAY)
    doc = Document(str(docx.path))
    assert any("ПЕРСОНАЛИЗИРОВАННАЯ" in p.text for p in doc.paragraphs) and len(doc.tables) == 3


@poppler
def test_the_journal_lists_the_meetings_then_blank_rows(school: School, tmp_path: Path) -> None:
    result = papers.make_journals(tmp_path / "j.docx", mentorship_ids=[school.pairs["young"]], day=DAY)
    table = Document(str(result.path)).tables[0]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0][:4] == ["№", "Дата", "Тема встречи", "Форма"]
    assert rows[1][1:4] == ["02.10.2026", "Разбор урока в 7А", "очно"]
    assert rows[2][2] == "Дисциплина на уроке: приёмы" and rows[3][1] == ""
    assert len(rows) - 1 == 20  # the meetings, then blank rows to go on by hand
    pdf = papers.make_journals(tmp_path / "j.pdf", day=DAY)
    assert pdf_flat(pdf.path).count("ЖУРНАЛ НАСТАВНИКА") == 4


def test_the_regulation_is_filled_with_the_school(school: School, tmp_path: Path) -> None:
    result = papers.make_regulation(tmp_path / "reg.docx", day=DAY)
    text = "\n".join(p.text for p in Document(str(result.path)).paragraphs).replace("\xa0", " ")
    assert "ПОЛОЖЕНИЕ" in text and "о программе наставничества в МАОУ «Лицей № 5»" in text
    assert "Гончаренко Любовь Игоревна, заместитель директора по НМР" in text
    for form in ("«педагог – обучающийся»", "«учитель – учитель»", "«ученик – ученик»", "«работодатель – ученик»"):
        assert form in text, form
    assert "«студент – ученик»" not in text  # the forms this school uses
    assert "входной — до 20.12.2026, итоговый — до 20.05.2027" in text
    assert not re.search(r"\{[a-z_]+\}", text)  # every field filled


def test_the_launch_order_appoints_the_curator_and_keeps_its_text(school: School, tmp_path: Path) -> None:
    group = ["Фролов Игорь Семёнович, учитель физики"]
    first = papers.issue_launch_order(tmp_path / "lo.docx", number="1-од", day=DAY, group=group)
    doc = Document(str(first.path))
    text = "\n".join(p.text for p in doc.paragraphs).replace("\xa0", " ")
    assert "О внедрении целевой модели наставничества" in text
    assert ("Назначить куратором внедрения целевой модели наставничества Гончаренко Любовь Игоревну, "
            "заместителя директора по НМР.") in text
    assert "руководитель рабочей группы — Гончаренко Л.И., заместитель директора по НМР; члены рабочей группы: " \
           "Фролов И.С., учитель физики." in text
    assert "Утвердить Положение о программе наставничества в МАОУ «Лицей № 5» (приложение 1)" in text
    assert "входной — до 20.12.2026, итоговый — до 20.05.2027" in text and "Приложение 2" in text
    signers = [row.cells[1].text.replace("\xa0", " ") for row in doc.tables[0].rows[1:]]
    assert signers == ["Гончаренко Л.И.", "Фролов И.С."]
    assert first.document_id and register_rows(["launch_order"])[0].number == "1-од"
    # The school edits the template afterwards: the registered order stays as it was, a draft follows the edit.
    papers.save_template("launch_order", papers.template_text("launch_order").replace(
        "Внедрить в {short}", "Ввести в {short}"))
    again = papers.issue_launch_order(tmp_path / "lo2.docx", number="1-од", day=DAY)
    assert again.document_id == first.document_id
    assert [p.text for p in Document(str(again.path)).paragraphs] == [p.text for p in doc.paragraphs]
    draft = papers.issue_launch_order(tmp_path / "draft.docx", day=DAY)
    assert any("Ввести в МАОУ" in p.text for p in Document(str(draft.path)).paragraphs)
    assert draft.document_id is None


def test_templates_are_kept_reset_and_filled(db: Path) -> None:
    assert papers.template_text("regulation") == papers.default_text("regulation")
    papers.save_template("regulation", "# СВОЁ ПОЛОЖЕНИЕ\n{short}")
    assert papers.template_text("regulation").startswith("# СВОЁ ПОЛОЖЕНИЕ")
    papers.save_template("regulation", None)
    assert papers.template_text("regulation") == papers.default_text("regulation")
    assert fill("{short} и {нет_такого} {unknown}", {"short": "МАОУ"}) == "МАОУ и {нет_такого} {unknown}"


def test_every_paper_is_in_the_register(school: School, tmp_path: Path) -> None:
    papers.make_consents(tmp_path / "c.pdf", day=DAY)
    papers.make_plans(tmp_path / "p.pdf", day=DAY)
    papers.make_journals(tmp_path / "j.pdf", day=DAY)
    papers.make_regulation(tmp_path / "r.docx", day=DAY)
    kinds = {row.kind: row for row in register_rows()}
    assert {"consent", "plan", "journal", "regulation"} <= set(kinds)
    assert kinds["plan"].pairs == 4 and kinds["plan"].kind_label == "Персонализированные программы наставничества"


def test_cli_papers(school: School, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from curator_app.db import current_path

    path = current_path()
    close_database()
    db = str(path)
    try:
        assert main(["--db", db, "consents", "--out", str(tmp_path / "c.pdf"), "--missing", "--mark-issued",
                     "--date", DAY.isoformat()]) == 0
        assert json.loads(capsys.readouterr().out)["issued"] == 1
        assert main(["--db", db, "consents", "--mark-signed", "--person", str(school.people["kovalev"]),
                     "--date", DAY.isoformat()]) == 0
        assert json.loads(capsys.readouterr().out)["signed"] == 1
        assert main(["--db", db, "consents", "--out", str(tmp_path / "mc.pdf"), "--kind", "mentoring"]) == 0
        assert json.loads(capsys.readouterr().out)["items"] == 2
        assert main(["--db", db, "plans", "--out", str(tmp_path / "p.docx"), "--pair",
                     str(school.pairs["young"])]) == 0
        assert json.loads(capsys.readouterr().out)["pairs"] == 1
        assert main(["--db", db, "journal", "--out", str(tmp_path / "j.pdf")]) == 0
        assert main(["--db", db, "regulation", "--out", str(tmp_path / "r.docx")]) == 0
        capsys.readouterr()
        assert main(["--db", db, "launch-order", "--out", str(tmp_path / "l.pdf"), "--number", "7",
                     "--date", DAY.isoformat()]) == 0
        assert json.loads(capsys.readouterr().out)["registered"]
        assert main(["--db", db, "template"]) == 0
        assert {t["name"] for t in json.loads(capsys.readouterr().out)} >= {"regulation", "launch_order"}
        assert main(["--db", db, "template", "programme"]) == 0
        assert capsys.readouterr().out.startswith("# ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА")
        assert main(["--db", db, "consents", "--kind", "mentoring"]) == 1
        assert "--out" in capsys.readouterr().err
    finally:
        open_database(path)
