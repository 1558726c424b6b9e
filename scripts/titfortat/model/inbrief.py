"""The home page's "In brief": an editor's summary of the dispute, in plain prose, in which
every sentence cites the claims it summarises.

It is written in data/in-brief.md: paragraphs of text with references in double brackets,
``[[claim:<id>]]`` after what a sentence summarises (shown as a numbered link to the claim),
and ``[[actor:<id>|words]]`` (or place, event, source) to link a name on its first mention.
The checker resolves every reference and holds every sentence to the claims it cites, as it
holds a paraphrase to its quotes (see check/inbrief.py).
"""

from __future__ import annotations

from dataclasses import dataclass

REFERENCE_KINDS = {
    "claim": "claims",
    "actor": "actors",
    "place": "places",
    "event": "events",
    "source": "sources",
}
"""What a reference may name, by its prefix, and the collection it names a record of."""


@dataclass(frozen=True)
class BriefPart:
    """A run of text, or a reference (with the words it shows, if any)."""

    text: str
    collection: str | None = None
    record_id: str | None = None


@dataclass(frozen=True)
class InBrief:
    """The summary: paragraphs of parts, as written."""

    paragraphs: tuple[tuple[BriefPart, ...], ...]
    path: str
    """The file it was read from, for the "edit" link."""

    def cited_claims(self) -> list[str]:
        """The claims it cites, in order of first citation."""
        found: dict[str, None] = {}
        for paragraph in self.paragraphs:
            for part in paragraph:
                if part.collection == "claims" and part.record_id:
                    found.setdefault(part.record_id, None)
        return list(found)
