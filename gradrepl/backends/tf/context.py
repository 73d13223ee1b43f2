"""Provides RunContext: one run's recording, flow, names and source, shared by inspect."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gradrepl.backends.tf.flow import Flow
from gradrepl.backends.tf.log import ApplyCall, GradCall, SourceRef
from gradrepl.backends.tf.names import NameIndex, index_namespace
from gradrepl.backends.tf.recorder import TFRecording
from gradrepl.backends.tf.source import Source


@dataclass
class RunContext:
    """Everything ``inspect`` needs about one run, with lookups by key."""

    rec: TFRecording
    ns: dict[str, Any]
    src: Source
    flow: Flow
    index: NameIndex
    last_call: dict[int, tuple[GradCall, int]] = field(default_factory=dict)
    last_apply: dict[int, tuple[ApplyCall, int]] = field(default_factory=dict)
    objects: dict[int, SourceRef] = field(default_factory=dict)
    """Every variable/tensor the run handed to TF APIs, by key."""

    @classmethod
    def build(cls, rec: TFRecording, ns: dict[str, Any], code: str) -> RunContext:
        ctx = cls(rec=rec, ns=ns, src=Source(code), flow=Flow(rec), index=index_namespace(ns))
        for call in rec.calls:
            ctx._read_exprs(call)
            for i, s in enumerate(call.sources):
                if s.key is not None:
                    ctx.last_call[s.key] = (call, i)
                    ctx.objects.setdefault(s.key, s)
        for ap in rec.applies:
            for i, s in enumerate(ap.variables):
                if s.key is not None:
                    ctx.last_apply[s.key] = (ap, i)
                    ctx.objects.setdefault(s.key, s)
        return ctx

    def _read_exprs(self, call: GradCall) -> None:
        if call.internal:
            return
        target, sources = self.src.gradient_exprs(call.line)
        call.target_expr = target
        if sources is not None and len(sources) == len(call.sources):
            for s, text in zip(call.sources, sources):
                s.expr = text

    def name_of(self, key: int | None, ref: SourceRef | None = None) -> str:
        """The best user-facing name of a variable/tensor key."""
        named = self.index.name(key)
        if named:
            return named
        ref = ref or (self.objects.get(key) if key is not None else None)
        if ref is not None and ref.expr:
            return ref.expr
        if ref is not None and ref.kind != "tensor":
            tf_name = getattr(ref.obj, "path", None) or getattr(ref.obj, "name", None)
            if tf_name:
                return str(tf_name).removesuffix(":0")
        op = self.flow.op_of(key) if key is not None else None
        if op is not None and op.line is not None:
            return f"{op.type} (line {op.line})"
        return f"tensor#{key}"

    def latest_source_named(self, expr: str) -> SourceRef | None:
        """The source of the latest gradient call written as ``expr`` at the call."""
        for call in reversed(self.rec.calls):
            for s in call.sources:
                if s.expr == expr and s.key is not None:
                    return s
        return None

    def target_name(self, call: GradCall) -> str:
        """The name of a gradient call's target (the loss)."""
        for tid in call.target_ids:
            named = self.index.name(tid)
            if named:
                return named
        if call.target_expr:
            return call.target_expr
        if call.internal:
            return f"the loss Keras computed (line {call.line})" if call.line else "the loss Keras computed"
        return f"target of line {call.line}" if call.line else "target"
