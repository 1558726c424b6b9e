"""The closed vocabularies of the data: every coded value, its label and what it means.

The method page prints these tables, the JSON Schema lists their values, and the checker
refuses anything else, so a new value is added here, once, with its definition.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar


@dataclass(frozen=True)
class Term:
    """One allowed value of a coded field."""

    value: str
    label: str
    definition: str


@dataclass(frozen=True)
class AllegationTerm(Term):
    """An allegation type, with the neutral clause used to state it in a sentence.

    In ``clause``, ``{accused}`` and ``{group}`` are filled from the claim; the sentence
    always begins with the accuser and a reporting verb, so no clause is ever read as fact.
    """

    clause: str
    clause_without_group: str
    names_places: bool = False
    """Whether the sentence says where ("... responsible for attacks in Kabul and Bamiyan")."""


@dataclass(frozen=True)
class KindTerm(Term):
    """A kind of claim, with the reporting verb that attributes it (singular and plural:
    "Pakistan alleges", "some experts allege")."""

    verb: str
    verb_plural: str


@dataclass(frozen=True)
class StatusTerm(Term):
    """A response status; ``answered`` says whether the accused has answered at all."""

    answered: bool


_T = TypeVar("_T", bound=Term)


def _index(*terms: _T) -> dict[str, _T]:
    return {term.value: term for term in terms}


ALLEGATIONS: dict[str, AllegationTerm] = _index(
    AllegationTerm(
        "territory-used",
        "Militants operate from its territory",
        "The accuser says members of a group operate from, or find sanctuary in, territory "
        "the accused controls. It does not by itself say the accused consents.",
        "{group} operates from territory under the control of {accused}",
        "militants operate from territory under the control of {accused}",
    ),
    AllegationTerm(
        "shelters",
        "Shelters militants",
        "The accuser says the accused gives refuge or protection to members of a group.",
        "{accused} shelters members of {group}",
        "{accused} shelters militants",
    ),
    AllegationTerm(
        "hosts-training-camps",
        "Training camps on its territory",
        "The accuser says a group trains its members in camps on the accused's territory.",
        "{group} has training camps on territory of {accused}",
        "militants have training camps on territory of {accused}",
        names_places=True,
    ),
    AllegationTerm(
        "hosts-operational-bases",
        "Bases on its territory",
        "The accuser says a group has bases or operational centres on the accused's "
        "territory, from which it directs its activity.",
        "{group} has bases or operational centres on territory of {accused}",
        "militants have bases or operational centres on territory of {accused}",
        names_places=True,
    ),
    AllegationTerm(
        "responsible-for-attacks",
        "Responsible for attacks",
        "The accuser says the accused carried out, orchestrated or is otherwise responsible "
        "for attacks.",
        "{accused} is responsible for attacks",
        "{accused} is responsible for attacks",
        names_places=True,
    ),
    AllegationTerm(
        "plans-attacks",
        "Plans attacks",
        "The accuser says the accused is preparing attacks that have not yet happened.",
        "{accused} is planning attacks",
        "{accused} is planning attacks",
    ),
    AllegationTerm(
        "cross-border-attacks",
        "Attacks across the border",
        "The accuser says the accused launch attacks from one country's territory into another's.",
        "{accused} launch attacks across the border",
        "{accused} launch attacks across the border",
    ),
    AllegationTerm(
        "failed-to-act",
        "Failed to act",
        "The accuser says the accused has not taken action it was asked or expected to take "
        "against a group.",
        "{accused} has failed to act against {group}",
        "{accused} has failed to act against militants",
    ),
    AllegationTerm(
        "uses-proxies",
        "Uses militant proxies",
        "The accuser says the accused uses militant or extremist groups as proxies to pursue "
        "its aims.",
        "{accused} uses {group} as a proxy",
        "{accused} uses extremist groups as proxies",
    ),
    AllegationTerm(
        "deflects-blame",
        "Deflects blame",
        "The accuser says the accused's own accusations serve to deflect attention from the "
        "accused's failings.",
        "accusations by {accused} about {group} deflect attention from its own failings",
        "accusations by {accused} deflect attention from its own failings",
    ),
    AllegationTerm(
        "security-concern",
        "Security concern",
        "The accuser voices concern about insecurity in, or coming from, the accused's "
        "territory, without attributing a specific act.",
        "{group} in {accused} could destabilise the region",
        "the security situation in {accused} could destabilise the region",
    ),
)

CLAIM_KINDS: dict[str, KindTerm] = _index(
    KindTerm(
        "allegation",
        "Allegation",
        "The accuser asserts that the accused did or does something.",
        "alleges that",
        "allege that",
    ),
    KindTerm(
        "counter-allegation",
        "Counter-allegation",
        "An allegation made in answer to an allegation against the accuser; it names the "
        "claim it answers.",
        "alleges in return that",
        "allege in return that",
    ),
    KindTerm(
        "concern",
        "Concern",
        "The accuser voices worry rather than an accusation of a specific act.",
        "voices concern that",
        "voice concern that",
    ),
    KindTerm(
        "suggestion",
        "Suggestion",
        "A hedged allegation: the accuser says something may or could be the case.",
        "suggests that",
        "suggest that",
    ),
)

STATUSES: dict[str, StatusTerm] = _index(
    StatusTerm(
        "unanswered",
        "Unanswered",
        "A source states that the accused has not responded, as of the source's date.",
        answered=False,
    ),
    StatusTerm(
        "no-response-reported",
        "No response reported",
        "No source in the dataset reports a response to the claim. This is not evidence "
        "that none was given.",
        answered=False,
    ),
    StatusTerm(
        "countered",
        "Countered",
        "The accused answered with an accusation of its own rather than a denial.",
        answered=True,
    ),
    StatusTerm(
        "denied",
        "Denied",
        "The accused has denied the allegation.",
        answered=True,
    ),
    StatusTerm(
        "acknowledged",
        "Acknowledged",
        "The accused has acknowledged what it is accused of.",
        answered=True,
    ),
    StatusTerm(
        "partially-acknowledged",
        "Partly acknowledged",
        "The accused has acknowledged part of the allegation and disputed the rest.",
        answered=True,
    ),
)

ACTOR_TYPES: dict[str, Term] = _index(
    Term("state", "State", "A country as a whole, across its governments."),
    Term(
        "government",
        "Government",
        "The authority in power in a country, named by its capital in "
        "much reporting (Islamabad, Kabul).",
    ),
    Term("armed-group", "Armed group", "A non-state armed or militant organisation."),
    Term("person", "Person", "A named individual."),
    Term("international-body", "International body", "An organisation or forum of states."),
    Term(
        "collective",
        "Unnamed collective",
        'A group the source cites without naming its members, such as "some experts".',
    ),
)

MEMBERSHIP_ROLES: dict[str, Term] = _index(
    Term("spokesperson", "Spokesperson", "Speaks publicly for the organisation."),
    Term("leader", "Leader", "Heads the organisation."),
    Term("official", "Official", "Holds an office in the organisation."),
    Term("member", "Member", "Belongs to the organisation."),
    Term("unit", "Unit", "Is a unit or branch of the organisation."),
)

PLACE_KINDS: dict[str, Term] = _index(
    Term("country", "Country", "A sovereign state's territory."),
    Term("province", "Province", "A first-level administrative division."),
    Term(
        "district",
        "District",
        "A second-level administrative division or an area within a province.",
    ),
    Term("city", "City", "A city or town."),
    Term(
        "region",
        "Region",
        "An area that is not an administrative unit, such as a border region or Central Asia.",
    ),
)

SOURCE_KINDS: dict[str, Term] = _index(
    Term("article", "Article", "An analysis or opinion article; a primary source of claims."),
    Term("news-report", "News report", "A news report, cited to pin a date or an event."),
    Term(
        "official-record",
        "Official record",
        "A record published by a government or an international body.",
    ),
    Term("social-media-post", "Social media post", "A post by the speaker on a social network."),
    Term(
        "general-record",
        "General record",
        "A widely documented fact, such as the date a city fell.",
    ),
)

EVENT_KINDS: dict[str, Term] = _index(
    Term("attack", "Attack", "A violent attack."),
    Term("arrest", "Arrests", "Arrests or detentions."),
    Term("statement", "Statement", "A public statement, such as the making of an allegation."),
    Term("meeting", "Meeting", "A meeting, summit or session of a forum."),
    Term("publication", "Publication", "The publication of a source."),
    Term("change-of-power", "Change of power", "A government takes or loses power."),
    Term(
        "campaign",
        "Campaign",
        "A sustained series of actions over a period, such as a crackdown or a wave of attacks.",
    ),
    Term("request", "Request", "A formal or repeated request by one party to another."),
)

DATE_PRECISIONS: dict[str, Term] = _index(
    Term("day", "Day", "A single day: YYYY-MM-DD."),
    Term("month", "Month", "Some day in a month: YYYY-MM."),
    Term("year", "Year", "Some time in a year: YYYY."),
    Term(
        "interval",
        "Interval",
        "Some time between two dates, or a period lasting between "
        "them: START/END, each a day, month or year; '..' for an open start.",
    ),
)

DATE_BASES: dict[str, Term] = _index(
    Term("stated", "Stated", "The source prints the date (or the year) itself."),
    Term(
        "relative",
        "Relative",
        'Worked out from words such as "last week" and the source\'s own date.',
    ),
    Term(
        "outside-reference",
        "Outside reference",
        "Taken from another source, which is cited; the primary source does not give it.",
    ),
    Term(
        "inferred",
        "Inferred",
        "Reasoned from indirect evidence, which the note explains; never a stated date.",
    ),
)

CAMEO_CODES: dict[str, Term] = _index(
    Term("012", "Make pessimistic comment", "CAMEO 012."),
    Term("016", "Deny responsibility", "CAMEO 016."),
    Term("020", "Make an appeal or request", "CAMEO 020."),
    Term("030", "Express intent to cooperate", "CAMEO 030."),
    Term("040", "Consult", "CAMEO 040."),
    Term("046", "Engage in negotiation", "CAMEO 046."),
    Term("090", "Investigate", "CAMEO 090."),
    Term("100", "Demand", "CAMEO 100."),
    Term("111", "Criticize or denounce", "CAMEO 111."),
    Term("112", "Accuse", "CAMEO 112, not specified below."),
    Term("1121", "Accuse of crime, corruption", "CAMEO 1121."),
    Term("1122", "Accuse of human rights abuses", "CAMEO 1122."),
    Term("1123", "Accuse of aggression", "CAMEO 1123."),
    Term("1124", "Accuse of war crimes", "CAMEO 1124."),
    Term("1125", "Accuse of espionage, treason", "CAMEO 1125."),
    Term("114", "Complain officially", "CAMEO 114."),
    Term("125", "Reject proposal to meet, discuss, or negotiate", "CAMEO 125."),
    Term("173", "Arrest, detain, or charge with legal action", "CAMEO 173."),
    Term("180", "Use unconventional violence", "CAMEO 180, not specified below."),
    Term("183", "Conduct suicide, car, or other non-military bombing", "CAMEO 183."),
    Term("1831", "Carry out suicide bombing", "CAMEO 1831."),
    Term("190", "Use conventional military force", "CAMEO 190."),
)

VOCABULARIES: dict[str, dict[str, Term]] = {
    "allegation": dict(ALLEGATIONS),
    "claim kind": dict(CLAIM_KINDS),
    "status": dict(STATUSES),
    "actor type": ACTOR_TYPES,
    "membership role": MEMBERSHIP_ROLES,
    "place kind": PLACE_KINDS,
    "source kind": SOURCE_KINDS,
    "event kind": EVENT_KINDS,
    "date precision": DATE_PRECISIONS,
    "date basis": DATE_BASES,
    "CAMEO code": CAMEO_CODES,
}
"""Every closed vocabulary, by the name a reader knows it by."""
