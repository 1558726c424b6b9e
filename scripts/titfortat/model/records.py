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
from titfortat.model.dates import parse_date, parse_point
from titfortat.model.quotes import MIN_SEGMENT_WORDS, short_segment

SCHEMA_VERSION = "3.0"
"""Bumped when a data file written for an older version would no longer pass the checker."""

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_RESERVED_IDS = frozenset({"index"})
_SPDX = r"^[A-Za-z0-9][A-Za-z0-9.+-]*$"

PARAPHRASE_LIMIT = 300
"""Characters in a paraphrase: a clause, not a summary; the quotes carry the rest."""

MOMENT_LIMIT = 60
"""Characters in a label the timeline chart prints: a few words, readable on a phone."""


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
_MOMENT = _text_rules(MOMENT_LIMIT, single_line=True)
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
StatementId = Annotated[Slug, RefersTo("statements")]


@dataclass(frozen=True)
class LinksRecords:
    """Marks a text field that may link records as ``[[kind:id|words]]`` (a note): the
    checker resolves every link, and pages show them as links."""


Name = Annotated[str, _NAME[0], _NAME[1]]
ShortText = Annotated[str, _SHORT[0], _SHORT[1]]
LongText = Annotated[str, _LONG[0], _LONG[1]]
QuoteText = Annotated[str, _QUOTE[0], _QUOTE[1]]
Note = Annotated[str, _LONG[0], _LONG[1], LinksRecords()]
ParaphraseText = Annotated[str, _PARAPHRASE[0], _PARAPHRASE[1]]
_ALLEGATION = _vocabulary_rules(vocab.Allegation, "allegation type")
AllegationType = Annotated[vocab.Allegation, _ALLEGATION[0], _ALLEGATION[1]]
_STATEMENT_KIND = _vocabulary_rules(vocab.StatementKind, "statement kind")
StatementKindValue = Annotated[vocab.StatementKind, _STATEMENT_KIND[0], _STATEMENT_KIND[1]]
_TIE = _vocabulary_rules(vocab.Tie, "tie")
TieValue = Annotated[vocab.Tie, _TIE[0], _TIE[1]]
_NOT_CODED = _vocabulary_rules(vocab.NotCoded, "not coded")
NotCodedReason = Annotated[vocab.NotCoded, _NOT_CODED[0], _NOT_CODED[1]]
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
    reviewed: Annotated[
        str | None,
        Field(
            pattern=r"^\d{4}-\d{2}-\d{2}$",
            description="When an editor last looked for new reports and reviewed the data",
        ),
    ] = None
    creators: list[Name] = Field(min_length=1)
    licence: Annotated[str, Field(pattern=_SPDX, description="SPDX id of the data licence")] = (
        "CC-BY-4.0"
    )
    code_licence: Annotated[
        str, Field(pattern=_SPDX, description="SPDX id of the code licence")
    ] = "MIT"


class LedgerEntry(Record):
    """Paragraphs of the original that are not stored, and why they are not coded."""

    paragraphs: list[Annotated[int, Field(ge=1)]] = Field(
        min_length=1, description="Their numbers in the original"
    )
    reason: NotCodedReason
    note: Note | None = Field(default=None, description="What they hold, in one line")


class Source(Record):
    """A document statements are reported in, or an outside reference that pins a date."""

    id: Slug
    title: Name
    kind: SourceKind
    author: Name | None = None
    author_actor: ActorId | None = Field(
        default=None,
        description="The author as an actor, when statements are made in the author's own "
        "voice (the site then says the author 'wrote')",
    )
    publisher: Name | None = None
    copy_of: Name | None = Field(
        default=None,
        description="For a republished copy: the original's publisher, as far as known (or "
        "'not named'). A copy ranks below an original report of the same statement.",
    )
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
        default=None,
        ge=1,
        description="How many paragraphs the original has (as far as the copy read goes, "
        "when capture_complete is false); every one is stored or in the ledger",
    )
    capture_complete: bool = Field(
        default=True,
        description="false when the copy this project read stops before the original's end",
    )
    ledger: list[LedgerEntry] = Field(
        default_factory=list,
        description="Every paragraph of the original that is not stored, and why it is not coded",
    )
    superseded_by: SourceId | None = Field(
        default=None,
        description="A better report of the same text that replaces this one: its reports "
        "move there; this id and its page stay, with a notice",
    )
    note: Note | None = None


