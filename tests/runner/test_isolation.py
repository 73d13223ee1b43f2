"""What one run changes must not reach the next: namespaces, interpreter state, fakegrad globals."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.runner.conftest import FakeHarness


def test_each_run_gets_a_fresh_main_namespace(fake: FakeHarness) -> None:
    assert fake.run("leftover = 1\n").outcome == "completed"
    report = fake.run("print(__name__, __file__)\nprint(leftover)\n", filename="/tmp/some_script.py")
    assert report.stdout == "__main__ /tmp/some_script.py\n"
    assert report.error is not None and report.error.type == "NameError" and report.error.line == 2


def test_interpreter_state_is_restored(fake: FakeHarness) -> None:
    before = fake.pid()
    changed = fake.run("""\
        import builtins, os, signal, sys
        os.chdir("/")
        sys.path.insert(0, "/nowhere")
        sys.argv.append("--extra")
        os.environ["GRADREPL_LEAK"] = "1"
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        sys.setrecursionlimit(80)
        builtins.len = lambda x: -1
        sys.modules["json"] = None
        """)
    assert changed.outcome == "completed", changed.error
    report = fake.run("""\
        import os, signal, sys, json
        print(os.getcwd() != "/", "/nowhere" not in sys.path, sys.argv == ["<hostile>"])
        print("GRADREPL_LEAK" not in os.environ, signal.getsignal(signal.SIGINT) is not signal.SIG_IGN)
        print(sys.getrecursionlimit() > 80, len([1, 2]), json.dumps([1]))
        """)
    assert report.outcome == "completed", report.error
    assert report.stdout == "True True True\nTrue True\nTrue 2 [1]\n"
    assert fake.pid() == before
    fake.assert_clean()


def test_fakegrad_globals_are_reset(fake: FakeHarness) -> None:
    assert fake.run("import fakegrad\nfakegrad.set_grad_enabled(False)\n").outcome == "completed"
    report = fake.run("import fakegrad\nprint(fakegrad.is_grad_enabled())\n")
    assert report.stdout == "True\n"


def test_state_the_backend_cannot_reset_recycles_the_worker(fake: FakeHarness) -> None:
    before = fake.pid()
    report = fake.run("import fakegrad\nfakegrad.taint()\nprint('ok')\n")
    assert report.outcome == "completed" and report.stdout == "ok\n"
    assert any("cannot be undone" in w for w in report.warnings)
    assert fake.pid() != before
    fake.assert_clean()


def test_stdout_and_stderr_are_separate_and_exact(fake: FakeHarness) -> None:
    report = fake.run("""\
        import sys, os
        print("out")
        print("err", file=sys.stderr)
        os.write(1, b"fd1\\n")
        """)
    assert report.stdout == "out\nfd1\n"
    assert report.stderr == "err\n"
    assert not report.output_truncated


def test_every_way_to_print_is_captured(fake: FakeHarness) -> None:
    report = fake.run("""\
        import ctypes, sys
        sys.stdout.buffer.write(b"bytes\\n")
        sys.__stdout__.write("dunder\\n")
        ctypes.CDLL(None).printf(b"from C stdio\\n")
        """)
    assert report.outcome == "completed", report.error
    assert sorted(report.stdout.splitlines()) == ["bytes", "dunder", "from C stdio"]


def test_user_traceback_is_trimmed_to_the_script(fake: FakeHarness) -> None:
    report = fake.run("""\
        import json

        def parse(text):
            return json.loads(text)

        parse("{not json")
        """)
    assert report.outcome == "raised"
    error = report.error
    assert error is not None and error.type == "JSONDecodeError" and error.line == 4
    assert 'File "<hostile>", line 6' in error.traceback and 'File "<hostile>", line 4' in error.traceback
    assert "json/decoder.py" not in error.traceback and "gradrepl" not in error.traceback
    assert "return json.loads(text)" in error.traceback  # source lines shown for code that is no file


def test_syntax_error_names_its_line(fake: FakeHarness) -> None:
    report = fake.run("x = 1\ny = (\nz = 3\n")
    assert report.outcome == "raised"
    assert report.error is not None and report.error.type == "SyntaxError" and report.error.line == 2


def test_the_script_directory_is_importable(fake: FakeHarness, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "helper_mod_for_runner.py").write_text("VALUE = 7\n")
    script = tmp_path / "main.py"
    script.write_text("import helper_mod_for_runner\nprint(helper_mod_for_runner.VALUE)\n")
    report = fake.run(script.read_text(), filename=str(script))
    assert report.outcome == "completed", report.error
    assert report.stdout == "7\n"


def test_fake_backend_reports_variables_graph_and_events(fake: FakeHarness) -> None:
    report = fake.run("""\
        import fakegrad
        x = fakegrad.tensor(2.0, requires_grad=True)
        c = fakegrad.tensor(5.0)
        y = x.detach()
        w = fakegrad.tensor(3.0, requires_grad=True)
        loss = (w * y).tanh() + x * 0
        loss.backward()
        """)
    assert report.outcome == "completed"
    assert report.losses == ["loss"]
    by_name = {v.name: v for v in report.variables}
    assert set(by_name) == {"x", "c", "y", "w"}
    assert by_name["x"].grad.kind == "zero" and by_name["x"].line == 2
    assert by_name["c"].grad.kind == "none" and not by_name["c"].requires_grad and by_name["c"].reachable is False
    assert by_name["y"].evidence == {"detached": True}
    assert by_name["w"].grad.kind == "finite" and by_name["w"].reachable
    graph = report.graph
    assert graph is not None and graph.nodes[graph.root or 0].label == "loss"
    assert {n.kind for n in graph.nodes} == {"root", "op", "leaf", "cut"}
    kinds = [(e.kind, e.line) for e in report.events]
    assert ("detach", 4) in kinds and ("backward", 7) in kinds
    assert {f.target for f in report.findings} == {"x", "c", "y", "w"}


def test_targets_are_evaluated_and_bad_ones_explained(fake: FakeHarness) -> None:
    report = fake.run("""\
        import fakegrad
        a = fakegrad.tensor(1.0, requires_grad=True)
        pair = [a, a * 2]
        (a * 3).backward()
        """, targets=["a", "pair", "missing", "1 + 1"])
    assert [v.name for v in report.variables] == ["a", "pair[0]", "pair[1]"]
    assert report.variables[0].grad.sample == [3.0]
    assert set(report.target_errors) == {"missing", "1 + 1"}
    assert report.target_errors["missing"].startswith("NameError")


def test_backward_without_grad_is_raised_at_its_line(fake: FakeHarness) -> None:
    report = fake.run("import fakegrad\nx = fakegrad.tensor(1.0)\n(x * 2).backward()\n")
    assert report.outcome == "raised"
    assert report.error is not None and report.error.type == "RuntimeError" and report.error.line == 3
    assert report.variable("x") is not None

