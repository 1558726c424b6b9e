"""The checker: every data file and stored text in, every problem out, all at once.

It is pure: it takes the bytes of the files (see :mod:`titfortat.load.files` for the disk side)
and returns either a :class:`Dataset` the site can be built from, or the problems, each with
its file, line and column, in the words an editor needs to fix it.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from titfortat.check.inbrief import parse as parse_in_brief
from titfortat.check.problems import Problem
from titfortat.check.yamlsafe import YamlDocument, parse_yaml
from titfortat.load.files import IN_BRIEF
from titfortat.load.inputs import Inputs
from titfortat.model import vocab
from titfortat.model.dataset import Dataset, Origin, Stats
from titfortat.model.dates import DateValue, parse_date
from titfortat.model.inbrief import BriefPart, InBrief
from titfortat.model.quotes import (
    MIN_QUOTE_WORDS,
    Paragraphs,
    closest_text,
    find_segments,
    normalise,
    segments,
)
from titfortat.model.records import (
    COLLECTIONS,
    Actor,
    Claim,
    DatasetInfo,
    Event,
    Evidence,
    Place,
    Record,
    Source,
    When,
)
from titfortat.model.references import raw_references, references
from titfortat.model.support import content_words, fold, stems, unsupported, vocabulary


@dataclass
class CheckResult:
    """The outcome: a dataset when there are no problems."""

    problems: list[Problem]
    dataset: Dataset | None


_R = TypeVar("_R", bound=Record)


@dataclass
class _Entry:
    kind: str
    index: int
    record: Record | _Unnamed
    doc: YamlDocument


@dataclass
class _Checker:
    inputs: Inputs
    problems: list[Problem] = field(default_factory=list)
    entries: dict[str, list[_Entry]] = field(
        default_factory=lambda: {kind: [] for kind in COLLECTIONS}
    )
    infos: list[tuple[DatasetInfo, YamlDocument]] = field(default_factory=list)
    invalid_ids: dict[str, set[str]] = field(
        default_factory=lambda: {kind: set() for kind in COLLECTIONS}
    )
    salvaged: list[tuple[_Entry, list[str | int], Evidence]] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    info_invalid: bool = False
    loose_references: list[tuple[_Entry, Sequence[str | int], str, str]] = field(
        default_factory=list
    )
    unreadable_ids: set[str] = field(default_factory=set)
    paragraphs: dict[str, Paragraphs] = field(default_factory=dict)
    quotes: int = 0
    wordings: int = 0
    references: int = 0

    # -- reporting -----------------------------------------------------------------------

    def at(
        self,
        entry: _Entry,
        loc: Sequence[str | int],
        message: str,
        *,
        key: bool = False,
    ) -> None:
        """Report a problem at a field of a record."""
        line, column = entry.doc.locate([entry.kind, entry.index, *loc], key=key)
        record_id = getattr(entry.record, "id", None)
        self.problems.append(
            Problem(
                entry.doc.path,
                line,
                column,
                f"{_where(entry.kind, entry.index, record_id, loc)}: {message}",
            )
        )

    # -- phase 1: files and records --------------------------------------------------------

    def read_files(self) -> None:
        for path, reason in sorted(self.inputs.unreadable.items()):
            self.problems.append(Problem(path, 0, 0, reason))
            self.unreadable.append(path)
        for path in sorted(self.inputs.files):
            parsed = parse_yaml(path, self.inputs.files[path])
            if isinstance(parsed, Problem):
                self.problems.append(parsed)
                self.unreadable.append(path)
                self.remember_ids(self.inputs.files[path])
                continue
            self.read_document(parsed)

    def remember_ids(self, data: bytes) -> None:
        """Ids written in a file that could not be parsed, so references to them do not fail
        as well: one broken file should give one problem, not one per reference to it."""
        text = data.decode("utf-8", errors="replace")
        self.unreadable_ids.update(_ID_LINE.findall(text))

    def read_document(self, doc: YamlDocument) -> None:
        allowed = ["dataset", *COLLECTIONS]
        for key, value in doc.value.items():
            line, column = doc.locate([key], key=True)
            if key == "dataset":
                self.read_info(doc, value)
                continue
            if key not in COLLECTIONS:
                hint = _did_you_mean(key, allowed)
                self.problems.append(
                    Problem(
                        doc.path,
                        line,
                        column,
                        f"unknown top-level key {key!r}{hint}; a data file holds "
                        f"{', '.join(allowed)}",
                    )
                )
                continue
            if value is None:
                continue
            if not isinstance(value, list):
                self.problems.append(
                    Problem(
                        doc.path,
                        line,
                        column,
                        f"{key}: expected a list of records (lines starting with '- '), "
                        f"got {_describe(value)}",
                    )
                )
                continue
            model = COLLECTIONS[key]
            for index, raw in enumerate(value):
                self.read_record(doc, key, index, raw, model)

    def read_info(self, doc: YamlDocument, value: Any) -> None:
        try:
            info = DatasetInfo.model_validate(value)
        except ValidationError as error:
            self.info_invalid = True
            for item in error.errors():
                loc = ["dataset", *item["loc"]]
                line, column = doc.locate(loc, key=item["type"] == "extra_forbidden")
                self.problems.append(
                    Problem(
                        doc.path,
                        line,
                        column,
                        f"{_path_text(loc)}: {_message(item, DatasetInfo, item['loc'])}",
                    )
                )
            return
        self.infos.append((info, doc))

    def read_record(
        self, doc: YamlDocument, kind: str, index: int, raw: Any, model: type[Record]
    ) -> None:
        try:
            record = model.model_validate(raw)
        except ValidationError as error:
            record_id = raw.get("id") if isinstance(raw, dict) else None
            if isinstance(record_id, str):
                # Known, though invalid: references to it should not fail as well.
                self.invalid_ids[kind].add(record_id)
            if isinstance(raw, dict):
                self.salvage_evidence(doc, kind, index, raw)
                self.salvage_references(doc, kind, index, raw, model)
            for item in error.errors():
                loc = (*item["loc"], *_SUBFIELD.get(item["type"], ()))
                line, column = doc.locate(
                    [kind, index, *loc], key=item["type"] == "extra_forbidden"
                )
                self.problems.append(
                    Problem(
                        doc.path,
                        line,
                        column,
                        f"{_where(kind, index, record_id, loc)}: {_message(item, model, loc)}",
                    )
                )
            return
        self.entries[kind].append(_Entry(kind, index, record, doc))

    def salvage_evidence(
        self, doc: YamlDocument, kind: str, index: int, raw: dict[str, Any]
    ) -> None:
        """Keep the valid quotes of an invalid record, so they are checked in the same run."""
        placeholder = _Entry(kind, index, _Unnamed(id=raw.get("id")), doc)
        for loc, items in _raw_evidence_lists(raw):
            for i, item in enumerate(items):
                try:
                    evidence = Evidence.model_validate(item)
                except ValidationError:
                    continue  # reported with the record's own errors
                self.salvaged.append((placeholder, [*loc, i], evidence))

    def salvage_references(
        self, doc: YamlDocument, kind: str, index: int, raw: dict[str, Any], model: type[Record]
    ) -> None:
        """Keep the references of an invalid record, so broken ones are reported now too."""
        placeholder = _Entry(kind, index, _Unnamed(id=raw.get("id")), doc)
        for loc, target, collection in raw_references(model, raw):
            self.loose_references.append((placeholder, loc, target, collection))

    # -- phase 2: the dataset as a whole --------------------------------------------------

    def unique_ids(self) -> dict[str, dict[str, _Entry]]:
        by_id: dict[str, dict[str, _Entry]] = {}
        for kind, entries in self.entries.items():
            seen: dict[str, _Entry] = {}
            for entry in entries:
                record_id = typing.cast(str, getattr(entry.record, "id"))  # noqa: B009
                if record_id in seen:
                    first = seen[record_id]
                    line, _ = first.doc.locate([kind, first.index, "id"])
                    self.at(
                        entry,
                        ["id"],
                        f"duplicate id {record_id!r}: already used at {first.doc.path}:{line}; "
                        "ids must be unique within "
                        f"{kind}",
                    )
                    continue
                seen[record_id] = entry
            by_id[kind] = seen
        return by_id

    def check_info(self) -> None:
        if not self.inputs.files and not self.inputs.unreadable:
            self.problems.append(
                Problem(self.inputs.data_dir, 0, 0, "no data files (*.yaml) found in this folder")
            )
            return
        if not self.infos:
            if self.unreadable or self.info_invalid:
                return  # the description is there, or may be, and is reported already
            first = sorted(self.inputs.files)[0]
            self.problems.append(
                Problem(
                    first,
                    0,
                    0,
                    "no 'dataset:' description found in any data file: add one "
                    "(title, description, version, released, creators)",
                )
            )
            return
        for _info, doc in self.infos[1:]:
            line, column = doc.locate(["dataset"], key=True)
            first_doc = self.infos[0][1]
            self.problems.append(
                Problem(
                    doc.path,
                    line,
                    column,
                    f"a second 'dataset:' description (the first is in {first_doc.path}): "
                    "keep only one",
                )
            )

    def load_texts(self, sources: Mapping[str, _Entry]) -> None:
        for source_id, entry in sources.items():
            source = typing.cast(Source, entry.record)
            if source.text is None:
                continue
            raw = self.inputs.texts.get(source.text)
            if raw is None:
                self.at(
                    entry,
                    ["text"],
                    f"stored text not found: {self.inputs.data_dir}/{source.text}; "
                    "add the file or correct the path",
                )
                continue
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError as error:
                self.at(
                    entry,
                    ["text"],
                    f"{self.inputs.data_dir}/{source.text} is not UTF-8 text "
                    f"(byte 0x{raw[error.start]:02x} at offset {error.start}): save it as UTF-8",
                )
                continue
            paragraphs = Paragraphs.parse(text)
            if isinstance(paragraphs, str):
                self.at(entry, ["text"], f"{self.inputs.data_dir}/{source.text}: {paragraphs}")
                continue
            self.paragraphs[source_id] = paragraphs

    def resolve(
        self,
        entry: _Entry,
        loc: Sequence[str | int],
        target: str,
        collection: str,
        pool: Mapping[str, _Entry],
    ) -> None:
        """Check that an id names a record; say which ids come close if it does not."""
        if target in pool:
            self.references += 1
        elif target not in self.invalid_ids[collection] and target not in self.unreadable_ids:
            what = collection.removesuffix("s")
            self.at(entry, loc, f"no {what} has the id {target!r}{_did_you_mean(target, pool)}")
        # else: the target is there but invalid or unreadable, and reported already

    def check_evidence(
        self,
        entry: _Entry,
        loc: Sequence[str | int],
        evidence: Evidence,
        sources: Mapping[str, _Entry],
    ) -> None:
        if evidence.source not in sources:
            return  # reported with the other references
        paragraphs = self.paragraphs.get(evidence.source)
        source = typing.cast(Source, sources[evidence.source].record)
        if not source.kind.quoted:
            self.at(
                entry,
                [*loc, "source"],
                f"source {evidence.source!r} is a {source.kind.label.lower()}, cited only for "
                "dates: quote a source that reports the claim, or change the source's kind",
            )
            return
        if paragraphs is None:
            if source.text is None:
                self.at(
                    entry,
                    [*loc, "source"],
                    f"source {evidence.source!r} has no stored text, so a quote from it cannot "
                    "be checked: add 'text:' to the source or quote one that has it",
                )
            return
        held = paragraphs.text(evidence.paragraph)
        if held is None:
            numbers = ", ".join(str(n) for n in paragraphs.cited)
            self.at(
                entry,
                [*loc, "paragraph"],
                f"the excerpt of source {evidence.source!r} holds paragraphs {numbers}, not "
                f"{evidence.paragraph}: store that paragraph under its number in the original, "
                "or correct the number",
            )
            return
        if paragraphs.contains(evidence.quote, evidence.paragraph):
            self.quotes += 1
            return
        elsewhere = paragraphs.find_paragraph(evidence.quote)
        if elsewhere is not None:
            self.at(
                entry,
                [*loc, "quote"],
                f"not in paragraph {evidence.paragraph} of source {evidence.source!r} but in "
                f"paragraph {elsewhere}: set paragraph: {elsewhere}",
            )
            return
        closest = closest_text(evidence.quote, held)
        self.at(
            entry,
            [*loc, "quote"],
            f"not found in paragraph {evidence.paragraph} of source {evidence.source!r}; "
            f'closest text: "{closest}"',
        )

    def check_when(
        self,
        entry: _Entry,
        loc: Sequence[str | int],
        when: When,
        sources: Mapping[str, _Entry],
    ) -> None:
        if when.wording is None or when.source is None or when.source not in sources:
            return
        paragraphs = self.paragraphs.get(when.source)
        if paragraphs is None:
            return
        if paragraphs.anywhere(when.wording):
            self.wordings += 1
        else:
            self.at(
                entry,
                [*loc, "wording"],
                f"the words {when.wording!r} do not occur in source {when.source!r}: "
                "copy them exactly",
            )

    def check_references(self, by_id: Mapping[str, Mapping[str, _Entry]]) -> None:
        """Resolve every id the records name (as their models declare), then apply the
        rules that need the records referred to."""
        for collection in COLLECTIONS:
            for entry in by_id[collection].values():
                for at, target, pool in references(typing.cast(Record, entry.record)):
                    self.resolve(entry, at, target, pool, by_id[pool])
        for entry, loose, target, pool in self.loose_references:
            self.resolve(entry, loose, target, pool, by_id[pool])
        sources, actors = by_id["sources"], by_id["actors"]
        places, events, claims = by_id["places"], by_id["events"], by_id["claims"]
        for entry in sources.values():
            source = typing.cast(Source, entry.record)
            if source.published is not None:
                self.check_when(entry, ["published"], source.published, sources)
        for entry in actors.values():
            actor = typing.cast(Actor, entry.record)
            country = places.get(actor.country) if actor.country else None
            if country and typing.cast(Place, country.record).kind is not vocab.PlaceKind.COUNTRY:
                self.at(entry, ["country"], f"place {actor.country!r} is not a country")
            for i, membership in enumerate(actor.memberships):
                if membership.organization == actor.id:
                    self.at(
                        entry,
                        ["memberships", i, "organization"],
                        "an actor cannot be a member of itself",
                    )
        self.check_place_cycles(places)
        for entry in events.values():
            event = typing.cast(Event, entry.record)
            if event.date is not None:
                self.check_when(entry, ["date"], event.date, sources)
            for i, evidence in enumerate(event.evidence):
                self.check_evidence(entry, ["evidence", i], evidence, sources)
            self.check_short_quotes(
                entry, [(["evidence", i], e) for i, e in enumerate(event.evidence)]
            )
            if event.kind.names_source and event.source is None:
                self.at(
                    entry,
                    ["source"],
                    "a publication event names the source published (source: <source id>)",
                )
            documented = (
                event.evidence
                or event.source
                or (event.date is not None and event.date.reference is not None)
            )
            if not documented:
                self.at(
                    entry,
                    [],
                    "an event needs evidence from a source, or a date taken "
                    "from an outside reference that documents it",
                )
        for entry in claims.values():
            self.check_claim(entry, by_id)
        self.check_answers(by_id)
        for entry, loc, evidence in self.salvaged:
            self.check_evidence(entry, loc, evidence, sources)

    def check_place_cycles(self, places: Mapping[str, _Entry]) -> None:
        for place_id, entry in places.items():
            seen = {place_id}
            parent = typing.cast(Place, entry.record).parent
            while parent is not None and parent in places:
                if parent in seen:
                    self.at(
                        entry,
                        ["parent"],
                        f"place {place_id!r} is inside itself (its parents form a loop)",
                    )
                    break
                seen.add(parent)
                parent = typing.cast(Place, places[parent].record).parent

    def check_claim(self, entry: _Entry, by_id: Mapping[str, Mapping[str, _Entry]]) -> None:
        claim = typing.cast(Claim, entry.record)
        sources, actors = by_id["sources"], by_id["actors"]
        if claim.accuser == claim.accused and claim.accuser in actors:
            self.at(entry, ["accused"], "the accuser and the accused are the same actor")
        speaker = actors.get(claim.speaker) if claim.speaker else None
        if speaker is not None:
            person = typing.cast(Actor, speaker.record)
            if person.type is not vocab.ActorType.PERSON:
                self.at(
                    entry,
                    ["speaker"],
                    f"the speaker {person.id!r} is a {person.type}, "
                    "not a person: name the person, or leave speaker out",
                )
            elif claim.accuser != person.id and claim.accuser not in {
                m.organization for m in person.memberships
            }:
                self.at(
                    entry,
                    ["speaker"],
                    f"the speaker {person.id!r} has no membership in "
                    f"the accuser {claim.accuser!r}: add one to the actor, or correct "
                    "the speaker",
                )
        group = actors.get(claim.group) if claim.group else None
        if group and typing.cast(Actor, group.record).type is not vocab.ActorType.ARMED_GROUP:
            self.at(entry, ["group"], f"{claim.group!r} is not an armed group")
        self.check_when(entry, ["asserted"], claim.asserted, sources)
        for i, evidence in enumerate(claim.evidence):
            self.check_evidence(entry, ["evidence", i], evidence, sources)
        self.check_paraphrase(entry, claim, by_id)
        self.check_status(entry, claim, by_id)
        self.check_short_quotes(entry, claim.quotes())
        asserted = _date(claim.asserted)
        for source_id in dict.fromkeys(e.source for e in claim.evidence):
            published = _published(sources.get(source_id))
            if published and asserted and _certainly_after(asserted, published):
                self.at(
                    entry,
                    ["asserted"],
                    f"the claim is dated {claim.asserted.date}, after source {source_id!r} that "
                    f"reports it was published ({published.text}): correct one of the dates",
                )

    def check_paraphrase(
        self, entry: _Entry, claim: Claim, by_id: Mapping[str, Mapping[str, _Entry]]
    ) -> None:
        """Every content word of the paraphrase is in the quotes or the linked names."""
        names: list[str] = []
        for actor_id in (claim.accuser, claim.speaker, claim.accused, claim.group):
            found = by_id["actors"].get(actor_id) if actor_id else None
            if found is not None:
                actor = typing.cast(Actor, found.record)
                names += [actor.name, actor.short_name or "", *actor.other_names]
        for place_id in claim.places:
            found = by_id["places"].get(place_id)
            if found is not None:
                place = typing.cast(Place, found.record)
                names += [place.name, *place.other_names]
        support = vocabulary([*(e.quote for e in claim.evidence), *names])
        accepted = [w.word for w in claim.editorial_words]
        for missing in unsupported(claim.paraphrase, support, accepted):
            self.at(
                entry,
                ["paraphrase"],
                f'"{missing}" is not in the quotes or the names of the records the claim links: '
                "use the source's word, or list it under editorial_words with the reason",
            )
        used = {fold(w) for w in content_words(claim.paraphrase)}
        for i, word in enumerate(claim.editorial_words):
            if fold(word.word) not in used:
                self.at(
                    entry,
                    ["editorial_words", i, "word"],
                    f'"{word.word}" is not a word of the paraphrase: remove it from the list',
                )
            elif stems(word.word) & support:
                self.at(
                    entry,
                    ["editorial_words", i, "word"],
                    f'"{word.word}" is in the quotes already: remove it from the list',
                )

    def check_status(
        self, entry: _Entry, claim: Claim, by_id: Mapping[str, Mapping[str, _Entry]]
    ) -> None:
        """Answers over time: each state quoted where it must be, given by the accused, and
        in time order; none as of a source older than the claim."""
        sources, actors = by_id["sources"], by_id["actors"]
        asserted = _date(claim.asserted)
        previous: tuple[int, DateValue] | None = None
        for i, step in enumerate(claim.status):
            for j, evidence in enumerate(step.evidence):
                self.check_evidence(entry, ["status", i, "evidence", j], evidence, sources)
                if evidence.source != step.as_of:
                    self.at(
                        entry,
                        ["status", i, "evidence", j, "source"],
                        f"the state is as of {step.as_of!r}: quote that source, or record the "
                        f"state as of {evidence.source!r}",
                    )
            if step.date is not None:
                self.check_when(entry, ["status", i, "date"], step.date, sources)
            if step.state.quoted and not step.evidence:
                self.at(
                    entry,
                    ["status", i],
                    f"'{step.state}' needs the words of a source that says so: quote them under "
                    "evidence, or use 'no-response-reported'",
                )
            speaker = actors.get(step.speaker) if step.speaker else None
            if speaker is not None:
                person = typing.cast(Actor, speaker.record)
                speaks_for = [person.id, *(m.organization for m in person.memberships)]
                if not any(_answers_for(who, claim.accused, actors) for who in speaks_for):
                    self.at(
                        entry,
                        ["status", i, "speaker"],
                        f"{person.id!r} does not speak for the accused {claim.accused!r}: only "
                        "the accused answers a claim (a member of it, or of the government of "
                        "the state accused); add the membership, or correct the speaker",
                    )
            as_of = _published(sources.get(step.as_of))
            when = _date(step.date) if step.date is not None else as_of
            if step.date is not None and when and as_of and _certainly_after(when, as_of):
                self.at(
                    entry,
                    ["status", i, "date"],
                    f"dated {when.text}, after source {step.as_of!r} that reports it was "
                    f"published ({as_of.text}): correct one of the dates",
                )
            if as_of and asserted and _certainly_after(asserted, as_of):
                self.at(
                    entry,
                    ["status", i, "as_of"],
                    f"source {step.as_of!r} ({as_of.text}) is older than the claim "
                    f"({claim.asserted.date}): a status holds as of a source that knows the claim",
                )
            if when is None:
                continue
            if previous is not None and _certainly_after(previous[1], when):
                self.at(
                    entry,
                    ["status", i],
                    f"dated {when.text}, before the state above it ({previous[1].text}): list the "
                    "states oldest first",
                )
            previous = (i, when)

    def check_short_quotes(
        self, entry: _Entry, located: list[tuple[list[str | int], Evidence]]
    ) -> None:
        """A quote of one or two words is evidence only inside a longer quote of the same
        record, from the same source."""
        for loc, evidence in located:
            if len(" ".join(segments(evidence.quote)).split()) >= MIN_QUOTE_WORDS:
                continue
            inside = any(
                other is not evidence
                and other.source == evidence.source
                and find_segments(segments(evidence.quote), normalise(other.quote))
                for _, other in located
            )
            if not inside:
                self.at(
                    entry,
                    [*loc, "quote"],
                    f"a quote needs at least {MIN_QUOTE_WORDS} words to be evidence, unless it "
                    "lies inside a longer quote of the same record",
                )

    def check_answers(self, by_id: Mapping[str, Mapping[str, _Entry]]) -> None:
        """Framings: a source presents a claim as a response to another, in words quoted from
        that source. Whoever the source presents as responding is its framing, not checked
        against who was accused: an article may set its own claim against a government's."""
        claims, sources = by_id["claims"], by_id["sources"]
        for entry in claims.values():
            claim = typing.cast(Claim, entry.record)
            framing = claim.answers
            if framing is None:
                continue
            for j, evidence in enumerate(framing.evidence):
                self.check_evidence(entry, ["answers", "evidence", j], evidence, sources)
                if evidence.source != framing.framed_by:
                    self.at(
                        entry,
                        ["answers", "evidence", j, "source"],
                        f"the framing is {framing.framed_by!r}'s: quote the passage of that "
                        "source that presents the claim as a response",
                    )
            target = claims.get(framing.claim)
            if target is None:
                continue
            if framing.claim == claim.id:
                self.at(entry, ["answers", "claim"], "a claim cannot answer itself")
                continue
            seen = {claim.id}
            step: Claim | None = typing.cast(Claim, target.record)
            while step is not None and step.answers is not None:
                if step.id in seen:
                    self.at(entry, ["answers", "claim"], "claims answer each other in a loop")
                    break
                seen.add(step.id)
                nxt = claims.get(step.answers.claim)
                step = typing.cast(Claim, nxt.record) if nxt else None

    def check_in_brief(self, by_id: Mapping[str, Mapping[str, _Entry]]) -> InBrief | None:
        """The home page's summary: every reference resolves, every sentence cites a claim
        and says no more than the claims it cites, and a name is linked once."""
        if self.inputs.in_brief is None:
            return None
        path = f"{self.inputs.data_dir}/{IN_BRIEF}"
        try:
            text = self.inputs.in_brief.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            self.problems.append(
                Problem(path, 0, 0, f"not UTF-8 text (byte offset {error.start}): save it as UTF-8")
            )
            return None
        parsed, problems = parse_in_brief(path, text)
        self.problems += problems
        cited_any = False
        linked: dict[tuple[str, str], int] = {}
        for paragraph in parsed.paragraphs:
            for sentence in paragraph:
                claims: list[Claim] = []
                names: list[str] = []
                for ref in sentence.references:
                    pool = by_id[ref.collection]
                    if ref.record_id not in pool:
                        what = ref.collection.removesuffix("s")
                        hint = _did_you_mean(ref.record_id, pool)
                        self.problems.append(
                            Problem(
                                path,
                                ref.line,
                                ref.column,
                                f"no {what} has the id {ref.record_id!r}{hint}",
                            )
                        )
                        continue
                    record = pool[ref.record_id].record
                    if ref.collection == "claims":
                        claims.append(typing.cast(Claim, record))
                        continue
                    key = (ref.collection, ref.record_id)
                    if key in linked:
                        self.problems.append(
                            Problem(
                                path,
                                ref.line,
                                ref.column,
                                f"{ref.record_id!r} is linked already (line {linked[key]}): link "
                                "a name once, on its first mention",
                            )
                        )
                    linked.setdefault(key, ref.line)
                    names += _names(record)
                if not claims:
                    self.problems.append(
                        Problem(
                            path,
                            sentence.line,
                            sentence.column,
                            "this sentence cites no claim: put [[claim:<id>]] for each claim it "
                            "summarises before its full stop",
                        )
                    )
                    continue
                cited_any = True
                support = vocabulary([*self.claim_support(claims, by_id), *names, FRAME_WORDS])
                for word in unsupported(sentence.text, support):
                    self.problems.append(
                        Problem(
                            path,
                            sentence.line,
                            sentence.column,
                            f'"{word}" is not in the quotes, names or dates of the claims this '
                            "sentence cites: use their words, or cite the claim that has it",
                        )
                    )
        if not cited_any and not problems:
            self.problems.append(Problem(path, 0, 0, "the summary cites no claim"))
        return InBrief(
            paragraphs=tuple(
                tuple(
                    part
                    for index, sentence in enumerate(paragraph)
                    for part in ((BriefPart(" "),) if index else ()) + sentence.parts
                )
                for paragraph in parsed.paragraphs
            ),
            path=path,
        )

    def claim_support(
        self, claims: Iterable[Claim], by_id: Mapping[str, Mapping[str, _Entry]]
    ) -> list[str]:
        """What a summary of these claims may say: their quotes, the names of what they link
        (sources and those who answered included) and the words of their dates."""
        texts: list[str] = []
        for claim in claims:
            texts += [e.quote for e in claim.evidence]
            texts.append(claim.paraphrase)
            texts += [w.word for w in claim.editorial_words]
            ids = [claim.accuser, claim.speaker, claim.accused, claim.group]
            whens = [claim.asserted]
            sources = [e.source for e in claim.evidence]
            for step in claim.status:
                texts += [e.quote for e in step.evidence]
                texts += [step.state.label]
                ids.append(step.speaker)
                sources.append(step.as_of)
                if step.date is not None:
                    whens.append(step.date)
            if claim.answers is not None:
                texts += [e.quote for e in claim.answers.evidence]
                sources.append(claim.answers.framed_by)
                ids.append(claim.answers.framer)
            for actor_id in ids:
                if actor_id and actor_id in by_id["actors"]:
                    texts += _names(by_id["actors"][actor_id].record)
            for place_id in claim.places:
                if place_id in by_id["places"]:
                    texts += _names(by_id["places"][place_id].record)
            for source_id in sources:
                if source_id in by_id["sources"]:
                    source = typing.cast(Source, by_id["sources"][source_id].record)
                    texts += [source.title, source.publisher or ""]
                    if source.published is not None:
                        whens.append(source.published)
            for when in whens:
                parsed = _date(when)
                if parsed is not None:
                    texts.append(parsed.human())
        return texts

    def run(self) -> CheckResult:
        self.read_files()
        by_id = self.unique_ids()
        self.check_info()
        self.load_texts(by_id["sources"])
        self.check_references(by_id)
        in_brief = self.check_in_brief(by_id)
        if self.problems or not self.infos:
            return CheckResult(sorted(set(self.problems)), None)
        origins = {
            (kind, typing.cast(str, getattr(entry.record, "id"))): Origin(  # noqa: B009
                entry.doc.path, entry.doc.locate([kind, entry.index])[0]
            )
            for kind, entries in by_id.items()
            for entry in entries.values()
        }
        stats = Stats(
            files=len(self.inputs.files),
            texts=len(self.paragraphs),
            records={kind: len(entries) for kind, entries in by_id.items()},
            quotes_verified=self.quotes,
            wordings_verified=self.wordings,
            references_resolved=self.references,
        )
        dataset = Dataset(
            info=self.infos[0][0],
            sources=_records(by_id["sources"], Source),
            actors=_records(by_id["actors"], Actor),
            places=_records(by_id["places"], Place),
            events=_records(by_id["events"], Event),
            claims=_records(by_id["claims"], Claim),
            paragraphs=dict(self.paragraphs),
            origins=origins,
            stats=stats,
            in_brief=in_brief,
        )
        return CheckResult([], dataset)


