#!/usr/bin/env python3
"""Set up and run Curator. Works the same on Debian/Ubuntu/Astra and on Windows.

    python3 run.py                 set everything up, start the program on the default database
    python3 run.py test [ARGS]     set everything up, run the whole test suite headless (ARGS go to pytest)
    python3 run.py bench           set everything up, run the benchmarks (prints JSON)
    python3 run.py lint            ruff and mypy
    python3 run.py bundle          build the self-contained folder (PyInstaller), its .tar.gz and .deb (or .zip on
                                   Windows) in dist/; prints the folder's path last
    python3 run.py -- ARGS         pass ARGS to the program, e.g. `python3 run.py -- --db my.sqlite info`

Set-up: a virtual environment in .venv with the package and its dependencies (reinstalled only when
pyproject.toml changes) and, on Linux, the system libraries Qt needs, installed with apt-get when
missing and allowed (root, or sudo without a password).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
WINDOWS = os.name == "nt"
VENV_PY = VENV / ("Scripts/python.exe" if WINDOWS else "bin/python")
# `bundle` builds in an environment of its own: only the program's libraries and PyInstaller, no test tools.
BUNDLE_VENV = ROOT / ".venv-bundle"

# Debian package names of what Qt (xcb and offscreen) loads, keyed by a library file each provides.
QT_LIBS = {
    "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1", "libfontconfig.so.1": "libfontconfig1",
    "libxkbcommon.so.0": "libxkbcommon0", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libdbus-1.so.3": "libdbus-1-3", "libglib-2.0.so.0": "libglib2.0-0", "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0", "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0", "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0", "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1", "libSM.so.6": "libsm6", "libICE.so.6": "libice6",
}
# Tools the tests use: poppler to look at generated PDFs (pdftoppm, pdffonts, pdftotext); LibreOffice to make
# test material the way schools make it (a Word table saved as PDF, a sheet saved as .xls or .ods).
TEST_TOOLS = {"pdftoppm": ("poppler-utils",),
              "soffice": ("libreoffice-writer-nogui", "libreoffice-calc-nogui"),
              "faketime": ("faketime",)}


def say(text: str) -> None:
    print(f"[run.py] {text}", flush=True)


def missing_system_packages(for_tests: bool) -> list[str]:
    if not sys.platform.startswith("linux"):
        return []
    try:
        known = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=False).stdout
    except OSError:
        known = ""
    packages = [pkg for lib, pkg in QT_LIBS.items() if lib not in known]
    if for_tests:
        packages += [pkg for tool, pkgs in TEST_TOOLS.items() if not shutil.which(tool) for pkg in pkgs]
    try:
        import ensurepip  # noqa: F401  (Debian splits it into python3-venv)
    except ImportError:
        packages.append(f"python3.{sys.version_info.minor}-venv")
    return packages


def install_system_packages(packages: list[str]) -> None:
    if not packages:
        return
    if not shutil.which("apt-get"):
        say("Не найдены системные библиотеки: " + " ".join(packages) + ". Установите их средствами системы.")
        return
    sudo: list[str] = []
    if os.geteuid() != 0:
        if shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0:
            sudo = ["sudo", "-n"]
        else:
            say("Нужны системные пакеты: sudo apt-get install " + " ".join(packages))
            return
    say("Устанавливаю системные пакеты: " + " ".join(packages))
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run([*sudo, "apt-get", "update", "-qq"], check=False, env=env)
    result = subprocess.run([*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages],
                            check=False, env=env)
    if result.returncode != 0:
        say("apt-get не смог установить все пакеты; продолжаю, но окно программы может не открыться.")


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if WINDOWS else "bin/python")


def ensure_venv(venv: Path = VENV, extras: str = "test") -> Path:
    python = venv_python(venv)
    if not python.exists():
        say(f"Создаю виртуальное окружение {venv}")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    stamp = venv / ".curator-installed"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return python
    say("Устанавливаю программу и её библиотеки (один раз, несколько минут)…")
    pip = [str(python), "-m", "pip", "--disable-pip-version-check", "install", "-q"]
    subprocess.run([*pip, "--upgrade", "pip"], check=False)
    subprocess.run([*pip, "-e", f"{ROOT}[{extras}]"], check=True)
    stamp.write_text(digest)
    return python


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 - run.py may be started by an older python3
        say(f"Нужен Python 3.11 или новее, а запущен {sys.version.split()[0]}.")
        return 2
    command = argv[0] if argv and argv[0] in ("test", "bench", "lint", "setup", "bundle") else "start"
    rest = argv[1:] if command != "start" else [a for a in argv if a != "--"]
    install_system_packages(missing_system_packages(for_tests=command in ("test", "bench")))
    if command == "bundle":
        python = ensure_venv(BUNDLE_VENV, "bundle")
        return subprocess.call([str(python), str(ROOT / "packaging" / "build.py"), *rest], cwd=ROOT)
    ensure_venv()
    env = dict(os.environ)
    if command == "setup":
        return 0
    if command == "start":
        return subprocess.call([str(VENV_PY), "-m", "curator_app", *rest], cwd=ROOT)
    env["QT_QPA_PLATFORM"] = "offscreen"
    if command == "test":
        return subprocess.call([str(VENV_PY), "-m", "pytest", *rest], cwd=ROOT, env=env)
    if command == "bench":
        return subprocess.call([str(VENV_PY), str(ROOT / "bench" / "run.py"), *rest], cwd=ROOT, env=env)
    ruff = subprocess.call([str(VENV_PY), "-m", "ruff", "check", "curator_app", "ui", "tests", "bench", "packaging",
                            "run.py"], cwd=ROOT)
    mypy = subprocess.call([str(VENV_PY), "-m", "mypy"], cwd=ROOT)
    return ruff or mypy


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
