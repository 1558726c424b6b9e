"""Downloads: the dataset as one JSON document, as CSV tables, and its schemas.

Researchers want the data, not only the pages. The downloads are made from the same checked
:class:`Dataset` as the pages, in the same build, so a file never says what the site does
not. Each CSV table is declared once, below, as a :class:`Table` (its columns, and where each
value comes from); both the CSV and its description in ``datapackage.json`` are produced
from that declaration, so the two cannot drift apart. Pure: bytes in memory, no disk.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from operator import attrgetter
from typing import Any, Literal

from pydantic import BaseModel

from titfortat.model import answers, vocab
from titfortat.model.dataset import Dataset
from titfortat.model.dates import parse_date
from titfortat.model.records import (
    COLLECTIONS,
    SCHEMA_VERSION,
    Actor,
    Event,
    Evidence,
    Exchange,
    Place,
    Record,
    Source,
    Statement,
    When,
    schema_text,
)
from titfortat.model.references import target, vocabulary_name

JSON_PATH = "tit-for-tat.json"
SCHEMA_PATH = "dataset.schema.json"
PACKAGE_PATH = "datapackage.json"
CSV_FOLDER = "csv"
"""File names inside the downloads folder (the site publishes it at ``urls.DOWNLOADS``)."""

LICENCES = {
    "CC-BY-4.0": ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    "CC0-1.0": ("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "MIT": ("MIT", "https://opensource.org/license/mit"),
}
"""Readable names and canonical addresses of licences, by SPDX id (others link to SPDX)."""

Cell = str | int | float | bool | None
FieldType = Literal["string", "integer", "number", "boolean", "date"]


# -- the tables ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One CSV column: its name and type, what it means, and how to read it off a row."""

    name: str
    type: FieldType
    description: str
    value: Callable[[Any], Cell]
    required: bool = False
    references: str | None = None
    """The table whose ``id`` this column holds (a foreign key)."""
    vocabulary: str | None = None
    """The closed vocabulary (a key of :data:`vocab.VOCABULARIES`) the values come from."""
    field: str | None = None
    """The field of the table's record the column holds, as a dotted path, when its name is
    not that field's name. Foreign keys and vocabularies are read off that field's
    declaration on the model, not written here."""


@dataclass(frozen=True)
class Table:
    """One CSV file: which rows it has, in data order, and its columns, in file order."""

    name: str
    description: str
    rows: Callable[[Dataset], Iterable[Any]]
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    model: type[BaseModel] | None = None
    """The record each row holds (or lists, for a link table)."""

    def __post_init__(self) -> None:
        if self.model is None:
            return
        model = self.model
        derived = tuple(
            replace(
                c,
                references=c.references or target(model, c.field or c.name),
                vocabulary=c.vocabulary or vocabulary_name(model, c.field or c.name),
            )
            for c in self.columns
        )
        object.__setattr__(self, "columns", derived)

    @property
    def path(self) -> str:
        """Where the CSV goes, inside the downloads folder."""
        return f"{CSV_FOLDER}/{self.name}.csv"


@dataclass(frozen=True)
class Listed:
    """A row of a link table: one item of a record's list field, at its 1-based position."""

    owner: str
    position: int
    item: Any


@dataclass(frozen=True)
class Nested:
    """A row for a list inside a list (a report's places, a moment's statements): its
    record's id, the inner owner's 1-based step, the item's position, the item."""

    owner: str
    report: int
    position: int
    item: Any


@dataclass(frozen=True)
class Quote:
    """A row of the evidence table: a quote and the report, state, answer, framing or event
    it backs."""

    owner_type: Literal["report", "status", "answer", "framing", "event"]
    owner_id: str
    step: int
    """The report's, state's or answer's 1-based place in the statement's list; 0 for a
    framing or an event."""
    position: int
    evidence: Evidence


