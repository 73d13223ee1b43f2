"""Provides the scenario model: load and validate ``scenario.toml`` (docs/scenario-format.md).

``load_scenario`` turns one directory into a frozen ``Scenario`` or raises one
GradreplError naming the file and line. ``load_scenarios`` loads many and
returns the errors beside the good ones, so a checker can go on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from gradrepl.core.content import display_path, find_content_dirs, scenarios_dir
from gradrepl.errors import GradreplError

FORMAT = 1
FRAMEWORKS = ("torch", "tensorflow")
SYMPTOMS = ("grad_none", "grad_zero", "grad_nan", "error", "ok")
GRAD_PROPERTIES = ("present", "finite", "nonzero", "zero")
VERDICTS = ("right", "wrong", "partly")
HINT_LEVELS = ("concept", "location", "fix")
DEFAULT_RTOL = 1e-5
DEFAULT_ATOL = 1e-6
FILE_NAME = "scenario.toml"
FILE_SUFFIX = {"torch": "torch", "tensorflow": "tf"}


@dataclass(frozen=True)
class Hints:
    """Progressive hints: the concept, then where to look, then the fix."""

    concept: str
    location: str
    fix: str

    def levels(self) -> tuple[str, str, str]:
        return (self.concept, self.location, self.fix)


@dataclass(frozen=True)
class Expect:
    """What the starter must show for one target (an ``[[<fw>.expect]]`` row)."""

    target: str
    symptom: str
    cause: str
    line: int | None = None
    """The script line the diagnosis must name, when given."""
    toml_line: int = 0
    """Where the row is written in scenario.toml."""


@dataclass(frozen=True)
class Check:
    """What the solution must satisfy for one target (a ``[[<fw>.check]]`` row)."""

    target: str
    grad: tuple[str, ...]
    values: tuple[float, ...] | None = None
    rtol: float = DEFAULT_RTOL
    atol: float = DEFAULT_ATOL
    fd: str | None = None
    """An expression recomputing the scalar loss, for a finite-difference check."""
    toml_line: int = 0


@dataclass(frozen=True)
class FrameworkSpec:
    """One framework's half of a scenario: its scripts, targets and rows."""

    framework: str
    starter: Path
    solution: Path
    targets: tuple[str, ...]
    expect: tuple[Expect, ...]
    check: tuple[Check, ...]
    hints: Hints
    """The scenario's hints with this framework's overrides applied."""
    toml_line: int = 0


@dataclass(frozen=True)
class Claim:
    """What a source document says, and what running the scenario shows."""

    document: str
    says: str
    observed: str
    verdict: str
    example: str = ""
    framework: str = ""
    toml_line: int = 0


@dataclass(frozen=True)
class Scenario:
    """One way a gradient goes missing, as a validated scenario directory."""

    id: str
    title: str
    lesson: str
    summary: str
    frameworks: tuple[str, ...]
    hints: Hints
    specs: tuple[FrameworkSpec, ...]
    directory: Path
    sources: tuple[str, ...] = ()
    claims: tuple[Claim, ...] = ()
    hint_lines: tuple[int, ...] = ()
    """scenario.toml lines of the concept, location and fix hints."""
    origin: str = ""
    """Where a user's own scenario came from (``GRADREPL_SCENARIO_PATH``, an entry point);
    empty for the content in use (see ``gradrepl.core.sources``)."""

    @property
    def path(self) -> Path:
        return self.directory / FILE_NAME

    def spec(self, framework: str) -> FrameworkSpec:
        for spec in self.specs:
            if spec.framework == framework:
                return spec
        raise KeyError(f"scenario {self.id!r} has no {framework} half")


def load_scenario(directory: str | Path) -> Scenario:
    """Load and validate one scenario directory; GradreplError on any problem."""
    from gradrepl.core.scenario_reader import read_scenario

    directory = Path(directory)
    path = directory / FILE_NAME
    if not path.is_file():
        raise GradreplError(f"no {FILE_NAME} in this directory", path=display_path(directory))
    return read_scenario(path)


def load_scenarios(
    paths: Iterable[str | Path] | None = None, pattern: str | None = None
) -> tuple[list[Scenario], list[GradreplError]]:
    """Load every scenario under ``paths`` (default: the scenarios of the content in use).

    A path may be a scenario directory, its scenario.toml, or a directory of
    scenario directories. ``pattern`` keeps those whose id (directory name)
    contains it. Bad scenarios come back as errors; the others still load.
    """
    scenarios: list[Scenario] = []
    errors: list[GradreplError] = []
    for directory in find_scenario_dirs(paths or [scenarios_dir()], errors):
        if pattern and pattern not in directory.name:
            continue
        try:
            scenarios.append(load_scenario(directory))
        except GradreplError as error:
            errors.append(error)
    return scenarios, errors


def find_scenario_dirs(paths: Iterable[str | Path], errors: list[GradreplError]) -> list[Path]:
    """Scenario directories under ``paths``, in order, each once; unusable paths go to errors."""
    return find_content_dirs(paths, FILE_NAME, "scenario", errors)


def is_scenario_path(path: str | Path) -> bool:
    """Whether ``path`` is a scenario directory, its scenario.toml, or holds scenario directories."""
    path = Path(path)
    if path.name == FILE_NAME or (path / FILE_NAME).is_file():
        return True
    return path.is_dir() and any(path.glob(f"*/{FILE_NAME}"))
