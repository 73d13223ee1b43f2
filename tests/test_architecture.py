"""Enforces docs/architecture.md: which gradrepl modules may import which."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "gradrepl"

# package -> gradrepl packages it may import (itself always allowed)
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "core": {"errors"},
    "diagnosis": {"core", "errors"},
    "backends": {"core", "errors"},
    "runner": {"core", "errors", "diagnosis"},
    "render": {"core", "errors", "diagnosis"},
    "faces": {"core", "errors", "diagnosis", "runner", "render"},
    "app": {"core", "errors", "diagnosis", "runner", "render"},
    "repl": {"core", "errors", "diagnosis", "runner", "render"},
    "api": {"core", "errors", "diagnosis", "backends"},
    "cli": {"errors"},
    "__init__": set(),
    "__main__": {"cli"},
}
# module-level exceptions: the child side of the runner hosts the backends
EXTRA_ALLOWED = {"runner.worker": {"backends"}}

FRAMEWORKS = {"torch", "tensorflow", "keras", "tf_keras"}
TOOLKITS = {"textual": "app", "prompt_toolkit": "repl"}


def _modules() -> list[tuple[str, Path]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).with_suffix("")
        out.append((".".join(rel.parts), path))
    return out


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _owner(module: str) -> str:
    return module.split(".")[0]


@pytest.mark.parametrize("module,path", _modules(), ids=[m for m, _ in _modules()])
def test_module_imports_follow_the_layer_rules(module: str, path: Path) -> None:
    owner = _owner(module)
    assert owner in ALLOWED, f"{module}: package {owner!r} is not in docs/architecture.md"
    allowed = ALLOWED[owner] | {owner} | EXTRA_ALLOWED.get(module, set())
    for name in _imports(path):
        top, _, rest = name.partition(".")
        if top == "gradrepl" and rest:
            assert _owner(rest) in allowed, f"{module} may not import {name}"
        if top in FRAMEWORKS:
            assert module.startswith(("backends.torch", "backends.tf")), f"{module} imports {top}"
            expected = "backends.torch" if top == "torch" else "backends.tf"
            assert module.startswith(expected), f"{module} imports {top}"
        if top in TOOLKITS:
            assert owner == TOOLKITS[top], f"{module} imports {top}"


def test_core_and_faces_load_no_framework_or_toolkit() -> None:
    heavy = ["torch", "tensorflow", "textual", "prompt_toolkit", "numpy"]
    code = (
        "import sys, gradrepl.cli, gradrepl.core.report, gradrepl.core.request, "
        "gradrepl.diagnosis.engine\n"
        "import importlib\n"
        "for name in ['gradrepl.runner.runner', 'gradrepl.faces.check', 'gradrepl.faces.why', "
        "'gradrepl.core.scenario', 'gradrepl.core.checks']:\n"
        "    try:\n        importlib.import_module(name)\n"
        "    except ModuleNotFoundError as e:\n"
        "        if not (e.name or '').startswith('gradrepl'): raise\n"
        f"print(','.join(m for m in {heavy!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
