"""Provides markdown(): docs/causes.md rendered from the cause catalogue.

Run ``python -m gradrepl.core.catalogue_doc > docs/causes.md`` after editing
``causes.toml``; ``tests/core/test_causes.py`` fails while the two disagree.
"""

from __future__ import annotations

from gradrepl.core.causes import Cause, catalogue

_HEADER = """# The cause catalogue

Every reason gradrepl knows for a gradient that comes back None, zero or NaN
(or an error instead of a gradient). The diagnosis names one of these ids for
each target; the app, the REPL, `gradrepl why` and the lessons show the texts
below. The source of truth is `gradrepl/core/causes.toml`; this page is
generated from it (`python -m gradrepl.core.catalogue_doc > docs/causes.md`).

Where one of the source documents discusses a cause, the section lists what
the document says and what running the code on PyTorch 2.13 / TensorFlow 2.21
showed.
"""

_FRAMEWORK_NAMES = {"torch": "PyTorch", "tensorflow": "TensorFlow"}


def markdown() -> str:
    """The whole page: a table of contents, then one section per cause id."""
    entries = list(catalogue().values())
    parts = [_HEADER, "## Index\n", *(f"- [`{c.id}`](#{c.id}): {c.title}" for c in entries), ""]
    parts.extend(_section(c) for c in entries)
    return "\n".join(parts).rstrip() + "\n"


def _section(cause: Cause) -> str:
    frameworks = ", ".join(_FRAMEWORK_NAMES.get(f, f) for f in cause.frameworks)
    lines = [
        f'<a id="{cause.id}"></a>',
        f"## `{cause.id}`: {cause.title}",
        "",
        f"*Frameworks:* {frameworks}",
        "",
        cause.explanation,
        "",
        f"**Fix.** {cause.fix}",
        "",
        "**Hints**, one at a time:",
        "",
        *(f"{n}. {hint}" for n, hint in enumerate(cause.hints, start=1)),
        "",
        f"**PyTorch and TensorFlow.** {cause.framework_notes}",
        "",
    ]
    for claim in cause.claims:
        lines += [
            f"**What a source document claims** ({claim.verdict}). *{claim.document}* says: {claim.says}",
            f"Running shows: {claim.observed}",
            "",
        ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown(), end="")
