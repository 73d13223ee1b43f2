"""Provides the reading of torch errors: the error is the symptom, these find the root.

Each rule recognises one autograd error message and traces it to the line that
caused it: the in-place operation (not the backward that noticed it), the first
backward that freed a graph, the constructor of an integer tensor ...
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from gradrepl.core.report import Event
from gradrepl.diagnosis.torch_facts import RunFacts, seq

_VERSION = re.compile(r"\[(?:torch\.)?\w+ \[([\d, ]*)\]\](?:, which is output \d+ of (\w+),)? is at version (\d+); expected version (\d+)")


@dataclass
class Root:
    """A root cause found from the run's error."""

    cause: str
    line: int | None
    detail: str
    op: str = ""
    confidence: float = 0.95
    involved: frozenset[int] = frozenset()
    """Variables the failing call changed itself: the error is theirs even when an earlier
    backward left them a gradient. Any other variable with a gradient shows "ok"."""
    failing: frozenset[int] = frozenset()
    """Variables the loss of the failing backward derives from."""


def from_error(facts: RunFacts) -> Root | None:
    """The root cause behind the run's error, when the error is a known autograd one."""
    text = facts.error_text()
    if not text:
        return None
    for rule in RULES:
        root = rule(facts, text)
        if root is not None:
            root.failing = frozenset(u for e in facts.losses() if e.detail.get("error") for u in e.uids)
            if root.cause == "inplace_leaf":  # the failing op changed these very tensors
                root.involved = frozenset(u for e in facts.of_kind("inplace") if e.detail.get("error") for u in e.uids)
            return root
    return None


def _inplace_leaf(facts: RunFacts, text: str) -> Root | None:
    if "leaf Variable that requires grad is being used in an in-place operation" not in text:
        return None
    event = next((e for e in facts.of_kind("inplace") if e.detail.get("error")), None)
    line = event.line if event is not None else _error_line(facts)
    op = event.op if event is not None else ""
    what = f"`{op}`" if op else "an in-place operation"
    return Root("inplace_leaf", line, f"line {line} changes a leaf tensor that requires grad in place with {what}.", op)


def _inplace_saved(facts: RunFacts, text: str) -> Root | None:
    if "modified by an inplace operation" not in text:
        return None
    match = _VERSION.search(text)
    event = _culprit(facts, match) if match else None
    if event is None:
        candidates = [e for e in facts.of_kind("inplace") if not e.detail.get("error") and e.detail.get("grad_enabled", True)]
        event = candidates[-1] if candidates else None
    if event is None and match is not None and not match.group(2):
        stepped = _stepped(facts, match)
        if stepped is not None:
            return stepped
    if event is None:
        return Root("inplace_saved_tensor", _error_line(facts),
                    "a tensor that backward needs was changed in place after it was used.", confidence=0.6)
    saved_by = f" ({match.group(2)} saved it for backward)" if match and match.group(2) else ""
    module_line = event.detail.get("module_line")
    if module_line:
        return Root("inplace_saved_tensor", module_line,
                    f"the {event.detail.get('module')} created at line {module_line} works in place (`{event.op}`, "
                    f"run at line {event.line}) on a tensor that backward needs{saved_by}.", event.op)
    return Root("inplace_saved_tensor", event.line,
                f"`{event.op}` at line {event.line} changes a tensor in place after it was used{saved_by}; "
                f"backward at line {_error_line(facts)} needs the old value.", event.op)


def _culprit(facts: RunFacts, match: re.Match[str]) -> Event | None:
    """The in-place op that moved the named tensor from the expected version."""
    shape = [int(x) for x in match.group(1).replace(" ", "").split(",") if x]
    producer = match.group(2)
    expected = int(match.group(4))
    best: tuple[int, Event] | None = None
    for event in facts.of_kind("inplace"):
        for version, base_op, ev_shape in event.detail.get("versions", []):
            if ev_shape != shape or version != expected:
                continue
            score = 2 if producer and str(base_op).startswith(producer) else 1 if not producer and base_op == "leaf" else 0
            if best is None or score > best[0]:
                best = (score, event)
    return best[1] if best else None


