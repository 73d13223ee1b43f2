"""Provides the execution layer: warm, isolated, supervised framework workers.

The parent side (``Runner``, ``available_frameworks``, ``detect_framework``)
imports no framework; ``gradrepl.runner.worker`` is the child process.
"""

from __future__ import annotations

from gradrepl.runner.detect import detect_framework
from gradrepl.runner.runner import Runner, available_frameworks

__all__ = ["Runner", "available_frameworks", "detect_framework"]
