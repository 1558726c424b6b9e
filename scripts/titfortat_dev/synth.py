"""Synthetic datasets in the real schema, to measure and test the site at sizes we do not have.

``synthesize(claims, seed)`` returns a complete data folder (YAML files and stored texts) as
bytes, so a benchmark or a test can write it anywhere or check it in memory. Every name is
invented, so no real person, group or place is accused of anything, but the shape is the
real one: analyses, news reports and official statements whose stored excerpts hold only the
quoted paragraphs, under their numbers in the original; date references that pin dates;
paraphrases made of their quotes' words (a few with an editorial word and its reason);
answers a source frames as such; status histories that change from source to source; every
date precision and basis; places nested in countries; spokespeople and ministers speaking
for their organisations.

Proportions per 1,000 claims: about 50 quoted sources, 10 date references, 120 actors,
80 places and 200 events, over ten years (2015-2024). Smaller datasets keep a floor of each,
and their first records cycle through the vocabularies, so even 10 claims have every claim
kind, status (and a history of three), source kind, date basis and precision, event kind,
actor type and membership role; every allegation type appears by 50 claims and every CAMEO
code by 100 (both depend on who accuses whom, and on the events).

The output depends only on ``(claims, seed)``: one seeded :class:`random.Random`, lists and
insertion-ordered dicts only (no set iteration, no clock), so the same arguments give the
same bytes in any process.

``python -m titfortat_dev.synth --claims 1000 --out /tmp/data`` writes one to a new folder.
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
from titfortat.model.dates import MONTHS
from titfortat.model.records import PARAPHRASE_LIMIT
from titfortat.model.support import stems, vocabulary

FIRST_DAY = dt.date(2015, 1, 1)
LAST_DAY = dt.date(2024, 12, 31)
RECORDS_PER_FILE = 1000
"""The most records written to one YAML file (the checker refuses files over 8 MB)."""

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
_WIRES = [
    ("Continental Press", "continentalpress.example"),
    ("News Agency of the South", "nas.example"),
    ("The Evening Ledger", "eveningledger.example"),
]
_FILLERS = (
    "Relations between {c1} and {c2} have been tense for years.",
    "The border crossing near {p} was closed for {n} days.",
    "Analysts in {p} said the dispute was unlikely to end soon.",
    "Officials did not give further details.",
    "The claims could not be independently verified.",
    "Trade between the two countries has fallen sharply since {y}.",
    "{b} called on both sides to show restraint.",
    "Thousands of families have left the districts around {p}.",
    "Neither side has published evidence for its accusations.",
    "The security situation in {p} remains fragile.",
)


# -- how often things happen -------------------------------------------------------------------

_ORGANISATIONS = ("government", "military", "armed-group", "international-body")
_ANSWERING_TYPES = (
    "government",
    "state",
    "military",
    "armed-group",
    "international-body",
    "person",
)
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
)
"""The first people after the spokespeople: every membership role early (units are wings)."""
_SPEAKING_ROLES = ("spokesperson", "official", "leader", "minister")
_SOURCE_STYLES = (
    # (kind, style, weight): what a quoted source is, and how it is laid out and titled.
    (("news-report", "article"), 0.45),
    (("analysis", "article"), 0.25),
    (("official-statement", "statement"), 0.18),
    (("official-statement", "post"), 0.12),
)
_SOURCE_COVER = (
    ("news-report", "article"),
    ("official-statement", "statement"),
    ("analysis", "article"),
)
"""The first quoted sources' kinds; the analysis, latest of the three, holds later claims."""
_STYLE_WEIGHTS = {"article": 1.0, "statement": 0.8, "post": 0.35}
"""How many claims a source of each style reports, relatively."""
_KIND_WEIGHTS = {"allegation": 0.70, "concern": 0.14, "suggestion": 0.12, "statement": 0.04}
_KINDS = tuple((kind.value, _KIND_WEIGHTS.get(kind.value, 0.03)) for kind in vocab.ClaimKind)
_ANSWER_SHARE = 0.18
_COVER_KINDS = (
    "allegation",
    "allegation",
    "allegation",
    *(kind.value for kind in vocab.ClaimKind if kind is not vocab.ClaimKind.ALLEGATION),
    "allegation",
)
"""The first claims' kinds: A, B answering A, C answering B, then every other kind, then one
in an analysis's author's own voice (index ``_AUTHOR_VOICE``)."""
_AUTHOR_VOICE = len(_COVER_KINDS) - 1
_ANSWERING_KINDS = ("allegation", "suggestion")
"""The kinds of claim that may answer another (or be in an author's own voice)."""
_DATE_PLANS = (
    # (basis, precision, weight): how claim dates are known, as in real reporting.
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
_STATES = (
    # The latest state of a claim's history, and how often.
    ("no-response-reported", 0.50),
    ("unanswered", 0.11),
    ("no-official-response", 0.06),
    ("denied", 0.19),
    ("acknowledged", 0.04),
    ("partially-acknowledged", 0.10),
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
_RESPONSES = {
    "denied": (
        "{a} denied the accusation, calling it baseless.",
        "{a} rejected the allegations as unfounded and irresponsible.",
    ),
    "acknowledged": ("{a} acknowledged the problem and promised to act.",),
    "partially-acknowledged": (
        "{a} admitted that some militants were present but denied giving them any support.",
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
)
_SUGGESTED = ("deflects-blame", "uses-proxies", "failed-to-act", "shelters", "supports")
_AGAINST_GROUPS = ("responsible-for-attacks", "plans-attacks", "cross-border-attacks")
_EVENT_KINDS = (
    ("attack", 0.30),
    ("arrest", 0.12),
    ("statement", 0.14),
    ("meeting", 0.10),
    ("campaign", 0.12),
    ("request", 0.10),
    ("change-of-power", 0.04),
    ("publication", 0.08),
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
    "deflects-blame": ["111"],
    "defeated": ["013"],
    "failure-or-complicity": ["112", "111"],
    "security-concern": ["012"],
}
_EVENT_CAMEO = {
    "attack": ["180", "183", "1831", "190"],
    "arrest": ["173"],
    "statement": ["112", "111", "016", "114"],
    "meeting": ["040", "046", "030", "125"],
    "campaign": ["190", "173", "090"],
    "request": ["020", "100"],
    "change-of-power": ["190"],
}
_EARLY = 100
"""Records before this many cycle through their options (least used first); later ones pick
at random."""
_VERBS = {
    "allegation": ["said", "alleged", "claimed", "insisted", "stated"],
    "concern": ["voiced concern", "warned", "said it was worried"],
    "suggestion": ["suggested", "hinted", "implied"],
    "statement": ["said", "announced", "declared"],
}


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


# -- the plan ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Counts:
    """How many records of each kind a dataset of ``claims`` claims gets."""

    claims: int
    primary: int
    references: int
    actors: int
    places: int
    events: int

    @classmethod
    def for_claims(cls, claims: int) -> Counts:
        """The proportions per 1,000 claims, with floors so small datasets have every kind."""
        return cls(
            claims=claims,
            primary=max(len(_SOURCE_COVER) + 1, round(claims * 0.05)),
            references=max(2, round(claims * 0.01)),
            actors=max(32, round(claims * 0.12)),
            places=max(10, round(claims * 0.08)),
            events=max(len(_EVENT_KINDS), round(claims * 0.2)),
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
    memberships: list[tuple[str, str]] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    """How texts name it: its name and the other names sources use."""
    weight: float = 1.0


@dataclass(eq=False)  # two sentences of the same words are two sentences: compare by identity
class _Sentence:
    text: str
    quoted: bool = True
    """False for background sentences, which the stored excerpt may leave out."""
    paragraph: int = 0
    """Its paragraph's number in the original, set when the text is laid out."""


@dataclass
class _Source:
    id: str
    title: str
    kind: str
    style: str
    """How it reads: "article", "statement", "post", or "reference" (a date reference)."""
    day: dt.date
    publisher: str
    domain: str
    index: int = 0
    """Its place among the quoted sources, oldest first."""
    author: str | None = None
    author_actor: str | None = None
    has_url: bool = True
    archived: bool = False
    published: dict[str, Any] | None = None
    note: str | None = None
    sentences: list[_Sentence] = field(default_factory=list)
    dateline: str | None = None
    caption: str | None = None
    blocks: list[list[_Sentence]] = field(default_factory=list)
    """The original's paragraphs, in order, once laid out."""
    original_paragraphs: int | None = None

    @property
    def quoted(self) -> bool:
        return self.style != "reference"


@dataclass
class _Quote:
    """Evidence cut from a sentence of a source."""

    source: _Source
    sentence: _Sentence
    quote: str


@dataclass
class _Event:
    id: str
    title: str
    kind: str
    day: dt.date | None
    date: dict[str, Any] | None
    places: list[str]
    actors: list[str]
    cameo: str | None = None
    source: _Source | None = None
    evidence: list[_Quote] = field(default_factory=list)
    note: str | None = None


@dataclass
class _Step:
    """One state of a claim's status history."""

    state: str
    as_of: _Source
    date: dict[str, Any] | None = None
    speaker: str | None = None
    evidence: list[_Quote] = field(default_factory=list)
    note: str | None = None


@dataclass
class _Framing:
    """A source presenting a claim as a response to another."""

    source: _Source
    evidence: list[_Quote]
    framer: str | None = None
    note: str | None = None


@dataclass
class _Claim:
    index: int
    kind: str
    accuser: str
    accused: str
    allegation: str
    source: _Source
    day: dt.date
    answers: _Claim | None
    author_voice: bool = False
    id: str = ""
    group: str | None = None
    speaker: str | None = None
    places: list[str] = field(default_factory=list)
    asserted: dict[str, Any] = field(default_factory=dict)
    date_source: _Source | None = None
    clause: str = ""
    paraphrase: str = ""
    editorial: list[tuple[str, str]] = field(default_factory=list)
    cameo: str = "112"
    events: list[str] = field(default_factory=list)
    evidence: list[_Quote] = field(default_factory=list)
    status: list[_Step] = field(default_factory=list)
    framing: _Framing | None = None
    note: str | None = None


class _Synth:
    """Builds one dataset: places, actors, sources, events, claims, then texts and files."""

    def __init__(self, claims: int, seed: int) -> None:
        if claims < 1:
            raise ValueError("a dataset needs at least one claim")
        self.counts = Counts.for_claims(claims)
        self.seed = seed
        # Reproducible synthetic data, not secrets: a seeded PRNG is what is wanted.
        self.rng = random.Random(f"titfortat-synth:{claims}:{seed}")  # noqa: S311
        self.names: dict[str, None] = {}
        self.ids: dict[str, None] = {}
        self.places: dict[str, _Place] = {}
        self.actors: dict[str, _Actor] = {}
        self.sources: list[_Source] = []
        self.references: list[_Source] = []
        self.events: list[_Event] = []
        self.claims: list[_Claim] = []
        self.country_places: dict[str, list[str]] = {}
        self.governments: dict[str, str] = {}
        self.militaries: dict[str, str] = {}
        self.rivals: dict[str, str] = {}
        self.speakers: dict[str, list[str]] = {}
        self.journalists: list[str] = []
        self.groups: list[str] = []
        self.bodies: list[str] = []
        self.groups_by_home: dict[str, list[str]] = {}
        self.source_days: list[dt.date] = []
        self.event_days: list[dt.date] = []
        self.pools: dict[tuple[str, ...], tuple[list[str], list[float]]] = {}
        self.used: dict[str, dict[str, int]] = {}
        """How often each option has been picked, by what it is for (see ``least_used``)."""
        self.shown: dict[str, bool] = {}
        """Features shown once already, which later records show only now and then."""

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
            if picked != exclude:
                return picked
        return next(i for i in ids if i != exclude)

    def places_near(self, country: str | None, count: int) -> list[str]:
        """Up to ``count`` places inside a country (anywhere when it has none), no repeats."""
        pool = self.country_places.get(country or "") or self.country_places["*"]
        return list(dict.fromkeys(self.rng.choice(pool) for _ in range(count)))

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
        for number in range(max(2, round(remaining * 0.17))):
            self.add_group(self.rng.choice(countries), wing=number == 0)
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
            for org, role in actor.memberships:
                if role in _SPEAKING_ROLES and actor.type == "person":
                    self.speakers.setdefault(org, []).append(actor.id)
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

    def add_group(self, country: _Place, *, wing: bool) -> None:
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
        if wing or self.rng.random() < 0.1:
            side = self.rng.choice(["Northern", "Southern", "Urban"])
            unit = self.add_actor(
                f"{name} {_NDASH} {side} Wing",
                "armed-group",
                f"A branch of the {name}.",
                home=country.id,
                weight=0.5,
            )
            self.actors[unit].memberships.append((group, "unit"))

    def add_people(self, count: int) -> None:
        """A spokesperson per organisation, then every other role, then more officials and
        members; a fifth are journalists, who belong to none."""
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
        room = max(0, officials - len(cover))  # every role first, if not every spokesperson
        plan = [*spokespeople[:room], *cover, *spokespeople[room:]]
        while len(plan) < officials:
            org = rng.choice(organisations)
            plan.append((org, rng.choice(_ROLES[org.type])))
        for number in range(count):
            name = self.unique_name(self.person_name)
            short = name.split()[-1]
            if number < officials:
                org, role = plan[number]
                title = vocab.MembershipRole.of(role).label.lower()
                person = self.add_actor(
                    name,
                    "person",
                    f"{_capital(title)} of the {org.name}.",
                    short=short,
                    country=org.country,
                    home=org.home,
                    weight=0.4,
                )
                self.actors[person].memberships.append((org.id, role))
                self.actors[person].mentions.append(f"{org.name}{_RSQUO}s {title} {name}")
            else:
                self.add_actor(
                    name,
                    "person",
                    "Journalist; writes on security in the region.",
                    short=short,
                    weight=0.6,
                )

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
                    source.author_actor = author  # its claims may be in the author's own voice
            if style == "statement":
                source.publisher = f"Ministry of Foreign Affairs of {rng.choice(countries).name}"
            elif style == "post":
                source.publisher, source.domain = "Chirper", "chirper.example"
            if rng.random() < 0.75 or style != "article":
                source.dateline = f"{rng.choice(cities).name}, {human_day(day)}."
            if style == "article" and (index == 0 or rng.random() < 0.2):
                source.caption = f"A checkpoint near {rng.choice(cities).name}. (File photo)"
            source.archived = index == 0 or rng.random() < 0.3
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

    def name_sources(self) -> None:
        """Titles, ids and publication dates, once the claims in each source are known."""
        leads: dict[int, _Claim] = {}
        for claim in self.claims:
            leads.setdefault(id(claim.source), claim)
        for source in self.sources:
            source.title = self.source_title(source, leads.get(id(source)))[:190]
            source.id = self.unique_id(
                f"{slugify(source.publisher, 24)}-{slugify(source.title, 40)}"
            )
            if source.dateline is not None:
                source.published = {
                    "date": source.day.isoformat(),
                    "precision": "day",
                    "basis": "stated",
                    "source": source.id,
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
            if self.rng.random() < 0.2:
                source.note = (
                    "Stored excerpt: the quoted paragraphs as captured, without links, captions "
                    "or the author's note."
                )

    def source_title(self, source: _Source, lead: _Claim | None) -> str:
        if source.style == "post":
            speaker = self.actors[lead.speaker or lead.accuser].name if lead else "An official"
            return f"Post by {speaker} of {human_day(source.day)}"
        if source.style == "statement":
            return f"Statement of {human_day(source.day)} on regional security"
        if lead is None:
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
        return pattern.format(a=self.short(lead.accuser), b=self.short(lead.accused))

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

    # -- events --------------------------------------------------------------------------------

    def make_events(self) -> None:
        """Events of every kind, sorted by date: the first ones cycle through the kinds, then
        through each kind's CAMEO codes."""
        rng = self.rng
        kinds = [kind for kind, _ in _EVENT_KINDS]
        kinds += [kind for kind, codes in _EVENT_CAMEO.items() for _ in codes[1:]]
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
            forces = self.militaries.get(self.actors[government].country or "")
            if forces and self.rng.random() < 0.5:
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
            id="", title=title, kind=kind, day=day, date=None, places=places, actors=actors
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

    # -- claims --------------------------------------------------------------------------------

    def make_claims(self) -> None:
        """Claims in source order (so answers come after what they answer)."""
        rng = self.rng
        weights = [_STYLE_WEIGHTS[s.style] for s in self.sources]
        homes = sorted(rng.choices(range(len(self.sources)), weights=weights, k=self.counts.claims))
        homes[0] = 0  # the first source has a claim, so later ones can hold its answers
        analyses = [s for s in self.sources if s.author_actor]
        for index, home in enumerate(homes):
            source = self.sources[home]
            target: _Claim | None = None
            if index < len(_COVER_KINDS):
                kind = _COVER_KINDS[index]
                if index in (1, 2):
                    target = self.claims[index - 1]  # every dataset has a chain of three
            else:
                kind = _weighted(rng, _KINDS)
                if kind in _ANSWERING_KINDS and rng.random() < _ANSWER_SHARE:
                    target = self.pick_target()
            author_voice = False
            if index == _AUTHOR_VOICE and analyses:
                # Out of source order, which is safe: no claim answers one in an author's voice.
                source, author_voice = analyses[0], True
            elif target is None and kind in _ANSWERING_KINDS and source.author_actor:
                author_voice = rng.random() < 0.15
            if index < len(_DATE_PLANS):
                basis, precision, _ = _DATE_PLANS[index]
            else:
                basis, precision = _weighted(rng, [((b, p), w) for b, p, w in _DATE_PLANS])
            claim = self.make_claim(index, kind, source, target, author_voice=author_voice)
            self.write_claim(claim, basis, precision)
            self.claims.append(claim)

    def pick_target(self) -> _Claim | None:
        """An earlier claim whose accused answers: tit for tat, mostly soon after."""
        recent = self.claims[-300:]
        for _ in range(20):
            if not recent:
                return None
            candidate = self.rng.choice(recent[-40:] if self.rng.random() < 0.7 else recent)
            if (
                not candidate.author_voice
                and self.actors[candidate.accused].type in _ANSWERING_TYPES
                and self.actors[candidate.accuser].type in _ANSWERING_TYPES
            ):
                return candidate
        return None

    def make_claim(
        self,
        index: int,
        kind: str,
        source: _Source,
        target: _Claim | None,
        *,
        author_voice: bool,
    ) -> _Claim:
        """Who accuses whom of what: an answer turns its target around."""
        rng = self.rng
        if target is not None:
            accuser, accused = target.accused, target.accuser
        elif author_voice:
            assert source.author_actor is not None
            accuser = source.author_actor
            accused = self.pick_actor(("state", "government", "military", "armed-group"))
        elif index == 0:
            accuser = next(iter(self.rivals))
            accused = self.rivals[accuser]
        elif kind == "statement":  # a claim of victory over a group
            accuser = self.pick_actor(("government", "military"))
            accused = self.pick_actor(("armed-group",))
        else:
            accuser = self.pick_actor(_ACCUSERS)
            rival = self.rivals.get(accuser)
            # A concern is about insecurity on a country's territory: a state or its government.
            pool = ("state", "government") if kind == "concern" else _ACCUSED
            accused = (
                rival if rival and rng.random() < 0.5 else self.pick_actor(pool, exclude=accuser)
            )
        claim = _Claim(
            index=index,
            kind=kind,
            accuser=accuser,
            accused=accused,
            allegation=self.allegation(kind, accused),
            source=source,
            day=source.day - dt.timedelta(days=rng.randint(0, 20)),
            answers=target,
            author_voice=author_voice,
        )
        claim.group = self.group_for(claim)
        speakers = [] if author_voice else self.speakers.get(accuser, [])
        if speakers and (not self.shown.get("speaker") or rng.random() < 0.6):
            claim.speaker = rng.choice(speakers)
            self.shown["speaker"] = True
        home = self.actors[claim.group or accused].home or self.actors[accused].home
        claim.places = self.places_near(home, rng.choice([0, 1, 1, 1, 2, 2, 3]))
        claim.cameo = self.least_used(
            "claim cameo", _CAMEO_BY_ALLEGATION.get(claim.allegation, ["112"]), early=index < _EARLY
        )
        verb = (
            "answers"
            if target
            else {"concern": "worries", "suggestion": "suggests"}.get(kind, "says")
        )
        claim.id = self.unique_id(
            f"{slugify(self.short(accuser), 24)}-{verb}-"
            f"{slugify(self.short(accused), 24)}-{claim.allegation}"
        )
        if rng.random() < 0.3 and self.events:
            near = bisect.bisect_left(self.event_days, claim.day)
            window = self.events[max(0, near - 8) : near + 2]
            picked = rng.sample(window, min(len(window), rng.randint(1, 2)))
            claim.events = list(dict.fromkeys(e.id for e in picked))
        if rng.random() < 0.08:
            claim.note = (
                "The source does not say which militants it means."
                if claim.group is None
                else "The source names the group but gives no details."
            )
        return claim

    def allegation(self, kind: str, accused: str) -> str:
        """What the claim alleges, as fits the kind and who is accused; every type early."""
        accused_type = self.actors[accused].type
        if kind == "concern":
            return vocab.Allegation.SECURITY_CONCERN.value
        if kind == "statement" and accused_type == "armed-group":
            return vocab.Allegation.DEFEATED.value
        if kind == "suggestion":
            options = list(_SUGGESTED)
        elif accused_type in ("armed-group", "collective", "person"):
            options = list(_AGAINST_GROUPS)
        else:
            special = (vocab.Allegation.SECURITY_CONCERN, vocab.Allegation.DEFEATED)
            options = [a.value for a in vocab.Allegation if a not in special]
        return self.least_used("allegation", options, early=len(self.claims) < _EARLY)

    def group_for(self, claim: _Claim) -> str | None:
        """The armed group a claim is about: the accused itself, or one near the accused."""
        rng = self.rng
        accused_is_group = self.actors[claim.accused].type == "armed-group"
        if claim.allegation == "defeated" or (accused_is_group and rng.random() < 0.6):
            return claim.accused
        if "{group}" not in _clauses(claim.allegation)[0] or rng.random() > 0.75:
            return None
        if rng.random() < 0.6:
            home = self.actors[claim.accused].home or ""
            near = [g for g in self.groups_by_home.get(home, []) if g != claim.accused]
            if near:
                return rng.choice(near)
        group = rng.choice(self.groups)
        return None if group == claim.accused else group

    def write_claim(self, claim: _Claim, basis: str, precision: str) -> None:
        """The claim's sentences in its source (and sometimes another), its evidence, its
        paraphrase and, for an answer, the words that frame it so."""
        rng = self.rng
        lead, claim.asserted = self.claim_date(claim, basis, precision)
        claim.clause = self.clause(claim)
        text, keep = self.claim_sentence(claim, lead)
        main = self.say(claim.source, text)
        claim.evidence.append(self.cut_keeping(claim.source, main, keep))
        if rng.random() < 0.45:
            again = self.say(claim.source, self.echo_sentence(claim))
            claim.evidence.append(self.cut(claim.source, again))
        if rng.random() < 0.1:
            other = self.later_source(claim.source, spread=10)
            if other is not None:
                echo = self.say(other, self.echo_sentence(claim))
                claim.evidence.append(self.cut(other, echo))
        self.paraphrase(claim)
        if claim.answers is not None:
            self.frame(claim, claim.answers)

    def claim_names(self, claim: _Claim) -> list[str]:
        """The names of the records a claim links, which its paraphrase may use too."""
        names: list[str] = []
        for actor_id in (claim.accuser, claim.speaker, claim.accused, claim.group):
            if actor_id:
                actor = self.actors[actor_id]
                names += [actor.name, actor.short_name or "", *actor.other_names]
        for place_id in claim.places:
            names += [self.places[place_id].name, *self.places[place_id].other_names]
        return names

    def paraphrase(self, claim: _Claim) -> None:
        """The clause the quote holds (so every word is supported), now and then with a word of
        the editor's own, listed with its reason: one the quotes and names lack."""
        text = claim.clause
        if not self.shown.get("editorial word") or self.rng.random() < 0.12:
            support = vocabulary([*(q.quote for q in claim.evidence), *self.claim_names(claim)])
            for word, synonym in _SYNONYMS:
                pattern = re.compile(rf"\b{word}\b")
                if pattern.search(text) and not stems(synonym) & support:
                    text = pattern.sub(synonym, text, count=1)
                    reason = (
                        f"The source says {_LDQUO}{word}{_RDQUO}; {_LDQUO}{synonym}{_RDQUO} "
                        "says the same in plain English."
                    )
                    claim.editorial.append((synonym, reason))
                    self.shown["editorial word"] = True
                    break
        claim.paraphrase = text
        assert len(text) <= PARAPHRASE_LIMIT, f"paraphrase of {claim.id} is too long"

    def frame(self, claim: _Claim, target: _Claim) -> None:
        """The words of a source that present the claim as an answer to its target: the
        claim's own source mostly, sometimes a later one, sometimes through an analyst."""
        rng = self.rng
        source = claim.source
        if rng.random() < 0.2:
            source = self.later_source(claim.source, spread=4) or source
        them = self.mention(target.accuser)
        framer = None
        if self.journalists and (claim.index == 1 or rng.random() < 0.3):
            framer = rng.choice(self.journalists)
            text = (
                f"{self.actors[framer].name}, an analyst, said the remarks were a response to "
                f"accusations from {them}."
            )
        else:
            text = rng.choice(
                [
                    f"The accusation came in response to earlier claims by {them}.",
                    f"{_capital(self.mention(claim.accuser))} was answering accusations made "
                    f"by {them} earlier.",
                ]
            )
        sentence = self.say(source, text)
        claim.framing = _Framing(source, [self.cut(source, sentence)], framer)
        if rng.random() < 0.1:
            claim.framing.note = "The source gives no date for the earlier claims."

    def claim_date(self, claim: _Claim, basis: str, precision: str) -> tuple[str, dict[str, Any]]:
        """The words that open the claim's sentence, and its ``asserted`` date."""
        when: dict[str, Any] = {"precision": precision, "basis": basis}
        lead = ""
        if basis == "stated":
            lead, when["date"], when["wording"] = self.stated(claim.day, precision)
            claim.date_source = claim.source
        elif basis == "relative":
            when["date"], when["wording"] = self.relative(claim.source.day, precision)
            lead = f"{when['wording']}, "
            claim.date_source = claim.source
        elif basis == "outside-reference":
            reference = self.rng.choice(self.references)
            when.update(date=claim.day.isoformat(), reference=reference.id)
            if self.rng.random() < 0.4:
                lead, when["wording"] = "Recently, ", "Recently"
                claim.date_source = claim.source
        else:
            start = claim.source.day - dt.timedelta(days=self.rng.randint(5, 30))
            when["date"] = (
                claim.source.day.isoformat()[:7]
                if precision == "month"
                else f"{start.isoformat()}/{claim.source.day.isoformat()}"
            )
            when["note"] = "The source's own date (inferred): it reports the claim as recent."
        if self.rng.random() < 0.05 and basis != "relative":
            when["approximate"] = True
        order = ["date", "precision", "approximate", "basis", "reference", "wording", "note"]
        return lead, {key: when[key] for key in order if key in when}

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

    def clause(self, claim: _Claim) -> str:
        """The allegation in neutral words, names as the source would write them."""
        with_group, without = _clauses(claim.allegation)
        if claim.group:
            return with_group.format(
                accused=self.mention(claim.accused), group=self.mention(claim.group)
            )
        return without.format(accused=self.mention(claim.accused))

    def claim_sentence(self, claim: _Claim, lead: str) -> tuple[str, int]:
        """The sentence that reports the claim, and the index of its clause's first word."""
        if claim.author_voice:
            opening = "it may well be that" if claim.kind == "suggestion" else "it is clear that"
            prefix = _capital(f"{lead}{opening} ")
        else:
            if claim.speaker:
                person = self.actors[claim.speaker]
                role = next(r for org, r in person.memberships if org == claim.accuser)
                of = "for" if role == "spokesperson" else "of"
                subject = (
                    f"{person.name}, {vocab.MembershipRole.of(role).label.lower()} {of} "
                    f"{self.mention(claim.accuser)},"
                )
            else:
                subject = self.mention(claim.accuser)
            verb = (
                "has maintained"
                if lead == "For years, "
                else self.rng.choice(_VERBS.get(claim.kind, ["said"]))
            )
            prefix = _capital(f"{lead}{subject} {verb} that ")
        return f"{prefix}{claim.clause}.", len(prefix.split(" ")) - 1

    def echo_sentence(self, claim: _Claim) -> str:
        template = self.rng.choice(
            [
                "According to {a}, {c}.",
                "{A} repeated the accusation, saying that {c}.",
                "The accusation that {c} was made again by {a}.",
            ]
        )
        subject = self.mention(claim.accuser)
        return _capital(template.format(a=subject, A=_capital(subject), c=self.clause(claim)))

    # -- statuses ------------------------------------------------------------------------------

    def settle_statuses(self) -> None:
        """Each claim's history of answers: an answered claim is 'countered' (by the first
        answer's words), the others end in every state in turn, then as often as is real;
        some histories change from source to source."""
        rng = self.rng
        answered: dict[int, list[_Claim]] = {}
        for claim in self.claims:
            if claim.answers is not None:
                answered.setdefault(claim.answers.index, []).append(claim)
        cover = [state for state, _ in _STATES]
        # One history of three states early on, in a claim with two later sources to hold them.
        last = len(self.sources) - 1
        long = next(
            (c for c in self.claims if c.index not in answered and c.source.index + 2 <= last),
            None,
        )
        for claim in self.claims:
            answers = answered.get(claim.index)
            if answers:
                first = answers[0]
                if first.source is not claim.source:
                    claim.status.append(_Step("no-response-reported", claim.source))
                claim.status.append(
                    _Step("countered", first.source, None, first.speaker, [first.evidence[0]])
                )
                # Now and then the accused answers again, later: a denial after its
                # counter-accusation (once some history ends in 'countered'); and if no history
                # has three states yet and the sources leave room, a partial acknowledgement
                # after that, each in the next source.
                spread = 0 if long is None else 4
                later = self.later_source(first.source, spread)
                room = first.source.index + 3 - len(claim.status) <= last
                ended = self.shown.get("countered")
                extend = (long is None and room) or (ended and rng.random() < 0.1)
                while later is not None and extend and len(claim.status) < 3:
                    state = "denied" if len(claim.status) < 2 else "partially-acknowledged"
                    claim.status.append(self.step(claim, state, later, claim.status[-1].as_of))
                    later = self.later_source(later, spread)
                    extend = long is None and room
                if long is None and len(claim.status) == 3:
                    long = claim
                if claim.status[-1].state == "countered":
                    self.shown["countered"] = True
                continue
            if claim is long:  # it ends in a response no claim has ended in yet, if any
                response = next(
                    (st for st in reversed(cover) if st in _RESPONSES), rng.choice(list(_RESPONSES))
                )
                cover = [st for st in cover if st != response]
                states = ["no-response-reported", rng.choice(list(_SILENCES)), response]
                start = claim.source.index + 1
                self.add_steps(claim, states, [claim.source, *self.sources[start : start + 2]])
                continue
            final = cover.pop(0) if cover else _weighted(rng, _STATES)
            states = self.history(final)
            chain = [claim.source]
            while len(chain) < len(states):
                later = self.later_source(chain[-1], spread=4)
                if later is None:
                    break
                chain.append(later)
            if len(chain) < len(states):
                states, chain = [final], [claim.source]
            elif len(states) == 1 and final in _RESPONSES and rng.random() < 0.6:
                chain = [self.later_source(claim.source, spread=4) or claim.source]
            self.add_steps(claim, states, chain)

    def add_steps(self, claim: _Claim, states: list[str], chain: list[_Source]) -> None:
        """The states of a claim's history, each as of its source in ``chain``."""
        previous = None if chain[0] is claim.source else claim.source
        for state, source in zip(states, chain, strict=True):
            claim.status.append(self.step(claim, state, source, previous))
            previous = source

    def history(self, final: str) -> list[str]:
        """The states a claim goes through, oldest first, to ``final``."""
        rng = self.rng
        roll = rng.random()
        if final in _SILENCES:
            return ["no-response-reported", final] if roll < 0.3 else [final]
        if final not in _RESPONSES:
            return [final]
        if roll < 0.12:
            return ["no-response-reported", rng.choice(list(_SILENCES)), final]
        if roll < 0.3:
            return ["no-response-reported", final]
        if roll < 0.45:
            return [rng.choice(list(_SILENCES)), final]
        if final == "partially-acknowledged" and roll < 0.6:
            return ["denied", final]
        return [final]

    def step(self, claim: _Claim, state: str, source: _Source, previous: _Source | None) -> _Step:
        """One state, as of ``source``, with the words that say so where a state needs them."""
        rng = self.rng
        step = _Step(state, source)
        if state in _SILENCES:
            accused = self.mention(claim.accused)
            text = rng.choice(_SILENCES[state]).format(a=accused)
            step.evidence.append(self.cut(source, self.say(source, _capital(text))))
        elif state in _RESPONSES:
            subject = self.mention(claim.accused)
            choices = self.speakers_for(claim.accused)
            if choices and (not self.shown.get("answer speaker") or rng.random() < 0.6):
                self.shown["answer speaker"] = True
                step.speaker, org = rng.choice(choices)
                person = self.actors[step.speaker]
                if org is None:
                    subject = person.name
                else:
                    role = next(r for o, r in person.memberships if o == org)
                    of = "for" if role == "spokesperson" else "of"
                    title = vocab.MembershipRole.of(role).label.lower()
                    subject = f"{person.name}, {title} {of} {self.mention(org)},"
            text = rng.choice(_RESPONSES[state]).format(a=subject)
            day = source.day - dt.timedelta(days=1)
            dated = not self.shown.get("status date") or rng.random() < 0.4
            if previous is not None and day >= previous.day and dated:
                self.shown["status date"] = True
                # Said the day before the report: the state began then, as the source says.
                step.date = {
                    "date": day.isoformat(),
                    "precision": "day",
                    "basis": "stated",
                    "source": source,
                    "wording": human_day(day),
                }
                text = f"On {human_day(day)}, {text}"
            step.evidence.append(self.cut(source, self.say(source, _capital(text))))
        elif rng.random() < 0.05:
            step.note = "The source reports no statement by the accused."
        if state in _RESPONSES and rng.random() < 0.03:
            step.note = "The response was reported second-hand."
        return step

    def speakers_for(self, accused: str) -> list[tuple[str, str | None]]:
        """Who may answer for the accused, with the organisation each speaks for (None for
        the accused person itself): its own speakers, and for a state or its armed forces,
        the country's government's."""
        actor = self.actors[accused]
        if actor.type == "person":
            return [(accused, None)]
        orgs = [accused]
        if actor.type in ("state", "military") and actor.country in self.governments:
            orgs.append(self.governments[actor.country])
        return [(person, org) for org in orgs for person in self.speakers.get(org, [])]

    # -- texts and files -----------------------------------------------------------------------

    def filler(self) -> _Sentence:
        """A background sentence, as a real article has between the quoted ones."""
        rng = self.rng
        countries = [p.name for p in self.places.values() if p.kind == "country"]
        others = [p.name for p in self.places.values() if p.kind != "country"]
        c1, c2 = rng.sample(countries, 2)
        text = rng.choice(_FILLERS).format(
            c1=c1,
            c2=c2,
            p=rng.choice(others),
            n=rng.randint(2, 30),
            y=rng.randint(2010, 2014),
            b=f"The {self.actors[rng.choice(self.bodies)].name}",
        )
        return _Sentence(text, quoted=False)

    def lay_out(self) -> None:
        """Each source's original: its sentences in a shuffled order with background ones
        between, in paragraphs of two to five sentences, and whole paragraphs no quote comes
        from (which its excerpt leaves out); the paragraphs numbered as in the original."""
        rng = self.rng
        for source in self.sources:
            quoted = list(source.sentences)
            rng.shuffle(quoted)
            mixed: list[_Sentence] = []
            for sentence in quoted:
                mixed.append(sentence)
                if rng.random() < 0.4:
                    mixed.append(self.filler())
            while len(mixed) < 2:
                mixed.append(self.filler())
            blocks: list[list[_Sentence]] = []
            start = 0
            while start < len(mixed):
                blocks.append(mixed[start : start + rng.randint(2, 5)])
                start += len(blocks[-1])
            for _ in range(rng.randint(1, 3)):
                size = rng.randint(1, 3)
                blocks.insert(rng.randint(0, len(blocks)), [self.filler() for _ in range(size)])
            for number, block in enumerate(blocks, start=1):
                for sentence in block:
                    sentence.paragraph = number
            source.blocks = blocks
            if source.index == 0 or rng.random() < 0.85:
                source.original_paragraphs = len(blocks)

    def text_of(self, source: _Source) -> bytes:
        """The stored excerpt: comments, the labelled blocks, then each paragraph something is
        quoted from, under its number in the original."""
        lines = [
            f"# Excerpt of {source.publisher}, {_LDQUO}{source.title}{_RDQUO}: the quoted "
            "paragraphs only,",
            "# each under its number in the original. Synthetic: every name is invented.",
            "",
        ]
        if source.dateline:
            lines += ["[dateline]", source.dateline, ""]
        if source.caption:
            lines += ["[caption]", source.caption, ""]
        kept = [
            (number, block)
            for number, block in enumerate(source.blocks, start=1)
            if any(sentence.quoted for sentence in block)
        ] or [(1, source.blocks[0])]
        for number, block in kept:
            lines += [f"[{number}]", " ".join(sentence.text for sentence in block), ""]
        return "\n".join(lines).encode("utf-8")

    def build(self) -> dict[str, bytes]:
        self.make_places()
        self.make_actors()
        self.make_sources()
        self.make_events()
        self.make_claims()
        self.settle_statuses()
        self.name_sources()
        self.name_publications()
        self.lay_out()
        files: dict[str, bytes] = {}
        for source in self.sources:
            files[f"texts/{source.id}.txt"] = self.text_of(source)
        files["dataset.yaml"] = self.dataset_file()
        kinds: list[tuple[str, str, list[dict[str, Any]]]] = [
            (
                "sources",
                "Sources: quoted ones with stored excerpts, then date references.",
                [self.source_record(s) for s in [*self.sources, *self.references]],
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
                "claims",
                "Claims: one accuser, one accused, the source's own words.",
                [self.claim_record(c) for c in self.claims],
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
                        f"Synthetic (claims={self.counts.claims}, "
                        f"seed={self.seed}): every name is invented.",
                    ],
                    part,
                )
        return dict(sorted(files.items()))

    def dataset_file(self) -> bytes:
        info = {
            "title": f"Synthetic Tit-for-Tat dataset: {self.counts.claims:,} claims "
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
            f"# Synthetic data (claims={self.counts.claims}, seed={self.seed}).",
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
            if source.original_paragraphs:
                record["original_paragraphs"] = source.original_paragraphs
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
        record["description"] = actor.description
        if actor.memberships:
            record["memberships"] = [{"organization": o, "role": r} for o, r in actor.memberships]
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

    def claim_record(self, claim: _Claim) -> dict[str, Any]:
        record: dict[str, Any] = {"id": claim.id, "kind": claim.kind, "accuser": claim.accuser}
        if claim.speaker:
            record["speaker"] = claim.speaker
        record["accused"] = claim.accused
        record["allegation"] = claim.allegation
        if claim.group:
            record["group"] = claim.group
        if claim.places:
            record["places"] = claim.places
        asserted = dict(claim.asserted)
        if claim.date_source is not None:
            # The source whose words give the date goes before them, as editors write it.
            wording = asserted.pop("wording")
            asserted["source"] = claim.date_source.id
            asserted["wording"] = wording
        record["asserted"] = asserted
        record["paraphrase"] = claim.paraphrase
        if claim.editorial:
            record["editorial_words"] = [
                {"word": word, "reason": reason} for word, reason in claim.editorial
            ]
        record["status"] = [_step_record(step) for step in claim.status]
        if claim.answers is not None:
            assert claim.framing is not None
            framing: dict[str, Any] = {
                "claim": claim.answers.id,
                "framed_by": claim.framing.source.id,
            }
            if claim.framing.framer:
                framing["framer"] = claim.framing.framer
            framing["evidence"] = [_evidence(q) for q in claim.framing.evidence]
            if claim.framing.note:
                framing["note"] = claim.framing.note
            record["answers"] = framing
        record["cameo"] = claim.cameo
        if claim.events:
            record["events"] = claim.events
        record["evidence"] = [_evidence(q) for q in claim.evidence]
        if claim.note:
            record["note"] = claim.note
        return record


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


def _step_record(step: _Step) -> dict[str, Any]:
    record: dict[str, Any] = {"state": step.state, "as_of": step.as_of.id}
    if step.date:
        record["date"] = _with_ids(step.date)
    if step.speaker:
        record["speaker"] = step.speaker
    if step.evidence:
        record["evidence"] = [_evidence(q) for q in step.evidence]
    if step.note:
        record["note"] = step.note
    return record


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
    """A complete data folder for ``claims`` claims: path inside the folder → bytes (pure)."""
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
    """``python -m titfortat_dev.synth --claims 1000 --out /tmp/data``."""
    parser = argparse.ArgumentParser(
        prog="python -m titfortat_dev.synth",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--claims", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True, help="a new, empty folder")
    args = parser.parse_args(argv)
    files = synthesize(args.claims, args.seed)
    write_dataset(files, args.out)
    print(f"{len(files)} files, {sum(map(len, files.values())):,} bytes in {args.out}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
