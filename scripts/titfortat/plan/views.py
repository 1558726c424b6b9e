"""What pages show, worked out once from a checked dataset.

Views hold plain text and site-relative link targets; templates escape the text and make
the links relative. A claim's sentence is its attribution frame (plan/sentences.py: who
said it, through whom, when, according to which source) around the editor's paraphrase,
which the checker has held to the quotes: the site attributes every allegation and states
none as fact. Relations between claims are sources' framings and say whose.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from titfortat.model import vocab
from titfortat.model.dataset import Dataset
from titfortat.model.dates import DateValue, parse_date
from titfortat.model.records import Actor, Claim, Event, Evidence, Place, StatusEntry, When
from titfortat.plan import sentences
from titfortat.plan.sentences import Frame, Seg, sentence_text
from titfortat.plan.urls import record_url

__all__ = ["ClaimView", "DateView", "EventView", "QuoteView", "Seg", "Views", "sentence_text"]


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

    @property
    def phrase(self) -> str:
        """The date as a sentence says it: "on 30 September 2024", "by 5 October 2024"."""
        return sentences.when_phrase(self.value, approximate=self.approximate)

    @property
    def short(self) -> str:
        """The date as lists say it: "30 Sep 2024", "by 5 Oct 2024", "2021–2024"."""
        return f"about {self.value.short()}" if self.approximate else self.value.short()

    @property
    def marked(self) -> bool:
        """Whether lists mark the date: the source does not print it."""
        return self.basis is not vocab.Basis.STATED

    @property
    def description(self) -> str:
        """The date's precision and basis in words, for screen readers and tooltips."""
        return f"{self.display}: {self.precision.aside}, {self.basis.aside}"


@dataclass(frozen=True)
class QuoteView:
    """A verified quote with its source and paragraph."""

    text: str
    paragraph: int
    source_id: str
    source: Seg
    source_url: str | None


@dataclass(frozen=True)
class StatusView:
    """One step of a claim's answers over time: a state, as of a source."""

    state: vocab.Status
    label: str
    definition: str
    answered: bool
    as_of: Seg
    as_of_id: str
    as_of_date: DateView | None
    date: DateView | None
    """When the state began: its own date, or the as-of source's."""
    speaker: Seg | None
    evidence: tuple[QuoteView, ...]
    note: str | None


