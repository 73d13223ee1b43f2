"""Provides diagnose_torch(): the PyTorch rules, from a RunReport to findings.

Pure Python over the report (no torch import). For each target the rules ask,
in order: did an autograd error name the root? does the variable take part at
all (requires_grad, leaf)? was its gradient cleared after backward? was
backward called? where does the recorded provenance say its path to the loss
was cut? The evidence keys read here are documented in docs/backends.md.
"""

from __future__ import annotations

from gradrepl.core.report import Event, Finding, RunReport, Symptom, VariableInfo
from gradrepl.diagnosis import torch_errors
from gradrepl.diagnosis.common import finding, ok_finding, symptom_of
from gradrepl.diagnosis.torch_chain import CUTS, find_break, first_of
from gradrepl.diagnosis.torch_facts import RunFacts, ev, seq

INTEGER = ("int", "uint", "bool", "long", "short", "byte", "char")
MODULE_HOOK_FN = "BackwardHookFunction"
"""The autograd.Function torch runs a module's full backward hooks through."""


def diagnose_torch(report: RunReport) -> list[Finding]:
    """At least one finding per variable (and per target that failed with a known error)."""
    facts = RunFacts(report)
    root = torch_errors.from_error(facts)
    out: list[Finding] = []
    for var in report.variables:
        out.extend(_diagnose(var, facts, root))
    for expr in report.target_errors:
        if root is not None and report.variable(expr) is None:
            out.append(finding(expr, "error", root.cause, line=root.line, confidence=root.confidence * 0.9,
                               detail=f"`{expr}` does not exist after the run: {root.detail}", op=root.op))
    return out


def _diagnose(var: VariableInfo, facts: RunFacts, root: torch_errors.Root | None) -> list[Finding]:
    symptom = symptom_of(var, facts.report)
    if root is not None and (symptom != "ok" or var.uid in root.involved):
        # a known autograd error stopped the run: the root of what this target shows
        return [finding(var, "error", root.cause, line=root.line, confidence=root.confidence, detail=root.detail, op=root.op)]
    if symptom == "ok":
        notes = _optimizer_notes(var, facts)
        if root is not None and var.uid in root.failing:
            notes.append(finding(var, "ok", root.cause, line=root.line, op=root.op, confidence=0.5,
                                 detail=f"{var.name} has a gradient from an earlier backward, but the backward that "
                                        f"failed would have added to it: {root.detail}"))
        return [ok_finding(var), *notes]
    if var.grad.kind == "nonfinite":
        return [_nonfinite(var, symptom, facts)]
    if var.grad.kind == "zero":
        return [_zero(var, symptom, facts)]
    return [_missing(var, symptom, facts)]


# -- a gradient that is None ------------------------------------------------------------


def _missing(var: VariableInfo, symptom: Symptom, facts: RunFacts) -> Finding:
    # after an error the variable may be reachable from an earlier loss but cut on the way
    # to the one that failed: the cut comes first then
    middle = (_cut, _reachable_but_none) if facts.error is not None else (_reachable_but_none, _cut)
    for rule in (_not_required, _late_requires_grad, _non_leaf, _cleared, _not_called, *middle, _unused):
        result = rule(var, symptom, facts)
        if result is not None:
            return result
    return finding(var, symptom, "unused_parameter", line=var.line, confidence=0.3,
                   detail=f"no path leads from the loss to {var.name}, and the recording shows no cut.")


