"""Measures the diagnosis on the accuracy corpus (tests/corpus/<framework>/*.py).

Every corpus file starts with one header line per target:

    # gradrepl-corpus: target=x cause=detach line=7 symptom=grad_none
    # gradrepl-corpus: target=w cause=none

The bench runs each file through the Runner (or, with --local, the backends in
this process), diagnoses it, and prints per framework: the share of broken
targets whose top finding names the right cause, the share with the right
line, and the false alarms on healthy targets (cause=none). tests/test_corpus.py
imports this module and asserts the same numbers.

    python bench/bench_accuracy.py [--local] [--framework torch] [-v]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
FRAMEWORKS = {"torch": "torch", "tensorflow": "tensorflow"}
HEADER = re.compile(r"^#\s*gradrepl-corpus:\s*(.*)$")


@dataclass
class Expect:
    """One header line: what the diagnosis must say about one target."""

    target: str
    cause: str
    line: int | None = None
    symptom: str | None = None


@dataclass
class Verdict:
    """The diagnosis of one target against its expectation."""

    file: str
    expect: Expect
    cause: str = ""
    line: int | None = None
    symptom: str = ""
    explanation: str = ""
    error: str = ""

    @property
    def healthy(self) -> bool:
        return self.expect.cause == "none"

    @property
    def cause_ok(self) -> bool:
        return self.cause == self.expect.cause

    @property
    def line_ok(self) -> bool:
        return self.expect.line is None or self.line == self.expect.line

    def describe(self) -> str:
        want = f"{self.expect.cause}@{self.expect.line}" if self.expect.line else self.expect.cause
        got = f"{self.cause}@{self.line}" if self.line else self.cause
        extra = f" [{self.error}]" if self.error else ""
        return f"{self.file} {self.expect.target}: want {want}, got {got} ({self.symptom}){extra}"


@dataclass
class Score:
    """Shares for one framework."""

    framework: str
    verdicts: list[Verdict] = field(default_factory=list)
    discovery_alarms: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """gradrepl's own warnings (a backend that could not follow or inspect a run)."""
    """Findings on variables discovered (targets=None) in programs whose every target is healthy."""

    def broken(self) -> list[Verdict]:
        return [v for v in self.verdicts if not v.healthy]

    def cause_share(self) -> float:
        broken = self.broken()
        return sum(v.cause_ok for v in broken) / len(broken) if broken else 1.0

    def line_share(self) -> float:
        with_line = [v for v in self.broken() if v.expect.line is not None]
        return sum(v.cause_ok and v.line_ok for v in with_line) / len(with_line) if with_line else 1.0

    def symptom_share(self) -> float:
        given = [v for v in self.broken() if v.expect.symptom]
        return sum(v.symptom == v.expect.symptom for v in given) / len(given) if given else 1.0

    def false_alarms(self) -> list[Verdict]:
        return [v for v in self.verdicts if v.healthy and v.cause != "none"]


def parse(path: Path) -> list[Expect]:
    """The header lines of a corpus file."""
    out = []
    for text in path.read_text(encoding="utf-8").splitlines():
        match = HEADER.match(text)
        if not match:
            break
        fields = dict(item.split("=", 1) for item in match.group(1).split())
        line = fields.get("line")
        out.append(Expect(fields["target"], fields["cause"], int(line) if line else None, fields.get("symptom")))
    if not out:
        raise ValueError(f"{path}: no '# gradrepl-corpus:' header on the first line")
    return out


def corpus_files(framework: str) -> list[Path]:
    return sorted((CORPUS / framework).glob("*.py"))


def judge(path: Path, expects: list[Expect], report: Any) -> list[Verdict]:
    """Compare the top finding of each target with its header."""
    out = []
    for expect in expects:
        verdict = Verdict(path.name, expect)
        found = _members(report, expect.target)
        if found:
            top = _top(found, healthy=expect.cause == "none")
            verdict.cause, verdict.line, verdict.symptom, verdict.explanation = top.cause, top.line, top.symptom, top.explanation
        else:
            verdict.error = report.target_errors.get(expect.target, "no finding for this target")
        out.append(verdict)
    return out


def _members(report: Any, target: str) -> list[Any]:
    """Findings of a target; a list or module target stands for its members (``t[0]``, ``t.w``)."""
    exact = [f for f in report.findings if f.target == target]
    if exact:
        return exact
    return [f for f in report.findings if f.target.startswith((target + "[", target + "."))]


def _top(found: list[Any], healthy: bool) -> Any:
    """The top finding of each member; of several members, the most confident that names a
    cause (so a group is healthy only when every member is)."""
    tops: dict[str, Any] = {}
    for f in sorted(found, key=lambda f: -f.confidence):
        tops.setdefault(f.target, f)
    odd = [f for f in tops.values() if f.cause != "none"]
    return max(odd, key=lambda f: f.confidence) if odd else next(iter(tops.values()))