@dataclass(frozen=True)
class FramingView:
    """A source presenting a claim as a response to another, with the passage that does."""

    claim_id: str
    framed_by: Seg
    framed_by_id: str
    framer: Seg | None
    evidence: tuple[QuoteView, ...]
    note: str | None

    @property
    def who(self) -> Seg:
        """Whose framing it is: the speaker who frames it, or the source in its own voice."""
        return self.framer or self.framed_by


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
    attribution: tuple[Seg, ...]
    """The sentence's frame alone, up to "that:", said once over a group of claims."""
    paraphrase: str
    editorial_words: tuple[tuple[str, str], ...]
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
    sources: tuple[Seg, ...]
    """The sources whose quotes report the claim, in the order they are first quoted."""
    asserted: DateView
    history: tuple[StatusView, ...]
    """Answers over time, oldest first; the last is the current state."""
    framing: FramingView | None
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
    def short(self) -> str:
        """What was said, as a line under its attribution: the paraphrase as a sentence."""
        return sentences.capitalise(self.paraphrase.rstrip(".")) + "."

    @property
    def lead_quote(self) -> QuoteView:
        """The quote cards, the timeline and JSON-LD show: the first, which editors choose."""
        return self.evidence[0]

    @property
    def current(self) -> StatusView:
        """The latest state of its answers over time."""
        return self.history[-1]

    @property
    def status(self) -> vocab.Status:
        """The current state."""
        return self.current.state

    @property
    def status_label(self) -> str:
        """The current state's label."""
        return self.current.label

    @property
    def answered(self) -> bool:
        """Whether the accused has answered, as of the latest source."""
        return self.current.answered

    @property
    def notes(self) -> tuple[tuple[str, str], ...]:
        """Every caveat the data gives about the claim, with what it is about: the claim's
        note, each state's note and the framing's note. Pages show them all."""
        found: list[tuple[str, str]] = []
        if self.note:
            found.append(("The claim", self.note))
        for step in self.history:
            if step.note:
                found.append((f"{step.label}, as of {step.as_of.text}", step.note))
        if self.framing and self.framing.note:
            found.append((f"How {self.framing.who.text} presents it", self.framing.note))
        return tuple(found)


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
    """Per claim, the claims a source presents as responses to it."""
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
    """Per source, how many quotes (of claims, states, framings, events) each paragraph gives."""
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
            views.claims[claim.id] = views._claim(claim)
            views.claims_by_accuser[claim.accuser].append(claim.id)
            views.claims_by_accused[claim.accused].append(claim.id)
            if claim.speaker:
                views.claims_by_speaker[claim.speaker].append(claim.id)
            if claim.group:
                views.claims_by_group[claim.group].append(claim.id)
            if claim.answers:
                views.answered_by[claim.answers.claim].append(claim.id)
            for place_id in dict.fromkeys(claim.places):
                views.claims_by_place[place_id].append(claim.id)
            for event_id in dict.fromkeys(claim.events):
                views.claims_by_event[event_id].append(claim.id)
            quoted = [evidence for _, evidence in claim.quotes()]
            for source_id in dict.fromkeys(e.source for e in quoted):
                views.claims_by_source[source_id].append(claim.id)
            for evidence in quoted:
                views.quotes_by_paragraph[evidence.source][evidence.paragraph] += 1
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
            sources = dict.fromkeys(e.source for e in event.evidence)
            if event.source:
                sources[event.source] = None
            for source_id in sources:
                views.events_by_source[source_id].append(event.id)
        return views

    # -- names --------------------------------------------------------------------------------

    def actor(self, actor_id: str) -> Actor:
        """The actor record."""
        return self.dataset.actors[actor_id]

    def actor_seg(self, actor_id: str, *, short: bool = False) -> Seg:
        """An actor's name linked to its page (a collective's name capitalised, as a label)."""
        actor = self.dataset.actors[actor_id]
        name = (actor.short_name or actor.name) if short else actor.name
        return Seg(sentences.capitalise(name), record_url("actors", actor_id))

    def actor_in_sentence(self, actor_id: str, *, again: bool = False) -> Seg:
        """The actor as a sentence names it mid-sentence (see sentences.actor_name)."""
        actor = self.dataset.actors[actor_id]
        return Seg(sentences.actor_name(actor, again=again), record_url("actors", actor_id))

    def place_seg(self, place_id: str) -> Seg:
        """A place's name linked to its page."""
        return Seg(self.dataset.places[place_id].name, record_url("places", place_id))

    def source_seg(self, source_id: str) -> Seg:
        """A source's title linked to its page."""
        return Seg(self.dataset.sources[source_id].title, record_url("sources", source_id))

    def source_name(self, source_id: str) -> Seg:
        """A source as a sentence credits it: its publisher ("Policy East"), else its title."""
        source = self.dataset.sources[source_id]
        return Seg(source.publisher or source.title, record_url("sources", source_id))

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

    def published(self, source_id: str) -> DateView | None:
        """When a source was published, if known."""
        published = self.dataset.sources[source_id].published
        return self.date(published) if published else None

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

    def frame(self, claim: Claim) -> Frame:
        """Who said the claim, through whom, when, according to which sources."""
        sources = list(dict.fromkeys(e.source for e in claim.evidence))
        first = self.dataset.sources[sources[0]]
        role = None
        if claim.speaker:
            roles = [
                m.role
                for m in self.dataset.actors[claim.speaker].memberships
                if m.organization == claim.accuser
            ]
            role = roles[0].label.lower() if roles else None
        return Frame(
            sources=tuple(self.source_name(s) for s in sources),
            accuser=self.actor_in_sentence(claim.accuser),
            speaker=self.actor_seg(claim.speaker) if claim.speaker else None,
            role=role,
            verb=claim.kind.verb,
            when=self.date(claim.asserted).phrase,
            author_voice=first.author_actor == claim.accuser,
        )

    def sentence(self, claim: Claim) -> tuple[Seg, ...]:
        """The claim in one attributed sentence."""
        return sentences.claim_sentence(self.frame(claim), claim.paraphrase)

    def innermost(self, place_ids: Iterable[str]) -> list[str]:
        """The places, less any that contains another of them ("Mastung", not "Mastung and
        Balochistan", since Mastung is in Balochistan)."""
        chosen = list(dict.fromkeys(place_ids))
        containing = {
            ancestor for place_id in chosen for ancestor in self.place_chain(place_id)[:-1]
        }
        return [place_id for place_id in chosen if place_id not in containing]

    def _reported_by(self, as_of: DateView | None) -> DateView | None:
        """The date of a state its source does not date: some time up to the source's date
        ("by 24 Jan 2025"), never the source's date itself."""
        if as_of is None:
            return None
        return self.date(
            When(
                date=f"../{as_of.value.latest.isoformat()}",
                precision=vocab.Precision.INTERVAL,
                basis=vocab.Basis.INFERRED,
                note="The source does not date it; it was so by the source's date.",
            )
        )

    def _status(self, step: StatusEntry) -> StatusView:
        as_of_date = self.published(step.as_of)
        return StatusView(
            state=step.state,
            label=step.state.label,
            definition=step.state.definition,
            answered=step.state.answered,
            as_of=self.source_name(step.as_of),
            as_of_id=step.as_of,
            as_of_date=as_of_date,
            date=self.date(step.date) if step.date else self._reported_by(as_of_date),
            speaker=self.actor_seg(step.speaker) if step.speaker else None,
            evidence=tuple(self.quote(e) for e in step.evidence),
            note=step.note,
        )

    def _claim(self, claim: Claim) -> ClaimView:
        origin = self.dataset.origins[("claims", claim.id)]
        framing = None
        if claim.answers is not None:
            framing = FramingView(
                claim_id=claim.answers.claim,
                framed_by=self.source_name(claim.answers.framed_by),
                framed_by_id=claim.answers.framed_by,
                framer=self.actor_seg(claim.answers.framer) if claim.answers.framer else None,
                evidence=tuple(self.quote(e) for e in claim.answers.evidence),
                note=claim.answers.note,
            )
        return ClaimView(
            id=claim.id,
            url=record_url("claims", claim.id),
            kind=claim.kind,
            kind_label=claim.kind.label,
            allegation=claim.allegation,
            allegation_label=claim.allegation.label,
            allegation_definition=claim.allegation.definition,
            sentence=self.sentence(claim),
            attribution=sentences.attribution_line(self.frame(claim)),
            paraphrase=claim.paraphrase,
            editorial_words=tuple((w.word, w.reason) for w in claim.editorial_words),
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
            sources=tuple(
                self.source_name(s) for s in dict.fromkeys(e.source for e in claim.evidence)
            ),
            asserted=self.date(claim.asserted),
            history=tuple(self._status(step) for step in claim.status),
            framing=framing,
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
        """Claims that sources present others as answering, with those: the exchanges."""
        order = {claim_id: i for i, claim_id in enumerate(self.dataset.claims)}
        return [
            (claim_id, list(answers))
            for claim_id, answers in sorted(
                self.answered_by.items(), key=lambda item: order[item[0]]
            )
        ]

    @cached_property
    def pair_counts(self) -> dict[tuple[str, str], int]:
        """How many claims each accuser makes about each accused."""
        counts: dict[tuple[str, str], int] = defaultdict(int)
        for claim in self.claims.values():
            counts[(claim.accuser_id, claim.accused_id)] += 1
        return counts

    def side(self, actor_id: str) -> str | None:
        """The country an actor speaks or stands for: its own (a state, a government, armed
        forces, an official), or that of the organisation it belongs to; None for armed
        groups, bodies and people of no country."""
        actor = self.actor(actor_id)
        if actor.country:
            return actor.country
        for membership in actor.memberships:
            country = self.dataset.actors[membership.organization].country
            if country:
                return country
        return None

    @cached_property
    def side_counts(self) -> dict[tuple[str, str], int]:
        """How many claims the actors of each country make about those of another."""
        counts: dict[tuple[str, str], int] = defaultdict(int)
        for claim in self.claims.values():
            accuser, accused = self.side(claim.accuser_id), self.side(claim.accused_id)
            if accuser and accused and accuser != accused:
                counts[(accuser, accused)] += 1
        return counts

    def both_ways(self, accuser_id: str, accused_id: str) -> bool:
        """Whether the two actors' countries accuse each other (through any of their actors:
        Pakistan's government accuses Afghanistan, the Taliban government accuses Pakistan)."""
        accuser, accused = self.side(accuser_id), self.side(accused_id)
        return bool(accuser and accused and (accused, accuser) in self.side_counts)

    def sides(self) -> tuple[str, ...]:
        """The two sides of the dispute, each given by its actor who accuses most: the pair
        of countries whose actors accuse each other most (the first in data order leading),
        or none."""
        counts = self.side_counts
        order = {place_id: i for i, place_id in enumerate(self.dataset.places)}
        mutual = [
            (counts[(a, b)] + counts[(b, a)], a, b)
            for (a, b) in counts
            if (b, a) in counts and order[a] < order[b]
        ]
        if not mutual:
            return ()
        _, first, second = max(mutual, key=lambda item: (item[0], -order[item[1]]))
        leaders: list[str] = []
        for country in (first, second):
            accusers = [
                actor_id
                for actor_id in self.involved_actors()
                if self.side(actor_id) == country and actor_id in self.claims_by_accuser
            ]
            leaders.append(max(accusers, key=lambda a: len(self.claims_by_accuser[a])))
        return tuple(leaders)

    def involved_actors(self) -> list[str]:
        """Actors that accuse or are accused, in data order."""
        involved = set(self.claims_by_accuser) | set(self.claims_by_accused)
        return [actor_id for actor_id in self.dataset.actors if actor_id in involved]

    def place_record(self, place_id: str) -> Place:
        """The place record."""
        return self.dataset.places[place_id]