def _not_required(var: VariableInfo, symptom: Symptom, facts: RunFacts) -> Finding | None:
    if var.requires_grad:
        return None
    cut = find_break(facts.indexed(ev(var, "value_events", [])), var.name)
    if cut is not None:
        return finding(var, symptom, cut.cause, line=cut.at, op=cut.event.op,
                       detail=f"{var.name} itself was made without history: {cut.detail}")
    if var.dtype.startswith(INTEGER):
        return finding(var, symptom, "int_dtype", line=var.line,
                       detail=f"{var.name} has dtype {var.dtype}; only floating-point tensors can have gradients.")
    freeze = facts.indexed(ev(var, "freeze_events", []))
    line = (freeze[-1].detail.get("caller_line") or freeze[-1].line) if freeze else var.line
    if var.kind == "parameter" or ev(var, "is_parameter"):
        how = f"at line {line} (`{freeze[-1].op}`)" if freeze else "where it was created"
        if freeze and line != freeze[-1].line:
            how = f"by the call at line {line}, whose False flag reaches `{freeze[-1].op}` at line {freeze[-1].line}"
        return finding(var, symptom, "frozen_parameter", line=line, op=freeze[-1].op if freeze else "",
                       detail=f"{var.name} has requires_grad=False, set {how}.")
    where = f"line {line}" if line else "where it was created"
    return finding(var, symptom, "no_requires_grad", line=line,
                   detail=f"{var.name} is created at {where} without requires_grad=True, so autograd does not track it.")


def _late_requires_grad(var: VariableInfo, symptom: Symptom, facts: RunFacts) -> Finding | None:
    used = ev(var, "used_before_requires_grad")
    if used is None or ev(var, "loss_derives"):
        return None
    enable = facts.indexed(ev(var, "enable_events", []))
    when = f" at line {enable[0].line}" if enable else ""
    return finding(var, symptom, "no_requires_grad", line=enable[0].line if enable else var.line,
                   detail=f"{var.name} is used at line {used} before requires_grad is switched on{when}; "
                          "operations done before that are not recorded.")


def _non_leaf(var: VariableInfo, symptom: Symptom, facts: RunFacts) -> Finding | None:
    if var.is_leaf:
        return None
    line = ev(var, "grad_fn_line") or var.line
    grad_fn = ev(var, "grad_fn", "")
    if ev(var, "orphan_leaf"):
        cause, first = torch_errors.rebinding(var)
        if cause == "param_rebound":
            made = ev(var, "orphan_leaf_line")
            return finding(var, symptom, cause, line=first, op=grad_fn,
                           detail=f"line {first} binds {var.name} to a result computed from it ({grad_fn}); the leaf "
                                  f"made at line {made}, the one that gets .grad, has no name any more.")
        return finding(var, symptom, cause, line=first, op=grad_fn,
                       detail=f"{var.name} is bound at line {first} to the result of an operation on the leaf tensor "
                              f"that requires grad (now {grad_fn}), not to the leaf itself; only leaves get .grad.")
    leaves = ", ".join(ev(var, "leaf_names", [])[:3])
    from_leaves = f" computed from {leaves}" if leaves else ""
    return finding(var, symptom, "non_leaf_access", line=line, op=grad_fn,
                   detail=f"{var.name} is an intermediate result{from_leaves} (line {line}); torch keeps .grad only for leaves.")


def _cleared(var: VariableInfo, symptom: Symptom, facts: RunFacts) -> Finding | None:
    clears = facts.indexed(ev(var, "clear_events", []))
    if not clears or not ev(var, "backward_calls"):
        return None
    last = max(clears, key=lambda e: seq(e, "last_seq"))
    return finding(var, symptom, "grads_cleared", line=last.line, op=last.op,
                   detail=f"`{last.op}` at line {last.line} clears {var.name}'s gradient after the last backward.")


def _not_called(var: VariableInfo, symptom: Symptom, facts: RunFacts) -> Finding | None:
    if ev(var, "backward_calls"):
        return None
    uncalled = next((e for e in facts.of_kind("uncalled") if e.op == ".backward"), None)
    if uncalled is not None:
        return finding(var, symptom, "backward_not_called", line=uncalled.line, op=".backward",
                       detail=f"line {uncalled.line} names `.backward` without calling it (no parentheses).")
    if facts.error is not None:
        return None
    root = facts.report.graph.nodes[facts.report.graph.root] if facts.report.graph and facts.report.graph.root is not None else None
    line = root.line if root is not None else None
    loss = facts.report.losses[0] if facts.report.losses else "the loss"
    return finding(var, symptom, "backward_not_called", line=line,
                   detail=f"nothing calls backward on {loss}, so no gradient is computed.")


