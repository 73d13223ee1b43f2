"""The notebook API over real torch and TensorFlow, in this process (no worker)."""

from __future__ import annotations

import pytest

import gradrepl
from gradrepl.errors import GradreplError


@pytest.mark.torch
def test_torch_record_and_explain() -> None:
    torch = pytest.importorskip("torch")
    with gradrepl.record() as rec:
        x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
        w = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
        loss = (x.detach() * 2 * w).sum()
        loss.backward()
    (top, *_) = rec.explain(x)
    assert (top.target, top.symptom, top.cause) == ("x", "grad_none", "detach")
    assert top.line is not None and top.line > 0
    assert rec.explain(w)[0].cause == "none"
    assert {f.target for f in rec.findings()} >= {"x", "w"}


@pytest.mark.torch
def test_torch_explain_without_recording() -> None:
    torch = pytest.importorskip("torch")
    frozen = torch.ones(2)
    (top, *_) = gradrepl.explain(frozen)
    assert top.target == "frozen" and top.symptom == "grad_none" and top.cause == "no_requires_grad"


@pytest.mark.tf
def test_tf_record_and_explain() -> None:
    tf = pytest.importorskip("tensorflow")
    with gradrepl.record("tensorflow") as rec:
        x = tf.Variable([1.0, 2.0, 3.0])
        w = tf.Variable([0.5, -1.0, 2.0])
        with tf.GradientTape() as tape:
            loss = tf.reduce_sum(tf.stop_gradient(x * 2) * w)
        grads = tape.gradient(loss, [x, w])
    assert grads[0] is None
    (top, *_) = rec.explain(x)
    assert (top.target, top.symptom, top.cause) == ("x", "grad_none", "stop_gradient")
    assert rec.explain(w)[0].symptom == "ok"


@pytest.mark.torch
def test_explaining_an_unwatched_framework_says_so() -> None:
    torch = pytest.importorskip("torch")
    with gradrepl.record("tensorflow") as rec:
        t = torch.ones(1, requires_grad=True)
    with pytest.raises(GradreplError, match="did not watch torch"):
        rec.explain(t)


@pytest.mark.torch
def test_a_parameter_is_named_by_its_path_in_the_namespace() -> None:
    torch = pytest.importorskip("torch")
    model = torch.nn.Sequential(torch.nn.Linear(2, 1))
    (top, *_) = gradrepl.explain(model[0].weight)
    assert top.target == "model[0].weight"
    (top, *_) = gradrepl.explain(torch.ones(1), {})
    assert top.target == "value"
