"""What pages show, worked out once from a checked dataset.

Views hold plain text and site-relative link targets; templates escape the text and make
the links relative. A statement's sentence is its attribution frame (plan/sentences.py: who
said it, through whom, when, according to which sources, each credited only with what its
own quotes hold) around the editor's paraphrase, which the checker has held to the quotes:
the site attributes every allegation and states none as fact. Relations between statements
are the sources': an answer sets a state only where a source ties it; a framing, a related
denial and a standing position say whose they are and set none.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from titfortat.model import answers, vocab
from titfortat.model.dataset import Dataset
from titfortat.model.dates import DateValue, parse_date
from titfortat.model.inbrief import link_parts
from titfortat.model.records import (
    Actor,
    Answer,
    Event,
    Evidence,
    Place,
    Report,
    Statement,
    StatusEntry,
    When,
)
from titfortat.model.roles import post_at, side_of, title_of
from titfortat.plan import sentences
from titfortat.plan.sentences import Frame, Seg, sentence_text
from titfortat.plan.urls import record_url

__all__ = [
    "DateView",
    "EventView",
    "QuoteView",
    "ReportView",
    "Seg",
    "StatementView",
    "Views",
    "sentence_text",
]


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
class ReportView:
    """One source's report of a statement: its quotes, and its own wording."""

    source_id: str
    source: Seg
    """The source as a sentence credits it ("Afghanistan International")."""
    title: Seg
    standing: str
    """What kind of report it is, in words ("a republished copy ...")."""
    is_copy: bool
    whole: bool
    """It gives the whole statement: the frame credits it with the paraphrase."""
    paraphrase: str | None
    """The part it gives, when not the whole."""
    quotes: tuple[QuoteView, ...]
    accused_as: str | None
    speaker_as: str | None
    groups_as: tuple[str, ...]
    said: DateView | None
    """The date as this report gives it, where it differs."""
    places: tuple[Seg, ...] | None
    note: tuple[Seg, ...] | None


@dataclass(frozen=True)
class StatusView:
    """One step of a statement's answers over time: what a source says, or an answer a
    source ties to it."""

    state: vocab.Status
    label: str
    definition: str
    answered: bool
    as_of: Seg | None
    """The source it holds as of: the answer's first report, or the source that says it."""
    as_of_id: str | None
    as_of_date: DateView | None
    date: DateView | None
    """When the state began: the answer's date, or the source's own."""
    speaker: Seg | None
    evidence: tuple[QuoteView, ...]
    note: tuple[Seg, ...] | None
    answer_id: str | None = None
    """The answer that set it, if an answer did."""
    answer: Seg | None = None
    tie: vocab.Tie | None = None

    @property
    def tie_label(self) -> str:
        """How the answer is tied, in words."""
        return self.tie.label if self.tie else ""


@dataclass(frozen=True)
class AnswerGiven:
    """What a statement answers, as seen on the answer's own page."""

    statement_id: str
    state: vocab.Status
    tie: vocab.Tie
    evidence: tuple[QuoteView, ...]
    note: tuple[Seg, ...] | None


@dataclass(frozen=True)
class RelatedDenial:
    """An answer to the same allegation made again later: shown on the earlier statement,
    dated and linked, never as its state."""

    answer_id: str
    via_id: str
    """The later statement that made the allegation again, which the answer is tied to."""
    state: vocab.Status


@dataclass(frozen=True)
class FramingView:
    """A source presenting a statement as a response to another, with the passage that does."""

    statement_id: str
    framed_by: Seg
    framed_by_id: str
    framer: Seg | None
    evidence: tuple[QuoteView, ...]
    note: tuple[Seg, ...] | None

    @property
    def who(self) -> Seg:
        """Whose framing it is: the speaker who frames it, or the source in its own voice."""
        return self.framer or self.framed_by


