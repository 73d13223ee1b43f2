"""Provides the targets of a run: evaluated expressions or discovered variables."""

from __future__ import annotations

from typing import Any

import torch

from gradrepl.backends.torch import naming
from gradrepl.backends.torch.graphwalk import ACCUMULATE
from gradrepl.backends.torch.nodes import META_LINE, safe_grad_fn
from gradrepl.backends.torch.recorder import TorchRecording
from gradrepl.core.report import RunReport

Tensor = torch.Tensor
ORPHAN_MAX_NODES = 4


def evaluate(exprs: list[str], ns: dict[str, Any], report: RunReport) -> list[tuple[str, Tensor]]:
    """Each expression's tensors; a failing expression becomes one sentence in target_errors."""
    out: list[tuple[str, Tensor]] = []
    for expr in exprs:
        try:
            value = eval(compile(expr, "<target>", "eval"), ns)  # noqa: S307 - the user's own expression
        except SyntaxError as error:
            report.target_errors[expr] = f"`{expr}` is not a valid Python expression ({error.msg})."
            continue
        except Exception as error:  # the expression is user input: any failure is data
            report.target_errors[expr] = _failure(expr, error, report)
            continue
        found = naming.expand(expr, value)
        if isinstance(found, str):
            report.target_errors[expr] = found
        else:
            out.extend(found)
    return out


def _failure(expr: str, error: Exception, report: RunReport) -> str:
    reason = f"{type(error).__name__}: {error}"
    if report.error is not None and report.error.line is not None:
        return f"`{expr}` could not be evaluated ({reason}); the run stopped at line {report.error.line}."
    return f"`{expr}` could not be evaluated after the run ({reason})."


def discover(ns: dict[str, Any], rec: TorchRecording | None, names: dict[int, str]) -> list[tuple[str, Tensor]]:
    """The variables the user plausibly wants gradients for, never plain data.

    Leaves that require grad, every module parameter, optimizer parameters,
    tensors whose ``.grad`` the code read, and a name bound to the result of an
    op on an unnamed leaf (``w = torch.randn(3, requires_grad=True) * 0.1``)."""
    out: list[tuple[str, Tensor]] = []
    seen: set[int] = set()
    read = _grad_read(rec)
    optimized = _optimizer_ids(ns, rec)
    named_fns = named_grad_fns(ns)

    def consider(name: str, t: Tensor, force: bool = False) -> None:
        if id(t) in seen:
            return
        if force or (t.is_leaf and t.requires_grad) or id(t) in read or id(t) in optimized or orphan(t, names, named_fns):
            seen.add(id(t))
            out.append((name, t))

    values = list(naming.user_values(ns))
    for name, value in values:
        if isinstance(value, Tensor):
            consider(name, value)
    for name, value in values:
        if isinstance(value, torch.nn.Module):
            for pname, p in naming.module_params(name, value):
                if not _untrained_on_purpose(p, optimized):
                    consider(pname, p, force=True)
        elif isinstance(value, (list, tuple, dict)):
            for label, item in _items(name, value):
                if isinstance(item, Tensor):
                    consider(label, item)
                elif isinstance(item, torch.nn.Module):
                    for pname, p in naming.module_params(label, item):
                        consider(pname, p, force=True)
        elif naming._is_user_object(value, ns):
            for attr, item in list(vars(value).items())[: naming.MAX_ITEMS]:
                if isinstance(item, Tensor) and not attr.startswith("_"):
                    consider(f"{name}.{attr}", item)
    for name, value in values:
        if isinstance(value, torch.optim.Optimizer):
            for pname, p in naming.optimizer_params(name, value):
                consider(names.get(id(p), pname), p, force=True)
    return out


def _untrained_on_purpose(p: Tensor, optimized: set[int]) -> bool:
    """A parameter without gradient that no optimizer holds, while optimizers exist: a
    target network, an EMA teacher, a backbone kept fixed. Not a target unless asked for."""
    return bool(optimized) and id(p) not in optimized and p.grad is None


def named_grad_fns(ns: dict[str, Any]) -> set[Any]:
    """grad_fns of the results the user bound to names."""
    return {fn for _, v in naming.user_values(ns) if isinstance(v, Tensor) and (fn := safe_grad_fn(v)) is not None}


def _items(name: str, value: Any) -> list[tuple[str, Any]]:
    if isinstance(value, dict):
        return [(f"{name}[{k!r}]", v) for k, v in list(value.items())[: naming.MAX_ITEMS]]
    return [(f"{name}[{i}]", v) for i, v in enumerate(value[: naming.MAX_ITEMS])]


def _grad_read(rec: TorchRecording | None) -> set[int]:
    if rec is None:
        return set()
    return {key for key, ref in rec.grad_read_objs.items() if ref() is not None}


def _optimizer_ids(ns: dict[str, Any], rec: TorchRecording | None) -> set[int]:
    opts = [v for _, v in naming.user_values(ns) if isinstance(v, torch.optim.Optimizer)]
    if rec is not None:
        opts.extend(o for o in (ref() for ref in rec.optimizers) if o is not None)
    return {id(p) for opt in opts for group in opt.param_groups for p in group["params"]}


def orphan(t: Tensor, names: dict[int, str], named_fns: set[Any], max_nodes: int = ORPHAN_MAX_NODES) -> bool:
    """A name bound to a small op over one leaf that has no name of its own (and not
    computed from another named result: ``h = x @ W`` is not, ``W = leaf * 0.01`` is)."""
    return orphan_line(t, names, named_fns, max_nodes) is not False


def orphan_line(t: Tensor, names: dict[int, str], named_fns: set[Any],
                max_nodes: int = ORPHAN_MAX_NODES) -> tuple[int | None, Tensor] | bool:
    """False when ``t`` is no orphan; else (the line of the first op applied to the unnamed
    leaf, where the name stopped meaning the leaf, or None; the leaf)."""
    grad_fn = safe_grad_fn(t)
    if t.is_leaf or not t.requires_grad or grad_fn is None:
        return False
    leaves: list[tuple[Tensor, Any]] = []
    seen = {grad_fn}
    stack: list[tuple[Any, Any]] = [(grad_fn, None)]
    steps = 0
    while stack:
        node, parent = stack.pop()
        steps += 1
        if steps > max_nodes + 1:
            return False
        if node is not grad_fn and node in named_fns:
            return False
        if node.name() == ACCUMULATE:
            if node.variable.requires_grad:
                leaves.append((node.variable, parent))
            continue
        for child, _ in node.next_functions:
            if child is not None and child not in seen:
                seen.add(child)
                stack.append((child, node))
    if len(leaves) != 1 or id(leaves[0][0]) in names:
        return False
    leaf, parent = leaves[0]
    line = parent.metadata.get(META_LINE) if parent is not None else None
    return (line if isinstance(line, int) else None), leaf


def _frozen_on_purpose(rec: TorchRecording | None) -> set[int]:
    """ids of parameters the code itself switched requires_grad off for, while others
    train: a deliberate freeze (fine-tuning, an attack on the input), not a target."""
    if rec is None:
        return set()
    frozen_uids = {u for r in rec.log.of_kind("requires_grad_off") for u in r.detail.get("tensors", [])}
    out = set()
    for uid in frozen_uids:
        t = rec.prov.origins.get(uid, lambda: None)()
        if t is not None and not t.requires_grad:
            out.add(id(t))
    return out
