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


def _loaded_after_import(modules: list[str], watched: list[str]) -> list[str]:
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n    importlib.import_module(name)\n"
        f"print(','.join(m for m in {watched!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return [m for m in out.stdout.strip().split(",") if m]


HEADLESS = [
    "gradrepl", "gradrepl.cli", "gradrepl.core.report", "gradrepl.core.scenario", "gradrepl.core.checks",
    "gradrepl.core.lesson", "gradrepl.core.graph_view", "gradrepl.diagnosis.engine",
    "gradrepl.diagnosis.torch_rules", "gradrepl.diagnosis.tf_rules", "gradrepl.runner.runner",
    "gradrepl.faces.check", "gradrepl.faces.why", "gradrepl.faces.lesson", "gradrepl.faces.pytest_plugin",
]


def test_core_runner_and_headless_faces_load_no_framework_or_toolkit() -> None:
    heavy = ["torch", "tensorflow", "keras", "numpy", "textual", "prompt_toolkit"]
    assert _loaded_after_import(HEADLESS, heavy) == []


def test_the_app_loads_no_framework_and_no_prompt_toolkit() -> None:
    heavy = ["torch", "tensorflow", "keras", "prompt_toolkit"]
    assert _loaded_after_import(["gradrepl.app.main", "gradrepl.app.app"], heavy) == []


def test_the_repl_loads_no_framework_and_no_textual() -> None:
    heavy = ["torch", "tensorflow", "keras", "textual"]
    assert _loaded_after_import(["gradrepl.repl.main"], heavy) == []


def test_the_architecture_doc_lists_every_module_and_no_ghost() -> None:
    import re

    doc = (PACKAGE.parent / "docs" / "architecture.md").read_text()
    listed = set(re.findall(r"^- `([\w/]+\.py)`", doc, flags=re.M))
    actual = {str(path.relative_to(PACKAGE)) for _, path in _modules()}
    exempt = {p for p in actual if p.endswith("/__init__.py")}  # a package's docstring stands for it
    assert actual - exempt - listed == set(), "modules missing from docs/architecture.md"
    assert listed - actual == set(), "docs/architecture.md lists modules that do not exist"
