"""Provides the variables a TF report is about: evaluated targets or discovered ones.

Discovery lists what the user asked gradients for (sources of
``tape.gradient``, variables given to ``apply_gradients``), then top-level
variables a gradient would reach without being asked for (a forgotten bias),
then, when no gradient was asked at all, the float trainable variables bound
at the top level and those of top-level Keras models. Plain constants appear
only when asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gradrepl.backends.tf.context import RunContext
from gradrepl.backends.tf.log import SourceRef
from gradrepl.backends.tf.names import _is_layer, index_namespace
from gradrepl.backends.tf.patches import source_ref


@dataclass
class Candidate:
    """A variable (or tensor) to report, with the name the user would write."""

    name: str
    ref: SourceRef
    owner: Any = None
    owner_name: str | None = None


def discover(ctx: RunContext) -> list[Candidate]:
    out: list[Candidate] = []
    for call in ctx.rec.calls:
        out.extend(_candidate(ctx, s) for s in call.sources if s.key is not None)
    for ap in ctx.rec.applies:
        out.extend(_candidate(ctx, s) for s in ap.variables if s.key is not None)
    asked = {c.ref.key for c in out}
    if ctx.rec.calls or ctx.rec.applies:
        out.extend(_unasked_feeding_targets(ctx, asked))
    else:
        out.extend(_namespace_variables(ctx))
    return out


def _candidate(ctx: RunContext, ref: SourceRef) -> Candidate:
    named = ctx.index.by_key.get(ref.key) if ref.key is not None else None
    if named is not None:
        return Candidate(named.name, ref, named.owner, named.owner_name)
    return Candidate(ctx.name_of(ref.key, ref), ref)


def _unasked_feeding_targets(ctx: RunContext, asked: set[int | None]) -> list[Candidate]:
    """Top-level trainable variables a gradient would reach, though nobody asked for them.

    A bias left out of ``tape.gradient(loss, [w])`` is a bug worth showing. Model
    variables left out are usually on purpose (a target network, a frozen part),
    and so are values behind ``tf.stop_gradient``: those are not listed.
    """
    live: set[int] = set()
    for call in ctx.rec.calls:
        targets = [t for t in call.target_ids if t is not None]
        live |= ctx.flow.live(call.tape, targets)
    out = []
    for key in ctx.index.order:
        item = ctx.index.by_key[key]
        top_level = "." not in item.name and "[" not in item.name
        if key in asked or item.ref.kind == "tensor" or key not in live or not top_level:
            continue
        if getattr(item.ref.obj, "trainable", True) and _is_float(item.ref.obj):
            out.append(Candidate(item.name, item.ref, item.owner, item.owner_name))
    return out


def _namespace_variables(ctx: RunContext) -> list[Candidate]:
    out = []
    for key in ctx.index.order:
        item = ctx.index.by_key[key]
        if item.ref.kind == "tensor" or not _is_float(item.ref.obj):
            continue
        top_level = "." not in item.name and "[" not in item.name
        if top_level or item.owner is not None:
            if getattr(item.ref.obj, "trainable", True):
                out.append(Candidate(item.name, item.ref, item.owner, item.owner_name))
    return out


def _is_float(obj: Any) -> bool:
    dtype = getattr(obj, "dtype", None)
    return bool(getattr(dtype, "is_floating", False)) or str(dtype).startswith(("float", "bfloat"))


def evaluate(ctx: RunContext, expr: str) -> tuple[list[Candidate], str | None]:
    """The variables an expression names, or one sentence saying why it names none."""
    try:
        value = eval(expr, ctx.ns)  # noqa: S307 - the user's own expression in the user's namespace
    except Exception as error:
        return [], f"The target {expr!r} could not be evaluated after the run: {type(error).__name__}: {error}."
    ref = source_ref(value)
    if ref.kind != "other" and ref.key not in ctx.last_call:
        # the name now holds something else (x = x + 1 after the call): mean what was asked as x
        ref = ctx.latest_source_named(expr) or ref
    if ref.kind != "other":
        return [_named(ctx, expr, ref)], None
    items = _expand(ctx, expr, value)
    if items is None:
        return [], f"The target {expr!r} is a {type(value).__name__}, not a variable, tensor, list of them or Keras layer."
    if not items:
        return [], f"The target {expr!r} holds no variables (a Keras model has none until it is built)."
    return items, None


def _named(ctx: RunContext, expr: str, ref: SourceRef) -> Candidate:
    named = ctx.index.by_key.get(ref.key) if ref.key is not None else None
    if named is not None:
        return Candidate(expr, ref, named.owner, named.owner_name)
    return Candidate(expr, ref)


def _expand(ctx: RunContext, expr: str, value: Any) -> list[Candidate] | None:
    if _is_layer(value) or hasattr(value, "trainable_variables"):
        index = index_namespace({expr: value})
        variables = list(getattr(value, "trainable_variables", []) or getattr(value, "weights", []))
        out = []
        for i, var in enumerate(variables):
            ref = source_ref(var)
            named = index.by_key.get(ref.key) if ref.key is not None else None
            if named is not None:
                out.append(Candidate(named.name, ref, named.owner, named.owner_name))
            else:
                out.append(Candidate(f"{expr}.trainable_variables[{i}]", ref))
        return out
    if isinstance(value, list | tuple):
        refs = [(f"{expr}[{i}]", source_ref(v)) for i, v in enumerate(value)]
    elif isinstance(value, dict):
        refs = [(f"{expr}[{k!r}]", source_ref(v)) for k, v in value.items()]
    else:
        return None
    # members of a list target are named after it (params[0]), so findings map back to it
    return [_named(ctx, n, r) for n, r in refs if r.kind != "other"]
