"""Provides inspect(): from the namespace and the recording to a filled RunReport.

It names the losses, walks the graph from them, and describes every target
variable: its gradient, where it was created, whether a path leads from the
loss to it, and the provenance evidence the diagnosis rules read (documented
in docs/backends.md).
"""

from __future__ import annotations

import re
from typing import Any

import torch

from gradrepl.backends.namespace import with_function_locals
from gradrepl.backends.torch import graphcuts, graphwalk, naming, targets
from gradrepl.backends.torch.eventlog import Rec
from gradrepl.backends.torch.provenance import EMPTY, union
from gradrepl.backends.torch.nodes import META_LINE, META_SEQ, safe_grad_fn
from gradrepl.backends.torch.recorder import TorchRecording
from gradrepl.backends.torch.summary import dtype_name, grad_state
from gradrepl.core.report import RunReport, VariableInfo
from gradrepl.core.request import RunRequest

Tensor = torch.Tensor
LOSS_KINDS = ("backward", "autograd_grad")
CHAIN_KINDS = frozenset({"detach", "no_grad", "inference_mode", "nondiff", "numpy", "item", "tolist", "tensor_ctor",
                         "backward", "autograd_grad", "zero_grad_op", "singular", "where", "custom_fn", "param_copy"})
ZERO_NODES = frozenset({"RoundBackward0", "RoundBackward1", "SignBackward0", "SgnBackward0", "FloorBackward0",
                        "CeilBackward0", "TruncBackward0"})
MAX_LIST = 64
ORPHAN_EXPLICIT = 64
"""How far back an orphan leaf is looked for behind a variable (discovery looks 4 ops back)."""


