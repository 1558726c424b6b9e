"""The closed vocabularies of the data: every coded value, its label and what it means.

Each vocabulary is an enumeration whose members are the values themselves (``str``
subclasses, so ``StatementKind.ALLEGATION == "allegation"``), each carrying its label, its
definition and whatever else code needs to know about it (the clause that states an
allegation, whether a status means the accused answered, how far to zoom on a place kind).
The method page prints these tables, the JSON Schema lists their values, and the checker
refuses anything else, so a new value is added here, once, with everything that goes with
it; code compares typed members and asks them for their facts, never a table kept elsewhere.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Self


class Vocabulary(StrEnum):
    """A closed vocabulary. A member is written ``NAME = value, label, definition, *facts``;
    a vocabulary with facts of its own declares them (annotated, in order) in ``_facts``."""

    label: str
    definition: str

    def __new__(cls, value: str, label: str, definition: str, *facts: Any) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        member.definition = definition
        names = [name for name in cls.__annotations__ if not name.startswith("_")]
        own = [name for name in names if name not in ("label", "definition")]
        if len(facts) != len(own):
            raise TypeError(f"{cls.__name__} {value!r}: give its facts {own}, in order")
        for name, fact in zip(own, facts, strict=False):
            setattr(member, name, fact)
        return member

    @property
    def value(self) -> str:  # the code, not the tuple the member was declared with
        """The code written in the data."""
        return str(self._value_)

    @classmethod
    def lookup(cls, value: str) -> Self | None:
        """The member with this code, if there is one."""
        found = cls._value2member_map_.get(value)
        return found if isinstance(found, cls) else None

    @classmethod
    def of(cls, value: str) -> Self:
        """The member with this code; a KeyError if there is none."""
        found = cls.lookup(value)
        if found is None:
            raise KeyError(f"{value!r} is not a {cls.__name__} code")
        return found


class Allegation(Vocabulary):
    """An allegation type: a label for tables, the matrix, the graph and the downloads.

    It never writes a sentence: what a statement says is its paraphrase, checked against its
    quotes. ``about_territory`` marks the types that concern a country's territory (the
    method page says why those are coded against the state).
    """

    shelters: bool
    """Whether it says a group is sheltered somewhere (the actor pages' "Sheltering")."""
    about_territory: bool
    """Whether it concerns what happens on a country's territory rather than what an
    authority does."""

    @property
    def title_needed(self) -> bool:
        """Whether a statement of this type needs a title written by an editor: "X accuses Y:
        a third state's proxy" reads as calling Y the proxy, where most such statements say a
        third state backs a group that operates from Y."""
        return self is Allegation.PROXY_FOR_THIRD_STATE

    TERRITORY_USED = (
        "territory-used",
        "Militants operate from its territory",
        "The accuser says members of a group operate from, or find sanctuary in, territory "
        "of the accused. It does not by itself say the accused consents.",
        True,
        True,
    )
    SHELTERS = (
        "shelters",
        "Shelters militants",
        "The accuser says the accused gives refuge or protection to members of a group.",
        True,
        False,
    )
    HOSTS_TRAINING_CAMPS = (
        "hosts-training-camps",
        "Training camps on its territory",
        "The accuser says a group trains its members in camps on the accused's territory.",
        True,
        True,
    )
    HOSTS_OPERATIONAL_BASES = (
        "hosts-operational-bases",
        "Bases on its territory",
        "The accuser says a group has bases or operational centres on the accused's "
        "territory, from which it directs its activity.",
        True,
        True,
    )
    ATTACKS_PREPARED_ON_TERRITORY = (
        "attacks-prepared-on-territory",
        "Attacks prepared on its territory",
        "The accuser says attacks elsewhere were planned on the accused's territory, or carried "
        "out by people trained or prepared there, or by people who came from there.",
        False,
        True,
    )
    RESPONSIBLE_FOR_ATTACKS = (
        "responsible-for-attacks",
        "Responsible for attacks",
        "The accuser says the accused carried out, orchestrated or is otherwise responsible "
        "for attacks.",
        False,
        False,
    )
    PLANS_ATTACKS = (
        "plans-attacks",
        "Plans attacks",
        "The accuser says the accused is preparing attacks that have not yet happened.",
        False,
        False,
    )
    CROSS_BORDER_ATTACKS = (
        "cross-border-attacks",
        "Attacks across the border",
        "The accuser says the accused launch attacks from one country's territory into another's.",
        False,
        False,
    )
    FAILED_TO_ACT = (
        "failed-to-act",
        "Failed to act",
        "The accuser says the accused has not taken action it was asked or expected to take "
        "against a group.",
        False,
        False,
    )
    SUPPORTS = (
        "supports",
        "Supports militants",
        "The accuser says the accused supplies, trains, funds or otherwise supports a group "
        "or its operations.",
        False,
        False,
    )
    USES_PROXIES = (
        "uses-proxies",
        "Uses militant proxies",
        "The accuser says the accused uses militant or extremist groups as proxies to pursue "
        "its aims.",
        False,
        False,
    )
    DIRECTS = (
        "directs",
        "Directs militants",
        "The accuser says the accused directs or orders a group's attacks.",
        False,
        False,
    )
    PROXY_FOR_THIRD_STATE = (
        "proxy-for-third-state",
        "A third state's proxy",
        "The accuser says a third state backs a group that operates from the accused's "
        "territory or with its help, or that the accused acts for a third state. The third "
        "state is named where the statement names it. The same type for either side.",
        False,
        True,
    )
    DEFLECTS_BLAME = (
        "deflects-blame",
        "Deflects blame",
        "The accuser says the accused's own accusations serve to deflect attention from the "
        "accused's failings.",
        False,
        False,
    )
    DEFEATED = (
        "defeated",
        "Victory over the group",
        "The speaker says the group has been defeated or brought under control.",
        False,
        False,
    )
    FAILURE_OR_COMPLICITY = (
        "failure-or-complicity",
        "Failure or complicity",
        "The accuser says an attack shows either the accused's failure to provide security or "
        "its cooperation with the attackers, without choosing between them.",
        False,
        False,
    )
    SECURITY_CONCERN = (
        "security-concern",
        "Security concern",
        "The accuser voices concern about insecurity in, or coming from, the accused's "
        "territory, without attributing a specific act.",
        False,
        True,
    )


class StatementKind(Vocabulary):
    """What kind of act of saying a statement is, with the reporting verb the site attributes
    it with ("said", the same for every speaker) and what it may do."""

    verb: str
    """The reporting verb, past tense: "The Government of Pakistan said that ..."."""
    accuses: bool
    """An accusation (the matrix counts it; a title says "accuses"), not a concern, a
    suggestion, an answer or a position."""
    about_needed: bool
    """Whether it names whom it is about (a standing position names no one)."""
    title_needed: bool
    """Whether an editor must write its title (a generated one would say what it does not)."""
    answer_states: tuple[str, ...]
    """The states it may set on a statement it answers, where a source ties it to it."""

    ALLEGATION = (
        "allegation",
        "Allegation",
        "The speaker asserts that the accused did or does something.",
        "said",
        True,
        True,
        False,
        ("countered",),
    )
    CONCERN = (
        "concern",
        "Concern",
        "The speaker voices worry rather than an accusation of a specific act.",
        "voiced concern",
        False,
        True,
        False,
        (),
    )
    SUGGESTION = (
        "suggestion",
        "Suggestion",
        "A hedged allegation: the speaker says something may or could be the case.",
        "suggested",
        False,
        True,
        False,
        (),
    )
    STATEMENT = (
        "statement",
        "Statement",
        "The speaker says something about the other party that is neither an accusation nor a "
        "concern, such as a claim of victory over a group or a description of a situation.",
        "said",
        False,
        True,
        False,
        ("acknowledged", "partially-acknowledged"),
    )
    DENIAL = (
        "denial",
        "Denial",
        "The speaker rejects what another has alleged against it. It sets the state of the "
        "allegation it answers only where a source ties it to that allegation (see the method "
        "page).",
        "said",
        False,
        True,
        True,
        ("denied", "partially-acknowledged"),
    )
    STANDING_POSITION = (
        "standing-position",
        "Standing position",
        "An actor's general line, not tied to any one allegation (\"does not allow its soil "
        'to be used against anyone"). It is shown beside the allegations it concerns, never '
        "as their answer.",
        "said",
        False,
        False,
        True,
        (),
    )


class Tie(Vocabulary):
    """How a source ties an answer to the statement it answers: the only ways an answer sets
    a statement's state (the method page states the rule)."""

    NAMED = (
        "named",
        "Named by the source",
        "A report of the answer says what it answers: it names the statement, its speaker or "
        "its words. The words are quoted.",
    )
    MET = (
        "met",
        "Meets the allegation",
        "The answer meets this speaker's side on this allegation, and the allegation was not "
        "made again between the statement and the answer. The checker holds the dates, sides "
        "and allegation to it.",
    )


class NotCoded(Vocabulary):
    """Why a paragraph of a source is not coded (a source's ledger)."""

    BACKGROUND = (
        "background",
        "Background",
        "Context the report gives in its own voice (earlier events, figures, history): no "
        "statement by a party to the dispute.",
    )
    REPEATS = (
        "repeats",
        "Repeats a coded statement",
        "It gives again a statement coded from another paragraph or another report.",
    )
    ANALYSIS = (
        "analysis",
        "Analysis",
        "The author's or an analyst's commentary, which accuses no one of sheltering or "
        "supporting a group.",
    )
    OFF_TOPIC = (
        "off-topic",
        "Not about the dispute",
        "About something else (trade, refugees, another country's affairs).",
    )
    FIGHTING = (
        "fighting",
        "An account of fighting or talks",
        "An account of strikes, clashes, ceasefires or talks, in the report's or a party's "
        "words: the site records them as events where a statement refers to them, not as "
        "allegations of sheltering or support.",
    )
    PAGE_MATTER = (
        "page-matter",
        "Page matter",
        "A caption, a byline, a link list or an embedded post that repeats the text.",
    )


class Status(Vocabulary):
    """Whether a statement has been answered, over time.

    The answered states are set only by answers: statements of their own, by the one the
    statement is about, that a source ties to it (see :class:`Tie`). The others a source
    states (it is quoted), or nothing is reported at all.
    """

    answered: bool
    quoted: bool
    """A source must be quoted saying so."""

    NO_RESPONSE_REPORTED = (
        "no-response-reported",
        "No response reported",
        "No source in the dataset reports a response to it. This is not evidence that none "
        "was given.",
        False,
        False,
    )
    UNANSWERED = (
        "unanswered",
        "Unanswered",
        "A source says the accused has not responded, as of the source's date; the source is "
        "quoted.",
        False,
        True,
    )
    NO_OFFICIAL_RESPONSE = (
        "no-official-response",
        "No official response",
        "A source says the accused has not officially responded, as of the source's date; "
        "the source is quoted. It says nothing of unofficial responses.",
        False,
        True,
    )
    DENIED = (
        "denied",
        "Denied",
        "The accused denied it, in an answer a source ties to it.",
        True,
        True,
    )
    COUNTERED = (
        "countered",
        "Countered",
        "The accused answered it with an accusation of its own, which a source ties to it.",
        True,
        True,
    )
    ACKNOWLEDGED = (
        "acknowledged",
        "Acknowledged",
        "The accused acknowledged what it is accused of, in an answer a source ties to it.",
        True,
        True,
    )
    PARTIALLY_ACKNOWLEDGED = (
        "partially-acknowledged",
        "Partly acknowledged",
        "The accused acknowledged part of it and disputed the rest, in an answer a source "
        "ties to it.",
        True,
        True,
    )


class ActorType(Vocabulary):
    """A type of actor, with how a sentence names one."""

    definite_article: bool
    """A sentence says "the Government of Pakistan", "the TTP" (not "the Pakistan")."""
    plural: bool
    """It takes a plural verb ("some experts allege")."""

    STATE = "state", "State", "A country as a whole, across its governments.", False, False
    GOVERNMENT = (
        "government",
        "Government",
        "The authority in power in a country, named by its capital in much reporting "
        "(Islamabad, Kabul).",
        True,
        False,
    )
    ARMED_GROUP = (
        "armed-group",
        "Armed group",
        "A non-state armed or militant organisation.",
        True,
        False,
    )
    MILITARY = (
        "military",
        "Armed forces",
        'A state\'s regular armed forces, named as such by a source ("the Pakistani army").',
        True,
        False,
    )
    PERSON = "person", "Person", "A named individual.", False, False
    INTERNATIONAL_BODY = (
        "international-body",
        "International body",
        "An organisation or forum of states.",
        True,
        False,
    )
    COLLECTIVE = (
        "collective",
        "Unnamed collective",
        'A group the source cites without naming its members, such as "some experts".',
        False,
        True,
    )


class MembershipRole(Vocabulary):
    """A person's or unit's role in an organisation."""

    SPOKESPERSON = "spokesperson", "Spokesperson", "Speaks publicly for the organisation."
    LEADER = "leader", "Leader", "Heads the organisation."
    MINISTER = "minister", "Minister", "Holds a ministry in the government."
    OFFICIAL = "official", "Official", "Holds an office in the organisation."
    MEMBER = "member", "Member", "Belongs to the organisation."
    UNIT = "unit", "Unit", "Is a unit or branch of the organisation."


class PlaceKind(Vocabulary):
    """A kind of place, with the zoom level a map opens at to show one."""

    map_zoom: int

    COUNTRY = "country", "Country", "A sovereign state's territory.", 5
    PROVINCE = "province", "Province", "A first-level administrative division.", 6
    DISTRICT = (
        "district",
        "District",
        "A second-level administrative division or an area within a province.",
        9,
    )
    CITY = "city", "City", "A city or town.", 11
    REGION = (
        "region",
        "Region",
        "An area that is not an administrative unit, such as a border region or Central Asia.",
        6,
    )


class SourceKind(Vocabulary):
    """What a source is to this dataset, with the schema.org type of the work."""

    schema_type: str
    quoted: bool
    """Whether claims may quote it (a reference used only for a date is not quoted)."""

    ANALYSIS = (
        "analysis",
        "Analysis",
        "An analysis or opinion article: a primary source for its author's own claims and for "
        "the claims it reports.",
        "NewsArticle",
        True,
    )
    NEWS_REPORT = (
        "news-report",
        "News report",
        "A news report of statements, briefings or events: a primary source for the "
        "statements it quotes or reports.",
        "NewsArticle",
        True,
    )
    OFFICIAL_STATEMENT = (
        "official-statement",
        "Official statement",
        "An official transcript, statement or post, published by the speaker or their office.",
        "CreativeWork",
        True,
    )
    DATE_REFERENCE = (
        "date-reference",
        "Date reference",
        "A report or record cited only to pin a date (or an event's details) that the quoted "
        "sources leave out; not quoted.",
        "CreativeWork",
        False,
    )


class EventKind(Vocabulary):
    """A kind of event."""

    names_source: bool
    """The event is the publication of a source, which it must name."""

    ATTACK = "attack", "Attack", "A violent attack.", False
    ARREST = "arrest", "Arrests", "Arrests or detentions.", False
    STATEMENT = (
        "statement",
        "Statement",
        "A public statement, such as the making of an allegation.",
        False,
    )
    MEETING = "meeting", "Meeting", "A meeting, summit or session of a forum.", False
    PUBLICATION = "publication", "Publication", "The publication of a source.", True
    CHANGE_OF_POWER = (
        "change-of-power",
        "Change of power",
        "A government takes or loses power.",
        False,
    )
    CAMPAIGN = (
        "campaign",
        "Campaign",
        "A sustained series of actions over a period, such as a crackdown or a wave of attacks.",
        False,
    )
    REQUEST = "request", "Request", "A formal or repeated request by one party to another.", False
    STRIKE = (
        "strike",
        "Strike",
        "Air or drone strikes by a state's forces on the territory of another.",
        False,
    )
    CLASH = "clash", "Clashes", "Fighting between the forces of two states.", False
    CEASEFIRE = "ceasefire", "Ceasefire", "An agreement, or a pause, to stop fighting.", False
    TALKS = "talks", "Talks", "A round of negotiations between the two sides.", False


class Precision(Vocabulary):
    """How precise a date is, with how a screen reader is told."""

    aside: str
    """The precision in words, for a date's accessible description."""

    DAY = "day", "Day", "A single day: YYYY-MM-DD.", "a single day"
    MONTH = "month", "Month", "Some day in a month: YYYY-MM.", "some day in that month"
    YEAR = "year", "Year", "Some time in a year: YYYY.", "some time in that year"
    INTERVAL = (
        "interval",
        "Interval",
        "Some time between two dates, or a period lasting between them: START/END, each a "
        "day, month or year; '..' for an open start.",
        "some time in that interval",
    )


class Basis(Vocabulary):
    """How a date is known, with the fields of a date that say where from."""

    needs: tuple[str, ...]
    aside: str
    """The basis in words, for a date's accessible description and the legend."""

    STATED = (
        "stated",
        "Stated",
        "The source prints the date (or the year) itself.",
        ("source", "wording"),
        "printed in the source",
    )
    RELATIVE = (
        "relative",
        "Relative",
        'Worked out from words such as "last week" and the source\'s own date.',
        ("source", "wording"),
        "worked out from the source's words and its date",
    )
    OUTSIDE_REFERENCE = (
        "outside-reference",
        "Outside reference",
        "Taken from another source, which is cited; the primary source does not give it.",
        ("reference",),
        "taken from another source",
    )
    INFERRED = (
        "inferred",
        "Inferred",
        "Reasoned from indirect evidence, which the note explains; never a stated date.",
        ("note",),
        "inferred from indirect evidence",
    )


class CameoCode(Vocabulary):
    """A CAMEO event code (Conflict and Mediation Event Observations)."""

    C012 = "012", "Make pessimistic comment", "CAMEO 012."
    C013 = "013", "Make optimistic comment", "CAMEO 013."
    C016 = "016", "Deny responsibility", "CAMEO 016."
    C020 = "020", "Make an appeal or request", "CAMEO 020."
    C030 = "030", "Express intent to cooperate", "CAMEO 030."
    C040 = "040", "Consult", "CAMEO 040."
    C046 = "046", "Engage in negotiation", "CAMEO 046."
    C090 = "090", "Investigate", "CAMEO 090."
    C100 = "100", "Demand", "CAMEO 100."
    C111 = "111", "Criticize or denounce", "CAMEO 111."
    C112 = "112", "Accuse", "CAMEO 112, not specified below."
    C1121 = "1121", "Accuse of crime, corruption", "CAMEO 1121."
    C1122 = "1122", "Accuse of human rights abuses", "CAMEO 1122."
    C1123 = "1123", "Accuse of aggression", "CAMEO 1123."
    C1124 = "1124", "Accuse of war crimes", "CAMEO 1124."
    C1125 = "1125", "Accuse of espionage, treason", "CAMEO 1125."
    C114 = "114", "Complain officially", "CAMEO 114."
    C125 = "125", "Reject proposal to meet, discuss, or negotiate", "CAMEO 125."
    C173 = "173", "Arrest, detain, or charge with legal action", "CAMEO 173."
    C180 = "180", "Use unconventional violence", "CAMEO 180, not specified below."
    C183 = "183", "Conduct suicide, car, or other non-military bombing", "CAMEO 183."
    C1831 = "1831", "Carry out suicide bombing", "CAMEO 1831."
    C190 = "190", "Use conventional military force", "CAMEO 190."


VOCABULARIES: dict[str, type[Vocabulary]] = {
    "allegation": Allegation,
    "statement kind": StatementKind,
    "tie": Tie,
    "not coded": NotCoded,
    "status": Status,
    "actor type": ActorType,
    "membership role": MembershipRole,
    "place kind": PlaceKind,
    "source kind": SourceKind,
    "event kind": EventKind,
    "date precision": Precision,
    "date basis": Basis,
    "CAMEO code": CameoCode,
}
"""Every closed vocabulary, by the name a reader knows it by."""
