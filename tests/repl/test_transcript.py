"""Tests for the Transcript: inputs numbered as one script, saved with failures commented out."""

from __future__ import annotations

from gradrepl.repl.transcript import Transcript


def test_inputs_continue_each_others_line_numbers() -> None:
    transcript = Transcript()
    first = transcript.add("a = 1\nb = 2\n")
    second = transcript.add("c = a + b")
    assert (first.first_line, first.last_line) == (1, 2)
    assert second.first_line == 3
    assert transcript.positioned(second, "c = a + b") == "\n\nc = a + b"
    assert transcript.line(3) == "c = a + b"
    assert transcript.line(4) is None
    assert transcript.source() == "a = 1\nb = 2\nc = a + b"


def test_script_comments_out_failed_inputs_and_keeps_line_count() -> None:
    transcript = Transcript()
    for source, outcome in [("a = 1", "completed"), ("b = (a /\n 0)", "raised"), ("c = 2", "lost"), ("d", "interrupted")]:
        transcript.add(source).outcome = outcome  # type: ignore[assignment]
    script = transcript.script()
    assert script == "a = 1\n# (raised) b = (a /\n#  0)\nc = 2\n# (was interrupted) d\n"
    assert script.count("\n") == transcript.entries[-1].last_line


def test_an_empty_transcript_saves_as_nothing() -> None:
    assert Transcript().script() == ""