@dataclass(frozen=True)
class _Unnamed:
    """Stands in for a record that failed validation, to report on its valid parts."""

    id: Any


FRAME_WORDS = (
    "said says say according claims claimed claim accused accuses accuse accusation "
    "accusations alleged alleges allegation allegations answered answer response responded "
    "reported reports statement statements presented presents"
)
"""Words a summary may use to attribute, beyond the words of the claims it cites."""


def _names(record: Any) -> list[str]:
    """A record's names as a text may give them: name, short name, other names, title."""
    names = [getattr(record, "name", None), getattr(record, "short_name", None)]
    names += list(getattr(record, "other_names", []))
    names += [getattr(record, "title", None)]
    return [name for name in names if name]


def _raw_evidence_lists(raw: Mapping[str, Any]) -> list[tuple[list[str | int], list[Any]]]:
    """The evidence lists of a raw record: its own, its states' and its framing's."""
    found: list[tuple[list[str | int], list[Any]]] = []
    if isinstance(raw.get("evidence"), list):
        found.append((["evidence"], raw["evidence"]))
    status = raw.get("status")
    if isinstance(status, list):
        for i, step in enumerate(status):
            if isinstance(step, Mapping) and isinstance(step.get("evidence"), list):
                found.append((["status", i, "evidence"], step["evidence"]))
    answers = raw.get("answers")
    if isinstance(answers, Mapping) and isinstance(answers.get("evidence"), list):
        found.append((["answers", "evidence"], answers["evidence"]))
    return found


