"""Provides LessonScreen: a lesson's text beside its scenario, with progress and navigation."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Markdown, OptionList, ProgressBar
from textual.widgets.option_list import Option

from gradrepl.app.screens.opening import choose_framework
from gradrepl.app.screens.workspace import WorkspaceScreen
from gradrepl.app.session import Source
from gradrepl.core.lesson import Lesson
from gradrepl.errors import GradreplError

if TYPE_CHECKING:
    from gradrepl.app.app import GradreplApp


class LessonScreen(WorkspaceScreen):
    """One scenario of one lesson, with the lesson's text on the left."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "next", "Next"),
        Binding("ctrl+b", "previous", "Previous"),
        Binding("ctrl+o", "lessons", "Lessons"),
    ]

    def __init__(self, lesson: Lesson, step: int, source: Source, framework: str) -> None:
        super().__init__(source, framework)
        self.lesson = lesson
        self.step = step
        """Which of the lesson's scenarios is open (0-based)."""

    @classmethod
    def open(cls, app: GradreplApp, name: str | None, step: int = 0) -> LessonScreen:
        """The screen for lesson ``name`` (default: where the learner left off, else the first)."""
        lessons = app.catalog.lessons
        if not lessons:
            raise GradreplError("no lessons were found; pass --content DIR or reinstall gradrepl")
        wanted = name or app.progress.current_lesson
        lesson = app.catalog.lesson(wanted) if wanted else None
        if lesson is None and name:
            from gradrepl.core.lesson import find_lesson

            lesson = find_lesson(name, app.content)
        lesson = lesson or lessons[0]
        scenarios = [s for s in (app.catalog.scenario(sid) for sid in lesson.scenarios) if s is not None]
        if not scenarios:
            raise GradreplError(f"lesson {lesson.id!r} names no scenario that could be loaded", path=str(lesson.path))
        step = max(0, min(step if step >= 0 else len(scenarios) + step, len(scenarios) - 1))
        scenario = scenarios[step]
        return cls(lesson, step, Source.of_scenario(scenario), choose_framework(app, scenario))

    def compose_side(self) -> ComposeResult:
        index = self._lesson_index()
        total = len(self.gapp.catalog.lessons)
        with Vertical(id="lesson-pane"):
            yield Label(f"Lesson {index + 1} of {total}: {self.lesson.title}", id="lesson-title")
            yield ProgressBar(total=max(total, 1), show_eta=False, id="lesson-progress")
            yield Label(self._step_text(), id="lesson-step")
            with VerticalScroll(id="lesson-text"):
                yield Markdown(self.lesson.markdown)

    def on_mount(self) -> None:
        # Textual also calls WorkspaceScreen.on_mount (handlers run along the MRO).
        self.query_one("#lesson-progress", ProgressBar).progress = self._lessons_done()
        self._remember_lesson()

    def _lesson_index(self) -> int:
        ids = [lesson.id for lesson in self.gapp.catalog.lessons]
        return ids.index(self.lesson.id) if self.lesson.id in ids else 0

    def _step_text(self) -> str:
        count = len(self.lesson.scenarios)
        return f"Scenario {self.step + 1} of {count}: ctrl+n next, ctrl+b back, ctrl+o all lessons"

    def _lessons_done(self) -> int:
        return len(self._done_ids())

    def _done_ids(self) -> set[str]:
        """Lessons whose every scenario is solved (in some framework)."""
        progress = self.gapp.progress
        return {lesson.id for lesson in self.gapp.catalog.lessons
                if lesson.scenarios and all(progress.is_solved(s) for s in lesson.scenarios)}

    @work(thread=True, group="save", exit_on_error=False)
    def _remember_lesson(self) -> None:
        progress = self.gapp.progress
        if progress.current_lesson != self.lesson.id:
            progress.current_lesson = self.lesson.id
            try:
                progress.save()
            except GradreplError as error:
                self.app.call_from_thread(self.notify, f"Could not save progress: {error}", severity="error")

    def after_run(self) -> None:
        self.query_one("#lesson-progress", ProgressBar).progress = self._lessons_done()

    # -- navigation ------------------------------------------------------------------------

    def palette_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        commands = [c for c in super().palette_commands() if c[0] not in ("Next", "Scenarios")]
        return [
            ("Next", "The next scenario of this lesson, then the next lesson", self.action_next),
            ("Previous", "The previous scenario or lesson", self.action_previous),
            ("Lessons", "Jump to any lesson", self.action_lessons),
            *commands,
        ]

    def action_next(self) -> None:
        """The next scenario of this lesson, then the next lesson (never automatic)."""
        self._go(+1)

    def action_previous(self) -> None:
        """The previous scenario, then the previous lesson's last one."""
        self._go(-1)

    def _go(self, delta: int) -> None:
        lessons = self.gapp.catalog.lessons
        step = self.step + delta
        index = self._lesson_index()
        if 0 <= step < len(self.lesson.scenarios):
            target, target_step = self.lesson, step
        elif 0 <= index + delta < len(lessons):
            target, target_step = lessons[index + delta], (0 if delta > 0 else -1)
        else:
            self.notify("That was the last lesson." if delta > 0 else "This is the first lesson.")
            return
        self._open(target.id, target_step)

    def _open(self, lesson_id: str, step: int) -> None:
        try:
            screen = LessonScreen.open(self.gapp, lesson_id, step)
        except GradreplError as error:
            self.notify(str(error), severity="error")
            return
        self.app.switch_screen(screen)

    def action_lessons(self) -> None:
        """Jump to any lesson."""
        def chosen(lesson_id: str | None) -> None:
            if lesson_id:
                self._open(lesson_id, 0)

        screen = LessonListScreen(self.gapp.catalog.lessons, self.lesson.id, self._done_ids())
        self.app.push_screen(screen, chosen)


class LessonListScreen(ModalScreen[str | None]):
    """Every lesson, the current one highlighted; enter jumps to it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close")]

    def __init__(self, lessons: list[Lesson], current: str, done: set[str] | None = None) -> None:
        super().__init__(classes="dialog")
        self.lessons = lessons
        self.current = current
        self.done = done or set()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label("Lessons", classes="dialog-title")
            options = [
                Option(f"{'✔' if lesson.id in self.done else ' '} {i + 1}. {lesson.title}", id=lesson.id)
                for i, lesson in enumerate(self.lessons)
            ]
            yield OptionList(*options, id="lesson-list")

    def on_mount(self) -> None:
        ids = [lesson.id for lesson in self.lessons]
        if self.current in ids:
            self.query_one(OptionList).highlighted = ids.index(self.current)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)
