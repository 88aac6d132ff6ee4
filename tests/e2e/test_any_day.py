"""The suite passes on any day: the tests that deal in dates run again with the clock set to other days of
the academic year (libfaketime), as the hook before a stop suggests. Skipped where faketime is absent."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATED = ["tests/core/documents", "tests/core/pairs", "tests/core/demo", "tests/core/banks", "tests/core/monitoring",
         "tests/core/district",
         "tests/core/roadmap/test_ops.py"]


@pytest.mark.skipif(not shutil.which("faketime"), reason="нет faketime (пакет faketime)")
@pytest.mark.parametrize("day", ["2027-03-01 10:00:00", "2027-05-15 10:00:00"])
def test_dated_tests_pass_on_another_day(day: str, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(["faketime", "-f", f"@{day}", sys.executable, "-m", "pytest", "-q", "-x",
                             "-p", "no:cacheprovider", "--basetemp", str(tmp_path / "t"), *DATED],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