def request_for(path: Path, expects: list[Expect]) -> Any:
    from gradrepl.core.request import RunRequest

    return RunRequest(code=path.read_text(encoding="utf-8"), filename=str(path), targets=[e.target for e in expects], timeout=60)


class LocalRunner:
    """The backends in this process (each framework loaded once), diagnosed like the Runner does."""

    def __init__(self) -> None:
        self.backends: dict[str, Any] = {}

    def run(self, framework: str, request: Any) -> Any:
        from gradrepl.backends.torch.local import run_local
        from gradrepl.diagnosis.engine import diagnose

        backend = self.backends.get(framework)
        if backend is None:
            backend = self.backends[framework] = _load_backend(framework)
        report = run_local(backend, request)
        report.findings = diagnose(report)
        return report


def _load_backend(framework: str) -> Any:
    if framework == "torch":
        from gradrepl.backends.torch import TorchBackend

        backend: Any = TorchBackend()
    else:
        from gradrepl.backends.tf import TFBackend  # type: ignore[attr-defined]

        backend = TFBackend()
    backend.load()
    return backend


def evaluate(runner: Any, framework: str, files: list[Path] | None = None) -> Score:
    score = Score(framework)
    for path in files if files is not None else corpus_files(framework):
        expects = parse(path)
        report = runner.run(framework, request_for(path, expects))
        score.verdicts.extend(judge(path, expects, report))
        score.warnings.extend(f"{path.name}: {w}" for w in report.warnings if w.startswith("gradrepl"))
        if all(e.cause == "none" for e in expects):
            score.discovery_alarms.extend(discovery_alarms(runner, framework, path))
    return score


def discovery_alarms(runner: Any, framework: str, path: Path) -> list[str]:
    """Run a healthy program with no targets: every variable the backend discovers must be fine."""
    from gradrepl.core.request import RunRequest

    report = runner.run(framework, RunRequest(code=path.read_text(encoding="utf-8"), filename=str(path), timeout=60))
    tops: dict[str, Any] = {}
    for f in sorted(report.findings, key=lambda f: -f.confidence):
        tops.setdefault(f.target, f)
    return [f"{path.name} {t}: discovered, got {f.cause}@{f.line}" for t, f in tops.items()
            if f.cause != "none" and not _frozen_by_the_code(report, t, f)]


def _frozen_by_the_code(report: Any, target: str, finding: Any) -> bool:
    """A parameter the program froze itself (fine-tuning, an attack on the input) is reported
    as frozen: a true statement about its state, not an alarm."""
    var = report.variable(target)
    return finding.cause == "frozen_parameter" and var is not None and bool(var.evidence.get("freeze_events"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--local", action="store_true", help="run the backends in this process, not through the Runner")
    parser.add_argument("--framework", choices=sorted(FRAMEWORKS), action="append")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    frameworks = args.framework or [fw for fw in FRAMEWORKS if corpus_files(fw)]
    if args.local:
        runner: Any = LocalRunner()
        scores = [_timed(runner, fw) for fw in frameworks]
    else:
        from gradrepl.runner import Runner

        with Runner(spare=False) as real:
            scores = [_timed(real, fw) for fw in frameworks]
    for score in scores:
        _print(score, args.verbose)
    return 0


def _timed(runner: Any, framework: str) -> Score:
    start = time.perf_counter()
    score = evaluate(runner, framework)
    print(f"[{framework}] {len(corpus_files(framework))} files in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return score


def _print(score: Score, verbose: bool) -> None:
    broken = score.broken()
    healthy = [v for v in score.verdicts if v.healthy]
    alarms = score.false_alarms()
    print(f"{score.framework}: {len(broken)} broken targets, {len(healthy)} healthy targets")
    print(f"  right cause (top finding): {score.cause_share():6.1%}")
    print(f"  right cause and line:      {score.line_share():6.1%}")
    print(f"  right symptom:             {score.symptom_share():6.1%}")
    print(f"  false alarms on healthy:   {len(alarms)} of {len(healthy)}")
    print(f"  false alarms, discovered:  {len(score.discovery_alarms)} (healthy programs run without targets)")
    print(f"  gradrepl's own warnings:   {len(score.warnings)}")
    misses = [v.describe() for v in broken if not (v.cause_ok and v.line_ok)] + [v.describe() for v in alarms]
    misses += score.discovery_alarms + score.warnings
    for text in misses if verbose else misses[:10]:
        print("   miss:", text)


if __name__ == "__main__":
    sys.exit(main())
