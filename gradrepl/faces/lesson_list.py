"""Provides render_list(): the course as text, with a mark per lesson and scenario.

Marks: ``✓`` solved in every framework the scenario has, ``◐`` in some,
``·`` not yet; ``▸`` points at the current lesson. A lesson is ``✓`` when all
its scenarios are.
"""

from __future__ import annotations

from gradrepl.core.lesson import Lesson
from gradrepl.core.progress import Progress
from gradrepl.core.scenario import Scenario

DONE, PARTLY, TODO, CURRENT = "✓", "◐", "·", "▸"


def scenario_mark(scenario: Scenario | None, sid: str, progress: Progress) -> str:
    if scenario is None:
        return DONE if progress.is_solved(sid) else TODO
    done = [fw for fw in scenario.frameworks if progress.is_solved(sid, fw)]
    if len(done) == len(scenario.frameworks):
        return DONE
    return PARTLY if done else TODO


def lesson_mark(lesson: Lesson, scenarios: dict[str, Scenario], progress: Progress) -> str:
    marks = {scenario_mark(scenarios.get(sid), sid, progress) for sid in lesson.scenarios}
    if marks == {DONE}:
        return DONE
    return PARTLY if marks & {DONE, PARTLY} else TODO


def render_list(
    lessons: list[Lesson], scenarios: dict[str, Scenario], progress: Progress, yours: list[Scenario] | None = None
) -> str:
    """The course, one line per lesson and one indented line per scenario; then ``yours``
    (the user's own scenarios, from ``gradrepl.core.sources``) with the lesson each names."""
    if not lessons and not yours:
        return "No lessons were found.\n"
    lines = []
    solved_total = 0
    scenario_total = 0
    for lesson in lessons:
        pointer = CURRENT if lesson.id == progress.current_lesson else " "
        marks = [scenario_mark(scenarios.get(sid), sid, progress) for sid in lesson.scenarios]
        solved = marks.count(DONE)
        solved_total += solved
        scenario_total += len(marks)
        count = f"{solved}/{len(marks)}"
        lines.append(f"{pointer} {lesson_mark(lesson, scenarios, progress)} {lesson.id:<32} {lesson.title}  [{count}]")
        for sid, mark in zip(lesson.scenarios, marks):
            scenario = scenarios.get(sid)
            frameworks = ", ".join(f for f in (scenario.frameworks if scenario else ()) if progress.is_solved(sid, f))
            solved_in = f"  (solved: {frameworks})" if frameworks and mark != DONE else ""
            title = scenario.title if scenario else "(scenario not found)"
            lines.append(f"      {mark} {sid:<30} {title}{solved_in}")
    if yours:
        lines.append("  Your scenarios")
        for scenario in yours:
            lines.append(f"      {scenario_mark(scenario, scenario.id, progress)} {scenario.id:<30} {scenario.title}  ({scenario.lesson})")
    lines.append("")
    lines.append(f"{solved_total} of {scenario_total} scenarios solved.  {DONE} solved  {PARTLY} partly solved  {TODO} to do  {CURRENT} current lesson")
    return "\n".join(lines) + "\n"
