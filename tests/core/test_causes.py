"""Tests the cause catalogue's content: complete texts, hints, claims, docs in sync."""

from __future__ import annotations

from pathlib import Path

import pytest

from gradrepl.core import causes, documents
from gradrepl.core.catalogue_doc import markdown

ROOT = Path(__file__).resolve().parents[2]

# The ids the diagnosis rules, scenarios and lessons rely on.
REQUIRED_IDS = {
    "none", "no_requires_grad", "non_leaf_access", "rebind_non_leaf", "param_rebound", "detach",
    "no_grad_context", "numpy_roundtrip", "rewrap_tensor_constructor", "non_differentiable_op",
    "int_dtype", "backward_not_called", "unused_parameter", "grads_cleared", "inplace_saved_tensor",
    "inplace_leaf", "where_nan", "nan_at_singularity", "frozen_parameter", "optimizer_wrong_params",
    "retain_graph", "no_create_graph", "hook_or_custom_fn", "constant_not_watched", "outside_tape",
    "variable_rebound", "python_value_roundtrip", "stop_gradient", "untrainable_variable",
    "tape_reused", "unused_variable", "assign_breaks", "tape_watch_after_compute",
    "keras_layer_not_called", "keras_model_not_built", "keras_wrong_variables", "keras_variable_watch",
}
VERDICTS = {"right", "wrong", "partly"}


def test_every_required_id_exists() -> None:
    assert REQUIRED_IDS <= set(causes.catalogue())


@pytest.mark.parametrize("cause_id", sorted(causes.catalogue()))
def test_every_cause_has_all_texts(cause_id: str) -> None:
    cause = causes.get(cause_id)
    assert cause.title.strip() and cause.title != cause_id.replace("_", " "), "a real title, not the id"
    # 2-4 sentences: at least two full stops, and not an essay
    assert cause.explanation.count(". ") + cause.explanation.endswith(".") >= 2
    assert len(cause.explanation) < 800
    assert cause.fix.strip()
    assert cause.framework_notes.strip()
    assert set(cause.frameworks) <= {"torch", "tensorflow"} and cause.frameworks


@pytest.mark.parametrize("cause_id", sorted(causes.catalogue()))
def test_hints_are_three_distinct_steps(cause_id: str) -> None:
    hints = causes.get(cause_id).hints
    assert len(hints) == 3
    assert all(h.strip() for h in hints)
    assert len(set(hints)) == 3


def test_claims_cite_known_documents_with_a_verdict() -> None:
    known = set(documents.KNOWN)
    claims = [(c.id, claim) for c in causes.catalogue().values() for claim in c.claims]
    assert claims, "the documents' claims are recorded"
    for cause_id, claim in claims:
        assert claim.document in known, f"{cause_id}: unknown document {claim.document!r}"
        assert claim.verdict in VERDICTS, f"{cause_id}: verdict {claim.verdict!r}"
        assert claim.says.strip() and claim.observed.strip()


def test_the_false_claims_are_marked_wrong() -> None:
    # Running shows both: torch.round gives zeros, and add_ after the loss leaves x.grad intact.
    assert any(c.verdict == "wrong" for c in causes.get("non_differentiable_op").claims)
    assert any(c.verdict == "wrong" for c in causes.get("inplace_saved_tensor").claims)


def test_docs_page_matches_the_catalogue() -> None:
    page = (ROOT / "docs" / "causes.md").read_text(encoding="utf-8")
    assert page == markdown(), "regenerate: python -m gradrepl.core.catalogue_doc > docs/causes.md"
    for cause_id in causes.catalogue():
        assert f"## `{cause_id}`" in page
