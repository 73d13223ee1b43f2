"""Provides ``gradrepl repl``: start a runner, load what was named, read-eval-print until Ctrl-D."""

from __future__ import annotations

import argparse
from pathlib import Path

from gradrepl.core.statedir import state_dir
from gradrepl.repl import loading
from gradrepl.repl.loop import read_eval_print
from gradrepl.repl.printer import Printer
from gradrepl.repl.prompt import create_prompt
from gradrepl.repl.state import ReplState, RunnerLike

HISTORY_NAME = "repl_history"


def run(args: argparse.Namespace) -> int:
    """The ``repl`` command: returns the exit code (0; 2 for a bad path, via the CLI)."""
    from gradrepl.runner.runner import Runner

    with Runner() as runner:
        state = build_state(args, runner)
        target = loading.resolve(args.path, state.content) if args.path else None
        # the framework imports while the banner prints and the script is read
        runner.start(loading.framework_for(target, state.framework))
        banner(state)
        if target is not None:
            loading.load(state, target)
        read_eval_print(state, create_prompt(state, history_file=history_file()))
    return 0


def build_state(args: argparse.Namespace, runner: RunnerLike, printer: Printer | None = None) -> ReplState:
    """The session state for the ``repl`` command's arguments."""
    return ReplState(
        runner=runner,
        framework=args.framework or "torch",
        printer=printer or Printer(),
        content=getattr(args, "content", None),
        vi_mode=bool(getattr(args, "vi", False)),
    )


def banner(state: ReplState) -> None:
    state.printer.write(f"gradrepl: Python with gradient diagnosis ({state.framework}).", "heading")
    state.printer.info("Type Python; a None gradient is explained as it happens. :help lists the commands.")


def history_file() -> Path:
    """The input history, kept in the per-user state directory."""
    return state_dir() / HISTORY_NAME