class Inspector:
    """One inspection of one run."""

    def __init__(self, ns: dict[str, Any], rec: TorchRecording, request: RunRequest, report: RunReport) -> None:
        self.ns = with_function_locals(ns, rec.function_locals())
        self.rec = rec
        self.request = request
        self.report = report
        self.names = naming.all_names(ns)
        self.code_lines = request.code.splitlines()
        self._named_fns: set[Any] | None = None

    def run(self) -> None:
        rec, report = self.rec, self.report
        if self.request.targets is None:
            found = targets.discover(self.ns, rec, self.names)
        else:
            found = targets.evaluate(self.request.targets, self.ns, report)
        for name, t in found:
            self.names[id(t)] = name
        losses = self._losses()
        report.losses = _unique(name for _, name, _ in losses)
        roots = [(fn, name) for fn, name, _ in losses if fn is not None]
        cut_notes = graphcuts.CutNotes(rec.prov, rec.log.recs, self.names, self.code_lines)
        walked = graphwalk.walk(roots, self._leaf_info, self.request.graph_limit, cut_notes)
        report.graph = walked.graph
        loss_taint = EMPTY
        for _, _, taint in losses:
            loss_taint = union(loss_taint, taint)
        context = _Context(rec, walked, rec.prov.closure(loss_taint), bool(losses), self._loss_nonfinite(losses))
        report.variables = [self._safe_variable(name, t, context) for name, t in found]
        report.events = rec.log.to_events()
        if rec.internal_errors:
            report.warnings.append(f"gradrepl's recorder could not follow {rec.internal_errors} call(s) of this run "
                                   f"(first: {rec.internal_error}); the diagnosis may miss where a path breaks")

    def _safe_variable(self, name: str, t: Tensor, ctx: _Context) -> VariableInfo:
        """A variable whose evidence cannot be gathered is still reported, plainly."""
        try:
            return self._variable(name, t, ctx)
        except Exception as error:  # a bug here must not hide the other variables
            self.report.warnings.append(f"gradrepl could not inspect {name} ({type(error).__name__}: {error})")
            grad = t.grad if t.is_leaf else None
            return VariableInfo(name=name, uid=self.rec.prov.new_uid(), dtype=dtype_name(t), shape=list(t.shape),
                                requires_grad=t.requires_grad, is_leaf=t.is_leaf, grad=grad_state(grad))

    # -- losses ----------------------------------------------------------------------

    def _losses(self) -> list[tuple[Any, str, frozenset[int]]]:
        """(grad_fn, name, taint) of every tensor gradients were taken of, latest first."""
        recs = sorted(self.rec.log.of_kind(*LOSS_KINDS), key=lambda r: -r.last_seq)
        out = []
        seen: set[Any] = set()
        for r in recs:
            fn, ref, taint = r.refs if len(r.refs) == 3 else (None, lambda: None, r.in_taint)
            key = fn if fn is not None else id(r)
            if key in seen:
                continue
            seen.add(key)
            out.append((fn, self._loss_name(ref(), r), r.in_taint or taint))
        if out:
            return out
        likely = self._likely_loss()
        if likely is None:
            return []
        name, t = likely
        return [(safe_grad_fn(t), name, self.rec.prov.taint(t))]

    def _loss_name(self, loss: Any, r: Rec) -> str:
        if loss is not None and id(loss) in self.names:
            return self.names[id(loss)]
        if loss is not None:
            for name, value in naming.user_values(self.ns):
                if value is loss:
                    return name
        text = self.code_lines[r.line - 1] if r.line and r.line <= len(self.code_lines) else ""
        if r.kind == "backward":
            match = re.search(r"([\w.\[\]()* +\-/]+?)\.backward\(", text)
            if match:
                return match.group(1).strip()
        else:
            first = _first_argument(text, "grad(")
            if first:
                return first
        return f"line {r.line}" if r.line else "the loss"

    def _likely_loss(self) -> tuple[str, Tensor] | None:
        best: tuple[tuple[int, int], str, Tensor] | None = None
        for name, value in naming.user_values(self.ns):
            if not isinstance(value, Tensor) or value.numel() != 1 or not value.is_floating_point():
                continue
            grad_fn = safe_grad_fn(value)
            score = 2 * (grad_fn is not None) + 3 * ("loss" in name.lower()) + (value.requires_grad and not value.is_leaf)
            seq = grad_fn.metadata.get(META_SEQ, 0) if grad_fn is not None else 0
            key = (score, seq)
            if score >= 2 and (best is None or key >= best[0]):
                best = (key, name, value)
        return None if best is None else (best[1], best[2])

    def _loss_nonfinite(self, losses: list[tuple[Any, str, frozenset[int]]]) -> bool | None:
        for r in sorted(self.rec.log.of_kind(*LOSS_KINDS), key=lambda r: -r.last_seq):
            loss = r.refs[1]() if len(r.refs) == 3 else None
            if isinstance(loss, Tensor) and loss.is_floating_point():
                return not bool(torch.isfinite(loss.detach()).all())
        return None

    # -- variables -------------------------------------------------------------------

    def _leaf_info(self, var: Any) -> tuple[str | None, int | None, int | None]:
        entry = self.rec.prov.get(var)
        uid = entry.uid if entry is not None and entry.uid else None
        line = self.rec.param_lines.get(id(var)) or (entry.line if entry is not None else None)
        return self.names.get(id(var)), uid, line

    def _variable(self, name: str, t: Tensor, ctx: _Context) -> VariableInfo:
        rec = self.rec
        entry = rec.prov.get(t)
        uid = entry.uid if entry is not None and entry.uid else rec.prov.new_uid()
        if entry is not None and not entry.uid:
            entry.uid = uid
        grad = t.grad if t.is_leaf or t.retains_grad else None
        info = VariableInfo(
            name=name, uid=uid, dtype=dtype_name(t), shape=list(t.shape), requires_grad=t.requires_grad,
            is_leaf=t.is_leaf, grad=grad_state(grad), kind="parameter" if isinstance(t, torch.nn.Parameter) else "tensor",
        )
        info.line = self._line_of(t, entry)
        node = ctx.walked.leaf_of.get(id(t)) if t.is_leaf else ctx.walked.node_of.get(safe_grad_fn(t))
        info.node = node
        truncated = ctx.walked.graph.truncated
        info.reachable = (node is not None or None if truncated else node is not None) if ctx.loss_known else None
        info.evidence = self._evidence(t, uid, entry is not None and entry.uid == uid and uid in rec.prov.origins, info, ctx)
        return info

    def _line_of(self, t: Tensor, entry: Any) -> int | None:
        line = self.rec.param_lines.get(id(t))
        if line is None and entry is not None:
            line = entry.line if entry.line is not None else self.rec.prov.origin_lines.get(entry.uid)
        grad_fn = safe_grad_fn(t)
        if line is None and grad_fn is not None:
            line = grad_fn.metadata.get(META_LINE)
        return line

    def _evidence(self, t: Tensor, uid: int, origin: bool, info: VariableInfo, ctx: _Context) -> dict[str, Any]:
        rec = self.rec
        log = rec.log
        ev: dict[str, Any] = {
            "origin": origin,
            "is_parameter": isinstance(t, torch.nn.Parameter),
            "in_optimizer": ctx.in_optimizer(t, self.ns),
            "in_module": ctx.in_module(t, self.ns),
            "loss_known": ctx.loss_known,
            "loss_derives": (uid in ctx.loss_closure) if ctx.loss_known else None,
            "loss_nonfinite": ctx.loss_nonfinite,
            "backward_calls": sum(r.count for r in log.of_kind(*LOSS_KINDS)),
        }
        entry = rec.prov.get(t)
        ev["last_use_line"] = entry.last_use if entry is not None else None
        ev["path_events"] = ctx.path_events(uid) if ctx.loss_known else []
        own = rec.prov.closure(entry.taint) if entry is not None else set()
        ev["value_events"] = [r.index for r in log.recs if r.token in own and r.kind in CHAIN_KINDS][:MAX_LIST]
        ev["grad_read_none_lines"] = [r.line for r in log.of_kind("grad_read") if uid in r.detail.get("none_uids", [])][:MAX_LIST]
        ev["clear_events"] = ctx.clear_events(uid)
        ev["hook_events"] = [r.index for r in log.of_kind("hook") if uid in rec.prov.closure(r.in_taint)][:MAX_LIST]
        ev["hook_events"] += [r.index for r in log.of_kind("module_hook") if uid in r.detail.get("params", [])][:MAX_LIST]
        enable = [r for r in log.of_kind("requires_grad_on") if uid in r.detail.get("tensors", [])]
        ev["enable_events"] = [r.index for r in enable]
        first_use = entry.first_use if entry is not None else None
        if enable and first_use is not None and first_use[0] < enable[0].first_seq:
            ev["used_before_requires_grad"] = first_use[1]
        ev["freeze_events"] = [r.index for r in log.of_kind("requires_grad_off") if uid in r.detail.get("tensors", [])]
        ev["replaced_events"] = [r.index for r in log.of_kind("param_replaced") if uid in r.detail.get("old", [])]
        ev["optimizer_events"] = [r.index for r in log.of_kind("optimizer_init") if uid in r.detail.get("params", [])]
        grad_fn = safe_grad_fn(t)
        if not t.is_leaf and grad_fn is not None:
            ev["grad_fn"] = grad_fn.name()
            ev["grad_fn_line"] = grad_fn.metadata.get(META_LINE)
            ev["retains_grad"] = t.retains_grad
            leaves = [leaf for leaf in graphwalk.leaves_of(grad_fn, 200) if leaf.requires_grad]
            if self._named_fns is None:
                self._named_fns = targets.named_grad_fns(self.ns)
            found = targets.orphan_line(t, self.names, self._named_fns, ORPHAN_EXPLICIT)
            ev["orphan_leaf"] = found is not False
            if isinstance(found, tuple):
                if found[0] is not None:
                    ev["orphan_line"] = found[0]
                ev["orphan_leaf_line"] = self._line_of(found[1], rec.prov.get(found[1]))
            ev["leaf_names"] = _unique(self.names[id(leaf)] for leaf in leaves if id(leaf) in self.names)[:8]
        if info.node is not None:
            ev["path_special"] = ctx.path_special(info.node)
        holder = self._unregistered_holder(info.name)
        if holder:
            ev["unregistered_in"] = holder
        if ev["in_optimizer"] and not ev["in_module"] and isinstance(t, torch.nn.Parameter):
            successor = self._successor_line(t)
            if successor is not None:
                ev["successor_line"] = successor
        return ev

    def _successor_line(self, t: Tensor) -> int | None:
        """Where the script created the model that now stands in for this parameter's: a
        module of the namespace holding a parameter of the same shape registered by the same
        line of code (a model re-created after the optimizer took the old one's parameters)."""
        made = self.rec.param_lines.get(id(t))
        if made is None:
            return None
        for _, module in naming.user_values(self.ns):
            if not isinstance(module, torch.nn.Module):
                continue
            for p in module.parameters():
                if p is not t and self.rec.param_lines.get(id(p)) == made and p.shape == t.shape:
                    found = self.rec.module_lines.get(id(module))
                    return found[1] if found is not None and found[0]() is module else None
        return None

    def _unregistered_holder(self, name: str) -> str | None:
        """``model.layers`` when the variable sits in a plain list of a module (never registered)."""
        if "[" not in name:
            return None
        for mname, module in naming.user_values(self.ns):
            if isinstance(module, torch.nn.Module) and name.startswith(mname + "."):
                return naming.unregistered_holder(name, mname, module)
        return None


