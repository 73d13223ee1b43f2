"""Tests of the app's Textual-free modules: explanation text, workspace state, drafts, catalog."""

from __future__ import annotations

from pathlib import Path

from app_helpers import HINTS, SAMPLES, fake_catalog, fake_scenario

from gradrepl.app.drafts import Draft, DraftStore, apply_draft, draft_of
from gradrepl.app.explain import ExplainInput, explanation_markdown, hints_for, run_summary
from gradrepl.app.session import Source, Workspace
from gradrepl.core import causes
from gradrepl.core.checks import Verdict
from gradrepl.core.report import ErrorInfo, Finding, GradState, RunReport, VariableInfo
from gradrepl.core.scenario import Claim


def _report(kind: str = "none", **kw: object) -> RunReport:
    var = VariableInfo("w", 1, "float32", [2], True, True, GradState(kind))  # type: ignore[arg-type]
    finding = Finding("w", "grad_none", "detach", line=6, confidence=0.9, explanation="w was detached.", fix="Keep w.")
    return RunReport(framework="torch", outcome="completed", variables=[var], findings=[finding], **kw)  # type: ignore[arg-type]


def test_the_explanation_names_target_cause_line_and_fix() -> None:
    text = explanation_markdown(ExplainInput(_report()))
    assert "`w` gets no gradient (None)" in text
    assert f"**{causes.get('detach').title}** at line 6" in text
    assert "w was detached." in text and "Fix: Keep w." in text


def test_hints_are_shown_up_to_the_number_revealed() -> None:
    hints = list(HINTS.levels())
    none = explanation_markdown(ExplainInput(_report(), hints=hints, revealed=0))
    two = explanation_markdown(ExplainInput(_report(), hints=hints, revealed=2))
    assert hints[0] not in none and "3 left" in none
    assert hints[0] in two and hints[1] in two and hints[2] not in two and "1 left" in two


def test_a_plain_script_gets_the_catalogue_hints_of_its_top_cause() -> None:
    assert hints_for([], _report()) == [h for h in causes.get("detach").hints if h.strip()]
    assert hints_for(["mine"], _report()) == ["mine"]


def test_claims_say_whether_running_agrees() -> None:
    claim = Claim("A document", "round() gives None", "round() gives zeros", "wrong")
    text = explanation_markdown(ExplainInput(_report(), claims=[claim]))
    assert "*A document* says: round() gives None" in text and "running shows this is wrong" in text


def test_checks_say_clearly_when_they_pass() -> None:
    passed = [Verdict("w", "present", True, "ok")]
    failing = [Verdict("w", "present", False, "w has no gradient"), *passed]
    assert "**All checks pass.**" in explanation_markdown(ExplainInput(_report("finite"), verdicts=passed))
    text = explanation_markdown(ExplainInput(_report(), verdicts=failing))
    assert "1 of 2 not yet passing" in text and "w has no gradient" in text


def test_run_summaries_for_every_outcome() -> None:
    assert run_summary(RunReport("torch", "completed", duration_ms=3.4)) == "ran in 3 ms"
    raised = RunReport("torch", "raised", error=ErrorInfo("ValueError", "bad", line=4))
    assert run_summary(raised).startswith("raised ValueError on line 4")
    assert "timed out" in run_summary(RunReport("torch", "timeout"))
    assert "crashed" in run_summary(RunReport("torch", "crashed", error=ErrorInfo("Crash", "killed")))


def test_a_workspace_keeps_one_buffer_per_framework() -> None:
    scenario = fake_scenario("fake-detach", "t")
    both = type(scenario)(**{**scenario.__dict__, "frameworks": ("fake", "other"),
                             "specs": (scenario.specs[0], type(scenario.specs[0])(**{**scenario.specs[0].__dict__,
                                                                                    "framework": "other"}))})
    ws = Workspace(Source.of_scenario(both), "fake")
    ws.edit("mine")
    assert ws.switch() == "other" and ws.code == (SAMPLES / "fake-detach" / "starter_fake.py").read_text()
    assert ws.switch() == "fake" and ws.code == "mine"
    assert ws.reset() == (SAMPLES / "fake-detach" / "starter_fake.py").read_text()


def test_a_workspace_drops_results_older_than_the_one_shown() -> None:
    ws = Workspace(Source.of_scenario(fake_scenario("fake-detach", "t")), "fake")
    first, _ = ws.next_request()
    second, request = ws.next_request()
    assert request.targets == ["x", "w"] and request.filename == "starter_fake.py"
    assert ws.accept(second, "fake", RunReport("fake", "completed"))
    assert not ws.accept(first, "fake", RunReport("fake", "completed"))
    assert not ws.accept(second, "fake", RunReport("fake", "cancelled"))
    assert not ws.pending


def test_drafts_never_go_back_in_time(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    assert store.save("scenario/a", Draft({"torch": "new"}), version=2)
    assert not store.save("scenario/a", Draft({"torch": "old"}), version=1)
    loaded = store.load("scenario/a")
    assert loaded is not None and loaded.buffers == {"torch": "new"}
    assert not list(tmp_path.glob("drafts/scenario/*.tmp"))


def test_an_unreadable_draft_is_ignored(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.path("scenario/a").parent.mkdir(parents=True)
    store.path("scenario/a").write_text("{not json")
    assert store.load("scenario/a") is None


def test_a_script_draft_yields_to_a_file_changed_on_disk(tmp_path: Path) -> None:
    script = tmp_path / "train.py"
    script.write_text("import fakegrad\nprint(1)\n")
    ws = Workspace(Source.of_script(script), "fake")
    assert draft_of(ws) is None  # nothing typed yet: nothing to keep
    ws.edit("print('draft')\n")
    draft = draft_of(ws)
    assert draft is not None
    fresh = Workspace(Source.of_script(script), "fake")
    assert apply_draft(draft, fresh) == [] and fresh.code == "print('draft')\n"
    script.write_text("import fakegrad\nprint(2)\n")
    changed = Workspace(Source.of_script(script), "fake")
    notes = apply_draft(draft, changed)
    assert notes and changed.code == "import fakegrad\nprint(2)\n"


def test_the_catalog_orders_searches_and_steps() -> None:
    catalog = fake_catalog()
    assert [s.id for s in catalog.scenarios] == ["fake-detach", "fake-nograd"]
    assert [s.id for s in catalog.search("no_grad")] == ["fake-nograd"]
    assert catalog.after("fake-detach") is not None and catalog.after("fake-nograd") is None
    assert [title for title, _ in catalog.groups()] == ["Cutting the graph"]


def test_saving_an_untouched_workspace_removes_its_draft(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.save("scenario/a", Draft({"fake": "typed"}), version=1)
    assert store.save("scenario/a", None, version=2)
    assert store.load("scenario/a") is None
