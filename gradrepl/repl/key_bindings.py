"""Provides the REPL's key bindings, merged over prompt_toolkit's Emacs or Vi defaults.

* Enter runs the input or continues it on an indented new line (``entry``);
* Alt-Enter (Esc then Enter) runs the input as it is, wherever the cursor is;
* Tab indents at the start of a line and completes anywhere else.

Ctrl-C, Ctrl-D, history, search and bracketed paste are prompt_toolkit's own.
"""

from __future__ import annotations

from prompt_toolkit.application.current import get_app
from prompt_toolkit.buffer import Buffer
from prompt_toolkit.document import Document
from prompt_toolkit.filters import Condition, emacs_insert_mode, has_selection, vi_insert_mode
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent

from gradrepl.repl.entry import INDENT, enter_action, finished_text, next_indent


def load_repl_bindings() -> KeyBindings:
    """The bindings every REPL prompt gets."""
    bindings = KeyBindings()
    insert_mode = (emacs_insert_mode | vi_insert_mode) & ~has_selection

    @Condition
    def at_line_start() -> bool:
        before = get_app().current_buffer.document.current_line_before_cursor
        return not before.strip()

    @bindings.add("enter", filter=insert_mode)
    def _enter(event: KeyPressEvent) -> None:
        buffer = event.current_buffer
        document = buffer.document
        # Editing inside a block: Enter splits the line, as in any editor.
        if "\n" in document.text and document.text_after_cursor.strip():
            _newline(buffer)
        elif enter_action(document.text) == "accept":
            _accept(buffer)
        else:
            _newline(buffer)

    @bindings.add("escape", "enter", filter=insert_mode)
    def _run_now(event: KeyPressEvent) -> None:
        _accept(event.current_buffer)

    @bindings.add("tab", filter=insert_mode & at_line_start)
    def _indent(event: KeyPressEvent) -> None:
        event.current_buffer.insert_text(INDENT)

    return bindings


def _accept(buffer: Buffer) -> None:
    text = finished_text(buffer.text)
    if text != buffer.text:
        buffer.document = Document(text, cursor_position=len(text))
    buffer.validate_and_handle()


def _newline(buffer: Buffer) -> None:
    indent = next_indent(buffer.document.text_before_cursor)
    # A line left holding only indentation is emptied, as editors do.
    if not buffer.document.current_line.strip() and buffer.document.current_line:
        buffer.delete_before_cursor(len(buffer.document.current_line_before_cursor))
    buffer.insert_text("\n" + indent)
