"""Shared fixtures for the runner tests: one fake-backend Runner for the whole session."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator

import pytest

from gradrepl.core.report import RunReport
from gradrepl.core.request import RunRequest
from gradrepl.runner.runner import Runner

SCRIPT = "<hostile>"


class FakeHarness:
    """Runs user code in the fake worker of a shared Runner, with the checks every test needs."""

    def __init__(self, runner: Runner) -> None:
        self.runner = runner

    def run(self, code: str, **kw: object) -> RunReport:
        """Run dedented ``code`` under the file name ``<hostile>``."""
        kw.setdefault("filename", SCRIPT)
        return self.runner.run("fake", RunRequest(code=textwrap.dedent(code), **kw))  # type: ignore[arg-type]

    def pid(self) -> int:
        """The pid of the worker that serves the next run, asked from inside it."""
        report = self.run("import os\nprint(os.getpid())")
        assert report.outcome == "completed", report.error
        return int(report.stdout)

    def assert_clean(self) -> None:
        """The next run is correct: right gradient, exact output, no error, no warning."""
        report = self.run("""\
            import fakegrad
            x = fakegrad.tensor(3.0, requires_grad=True)
            loss = x * x + 1
            loss.backward()
            print("grad", x.grad)
            """)
        assert report.outcome == "completed", report.error
        assert report.stdout == "grad 6.0\n"
        assert report.stderr == ""
        assert not report.output_truncated
        assert report.warnings == []
        x = report.variable("x")
        assert x is not None and x.grad.kind == "finite" and x.grad.sample == [6.0]


@pytest.fixture(scope="session")
def fake_runner() -> Iterator[Runner]:
    with Runner() as runner:
        runner.wait_ready("fake", timeout=60)
        yield runner


@pytest.fixture()
def fake(fake_runner: Runner) -> FakeHarness:
    return FakeHarness(fake_runner)
