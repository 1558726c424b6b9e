"""The records of the dataset: what each field means and which values it may take.

These models check one record at a time (types, required and unknown fields, vocabularies,
date formats); what needs the whole dataset (references, quotes against the source text)
is checked in :mod:`titfortat.check.checker`. The JSON Schema that editors use is generated from
these classes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Annotated, Any, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    model_validator,
)
from pydantic.json_schema import GenerateJsonSchema
from pydantic_core import PydanticCustomError

from titfortat.model import vocab
from titfortat.model.dates import parse_date
from titfortat.model.quotes import MIN_SEGMENT_WORDS, short_segment

SCHEMA_VERSION = "2.0"
"""Bumped when a data file written for an older version would no longer pass the checker."""

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_RESERVED_IDS = frozenset({"index"})
_SPDX = r"^[A-Za-z0-9][A-Za-z0-9.+-]*$"

PARAPHRASE_LIMIT = 300
"""Characters in a paraphrase: a clause, not a summary; the quotes carry the rest."""


def _slug(value: str) -> str:
    if value in _RESERVED_IDS:
        raise PydanticCustomError(
            "slug", "'{value}' is reserved for listing pages: choose another id", {"value": value}
        )
    if not _SLUG.fullmatch(value) or len(value) > 80:
        raise PydanticCustomError(
            "slug",
            "'{value}' is not a valid id: use lower-case letters, digits and single hyphens "
            "(like 'is-kp'), at most 80 characters",
            {"value": value},
        )
    return value


def _text_rules(max_length: int, *, single_line: bool = False) -> tuple[Any, Any]:
    """The validator and JSON Schema of a text field."""

    def check(value: str) -> str:
        if not value.strip():
            raise PydanticCustomError("empty_text", "must not be empty")
        if single_line and ("\n" in value or "\t" in value):
            raise PydanticCustomError(
                "multi_line", "must be one line: names and titles have no line breaks or tabs"
            )
        if match := _CONTROL.search(value):
            raise PydanticCustomError(
                "control_character",
                "contains the invisible control character {code}: delete it",
                {"code": f"U+{ord(match.group()):04X}"},
            )
        if len(value) > max_length:
            raise PydanticCustomError(
                "text_too_long",
                "is {length} characters long; the limit is {limit}",
                {"length": len(value), "limit": max_length},
            )
        return value

    schema = {"type": "string", "minLength": 1, "maxLength": max_length}
    return AfterValidator(check), WithJsonSchema(schema)


def _vocabulary_rules(vocabulary: type[vocab.Vocabulary], name: str) -> tuple[Any, Any]:
    """The validator and JSON Schema of a field whose values come from a closed list.

    The value becomes the vocabulary's member, so code compares typed values and reads
    their facts (``claim.kind.verb``).
    """
    allowed = [term.value for term in vocabulary]

    def check(value: Any) -> vocab.Vocabulary:
        if not isinstance(value, str):
            raise PydanticCustomError("string_type", "Input should be a valid string")
        member = vocabulary.lookup(value)
        if member is None:
            raise PydanticCustomError(
                "vocabulary",
                "'{value}' is not a known {name}; use one of: {allowed}",
                {"value": value, "name": name, "allowed": ", ".join(allowed)},
            )
        return member

    description = f"A {name}: " + "; ".join(f"{t.value} = {t.label}" for t in vocabulary)
    return BeforeValidator(check), WithJsonSchema(
        {"type": "string", "enum": allowed, "description": description}
    )


_NAME = _text_rules(200, single_line=True)
_SHORT = _text_rules(500)
_LONG = _text_rules(4000)
_QUOTE = _text_rules(1500)
_PARAPHRASE = _text_rules(PARAPHRASE_LIMIT, single_line=True)
Slug = Annotated[
    str,
    AfterValidator(_slug),
    WithJsonSchema({"type": "string", "pattern": f"^{_SLUG.pattern}$", "maxLength": 80}),
]


@dataclass(frozen=True)
class RefersTo:
    """Marks an id field as naming a record of another collection (``"actors"``...).

    Declared here, on the model, once: the checker resolves every such field (in invalid
    records too), and the CSV tables' foreign keys are derived from the same declaration
    (see :mod:`titfortat.model.references`).
    """

    collection: str


SourceId = Annotated[Slug, RefersTo("sources")]
ActorId = Annotated[Slug, RefersTo("actors")]
PlaceId = Annotated[Slug, RefersTo("places")]
EventId = Annotated[Slug, RefersTo("events")]
ClaimId = Annotated[Slug, RefersTo("claims")]
Name = Annotated[str, _NAME[0], _NAME[1]]
ShortText = Annotated[str, _SHORT[0], _SHORT[1]]
LongText = Annotated[str, _LONG[0], _LONG[1]]
QuoteText = Annotated[str, _QUOTE[0], _QUOTE[1]]
ParaphraseText = Annotated[str, _PARAPHRASE[0], _PARAPHRASE[1]]
_ALLEGATION = _vocabulary_rules(vocab.Allegation, "allegation type")
AllegationType = Annotated[vocab.Allegation, _ALLEGATION[0], _ALLEGATION[1]]
_CLAIM_KIND = _vocabulary_rules(vocab.ClaimKind, "claim kind")
ClaimKind = Annotated[vocab.ClaimKind, _CLAIM_KIND[0], _CLAIM_KIND[1]]
_STATUS = _vocabulary_rules(vocab.Status, "status")
StatusValue = Annotated[vocab.Status, _STATUS[0], _STATUS[1]]
_ACTOR_TYPE = _vocabulary_rules(vocab.ActorType, "actor type")
ActorType = Annotated[vocab.ActorType, _ACTOR_TYPE[0], _ACTOR_TYPE[1]]
_ROLE = _vocabulary_rules(vocab.MembershipRole, "membership role")
MembershipRole = Annotated[vocab.MembershipRole, _ROLE[0], _ROLE[1]]
_PLACE_KIND = _vocabulary_rules(vocab.PlaceKind, "place kind")
PlaceKind = Annotated[vocab.PlaceKind, _PLACE_KIND[0], _PLACE_KIND[1]]
_SOURCE_KIND = _vocabulary_rules(vocab.SourceKind, "source kind")
SourceKind = Annotated[vocab.SourceKind, _SOURCE_KIND[0], _SOURCE_KIND[1]]
_EVENT_KIND = _vocabulary_rules(vocab.EventKind, "event kind")
EventKind = Annotated[vocab.EventKind, _EVENT_KIND[0], _EVENT_KIND[1]]
_PRECISION = _vocabulary_rules(vocab.Precision, "date precision")
Precision = Annotated[vocab.Precision, _PRECISION[0], _PRECISION[1]]
_BASIS = _vocabulary_rules(vocab.Basis, "date basis")
Basis = Annotated[vocab.Basis, _BASIS[0], _BASIS[1]]
_CAMEO = _vocabulary_rules(vocab.CameoCode, "CAMEO code")
CameoCode = Annotated[vocab.CameoCode, _CAMEO[0], _CAMEO[1]]


def _url(value: str) -> str:
    if not re.fullmatch(r"https?://[^\s<>\"'`]+", value):
        raise PydanticCustomError(
            "url",
            "'{value}' is not a web address: write it in full, starting https://",
            {"value": value},
        )
    return value


Url = Annotated[
    str,
    AfterValidator(_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"}),
]


def _text_path(value: str) -> str:
    if not re.fullmatch(r"(?:[A-Za-z0-9_-]+/)*[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.txt", value):
        raise PydanticCustomError(
            "text_path",
            "'{value}' is not a path to a stored text: write it relative to data/, "
            "like texts/my-source.txt",
            {"value": value},
        )
    return value


TextPath = Annotated[
    str,
    AfterValidator(_text_path),
    WithJsonSchema({"type": "string", "pattern": r"^[A-Za-z0-9_/.-]+\.txt$"}),
]


class Record(BaseModel):
    """Every record refuses unknown fields and type coercions: a typo must not pass."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class When(Record):
    """A date with its precision and the basis on which it is known."""

    date: Annotated[
        str,
        Field(
            description="YYYY-MM-DD, YYYY-MM, YYYY, or an interval START/END ('..' for an "
            "open start)",
            examples=["2024-09-30", "2024-09", "2021", "2024-10-03/2024-10-05"],
        ),
    ]
    precision: Precision
    basis: Basis
    approximate: bool = Field(
        default=False, description="true when the date is only about right ('about 2021')"
    )
    source: SourceId | None = Field(
        default=None,
        description="For 'stated' and 'relative': the source whose words give the date",
    )
    wording: Name | None = Field(
        default=None,
        description="The source's own words for the date ('last week', 'in 2021'); checked "
        "against the source's text",
    )
    reference: SourceId | None = Field(
        default=None, description="For 'outside-reference': the source the date comes from"
    )
    note: LongText | None = Field(
        default=None, description="How the date was worked out; required for 'inferred'"
    )

    @model_validator(mode="after")
    def _coherent(self) -> Self:
        parsed = parse_date(self.date, self.precision)
        if isinstance(parsed, str):
            raise PydanticCustomError("date", parsed)
        missing = [name for name in self.basis.needs if getattr(self, name) is None]
        if missing:
            raise PydanticCustomError(
                "date_basis",
                "a date with basis '{basis}' needs {missing}",
                {"basis": self.basis, "missing": " and ".join(missing)},
            )
        return self