def column(
    name: str,
    description: str,
    *,
    type: FieldType = "string",
    required: bool = False,
    references: str | None = None,
    field: str | None = None,
    value: Callable[[Any], Cell] | None = None,
) -> Column:
    """A column whose value is the row's attribute of the same name, unless ``value`` says."""
    return Column(
        name, type, description, value or attrgetter(name), required, references, None, field
    )


def item(name: str) -> Callable[[Listed], Cell]:
    """The value of a field of a link table's item (a membership's role...)."""
    return lambda row: getattr(row.item, name)


def date_columns(
    prefix: str,
    when_of: Callable[[Any], When | None],
    what: str,
    *,
    required: bool = False,
    field: str | None = None,
) -> tuple[Column, ...]:
    """A date as columns ``<prefix>_date``, ``<prefix>_precision``... (see :class:`When`).

    ``_date`` keeps the date as the source gives it (a day, month, year or interval, so not
    an ISO date); ``_earliest`` and ``_latest`` are the ISO days it may stand for. ``field``
    is the date's path in the table's record, when it is not ``prefix``.
    """
    path = field or prefix

    def part(read: Callable[[When], Cell]) -> Callable[[Any], Cell]:
        def value(row: object) -> Cell:
            when = when_of(row)
            return None if when is None else read(when)

        return value

    def bound(which: Literal["earliest", "latest"]) -> Callable[[When], Cell]:
        def read(when: When) -> Cell:
            parsed = parse_date(when.date, when.precision)
            assert not isinstance(parsed, str), parsed  # the checker accepted it
            day = parsed.earliest if which == "earliest" else parsed.latest
            return None if day is None else day.isoformat()

        return read

    return (
        column(
            f"{prefix}_date",
            f"{what}: YYYY-MM-DD, YYYY-MM, YYYY, or an interval START/END ('..' for an open start)",
            required=required,
            value=part(attrgetter("date")),
        ),
        column(
            f"{prefix}_precision",
            "How precise the date is",
            required=required,
            field=f"{path}.precision",
            value=part(attrgetter("precision")),
        ),
        column(
            f"{prefix}_basis",
            "How the date is known",
            required=required,
            field=f"{path}.basis",
            value=part(attrgetter("basis")),
        ),
        column(
            f"{prefix}_approximate",
            "true when the date is only about right",
            type="boolean",
            required=required,
            value=part(attrgetter("approximate")),
        ),
        column(
            f"{prefix}_source",
            "The source whose words give the date",
            field=f"{path}.source",
            value=part(attrgetter("source")),
        ),
        column(
            f"{prefix}_wording",
            "The source's own words for the date",
            value=part(attrgetter("wording")),
        ),
        column(
            f"{prefix}_reference",
            "The outside reference the date comes from",
            field=f"{path}.reference",
            value=part(attrgetter("reference")),
        ),
        column(f"{prefix}_note", "How the date was worked out", value=part(attrgetter("note"))),
        column(
            f"{prefix}_earliest",
            "The first day the date may stand for (empty for an open start)",
            type="date",
            value=part(bound("earliest")),
        ),
        column(
            f"{prefix}_latest",
            "The last day the date may stand for",
            type="date",
            required=required,
            value=part(bound("latest")),
        ),
    )


def link_table(
    name: str,
    description: str,
    owner: tuple[str, str],
    lists: Callable[[Dataset], Iterable[tuple[str, Sequence[Any]]]],
    columns: tuple[Column, ...],
    model: type[BaseModel],
) -> Table:
    """A table for a list field: one row per item, keyed by its owner's id and position.

    ``owner`` is the owner's table and the name of the column holding its id.
    """
    owner_table, owner_column = owner

    def rows(dataset: Dataset) -> Iterator[Listed]:
        for owner_id, items in lists(dataset):
            for position, value in enumerate(items, start=1):
                yield Listed(owner_id, position, value)

    return Table(
        name,
        description,
        rows,
        (
            column(
                owner_column,
                f"The {owner_table[:-1]} the list belongs to",
                required=True,
                references=owner_table,
                value=attrgetter("owner"),
            ),
            column("position", "1-based place in the list", type="integer", required=True),
            *columns,
        ),
        (owner_column, "position"),
        model,
    )


