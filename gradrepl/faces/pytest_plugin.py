"""Provides the pytest plugin that collects scenarios as test items (``pytest scenarios/``).

Each ``scenario.toml`` becomes a file with one item per framework × starter /
solution, plus one for its framework-free content checks. All items of a
session share one Runner, created at the first item that runs, so collecting
ordinary tests never imports a framework (nor anything but the scenario model).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

FILE_NAME = "scenario.toml"
_RUNNER = pytest.StashKey[Any]()
_FRAMEWORKS = pytest.StashKey[list[str]]()
_MARKS = {"torch": "torch", "tensorflow": "tf"}


def pytest_configure(config: pytest.Config) -> None:
    # scenario items carry these marks; declared so --strict-markers accepts them anywhere
    config.addinivalue_line("markers", "torch: needs the real PyTorch")
    config.addinivalue_line("markers", "tf: needs the real TensorFlow")


def pytest_collect_file(file_path: Any, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.name == FILE_NAME:
        return ScenarioFile.from_parent(parent, path=file_path)
    return None


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    needed = {item.framework for item in items if isinstance(item, ScenarioItem)}
    config.stash[_FRAMEWORKS] = [fw for fw in ("torch", "tensorflow") if fw in needed]


def pytest_sessionfinish(session: pytest.Session) -> None:
    runner = session.config.stash.get(_RUNNER, None)
    if runner is not None:
        session.config.stash[_RUNNER] = None
        runner.close()


class ScenarioFile(pytest.File):
    """A scenario.toml: its items, or one item that fails with the loader's message."""

    def collect(self) -> Iterator[pytest.Item]:
        from gradrepl.core.scenario import load_scenario
        from gradrepl.errors import GradreplError

        try:
            scenario = load_scenario(self.path.parent)
        except GradreplError as error:
            yield BrokenScenarioItem.from_parent(self, name="load", error=str(error))
            return
        yield ContentItem.from_parent(self, name="content", scenario=scenario)
        for fw in scenario.frameworks:
            for phase in ("starter", "solution"):
                item = ScenarioItem.from_parent(self, name=f"{fw}-{phase}", scenario=scenario, framework=fw, phase=phase)
                item.add_marker(_MARKS[fw])
                yield item


class ScenarioFailed(Exception):
    """A scenario item's verdicts did not all pass."""


class _Item(pytest.Item):
    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, ScenarioFailed):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Any, int, str]:
        return self.path, 0, f"{self.path.parent.name}::{self.name}"


class BrokenScenarioItem(_Item):
    """Stands for a scenario.toml that does not load."""

    def __init__(self, *, error: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.error = error

    def runtest(self) -> None:
        raise ScenarioFailed(self.error)


class ContentItem(_Item):
    """The scenario's hints and source documents."""

    def __init__(self, *, scenario: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.scenario = scenario

    def runtest(self) -> None:
        from gradrepl.faces.scenario_run import content_phase

        _raise_failures(content_phase(self.scenario))


class ScenarioItem(_Item):
    """One framework's starter or solution, run in the session's shared Runner."""

    def __init__(self, *, scenario: Any, framework: str, phase: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.scenario = scenario
        self.framework = framework
        self.phase = phase

    def runtest(self) -> None:
        from gradrepl.errors import FrameworkMissing
        from gradrepl.faces.scenario_run import run_phase

        try:
            result = run_phase(_runner(self.config), self.scenario, self.framework, self.phase)
        except FrameworkMissing as error:
            pytest.skip(str(error))
        _raise_failures(result)


def _raise_failures(result: Any) -> None:
    if not result.passed:
        lines = [f.message for f in result.failures]
        if getattr(result, "output", ""):
            lines += ["", "output of the run:", result.output]
        raise ScenarioFailed("\n".join(lines))


def _runner(config: pytest.Config) -> Any:
    """The session's Runner; on first use, start every framework the collected items need."""
    runner = config.stash.get(_RUNNER, None)
    if runner is None:
        from gradrepl.errors import FrameworkMissing
        from gradrepl.runner.runner import Runner

        runner = Runner(spare=False)
        config.stash[_RUNNER] = runner
        for fw in config.stash.get(_FRAMEWORKS, []):
            try:
                runner.start(fw)
            except FrameworkMissing:
                pass  # its items skip with the message when they run
    return runner