def _stepped(facts: RunFacts, match: re.Match[str]) -> Root | None:
    """A leaf changed in place with no recorded in-place op: optimizer.step() updates every
    parameter in place, so a graph built before the step (kept alive by retain_graph=True,
    or by a hidden state carried into the next iteration) can no longer go backward."""
    shape = [int(x) for x in match.group(1).replace(" ", "").split(",") if x]
    failing = next((e for e in reversed(facts.losses()) if e.detail.get("error")), None)
    until = seq(failing, "last_seq") if failing is not None else None
    steps = [e for e in facts.of_kind("optimizer_step") if until is None or seq(e) < until]
    fitting = [e for e in steps if shape in e.detail.get("shapes", [])]
    chosen = (fitting or steps)[-1] if (fitting or steps) else None
    if chosen is None:
        return None
    backward = failing.line if failing is not None else _error_line(facts)
    kept = " (kept with retain_graph=True)" if failing is not None and _retained(facts) else ""
    return Root("inplace_saved_tensor", chosen.line,
                f"`{chosen.op}` at line {chosen.line} updates the parameters in place (one of shape {shape} among them); "
                f"the backward at line {backward} goes through a graph built before that step{kept}, which still needs "
                "their old values. Build a fresh graph after each step: detach a state carried between iterations.",
                chosen.op, confidence=0.9 if fitting else 0.7)


def _retained(facts: RunFacts) -> bool:
    return any(e.detail.get("retain_graph") for e in facts.losses())


def _custom_backward(facts: RunFacts, text: str) -> Root | None:
    """A custom backward that returns the wrong number of gradients (or a wrong one), or a
    hook that changes a gradient's size or type: the user's backward code is the root."""
    match = re.search(r"function (\w+?)Backward returned (?:an incorrect number of gradients|an invalid gradient"
                      r"|a gradient different than None)", text)
    if match:
        cls = match.group(1)
        event = next((e for e in facts.of_kind("custom_fn") if e.op == f"{cls}.apply"), None)
        line = event.detail.get("backward_line") if event is not None else None
        line = line if isinstance(line, int) else (event.line if event is not None else _error_line(facts))
        return Root("hook_or_custom_fn", line, f"the backward of the custom function {cls} (line {line}) does not "
                                               "return one gradient of the right shape per input of forward.", f"{cls}.apply")
    match = re.search(r"hook '(\w+)' has changed the (size|type) of value", text)
    if match:
        hooks = facts.of_kind("hook")
        event = next((e for e in hooks if e.detail.get("hook_name") == match.group(1)), hooks[0] if hooks else None)
        line = (event.detail.get("hook_line") or event.line) if event is not None else _error_line(facts)
        return Root("hook_or_custom_fn", line, f"the hook at line {line} returns a gradient of another "
                                               f"{match.group(2)} than the tensor it is registered on.",
                    event.op if event is not None else "")
    return None


def _python_loss(facts: RunFacts, text: str) -> Root | None:
    """``loss.backward()`` on a Python float or a NumPy value: the loss left torch through
    item()/numpy()/tolist() on its way (the latest such exit, when one was recorded)."""
    match = re.search(r"'(float|int|numpy\.\w+|ndarray|list)' object has no attribute 'backward'", text)
    if not match:
        return None
    exits = facts.of_kind("item", "numpy", "tolist")
    latest = max(exits, key=lambda e: seq(e, "last_seq")) if exits else None
    if latest is None:
        line = _error_line(facts)
        return Root("numpy_roundtrip", line, f"the value backward is called on at line {line} is a {match.group(1)}, "
                                             "not a tensor: it was computed outside torch.", confidence=0.7)
    return Root("numpy_roundtrip", latest.line,
                f"`{latest.op}` at line {latest.line} turns the loss into a Python/NumPy value; what is computed from "
                f"it is a {match.group(1)} with no history, and backward at line {_error_line(facts)} cannot run on it.",
                latest.op, confidence=0.85)


def _second_time(facts: RunFacts, text: str) -> Root | None:
    if "backward through the graph a second time" not in text and "after they have already been freed" not in text:
        return None
    failing = next((e for e in reversed(facts.losses()) if e.detail.get("error")), None)
    reused = failing.detail.get("reused") if failing is not None else None
    first = facts.first_loss()
    first_line = first.line if first is not None else None
    # two separate backward calls (not a loop): the first one should have kept the graph
    separate = (failing is not None and first is not None and failing.line != first.line
                and failing.detail.get("count", 1) == 1 and first.detail.get("count", 1) == 1)
    behind = frozenset(failing.detail.get("reused_uids", [])) if failing is not None else frozenset()
    if reused and reused.get("line") and not separate:
        return Root("retain_graph", reused["line"],
                    f"the value computed at line {reused['line']} (`{reused['op']}`) belongs to a graph that an earlier "
                    f"backward (line {first_line}) already freed; the backward at line {_error_line(facts)} needs it again.",
                    str(reused.get("op", "")), involved=behind)
    return Root("retain_graph", first_line,
                f"backward at line {first_line} frees the graph; the call at line {_error_line(facts)} goes through it again.",
                first.op if first is not None else "", involved=behind)


