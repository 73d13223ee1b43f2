"""Provides CodeEditor: the Python editor (tree-sitter highlighting via ``textual[syntax]``)."""

from __future__ import annotations

from textual.widgets import TextArea


class CodeEditor(TextArea):
    """A Python code editor whose cursor other widgets can send to a line."""

    def __init__(self, text: str = "", *, id: str | None = None) -> None:
        super().__init__(
            text,
            language="python",
            theme="monokai",
            soft_wrap=False,
            tab_behavior="indent",
            show_line_numbers=True,
            id=id,
        )
        self.indent_width = 4

    def goto_line(self, line: int) -> None:
        """Put the cursor at the start of 1-based ``line`` and scroll it into view."""
        row = max(0, min(line - 1, self.document.line_count - 1))
        self.move_cursor((row, 0), center=True)

    def replace_text(self, text: str) -> None:
        """Replace the whole buffer as one undoable edit, keeping the cursor's line where possible."""
        row = self.cursor_location[0]
        self.replace(text, (0, 0), self.document.end)
        self.move_cursor((min(row, self.document.line_count - 1), 0))
