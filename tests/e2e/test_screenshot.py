"""The README's screenshot command works on a demo database, in a separate process, headless."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage


def test_gui_screenshot_command(tmp_path: Path) -> None:
    db, png = tmp_path / "demo.sqlite", tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, "-m", "curator_app", "--db", str(db), "demo", "--mentees", "60", "--mentors",
                    "15"], check=True, env=env, capture_output=True)
    result = subprocess.run([sys.executable, "-m", "curator_app", "--db", str(db), "gui", "--screenshot", str(png),
                             "--tab", "Наставники"], env=env, capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0, result.stderr
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1366, 768)


def test_gui_unknown_tab_is_refused(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "curator_app", "--db", str(tmp_path / "x.sqlite"), "gui",
                             "--screenshot", str(tmp_path / "x.png"), "--tab", "нет такой"],
                            env=env, capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 1 and "Вкладки «нет такой» нет" in result.stderr
