"""Provides the user's own scenario folders: ``GRADREPL_SCENARIO_PATH`` and ``gradrepl.scenarios`` entry points.

Besides the content in use (``--content DIR``, the checkout or the package),
scenarios may come from directories named in ``GRADREPL_SCENARIO_PATH``
(``os.pathsep``-separated) and from installed packages exposing an entry point
in the group ``gradrepl.scenarios``. Each source is a folder of scenarios or a
single scenario directory. A broken source is one GradreplError naming the
variable or the entry point, and is skipped: the built-in content keeps
working. On an id clash the built-in scenario wins (and, between two user
sources, the first), and the clash is one error. docs/scenario-format.md,
"Your own scenarios", is the user's side of this.
"""

from __future__ import annotations

import dataclasses
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from gradrepl.core.content import display_path, scenarios_dir
from gradrepl.core.scenario import FILE_NAME, Scenario, find_scenario_dirs, load_scenario, load_scenarios
from gradrepl.errors import GradreplError

ENV_VAR = "GRADREPL_SCENARIO_PATH"
GROUP = "gradrepl.scenarios"


@dataclass(frozen=True)
class ScenarioSource:
    """One user folder of scenarios (or one scenario directory), and where it was named."""

    path: Path
    origin: str
    """``GRADREPL_SCENARIO_PATH`` or ``entry point 'NAME' (DIST)``, for messages."""


def user_sources(environ: Mapping[str, str] | None = None) -> tuple[list[ScenarioSource], list[GradreplError]]:
    """The environment variable's folders, then the entry points' (by name), each once."""
    env_found, env_errors = env_sources((os.environ if environ is None else environ).get(ENV_VAR, ""))
    ep_found, ep_errors = entry_point_sources()
    unique: dict[Path, ScenarioSource] = {}
    for source in env_found + ep_found:
        unique.setdefault(source.path.resolve(), source)
    return list(unique.values()), env_errors + ep_errors


def env_sources(value: str) -> tuple[list[ScenarioSource], list[GradreplError]]:
    """The folders an ``os.pathsep``-separated value names; empty entries are ignored."""
    found: list[ScenarioSource] = []
    errors: list[GradreplError] = []
    for entry in (part.strip() for part in value.split(os.pathsep)):
        if not entry:
            continue
        try:
            found.append(_checked(Path(entry).expanduser(), ENV_VAR))
        except GradreplError as error:
            errors.append(error)
    return found, errors


def entry_point_sources() -> tuple[list[ScenarioSource], list[GradreplError]]:
    """The folders named by the installed ``gradrepl.scenarios`` entry points, by entry point name."""
    found: list[ScenarioSource] = []
    points, errors = _entry_points()
    for point in sorted(points, key=lambda p: (p.name, p.value)):
        origin = _describe(point)
        try:
            found.extend(_checked(path, origin) for path in _entry_point_paths(point, origin))
        except GradreplError as error:
            errors.append(error)
    return found, errors


def _entry_points() -> tuple[list[Any], list[GradreplError]]:
    """The group's entry points. One unreadable entry_points.txt anywhere makes the standard
    call fail for all, so then each distribution is read alone and the bad ones are named."""
    from importlib.metadata import distributions, entry_points

    try:
        return list(entry_points(group=GROUP)), []
    except Exception:  # a third-party file we do not control; found and named below
        pass
    points: list[Any] = []
    errors: list[GradreplError] = []
    seen: set[str] = set()
    for dist in distributions():
        name = str(dist.metadata["Name"] or "?")
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue  # the first on sys.path counts, as for importlib.metadata.entry_points()
        seen.add(key)
        try:
            points.extend(dist.entry_points.select(group=GROUP))
        except Exception as error:  # as above
            message = f"the entry points of the installed package {name} cannot be read ({type(error).__name__}: {error})"
            errors.append(GradreplError(message))
    return points, errors


def _describe(point: Any) -> str:
    dist = getattr(point, "dist", None)
    owner = f" of {dist.name} {dist.version}" if dist is not None else ""
    return f"entry point {point.name!r} ({point.value}){owner}"


def _entry_point_paths(point: Any, origin: str) -> list[Path]:
    """What the entry point's object names: a path, a module's folder, or a callable's answer."""
    try:
        obj = point.load()
    except Exception as error:  # any failure of third-party code at import is that source's problem only
        raise GradreplError(f"{origin} in group {GROUP} could not be loaded: {type(error).__name__}: {error}") from None
    base = _module_dir(sys.modules.get(point.module))
    if isinstance(obj, ModuleType):
        folder = _module_dir(obj)
        if folder is None:
            raise GradreplError(f"{origin}: module {obj.__name__!r} has no directory on disk")
        return [folder / "scenarios" if (folder / "scenarios").is_dir() else folder]
    if callable(obj):
        try:
            obj = obj()
        except Exception as error:  # as above: a failing callable breaks its own source, nothing else
            raise GradreplError(f"{origin}: calling it raised {type(error).__name__}: {error}") from None
        items = obj if isinstance(obj, (list, tuple)) else [obj]
        if all(isinstance(item, (str, os.PathLike)) for item in items):
            return [_as_path(item, base) for item in items]
        raise GradreplError(f"{origin}: the callable returned {type(obj).__name__}, not a path or a list of paths")
    if isinstance(obj, (str, os.PathLike)):
        return [_as_path(obj, base)]
    raise GradreplError(f"{origin} is a {type(obj).__name__}, not a path, a module or a callable returning paths")


