"""Provides ``:why``, ``:tree`` and ``:grads``: what the session's gradients are, and why."""

from __future__ import annotations

import dataclasses

from gradrepl.core import causes
from gradrepl.core.checks import target_variables
from gradrepl.core.graph_view import GraphView
from gradrepl.core.report import Finding, Graph, RunReport, VariableInfo
from gradrepl.render.findings import by_target, render_alternatives, render_finding
from gradrepl.render.tree_text import render_tree
from gradrepl.render.variables_table import render_variables
from gradrepl.repl.probe import gradients, target_failed
from gradrepl.repl.state import ReplState

HIDDEN = ("_",)
"""Names the REPL binds itself (Python's ``_``), left out of tables."""


def why(state: ReplState, arg: str) -> None:
    """Full findings for a tensor or variable (default: the one last diagnosed)."""
    target = arg or state.last_target
    if not target:
        state.printer.info("Usage: :why EXPR, e.g. :why w (the tensor or variable whose gradient puzzles you)")
        return
    report = gradients(state, [target])
    failure = target_failed(report, target)
    if failure:
        state.printer.error(failure)
        return
    groups = by_target(_findings_for(report, target))
    if not groups:
        state.printer.info(f"{target} is not a tensor or variable gradrepl can diagnose.")
        return
    source = state.transcript.source()
    # a module's parameters: what is wrong first, each fine one in a line after
    ordered = sorted(groups.values(), key=lambda group: group[0].cause == causes.NONE)
    for group in ordered:
        text = render_finding(group[0], source=source, color=state.printer.color)
        rest = [f for f in group[1:] if f.cause != causes.NONE]
        state.printer.raw(text + ("\n" + render_alternatives(rest, state.printer.color) if rest else ""))


def _findings_for(report: RunReport, target: str) -> list[Finding]:
    names = {v.name for v in target_variables(report, target)} | {target}
    return [f for f in report.findings if f.target in names]


def tree(state: ReplState, arg: str) -> None:
    """The gradient graph as an indented tree (of EXPR, or of the latest loss)."""
    view = _view(state, arg)
    if view is None:
        return
    state.printer.raw(render_tree(view, color=state.printer.color))


def _view(state: ReplState, arg: str) -> GraphView | None:
    whole = gradients(state, None)
    report = gradients(state, [arg]) if arg else whole
    failure = target_failed(report, arg) if arg else None
    if failure:
        state.printer.error(failure)
        return None
    base = report if report.graph is not None and report.graph.root is not None else state.grad_report
    if base is None:
        what = f"{arg} has no gradient graph" if arg else "No gradient graph yet"
        state.printer.info(f"{what}: a graph appears once a loss is differentiated (backward / tape.gradient).")
        return None
    variables = _renumbered(base, [*report.variables, *whole.variables, *base.variables])
    view = GraphView(_linked(base.graph, variables), variables, [*report.findings, *whole.findings])
    if not arg or _is_root(view, arg):
        return view
    target = report.variable(arg) if base is report else None
    node = target.node if target is not None and target.node is not None else view.node_of_variable(arg)
    if node is None:
        state.printer.info(f"{arg} is not in the gradient graph of the latest loss; :why {arg} says why.")
        return None
    if base.graph is not None and base.graph.nodes[node].kind == "leaf":
        return view.path_to(node)
    return view.rerooted(node)


def _renumbered(base: RunReport, variables: list[VariableInfo]) -> list[VariableInfo]:
    """One variable per name, with uids and graph nodes that hold in ``base``'s graph.

    Uids and node ids mean something only within the report they came from;
    names hold across reports. So each variable gets a fresh uid, and a node
    only when it comes from ``base`` or its name labels one of ``base``'s leaves.
    """
    graph = base.graph
    leaves = {n.label: n.id for n in graph.nodes if n.kind == "leaf" and n.label} if graph else {}
    own = {id(v) for v in base.variables}
    first: dict[str, VariableInfo] = {}
    for var in variables:
        first.setdefault(var.name, var)
    return [
        dataclasses.replace(var, uid=index, node=var.node if id(var) in own else leaves.get(var.name))
        for index, var in enumerate(first.values(), start=1)
    ]


def _linked(graph: Graph | None, variables: list[VariableInfo]) -> Graph | None:
    """The graph with each named leaf tied to its (renumbered) variable, to show its gradient."""
    if graph is None:
        return None
    uids = {v.name: v.uid for v in variables}
    nodes = [dataclasses.replace(n, var=uids.get(n.label or "")) if n.kind == "leaf" else n for n in graph.nodes]
    return dataclasses.replace(graph, nodes=nodes)


def _is_root(view: GraphView, name: str) -> bool:
    graph = view.graph
    if graph is None or graph.root is None:
        return False
    return graph.nodes[graph.root].label == name


def grads(state: ReplState, arg: str) -> None:
    """The variables table: every tensor in the session, its gradient and its diagnosis."""
    report = gradients(state, None)
    failure = target_failed(report, "the session's variables")
    if failure:
        state.printer.error(failure)
        return
    shown = [v for v in report.variables if v.name not in HIDDEN]
    state.printer.raw(render_variables(shown, report.findings, color=state.printer.color))
