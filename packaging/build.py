"""Build the self-contained Curator; ``python3 run.py bundle`` runs this in .venv-bundle.

    dist/curator-app/                         the folder: curator-app[.exe] and _internal/ (Python, libraries,
                                              resources/, data/); runs from a read-only flash drive
    dist/curator-app-VERSION-linux-ARCH.tar.gz   Linux: the folder packed
    dist/curator_VERSION_ARCH.deb                Linux with dpkg-deb: /opt/curator, /usr/bin/curator-app,
                                              a desktop entry and an icon
    dist/curator-app-VERSION-windows-ARCH.zip    Windows: the folder packed

The folder's path is printed last. Nothing here is Linux-only except the .tar.gz and .deb steps.
"""

from __future__ import annotations

import os
import platform
import shutil
import stat
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path
from string import Template

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "packaging"
DIST = ROOT / "dist"
BUILD = ROOT / "build"
FOLDER = DIST / "curator-app"
WINDOWS = os.name == "nt"
PROGRAM = FOLDER / ("curator-app.exe" if WINDOWS else "curator-app")
ICON_SVG = ROOT / "resources" / "icons" / "curator.svg"


def say(text: str) -> None:
    print(f"[bundle] {text}", flush=True)


def version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


def remove_tree(path: Path) -> None:
    """A tree left read-only (a test made it so, or it came from a write-protected stick) goes all the same."""
    if not path.exists():
        return
    for item in [path, *path.rglob("*")]:
        if not item.is_symlink():
            item.chmod(item.stat().st_mode | stat.S_IWUSR)
    shutil.rmtree(path)


