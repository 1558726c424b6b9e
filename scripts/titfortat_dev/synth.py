"""Synthetic datasets in the real schema, to measure and test the site at sizes we do not have.

``synthesize(claims, seed)`` returns a complete data folder (YAML files, stored texts and the
In brief) as bytes, so a benchmark or a test can write it anywhere or check it in memory;
``claims`` is the number of statements. Every name is invented, so no real person, group or
place is accused of anything, but the shape is the real one: analyses, news reports, official
statements and republished copies whose stored excerpts hold only the quoted paragraphs,
under their numbers in the original, with a ledger that says why every other paragraph is
not coded; superseded sources that keep only their page; date references that pin dates;
statements reported by several sources, some whole and some in part (with their own
paraphrase), with the names and titles each report uses; paraphrases made of their quotes'
words (a few with an editorial word and its reason); denials, counter-accusations and
acknowledgements that answer a statement, tied to it by the words of a report (``named``) or
by meeting that side on that allegation (``met``); restatements, standing positions,
framings; what sources say of the answers; people whose posts begin and end; names one side
uses for a group; notes that link records; and a few exchanges with summaries and moments.

Proportions per 1,000 statements: about 50 quoted sources (a few of them copies), 2
superseded ones, 10 date references, 120 actors, 80 places, 200 events and 7 exchanges (12 at
most, with 8 moments in all), over ten years (2015-2024). Smaller datasets keep a floor of
each, and their first records cycle through the vocabularies, so even 10 statements have
every statement kind, every state a status entry may hold and every state an answer sets,
both ties, a restatement, a standing position, a statement reported whole by an original and
by a copy and in part by another source, a superseded source, an exchange, every reason a
paragraph is not coded, every source kind, date basis and precision, event kind, actor type
and membership role; every allegation type appears by 100 statements and every CAMEO code by
200 (both depend on who accuses whom, and on the events).

The output depends only on ``(claims, seed)``: one seeded :class:`random.Random`, lists and
insertion-ordered dicts only (no set iteration, no clock), so the same arguments give the
same bytes in any process.

``python -m titfortat_dev.synth --statements 1000 --out /tmp/data`` writes one to a new folder.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import functools
import json
import random
import re
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

import yaml

from titfortat.model import vocab
from titfortat.model.dates import MONTHS, DateValue, parse_date, parse_point
from titfortat.model.quotes import find_segments, normalise, segments
from titfortat.model.records import MOMENT_LIMIT, PARAPHRASE_LIMIT
from titfortat.model.support import STOP_WORDS, stems, vocabulary

FIRST_DAY = dt.date(2015, 1, 1)
LAST_DAY = dt.date(2024, 12, 31)
RECORDS_PER_FILE = 1000
"""The most records written to one YAML file (the checker refuses files over 8 MB)."""
MOMENT_TOTAL = 8
"""Moments the timeline chart labels, in all exchanges together (the checker's limit)."""

_T = TypeVar("_T")
_RSQUO = "\u2019"
_NDASH = "\u2013"
_LDQUO = "\u201c"
_RDQUO = "\u201d"

# -- vocabulary of invented names --------------------------------------------------------------

_ONSETS = [
    "b",
    "d",
    "f",
    "g",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "z",
    "sh",
    "kh",
    "dr",
    "br",
    "st",
    "tr",
    "gh",
]
_VOWELS = ["a", "e", "i", "o", "u", "a", "e", "o"]
_CODAS = ["", "", "", "n", "r", "l", "s", "m", "sh", "k"]
_COUNTRY_ENDINGS = ["ia", "stan", "land", "ova", "ar", "esh", "ana"]
_GROUP_THEMES = [
    "Liberation",
    "Resistance",
    "Revolutionary",
    "Justice",
    "Freedom",
    "Mountain",
    "Frontier",
    "Unity",
    "Defence",
    "Renewal",
    "Martyrs",
    "Salvation",
]
_GROUP_TYPES = ["Front", "Movement", "Army", "Brigades", "Council", "Legion"]
_ALIAS_PATTERNS = ["the {w} outlaws", "the {w} network", "{w} extremists", "the {w} gangs"]
"""Names one side uses for a group (its own, usually disparaging)."""
_BODY_PATTERNS = [
    "{r} Cooperation Council",
    "Council of {r} States",
    "{r} Security Forum",
    "{r} Assembly of Nations",
    "Conference on {r} Stability",
]
_COLLECTIVE_PATTERNS = [
    "Unnamed security officials of {c}",
    "Some analysts in {c}",
    "Diplomats in {c}",
    "Residents of border districts of {c}",
    "Human rights groups in {c}",
    "Unnamed insurgents in {c}",
]
_PUBLISHERS = [
    ("Policy North", "policynorth.example"),
    ("The Frontier Review", "frontierreview.example"),
    ("Regional Monitor", "regionalmonitor.example"),
    ("Daily Meridian", "dailymeridian.example"),
    ("The Border Observer", "borderobserver.example"),
    ("Steppe Times", "steppetimes.example"),
    ("Highland Dispatch", "highlanddispatch.example"),
    ("The Caravan", "thecaravan.example"),
]
_COPY_SITES = [
    ("Regional News Digest", "newsdigest.example"),
    ("frontier-feeds.example", "frontier-feeds.example"),
    ("The Aggregator", "aggregator.example"),
]
"""Sites that republish other outlets' reports (copies)."""
_WIRES = [
    ("Continental Press", "continentalpress.example"),
    ("News Agency of the South", "nas.example"),
    ("The Evening Ledger", "eveningledger.example"),
]
_FILLERS: dict[str, tuple[str, ...]] = {
    # Sentences a report has besides the statements it reports, by why they are not coded.
    "background": (
        "Relations between {c1} and {c2} have been tense for years.",
        "The border crossing near {p} was closed for {n} days.",
        "Officials did not give further details.",
        "The claims could not be independently verified.",
        "{b} called on both sides to show restraint.",
        "Thousands of families have left the districts around {p}.",
        "Neither side has published evidence for its accusations.",
        "The security situation in {p} remains fragile.",
    ),
    "analysis": (
        "Analysts in {p} said the dispute was unlikely to end soon.",
        "The accusations serve both governments at home, one analyst argued.",
        "Neither capital can afford a break with the other, in this writer{q}s view.",
    ),
    "off-topic": (
        "Trade between the two countries has fallen sharply since {y}.",
        "The price of flour in {p} rose again this month.",
        "The national cricket team of {c1} beat {c2} by {n} runs.",
    ),
    "fighting": (
        "Fighting along the border near {p} went on for {n} hours.",
        "Talks between {c1} and {c2} ended without an agreement.",
        "{n} soldiers were killed in clashes near {p}, officials said.",
    ),
    "page-matter": (
        "A checkpoint near {p}. (File photo)",
        "Follow our coverage of the region on Chirper.",
        "Read more: border crossings reopen after {n} days.",
    ),
}
_INLINE_REASONS = ("background", "background", "analysis")
"""The fillers a quoted paragraph may hold between its quoted sentences."""
_LEDGER_NOTES = {
    "background": "Earlier events and figures, in the report{q}s own voice.",
    "analysis": "The author{q}s reading of the dispute; it accuses no one.",
    "off-topic": "Trade, prices and sport.",
    "fighting": "An account of the fighting, recorded as events where a statement refers to it.",
    "page-matter": "A photo caption and links to other coverage.",
}


# -- how often things happen -------------------------------------------------------------------

_ORGANISATIONS = ("government", "military", "armed-group", "international-body")
_ANSWERABLE = ("government", "state", "military", "armed-group", "international-body", "person")
"""Whom a statement may be about, if it is to be answered: the accused speaks for itself (a
state or its armed forces through its government)."""
_ACCUSERS = (
    "government",
    "state",
    "military",
    "armed-group",
    "collective",
    "international-body",
    "person",
)
_ACCUSED = ("government", "state", "military", "armed-group", "collective", "person")
_TITLES: dict[tuple[str, str], tuple[str, ...]] = {
    # The titles a post of each role may have in each kind of organisation.
    ("government", "spokesperson"): ("foreign ministry spokesperson", "government spokesperson"),
    ("government", "minister"): (
        "defence minister",
        "foreign minister",
        "interior minister",
        "information minister",
    ),
    ("government", "official"): (
        "deputy foreign minister",
        "acting deputy foreign minister",
        "national security adviser",
        "special envoy for the region",
    ),
    ("military", "spokesperson"): ("chief military spokesperson",),
    ("military", "official"): ("director of public relations", "corps commander"),
    ("military", "leader"): ("army chief",),
    ("armed-group", "spokesperson"): ("spokesperson",),
    ("armed-group", "leader"): ("leader", "supreme commander"),
    ("armed-group", "official"): ("deputy leader", "commander"),
    ("armed-group", "member"): ("fighter",),
    ("international-body", "spokesperson"): ("spokesperson",),
    ("international-body", "official"): ("special representative", "envoy"),
    ("international-body", "leader"): ("secretary-general", "chair"),
}
_ROLES = {
    "government": ("minister", "official", "spokesperson"),
    "military": ("official", "spokesperson", "leader"),
    "armed-group": ("leader", "member", "official", "spokesperson"),
    "international-body": ("official", "spokesperson", "leader"),
}
_ROLE_COVER = (
    ("government", "minister"),
    ("armed-group", "leader"),
    ("military", "official"),
    ("armed-group", "member"),
    ("government", "official"),
)
"""The first people after the spokespeople: every membership role early (units are wings)."""
_SPEAKING_ROLES = ("spokesperson", "official", "leader", "minister")
_SOURCE_STYLES = (
    # (kind, style, weight): what a quoted source is, and how it is laid out and titled.
    (("news-report", "article"), 0.41),
    (("news-report", "copy"), 0.04),
    (("analysis", "article"), 0.25),
    (("official-statement", "statement"), 0.18),
    (("official-statement", "post"), 0.12),
)
_SOURCE_COVER = (
    ("news-report", "article"),
    ("news-report", "copy"),
    ("official-statement", "statement"),
    ("analysis", "article"),
    ("official-statement", "post"),
    ("news-report", "article"),
)
"""The first quoted sources' kinds: the second republishes the first's report."""
_STYLE_WEIGHTS = {"article": 1.0, "copy": 0.6, "statement": 0.8, "post": 0.35}
"""How many statements a source of each style reports, relatively."""
_ROLE_WEIGHTS = (
    # (role, weight): what a statement after the first few does.
    ("fresh", 0.55),
    ("concern", 0.08),
    ("suggestion", 0.07),
    ("victory", 0.02),
    ("deny", 0.14),
    ("counter", 0.06),
    ("acknowledge", 0.02),
    ("restate", 0.05),
    ("standing", 0.01),
)
_COVER_ROLES = (
    "fresh",
    "deny",
    "counter",
    "deny-counter",
    "restate",
    "concern",
    "acknowledge",
    "suggestion",
    "standing",
    "author",
    "victory",
    "restate",
)
"""The first statements: A; a denial of A tied by its words; a counter-accusation that meets
A; a partial acknowledgement of that, tied by its words; A made again; a concern, and its
acknowledgement; a suggestion framed as a response to A; a standing position; a statement in
an analysis's author's own voice; a claim of victory over a group; A's restatement made
again in turn (a chain of restatements)."""
_KIND_OF_ROLE = {
    "fresh": "allegation",
    "author": "allegation",
    "counter": "allegation",
    "restate": "allegation",
    "concern": "concern",
    "suggestion": "suggestion",
    "victory": "statement",
    "acknowledge": "statement",
    "deny": "denial",
    "deny-counter": "denial",
    "standing": "standing-position",
}
_ANSWERING = ("deny", "deny-counter", "counter", "acknowledge")
_DATE_PLANS = (
    # (basis, precision, weight): how statement dates are known, as in real reporting.
    ("stated", "day", 0.22),
    ("stated", "month", 0.06),
    ("stated", "year", 0.03),
    ("stated", "interval", 0.04),
    ("relative", "day", 0.05),
    ("relative", "interval", 0.12),
    ("relative", "month", 0.04),
    ("relative", "year", 0.02),
    ("outside-reference", "day", 0.22),
    ("inferred", "interval", 0.14),
    ("inferred", "month", 0.06),
)
_STATUS_PLANS = (
    # What sources say of the answers to a statement none is recorded for, and how often.
    ((), 0.40),
    (("no-response-reported",), 0.33),
    (("unanswered",), 0.12),
    (("no-official-response",), 0.08),
    (("no-response-reported", "unanswered"), 0.04),
    (("no-response-reported", "no-official-response"), 0.03),
)
_SILENCES = {
    "unanswered": (
        "{a} has yet to respond to the accusation.",
        "{a} did not respond to requests for comment on the accusation.",
    ),
    "no-official-response": (
        "There has been no official response from {a} so far.",
        "{a} has yet to respond officially to the accusation.",
    ),
}
_CLAUSES = {
    # What the accuser said, after "said that": with a group, and without one. The
    # paraphrase is this clause, so its words are always in the quote.
    "territory-used": (
        "{group} operates from the territory of {accused}",
        "militants operate from the territory of {accused}",
    ),
    "shelters": ("{accused} shelters members of {group}", "{accused} shelters militants"),
    "hosts-training-camps": (
        "{group} has training camps on the territory of {accused}",
        "militants have training camps on the territory of {accused}",
    ),
    "hosts-operational-bases": (
        "{group} has bases and operational centres on the territory of {accused}",
        "militants have bases and operational centres on the territory of {accused}",
    ),
    "attacks-prepared-on-territory": (
        "recent attacks by {group} were planned on the territory of {accused}",
        "recent attacks were planned on the territory of {accused}",
    ),
    "responsible-for-attacks": (
        "{accused} is responsible for recent attacks",
        "{accused} is responsible for recent attacks",
    ),
    "plans-attacks": ("{accused} is planning new attacks", "{accused} is planning new attacks"),
    "cross-border-attacks": (
        "{accused} launches attacks across the border",
        "{accused} launches attacks across the border",
    ),
    "failed-to-act": (
        "{accused} has failed to act against {group}",
        "{accused} has failed to act against militants",
    ),
    "supports": (
        "{accused} supplies weapons and money to {group}",
        "{accused} supplies weapons and money to militant groups",
    ),
    "uses-proxies": (
        "{accused} uses {group} as a proxy",
        "{accused} uses extremist groups as proxies",
    ),
    "directs": (
        "{accused} directs the attacks of {group}",
        "{accused} directs the attacks of militants",
    ),
    "proxy-for-third-state": (
        "{group} operates from the territory of {accused} with the backing of another state",
        "militants backed by another state operate from the territory of {accused}",
    ),
    "deflects-blame": (
        "accusations by {accused} about {group} deflect attention from its own failings",
        "accusations by {accused} deflect attention from its own failings",
    ),
    "defeated": (
        "{accused} has been defeated and no longer holds any territory",
        "{accused} has been defeated and no longer holds any territory",
    ),
    "failure-or-complicity": (
        "the attack by {group} shows either the weakness of {accused} or its cooperation with "
        "the attackers",
        "the latest attack shows either the weakness of {accused} or its cooperation with the "
        "attackers",
    ),
    "security-concern": (
        "{group} in {accused} could destabilise the region",
        "the security situation in {accused} could destabilise the region",
    ),
}
_DENIALS = {
    # What a denial that does not name what it answers says, with {accused} the one denying.
    "territory-used": "no militants operate from the territory of {accused}",
    "shelters": "{accused} shelters no militants",
    "hosts-training-camps": "there are no training camps on the territory of {accused}",
    "hosts-operational-bases": "there are no militant bases on the territory of {accused}",
    "attacks-prepared-on-territory": "no attacks were planned on the territory of {accused}",
    "responsible-for-attacks": "{accused} had no part in the recent attacks",
    "plans-attacks": "{accused} is planning no attacks",
    "cross-border-attacks": "{accused} has launched no attacks across the border",
    "failed-to-act": "{accused} has acted against the militants on its territory",
    "supports": "{accused} gives no support to any militant group",
    "uses-proxies": "{accused} uses no militant group as a proxy",
    "directs": "{accused} directs no militant attacks",
    "proxy-for-third-state": "{accused} acts for no other state",
    "deflects-blame": "{accused} deflects no blame",
    "defeated": "{accused} has not been defeated",
    "failure-or-complicity": "the attack shows neither weakness nor cooperation by {accused}",
    "security-concern": "the security situation in {accused} is under control",
}
_STANDING = (
    "it does not allow its territory to be used against any other country",
    "it does not allow its soil to be used against any neighbour",
)
_SYNONYMS = (
    # (the clause's word, the paraphrase's): an editorial word, listed with its reason.
    ("shelters", "harbours"),
    ("failed", "neglected"),
    ("supplies", "provides"),
    ("planning", "preparing"),
    ("launches", "mounts"),
    ("destabilise", "unsettle"),
    ("defeated", "vanquished"),
    ("operates", "works"),
    ("uses", "exploits"),
    ("planned", "prepared"),
    ("responsible", "culpable"),
    ("deflect", "divert"),
    ("baseless", "groundless"),
)
_SUGGESTED = ("deflects-blame", "uses-proxies", "failed-to-act", "shelters", "supports")
_AGAINST_GROUPS = ("responsible-for-attacks", "plans-attacks", "cross-border-attacks")
_COVERED = (
    "territory-used",
    "shelters",
    "supports",
    "hosts-training-camps",
    "hosts-operational-bases",
    "attacks-prepared-on-territory",
    "cross-border-attacks",
    "failed-to-act",
)
"""What a standing position ("it does not allow its territory to be used") speaks to."""
_EVENT_KINDS = (
    ("attack", 0.25),
    ("arrest", 0.10),
    ("statement", 0.12),
    ("meeting", 0.08),
    ("campaign", 0.10),
    ("request", 0.08),
    ("change-of-power", 0.03),
    ("publication", 0.07),
    ("strike", 0.06),
    ("clash", 0.05),
    ("ceasefire", 0.03),
    ("talks", 0.03),
)
_EVENT_DATES = (
    ("outside-reference", 0.40),
    ("stated", 0.30),
    ("inferred", 0.10),
    ("relative", 0.10),
    ("undated", 0.05),
    ("reference-only", 0.05),
)
_CAMEO_BY_ALLEGATION = {
    "territory-used": ["112", "1123"],
    "shelters": ["112", "1123"],
    "hosts-training-camps": ["112", "1123"],
    "hosts-operational-bases": ["112", "1123"],
    "attacks-prepared-on-territory": ["112", "1123"],
    "responsible-for-attacks": ["112", "1121", "1122", "1124"],
    "plans-attacks": ["112", "1123"],
    "cross-border-attacks": ["112", "1123"],
    "failed-to-act": ["112", "111", "100", "114"],
    "supports": ["112", "1123"],
    "uses-proxies": ["112", "1125"],
    "directs": ["112", "1123"],
    "proxy-for-third-state": ["112", "1125"],
    "deflects-blame": ["111"],
    "defeated": ["013"],
    "failure-or-complicity": ["112", "111"],
    "security-concern": ["012"],
}
_CAMEO_BY_KIND = {"denial": "016", "standing-position": "016", "statement": "030"}
"""The code of a kind of statement whatever it is about (a victory is coded as above)."""
_EVENT_CAMEO = {
    "attack": ["180", "183", "1831", "190"],
    "arrest": ["173"],
    "statement": ["112", "111", "016", "114"],
    "meeting": ["040", "046", "030", "125"],
    "campaign": ["190", "173", "090"],
    "request": ["020", "100"],
    "change-of-power": ["190"],
    "strike": ["190"],
    "clash": ["190"],
    "ceasefire": ["030"],
    "talks": ["046", "040"],
}
_EARLY = 100
"""Records before this many cycle through their options (least used first); later ones pick
at random."""
_VERBS = {
    "allegation": ["said", "alleged", "claimed", "insisted", "stated"],
    "concern": ["voiced concern", "warned", "said it was worried"],
    "suggestion": ["suggested", "hinted", "implied"],
    "statement": ["said", "announced", "declared"],
    "denial": ["said", "insisted", "stated"],
    "standing-position": ["says"],
}
_ECHOES = (
    "According to {a}, {c}.",
    "{A} told reporters that {c}.",
    "{A} said in a statement that {c}.",
)
"""How another report gives a statement whole."""


def slugify(text: str, limit: int = 60) -> str:
    """An id from a name: lower-case words joined by hyphens, cut at a word boundary."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower().replace(_RSQUO, "").replace("'", ""))
    slug = slug.strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug or "x"


def human_day(day: dt.date) -> str:
    """12 March 2019, as sources print dates."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def human_month(day: dt.date) -> str:
    """March 2019."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _weighted(rng: random.Random, table: Sequence[tuple[_T, float]]) -> _T:
    return rng.choices([v for v, _ in table], weights=[w for _, w in table])[0]


def _span(when: Mapping[str, Any]) -> DateValue:
    """What a date field may stand for, as the checker reads it."""
    parsed = parse_date(str(when["date"]), vocab.Precision.of(str(when["precision"])))
    assert isinstance(parsed, DateValue), parsed
    return parsed


def _after(first: DateValue, second: DateValue) -> bool:
    """Whether ``first`` is certainly later than ``second`` (the checker's rule)."""
    return first.earliest is not None and first.earliest > second.latest


def _month(day: dt.date, offset: int = 0) -> str:
    """YYYY-MM of the month ``offset`` months after the one ``day`` is in."""
    index = day.year * 12 + day.month - 1 + offset
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


# -- the plan ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Counts:
    """How many records of each kind a dataset of ``statements`` statements gets."""

    statements: int
    primary: int
    superseded: int
    references: int
    actors: int
    places: int
    events: int
    exchanges: int

    @classmethod
    def for_statements(cls, statements: int) -> Counts:
        """The proportions per 1,000 statements, with floors so small datasets have every
        kind."""
        return cls(
            statements=statements,
            primary=max(len(_SOURCE_COVER) + 1, round(statements * 0.05)),
            superseded=max(1, round(statements * 0.002)),
            references=max(2, round(statements * 0.01)),
            actors=max(32, round(statements * 0.12)),
            places=max(10, round(statements * 0.08)),
            events=max(len(_EVENT_KINDS), round(statements * 0.2)),
            exchanges=min(12, 1 + statements // 160),
        )


@dataclass
class _Place:
    id: str
    name: str
    kind: str
    parent: str | None
    country: str | None
    coordinates: tuple[float, float] | None
    other_names: list[str] = field(default_factory=list)


@dataclass
class _Post:
    """A membership: a post in an organisation, held from ``start`` to ``end`` (either may be
    left open)."""

    organization: str
    role: str
    title: str | None = None
    start: str | None = None
    end: str | None = None
    note: str | None = None

    @functools.cached_property
    def first(self) -> dt.date:
        point = parse_point(self.start) if self.start else None
        return point.first if point else dt.date.min

    @functools.cached_property
    def last(self) -> dt.date:
        point = parse_point(self.end) if self.end else None
        return point.last if point else dt.date.max

    def held(self, when: DateValue) -> bool:
        """Whether it may have been held then (the checker's rule)."""
        if when.earliest is not None and self.last < when.earliest:
            return False
        return self.first <= when.latest

    @property
    def words(self) -> str:
        """The post as a sentence names it: its title, or its role."""
        return self.title or vocab.MembershipRole.of(self.role).label.lower()


@dataclass
class _Alias:
    name: str
    used_by: str | None = None
    note: str | None = None


@dataclass
class _Actor:
    id: str
    name: str
    type: str
    description: str
    short_name: str | None = None
    country: str | None = None
    home: str | None = None
    """The country it belongs to, for choosing places (set for groups and collectives too)."""
    other_names: list[str] = field(default_factory=list)
    aliases: list[_Alias] = field(default_factory=list)
    memberships: list[_Post] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    """How texts name it: its name and the other names sources use."""
    weight: float = 1.0


@dataclass(eq=False)  # two sentences of the same words are two sentences: compare by identity
class _Sentence:
    text: str
    reason: str | None = None
    """Why it is not coded, for a sentence nothing quotes (None for one something quotes)."""
    paragraph: int = 0
    """Its paragraph's number in the original, set when the text is laid out."""
    repeats: _Statement | None = None
    """The statement it gives again, for a sentence that repeats one."""


@dataclass(eq=False)
class _Source:
    id: str
    title: str
    kind: str
    style: str
    """How it reads: "article", "copy", "statement", "post", or "reference" (a date
    reference)."""
    day: dt.date
    publisher: str
    domain: str
    index: int = 0
    """Its place among the quoted sources, oldest first."""
    author: str | None = None
    author_actor: str | None = None
    copy_of: str | None = None
    has_url: bool = True
    archived: bool = False
    published: dict[str, Any] | None = None
    note: str | None = None
    sentences: list[_Sentence] = field(default_factory=list)
    dateline: str | None = None
    caption: bool = False
    blocks: list[list[_Sentence]] = field(default_factory=list)
    """The original's paragraphs, in order, once laid out."""
    capture_complete: bool = True
    superseded_by: _Source | None = None
    statements: list[_Statement] = field(default_factory=list)
    """The statements it reports, in the order they were made up."""

    @property
    def quoted(self) -> bool:
        return self.style != "reference" and self.superseded_by is None

    @functools.cached_property
    def published_span(self) -> DateValue:
        assert self.published is not None
        return _span(self.published)


@dataclass(eq=False)
class _Quote:
    """Evidence cut from a sentence of a source."""

    source: _Source
    sentence: _Sentence
    quote: str


@dataclass(eq=False)
class _Event:
    id: str
    title: str
    kind: str
    day: dt.date | None
    date: dict[str, Any] | None
    places: list[str]
    actors: list[str]
    text: str = ""
    """How a source reports it, for a source with nothing else quoted from it."""
    cameo: str | None = None
    source: _Source | None = None
    evidence: list[_Quote] = field(default_factory=list)
    note: str | None = None


@dataclass(eq=False)
class _Step:
    """What a source says of the answers to a statement: none yet, none official."""

    state: str
    as_of: _Source
    date: dict[str, Any] | None = None
    evidence: list[_Quote] = field(default_factory=list)
    note: str | None = None


@dataclass(eq=False)
class _Framing:
    """A source presenting a statement as a response to another."""

    statement: _Statement
    source: _Source
    evidence: list[_Quote]
    framer: str | None = None
    note: str | None = None


@dataclass(eq=False)
class _Answer:
    """The statement it answers, the state it sets, and how a source ties it."""

    statement: _Statement
    state: str
    tie: str
    evidence: list[_Quote] = field(default_factory=list)
    note: str | None = None


@dataclass(eq=False)
class _Report:
    """One source's report of a statement."""

    source: _Source
    quotes: list[_Quote]
    paraphrase: str | None = None
    places: list[str] | None = None
    accused_as: str | None = None
    speaker_as: str | None = None
    groups_as: list[str] = field(default_factory=list)
    said: dict[str, Any] | None = None
    note: str | None = None


@dataclass(eq=False)
class _Statement:
    index: int
    role: str
    kind: str
    by: str
    about: str | None
    allegation: str
    home: _Source
    """The source that reports it first (its sentence there is the one it is made from)."""
    target: _Statement | None = None
    """What it answers or restates."""
    state: str | None = None
    """The state it sets on the statement it answers."""
    id: str = ""
    day: dt.date = FIRST_DAY
    speaker: str | None = None
    post: _Post | None = None
    covers: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    said: dict[str, Any] = field(default_factory=dict)
    span: DateValue | None = None
    lead: str = ""
    """The words that open its sentence and give its date ("On 12 March 2019, ")."""
    date_source: _Source | None = None
    title: str | None = None
    clause: str = ""
    """What was said, in its home report's words: the paraphrase before any editorial word."""
    paraphrase: str = ""
    editorial: list[tuple[str, str]] = field(default_factory=list)
    mentions: dict[str, str] = field(default_factory=dict)
    """How its home sentence names its actors, by id."""
    reports: list[_Report] = field(default_factory=list)
    status: list[_Step] = field(default_factory=list)
    answer: _Answer | None = None
    framing: _Framing | None = None
    cameo: str = "112"
    events: list[str] = field(default_factory=list)
    note: str | None = None

    @property
    def author_voice(self) -> bool:
        return self.role == "author"

    @property
    def restates(self) -> _Statement | None:
        return self.target if self.role == "restate" else None

    @property
    def when(self) -> DateValue:
        assert self.span is not None
        return self.span


@dataclass
class _Exchange:
    id: str
    title: str
    statements: list[_Statement]
    period: dict[str, Any]
    summary: str = ""
    moments: list[tuple[str, list[_Statement]]] = field(default_factory=list)
    note: str | None = None


class _Synth:
    """Builds one dataset: places, actors, sources, events, statements, then texts and
    files."""

    def __init__(self, statements: int, seed: int) -> None:
        if statements < 1:
            raise ValueError("a dataset needs at least one statement")
        self.counts = Counts.for_statements(statements)
        self.seed = seed
        # Reproducible synthetic data, not secrets: a seeded PRNG is what is wanted.
        self.rng = random.Random(f"titfortat-synth:{statements}:{seed}")  # noqa: S311
        self.names: dict[str, None] = {}
        self.ids: dict[str, None] = {}
        self.places: dict[str, _Place] = {}
        self.actors: dict[str, _Actor] = {}
        self.sources: list[_Source] = []
        self.references: list[_Source] = []
        self.superseded: list[_Source] = []
        self.events: list[_Event] = []
        self.statements: list[_Statement] = []
        self.exchanges: list[_Exchange] = []
        self.in_brief = ""
        self.country_places: dict[str, list[str]] = {}
        self.governments: dict[str, str] = {}
        self.militaries: dict[str, str] = {}
        self.states: dict[str, str] = {}
        self.rivals: dict[str, str] = {}
        self.speakers: dict[str, list[str]] = {}
        """People who may speak for an organisation, by its id."""
        self.journalists: list[str] = []
        self.groups: list[str] = []
        self.bodies: list[str] = []
        self.groups_by_home: dict[str, list[str]] = {}
        self.source_days: list[dt.date] = []
        self.event_days: list[dt.date] = []
        self.pools: dict[tuple[str, ...], tuple[list[str], list[float]]] = {}
        self.used: dict[str, dict[str, int]] = {}
        """How often each option has been picked, by what it is for (see ``least_used``)."""
        self.spokesperson_title: dict[str, str] = {}
        """The title of each organisation's spokesperson, by its id."""
        self.shown: dict[str, bool] = {}
        """Features shown once already, which later records show only now and then."""
        self.answered: dict[int, list[_Statement]] = {}
        """The statements that answer each statement, by its index."""
        self.restated: dict[int, list[_Statement]] = {}
        """The statements that restate each statement, by its index."""
        self.family: dict[int, int] = {}
        """Each statement's family (those ``restates`` links join) by its first member."""
        self.members: dict[int, list[_Statement]] = {}
        self.met: dict[int, list[tuple[_Statement, _Statement]]] = {}
        self.meets: dict[int, bool] = {}
        """Whether each answer (by its index) is to meet its target rather than name it."""
        """Per family: (statement, answer) for every answer tied 'met' to one of them."""

    # -- names and picks -----------------------------------------------------------------------

    def word(self, syllables: int) -> str:
        """An invented word, capitalised."""
        rng = self.rng
        return "".join(
            rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables)
        ).capitalize()

    def unique_name(self, make: Callable[[], str]) -> str:
        """A name no other record has, so pages and search results can be told apart."""
        for _ in range(50):
            name = make()
            if name not in self.names:
                self.names[name] = None
                return name
        name = f"{make()} {len(self.names)}"
        self.names[name] = None
        return name

    def unique_id(self, base: str) -> str:
        """An id no other record of any kind has."""
        base = slugify(base)
        candidate, n = base, 2
        while candidate in self.ids:
            candidate = f"{base}-{n}"
            n += 1
        self.ids[candidate] = None
        return candidate

    def day_between(self, first: dt.date, last: dt.date) -> dt.date:
        return first + dt.timedelta(days=self.rng.randint(0, max(0, (last - first).days)))

    def mention(self, actor_id: str) -> str:
        """How a text names an actor: its name, or another name sources use for it."""
        return self.rng.choice(self.actors[actor_id].mentions)

    def short(self, actor_id: str) -> str:
        actor = self.actors[actor_id]
        return actor.short_name or actor.name

    def the(self, actor_id: str) -> str:
        """The actor's name as a sentence starts with it: "The Government of Vestan"."""
        actor = self.actors[actor_id]
        return ("The " if actor.type in _ORGANISATIONS else "") + actor.name

    def side(self, actor_id: str | None) -> str | None:
        """The country an actor stands for, as the checker reads it (None for none)."""
        actor = self.actors.get(actor_id or "")
        if actor is None:
            return None
        if actor.country:
            return actor.country
        for post in actor.memberships:
            organization = self.actors.get(post.organization)
            if organization is not None and organization.country:
                return organization.country
        return None

    def responder(self, about: str) -> str | None:
        """Who answers for ``about``: itself, or for a state or its armed forces the
        country's government; None for those no one answers for (unnamed collectives)."""
        actor = self.actors[about]
        if actor.type not in _ANSWERABLE:
            return None
        if actor.type in ("state", "military"):
            return self.governments.get(actor.country or "")
        return about

    def pick_actor(self, types: tuple[str, ...], exclude: str | None = None) -> str:
        """An actor of one of ``types``; busy actors more often (weights are heavy-tailed)."""
        if types not in self.pools:
            ids = [a.id for a in self.actors.values() if a.type in types]
            cumulative: list[float] = []
            total = 0.0
            for actor_id in ids:
                total += self.actors[actor_id].weight
                cumulative.append(total)
            self.pools[types] = (ids, cumulative)
        ids, cumulative = self.pools[types]
        for _ in range(20):
            picked = self.rng.choices(ids, cum_weights=cumulative)[0]
            if picked != exclude and (exclude is None or not self.same_side(picked, exclude)):
                return picked
        return next(i for i in ids if i != exclude)

    def same_side(self, one: str, other: str) -> bool:
        side = self.side(one)
        return side is not None and side == self.side(other)

    def places_near(self, country: str | None, count: int) -> list[str]:
        """``count`` places inside a country (anywhere when it has none; fewer if it has
        fewer), no repeats."""
        pool = self.country_places.get(country or "") or self.country_places["*"]
        return self.rng.sample(pool, min(count, len(pool)))

    def least_used(self, purpose: str, options: Sequence[str], *, early: bool) -> str:
        """One of ``options``: early on, one used least so far for ``purpose`` (so the first
        records cycle through a vocabulary); later, any."""
        used = self.used.setdefault(purpose, {})
        if early:
            fewest = min(used.get(option, 0) for option in options)
            picked = self.rng.choice([o for o in options if used.get(o, 0) == fewest])
        else:
            picked = self.rng.choice(list(options))
        used[picked] = used.get(picked, 0) + 1
        return picked

    def later_source(self, source: _Source, spread: int = 6) -> _Source | None:
        """A quoted source after ``source`` (never the same one), or None for the last."""
        first = source.index + 1
        if first >= len(self.sources):
            return None
        return self.sources[min(len(self.sources) - 1, first + self.rng.randint(0, spread))]

    # -- places --------------------------------------------------------------------------------

    def make_places(self) -> None:
        """Countries with capitals, provinces, districts and cities inside, border regions."""
        rng = self.rng
        countries = max(2, round(self.counts.places * 0.1))
        for _ in range(countries):
            name = self.unique_name(lambda: self.word(2) + rng.choice(_COUNTRY_ENDINGS).lower())
            self.add_place(name, "country", None, (rng.uniform(22, 44), rng.uniform(42, 78)))
        country_ids = list(self.places)
        rest = self.counts.places - countries
        shares = (("province", 0.36), ("district", 0.24), ("city", 0.32), ("region", 0.08))
        kinds = [kind for kind, share in shares for _ in range(max(1, round(rest * share)))]
        while len(kinds) > rest and "city" in kinds[1:]:
            kinds.remove("city")  # rounding: fewer cities, every other kind still there
        kinds = (kinds + ["city"] * rest)[:rest]
        for country in country_ids[: kinds.count("city")]:
            kinds.remove("city")  # a capital: governments are named by it
            self.add_place(
                self.unique_name(functools.partial(self.word, 2)),
                "city",
                country,
                self.jitter(country, 2.0),
            )
        provinces: list[str] = []
        districts: list[str] = []
        for kind in sorted(kinds, key=[s for s, _ in shares].index):
            if kind == "province" or not provinces:
                country = rng.choice(country_ids)
                provinces.append(
                    self.add_place(
                        self.unique_name(functools.partial(self.word, rng.randint(2, 3))),
                        "province",
                        country,
                        self.jitter(country, 3.0),
                    )
                )
            if kind == "district":
                parent = rng.choice(provinces)
                districts.append(
                    self.add_place(
                        self.unique_name(functools.partial(self.word, 2)),
                        "district",
                        parent,
                        self.jitter(parent, 1.0),
                    )
                )
            elif kind == "city":
                parent = rng.choice(districts if districts and rng.random() < 0.3 else provinces)
                self.add_place(
                    self.unique_name(functools.partial(self.word, 2)),
                    "city",
                    parent,
                    self.jitter(parent, 0.5),
                )
            elif kind == "region":
                first, second = (self.places[p].name for p in rng.sample(country_ids, 2))
                name = self.unique_name(
                    functools.partial(str.format, "{}{}{} border regions", first, _NDASH, second)
                )
                region = self.add_place(name, "region", None, None)
                self.places[region].other_names = ["the border regions"]
        for place in self.places.values():
            if place.country:
                self.country_places.setdefault(place.country, []).append(place.id)
        self.country_places["*"] = list(self.places)

    @functools.cached_property
    def place_names(self) -> tuple[list[str], list[str]]:
        """The names of countries, and of the other places (for background sentences)."""
        countries = [p.name for p in self.places.values() if p.kind == "country"]
        return countries, [p.name for p in self.places.values() if p.kind != "country"]

    @functools.cached_property
    def analyses(self) -> list[_Source]:
        """The analyses whose authors may write in their own voice."""
        return [s for s in self.sources if s.author_actor]

    def jitter(self, place_id: str, spread: float) -> tuple[float, float] | None:
        """Coordinates near a parent's, for a place inside it."""
        base = self.places[place_id].coordinates
        if base is None:
            return None
        return (
            max(-89.0, min(89.0, base[0] + self.rng.uniform(-spread, spread))),
            max(-179.0, min(179.0, base[1] + self.rng.uniform(-spread, spread))),
        )

    def add_place(
        self,
        name: str,
        kind: str,
        parent: str | None,
        coordinates: tuple[float, float] | None,
    ) -> str:
        place_id = self.unique_id(name)
        country = (
            place_id if kind == "country" else (self.places[parent].country if parent else None)
        )
        if kind != "country" and self.rng.random() < 0.15:
            coordinates = None
        place = _Place(place_id, name, kind, parent, country, coordinates)
        if kind != "region" and self.rng.random() < 0.12:
            place.other_names.append(name[:-1] + "h" + name[-1])
        self.places[place_id] = place
        return place_id

    # -- actors --------------------------------------------------------------------------------

    def make_actors(self) -> None:
        """States, governments and armed forces per country, groups, bodies, collectives, then
        people."""
        countries = [p for p in self.places.values() if p.kind == "country"]
        for number, country in enumerate(countries):
            self.add_state(country, military=number % 2 == 0)
        governments = list(self.governments.values())
        self.rng.shuffle(governments)
        for a, b in zip(governments[0::2], governments[1::2], strict=False):
            self.rivals[a], self.rivals[b] = b, a
        remaining = self.counts.actors - 2 * len(countries)
        # The first group fights the first accuser's government, which has a name for it.
        accuser = self.places[self.actors[next(iter(self.rivals))].country or ""]
        for number in range(max(2, round(remaining * 0.17))):
            country = accuser if number == 0 else self.rng.choice(countries)
            self.add_group(country, wing=number == 0, alias=number == 0)
        region = self.word(2)
        for number in range(max(1, round(remaining * 0.035))):
            pattern = (
                _BODY_PATTERNS[number] if number < len(_BODY_PATTERNS) else "{r} Regional Forum {n}"
            )
            name = self.unique_name(functools.partial(pattern.format, r=region, n=number))
            short = "".join(w[0] for w in name.split() if w[0].isupper())
            self.add_actor(
                name,
                "international-body",
                "A forum of states of the region.",
                short=short,
                other=[short],
            )
        for _ in range(max(1, round(remaining * 0.07))):
            country = self.rng.choice(countries)
            name = self.unique_name(functools.partial(self.collective_name, country.name))
            self.add_actor(
                name,
                "collective",
                f"A group the sources cite without naming its members: \u201c{name.lower()}\u201d.",
                home=country.id,
                weight=0.8,
            )
        self.add_people(self.counts.actors - len(self.actors))
        for actor in self.actors.values():
            for post in actor.memberships:
                if post.role in _SPEAKING_ROLES and actor.type == "person":
                    speakers = self.speakers.setdefault(post.organization, [])
                    if actor.id not in speakers:
                        speakers.append(actor.id)
        self.journalists = [
            a.id for a in self.actors.values() if a.type == "person" and not a.memberships
        ]
        self.groups = [a.id for a in self.actors.values() if a.type == "armed-group"]
        self.bodies = [a.id for a in self.actors.values() if a.type == "international-body"]
        for group_id in self.groups:
            self.groups_by_home.setdefault(self.actors[group_id].home or "", []).append(group_id)

    def collective_name(self, country: str) -> str:
        return self.rng.choice(_COLLECTIVE_PATTERNS).format(c=country)

    def group_name(self, adjective: str) -> str:
        return f"{adjective} {self.rng.choice(_GROUP_THEMES)} {self.rng.choice(_GROUP_TYPES)}"

    def person_name(self) -> str:
        return f"{self.word(2)} {self.word(self.rng.randint(2, 3))}"

    def add_state(self, country: _Place, *, military: bool) -> None:
        capital = next(
            (p for p in self.places.values() if p.kind == "city" and p.parent == country.id), None
        )
        state = self.add_actor(
            country.name,
            "state",
            f"{country.name} as a state, across its governments.",
            country=country.id,
            weight=1.5,
        )
        self.actors[state].mentions = [country.name]
        self.states[country.id] = state
        seat = f", seated in {capital.name}" if capital else ""
        government = self.add_actor(
            f"Government of {country.name}",
            "government",
            f"The government in power in {country.name}{seat}.",
            short=f"{country.name} government",
            country=country.id,
            weight=7.0,
            other=[capital.name] if capital else [],
        )
        self.actors[government].mentions.append(f"the government of {country.name}")
        self.governments[country.id] = government
        if military:
            adjective = _adjective(country.name)
            forces = self.add_actor(
                f"{country.name} Armed Forces",
                "military",
                f"The regular armed forces of {country.name}.",
                short=f"{adjective} army",
                country=country.id,
                weight=2.0,
                other=[f"{adjective} army"],
            )
            self.actors[forces].mentions = [
                f"the {country.name} Armed Forces",
                f"the {adjective} army",
            ]
            self.militaries[country.id] = forces

    def add_group(self, country: _Place, *, wing: bool, alias: bool) -> None:
        adjective = _adjective(country.name)
        name = self.unique_name(functools.partial(self.group_name, adjective))
        short = "".join(w[0] for w in name.split())
        group = self.add_actor(
            name,
            "armed-group",
            f"An armed group fighting the government of {country.name}, where it is banned.",
            short=short,
            home=country.id,
            weight=2.0,
            other=[short],
        )
        rng = self.rng
        if alias or rng.random() < 0.3:
            # The government it fights has a name of its own for it, and says so.
            government = self.governments[country.id]
            word = self.word(2)
            used = self.unique_name(lambda: rng.choice(_ALIAS_PATTERNS).format(w=word))
            self.actors[group].aliases.append(
                _Alias(
                    used,
                    government,
                    f"The name the [[actor:{government}|{self.actors[government].name}]] uses "
                    "for the group and its fighters.",
                )
            )
        if rng.random() < 0.1:
            self.actors[group].aliases.append(
                _Alias(f"{self.word(2)} {rng.choice(_GROUP_TYPES)}", None, "Its earlier name.")
            )
        if wing or rng.random() < 0.1:
            side = rng.choice(["Northern", "Southern", "Urban"])
            unit = self.add_actor(
                f"{name} {_NDASH} {side} Wing",
                "armed-group",
                f"A branch of the {name}.",
                home=country.id,
                weight=0.5,
            )
            self.actors[unit].memberships.append(_Post(group, "unit"))

    def add_people(self, count: int) -> None:
        """A spokesperson per organisation, then every other role, then more officials and
        members; a fifth are journalists, who belong to none. People who hold the same post
        hold it in turn, over the ten years; some move on to another post."""
        rng = self.rng
        organisations = [
            a for a in self.actors.values() if a.type in _ORGANISATIONS and not a.memberships
        ]  # units (wings) speak through their organisation
        officials = count - max(2, round(count * 0.2))
        cover: list[tuple[_Actor, str]] = []
        for kind, role in _ROLE_COVER:
            candidates = [org for org in organisations if org.type == kind]
            if candidates:
                cover.append((rng.choice(candidates), role))
        spokespeople = [(org, "spokesperson") for org in organisations]
        # The first two governments' spokespeople change once, early: posts held in turn.
        turns = [(self.actors[g], "spokesperson") for g in list(self.rivals)[:2]]
        # Every role first, and the posts held in turn, if not every spokesperson.
        room = max(0, officials - len(cover) - len(turns))
        plan = [*spokespeople[:room], *cover, *turns, *spokespeople[room:]]
        while len(plan) < officials:
            org = rng.choice(organisations)
            plan.append((org, rng.choice(_ROLES[org.type])))
        posts: dict[tuple[str, str, str], list[str]] = {}
        for number in range(count):
            name = self.unique_name(self.person_name)
            short = name.split()[-1]
            if number >= officials:
                self.add_actor(
                    name,
                    "person",
                    "Journalist; writes on security in the region.",
                    short=short,
                    weight=0.6,
                )
                continue
            org, role = plan[number]
            title = rng.choice(_TITLES[(org.type, role)])
            if role == "spokesperson":  # one spokesperson at a time, with the same title
                title = self.spokesperson_title.setdefault(org.id, title)
            person = self.add_actor(
                name,
                "person",
                f"{_capital(title)} of the {org.name}.",
                short=short,
                country=org.country,
                home=org.home,
                weight=0.4,
            )
            posts.setdefault((org.id, role, title), []).append(person)
        for (org_id, role, title), holders in posts.items():
            self.hold_in_turn(org_id, role, title, holders)

    def hold_in_turn(self, org_id: str, role: str, title: str, holders: list[str]) -> None:
        """The holders of one post, each for a term of the ten years; the first began before
        them, the last holds it still. Some holders move on to another post."""
        rng = self.rng
        if len(holders) > 40:  # a post with more holders than ten years have terms for
            self.hold_in_turn(org_id, role, title, holders[40:])
            holders = holders[:40]
        months = (LAST_DAY.year - FIRST_DAY.year + 1) * 12
        cuts = sorted(rng.sample(range(6, months - 6), len(holders) - 1))
        starts = [None, *(_month(FIRST_DAY, cut) for cut in cuts)]
        ends = [*(_month(FIRST_DAY, cut - 1) for cut in cuts), None]
        previous: str | None = None
        for person, start, end in zip(holders, starts, ends, strict=True):
            post = _Post(org_id, role, None if rng.random() < 0.15 else title, start, end)
            if start is None and (len(holders) > 1 or rng.random() < 0.3):
                post.start = str(FIRST_DAY.year - rng.randint(1, 4))
            if previous is not None and rng.random() < 0.3:
                post.note = f"Succeeded [[actor:{previous}|{self.actors[previous].name}]]."
            self.actors[person].memberships.append(post)
            if end is not None and role in _SPEAKING_ROLES and rng.random() < 0.4:
                org = self.actors[org_id]
                later = _Post(
                    org_id,
                    "official",
                    rng.choice(_TITLES[(org.type, "official")]),
                    _month(dt.date.fromisoformat(f"{end}-01"), 1),
                )
                self.actors[person].memberships.append(later)
            previous = person

    def add_actor(
        self,
        name: str,
        kind: str,
        description: str,
        *,
        short: str | None = None,
        country: str | None = None,
        home: str | None = None,
        weight: float = 1.0,
        other: Sequence[str] = (),
    ) -> str:
        actor_id = self.unique_id(name)
        the = "the " if kind in _ORGANISATIONS else ""
        self.actors[actor_id] = _Actor(
            id=actor_id,
            name=name,
            type=kind,
            description=description,
            short_name=short,
            country=country,
            home=home or country,
            other_names=list(other),
            mentions=[the + name, *other],
            weight=weight * self.rng.paretovariate(1.6),
        )
        return actor_id

    # -- sources -------------------------------------------------------------------------------

    def make_sources(self) -> None:
        """Quoted sources spread over ten years (the first ones of every kind), then the date
        references."""
        rng = self.rng
        days = sorted(self.day_between(FIRST_DAY, LAST_DAY) for _ in range(self.counts.primary))
        cities = [p for p in self.places.values() if p.kind == "city"]
        countries = [p for p in self.places.values() if p.kind == "country"]
        for index, day in enumerate(days):
            kind, style = (
                _SOURCE_COVER[index]
                if index < len(_SOURCE_COVER)
                else _weighted(rng, _SOURCE_STYLES)
            )
            publisher, domain = rng.choice(_PUBLISHERS)
            source = _Source(
                id="",
                title="",
                kind=kind,
                style=style,
                day=day,
                publisher=publisher,
                domain=domain,
                index=index,
            )
            if (
                style == "article"
                and self.journalists
                and (kind == "analysis" or rng.random() < 0.5)
            ):
                author = rng.choice(self.journalists)
                source.author = self.actors[author].name
                if kind == "analysis":
                    source.author_actor = author  # its statements may be in its author's voice
            if style == "statement":
                source.publisher = f"Ministry of Foreign Affairs of {rng.choice(countries).name}"
            elif style == "post":
                source.publisher, source.domain = "Chirper", "chirper.example"
            elif style == "copy":
                source.publisher, source.domain = rng.choice(_COPY_SITES)
                names = [name for name, _ in _PUBLISHERS]
                source.copy_of = rng.choice([*names, "not named on the page"])
            if rng.random() < 0.75 or style not in ("article", "copy"):
                source.dateline = f"{rng.choice(cities).name}, {human_day(day)}."
            source.caption = style == "article" and (index == 0 or rng.random() < 0.2)
            source.archived = index == 0 or rng.random() < 0.3
            source.capture_complete = index != 0 and rng.random() > 0.08
            self.sources.append(source)
        self.source_days = [s.day for s in self.sources]
        for number in range(1, self.counts.references + 1):
            general = number % 5 == 0
            publisher, domain = rng.choice(_WIRES)
            day = self.day_between(FIRST_DAY, LAST_DAY)
            reference = _Source(
                id=self.unique_id(f"{slugify(publisher, 20)}-{day.isoformat()}"),
                title=f"Record of events in the region, {day.year}"
                if general
                else f"{publisher} report of {human_day(day)}",
                kind="date-reference",
                style="reference",
                day=day,
                publisher="General record" if general else publisher,
                domain=domain,
                has_url=not general,
                archived=not general and rng.random() < 0.3,
            )
            if not general:
                reference.published = {
                    "date": day.isoformat(),
                    "precision": "day",
                    "basis": "inferred",
                    "note": f"The date is part of the report{_RSQUO}s web address.",
                }
            elif number % 10:
                reference.published = {
                    "date": str(day.year),
                    "precision": "year",
                    "basis": "inferred",
                    "note": "The record covers that year.",
                }
            self.references.append(reference)

    def source_after(self, day: dt.date, spread: int = 6) -> _Source:
        """A quoted source published on or soon after ``day`` (or the last one)."""
        index = bisect.bisect_left(self.source_days, day)
        return self.sources[min(len(self.sources) - 1, index + self.rng.randint(0, spread))]

    def date_sources(self) -> None:
        """Publication dates, known before the statements (which must not come after the
        sources that report them): printed in a dateline, or worked out from the page."""
        for source in self.sources:
            if source.dateline is not None:
                source.published = {
                    "date": source.day.isoformat(),
                    "precision": "day",
                    "basis": "stated",
                    "source": source,
                    "wording": human_day(source.day),
                }
            else:
                before = source.day - dt.timedelta(days=self.rng.randint(1, 3))
                after = source.day + dt.timedelta(days=self.rng.randint(1, 3))
                source.published = {
                    "date": f"{before.isoformat()}/{after.isoformat()}",
                    "precision": "interval",
                    "basis": "inferred",
                    "note": "No date is printed on the page; the posts before and after it are "
                    f"dated {human_day(before)} and {human_day(after)}.",
                }

    def name_sources(self) -> None:
        """Titles and ids, once the statements in each source are known; then the
        superseded sources, each an earlier capture of a quoted one."""
        for source in self.sources:
            lead = source.statements[0] if source.statements else None
            source.title = self.source_title(source, lead)[:190]
            source.id = self.unique_id(
                f"{slugify(source.publisher, 24)}-{slugify(source.title, 40)}"
            )
        originals = [s for s in self.sources if s.copy_of is None]
        for number in range(self.counts.superseded):
            better = originals[0] if number == 0 else self.rng.choice(originals)
            old = _Source(
                id=self.unique_id(f"{better.id}-first-capture"),
                title=better.title,
                kind=better.kind,
                style=better.style,
                day=better.day,
                publisher=better.publisher,
                domain=better.domain,
                author=better.author,
                published={
                    "date": better.day.isoformat(),
                    "precision": "day",
                    "basis": "inferred",
                    "note": "The date is part of the page's web address.",
                },
                superseded_by=better,
            )
            self.superseded.append(old)

    def source_notes(self) -> None:
        """Notes on copies, superseded sources and captures that stop early, linking the
        records they speak of."""
        for source in self.sources:
            notes: list[str] = []
            if source.copy_of is not None:
                notes.append(
                    "A report republished on a site that does not say where it first appeared; "
                    "it ranks below an original report of the same statements."
                )
            if not source.capture_complete:
                notes.append(
                    f"The copy read stops in paragraph {len(source.blocks) + 1}, mid-sentence: "
                    "the paragraphs after it are not accounted for."
                )
            if source.statements and self.rng.random() < 0.1:
                lead = source.statements[0]
                notes.append(
                    f"It reports [[statement:{lead.id}|the statement of the "
                    f"{self.short(lead.by)}]] among others."
                )
            if notes:
                source.note = " ".join(notes)
        for old in self.superseded:
            assert old.superseded_by is not None
            old.note = (
                f"An earlier capture of the report now cited as [[source:{old.superseded_by.id}|"
                f"{old.superseded_by.publisher}{_RSQUO}s report]], which replaces it: its "
                "reports have moved there."
            )

    def source_title(self, source: _Source, lead: _Statement | None) -> str:
        if source.style == "post":
            speaker = self.actors[lead.speaker or lead.by].name if lead else "An official"
            return f"Post by {speaker} of {human_day(source.day)}"
        if source.style == "statement":
            return f"Statement of {human_day(source.day)} on regional security"
        if lead is None or lead.about is None:
            return f"Security in the region: a briefing of {human_month(source.day)}"
        if source.kind == "analysis":
            pattern = self.rng.choice(["Why {a} blames {b}", "Tit-for-tat: {a} and {b}"])
        else:
            pattern = self.rng.choice(
                [
                    "{a} accuses {b} as tensions rise",
                    "{a} and {b} trade accusations",
                    "{a} points at {b} over militant attacks",
                ]
            )
        return pattern.format(a=self.short(lead.by), b=self.short(lead.about))

    # -- sentences and quotes ------------------------------------------------------------------

    def say(self, source: _Source, text: str) -> _Sentence:
        """A sentence of a quoted source that a quote or a date's wording comes from."""
        assert source.quoted, "a date reference is never quoted"
        sentence = _Sentence(text)
        source.sentences.append(sentence)
        return sentence

    def cut(self, source: _Source, sentence: _Sentence) -> _Quote:
        """Evidence from a sentence, the way editors quote: whole, a stretch, or with '…'."""
        rng = self.rng
        words = sentence.text.split(" ")
        roll = rng.random()
        if len(words) >= 16 and roll < 0.15:
            first = rng.randint(0, 3)
            head = words[first : first + rng.randint(4, 6)]
            tail_start = first + len(head) + rng.randint(1, 4)
            tail = words[tail_start : tail_start + rng.randint(4, 8)]
            if len(tail) >= 3:
                return _Quote(source, sentence, f"{' '.join(head)} \u2026 {' '.join(tail)}")
        if len(words) >= 10 and roll < 0.5:
            length = rng.randint(6, len(words) - 2)
            start = rng.randint(0, len(words) - length)
            return _Quote(source, sentence, " ".join(words[start : start + length]))
        return _Quote(source, sentence, sentence.text)

    def cut_keeping(self, source: _Source, sentence: _Sentence, keep: int) -> _Quote:
        """Evidence that keeps every word from index ``keep`` on (what the paraphrase says):
        the whole sentence, a stretch to its end, or an opening, '…' and the rest."""
        rng = self.rng
        words = sentence.text.split(" ")
        roll = rng.random()
        if keep >= 5 and (roll < 0.2 or not self.shown.get("elision")):
            self.shown["elision"] = True
            size = rng.randint(3, min(6, keep - 2))
            first = rng.randint(0, keep - 1 - size)  # a word at least between the parts
            head = " ".join(words[first : first + size])
            return _Quote(source, sentence, f"{head} \u2026 {' '.join(words[keep:])}")
        if roll < 0.55:
            start = rng.randint(0, keep)
            return _Quote(source, sentence, " ".join(words[start:]))
        return _Quote(source, sentence, sentence.text)

    def phrase(self, source: _Source, sentence: _Sentence, words: str) -> _Quote:
        """Evidence of exactly these words of the sentence (they name what it answers)."""
        assert words in sentence.text, (words, sentence.text)
        return _Quote(source, sentence, words)

    # -- events --------------------------------------------------------------------------------

    def make_events(self) -> None:
        """Events of every kind, sorted by date: the first ones cycle through the kinds, then
        through each kind's CAMEO codes."""
        rng = self.rng
        kinds = [kind for kind, _ in _EVENT_KINDS]
        rounds = max(len(codes) for codes in _EVENT_CAMEO.values())
        kinds += [
            kind
            for round_ in range(1, rounds)
            for kind, codes in _EVENT_CAMEO.items()
            if len(codes) > round_
        ]
        for number in range(self.counts.events):
            kind = kinds[number] if number < len(kinds) else _weighted(rng, _EVENT_KINDS)
            if kind == "publication":
                source = rng.choice(self.sources)
                self.events.append(
                    _Event(
                        id=self.unique_id(f"publication-{source.publisher}-{source.day}"),
                        title="",
                        kind=kind,
                        day=source.day,
                        date=None,
                        places=[],
                        actors=[],
                        source=source,
                    )
                )
                continue
            government = rng.choice(list(self.governments.values()))
            group = rng.choice(self.groups)
            places = self.places_near(self.actors[government].country, rng.randint(1, 2))
            title, text, actors = self.event_words(kind, government, group, places[0])
            self.add_event(kind, title, text, places, actors)
        self.events.sort(key=lambda e: (e.day or LAST_DAY, e.title))
        self.event_days = [e.day or LAST_DAY for e in self.events]

    def event_words(
        self, kind: str, government: str, group: str, place_id: str
    ) -> tuple[str, str, list[str]]:
        """An event's title, the words a source reports it in, and who took part."""
        place = self.places[place_id].name
        n = self.rng.randint(2, 40)
        who, whom = self.mention(government), self.mention(group)
        country = self.actors[government].country or ""
        forces = self.militaries.get(country, government)
        rival = self.rivals.get(government) or self.pick_actor(("government",), government)
        if kind == "attack":
            return (
                f"Attack on a police post in {place}",
                f"an attack on a police post in {place} killed {n} people",
                [group],
            )
        if kind == "arrest":
            return (
                f"Arrests of suspected {self.short(group)} members in {place}",
                f"security forces arrested {n} suspected members of {whom} in {place}",
                [government, group],
            )
        if kind == "statement":
            return (
                f"{self.actors[government].name} accuses its neighbours over {self.short(group)}",
                f"{who} accused its neighbours of helping {whom}",
                [government],
            )
        if kind == "meeting":
            body = self.rng.choice(self.bodies) if self.bodies else None
            return (
                f"Meeting on border security in {place}",
                f"representatives met in {place} to discuss security along the border",
                [government, *([body] if body else [])],
            )
        if kind == "campaign":
            if forces != government and self.rng.random() < 0.5:
                who, government = self.mention(forces), forces
            return (
                f"Campaign against the {self.short(group)} in {place}",
                f"{who} launched a campaign against {whom} around {place}",
                [government, group],
            )
        if kind == "request":
            return (
                f"Requests to act against the {self.short(group)}",
                f"{who} repeatedly asked its neighbours to act against {whom}",
                [government],
            )
        if kind == "strike":
            return (
                f"Air strikes near {place}",
                f"{self.mention(forces)} carried out air strikes on hideouts of {whom} near "
                f"{place}",
                [forces, group],
            )
        if kind == "clash":
            return (
                f"Border clashes near {place}",
                f"the forces of {who} and {self.mention(rival)} exchanged fire near {place}",
                [government, rival],
            )
        if kind == "ceasefire":
            return (
                f"Ceasefire along the border near {place}",
                f"{who} and {self.mention(rival)} agreed to stop firing along the border near "
                f"{place}",
                [government, rival],
            )
        if kind == "talks":
            return (
                f"Talks in {place} between the {self.short(government)} and the "
                f"{self.short(rival)}",
                f"delegations of {who} and {self.mention(rival)} held talks in {place}",
                [government, rival],
            )
        return (
            f"Change of government in {place}",
            f"a new government took power in {place}",
            [government],
        )

    def add_event(
        self, kind: str, title: str, text: str, places: list[str], actors: list[str]
    ) -> None:
        """An event mentioned in a source published after it, dated on one of the bases."""
        rng = self.rng
        day: dt.date | None = self.day_between(FIRST_DAY, LAST_DAY - dt.timedelta(days=30))
        assert day is not None
        source = self.source_after(day)
        if source.day < day:  # after the last source: it happened shortly before that one
            day = source.day - dt.timedelta(days=rng.randint(0, 30))
        plan = _weighted(rng, _EVENT_DATES)
        event = _Event(
            id="",
            title=title,
            kind=kind,
            day=day,
            date=None,
            places=places,
            actors=list(dict.fromkeys(actors)),
            text=text,
        )
        if plan == "stated":
            wording = human_day(day)
            sentence = self.say(source, f"On {wording}, {text}.")
            event.date = {
                "date": day.isoformat(),
                "precision": "day",
                "basis": "stated",
                "source": source,
                "wording": wording,
            }
        elif plan == "relative" and kind in ("campaign", "request"):
            start = day - dt.timedelta(days=rng.randint(200, 900))
            wording = "over the past years"
            sentence = self.say(source, f"{_capital(text)} {wording}.")
            event.day = start
            event.date = {
                "date": f"{start.isoformat()[:7]}/{source.day.isoformat()[:7]}",
                "precision": "interval",
                "approximate": True,
                "basis": "relative",
                "source": source,
                "wording": wording,
            }
        elif plan == "relative":
            monday = source.day - dt.timedelta(days=source.day.weekday())
            sentence = self.say(source, f"Earlier this week, {text}.")
            event.day = monday
            event.date = {
                "date": f"{monday.isoformat()}/{source.day.isoformat()}",
                "precision": "interval",
                "basis": "relative",
                "source": source,
                "wording": "Earlier this week",
            }
        elif plan == "inferred":
            sentence = self.say(source, f"Recently, {text}.")
            event.day = day.replace(day=1)
            event.date = {
                "date": day.isoformat()[:7],
                "precision": "month",
                "basis": "inferred",
                "note": "The source calls it recent; the month is that of the source.",
            }
        elif plan == "undated":
            sentence = self.say(source, f"{_capital(text)}, the source says.")
            event.day = None
        else:
            reference = rng.choice(self.references)
            sentence = self.say(source, f"{_capital(text)}.")
            event.date = {
                "date": day.isoformat(),
                "precision": "day",
                "basis": "outside-reference",
                "reference": reference.id,
            }
            event.note = f"The date comes from {reference.title}."
        if plan == "reference-only":
            source.sentences.remove(sentence)
            event.note = "Documented only by the date reference that dates it."
        else:
            event.evidence.append(self.cut(source, sentence))
        early = len(self.events) < _EARLY // 2
        if early or rng.random() < 0.7:
            event.cameo = self.least_used("event cameo", _EVENT_CAMEO[kind], early=early)
        event.id = self.unique_id(title)
        self.events.append(event)

    def name_publications(self) -> None:
        """Publication events take their source's title and date once those are final."""
        for event in self.events:
            if event.kind != "publication" or event.source is None:
                continue
            source = event.source
            event.title = f"{source.publisher} publishes \u201c{source.title}\u201d"[:190]
            event.date = dict(source.published or {})
            event.actors = [
                a.id for a in self.actors.values() if a.type == "person" and a.name == source.author
            ][:1]

    def quote_every_source(self) -> None:
        """A quoted source nothing is quoted from yet reports an event: its excerpt then holds
        that paragraph (an excerpt holds what is quoted, and never nothing)."""
        reported = [e for e in self.events if e.text]
        for source in self.sources:
            if source.sentences or not reported:
                continue
            event = self.rng.choice(reported)
            sentence = self.say(source, f"{_capital(event.text)}, the report recalls.")
            event.evidence.append(self.cut(source, sentence))

    # -- statements: who says what, about whom, answering what -------------------------------

    def make_statements(self) -> None:
        """Statements in source order (so answers and restatements come after what they
        answer or restate): the first ones play every part once, the others at random."""
        rng = self.rng
        weights = [_STYLE_WEIGHTS[s.style] for s in self.sources]
        homes = sorted(
            rng.choices(range(len(self.sources)), weights=weights, k=self.counts.statements)
        )
        homes[0] = 0  # the first source has a statement, so later ones can hold its answers
        for index, home in enumerate(homes):
            role = (
                _COVER_ROLES[index] if index < len(_COVER_ROLES) else _weighted(rng, _ROLE_WEIGHTS)
            )
            statement = self.cast(index, role, self.sources[home])
            self.date(statement)
            self.choose_speaker(statement)
            self.describe(statement)
            self.write(statement)
            self.register(statement)

    def cast(self, index: int, role: str, home: _Source) -> _Statement:
        """Who says it, about whom, on what allegation: an answer turns its target around,
        a restatement repeats it."""
        target: _Statement | None = None
        if role in (*_ANSWERING, "restate"):
            target = self.cover_target(index) if index < len(_COVER_ROLES) else None
            target = target or self.pick_target(role)
            if target is None:
                role = "fresh"
        analyses = self.analyses
        if role == "author" and not analyses:
            role = "fresh"
        kind = _KIND_OF_ROLE[role]
        about: str | None
        if role == "author":
            home = analyses[0]
            assert home.author_actor is not None
            by, about = home.author_actor, self.pick_actor(_ANSWERABLE[:4])
        elif target is not None and role == "restate":
            by, about, kind = self.same_side_as(target.by), target.about, target.kind
        elif target is not None:
            assert target.about is not None
            responder = self.responder(target.about)
            assert responder is not None
            by, about = responder, target.by
        else:
            by, about = self.parties(index, role)
        statement = _Statement(
            index=index,
            role=role,
            kind=kind,
            by=by,
            about=about,
            allegation="",
            home=home,
            target=target,
        )
        statement.allegation = self.allegation(statement)
        statement.state = self.answer_state(statement)
        if role == "standing":
            others = [a for a in _COVERED if a != statement.allegation]
            statement.covers = self.rng.sample(others, self.rng.randint(2, 4))
            statement.covers.sort(key=_COVERED.index)
        return statement

    def cover_target(self, index: int) -> _Statement | None:
        """The first statements' targets: A is answered and restated, and its restatement
        restated; the concern is acknowledged; the counter-accusation is answered in turn."""
        wanted = {1: 0, 2: 0, 3: 2, 4: 0, 6: 5, 11: 4}.get(index)
        return self.statements[wanted] if wanted is not None else None

    def parties(self, index: int, role: str) -> tuple[str, str | None]:
        """Who says a statement that answers nothing, and whom it is about."""
        rng = self.rng
        first = next(iter(self.rivals))
        second = self.rivals[first]
        rival_state = self.states[self.actors[second].country or ""]
        if index < len(_COVER_ROLES):
            # The first ones are about two rival countries, so they can answer one another.
            cover = {
                "fresh": (first, rival_state),
                "concern": (self.bodies[0], rival_state),
                "suggestion": (second, first),
                "standing": (second, None),
            }
            if role in cover:
                return cover[role]
        if role == "standing":
            return self.pick_actor(("government",)), None
        if role == "victory":
            return self.pick_actor(("government", "military")), self.pick_actor(("armed-group",))
        by = self.pick_actor(_ACCUSERS)
        if role == "concern":  # about insecurity on a country's territory
            return by, self.pick_actor(("state", "government"), exclude=by)
        rival = self.rivals.get(by)
        if rival and rng.random() < 0.5:
            return by, rival
        return by, self.pick_actor(_ACCUSED, exclude=by)

    def same_side_as(self, actor_id: str) -> str:
        """Who makes an allegation again: the same actor, or now and then another of its
        country (a government's armed forces, or the government for them)."""
        actor = self.actors[actor_id]
        country = actor.country or ""
        if self.rng.random() < 0.3 or not self.shown.get("restated by another"):
            if actor.type == "government" and country in self.militaries:
                self.shown["restated by another"] = True
                return self.militaries[country]
            if actor.type == "military":
                self.shown["restated by another"] = True
                return self.governments[country]
        return actor_id

    def pick_target(self, role: str) -> _Statement | None:
        """An earlier statement to answer or restate: tit for tat, mostly soon after."""
        recent = self.statements[-300:]
        for _ in range(20):
            if not recent:
                return None
            candidate = self.rng.choice(recent[-40:] if self.rng.random() < 0.7 else recent)
            if self.can_target(candidate, role):
                return candidate
        return None

    def can_target(self, candidate: _Statement, role: str) -> bool:
        """Whether a statement can be restated, or answered by the one it is about (someone
        answers for it, who did not make it)."""
        if candidate.author_voice or candidate.about is None:
            return False
        if candidate.kind not in ("allegation", "concern", "suggestion"):
            return False
        if role == "restate":
            return True
        if role == "counter" and candidate.kind != "allegation":
            return False
        responder = self.responder(candidate.about)
        return (
            responder is not None
            and responder != candidate.by
            and self.actors[candidate.by].type in _ANSWERABLE
        )

    def allegation(self, statement: _Statement) -> str:
        """What it alleges, as fits the kind and who is about; an answer or a restatement
        keeps its target's (a counter-accusation, when it meets it); every type early."""
        rng = self.rng
        target = statement.target
        if target is not None and (statement.role != "counter" or self.wants_met(statement)):
            return target.allegation
        if statement.role == "standing":
            return self.least_used("standing", _COVERED, early=True)
        about = statement.about or ""
        about_type = self.actors[about].type if about else ""
        if statement.kind == "concern":
            return vocab.Allegation.SECURITY_CONCERN.value
        if statement.role == "victory":
            return vocab.Allegation.DEFEATED.value
        if statement.kind == "suggestion":
            options = list(_SUGGESTED)
        elif about_type in ("armed-group", "collective", "person"):
            options = list(_AGAINST_GROUPS)
        else:
            special = (vocab.Allegation.SECURITY_CONCERN, vocab.Allegation.DEFEATED)
            options = [a.value for a in vocab.Allegation if a not in special]
        early = len(self.statements) < _EARLY
        picked = self.least_used("allegation", options, early=early)
        return picked if early or rng.random() < 0.95 else rng.choice(options)

    def wants_met(self, statement: _Statement) -> bool:
        """Whether an answer is to meet its target rather than name it (decided once)."""
        if statement.index not in self.meets:
            if statement.index < len(_COVER_ROLES):
                self.meets[statement.index] = statement.role == "counter"
            else:
                self.meets[statement.index] = self.rng.random() < 0.35
        return self.meets[statement.index]

    def answer_state(self, statement: _Statement) -> str | None:
        """The state an answer sets: a denial denies (or acknowledges part), a
        counter-accusation counters, an acknowledgement acknowledges (all or part)."""
        role = statement.role
        if role == "counter":
            return "countered"
        if role == "deny-counter":
            return "partially-acknowledged"
        if role == "deny":
            return (
                "denied"
                if statement.index < len(_COVER_ROLES) or self.rng.random() < 0.85
                else "partially-acknowledged"
            )
        if role == "acknowledge":
            return (
                "acknowledged"
                if statement.index < len(_COVER_ROLES) or self.rng.random() < 0.7
                else "partially-acknowledged"
            )
        return None

    # -- dates -------------------------------------------------------------------------------

    def date(self, statement: _Statement) -> None:
        """When it was said: the first plan (least used early on) that keeps it after what
        it answers or restates, and out of the way of the ties others meet; else the day of
        its source, as the source prints it."""
        rng = self.rng
        home = statement.home
        statement.day = home.day - dt.timedelta(days=rng.randint(0, 20))
        if statement.target is not None:
            statement.day = max(statement.day, min(statement.target.day, home.day))
        if statement.role == "standing":
            statement.said = {
                "date": f"../{home.day.isoformat()}",
                "precision": "interval",
                "basis": "relative",
                "source": home,
                "wording": "says it does not allow",
            }
            statement.date_source = home
            statement.span = _span(statement.said)
            return
        for basis, precision in self.date_plans(statement.index < _EARLY):
            lead, when, source = self.date_plan(statement, basis, precision)
            span = _span(when)
            if self.fits(statement, span):
                break
        else:
            statement.day = home.day
            lead, when, source = self.date_plan(statement, "stated", "day")
            span = _span(when)
            assert self.fits(statement, span), statement.index
        used = self.used.setdefault("date", {})
        for key in (when["basis"], when["precision"], f"{when['basis']} {when['precision']}"):
            used[key] = used.get(key, 0) + 1
        statement.lead, statement.said, statement.date_source, statement.span = (
            lead,
            when,
            source,
            span,
        )

    def date_plans(self, early: bool) -> list[tuple[str, str]]:
        """The date plans to try in turn: early on, those whose basis and precision are least
        used first; later, one at random (as often as is real), then the others."""
        plans = [(basis, precision) for basis, precision, _ in _DATE_PLANS]
        self.rng.shuffle(plans)
        if early:
            used = self.used.get("date", {})
            plans.sort(
                key=lambda plan: (
                    used.get(plan[0], 0) + used.get(plan[1], 0),
                    used.get(f"{plan[0]} {plan[1]}", 0),
                )
            )
            return plans
        first = _weighted(self.rng, [((b, p), w) for b, p, w in _DATE_PLANS])
        return [first, *(plan for plan in plans if plan != first)]

    def fits(self, statement: _Statement, span: DateValue) -> bool:
        """Whether a date keeps the checker's rules: an answer or restatement is not said
        before what it answers or restates, and a restatement is not made between a
        statement and an answer that meets it."""
        target = statement.target
        if target is not None and _after(target.when, span):
            return False
        if target is not None and statement.role == "restate":
            for earlier, answer in self.met.get(self.family[target.index], []):
                if _after(span, earlier.when) and _after(answer.when, span):
                    return False
        return True

    def date_plan(
        self, statement: _Statement, basis: str, precision: str
    ) -> tuple[str, dict[str, Any], _Source | None]:
        """The words that open the statement's sentence, its date, and the source whose
        words give it."""
        home = statement.home
        when: dict[str, Any] = {"precision": precision, "basis": basis}
        lead = ""
        source: _Source | None = None
        if basis == "stated":
            lead, when["date"], when["wording"] = self.stated(statement.day, precision)
            source = home
        elif basis == "relative":
            when["date"], when["wording"] = self.relative(home.day, precision)
            lead = f"{when['wording']}, "
            source = home
        elif basis == "outside-reference":
            reference = self.rng.choice(self.references)
            when.update(date=statement.day.isoformat(), reference=reference.id)
            if self.rng.random() < 0.4:
                lead, when["wording"] = "Recently, ", "Recently"
                source = home
        else:
            start = home.day - dt.timedelta(days=self.rng.randint(5, 30))
            when["date"] = (
                home.day.isoformat()[:7]
                if precision == "month"
                else f"{start.isoformat()}/{home.day.isoformat()}"
            )
            when["note"] = "The source's own date (inferred): it reports the statement as recent."
        if self.rng.random() < 0.05 and basis != "relative":
            when["approximate"] = True
        if source is not None:
            when["source"] = source  # the source goes before its words, as editors write it
        order = [
            "date",
            "precision",
            "approximate",
            "basis",
            "reference",
            "source",
            "wording",
            "note",
        ]
        return lead, {key: when[key] for key in order if key in when}, source

    def stated(self, day: dt.date, precision: str) -> tuple[str, str, str]:
        """Opening words, date and wording of a date the source prints."""
        if precision == "day":
            return f"On {human_day(day)}, ", day.isoformat(), human_day(day)
        if precision == "month":
            return f"In {human_month(day)}, ", day.isoformat()[:7], human_month(day)
        if precision == "year":
            return f"Earlier in {day.year}, ", str(day.year), f"in {day.year}"
        start = day - dt.timedelta(days=self.rng.randint(1, 3))
        wording = f"between {human_day(start)} and {human_day(day)}"
        return f"Repeatedly {wording}, ", f"{start.isoformat()}/{day.isoformat()}", wording

    def relative(self, published: dt.date, precision: str) -> tuple[str, str]:
        """Date and wording of a date worked out from words like 'last week'."""
        if precision == "day":
            return (published - dt.timedelta(days=1)).isoformat(), "Yesterday"
        if precision == "month":
            return published.isoformat()[:7], "Earlier this month"
        if precision == "year":
            return str(published.year - 1), "Last year"
        if self.rng.random() < 0.5:
            monday = published - dt.timedelta(days=published.weekday() + 7)
            return f"{monday.isoformat()}/{(monday + dt.timedelta(6)).isoformat()}", "Last week"
        return f"../{published.isoformat()}", "For years"

    # -- who speaks, and what the statement is about ---------------------------------------

    def choose_speaker(self, statement: _Statement) -> None:
        """The person who said it, when a source names one: someone who held a post in the
        organisation then (posts begin and end)."""
        rng = self.rng
        if statement.author_voice or self.actors[statement.by].type not in _ORGANISATIONS:
            return
        held = [
            (person, post)
            for person in self.speakers.get(statement.by, [])
            for post in self.actors[person].memberships
            if post.organization == statement.by
            and post.role in _SPEAKING_ROLES
            and post.held(statement.when)
        ]
        if held and (statement.index < len(_COVER_ROLES) or rng.random() < 0.6):
            statement.speaker, statement.post = rng.choice(held)

    def describe(self, statement: _Statement) -> None:
        """Its groups, places, CAMEO code, id and related events."""
        rng = self.rng
        target = statement.target
        if statement.role == "victory" and statement.about:
            statement.groups = [statement.about]
        elif target is not None and statement.role != "counter":
            statement.groups = list(target.groups)
        elif statement.role != "standing":
            statement.groups = self.groups_for(statement)
        if target is not None and statement.role != "counter":
            statement.places = target.places[: rng.randint(0, len(target.places))]
        else:
            about = statement.groups[0] if statement.groups else statement.about
            home = self.actors[about].home if about else self.side(statement.by)
            home = home or (self.actors[statement.about].home if statement.about else None)
            count = 2 if statement.index == 0 else rng.choice([0, 1, 1, 1, 2, 2, 3])
            statement.places = self.places_near(home, count)
        statement.cameo = (
            _CAMEO_BY_KIND[statement.kind]
            if statement.kind in _CAMEO_BY_KIND and statement.role != "victory"
            else self.least_used(
                "statement cameo",
                _CAMEO_BY_ALLEGATION.get(statement.allegation, ["112"]),
                early=statement.index < _EARLY,
            )
        )
        verb = {
            "deny": "denies",
            "deny-counter": "denies",
            "counter": "answers",
            "acknowledge": "acknowledges",
            "restate": "repeats",
            "concern": "worries",
            "suggestion": "suggests",
            "standing": "position",
        }.get(statement.role, "says")
        about = f"-{slugify(self.short(statement.about), 24)}" if statement.about else ""
        statement.id = self.unique_id(
            f"{slugify(self.short(statement.by), 24)}-{verb}{about}-{statement.allegation}"
        )
        if rng.random() < 0.3 and self.events:
            near = bisect.bisect_left(self.event_days, statement.day)
            window = self.events[max(0, near - 8) : near + 2]
            picked = rng.sample(window, min(len(window), rng.randint(1, 2)))
            statement.events = list(dict.fromkeys(e.id for e in picked))

    def groups_for(self, statement: _Statement) -> list[str]:
        """The armed groups a statement is about: the one it is about itself, or one near it
        (now and then two)."""
        rng = self.rng
        about = statement.about
        if about is None:
            return []
        if self.actors[about].type == "armed-group" and rng.random() < 0.6:
            return [about]
        if "{group}" not in _clauses(statement.allegation)[0]:
            return []
        if rng.random() > 0.75 and statement.index >= len(_COVER_ROLES):
            return []
        home = self.actors[about].home or ""
        near = [g for g in self.groups_by_home.get(home, []) if g != about]
        if statement.index == 0:  # the first names a group by the name its accuser uses
            named = [
                g
                for g in self.groups
                if any(a.used_by == statement.by for a in self.actors[g].aliases)
            ]
            near = named or near
        if not near or (statement.index > 0 and rng.random() < 0.4):
            near = self.groups
        picked = [rng.choice(near)] if near else []
        if picked and rng.random() < 0.08:
            second = rng.choice(self.groups)
            if second not in picked:
                picked.append(second)
        return [g for g in picked if g != about]

    # -- what the sources say ------------------------------------------------------------------

    def write(self, statement: _Statement) -> None:
        """The statement's sentence in its home source and its report there; the tie to what
        it answers; the other reports; its paraphrase, title and framing."""
        home = statement.home
        subject, speaker_as = self.subject(statement)
        text, keep, naming = self.sentence(statement, subject)
        main = self.say(home, text)
        report = _Report(home, [self.cut_keeping(home, main, keep)])
        self.wordings(statement, report, speaker_as, text)
        if self.rng.random() < 0.3 and not statement.author_voice:
            again = self.say(home, self.echo(statement, None)[0])
            report.quotes.append(self.cut(home, again))
        statement.reports.append(report)
        if statement.target is not None and statement.state is not None:
            evidence = [self.phrase(home, main, naming)] if naming else []
            statement.answer = _Answer(
                statement.target, statement.state, "named" if naming else "met", evidence
            )
        self.more_reports(statement, main, keep, speaker_as)
        self.paraphrase(statement)
        statement.title = self.title(statement)
        framed = self.framed(statement)
        if framed is not None:
            self.frame(statement, framed)

    def subject(self, statement: _Statement) -> tuple[str, str | None]:
        """How a sentence names who says it, and the speaker's title in its words."""
        if statement.speaker is None or statement.post is None:
            return self.mention(statement.by), None
        post = statement.post
        of = "for" if post.role == "spokesperson" else "of"
        title = f"{post.words} {of} {self.mention(post.organization)}"
        return f"{self.actors[statement.speaker].name}, {title},", title

    def sentence(self, statement: _Statement, subject: str) -> tuple[str, int, str]:
        """The sentence that reports the statement, the index of the first word its
        paraphrase needs, and the words that name what it answers (for a tie 'named')."""
        role, lead, target = statement.role, statement.lead, statement.target
        if role == "author":
            opening = (
                "it may well be that" if statement.kind == "suggestion" else "it is clear that"
            )
            statement.clause = self.clause(statement)
            return self.ending(_capital(f"{lead}{opening} "), statement.clause)
        if role == "standing":
            statement.clause = self.rng.choice(_STANDING)
            extra = self.rng.choice(["", ", and it will act against any group that tries"])
            return self.ending(_capital(f"{subject} says "), statement.clause + extra)
        if target is None or role not in _ANSWERING:
            statement.clause = self.clause(statement)
            verb = self.rng.choice(_VERBS[statement.kind])
            if role == "restate":
                verb = "repeated"
            elif lead == "For years, ":
                verb = "has maintained"
            return self.ending(_capital(f"{lead}{subject} {verb} "), f"that {statement.clause}", 1)
        met = self.ties_met(statement)
        mention = self.mention(target.by)
        statement.mentions[target.by] = mention
        named = f"the {'concern raised' if target.kind == 'concern' else 'accusation'} by {mention}"
        if role == "counter":
            statement.clause = self.clause(statement)
            if met:
                return self.ending(_capital(f"{lead}{subject} said that "), statement.clause)
            naming = f"responding to {named}"
            joined = f"{subject} {naming}," if subject.endswith(",") else f"{subject}, {naming},"
            text, keep, _ = self.ending(_capital(f"{lead}{joined} said that "), statement.clause)
            return text, keep, naming
        if role == "acknowledge":
            part = "in part " if statement.state == "partially-acknowledged" else ""
            statement.clause = f"{part}{target.clause}"
            before = _capital(f"{lead}{subject} acknowledged that ")
            if met:
                return self.ending(before, statement.clause)
            naming = f"answering {named}"
            text, keep, _ = self.ending(before, f"{statement.clause}, {naming}")
            return text, keep, naming
        if met:
            assert target.about is not None
            statement.clause = _DENIALS.get(
                statement.allegation, "the accusation against {accused} is baseless"
            ).format(accused=self.mention(target.about))
            return self.ending(_capital(f"{lead}{subject} said that "), statement.clause)
        if statement.state == "denied":
            statement.clause = f"{named} that {target.clause} is baseless"
            before = _capital(f"{lead}{subject} rejected ")
            text = f"{before}{named} that {target.clause}, calling it baseless."
            return text, len(before.split()), f"rejected {named}"
        statement.clause = (
            f"part of {named} that {target.clause} is acknowledged, and the rest rejected as "
            "baseless"
        )
        before = _capital(f"{lead}{subject} ")
        text = (
            f"{before}acknowledged part of {named} that {target.clause}, but rejected the rest "
            "as baseless."
        )
        return text, len(before.split()), f"part of {named}"

    @staticmethod
    def ending(before: str, clause: str, skip: int = 0) -> tuple[str, int, str]:
        """``before`` and the clause as a sentence; where the words to keep begin (``skip``
        words into the clause)."""
        return f"{before}{clause}.", len(before.split()) + skip, ""

    def ties_met(self, statement: _Statement) -> bool:
        """Whether an answer is tied to its target by meeting it (same allegation, that
        side, not made again in between), rather than by the words of a report."""
        target = statement.target
        if target is None or statement.role not in _ANSWERING or not self.wants_met(statement):
            return False
        if statement.role != "acknowledge" and statement.state == "partially-acknowledged":
            return False
        if statement.allegation != target.allegation or statement.about != target.by:
            return False
        for other in self.members[self.family[target.index]]:
            if _after(other.when, target.when) and _after(statement.when, other.when):
                return False
        return True

    def clause(self, statement: _Statement) -> str:
        """The allegation in neutral words, names as the source would write them."""
        with_group, without = _clauses(statement.allegation)
        assert statement.about is not None
        accused = self.mention(statement.about)
        statement.mentions[statement.about] = accused
        if statement.groups and "{group}" in with_group:
            names = [self.group_mention(statement, group) for group in statement.groups]
            return with_group.format(accused=accused, group=" and ".join(names))
        return without.format(accused=accused)

    def group_mention(self, statement: _Statement, group: str) -> str:
        """How the one who speaks names a group: by the name its side uses, mostly, if it
        has one."""
        government = self.governments.get(self.side(statement.by) or "")
        for alias in self.actors[group].aliases:
            if alias.used_by in (statement.by, government) and (
                statement.index == 0 or self.rng.random() < 0.7
            ):
                statement.mentions[group] = alias.name
                return alias.name
        mention = self.mention(group)
        statement.mentions[group] = mention
        return mention

    def wordings(
        self, statement: _Statement, report: _Report, speaker_as: str | None, text: str
    ) -> None:
        """The names and title a report uses where they differ from the records' (some of
        the time): the words are in its sentence."""
        rng = self.rng
        early = statement.index < len(_COVER_ROLES)
        if speaker_as is not None and (early or rng.random() < 0.5):
            report.speaker_as = speaker_as
        mentions = dict(statement.target.mentions) if statement.target else {}
        mentions.update(statement.mentions)
        about = statement.about
        if about is not None and about in mentions and (early or rng.random() < 0.4):
            words = mentions[about]
            if words != self.actors[about].name and _occurs(words, text):
                report.accused_as = words
        for group in statement.groups:
            words = mentions.get(group, "")
            if (
                words
                and words != self.actors[group].name
                and _occurs(words, text)
                and (early or rng.random() < 0.6)
            ):
                report.groups_as.append(words)

    def echo(self, statement: _Statement, day: dt.date | None) -> tuple[str, int, str | None]:
        """Another sentence that gives the statement whole (on ``day``, if given), the index
        of the first word its paraphrase needs, and the speaker's title in its words."""
        subject, speaker_as = self.subject(statement)
        if day is not None:
            before = _capital(f"On {human_day(day)}, {subject} said that ")
            return f"{before}{statement.clause}.", len(before.split()), speaker_as
        template = self.rng.choice(_ECHOES)
        start, end = template.split("{c}")
        before = _capital(start.format(a=subject.rstrip(","), A=_capital(subject)))
        return f"{before}{statement.clause}{end}", len(before.split()), speaker_as

    def more_reports(
        self, statement: _Statement, main: _Sentence, keep: int, speaker_as: str | None
    ) -> None:
        """Other sources that report the statement: whole (a copy in the home report's own
        words) or in part, with their own paraphrase of that part."""
        rng = self.rng
        if statement.author_voice:
            return
        first = statement.index == 0
        # The first: the copy (the second source) gives it whole in the same words, the
        # third source in part, the fourth whole in its own words.
        count = 3 if first else int(rng.random() < 0.28) + int(rng.random() < 0.07)
        for number in range(count):
            if first:
                source = self.sources[number + 1] if number + 1 < len(self.sources) else None
            else:
                source = self.later_source(statement.home, 8)
            if (
                source is None
                or any(r.source is source for r in statement.reports)
                or _after(statement.when, source.published_span)
            ):
                continue
            part = _partial(statement.clause) if not first or number == 1 else None
            if part is not None and (first or rng.random() < 0.4):
                report = self.partial_report(statement, source, part)
            elif source.copy_of is not None and (first or rng.random() < 0.7):
                sentence = self.say(source, main.text)  # the copy republishes the report
                report = _Report(source, [self.cut_keeping(source, sentence, keep)])
                self.wordings(statement, report, speaker_as, main.text)
                if first or rng.random() < 0.3:
                    report.note = "The copy gives the report word for word."
            else:
                report = self.whole_report(statement, source)
            statement.reports.append(report)
            source.statements.append(statement)

    def whole_report(self, statement: _Statement, source: _Source) -> _Report:
        """Another source's report of the whole statement, in its own sentence; now and then
        dated differently, by a day."""
        day = None
        if self.rng.random() < 0.25 or not self.shown.get("report date"):
            self.shown["report date"] = True
            day = min(source.day, statement.day + dt.timedelta(days=1))
        text, keep, speaker_as = self.echo(statement, day)
        sentence = self.say(source, text)
        report = _Report(source, [self.cut_keeping(source, sentence, keep)])
        if day is not None:
            report.said = {
                "date": day.isoformat(),
                "precision": "day",
                "basis": "stated",
                "source": source,
                "wording": human_day(day),
            }
        self.wordings(statement, report, speaker_as, text)
        return report

    def partial_report(self, statement: _Statement, source: _Source, part: str) -> _Report:
        """A source that gives only part of the statement: its paraphrase is that part, held
        to its own quotes; it may name fewer of the statement's places."""
        subject, _ = self.subject(statement)
        before = _capital(f"{subject} said that ")
        text = f"{before}{part}."
        sentence = self.say(source, text)
        report = _Report(
            source, [self.cut_keeping(source, sentence, len(before.split()))], paraphrase=part
        )
        if len(statement.places) >= 2:
            report.places = statement.places[:1]
        return report

    def report_names(self, statement: _Statement, report: _Report) -> list[str]:
        """The names of the records a report's paraphrase may use besides its quotes (the
        checker's rule)."""
        names: list[str] = []
        for actor_id in (statement.by, statement.speaker, statement.about, *statement.groups):
            if actor_id:
                actor = self.actors[actor_id]
                names += [actor.name, actor.short_name or "", *actor.other_names]
        for place_id in statement.places if report.places is None else report.places:
            names += [self.places[place_id].name, *self.places[place_id].other_names]
        return names

    def paraphrase(self, statement: _Statement) -> None:
        """The clause the quotes hold (so every word is supported), now and then with a word
        of the editor's own, listed with its reason: one the home report's quotes and names
        lack."""
        text = statement.clause
        if not self.shown.get("editorial word") or self.rng.random() < 0.12:
            home = statement.reports[0]
            support = vocabulary(
                [*(q.quote for q in home.quotes), *self.report_names(statement, home)]
            )
            for word, synonym in _SYNONYMS:
                pattern = re.compile(rf"\b{word}\b")
                if pattern.search(text) and not stems(synonym) & support:
                    text = pattern.sub(synonym, text, count=1)
                    reason = (
                        f"The source says {_LDQUO}{word}{_RDQUO}; {_LDQUO}{synonym}{_RDQUO} "
                        "says the same in plain English."
                    )
                    statement.editorial.append((synonym, reason))
                    self.shown["editorial word"] = True
                    break
        statement.paraphrase = text
        assert len(text) <= PARAPHRASE_LIMIT, f"paraphrase of {statement.id} is too long"

    def title(self, statement: _Statement) -> str | None:
        """The title an editor writes for a denial, a standing position or a statement on a
        type that needs one, in the words of its quotes, the names it links and the words a
        title may use."""
        needed = vocab.Allegation.of(statement.allegation).title_needed
        if statement.kind == "standing-position" or (statement.kind != "denial" and needed):
            return f"{self.the(statement.by)} says {statement.clause.split(',')[0]}"
        if statement.kind != "denial":
            return None
        assert statement.about is not None
        about = self.the(statement.about)
        about = about[:1].lower() + about[1:] if about.startswith("The ") else about
        label = vocab.Allegation.of(statement.allegation).label.lower()
        if statement.state == "partially-acknowledged":
            return (
                f"{self.the(statement.by)} acknowledges part of an accusation by {about}: {label}"
            )
        return f"{self.the(statement.by)} rejects an accusation by {about}: {label}"

    def framed(self, statement: _Statement) -> _Statement | None:
        """What a source presents the statement as a response to, if it does: the first
        suggestion is presented as a response to the first statement; now and then another
        statement, to a recent one by the side it is about, about its own side."""
        if statement.index == 7 and statement.role == "suggestion":
            return self.statements[0]
        if statement.role not in ("fresh", "suggestion") or self.rng.random() > 0.06:
            return None
        mine, theirs = self.side(statement.by), self.side(statement.about)
        if mine is None or theirs is None:
            return None
        for earlier in reversed(self.statements[-40:]):
            if self.side(earlier.about) == mine and self.side(earlier.by) == theirs:
                return earlier
        return None

    def frame(self, statement: _Statement, target: _Statement) -> None:
        """The words of a source that present the statement as a response to another: its
        own source mostly, sometimes a later one, sometimes through an analyst."""
        rng = self.rng
        source = statement.home
        if rng.random() < 0.2:
            source = self.later_source(statement.home, spread=4) or source
        them = self.mention(target.by)
        framer = None
        if self.journalists and (statement.index == 7 or rng.random() < 0.3):
            framer = rng.choice(self.journalists)
            text = (
                f"{self.actors[framer].name}, an analyst, said the remarks were a response to "
                f"accusations from {them}."
            )
        else:
            text = rng.choice(
                [
                    f"The remarks came in response to earlier claims by {them}.",
                    f"{_capital(self.mention(statement.by))} was answering accusations made "
                    f"by {them} earlier.",
                ]
            )
        sentence = self.say(source, text)
        statement.framing = _Framing(target, source, [self.cut(source, sentence)], framer)
        if rng.random() < 0.1:
            statement.framing.note = "The source gives no date for the earlier claims."

    def register(self, statement: _Statement) -> None:
        """Keep the statement, and what it answers and restates, for those that come after."""
        self.statements.append(statement)
        statement.home.statements.append(statement)
        target = statement.target
        if statement.answer is not None and target is not None:
            self.answered.setdefault(target.index, []).append(statement)
            if statement.answer.tie == "met":
                family = self.family[target.index]
                self.met.setdefault(family, []).append((target, statement))
        if statement.role == "restate" and target is not None:
            family = self.family[target.index]
            self.family[statement.index] = family
            self.members[family].append(statement)
            self.restated.setdefault(target.index, []).append(statement)
        else:
            self.family[statement.index] = statement.index
            self.members[statement.index] = [statement]

    # -- what sources say of the answers -----------------------------------------------------

    def settle_statuses(self) -> None:
        """What sources say of each statement's answers where none is recorded (or before
        one is): none reported, none yet, none official; the first ones in every state, and
        a history that changes from source to source."""
        rng = self.rng
        cover: dict[int, tuple[str, ...]] = {
            0: ("no-response-reported",),
            5: ("unanswered",),
            7: ("no-response-reported", "no-official-response"),
        }
        for statement in self.statements:
            if statement.kind in ("denial", "standing-position") or statement.role == "acknowledge":
                continue
            states: tuple[str, ...] | None = (
                cover.get(statement.index) if statement.index < len(_COVER_ROLES) else None
            )
            if states is None:
                states = _weighted(rng, _STATUS_PLANS)
                if statement.index in self.answered and states:
                    states = ("no-response-reported",)
            if not states:
                continue
            # Each as of a later source than the one before (the same, if none is later); what
            # a source says at once ("has yet to respond") as of a later one first.
            chain: list[_Source] = []
            for state in states:
                previous = chain[-1] if chain else statement.home
                if not chain and state == "no-response-reported":
                    chain.append(previous)
                else:
                    chain.append(self.later_source(previous, 4) or previous)
            when: DateValue | None = None
            for state, source in zip(states, chain, strict=True):
                step = self.step(statement, state, source, when)
                statement.status.append(step)
                when = _span(step.date) if step.date else source.published_span

    def step(
        self, statement: _Statement, state: str, source: _Source, previous: DateValue | None
    ) -> _Step:
        """One state, as of ``source``, with the words that say so where a state needs them;
        now and then with the day it began, the day before the report."""
        rng = self.rng
        step = _Step(state, source)
        if state in _SILENCES:
            assert statement.about is not None
            text = rng.choice(_SILENCES[state]).format(a=self.mention(statement.about))
            day = source.day - dt.timedelta(days=1)
            dated = not self.shown.get("status date") or rng.random() < 0.2
            if dated and (
                previous is None or previous.earliest is None or previous.earliest <= day
            ):
                self.shown["status date"] = True
                step.date = {
                    "date": day.isoformat(),
                    "precision": "day",
                    "basis": "stated",
                    "source": source,
                    "wording": human_day(day),
                }
                text = f"As of {human_day(day)}, {text}"
            step.evidence.append(self.cut(source, self.say(source, _capital(text))))
        elif rng.random() < 0.05:
            step.note = "The source reports no statement by the one it is about."
        return step

    # -- exchanges and the In brief -------------------------------------------------------------

    def make_exchanges(self) -> None:
        """A few rounds of the dispute, spread over the years: a statement, its answers (and
        theirs) and its restatements, with a summary that says no more than they do, and
        moments for the chart (at most eight in all)."""
        candidates = [s for s in self.statements if s.index in self.answered]
        if not candidates:
            return
        stride = max(1, len(candidates) // self.counts.exchanges)
        taken: dict[int, None] = {}
        for start in range(0, len(candidates), stride):
            first = candidates[start]
            members = [first, *self.answered.get(first.index, [])]
            for answer in list(members[1:]):
                members += self.answered.get(answer.index, [])
            members += self.restated.get(first.index, [])
            chosen = list(dict.fromkeys(m for m in members if m.index not in taken))[:6]
            if len(chosen) < 2 or chosen[0] is not first:
                continue
            for member in chosen:
                taken[member.index] = None
            self.exchanges.append(self.exchange(chosen))
            if len(self.exchanges) == self.counts.exchanges:
                break

    def exchange(self, statements: list[_Statement]) -> _Exchange:
        """One exchange: its period runs from the first statement's date to the last's."""
        first = statements[0]
        assert first.about is not None
        ordered = sorted(statements, key=lambda s: s.when.sort_key())
        start = min(s.when.earliest or s.when.latest for s in ordered)
        end = max(s.when.latest for s in ordered)
        title = f"{self.short(first.by)} and {self.short(first.about)}, {human_month(first.day)}"
        exchange = _Exchange(
            id=self.unique_id(f"exchange-{title}"),
            title=title,
            statements=ordered,
            period={
                "date": f"{start.isoformat()}/{end.isoformat()}",
                "precision": "interval",
                "basis": "inferred",
                "note": "From the first statement of the exchange to the last, as their dates "
                "allow.",
            },
        )
        linked: dict[str, None] = {}
        exchange.summary = " ".join(self.summary_sentence(s, linked) for s in ordered)
        room = MOMENT_TOTAL - sum(len(e.moments) for e in self.exchanges)
        for statement in ordered[: max(0, min(2, room))]:
            exchange.moments.append((self.moment(statement), [statement]))
        if self.rng.random() < 0.3 or not self.exchanges:
            exchange.note = (
                f"It begins with [[statement:{first.id}|what the {self.short(first.by)} said]]."
            )
        return exchange

    def summary_sentence(self, statement: _Statement, linked: dict[str, None]) -> str:
        """A sentence that sums a statement up in its own words and cites it; the one who
        said it is linked on its first mention."""
        name = self.the(statement.by)
        subject = name if statement.by in linked else f"[[actor:{statement.by}|{name}]]"
        linked[statement.by] = None
        verb = "says" if statement.kind == "standing-position" else "said"
        return f"{subject} {verb} that {statement.paraphrase} [[statement:{statement.id}]]."

    def moment(self, statement: _Statement) -> str:
        """A few words for the chart, from the names of the statement's actors."""
        by = self.short(statement.by)
        if statement.answer is not None:
            label = f"{by} answers"
        elif statement.about is not None and statement.kind == "allegation":
            label = f"{by} accuses {self.short(statement.about)}"
        else:
            label = f"{by} statement"
        return label if len(label) <= MOMENT_LIMIT else "Statement"

    def write_in_brief(self) -> None:
        """The home page's summary: a paragraph per exchange (the first three), each
        sentence citing what it sums up, each name linked once."""
        linked: dict[str, None] = {}
        paragraphs = [
            " ".join(self.summary_sentence(s, linked) for s in exchange.statements[:2])
            for exchange in self.exchanges[:3]
        ]
        self.in_brief = "\n\n".join(paragraphs) + "\n" if paragraphs else ""

    # -- notes ---------------------------------------------------------------------------------

    def statement_notes(self) -> None:
        """Notes on statements, answers and framings, some linking the records they speak of
        (the ids are all known by now)."""
        rng = self.rng
        for statement in self.statements:
            early = statement.index < len(_COVER_ROLES)
            target = statement.target
            if len(statement.reports) > 1 and (statement.index == 0 or rng.random() < 0.1):
                other = statement.reports[1]
                gives = "part of it" if other.paraphrase else "it whole"
                statement.note = (
                    f"Also reported by [[source:{other.source.id}|{other.source.publisher}]], "
                    f"which gives {gives}."
                )
            elif statement.role == "restate" and target and (early or rng.random() < 0.2):
                statement.note = (
                    f"The allegation of [[statement:{target.id}|an earlier statement]], made again."
                )
            elif rng.random() < 0.05:
                statement.note = (
                    "The source does not say which militants it means."
                    if not statement.groups
                    else "The source names the group but gives no details."
                )
            if statement.answer is not None and rng.random() < 0.03:
                statement.answer.note = "The answer was reported second-hand."

    # -- texts and files -----------------------------------------------------------------------

    def filler(self, reason: str, template: str | None = None) -> _Sentence:
        """A sentence nothing quotes, as a real article has between the quoted ones, with why
        it is not coded."""
        rng = self.rng
        countries, others = self.place_names
        c1, c2 = rng.sample(countries, 2)
        templates = _FILLERS.get(reason, ("The report turns to other matters in {p}.",))
        text = (template or rng.choice(templates)).format(
            c1=c1,
            c2=c2,
            p=rng.choice(others),
            n=rng.randint(2, 30),
            y=rng.randint(2010, 2014),
            b=f"The {self.actors[rng.choice(self.bodies)].name}",
            q=_RSQUO,
        )
        return _Sentence(text, reason=reason)

    def lay_out(self) -> None:
        """Each source's original: its sentences in a shuffled order with background ones
        between, in paragraphs of two to five sentences, and whole paragraphs no quote comes
        from (background, analysis, other topics, page matter, a statement given again), which
        its excerpt leaves out and its ledger lists; the paragraphs numbered as in the
        original."""
        rng = self.rng
        for source in self.sources:
            quoted = list(source.sentences)
            rng.shuffle(quoted)
            mixed: list[_Sentence] = []
            for sentence in quoted:
                mixed.append(sentence)
                if rng.random() < 0.4:
                    mixed.append(self.filler(rng.choice(_INLINE_REASONS)))
            while len(mixed) < 2:
                mixed.append(self.filler("background"))
            blocks: list[list[_Sentence]] = []
            start = 0
            while start < len(mixed):
                blocks.append(mixed[start : start + rng.randint(2, 5)])
                start += len(blocks[-1])
            extra = [
                [self.filler(reason) for _ in range(rng.randint(1, 3))]
                for reason in rng.choices(
                    ("background", "analysis", "off-topic", "fighting"), k=rng.randint(1, 3)
                )
            ]
            if source.caption:
                extra.append([self.filler("page-matter", _FILLERS["page-matter"][0])])
            if source.index == 0:  # every reason a paragraph is not coded, in the first source
                missing = [
                    reason.value
                    for reason in vocab.NotCoded
                    if reason is not vocab.NotCoded.REPEATS
                    and not any(block[0].reason == reason for block in extra)
                ]
                extra += [[self.filler(reason)] for reason in missing]
            if source.statements and (source.index == 0 or rng.random() < 0.15):
                extra.append([self.repetition(source.statements[0])])
            for block in extra:
                blocks.insert(rng.randint(0, len(blocks)), block)
            for number, block in enumerate(blocks, start=1):
                for sentence in block:
                    sentence.paragraph = number
            source.blocks = blocks

    def repetition(self, statement: _Statement) -> _Sentence:
        """A paragraph that gives a statement again, in words no quote needs."""
        text = _capital(f"{self.mention(statement.by)} has repeated that {statement.clause}.")
        return _Sentence(text, reason="repeats", repeats=statement)

    def ledger(self, source: _Source) -> list[dict[str, Any]]:
        """The paragraphs of the original its excerpt leaves out, by why they are not coded."""
        grouped: dict[str, list[int]] = {}
        repeated: dict[str, _Statement] = {}
        for number, block in enumerate(source.blocks, start=1):
            if any(sentence.reason is None for sentence in block):
                continue  # stored: something quotes it
            reason = block[0].reason or "background"
            grouped.setdefault(reason, []).append(number)
            if block[0].repeats is not None:
                repeated.setdefault(reason, block[0].repeats)
        entries: list[dict[str, Any]] = []
        for reason, numbers in grouped.items():
            entry: dict[str, Any] = {"paragraphs": numbers, "reason": reason}
            if reason in repeated:
                statement = repeated[reason]
                entry["note"] = (
                    f"Gives again [[statement:{statement.id}|the statement of the "
                    f"{self.short(statement.by)}]], quoted from another paragraph."
                )
            elif reason in _LEDGER_NOTES and (reason == "page-matter" or self.rng.random() < 0.4):
                entry["note"] = _LEDGER_NOTES[reason].format(q=_RSQUO)
            entries.append(entry)
        return entries

    def text_of(self, source: _Source) -> bytes:
        """The stored excerpt: comments, the dateline, then each paragraph something is
        quoted from, under its number in the original."""
        lines = [
            f"# Excerpt of {source.publisher}, {_LDQUO}{source.title}{_RDQUO}: the quoted "
            "paragraphs only,",
            "# each under its number in the original. Synthetic: every name is invented.",
            "",
        ]
        if source.dateline:
            lines += ["[dateline]", source.dateline, ""]
        for number, block in enumerate(source.blocks, start=1):
            if any(sentence.reason is None for sentence in block):
                lines += [f"[{number}]", " ".join(sentence.text for sentence in block), ""]
        return "\n".join(lines).encode("utf-8")

    def build(self) -> dict[str, bytes]:
        self.make_places()
        self.make_actors()
        self.make_sources()
        self.date_sources()
        self.make_events()
        self.make_statements()
        self.settle_statuses()
        self.quote_every_source()
        self.name_sources()
        self.name_publications()
        self.lay_out()
        self.source_notes()
        self.statement_notes()
        self.make_exchanges()
        self.write_in_brief()
        files: dict[str, bytes] = {}
        for source in self.sources:
            files[f"texts/{source.id}.txt"] = self.text_of(source)
        files["dataset.yaml"] = self.dataset_file()
        if self.in_brief:
            files["in-brief.md"] = self.in_brief.encode("utf-8")
        kinds: list[tuple[str, str, list[dict[str, Any]]]] = [
            (
                "sources",
                "Sources: quoted ones with stored excerpts and ledgers, superseded ones, then "
                "date references.",
                [
                    self.source_record(s)
                    for s in [*self.sources, *self.superseded, *self.references]
                ],
            ),
            (
                "actors",
                "Actors: states, governments, armed forces, armed groups, people, bodies, "
                "collectives.",
                [self.actor_record(a) for a in self.actors.values()],
            ),
            (
                "places",
                "Places, each inside its parent.",
                [self.place_record(p) for p in self.places.values()],
            ),
            (
                "events",
                "Events the sources mention, dated where they can be.",
                [self.event_record(e) for e in self.events],
            ),
            (
                "statements",
                "Statements: who said what, about whom, reported by which sources in which "
                "words; what each answers or restates.",
                [self.statement_record(s) for s in self.statements],
            ),
            (
                "exchanges",
                "Exchanges: rounds of the dispute, each with its summary.",
                [self.exchange_record(e) for e in self.exchanges],
            ),
        ]
        for kind, comment, records in kinds:
            parts = [
                records[i : i + RECORDS_PER_FILE] for i in range(0, len(records), RECORDS_PER_FILE)
            ]
            for number, part in enumerate(parts, start=1):
                name = f"{kind}.yaml" if len(parts) == 1 else f"{kind}-{number:02d}.yaml"
                files[name] = _data_file(
                    kind,
                    [
                        comment,
                        f"Synthetic (statements={self.counts.statements}, "
                        f"seed={self.seed}): every name is invented.",
                    ],
                    part,
                )
        return dict(sorted(files.items()))

    def dataset_file(self) -> bytes:
        info = {
            "title": f"Synthetic Tit-for-Tat dataset: {self.counts.statements:,} statements "
            f"(seed {self.seed})",
            "description": "Made by titfortat_dev.synth to measure the site at scale. Every "
            "person, group, place and publication in it is invented; the accusations are "
            "made up and prove nothing.",
            "version": "0.1.0",
            "released": "2025-01-01",
            "creators": ["titfortat_dev.synth"],
        }
        lines = [
            *_HEADER,
            f"# Synthetic data (statements={self.counts.statements}, seed={self.seed}).",
            *_emit({"dataset": info}, 0),
        ]
        return ("\n".join(lines) + "\n").encode("utf-8")

    # -- records -------------------------------------------------------------------------------

    def source_record(self, source: _Source) -> dict[str, Any]:
        record: dict[str, Any] = {"id": source.id, "title": source.title, "kind": source.kind}
        if source.author:
            record["author"] = source.author
        if source.author_actor:
            record["author_actor"] = source.author_actor
        record["publisher"] = source.publisher
        if source.copy_of:
            record["copy_of"] = source.copy_of
        if source.has_url:
            path = f"{source.day.year}/{source.day.month:02d}/{source.id}/"
            record["url"] = f"https://{source.domain}/{path}"
            if source.archived:
                stamp = source.day.strftime("%Y%m%d")
                record["archive_url"] = (
                    f"https://archive.example/web/{stamp}/https://{source.domain}/{path}"
                )
        if source.published:
            record["published"] = _with_ids(source.published)
        record["language"] = "en"
        if source.quoted:
            record["text"] = f"texts/{source.id}.txt"
            record["original_paragraphs"] = len(source.blocks)
            if not source.capture_complete:
                record["capture_complete"] = False
            ledger = self.ledger(source)
            if ledger:
                record["ledger"] = ledger
        if source.superseded_by is not None:
            record["superseded_by"] = source.superseded_by.id
        if source.note:
            record["note"] = source.note
        return record

    def actor_record(self, actor: _Actor) -> dict[str, Any]:
        record: dict[str, Any] = {"id": actor.id, "name": actor.name}
        if actor.short_name and actor.short_name != actor.name:
            record["short_name"] = actor.short_name
        record["type"] = actor.type
        if actor.country:
            record["country"] = actor.country
        if actor.other_names:
            record["other_names"] = list(actor.other_names)
        if actor.aliases:
            record["aliases"] = [
                _present({"name": a.name, "used_by": a.used_by, "note": a.note})
                for a in actor.aliases
            ]
        record["description"] = actor.description
        if actor.memberships:
            record["memberships"] = [
                _present(
                    {
                        "organization": m.organization,
                        "role": m.role,
                        "title": m.title,
                        "start": m.start,
                        "end": m.end,
                        "note": m.note,
                    }
                )
                for m in actor.memberships
            ]
        return record

    def place_record(self, place: _Place) -> dict[str, Any]:
        record: dict[str, Any] = {"id": place.id, "name": place.name, "kind": place.kind}
        if place.parent:
            record["parent"] = place.parent
        if place.other_names:
            record["other_names"] = list(place.other_names)
        if place.coordinates:
            record["coordinates"] = {
                "latitude": _Float(place.coordinates[0]),
                "longitude": _Float(place.coordinates[1]),
            }
        return record

    def event_record(self, event: _Event) -> dict[str, Any]:
        record: dict[str, Any] = {"id": event.id, "title": event.title, "kind": event.kind}
        if event.date:
            record["date"] = _with_ids(event.date)
        if event.places:
            record["places"] = event.places
        if event.actors:
            record["actors"] = event.actors
        if event.cameo:
            record["cameo"] = event.cameo
        if event.source:
            record["source"] = event.source.id
        if event.evidence:
            record["evidence"] = [_evidence(q) for q in event.evidence]
        if event.note:
            record["note"] = event.note
        return record

    def statement_record(self, statement: _Statement) -> dict[str, Any]:
        record: dict[str, Any] = {
            "id": statement.id,
            "kind": statement.kind,
            "by": statement.by,
            "speaker": statement.speaker,
            "about": statement.about,
            "allegation": statement.allegation,
            "covers": statement.covers,
            "groups": statement.groups,
            "places": statement.places,
            "said": _with_ids(statement.said),
            "title": statement.title,
            "paraphrase": statement.paraphrase,
            "editorial_words": [
                {"word": word, "reason": reason} for word, reason in statement.editorial
            ],
            "reports": [_report_record(r) for r in statement.reports],
            "status": [_step_record(step) for step in statement.status],
        }
        if statement.answer is not None:
            answer = statement.answer
            record["answers"] = [
                _present(
                    {
                        "statement": answer.statement.id,
                        "state": answer.state,
                        "tie": answer.tie,
                        "evidence": [_evidence(q) for q in answer.evidence],
                        "note": answer.note,
                    }
                )
            ]
        if statement.framing is not None:
            framing = statement.framing
            record["framing"] = _present(
                {
                    "statement": framing.statement.id,
                    "framed_by": framing.source.id,
                    "framer": framing.framer,
                    "evidence": [_evidence(q) for q in framing.evidence],
                    "note": framing.note,
                }
            )
        if statement.restates is not None:
            record["restates"] = statement.restates.id
        record["cameo"] = statement.cameo
        record["events"] = statement.events
        record["note"] = statement.note
        return _present(record)

    def exchange_record(self, exchange: _Exchange) -> dict[str, Any]:
        return _present(
            {
                "id": exchange.id,
                "title": exchange.title,
                "period": exchange.period,
                "statements": [s.id for s in exchange.statements],
                "summary": exchange.summary,
                "moments": [
                    {"label": label, "statements": [s.id for s in cited]}
                    for label, cited in exchange.moments
                ],
                "note": exchange.note,
            }
        )


def _clauses(allegation: str) -> tuple[str, str]:
    """The clauses that state an allegation (see ``_CLAUSES``); a plain one for a type added
    to the vocabulary since."""
    found = _CLAUSES.get(allegation)
    if found is not None:
        return found
    plain = f"{{accused}} is to blame ({vocab.Allegation.of(allegation).label.lower()})"
    return plain, plain


def _adjective(country: str) -> str:
    """The adjective of an invented country's name: Kostaria → Kostarian, Vestan → Vestani."""
    return country + ("n" if country.endswith("a") else "i")


def _partial(clause: str) -> str | None:
    """The first part of a clause, as a report that gives only part of a statement words it
    (at least three words, ending on a word that says something); None for a short clause."""
    words = clause.split(" ")
    if len(words) < 5:
        return None
    for end in range(len(words) * 2 // 3, 2, -1):
        last = words[end - 1]
        if last.lower() not in STOP_WORDS and last[-1].isalnum():
            return " ".join(words[:end])
    return None


def _occurs(words: str, text: str) -> bool:
    """Whether the words occur in the text as the checker finds them (whole words)."""
    return find_segments(segments(words), normalise(text))


def _present(record: Mapping[str, Any]) -> dict[str, Any]:
    """A record without its empty fields (None, empty lists), in the order given."""
    return {key: value for key, value in record.items() if value not in (None, [], {})}


def _report_record(report: _Report) -> dict[str, Any]:
    return _present(
        {
            "source": report.source.id,
            "paraphrase": report.paraphrase,
            "places": report.places,
            "accused_as": report.accused_as,
            "speaker_as": report.speaker_as,
            "groups_as": report.groups_as,
            "said": _with_ids(report.said) if report.said else None,
            "quotes": [
                {"paragraph": q.sentence.paragraph, "quote": q.quote} for q in report.quotes
            ],
            "note": report.note,
        }
    )


def _step_record(step: _Step) -> dict[str, Any]:
    return _present(
        {
            "state": step.state,
            "as_of": step.as_of.id,
            "date": _with_ids(step.date) if step.date else None,
            "evidence": [_evidence(q) for q in step.evidence],
            "note": step.note,
        }
    )


def _with_ids(when: Mapping[str, Any]) -> dict[str, Any]:
    """A date field with its source object (known before the source's id) as an id."""
    return {k: v.id if isinstance(v, _Source) else v for k, v in when.items()}


def _evidence(quote: _Quote) -> dict[str, Any]:
    return {"source": quote.source.id, "paragraph": quote.sentence.paragraph, "quote": quote.quote}


# -- YAML, written the way an editor writes it -------------------------------------------------


class _Float(float):
    """A coordinate, written with four decimals."""


_HEADER = ("# yaml-language-server: $schema=dataset.schema.json", "#")
_RESOLVER = yaml.resolver.Resolver()
_SAFE = rf"\w .{_RSQUO}()/{_NDASH}\-"
_PLAIN_BLOCK = re.compile(rf"[A-Za-z0-9][{_SAFE},]*[\w.){_RSQUO}]|[A-Za-z0-9]")
_PLAIN_FLOW = re.compile(rf"[A-Za-z0-9][{_SAFE}]*[\w.){_RSQUO}]|[A-Za-z0-9]")
_TEXT_TAGS = ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp")
"""Plain scalars YAML reads as text (the checker keeps dates as text too)."""


def _scalar(value: object, *, flow: bool = False) -> str:
    """A scalar, plain where YAML reads it back as the same text, else JSON-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _Float):
        return f"{value:.4f}"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    pattern = _PLAIN_FLOW if flow else _PLAIN_BLOCK
    resolve = cast(Callable[..., str], _RESOLVER.resolve)
    if (
        pattern.fullmatch(text)
        and resolve(yaml.nodes.ScalarNode, text, (True, False)) in _TEXT_TAGS
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def _emit(mapping: Mapping[str, object], indent: int) -> Iterator[str]:
    """Block YAML for a mapping; lists of names and coordinates in flow style."""
    pad = " " * indent
    for key, item in mapping.items():
        if isinstance(item, dict) and all(isinstance(v, _Float) for v in item.values()):
            inner = ", ".join(f"{k}: {_scalar(v)}" for k, v in item.items())
            yield f"{pad}{key}: {{{inner}}}"
        elif isinstance(item, dict):
            yield f"{pad}{key}:"
            yield from _emit(item, indent + 2)
        elif isinstance(item, list) and item and all(isinstance(v, dict) for v in item):
            yield f"{pad}{key}:"
            for record in item:
                lines = list(_emit(record, indent + 4))
                yield f"{pad}  - {lines[0].lstrip()}"
                yield from lines[1:]
        elif isinstance(item, list):
            yield f"{pad}{key}: [{', '.join(_scalar(v, flow=True) for v in item)}]"
        else:
            yield f"{pad}{key}: {_scalar(item)}"


def _data_file(kind: str, comments: Sequence[str], records: list[dict[str, Any]]) -> bytes:
    lines = [*_HEADER, *(f"# {c}" for c in comments), f"{kind}:"]
    for record in records:
        body = list(_emit(record, 4))
        lines += [f"  - {body[0].lstrip()}", *body[1:], ""]
    return "\n".join(lines).encode("utf-8")


# -- entry points ------------------------------------------------------------------------------


def synthesize(claims: int, seed: int = 1) -> dict[str, bytes]:
    """A complete data folder for ``claims`` statements (the name the benchmark has always
    passed): path inside the folder → bytes (pure)."""
    return _Synth(claims, seed).build()


def write_dataset(files: Mapping[str, bytes], folder: Path) -> None:
    """Write a synthesized folder; refuse a folder that already has files in it."""
    if folder.exists() and any(folder.iterdir()):
        raise FileExistsError(f"{folder} is not empty: write synthetic data to a new folder")
    for relative, data in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m titfortat_dev.synth --statements 1000 --out /tmp/data``."""
    parser = argparse.ArgumentParser(
        prog="python -m titfortat_dev.synth",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--statements", "--claims", dest="statements", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True, help="a new, empty folder")
    args = parser.parse_args(argv)
    files = synthesize(args.statements, args.seed)
    write_dataset(files, args.out)
    print(f"{len(files)} files, {sum(map(len, files.values())):,} bytes in {args.out}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
