"""Provides WorkspaceScreen: the editor beside the gradient tree, variables, explanation and output.

Every edit re-runs: a short debounce after the last keystroke, a syntax check
in-process (a half-typed line keeps the last tree, marked stale), then a run
through the app's runner. The screen owns the Workspace state and sets
attributes on its widgets; widgets only post messages up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, TabbedContent, TabPane, TextArea

from gradrepl.app.drafts import Draft, apply_draft, draft_of
from gradrepl.app.explain import ExplainInput, explanation_markdown, hints_for, run_summary
from gradrepl.app.messages import RunFinished
from gradrepl.app.session import Source, Workspace
from gradrepl.app.widgets.check_banner import CheckBanner
from gradrepl.app.widgets.code_editor import CodeEditor
from gradrepl.app.widgets.explanation_panel import ExplanationPanel
from gradrepl.app.widgets.gradient_tree import GradientTree
from gradrepl.app.widgets.output_panel import OutputPanel
from gradrepl.app.widgets.status_bar import StatusBar
from gradrepl.app.widgets.variables_table import VariablesTable
from gradrepl.errors import GradreplError

if TYPE_CHECKING:
    from gradrepl.app.app import GradreplApp

SAVE_DELAY_S = 0.3
"""Autosave this long after the first unsaved keystroke (well inside the one-second promise)."""


class WorkspaceScreen(Screen[None]):
    """Edit a scenario or a script; every edit runs and updates the panels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "run", "Run"),
        Binding("ctrl+t", "hint", "Hint"),
        Binding("ctrl+f", "switch_framework", "Framework"),
        Binding("ctrl+o", "browse", "Scenarios"),
        Binding("ctrl+s", "solution", "Solution"),
        Binding("ctrl+n", "next", "Next"),
        Binding("ctrl+l", "reset", "Reset"),
        Binding("ctrl+g", "path", "Path to variable", show=False),
        Binding("f2", "focus_panel('editor')", "Editor", show=False),
        Binding("f3", "focus_panel('tree')", "Tree", show=False),
        Binding("f4", "focus_panel('variables')", "Variables", show=False),
        Binding("f5", "focus_panel('explanation')", "Explanation", show=False),
    ]

    def __init__(self, source: Source, framework: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.workspace = Workspace(source, framework)
        self._debounce: Timer | None = None
        self._save_timer: Timer | None = None
        self._save_version = 0
        self._changed = False
        """Something worth saving changed while this screen was up (saved again when it goes)."""

    @property
    def gapp(self) -> GradreplApp:
        from gradrepl.app.app import GradreplApp

        assert isinstance(self.app, GradreplApp)
        return self.app

    # -- layout ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            yield from self.compose_side()
            with Vertical(id="left"):
                yield CodeEditor(id="editor")
                yield OutputPanel(id="output")
            with Vertical(id="right"):
                with TabbedContent(id="panels"):
                    with TabPane("Gradient tree", id="tab-tree"):
                        yield GradientTree(id="tree")
                    with TabPane("Variables", id="tab-variables"):
                        yield VariablesTable(id="variables")
                yield ExplanationPanel(id="explanation")
        yield CheckBanner(id="banner")
        yield StatusBar(id="status")
        yield Footer()

    def compose_side(self) -> ComposeResult:
        """Extra panes left of the editor (the lesson screen adds its text here)."""
        yield from ()

    def on_mount(self) -> None:
        self._restore_draft()
        self._show_source()
        self.editor.load_text(self.workspace.code)
        self.editor.focus()
        self.watch(self.gapp, "framework_states", self._framework_states_changed)
        # Start the framework after the first paint, so the UI is up before any import.
        self.call_after_refresh(self.gapp.ensure_framework, self.workspace.framework)
        self._refresh_explanation()

    def _show_source(self) -> None:
        source = self.workspace.source
        self.title = source.title
        self.sub_title = self.workspace.framework
        self.banner.passed = False

    # -- typed children -----------------------------------------------------------------

    @property
    def editor(self) -> CodeEditor:
        return self.query_one("#editor", CodeEditor)

    @property
    def tree(self) -> GradientTree:
        return self.query_one("#tree", GradientTree)

    @property
    def variables(self) -> VariablesTable:
        return self.query_one("#variables", VariablesTable)

    @property
    def explanation(self) -> ExplanationPanel:
        return self.query_one("#explanation", ExplanationPanel)

    @property
    def output(self) -> OutputPanel:
        return self.query_one("#output", OutputPanel)

    @property
    def status(self) -> StatusBar:
        return self.query_one("#status", StatusBar)

    @property
    def banner(self) -> CheckBanner:
        return self.query_one("#banner", CheckBanner)

    # -- edits and runs ---------------------------------------------------------------

    @on(TextArea.Changed, "#editor")
    def _edited(self, event: TextArea.Changed) -> None:
        self.workspace.edit(event.text_area.text)
        self.tree.stale = True
        self._schedule_save()
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(self.gapp.debounce, self.run_now)

    def run_now(self) -> None:
        """Syntax-check the buffer, then hand it to the runner."""
        ws = self.workspace
        try:
            compile(ws.code, ws.source.filename(ws.framework), "exec")
        except SyntaxError as error:
            self.status.run_text = f"syntax error on line {error.lineno}: {error.msg} (showing the last run)"
            return
        except ValueError as error:  # e.g. a NUL byte pasted into the buffer
            self.status.run_text = f"cannot run this code: {error}"
            return
        seq, request = ws.next_request(self.gapp.timeout)
        if not self.gapp.is_ready(ws.framework):
            state = self.gapp.framework_states.get(ws.framework, "")
            # a framework that failed to start before this edit ran keeps saying so
            self.status.run_text = _cannot_run(ws.framework, state) or f"waiting for {ws.framework} to load ..."
        self.gapp.submit_run(self, ws.framework, seq, request)

    def on_run_finished(self, message: RunFinished) -> None:
        ws = self.workspace
        if not ws.accept(message.seq, message.framework, message.report):
            return
        self.tree.stale = ws.pending
        self.tree.view = message.view
        self.variables.framework = message.framework
        self.variables.variables = message.report.variables
        self.output.report = message.report
        self.banner.passed = ws.passed
        self.status.run_text = run_summary(message.report)
        self._refresh_explanation()
        if ws.passed and ws.source.scenario is not None:
            if self.gapp.progress.mark_solved(ws.source.scenario.id, message.framework):
                self._save_progress()
        self.after_run()

    def after_run(self) -> None:
        """Hook for subclasses: a run was just shown."""

    def _refresh_explanation(self) -> None:
        ws = self.workspace
        hints = hints_for(ws.source.hints(ws.framework), ws.report)
        self.explanation.markdown = explanation_markdown(
            ExplainInput(
                report=ws.report, verdicts=ws.verdicts, hints=hints, revealed=ws.revealed,
                claims=ws.source.claims(ws.framework),
                summary=ws.source.scenario.summary if ws.source.scenario else "", stale=ws.pending,
            )
        )

    def _framework_states_changed(self, states: dict[str, str]) -> None:
        fw = self.workspace.framework
        state = states.get(fw, "")
        self.status.warming = bool(state) and state != "ready" and not state.startswith("failed")
        self.status.framework_text = "  ".join(f"{name}: {value}" for name, value in sorted(states.items()))
        if state.startswith("failed"):
            self.status.run_text = _cannot_run(fw, state)

    # -- drafts ------------------------------------------------------------------------

    def _restore_draft(self) -> None:
        draft = self.gapp.drafts.load(self.workspace.source.key)
        if draft is not None:
            for note in apply_draft(draft, self.workspace, keep_framework=self.gapp.opening.framework is not None):
                self.notify(note)

    def _schedule_save(self) -> None:
        self._changed = True
        if self._save_timer is None:
            self._save_timer = self.set_timer(SAVE_DELAY_S, self.save_draft)

    def save_draft(self) -> None:
        """Write the buffers to the state directory now (atomically, in a thread)."""
        self._save_timer = None
        self._save_version += 1
        self._write_draft(self.workspace.source.key, draft_of(self.workspace), self._save_version)

    @work(thread=True, group="save", exit_on_error=False)
    def _write_draft(self, key: str, draft: Draft | None, version: int) -> None:
        try:
            self.gapp.drafts.save(key, draft, version)
        except GradreplError as error:
            self.app.call_from_thread(self.notify, f"Could not autosave: {error}", severity="error")

    @work(thread=True, group="save", exit_on_error=False)
    def _save_progress(self) -> None:
        try:
            self.gapp.progress.save()
        except GradreplError as error:
            self.app.call_from_thread(self.notify, f"Could not save progress: {error}", severity="error")

    def on_unmount(self) -> None:
        # Written here, in this thread, whenever anything changed: a pending timer has not
        # saved it yet, and a timed save may still be in its thread when the app exits.
        if self._save_timer is not None:
            self._save_timer.stop()
        if self._changed:
            self._save_version += 1
            try:
                self.gapp.drafts.save(self.workspace.source.key, draft_of(self.workspace), self._save_version)
            except GradreplError:
                pass  # the app is closing; the last timed save is on disk

    # -- widget messages ---------------------------------------------------------------

    def on_gradient_tree_line_selected(self, message: GradientTree.LineSelected) -> None:
        self.editor.goto_line(message.line)

    def on_gradient_tree_path_requested(self, message: GradientTree.PathRequested) -> None:
        view = self.tree.view
        if view is not None:
            self.tree.show_path(view.path_to(message.node), f"path to {message.name} (u: back)")

    def on_variables_table_variable_chosen(self, message: VariablesTable.VariableChosen) -> None:
        if message.line is not None:
            self.editor.goto_line(message.line)
        self.show_path_to(message.name)

    def show_path_to(self, name: str) -> None:
        """Show only the graph between the loss and ``name`` (or say why it is not there)."""
        view = self.tree.view
        if view is None:
            return
        node = view.node_of_variable(name)
        if node is None:
            self.notify(f"{name} is not in the gradient graph: no path from the loss reaches it.")
            return
        self.tree.show_path(view.path_to(node), f"path to {name} (u: back)")
        self.query_one(TabbedContent).active = "tab-tree"

    # -- actions -------------------------------------------------------------------------

    def palette_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """Every command of this screen, for the command palette (ctrl+p)."""
        return [
            ("Run now", "Run the editor's code now (edits also run on their own)", self.action_run),
            ("Reveal a hint", "Show the next hint: the idea, where to look, the fix", self.action_hint),
            ("Switch framework", "Switch between torch and TensorFlow, keeping each one's edits",
             self.action_switch_framework),
            ("Show the reference solution", "Asks first until you have solved the scenario", self.action_solution),
            ("Next", "Open the next scenario", self.action_next),
            ("Reset to starter", "Put the starter code back (asks first)", self.action_reset),
            ("Scenarios", "Browse and search every scenario", self.action_browse),
            ("Path to the first problem", "Show only the graph from the loss to the first variable with a problem",
             self.action_path),
            ("Help", "What the panels show and every key", self.gapp.action_help),
        ]

    def action_run(self) -> None:
        """Run the editor's code now."""
        self.run_now()

    def action_hint(self) -> None:
        """Reveal the next hint."""
        ws = self.workspace
        hints = hints_for(ws.source.hints(ws.framework), ws.report)
        if not hints:
            self.notify("No hints for this code yet: run it first.")
            return
        if ws.revealed >= len(hints):
            self.notify("That was the last hint.")
        ws.reveal_hint(len(hints))
        self._refresh_explanation()
        self._schedule_save()

    def action_switch_framework(self) -> None:
        """Switch between the torch and TensorFlow versions, keeping each one's edits."""
        ws = self.workspace
        if ws.other_framework() is None:
            self.notify(f"This {ws.source.kind} exists only for {ws.framework}.")
            return
        ws.switch()
        self.sub_title = ws.framework
        self.editor.load_text(ws.code)
        self.banner.passed = False
        self.gapp.ensure_framework(ws.framework)
        self._refresh_explanation()

    def action_reset(self) -> None:
        """Put the starter code back, after asking."""
        from gradrepl.app.screens.dialogs import ConfirmScreen

        def done(yes: bool | None) -> None:
            if yes:
                code = self.workspace.reset()
                self.editor.replace_text(code)

        question = f"Reset the {self.workspace.framework} code to the starter? Your edits go away (ctrl+z brings them back)."
        self.app.push_screen(ConfirmScreen(question), done)

    def action_solution(self) -> None:
        """Show the reference solution: at once after success, else after asking."""
        from gradrepl.app.screens.dialogs import ConfirmScreen, SolutionScreen

        ws = self.workspace
        solution = ws.source.solution(ws.framework)
        if solution is None:
            self.notify("A plain script has no reference solution.")
            return

        def show(yes: bool | None = True) -> None:
            if yes:
                self.app.push_screen(SolutionScreen(solution, ws.framework), self._take_solution)

        if ws.solved:
            show()
        else:
            self.app.push_screen(ConfirmScreen("You have not solved this yet. Show the reference solution anyway?"), show)

    def _take_solution(self, code: str | None) -> None:
        if code:
            self.editor.replace_text(code)

    def action_next(self) -> None:
        """Open the next scenario (never automatic)."""
        from gradrepl.app.screens.opening import open_next

        open_next(self.gapp, self.workspace.source, self.workspace.framework)

    def action_browse(self) -> None:
        """Open the scenario browser."""
        from gradrepl.app.screens.browser import BrowserScreen

        self.app.push_screen(BrowserScreen())

    def action_path(self) -> None:
        """Show the path from the loss to the first variable with a problem."""
        report = self.workspace.report
        if report is None:
            return
        bad = [v for v in report.variables if v.grad.kind != "finite"] or report.variables
        if bad:
            self.show_path_to(bad[0].name)

    def action_focus_panel(self, name: str) -> None:
        """Move the focus to a panel (the editor keeps Tab for indenting)."""
        if name in ("tree", "variables"):
            self.query_one(TabbedContent).active = f"tab-{name}"
        self.query_one(f"#{name}").focus()


def _cannot_run(framework: str, state: str) -> str:
    """The status line for a framework that failed to start ("" when it has not failed)."""
    return f"cannot run: {framework} {state}" if state.startswith("failed") else ""
