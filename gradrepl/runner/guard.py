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

SIGNALS = [s for s in (signal.SIGINT, signal.SIGTERM, signal.SIGALRM, signal.SIGUSR1, signal.SIGUSR2,
                       signal.SIGHUP, signal.SIGPIPE, signal.SIGCHLD, signal.SIGXFSZ)]


class ProcessGuard:
    """Snapshot of interpreter-level state taken just before user code runs."""

    def __init__(self, worker_pid: int, main_module: types.ModuleType, module: types.ModuleType, argv0: str) -> None:
        self._pid = worker_pid
        self._cwd = os.getcwd()
        self._path = list(sys.path)
        self._argv = list(sys.argv)
        self._modules = dict(sys.modules)
        self._builtins = dict(builtins.__dict__)
        self._environ = dict(os.environ)
        self._handlers = {s: signal.getsignal(s) for s in SIGNALS}
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
            if handler is not None and signal.getsignal(sig) is not handler:
                signal.signal(sig, handler)
        sys.settrace(None)
        threading.settrace(None)  # type: ignore[arg-type]
        sys.setprofile(None)
        threading.setprofile(None)  # type: ignore[arg-type]
        self._restore_sys()
        self._restore_dict(builtins.__dict__, self._builtins)
        if dict(os.environ) != self._environ:
            os.environ.clear()
            os.environ.update(self._environ)
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
        for name, module in self._modules.items():
            # modules the run imported stay (imports are expensive); replaced or removed ones come back
            if sys.modules.get(name) is not module:
                sys.modules[name] = module

    @staticmethod
    def _restore_dict(current: dict[str, Any], saved: dict[str, Any]) -> None:
        if current.keys() == saved.keys() and all(current[k] is v for k, v in saved.items()):
            return
        current.clear()
        current.update(saved)

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
