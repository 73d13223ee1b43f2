"""Provides TFRecording: the dataflow log and tape history of one run.

The op callback rebuilds the eager dataflow graph from EagerTensor ids: op
type, input and output ids, the user's line, which tapes were recording and
whether TensorFlow itself watched an input. Wrappers (``patches``) add the tape
history, gradient calls, optimizer calls and values leaving TensorFlow.
"""

from __future__ import annotations

import sys
from types import FrameType
from typing import Any

import numpy as np

from gradrepl.backends.base import Recording
from gradrepl.backends.tf import internals
from gradrepl.backends.tf.log import ApplyCall, GradCall, Marker, OpRec, TapeRec, ValueEvent

MAX_OPS = 250_000
"""Ops kept per run. Past it, the older half of the log is dropped (``ops_dropped``
counts them): a long training run is diagnosed from its latest steps."""


class TFRecording(Recording):
    """What the TF backend observed while one script ran."""

    def __init__(self, filename: str, enabled: bool = True) -> None:
        self.filename = filename
        self.enabled = enabled
        self.seq = 0
        self.ops: list[OpRec] = []
        self.producer: dict[int, int] = {}
        self.first_use: dict[int, int] = {}
        """Tensors no logged op produced (constants) → index of the first op using them."""
        self.max_id = 0
        self.ops_dropped = 0
        self.created: dict[int, int | None] = {}
        """Handle → creation line of variables whose VarHandleOp was compacted away."""
        self.tapes: dict[int, TapeRec] = {}
        self.tape_objs: dict[int, Any] = {}
        """id(tape object) → tape; keeps the objects alive so ids stay unique."""
        self.tape_ids: dict[int, int] = {}
        self.active: tuple[int, ...] = ()
        self.calls: list[GradCall] = []
        self.applies: list[ApplyCall] = []
        self.values: list[ValueEvent] = []
        self.markers: list[Marker] = []
        self.phase = ""
        self.busy = False
        self.value_op = ""
        """Set while tf.numpy_function runs: the name its conversions are recorded under."""
        self.functions_eagerly = False
        self.function_frames: list[FrameType] = []
        """The script's function frames (innermost first) at the latest gradient call,
        optimizer step or fit: ``def main(): ...`` code keeps its model there."""

    # -- sequence and lines -------------------------------------------------

    def next_seq(self) -> int:
        self.seq += 1
        return self.seq

    def user_line(self, frame: FrameType | None = None) -> int | None:
        """The line of the innermost frame running the user's script."""
        f = frame if frame is not None else sys._getframe(1)
        name = self.filename
        while f is not None:
            if f.f_code.co_filename == name:
                return f.f_lineno
            f = f.f_back
        return None

    def user_lines(self, frame: FrameType | None) -> tuple[int | None, tuple[int, ...]]:
        """The innermost line of the user's script and the lines of its enclosing
        user frames up to the script's top level (empty when the op ran at top level)."""
        f = frame
        name = self.filename
        while f is not None and f.f_code.co_filename != name:
            f = f.f_back
        if f is None:
            return None, ()
        line = f.f_lineno
        if f.f_code.co_name == "<module>":
            return line, ()
        outer: list[int] = []
        f = f.f_back
        while f is not None:
            code = f.f_code
            if code.co_filename == name:
                outer.append(f.f_lineno)
                if code.co_name == "<module>":
                    break
            f = f.f_back
        return line, tuple(outer)

    def note_frames(self, frame: FrameType | None) -> None:
        """Remember the script's function frames around ``frame`` (see ``function_locals``)."""
        frames = []
        f = frame
        while f is not None:
            code = f.f_code
            if code.co_filename == self.filename:
                if code.co_name == "<module>":
                    break
                frames.append(f)
            f = f.f_back
        if frames:
            self.function_frames = frames

    def function_locals(self) -> dict[str, Any]:
        """Variables of the functions noted last, the innermost function's first."""
        merged: dict[str, Any] = {}
        for frame in self.function_frames:
            try:
                names = dict(frame.f_locals)
            except Exception:  # a frame whose locals cannot be read
                continue
            for name, value in names.items():
                merged.setdefault(name, value)
        return merged

    # -- tapes --------------------------------------------------------------

    def tape_id(self, tape: Any) -> int:
        key = id(tape)
        tid = self.tape_ids.get(key)
        if tid is None:
            tid = len(self.tapes)
            self.tape_ids[key] = tid
            self.tape_objs[key] = tape
            self.tapes[tid] = TapeRec(
                id=tid,
                line=self.user_line(),
                persistent=bool(getattr(tape, "_persistent", False)),
                watch_accessed=bool(getattr(tape, "_watch_accessed_variables", True)),
            )
        return tid

    def tape_started(self, tape: Any) -> None:
        tid = self.tape_id(tape)
        if tid not in self.active:
            self.active = self.active + (tid,)
        rec = self.tapes[tid]
        if rec.entered_seq is None:
            rec.entered_seq = self.next_seq()
            line, outer = self.user_lines(sys._getframe(1))
            rec.depth = 1 + len(outer) if line is not None else 0

    def tape_stopped(self, tape: Any, final: bool) -> None:
        tid = self.tape_id(tape)
        self.active = tuple(t for t in self.active if t != tid)
        if final:
            rec = self.tapes[tid]
            rec.exited_seq = self.next_seq()
            rec.exit_line = self.user_line()

    # -- the op callback ----------------------------------------------------

    def on_op(self, op_type: Any, inputs: Any, attrs: Any, outputs: Any, op_name: Any = None, graph: Any = None) -> None:
        """Called by TensorFlow after every eager op (must return None)."""
        if graph is not None or self.busy:
            return None
        if len(self.ops) >= MAX_OPS:
            self.compact(len(self.ops) // 2)
        try:
            self._log_op(op_type, inputs or (), outputs or ())
        except Exception:  # never let the recorder break the user's run
            pass
        return None

    def _log_op(self, op_type: Any, inputs: Any, outputs: Any) -> None:
        kind = op_type.decode() if isinstance(op_type, bytes) else str(op_type)
        resource = internals.get().resource_enum
        in_ids: list[int] = []
        handles: list[int] = []
        kept: list[Any] = []
        for t in inputs:
            tid = internals.tensor_id(t)
            if tid is None:
                continue
            in_ids.append(tid)
            kept.append(t)
            if internals.dtype_enum(t) == resource:
                handles.append(tid)
        out_ids = tuple(i for i in (internals.tensor_id(t) for t in outputs) if i is not None)
        line, outer = self.user_lines(sys._getframe(3))
        out_enums = tuple(internals.dtype_enum(t) for t in outputs)
        index = len(self.ops)
        for tid in in_ids:
            if tid not in self.producer and tid not in self.first_use:
                self.first_use[tid] = index
        for tid in out_ids:
            self.producer[tid] = index
        top = max(in_ids + list(out_ids), default=0)
        if top > self.max_id:
            self.max_id = top
        self.ops.append(
            OpRec(
                index=index,
                seq=self.next_seq(),
                type=kind,
                inputs=tuple(in_ids),
                outputs=out_ids,
                out_enums=out_enums,
                handles=tuple(handles),
                line=line,
                tapes=self.active,
                watched=self._watched(inputs) if self.active else False,
                phase=self.phase,
                facts=self._facts(kind, kept),
                outer=outer,
            )
        )

    def compact(self, drop: int) -> None:
        """Forget the oldest ``drop`` ops and re-index the rest (creation lines are kept)."""
        for op in self.ops[:drop]:
            if op.type == "VarHandleOp" and op.outputs:
                self.created[op.outputs[0]] = op.line
        self.ops = self.ops[drop:]
        self.ops_dropped += drop
        self.producer = {}
        self.first_use = {}
        for index, op in enumerate(self.ops):
            op.index = index
            for tid in op.inputs:
                if tid not in self.producer and tid not in self.first_use:
                    self.first_use[tid] = index
            for tid in op.outputs:
                self.producer[tid] = index

    def _watched(self, inputs: Any) -> bool | None:
        test = internals.get().should_record_backprop
        if test is None:
            return None
        try:
            return bool(test(list(inputs)))
        except Exception:  # an input TF's test does not accept
            return None

    def _facts(self, kind: str, inputs: Any) -> dict[str, Any] | None:
        if kind not in internals.SINGULAR_OPS and kind not in internals.SELECT_OPS:
            return None
        return {"inputs": [_value_facts(t) for t in inputs]}

    # -- wrappers' records --------------------------------------------------

    def add_call(self, call: GradCall) -> None:
        self.calls.append(call)

    def add_apply(self, call: ApplyCall) -> None:
        self.applies.append(call)

    def add_value(self, kind: str, op: str, tensor: Any, line: int | None) -> None:
        tid = internals.tensor_id(tensor)
        if tid is not None:
            self.add_value_id(kind, op, tid, line)

    def add_value_id(self, kind: str, op: str, tid: int, line: int | None) -> None:
        self.values.append(
            ValueEvent(kind=kind, op=op, seq=self.next_seq(), line=line, tensor=tid, watermark=max(self.max_id, tid), tapes=self.active)
        )

    def mark(self, kind: str, line: int | None, op: str = "", **detail: Any) -> None:
        self.markers.append(Marker(kind=kind, seq=self.next_seq(), line=line, op=op, detail=detail))


def _value_facts(t: Any) -> dict[str, int]:
    """Counts of zeros, negatives and non-finite values of a small float input."""
    try:
        if internals.dtype_enum(t) not in internals.get().trainable_enums:
            return {}
        arr = np.asarray(t._numpy())
        if arr.size > 1_000_000:
            return {}
        return {
            "size": int(arr.size),
            "zeros": int(np.count_nonzero(arr == 0)),
            "negative": int(np.count_nonzero(arr < 0)),
            "nonfinite": int(arr.size - np.count_nonzero(np.isfinite(arr))),
            "unit": int(np.count_nonzero(np.abs(arr) == 1)),
        }
    except Exception:  # complex, strings or a moved method: no facts
        return {}