def _date(when: When | None) -> DateValue | None:
    """A date field, parsed (the models have checked it parses)."""
    if when is None:
        return None
    parsed = parse_date(when.date, when.precision)
    return parsed if isinstance(parsed, DateValue) else None


def _published(entry: _Entry | None) -> DateValue | None:
    """When a source was published, if it is known."""
    if entry is None:
        return None
    return _date(typing.cast(Source, entry.record).published)


def _certainly_after(first: DateValue, second: DateValue) -> bool:
    """Whether ``first`` is certainly later than ``second``: every day it may stand for comes
    after every day the other may (intervals and open starts leave room for doubt)."""
    return first.earliest is not None and first.earliest > second.latest


def _answers_for(responder: str, accused: str, actors: Mapping[str, _Entry]) -> bool:
    """Whether ``responder`` can answer for ``accused``: it is the accused, or the accused is a
    state or its armed forces and the responder that country's government."""
    if responder == accused:
        return True
    first, second = actors.get(responder), actors.get(accused)
    if first is None or second is None:
        return True  # reported with the references
    responder_actor = typing.cast(Actor, first.record)
    accused_actor = typing.cast(Actor, second.record)
    return (
        accused_actor.type in (vocab.ActorType.STATE, vocab.ActorType.MILITARY)
        and responder_actor.type is vocab.ActorType.GOVERNMENT
        and responder_actor.country == accused_actor.country
    )


