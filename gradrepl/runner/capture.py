"""Provides output capture for a worker: per-run capture files behind fds 1 and 2, capped.

Both the Python-level streams and C-level writes (a C extension's printf, an
``os.write(1, ...)``) land in two files in the worker's capture directory, so
the parent can still read them after it killed a hung worker. Python-level
writes stop at ``OUTPUT_CAP`` (no syscall after that, so a print flood is
cheap); C-level writes are bounded by the worker's RLIMIT_FSIZE.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from gradrepl.runner.limits import OUTPUT_CAP

STDOUT_NAME = "stdout"
STDERR_NAME = "stderr"
DUMP_NAME = "stack-dump"
"""Where faulthandler writes the stack of a crashed or hung worker."""


class CappedStream(io.TextIOBase):
    """A text stream writing straight to an fd until ``cap`` bytes, then only counting."""

    def __init__(self, fd: int, cap: int = OUTPUT_CAP) -> None:
        super().__init__()
        self._fd = fd
        self._cap = cap
        self.written = 0
        self.truncated = False

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"

    @property
    def errors(self) -> str:  # type: ignore[override]
        return "replace"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return self._fd

    def flush(self) -> None:
        """Nothing to flush: every write goes straight to the fd."""

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if self.written >= self._cap:
            self.truncated = self.truncated or bool(text)
        else:
            self.write_bytes(text.encode("utf-8", "replace"))
        return len(text)

    def write_bytes(self, data: bytes) -> None:
        room = self._cap - self.written
        if room <= 0:
            self.truncated = self.truncated or bool(data)
            return
        if len(data) > room:
            data, self.truncated = data[:room], True
        self.written += len(data)
        _write_all(self._fd, data, self)

    @property
    def buffer(self) -> _BinaryView:
        """``sys.stdout.buffer.write(b"...")`` works as on a real stream, within the same cap."""
        return _BinaryView(self)


class _BinaryView:
    def __init__(self, stream: CappedStream) -> None:
        self._stream = stream

    def write(self, data: bytes) -> int:
        self._stream.write_bytes(bytes(data))
        return len(data)

    def flush(self) -> None:
        """Nothing buffered."""

    def fileno(self) -> int:
        return self._stream.fileno()


def _write_all(fd: int, data: bytes, stream: CappedStream) -> None:
    view = memoryview(data)
    try:
        while view:
            view = view[os.write(fd, view) :]
    except OSError:
        # fd 1 closed by user code, or the file hit RLIMIT_FSIZE: output is lost, not the run
        stream.truncated = True


class CaptureFiles:
    """The worker's capture files; ``begin`` points fds 0/1/2 and sys streams at them."""

    def __init__(self, directory: str) -> None:
        base = Path(directory)
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND
        self._out = os.open(base / STDOUT_NAME, flags, 0o600)
        self._err = os.open(base / STDERR_NAME, flags, 0o600)
        self._out_r = os.open(base / STDOUT_NAME, os.O_RDONLY)
        self._err_r = os.open(base / STDERR_NAME, os.O_RDONLY)
        self._null = os.open(os.devnull, os.O_RDONLY)
        for fd in (self._out, self._err, self._out_r, self._err_r, self._null):
            os.set_inheritable(fd, False)
        self.stdout = CappedStream(1)
        self.stderr = CappedStream(2)
        self._point_fds()

    def _point_fds(self) -> None:
        os.dup2(self._null, 0)
        os.dup2(self._out, 1)
        os.dup2(self._err, 2)

    def begin(self) -> tuple[CappedStream, CappedStream]:
        """Empty the files and give the run new capped streams on fds 1 and 2.

        The fds are re-pointed every run because user code may have closed or
        redirected them.
        """
        os.ftruncate(self._out, 0)
        os.ftruncate(self._err, 0)
        self._point_fds()
        self.stdout, self.stderr = CappedStream(1), CappedStream(2)
        return self.stdout, self.stderr

    def collect(self) -> tuple[str, str, bool]:
        """What the run wrote: stdout, stderr, and whether either was cut."""
        out, out_cut = read_capped_fd(self._out_r)
        err, err_cut = read_capped_fd(self._err_r)
        cut = out_cut or err_cut or self.stdout.truncated or self.stderr.truncated
        return out, err, cut


def read_capped_fd(fd: int, cap: int = OUTPUT_CAP) -> tuple[str, bool]:
    """The first ``cap`` bytes of a file as text, and whether it was longer."""
    data = os.pread(fd, cap + 1, 0)
    return data[:cap].decode("utf-8", "replace"), len(data) > cap


def read_capped_path(path: Path, cap: int = OUTPUT_CAP) -> tuple[str, bool]:
    """Like ``read_capped_fd`` for the parent, which reads the files of a dead worker."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return "", False
    try:
        return read_capped_fd(fd, cap)
    finally:
        os.close(fd)
