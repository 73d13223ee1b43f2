"""``gradrepl check`` runs each framework's halves in its own lane, and reports them in scenario order.

The runner here is a stand-in that only answers ``run`` with an empty report
(no framework is involved): what is tested is when the checker calls it and
how the results are put together, not what the frameworks say.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

from gradrepl.core.report import RunReport
from gradrepl.core.request import RunRequest
from gradrepl.errors import FrameworkMissing
from gradrepl.faces.check import check_paths
from gradrepl.faces.check_formats import to_json

GOOD = Path(__file__).resolve().parents[1] / "fixtures" / "scenarios" / "good"
WAIT = 5.0


class GatedRunner:
    """torch runs wait until a TensorFlow run has begun: only concurrent lanes get past the gate."""

    def __init__(self) -> None:
        self.tf_began = threading.Event()
        self.overlapped = False
        self.calls: list[tuple[str, str]] = []

    def start(self, framework: str) -> None:
        pass

    def wait_ready(self, framework: str, timeout: float | None = None) -> None:
        pass

    def run(self, framework: str, request: RunRequest) -> RunReport:
        self.calls.append((framework, Path(request.filename).name))
        if framework == "tensorflow":
            self.tf_began.set()
        else:
            self.overlapped = self.tf_began.wait(WAIT) or self.overlapped
            time.sleep(0.05)  # torch's lane finishes last
        return RunReport(framework=framework, outcome="completed", script=request.filename)


def test_torch_and_tensorflow_halves_run_at_the_same_time() -> None:
    runner = GatedRunner()
    started = time.perf_counter()
    check = check_paths([str(GOOD)], runner=runner)
    assert runner.overlapped, f"the TF half waited for the torch half: {runner.calls}"
    assert time.perf_counter() - started < WAIT
    assert len(runner.calls) == 6  # 2 scenarios × torch + 1 × TF, starter and solution each
    # each lane says when its worker was ready and when it ended; torch's ended last here
    assert set(check.ready_s) == set(check.done_s) == {"torch", "tensorflow"}
    assert all(check.ready_s[fw] <= check.done_s[fw] <= check.duration_s for fw in check.done_s)
    assert check.done_s["tensorflow"] < check.done_s["torch"]
    document = json.loads(to_json(check))
    assert set(document["ready_s"]) == set(document["done_s"]) == {"torch", "tensorflow"}


def test_results_keep_the_scenario_order_whichever_lane_ends_first() -> None:
    check = check_paths([str(GOOD)], runner=GatedRunner())
    assert [(r.scenario, r.framework, r.phase) for r in check.results] == [
        ("detach-mini", "", "content"),
        ("detach-mini", "torch", "starter"),
        ("detach-mini", "torch", "solution"),
        ("detach-mini", "tensorflow", "starter"),
        ("detach-mini", "tensorflow", "solution"),
        ("nograd-mini", "", "content"),
        ("nograd-mini", "torch", "starter"),
        ("nograd-mini", "torch", "solution"),
    ]


class TorchMissingRunner(GatedRunner):
    """torch disappears after the check started (its first run says it is not installed)."""

    def run(self, framework: str, request: RunRequest) -> RunReport:
        if framework == "torch":
            raise FrameworkMissing("torch")
        return super().run(framework, request)


def test_a_framework_missing_mid_check_skips_its_halves_in_order() -> None:
    check = check_paths([str(GOOD)], runner=TorchMissingRunner())
    assert [(s.scenario, s.framework) for s in check.skipped] == [("detach-mini", "torch"), ("nograd-mini", "torch")]
    assert [(r.scenario, r.framework, r.phase) for r in check.results] == [
        ("detach-mini", "", "content"),
        ("detach-mini", "tensorflow", "starter"),
        ("detach-mini", "tensorflow", "solution"),
        ("nograd-mini", "", "content"),
    ]
