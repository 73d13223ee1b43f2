"""End to end: ``gradrepl repl`` in a real terminal (tmux), a None gradient diagnosed as typed.

CI installs tmux; without it this module is skipped and says why.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.torch,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed; the REPL's terminal test needs it"),
]

PROMPT = "torch >>> "


class Terminal:
    """One tmux session on a private server, running a command in a 100x30 terminal."""

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        self.socket = f"gradrepl-test-{uuid.uuid4().hex[:8]}"
        self.name = "repl"
        extra = [arg for key, value in env.items() for arg in ("-e", f"{key}={value}")]
        self._tmux("new-session", "-d", "-s", self.name, "-x", "100", "-y", "30", *extra, " ".join(command))
        self._tmux("set", "-t", self.name, "escape-time", "0")

    def _tmux(self, *args: str) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null", *args], capture_output=True, text=True)
        return done.stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-J", "-t", self.name)

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", self.name, "-l", text)
        self._tmux("send-keys", "-t", self.name, "Enter")

    def key(self, name: str) -> None:
        self._tmux("send-keys", "-t", self.name, name)

    def wait_for(self, predicate: object, timeout: float = 20.0) -> str:
        """Poll the screen until ``predicate(screen)`` (or a text) holds; fail with the screen."""
        check = (lambda s: predicate in s) if isinstance(predicate, str) else predicate
        end = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if check(screen):  # type: ignore[operator]
                return screen
            if time.monotonic() > end:
                pytest.fail(f"timed out waiting for {predicate!r}; the screen was:\n{screen}")
            time.sleep(0.1)

    def alive(self) -> bool:
        return subprocess.run(["tmux", "-L", self.socket, "has-session", "-t", self.name],
                              capture_output=True).returncode == 0

    def close(self) -> None:
        self._tmux("kill-server")


@pytest.fixture
def terminal(tmp_path: object) -> Iterator[Terminal]:
    env = {"GRADREPL_STATE_DIR": str(tmp_path), "TF_CPP_MIN_LOG_LEVEL": "2", "NO_COLOR": "1",
           "PATH": os.environ.get("PATH", "")}
    term = Terminal([sys.executable, "-m", "gradrepl", "repl", "--framework", "torch"], env)
    yield term
    term.close()


def _prompt_lines(screen: str) -> list[str]:
    return [line.rstrip() for line in screen.splitlines() if line.startswith(PROMPT.rstrip())]


def _waiting(screen: str) -> bool:
    """The REPL waits for input: the last prompt on the screen is still empty."""
    prompts = _prompt_lines(screen)
    return bool(prompts) and prompts[-1] == PROMPT.rstrip()


def _answered(text: str) -> object:
    """The input ``text`` was shown at a prompt, and a new, empty prompt came after it.

    Asked of the screen, not of a count of prompts: a count taken while output
    was still being written (the prompt not back yet) made the input's own
    line look like the next prompt.
    """

    def check(screen: str) -> bool:
        lines = [line.rstrip() for line in screen.splitlines()]
        typed = [i for i, line in enumerate(lines) if line == (PROMPT + text).rstrip()]
        return bool(typed) and _waiting("\n".join(lines[typed[-1] + 1 :]))

    return check


def _run(term: Terminal, text: str, timeout: float = 20.0) -> str:
    """Wait for the prompt, type one input and wait until it has run and the prompt is back."""
    term.wait_for(_waiting, timeout)
    term.type(text)
    return term.wait_for(_answered(text), timeout)


def test_a_none_gradient_is_diagnosed_in_a_real_terminal(terminal: Terminal, tmp_path: Path) -> None:
    terminal.wait_for(PROMPT, timeout=30)
    _run(terminal, "import torch", timeout=120)  # the first input waits for torch to load
    for line in ("x = torch.tensor([1.0, 2.0], requires_grad=True)", "h = x * 2", "h.sum().backward()"):
        _run(terminal, line)
    screen = _run(terminal, "h.grad")
    assert "h.grad is None (line 5): " in screen and ":why h" in screen

    # Ctrl-C stops a long statement; the session's names survive it. The statement
    # leaves a file when it starts, so the key is pressed while it runs in the worker
    # (not while the prompt still reads keys, where Ctrl-C only drops the line)
    _run(terminal, "import time")
    started = tmp_path / "started"
    terminal.wait_for(_waiting)
    terminal.type(f"open({str(started)!r}, 'w').close(); time.sleep(60)")
    end = time.monotonic() + 20
    while not started.exists() and time.monotonic() < end:
        time.sleep(0.05)
    assert started.exists(), f"the statement did not start; the screen was:\n{terminal.screen()}"
    terminal.key("C-c")
    terminal.wait_for("KeyboardInterrupt")
    screen = _run(terminal, "x.grad")
    assert "tensor([2., 2.])" in screen

    terminal.key("C-d")
    end = time.monotonic() + 20
    while terminal.alive() and time.monotonic() < end:
        time.sleep(0.1)
    assert not terminal.alive(), "gradrepl repl did not exit on Ctrl-D"