@dataclass(frozen=True)
class StatementView:
    """Everything a page says about one statement."""

    id: str
    url: str
    kind: vocab.StatementKind
    kind_label: str
    allegation: vocab.Allegation
    allegation_label: str
    allegation_definition: str
    covers: tuple[vocab.Allegation, ...]
    sentence: tuple[Seg, ...]
    attribution: tuple[Seg, ...]
    """The sentence's frame alone, up to "that:", said once over a group of statements."""
    paraphrase: str
    title: str | None
    """The editor's title, where the record has one."""
    editorial_words: tuple[tuple[str, str], ...]
    by: Seg
    by_id: str
    by_short: Seg
    about: Seg | None
    about_id: str | None
    about_short: Seg | None
    speaker: Seg | None
    speaker_id: str | None
    speaker_title: str | None
    """The speaker's post when the statement was made ("acting deputy foreign minister")."""
    groups: tuple[Seg, ...]
    group_ids: tuple[str, ...]
    backer: Seg | None
    """For an allegation of a third state's proxy: the third state it names."""
    backer_id: str | None
    places: tuple[Seg, ...]
    place_ids: tuple[str, ...]
    reports: tuple[ReportView, ...]
    """Every report, the ones that give it whole first, originals before copies."""
    sources: tuple[Seg, ...]
    """The sources credited with the whole statement."""
    partial_sources: tuple[Seg, ...]
    """The sources that report it in part."""
    said: DateView
    history: tuple[StatusView, ...]
    """What sources say of its answers, and the answers tied to it, oldest first."""
    answers_given: tuple[AnswerGiven, ...]
    framing: FramingView | None
    restates: str | None
    cameo: vocab.CameoCode
    cameo_label: str
    event_ids: tuple[str, ...]
    note: tuple[Seg, ...] | None
    author_voice: bool
    """The author of its source, writing in its own voice (the site says "wrote")."""
    data_file: str
    data_line: int

    @property
    def text(self) -> str:
        """The statement's sentence as plain text."""
        return sentence_text(self.sentence)

    @property
    def short(self) -> str:
        """What was said, as a line under its attribution: the paraphrase as a sentence."""
        return sentences.capitalise(self.paraphrase.rstrip(".")) + "."

    @property
    def accuses(self) -> bool:
        """An accusation by a party: counted in the matrix and the key figures (an author's
        own sentences are reported, not counted)."""
        return self.kind.accuses and not self.author_voice

    @property
    def is_answer(self) -> bool:
        """A denial or any statement that answers another."""
        return self.kind is vocab.StatementKind.DENIAL or bool(self.answers_given)

    @property
    def entry_kind(self) -> tuple[str, str]:
        """What the statement is on the timeline and in the feed, and its label: a standing
        position, an answer (a denial, or any statement a source ties to another as its
        answer) or a claim. Declared here so that every list tags it the same way."""
        if self.kind is vocab.StatementKind.STANDING_POSITION:
            return "position", self.kind_label
        if self.is_answer:
            return "answer", "Answer" if self.kind.accuses else self.kind_label
        return "claim", self.kind_label

    @property
    def quotes(self) -> tuple[QuoteView, ...]:
        """Every quote of every report, in report order."""
        return tuple(q for report in self.reports for q in report.quotes)

    @property
    def lead_quote(self) -> QuoteView:
        """The quote cards, the timeline and JSON-LD show: the first of the first report."""
        return self.reports[0].quotes[0]

    @property
    def current(self) -> StatusView:
        """The latest state of its answers over time (no response reported, when none)."""
        if self.history:
            return self.history[-1]
        state = vocab.Status.NO_RESPONSE_REPORTED
        return StatusView(
            state=state,
            label=state.label,
            definition=state.definition,
            answered=False,
            as_of=None,
            as_of_id=None,
            as_of_date=None,
            date=None,
            speaker=None,
            evidence=(),
            note=None,
        )

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
        """Whether it has been answered, in an answer a source ties to it."""
        return self.current.answered

    @property
    def groups_text(self) -> str:
        """The groups' short names, "IS-KP", "TTP and BLA"."""
        return sentences.join_names([g.text for g in self.groups])

    @property
    def notes(self) -> tuple[tuple[str, tuple[Seg, ...]], ...]:
        """Every caveat the data gives about the statement, with what it is about: its note,
        each report's, each state's, each answer's and the framing's. Pages show them all."""
        found: list[tuple[str, tuple[Seg, ...]]] = []
        if self.note:
            found.append(("The statement", self.note))
        for report in self.reports:
            if report.note:
                found.append((f"{report.source.text}'s report", report.note))
        for step in self.history:
            if step.note:
                where = f", as of {step.as_of.text}" if step.as_of else ""
                found.append((f"{step.label}{where}", step.note))
        for given in self.answers_given:
            if given.note:
                found.append((f"As an answer ({given.state.label.lower()})", given.note))
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
    note: tuple[Seg, ...] | None
    data_file: str
    data_line: int


