"""Provides the gradient graph as an indented text tree, folded like the app's tree.

The rows come from ``core.graph_view`` (chains folded, a node reached twice
shown once and referred to after, long child lists paged); this module only
draws them with tree lines, iteratively, and colours rows by their tone.
"""

from __future__ import annotations

from gradrepl.core.graph_view import GraphView, Row, flatten
from gradrepl.render.code import DIM, GREEN, RED, YELLOW, style

MAX_ROWS = 400
MAX_DEPTH = 60

_TONES = {"none": RED, "nan": RED, "zero": YELLOW, "cut": YELLOW, "ok": GREEN, "ref": DIM, "chain": DIM}


def render_tree(view: GraphView, *, color: bool = False, max_rows: int = MAX_ROWS, max_depth: int = MAX_DEPTH) -> str:
    """The view's rows with every node opened, up to ``max_rows`` rows and ``max_depth`` levels."""
    rows = flatten(view, depth=max_depth, limit=max_rows)
    if not rows:
        return "(empty graph)"
    lines = [_prefix(marks) + _text(row, color) for marks, row in zip(_connectors(rows), (r for _, r in rows))]
    if len(rows) >= max_rows:
        lines.append(f"... stopped after {max_rows} rows; :tree NAME shows the part under one node")
    return "\n".join(lines)


def _text(row: Row, color: bool) -> str:
    code = _TONES.get(row.tone, "")
    return style(row.text, code, color) if code else row.text


def _connectors(rows: list[tuple[int, Row]]) -> list[list[bool]]:
    """For each row: for each ancestor level and itself, whether that one is its parent's last child."""
    levels = [level for level, _ in rows]
    is_last = [False] * len(levels)
    later: list[bool] = []
    for index in range(len(levels) - 1, -1, -1):  # backwards: a later sibling means "not last"
        level = levels[index]
        del later[level + 1 :]
        while len(later) <= level:
            later.append(False)
        is_last[index] = not later[level]
        later[level] = True
    out: list[list[bool]] = []
    path: list[bool] = []
    for level, last in zip(levels, is_last):
        del path[level:]
        path.append(last)
        out.append(list(path))
    return out


def _prefix(marks: list[bool]) -> str:
    """Tree lines for a row: top-level rows have none."""
    if len(marks) <= 1:
        return ""
    ancestors = "".join("   " if last else "│  " for last in marks[1:-1])
    return ancestors + ("└─ " if marks[-1] else "├─ ")