class _Context:
    """What every variable's evidence is computed against."""

    def __init__(self, rec: TorchRecording, walked: graphwalk.GraphResult, loss_closure: set[int], loss_known: bool,
                 loss_nonfinite: bool | None) -> None:
        self.rec = rec
        self.walked = walked
        self.loss_closure = loss_closure
        self.loss_known = loss_known
        self.loss_nonfinite = loss_nonfinite
        self._closures: dict[int, set[int]] = {}
        self._opt_ids: set[int] | None = None
        self._module_ids: set[int] | None = None
        self.last_backward = max((r.last_seq for r in rec.log.of_kind(*LOSS_KINDS)), default=0)

    def _closure(self, r: Rec) -> set[int] | frozenset[int]:
        if not self.rec.prov.parents:
            return r.in_taint
        if r.index not in self._closures:
            self._closures[r.index] = self.rec.prov.closure(r.in_taint)
        return self._closures[r.index]

    def path_events(self, uid: int) -> list[int]:
        """Events the loss passed through whose inputs derive from the variable, first first."""
        hits = [r for r in self.rec.log.recs
                if r.kind in CHAIN_KINDS and r.token in self.loss_closure and uid in self._closure(r)]
        hits.sort(key=lambda r: r.first_seq)
        return [r.index for r in hits][:MAX_LIST]

    def clear_events(self, uid: int) -> list[int]:
        out = []
        for r in self.rec.log.of_kind("zero_grad", "grad_set", "grad_inplace"):
            members = r.detail.get("params") or r.detail.get("owners") or []
            if uid in members and r.last_seq > self.last_backward:
                out.append(r.index)
        return out

    def in_optimizer(self, t: Tensor, ns: dict[str, Any]) -> bool | None:
        if self._opt_ids is None:
            opts = [o for o in (ref() for ref in self.rec.optimizers) if o is not None]
            opts += [v for _, v in naming.user_values(ns) if isinstance(v, torch.optim.Optimizer) and v not in opts]
            self._opt_ids = {id(p) for o in opts for g in o.param_groups for p in g["params"]} if opts else set()
            self._have_opt = bool(opts)
        return (id(t) in self._opt_ids) if self._have_opt else None

    def in_module(self, t: Tensor, ns: dict[str, Any]) -> bool:
        if self._module_ids is None:
            self._module_ids = {id(p) for _, v in naming.user_values(ns) if isinstance(v, torch.nn.Module)
                                for p in v.parameters()}
        return id(t) in self._module_ids

    def path_special(self, node: int) -> list[dict[str, Any]]:
        """Custom functions and zero-gradient ops on the path from the loss to a node."""
        graph = self.walked.graph
        parents = self.walked.parents
        out = []
        steps = 0
        while node >= 0 and steps < 100_000:
            n = graph.nodes[node]
            if n.note == "custom autograd.Function" or n.op in ZERO_NODES:
                out.append({"op": n.op, "line": n.line, "custom": n.note is not None})
            node = parents[node]
            steps += 1
        return out[:MAX_LIST]



def _first_argument(text: str, call: str) -> str:
    """The source of the first argument of ``call`` on a line (balanced brackets)."""
    start = text.find(call)
    if start < 0:
        return ""
    depth, i = 0, start + len(call)
    begin = i
    while i < len(text):
        ch = text[i]
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            if depth == 0:
                break
            depth -= 1
        elif ch == "," and depth == 0:
            break
        i += 1
    return text[begin:i].strip()


def _unique(items: Any) -> list[str]:
    out: list[str] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out
