"""Provides the cut inputs of the gradient graph: which empty input slots are real cuts.

An op input that needs no grad leaves an empty slot ``(None, 0)`` in its node's
``next_functions``. Most are plain data or constants (``x * 2.0``, a batch of
inputs) and are left out of the graph. Some are values whose history was cut:
``y.detach()``, a product computed under ``no_grad``, a NumPy round trip, an
integer cast. The recorder tells them apart while the op runs (the input
carries provenance although it needs no grad) and, only then, stores the op's
candidate inputs on the node (``cut_slots``). The walk matches the candidates
to the empty slots (``place``); ``CutNotes`` says where and why each was cut.
"""

from __future__ import annotations

from typing import Any

import torch

from gradrepl.backends.torch.eventlog import Rec
from gradrepl.backends.torch.provenance import EMPTY, Provenance

Tensor = torch.Tensor
NUMBER, FLOAT, INTEGRAL = 0, 1, 2
"""Kinds of candidate input: a Python number, a float tensor, an integer or bool tensor."""
Slot = tuple[int, frozenset[int]]
CutInfo = tuple[str, "int | None", "int | None", str]
"""(op, line, variable uid, note) of a cut node."""

_NUMBERS = (int, float, bool, complex)
_KEEP = ((NUMBER, FLOAT, INTEGRAL), (NUMBER, FLOAT), (FLOAT, INTEGRAL), (FLOAT,))
"""Which candidates may fill empty slots, most likely first. Integer and bool tensors are
often not differentiable inputs at all (a where() condition, an index); Python numbers
often are not either (a dim, an exponent), but a wrapped number is (``x * 2.0``)."""
CUT_KINDS = frozenset({"detach", "no_grad", "inference_mode", "nondiff", "numpy", "item", "tolist", "tensor_ctor",
                       "backward", "autograd_grad"})
EXITS = frozenset({"numpy", "item", "tolist"})
SHAPE_ONLY = frozenset({"zeros_like", "ones_like", "empty_like", "full_like", "rand_like", "randn_like",
                        "randint_like", "new_zeros", "new_ones", "new_empty", "new_full"})
"""Factories that read only a tensor's shape: their result is a constant, not a cut."""
_DUNDER_CALLS = {"__float__": "float(...)", "__int__": "int(...)", "__index__": "int(...)",
                 "__array__": "np.asarray(...)", "__complex__": "complex(...)"}
MAX_EXPR = 40


def cut_slots(prov: Provenance, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Slot, ...]:
    """The inputs of an op that may fill an empty slot of its node, in argument order:
    tensors that need no grad (with their taint) and Python numbers."""
    out: list[Slot] = []
    for arg in (*args, *kwargs.values()) if kwargs else args:
        if isinstance(arg, Tensor):
            if not arg.requires_grad:
                out.append((_kind(arg), prov.taint(arg)))
        elif type(arg) in _NUMBERS:
            out.append((NUMBER, prov.pyvalue_taint(arg) if type(arg) is float else EMPTY))
        elif type(arg) in (list, tuple):
            out.extend((_kind(t), prov.taint(t)) for t in arg if isinstance(t, Tensor) and not t.requires_grad)
    return tuple(out)


def _kind(t: Tensor) -> int:
    return FLOAT if t.is_floating_point() or t.is_complex() else INTEGRAL


def cut_inputs(prov: Provenance, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Slot, ...] | None:
    """``cut_slots``, when one of them carries provenance (else None: the op has no cut input)."""
    slots = cut_slots(prov, args, kwargs)
    return slots if any(taint for _, taint in slots) else None


def place(slots: tuple[Slot, ...], empty: int) -> tuple[list[frozenset[int]], list[frozenset[int]]]:
    """What fills each of a node's ``empty`` slots (in order; an empty taint is a constant),
    and the cut candidates no slot was found for (a composite op such as
    ``F.cross_entropy`` keeps them in inner nodes the recorder never saw)."""
    for keep in _KEEP:
        chosen = [taint for kind, taint in slots if kind in keep]
        if len(chosen) == empty:
            return chosen, []
    return [EMPTY] * empty, [taint for kind, taint in slots if kind != INTEGRAL and taint]


