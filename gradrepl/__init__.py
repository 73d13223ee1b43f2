"""gradrepl: why did my gradient come back None?"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"
__all__ = ["explain", "record"]


def __getattr__(name: str) -> Any:
    # PEP 562: ``gradrepl.record`` / ``gradrepl.explain`` load the notebook API on
    # first use, so ``import gradrepl`` (and every face) stays light.
    if name in __all__:
        return getattr(importlib.import_module("gradrepl.api"), name)
    raise AttributeError(f"module 'gradrepl' has no attribute {name!r}")
