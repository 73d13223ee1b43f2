"""Provides DraftStore: the editor's buffers saved atomically and restored on the next start.

One small JSON file per scenario or script under ``<state dir>/drafts/``,
written with write + fsync + rename (``core.statedir.atomic_write``), so a
killed app leaves either the old draft or the new one, never half of one.
Saves may come from several threads; a save older than the one already on
disk is dropped, so drafts never go back in time.
"""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gradrepl.app.session import Workspace
from gradrepl.core.statedir import atomic_write, state_dir

FORMAT = 1


@dataclass
class Draft:
    """What is kept of one workspace between sessions."""

    buffers: dict[str, str] = field(default_factory=dict)
    framework: str = ""
    revealed: int = 0
    bases: dict[str, str] = field(default_factory=dict)
    """Digest of the text each buffer started from (a script's file on disk)."""

    def to_json(self) -> str:
        return json.dumps({"format": FORMAT, "buffers": self.buffers, "framework": self.framework,
                           "revealed": self.revealed, "bases": self.bases}, indent=1)

    @classmethod
    def from_json(cls, text: str) -> Draft | None:
        try:
            data: Any = json.loads(text)
        except ValueError:
            return None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return None
        buffers = {str(k): str(v) for k, v in dict(data.get("buffers", {})).items()}
        bases = {str(k): str(v) for k, v in dict(data.get("bases", {})).items()}
        return cls(buffers, str(data.get("framework", "")), int(data.get("revealed", 0)), bases)


def digest(text: str) -> str:
    """A short fingerprint of a text (to tell whether a script changed on disk)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


class DraftStore:
    """Drafts by workspace key, in the per-user state directory."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = (root or state_dir()) / "drafts"
        self._lock = threading.Lock()
        self._written: dict[str, int] = {}

    def path(self, key: str) -> Path:
        return self.root / f"{key}.json"

    def load(self, key: str) -> Draft | None:
        """The saved draft, or None when there is none (or it is unreadable)."""
        try:
            return Draft.from_json(self.path(key).read_text(encoding="utf-8"))
        except OSError:
            return None

    def save(self, key: str, draft: Draft | None, version: int) -> bool:
        """Write the draft (None: remove it) unless a newer ``version`` was written already."""
        with self._lock:
            if self._written.get(key, -1) >= version:
                return False
            if draft is None:
                self.path(key).unlink(missing_ok=True)
            else:
                self.path(key).parent.mkdir(parents=True, exist_ok=True)
                atomic_write(self.path(key), draft.to_json())
            self._written[key] = version
            return True

    def discard(self, key: str) -> None:
        """Forget the draft (after a reset to the starter of every framework)."""
        with self._lock:
            self.path(key).unlink(missing_ok=True)


def draft_of(ws: Workspace) -> Draft | None:
    """What to save of a workspace (None when nothing differs from a fresh start).

    A script's buffers remember the file they started from. An untouched
    workspace keeps no draft, so a starter its authors improve shows up new.
    """
    fresh = all(text == ws.source.starter(fw) for fw, text in ws.buffers.items())
    if fresh and ws.revealed == 0 and ws.framework == ws.source.frameworks[0]:
        return None
    bases = {fw: digest(ws.source.starter(fw)) for fw in ws.buffers} if ws.source.kind == "script" else {}
    return Draft(dict(ws.buffers), ws.framework, ws.revealed, bases)


def apply_draft(draft: Draft, ws: Workspace, keep_framework: bool = False) -> list[str]:
    """Put a saved draft back into a fresh workspace; return notes for the user.

    A script's buffer comes back only while the file is as it was when the
    buffer was saved: a file edited elsewhere since wins over the old draft.
    """
    notes: list[str] = []
    for fw, text in draft.buffers.items():
        if fw not in ws.buffers:
            continue
        base = draft.bases.get(fw)
        if ws.source.kind == "script" and base is not None and base != digest(ws.source.starter(fw)):
            notes.append("The script changed on disk since your last edits here; showing the file.")
            continue
        ws.buffers[fw] = text
    if draft.framework in ws.buffers and not keep_framework:
        ws.framework = draft.framework
    ws.revealed = draft.revealed
    return notes
