"""What pages show, worked out once from a checked dataset.

Views hold plain text and site-relative link targets; templates escape the text and make
the links relative. Every sentence about a claim is built here, from the claim's fields and
the vocabulary's neutral clauses, always led by the accuser and a reporting verb: the site
attributes every allegation and states none as fact.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from titfortat.model import vocab
from titfortat.model.dataset import Dataset
from titfortat.model.dates import DateValue, parse_date
from titfortat.model.records import Actor, Claim, Event, Evidence, Place, When
from titfortat.plan.urls import record_url


@dataclass(frozen=True)
class Seg:
    """A piece of a sentence; ``href`` is a site-relative link target, if it links."""

    text: str
    href: str | None = None


def sentence_text(segments: Iterable[Seg]) -> str:
    """A sentence as plain text (for descriptions, search and JSON-LD)."""
    return "".join(segment.text for segment in segments)


@dataclass(frozen=True)
class DateView:
    """A date as shown: words, precision and basis, and where it comes from."""

    human: str
    text: str
    start_iso: str | None
    end_iso: str
    precision: vocab.Precision
    precision_label: str
    basis: vocab.Basis
    basis_label: str
    approximate: bool
    wording: str | None
    source: Seg | None
    reference: Seg | None
    note: str | None
    value: DateValue

    @property
    def is_range(self) -> bool:
        """True when the date covers more than one day (drawn as a span, not a point)."""
        return self.precision is not vocab.Precision.DAY

    @property
    def display(self) -> str:
        """The words shown, with "about" when the date is approximate."""
        return f"about {self.human}" if self.approximate else self.human


@dataclass(frozen=True)
class QuoteView:
    """A verified quote with its source and paragraph."""

    text: str
    paragraph: int
    source_id: str
    source: Seg
    source_url: str | None


@dataclass(frozen=True)
class ClaimView:
    """Everything a page says about one claim."""

    id: str
    url: str
    kind: vocab.ClaimKind
    kind_label: str
    allegation: vocab.Allegation
    allegation_label: str
    allegation_definition: str
    sentence: tuple[Seg, ...]
    accuser: Seg
    accuser_id: str
    accuser_short: Seg
    accused: Seg
    accused_id: str
    accused_short: Seg
    accused_phrase: Seg
    speaker: Seg | None
    speaker_id: str | None
    group: Seg | None
    group_id: str | None
    places: tuple[Seg, ...]
    place_ids: tuple[str, ...]
    asserted: DateView
    status: vocab.Status
    status_label: str
    status_definition: str
    answered: bool
    status_as_of: Seg
    status_as_of_id: str
    status_as_of_date: DateView | None
    status_evidence: tuple[QuoteView, ...]
    status_note: str | None
    answers: str | None
    cameo: vocab.CameoCode
    cameo_label: str
    event_ids: tuple[str, ...]
    evidence: tuple[QuoteView, ...]
    note: str | None
    data_file: str
    data_line: int

    @property
    def text(self) -> str:
        """The claim's sentence as plain text."""
        return sentence_text(self.sentence)

    @property
    def lead_quote(self) -> QuoteView:
        """The quote cards, the timeline and JSON-LD show: the first, which editors choose."""
        return self.evidence[0]


@dataclass(frozen=True)
class EventView:
    """An event as listed and as shown on its page."""

    id: str
    url: str
    title: str
    kind: vocab.EventKind
    kind_label: str
    date: DateView | None
    places: tuple[Seg, ...]
    place_ids: tuple[str, ...]
    actors: tuple[Seg, ...]
    actor_ids: tuple[str, ...]
    cameo: vocab.CameoCode | None
    cameo_label: str | None
    source: Seg | None
    evidence: tuple[QuoteView, ...]
    note: str | None
    data_file: str
    data_line: int


