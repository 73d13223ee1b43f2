"""Provides safe access to autograd nodes: their metadata keys, and which nodes to touch.

torch frees a graph node by node, recursing through nodes whose Python object was
ever created; a long enough chain of them overflows the C stack when the graph is
freed. The recorder and the walk touch nodes only through the rules here.
"""

from __future__ import annotations

import weakref
from typing import Any

import torch

META_LINE = "gradrepl_line"
META_SEQ = "gradrepl_seq"
META_DEPTH = "gradrepl_depth"
"""The longest chain of recorded ops behind the node (the walk bounds its paths with it)."""
META_CUTS = "gradrepl_cuts"
"""The candidate cut inputs of an op whose inputs include a value with a cut history (see graphcuts)."""
TAG_ALL = 10_240
"""Nodes up to this depth all carry metadata; deeper ones are thinned out (see tagged)."""


def tagged(depth: int) -> bool:
    """Whether the node at this depth (the longest chain of recorded ops behind it) gets a
    metadata dict. torch frees a graph node by node, recursing through nodes whose Python
    object was ever created: a chain of 40,000-45,000 of them overflows the 8 MB C stack
    of the main thread when the graph is freed (measured on torch 2.13; fewer on a smaller
    thread stack). Below TAG_ALL every node is tagged, above it every (depth // 512)-th:
    a chain of 10 million ops carries ~14,000. Untagged nodes are never touched, and the
    graph walk expands no node whose longest path from the loss may reach WALK_DEPTH, so
    no path carries more than ~24,000."""
    return depth < TAG_ALL or depth % (depth >> 9) == 0


def safe_grad_fn(t: torch.Tensor) -> Any:
    """t.grad_fn, or None where torch refuses to rebuild it (a no_grad view of a base changed in place)."""
    try:
        return t.grad_fn
    except RuntimeError:
        return None


def weak(obj: Any) -> Any:
    """A weak reference, or a dead one for objects that cannot be weakly referenced."""
    try:
        return weakref.ref(obj)
    except TypeError:
        return lambda: None
