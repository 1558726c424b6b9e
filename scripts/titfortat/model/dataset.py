"""The checked dataset: what every later stage (planning, exports) works from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from titfortat.model.inbrief import InBrief
from titfortat.model.quotes import Paragraphs
from titfortat.model.records import (
    Actor,
    DatasetInfo,
    Event,
    Exchange,
    Place,
    Source,
    Statement,
)


@dataclass(frozen=True)
class Origin:
    """Where a record was written, for messages and "edit this record" links."""

    path: str
    line: int


@dataclass(frozen=True)
class Stats:
    """What the checker did, for the data health page."""

    files: int
    texts: int
    records: Mapping[str, int]
    quotes_verified: int
    wordings_verified: int
    references_resolved: int


@dataclass(frozen=True)
class Dataset:
    """A dataset that passed every check. Records keep the order they were written in."""

    info: DatasetInfo
    sources: Mapping[str, Source]
    actors: Mapping[str, Actor]
    places: Mapping[str, Place]
    events: Mapping[str, Event]
    statements: Mapping[str, Statement]
    exchanges: Mapping[str, Exchange]
    paragraphs: Mapping[str, Paragraphs]
    origins: Mapping[tuple[str, str], Origin]
    stats: Stats
    in_brief: InBrief | None = None
    """The editor's summary for the home page, checked like a paraphrase."""
