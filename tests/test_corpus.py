"""The diagnosis on the accuracy corpus (tests/corpus/<framework>/*.py), through the Runner.

Each framework's corpus runs once per session; every snippet then gets its own
test (so a failure names it), and the shares are asserted per framework:
right cause >= 95 %, right line >= 90 %, no false alarm on a healthy target.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any, Callable

import pytest

_BENCH = Path(__file__).resolve().parent.parent / "bench" / "bench_accuracy.py"
_spec = importlib.util.spec_from_file_location("bench_accuracy", _BENCH)
assert _spec is not None and _spec.loader is not None
bench = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("bench_accuracy", bench)
_spec.loader.exec_module(bench)

MARKS = {"torch": pytest.mark.torch, "tensorflow": pytest.mark.tf}
FRAMEWORKS = [fw for fw in ("torch", "tensorflow") if bench.corpus_files(fw)]
CASES = [pytest.param(fw, path, id=f"{fw}/{path.stem}", marks=MARKS[fw]) for fw in FRAMEWORKS for path in bench.corpus_files(fw)]


@pytest.fixture(scope="session")
def corpus_scores(real_runner: Any) -> Callable[[str], Any]:
    """Each framework's corpus evaluated once, on first use."""
    cache: dict[str, Any] = {}

    def get(framework: str) -> Any:
        if framework not in cache:
            cache[framework] = bench.evaluate(real_runner, framework)
        return cache[framework]

    return get


def test_every_snippet_has_a_header_per_target() -> None:
    for fw in FRAMEWORKS:
        for path in bench.corpus_files(fw):
            expects = bench.parse(path)
            for e in expects:
                assert (e.cause == "none") == (e.line is None), f"{path.name}: {e}"


@pytest.mark.parametrize("framework,path", CASES)
def test_snippet(corpus_scores: Callable[[str], Any], framework: str, path: Path) -> None:
    verdicts = [v for v in corpus_scores(framework).verdicts if v.file == path.name]
    assert verdicts, f"{path.name} was not evaluated"
    assert not [v.describe() for v in verdicts if v.error], "a target got no finding"
    assert not [v.describe() for v in verdicts if v.healthy and v.cause != "none"], "false alarm"


@pytest.mark.parametrize("framework", [pytest.param(fw, marks=MARKS[fw]) for fw in FRAMEWORKS])
def test_shares(corpus_scores: Callable[[str], Any], framework: str) -> None:
    score = corpus_scores(framework)
    misses = "\n".join(v.describe() for v in score.broken() if not (v.cause_ok and v.line_ok))
    assert score.cause_share() >= 0.95, f"right cause {score.cause_share():.1%} < 95%:\n{misses}"
    assert score.line_share() >= 0.90, f"right line {score.line_share():.1%} < 90%:\n{misses}"
    assert not score.false_alarms(), "\n".join(v.describe() for v in score.false_alarms())


@pytest.mark.torch
def test_discovery_raises_no_alarm_on_healthy_torch_programs(corpus_scores: Callable[[str], Any]) -> None:
    assert not corpus_scores("torch").discovery_alarms


@pytest.mark.torch
def test_the_torch_recorder_follows_every_corpus_run(corpus_scores: Callable[[str], Any]) -> None:
    assert not corpus_scores("torch").warnings
