"""One way to the program's own files (resources/, data/) and to the user's data folder."""

from __future__ import annotations

import sys
from pathlib import Path

# In the self-contained bundle (PyInstaller, one folder) the program's files sit in its _internal/ folder.
ROOT = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
RESOURCES = ROOT / "resources"
DATA = ROOT / "data"
DB_FILENAME = "curator.sqlite"


def resource(*parts: str) -> Path:
    """A file under ``resources/`` (fonts, icons, templates)."""
    return RESOURCES.joinpath(*parts)


def data_file(*parts: str) -> Path:
    """A file under ``data/`` (reference data shipped with the program)."""
    return DATA.joinpath(*parts)


def user_data_dir() -> Path:
    """The folder where the curator's database lives by default (created on demand, private to the user:
    it holds children's personal data)."""
    import platformdirs

    from curator_app.files import make_private, private_folder

    path = private_folder(Path(platformdirs.user_data_dir("Curator", appauthor=False)))
    make_private(path)
    return path


def default_db_path() -> Path:
    return user_data_dir() / DB_FILENAME
