"""Provides the PyTorch backend; torch itself is imported by ``TorchBackend.load``."""

from __future__ import annotations

from gradrepl.backends.torch.backend import TorchBackend

__all__ = ["TorchBackend"]
