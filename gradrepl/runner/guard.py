"""Provides ProcessGuard: the interpreter state a run may change, saved before and restored after.

A warm worker runs many scripts in one interpreter, so everything a script can
change in the interpreter itself (not in the framework: that is the backend's
``reset``) is put back after each run: working directory, ``sys.path``,
``sys.argv``, replaced modules, builtins, environment, signal handlers, timers,
trace hooks, recursion limit, the garbage collector, and ``os._exit``, which is
patched during the run to behave like ``sys.exit``. Threads the script left
running cannot be undone: they are reported so the worker can be recycled.
"""

from __future__ import annotations

import _signal  # the C module: no enum conversion on every call (getsignal is on the hot path)
import builtins
import gc
import os
import signal
import sys
import threading
import time
import types
from collections.abc import Callable
from typing import Any

from gradrepl.runner.limits import THREAD_GRACE

SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGALRM, signal.SIGUSR1, signal.SIGUSR2,
           signal.SIGHUP, signal.SIGPIPE, signal.SIGCHLD, signal.SIGXFSZ)


class Baseline:
    """The big snapshots (modules, builtins, environment), kept from run to run.

    Copying ``sys.modules`` (over a thousand entries with torch) costs more
    than checking it, so the copy is only renewed when a run imported something.
    """

    def __init__(self) -> None:
        self.modules: dict[str, Any] = dict(sys.modules)
        self.module_list = list(self.modules.values())
        self.builtins: dict[str, Any] = dict(builtins.__dict__)
        self.environ: dict[Any, Any] = dict(_environ_data())

    def refresh(self) -> None:
        """Take in the modules a run imported (called after ``restore``)."""
        if len(self.modules) != len(sys.modules):
            self.modules = dict(sys.modules)
            self.module_list = list(self.modules.values())

    def restore(self) -> None:
        if not self._modules_intact():
            for name, module in self.modules.items():
                # modules the run imported stay (imports are expensive); replaced or removed ones come back
                if sys.modules.get(name) is not module:
                    sys.modules[name] = module
        if not _same_items(self.builtins, builtins.__dict__):
            builtins.__dict__.clear()
            builtins.__dict__.update(self.builtins)
        if self.environ != _environ_data():
            os.environ.clear()
            os.environ.update({os.fsdecode(k): os.fsdecode(v) for k, v in self.environ.items()})

    def _modules_intact(self) -> bool:
        """No saved module was replaced or removed. sys.modules keeps insertion order and
        new imports go to its end, so the saved values must be an identical prefix: a list
        comparison (identity first, in C) costs a fraction of comparing the items."""
        saved = self.module_list
        current = list(sys.modules.values())
        try:
            return len(current) >= len(saved) and current[: len(saved)] == saved
        except Exception:  # a non-module put in sys.modules whose == misbehaves
            return False


def _same_items(saved: dict[str, Any], current: dict[str, Any]) -> bool:
    """A C-speed comparison; a value whose ``==`` misbehaves (an array) counts as a change."""
    try:
        return bool(saved.items() == current.items())
    except Exception:
        return False


def _environ_data() -> dict[Any, Any]:
    # the raw (bytes) mapping behind os.environ: copying it costs 100x less than decoding every entry
    data = getattr(os.environ, "_data", None)
    return data if isinstance(data, dict) else dict(os.environ)


class ProcessGuard:
    """Snapshot of interpreter-level state taken just before user code runs."""

    def __init__(self, baseline: Baseline, worker_pid: int, main_module: types.ModuleType,
                 module: types.ModuleType, argv0: str) -> None:
        self._baseline = baseline
        self._pid = worker_pid
        self._cwd = os.getcwd()
        self._path = list(sys.path)
        self._argv = list(sys.argv)
        self._handlers = {s: _signal.getsignal(s) for s in SIGNALS}
        self._recursion = sys.getrecursionlimit()
        self._streams = (sys.stdin, sys.stdout, sys.stderr)
        self._hooks = (sys.excepthook, sys.displayhook, threading.excepthook, sys.breakpointhook)
        self._umask = os.umask(0o022)
        os.umask(self._umask)
        self._threads = set(threading.enumerate())
        self._real_exit = os._exit
        self._main = main_module
        sys.argv = [argv0]
        sys.modules["__main__"] = module
        os._exit = self._patched_exit  # type: ignore[assignment]

    def _patched_exit(self, status: int = 0) -> None:
        """``os._exit`` for user code: a SystemExit in the worker, the real exit in a forked child."""
        if os.getpid() != self._pid:
            self._real_exit(status)
        raise SystemExit(status)

    def restore(self) -> list[str]:
        """Put the saved state back; return the names of threads the run left running."""
        os._exit = self._real_exit
        signal.setitimer(signal.ITIMER_REAL, 0)
        for sig, handler in self._handlers.items():
            if handler is not None and _signal.getsignal(sig) is not handler:
                _signal.signal(sig, handler)
        sys.settrace(None)
        threading.settrace(None)  # type: ignore[arg-type]
        sys.setprofile(None)
        threading.setprofile(None)  # type: ignore[arg-type]
        self._restore_sys()
        self._baseline.restore()
        if not gc.isenabled():
            gc.enable()
        os.umask(self._umask)
        _chdir(self._cwd)
        return self._leftover_threads()

    def _restore_sys(self) -> None:
        sys.path[:] = self._path
        sys.argv = self._argv
        sys.stdin, sys.stdout, sys.stderr = self._streams
        sys.excepthook, sys.displayhook, threading.excepthook, sys.breakpointhook = self._hooks
        if sys.getrecursionlimit() != self._recursion:
            sys.setrecursionlimit(self._recursion)
        sys.modules["__main__"] = self._main

    def _leftover_threads(self) -> list[str]:
        started = [t for t in threading.enumerate() if t not in self._threads and t.is_alive()]
        deadline = time.monotonic() + THREAD_GRACE
        for thread in started:
            thread.join(max(0.0, deadline - time.monotonic()))
        return [t.name for t in started if t.is_alive()]


def _chdir(path: str) -> None:
    try:
        if os.getcwd() != path:
            os.chdir(path)
    except OSError:
        os.chdir(path)


def install_sigint(is_interruptible: Callable[[], bool]) -> None:
    """SIGINT raises KeyboardInterrupt only while user code runs; otherwise it is ignored."""

    def on_sigint(signum: int, frame: types.FrameType | None) -> None:
        if is_interruptible():
            raise KeyboardInterrupt

    signal.signal(signal.SIGINT, on_sigint)