_ID_LINE = re.compile(r"^[ \t-]*id:[ \t]*[\"']?([a-z0-9-]+)", re.MULTILINE)

_SUBFIELD: dict[str, tuple[str, ...]] = {"date": ("date",), "quote_too_short": ("quote",)}
"""Errors raised for a whole record that belong to one of its fields."""


def _records(entries: Mapping[str, _Entry], model: type[_R]) -> dict[str, _R]:
    """The records of one collection, typed as the model that validated them."""
    records = {key: entry.record for key, entry in entries.items()}
    assert all(isinstance(record, model) for record in records.values())
    return typing.cast(dict[str, _R], records)


def check(inputs: Inputs) -> CheckResult:
    """Check every file and text; return the dataset, or every problem found."""
    return _Checker(inputs).run()


# -- messages -----------------------------------------------------------------------------


def _path_text(loc: Iterable[str | int]) -> str:
    text = ""
    for step in loc:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text


def _where(kind: str, index: int, record_id: Any, loc: Sequence[str | int]) -> str:
    label = f"{kind}[{index}]"
    if isinstance(record_id, str) and record_id:
        label += f" (id={record_id})"
    field_path = _path_text(loc)
    return f"{label} {field_path}" if field_path else label


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping of fields"
    return type(value).__name__  # pragma: no cover - YAML gives no other types


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _model_at(model: type[BaseModel], loc: Sequence[str | int]) -> type[BaseModel] | None:
    """The model class that holds the field at the end of ``loc``."""
    current: type[BaseModel] | None = model
    for step in loc[:-1]:
        if current is None:
            return None
        if isinstance(step, int):
            continue
        info = current.model_fields.get(step)
        current = _inner_model(info.annotation) if info else None
    return current


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found is not None:
                return found
    return None