def _module_dir(module: ModuleType | None) -> Path | None:
    """A package's own folder, a plain module's folder; None without a file (or for None)."""
    if module is None:
        return None
    file = getattr(module, "__file__", None)
    if file:
        return Path(file).resolve().parent
    locations = list(getattr(module, "__path__", []) or [])  # a namespace package
    return Path(locations[0]).resolve() if locations else None


def _as_path(value: str | os.PathLike[str], base: Path | None) -> Path:
    """A path from an entry point; a relative one is relative to the entry point's module folder."""
    path = Path(value).expanduser()
    return path if path.is_absolute() or base is None else base / path


def _checked(path: Path, origin: str) -> ScenarioSource:
    """``path`` as a source when it is a scenario folder or a scenario directory."""
    if not path.exists():
        raise GradreplError(f"{origin} names a folder that does not exist", path=display_path(path))
    if not path.is_dir():
        raise GradreplError(f"{origin} names a file, not a folder of scenarios", path=display_path(path))
    if not (path / FILE_NAME).is_file() and not any(path.glob(f"*/{FILE_NAME}")):
        raise GradreplError(f"{origin} names a folder with no {FILE_NAME} in it or one level below", path=display_path(path))
    return ScenarioSource(path, origin)


def load_user_scenarios(
    sources: list[ScenarioSource], pattern: str | None = None
) -> tuple[list[Scenario], list[GradreplError]]:
    """Every scenario of ``sources``, each marked with its source's origin; bad files as errors."""
    scenarios: list[Scenario] = []
    errors: list[GradreplError] = []
    for source in sources:
        loaded, load_errors = load_scenarios([source.path], pattern)
        scenarios.extend(dataclasses.replace(s, origin=source.origin) for s in loaded)
        errors.extend(load_errors)
    return scenarios, errors


def merge(builtin: list[Scenario], user: list[Scenario]) -> tuple[list[Scenario], list[GradreplError]]:
    """Built-in scenarios, then the user's whose id is new; one error per clash."""
    taken = {s.id: s for s in builtin}
    seen_dirs = {s.directory.resolve() for s in builtin}
    merged = list(builtin)
    errors: list[GradreplError] = []
    for scenario in user:
        if scenario.directory.resolve() in seen_dirs:
            continue  # the same directory reached twice (a source that is the built-in folder)
        seen_dirs.add(scenario.directory.resolve())
        first = taken.get(scenario.id)
        if first is None:
            taken[scenario.id] = scenario
            merged.append(scenario)
            continue
        winner = "the built-in scenario" if not first.origin else f"the one from {first.origin}"
        message = f"scenario id {scenario.id!r} from {scenario.origin} is taken; {winner} is used"
        errors.append(GradreplError(message, path=display_path(scenario.path)))
    return merged, errors


def load_all_scenarios(
    content: str | Path | None = None, pattern: str | None = None, environ: Mapping[str, str] | None = None
) -> tuple[list[Scenario], list[GradreplError]]:
    """The content's scenarios and then the user's, clashes resolved; every problem beside them.

    Raises only when ``content`` itself is unusable (a ``--content DIR`` that is not one).
    """
    folder = scenarios_dir(content)
    builtin, errors = load_scenarios([folder], pattern) if folder.is_dir() else ([], [])
    sources, source_errors = user_sources(environ)
    user, user_errors = load_user_scenarios(sources, pattern)
    merged, clashes = merge(builtin, user)
    return merged, errors + source_errors + user_errors + clashes


def find_scenario(
    sid: str, content: str | Path | None = None, environ: Mapping[str, str] | None = None
) -> tuple[Scenario | None, list[GradreplError]]:
    """The scenario with id ``sid``: the content's own when it has one (without reading the
    user's sources), else the user's. Beside it, the problems met reading user sources."""
    own = scenarios_dir(content) / sid
    if (own / FILE_NAME).is_file():
        return load_scenario(own), []
    sources, errors = user_sources(environ)
    for source in sources:
        for directory in find_scenario_dirs([source.path], errors):
            if directory.name == sid:
                return dataclasses.replace(load_scenario(directory), origin=source.origin), errors
    return None, errors


def scenario_ids(content: str | Path | None = None, environ: Mapping[str, str] | None = None) -> list[str]:
    """The ids of every scenario directory, the content's and the user's, sorted (no file is parsed)."""
    ids = set()
    try:
        ids.update(p.parent.name for p in scenarios_dir(content).glob(f"*/{FILE_NAME}"))
    except GradreplError:
        pass  # no content: the user's scenarios may still be there
    sources, _ = user_sources(environ)
    for source in sources:
        ids.update(d.name for d in find_scenario_dirs([source.path], []))
    return sorted(ids)