def _reachable_but_none(var: VariableInfo, symptom: Symptom, facts: RunFacts) -> Finding | None:
    if not var.reachable:
        return None
    special = [s for s in ev(var, "path_special", []) if s.get("custom")]
    if special:
        s = special[0]
        line = _custom_backward_line(s, facts)
        return finding(var, symptom, "hook_or_custom_fn", line=line, op=s["op"],
                       detail=f"the path from the loss to {var.name} goes through the custom function {s['op']} "
                              f"(called at line {s.get('line')}), whose backward (line {line}) returns no gradient for it.")
    hooks = facts.indexed(ev(var, "hook_events", []))
    if hooks:
        h = hooks[0]
        return finding(var, symptom, "hook_or_custom_fn", line=h.detail.get("hook_line") or h.line, op=h.op,
                       detail=f"a hook registered at line {h.line} changes the gradient on its way to {var.name}.")
    if facts.of_kind("autograd_grad") and not facts.of_kind("backward") and facts.error is None:
        call = facts.of_kind("autograd_grad")[0]
        return finding(var, symptom, "backward_not_called", line=call.line, op=call.op,
                       detail=f"torch.autograd.grad at line {call.line} returns the gradients; it does not store them in .grad.")
    return None


def _cut(var: VariableInfo, symptom: Symptom, facts: RunFacts) -> Finding | None:
    chain = facts.indexed(ev(var, "path_events", []))
    copied = _copied(var, symptom, chain)
    if copied is not None:
        return copied
    cut = find_break(chain, var.name)
    if cut is None:
        return None
    return finding(var, symptom, cut.cause, line=cut.at, op=cut.event.op, detail=cut.detail)


def _copied(var: VariableInfo, symptom: Symptom, chain: list[Event]) -> Finding | None:
    """The loss uses a deep copy of the variable (``copy.deepcopy`` of its module): the copy's
    parameters are new leaves, and they take the gradient. The copy nearest the loss is the
    one that made the loss stop using the variable."""
    first = next((e for e in chain if e.kind in CUTS or e.kind == "param_copy"), None)
    if first is None or first.kind != "param_copy":
        return None
    last = [e for e in chain if e.kind == "param_copy"][-1]
    if ev(var, "in_optimizer"):
        return finding(var, symptom, "optimizer_wrong_params", line=last.line, op=last.op,
                       detail=f"line {last.line} deep-copies the model: the copy has new parameters, and the loss is "
                              f"computed with them. The optimizer still holds {var.name}, the original, which gets no "
                              "gradient and is never updated by step().")
    return finding(var, symptom, "unused_parameter", line=last.line, op=last.op, confidence=0.8,
                   detail=f"line {last.line} deep-copies {var.name}; the loss is computed with the copy, a new leaf "
                          f"that takes the gradient, so {var.name} itself gets none.")


