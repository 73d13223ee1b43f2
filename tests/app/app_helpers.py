"""Helpers for the app tests: fake-backend scenarios and a lesson, and waiting on the app."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from gradrepl.app.catalog import Catalog
from gradrepl.core.lesson import Lesson, split_sections
from gradrepl.core.scenario import Check, FrameworkSpec, Hints, Scenario

SAMPLES = Path(__file__).resolve().parent / "samples"
HINTS = Hints("Which calls end the recording of history?", "Look at line 5.", "Use x itself, not x.detach().")


def fake_scenario(sid: str, title: str, lesson: str = "01-fake") -> Scenario:
    """A scenario over the fake backend (the loader accepts only torch and TF, so it is built here)."""
    directory = SAMPLES / sid
    spec = FrameworkSpec(
        framework="fake",
        starter=directory / "starter_fake.py",
        solution=directory / "solution_fake.py",
        targets=("x", "w"),
        expect=(),
        check=(Check("x", ("present", "finite", "nonzero")),),
        hints=HINTS,
    )
    return Scenario(sid, title, lesson, f"{title}, in fakegrad.", ("fake",), HINTS, (spec,), directory)


def fake_catalog() -> Catalog:
    """Two fake scenarios in two lessons."""
    scenarios = [fake_scenario("fake-detach", "detach cuts the path"), fake_scenario("fake-nograd", "no_grad hides ops")]
    markdown = "# Cutting the graph\n\n## Why\n\nSome calls stop autograd from recording.\n"
    lesson = Lesson("01-fake", "Cutting the graph", 1, "cuts", ("fake-detach", "fake-nograd"), (), SAMPLES,
                    markdown, split_sections(markdown))
    second = Lesson("02-fake", "Again", 2, "again", ("fake-nograd",), (), SAMPLES, "# Again\n\nOnce more.\n", ())
    return Catalog([lesson, second], scenarios, [])


async def wait_for(pilot: Pilot[Any], predicate: Callable[[], object], timeout: float = 30.0) -> None:
    """Pause the pilot until ``predicate()`` is true; fail after ``timeout`` seconds."""
    end = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for the app ({_app_state(pilot.app)})")
        await pilot.pause(0.02)


def _app_state(app: Any) -> str:
    """What the app shows of its runs, so a failed wait says where it stood."""
    screen = app.screen
    status = getattr(screen, "status", None)
    workspace = getattr(screen, "workspace", None)
    parts = [f"screen {type(screen).__name__}"]
    if status is not None:
        parts.append(f"status {status.run_text!r}, frameworks {status.framework_text!r}")
    if workspace is not None:
        report = workspace.report
        parts.append(f"runs sent {workspace.sent}, shown {workspace.shown}, "
                     f"last outcome {report.outcome if report else None}")
    return "; ".join(parts)
