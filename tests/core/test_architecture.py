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


# --- the house's rules, read from the source ------------------------------------------------------------
from tests.core.architecture_graph import cycles, graph, imports, modules  # noqa: E402

# Lowest first: a module imports only from its own layer or below (subjects may use each other, without
# circles). ``ui`` stands on all of the core; nothing in the core stands on ``ui``.
LAYERS: list[tuple[str, ...]] = [
    ("curator_app.errors", "curator_app.paths", "curator_app.tasks", "curator_app.lazy", "curator_app.files",
     "curator_app.limits", "curator_app.xlsx", "curator_app.lang", "curator_app.models"),
    ("curator_app.db",),
    ("curator_app.settings", "curator_app.audit", "curator_app.stats", "curator_app.pdf"),
    ("curator_app.banks", "curator_app.matching", "curator_app.pairs", "curator_app.roadmap",
     "curator_app.monitoring", "curator_app.documents", "curator_app.backup", "curator_app.district"),
    ("curator_app.demo", "curator_app.cli", "curator_app.__main__", "curator_app"),
    ("ui",),
]
MAX_MODULES_PER_FOLDER = 15
MAX_LINES = 450


def layer_of(module: str) -> int:
    best = (-1, -1)  # (length of the matching prefix, layer)
    for number, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best[0]:
                best = (len(prefix), number)
    assert best[1] >= 0, f"{module} belongs to no layer: add it to LAYERS"
    return best[1]


def test_no_import_circles() -> None:
    assert cycles(graph()) == []


def test_each_module_imports_only_its_layer_or_below() -> None:
    wrong = [f"{a} → {b}" for a, targets in graph().items() for b in targets if layer_of(b) > layer_of(a)]
    assert wrong == []


def test_db_is_below_every_subject() -> None:
    wrong = [f"{a} → {b}" for a, targets in graph().items() if a.startswith("curator_app.db")
             for b in targets if layer_of(b) > layer_of("curator_app.db")]
    assert wrong == []


def _package(module: str, path: Path) -> str:
    return module if path.name == "__init__.py" else module.rpartition(".")[0]


def test_no_module_takes_another_packages_private_names() -> None:
    known = modules()
    taken = []
    for name, path in known.items():
        here = _package(name, path)
        for target, names, line in imports(name, path, known):
            there = target if target in known and known[target].name == "__init__.py" else target.rpartition(".")[0]
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            if private and there != here:
                taken.append(f"{path.relative_to(ROOT)}:{line} takes {', '.join(private)} from {target}")
    assert taken == []


def test_folders_and_files_stay_small() -> None:
    crowded = {}
    for package in ("curator_app", "ui"):
        for folder in [ROOT / package, *(p for p in (ROOT / package).rglob("*") if p.is_dir())]:
            if folder.name == "__pycache__":
                continue
            count = len([p for p in folder.glob("*.py") if p.name != "__init__.py"])
            if count > MAX_MODULES_PER_FOLDER:
                crowded[str(folder.relative_to(ROOT))] = count
    long = {str(p.relative_to(ROOT)): n for p in modules().values()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert crowded == {} and long == {}


def test_every_subject_shows_its_face() -> None:
    """Each subject package says in ``__init__.py`` what it holds (its modules) and what it offers."""
    import importlib

    for package in LAYERS[3] + ("curator_app.demo", "curator_app.db", "curator_app.lang"):
        module = importlib.import_module(package)
        assert module.__doc__ and len(module.__doc__) > 80, package
        for name in getattr(module, "__all__", []):
            assert getattr(module, name) is not None, f"{package}.{name}"
