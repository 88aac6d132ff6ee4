"""The analytic report and the blank questionnaires as a secretary reads them: the report's own date and the
curator's conclusions (never blank lines), a full SWOT, the district's counts, numerals that agree, one
decimal format; blanks in Russian, in the right gender, named on every sheet, with a line for «другое» and
the items the target model's questionnaires measure."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from curator_app.cli import main
from curator_app.db import close_database, open_database
from curator_app.lang.fmt import date_long
from curator_app.models import Questionnaire
from curator_app.monitoring import analyse, build_blanks, build_report, latest_wave
from curator_app.monitoring.findings import findings
from curator_app.monitoring.indicators import indicators
from tests.conftest import DEMO_DAY

poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="нет pdftotext (poppler-utils)")


def _text(path: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    raw = subprocess.run(["pdftotext", *pages, str(path), "-"], capture_output=True, text=True).stdout
    return " ".join(re.sub(r"([а-яё])-\s*\n\s*([а-яё])", r"\1\2", raw.replace("\xa0", " ")).split())


def _pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]


@poppler
def test_report_takes_its_date_and_the_curator_s_conclusions(demo_db: Path, tmp_path: Path) -> None:
    wave = latest_wave(with_responses=True)
    assert wave is not None
    day = DEMO_DAY.replace(day=25)
    out = build_report(analyse(wave.id), tmp_path / "r.pdf", day=day,
                       conclusions="Программа работает устойчиво.\nУсилить групповые встречи.")
    text = _text(out)
    assert date_long(day) in text
    assert "Программа работает устойчиво. Усилить групповые встречи." in text
    assert "____" not in text.split("Выводы и предложения")[1].split("Заместитель директора")[0]
    drafted = _text(build_report(analyse(wave.id), tmp_path / "d.pdf", day=day))
    conclusions = drafted.split("Выводы и предложения")[1]
    assert "Программа наставничества реализуется: работают" in conclusions
    assert "____" not in conclusions.split("Заместитель директора")[0]  # no blank lines to fill by hand
    for heading in ("Сильные стороны", "Слабые стороны", "Возможности", "Угрозы",
                    "Наставнические пары и наставники", "Наставники по категориям", "Прошли обучение",
                    "Молодые специалисты (стаж до 3 лет)"):
        assert heading in drafted, heading
    assert not re.search(r"\b\d+,\d\d\b", drafted)  # one decimal everywhere
    for number, word in re.findall(r"(\d+) (разн\w+ ответ\w*)", drafted):
        n = int(number)
        expected = ("разный ответ" if n % 10 == 1 and n % 100 != 11 else "разных ответа"
                    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else "разных ответов")
        assert word == expected
    raw = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True).stdout
    assert not re.search(r"^\s*%", raw, re.M)  # «%» never starts a line away from its number


def test_findings_have_all_four_parts(demo_db: Path) -> None:
    wave = latest_wave(with_responses=True)
    assert wave is not None
    counts = indicators(DEMO_DAY)
    found = findings(analyse(wave.id), counts=counts)
    assert found.strengths and found.weaknesses and found.opportunities and found.threats
    assert counts.working_pairs == sum(f.pairs + f.groups for f in counts.forms) > 0
    assert counts.mentors_total >= counts.mentors_trained > 0
    assert 0 < counts.young_with_mentor <= counts.young_total
    assert any("стать наставниками" in line for line in found.opportunities)


def test_report_cli_date_and_conclusions_file(demo_db: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    close_database()
    conclusions = tmp_path / "выводы.txt"
    conclusions.write_text("Выводы куратора из файла.", encoding="utf-8")
    try:
        assert main(["--db", str(demo_db), "report", "--out", str(tmp_path / "r.pdf"), "--date", "2026-12-21",
                     "--conclusions-file", str(conclusions)]) == 0
        out = json.loads(capsys.readouterr().out)
        assert out["date"] == "2026-12-21"
        if shutil.which("pdftotext"):
            text = _text(tmp_path / "r.pdf")
            assert "21 декабря 2026 г." in text and "Выводы куратора из файла." in text
        assert main(["--db", str(demo_db), "report", "--out", str(tmp_path / "x.pdf"), "--date", "21.12.2026"]) == 1
        assert "ГГГГ-ММ-ДД" in capsys.readouterr().err
    finally:
        open_database(demo_db)


@poppler
def test_blanks_are_russian_agree_in_gender_and_name_every_sheet(demo_db: Path, tmp_path: Path) -> None:
    from curator_app.monitoring import roster

    wave = latest_wave(with_responses=True)
    assert wave is not None
    count = build_blanks(tmp_path / "b.pdf", wave.id)
    people = roster(wave.id)
    assert count == len(people)
    whole = _text(tmp_path / "b.pdf")
    assert "mentor" not in whole and "версия 1" in whole
    assert "— наставляемая," in whole and "— наставляемый," in whole
    assert "другое: ____" in whole
    first = people[0].name
    pages = _pages(tmp_path / "b.pdf")
    assert pages > count  # a questionnaire takes more than one sheet …
    for page in (1, 2):  # … and every sheet says whose it is
        assert f"{first} · " in _text(tmp_path / "b.pdf", page) and f"лист {page}" in _text(tmp_path / "b.pdf", page)


def test_templates_measure_what_the_target_model_asks() -> None:
    from curator_app.db.reference import builtin_templates

    templates = {t["code"]: t for t in builtin_templates()}
    codes = {code: {q["code"] for q in t["questions"]} for code, t in templates.items()}
    assert {"safety", "satisfaction", "become_mentor"} <= codes["mentee"]
    assert {"safety", "satisfaction", "become_mentor", "growth_here"} <= codes["mentee_teacher"]
    assert "satisfaction" in codes["mentor"] and "satisfaction" in codes["mentor_teacher"]
    assert templates["mentor_teacher"]["title"].upper() == "АНКЕТА ПЕДАГОГА-НАСТАВНИКА"
    growth = next(q for q in templates["mentee_teacher"]["questions"] if q["code"] == "growth_here")
    assert "развитие в этой образовательной организации" in growth["text"] and "5 лет" in growth["text"]


def test_the_teacher_mentor_questionnaire_title(db: Path) -> None:
    from curator_app.monitoring import current_questionnaires

    titles = {q.code: q.title for q in current_questionnaires()}
    assert titles["mentor_teacher"] == "Анкета педагога-наставника"
    assert Questionnaire.select().count() == 5
