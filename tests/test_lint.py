"""Keeps the package free of unused imports, undefined names and shadowed definitions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "gradrepl"


def test_pyflakes_finds_nothing_in_the_package() -> None:
    out = subprocess.run([sys.executable, "-m", "pyflakes", str(PACKAGE)], capture_output=True, text=True)
    problems = [line for line in out.stdout.splitlines() if line.strip()]
    assert problems == [], "\n".join(problems)
