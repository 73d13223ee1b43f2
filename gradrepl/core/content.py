"""Provides where lessons and scenarios live: --content DIR, the checkout, or the package.

Three places, in order: a directory the user names (``--content DIR``); the
repository's working tree when gradrepl runs from a checkout (so authors see
their edits at once); the copy shipped inside the wheel (``gradrepl/_content``).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from gradrepl.errors import GradreplError

_PACKAGE = Path(__file__).resolve().parent.parent
KINDS = ("scenarios", "lessons")


def content_root(explicit: str | Path | None = None) -> Path:
    """The directory that holds ``scenarios/`` and ``lessons/``."""
    if explicit is not None:
        root = Path(explicit).expanduser()
        if not root.is_dir():
            raise GradreplError(f"content directory {str(root)!r} does not exist")
        if not any((root / kind).is_dir() for kind in KINDS):
            raise GradreplError(f"content directory {str(root)!r} has neither scenarios/ nor lessons/ in it")
        return root
    for root in (checkout_root(), _PACKAGE / "_content"):
        if root is not None and any((root / kind).is_dir() for kind in KINDS):
            return root
    raise GradreplError("no lessons or scenarios were found; pass --content DIR or reinstall gradrepl")


def checkout_root() -> Path | None:
    """The repository's working tree when gradrepl is imported from one."""
    root = _PACKAGE.parent
    if (root / "pyproject.toml").is_file() and (root / "gradrepl").resolve() == _PACKAGE:
        return root
    return None


def scenarios_dir(explicit: str | Path | None = None) -> Path:
    """The ``scenarios/`` directory of the content in use."""
    return content_root(explicit) / "scenarios"


def lessons_dir(explicit: str | Path | None = None) -> Path:
    """The ``lessons/`` directory of the content in use."""
    return content_root(explicit) / "lessons"


def display_path(path: Path) -> str:
    """``path`` relative to the working directory when it is below it, for messages."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def find_content_dirs(
    paths: Iterable[str | Path], marker: str, kind: str, errors: list[GradreplError], files: tuple[str, ...] = ()
) -> list[Path]:
    """Directories holding ``marker`` (a scenario's or a lesson's file) under ``paths``, in
    order and each once. A path may name such a directory, one of its ``files``, or a folder
    of them; a path that is none of these goes to ``errors``, naming the ``kind`` expected."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_file() and path.name in (marker, *files):
            path = path.parent
        if (path / marker).is_file():
            found.append(path)
        elif path.is_dir() and any(path.glob(f"*/{marker}")):
            found.extend(sorted(p.parent for p in path.glob(f"*/{marker}")))
        elif not path.exists():
            errors.append(GradreplError("no such file or directory", path=display_path(path)))
        else:
            errors.append(GradreplError(f"not a {kind} directory (no {marker} in it or below it)", path=display_path(path)))
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())
