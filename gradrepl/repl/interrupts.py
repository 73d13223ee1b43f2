"""Provides blocking runner calls that Ctrl-C can interrupt without losing the session.

A run blocks the REPL until the worker answers. It is made from a helper
thread, so Ctrl-C (a KeyboardInterrupt in the main thread) never lands in the
middle of the runner reading a frame. The first Ctrl-C asks the worker to raise
KeyboardInterrupt in the user's code (the namespace survives); if the worker is
stuck in native code and a second Ctrl-C comes, the run is cancelled (the
runner kills the worker if it does not stop at once, and the spare takes
over); the REPL then says which names were lost.
"""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable
from typing import TypeVar

from gradrepl.repl.state import ReplState

T = TypeVar("T")
POLL = 0.1
"""Seconds between checks for the result; Ctrl-C is seen at once regardless."""

_pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="gradrepl-repl-run")


def call(state: ReplState, work: Callable[[], T]) -> T:
    """``work()`` run in the helper thread, with Ctrl-C forwarded to the worker."""
    future = _pool.submit(work)
    presses = 0
    while True:
        try:
            return future.result(timeout=POLL)
        except concurrent.futures.TimeoutError:
            continue
        except KeyboardInterrupt:
            presses += 1
            try:
                _on_interrupt(state, presses)
            except KeyboardInterrupt:  # pressed again while the first was handled
                presses += 1


def _on_interrupt(state: ReplState, presses: int) -> None:
    if presses == 1:
        state.printer.info("Interrupting... (press Ctrl-C again to restart the worker)")
        _try(state, lambda: state.runner.interrupt(state.framework))
        return
    state.printer.info("Stopping the worker...")
    _try(state, lambda: state.runner.cancel(state.framework))


def _try(state: ReplState, action: Callable[[], object]) -> None:
    try:
        action()
    except Exception as error:  # the run's own report still says how it ended
        state.printer.error(f"could not stop the run: {error}")
