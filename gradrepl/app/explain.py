"""Provides the explanation panel's Markdown: diagnosis, checks, document claims and hints.

Pure text building (no Textual), so it is tested without an app: given a run's
report, the scenario's verdicts and how many hints the learner asked for, it
says in plain words what is wrong, where, what the source documents claim
about it (and whether running agrees), and the hints revealed so far.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from gradrepl.core import causes
from gradrepl.core.checks import Verdict
from gradrepl.core.grad_text import describe_grad
from gradrepl.core.report import Finding, RunReport
from gradrepl.core.scenario import Claim

HINT_NAMES = ("the idea", "where to look", "the fix")
SYMPTOM_WORDS = {
    "grad_none": "gets no gradient (None)",
    "grad_zero": "gets a gradient of all zeros",
    "grad_nan": "gets a gradient with NaN or inf in it",
    "error": "gets no gradient because the script stopped with an error",
    "ok": "has a finite, non-zero gradient",
}
VERDICT_WORDS = {"right": "running agrees", "wrong": "running shows this is wrong", "partly": "only partly right"}


@dataclass(frozen=True)
class ExplainInput:
    """Everything the explanation is built from."""

    report: RunReport | None
    verdicts: Sequence[Verdict] | None = None
    """The scenario's solution checks; None for a plain script."""
    hints: Sequence[str] = ()
    revealed: int = 0
    claims: Sequence[Claim] = ()
    summary: str = ""
    stale: bool = False
    """The editor holds code newer than this report (a syntax error, or a run pending)."""


def explanation_markdown(data: ExplainInput) -> str:
    """The whole panel as Markdown."""
    parts = [_summary(data), _status(data), _findings(data.report), _checks(data.verdicts)]
    parts += [_claims(data.claims, data.report), _hints(data.hints, data.revealed, data.report)]
    return "\n\n".join(p for p in parts if p).strip() + "\n"


def checks_passed(verdicts: Sequence[Verdict] | None) -> bool:
    """True when there are verdicts and every one passed."""
    return bool(verdicts) and all(v.passed for v in verdicts or ())


def hints_for(scenario_hints: Sequence[str], report: RunReport | None) -> list[str]:
    """The scenario's hints, or for a plain script the catalogue's hints for the top cause."""
    hints = [h for h in scenario_hints if h.strip()]
    if hints or report is None:
        return hints
    finding = _top_problem(report)
    if finding is None or not causes.is_known(finding.cause):
        return []
    return [h for h in causes.get(finding.cause).hints if h.strip()]


def _summary(data: ExplainInput) -> str:
    return f"*{data.summary}*" if data.summary else ""


def _status(data: ExplainInput) -> str:
    report = data.report
    if report is None:
        return "Waiting for the first run ..."
    lines = []
    if data.stale:
        lines.append("*(showing the last run; the editor has changed since)*")
    if report.outcome == "timeout":
        lines.append("**The run timed out.** An endless loop? Edit the code to run it again.")
    elif report.outcome == "crashed":
        lines.append("**The worker running your code crashed.** A fresh one is ready; edit to run again.")
    elif report.outcome == "raised" and report.error is not None:
        where = f" on line {report.error.line}" if report.error.line else ""
        lines.append(f"**Your script raised `{report.error.type}`{where}:** {report.error.message}")
    return "\n\n".join(lines)


def _findings(report: RunReport | None) -> str:
    if report is None:
        return ""
    problems = _problems(report)
    if not problems:
        if report.findings and report.outcome == "completed":
            return "### Diagnosis\n\nEvery variable gets a finite, non-zero gradient."
        return ""
    blocks = ["### Diagnosis"]
    for finding in problems:
        blocks.append(_finding_block(finding, report))
    return "\n\n".join(blocks)


def _finding_block(finding: Finding, report: RunReport) -> str:
    var = report.variable(finding.target)
    state = f" (grad: {describe_grad(var.grad)})" if var is not None else ""
    head = f"**`{finding.target}` {SYMPTOM_WORDS.get(finding.symptom, finding.symptom)}**{state}."
    cause = causes.get(finding.cause).title if causes.is_known(finding.cause) else finding.cause
    where = f" at line {finding.line}" if finding.line else ""
    op = f" (`{finding.op}`)" if finding.op else ""
    lines = [head, f"Cause: **{cause}**{where}{op}."]
    if finding.explanation:
        lines.append(finding.explanation)
    if finding.fix:
        lines.append(f"Fix: {finding.fix}")
    return "\n\n".join(lines)


def _checks(verdicts: Sequence[Verdict] | None) -> str:
    if verdicts is None:
        return ""
    if checks_passed(verdicts):
        return "### Checks\n\n**All checks pass.** Well done."
    failing = [v for v in verdicts if not v.passed]
    items = "\n".join(f"- {v.message}" for v in failing[:8])
    more = f"\n- ... and {len(failing) - 8} more" if len(failing) > 8 else ""
    return f"### Checks\n\n{len(failing)} of {len(verdicts)} not yet passing:\n\n{items}{more}"


def _claims(claims: Sequence[Claim], report: RunReport | None) -> str:
    rows = [f"- *{c.document}*{_example(c)} says: {c.says}. Running shows: {c.observed} "
            f"(**{VERDICT_WORDS.get(c.verdict, c.verdict)}**)." for c in claims]
    finding = _top_problem(report) if report is not None else None
    if finding is not None and causes.is_known(finding.cause):
        for claim in causes.get(finding.cause).claims:
            rows.append(f"- *{claim.document}* says: {claim.says}. Running shows: {claim.observed} "
                        f"(**{VERDICT_WORDS.get(claim.verdict, claim.verdict)}**).")
    if not rows:
        return ""
    return "### What the source documents say\n\n" + "\n".join(dict.fromkeys(rows))


def _example(claim: Claim) -> str:
    return f" ({claim.example})" if claim.example else ""


def _hints(hints: Sequence[str], revealed: int, report: RunReport | None) -> str:
    if not hints:
        return ""
    shown = min(max(revealed, 0), len(hints))
    blocks = ["### Hints"]
    for i, hint in enumerate(hints[:shown]):
        name = HINT_NAMES[i] if i < len(HINT_NAMES) else f"hint {i + 1}"
        blocks.append(f"**{i + 1}. {name.capitalize()}:** {hint.strip()}")
    left = len(hints) - shown
    if left:
        blocks.append(f"*Press ctrl+t for a hint ({left} left).*")
    return "\n\n".join(blocks)


def _problems(report: RunReport) -> list[Finding]:
    """The top finding of each target that has something wrong, most confident first."""
    best: dict[str, Finding] = {}
    for finding in report.findings:
        if finding.cause == causes.NONE and finding.symptom == "ok":
            continue
        if finding.target not in best or finding.confidence > best[finding.target].confidence:
            best[finding.target] = finding
    return sorted(best.values(), key=lambda f: -f.confidence)


def _top_problem(report: RunReport) -> Finding | None:
    problems = _problems(report)
    return problems[0] if problems else None


def run_summary(report: RunReport) -> str:
    """The status bar's words for a finished run."""
    took = f"{report.duration_ms:.0f} ms"
    if report.outcome == "completed":
        return f"ran in {took}"
    if report.outcome == "raised" and report.error is not None:
        line = f" on line {report.error.line}" if report.error.line else ""
        return f"raised {report.error.type}{line} ({took})"
    if report.outcome == "timeout":
        return "timed out: the run took too long and was stopped; edit to run again"
    if report.outcome == "crashed":
        detail = f": {report.error.message}" if report.error else ""
        return f"the run crashed{detail}; edit to run again"
    return report.outcome
