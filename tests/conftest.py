"""Shared test set-up: no test writes into the real per-user state directory."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from typing import Any

import pytest

# Set before any gradrepl module reads it, for this process and its workers.
os.environ.setdefault("GRADREPL_STATE_DIR", tempfile.mkdtemp(prefix="gradrepl-test-state-"))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
# The developer's own scenario folders must not change what the tests see.
os.environ.pop("GRADREPL_SCENARIO_PATH", None)


@pytest.fixture(scope="session")
def real_runner() -> Iterator[Any]:
    """One Runner over the real frameworks for the whole session: each framework is
    imported once (in its worker, on first use) however many test modules need it."""
    from gradrepl.runner.runner import Runner

    with Runner(spare=False) as runner:
        yield runner


@pytest.fixture(scope="session")
def tf_harness() -> Any:
    """The TF backend loaded once in this process, run like the worker (tests/backends/tf_harness.py)."""
    pytest.importorskip("tensorflow")
    from tf_harness import TFHarness

    return TFHarness()