class Evidence(Record):
    """A verbatim quote from a stored source text, with the paragraph it is in."""

    source: SourceId
    paragraph: int = Field(ge=1, description="1-based paragraph number in the stored text")
    quote: Annotated[
        QuoteText,
        Field(description="Copied exactly; '…' or '...' marks an elision"),
    ]

    @model_validator(mode="after")
    def _long_enough(self) -> Self:
        # A quote of fewer than MIN_QUOTE_WORDS words is allowed only inside a longer quote of
        # the same record: the checker sees the record, so it checks that.
        if (part := short_segment(self.quote)) is not None:
            raise PydanticCustomError(
                "quote_too_short",
                "the part '{part}' between elisions is too short: each part of an elided "
                "quote needs at least {words} words",
                {"part": part, "words": MIN_SEGMENT_WORDS},
            )
        return self


class DatasetInfo(Record):
    """The dataset as a whole: what to cite."""

    title: Name
    description: LongText
    version: Annotated[str, Field(pattern=r"^\d+\.\d+\.\d+$", description="Semantic version")]
    released: Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]
    creators: list[Name] = Field(min_length=1)
    licence: Annotated[str, Field(pattern=_SPDX, description="SPDX id of the data licence")] = (
        "CC-BY-4.0"
    )
    code_licence: Annotated[
        str, Field(pattern=_SPDX, description="SPDX id of the code licence")
    ] = "MIT"


