"""The self-contained folder that ``python3 run.py bundle`` builds, run the way a school PC runs it: an empty
environment (no venv, no PATH, only HOME), from a read-only copy, with and without system fonts, under a real
X server; and what the .tar.gz and .deb hold. Skipped until the folder is built (building takes minutes)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
BUNDLE = DIST / "curator-app"

if not sys.platform.startswith("linux"):
    pytest.skip("проверки собранной папки написаны для Linux", allow_module_level=True)
if not (BUNDLE / "curator-app").is_file():
    pytest.skip("папка программы не собрана: python3 run.py bundle", allow_module_level=True)

NO_FONTS = '<?xml version="1.0"?>\n<fontconfig></fontconfig>\n'  # a fontconfig that knows no system font


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.lstat().st_size, p.lstat().st_mtime_ns) for p in folder.rglob("*")}


def set_writable(folder: Path, writable: bool) -> None:
    for path in [folder, *folder.rglob("*")]:
        if not path.is_symlink():
            mode = path.stat().st_mode
            path.chmod(mode | 0o200 if writable else mode & ~0o222)


class Stick:
    """A read-only copy of the built folder, as on a write-protected flash drive, and a user's empty home."""

    def __init__(self, root: Path) -> None:
        self.folder = root / "stick" / "curator-app"
        self.home = root / "home"
        self.home.mkdir()
        shutil.copytree(BUNDLE, self.folder, symlinks=True)
        set_writable(self.folder, False)
        self.before = snapshot(self.folder)

    def run(self, *args: str, check: bool = True, **extra: str) -> subprocess.CompletedProcess[str]:
        env = {"HOME": str(self.home), **extra}  # what a desktop session has; no PATH, no Python
        result = subprocess.run([str(self.folder / "curator-app"), *args], env=env, capture_output=True, text=True,
                                encoding="utf-8", timeout=180)
        if check:
            assert result.returncode == 0, result.stdout + result.stderr
        return result

    def screenshot(self, png: Path, tab: str = "mentees", **extra: str) -> bytes:
        self.run("gui", "--screenshot", str(png), "--tab", tab, **extra)
        from PySide6.QtGui import QImage

        image = QImage(str(png))
        assert (image.width(), image.height()) == (1366, 768)
        strip = image.copy(0, 0, 1366, 60).convertToFormat(QImage.Format.Format_RGB32)  # menu and tab titles
        return bytes(strip.constBits())


@pytest.fixture(scope="module")
def stick(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stick]:
    copy = Stick(tmp_path_factory.mktemp("bundle"))
    copy.run("demo", "--mentees", "60", "--mentors", "15")
    yield copy
    set_writable(copy.folder, True)


def test_demo_goes_to_the_users_data_folder(stick: Stick) -> None:
    info = json.loads(stick.run("info").stdout)
    assert info["mentees"] == 60 and info["mentors"] == 15
    assert Path(info["database"]) == stick.home / ".local" / "share" / "Curator" / "curator.sqlite"


def test_order_with_a_cyrillic_file_name(stick: Stick, tmp_path: Path) -> None:
    pdf, docx = tmp_path / "Приказ о закреплении.pdf", tmp_path / "Приказ.docx"
    stick.run("order", "--out", str(pdf))
    stick.run("order", "--out", str(docx))  # python-docx reads its templates from the bundle
    assert pdf.read_bytes().startswith(b"%PDF") and docx.stat().st_size > 10_000
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "ПРИКАЗ" in text and "наставнических пар" in text


def test_window_draws_russian_text_with_the_bundled_fonts(stick: Stick, tmp_path: Path) -> None:
    """With no system font at all, the window's text comes from resources/fonts: remove those files and the
    same window looks different (Qt draws empty boxes)."""
    config = tmp_path / "fonts.conf"
    config.write_text(NO_FONTS)
    with_fonts = stick.screenshot(tmp_path / "окно.png", FONTCONFIG_FILE=str(config))
    fonts = stick.folder / "_internal" / "resources" / "fonts"
    assert sorted(p.name for p in fonts.glob("*.ttf")) == sorted(p.name for p in (ROOT / "resources" / "fonts").glob(
        "*.ttf"))
    away, times = tmp_path / "fonts-away", fonts.parent.stat()
    set_writable(fonts.parent, True)
    try:
        shutil.move(fonts, away)
        without = stick.screenshot(tmp_path / "без шрифтов.png", FONTCONFIG_FILE=str(config))
    finally:
        shutil.move(away, fonts)
        set_writable(fonts.parent, False)
        os.utime(fonts.parent, ns=(times.st_atime_ns, times.st_mtime_ns))  # the test's own move leaves no trace
    assert with_fonts != without


def test_window_under_a_real_x_server(stick: Stick, tmp_path: Path) -> None:
    if not shutil.which("Xvfb"):
        pytest.skip("нет Xvfb")
    server = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1600x900x24", "-nolisten", "tcp"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert server.stdout is not None
        display = server.stdout.readline().strip()
        stick.screenshot(tmp_path / "xcb.png", tab="monitoring", DISPLAY=f":{display}")
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_nothing_was_written_into_the_folder(stick: Stick) -> None:
    stick.run("info")
    assert snapshot(stick.folder) == stick.before


def test_tar_holds_the_folder() -> None:
    archives = sorted(DIST.glob("curator-app-*-linux-*.tar.gz"))
    if not archives:
        pytest.skip("архива .tar.gz нет")
    with tarfile.open(archives[-1]) as archive:
        program = archive.getmember("curator-app/curator-app")
        assert program.mode & 0o111 and program.uname == "root"
        assert "curator-app/_internal/data/forms.json" in archive.getnames()


def test_deb_installs_under_opt_with_a_desktop_entry() -> None:
    packages = sorted(DIST.glob("curator_*.deb"))
    if not packages or not shutil.which("dpkg-deb"):
        pytest.skip("пакета .deb нет")
    listing = subprocess.run(["dpkg-deb", "-c", str(packages[-1])], capture_output=True, text=True, check=True).stdout
    for path in ("./opt/curator/curator-app", "./usr/bin/curator-app -> /opt/curator/curator-app",
                 "./usr/share/applications/curator.desktop", "./usr/share/icons/hicolor/scalable/apps/curator.svg"):
        assert path in listing
    fields = subprocess.run(["dpkg-deb", "-f", str(packages[-1]), "Package", "Depends"], capture_output=True,
                            text=True, check=True).stdout
    assert "Package: curator" in fields and "libc6 (>=" in fields
