"""Fixtures for the REPL tests: one runner per module and framework, a fresh session per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from gradrepl.runner.runner import Runner


@pytest.fixture(scope="module")
def fake_runner() -> Iterator[Runner]:
    """A runner whose worker hosts the fake framework (fakegrad): no torch, no TF."""
    with Runner(spare=False) as runner:
        runner.wait_ready("fake")
        yield runner
