"""Provides ``:why``, ``:tree`` and ``:grads``: what the session's gradients are, and why."""

from __future__ import annotations

import dataclasses

from gradrepl.core import causes
from gradrepl.core.checks import target_variables
from gradrepl.core.graph_view import GraphView
from gradrepl.core.report import Finding, Graph, RunReport
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
    for group in groups.values():
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
    report = gradients(state, [arg] if arg else None)
    failure = target_failed(report, arg) if arg else None
    if failure:
        state.printer.error(failure)
        return None
    base = report if report.graph is not None and report.graph.root is not None else state.grad_report
    if base is None:
        what = f"{arg} has no gradient graph" if arg else "No gradient graph yet"
        state.printer.info(f"{what}: a graph appears once a loss is differentiated (backward / tape.gradient).")
        return None
    view = GraphView(_linked(base), base.variables, base.findings)
    if not arg or _is_root(view, arg):
        return view
    node = view.node_of_variable(arg)
    if node is None:
        state.printer.info(f"{arg} is not in the gradient graph of the latest loss; :why {arg} says why.")
        return None
    if base.graph is not None and base.graph.nodes[node].kind == "leaf":
        return view.path_to(node)
    return view.rerooted(node)


def _linked(report: RunReport) -> Graph | None:
    """The graph with each named leaf tied to its variable, so the tree shows its gradient.

    An unrecorded run's walk knows a leaf's name but not always its uid.
    """
    graph = report.graph
    if graph is None:
        return None
    uids = {v.name: v.uid for v in report.variables}
    if all(n.var is not None or n.kind != "leaf" or n.label not in uids for n in graph.nodes):
        return graph
    nodes = [
        dataclasses.replace(n, var=uids[n.label]) if n.kind == "leaf" and n.var is None and n.label in uids else n
        for n in graph.nodes
    ]
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