def render_icon(size: int = 256) -> Path:
    """The SVG icon as a PNG for the Windows .exe (PyInstaller converts it to .ico with Pillow)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(ICON_SVG)).render(painter)
    painter.end()
    target = BUILD / "icon" / f"curator-{size}.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(target))
    del app
    return target


def run_pyinstaller() -> None:
    say("PyInstaller собирает папку программы (около минуты)…")
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"),
                    str(HERE / "curator-app.spec")], check=True, cwd=ROOT)
    shutil.copyfile(HERE / "README-bundle.txt", FOLDER / "README.txt")


def smoke_test() -> None:
    """The program starts from the folder with nothing but its own files (no venv, no PATH)."""
    env = {"HOME": str(BUILD)}
    if WINDOWS:  # Windows cannot start a program without it
        env["SystemRoot"] = os.environ["SystemRoot"]
    result = subprocess.run([str(PROGRAM), "--help"], env=env, capture_output=True, text=True, encoding="utf-8")
    if result.returncode != 0 or "Куратор наставничества" not in result.stdout:
        raise SystemExit(f"Собранная программа не запускается:\n{result.stdout}\n{result.stderr}")


def tree_size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def report_size() -> None:
    """Total size and what takes the space, by top-level entry of _internal/ and of PySide6/Qt."""
    mb = 1024 * 1024
    say(f"Размер папки: {tree_size(FOLDER) / mb:.0f} МБ")
    internal = FOLDER / "_internal"
    entries = [(tree_size(p) if p.is_dir() else p.lstat().st_size, p) for p in internal.iterdir()]
    for size, path in sorted(entries, key=lambda e: e[0], reverse=True)[:12]:
        say(f"  {size / mb:6.1f} МБ  {path.relative_to(FOLDER).as_posix()}")


def machine() -> str:
    return {"amd64": "x86_64", "x86_64": "x86_64", "arm64": "aarch64", "aarch64": "aarch64"}.get(
        platform.machine().lower(), platform.machine().lower())


def make_tar(release: str) -> Path:
    target = DIST / f"curator-app-{release}-linux-{machine()}.tar.gz"

    def owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    with tarfile.open(target, "w:gz", compresslevel=6) as archive:
        archive.add(FOLDER, arcname=FOLDER.name, filter=owned_by_root)
    return target


def make_zip(release: str) -> Path:
    base = DIST / f"curator-app-{release}-windows-{machine()}"
    return Path(shutil.make_archive(str(base), "zip", root_dir=DIST, base_dir=FOLDER.name))


def system_dependencies() -> list[str]:
    """Debian packages of the libraries the bundle takes from the system (GL, EGL, xcb, wayland, libc):
    every ELF file of the folder through ldd, each library outside the folder through dpkg -S."""
    internal = (FOLDER / "_internal").resolve()
    env = {**os.environ, "LD_LIBRARY_PATH": f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}"}
    outside: set[str] = set()
    for path in [PROGRAM, *internal.rglob("*.so*")]:
        if path.is_symlink() or not path.is_file():
            continue
        lines = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout.splitlines()
        for line in lines:
            _, arrow, rest = line.partition("=>")
            library = rest.split("(")[0].strip()
            if arrow and library.startswith("/") and not Path(library).resolve().is_relative_to(internal):
                outside.add(str(Path(library).resolve()))
    packages: set[str] = set()
    for library in sorted(outside):
        found = subprocess.run(["dpkg", "-S", library], capture_output=True, text=True)
        if found.returncode != 0:  # usrmerge: dpkg may know the file under /lib rather than /usr/lib
            found = subprocess.run(["dpkg", "-S", library.removeprefix("/usr")], capture_output=True, text=True)
        if found.returncode == 0:
            packages.add(found.stdout.split(":")[0].strip())
        else:
            say(f"Не знаю, из какого пакета {library}: в Depends его нет.")
    glibc = platform.libc_ver()[1]  # the bundled libraries come from this system: no older C library will do
    packages.discard("libc6")
    return [f"libc6 (>= {glibc})", *sorted(packages)]


def make_deb(release: str) -> Path:
    architecture = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                                  check=True).stdout.strip()
    stage = BUILD / "deb"
    remove_tree(stage)
    shutil.copytree(FOLDER, stage / "opt" / "curator", symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    (stage / "usr" / "bin" / "curator-app").symlink_to("/opt/curator/curator-app")
    applications = stage / "usr" / "share" / "applications"
    icons = stage / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps"
    for folder in (applications, icons):
        folder.mkdir(parents=True)
    shutil.copyfile(HERE / "deb" / "curator.desktop", applications / "curator.desktop")
    shutil.copyfile(ICON_SVG, icons / "curator.svg")
    installed_kib = (tree_size(stage) + 1023) // 1024
    control = Template((HERE / "deb" / "control.in").read_text(encoding="utf-8")).substitute(
        version=release, architecture=architecture, installed_size=installed_kib,
        depends=", ".join(system_dependencies()))
    (stage / "DEBIAN").mkdir()
    (stage / "DEBIAN" / "control").write_text(control, encoding="utf-8")
    for path in [stage, *stage.rglob("*")]:  # what a package installs: rwxr-xr-x folders and programs, rw-r--r-- files
        if not path.is_symlink():
            executable = path.is_dir() or path.stat().st_mode & stat.S_IXUSR
            path.chmod(0o755 if executable else 0o644)
    target = DIST / f"curator_{release}_{architecture}.deb"
    subprocess.run(["dpkg-deb", "--build", "--root-owner-group", str(stage), str(target)], check=True,
                   stdout=subprocess.DEVNULL)
    return target


def main() -> int:
    started = time.monotonic()
    release = version()
    remove_tree(FOLDER)
    remove_tree(BUILD / "pyinstaller")
    if WINDOWS:
        render_icon()
    run_pyinstaller()
    smoke_test()
    report_size()
    if WINDOWS:
        say(f"Архив: {make_zip(release)}")
    else:
        say(f"Архив: {make_tar(release)}")
        if shutil.which("dpkg-deb"):
            say("Собираю пакет .deb (сжатие xz — пара минут)…")
            say(f"Пакет: {make_deb(release)}")
        else:
            say("dpkg-deb не найден: пакет .deb не собран.")
    say(f"Готово за {time.monotonic() - started:.0f} с.")
    print(FOLDER)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
