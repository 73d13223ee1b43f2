"""The Runner's public surface: sessions, completion, status, readiness, errors, threads, shutdown."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from typing import TYPE_CHECKING

import pytest

from gradrepl.core.report import RunReport
from gradrepl.core.request import RunRequest
from gradrepl.errors import FrameworkMissing, GradreplError
from gradrepl.runner import runner as runner_module
from gradrepl.runner.runner import Runner, available_frameworks

if TYPE_CHECKING:
    from tests.runner.conftest import FakeHarness


def test_sessions_keep_names_between_runs_and_complete_them(fake: FakeHarness) -> None:
    assert fake.run("import fakegrad\nweight = fakegrad.tensor(2.0, requires_grad=True)\n", session="s1").outcome == "completed"
    report = fake.run("(weight * weight).backward()\nprint(weight.grad)\n", session="s1", filename="<repl-2>")
    assert report.outcome == "completed" and report.stdout == "4.0\n"
    assert fake.runner.complete("fake", "s1", "wei") == ["weight"]
    attrs = fake.runner.complete("fake", "s1", "weight.gr")
    assert attrs == ["weight.grad", "weight.grad_fn"]
    assert "fakegrad.tensor" in fake.runner.complete("fake", "s1", "fakegrad.te")
    assert "print" in fake.runner.complete("fake", "s1", "pri")
    assert fake.runner.complete("fake", "s1", "weight._") != []  # private names once asked for
    assert fake.runner.complete("fake", "s1", "nothing_like_this") == []
    assert fake.runner.complete("fake", "s1", "weight().x") == []  # no calls are evaluated


def test_sessions_are_separate_and_droppable(fake: FakeHarness) -> None:
    fake.run("a = 1\n", session="left")
    fake.run("a = 2\n", session="right")
    assert fake.run("print(a)\n", session="left").stdout == "1\n"
    fake.runner.drop_session("fake", "left")
    report = fake.run("print(a)\n", session="left")
    assert report.error is not None and report.error.type == "NameError"
    assert fake.run("print(a)\n", session="right").stdout == "2\n"
    assert "a" not in fake.runner.complete("fake", "left", "a")
    assert "a" in fake.runner.complete("fake", "right", "a")


def test_a_killed_worker_loses_its_sessions_and_says_so(fake: FakeHarness) -> None:
    fake.run("kept = 1\n", session="doomed")
    fake.run("other = 1\n", session="bystander")
    report = fake.run("while True:\n    pass\n", session="doomed", timeout=0.3)
    assert report.outcome == "timeout"
    assert any("'doomed'" in w for w in report.warnings)
    after = fake.run("print(kept)\n", session="doomed")
    assert after.error is not None and after.error.type == "NameError"
    assert after.warnings == []  # said once, with the run that lost it
    bystander = fake.run("print(other)\n", session="bystander")
    assert any("'bystander'" in w for w in bystander.warnings)


def test_runs_from_many_threads_are_serialised(fake: FakeHarness) -> None:
    results: list[str] = []

    def one(i: int) -> None:
        results.append(fake.run(f"import time\ntime.sleep(0.01)\nprint({i})\n").stdout)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(results) == [f"{i}\n" for i in range(8)]


def test_status_callback_reports_loading_and_ready() -> None:
    seen: list[tuple[str, str]] = []
    with Runner(spare=False, on_status=lambda fw, text: seen.append((fw, text))) as runner:
        runner.start("fake")
        runner.wait_ready("fake", timeout=60)
        assert runner.is_ready("fake")
        deadline = time.monotonic() + 5
        while ("fake", "ready") not in seen and time.monotonic() < deadline:
            time.sleep(0.01)
    assert seen[0] == ("fake", "loading fake…")
    assert ("fake", "ready") in seen


def test_an_interrupt_before_the_code_starts_still_stops_it(fake: FakeHarness) -> None:
    """Ctrl-C right after Enter: the worker has not read the request yet (here it is stopped),
    so the SIGINT finds it between runs, where it is ignored; the run must still be interrupted."""
    before = fake.pid()
    assert fake.run("kept = 41\n", session="s-early").outcome == "completed"
    slot = fake.runner._slots["fake"]
    os.kill(before, signal.SIGSTOP)
    box: list[RunReport] = []
    thread = threading.Thread(target=lambda: box.append(fake.run("import time\ntime.sleep(30)\n", session="s-early")))
    try:
        thread.start()
        deadline = time.monotonic() + 10
        while slot.inflight is None and time.monotonic() < deadline:
            time.sleep(0.005)
        fake.runner.interrupt("fake")
    finally:
        os.kill(before, signal.SIGCONT)
    thread.join(10)
    (report,) = box
    assert report.outcome == "raised"
    assert report.error is not None and report.error.type == "KeyboardInterrupt"
    assert report.duration_ms < 5000  # stopped before time.sleep(30), not by the run's timeout
    assert fake.run("print(kept + 1)\n", session="s-early").stdout == "42\n"
    assert fake.pid() == before


def test_a_cancel_for_a_request_that_is_no_longer_in_flight_does_nothing(fake: FakeHarness) -> None:
    """A UI cancels from a thread: when it gets there its run may have ended and a newer one started."""
    finished = RunRequest(code="print('done')\n", filename="<old>")
    assert fake.runner.run("fake", finished).outcome == "completed"
    newer = RunRequest(code="import time\ntime.sleep(1.5)\nprint('newer')\n", filename="<new>")
    box: list[RunReport] = []
    thread = threading.Thread(target=lambda: box.append(fake.runner.run("fake", newer)))
    slot = fake.runner._slots["fake"]
    thread.start()
    deadline = time.monotonic() + 10
    while slot.inflight_request is not newer and time.monotonic() < deadline:
        time.sleep(0.005)
    fake.runner.cancel("fake", finished)
    thread.join(10)
    (report,) = box
    assert report.outcome == "completed" and report.stdout == "newer\n"


def test_an_interrupt_while_the_worker_loads_stops_the_run_when_it_starts() -> None:
    holder: list[Runner] = []

    def on_status(framework: str, text: str) -> None:
        if text.startswith("loading"):  # said from inside run(), before any worker is ready
            holder[0].interrupt(framework)

    with Runner(spare=False, on_status=on_status) as runner:
        holder.append(runner)
        report = runner.run("fake", RunRequest(code="import time\ntime.sleep(30)\n"))
        assert report.outcome == "raised"
        assert report.error is not None and report.error.type == "KeyboardInterrupt"
        later = runner.run("fake", RunRequest(code="print('not interrupted')\n"))
        assert later.outcome == "completed" and later.stdout == "not interrupted\n"


def test_no_spare_still_recovers_after_a_kill() -> None:
    with Runner(spare=False) as runner:
        report = runner.run("fake", RunRequest(code="while True: pass", timeout=0.3))
        assert report.outcome == "timeout"
        again = runner.run("fake", RunRequest(code="print('back')"))
        assert again.outcome == "completed" and again.stdout == "back\n"


def test_unknown_framework_is_one_clear_error() -> None:
    with Runner() as runner, pytest.raises(GradreplError, match="unknown framework 'jax'"):
        runner.run("jax", RunRequest(code=""))


def test_missing_framework_raises_framework_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    # the runner decides "installed" by find_spec of the framework's module: point it at a module that is not there
    monkeypatch.setitem(runner_module.FRAMEWORK_MODULES, "torch", "no_such_module_for_gradrepl")
    with Runner() as runner, pytest.raises(FrameworkMissing, match=r"pip install \"gradrepl\[torch\]\""):
        runner.run("torch", RunRequest(code=""))


def test_a_worker_that_cannot_start_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "python"
    broken.write_text("#!/bin/sh\necho 'no interpreter here' >&2\nexit 7\n")
    broken.chmod(0o755)
    with Runner(python=str(broken)) as runner:
        with pytest.raises(GradreplError, match="could not start.*exit status 7"):
            runner.wait_ready("fake", timeout=30)
        assert not runner.is_ready("fake")


def test_available_frameworks_imports_nothing() -> None:
    code = ("import sys\nfrom gradrepl.runner import available_frameworks\n"
            "print(available_frameworks(), 'torch' in sys.modules, 'tensorflow' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("False False")
    assert out.startswith(str(available_frameworks()))


def test_close_kills_workers_and_removes_their_files() -> None:
    runner = Runner()
    runner.wait_ready("fake", timeout=60)
    slot = runner._slots["fake"]
    _wait_for_spare(slot)
    killed = slot.active
    assert runner.run("fake", RunRequest(code="while True: pass", timeout=0.2)).outcome == "timeout"
    _wait_for_spare(slot)
    procs = [killed, *slot.procs()]  # the killed one may still be reaped in the background
    assert len(procs) == 3
    runner.close()
    for proc in procs:
        assert proc.proc.poll() is not None
        assert not proc.dir.exists()
    with pytest.raises(GradreplError, match="closed"):
        runner.run("fake", RunRequest(code=""))


def _wait_for_spare(slot: object) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        spare = slot.spare  # type: ignore[attr-defined]
        if spare is not None and spare.ready.is_set():
            return
        time.sleep(0.01)


def test_workers_die_with_their_parent() -> None:
    code = ("from gradrepl.runner.runner import Runner\nimport os, sys\n"
            "r = Runner(spare=False)\nr.wait_ready('fake', timeout=60)\n"
            "w = r._slots['fake'].active\nprint(w.pid, w.dir, flush=True)\nos._exit(0)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    pid, directory = out.stdout.split()
    deadline = time.monotonic() + 5
    while _exists(int(pid)) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not _exists(int(pid))
    assert not os.path.exists(directory)


def _exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        with open(f"/proc/{pid}/stat") as f:  # a zombie awaiting its reaper counts as gone
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_an_idle_worker_that_died_is_replaced_before_the_next_run(fake: FakeHarness) -> None:
    victim = fake.pid()
    os.kill(victim, 9)
    deadline = time.monotonic() + 5
    while _exists(victim) and time.monotonic() < deadline:
        time.sleep(0.01)
    report = fake.run("print('fine')\n")
    assert report.outcome == "completed" and report.stdout == "fine\n"
    assert fake.pid() != victim


def test_a_missing_interpreter_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with Runner(python=str(tmp_path / "no-python-here")) as runner:
        with pytest.raises(GradreplError, match="cannot start a fake worker"):
            runner.run("fake", RunRequest(code=""))
