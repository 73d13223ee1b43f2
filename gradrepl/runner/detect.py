"""Provides detect_framework: which framework a script needs, read from its imports."""

from __future__ import annotations

import ast
import re

MODULES = {"torch": "torch", "tensorflow": "tensorflow", "keras": "tensorflow", "tf_keras": "tensorflow",
           "fakegrad": "fake"}
"""Top-level module → framework. Keras counts as TensorFlow (its backend here)."""

_IMPORT_LINE = re.compile(r"^\s*(?:from|import)\s+([A-Za-z_][A-Za-z0-9_]*)", re.MULTILINE)


def detect_framework(source: str) -> str | None:
    """``torch``, ``tensorflow`` (or ``fake`` for fakegrad) from the first framework import.

    Imports anywhere count (inside functions and ``try`` too), in source order.
    A script that does not parse is scanned line by line instead, so a typo
    being fixed in the editor does not lose the framework. None when neither
    is imported.
    """
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return _scan(source)
    found: list[tuple[int, int, str]] = []
    for node in ast.walk(tree):
        for name in _imported(node):
            framework = MODULES.get(name.split(".")[0])
            if framework is not None:
                found.append((node.lineno, node.col_offset, framework))
    return min(found)[2] if found else None


def _imported(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        return [node.module]
    return []


def _scan(source: str) -> str | None:
    for match in _IMPORT_LINE.finditer(source):
        framework = MODULES.get(match.group(1))
        if framework is not None:
            return framework
    return None
