"""The closed vocabularies of the data: every coded value, its label and what it means.

Each vocabulary is an enumeration whose members are the values themselves (``str``
subclasses, so ``ClaimKind.ALLEGATION == "allegation"``), each carrying its label, its
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
    """An allegation type, with the neutral clause used to state it in a sentence.

    In ``clause``, ``{accused}`` and ``{group}`` are filled from the claim; the sentence
    always begins with the accuser and a reporting verb, so no clause is ever read as fact.
    """

    clause: str
    clause_without_group: str
    names_places: bool
    """Whether the sentence says where ("... responsible for attacks in Kabul and Bamiyan")."""
    shelters: bool
    """Whether it says a group is sheltered somewhere (the actor pages' "Sheltering")."""

    TERRITORY_USED = (
        "territory-used",
        "Militants operate from its territory",
        "The accuser says members of a group operate from, or find sanctuary in, territory "
        "the accused controls. It does not by itself say the accused consents.",
        "{group} operates from territory under the control of {accused}",
        "militants operate from territory under the control of {accused}",
        False,
        True,
    )
    SHELTERS = (
        "shelters",
        "Shelters militants",
        "The accuser says the accused gives refuge or protection to members of a group.",
        "{accused} shelters members of {group}",
        "{accused} shelters militants",
        False,
        True,
    )
    HOSTS_TRAINING_CAMPS = (
        "hosts-training-camps",
        "Training camps on its territory",
        "The accuser says a group trains its members in camps on the accused's territory.",
        "{group} has training camps on territory of {accused}",
        "militants have training camps on territory of {accused}",
        True,
        True,
    )
    HOSTS_OPERATIONAL_BASES = (
        "hosts-operational-bases",
        "Bases on its territory",
        "The accuser says a group has bases or operational centres on the accused's "
        "territory, from which it directs its activity.",
        "{group} has bases or operational centres on territory of {accused}",
        "militants have bases or operational centres on territory of {accused}",
        True,
        True,
    )
    RESPONSIBLE_FOR_ATTACKS = (
        "responsible-for-attacks",
        "Responsible for attacks",
        "The accuser says the accused carried out, orchestrated or is otherwise responsible "
        "for attacks.",
        "{accused} is responsible for attacks",
        "{accused} is responsible for attacks",
        True,
        False,
    )
    PLANS_ATTACKS = (
        "plans-attacks",
        "Plans attacks",
        "The accuser says the accused is preparing attacks that have not yet happened.",
        "{accused} is planning attacks",
        "{accused} is planning attacks",
        False,
        False,
    )
    CROSS_BORDER_ATTACKS = (
        "cross-border-attacks",
        "Attacks across the border",
        "The accuser says the accused launch attacks from one country's territory into another's.",
        "{accused} launch attacks across the border",
        "{accused} launch attacks across the border",
        False,
        False,
    )
    FAILED_TO_ACT = (
        "failed-to-act",
        "Failed to act",
        "The accuser says the accused has not taken action it was asked or expected to take "
        "against a group.",
        "{accused} has failed to act against {group}",
        "{accused} has failed to act against militants",
        False,
        False,
    )
    USES_PROXIES = (
        "uses-proxies",
        "Uses militant proxies",
        "The accuser says the accused uses militant or extremist groups as proxies to pursue "
        "its aims.",
        "{accused} uses {group} as a proxy",
        "{accused} uses extremist groups as proxies",
        False,
        False,
    )
    DEFLECTS_BLAME = (
        "deflects-blame",
        "Deflects blame",
        "The accuser says the accused's own accusations serve to deflect attention from the "
        "accused's failings.",
        "accusations by {accused} about {group} deflect attention from its own failings",
        "accusations by {accused} deflect attention from its own failings",
        False,
        False,
    )
    SECURITY_CONCERN = (
        "security-concern",
        "Security concern",
        "The accuser voices concern about insecurity in, or coming from, the accused's "
        "territory, without attributing a specific act.",
        "{group} in {accused} could destabilise the region",
        "the security situation in {accused} could destabilise the region",
        False,
        False,
    )


class ClaimKind(Vocabulary):
    """A kind of claim, with the reporting verb that attributes it (singular and plural:
    "Pakistan alleges", "some experts allege")."""

    verb: str
    verb_plural: str
    accuses: bool
    """An accusation (a claim page's title says "accuses"), not a concern or a suggestion."""
    answers_another: bool
    """It must name the claim it answers."""

    ALLEGATION = (
        "allegation",
        "Allegation",
        "The accuser asserts that the accused did or does something.",
        "alleges that",
        "allege that",
        True,
        False,
    )
    COUNTER_ALLEGATION = (
        "counter-allegation",
        "Counter-allegation",
        "An allegation made in answer to an allegation against the accuser; it names the "
        "claim it answers.",
        "alleges in return that",
        "allege in return that",
        True,
        True,
    )
    CONCERN = (
        "concern",
        "Concern",
        "The accuser voices worry rather than an accusation of a specific act.",
        "voices concern that",
        "voice concern that",
        False,
        False,
    )
    SUGGESTION = (
        "suggestion",
        "Suggestion",
        "A hedged allegation: the accuser says something may or could be the case.",
        "suggests that",
        "suggest that",
        False,
        False,
    )


class Status(Vocabulary):
    """A response status; ``answered`` says whether the accused has answered at all."""

    answered: bool
    quoted: bool
    """A source must be quoted saying so."""
    needs_counter_claim: bool
    """A counter-allegation must answer the claim."""

    UNANSWERED = (
        "unanswered",
        "Unanswered",
        "A source states that the accused has not responded, as of the source's date.",
        False,
        True,
        False,
    )
    NO_RESPONSE_REPORTED = (
        "no-response-reported",
        "No response reported",
        "No source in the dataset reports a response to the claim. This is not evidence "
        "that none was given.",
        False,
        False,
        False,
    )
    COUNTERED = (
        "countered",
        "Countered",
        "The accused answered with an accusation of its own rather than a denial.",
        True,
        False,
        True,
    )
    DENIED = ("denied", "Denied", "The accused has denied the allegation.", True, False, False)
    ACKNOWLEDGED = (
        "acknowledged",
        "Acknowledged",
        "The accused has acknowledged what it is accused of.",
        True,
        False,
        False,
    )
    PARTIALLY_ACKNOWLEDGED = (
        "partially-acknowledged",
        "Partly acknowledged",
        "The accused has acknowledged part of the allegation and disputed the rest.",
        True,
        False,
        False,
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
    """A kind of source, with the schema.org type of the work."""

    schema_type: str

    ARTICLE = (
        "article",
        "Article",
        "An analysis or opinion article; a primary source of claims.",
        "NewsArticle",
    )
    NEWS_REPORT = (
        "news-report",
        "News report",
        "A news report, cited to pin a date or an event.",
        "NewsArticle",
    )
    OFFICIAL_RECORD = (
        "official-record",
        "Official record",
        "A record published by a government or an international body.",
        "CreativeWork",
    )
    SOCIAL_MEDIA_POST = (
        "social-media-post",
        "Social media post",
        "A post by the speaker on a social network.",
        "CreativeWork",
    )
    GENERAL_RECORD = (
        "general-record",
        "General record",
        "A widely documented fact, such as the date a city fell.",
        "CreativeWork",
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


class Precision(Vocabulary):
    """How precise a date is."""

    DAY = "day", "Day", "A single day: YYYY-MM-DD."
    MONTH = "month", "Month", "Some day in a month: YYYY-MM."
    YEAR = "year", "Year", "Some time in a year: YYYY."
    INTERVAL = (
        "interval",
        "Interval",
        "Some time between two dates, or a period lasting between them: START/END, each a "
        "day, month or year; '..' for an open start.",
    )


class Basis(Vocabulary):
    """How a date is known, with the fields of a date that say where from."""

    needs: tuple[str, ...]

    STATED = (
        "stated",
        "Stated",
        "The source prints the date (or the year) itself.",
        ("source", "wording"),
    )
    RELATIVE = (
        "relative",
        "Relative",
        'Worked out from words such as "last week" and the source\'s own date.',
        ("source", "wording"),
    )
    OUTSIDE_REFERENCE = (
        "outside-reference",
        "Outside reference",
        "Taken from another source, which is cited; the primary source does not give it.",
        ("reference",),
    )
    INFERRED = (
        "inferred",
        "Inferred",
        "Reasoned from indirect evidence, which the note explains; never a stated date.",
        ("note",),
    )


class CameoCode(Vocabulary):
    """A CAMEO event code (Conflict and Mediation Event Observations)."""

    C012 = "012", "Make pessimistic comment", "CAMEO 012."
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
    "claim kind": ClaimKind,
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
