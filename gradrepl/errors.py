"""Provides GradreplError: one error type whose message a user can act on."""

from __future__ import annotations


class GradreplError(Exception):
    """A problem with the user's input, content or environment, never a bug.

    Faces print ``str(error)`` (``path:line: message``) and exit with 2; they
    never show a traceback for it.
    """

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if self.path and self.line is not None:
            where = f"{self.path}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class FrameworkMissing(GradreplError):
    """The framework a run needs is not installed."""

    EXTRAS = {"torch": "torch", "tensorflow": "tf"}

    def __init__(self, framework: str) -> None:
        extra = self.EXTRAS.get(framework, framework)
        super().__init__(
            f"{framework} is not installed in this environment; "
            f'install it with: pip install "gradrepl[{extra}]"'
        )
        self.framework = framework
