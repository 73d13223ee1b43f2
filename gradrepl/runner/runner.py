"""Provides Runner: runs user code in warm per-framework workers, each with a hot spare.

The parent side never imports a framework. Per framework it keeps one active
worker (framework imported and warmed up) and, when ``spare=True``, one more
warming or warm in reserve. A run that times out, exceeds its memory, crashes
or is cancelled costs the active worker; the spare takes over at once and a
new spare is spawned in the background (never more than one spawn in flight
per framework: a spawn costs 1.5-2.7 CPU-seconds).

``on_status(framework, text)`` is called from background threads, never while
a lock is held: a UI must hand it to its own thread (Textual: ``call_from_thread``).
"""

from __future__ import annotations

import importlib.util
import sys
import threading
import time
import weakref
from collections.abc import Callable
from types import TracebackType

from gradrepl.core.report import ErrorInfo, RunReport, from_dict
from gradrepl.core.request import RunRequest
from gradrepl.diagnosis.engine import diagnose
from gradrepl.errors import FrameworkMissing, GradreplError
from gradrepl.runner import outcomes, protocol
from gradrepl.runner.limits import CANCEL_GRACE, COMPLETE_TIMEOUT, RECYCLE_GROWTH_MB, STARTUP_TIMEOUT
from gradrepl.runner.supervisor import Exchange, WorkerProcess

FRAMEWORK_MODULES = {"torch": "torch", "tensorflow": "tensorflow"}
"""Frameworks and the module whose presence means "installed"."""
ALIASES = {"tf": "tensorflow", "pytorch": "torch"}
KNOWN = ("torch", "tensorflow", "fake")

StatusCallback = Callable[[str, str], None]


def available_frameworks() -> list[str]:
    """The real frameworks installed here, found by ``find_spec`` (nothing is imported)."""
    return [fw for fw, module in FRAMEWORK_MODULES.items() if importlib.util.find_spec(module) is not None]


def canonical_framework(name: str) -> str:
    """``tf`` → ``tensorflow``; an unknown name is a GradreplError."""
    framework = ALIASES.get(name, name)
    if framework not in KNOWN:
        raise GradreplError(f"unknown framework {name!r}; expected one of: torch, tensorflow")
    return framework


class _Slot:
    """One framework's workers and the state of its run in flight."""

    def __init__(self, framework: str) -> None:
        self.framework = framework
        self.run_lock = threading.Lock()
        self.state = threading.Lock()
        self.active: WorkerProcess | None = None
        self.spare: WorkerProcess | None = None
        self.inflight: WorkerProcess | None = None
        self.inflight_request: RunRequest | None = None
        self.kill_at: float | None = None
        self.cancelled = False
        self.calls = 0
        """run() calls in progress (running or waiting for the worker or their turn)."""
        self.interrupt_pending = False
        """interrupt() came while a run() call had not sent its request yet."""
        self.sessions: dict[str, WorkerProcess] = {}
        self.last_status = ""
        self.spawning_spare = False

    def procs(self) -> list[WorkerProcess]:
        return [p for p in (self.active, self.spare) if p is not None]


