"""The district's analytic report: its sections page by page, a bar per school, embedded Cyrillic fonts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from curator_app.cli import main
from curator_app.district import build_district_report, read_school_table
from curator_app.district.charts import PER_CHART
from curator_app.district.findings import district_swot
from tests.core.district.conftest import School

SHOTS = Path("/work/brief/shots")


def _pages(pdf: Path) -> list[str]:
    if not shutil.which("pdftotext"):
        pytest.skip("нет pdftotext (poppler-utils)")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\x0c")[:-1]


def test_district_report_page_by_page(schools: list[School], tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    conclusions = tmp_path / "выводы.txt"
    conclusions.write_text("Провести семинар для кураторов школ с охватом ниже цели.\n", encoding="utf-8")
    out = tmp_path / "справка.pdf"
    code = main(["municipal", "--out", str(out), "--date", "2026-12-20", "--district",
                 "Управление образования г. Калуги", "--conclusions-file", str(conclusions),
                 *(str(s.table) for s in schools)])
    printed, err = capsys.readouterr()
    assert code == 0, err
    assert json.loads(printed)["format"] == "pdf"
    pages = _pages(out)
    assert len(pages) >= 3
    first = pages[0]
    assert "Управление образования г. Калуги" in first and "СВОДНАЯ АНАЛИТИЧЕСКАЯ СПРАВКА" in first
    assert "20 декабря 2026 г." in first and "1. Источники данных" in first and "данные на 16.11.2026" in first
    text = "\n".join(pages)
    for heading in ("2. Итоговые показатели", "3. Охват обучающихся 10–18 лет по организациям",
                    "4. Организации, не достигшие целевого охвата", "5. Показатели по организациям",
                    "6. Сильные и слабые стороны, возможности и угрозы", "7. Выводы и предложения"):
        assert heading in text
    for part in ("Сильные стороны:", "Слабые стороны:", "Возможности:", "Угрозы:"):
        assert part in text
    for school in schools:  # every school named in the sources, the coverage table and each chart
        assert text.count(school.row["short_name"]) >= 8, school.row["short_name"]
    mentees = sum(s.info["mentees"] for s in schools)
    assert f"Наставляемые в банке {mentees}" in " ".join(text.split())
    assert "Провести семинар для кураторов" in pages[-1] and "Методист" in pages[-1]
    assert "цель 70 %" in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert "PTSerif" in fonts and "PTSans" in fonts and "Helvetica" not in fonts
    if shutil.which("pdftoppm") and SHOTS.is_dir():
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(out), str(SHOTS / "district-report")], check=True)


def test_many_schools_get_their_bars_in_blocks(schools: list[School], tmp_path: Path) -> None:
    base = read_school_table(schools[2].table)
    rows = []
    for n in range(PER_CHART * 2 + 5):
        values = dict(base.values, full_name=f"Школа № {n + 1}", short_name=f"СОШ № {n + 1}",
                      pupils_covered=base["pupils_covered"] * (n % 10) // 9)
        rows.append(dataclasses.replace(base, values=values))
    from curator_app.district.columns import derive

    for row in rows:
        derive(row.values)
    out = build_district_report(rows, tmp_path / "большой район.pdf", day=dt.date(2026, 12, 20))
    text = "\n".join(_pages(out))
    assert text.count("СОШ № 65") >= 9 and "Школа № 1" not in text.split("2. Итоговые показатели")[1]
    swot = district_swot(rows, dt.date(2026, 12, 20))
    assert any("Ниже целевого охвата" in line and "и ещё" in line for line in swot.weaknesses)


def test_swot_words_each_part_from_the_figures() -> None:
    from curator_app.district import SchoolRow
    from curator_app.district.columns import derive

    def school(name: str, covered: int, as_of: dt.date, **more: object) -> SchoolRow:
        values = {"full_name": name, "short_name": name, "as_of": as_of, "pupils_total": 100, "pupils_covered": covered,
                  "target": 0.7, "mentors": 10, "mentors_trained": 9, "mentorships_active": 8,
                  "mentorships_completed": 1, "mentorships_ended_early": 3, "mentors_working": 2,
                  "mentees_in_mentoring": 40, "partners": 2, "form_employer_pupil": 0, "form_student_pupil": 1,
                  **more}
        return SchoolRow(derive(values))

    day = dt.date(2027, 5, 20)
    rows = [school("Лицей № 1", 90, day), school("СОШ № 2", 20, dt.date(2026, 11, 16)), school("СОШ № 3", 65, day)]
    swot = district_swot(rows, day)
    for part in (swot.summary, swot.strengths, swot.weaknesses, swot.opportunities, swot.threats):
        part[:] = [line.replace("\xa0", " ") for line in part]  # «90 %» is set with a non-breaking space
    assert swot.summary[0].startswith("Сводка по 3 образовательным организациям: в программах наставничества 175")
    assert "Целевого охвата достигли 1 из 3 образовательных организаций: Лицей № 1." in swot.strengths
    assert "Обучение прошли 27 наставников из 30 (90 %)." in swot.strengths
    assert any(line.startswith("Охват обучающихся 10–18 лет по району — 58 %") for line in swot.weaknesses)
    assert ("Ниже целевого охвата 2 из 3 образовательных организаций: СОШ № 2, СОШ № 3; до цели им не хватает "
            "55 обучающихся.") in swot.weaknesses
    assert any("Опыт школ с наибольшим охватом (Лицей № 1)" in line for line in swot.opportunities)
    assert any("«студент – ученик» работает в 3 из 3 школ" in line for line in swot.opportunities) is False
    assert any("«работодатель – ученик» работает в 0 из 3 школ" in line for line in swot.opportunities)
    threats = " ".join(swot.threats)
    assert "Охват меньше половины целевого в 1 из 3 школ (СОШ № 2)" in threats
    assert "Прекращены досрочно 9 пар и групп из 36" in threats
    assert "Данные 1 школы старше 120 дней (СОШ № 2; самые ранние — на 16.11.2026)" in threats
    assert "На одного работающего наставника в среднем 20 наставляемых" in threats
