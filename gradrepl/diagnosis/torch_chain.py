"""Provides the reading of a provenance chain: which recorded event cut a path, and why.

The backend lists, per variable, the recorded events that lie between the
variable and the loss (``path_events``, first first). The first cutting event
is where the path breaks; the kinds of the events after it tell the story
(a detach followed by numpy() and a tensor constructor is a NumPy round trip).
"""

from __future__ import annotations

from dataclasses import dataclass

from gradrepl.core.report import Event

EXITS = frozenset({"numpy", "item", "tolist"})
CUTS = frozenset({"detach", "no_grad", "inference_mode", "nondiff", "tensor_ctor", "backward", "autograd_grad",
                  "numpy", "item", "tolist", "custom_fn"})


@dataclass
class Break:
    """Where and why a path from a variable to the loss ends."""

    cause: str
    event: Event
    detail: str
    line: int | None = None
    """Where to point, when not at the event itself."""

    @property
    def at(self) -> int | None:
        return self.line if self.line is not None else self.event.line


def find_break(chain: list[Event], name: str) -> Break | None:
    """The cause and event of the first cut on a chain of events, or None."""
    cuts = [e for e in chain if e.kind in CUTS]
    if not cuts:
        return None
    first = cuts[0]
    where = f"line {first.line}" if first.line else "an unknown line"
    if any(e.kind in EXITS for e in cuts):
        exit_event = next(e for e in cuts if e.kind in EXITS)
        back = next((e for e in cuts if e.kind == "tensor_ctor"), None)
        text = f"{name}'s value leaves torch at {where} (`{first.op}`, then `{exit_event.op}`)"
        if back is not None:
            text += f" and comes back through `{back.op}` at line {back.line}"
        return Break("numpy_roundtrip", first, text + "; autograd cannot follow it out and back.")
    kind = first.kind
    if kind == "tensor_ctor" and first.op == "nn.Parameter":
        return Break("rewrap_tensor_constructor", first,
                     f"{name}'s path to the loss is cut at {where}: `nn.Parameter(...)` wraps a tensor that has history "
                     "into a new leaf; the loss's gradient stops at that new parameter.")
    if kind == "tensor_ctor":
        return Break("rewrap_tensor_constructor", first,
                     f"{name}'s path to the loss is cut at {where}: `{first.op}` copies the data into a new tensor with no history.")
    if kind == "detach":
        return Break("detach", first, f"{name}'s path to the loss is cut at {where} by `{first.op}`.")
    if kind == "no_grad" and first.detail.get("library"):
        return Break("non_differentiable_op", first,
                     f"{name}'s path is cut at {where}: the library call there computes `{first.op}` with gradient "
                     "recording switched off, so its result carries no gradient.")
    if kind == "no_grad" and first.detail.get("decorated") and first.detail.get("region_line"):
        call = first.detail["region_line"]
        return Break("no_grad_context", first,
                     f"line {call} calls a function decorated with @torch.no_grad(): everything it computes for "
                     f"{name} (`{first.op}` at {where}) carries no gradient.", line=call)
    if kind in ("no_grad", "inference_mode"):
        region = first.detail.get("region_line")
        block = "torch.inference_mode()" if kind == "inference_mode" else "torch.no_grad()"
        opened = f" (the {block} block opened at line {region})" if region else ""
        return Break("no_grad_context", first,
                     f"{name} is used at {where} by `{first.op}` while gradient recording is off{opened}.")
    if kind == "nondiff":
        dtype = first.detail.get("dtype", "")
        if first.detail.get("integer") and first.detail.get("cast"):
            return Break("int_dtype", first, f"{name}'s path is cut at {where}: `{first.op}` converts it to {dtype}.")
        return Break("non_differentiable_op", first,
                     f"{name}'s path is cut at {where}: `{first.op}` returns a {dtype} result that carries no gradient.")
    if kind in ("backward", "autograd_grad"):
        return Break("no_create_graph", first,
                     f"the loss uses a gradient computed at {where} by `{first.op}` without create_graph=True, "
                     f"so that gradient has no history back to {name}.")
    return Break("hook_or_custom_fn", first, f"{name}'s path goes through `{first.op}` at {where}.")


def first_of(chain: list[Event], *kinds: str) -> Event | None:
    return next((e for e in chain if e.kind in kinds), None)
