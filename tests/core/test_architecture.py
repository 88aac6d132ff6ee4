"""The core runs without Qt: importing every curator_app module, and running the CLI, never loads PySide6."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BLOCK_QT = textwrap.dedent("""
    import importlib, pkgutil, sys
    class Block:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6", "ui"):
                raise ImportError(f"blocked: {name}")
    sys.meta_path.insert(0, Block())
    import curator_app, curator_app.cli
    for info in pkgutil.walk_packages(curator_app.__path__, "curator_app."):
        if info.name != "curator_app.__main__":
            importlib.import_module(info.name)
""")


def test_core_imports_without_qt() -> None:
    code = BLOCK_QT + "assert not any(m.startswith(('PySide6', 'ui')) for m in sys.modules)\nprint('ok')"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_cli_runs_without_qt(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite"
    code = BLOCK_QT + (f"from curator_app.cli import main\n"
                       f"assert main(['--db', {str(db)!r}, 'demo', '--mentees', '5', '--mentors', '2']) == 0\n"
                       f"assert main(['--db', {str(db)!r}, 'info']) == 0\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert '"mentees": 5' in result.stdout


def test_core_never_imports_ui_in_source() -> None:
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "curator_app").rglob("*.py")
                 if any(line.lstrip().startswith(("from PySide6", "import PySide6", "from ui", "import ui"))
                        for line in p.read_text(encoding="utf-8").splitlines())]
    assert offenders == []
