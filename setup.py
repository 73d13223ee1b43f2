"""Provides the build hook that ships lessons/ and scenarios/ inside the wheel.

The content lives at the top of the repository, where authors edit it; a built
wheel carries a copy as ``gradrepl/_content/`` (found by gradrepl.core.content).
Everything else about the package is in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
CONTENT = ("lessons", "scenarios")


class BuildPyWithContent(build_py):
    """build_py, then copy the content directories into the built package."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "gradrepl" / "_content"
        for kind in CONTENT:
            if (ROOT / kind).is_dir():
                shutil.copytree(
                    ROOT / kind,
                    target / kind,
                    dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*"),
                )


setup(cmdclass={"build_py": BuildPyWithContent})
