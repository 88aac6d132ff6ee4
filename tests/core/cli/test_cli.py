"""The CLI contracts of the foundation: demo, info, settings, check, and errors in Russian."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from curator_app.cli import main

INFO_KEYS = {"mentors", "mentees", "mentorships", "roadmap_events", "responses", "schema_version"}


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_then_info(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "c.sqlite")
    code, out, _ = run_cli(capsys, "--db", db, "demo", "--mentees", "50", "--mentors", "12", "--seed", "1")
    assert code == 0 and json.loads(out)["mentees"] == 50
    code, out, _ = run_cli(capsys, "--db", db, "info")
    info = json.loads(out)
    assert code == 0 and INFO_KEYS <= set(info)
    assert info["mentees"] == 50 and info["mentors"] == 12 and info["mentorships"] > 0
    assert info["roadmap_events"] > 0 and info["schema_version"] >= 1
    assert run_cli(capsys, "--db", db, "check")[0] == 0


def test_settings_set_and_show(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "s.sqlite")
    code, out, _ = run_cli(capsys, "--db", db, "settings", "--school", "МБОУ «Лицей № 1»", "--city", "г. Тула",
                           "--director", "Смирнова Ольга Викторовна", "--curator", "Васильева Наталья Андреевна",
                           "--year", "2026-2027")
    assert code == 0
    shown = json.loads(run_cli(capsys, "--db", db, "settings")[1])
    assert shown["full_name"] == "МБОУ «Лицей № 1»" and shown["city"] == "г. Тула"
    assert shown["director_name"] == "Смирнова Ольга Викторовна" and shown["academic_year"] == "2026-2027"


def test_bad_year_is_one_russian_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "--db", str(tmp_path / "y.sqlite"), "settings", "--year", "2026")
    assert code != 0 and out == ""
    assert err.strip() == "Ошибка: Учебный год «2026» указан неверно: нужен вид 2026-2027."


def test_info_on_missing_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "--db", str(tmp_path / "nope.sqlite"), "info")
    assert code == 1 and "не найден" in err
    assert not (tmp_path / "nope.sqlite").exists()


def test_check_on_damaged_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "d.sqlite"
    run_cli(capsys, "--db", str(db), "demo", "--mentees", "300", "--mentors", "40")
    data = bytearray(db.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 4096] = b"\x00" * 4096
    db.write_bytes(bytes(data))
    code, _, err = run_cli(capsys, "--db", str(db), "check")
    assert code != 0 and err.strip()


def test_module_entry_point(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "curator_app", "--db", str(tmp_path / "m.sqlite"), "settings"],
                            capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0 and json.loads(result.stdout)["director_position"] == "Директор"


def test_unknown_command_is_refused_in_russian(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["nonsense"])
    assert exit_info.value.code == 2
    assert "Ошибка в командной строке" in capsys.readouterr().err


def test_help_and_usage_errors_speak_russian(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["order", "--help"])
    out = capsys.readouterr().out
    assert "использование:" in out and "параметры:" in out and "показать эту справку" in out
    with pytest.raises(SystemExit):
        main(["order"])
    assert "не хватает обязательных аргументов: --out" in capsys.readouterr().err
