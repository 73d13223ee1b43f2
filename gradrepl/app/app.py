"""Provides GradreplApp: owns the runner, the drafts and the progress; screens do the rest.

User code never runs in this process. ``submit_run`` hands a request to a
thread worker that blocks on ``Runner.run`` (pipe I/O, no CPU) and posts the
report back, with the gradient-tree model already built off the UI thread.
At most one run per framework is in flight; newer edits wait as one pending
request (the newest), and cancel the run in flight only when it has taken
longer than ``RunPolicy.cancel_after``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.message_pump import MessagePump
from textual.reactive import reactive
from textual.screen import Screen

from gradrepl.app.catalog import Catalog
from gradrepl.app.drafts import DraftStore
from gradrepl.app.messages import FrameworkStatus, RunFinished
from gradrepl.app.runs import RunPolicy, RunService, make_runner
from gradrepl.core.graph_view import GraphView
from gradrepl.core.progress import Progress, load_progress
from gradrepl.core.report import ErrorInfo, RunReport
from gradrepl.core.request import RunRequest
from gradrepl.errors import GradreplError

STARTUP_WAIT_S = 120.0
"""How long a framework may take to import before its start counts as failed (a slow, busy machine)."""
RunnerFactory = Callable[[Callable[[str, str], None]], RunService]


@dataclass(frozen=True)
class Opening:
    """What the app shows first: the browser, a scenario, a script or a lesson."""

    kind: str = "browser"
    """``browser``, ``scenario``, ``script`` or ``lesson``."""
    target: str | None = None
    framework: str | None = None


@dataclass
class _Job:
    reply_to: MessagePump
    seq: int
    request: RunRequest


class RunDone(Message):
    """A thread worker's run came back (internal: the app forwards the result)."""

    def __init__(self, framework: str, job: _Job, result: RunFinished) -> None:
        super().__init__()
        self.framework = framework
        self.job = job
        self.result = result


