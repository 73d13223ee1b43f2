"""The runner over the real torch and TensorFlow backends: reports, no leaks, recovery.

Uses the session-wide ``real_runner`` (tests/conftest.py), so each framework is
imported once for all test modules, plus once more here after the timeout test
kills its worker.
"""

from __future__ import annotations

import importlib.util
import textwrap
from typing import Any

import pytest

from gradrepl.core.report import RunReport
from gradrepl.core.request import RunRequest


def _backend_missing(module: str) -> bool:
    spec = importlib.util.find_spec(module)
    return spec is None or spec.origin is None  # absent, or only a directory (no __init__ yet)


needs_torch_backend = pytest.mark.skipif(_backend_missing("gradrepl.backends.torch"),
                                         reason="gradrepl.backends.torch (TorchBackend) is not written yet")
needs_tf_backend = pytest.mark.skipif(_backend_missing("gradrepl.backends.tf"),
                                      reason="gradrepl.backends.tf (TFBackend) is not written yet")


def _run(runner: Any, framework: str, code: str, **kw: Any) -> RunReport:
    kw.setdefault("filename", f"<{framework}-test>")
    return runner.run(framework, RunRequest(code=textwrap.dedent(code), **kw))


TORCH_SCRIPT = """\
    import torch
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    loss = (x * x).sum()
    loss.backward()
    print(x.grad.tolist())
    """


@pytest.mark.torch
@needs_torch_backend
def test_torch_run_reports_real_gradients(real_runner: Any) -> None:
    report = _run(real_runner, "torch", TORCH_SCRIPT)
    assert report.outcome == "completed", report.error
    assert report.framework == "torch" and report.framework_version.startswith("2.")
    assert report.stdout == "[2.0, 4.0]\n"
    x = report.variable("x")
    assert x is not None and x.requires_grad and x.grad.kind == "finite"
    assert x.grad.sample[:2] == [2.0, 4.0]


@pytest.mark.torch
@needs_torch_backend
def test_torch_global_state_does_not_leak(real_runner: Any) -> None:
    first = _run(real_runner, "torch", """\
        import torch
        torch.set_grad_enabled(False)
        torch.set_default_dtype(torch.float64)
        torch.add = lambda *args, **kwargs: "patched"
        """)
    assert first.outcome == "completed", first.error
    second = _run(real_runner, "torch", """\
        import torch
        print(torch.is_grad_enabled(), torch.get_default_dtype(), torch.add(torch.ones(1), 1).tolist())
        """)
    assert second.outcome == "completed", second.error
    assert second.stdout == "True torch.float32 [2.0]\n"


@pytest.mark.torch
@needs_torch_backend
def test_torch_timeout_then_a_clean_run(real_runner: Any) -> None:
    hung = _run(real_runner, "torch", "import torch\nx = torch.ones(2)\nwhile True:\n    x = x + 1\n", timeout=1.0)
    assert hung.outcome == "timeout"
    assert hung.error is not None and hung.error.line == 4
    again = _run(real_runner, "torch", TORCH_SCRIPT)
    assert again.outcome == "completed", again.error
    assert again.stdout == "[2.0, 4.0]\n"


TF_SCRIPT = """\
    import tensorflow as tf
    x = tf.Variable([1.0, 2.0])
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(x * x)
    grad = tape.gradient(loss, x)
    print(grad.numpy().tolist())
    """


@pytest.mark.tf
@needs_tf_backend
def test_tf_run_reports_real_gradients(real_runner: Any) -> None:
    report = _run(real_runner, "tensorflow", TF_SCRIPT)
    assert report.outcome == "completed", report.error
    assert report.framework == "tensorflow" and report.framework_version.startswith("2.")
    assert report.stdout == "[2.0, 4.0]\n"
    assert report.variable("x") is not None


@pytest.mark.tf
@needs_tf_backend
def test_tf_timeout_then_a_clean_run(real_runner: Any) -> None:
    hung = _run(real_runner, "tensorflow", "import tensorflow as tf\nx = tf.ones(2)\nwhile True:\n    x = x + 1\n",
                timeout=1.0)
    assert hung.outcome == "timeout"
    assert hung.error is not None and hung.error.line == 4
    again = _run(real_runner, "tensorflow", TF_SCRIPT)
    assert again.outcome == "completed", again.error
    assert again.stdout == "[2.0, 4.0]\n"
