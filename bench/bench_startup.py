"""Cold start to the first painted main window on a 20,000-person database, beside its floor: an empty
QMainWindow painted by a fresh Python process (what any Qt program pays to show a window). The demo school of
20,000 people, with its memory peak."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import ROOT, demo_database, peak_rss_mb

TARGETS: dict[str, object] = {"first_paint": {"ratio": 3.0}, "demo_20000_s": 5.0, "peak_rss_demo_20000_mb": 300}

EMPTY_WINDOW = """
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(f"first_paint {time.time():.4f}", flush=True)
            watched.removeEventFilter(self)
            QTimer.singleShot(0, QApplication.quit)
        return False
app = QApplication([])
window = QMainWindow()
window.resize(1366, 768)
probe = Probe()
window.installEventFilter(probe)
window.show()
app.exec()
"""


def _paint(command: list[str]) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CURATOR_BENCH_FIRST_PAINT": "1"}
    start = time.time()
    out = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=True, timeout=60).stdout
    painted = float(next(line.split()[1] for line in out.splitlines() if line.startswith("first_paint")))
    return painted - start


def _demo(workdir: Path) -> float:
    db = workdir / "fresh.sqlite"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "curator_app", "--db", str(db), "demo", "--mentees", "16000", "--mentors",
                    "4000"], check=True, cwd=ROOT, capture_output=True)
    return time.perf_counter() - start


def run(workdir: Path) -> dict[str, object]:
    db = demo_database(workdir)
    ours = [sys.executable, "-m", "curator_app", "--db", str(db), "gui"]
    empty = [sys.executable, "-c", EMPTY_WINDOW]
    _paint(ours)  # warm the OS file cache once, as a second start of the day would be
    _paint(empty)
    values, floors, ratios = [], [], []
    for run_number in range(5):  # paired, the order swapped every run
        first, second = (ours, empty) if run_number % 2 == 0 else (empty, ours)
        a, b = _paint(first), _paint(second)
        v, f = (a, b) if first is ours else (b, a)
        values.append(v)
        floors.append(f)
        ratios.append(v / f)
    fresh = workdir / "rss.sqlite"
    return {"first_paint": {"value": round(statistics.median(values), 3), "floor": round(statistics.median(floors), 3),
                            "ratio": round(statistics.median(ratios), 2), "unit": "s",
                            "floor_is": "пустое окно QMainWindow в новом процессе"},
            "demo_20000_s": round(_demo(workdir), 3),
            "peak_rss_demo_20000_mb": peak_rss_mb(f"""
                from curator_app.cli import main
                main(["--db", {str(fresh)!r}, "demo", "--mentees", "16000", "--mentors", "4000"])
            """)}
