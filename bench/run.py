"""Run every benchmark (``bench/bench_*.py``) and print one JSON object of figures.

    python3 run.py bench                 all of them
    python3 run.py bench startup banks   only these (names without ``bench_``)

Each module has ``run(workdir: Path) -> dict`` returning its figures (seconds, MB, counts) and a
``TARGETS`` dict of the same keys with their limits; the runner adds ``ok`` per figure.
"""

from __future__ import annotations

import importlib
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def main(names: list[str]) -> int:
    modules = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if names:
        modules = [m for m in modules if m.removeprefix("bench_") in names]
    report: dict[str, dict] = {}
    all_ok = True
    for name in modules:
        module = importlib.import_module(name)
        with tempfile.TemporaryDirectory() as tmp:
            figures = module.run(Path(tmp))
        targets = getattr(module, "TARGETS", {})
        checked = {}
        for key, value in figures.items():
            if key in targets:
                ok = value <= targets[key]
                all_ok &= ok
                checked[key] = {"value": value, "target": targets[key], "ok": ok}
            else:
                checked[key] = value
        report[name.removeprefix("bench_")] = checked
        print(f"{name}: {json.dumps(checked, ensure_ascii=False)}", file=sys.stderr, flush=True)
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0 if all_ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