def _quotes(dataset: Dataset) -> Iterator[Quote]:
    for event in dataset.events.values():
        for position, evidence in enumerate(event.evidence, start=1):
            yield Quote("event", event.id, 0, position, evidence)
    for statement in dataset.statements.values():
        for step, report in enumerate(statement.reports, start=1):
            for position, evidence in enumerate(report.evidence(), start=1):
                yield Quote("report", statement.id, step, position, evidence)
        for step, entry in enumerate(statement.status, start=1):
            for position, evidence in enumerate(entry.evidence, start=1):
                yield Quote("status", statement.id, step, position, evidence)
        for step, given in enumerate(statement.answers, start=1):
            for position, evidence in enumerate(given.evidence, start=1):
                yield Quote("answer", statement.id, step, position, evidence)
        if statement.framing is not None:
            for position, evidence in enumerate(statement.framing.evidence, start=1):
                yield Quote("framing", statement.id, 0, position, evidence)


def _current(dataset: Dataset) -> Callable[[Statement], answers.Step]:
    """The current state of a statement (model.answers), with the answers worked out once."""
    answering = answers.answers_to(dataset)
    return lambda statement: answers.current(statement, dataset, answering)


def _coordinate(name: str) -> Callable[[Any], Cell]:
    return lambda place: None if place.coordinates is None else getattr(place.coordinates, name)