def _unused(var: VariableInfo, symptom: Symptom, facts: RunFacts) -> Finding | None:
    if ev(var, "loss_derives") is not False:
        return None
    replaced = facts.indexed(ev(var, "replaced_events", []))
    if replaced:
        r = replaced[-1]
        if ev(var, "in_optimizer"):
            return finding(var, symptom, "optimizer_wrong_params", line=r.line, op=r.op,
                           detail=f"line {r.line} replaces `{r.op}` after the optimizer was created: the optimizer "
                                  f"still holds the old parameter ({var.name}), which the loss no longer uses.")
        return finding(var, symptom, "param_rebound", line=r.line, op=r.op,
                       detail=f"line {r.line} replaces `{r.op}` with a new parameter; {var.name} is the old one, "
                              "which the loss no longer uses.")
    if ev(var, "in_optimizer") and not ev(var, "in_module"):
        opt = facts.indexed(ev(var, "optimizer_events", []))
        line = opt[0].line if opt else var.line
        successor = ev(var, "successor_line")
        if successor is not None and successor != line:
            return finding(var, symptom, "optimizer_wrong_params", line=successor, op=opt[0].op if opt else "",
                           detail=f"line {successor} creates a new model, whose fresh parameters the loss uses; the "
                                  f"optimizer created at line {line} still holds the old one's, {var.name} among them.")
        return finding(var, symptom, "optimizer_wrong_params", line=line, op=opt[0].op if opt else "",
                       detail=f"the optimizer created at line {line} holds {var.name}, a tensor the loss never uses.")
    exits = [e for e in facts.of_kind("item", "numpy", "tolist") if var.uid in e.uids]
    if exits:
        e = exits[0]
        return finding(var, symptom, "numpy_roundtrip", line=e.line, op=e.op, confidence=0.7,
                       detail=f"{var.name}'s value leaves torch at line {e.line} through `{e.op}`; whatever is "
                              "computed from that Python or NumPy value carries no gradient back to it.")
    used = ev(var, "last_use_line")
    if used:
        return finding(var, symptom, "unused_parameter", line=used, confidence=0.85,
                       detail=f"{var.name} is used at line {used}, but that result never reaches the loss.")
    return finding(var, symptom, "unused_parameter", line=var.line, confidence=0.85,
                   detail=f"the loss is computed without {var.name}.")


def _custom_backward_line(special: dict[str, object], facts: RunFacts) -> int | None:
    """The line of the custom Function's backward, when the script defines it."""
    name = str(special.get("op", ""))
    cls = name[: -len("Backward")] if name.endswith("Backward") else name
    event = next((e for e in facts.of_kind("custom_fn") if e.op == f"{cls}.apply"), None)
    line = event.detail.get("backward_line") if event is not None else None
    if not isinstance(line, int) and cls == MODULE_HOOK_FN:
        # torch runs a module's full backward hook through its own Function: the user's
        # code is the hook they registered
        hooks = facts.of_kind("module_hook")
        line = (hooks[0].detail.get("hook_line") or hooks[0].line) if hooks else None
    return line if isinstance(line, int) else special.get("line")  # type: ignore[return-value]


# -- zero and non-finite gradients ------------------------------------------------------


def _zero(var: VariableInfo, symptom: Symptom, facts: RunFacts) -> Finding:
    clears = facts.indexed(ev(var, "clear_events", []))
    if clears:
        last = max(clears, key=lambda e: seq(e, "last_seq"))
        return finding(var, symptom, "grads_cleared", line=last.line, op=last.op,
                       detail=f"`{last.op}` at line {last.line} zeroes {var.name}'s gradient after the last backward.")
    chain = facts.indexed(ev(var, "path_events", []))
    zero = first_of(chain, "zero_grad_op")
    if zero is not None:
        return finding(var, symptom, "non_differentiable_op", line=zero.line, op=zero.op,
                       detail=f"`{zero.op}` at line {zero.line} is a step function: its gradient is zero almost everywhere.")
    special = ev(var, "path_special", [])
    if special:
        s = special[0]
        cause = "hook_or_custom_fn" if s.get("custom") else "non_differentiable_op"
        line = _custom_backward_line(s, facts) if s.get("custom") else s.get("line")
        what = (f"the backward hook (line {line}) of the module called at line {s.get('line')}"
                if str(s["op"]).startswith(MODULE_HOOK_FN) else f"{s['op']} at line {s.get('line')}")
        return finding(var, symptom, cause, line=line, op=s["op"],
                       detail=f"{what} passes a zero gradient to {var.name}.")
    hooks = facts.indexed(ev(var, "hook_events", []))
    custom = first_of(chain, "custom_fn")
    if hooks or custom is not None:
        e = hooks[0] if hooks else custom
        assert e is not None
        return finding(var, symptom, "hook_or_custom_fn", line=e.detail.get("hook_line") or e.line, op=e.op,
                       detail=f"`{e.op}` at line {e.line} changes the gradient on its way to {var.name}.")
    # nothing recorded zeroes it: the gradient may truly be zero (terms that cancel, a bias
    # under a mean difference); naming a cause without evidence would be a false alarm
    return finding(var, symptom, "none", line=var.line, confidence=0.3,
                   detail=f"{var.name}'s gradient is exactly zero, and the recording shows no operation that "
                          "zeroes it: the contributions may cancel out.")