def _int_dtype(facts: RunFacts, text: str) -> Root | None:
    if "floating point" in text and "require gradients" in text:
        asked = _error_line(facts)
        failed = next((e for e in facts.of_kind("requires_grad_error") if e.line == asked), None)
        made = failed.detail.get("created_line") if failed is not None else None
        if made and made != asked:
            return Root("int_dtype", made, f"the tensor made at line {made} has an integer dtype "
                                           f"({failed.detail.get('dtype')}); line {asked} asks it to require grad.")
        return Root("int_dtype", asked, f"line {asked} asks an integer tensor to require grad.")
    return None


def _empty_optimizer(facts: RunFacts, text: str) -> Root | None:
    if "optimizer got an empty parameter list" not in text:
        return None
    line = _error_line(facts)
    return Root("optimizer_wrong_params", line, f"the optimizer created at line {line} was given no parameters "
                                                "(a generator such as model.parameters() can be used up only once).")


def _inference(facts: RunFacts, text: str) -> Root | None:
    if "Inference tensors" not in text:
        return None
    event = next(iter(facts.of_kind("inference_mode") or facts.of_kind("inference_mode_on")), None)
    line = event.line if event is not None else _error_line(facts)
    return Root("no_grad_context", line, f"a tensor made inside torch.inference_mode() (line {line}) is used where autograd must record it.")


def _not_implemented(facts: RunFacts, text: str) -> Root | None:
    match = re.search(r"derivative for (?:aten::)?'?([\w.]+)'? is not implemented", text)
    if not match:
        return None
    name = match.group(1)
    key = name.replace("_", "").lower()
    graph = facts.report.graph
    node = next((n for n in graph.nodes if n.op == "NotImplemented" or
                 re.sub(r"backward\d*$", "", n.op.lower()) == key), None) if graph else None
    line = node.line if node is not None and node.line else _error_line(facts)
    return Root("non_differentiable_op", line, f"`{name}` at line {line} has no derivative in torch.", name)


def _numpy_requires_grad(facts: RunFacts, text: str) -> Root | None:
    if "numpy() on Tensor that requires grad" not in text:
        return None
    line = _error_line(facts)
    return Root("numpy_roundtrip", line, f"line {line} converts a tensor that requires grad to NumPy.", "Tensor.numpy")


def _non_leaf_optimizer(facts: RunFacts, text: str) -> Root | None:
    if "optimize a non-leaf Tensor" not in text:
        return None
    var = next((v for v in facts.report.variables if not v.is_leaf), None)
    if var is None:
        line = _error_line(facts)
        return Root("rebind_non_leaf", line, f"the tensor given to the optimizer at line {line} is the result of an operation, not a leaf.")
    cause, line = rebinding(var)
    return Root(cause, line, f"{var.name}, given to the optimizer, is the result of an operation (line {line}), not a leaf.")


def rebinding(var: Any) -> tuple[str, int | None]:
    """``w = torch.randn(3, requires_grad=True) * 0.1`` (the leaf never had a name) is
    rebind_non_leaf; ``w = w - lr * w.grad`` later on (a name that held the leaf now
    holds a result) is param_rebound. Both at the line that made the name a result."""
    ev = var.evidence
    line = ev.get("orphan_line") or ev.get("grad_fn_line") or var.line
    made = ev.get("orphan_leaf_line")
    if made is not None and line is not None and made != line:
        return "param_rebound", line
    return "rebind_non_leaf", line


def _assign_parameter(facts: RunFacts, text: str) -> Root | None:
    if "as parameter" not in text or "cannot assign" not in text:
        return None
    line = _error_line(facts)
    return Root("param_rebound", line, f"line {line} replaces a module parameter with a plain tensor.")


def _error_line(facts: RunFacts) -> int | None:
    return facts.error.line if facts.error is not None else None


RULES = (_inplace_leaf, _inplace_saved, _second_time, _int_dtype, _inference, _not_implemented,
         _numpy_requires_grad, _non_leaf_optimizer, _assign_parameter, _empty_optimizer, _custom_backward,
         _python_loss)


def earliest(events: list[Event]) -> Event | None:
    return min(events, key=seq) if events else None
