"""Provides inspect_run(): the TF namespace and recording → a RunReport's variables, graph, events.

TF has no ``.grad``: a variable's gradient is what the user's last
``tape.gradient`` call that included it returned (or the gradient handed to
``apply_gradients``), or nothing when none asked for it.
"""

from __future__ import annotations

from typing import Any

from gradrepl.backends.namespace import with_function_locals
from gradrepl.backends.tf.context import RunContext
from gradrepl.backends.tf.events import build_events
from gradrepl.backends.tf.evidence import evidence_for
from gradrepl.backends.tf.gradstate import summarize
from gradrepl.backends.tf.graph import GraphBuilder, Root
from gradrepl.backends.tf.log import SourceRef
from gradrepl.backends.tf.recorder import TFRecording
from gradrepl.backends.tf.targets import Candidate, discover, evaluate
from gradrepl.backends.tf.upstream import upstream_facts
from gradrepl.core.report import GradState, RunReport, VariableInfo
from gradrepl.core.request import RunRequest


def inspect_run(ns: dict[str, Any], rec: TFRecording, request: RunRequest, report: RunReport) -> None:
    """Fill ``report`` from one finished (or failed) run."""
    ctx = RunContext.build(rec, with_function_locals(ns, rec.function_locals()), request.code)
    if request.targets is None:
        candidates = discover(ctx)
    else:
        candidates = []
        for expr in request.targets:
            found, error = evaluate(ctx, expr)
            if error:
                report.target_errors[expr] = error
            candidates.extend(found)
    report.variables = [variable_info(ctx, c) for c in _unique(candidates)]
    if report.outcome != "completed":
        for var in report.variables:
            if not var.evidence.get("requested"):
                up = upstream_facts(ctx, var.uid)
                if up is not None:
                    var.evidence["upstream"] = up
    report.losses = _losses(ctx)
    report.graph = _guarded(report, "graph", lambda: _graph(ctx, report, request.graph_limit))
    for var in report.variables:
        var.node = _leaf_of(report, var.uid)
    report.events = _guarded(report, "events", lambda: build_events(ctx, {v.uid: v.name for v in report.variables})) or []
    if rec.ops_dropped:
        report.warnings.append(f"the run had more ops than gradrepl keeps; the first {rec.ops_dropped} were dropped and the diagnosis uses the latest ones")



def _guarded(report: RunReport, what: str, build: Any) -> Any:
    """Build one part of the report; a failure leaves that part empty with a note."""
    try:
        return build()
    except Exception as error:
        report.warnings.append(f"gradrepl could not build the TF {what} ({type(error).__name__}: {error})")
        return None


def _unique(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per key and per name; for a name used twice (x rebound), the later."""
    seen: set[int] = set()
    by_name: dict[str, Candidate] = {}
    for c in candidates:
        if c.ref.key is None or c.ref.key in seen:
            continue
        seen.add(c.ref.key)
        by_name.pop(c.name, None)
        by_name[c.name] = c
    return list(by_name.values())


def variable_info(ctx: RunContext, cand: Candidate) -> VariableInfo:
    ref = cand.ref
    try:
        ev = evidence_for(ctx, ref, cand.owner, cand.owner_name)
    except Exception as error:  # an analysis bug costs this variable its facts, not the report
        ev = {"source": ref.kind, "requested": ref.key in ctx.last_call, "analysis_error": f"{type(error).__name__}: {error}"}
    return VariableInfo(
        name=cand.name,
        uid=int(ref.key or 0),
        dtype=_dtype(ref.obj),
        shape=_shape(ref.obj),
        requires_grad=_requires_grad(ctx, ref),
        is_leaf=ref.kind != "tensor" or ctx.flow.op_of(ref.key or -1) is None,
        grad=_grad_state(ctx, ref),
        kind="tensor" if ref.kind == "tensor" else "variable",
        line=_line(ctx, cand, ev),
        reachable=ev.get("recorded_connected"),
        evidence=ev,
    )


def _grad_state(ctx: RunContext, ref: SourceRef) -> GradState:
    """The gradient of the latest call (tape.gradient or apply) that covered this key."""
    key = ref.key
    last = ctx.last_call.get(key) if key is not None else None
    applied = ctx.last_apply.get(key) if key is not None else None
    if applied is not None and (last is None or applied[0].seq > last[0].seq):
        return summarize(applied[0].grads[applied[1]])
    if last is not None:
        call, i = last
        if call.error is None and i < len(call.results):
            return summarize(call.results[i])
    return GradState(kind="none")


def _requires_grad(ctx: RunContext, ref: SourceRef) -> bool:
    if ref.kind != "tensor":
        return bool(getattr(ref.obj, "trainable", True))
    key = ref.key
    return any(key in w.tensors for t in ctx.rec.tapes.values() for w in t.watches)


def _line(ctx: RunContext, cand: Candidate, ev: dict[str, Any]) -> int | None:
    if ev.get("created_line") is not None:
        return ev["created_line"]
    name = cand.name.split(".", 1)[0].split("[", 1)[0]
    return ctx.src.last_binding(name)


def _dtype(obj: Any) -> str:
    dtype = getattr(obj, "dtype", None)
    return str(getattr(dtype, "name", dtype or ""))


def _shape(obj: Any) -> list[int]:
    try:
        return [int(d) if d is not None else -1 for d in tuple(obj.shape)]
    except Exception:  # unknown rank
        return []


def _losses(ctx: RunContext) -> list[str]:
    out: list[str] = []
    for call in ctx.rec.calls:
        name = ctx.target_name(call)
        if name not in out:
            out.append(name)
    return out


def _graph(ctx: RunContext, report: RunReport, limit: int) -> Any:
    roots: list[Root] = []
    seen: set[int] = set()
    calls = {}
    for var in report.variables:
        last = ctx.last_call.get(var.uid)
        if last is not None:
            calls[last[0].index] = last[0]
    if not calls and ctx.rec.calls:
        calls[ctx.rec.calls[-1].index] = ctx.rec.calls[-1]
    for call in sorted(calls.values(), key=lambda c: c.seq)[-4:]:
        for tid in call.target_ids:
            if tid is not None and tid not in seen:
                seen.add(tid)
                roots.append(Root(tensor=tid, tape=call.tape, label=ctx.target_name(call)))
    uids = {v.uid for v in report.variables}
    builder = GraphBuilder(ctx.flow, lambda k: ctx.name_of(k), uids, limit)
    graph = builder.build(roots)
    return graph if graph.root is not None else None


def _leaf_of(report: RunReport, uid: int) -> int | None:
    if report.graph is None:
        return None
    return next((n.id for n in report.graph.nodes if n.var == uid), None)
