"""Run every benchmark (``bench/bench_*.py``) and print one JSON object of figures.

    python3 run.py bench                 all of them
    python3 run.py bench startup banks   only these (names without ``bench_``)

Each module has ``run(workdir: Path) -> dict`` returning its figures and a ``TARGETS`` dict. A figure is a
number (seconds, MB, a count), or a dict from :mod:`common`: ``paired`` (``value``, ``floor``, ``ratio``),
``growth`` (``exponent``, ``seconds`` by size). A target is a number (the figure's value at most) or a dict
of limits on the figure's fields, e.g. ``{"ratio": 2.0}`` or ``{"exponent": 1.3}``. The runner adds ``ok``
per figure, prints a table to stderr and the JSON to stdout, and exits 1 if any target failed.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def check(value: Any, target: Any) -> dict[str, Any] | Any:
    """The figure with its target and ``ok``; a figure without a target is returned as it is."""
    if target is None:
        return value
    if isinstance(target, dict):
        fields = value if isinstance(value, dict) else {"value": value}
        ok = all(fields.get(key) is not None and fields[key] <= limit for key, limit in target.items())
        return {**fields, "target": target, "ok": ok}
    number = value["value"] if isinstance(value, dict) else value
    return {**(value if isinstance(value, dict) else {"value": value}), "target": target, "ok": number <= target}


def line(module: str, key: str, figure: Any) -> str:
    if not isinstance(figure, dict):
        return f"  {module:<11} {key:<34} {figure}"
    parts = []
    if "value" in figure:
        parts.append(f"{figure['value']} {figure.get('unit', '')}".strip())
    if "floor" in figure:
        parts.append(f"пол {figure['floor']} ({figure.get('floor_is', '')})")
    if "rival" in figure:
        parts.append(f"соперник {figure['rival']} ({figure.get('floor_is', '')})")
    if "ratio" in figure:
        parts.append(f"×{figure['ratio']}")
    if "exponent" in figure:
        parts.append(f"показатель роста {figure['exponent']} {figure.get('seconds')}")
    if "target" in figure:
        parts.append(f"цель {figure['target']} {'да' if figure['ok'] else 'НЕТ'}")
    return f"  {module:<11} {key:<34} " + "; ".join(parts)


def main(names: list[str]) -> int:
    modules = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if names:
        modules = [m for m in modules if m.removeprefix("bench_") in names]
    report: dict[str, Any] = {"date": dt.date.today().isoformat(), "cpus": os.cpu_count(),
                              "load_average_start": round(os.getloadavg()[0], 2)}
    all_ok = True
    for name in modules:
        module = importlib.import_module(name)
        with tempfile.TemporaryDirectory() as tmp:
            figures = module.run(Path(tmp))
        targets = getattr(module, "TARGETS", {})
        checked = {key: check(value, targets.get(key)) for key, value in figures.items()}
        all_ok &= all(f.get("ok", True) for f in checked.values() if isinstance(f, dict))
        short = name.removeprefix("bench_")
        report[short] = checked
        for key, figure in checked.items():
            print(line(short, key, figure), file=sys.stderr, flush=True)
    report["load_average_end"] = round(os.getloadavg()[0], 2)
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0 if all_ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