class Source(Record):
    """A document claims are taken from, or an outside reference that pins a date."""

    id: Slug
    title: Name
    kind: SourceKind
    author: Name | None = None
    author_actor: ActorId | None = Field(
        default=None,
        description="The author as an actor, when claims are made in the author's own voice "
        "(the site then says the author 'wrote')",
    )
    publisher: Name | None = None
    url: Url | None = Field(default=None, description="The original's web address")
    archive_url: Url | None = Field(
        default=None, description="An archived copy of the original, where one exists"
    )
    published: When | None = Field(
        default=None, description="When it was published; a general record may have no date"
    )
    language: Annotated[str, Field(pattern=r"^[a-z]{2,3}$", description="ISO 639 code")] = "en"
    text: TextPath | None = Field(
        default=None,
        description="The stored excerpt (relative to data/): only the quoted paragraphs, each "
        "under its number in the original ('[3]' on a line of its own, then the paragraph); "
        "quotes are checked against it. The site never publishes it whole.",
    )
    original_paragraphs: int | None = Field(
        default=None, ge=1, description="How many paragraphs the original has, where known"
    )
    note: LongText | None = None


class Membership(Record):
    """A person's or unit's place in an organisation (Popolo's membership)."""

    organization: ActorId
    role: MembershipRole
    note: ShortText | None = None


class Actor(Record):
    """Anyone who accuses, is accused, speaks or takes part in an event."""

    id: Slug
    name: Name
    short_name: Name | None = Field(
        default=None, description="Used in tables and the graph; defaults to the name"
    )
    type: ActorType
    description: LongText
    other_names: list[Name] = Field(
        default_factory=list, description="Spellings and names in use (IS-KP, ISKP...)"
    )
    country: PlaceId | None = Field(default=None, description="A place of kind 'country'")
    memberships: list[Membership] = Field(default_factory=list)


class Coordinates(Record):
    """WGS 84 latitude and longitude in decimal degrees."""

    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)


class Place(Record):
    """A named place, inside its parent (Mastung is in Balochistan, in Pakistan)."""

    id: Slug
    name: Name
    kind: PlaceKind
    parent: PlaceId | None = None
    other_names: list[Name] = Field(default_factory=list)
    coordinates: Coordinates | None = None


class Event(Record):
    """Something that happened, with the evidence that the source mentions it."""

    id: Slug
    title: Name
    kind: EventKind
    date: When | None = None
    places: list[PlaceId] = Field(default_factory=list)
    actors: list[ActorId] = Field(default_factory=list)
    cameo: CameoCode | None = None
    source: SourceId | None = Field(
        default=None, description="For a publication: the source that was published"
    )
    evidence: list[Evidence] = Field(default_factory=list)
    note: LongText | None = Field(
        default=None, description="What an outside reference adds; shown as such"
    )


