"""Helpers shared by the benchmarks: a demo database of a given size, built once per run, and timing."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_CACHE: dict[tuple[int, int], Path] = {}


def demo_database(workdir: Path, mentees: int = 16000, mentors: int = 4000) -> Path:
    """A copy of a demo school of ``mentees + mentors`` people (20,000 by default), made with the CLI."""
    key = (mentees, mentors)
    if key not in _CACHE or not _CACHE[key].exists():
        master = Path(sys.modules[__name__].__file__).parent / ".cache" / f"demo_{mentees}_{mentors}.sqlite"
        master.parent.mkdir(exist_ok=True)
        if not master.exists():
            subprocess.run([sys.executable, "-m", "curator_app", "--db", str(master), "demo", "--mentees",
                            str(mentees), "--mentors", str(mentors)], check=True, cwd=ROOT, capture_output=True)
        _CACHE[key] = master
    copy = workdir / f"demo_{mentees}_{mentors}.sqlite"
    shutil.copyfile(_CACHE[key], copy)
    return copy


def best_of(repeat: int, action: Callable[[], object]) -> float:
    """The median wall time of ``repeat`` runs, in seconds (rounded to ms)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return round(statistics.median(times), 3)
