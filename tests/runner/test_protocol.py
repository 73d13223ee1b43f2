"""The frame protocol between runner and worker, over real pipes."""

from __future__ import annotations

import dataclasses
import gc
import os
import threading
from typing import Any

import pytest

from gradrepl.core.report import ErrorInfo, GradState, Graph, GraphNode, RunReport, VariableInfo, from_dict
from gradrepl.core.request import RunRequest
from gradrepl.runner import protocol


def test_frames_round_trip_over_a_pipe_in_order() -> None:
    r, w = os.pipe()
    try:
        messages = [{"op": "run", "n": i, "text": "é" * i} for i in range(5)]
        for m in messages:
            protocol.write_frame(w, m)
        assert [protocol.read_frame(r) for _ in messages] == messages
    finally:
        os.close(r)
        os.close(w)


def test_a_frame_larger_than_the_pipe_buffer_arrives_whole() -> None:
    r, w = os.pipe()
    big = {"op": "result", "blob": "x" * 3_000_000}
    writer = threading.Thread(target=protocol.write_frame, args=(w, big))
    writer.start()
    try:
        assert protocol.read_frame(r) == big
    finally:
        writer.join()
        os.close(r)
        os.close(w)


def test_frame_buffer_yields_frames_from_arbitrary_chunks() -> None:
    data = protocol.encode({"op": "a"}) + protocol.encode({"op": "b", "x": [1, 2]})
    buffer = protocol.FrameBuffer()
    got = []
    for i in range(len(data)):  # one byte at a time: the worst split
        buffer.feed(data[i : i + 1])
        frame = buffer.pop()
        if frame is not None:
            got.append(frame)
    assert got == [{"op": "a"}, {"op": "b", "x": [1, 2]}]
    assert buffer.pop() is None


def test_eof_mid_frame_and_garbage_are_protocol_errors() -> None:
    r, w = os.pipe()
    os.write(w, protocol.encode({"op": "x"})[:6])
    os.close(w)
    with pytest.raises(protocol.ProtocolError):
        protocol.read_frame(r)
    os.close(r)
    buffer = protocol.FrameBuffer()
    buffer.feed(protocol.HEADER.pack(2) + b"[]")
    with pytest.raises(protocol.ProtocolError, match="not a protocol message"):
        buffer.pop()
    buffer = protocol.FrameBuffer()
    buffer.feed(protocol.HEADER.pack(protocol.MAX_FRAME + 1))
    with pytest.raises(protocol.ProtocolError, match="too large"):
        buffer.pop()
    with pytest.raises(protocol.ProtocolError, match="not JSON"):
        protocol.decode(b"\xff{")


def _wire(message: dict[str, Any]) -> dict[str, Any]:
    return protocol.decode(protocol.encode(message)[protocol.HEADER.size :])


def test_requests_and_reports_survive_the_wire() -> None:
    request = RunRequest(code="x = 1", filename="a.py", targets=["x"], timeout=2.5, session="s", checks=[{"fd": "f()"}])
    assert protocol.request_from_dict(_wire({"op": "run", **protocol.request_to_dict(request)})) == request
    grad = GradState("nonfinite", [2], nan_count=1, min=float("nan"))
    report = RunReport(framework="fake", outcome="raised", error=ErrorInfo("ValueError", "bad", 3),
                       variables=[VariableInfo("w", 1, "float32", [2], True, True, grad)])
    frame = _wire({"op": "result", "report": dataclasses.asdict(report)})
    back = from_dict(RunReport, frame["report"])
    assert back.error == report.error
    assert back.variables[0].grad.kind == "nonfinite" and back.variables[0].grad.min != back.variables[0].grad.min  # NaN kept


def test_a_report_the_encoder_rejects_is_sent_without_its_details() -> None:
    from gradrepl.runner.worker import _encode_reply

    cycle: dict[str, Any] = {}
    cycle["self"] = cycle
    report = RunReport(framework="fake", outcome="completed", stdout="ran\n",
                       variables=[VariableInfo("w", 1, "f", [], True, True, GradState("none"), evidence=cycle)])
    frame = protocol.decode(_encode_reply({"op": "result", "report": report, "recycle": False})[protocol.HEADER.size :])
    back = from_dict(RunReport, frame["report"])
    assert back.outcome == "completed" and back.stdout == "ran\n" and back.variables == []
    assert any("could not send" in w for w in back.warnings)


def test_numpy_like_values_in_evidence_are_encoded() -> None:
    class Scalar:
        def item(self) -> float:
            return 1.5

    frame = _wire({"op": "x", "evidence": {"a": Scalar(), "b": (1, 2), "c": object}})
    assert frame["evidence"]["a"] == 1.5 and frame["evidence"]["b"] == [1, 2]
    assert "object" in frame["evidence"]["c"]


def _big_report(nodes: int = 20_000) -> RunReport:
    graph = Graph(root=0, nodes=[GraphNode(i, "MulBackward0", line=i) for i in range(nodes)],
                  children=[[i + 1] if i + 1 < nodes else [] for i in range(nodes)])
    return RunReport(framework="fake", outcome="completed", graph=graph)


class _Collections:
    """Counts the garbage collector's runs inside the block (gc.callbacks sees every start)."""

    def __enter__(self) -> _Collections:
        self.count = 0
        gc.callbacks.append(self._seen)
        return self

    def _seen(self, phase: str, info: dict[str, Any]) -> None:
        self.count += phase == "start"

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self._seen)


def test_a_big_report_is_encoded_decoded_and_rebuilt_without_collections_on_the_way() -> None:
    from gradrepl.runner.runner import _read_report

    report = _big_report()
    assert gc.isenabled()
    with _Collections() as encoding:
        frame = protocol.encode({"op": "result", "report": report})
    with _Collections() as decoding:
        message = protocol.decode(frame[protocol.HEADER.size :])
    with _Collections() as rebuilding:
        back = _read_report("fake", message["report"], RunRequest(code="", filename="a.py"))
    # at most the one collection that fell due meanwhile runs when the block ends (left on: dozens each)
    assert max(encoding.count, decoding.count, rebuilding.count) <= 1
    assert gc.isenabled() and len(back.graph.nodes) == 20_000 and back.graph.nodes[7].line == 7  # type: ignore[union-attr]


def test_the_collector_is_left_as_it_was_even_when_encoding_fails() -> None:
    cycle: dict[str, Any] = {}
    cycle["self"] = cycle
    with pytest.raises(ValueError):
        protocol.encode({"op": "x", "cycle": cycle})
    assert gc.isenabled()
    gc.disable()
    try:
        protocol.decode(protocol.encode({"op": "x"})[protocol.HEADER.size :])
        assert not gc.isenabled()  # a caller that switched it off keeps it off
    finally:
        gc.enable()
