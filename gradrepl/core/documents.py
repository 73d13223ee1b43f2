"""Provides the titles of the source documents scenarios and causes may cite.

gradrepl's content is written in its own words; a scenario names a document
only by its title, to say what the document claims and what running shows.
"""

from __future__ import annotations

KNOWN: tuple[str, ...] = (
    "Why are gradients not computed for any variable when `get_grads` is defined?",
    "Why are no gradients being calculated for 'x_hat'?",
)


def is_known(title: str) -> bool:
    return title in KNOWN