class Runner:
    """Warm, supervised framework workers for every face (app, REPL, checker)."""

    def __init__(self, *, spare: bool = True, python: str = sys.executable,
                 on_status: StatusCallback | None = None) -> None:
        self._spare = spare
        self._python = python
        self._on_status = on_status
        self._slots: dict[str, _Slot] = {}
        self._procs: set[WorkerProcess] = set()
        """Every worker not yet reaped, retired ones included, so close() leaves no process or file."""
        self._lock = threading.Lock()
        self._closed = False
        self._finalizer = weakref.finalize(self, _close_all, self._slots, self._procs)

    def __enter__(self) -> Runner:
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    # -- public API -------------------------------------------------------

    def start(self, framework: str) -> None:
        """Begin importing the framework in a worker, in the background."""
        slot = self._slot(framework)
        notes: list[str] = []
        with slot.state:
            self._ensure_active(slot, notes)
        self._emit(slot, notes)

    def is_ready(self, framework: str) -> bool:
        slot = self._slots.get(canonical_framework(framework))
        proc = slot.active if slot is not None else None
        return proc is not None and proc.ready.is_set() and proc.failure is None and proc.alive

    def wait_ready(self, framework: str, timeout: float | None = None) -> None:
        """Block until the framework's worker is ready; GradreplError if it fails or times out."""
        self._await_worker(self._slot(framework), timeout)

    def run(self, framework: str, request: RunRequest) -> RunReport:
        """Run one request in the framework's worker and diagnose the report (thread-safe)."""
        slot = self._slot(framework)
        with slot.state:
            slot.calls += 1
        try:
            with slot.run_lock:
                proc = self._await_worker(slot, STARTUP_TIMEOUT)
                warnings = self._session_warnings(slot, proc, request.session)
                ex = self._exchange_run(slot, proc, request)
                report = self._report(slot, proc, ex, request)
        finally:
            with slot.state:
                slot.calls -= 1
                if not slot.calls:
                    slot.interrupt_pending = False  # nothing left for it to stop
        report.warnings[:0] = warnings
        if report.targets is None and request.targets is not None:
            report.targets = list(request.targets)  # a stopped run is still diagnosed per target
        try:
            report.findings = diagnose(report)
        except Exception as exc:  # a rule bug must not hide the run's own result
            report.warnings.append(f"gradrepl's diagnosis failed ({type(exc).__name__}: {exc})")
        return report

    def cancel(self, framework: str, request: RunRequest | None = None) -> None:
        """Stop the run in flight (a superseded edit): interrupt it, kill it if it does not end.

        With ``request``, only if that is the request in flight: a caller in another
        thread may come late, when its run has ended and a newer one has started.
        """
        slot = self._slots.get(canonical_framework(framework))
        if slot is None:
            return
        with slot.state:
            proc = slot.inflight
            if proc is None or slot.cancelled or (request is not None and slot.inflight_request is not request):
                return
            slot.cancelled = True
            slot.kill_at = time.monotonic() + CANCEL_GRACE
            if not proc.interrupt():
                slot.interrupt_pending = True  # its request is not sent yet

    def interrupt(self, framework: str) -> None:
        """KeyboardInterrupt in the run in flight; the worker and its sessions survive.

        A run() still waiting for its worker, or whose code has not started,
        is interrupted as soon as its code starts (Ctrl-C right after Enter).
        """
        slot = self._slots.get(canonical_framework(framework))
        if slot is None:
            return
        with slot.state:  # against _exchange_run's on_sent: the request is in the pipe or not
            proc = slot.inflight
            if proc is None or not proc.interrupt():
                slot.interrupt_pending = slot.calls > 0

    def complete(self, framework: str, session: str, prefix: str) -> list[str]:
        """Completions of ``prefix`` in a session's namespace; [] while a run is in flight."""
        slot = self._slot(framework)
        if not slot.run_lock.acquire(timeout=0.5):
            return []
        try:
            reply = self._simple(slot, {"op": "complete", "session": session, "prefix": prefix})
            return [str(n) for n in reply.get("names", [])] if reply else []
        finally:
            slot.run_lock.release()

    def drop_session(self, framework: str, session: str) -> None:
        """Forget a session's namespace (its names and tensors are freed in the worker)."""
        slot = self._slots.get(canonical_framework(framework))
        if slot is None:
            return
        with slot.run_lock:
            slot.sessions.pop(session, None)
            self._simple(slot, {"op": "drop", "session": session})

    def close(self) -> None:
        """Kill every worker and remove their capture directories."""
        with self._lock:
            self._closed = True
        self._finalizer()

    # -- workers ----------------------------------------------------------

    def _slot(self, framework: str) -> _Slot:
        name = canonical_framework(framework)
        with self._lock:
            if self._closed:
                raise GradreplError("the runner is closed")
            slot = self._slots.get(name)
            if slot is None:
                module = FRAMEWORK_MODULES.get(name)
                if module is not None and importlib.util.find_spec(module) is None:
                    raise FrameworkMissing(name)
                slot = self._slots[name] = _Slot(name)
            return slot

    def _spawn(self, slot: _Slot) -> WorkerProcess:
        try:
            proc = WorkerProcess(slot.framework, self._python,
                                 lambda proc, kind, text: self._on_event(slot, proc, kind, text))
            self._procs.add(proc)
            return proc
        except OSError as exc:
            raise GradreplError(f"cannot start a {slot.framework} worker with {self._python}: {exc}") from None

    def _ensure_active(self, slot: _Slot, notes: list[str]) -> WorkerProcess:
        """The active worker, promoting the spare or spawning one if needed (holding slot.state)."""
        if self._closed:
            raise GradreplError("the runner is closed")
        if slot.active is None or not slot.active.alive:
            if slot.active is not None:
                slot.active.close_in_background()  # died while idle: reap it and remove its files
            if slot.spare is not None and slot.spare.alive:
                slot.active, slot.spare = slot.spare, None
            else:
                slot.active = self._spawn(slot)
                notes.append(f"loading {slot.framework}…")
            if slot.active.ready.is_set():
                notes.append("ready")
                self._spawn_spare(slot)
        return slot.active

    def _spawn_spare(self, slot: _Slot) -> None:
        """One spare behind a ready active worker (holding slot.state).

        Spawned from a thread: starting a process takes milliseconds that
        belong to no run (this is often called right after a kill).
        """
        active = slot.active
        if (self._spare and not self._closed and slot.spare is None and not slot.spawning_spare
                and active is not None and active.ready.is_set() and active.failure is None):
            slot.spawning_spare = True
            threading.Thread(target=self._spawn_spare_now, args=(slot,), name="gradrepl-spare", daemon=True).start()

    def _spawn_spare_now(self, slot: _Slot) -> None:
        try:
            proc = None if self._closed else self._spawn(slot)  # outside the lock: a run may need it
        except GradreplError:
            proc = None  # the active worker started with the same command; a lost spare only costs speed
        with slot.state:
            keep = proc is not None and not self._closed and slot.spare is None
            if keep:
                slot.spare = proc
            slot.spawning_spare = False
        if proc is not None and not keep:
            proc.close()

    def _on_event(self, slot: _Slot, proc: WorkerProcess, kind: str, text: str) -> None:
        """A worker reports status, ready or failed (its warm-up thread), or closed."""
        if kind == "closed":
            self._procs.discard(proc)
            return
        notes: list[str] = []
        with slot.state:
            if kind == "failed" and proc is slot.spare:
                slot.spare = None
            if proc is slot.active:
                if kind == "ready":
                    self._spawn_spare(slot)
                notes.append({"ready": "ready", "failed": f"failed: {text}"}.get(kind, text))
        self._emit(slot, notes)

    def _emit(self, slot: _Slot, notes: list[str]) -> None:
        for text in notes:
            if text == slot.last_status or self._on_status is None:
                continue
            slot.last_status = text
            try:
                self._on_status(slot.framework, text)
            except Exception:  # noqa: S110 - a UI callback bug must not stop the runner
                pass

    def _await_worker(self, slot: _Slot, timeout: float | None) -> WorkerProcess:
        end = None if timeout is None else time.monotonic() + timeout
        while True:
            notes: list[str] = []
            with slot.state:
                proc = self._ensure_active(slot, notes)
            self._emit(slot, notes)
            left = None if end is None else max(0.0, end - time.monotonic())
            if not proc.ready.wait(left):
                raise GradreplError(f"the {slot.framework} worker was not ready after {timeout:g} s")
            if proc.failure is not None:
                with slot.state:
                    if slot.active is proc:
                        slot.active = None
                raise GradreplError(f"the {slot.framework} worker could not start: {proc.failure}")
            if proc.alive:
                return proc

    def _retire(self, slot: _Slot, proc: WorkerProcess) -> None:
        """Replace a killed, dead or recycled worker with the spare; reap it in the background."""
        proc.close_in_background()
        notes: list[str] = []
        with slot.state:
            if slot.spare is proc:
                slot.spare = None
            if slot.active is proc:
                slot.active = None
                if not self._closed:
                    notes.append("recovering…")
                    self._ensure_active(slot, notes)
        self._emit(slot, notes)

    # -- runs -------------------------------------------------------------

    def _exchange_run(self, slot: _Slot, proc: WorkerProcess, request: RunRequest) -> Exchange:
        with slot.state:
            slot.inflight, slot.inflight_request, slot.kill_at, slot.cancelled = proc, request, None, False

        def sent() -> None:
            with slot.state:
                if slot.interrupt_pending:
                    slot.interrupt_pending = False
                    proc.interrupt()

        try:
            return proc.exchange({"op": "run", "request": protocol.request_to_dict(request)},
                                 timeout=request.timeout, memory_mb=request.memory_mb,
                                 cancelled=lambda: slot.kill_at, on_sent=sent)
        finally:
            with slot.state:
                slot.inflight, slot.inflight_request, slot.kill_at = None, None, None

    def _report(self, slot: _Slot, proc: WorkerProcess, ex: Exchange, request: RunRequest) -> RunReport:
        reply = ex.reply if ex.kind == "reply" else None
        if reply is not None and reply.get("op") == "result":
            report = _read_report(slot.framework, reply["report"], request)
            grown = ex.baseline_mb - proc.ready_rss_mb > RECYCLE_GROWTH_MB
            if reply.get("recycle") or grown:
                self._lose(slot, proc, request, report)
        else:
            if reply is not None:  # a worker that answers nonsense is replaced like a dead one
                proc.kill()
                ex = Exchange("died", elapsed=ex.elapsed)
            report = outcomes.unanswered(slot.framework, proc, ex, request)
            self._lose(slot, proc, request, report)
        if self._closed:
            report.outcome = "cancelled"
            report.error = ErrorInfo("Cancelled", "the runner was closed")
        elif slot.cancelled:
            outcomes.cancelled(report)
        return report

    def _lose(self, slot: _Slot, proc: WorkerProcess, request: RunRequest, report: RunReport) -> None:
        """Retire the worker; the run's own session loses its names, and says so now."""
        self._retire(slot, proc)
        if request.session is not None and slot.sessions.pop(request.session, None) is not None:
            report.warnings.append(_lost_session(request.session))

    def _session_warnings(self, slot: _Slot, proc: WorkerProcess, session: str | None) -> list[str]:
        if session is None:
            return []
        before = slot.sessions.get(session)
        slot.sessions[session] = proc
        return [_lost_session(session)] if before is not None and before is not proc else []

    def _simple(self, slot: _Slot, message: dict[str, object]) -> dict[str, object] | None:
        """A quick request (complete, drop) to a ready worker; None when there is none."""
        proc = slot.active
        if proc is None or not proc.ready.is_set() or proc.failure is not None or not proc.alive:
            return None
        ex = proc.exchange(message, timeout=COMPLETE_TIMEOUT, memory_mb=None, cancelled=lambda: None)
        if ex.kind != "reply":
            self._retire(slot, proc)
            return None
        return ex.reply


def _read_report(framework: str, data: object, request: RunRequest) -> RunReport:
    try:
        with protocol.gc_paused():  # 100k graph nodes: collections would scan them all, for nothing
            return from_dict(RunReport, data)
    except Exception as exc:  # a backend that filled a field with the wrong shape
        message = f"gradrepl could not read the worker's report ({type(exc).__name__}: {exc})"
        return RunReport(framework=framework, outcome="crashed", script=request.filename,
                         error=ErrorInfo("Crash", message))


def _lost_session(session: str) -> str:
    return f"the worker was restarted: names defined earlier in session {session!r} are gone"


def _close_all(slots: dict[str, _Slot], procs: set[WorkerProcess]) -> None:
    for slot in slots.values():
        with slot.state:
            slot.active = slot.spare = None
    doomed = list(procs)  # one C-level copy: reaper threads may discard meanwhile
    for proc in doomed:
        proc.kill()
    for proc in doomed:
        proc.close()
