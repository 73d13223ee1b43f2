"""Hostile user code against the fake worker: each behaviour gives a clear report and a clean next run."""

from __future__ import annotations

import tempfile
import textwrap
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from gradrepl.runner.limits import OUTPUT_CAP

if TYPE_CHECKING:
    from tests.runner.conftest import FakeHarness


def _in_thread(fake: FakeHarness, code: str, *, blocked: bool = False, **kw: object) -> tuple[threading.Thread, list]:
    """Start ``code`` in a thread; return once it runs user code (it writes its pid to a marker
    file first) and, with ``blocked``, once it waits in a system call (``time.sleep``): then a
    signal lands in the code under test, not in the lines before it, however loaded the machine."""
    marker = Path(tempfile.mkdtemp()) / "started"
    code = f"open({str(marker)!r}, 'w').write(str(__import__('os').getpid()))\n" + textwrap.dedent(code)
    box: list = []
    thread = threading.Thread(target=lambda: box.append(fake.run(code, **kw)))
    thread.start()
    deadline = time.monotonic() + 30
    pid = ""
    while not pid and time.monotonic() < deadline:
        pid = marker.read_text() if marker.exists() else ""
        time.sleep(0.005)
    assert pid, "the code never started"
    while blocked and _state(int(pid)) != "S" and time.monotonic() < deadline:
        time.sleep(0.005)
    return thread, box


def _state(pid: int) -> str:
    """The process state letter of the worker's main thread (``S``: waiting in a system call)."""
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()[0]


def test_infinite_loop_times_out_at_its_line(fake: FakeHarness) -> None:
    before = fake.pid()
    start = time.monotonic()
    report = fake.run("x = 0\nwhile True:\n    x += 1\n", timeout=0.5)
    assert report.outcome == "timeout"
    assert report.error is not None and report.error.type == "Timeout"
    assert "0.5 s" in report.error.message
    assert report.error.line in (2, 3)
    assert time.monotonic() - start < 5
    fake.assert_clean()
    assert fake.pid() != before


def test_deadlock_times_out(fake: FakeHarness) -> None:
    report = fake.run("""\
        import threading
        lock = threading.Lock()
        lock.acquire()
        lock.acquire()
        """, timeout=0.5)
    assert report.outcome == "timeout"
    assert report.error is not None and report.error.line == 4
    fake.assert_clean()


def test_segfault_is_a_crash_naming_the_signal_and_line(fake: FakeHarness) -> None:
    report = fake.run("import ctypes\nprint('before')\nctypes.string_at(0)\n")
    assert report.outcome == "crashed"
    assert report.error is not None and report.error.type == "Crash"
    assert "SIGSEGV" in report.error.message
    assert report.error.line == 3
    assert report.stdout == "before\n"  # what it printed before dying is kept
    fake.assert_clean()


def test_memory_exhaustion_is_stopped_at_the_limit(fake: FakeHarness) -> None:
    report = fake.run("""\
        chunks = []
        while True:
            chunks.append(b"x" * (8 * 2**20))
        """, memory_mb=150, timeout=30)
    assert report.outcome == "crashed"
    assert report.error is not None and report.error.type == "MemoryLimit"
    assert "150 MB" in report.error.message
    assert report.error.line == 3
    fake.assert_clean()


def test_sys_exit_nonzero_is_raised_zero_is_completed(fake: FakeHarness) -> None:
    report = fake.run("import sys\nprint('a')\nsys.exit(3)\nprint('b')\n")
    assert report.outcome == "raised"
    assert report.error is not None and report.error.type == "SystemExit"
    assert report.error.message == "exit status 3" and report.error.line == 3
    assert report.stdout == "a\n"
    assert fake.run("import sys\nsys.exit(0)\n").outcome == "completed"
    assert fake.run("import sys\nsys.exit()\n").outcome == "completed"
    fake.assert_clean()


def test_os_exit_behaves_like_sys_exit_and_the_worker_survives(fake: FakeHarness) -> None:
    before = fake.pid()
    report = fake.run("import os\nos._exit(4)\n")
    assert report.outcome == "raised"
    assert report.error is not None and report.error.message == "exit status 4" and report.error.line == 2
    assert fake.pid() == before
    fake.assert_clean()


def test_input_gets_eof_at_once(fake: FakeHarness) -> None:
    start = time.monotonic()
    report = fake.run("name = input('name? ')\n", timeout=5)
    assert time.monotonic() - start < 2
    assert report.outcome == "raised"
    assert report.error is not None and report.error.type == "EOFError" and report.error.line == 1
    report = fake.run("import sys\nprint(repr(sys.stdin.read()))\n")
    assert report.stdout == "''\n"
    fake.assert_clean()


