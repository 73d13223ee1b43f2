"""Provides the app's entry points: ``gradrepl [app] [PATH]`` and ``gradrepl lesson [NAME]``.

``make_app`` is the one factory the CLI, the tests and the benchmarks use, so
they all exercise the same wiring. Problems with the arguments are found here,
before the terminal switches to the app, and end as one clear sentence.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gradrepl.app.app import GradreplApp, Opening
from gradrepl.app.catalog import Catalog
from gradrepl.app.session import Source
from gradrepl.core.scenario import is_scenario_path
from gradrepl.errors import GradreplError


def make_app(opening: Opening | None = None, *, content: str | Path | None = None, **options: Any) -> GradreplApp:
    """Build the app for ``opening`` (default: the scenario browser)."""
    root = Path(content) if content is not None else None
    return GradreplApp(opening or Opening(), content=root, **options)


def resolve_opening(path: str | None, framework: str | None, catalog: Callable[[], Catalog]) -> Opening:
    """What ``gradrepl PATH`` should open: a script, a scenario (id or directory) or the browser.

    ``catalog`` is called only when the path is not a script (reading every scenario costs time).
    """
    if not path:
        return Opening("browser", framework=framework)
    candidate = Path(path)
    if candidate.is_file() and candidate.suffix == ".py":
        Source.of_script(candidate, framework)  # an unreadable script is one clear error, before the app starts
        return Opening("script", str(candidate), framework)
    if is_scenario_path(candidate) or catalog().scenario(path) is not None:
        return Opening("scenario", path, framework)
    if candidate.suffix == ".py":
        raise GradreplError("no such script", path=path)
    raise GradreplError(f"{path!r} is neither a Python script nor a scenario; run 'gradrepl list' to see the scenarios")


def run(args: argparse.Namespace) -> int:
    """``gradrepl [app] [PATH] [--framework FW] [--content DIR]``."""
    content = getattr(args, "content", None)
    loaded: list[Catalog] = []

    def catalog() -> Catalog:
        if not loaded:
            loaded.append(Catalog.load(Path(content) if content else None))
        return loaded[0]

    opening = resolve_opening(getattr(args, "path", None), getattr(args, "framework", None), catalog)
    if opening.kind == "scenario" and opening.target is not None:
        _check_scenario(opening.target, catalog())
    app = make_app(opening, content=content, catalog=loaded[0] if loaded else None)
    return app.run() or 0


def run_lesson(args: argparse.Namespace) -> int:
    """``gradrepl lesson [NAME] [--content DIR]``: the course, where the learner left off."""
    content = getattr(args, "content", None)
    catalog = Catalog.load(Path(content) if content else None)
    if not catalog.lessons:
        problems = "; ".join(str(e) for e in catalog.errors[:3])
        raise GradreplError("no lessons were found" + (f" ({problems})" if problems else ""))
    name = getattr(args, "name", None)
    if name and catalog.lesson(name) is None:
        from gradrepl.core.lesson import find_lesson

        find_lesson(name, content)  # raises the one clear error when there is no such lesson
    app = make_app(Opening("lesson", name), content=content, catalog=catalog)
    return app.run() or 0


def _check_scenario(target: str, catalog: Catalog) -> None:
    if catalog.scenario(target) is None:
        from gradrepl.core.scenario import load_scenario

        load_scenario(target)  # a broken scenario.toml is one GradreplError naming file and line
