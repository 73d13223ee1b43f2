"""Fixtures for the app tests: a state dir per test, one shared runner, the app factory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from app_helpers import fake_catalog

from gradrepl.app.app import GradreplApp, Opening
from gradrepl.app.drafts import DraftStore
from gradrepl.app.main import make_app
from gradrepl.core.progress import load_progress


@pytest.fixture(autouse=True)
def state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own per-user state directory."""
    path = tmp_path / "state"
    monkeypatch.setenv("GRADREPL_STATE_DIR", str(path))
    return path


@pytest.fixture
def app_factory(real_runner: Any, state_dir: Path) -> Callable[..., GradreplApp]:
    """Builds apps the way the CLI does, sharing the session's runner and a fake catalog."""

    def build(opening: Opening | None = None, **options: Any) -> GradreplApp:
        options.setdefault("catalog", fake_catalog())
        options.setdefault("runner", real_runner)
        options.setdefault("drafts", DraftStore(state_dir))
        options.setdefault("progress", load_progress(state_dir / "progress.json"))
        return make_app(opening, **options)

    return build