def _nonfinite(var: VariableInfo, symptom: Symptom, facts: RunFacts) -> Finding:
    chain = facts.indexed(ev(var, "path_events", []))
    singular = [e for e in chain if e.kind == "singular"]
    for e in chain:
        if e.kind != "where":
            continue
        upstream = [facts.event(i) for i in e.detail.get("via", [])]
        masked = [u for u in upstream if u is not None and u.kind == "singular"]
        if masked or e.detail.get("branch_nonfinite"):
            what = f"`{masked[0].op}` at line {masked[0].line} ({masked[0].detail.get('condition', '')})" if masked else "a branch"
            return finding(var, symptom, "where_nan", line=e.line, op=e.op,
                           detail=f"`{e.op}` at line {e.line} hides {what} in the forward pass, but backward still "
                                  "multiplies its infinite or NaN gradient by zero, which gives NaN.")
    if singular:
        s = singular[0]
        return finding(var, symptom, "nan_at_singularity", line=s.line, op=s.op,
                       detail=f"`{s.op}` at line {s.line} is evaluated at a point where its derivative is infinite "
                              f"({s.detail.get('condition', 'a singular point')}).")
    hooks = facts.indexed(ev(var, "hook_events", []))
    if hooks:
        h = hooks[0]
        return finding(var, symptom, "hook_or_custom_fn", line=h.detail.get("hook_line") or h.line, op=h.op,
                       detail=f"a hook registered at line {h.line} changes the gradient on its way to {var.name}.")
    loss_bad = ev(var, "loss_nonfinite")
    detail = "the loss itself is NaN or infinite" if loss_bad else "an operation on the path has an infinite derivative"
    return finding(var, symptom, "nan_at_singularity", line=var.line, confidence=0.4, detail=f"{detail}.")


# -- notes on healthy gradients ---------------------------------------------------------


def _optimizer_notes(var: VariableInfo, facts: RunFacts) -> list[Finding]:
    """A parameter with a gradient that no optimizer updates (a replaced or forgotten one)."""
    if ev(var, "in_optimizer") is not False or not facts.of_kind("optimizer_step") or not var.requires_grad:
        return []
    replaced = [e for e in facts.of_kind("param_replaced") if var.uid in e.detail.get("new", [])]
    if replaced:
        r = replaced[-1]
        return [finding(var, "ok", "optimizer_wrong_params", line=r.line, op=r.op, confidence=0.6,
                        detail=f"{var.name} gets a gradient, but it replaced the parameter at line {r.line} after the "
                               "optimizer was created, so step() never updates it.")]
    holder = ev(var, "unregistered_in")
    if holder:
        return [finding(var, "ok", "optimizer_wrong_params", line=var.line, confidence=0.6,
                        detail=f"{var.name} gets a gradient, but {holder} is a plain Python list or dict: nn.Module "
                               "does not register what it holds, so parameters() leaves it out and the optimizer never "
                               "updates it (nn.ModuleList / nn.ModuleDict / nn.ParameterList register it).")]
    opt = facts.of_kind("optimizer_init")
    line = opt[0].line if opt else None
    return [finding(var, "ok", "optimizer_wrong_params", line=line, op=opt[0].op if opt else "", confidence=0.5,
                    detail=f"{var.name} gets a gradient, but the optimizer (line {line}) does not hold it, so step() never updates it.")]
