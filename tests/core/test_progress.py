"""Tests progress: round trip, atomic save, and corrupt files moved aside (never fatal)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gradrepl.core.progress import Progress, load_progress


def test_missing_file_is_empty_progress(tmp_path: Path) -> None:
    progress = load_progress(tmp_path / "progress.json")
    assert progress.solved == {} and progress.current_lesson is None and progress.warning is None


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    progress = load_progress(path)
    assert progress.mark_solved("detach-cuts-graph", "torch") is True
    assert progress.mark_solved("detach-cuts-graph", "torch") is False
    progress.mark_solved("detach-cuts-graph", "tensorflow")
    progress.current_lesson = "04-cutting-the-graph"
    progress.save()
    again = load_progress(path)
    assert again.is_solved("detach-cuts-graph", "torch")
    assert again.is_solved("detach-cuts-graph")
    assert not again.is_solved("where-nan")
    assert again.current_lesson == "04-cutting-the-graph"
    assert json.loads(path.read_text())["solved"] == {"detach-cuts-graph": ["tensorflow", "torch"]}


def test_reset_one_and_all(tmp_path: Path) -> None:
    progress = Progress(tmp_path / "p.json", "01-backward-basics", {"a": {"torch"}, "b": {"torch"}})
    progress.reset("a")
    assert not progress.is_solved("a") and progress.is_solved("b")
    progress.reset()
    assert progress.solved == {} and progress.current_lesson is None


@pytest.mark.parametrize(
    "content, reason",
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        ('{"format": 99}', "format 99"),
        ('{"format": 1, "solved": {"a": "torch"}}', "'solved'"),
        ('{"format": 1, "current_lesson": 3}', "current_lesson"),
        (b"\xff\xfe\x00garbage", "could not be read"),
    ],
)
def test_corrupt_file_is_moved_aside_and_reported_once(tmp_path: Path, content: str | bytes, reason: str) -> None:
    path = tmp_path / "progress.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    progress = load_progress(path)
    assert progress.warning is not None and reason in progress.warning
    assert progress.solved == {}
    aside = list(tmp_path.glob("progress.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].name in progress.warning
    assert not path.exists()
    # reported once: the next load starts clean and says nothing
    assert load_progress(path).warning is None
    # the fresh progress can be saved over the old name
    progress.mark_solved("x", "torch")
    progress.save()
    assert load_progress(path).is_solved("x", "torch")


def test_two_corrupt_files_in_the_same_second_both_survive(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    for _ in range(2):
        path.write_text("{broken")
        load_progress(path)
    assert len(list(tmp_path.glob("progress.json.corrupt-*"))) == 2


def test_default_path_is_in_the_state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRADREPL_STATE_DIR", str(tmp_path))
    progress = load_progress()
    progress.mark_solved("s", "torch")
    progress.save()
    assert (tmp_path / "progress.json").is_file()
