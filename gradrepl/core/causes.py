"""Provides the cause catalogue: every known reason a gradient goes missing.

The catalogue is data (``causes.toml`` beside this module): an id, a title, an
explanation in plain words, the fix, progressive hints, how torch and
TensorFlow differ, and what the source documents claim about it (with whether
running shows the claim to be right). The diagnosis rules name causes by id.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from gradrepl.errors import GradreplError

NONE = "none"


@dataclass(frozen=True)
class DocClaim:
    """What a source document says about a cause, and what running shows."""

    document: str
    says: str
    observed: str
    verdict: str
    """``right``, ``wrong`` or ``partly``."""


@dataclass(frozen=True)
class Cause:
    """One entry of the catalogue."""

    id: str
    title: str
    frameworks: tuple[str, ...]
    explanation: str = ""
    fix: str = ""
    hints: tuple[str, ...] = ()
    """Concept, then location, then the fix."""
    framework_notes: str = ""
    """How torch and TensorFlow differ on this cause."""
    claims: tuple[DocClaim, ...] = field(default_factory=tuple)


@cache
def catalogue() -> dict[str, Cause]:
    """All causes by id, read once from ``causes.toml``."""
    text = resources.files("gradrepl.core").joinpath("causes.toml").read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise GradreplError(f"invalid TOML: {error}", path="gradrepl/core/causes.toml") from error
    return {cid: _cause(cid, body) for cid, body in data.get("cause", {}).items()}


def _cause(cid: str, body: dict[str, object]) -> Cause:
    claims = tuple(DocClaim(**c) for c in body.get("claims", []))  # type: ignore[arg-type, union-attr]
    return Cause(
        id=cid,
        title=str(body["title"]),
        frameworks=tuple(body.get("frameworks", ())),  # type: ignore[arg-type]
        explanation=str(body.get("explanation", "")),
        fix=str(body.get("fix", "")),
        hints=tuple(body.get("hints", ())),  # type: ignore[arg-type]
        framework_notes=str(body.get("framework_notes", "")),
        claims=claims,
    )


def get(cause_id: str) -> Cause:
    """The cause with this id; GradreplError when there is none."""
    try:
        return catalogue()[cause_id]
    except KeyError:
        raise GradreplError(f"unknown cause id {cause_id!r}; see docs/causes.md") from None


def is_known(cause_id: str) -> bool:
    return cause_id in catalogue()
