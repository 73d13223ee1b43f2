"""Provides BrowserScreen: lessons and their scenarios, solved ones marked, searchable."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, Tree

from gradrepl.core.scenario import Scenario

if TYPE_CHECKING:
    from gradrepl.app.app import GradreplApp

SOLVED = "✔"


class BrowserScreen(Screen[None]):
    """Pick a scenario: type to filter, enter to open."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back"),
        Binding("slash", "search", "Search"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="browser"):
            yield Input(placeholder="Search scenarios (title, id, lesson, framework) ...", id="search")
            yield Tree[Scenario]("Scenarios", id="scenario-tree")
            yield Label("", id="browser-errors")
        yield Footer()

    @property
    def gapp(self) -> GradreplApp:
        from gradrepl.app.app import GradreplApp

        assert isinstance(self.app, GradreplApp)
        return self.app

    @property
    def scenario_tree(self) -> Tree[Scenario]:
        return self.query_one("#scenario-tree", Tree)

    def on_mount(self) -> None:
        self.title = "Choose a scenario"
        self.sub_title = ""
        self.scenario_tree.show_root = False
        catalog = self.gapp.catalog
        errors = "\n".join(str(e) for e in catalog.errors)
        self.query_one("#browser-errors", Label).update(Text(errors))
        self._fill("")
        self.scenario_tree.focus()

    def on_screen_resume(self) -> None:
        self._fill(self.query_one("#search", Input).value)

    @on(Input.Changed, "#search")
    def _search(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#search")
    def _submitted(self) -> None:
        self.scenario_tree.focus()

    def _fill(self, query: str) -> None:
        tree = self.scenario_tree
        tree.clear()
        catalog = self.gapp.catalog
        matches = {s.id for s in catalog.search(query)}
        for title, scenarios in catalog.groups():
            shown = [s for s in scenarios if s.id in matches]
            if not shown:
                continue
            group = tree.root.add(title, expand=True)
            for scenario in shown:
                group.add_leaf(self._label(scenario), data=scenario)
        tree.root.expand()

    def _label(self, scenario: Scenario) -> Text:
        solved = self.gapp.progress.is_solved(scenario.id)
        mark = f"{SOLVED} " if solved else "  "
        frameworks = ", ".join("tf" if f == "tensorflow" else f for f in scenario.frameworks)
        return Text.assemble((mark, "bold"), scenario.title, (f"  [{frameworks}]", "dim"))

    @on(Tree.NodeSelected, "#scenario-tree")
    def _chosen(self, event: Tree.NodeSelected[Scenario]) -> None:
        from gradrepl.app.screens.opening import open_scenario

        if event.node.data is not None:
            open_scenario(self.gapp, event.node.data)

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_close(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
