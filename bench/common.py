"""Helpers shared by the benchmarks: a demo database of a given size built once per run, timing, and the three
kinds of figure that hold on any machine.

- :func:`paired` — a figure beside its **floor**, the least any program must spend on the same work (the bare
  reader, the bare SQL query, the bare solver), measured in the same process, run by run, alternating. The
  ``ratio`` (the median of the per-run ratios) says what our code costs; it is the target, not the seconds,
  because machines here are shared and differ by 2× from run to run.
- :func:`peak_rss_mb` — the memory peak of a piece of work, in a fresh process.
- :func:`growth` — the time at 1×, 4× and 16× the size, with the fitted exponent (1 is linear).
"""

from __future__ import annotations

import math
import os
import shutil
import statistics
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
_CACHE: dict[tuple[int, int], Path] = {}


def demo_database(workdir: Path, mentees: int = 16000, mentors: int = 4000) -> Path:
    """A copy of a demo school of ``mentees + mentors`` people (20,000 by default), made with the CLI."""
    key = (mentees, mentors)
    if key not in _CACHE or not _CACHE[key].exists():
        master = Path(__file__).resolve().parent / ".cache" / f"demo_{mentees}_{mentors}.sqlite"
        master.parent.mkdir(exist_ok=True)
        if not master.exists():
            subprocess.run([sys.executable, "-m", "curator_app", "--db", str(master), "demo", "--mentees",
                            str(mentees), "--mentors", str(mentors)], check=True, cwd=ROOT, capture_output=True)
        _CACHE[key] = master
    copy = workdir / f"demo_{mentees}_{mentors}.sqlite"
    shutil.copyfile(_CACHE[key], copy)
    return copy


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def best_of(repeat: int, action: Callable[[], object]) -> float:
    """The median wall time of ``repeat`` runs, in seconds (rounded to ms)."""
    return round(statistics.median(timed(action) for _ in range(repeat)), 3)


def paired(value: Callable[[], object], floor: Callable[[], object], repeat: int = 5, *,
           floor_is: str = "", unit: str = "s") -> dict[str, Any]:
    """Our code and its floor, timed alternately (the order swapped every run, so neither always runs on a
    warm cache); ``ratio`` is the median of the per-run ratios, which a busy neighbour changes little."""
    values, floors, ratios = [], [], []
    for run in range(repeat):
        if run % 2:
            f = timed(floor)
            v = timed(value)
        else:
            v = timed(value)
            f = timed(floor)
        values.append(v)
        floors.append(f)
        ratios.append(v / max(f, 1e-6))
    scale = 1000.0 if unit == "ms" else 1.0
    return {"value": round(statistics.median(values) * scale, 3), "floor": round(statistics.median(floors) * scale, 3),
            "ratio": round(statistics.median(ratios), 2), "unit": unit, "floor_is": floor_is}


def peak_rss_mb(code: str, env: dict[str, str] | None = None, timeout: int = 600) -> float:
    """Run ``code`` (Python, with the repository on the path) in a fresh process and return its memory peak
    (maximum resident set size) in MB."""
    # VmHWM, not getrusage: the kernel carries ``ru_maxrss`` over from the parent through fork and exec, so a
    # child of a 450 MB benchmark would report 450 MB whatever it did.
    script = textwrap.dedent(code) + textwrap.dedent("""
        _hwm = next(l for l in open("/proc/self/status") if l.startswith("VmHWM:"))
        print("peak_rss_kb", _hwm.split()[1], flush=True)
    """)
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                            timeout=timeout, env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-2000:])
    line = next(x for x in reversed(result.stdout.splitlines()) if x.startswith("peak_rss_kb"))
    return round(int(line.split()[1]) / 1024, 1)


def growth(action: Callable[[int], object], sizes: Sequence[int], repeat: int = 3) -> dict[str, Any]:
    """Time ``action(size)`` at each size (the median of ``repeat``) and fit ``time ∝ size**exponent`` by
    least squares on the logarithms: 1.0 is linear, 2.0 quadratic."""
    seconds = [statistics.median(timed(lambda s=size: action(s)) for _ in range(repeat)) for size in sizes]
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-6)) for t in seconds]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)
    return {"exponent": round(slope, 2), "seconds": {str(s): round(t, 3) for s, t in zip(sizes, seconds, strict=True)}}
