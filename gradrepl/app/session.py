"""Provides Workspace: what the editor is working on, one buffer per framework (no Textual).

A workspace edits either a scenario (its starter, per framework) or any user
script. It owns the state the screen shows: the buffers, the framework in use,
how many hints were revealed, the newest run sent and the newest run shown.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from gradrepl.core.checks import Verdict, judge_solution, solution_requests
from gradrepl.core.report import RunReport
from gradrepl.core.request import RunRequest
from gradrepl.core.scenario import Claim, Scenario
from gradrepl.runner.detect import detect_framework
from gradrepl.errors import GradreplError

SourceKind = Literal["scenario", "script"]
DEFAULT_TIMEOUT = 10.0


@dataclass(frozen=True)
class Source:
    """A scenario or a script, as the workspace needs it."""

    kind: SourceKind
    title: str
    key: str
    """Identifies the drafts of this source in the state directory."""
    frameworks: tuple[str, ...]
    scenario: Scenario | None = None
    path: Path | None = None
    """The script's file, for a script."""
    script_text: str = ""

    @classmethod
    def of_scenario(cls, scenario: Scenario) -> Source:
        return cls("scenario", scenario.title, f"scenario/{scenario.id}", scenario.frameworks, scenario=scenario)

    @classmethod
    def of_script(cls, path: Path, framework: str | None = None) -> Source:
        """A user script; its framework is read from its imports unless given."""
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise GradreplError(f"cannot read the script: {error}", path=str(path)) from None
        framework = framework or detect_framework(text) or "torch"
        digest = hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:16]
        return cls("script", path.name, f"script/{digest}", (framework,), path=path, script_text=text)

    def starter(self, framework: str) -> str:
        """The code a fresh buffer starts from."""
        if self.scenario is None:
            return self.script_text
        return _read(self.scenario.spec(framework).starter)

    def solution(self, framework: str) -> str | None:
        """The reference solution, for scenarios."""
        if self.scenario is None:
            return None
        return _read(self.scenario.spec(framework).solution)

    def filename(self, framework: str) -> str:
        """The file name runs report (tracebacks, findings)."""
        if self.scenario is None:
            return self.path.name if self.path else "<script>"
        return self.scenario.spec(framework).starter.name

    def hints(self, framework: str) -> list[str]:
        if self.scenario is None:
            return []
        return list(self.scenario.spec(framework).hints.levels())

    def claims(self, framework: str) -> list[Claim]:
        if self.scenario is None:
            return []
        return [c for c in self.scenario.claims if c.framework in ("", framework)]


@dataclass
class Workspace:
    """The state of one open scenario or script."""

    source: Source
    framework: str
    buffers: dict[str, str] = field(default_factory=dict)
    revealed: int = 0
    """How many hints the learner has asked for."""
    sent: int = 0
    """Sequence number of the newest run handed to the runner."""
    shown: int = 0
    """Sequence number of the run on screen."""
    report: RunReport | None = None
    verdicts: tuple[Verdict, ...] | None = None
    solved: bool = False
    """The checks passed at least once in this workspace."""

    def __post_init__(self) -> None:
        if self.framework not in self.source.frameworks:
            self.framework = self.source.frameworks[0]
        for fw in self.source.frameworks:
            self.buffers.setdefault(fw, self.source.starter(fw))

    @property
    def code(self) -> str:
        return self.buffers[self.framework]

    def edit(self, code: str) -> None:
        self.buffers[self.framework] = code

    def other_framework(self) -> str | None:
        """The framework a switch goes to, when the source has two."""
        others = [fw for fw in self.source.frameworks if fw != self.framework]
        return others[0] if others else None

    def switch(self) -> str:
        """Switch to the other framework, keeping each buffer; return the framework now in use."""
        other = self.other_framework()
        if other is not None:
            self.framework = other
            self.report, self.verdicts = None, None
        return self.framework

    def reset(self) -> str:
        """Put the starter back in the current framework's buffer; return it."""
        self.buffers[self.framework] = self.source.starter(self.framework)
        return self.code

    def next_request(self, timeout: float = DEFAULT_TIMEOUT) -> tuple[int, RunRequest]:
        """A RunRequest for the current buffer, with a new sequence number."""
        self.sent += 1
        checks = []
        targets = None
        if self.source.scenario is not None:
            spec = self.source.scenario.spec(self.framework)
            checks = solution_requests(spec)
            targets = list(spec.targets)
        request = RunRequest(
            code=self.code, filename=self.source.filename(self.framework), targets=targets,
            timeout=timeout, checks=checks,
        )
        return self.sent, request

    def accept(self, seq: int, framework: str, report: RunReport) -> bool:
        """Take a finished run unless a newer one is already shown; judge it."""
        if seq < self.shown or framework != self.framework or report.outcome == "cancelled":
            return False
        self.shown = seq
        self.report = report
        self.verdicts = None
        if self.source.scenario is not None:
            self.verdicts = judge_solution(self.source.scenario.spec(framework), report)
            if self.passed:
                self.solved = True
        return True

    @property
    def passed(self) -> bool:
        """The run on screen passes every check of the scenario."""
        return bool(self.verdicts) and all(v.passed for v in self.verdicts or ())

    @property
    def pending(self) -> bool:
        """A newer run than the one shown was sent."""
        return self.sent > self.shown

    def reveal_hint(self, available: int) -> int:
        """Reveal one more of ``available`` hints; return how many are shown."""
        self.revealed = min(self.revealed + 1, available)
        return self.revealed


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise GradreplError(f"cannot read: {error.strerror}", path=str(path)) from None
