"""Provides the learner's progress: solved scenarios per framework and the current lesson.

Stored as ``progress.json`` in the state directory and always written with
``atomic_write``. A file that cannot be understood is never fatal: it is moved
aside to ``progress.json.corrupt-<timestamp>``, ``Progress.warning`` says so
once (the next load finds no file), and progress starts afresh.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gradrepl.core.statedir import atomic_write, state_dir

FILE_NAME = "progress.json"
FORMAT = 1


class _Corrupt(Exception):
    """The progress file exists but does not hold what we wrote."""


@dataclass
class Progress:
    """What the learner has done so far."""

    path: Path
    current_lesson: str | None = None
    solved: dict[str, set[str]] = field(default_factory=dict)
    """Scenario id → the frameworks whose solution check passed."""
    warning: str | None = None
    """Set when the stored file was unreadable and moved aside; show it once."""

    def is_solved(self, scenario: str, framework: str | None = None) -> bool:
        """Solved for ``framework``, or for any framework when it is None."""
        done = self.solved.get(scenario, set())
        return bool(done) if framework is None else framework in done

    def mark_solved(self, scenario: str, framework: str) -> bool:
        """Record a solved scenario; True when this is news (so the caller saves)."""
        done = self.solved.setdefault(scenario, set())
        if framework in done:
            return False
        done.add(framework)
        return True

    def reset(self, scenario: str | None = None) -> None:
        """Forget one scenario, or everything when ``scenario`` is None."""
        if scenario is None:
            self.solved.clear()
            self.current_lesson = None
        else:
            self.solved.pop(scenario, None)

    def to_json(self) -> str:
        data = {
            "format": FORMAT,
            "current_lesson": self.current_lesson,
            "solved": {sid: sorted(fws) for sid, fws in sorted(self.solved.items()) if fws},
        }
        return json.dumps(data, indent=2) + "\n"

    def save(self) -> None:
        """Write the progress atomically (GradreplError when the disk refuses)."""
        atomic_write(self.path, self.to_json())


def progress_path() -> Path:
    return state_dir() / FILE_NAME


def load_progress(path: str | Path | None = None) -> Progress:
    """The stored progress, or a fresh one (with ``warning`` set if the file was corrupt)."""
    target = Path(path) if path is not None else progress_path()
    try:
        text = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Progress(target)
    except (OSError, UnicodeDecodeError) as error:
        return _set_aside(target, f"it could not be read ({_reason(error)})")
    try:
        return _parse(target, text)
    except _Corrupt as error:
        return _set_aside(target, str(error))


def _parse(path: Path, text: str) -> Progress:
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as error:
        raise _Corrupt(f"it is not valid JSON (line {error.lineno})") from None
    if not isinstance(data, dict):
        raise _Corrupt("it does not hold a JSON object")
    if data.get("format") != FORMAT:
        raise _Corrupt(f"it has format {data.get('format')!r}, expected {FORMAT}")
    current = data.get("current_lesson")
    if current is not None and not isinstance(current, str):
        raise _Corrupt("'current_lesson' is not a string")
    solved = data.get("solved", {})
    if not isinstance(solved, dict) or not all(_is_str_list(v) for v in solved.values()):
        raise _Corrupt("'solved' is not a map from scenario ids to lists of frameworks")
    return Progress(path, current, {str(k): set(v) for k, v in solved.items()})


def _is_str_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(x, str) for x in value)


def _set_aside(path: Path, why: str) -> Progress:
    stamp = time.strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while aside.exists():
        counter += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    try:
        os.replace(path, aside)
    except OSError as error:
        warning = f"{path}: progress was not loaded because {why}; moving it aside failed ({_reason(error)}), progress starts afresh"
        return Progress(path, warning=warning)
    warning = f"{path}: progress was not loaded because {why}; the file was moved to {aside.name} and progress starts afresh"
    return Progress(path, warning=warning)


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or str(error)
