"""End to end in a real terminal: launch ``gradrepl``, fix a scenario by typing, see it pass.

tmux gives the app a real pseudo-terminal of a fixed size; keys go in with
``send-keys`` and the screen comes back as text with ``capture-pane``.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [pytest.mark.torch, pytest.mark.slow]
TMUX = shutil.which("tmux")


class Terminal:
    """One tmux session running one command."""

    def __init__(self, name: str, socket: Path) -> None:
        self.name = name
        self.socket = socket

    def tmux(self, *args: str, check: bool = True) -> str:
        # A server of our own (-S): no other session's size, options or environment leak in.
        done = subprocess.run(["tmux", "-S", str(self.socket), "-f", "/dev/null", *args], capture_output=True,
                              text=True, check=check)
        return done.stdout

    def send(self, *keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", "-t", self.name, *(["-l"] if literal else []), *keys)

    def type_keys(self, *keys: str) -> None:
        """Send named keys, then give the app a moment to take them."""
        self.send(*keys)
        time.sleep(0.3)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-t", self.name, "-p")

    def wait_for(self, text: str, timeout: float = 120.0) -> str:
        end = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > end:
                raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")
            time.sleep(0.1)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    if TMUX is None:
        pytest.skip("tmux is not installed: the end-to-end terminal test needs it (CI installs it)")
    name = f"gradrepl-e2e-{uuid.uuid4().hex[:8]}"
    # The environment goes in the command. COLUMNS and LINES (set under pytest) would
    # override the terminal's real size in Textual, so they go.
    env = {"GRADREPL_STATE_DIR": str(tmp_path / "state"), "TERM": "xterm-256color", "TF_CPP_MIN_LOG_LEVEL": "2"}
    assignments = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
    command = f"exec env -u COLUMNS -u LINES {assignments} {shlex.quote(sys.executable)} -m gradrepl zero-grad-after-backward --framework torch"
    term = Terminal(name, tmp_path / "tmux.sock")
    term.tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "40", command)
    term.tmux("set", "-t", name, "escape-time", "0")
    try:
        yield term
    finally:
        term.tmux("kill-server", check=False)


def test_fix_a_scenario_by_typing_and_see_it_pass(terminal: Terminal) -> None:
    terminal.wait_for("Gradient tree", timeout=30)
    terminal.wait_for("weight  grad None")  # the starter's weights come back without a gradient
    assert "All checks pass" not in terminal.screen()
    # Move zero_grad() before backward(): a new line after line 13, then delete the old one.
    # Keys go in small batches with a pause, as a person types: a burst that mixes escape
    # sequences (arrows) with plain keys can reach the app out of order.
    terminal.type_keys(*["Down"] * 12, "End")
    terminal.type_keys("Enter")
    terminal.send("    opt.zero_grad()", literal=True)
    terminal.wait_for("14      opt.zero_grad()")
    terminal.type_keys("Down", "Down", "End")
    terminal.type_keys(*["BSpace"] * 20)
    screen = terminal.wait_for("All checks pass")
    assert "opt.zero_grad()" in screen
    terminal.send("C-q")