TABLES: tuple[Table, ...] = (
    Table(
        "sources",
        "Sources: the reports statements are quoted from (with a stored text), and the "
        "outside references that pin dates.",
        lambda dataset: dataset.sources.values(),
        (
            column("id", "Unique id", required=True),
            column("title", "Title", required=True),
            column("kind", "Kind of source", required=True),
            column("author", "Author, as printed"),
            column(
                "author_actor", "The author as an actor, when statements are in their own voice"
            ),
            column("publisher", "Publisher"),
            column(
                "copy_of",
                "For a republished copy: the original's publisher, as far as known",
            ),
            column("url", "The original's web address"),
            column("archive_url", "An archived copy of the original"),
            *date_columns("published", attrgetter("published"), "When it was published"),
            column("language", "ISO 639 language code", required=True),
            column(
                "text",
                "Path of the stored excerpt in the repository, under data/: the quoted "
                "paragraphs under their numbers in the original; empty for a date reference "
                "(the text itself is not published)",
            ),
            column(
                "original_paragraphs",
                "How many paragraphs the original has (as far as the copy read goes, when "
                "capture_complete is false); every one is stored or in source_ledger.csv",
                type="integer",
            ),
            column(
                "capture_complete",
                "false when the copy read stops before the original's end",
                type="boolean",
            ),
            column("superseded_by", "A better report of the same text that replaces it"),
            column("note", "Note"),
        ),
        ("id",),
        Source,
    ),
    link_table(
        "source_ledger",
        "The paragraphs of each source's original that are not stored, and why they are not "
        "coded (every other paragraph is stored and quoted).",
        ("sources", "source_id"),
        lambda dataset: ((s.id, s.ledger) for s in dataset.sources.values()),
        (
            column(
                "paragraphs",
                "Their numbers in the original, separated by '; '",
                required=True,
                value=lambda row: "; ".join(str(n) for n in row.item.paragraphs),
            ),
            column(
                "reason",
                "Why they are not coded",
                required=True,
                field="ledger.reason",
                value=item("reason"),
            ),
            column("note", "What they hold", value=item("note")),
        ),
        Source,
    ),
    Table(
        "actors",
        "Actors: anyone who speaks, is spoken about, or takes part in an event.",
        lambda dataset: dataset.actors.values(),
        (
            column("id", "Unique id", required=True),
            column("name", "Name", required=True),
            column("short_name", "Shorter name used in tables; empty: the name"),
            column("type", "Type of actor", required=True),
            column("description", "Who the actor is", required=True),
            column("country", "The actor's country"),
        ),
        ("id",),
        Actor,
    ),
    link_table(
        "actor_other_names",
        "Other names and spellings of actors, one per row.",
        ("actors", "actor_id"),
        lambda dataset: ((a.id, a.other_names) for a in dataset.actors.values()),
        (column("name", "Another name in use", required=True, value=attrgetter("item")),),
        Actor,
    ),
    link_table(
        "actor_aliases",
        'Names a side uses for an actor ("Fitna al-Khawarij" for the TTP), with who uses them.',
        ("actors", "actor_id"),
        lambda dataset: ((a.id, a.aliases) for a in dataset.actors.values()),
        (
            column("name", "The name", required=True, value=item("name")),
            column("used_by", "Who uses it", field="aliases.used_by", value=item("used_by")),
            column("note", "Since when, and what it says", value=item("note")),
        ),
        Actor,
    ),
    link_table(
        "memberships",
        "Memberships: a person's or unit's place in an organisation.",
        ("actors", "actor_id"),
        lambda dataset: ((a.id, a.memberships) for a in dataset.actors.values()),
        (
            column(
                "organization_id",
                "The organisation",
                required=True,
                field="memberships.organization",
                value=item("organization"),
            ),
            column(
                "role",
                "Role in it",
                required=True,
                field="memberships.role",
                value=item("role"),
            ),
            column("title", "The title held", value=item("title")),
            column("start", "When it began, where it matters", value=item("start")),
            column("end", "When it ended, where it matters", value=item("end")),
            column("note", "Note", value=item("note")),
        ),
        Actor,
    ),
    Table(
        "places",
        "Places, each inside its parent.",
        lambda dataset: dataset.places.values(),
        (
            column("id", "Unique id", required=True),
            column("name", "Name", required=True),
            column("kind", "Kind of place", required=True),
            column("parent", "The place it is inside"),
            column(
                "latitude",
                "WGS 84 latitude, decimal degrees",
                type="number",
                value=_coordinate("latitude"),
            ),
            column(
                "longitude",
                "WGS 84 longitude, decimal degrees",
                type="number",
                value=_coordinate("longitude"),
            ),
        ),
        ("id",),
        Place,
    ),
    link_table(
        "place_other_names",
        "Other names and spellings of places, one per row.",
        ("places", "place_id"),
        lambda dataset: ((p.id, p.other_names) for p in dataset.places.values()),
        (column("name", "Another name in use", required=True, value=attrgetter("item")),),
        Place,
    ),
    Table(
        "events",
        "Events: things that happened, as the sources mention them.",
        lambda dataset: dataset.events.values(),
        (
            column("id", "Unique id", required=True),
            column("title", "Title", required=True),
            column("kind", "Kind of event", required=True),
            *date_columns("date", attrgetter("date"), "When it happened"),
            column("cameo", "CAMEO event code"),
            column("source", "For a publication: the source that was published"),
            column("note", "What an outside reference adds"),
        ),
        ("id",),
        Event,
    ),
    link_table(
        "event_places",
        "Where each event happened.",
        ("events", "event_id"),
        lambda dataset: ((e.id, e.places) for e in dataset.events.values()),
        (column("place_id", "A place", required=True, field="places", value=attrgetter("item")),),
        Event,
    ),
    link_table(
        "event_actors",
        "Who took part in each event.",
        ("events", "event_id"),
        lambda dataset: ((e.id, e.actors) for e in dataset.events.values()),
        (column("actor_id", "An actor", required=True, field="actors", value=attrgetter("item")),),
        Event,
    ),
    Table(
        "statements",
        "Statements: one act of saying (an allegation, a concern, an answer, a standing "
        "position), by whom, about whom, when, with its current state. Each is listed once "
        "however many sources report it: the reports are in reports.csv, the quotes in "
        "evidence.csv.",
        lambda dataset: ((s, _current(dataset)) for s in dataset.statements.values()),
        (
            column("id", "Unique id", required=True, value=lambda row: row[0].id),
            column("kind", "Kind of statement", required=True, value=lambda row: row[0].kind),
            column("by", "Who says it", required=True, value=lambda row: row[0].by),
            column("speaker", "The person who said it, if named", value=lambda row: row[0].speaker),
            column(
                "about",
                "Whom it is about (for a denial, whose allegation it rejects)",
                value=lambda row: row[0].about,
            ),
            column(
                "allegation",
                "What it alleges, denies or speaks to",
                required=True,
                value=lambda row: row[0].allegation,
            ),
            column(
                "backer",
                "The third state it names as backing a group, if any",
                value=lambda row: row[0].backer,
            ),
            *date_columns("said", lambda row: row[0].said, "When it was said", required=True),
            column(
                "title", "The editor's title, where there is one", value=lambda row: row[0].title
            ),
            column(
                "paraphrase",
                "What was said, in the editor's words, checked against the quotes of each "
                "report that gives it whole",
                required=True,
                value=lambda row: row[0].paraphrase,
            ),
            column(
                "current_state",
                "Whether it has been answered: the latest state, set by an answer a source "
                "ties to it, or by what a source says (status.csv and answers.csv have every "
                "step)",
                required=True,
                field="status.state",
                value=lambda row: row[1](row[0]).state,
            ),
            column(
                "current_as_of",
                "The source the current state is as of; empty when no source reports any",
                references="sources",
                value=lambda row: row[1](row[0]).as_of or None,
            ),
            column(
                "restates",
                "An earlier statement that made the same allegation",
                value=lambda row: row[0].restates,
            ),
            column(
                "framing_statement",
                "The statement a source presents this one as a response to",
                field="framing.statement",
                value=lambda row: row[0].framing.statement if row[0].framing else None,
            ),
            column(
                "framing_framed_by",
                "The source that presents it so (its words are in evidence.csv, owner_type "
                "framing)",
                field="framing.framed_by",
                value=lambda row: row[0].framing.framed_by if row[0].framing else None,
            ),
            column(
                "framing_framer",
                "Who presents it so in that source, when not the source itself",
                field="framing.framer",
                value=lambda row: row[0].framing.framer if row[0].framing else None,
            ),
            column(
                "framing_note",
                "Note on the framing",
                value=lambda row: row[0].framing.note if row[0].framing else None,
            ),
            column("cameo", "CAMEO event code", required=True, value=lambda row: row[0].cameo),
            column("note", "Note", value=lambda row: row[0].note),
        ),
        ("id",),
        Statement,
    ),
    link_table(
        "reports",
        "Reports: each source's report of a statement, with its own wording where it differs "
        "(its quotes are in evidence.csv, owner_type report, with the report's step).",
        ("statements", "statement_id"),
        lambda dataset: ((s.id, s.reports) for s in dataset.statements.values()),
        (
            column(
                "source_id",
                "The source that reports it",
                required=True,
                field="reports.source",
                value=item("source"),
            ),
            column(
                "paraphrase",
                "Only when the report gives part of the statement: that part, checked against "
                "its quotes alone (empty: it gives the whole)",
                value=item("paraphrase"),
            ),
            column(
                "accused_as",
                "Whom it says the statement is about, in its words",
                value=item("accused_as"),
            ),
            column("speaker_as", "The speaker's title in its words", value=item("speaker_as")),
            column(
                "groups_as",
                "The groups as it names them, separated by '; '",
                value=lambda row: "; ".join(row.item.groups_as) or None,
            ),
            *date_columns(
                "said",
                lambda row: row.item.said,
                "The date as this report gives it, where it differs",
                field="reports.said",
            ),
            column("note", "Note on the report", value=item("note")),
        ),
        Statement,
    ),
    Table(
        "report_places",
        "The places a report names, where it names fewer than its statement (a report that "
        "lists none names them all).",
        lambda dataset: (
            Nested(statement.id, step, position, place_id)
            for statement in dataset.statements.values()
            for step, report in enumerate(statement.reports, start=1)
            for position, place_id in enumerate(report.places or (), start=1)
        ),
        (
            column(
                "statement_id",
                "The statement reported",
                required=True,
                references="statements",
                value=attrgetter("owner"),
            ),
            column("report", "The report's step, as in reports.csv", type="integer", required=True),
            column("position", "1-based place in the list", type="integer", required=True),
            column(
                "place_id",
                "A place",
                required=True,
                field="reports.places",
                value=attrgetter("item"),
            ),
        ),
        ("statement_id", "report", "position"),
        Statement,
    ),
    link_table(
        "answers",
        "Answers: a statement answering another, where a source ties it to it; it sets the "
        "answered statement's state from its date on (the tying words are in evidence.csv, "
        "owner_type answer).",
        ("statements", "statement_id"),
        lambda dataset: ((s.id, s.answers) for s in dataset.statements.values()),
        (
            column(
                "answers_statement_id",
                "The statement it answers",
                required=True,
                field="answers.statement",
                value=item("statement"),
            ),
            column(
                "state",
                "The state it sets",
                required=True,
                field="answers.state",
                value=item("state"),
            ),
            column(
                "tie",
                "How a source ties it to that statement",
                required=True,
                field="answers.tie",
                value=item("tie"),
            ),
            column("note", "Note on the answer", value=item("note")),
        ),
        Statement,
    ),
    link_table(
        "status",
        "What sources say of a statement's answers when there is none to record (no response, "
        "no official response), oldest first (their quotes are in evidence.csv, owner_type "
        "status, with the step).",
        ("statements", "statement_id"),
        lambda dataset: ((s.id, s.status) for s in dataset.statements.values()),
        (
            column(
                "state",
                "What the source says",
                required=True,
                field="status.state",
                value=item("state"),
            ),
            column(
                "as_of",
                "The source that says it, as of its date",
                required=True,
                field="status.as_of",
                value=item("as_of"),
            ),
            *date_columns(
                "date",
                lambda row: row.item.date,
                "When the state began, when it has its own date (else the as_of source's)",
                field="status.date",
            ),
            column("note", "Note on the state", value=item("note")),
        ),
        Statement,
    ),
    link_table(
        "statement_groups",
        "The armed groups each statement is about.",
        ("statements", "statement_id"),
        lambda dataset: ((s.id, s.groups) for s in dataset.statements.values()),
        (column("group_id", "A group", required=True, field="groups", value=attrgetter("item")),),
        Statement,
    ),
    link_table(
        "statement_covers",
        "For a standing position, the allegation types it speaks to besides its own.",
        ("statements", "statement_id"),
        lambda dataset: ((s.id, s.covers) for s in dataset.statements.values()),
        (
            column(
                "allegation",
                "An allegation type",
                required=True,
                field="covers",
                value=attrgetter("item"),
            ),
        ),
        Statement,
    ),
    link_table(
        "statement_editorial_words",
        "Words of a statement's paraphrase that its quotes do not contain, each with the reason.",
        ("statements", "statement_id"),
        lambda dataset: ((s.id, s.editorial_words) for s in dataset.statements.values()),
        (
            column("word", "The word", required=True, value=item("word")),
            column("reason", "Why it is used", required=True, value=item("reason")),
        ),
        Statement,
    ),
    link_table(
        "statement_places",
        "The places each statement names.",
        ("statements", "statement_id"),
        lambda dataset: ((s.id, s.places) for s in dataset.statements.values()),
        (column("place_id", "A place", required=True, field="places", value=attrgetter("item")),),
        Statement,
    ),
    link_table(
        "statement_events",
        "The events each statement refers to.",
        ("statements", "statement_id"),
        lambda dataset: ((s.id, s.events) for s in dataset.statements.values()),
        (column("event_id", "An event", required=True, field="events", value=attrgetter("item")),),
        Statement,
    ),
    link_table(
        "statement_former_ids",
        "Ids each statement was published under before (a record merged into it, or renamed); "
        "each old address leads to the statement's page.",
        ("statements", "statement_id"),
        lambda dataset: ((s.id, s.formerly) for s in dataset.statements.values()),
        (
            column(
                "former_id",
                "An id no longer in use",
                required=True,
                field="formerly",
                value=attrgetter("item"),
            ),
        ),
        Statement,
    ),
    Table(
        "exchanges",
        "Exchanges: the dispute round by round, each with its dates and an editor's "
        "summary that cites its statements as [[statement:<id>]].",
        lambda dataset: dataset.exchanges.values(),
        (
            column("id", "Unique id", required=True),
            column("title", "Title", required=True),
            *date_columns(
                "period",
                attrgetter("period"),
                "From its first statement to its last",
                required=True,
            ),
            column("summary", "The editor's summary", required=True),
            column("note", "Note"),
        ),
        ("id",),
        Exchange,
    ),
    link_table(
        "exchange_statements",
        "The statements of each exchange.",
        ("exchanges", "exchange_id"),
        lambda dataset: ((x.id, x.statements) for x in dataset.exchanges.values()),
        (
            column(
                "statement_id",
                "A statement",
                required=True,
                field="statements",
                value=attrgetter("item"),
            ),
        ),
        Exchange,
    ),
    link_table(
        "exchange_moments",
        "The moments the timeline chart labels in words, in each exchange.",
        ("exchanges", "exchange_id"),
        lambda dataset: ((x.id, x.moments) for x in dataset.exchanges.values()),
        (column("label", "The words on the chart", required=True, value=item("label")),),
        Exchange,
    ),
    Table(
        "moment_statements",
        "The statements each moment cites.",
        lambda dataset: (
            Nested(exchange.id, step, position, statement_id)
            for exchange in dataset.exchanges.values()
            for step, moment in enumerate(exchange.moments, start=1)
            for position, statement_id in enumerate(moment.statements, start=1)
        ),
        (
            column(
                "exchange_id",
                "The exchange",
                required=True,
                references="exchanges",
                value=attrgetter("owner"),
            ),
            column(
                "moment",
                "The moment's position, as in exchange_moments.csv",
                type="integer",
                required=True,
                value=attrgetter("report"),
            ),
            column("position", "1-based place in the list", type="integer", required=True),
            column(
                "statement_id",
                "A statement",
                required=True,
                field="moments.statements",
                value=attrgetter("item"),
            ),
        ),
        ("exchange_id", "moment", "position"),
        Exchange,
    ),
    Table(
        "evidence",
        "Evidence: every quote, verbatim from its source's paragraph. owner_type says what "
        "owner_id is: a statement (report: a report's quotes, the report numbered by step as "
        "in reports.csv; status: what a source says of its answers, by step; answer: the words "
        "that tie it, as an answer, to the statement it answers, by step as in answers.csv; "
        "framing: the passage that presents it as a response; all in statements.csv) or an "
        "event (events.csv).",
        _quotes,
        (
            column("owner_type", "report, status, answer, framing or event", required=True),
            column("owner_id", "The id of the statement or event", required=True),
            column(
                "step",
                "For a report, a state or an answer, its 1-based place in the statement's "
                "list; 0 otherwise",
                type="integer",
                required=True,
            ),
            column("position", "1-based place in the owner's list", type="integer", required=True),
            column(
                "source_id",
                "The source quoted",
                required=True,
                field="source",
                value=attrgetter("evidence.source"),
            ),
            column(
                "paragraph",
                "The paragraph's number in the original (the stored excerpt keeps it)",
                type="integer",
                required=True,
                value=attrgetter("evidence.paragraph"),
            ),
            column(
                "quote",
                "The quote, copied exactly; '…' or '...' marks an elision",
                required=True,
                value=attrgetter("evidence.quote"),
            ),
        ),
        ("owner_type", "owner_id", "step", "position"),
        Evidence,
    ),
)
"""Every CSV table, in the order the data package lists them."""