@dataclass
class Views:
    """The dataset seen as pages see it: names, sentences and indexes, computed once."""

    dataset: Dataset
    statements: dict[str, StatementView] = field(default_factory=dict)
    events: dict[str, EventView] = field(default_factory=dict)
    said_by: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    """Per actor, the statements it makes."""
    spoken_about: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    """Per actor, the statements about it."""
    voiced_by: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    """Per person, the statements they voiced as speaker."""
    about_group: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    named_backer: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    """Per state, the statements that name it as a third state backing a group."""
    at_place: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    at_event: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    reported_in: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    """Per source, the statements it reports (or frames, or says the state of)."""
    answers_to: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    """Per statement, the answers tied to it."""
    framed_as_answering: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    """Per statement, the statements a source presents as responses to it."""
    restated_by: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    events_by_actor: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    events_by_place: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    events_by_source: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    members: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    quotes_by_paragraph: dict[str, dict[int, int]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(int))
    )
    """Per source, how many quotes (of reports, states, answers, framings, events) each
    paragraph gives."""
    dated_by: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    """Per outside reference, the statements whose date it gives."""
    children: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    exchange_of: dict[str, str] = field(default_factory=dict)
    """Per statement, the exchange it belongs to."""

    @classmethod
    def build(cls, dataset: Dataset) -> Views:
        """Work out every view and index in one pass over the records."""
        views = cls(dataset)
        for actor in dataset.actors.values():
            for membership in actor.memberships:
                if actor.id not in views.members[membership.organization]:
                    views.members[membership.organization].append(actor.id)
        for place in dataset.places.values():
            if place.parent is not None:
                views.children[place.parent].append(place.id)
        views.answers_to.update(answers.answers_to(dataset))
        for statement in dataset.statements.values():
            if statement.restates:
                views.restated_by[statement.restates].append(statement.id)
        for exchange in dataset.exchanges.values():
            for statement_id in exchange.statements:
                views.exchange_of[statement_id] = exchange.id
        for statement in dataset.statements.values():
            views.statements[statement.id] = views._statement(statement)
            views.said_by[statement.by].append(statement.id)
            if statement.about:
                views.spoken_about[statement.about].append(statement.id)
            if statement.speaker:
                views.voiced_by[statement.speaker].append(statement.id)
            for group_id in statement.groups:
                views.about_group[group_id].append(statement.id)
            if statement.backer:
                views.named_backer[statement.backer].append(statement.id)
            if statement.framing:
                views.framed_as_answering[statement.framing.statement].append(statement.id)
            for place_id in dict.fromkeys(statement.places):
                views.at_place[place_id].append(statement.id)
            for event_id in dict.fromkeys(statement.events):
                views.at_event[event_id].append(statement.id)
            quoted = [evidence for _, evidence in statement.quotes()]
            cited = [e.source for e in quoted] + [s.as_of for s in statement.status]
            for source_id in dict.fromkeys(cited):
                views.reported_in[source_id].append(statement.id)
            for evidence in quoted:
                views.quotes_by_paragraph[evidence.source][evidence.paragraph] += 1
            if statement.said.reference:
                views.dated_by[statement.said.reference].append(statement.id)
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
        """A source as a sentence credits it: its publisher ("Policy East"), else its title;
        a republished copy as such ("a copy on ...")."""
        source = self.dataset.sources[source_id]
        name = source.publisher or source.title
        if source.copy_of is not None:
            name = f"a copy on {name}"
        return Seg(name, record_url("sources", source_id))

    def source_names(self, source_ids: Sequence[str]) -> dict[str, Seg]:
        """Sources as one sentence credits them: two of one publisher told apart by the date
        each was published ("Afghanistan International (8 May 2024)")."""
        named = {s: self.source_name(s) for s in source_ids}
        texts = [seg.text for seg in named.values()]
        for source_id, seg in named.items():
            published = self.published(source_id)
            if texts.count(seg.text) > 1 and published is not None:
                named[source_id] = Seg(f"{seg.text} ({published.short})", seg.href)
        return named

    def standing(self, source_id: str) -> str:
        """What a source is, and how the site ranks it, in words."""
        source = self.dataset.sources[source_id]
        if source.superseded_by is not None:
            return "superseded by a better report of the same text"
        if source.copy_of is not None:
            return (
                f"a republished copy (original publisher: {source.copy_of}); ranked below "
                "an original report of the same statement"
            )
        if source.kind is vocab.SourceKind.DATE_REFERENCE:
            return "a date reference, cited for dates and events, never quoted"
        if source.kind is vocab.SourceKind.OFFICIAL_STATEMENT:
            return "the speaker's own statement"
        if source.kind is vocab.SourceKind.ANALYSIS:
            return "an analysis, the original publication"
        return "an original news report"

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

    def linked(self, text: str | None) -> tuple[Seg, ...] | None:
        """A note with its ``[[kind:id|words]]`` links as linked pieces (the checker has
        resolved them); a link without words shows the record's name."""
        if text is None:
            return None
        parts: list[Seg] = []
        for part in link_parts(text):
            if part.collection is None or part.record_id is None:
                parts.append(Seg(part.text))
                continue
            words = part.text or self.record_name(part.collection, part.record_id)
            parts.append(Seg(words, record_url(part.collection, part.record_id)))
        return sentences.merge(parts)

    def record_name(self, collection: str, record_id: str) -> str:
        """A record's name as a link shows it: a statement by its title, or by who said it
        when ("the statement of the Government of Pakistan, 23 Jan 2025")."""
        if collection == "statements":
            statement = self.dataset.statements[record_id]
            if statement.title:
                return statement.title
            said = parse_date(statement.said.date, statement.said.precision)
            assert isinstance(said, DateValue)
            who = self.dataset.actors[statement.speaker or statement.by].name
            return f"the statement of {who}, {said.short()}"
        record = getattr(self.dataset, collection)[record_id]
        return str(getattr(record, "name", None) or getattr(record, "title", record_id))

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

    # -- statements and events ----------------------------------------------------------------

    def ranked(self, statement: Statement) -> list[Report]:
        """Its reports as the site credits them (see model.answers.ranked)."""
        return answers.ranked(statement, self.dataset)

    def speaker_title(self, statement: Statement) -> str | None:
        """The speaker's post in the one it speaks for, at the statement's date."""
        if statement.speaker is None or statement.speaker == statement.by:
            return None
        said = parse_date(statement.said.date, statement.said.precision)
        assert isinstance(said, DateValue)
        post = post_at(self.dataset.actors[statement.speaker], statement.by, said)
        return title_of(post) if post else None

    def frame(self, statement: Statement) -> Frame:
        """Who said it, through whom, when, according to which sources."""
        ranked = self.ranked(statement)
        whole = [r.source for r in ranked if r.paraphrase is None]
        partial = [r.source for r in ranked if r.paraphrase is not None]
        first = self.dataset.sources[whole[0]]
        speaker = statement.speaker if statement.speaker != statement.by else None
        named = self.source_names([*whole, *partial])
        return Frame(
            sources=tuple(named[s] for s in whole),
            partial=tuple(named[s] for s in partial),
            accuser=self.actor_in_sentence(statement.by),
            speaker=self.actor_seg(speaker) if speaker else None,
            role=self.speaker_title(statement),
            verb=statement.kind.verb,
            when=self.date(statement.said).phrase,
            author_voice=first.author_actor == statement.by,
        )

    def sentence(self, statement: Statement) -> tuple[Seg, ...]:
        """The statement in one attributed sentence."""
        return sentences.claim_sentence(self.frame(statement), statement.paraphrase)

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

    def _report(self, report: Report) -> ReportView:
        source = self.dataset.sources[report.source]
        return ReportView(
            source_id=report.source,
            source=self.source_name(report.source),
            title=self.source_seg(report.source),
            standing=self.standing(report.source),
            is_copy=source.copy_of is not None,
            whole=report.paraphrase is None,
            paraphrase=report.paraphrase,
            quotes=tuple(self.quote(e) for e in report.evidence()),
            accused_as=report.accused_as,
            speaker_as=report.speaker_as,
            groups_as=tuple(report.groups_as),
            said=self.date(report.said) if report.said else None,
            places=(
                tuple(self.place_seg(p) for p in report.places)
                if report.places is not None
                else None
            ),
            note=self.linked(report.note),
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
            speaker=None,
            evidence=tuple(self.quote(e) for e in step.evidence),
            note=self.linked(step.note),
        )

    def _tied(self, answer: Statement, given: Answer) -> StatusView:
        """The state an answer sets on the statement it answers."""
        lead = self.ranked(answer)[0].source
        evidence = given.evidence or [e for _, e in answer.quotes()[:1]]
        return StatusView(
            state=given.state,
            label=given.state.label,
            definition=given.state.definition,
            answered=given.state.answered,
            as_of=self.source_name(lead),
            as_of_id=lead,
            as_of_date=self.published(lead),
            date=self.date(answer.said),
            speaker=self.actor_seg(answer.speaker) if answer.speaker else None,
            evidence=tuple(self.quote(e) for e in evidence),
            note=self.linked(given.note),
            answer_id=answer.id,
            answer=Seg(answer.title or answer.paraphrase, record_url("statements", answer.id)),
            tie=given.tie,
        )

    def _history(self, statement: Statement) -> tuple[StatusView, ...]:
        """What sources say and the answers tied to it, oldest first (model.answers.steps)."""
        found: list[StatusView] = []
        for step in answers.steps(statement, self.dataset, self.answers_to):
            if step.entry is not None:
                found.append(self._status(step.entry))
            elif step.answer is not None and step.given is not None:
                found.append(self._tied(step.answer, step.given))
        return tuple(found)

    def _statement(self, statement: Statement) -> StatementView:
        origin = self.dataset.origins[("statements", statement.id)]
        framing = None
        if statement.framing is not None:
            framing = FramingView(
                statement_id=statement.framing.statement,
                framed_by=self.source_name(statement.framing.framed_by),
                framed_by_id=statement.framing.framed_by,
                framer=(
                    self.actor_seg(statement.framing.framer) if statement.framing.framer else None
                ),
                evidence=tuple(self.quote(e) for e in statement.framing.evidence),
                note=self.linked(statement.framing.note),
            )
        frame = self.frame(statement)
        reports = tuple(self._report(r) for r in self.ranked(statement))
        return StatementView(
            id=statement.id,
            url=record_url("statements", statement.id),
            kind=statement.kind,
            kind_label=statement.kind.label,
            allegation=statement.allegation,
            allegation_label=statement.allegation.label,
            allegation_definition=statement.allegation.definition,
            covers=tuple(dict.fromkeys([statement.allegation, *statement.covers])),
            sentence=sentences.claim_sentence(frame, statement.paraphrase),
            attribution=sentences.attribution_line(frame),
            paraphrase=statement.paraphrase,
            title=statement.title,
            editorial_words=tuple((w.word, w.reason) for w in statement.editorial_words),
            by=self.actor_seg(statement.by),
            by_id=statement.by,
            by_short=self.actor_seg(statement.by, short=True),
            about=self.actor_seg(statement.about) if statement.about else None,
            about_id=statement.about,
            about_short=self.actor_seg(statement.about, short=True) if statement.about else None,
            speaker=self.actor_seg(statement.speaker) if statement.speaker else None,
            speaker_id=statement.speaker,
            speaker_title=self.speaker_title(statement),
            groups=tuple(self.actor_seg(g, short=True) for g in statement.groups),
            group_ids=tuple(statement.groups),
            backer=self.actor_seg(statement.backer) if statement.backer else None,
            backer_id=statement.backer,
            places=tuple(self.place_seg(p) for p in statement.places),
            place_ids=tuple(statement.places),
            reports=reports,
            sources=frame.sources,
            partial_sources=frame.partial,
            said=self.date(statement.said),
            history=self._history(statement),
            answers_given=tuple(
                AnswerGiven(
                    statement_id=given.statement,
                    state=given.state,
                    tie=given.tie,
                    evidence=tuple(self.quote(e) for e in given.evidence),
                    note=self.linked(given.note),
                )
                for given in statement.answers
            ),
            framing=framing,
            restates=statement.restates,
            cameo=statement.cameo,
            cameo_label=statement.cameo.label,
            event_ids=tuple(statement.events),
            note=self.linked(statement.note),
            author_voice=frame.author_voice,
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
            note=self.linked(event.note),
            data_file=origin.path,
            data_line=origin.line,
        )

    # -- relations the sources do not set as states ---------------------------------------------

    def family(self, statement_id: str) -> list[str]:
        """The statements that make the same allegation again, or that it makes again
        (``restates``, either way, transitively), in data order, less itself."""
        seen = {statement_id}
        pending = [statement_id]
        while pending:
            current = pending.pop()
            linked = list(self.restated_by.get(current, []))
            earlier = self.dataset.statements[current].restates
            if earlier:
                linked.append(earlier)
            for other in linked:
                if other not in seen:
                    seen.add(other)
                    pending.append(other)
        return [s for s in self.dataset.statements if s in seen and s != statement_id]

    def related_denials(self, statement_id: str) -> list[RelatedDenial]:
        """Answers to the same allegation made again later: each answer tied to a later
        statement of its family (and not to this one), oldest first."""
        said = self.statements[statement_id].said.value
        found: list[tuple[tuple[object, ...], RelatedDenial]] = []
        for other in self.family(statement_id):
            # later by its last possible day or its first: "by 10 January 2025" is later than
            # 30 September 2024 though its first day is not known; 10 December than December
            again = self.statements[other].said.value
            later_start = (
                again.earliest is not None
                and said.earliest is not None
                and again.earliest > said.earliest
            )
            if not (again.latest > said.latest or later_start):
                continue
            for answer_id in self.answers_to.get(other, []):
                answer = self.dataset.statements[answer_id]
                if statement_id in {a.statement for a in answer.answers}:
                    continue
                for given in answer.answers:
                    if given.statement == other:
                        when = self.statements[answer_id].said.value.sort_key()
                        found.append((when, RelatedDenial(answer_id, other, given.state)))
        found.sort(key=lambda item: item[0])
        return [denial for _, denial in found]

    @cached_property
    def standing_positions(self) -> list[str]:
        """The standing positions, in data order."""
        return [
            s.id
            for s in self.dataset.statements.values()
            if s.kind is vocab.StatementKind.STANDING_POSITION
        ]

    def standing_on(self, statement_id: str) -> list[str]:
        """The standing positions shown beside a statement: those of the side it is about,
        that cover its allegation."""
        view = self.statements[statement_id]
        if not view.kind.accuses or view.about_id is None:
            return []
        side = self.side(view.about_id)
        if side is None:
            return []
        return [
            position
            for position in self.standing_positions
            if self.side(self.statements[position].by_id) == side
            and view.allegation in self.statements[position].covers
        ]

    def concerned_by(self, position_id: str) -> list[str]:
        """The statements a standing position is shown beside."""
        return [s for s in self.statements if position_id in self.standing_on(s)]

    # -- derived facts ------------------------------------------------------------------------

    @cached_property
    def pairs(self) -> list[tuple[str, list[str]]]:
        """Statements with the answers tied to them or framed as answering them, in data
        order: the exchanges as the sources pair them."""
        pairs: list[tuple[str, list[str]]] = []
        for statement_id in self.dataset.statements:
            answers = list(
                dict.fromkeys(
                    [
                        *self.answers_to.get(statement_id, []),
                        *self.framed_as_answering.get(statement_id, []),
                    ]
                )
            )
            if answers:
                pairs.append((statement_id, answers))
        return pairs

    @cached_property
    def accusations(self) -> list[StatementView]:
        """The statements that accuse (by a party, not an author in its own voice)."""
        return [s for s in self.statements.values() if s.accuses]

    @cached_property
    def pair_counts(self) -> dict[tuple[str, str], int]:
        """How many accusations each actor makes about each other."""
        counts: dict[tuple[str, str], int] = defaultdict(int)
        for statement in self.accusations:
            assert statement.about_id is not None
            counts[(statement.by_id, statement.about_id)] += 1
        return counts

    def side(self, actor_id: str) -> str | None:
        """The country an actor speaks or stands for (see model.roles.side_of)."""
        return side_of(actor_id, self.dataset.actors)

    @cached_property
    def side_counts(self) -> dict[tuple[str, str], int]:
        """How many accusations the actors of each country make about those of another."""
        counts: dict[tuple[str, str], int] = defaultdict(int)
        for statement in self.accusations:
            assert statement.about_id is not None
            accuser, accused = self.side(statement.by_id), self.side(statement.about_id)
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
        accusing: dict[str, int] = defaultdict(int)
        for statement in self.accusations:
            accusing[statement.by_id] += 1
        leaders: list[str] = []
        for country in (first, second):
            accusers = [
                actor_id
                for actor_id in self.involved_actors()
                if self.side(actor_id) == country and actor_id in accusing
            ]
            leaders.append(max(accusers, key=lambda a: accusing[a]))
        return tuple(leaders)

    def side_names(self) -> dict[str, str]:
        """The two sides' names, by country, in the order of ``sides``: the country's own
        ("Afghanistan", "Pakistan"), since a lane or a column holds every actor of that
        country (its army, its officials, its clerics), not only its government."""
        names: dict[str, str] = {}
        for actor_id in self.sides():
            country = self.side(actor_id)
            if country:
                names[country] = self.place_record(country).name
        return names

    def involved_actors(self) -> list[str]:
        """Actors that make accusations or are accused, in data order."""
        involved = {s.by_id for s in self.accusations} | {
            s.about_id for s in self.accusations if s.about_id
        }
        return [actor_id for actor_id in self.dataset.actors if actor_id in involved]

    def place_record(self, place_id: str) -> Place:
        """The place record."""
        return self.dataset.places[place_id]
