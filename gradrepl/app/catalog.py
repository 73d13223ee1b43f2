"""Provides Catalog: the course's lessons and scenarios in order, searchable (no Textual).

Scenarios are ordered by their lesson (the lesson's order, then the order the
lesson lists them in); scenarios of no known lesson come last, by id. The
user's own scenarios (``gradrepl.core.sources``) join the lesson they name when
it exists, after the lesson's own; the others form a last group, "Your
scenarios". A bad scenario or lesson file, or a broken user source, does not
stop the app: its error is kept and shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from gradrepl.core.content import content_root
from gradrepl.core.lesson import Lesson, load_lessons
from gradrepl.core.scenario import Scenario
from gradrepl.core.sources import load_all_scenarios
from gradrepl.errors import GradreplError

USER_GROUP = "Your scenarios"
"""The group of user scenarios that name no lesson of the course."""


@dataclass
class Catalog:
    """Everything a learner can open, in course order."""

    lessons: list[Lesson] = field(default_factory=list)
    scenarios: list[Scenario] = field(default_factory=list)
    errors: list[GradreplError] = field(default_factory=list)

    @classmethod
    def load(cls, content: Path | None = None) -> Catalog:
        """Read the lessons and scenarios of the content in use (``--content`` or the default)."""
        try:
            root = content_root(content)
        except GradreplError as error:
            return cls(errors=[error])
        lessons, lesson_errors = load_lessons([root / "lessons"]) if (root / "lessons").is_dir() else ([], [])
        scenarios, scenario_errors = load_all_scenarios(root)
        catalog = cls(lessons, [], lesson_errors + scenario_errors)
        catalog.scenarios = catalog._ordered(scenarios)
        return catalog

    def _ordered(self, scenarios: list[Scenario]) -> list[Scenario]:
        rank: dict[str, tuple[int, int]] = {}
        for li, lesson in enumerate(self.lessons):
            for si, sid in enumerate(lesson.scenarios):
                rank.setdefault(sid, (li, si))
        lesson_rank = {lesson.id: li for li, lesson in enumerate(self.lessons)}
        last = len(self.lessons)

        def key(s: Scenario) -> tuple[int, int, str, str]:
            if s.origin and s.lesson not in lesson_rank:
                return (last + 1, 0, "", s.id)  # after every lesson and the content's strays
            li, si = rank.get(s.id, (lesson_rank.get(s.lesson, last), 10_000))
            return (li, si, s.lesson, s.id)

        return sorted(scenarios, key=key)

    def scenario(self, sid: str) -> Scenario | None:
        return next((s for s in self.scenarios if s.id == sid), None)

    def lesson(self, lid: str) -> Lesson | None:
        return next((lesson for lesson in self.lessons if lesson.id == lid), None)

    def after(self, sid: str, step: int = 1) -> Scenario | None:
        """The scenario ``step`` places after (or before, when negative) ``sid`` in course order."""
        ids = [s.id for s in self.scenarios]
        if sid not in ids:
            return None
        index = ids.index(sid) + step
        return self.scenarios[index] if 0 <= index < len(ids) else None

    def groups(self) -> list[tuple[str, list[Scenario]]]:
        """Scenarios grouped under their lesson's title, in course order."""
        out: list[tuple[str, list[Scenario]]] = []
        for scenario in self.scenarios:
            lesson = self.lesson(scenario.lesson)
            title = lesson.title if lesson else USER_GROUP if scenario.origin else scenario.lesson
            if not out or out[-1][0] != title:
                out.append((title, []))
            out[-1][1].append(scenario)
        return out

    def search(self, query: str) -> list[Scenario]:
        """Scenarios whose id, title, summary or lesson contain every word of ``query``."""
        words = query.lower().split()
        if not words:
            return list(self.scenarios)
        return [s for s in self.scenarios if all(w in _haystack(s) for w in words)]


def _haystack(scenario: Scenario) -> str:
    words = (scenario.id, scenario.title, scenario.summary, scenario.lesson, scenario.origin, *scenario.frameworks)
    return " ".join(words).lower()