# -- the files ----------------------------------------------------------------------------


def _cell(value: Cell) -> str:
    """A CSV cell: empty for no value, ``true``/``false``, numbers as Python writes them."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def table_csv(table: Table, dataset: Dataset) -> bytes:
    """One table as UTF-8 CSV with a header row, rows in data order."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(c.name for c in table.columns)
    for row in table.rows(dataset):
        writer.writerow(_cell(c.value(row)) for c in table.columns)
    return buffer.getvalue().encode("utf-8")


def _json(value: object) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def dataset_json(dataset: Dataset) -> bytes:
    """The whole dataset as one JSON document, every field present (empty ones as null)."""
    document: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "dataset": dataset.info.model_dump(mode="json"),
    }
    for kind in COLLECTIONS:
        records: Mapping[str, Record] = getattr(dataset, kind)
        document[kind] = [record.model_dump(mode="json") for record in records.values()]
    return _json(document)


def licence(spdx: str) -> tuple[str, str]:
    """A licence's readable name and address."""
    return LICENCES.get(spdx, (spdx, f"https://spdx.org/licenses/{spdx}.html"))


def _field(spec: Column) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "name": spec.name,
        "type": spec.type,
        "description": spec.description,
    }
    constraints: dict[str, Any] = {}
    if spec.required:
        constraints["required"] = True
    if spec.vocabulary is not None:
        constraints["enum"] = [term.value for term in vocab.VOCABULARIES[spec.vocabulary]]
    if constraints:
        descriptor["constraints"] = constraints
    return descriptor