@dataclass
class Views:
    """The dataset seen as pages see it: names, sentences and indexes, computed once."""

    dataset: Dataset
    claims: dict[str, ClaimView] = field(default_factory=dict)
    events: dict[str, EventView] = field(default_factory=dict)
    answered_by: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    claims_by_accuser: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    claims_by_accused: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    claims_by_speaker: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    claims_by_group: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    claims_by_place: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    claims_by_event: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    claims_by_source: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    events_by_actor: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    events_by_place: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    events_by_source: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    members: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    quotes_by_paragraph: dict[str, dict[int, int]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(int))
    )
    """Per source, how many quotes (of claims, statuses and events) each paragraph gives."""
    claim_paragraphs: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    """Per source, the paragraphs that claims' own evidence cites."""
    claims_dated_by: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    """Per outside reference, the claims whose date it gives."""
    children: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def build(cls, dataset: Dataset) -> Views:
        """Work out every view and index in one pass over the records."""
        views = cls(dataset)
        for actor in dataset.actors.values():
            for membership in actor.memberships:
                views.members[membership.organization].append(actor.id)
        for place in dataset.places.values():
            if place.parent is not None:
                views.children[place.parent].append(place.id)
        for claim in dataset.claims.values():
            view = views._claim(claim)
            views.claims[claim.id] = view
            views.claims_by_accuser[claim.accuser].append(claim.id)
            views.claims_by_accused[claim.accused].append(claim.id)
            if claim.speaker:
                views.claims_by_speaker[claim.speaker].append(claim.id)
            if claim.group:
                views.claims_by_group[claim.group].append(claim.id)
            if claim.answers:
                views.answered_by[claim.answers].append(claim.id)
            for place_id in dict.fromkeys(claim.places):
                views.claims_by_place[place_id].append(claim.id)
            for event_id in dict.fromkeys(claim.events):
                views.claims_by_event[event_id].append(claim.id)
            cited = {e.source for e in (*claim.evidence, *claim.status.evidence)}
            for source_id in sorted(cited):
                views.claims_by_source[source_id].append(claim.id)
            for evidence in (*claim.evidence, *claim.status.evidence):
                views.quotes_by_paragraph[evidence.source][evidence.paragraph] += 1
            for evidence in claim.evidence:
                views.claim_paragraphs[evidence.source].add(evidence.paragraph)
            if claim.asserted.reference:
                views.claims_dated_by[claim.asserted.reference].append(claim.id)
        for event in dataset.events.values():
            views.events[event.id] = views._event(event)
            for actor_id in dict.fromkeys(event.actors):
                views.events_by_actor[actor_id].append(event.id)
            for place_id in dict.fromkeys(event.places):
                views.events_by_place[place_id].append(event.id)
            for evidence in event.evidence:
                views.quotes_by_paragraph[evidence.source][evidence.paragraph] += 1
            sources = {e.source for e in event.evidence}
            if event.source:
                sources.add(event.source)
            for source_id in sorted(sources):
                views.events_by_source[source_id].append(event.id)
        return views

    # -- names --------------------------------------------------------------------------------

    def actor(self, actor_id: str) -> Actor:
        """The actor record."""
        return self.dataset.actors[actor_id]

    def actor_seg(self, actor_id: str, *, short: bool = False) -> Seg:
        """An actor's name linked to its page."""
        actor = self.dataset.actors[actor_id]
        name = (actor.short_name or actor.name) if short else actor.name
        return Seg(name, record_url("actors", actor_id))

    def actor_in_sentence(self, actor_id: str, *, again: bool = False) -> Seg:
        """The actor as a sentence names it: "the Government of Pakistan", "the Islamic State
        Khorasan Province (IS-KP)"; named ``again``, by its short name: "IS-KP", "the
        Pakistani government"."""
        actor = self.dataset.actors[actor_id]
        name = actor.name
        if again and actor.short_name:
            name = actor.short_name
        elif (
            actor.type is vocab.ActorType.ARMED_GROUP
            and actor.short_name != name
            and actor.short_name
        ):
            name = f"{name} ({actor.short_name})"
        armed_group = actor.type is vocab.ActorType.ARMED_GROUP
        article = actor.type.definite_article and not (again and armed_group)
        if article and not name.lower().startswith("the "):
            name = f"the {name}"
        return Seg(name, record_url("actors", actor_id))

    def place_seg(self, place_id: str) -> Seg:
        """A place's name linked to its page."""
        return Seg(self.dataset.places[place_id].name, record_url("places", place_id))

    def source_seg(self, source_id: str) -> Seg:
        """A source's title linked to its page."""
        return Seg(self.dataset.sources[source_id].title, record_url("sources", source_id))

    def place_chain(self, place_id: str) -> list[str]:
        """The place and its parents, outermost first: Pakistan, Balochistan, Mastung."""
        chain: list[str] = []
        current: str | None = place_id
        while current is not None:
            chain.append(current)
            current = self.dataset.places[current].parent
        return list(reversed(chain))

    def descendants(self, place_id: str) -> list[str]:
        """Every place inside this one, depth first, in data order."""
        found: list[str] = []
        for child in self.children.get(place_id, []):
            found.append(child)
            found.extend(self.descendants(child))
        return found

    # -- dates and quotes -----------------------------------------------------------------------

    def date(self, when: When) -> DateView:
        """A date field as shown, with its precision and basis spelt out."""
        value = parse_date(when.date, when.precision)
        assert isinstance(value, DateValue), "the checker has parsed every date"
        return DateView(
            human=value.human(),
            text=when.date,
            start_iso=value.start.text if value.start else None,
            end_iso=value.end.text,
            precision=when.precision,
            precision_label=when.precision.label,
            basis=when.basis,
            basis_label=when.basis.label,
            approximate=when.approximate,
            wording=when.wording,
            source=self.source_seg(when.source) if when.source else None,
            reference=self.source_seg(when.reference) if when.reference else None,
            note=when.note,
            value=value,
        )

    def quote(self, evidence: Evidence) -> QuoteView:
        """A quote with a link to its source."""
        source = self.dataset.sources[evidence.source]
        return QuoteView(
            text=evidence.quote,
            paragraph=evidence.paragraph,
            source_id=evidence.source,
            source=self.source_seg(evidence.source),
            source_url=source.url,
        )

    # -- claims and events ----------------------------------------------------------------------

    def sentence(self, claim: Claim, *, speaker: bool = True) -> tuple[Seg, ...]:
        """The claim in one attributed sentence, built from neutral vocabulary."""
        return _merge([*self.attribution(claim, speaker=speaker), *self.clause(claim), Seg(".")])

    def attribution(self, claim: Claim, *, speaker: bool = True) -> list[Seg]:
        """Who says it: "The Taliban government, through its spokesperson X, alleges that"."""
        kind = claim.kind
        accuser = self.actor_in_sentence(claim.accuser)
        parts: list[Seg] = [Seg(_capitalise(accuser.text), accuser.href)]
        if speaker and claim.speaker:
            roles = [
                m.role
                for m in self.dataset.actors[claim.speaker].memberships
                if m.organization == claim.accuser
            ]
            role = roles[0].label.lower() if roles else "speaker"
            parts += [Seg(f", through its {role} "), self.actor_seg(claim.speaker), Seg(",")]
        plural = self.dataset.actors[claim.accuser].type.plural
        parts.append(Seg(f" {kind.verb_plural if plural else kind.verb} "))
        return parts

    def clause(self, claim: Claim, named: set[str] | None = None) -> list[Seg]:
        """What is said, with the accused and the group linked: never a sentence on its own.

        Actors in ``named`` were named earlier in the same sentence and get their short
        names; the ones named here are added to it.
        """
        term = claim.allegation
        template = term.clause if claim.group else term.clause_without_group
        named = set() if named is None else named
        fills: dict[str, Seg] = {}
        for role, actor_id in (("group", claim.group), ("accused", claim.accused)):
            if actor_id is not None and f"{{{role}}}" in template:
                fills[role] = self.actor_in_sentence(actor_id, again=actor_id in named)
                named.add(actor_id)
        parts: list[Seg] = []
        for piece in re.split(r"(\{accused\}|\{group\})", template):
            if piece in ("{accused}", "{group}"):
                parts.append(fills[piece[1:-1]])
            elif piece:
                parts.append(Seg(piece))
        places = self.innermost(claim.places) if term.names_places else []
        for index, place_id in enumerate(places):
            if index == 0:
                parts.append(Seg(", in " if claim.group and "territory" in template else " in "))
            else:
                parts.append(Seg(" and " if index == len(places) - 1 else ", "))
            parts.append(self.place_seg(place_id))
        return parts

    def innermost(self, place_ids: Iterable[str]) -> list[str]:
        """The places, less any that contains another of them ("Mastung", not "Mastung and
        Balochistan", since Mastung is in Balochistan)."""
        chosen = list(dict.fromkeys(place_ids))
        containing = {
            ancestor for place_id in chosen for ancestor in self.place_chain(place_id)[:-1]
        }
        return [place_id for place_id in chosen if place_id not in containing]

    def exchange(self, answered_id: str, answer_ids: list[str]) -> tuple[Seg, ...]:
        """An accusation and its answers in two sentences, for the home page's lead.

        The answers by one accuser are joined: "X alleges in return that A, and that B."
        """
        answered = self.dataset.claims[answered_id]
        parts: list[Seg] = [*self.sentence(answered, speaker=False), Seg(" ")]
        answers = [self.dataset.claims[a] for a in answer_ids]
        by_accuser: dict[str, list[Claim]] = {}
        for answer in answers:
            by_accuser.setdefault(answer.accuser, []).append(answer)
        for group in by_accuser.values():
            parts += self.attribution(group[0], speaker=False)
            named: set[str] = set()
            for index, answer in enumerate(group):
                if index:
                    parts.append(Seg(", and that " if index == len(group) - 1 else ", that "))
                parts += self.clause(answer, named)
            parts.append(Seg(". "))
        return _merge([*parts[:-1], Seg(".")])

    def _claim(self, claim: Claim) -> ClaimView:
        origin = self.dataset.origins[("claims", claim.id)]
        status = claim.status.state
        as_of = self.dataset.sources[claim.status.as_of]
        allegation = claim.allegation
        return ClaimView(
            id=claim.id,
            url=record_url("claims", claim.id),
            kind=claim.kind,
            kind_label=claim.kind.label,
            allegation=claim.allegation,
            allegation_label=allegation.label,
            allegation_definition=allegation.definition,
            sentence=self.sentence(claim),
            accuser=self.actor_seg(claim.accuser),
            accuser_id=claim.accuser,
            accuser_short=self.actor_seg(claim.accuser, short=True),
            accused=self.actor_seg(claim.accused),
            accused_id=claim.accused,
            accused_short=self.actor_seg(claim.accused, short=True),
            accused_phrase=self.actor_in_sentence(claim.accused),
            speaker=self.actor_seg(claim.speaker) if claim.speaker else None,
            speaker_id=claim.speaker,
            group=self.actor_seg(claim.group, short=True) if claim.group else None,
            group_id=claim.group,
            places=tuple(self.place_seg(p) for p in claim.places),
            place_ids=tuple(claim.places),
            asserted=self.date(claim.asserted),
            status=claim.status.state,
            status_label=status.label,
            status_definition=status.definition,
            answered=status.answered,
            status_as_of=self.source_seg(claim.status.as_of),
            status_as_of_id=claim.status.as_of,
            status_as_of_date=self.date(as_of.published) if as_of.published else None,
            status_evidence=tuple(self.quote(e) for e in claim.status.evidence),
            status_note=claim.status.note,
            answers=claim.answers,
            cameo=claim.cameo,
            cameo_label=claim.cameo.label,
            event_ids=tuple(claim.events),
            evidence=tuple(self.quote(e) for e in claim.evidence),
            note=claim.note,
            data_file=origin.path,
            data_line=origin.line,
        )

    def _event(self, event: Event) -> EventView:
        origin = self.dataset.origins[("events", event.id)]
        return EventView(
            id=event.id,
            url=record_url("events", event.id),
            title=event.title,
            kind=event.kind,
            kind_label=event.kind.label,
            date=self.date(event.date) if event.date else None,
            places=tuple(self.place_seg(p) for p in event.places),
            place_ids=tuple(event.places),
            actors=tuple(self.actor_seg(a) for a in event.actors),
            actor_ids=tuple(event.actors),
            cameo=event.cameo,
            cameo_label=event.cameo.label if event.cameo else None,
            source=self.source_seg(event.source) if event.source else None,
            evidence=tuple(self.quote(e) for e in event.evidence),
            note=event.note,
            data_file=origin.path,
            data_line=origin.line,
        )

    # -- derived facts ------------------------------------------------------------------------

    @cached_property
    def pairs(self) -> list[tuple[str, list[str]]]:
        """Claims that others answer, with their answers: the tit-for-tat pairs."""
        order = {claim_id: i for i, claim_id in enumerate(self.dataset.claims)}
        return [
            (claim_id, list(answers))
            for claim_id, answers in sorted(
                self.answered_by.items(), key=lambda item: order[item[0]]
            )
        ]

    def involved_actors(self) -> list[str]:
        """Actors that accuse or are accused, in data order."""
        involved = set(self.claims_by_accuser) | set(self.claims_by_accused)
        return [actor_id for actor_id in self.dataset.actors if actor_id in involved]

    def place_record(self, place_id: str) -> Place:
        """The place record."""
        return self.dataset.places[place_id]


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _merge(parts: list[Seg]) -> tuple[Seg, ...]:
    """Join neighbouring plain pieces, so templates and tests see whole phrases."""
    merged: list[Seg] = []
    for part in parts:
        if merged and part.href is None and merged[-1].href is None:
            merged[-1] = Seg(merged[-1].text + part.text)
        else:
            merged.append(part)
    return tuple(merged)