class GradreplApp(App[int]):
    """The gradrepl tutor."""

    CSS_PATH = "gradrepl.tcss"
    TITLE = "gradrepl"
    SUB_TITLE = "why did my gradient come back None?"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    framework_states: reactive[dict[str, str]] = reactive(dict, always_update=True, init=False)
    """Framework → ``starting``, ``ready``, ``failed: ...``; screens watch it."""

    def __init__(
        self,
        opening: Opening | None = None,
        *,
        content: Path | None = None,
        runner_factory: RunnerFactory = make_runner,
        drafts: DraftStore | None = None,
        progress: Progress | None = None,
        debounce: float = 0.03,
        timeout: float = 10.0,
        cancel_after: float = 1.0,
        catalog: Catalog | None = None,
        runner: RunService | None = None,
    ) -> None:
        super().__init__()
        self.opening = opening or Opening()
        self.content = content
        self.debounce = debounce
        self.timeout = timeout
        self.drafts = drafts or DraftStore()
        self.progress = progress or load_progress()
        self.policy = RunPolicy(cancel_after=cancel_after)
        self._runner_factory = runner_factory
        self._runner: RunService | None = runner
        self._owns_runner = runner is None
        self._started: set[str] = set()
        self._inflight: dict[str, _Job] = {}
        self._pending: dict[str, _Job] = {}
        self._catalog: Catalog | None = catalog

    # -- start-up ------------------------------------------------------------------

    def on_mount(self) -> None:
        from gradrepl.app.screens.opening import first_screen

        try:
            screen = first_screen(self, self.opening)
        except GradreplError as error:  # checked before start-up, but a file can change meanwhile
            self.exit(2, return_code=2, message=f"gradrepl: {error}")
            return
        self.push_screen(screen)
        if self.progress.warning:
            self.notify(self.progress.warning, severity="warning", timeout=10)

    @property
    def runner(self) -> RunService:
        """The runner, created on first use (its workers start on ``ensure_framework``)."""
        if self._runner is None:
            self._runner = self._runner_factory(self._status_from_runner)
        return self._runner

    def ensure_framework(self, framework: str) -> None:
        """Start the framework's warm worker in the background, once."""
        if framework in self._started:
            return
        self._started.add(framework)
        self._set_state(framework, "starting")
        self._start_framework(framework)

    @work(thread=True, group="start", exit_on_error=False)
    def _start_framework(self, framework: str) -> None:
        try:
            self.runner.start(framework)
            self.runner.wait_ready(framework, STARTUP_WAIT_S)
        except GradreplError as error:
            self.post_message(FrameworkStatus(framework, "failed", str(error)))
            return
        self.post_message(FrameworkStatus(framework, "ready"))

    def _status_from_runner(self, framework: str, text: str) -> None:
        """Runner callback, from its threads: ``loading torch…``, ``ready``, ``failed: ...``."""
        self.post_message(FrameworkStatus(framework, text))

    def on_framework_status(self, message: FrameworkStatus) -> None:
        state = f"failed: {message.detail}" if message.state == "failed" and message.detail else message.state
        self._set_state(message.framework, state)
        if message.state == "ready":
            self._launch_pending(message.framework)

    def _set_state(self, framework: str, state: str) -> None:
        states = dict(self.framework_states)
        states[framework] = state
        self.framework_states = states

    def is_ready(self, framework: str) -> bool:
        """The framework's worker can take a run now (its status says so, or the runner does)."""
        if self.framework_states.get(framework) == "ready":
            return True
        runner = self._runner
        return runner is not None and framework in self._started and runner.is_ready(framework)

    def installed_frameworks(self) -> list[str]:
        """The real frameworks importable here (found without importing them)."""
        from gradrepl.runner.runner import available_frameworks

        return available_frameworks()

    @property
    def catalog(self) -> Catalog:
        """The course's lessons and scenarios, read on first use."""
        if self._catalog is None:
            self._catalog = Catalog.load(self.content)
        return self._catalog

    # -- runs ----------------------------------------------------------------------

    def submit_run(self, reply_to: MessagePump, framework: str, seq: int, request: RunRequest) -> None:
        """Run ``request`` soon; the report comes back to ``reply_to`` as RunFinished."""
        self.ensure_framework(framework)
        self._pending[framework] = _Job(reply_to, seq, request)
        if framework in self._inflight:
            if self.policy.should_cancel(framework):
                self._cancel(framework, self._inflight[framework].request)
            return
        self._launch_pending(framework)

    def _launch_pending(self, framework: str) -> None:
        if framework in self._inflight or not self.is_ready(framework):
            return
        job = self._pending.pop(framework, None)
        if job is None:
            return
        self._inflight[framework] = job
        self.policy.begin(framework, job.seq)
        self._run(framework, job)

    @work(thread=True, group="run", exit_on_error=False)
    def _run(self, framework: str, job: _Job) -> None:
        started = time.perf_counter()
        try:
            report = self.runner.run(framework, job.request)
        except Exception as error:  # noqa: BLE001 - a runner failure is shown as a crashed run
            report = _infra_report(framework, job.request, type(error).__name__, str(error))
        view = GraphView(report.graph, report.variables, report.findings)
        elapsed = (time.perf_counter() - started) * 1000
        self.post_message(RunDone(framework, job, RunFinished(job.seq, framework, report, view, elapsed)))

    @work(thread=True, group="cancel", exit_on_error=False)
    def _cancel(self, framework: str, request: RunRequest) -> None:
        # that request only: by the time this thread runs, the run may have ended by itself and
        # the newer edit's run be in flight; cancelled, it would be dropped and never shown
        self.runner.cancel(framework, request)

    @on(RunDone)
    def _forward_run(self, message: RunDone) -> None:
        self._inflight.pop(message.framework, None)
        self.policy.end(message.framework, message.job.seq)
        message.job.reply_to.post_message(message.result)
        self._launch_pending(message.framework)

    # -- actions and shutdown --------------------------------------------------------

    def action_help(self) -> None:
        from gradrepl.app.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def on_unmount(self) -> None:
        if self._runner is None:
            return
        if self._owns_runner:
            self._runner.close()
            return
        for framework in list(self._inflight):  # a shared runner outlives us: free its workers
            self._runner.cancel(framework)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The command palette: Textual's own commands, then every command of the screen."""
        yield from super().get_system_commands(screen)
        commands = getattr(screen, "palette_commands", None)
        if callable(commands):
            for title, help_text, callback in commands():
                yield SystemCommand(title, help_text, callback)


def _infra_report(framework: str, request: RunRequest, kind: str, message: str) -> RunReport:
    return RunReport(
        framework=framework, outcome="crashed", script=request.filename, error=ErrorInfo(type=kind, message=message)
    )
