"""Provides the modal dialogs: a yes/no question and the reference solution viewer."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, TextArea


class ConfirmScreen(ModalScreen[bool]):
    """Asks one question; dismisses with True (y) or False (n, escape)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__(classes="dialog")
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(self.question, classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Yes (y)", id="yes", variant="warning")
                yield Button("No (n)", id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class SolutionScreen(ModalScreen[str | None]):
    """The reference solution, read-only; ``u`` puts it in the editor (ctrl+z undoes that)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("u", "use", "Use this code"),
        Binding("escape,q", "close", "Close"),
    ]

    def __init__(self, code: str, framework: str) -> None:
        super().__init__(classes="dialog")
        self.code = code
        self.framework = framework

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box solution-box"):
            yield Label(f"Reference solution ({self.framework})", classes="dialog-title")
            yield TextArea(self.code, language="python", theme="monokai", read_only=True, id="solution-code",
                           show_line_numbers=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Use this code (u)", id="use", variant="warning")
                yield Button("Close (esc)", id="close", variant="primary")

    @on(Button.Pressed, "#use")
    def action_use(self) -> None:
        self.dismiss(self.code)

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)
