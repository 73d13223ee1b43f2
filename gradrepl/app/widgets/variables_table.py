"""Provides VariablesTable: every variable with its shape, dtype, flags and gradient state."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import DataTable

from gradrepl.core.grad_text import describe_grad, grad_tone
from gradrepl.core.report import VariableInfo

COLUMNS = ("name", "shape", "dtype", "requires_grad", "is_leaf", "grad")
FLAG_NAME = {"tensorflow": "trainable"}
"""What the framework calls "tracks gradients" (torch: requires_grad)."""


class VariablesTable(DataTable[Text]):
    """One row per variable the run reported, the gradient state in a telling colour."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"variables-table--{t}" for t in ("none", "zero", "nan", "ok")}

    variables: reactive[list[VariableInfo]] = reactive(list, always_update=True, init=False)
    """The run's variables; set by the screen after each run."""
    framework: reactive[str] = reactive("torch", init=False)
    """Names the flag column: ``requires_grad`` (torch) or ``trainable`` (TensorFlow)."""

    @dataclass
    class VariableChosen(Message):
        """The user picked a variable (to jump to its line or see its path)."""

        name: str
        line: int | None
        node: int | None

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._shown: list[VariableInfo] = []

    def on_mount(self) -> None:
        self._add_columns()

    def _add_columns(self) -> None:
        flag = FLAG_NAME.get(self.framework, "requires_grad")
        self.add_columns(*(flag if c == "requires_grad" else c for c in COLUMNS))

    def watch_framework(self) -> None:
        self.clear(columns=True)
        self._add_columns()
        self.watch_variables(self._shown)

    def watch_variables(self, variables: list[VariableInfo]) -> None:
        self.clear()
        self._shown = list(variables)
        for var in self._shown:
            self.add_row(*self._cells(var), key=f"{var.uid}:{var.name}")

    def _cells(self, var: VariableInfo) -> list[Text]:
        tone = grad_tone(var.grad)
        style = self.get_component_rich_style(f"variables-table--{tone}", partial=True)
        shape = "(" + ", ".join(str(n) for n in var.shape) + ")"
        flag = "yes" if var.requires_grad else "no"
        return [
            Text(var.name),
            Text(shape),
            Text(var.dtype),
            Text(flag, style=style if not var.requires_grad and tone != "ok" else ""),
            Text("yes" if var.is_leaf else "no"),
            Text(describe_grad(var.grad), style=style),
        ]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if 0 <= event.cursor_row < len(self._shown):
            var = self._shown[event.cursor_row]
            self.post_message(self.VariableChosen(var.name, var.line, var.node))

    @property
    def names(self) -> list[str]:
        """The variable names shown, in order."""
        return [v.name for v in self._shown]
