"""Provides the wire format between the runner and its workers: length-prefixed JSON frames.

A frame is a 4-byte big-endian length followed by that many bytes of UTF-8
JSON (one object with an ``op`` key). Frames travel over dedicated pipe file
descriptors, never stdin/stdout, so nothing user code prints can corrupt them.

Messages (parent → worker): ``run`` {request}, ``complete`` {session, prefix},
``drop`` {session}, ``interrupt`` (with a SIGINT, during a run), ``exit``.
Messages (worker → parent): ``status`` {text}, ``ready`` {version, pid},
``failed`` {message}, ``result`` {report, recycle}, ``completions`` {names},
``dropped``.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import os
import struct
from typing import Any

from gradrepl.core.request import RunRequest

HEADER = struct.Struct(">I")
MAX_FRAME = 256 * 1024 * 1024
"""A frame larger than this is a protocol error, not a report."""


PAUSE_GC = True
"""Whether encode/decode (and ``gc_paused``) hold the garbage collector off; benches flip it to compare."""


class ProtocolError(Exception):
    """The peer sent something that is not a frame, or went away mid-frame."""


class gc_paused:
    """Holds the cyclic garbage collector off for the block (when it was on).

    Encoding or decoding a report of 100,000 graph nodes allocates hundreds of
    thousands of containers; each allocation burst triggers collections that
    scan the whole heap and find nothing (the values are trees, never cycles).
    Pausing made a 100k-node report's encoding about 3x faster.
    """

    def __enter__(self) -> None:
        self.was_on = PAUSE_GC and gc.isenabled()
        if self.was_on:
            gc.disable()

    def __exit__(self, *exc: object) -> None:
        if self.was_on:
            gc.enable()


def encode(message: dict[str, Any]) -> bytes:
    """One frame: header plus compact JSON (NaN allowed: both ends are Python).

    Dataclasses (a RunReport) may be put in the message as they are: the C
    encoder asks ``_plain`` only for them, which is several times faster than
    ``dataclasses.asdict`` (that deep-copies every leaf).
    """
    with gc_paused():
        body = json.dumps(message, separators=(",", ":"), default=_plain).encode("utf-8")
    return HEADER.pack(len(body)) + body


def _plain(obj: Any) -> Any:
    """JSON for what the encoder does not know: dataclasses, numpy scalars and arrays, the rest as text."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return obj.__dict__
    if isinstance(obj, (tuple, set, frozenset)):
        return list(obj)
    for method in ("item", "tolist"):  # numpy scalars and arrays a backend put in evidence
        convert = getattr(obj, method, None)
        if callable(convert):
            try:
                return convert()
            except (TypeError, ValueError):
                pass
    return repr(obj)


def decode(body: bytes) -> dict[str, Any]:
    """The message in a frame's body (the bytes after the header)."""
    try:
        with gc_paused():
            message = json.loads(body.decode("utf-8"))
    except ValueError as exc:  # bad UTF-8 or bad JSON
        raise ProtocolError(f"not JSON: {exc}") from None
    if not isinstance(message, dict) or "op" not in message:
        raise ProtocolError(f"not a protocol message: {body[:80]!r}")
    return message


def write_frame(fd: int, message: dict[str, Any]) -> None:
    """Write a whole frame to a blocking fd (retrying short writes)."""
    write_all(fd, encode(message))


def write_all(fd: int, frame: bytes) -> None:
    data = memoryview(frame)
    while data:
        data = data[os.write(fd, data) :]


def read_exact(fd: int, size: int) -> bytes:
    """Read exactly ``size`` bytes from a blocking fd; ProtocolError on EOF."""
    chunks: list[bytes] = []
    while size:
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            raise ProtocolError("the peer closed the pipe")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def read_frame(fd: int) -> dict[str, Any]:
    """Read one frame from a blocking fd (the worker's side)."""
    (size,) = HEADER.unpack(read_exact(fd, HEADER.size))
    if size > MAX_FRAME:
        raise ProtocolError(f"frame of {size} bytes is too large")
    return decode(read_exact(fd, size))


class FrameBuffer:
    """Collects bytes read whenever they arrive and yields whole frames (the parent's side).

    The parent reads with ``select`` so that a timeout, a cancel or the memory
    limit can act at any moment, even in the middle of a large frame.
    """

    def __init__(self) -> None:
        self._data = bytearray()

    def feed(self, chunk: bytes) -> None:
        self._data += chunk

    def pop(self) -> dict[str, Any] | None:
        """The next complete frame, or None when more bytes are needed."""
        if len(self._data) < HEADER.size:
            return None
        (size,) = HEADER.unpack_from(self._data)
        if size > MAX_FRAME:
            raise ProtocolError(f"frame of {size} bytes is too large")
        end = HEADER.size + size
        if len(self._data) < end:
            return None
        body = bytes(self._data[HEADER.size : end])
        del self._data[:end]
        return decode(body)


def request_to_dict(request: RunRequest) -> dict[str, Any]:
    return dataclasses.asdict(request)


def request_from_dict(data: dict[str, Any]) -> RunRequest:
    known = {f.name for f in dataclasses.fields(RunRequest)}
    return RunRequest(**{k: v for k, v in data.items() if k in known})
