"""Tests the state directory lookup and atomic_write."""

from __future__ import annotations

from pathlib import Path

import pytest

from gradrepl.core.statedir import atomic_write, state_dir
from gradrepl.errors import GradreplError


def test_explicit_env_var_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRADREPL_STATE_DIR", str(tmp_path / "mine"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    assert state_dir() == tmp_path / "mine"
    assert (tmp_path / "mine").is_dir()


def test_xdg_state_home_is_used_next(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GRADREPL_STATE_DIR", raising=False)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    assert state_dir(create=False) == tmp_path / "xdg" / "gradrepl"
    assert not (tmp_path / "xdg").exists()


def test_home_fallback_ignores_a_relative_xdg_value(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GRADREPL_STATE_DIR", raising=False)
    monkeypatch.setenv("XDG_STATE_HOME", "relative/path")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert state_dir(create=False) == tmp_path / ".local" / "state" / "gradrepl"


def test_atomic_write_replaces_content_and_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "file.json"
    atomic_write(target, "one")
    atomic_write(target, "two ünïcode\n")
    assert target.read_text(encoding="utf-8") == "two ünïcode\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["file.json"]


def test_atomic_write_failure_names_the_file_and_cleans_up(tmp_path: Path) -> None:
    target = tmp_path / "progress.json"
    target.mkdir()  # a non-empty directory cannot be replaced by a file
    (target / "keep").write_text("old")
    with pytest.raises(GradreplError) as info:
        atomic_write(target, "new")
    assert "progress.json" in str(info.value) and "cannot write" in str(info.value)
    assert (target / "keep").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["progress.json"]


def test_an_uncreatable_state_dir_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("GRADREPL_STATE_DIR", str(blocker / "state"))
    with pytest.raises(GradreplError, match="cannot create the state directory"):
        state_dir()