class CutNotes:
    """Describes a cut input from its taint, after the run: the first recorded call that
    cut its history, the variable it came from, a short note. Cached per taint."""

    def __init__(self, prov: Provenance, recs: list[Rec], names: dict[int, str], code_lines: list[str]) -> None:
        self.prov = prov
        self.recs = recs
        self.names = names
        self.code_lines = code_lines
        self._cache: dict[frozenset[int], CutInfo | None] = {}

    def __call__(self, taint: frozenset[int]) -> CutInfo | None:
        """None for a constant: no provenance, or only a shape-reading factory (zeros_like(x))."""
        if taint not in self._cache:
            self._cache[taint] = self._describe(taint) if taint else None
        return self._cache[taint]

    def _describe(self, taint: frozenset[int]) -> CutInfo | None:
        recs = [self._rec(t) for t in taint if t < 0]
        cuts = sorted((r for r in recs if r is not None and r.kind in CUT_KINDS and not _shape_only(r)),
                      key=lambda r: r.first_seq)
        origins = sorted(u for u in taint if u > 0)
        var = origins[0] if len(origins) == 1 else None
        if cuts:
            first = cuts[0]
            line = first.line
            if first.kind == "no_grad" and first.detail.get("decorated") and first.detail.get("region_line"):
                line = first.detail["region_line"]  # the call of a @torch.no_grad() function, as the diagnosis says
            return first.op, line, var, self._note(first, cuts)
        if any(r is not None and _shape_only(r) for r in recs):
            return None
        live = [u for u in origins if self._origin(u) is not None]
        if not live:
            return None
        frozen = [u for u in live if not self._origin(u).requires_grad]
        name = self._name(frozen[0] if frozen else live[0])
        if frozen:
            op, line = self._switched_off(frozen[0])
            return op, line, frozen[0], f"input comes from {name}, which does not require grad"
        return "(no grad)", None, var, f"input derives from {name} but carries no gradient"

    def _switched_off(self, uid: int) -> tuple[str, int | None]:
        """The call that switched a variable's requires_grad off, else where it was made."""
        for rec in self.recs:
            if rec.kind == "requires_grad_off" and uid in rec.detail.get("tensors", ()):
                return rec.op, rec.line
        return "requires_grad=False", self.prov.origin_lines.get(uid)

    def _rec(self, token: int) -> Rec | None:
        index = -token - 1
        return self.recs[index] if 0 <= index < len(self.recs) else None

    def _origin(self, uid: int) -> Any:
        ref = self.prov.origins.get(uid)
        return ref() if ref is not None else None

    def _name(self, uid: int) -> str:
        origin = self._origin(uid)
        name = self.names.get(id(origin)) if origin is not None else None
        return name or "a variable"

    def _note(self, rec: Rec, cuts: list[Rec]) -> str:
        """A short phrase; the node's line says where (faces show it next to the note)."""
        kind, op = rec.kind, rec.op
        if kind in ("no_grad", "inference_mode"):
            block = "torch.no_grad()" if kind == "no_grad" else "torch.inference_mode()"
            return f"input was computed under {block} ({op})"
        if kind in ("backward", "autograd_grad"):
            return f"input is a gradient from {op} without create_graph=True"
        expr = call_text(op, self._source(rec.line))
        back = next((r for r in cuts if r.kind == "tensor_ctor"), None)
        if back is not None and rec is not back and any(r.kind in EXITS for r in cuts):
            return f"input came from {expr}, out of torch and back through {back.op}"
        if kind == "nondiff":
            integer = "an integer result" if rec.detail.get("integer") else "a result"
            return f"input came from {expr}, {integer} with no gradient"
        if kind in EXITS:
            return f"input came from {expr}, outside torch"
        if kind == "tensor_ctor":
            return f"input came from {expr}, a copy with no history"
        return f"input came from {expr}"

    def _source(self, line: int | None) -> str:
        return self.code_lines[line - 1] if line and 0 < line <= len(self.code_lines) else ""


def _shape_only(rec: Rec) -> bool:
    return rec.kind == "nondiff" and rec.op.rpartition(".")[2] in SHAPE_ONLY


def call_text(op: str, source: str) -> str:
    """The call as written on its line (``y.detach()``), else the op's name (``torch.tensor(...)``)."""
    owner, _, name = op.rpartition(".")
    if owner != "Tensor":
        return f"{op}(...)"
    if name in _DUNDER_CALLS:
        return _DUNDER_CALLS[name]
    suffix = "" if name == "data" else "()"
    at = source.find("." + name)
    while at >= 0:
        after = at + 1 + len(name)
        if after >= len(source) or not (source[after].isalnum() or source[after] == "_"):
            start = _operand_start(source, at)
            if start < at and at - start <= MAX_EXPR:
                return source[start:at] + "." + name + suffix
        at = source.find("." + name, at + 1)
    return f"Tensor.{name}{suffix}"


def _operand_start(text: str, end: int) -> int:
    """Where the operand ending at ``end`` starts: names, dots, and balanced brackets (``model(x)[0]``)."""
    i = end
    while i > 0:
        ch = text[i - 1]
        if ch.isalnum() or ch in "_.":
            i -= 1
            continue
        if ch not in ")]":
            break
        depth, j = 0, i - 1
        while j >= 0:
            if text[j] in ")]":
                depth += 1
            elif text[j] in "([":
                depth -= 1
                if depth == 0:
                    break
            j -= 1
        if j < 0:
            break
        i = j
    return i
