"""Provides what the user's source text says at a line: call arguments, bindings.

Pure ``ast`` over the script (no TensorFlow): the text of a ``tape.gradient``
call's arguments (to name local tensors as the user wrote them), which names a
statement binds, and where ``self.attr = ...`` assigns a layer attribute.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from functools import cached_property


@dataclass
class Source:
    """The parsed script; every query returns None/empty when the code does not parse."""

    code: str
    _lines: list[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._lines = self.code.splitlines()

    @cached_property
    def tree(self) -> ast.Module | None:
        try:
            return ast.parse(self.code)
        except (SyntaxError, ValueError):
            return None

    @cached_property
    def _statements(self) -> list[ast.stmt]:
        if self.tree is None:
            return []
        return [n for n in ast.walk(self.tree) if isinstance(n, ast.stmt)]

    def statement_at(self, line: int | None) -> ast.stmt | None:
        """The innermost statement spanning ``line``."""
        if line is None:
            return None
        best: ast.stmt | None = None
        for node in self._statements:
            end = node.end_lineno or node.lineno
            if node.lineno <= line <= end and (best is None or node.lineno >= best.lineno):
                if isinstance(node, ast.FunctionDef | ast.ClassDef | ast.With | ast.For | ast.While | ast.If | ast.Try):
                    if node.lineno != line:
                        continue
                best = node
        return best

    def call_args(self, line: int | None, method: str) -> list[str] | None:
        """Argument texts of the first ``<x>.method(...)`` call on the statement at ``line``."""
        stmt = self.statement_at(line)
        if stmt is None:
            return None
        for node in ast.walk(stmt):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == method:
                return [ast.unparse(a) for a in node.args]
        return None

    def gradient_exprs(self, line: int | None) -> tuple[str | None, list[str] | None]:
        """(target text, source texts) of a ``.gradient(target, sources)`` call at ``line``."""
        args = self.call_args(line, "gradient")
        if not args:
            return None, None
        target = args[0]
        if len(args) < 2:
            return target, None
        node = ast.parse(args[1], mode="eval").body
        if isinstance(node, ast.List | ast.Tuple):
            return target, [ast.unparse(e) for e in node.elts]
        return target, [args[1]]

    def bound_names(self, line: int | None) -> list[str]:
        """Names (and dotted attributes) the statement at ``line`` assigns."""
        stmt = self.statement_at(line)
        targets: list[ast.expr] = []
        if isinstance(stmt, ast.Assign):
            targets = list(stmt.targets)
        elif isinstance(stmt, ast.AugAssign | ast.AnnAssign):
            targets = [stmt.target]
        out: list[str] = []
        for t in targets:
            for node in ast.walk(t):
                if isinstance(node, ast.Name | ast.Attribute):
                    out.append(ast.unparse(node))
        return out

    def rebinds_itself(self, line: int | None) -> bool:
        """Whether the statement at ``line`` rebinds a name from itself (``x = x * m``, ``x += 1``)."""
        stmt = self.statement_at(line)
        if isinstance(stmt, ast.AugAssign):
            return True
        if not isinstance(stmt, ast.Assign):
            return False
        read = {ast.unparse(n) for n in ast.walk(stmt.value) if isinstance(n, ast.Name | ast.Attribute)}
        return any(ast.unparse(t) in read for t in stmt.targets)

    def with_body_reads(self, line: int | None) -> set[str]:
        """Names and dotted attributes read in the body of the ``with`` statement whose
        header spans ``line`` (empty when ``line`` is not a with-statement header)."""
        if line is None:
            return set()
        for node in self._statements:
            if isinstance(node, ast.With) and node.body and node.lineno <= line < node.body[0].lineno:
                return {ast.unparse(n) for stmt in node.body for n in ast.walk(stmt) if _is_read(n)}
        return set()

    def held_variable(self, name: str, until: int | None) -> bool:
        """Whether a statement up to line ``until`` bound ``name`` to a value made with a
        ``...Variable(...)`` call (``w = tf.Variable(v)``, or ``w = tf.Variable(v) * 0.01``)."""
        if until is None:
            return False
        for node in self._statements:
            if isinstance(node, ast.Assign) and node.lineno <= until and _makes_variable(node.value):
                if name in {ast.unparse(t) for t in node.targets}:
                    return True
        return False

    @cached_property
    def bindings(self) -> dict[str, list[int]]:
        """Name → lines of statements binding it (assignments, for targets, with-as)."""
        found: dict[str, list[int]] = {}
        for node in self._statements:
            for name in _bound(node):
                found.setdefault(name, []).append(node.lineno)
        return found

    def last_binding(self, name: str, before: int | None = None) -> int | None:
        lines = [n for n in self.bindings.get(name, []) if before is None or n <= before]
        return max(lines) if lines else (min(self.bindings[name]) if self.bindings.get(name) else None)

    def attribute_line(self, attr: str) -> int | None:
        """First line assigning ``<something>.attr = ...`` (a layer made in ``__init__``)."""
        lines = [n for n in self.bindings.get("." + attr, [])]
        return min(lines) if lines else None

    def text(self, line: int | None) -> str:
        if line is None or not 1 <= line <= len(self._lines):
            return ""
        return self._lines[line - 1].strip()


def _makes_variable(value: ast.expr) -> bool:
    return any(isinstance(n, ast.Call) and ast.unparse(n.func).split(".")[-1] == "Variable" for n in ast.walk(value))


def _is_read(node: ast.AST) -> bool:
    return isinstance(node, ast.Name | ast.Attribute) and isinstance(node.ctx, ast.Load)


def _bound(node: ast.stmt) -> list[str]:
    targets: list[ast.expr] = []
    if isinstance(node, ast.Assign):
        targets = list(node.targets)
    elif isinstance(node, ast.AugAssign | ast.AnnAssign | ast.For):
        targets = [node.target]
    elif isinstance(node, ast.With):
        targets = [i.optional_vars for i in node.items if i.optional_vars is not None]
    names: list[str] = []
    for t in targets:
        for sub in ast.walk(t):
            if isinstance(sub, ast.Name):
                names.append(sub.id)
            elif isinstance(sub, ast.Attribute):
                names.append("." + sub.attr)
                names.append(ast.unparse(sub))
    return names
