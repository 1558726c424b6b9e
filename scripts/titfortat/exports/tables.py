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

from titfortat.model import vocab
from titfortat.model.dataset import Dataset
from titfortat.model.dates import parse_date
from titfortat.model.records import (
    COLLECTIONS,
    SCHEMA_VERSION,
    Actor,
    Claim,
    Event,
    Evidence,
    Place,
    Record,
    Source,
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
class Quote:
    """A row of the evidence table: a quote and the claim, status or event it backs."""

    owner_type: Literal["claim", "status", "framing", "event"]
    owner_id: str
    step: int
    """For a state's quotes, its step in the claim's answers over time; 0 otherwise."""
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
    for claim in dataset.claims.values():
        for position, evidence in enumerate(claim.evidence, start=1):
            yield Quote("claim", claim.id, 0, position, evidence)
        for step, entry in enumerate(claim.status, start=1):
            for position, evidence in enumerate(entry.evidence, start=1):
                yield Quote("status", claim.id, step, position, evidence)
        if claim.answers is not None:
            for position, evidence in enumerate(claim.answers.evidence, start=1):
                yield Quote("framing", claim.id, 0, position, evidence)


def _coordinate(name: str) -> Callable[[Any], Cell]:
    return lambda place: None if place.coordinates is None else getattr(place.coordinates, name)


TABLES: tuple[Table, ...] = (
    Table(
        "sources",
        "Sources: the documents claims are quoted from (with a stored text), and the outside "
        "references that pin dates.",
        lambda dataset: dataset.sources.values(),
        (
            column("id", "Unique id", required=True),
            column("title", "Title", required=True),
            column("kind", "Kind of source", required=True),
            column("author", "Author, as printed"),
            column("author_actor", "The author as an actor, when claims are in their own voice"),
            column("publisher", "Publisher"),
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
                "How many paragraphs the original has, where known",
                type="integer",
            ),
            column("note", "Note"),
        ),
        ("id",),
        Source,
    ),
    Table(
        "actors",
        "Actors: anyone who accuses, is accused, speaks or takes part in an event.",
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
        "claims",
        "Claims: one accuser saying that one accused did something, with whether it was "
        "answered. The quotes are in evidence.csv.",
        lambda dataset: dataset.claims.values(),
        (
            column("id", "Unique id", required=True),
            column("kind", "Kind of claim", required=True),
            column("accuser", "Who makes the claim", required=True),
            column("speaker", "The person who said it, if named"),
            column("accused", "Who the claim is about", required=True),
            column("allegation", "What is alleged", required=True),
            column("group", "The armed group the claim is about"),
            *date_columns(
                "asserted", attrgetter("asserted"), "When the accuser made the claim", required=True
            ),
            column(
                "paraphrase",
                "What was said, in the editor's words, checked against the quotes",
                required=True,
            ),
            column(
                "current_state",
                "Whether the accused has answered, as of the latest source (status.csv has "
                "every step)",
                required=True,
                field="status.state",
                value=lambda claim: claim.status[-1].state,
            ),
            column(
                "current_as_of",
                "The source the current state is as of",
                required=True,
                field="status.as_of",
                value=lambda claim: claim.status[-1].as_of,
            ),
            column(
                "answers_claim",
                "The claim a source presents this one as a response to",
                field="answers.claim",
                value=lambda claim: claim.answers.claim if claim.answers else None,
            ),
            column(
                "answers_framed_by",
                "The source that presents it so (its words are in evidence.csv, owner_type "
                "framing)",
                field="answers.framed_by",
                value=lambda claim: claim.answers.framed_by if claim.answers else None,
            ),
            column(
                "answers_framer",
                "Who presents it so in that source, when not the source itself",
                field="answers.framer",
                value=lambda claim: claim.answers.framer if claim.answers else None,
            ),
            column(
                "answers_note",
                "Note on the framing",
                value=lambda claim: claim.answers.note if claim.answers else None,
            ),
            column("cameo", "CAMEO event code", required=True),
            column("note", "Note"),
        ),
        ("id",),
        Claim,
    ),
    link_table(
        "status",
        "Answers over time: each claim's states, oldest first, each as of a source (the "
        "quotes for each are in evidence.csv, owner_type status, with the step).",
        ("claims", "claim_id"),
        lambda dataset: ((c.id, c.status) for c in dataset.claims.values()),
        (
            column(
                "state",
                "Whether the accused had answered",
                required=True,
                field="status.state",
                value=item("state"),
            ),
            column(
                "as_of",
                "The source that reports the state, as of its date",
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
            column(
                "speaker",
                "Who answered for the accused, if named",
                field="status.speaker",
                value=item("speaker"),
            ),
            column("note", "Note on the state", value=item("note")),
        ),
        Claim,
    ),
    link_table(
        "claim_editorial_words",
        "Words of a claim's paraphrase that its quotes do not contain, each with the reason.",
        ("claims", "claim_id"),
        lambda dataset: ((c.id, c.editorial_words) for c in dataset.claims.values()),
        (
            column("word", "The word", required=True, value=item("word")),
            column("reason", "Why it is used", required=True, value=item("reason")),
        ),
        Claim,
    ),
    link_table(
        "claim_places",
        "The places each claim names.",
        ("claims", "claim_id"),
        lambda dataset: ((c.id, c.places) for c in dataset.claims.values()),
        (column("place_id", "A place", required=True, field="places", value=attrgetter("item")),),
        Claim,
    ),
    link_table(
        "claim_events",
        "The events each claim refers to.",
        ("claims", "claim_id"),
        lambda dataset: ((c.id, c.events) for c in dataset.claims.values()),
        (column("event_id", "An event", required=True, field="events", value=attrgetter("item")),),
        Claim,
    ),
    Table(
        "evidence",
        "Evidence: every quote, verbatim from its source's paragraph. owner_type says what "
        "owner_id is: a claim (claim: the claim's own quotes; status: the quotes for one step "
        "of its answers over time, numbered by step; framing: the passage that presents it "
        "as a response; all in claims.csv) or an event (events.csv).",
        _quotes,
        (
            column("owner_type", "claim, status, framing or event", required=True),
            column("owner_id", "The id of the claim or event", required=True),
            column(
                "step",
                "For owner_type status, the step of the claim's answers over time (1 = "
                "oldest); 0 otherwise",
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
