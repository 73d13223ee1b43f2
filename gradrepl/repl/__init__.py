"""Provides the prompt_toolkit line REPL (``gradrepl repl``): explains gradients as you type."""
