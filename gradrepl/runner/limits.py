"""Provides the runner's fixed limits and intervals, in one place so docs and tests agree."""

from __future__ import annotations

OUTPUT_CAP = 64 * 1024
"""Bytes of stdout (and, separately, of stderr) kept per run; the rest is dropped
and the report says ``output_truncated``."""

FILE_SIZE_LIMIT = 64 * 1024 * 1024
"""RLIMIT_FSIZE of a worker: no single file it (or user code) writes grows past
this, so an output flood cannot fill the disk. A write beyond it fails with
EFBIG instead of killing the worker (SIGXFSZ is ignored)."""

MEMORY_POLL = 0.01
"""Seconds between two reads of the worker's resident memory during a run."""

CANCEL_GRACE = 0.2
"""Seconds a cancelled run gets to end on its KeyboardInterrupt before the
worker is killed."""

DUMP_WAIT = 0.2
"""Seconds to wait at most for a hung worker's stack dump before killing it (the dump
itself takes about a millisecond; a loaded machine may delay it)."""

THREAD_GRACE = 0.1
"""Seconds given to threads user code started to finish after the run."""

STARTUP_TIMEOUT = 300.0
"""Seconds a run waits for its worker to import the framework (a loaded machine)."""

RECYCLE_GROWTH_MB = 2048
"""A worker whose resident memory grew by this much since it was ready is
replaced by the spare before the next run."""

COMPLETE_TIMEOUT = 2.0
"""Seconds a completion request may take (attribute lookups run user code)."""
