"""Shared test set-up: no test writes into the real per-user state directory."""

from __future__ import annotations

import os
import tempfile

# Set before any gradrepl module reads it, for this process and its workers.
os.environ.setdefault("GRADREPL_STATE_DIR", tempfile.mkdtemp(prefix="gradrepl-test-state-"))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