def _resource(table: Table, data: bytes) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [_field(c) for c in table.columns],
        "primaryKey": list(table.primary_key),
        "missingValues": [""],
    }
    foreign_keys = [
        {
            "fields": c.name,
            # "" is the table itself (a place inside a place, a claim answering a claim).
            "reference": {
                "resource": "" if c.references == table.name else c.references,
                "fields": "id",
            },
        }
        for c in table.columns
        if c.references is not None
    ]
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return {
        "name": table.name,
        "path": table.path,
        "profile": "tabular-data-resource",
        "description": table.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
        "dialect": {
            "delimiter": ",",
            "lineTerminator": "\n",
            "quoteChar": '"',
            "doubleQuote": True,
            "header": True,
        },
        "schema": schema,
    }


def data_package(dataset: Dataset, homepage: str, tables: Mapping[str, bytes]) -> bytes:
    """The Frictionless Data Package that describes the CSV tables (paths relative to it).

    ``homepage`` is the absolute address of the downloads page.
    """
    info = dataset.info
    name, url = licence(info.licence)
    package = {
        "profile": "tabular-data-package",
        "name": "tit-for-tat",
        "title": info.title,
        "description": info.description,
        "version": info.version,
        "created": f"{info.released}T00:00:00Z",  # the spec wants a datetime: release day
        "homepage": homepage,
        "licenses": [{"name": info.licence, "title": name, "path": url}],
        "contributors": [{"title": creator, "role": "author"} for creator in info.creators],
        "sources": [
            {"title": source.title, **({"path": source.url} if source.url else {})}
            for source in dataset.sources.values()
            if source.text is not None
        ],
        "resources": [_resource(table, tables[table.path]) for table in TABLES],
    }
    return _json(package)


def build_downloads(dataset: Dataset, homepage: str) -> dict[str, bytes]:
    """Every download, by its path inside the downloads folder."""
    tables = {table.path: table_csv(table, dataset) for table in TABLES}
    return {
        JSON_PATH: dataset_json(dataset),
        SCHEMA_PATH: schema_text().encode("utf-8"),
        PACKAGE_PATH: data_package(dataset, homepage, tables),
        **tables,
    }