class Membership(Record):
    """A person's or unit's place in an organisation (Popolo's membership), over a time."""

    organization: ActorId
    role: MembershipRole
    title: Name | None = Field(
        default=None,
        description="The title held, as the site gives it in a sentence ('acting deputy "
        "foreign minister'); the role's name when left out",
    )
    start: Annotated[
        str | None,
        Field(description="When it began, where it matters: YYYY, YYYY-MM or YYYY-MM-DD"),
    ] = None
    end: Annotated[
        str | None,
        Field(description="When it ended, where it matters: YYYY, YYYY-MM or YYYY-MM-DD"),
    ] = None
    note: Note | None = None

    @model_validator(mode="after")
    def _dates(self) -> Self:
        for name in ("start", "end"):
            value = getattr(self, name)
            if value is not None and parse_point(value) is None:
                raise PydanticCustomError(
                    "date",
                    "'{value}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD",
                    {"value": value},
                )
        return self


class Alias(Record):
    """A name one side uses for an actor, with who uses it: how a reader maps "Fitna
    al-Khawarij" to the TTP."""

    name: Name
    used_by: ActorId | None = Field(default=None, description="Who uses the name")
    note: Note | None = Field(default=None, description="Since when, and what it says")


class Actor(Record):
    """Anyone who speaks, is spoken about, or takes part in an event."""

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
    aliases: list[Alias] = Field(
        default_factory=list,
        description="Names a side uses for it, with who uses them (shown on its page)",
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
    note: Note | None = Field(
        default=None, description="What an outside reference adds; shown as such"
    )


class StatusEntry(Record):
    """What a source says of the answers to a statement, as of its date: that there has been
    none, or no official one (answers themselves are statements, see :class:`Answer`)."""

    state: StatusValue
    as_of: SourceId = Field(description="The source that reports this state, as of its date")
    date: When | None = Field(
        default=None,
        description="When the state began; the as_of source's date when left out",
    )
    evidence: list[Evidence] = Field(default_factory=list)
    note: Note | None = None


class Framing(Record):
    """A source presenting a statement as a response to another: the source's framing, with
    the passage that frames it, never a fact of the dataset's own. It sets no state."""

    statement: StatementId = Field(description="The statement this one is presented as answering")
    framed_by: SourceId = Field(description="The source that presents it so")
    framer: ActorId | None = Field(
        default=None,
        description="Who presents it so in that source, when it is not the source in its own "
        "voice (a speaker it quotes)",
    )
    evidence: list[Evidence] = Field(min_length=1, description="The passage that frames it")
    note: Note | None = None


class Answer(Record):
    """This statement answers another, and a source ties it to it: it sets that statement's
    state from its date on."""

    statement: StatementId = Field(description="The statement it answers")
    state: StatusValue = Field(description="The state it sets: denied, countered...")
    tie: TieValue = Field(description="How a source ties it to that statement")
    evidence: list[Evidence] = Field(
        default_factory=list,
        description="For tie 'named': the words of a report of this answer that say what it "
        "answers",
    )
    note: Note | None = None


class EditorialWord(Record):
    """A word of a paraphrase that its quotes do not contain, accepted with the reason."""

    word: Name
    reason: ShortText


class Quote(Record):
    """A verbatim quote from the report's source, with the paragraph it is in."""

    paragraph: int = Field(ge=1, description="Its number in the original")
    quote: Annotated[
        QuoteText,
        Field(description="Copied exactly; '…' or '...' marks an elision"),
    ]

    @model_validator(mode="after")
    def _long_enough(self) -> Self:
        if (part := short_segment(self.quote)) is not None:
            raise PydanticCustomError(
                "quote_too_short",
                "the part '{part}' between elisions is too short: each part of an elided "
                "quote needs at least {words} words",
                {"part": part, "words": MIN_SEGMENT_WORDS},
            )
        return self


class Report(Record):
    """One source's report of a statement: its own quotes, and its own wording where it
    differs from other reports (whom it names, the speaker's title, the date it gives)."""

    source: SourceId
    quotes: list[Quote] = Field(min_length=1)
    paraphrase: Annotated[
        ParaphraseText | None,
        Field(
            description="Only when this report gives part of the statement: that part, checked "
            "against this report's quotes alone. Left out, the statement's paraphrase must "
            "be supported by this report's quotes alone."
        ),
    ] = None
    places: list[PlaceId] | None = Field(
        default=None,
        description="The statement's places this report names, when not all of them",
    )
    accused_as: Name | None = Field(
        default=None,
        description="Whom it says the statement is about, in its words ('the Pakistani army')",
    )
    speaker_as: Name | None = Field(
        default=None,
        description="The speaker's title in its words ('Afghanistan's acting foreign minister')",
    )
    groups_as: list[Name] = Field(
        default_factory=list,
        description="The groups as it names them ('Fitna al-Khawarij', 'Daesh')",
    )
    said: When | None = Field(
        default=None, description="The date as this report gives it, where it differs"
    )
    note: Note | None = None

    def evidence(self) -> list[Evidence]:
        """The quotes as evidence from this report's source."""
        return [
            Evidence(source=self.source, paragraph=q.paragraph, quote=q.quote) for q in self.quotes
        ]


class Statement(Record):
    """One act of saying: who, through which speaker, when, what, about whom; reported by
    one or more sources, each with its own quotes."""

    id: Slug
    kind: StatementKindValue
    by: ActorId = Field(description="Who says it: the government, body or person it is of")
    speaker: ActorId | None = Field(default=None, description="The person who said it, if named")
    about: ActorId | None = Field(
        default=None,
        description="Whom it is about: the accused; for a denial, whose allegation it rejects",
    )
    allegation: AllegationType = Field(
        description="What it alleges; for a denial, what it denies; for a standing position, "
        "what it speaks to"
    )
    covers: list[AllegationType] = Field(
        default_factory=list,
        description="A standing position only: the allegation types it speaks to, besides "
        "'allegation'; it is shown on every allegation of those types about its side",
    )
    groups: list[ActorId] = Field(default_factory=list, description="The armed groups it is about")
    backer: ActorId | None = Field(
        default=None,
        description="For an allegation of a third state's proxy: the third state, where the "
        "statement names it",
    )
    places: list[PlaceId] = Field(default_factory=list)
    said: When = Field(description="When it was said")
    title: Annotated[
        Name | None,
        Field(
            description="The page's title, written by an editor and checked like the "
            "paraphrase; required for denials and standing positions"
        ),
    ] = None
    paraphrase: Annotated[
        ParaphraseText,
        Field(
            description="What was said, in plain English as close to the quotes as it allows: "
            "the clause after 'said that'. Every content word must be in the quotes of a "
            "report that gives it whole, or the names of the records it links, unless listed "
            "in editorial_words."
        ),
    ]
    editorial_words: list[EditorialWord] = Field(
        default_factory=list,
        description="Words of the paraphrase its quotes do not contain, each with why",
    )
    reports: list[Report] = Field(min_length=1, description="Every source that reports it")
    status: list[StatusEntry] = Field(
        default_factory=list,
        description="What sources say of its answers when there is none to record: no "
        "response, no official response (answers are statements of their own)",
    )
    answers: list[Answer] = Field(
        default_factory=list, description="The statements this one answers, as sources tie it"
    )
    framing: Framing | None = Field(
        default=None, description="A source presents this statement as a response to another"
    )
    restates: StatementId | None = Field(
        default=None,
        description="An earlier statement that made the same allegation, by the same side about "
        "the same side: a later answer to this one is shown on it as a related denial",
    )
    cameo: CameoCode
    events: list[EventId] = Field(default_factory=list, description="Related events")
    formerly: list[Slug] = Field(
        default_factory=list,
        description="Ids this statement was published under before (a record merged into it, "
        "or renamed): each old address stays and leads to this statement's page",
    )
    note: Note | None = None

    def quotes(self) -> list[tuple[list[str | int], Evidence]]:
        """Every quote the statement holds, with where it is in the record: its reports',
        its states', its answers' and its framing's."""
        located: list[tuple[list[str | int], Evidence]] = []
        for i, report in enumerate(self.reports):
            located += [(["reports", i, "quotes", j], e) for j, e in enumerate(report.evidence())]
        for i, step in enumerate(self.status):
            located += [(["status", i, "evidence", j], e) for j, e in enumerate(step.evidence)]
        for i, answer in enumerate(self.answers):
            located += [(["answers", i, "evidence", j], e) for j, e in enumerate(answer.evidence)]
        if self.framing is not None:
            located += [
                (["framing", "evidence", j], e) for j, e in enumerate(self.framing.evidence)
            ]
        return located

    def sources(self) -> list[str]:
        """The sources that report it, in the order written."""
        return list(dict.fromkeys(report.source for report in self.reports))


class Moment(Record):
    """A moment the timeline chart labels in words, citing the statements it sums up."""

    label: Annotated[str, _MOMENT[0], _MOMENT[1]] = Field(
        description="A few words, checked like the In brief against the statements it cites"
    )
    statements: list[StatementId] = Field(min_length=1)


class Exchange(Record):
    """One round of the dispute: its dates, its statements and an editor's summary."""

    id: Slug
    title: Name
    period: When = Field(description="From the first statement to the last (an interval)")
    statements: list[StatementId] = Field(min_length=1)
    summary: Annotated[
        LongText,
        Field(
            description="A few sentences, each citing the statements it sums up as "
            "[[statement:<id>]] before its full stop, and saying no more than they do"
        ),
    ]
    moments: list[Moment] = Field(
        default_factory=list, description="What the timeline chart labels in this exchange"
    )
    note: Note | None = None


COLLECTIONS: dict[str, type[Record]] = {
    "sources": Source,
    "actors": Actor,
    "places": Place,
    "events": Event,
    "statements": Statement,
    "exchanges": Exchange,
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
    statements: list[Statement] = Field(default_factory=list)
    exchanges: list[Exchange] = Field(default_factory=list)


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
