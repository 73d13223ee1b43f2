"""Provides read_scenario(): scenario.toml → Scenario, enforcing every rule of the format.

The rules are those of docs/scenario-format.md, "Rules the loader enforces".
The first problem found is raised as one GradreplError with file and line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gradrepl.core import causes
from gradrepl.core.scenario import (
    DEFAULT_ATOL,
    DEFAULT_RTOL,
    FILE_SUFFIX,
    FORMAT,
    FRAMEWORKS,
    GRAD_PROPERTIES,
    HINT_LEVELS,
    SYMPTOMS,
    VERDICTS,
    Check,
    Claim,
    Expect,
    FrameworkSpec,
    Hints,
    Scenario,
)
from gradrepl.core.toml_lines import KeyPath
from gradrepl.core.toml_reader import TomlReader, parse

TOP_REQUIRED = ("format", "id", "title", "lesson", "summary", "frameworks", "hints")
TOP_OPTIONAL = ("sources", "claims", *FRAMEWORKS)
SPEC_REQUIRED = ("targets", "expect", "check")
SPEC_OPTIONAL = ("starter", "solution", "hints")
EXPECT_KEYS = (("target", "symptom", "cause"), ("line",))
CHECK_KEYS = (("target", "grad"), ("values", "rtol", "atol", "fd"))
CLAIM_KEYS = (("document", "says", "observed", "verdict"), ("example", "framework"))


def read_scenario(path: Path) -> Scenario:
    """Parse and validate ``path`` (a scenario.toml)."""
    data, reader = parse(path)
    reader.keys(data, (), TOP_REQUIRED, TOP_OPTIONAL)
    if reader.integer(data, (), "format", minimum=0) != FORMAT:
        raise reader.error(("format",), f"unsupported format {data['format']}; this gradrepl reads format {FORMAT}")
    scenario_id = reader.string(data, (), "id")
    if scenario_id != path.parent.name:
        raise reader.error(("id",), f"id {scenario_id!r} differs from the directory name {path.parent.name!r}")
    frameworks = _frameworks(data, reader)
    hints_table = reader.table(data, (), "hints")
    reader.keys(hints_table, ("hints",), HINT_LEVELS)
    hints = Hints(*(reader.string(hints_table, ("hints",), level, empty=True) for level in HINT_LEVELS))
    specs = tuple(_spec(data, reader, fw, path.parent, hints) for fw in frameworks)
    return Scenario(
        id=scenario_id,
        title=reader.string(data, (), "title"),
        lesson=reader.string(data, (), "lesson"),
        summary=reader.string(data, (), "summary"),
        frameworks=frameworks,
        hints=hints,
        specs=specs,
        directory=path.parent,
        sources=reader.strings(data, (), "sources", empty=True) if "sources" in data else (),
        claims=_claims(data, reader, frameworks),
        hint_lines=tuple(reader.line(("hints", level)) for level in HINT_LEVELS),
    )


def _frameworks(data: dict[str, Any], reader: TomlReader) -> tuple[str, ...]:
    frameworks = reader.strings(data, (), "frameworks")
    for fw in frameworks:
        if fw not in FRAMEWORKS:
            raise reader.error(("frameworks",), f"unknown framework {fw!r}; expected one of: {', '.join(FRAMEWORKS)}")
        if fw not in data:
            raise reader.error(("frameworks",), f"framework {fw!r} is listed but the file has no [{fw}] table")
    for fw in FRAMEWORKS:
        if fw in data and fw not in frameworks:
            raise reader.error((fw,), f"[{fw}] table for a framework not listed in 'frameworks'")
    return frameworks


def _spec(data: dict[str, Any], reader: TomlReader, fw: str, directory: Path, hints: Hints) -> FrameworkSpec:
    table = reader.table(data, (), fw)
    here: KeyPath = (fw,)
    reader.keys(table, here, SPEC_REQUIRED, SPEC_OPTIONAL)
    scripts = [_script(table, reader, here, role, directory, fw) for role in ("starter", "solution")]
    targets = reader.strings(table, here, "targets")
    expect = tuple(_expect(row, reader, (*here, "expect", i), targets) for i, row in _rows(table, reader, here, "expect"))
    check = tuple(_check(row, reader, (*here, "check", i), targets) for i, row in _rows(table, reader, here, "check"))
    return FrameworkSpec(
        framework=fw,
        starter=scripts[0],
        solution=scripts[1],
        targets=targets,
        expect=expect,
        check=check,
        hints=_hint_overrides(table, reader, here, hints),
        toml_line=reader.line(here),
    )


def _script(table: dict[str, Any], reader: TomlReader, here: KeyPath, role: str, directory: Path, fw: str) -> Path:
    name = reader.string(table, here, role) if role in table else f"{role}_{FILE_SUFFIX[fw]}.py"
    path = directory / name
    if not path.is_file():
        where = (*here, role) if role in table else here
        raise reader.error(where, f"{role} file {name!r} does not exist in {directory.name}/")
    return path


def _rows(table: dict[str, Any], reader: TomlReader, here: KeyPath, key: str) -> list[tuple[int, dict[str, Any]]]:
    rows = reader.tables(table, here, key)
    if not rows:
        raise reader.error((*here, key), f"{'.'.join(map(str, here))}.{key} needs at least one row")
    return list(enumerate(rows))


def _target(row: dict[str, Any], reader: TomlReader, here: KeyPath, targets: tuple[str, ...]) -> str:
    target = reader.string(row, here, "target")
    if target not in targets:
        raise reader.error((*here, "target"), f"target {target!r} is not in this framework's targets {list(targets)}")
    return target


def _expect(row: dict[str, Any], reader: TomlReader, here: KeyPath, targets: tuple[str, ...]) -> Expect:
    reader.keys(row, here, *EXPECT_KEYS)
    target = _target(row, reader, here, targets)
    symptom = reader.choice(row, here, "symptom", SYMPTOMS, "symptom")
    cause = reader.string(row, here, "cause")
    if not causes.is_known(cause):
        raise reader.error((*here, "cause"), f"unknown cause {cause!r}; the cause ids are listed in docs/causes.md")
    if (symptom == "ok") != (cause == causes.NONE):
        raise reader.error((*here, "cause"), f"symptom {symptom!r} and cause {cause!r} contradict: 'ok' goes with 'none'")
    line = reader.integer(row, here, "line") if "line" in row else None
    return Expect(target, symptom, cause, line, toml_line=reader.line(here))


def _check(row: dict[str, Any], reader: TomlReader, here: KeyPath, targets: tuple[str, ...]) -> Check:
    reader.keys(row, here, *CHECK_KEYS)
    target = _target(row, reader, here, targets)
    grad = reader.strings(row, here, "grad")
    for prop in grad:
        if prop not in GRAD_PROPERTIES:
            raise reader.error((*here, "grad"), f"unknown grad property {prop!r}; expected any of: {', '.join(GRAD_PROPERTIES)}")
    if "zero" in grad and "nonzero" in grad:
        raise reader.error((*here, "grad"), "grad cannot be both 'zero' and 'nonzero'")
    return Check(
        target=target,
        grad=grad,
        values=reader.numbers(row, here, "values") if "values" in row else None,
        rtol=_tolerance(row, reader, here, "rtol", DEFAULT_RTOL),
        atol=_tolerance(row, reader, here, "atol", DEFAULT_ATOL),
        fd=reader.string(row, here, "fd") if "fd" in row else None,
        toml_line=reader.line(here),
    )


def _tolerance(row: dict[str, Any], reader: TomlReader, here: KeyPath, key: str, default: float) -> float:
    if key not in row:
        return default
    value = reader.number(row, here, key)
    if value < 0:
        raise reader.error((*here, key), f"{key!r} must not be negative")
    return value


def _hint_overrides(table: dict[str, Any], reader: TomlReader, here: KeyPath, hints: Hints) -> Hints:
    if "hints" not in table:
        return hints
    overrides = reader.table(table, here, "hints")
    reader.keys(overrides, (*here, "hints"), (), HINT_LEVELS)
    levels = [
        reader.string(overrides, (*here, "hints"), level) if level in overrides else default
        for level, default in zip(HINT_LEVELS, hints.levels())
    ]
    return Hints(*levels)


def _claims(data: dict[str, Any], reader: TomlReader, frameworks: tuple[str, ...]) -> tuple[Claim, ...]:
    if "claims" not in data:
        return ()
    claims = []
    for i, row in enumerate(reader.tables(data, (), "claims")):
        here: KeyPath = ("claims", i)
        reader.keys(row, here, *CLAIM_KEYS)
        framework = reader.string(row, here, "framework") if "framework" in row else ""
        if framework and framework not in frameworks:
            raise reader.error((*here, "framework"), f"claim about {framework!r}, which this scenario does not cover")
        claims.append(
            Claim(
                document=reader.string(row, here, "document"),
                says=reader.string(row, here, "says"),
                observed=reader.string(row, here, "observed"),
                verdict=reader.choice(row, here, "verdict", VERDICTS, "verdict"),
                example=reader.string(row, here, "example") if "example" in row else "",
                framework=framework,
                toml_line=reader.line(here),
            )
        )
    return tuple(claims)
