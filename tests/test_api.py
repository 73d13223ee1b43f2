"""The in-process notebook API (gradrepl.record / gradrepl.explain) over the fake backend.

The same API over real torch and TensorFlow is in test_api_frameworks.py.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

import gradrepl
from gradrepl.api import backend, framework_of
from gradrepl.errors import GradreplError


@pytest.fixture(scope="module")
def fakegrad():  # type: ignore[no-untyped-def]
    backend("fake")  # makes ``import fakegrad`` work, as in a worker
    import fakegrad

    return fakegrad


def test_import_gradrepl_stays_light() -> None:
    code = "import sys, gradrepl; print('gradrepl.api' in sys.modules, 'torch' in sys.modules); gradrepl.record"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        gradrepl.nothing_here  # noqa: B018


def test_record_then_explain_each_tensor(fakegrad) -> None:  # type: ignore[no-untyped-def]
    with gradrepl.record("fake") as rec:
        x = fakegrad.tensor(2.0, requires_grad=True)
        w = fakegrad.tensor(3.0, requires_grad=True)
        y = x.detach() * w
        y.backward()
    (fine,) = rec.explain(w)
    assert (fine.target, fine.symptom, fine.cause) == ("w", "ok", "none")
    (broken,) = rec.explain(x)
    assert (broken.target, broken.symptom) == ("x", "grad_none") and broken.cause != "none"
    assert rec.report is not None and rec.report.variable("x") is not None


def test_findings_cover_every_variable_of_the_block(fakegrad) -> None:  # type: ignore[no-untyped-def]
    with gradrepl.record("fake") as rec:
        a = fakegrad.tensor(1.0, requires_grad=True)
        b = fakegrad.tensor(4.0, requires_grad=True)
        (a * b).backward()
    assert {f.target for f in rec.findings()} >= {"a", "b"}
    assert all(f.cause == "none" for f in rec.findings() if f.target in ("a", "b"))


def test_explain_without_recording_names_the_object(fakegrad) -> None:  # type: ignore[no-untyped-def]
    weight = fakegrad.tensor(1.0, requires_grad=True)
    (finding, *_) = gradrepl.explain(weight)
    assert finding.target == "weight" and finding.symptom == "grad_none"
    assert gradrepl.explain(weight, {}, name="w0")[0].target == "w0"


def test_framework_comes_from_the_type(fakegrad) -> None:  # type: ignore[no-untyped-def]
    assert framework_of(fakegrad.tensor(1.0)) == "fake"
    assert framework_of([fakegrad.tensor(1.0)]) == "fake"
    with pytest.raises(GradreplError, match="cannot tell the framework of a str"):
        framework_of("not a tensor")
