"""Editors' prose that links records: the home page's "In brief", an exchange's summary,
and notes.

The In brief is written in data/in-brief.md: paragraphs of text with references in double
brackets, ``[[statement:<id>]]`` after what a sentence summarises (shown as a numbered link to
the statement), and ``[[actor:<id>|words]]`` (or place, event, source, exchange) to link a
name on its first mention. The checker resolves every reference and holds every sentence to
the statements it cites, as it holds a paraphrase to its quotes (see check/inbrief.py). Notes
may link records the same way; their references are resolved too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

REFERENCE_KINDS = {
    "statement": "statements",
    "actor": "actors",
    "place": "places",
    "event": "events",
    "source": "sources",
    "exchange": "exchanges",
}
"""What a reference may name, by its prefix, and the collection it names a record of."""

REFERENCE = re.compile(r"\[\[([a-z]+):([^\]|\s]*)(?:\|([^\]]*))?\]\]")
"""``[[kind:id]]`` or ``[[kind:id|words]]``."""


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

    def cited_statements(self) -> list[str]:
        """The statements it cites, in order of first citation."""
        found: dict[str, None] = {}
        for paragraph in self.paragraphs:
            for part in paragraph:
                if part.collection == "statements" and part.record_id:
                    found.setdefault(part.record_id, None)
        return list(found)


def link_parts(text: str) -> tuple[BriefPart, ...]:
    """A text split into runs and references (the checker has resolved them): a note as
    pages show it, its references as links with their words or the record's name."""
    parts: list[BriefPart] = []
    cursor = 0
    for match in REFERENCE.finditer(text):
        if match.start() > cursor:
            parts.append(BriefPart(text[cursor : match.start()]))
        kind, record_id, words = match.group(1), match.group(2), match.group(3)
        collection = REFERENCE_KINDS.get(kind)
        shown = words.strip() if words and words.strip() else ""
        if collection is None or not record_id:
            parts.append(BriefPart(match.group(0)))
        else:
            parts.append(BriefPart(shown, collection, record_id))
        cursor = match.end()
    if cursor < len(text):
        parts.append(BriefPart(text[cursor:]))
    return tuple(parts)
