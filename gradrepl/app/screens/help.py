"""Provides HelpScreen: what gradrepl shows and every key, in one place."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP = """\
# gradrepl

Every edit runs your code in a background worker (torch or TensorFlow are
never loaded in the app itself) and shows what happened to the gradients.

* **Gradient tree**: from the loss down to every leaf. A leaf shows its
  gradient: **None**, **0**, **NaN** or a value. A *cut* marks where the path
  to a variable is broken, with the cause and line. A node reached twice is
  shown once, the other places say `-> ... (shown above)`. Long runs of single
  operations fold into one `chain of N ops` row; long lists show 50 at a time.
* **Variables**: every variable with its shape, dtype, whether it tracks
  gradients, whether it is a leaf, and its gradient.
* **Explanation**: the diagnosis in plain words, what the source documents
  claim about it, and hints one at a time.

## Keys

| key | what it does |
|---|---|
| ctrl+r | run now (edits also run on their own) |
| ctrl+t | reveal the next hint |
| ctrl+f | switch torch / TensorFlow (each keeps its edits) |
| ctrl+s | the reference solution (asks first until you solved it) |
| ctrl+n | next scenario or lesson step; ctrl+b goes back in a lesson |
| ctrl+l | reset to the starter code (asks first) |
| ctrl+o | scenarios (or lessons) to choose from |
| ctrl+g | path from the loss to the first variable with a problem |
| f2 / f3 / f4 / f5 | editor / tree / variables / explanation |
| ctrl+p | command palette: every command by name |
| f1 | this help |
| ctrl+q | quit (your edits are saved as you type) |

In the tree: **enter** opens a row and jumps the editor to its line,
**p** shows only the path to the variable under the cursor, **r** continues
from the node under the cursor, **u** goes back.
"""


class HelpScreen(ModalScreen[None]):
    """The help text; escape, q or f1 closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,f1", "close", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Markdown(HELP)

    def action_close(self) -> None:
        self.dismiss(None)
