"""Provides WorkerProcess: the parent's handle on one worker, and the supervised exchange.

``exchange`` sends one request frame and waits for the reply with ``poll``,
so that at any moment it can act on the run's timeout, its memory limit or a
cancel. A hung worker is asked for a stack dump (SIGUSR1, for the line that
never finished), then its whole process group is killed.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from gradrepl.runner import protocol
from gradrepl.runner.capture import DUMP_NAME, STDERR_NAME, STDOUT_NAME, read_capped_path
from gradrepl.runner.limits import DUMP_WAIT, MEMORY_POLL

ExchangeKind = Literal["reply", "timeout", "memory", "cancelled", "died"]
PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Exchange:
    """How one request ended, seen from the parent."""

    kind: ExchangeKind
    reply: dict[str, Any] | None = None
    elapsed: float = 0.0
    rss_mb: float = 0.0
    """The worker's resident memory when the memory limit stopped it."""
    baseline_mb: float = 0.0
    """The worker's resident memory when the request was sent."""


class WorkerProcess:
    """One ``python -m gradrepl.runner.worker`` child and its pipes."""

    def __init__(self, framework: str, python: str, on_event: Callable[[WorkerProcess, str, str], None]) -> None:
        self.framework = framework
        self.dir = Path(tempfile.mkdtemp(prefix=f"gradrepl-{framework}-"))
        self._on_event = on_event
        self.ready = threading.Event()
        self.failure: str | None = None
        self.version = ""
        self.ready_rss_mb = 0.0
        self.spawned_at = time.monotonic()
        self._buffer = protocol.FrameBuffer()
        self._dead = False
        self._closed = False
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        """Held while writing to the request pipe, so frames never interleave."""
        self._open = False
        """A request was sent and its reply not yet received."""
        try:
            self.proc = self._spawn(python)
        except OSError:
            shutil.rmtree(self.dir, ignore_errors=True)
            raise
        threading.Thread(target=self._warm, name=f"gradrepl-warm-{framework}", daemon=True).start()

    def _spawn(self, python: str) -> subprocess.Popen[bytes]:
        req_r, self._req = os.pipe()
        self._res, res_w = os.pipe()
        life_r, self._life = os.pipe()
        cmd = [python, "-m", "gradrepl.runner.worker", self.framework,
               "--fds", f"{req_r},{res_w},{life_r}", "--dir", str(self.dir)]
        env = dict(os.environ)
        env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
        try:
            return subprocess.Popen(cmd, pass_fds=(req_r, res_w, life_r), stdin=subprocess.DEVNULL,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                    start_new_session=True, env=env)
        except OSError:
            for fd in (self._req, self._res, self._life):
                os.close(fd)
            raise
        finally:
            for fd in (req_r, res_w, life_r):
                os.close(fd)

    @property
    def pid(self) -> int:
        return self.proc.pid

    @property
    def alive(self) -> bool:
        """Not killed by us, and not dead on its own (an idle worker can be OOM-killed)."""
        return not self._dead and self.proc.poll() is None and not self._exiting()

    def _exiting(self) -> bool:
        """Killed but not yet reapable: its main thread is a zombie while its other threads
        (torch, TF and the lifeline keep some) are still being torn down. A request sent now
        would be lost with it."""
        try:
            with open(f"/proc/{self.pid}/stat", "rb") as f:
                return f.read().rsplit(b")", 1)[1].split()[0] in (b"Z", b"X")
        except (OSError, IndexError):
            return False  # no /proc (not Linux): poll() alone decides

    def _warm(self) -> None:
        """Read frames until the worker is ready or failed; report statuses on the way."""
        while True:
            ex = self._wait_reply(deadline=None, memory_limit=None, cancelled=lambda: None)
            if ex.kind != "reply" or ex.reply is None:
                self.failure = self._death_text("the worker died while loading")
                break
            op = ex.reply["op"]
            if op == "status":
                self._on_event(self, "status", str(ex.reply.get("text", "")))
                continue
            if op == "ready":
                self.version = str(ex.reply.get("version", ""))
                self.ready_rss_mb = self.rss_mb()
                self.ready.set()
                self._on_event(self, "ready", self.version)
                return
            self.failure = str(ex.reply.get("message", "the worker failed to load"))
            break
        self.ready.set()
        self.kill()
        self._on_event(self, "failed", self.failure)

    def exchange(self, message: dict[str, Any], *, timeout: float | None, memory_mb: float | None,
                 cancelled: Callable[[], float | None], on_sent: Callable[[], None] | None = None) -> Exchange:
        """Send one request and wait for its reply, enforcing timeout, memory and cancel.

        ``cancelled()`` returns the monotonic time after which a cancelled run
        is killed, or None while it is not cancelled. ``on_sent()`` is called
        once the request is in the pipe (``interrupt`` works from then on).
        """
        start = time.monotonic()
        baseline = self.rss_mb()
        limit = baseline + memory_mb if memory_mb else None
        with self._write_lock:
            try:
                protocol.write_frame(self._req, message)
            except OSError:
                return Exchange("died", elapsed=time.monotonic() - start)
            self._open = True
        try:
            if on_sent is not None:
                on_sent()
            deadline = None if timeout is None else start + timeout
            ex = self._wait_reply(deadline=deadline, memory_limit=limit, cancelled=cancelled)
        finally:
            with self._write_lock:
                self._open = False
        ex.elapsed, ex.baseline_mb = time.monotonic() - start, baseline
        return ex

    def interrupt(self) -> bool:
        """A KeyboardInterrupt in the request in flight, even if its code has not started yet.

        SIGINT reaches code that runs; the worker ignores it before then, so an
        ``interrupt`` frame goes first: the worker looks for one when user code
        starts. False (and nothing sent) when no request is in flight.
        """
        with self._write_lock:
            if not self._open:
                return False
            try:
                protocol.write_frame(self._req, {"op": "interrupt"})
            except OSError:
                pass  # the worker is gone; its run reports that
        self.signal_int()
        return True

    def _wait_reply(self, *, deadline: float | None, memory_limit: float | None,
                    cancelled: Callable[[], float | None]) -> Exchange:
        poller = select.poll()
        poller.register(self._res, select.POLLIN | select.POLLHUP | select.POLLERR)
        while True:
            try:
                frame = self._buffer.pop()
            except (protocol.ProtocolError, ValueError):
                self.kill()  # something other than the worker loop wrote to the result pipe
                return Exchange("died")
            if frame is not None:
                return Exchange("reply", frame)
            now = time.monotonic()
            kill_at = cancelled()
            ends = [t for t in (deadline, kill_at) if t is not None]
            wait = min([MEMORY_POLL if memory_limit else 1.0, *(t - now for t in ends)])
            if poller.poll(max(0.0, wait) * 1000):
                chunk = _read(self._res)
                if not chunk:
                    self._mark_dead()
                    return Exchange("died")
                self._buffer.feed(chunk)
                continue
            now = time.monotonic()
            if kill_at is not None and now >= kill_at:
                self.kill()
                return Exchange("cancelled")
            if deadline is not None and now >= deadline:
                self.dump_stack()
                self.kill()
                return Exchange("timeout")
            if memory_limit is not None:
                rss = self.rss_mb()
                if rss > memory_limit:
                    self.dump_stack()
                    self.kill()
                    return Exchange("memory", rss_mb=rss)

    def rss_mb(self) -> float:
        """Resident memory of the worker, from /proc (0 when it is gone)."""
        try:
            with open(f"/proc/{self.pid}/statm", "rb") as f:
                return int(f.read().split()[1]) * PAGE / 2**20
        except (OSError, IndexError, ValueError):
            return 0.0

    def signal(self, sig: signal.Signals) -> None:
        """Send a signal to the worker itself (not its group), if it still runs."""
        if not self._dead and self.proc.returncode is None:
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                pass

    def signal_int(self) -> None:
        """SIGINT: a KeyboardInterrupt in user code (the worker ignores it between runs)."""
        self.signal(signal.SIGINT)

    def dump_stack(self) -> None:
        """Ask a hung worker to write its stack (faulthandler, works even inside C code)."""
        dump = self.dir / DUMP_NAME
        size = _size(dump)
        self.signal(signal.SIGUSR1)
        end = time.monotonic() + DUMP_WAIT
        stable_since = None
        while time.monotonic() < end:
            time.sleep(0.0005)
            now_size = _size(dump)
            if now_size != size:  # faulthandler writes line by line: wait until it stops growing
                size, stable_since = now_size, time.monotonic()
            elif stable_since is not None and time.monotonic() - stable_since > 0.003:
                return

    def kill(self) -> None:
        """SIGKILL the worker's whole process group (children it spawned die with it)."""
        with self._lock:
            self._mark_dead()
            # the worker itself (unless already reaped: its pid could be reused), then its group:
            # the group id stays reserved while any member lives
            kills = [os.kill, os.killpg] if self.proc.returncode is None else [os.killpg]
            for kill in kills:
                try:
                    kill(self.pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass

    def _mark_dead(self) -> None:
        self._dead = True

    def outputs(self) -> tuple[str, str, bool, str]:
        """stdout, stderr, truncated, stack dump: what a killed or dead worker left behind."""
        out, out_cut = read_capped_path(self.dir / STDOUT_NAME)
        err, err_cut = read_capped_path(self.dir / STDERR_NAME)
        dump, _ = read_capped_path(self.dir / DUMP_NAME)
        return out, err, out_cut or err_cut, dump

    def exit_status(self, wait: float = 1.0) -> int | None:
        try:
            return self.proc.wait(wait)
        except subprocess.TimeoutExpired:
            return None

    def _death_text(self, prefix: str) -> str:
        status = self.exit_status()
        _, err, _, dump = self.outputs()
        detail = describe_status(status)
        tail = (err.strip().splitlines() or dump.strip().splitlines() or [""])[-1]
        return f"{prefix} ({detail})" + (f": {tail}" if tail else "")

    def close(self, wait: float = 2.0) -> None:
        """Kill, reap and remove the capture directory (once; later calls do nothing)."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        self.kill()
        self.exit_status(wait)
        with self._write_lock:  # never under an interrupt() writing to _req
            self._open = False
            for fd in (self._req, self._res, self._life):
                try:
                    os.close(fd)  # exactly once: a second close could hit a reused fd number
                except OSError:
                    pass
        shutil.rmtree(self.dir, ignore_errors=True)
        self._on_event(self, "closed", "")

    def close_in_background(self) -> None:
        with self._lock:
            if self._closed:  # reaped: its pid (and group id) may belong to someone else by now
                return
        self.kill()
        threading.Thread(target=self.close, name="gradrepl-reap", daemon=True).start()


def describe_status(status: int | None) -> str:
    """``SIGSEGV (Segmentation fault)`` or ``exit status 3``."""
    if status is None:
        return "still running"
    if status < 0:
        try:
            sig = signal.Signals(-status)
            return f"{sig.name} ({signal.strsignal(sig)})"
        except ValueError:
            return f"signal {-status}"
    return f"exit status {status}"


def _read(fd: int) -> bytes:
    try:
        return os.read(fd, 1 << 20)
    except OSError:
        return b""


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
