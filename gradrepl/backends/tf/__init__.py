"""Provides the TensorFlow/Keras backend (imports TensorFlow only when loaded)."""

from __future__ import annotations

from gradrepl.backends.tf.backend import TFBackend

__all__ = ["TFBackend"]