def test_print_flood_is_capped(fake: FakeHarness) -> None:
    report = fake.run("for i in range(10**6):\n    print(i)\n", timeout=30)
    assert report.outcome == "completed"
    assert report.output_truncated
    assert report.stdout.startswith("0\n1\n2\n")
    assert len(report.stdout.encode()) <= OUTPUT_CAP
    fake.assert_clean()


def test_c_level_flood_is_captured_and_capped(fake: FakeHarness) -> None:
    report = fake.run("""\
        import os
        os.write(2, b"to fd 2\\n")
        for i in range(10**6):
            os.write(1, b"c-level line\\n")
        """, timeout=60)
    assert report.outcome == "completed"
    assert report.output_truncated
    assert report.stdout.startswith("c-level line\n")
    assert len(report.stdout.encode()) <= OUTPUT_CAP
    assert report.stderr == "to fd 2\n"
    fake.assert_clean()


def test_flood_past_the_file_limit_fails_the_write_not_the_worker(fake: FakeHarness) -> None:
    before = fake.pid()
    report = fake.run("""\
        import os
        block = b"y" * 2**20
        for i in range(100):
            os.write(1, block)
        """, timeout=60)
    assert report.outcome == "raised"
    assert report.error is not None and report.error.type == "OSError" and report.error.line == 4
    assert "too large" in report.error.message
    assert fake.pid() == before
    fake.assert_clean()


def test_threads_left_running_recycle_the_worker(fake: FakeHarness) -> None:
    before = fake.pid()
    report = fake.run("""\
        import threading, time
        t = threading.Thread(target=time.sleep, args=(60,), name="sleeper")
        t.start()
        print("started")
        """)
    assert report.outcome == "completed"
    assert report.stdout == "started\n"
    assert any("sleeper" in w and "restarted" in w for w in report.warnings)
    assert fake.pid() != before
    fake.assert_clean()


def test_a_thread_that_finishes_in_time_is_fine(fake: FakeHarness) -> None:
    before = fake.pid()
    report = fake.run("""\
        import threading, time
        threading.Thread(target=time.sleep, args=(0.01,)).start()
        """)
    assert report.outcome == "completed" and report.warnings == []
    assert fake.pid() == before


def test_interrupt_raises_keyboardinterrupt_and_the_session_survives(fake: FakeHarness) -> None:
    before = fake.pid()
    assert fake.run("kept = 41\n", session="s-int").outcome == "completed"
    thread, box = _in_thread(fake, "import time\nfor i in range(600):\n    time.sleep(0.05)\n", blocked=True,
                             session="s-int", timeout=60)
    fake.runner.interrupt("fake")
    thread.join(10)
    (report,) = box
    assert report.outcome == "raised"
    assert report.error is not None and report.error.type == "KeyboardInterrupt" and report.error.line == 4
    after = fake.run("print(kept + 1)\n", session="s-int")
    assert after.stdout == "42\n" and after.warnings == []
    assert fake.pid() == before
    fake.assert_clean()


def test_cancel_ends_the_run_as_cancelled(fake: FakeHarness) -> None:
    thread, box = _in_thread(fake, "while True:\n    pass\n", timeout=60)
    start = time.monotonic()
    fake.runner.cancel("fake")
    thread.join(10)
    (report,) = box
    assert report.outcome == "cancelled"
    assert time.monotonic() - start < 2
    fake.assert_clean()


def test_cancel_kills_code_that_swallows_the_interrupt(fake: FakeHarness) -> None:
    before = fake.pid()
    code = """\
        import time
        while True:
            try:
                time.sleep(1)
            except KeyboardInterrupt:
                pass
        """
    thread, box = _in_thread(fake, code, blocked=True, timeout=60)
    fake.runner.cancel("fake")
    thread.join(10)
    (report,) = box
    assert report.outcome == "cancelled"
    assert fake.pid() != before
    fake.assert_clean()


def test_cancel_with_nothing_in_flight_does_nothing(fake: FakeHarness) -> None:
    before = fake.pid()
    fake.runner.cancel("fake")
    fake.runner.interrupt("fake")
    assert fake.pid() == before
    fake.assert_clean()


def test_a_forked_child_never_answers_for_the_worker(fake: FakeHarness) -> None:
    report = fake.run("""\
        import os
        pid = os.fork()
        if pid:
            os.waitpid(pid, 0)
            print("parent")
        """)
    assert report.outcome == "completed"
    assert report.stdout == "parent\n"
    fake.assert_clean()


def test_killing_itself_is_a_crash(fake: FakeHarness) -> None:
    report = fake.run("import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n")
    assert report.outcome == "crashed"
    assert report.error is not None and "SIGKILL" in report.error.message
    fake.assert_clean()