_TYPE_MESSAGES = {
    "string_type": "expected text",
    "int_type": "expected a whole number",
    "float_type": "expected a number",
    "bool_type": "expected true or false",
    "list_type": "expected a list (lines starting with '- ')",
    "model_type": "expected a mapping of fields (name: value lines)",
    "dict_type": "expected a mapping of fields (name: value lines)",
}


def _message(item: Any, model: type[BaseModel], loc: Sequence[str | int]) -> str:
    kind = item["type"]
    given = item.get("input")
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        name = str(loc[-1]) if loc else "?"
        holder = _model_at(model, loc)
        hint = _did_you_mean(name, holder.model_fields) if holder else ""
        known = ", ".join(holder.model_fields) if holder else ""
        return f"unknown field {name!r}{hint}; known fields: {known}"
    if kind in _TYPE_MESSAGES:
        message = f"{_TYPE_MESSAGES[kind]}, got {_describe(given)}"
        if kind == "string_type" and isinstance(given, int | float | bool):
            message += "; put the value in quotes"
        return message
    if kind == "string_pattern_mismatch":
        return f"{given!r} does not have the expected form ({item['ctx']['pattern']})"
    if kind == "too_short":
        return "needs at least one item"
    return str(item["msg"]).removeprefix("Value error, ")
