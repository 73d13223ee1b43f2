"""Provides the per-user state directory and atomic_write(), the one way gradrepl writes state.

The directory is ``$GRADREPL_STATE_DIR`` when set, else ``$XDG_STATE_HOME/gradrepl``,
else ``~/.local/state/gradrepl``. Progress, autosaved edits and history live
there. Every write goes through ``atomic_write`` so a crash or a full disk
leaves either the old file or the new one, never half of each.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from gradrepl.errors import GradreplError

ENV_VAR = "GRADREPL_STATE_DIR"


def state_dir(create: bool = True) -> Path:
    """The state directory, created (with its parents) unless ``create`` is False."""
    explicit = os.environ.get(ENV_VAR)
    if explicit:
        path = Path(explicit).expanduser()
    else:
        xdg = os.environ.get("XDG_STATE_HOME")
        # XDG says a relative value is invalid and must be ignored
        base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".local" / "state"
        path = base / "gradrepl"
    if create:
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise GradreplError(f"cannot create the state directory: {error.strerror or error}", path=str(path)) from None
    return path


def atomic_write(path: str | Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8) atomically and durably.

    Writes a temporary file in the same directory, fsyncs it, renames it over
    ``path`` and fsyncs the directory, so the rename itself survives a crash.
    A failure raises GradreplError naming the file; the old content is kept.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise GradreplError(f"cannot write the file: {error.strerror or error}", path=str(target)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except OSError as error:
        _remove_quietly(temp)
        raise GradreplError(f"cannot write the file: {error.strerror or error}", path=str(target)) from None
    _fsync_dir(target.parent)


def _fsync_dir(directory: Path) -> None:
    # Not every platform lets a directory be opened (Windows); the data is safe regardless.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
