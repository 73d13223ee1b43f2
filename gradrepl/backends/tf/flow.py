"""Provides Flow: data provenance and per-tape recording over the op log.

Pure Python over a TFRecording (no TensorFlow calls), so it is cheap to test
and cannot disturb the framework. Three views of the same log:

* **data ancestry**: every op input, recorded or not (what a value derives from);
* **tracked by a tape**: what a given tape recorded, replayed from the rules
  TensorFlow applies (variables read while recording, watched tensors, float
  outputs of ops with a tracked input, nothing out of StopGradient);
* **live ancestry**: tracked edges through which a gradient actually flows
  (not through ops whose gradient is None, e.g. Round, ArgMax, numpy_function).
"""

from __future__ import annotations

from gradrepl.backends.tf import internals
from gradrepl.backends.tf.log import OpRec
from gradrepl.backends.tf.recorder import TFRecording

BLOCKING = frozenset({"stop", "none", "numpy"})
"""Gradient kinds through which nothing flows back."""


class Flow:
    """Queries over one recording's op log; results are cached."""

    def __init__(self, rec: TFRecording) -> None:
        self.rec = rec
        self.ops = rec.ops
        self.producer = rec.producer
        self._tracked: dict[int, set[int]] = {}
        self._kinds: dict[str, str] = {}
        self._writers: dict[int, list[int]] | None = None
        self._handles: set[int] | None = None
        self._reads: dict[int, list[OpRec]] | None = None
        self._memo: dict[tuple[str, int, tuple[int, ...]], set[int]] = {}

    # -- basic facts --------------------------------------------------------

    def kind(self, op_type: str) -> str:
        """How gradients pass this op type (see ``internals.gradient_kind``)."""
        k = self._kinds.get(op_type)
        if k is None:
            k = self._kinds[op_type] = internals.gradient_kind(op_type)
        return k

    def op_kind(self, op: OpRec) -> str:
        """How gradients pass this op: its type's kind, except a ``tf.py_function``
        whose body took the value out of TensorFlow, which passes nothing back."""
        if op.facts and "left_tf" in op.facts:
            return "numpy"
        return self.kind(op.type)

    def is_float(self, enum: int) -> bool:
        return enum in internals.get().trainable_enums

    def op_of(self, tid: int) -> OpRec | None:
        index = self.producer.get(tid)
        return None if index is None else self.ops[index]

    def handle_ids(self) -> set[int]:
        """Every variable handle some op read or wrote."""
        if self._handles is None:
            self._handles = {h for op in self.ops for h in op.handles}
        return self._handles

    def writers(self) -> dict[int, list[int]]:
        """Handle id → indices of ops that write the variable (assign, scatter)."""
        if self._writers is None:
            self._writers = {}
            for op in self.ops:
                if op.handles and not op.outputs:
                    for h in op.handles:
                        self._writers.setdefault(h, []).append(op.index)
        return self._writers

    # -- data ancestry ------------------------------------------------------

    def ancestors(self, roots: list[int], through_assign: bool = False) -> set[int]:
        """Every tensor (and variable handle) the roots' values derive from (memoised)."""
        key = ("assign" if through_assign else "data", 0, tuple(roots))
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self._ancestors(roots, through_assign)
        return found

    def _ancestors(self, roots: list[int], through_assign: bool) -> set[int]:
        seen: set[int] = set()
        stack = list(roots)
        while stack:
            t = stack.pop()
            if t in seen:
                continue
            seen.add(t)
            op = self.op_of(t)
            if op is None:
                continue
            stack.extend(i for i in op.inputs if i not in seen)
            if op.handles:
                stack.extend(self._resource_inputs(op, variables=through_assign))
        return seen

    def is_variable(self, handle: int) -> bool:
        """Whether a resource handle is a variable's (made by VarHandleOp, or before the
        log began), not another resource such as a tf.data iterator."""
        op = self.op_of(handle)
        return op is None or op.type == "VarHandleOp"

    def _resource_inputs(self, read: OpRec, variables: bool) -> list[int]:
        """Values written into the resources an op reads before it ran. A tf.data iterator's
        next element derives from the dataset made into it (always followed); a variable's
        value from what was assigned to it (followed only when asked)."""
        out: list[int] = []
        for h in read.handles:
            if variables or not self.is_variable(h):
                out.extend(self._written_into(h, read))
        return out

    def _written_into(self, handle: int, read: OpRec) -> list[int]:
        out: list[int] = []
        for index in self.writers().get(handle, []):
            w = self.ops[index]
            if w.index < read.index and w.phase != "optimizer":
                out.extend(i for i in w.inputs if i not in w.handles)
        return out


    def descendants(self, source: int) -> set[int]:
        """Every tensor whose value derives from ``source`` (one forward pass, memoised)."""
        key = ("desc", source, ())
        found = self._memo.get(key)
        if found is None:
            found = {source}
            for op in self.ops:
                if any(i in found for i in op.inputs):
                    found.update(op.outputs)
            self._memo[key] = found
        return found

    def producers(self, tensors: set[int]) -> list[OpRec]:
        """The ops that produced these tensors, in execution order."""
        indices = {self.producer[t] for t in tensors if t in self.producer}
        return [self.ops[i] for i in sorted(indices)]

    def reads_of(self, handle: int) -> list[OpRec]:
        """Ops of the user's code that read the variable (not TF's gradient or optimizer code)."""
        if self._reads is None:
            self._reads = {}
            for op in self.ops:
                if op.outputs and not op.phase:
                    for h in op.handles:
                        self._reads.setdefault(h, []).append(op)
        return self._reads.get(handle, [])

    # -- what a tape recorded -----------------------------------------------

    def tracked(self, tape: int) -> dict[int, int]:
        """Tensor ids the tape recorded a history for → the seq from which it did.

        Variable handles appear once the tape recorded a read of them. A tensor
        produced by an op is tracked from its creation; a watched one from the
        ``watch`` call (so a watch after the computation comes too late).
        """
        cached = self._tracked.get(tape)
        if cached is not None:
            return cached
        rec = self.rec.tapes.get(tape)
        watches = sorted(rec.watches, key=lambda w: w.seq) if rec else []
        explicit: set[int] = set()
        tracked: dict[int, int] = {}
        w = 0
        for op in self.ops:
            while w < len(watches) and watches[w].seq < op.seq:
                if watches[w].error is None:
                    for t in watches[w].tensors:
                        tracked.setdefault(t, watches[w].seq)
                    explicit.update(watches[w].handles)
                w += 1
            if tape not in op.tapes:
                continue
            if op.handles:
                if self._reads_watched(op, explicit, rec is None or rec.watch_accessed):
                    self._mark(tracked, op, op.handles)
                continue
            if self.kind(op.type) == "stop":
                continue
            if any(i in tracked for i in op.inputs):
                self._mark(tracked, op, ())
        self._tracked[tape] = tracked
        return tracked

    def _mark(self, tracked: dict[int, int], op: OpRec, extra: tuple[int, ...]) -> None:
        for o, e in zip(op.outputs, op.out_enums):
            if self.is_float(e):
                tracked.setdefault(o, op.seq)
        for h in extra:
            tracked.setdefault(h, op.seq)

    def watch_seq(self, tape: int, tid: int) -> int | None:
        """When the tape was first told to watch this tensor or variable handle."""
        rec = self.rec.tapes.get(tape)
        if rec is None:
            return None
        seqs = [w.seq for w in rec.watches if tid in w.tensors or tid in w.handles]
        return min(seqs) if seqs else None

    @staticmethod
    def _reads_watched(op: OpRec, explicit: set[int], watch_accessed: bool) -> bool:
        if any(h in explicit for h in op.handles):
            return True
        return watch_accessed and op.watched is not False

    def live(self, tape: int, targets: list[int]) -> set[int]:
        """Tensors (and variable handles) a gradient from the targets reaches on this tape (memoised)."""
        key = ("live", tape, tuple(targets))
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self._live(tape, targets)
        return found

    def _live(self, tape: int, targets: list[int]) -> set[int]:
        tracked = self.tracked(tape)
        stack = [t for t in targets if t in tracked]
        live = set(stack)
        while stack:
            t = stack.pop()
            op = self.op_of(t)
            if op is None or self.op_kind(op) in BLOCKING:
                continue
            for i in op.inputs:
                if i not in live and tracked.get(i, op.seq + 1) <= op.seq:
                    live.add(i)
                    if i not in op.handles:
                        stack.append(i)
        return live

    def first_use(self, source: int) -> OpRec | None:
        """The first op that took ``source`` as an input."""
        for op in self.ops:
            if source in op.inputs:
                return op
        return None
