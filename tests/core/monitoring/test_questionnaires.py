"""Templates and versions, answers' validation, the import from Excel/CSV, blanks, the report and the table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from curator_app.cli import main
from curator_app.errors import CuratorError
from curator_app.models import Answer, Question, Questionnaire, Response, SurveyWave, WaveQuestionnaire
from curator_app.monitoring import (
    analyse,
    build_blanks,
    build_report,
    create_wave,
    import_answers,
    roster,
    waves,
)
from curator_app.monitoring.questionnaires import (
    AnswerValue,
    current_questionnaires,
    questions_of,
    save_new_version,
    save_response,
    template_dict,
)
from curator_app.monitoring.report_xlsx import INDICATOR_SHEET, ITEM_SHEET, build_table
from tests.core.monitoring import test_analytics as tiny
from tests.core.monitoring.test_analytics import School

school = tiny.school  # the tiny school's fixtures
answered = tiny.answered


def test_new_database_has_the_shipped_templates(db: Path) -> None:
    codes = [q.code for q in current_questionnaires()]
    assert codes == ["mentee", "mentee_teacher", "mentor", "mentor_teacher", "curator"]
    kinds = {q.kind for q in Question.select()}
    assert kinds == {"yes_no", "scale", "single", "multi", "number", "text"}


def test_bad_answer_writes_nothing(school: School) -> None:
    s = school
    with pytest.raises(CuratorError, match="от 1 до 10"):
        save_response(s.final, s.mentee_q, s.people["a"], "mentee", {s.q["q1"]: AnswerValue(11)})
    with pytest.raises(CuratorError, match="номер варианта"):
        save_response(s.final, s.mentee_q, s.people["a"], "mentee", {s.q["freq"]: AnswerValue(5)})
    assert Response.select().count() == 0 and Answer.select().count() == 0


def test_editing_a_template_makes_a_version_and_answers_keep_theirs(demo_db: Path) -> None:
    entry = next(w for w in waves() if w.kind == "entry")
    old = Questionnaire.get(Questionnaire.code == "mentee", Questionnaire.is_current)
    answered_before = Response.select().where(Response.questionnaire == old.id).count()
    fresh = create_wave("Дополнительная", "custom", questionnaire_ids=[old.id])
    template = template_dict(old)
    template["questions"][2]["text"] = "Насколько полезна программа (новая формулировка)?"
    template["questions"].append({"code": "new_item", "kind": "scale", "text": "Новый вопрос"})
    new = save_new_version("mentee", template)
    assert (new.version, new.previous_id) == (2, old.id)
    assert not Questionnaire.get_by_id(old.id).is_current
    assert Response.select().where(Response.questionnaire == old.id).count() == answered_before
    assert len(questions_of(new.id)) == len(questions_of(old.id)) + 1
    # the wave with answers keeps version 1; the wave without answers moves to version 2
    assert WaveQuestionnaire.get(WaveQuestionnaire.wave == entry.id, WaveQuestionnaire.questionnaire == old.id)
    assert WaveQuestionnaire.get(WaveQuestionnaire.wave == fresh.id).questionnaire_id == new.id


def _sheet(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_import_is_all_or_nothing_and_names_row_and_column(school: School, tmp_path: Path) -> None:
    header = ["Отметка времени", "ФИО", "Вопрос q1", "Вопрос q2", "3. Вопрос yn", "Вопрос freq", "Вопрос help"]
    rows = [header,
            ["01.12.2026", "Белов Иван Сергеевич", 7, "8", "да", "иногда", "учёба, проекты"],
            ["01.12.2026", "Белова Мария", 12, 5, "может быть", "часто", ""],
            ["01.12.2026", "Петров Пётр Петрович", 5, 5, "нет", "часто", ""]]
    path = _sheet(tmp_path / "answers.xlsx", rows)
    with pytest.raises(CuratorError) as error:
        import_answers(path, school.entry)
    text = str(error.value)
    assert "Строка 3, столбец «Вопрос q1»: целое число от 1 до 10" in text
    assert "Строка 3, столбец «3. Вопрос yn»" in text
    assert "Строка 4: «Петров Пётр Петрович» нет среди участников" in text
    assert Response.select().count() == 0

    report = import_answers(path, school.entry, skip_invalid=True, day=dt.date(2026, 12, 1))
    assert (report.imported, report.skipped) == (1, 2)
    response = Response.get()
    values = {a.question_id: (a.number, a.text) for a in response.answers}
    assert values[school.q["q1"]] == (7, None) and values[school.q["yn"]] == (1, None)
    assert values[school.q["freq"]] == (1, None) and values[school.q["help"]] == (None, "[0, 1]")


def test_import_csv_with_semicolons_and_separate_name_columns(school: School, tmp_path: Path) -> None:
    path = tmp_path / "form.csv"
    path.write_text("Фамилия;Имя;Отчество;q1;q2\nСедых;Кира;Олеговна;9;10\nБелов;Иван;;4;6\n", encoding="cp1251")
    report = import_answers(path, school.entry)
    assert (report.imported, report.replaced, report.errors) == (2, 0, [])
    again = import_answers(path, school.entry)
    assert (again.imported, again.replaced) == (0, 2)
    assert Response.select().count() == 2


def test_report_pdf_xlsx_and_blanks_on_the_demo(demo_db: Path, tmp_path: Path) -> None:
    final = next(w for w in waves() if w.kind == "final")
    analytics = analyse(final.id)
    assert analytics.change is not None and analytics.answered > 0
    pdf = build_report(analytics, tmp_path / "справка.pdf")
    assert pdf.read_bytes()[:5] == b"%PDF-"
    xlsx = build_table(analytics, tmp_path / "мониторинг.xlsx")
    book = load_workbook(xlsx)
    assert book.sheetnames == [INDICATOR_SHEET, ITEM_SHEET]
    indicators = {row[0]: row[1] for row in book[INDICATOR_SHEET].iter_rows(min_row=2, values_only=True)}
    assert indicators["Заполнено анкет"] == analytics.answered
    assert indicators["Доля ответивших"] == pytest.approx(round(analytics.rate or 0, 4))
    items = list(book[ITEM_SHEET].iter_rows(min_row=2, values_only=True))
    assert len(items) == len(analytics.items)
    count = build_blanks(tmp_path / "анкеты.pdf", final.id)
    assert count == len(roster(final.id))
    assert build_blanks(tmp_path / "пустые.pdf") == 5


def test_demo_has_an_entry_and_a_final_wave_with_growth(demo_db: Path) -> None:
    kinds = sorted(w.kind for w in SurveyWave.select())
    assert kinds == ["entry", "final"]
    final = next(w for w in waves() if w.kind == "final")
    change = analyse(final.id).change
    assert change is not None and (change.mean_diff or 0) > 0.3
    assert Response.select().where(Response.source == "demo").count() > 50


def test_cli_report_blank_import(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from curator_app.db import close_database

    close_database()
    db = str(demo_db)
    assert main(["--db", db, "report", "--out", str(tmp_path / "r.pdf")]) == 0
    assert main(["--db", db, "report", "--out", str(tmp_path / "r.xlsx"), "--wave", "1"]) == 0
    assert main(["--db", db, "survey", "blank", "--out", str(tmp_path / "b.pdf"), "--wave", "2"]) == 0
    bad = _sheet(tmp_path / "bad.xlsx", [["ФИО", "effectiveness"], ["Никто Никого", 5]])
    capsys.readouterr()
    assert main(["--db", db, "survey", "import", str(bad), "--wave", "1"]) == 1
    assert "Строка 2" in capsys.readouterr().err
    assert main(["--db", db, "report", "--out", str(tmp_path / "r.txt")]) == 1
    assert (tmp_path / "r.pdf").exists() and (tmp_path / "r.xlsx").exists() and (tmp_path / "b.pdf").exists()
    from curator_app.db import open_database

    open_database(demo_db)  # the fixture closes it


def test_the_years_two_waves_at_once(db: Path) -> None:
    from curator_app.monitoring.waves import create_year_waves, waves

    made = create_year_waves("2026-2027")
    assert [(w.kind, w.title, w.due_date) for w in made] == [
        ("entry", "Входное анкетирование 2026-2027", dt.date(2026, 12, 20)),
        ("final", "Итоговое анкетирование 2026-2027", dt.date(2027, 5, 20))]
    assert create_year_waves("2026-2027") == [] and len(waves()) == 2  # not twice