class StatusEntry(Record):
    """Whether the accused had answered, as of a source: one step of a claim's answers over
    time."""

    state: StatusValue
    as_of: SourceId = Field(description="The source that reports this state, as of its date")
    date: When | None = Field(
        default=None,
        description="When the state began (a denial at a briefing the day before the report); "
        "the as_of source's date when left out",
    )
    speaker: ActorId | None = Field(
        default=None, description="The person who answered for the accused, if named"
    )
    evidence: list[Evidence] = Field(default_factory=list)
    note: ShortText | None = None


class Framing(Record):
    """A source presenting a claim as a response to another: the source's framing, with the
    passage that frames it, never a fact of the dataset's own."""

    claim: ClaimId = Field(description="The claim this one is presented as answering")
    framed_by: SourceId = Field(description="The source that presents it so")
    framer: ActorId | None = Field(
        default=None,
        description="Who presents it so in that source, when it is not the source in its own "
        "voice (a speaker it quotes)",
    )
    evidence: list[Evidence] = Field(min_length=1, description="The passage that frames it")
    note: ShortText | None = None


class EditorialWord(Record):
    """A word of a paraphrase that its quotes do not contain, accepted with the reason."""

    word: Name
    reason: ShortText


class Claim(Record):
    """One accuser saying that one accused did something, in the source's own words."""

    id: Slug
    kind: ClaimKind
    accuser: ActorId
    speaker: ActorId | None = Field(default=None, description="The person who said it, if named")
    accused: ActorId
    allegation: AllegationType
    group: ActorId | None = Field(default=None, description="The armed group the claim is about")
    places: list[PlaceId] = Field(default_factory=list)
    asserted: When = Field(description="When the accuser made the claim")
    paraphrase: Annotated[
        ParaphraseText,
        Field(
            description="What was said, in plain English as close to the quotes as it allows: "
            "the clause after 'said that'. Every content word must be in the claim's quotes or "
            "the names of the records it links, unless listed in editorial_words."
        ),
    ]
    editorial_words: list[EditorialWord] = Field(
        default_factory=list,
        description="Words of the paraphrase its quotes do not contain, each with why",
    )
    status: list[StatusEntry] = Field(
        min_length=1, description="Whether the accused has answered, over time, oldest first"
    )
    answers: Framing | None = Field(
        default=None, description="A source presents this claim as a response to another"
    )
    cameo: CameoCode
    events: list[EventId] = Field(default_factory=list, description="Related events")
    evidence: list[Evidence] = Field(min_length=1)
    note: LongText | None = None

    def quotes(self) -> list[tuple[list[str | int], Evidence]]:
        """Every quote the claim holds, with where it is in the record: its own, its states'
        and its framing's."""
        located: list[tuple[list[str | int], Evidence]] = [
            (["evidence", i], e) for i, e in enumerate(self.evidence)
        ]
        for i, step in enumerate(self.status):
            located += [(["status", i, "evidence", j], e) for j, e in enumerate(step.evidence)]
        if self.answers is not None:
            located += [
                (["answers", "evidence", j], e) for j, e in enumerate(self.answers.evidence)
            ]
        return located


COLLECTIONS: dict[str, type[Record]] = {
    "sources": Source,
    "actors": Actor,
    "places": Place,
    "events": Event,
    "claims": Claim,
}
"""The lists a data file may hold, by key."""


class DataFile(Record):
    """One YAML file under data/: any of the collections, and the dataset's description."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        title="Tit-for-Tat data file",
        json_schema_extra={
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "x-schema-version": SCHEMA_VERSION,
        },
    )

    schema_version: str | None = Field(
        default=None,
        description="The schema version a document was written for (the JSON download has it)",
    )
    dataset: DatasetInfo | None = None
    sources: list[Source] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)


class _EditorSchema(GenerateJsonSchema):
    """Vocabulary fields are enumerations in the code but plain strings to an editor (their
    schema is a string's, see _vocabulary_rules), so they get a title like any string."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        inner = schema
        while isinstance(inner, dict) and inner.get("type") in {"function-before", "default"}:
            inner = inner["schema"]
        if isinstance(inner, dict) and inner.get("type") == "enum":
            return True
        return super().field_title_should_be_set(schema)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a data file, as published for editors and downloads."""
    return DataFile.model_json_schema(mode="validation", schema_generator=_EditorSchema)


def schema_text() -> str:
    """The JSON Schema as the text of data/dataset.schema.json (stable, sorted keys)."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
