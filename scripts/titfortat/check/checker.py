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
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from titfortat.check.inbrief import Parsed as ParsedSummary
from titfortat.check.inbrief import parse as parse_in_brief
from titfortat.check.problems import Problem
from titfortat.check.yamlsafe import YamlDocument, parse_yaml
from titfortat.load.files import IN_BRIEF
from titfortat.load.inputs import Inputs
from titfortat.model import vocab
from titfortat.model.dataset import Dataset, Origin, Stats
from titfortat.model.dates import DateValue, parse_date, parse_point
from titfortat.model.inbrief import REFERENCE, REFERENCE_KINDS, BriefPart, InBrief
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
    DatasetInfo,
    Event,
    Evidence,
    Exchange,
    Place,
    Record,
    Report,
    Source,
    Statement,
    When,
)
from titfortat.model.references import linked_texts, raw_references, references
from titfortat.model.roles import answers_for, held_at, post_at, side_of, title_of
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
    used_blocks: dict[str, set[int | str]] = field(default_factory=lambda: defaultdict(set))
    """Per source, the blocks of its excerpt that a quote or a wording uses."""
    actors: dict[str, Actor] = field(default_factory=dict)
    _links: dict[str, set[str]] | None = None
    """The statements' restatement links, worked out on first need (see family)."""
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
                "dates: quote a source that reports the statement, or change the source's kind",
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
            self.used_blocks[evidence.source].add(evidence.paragraph)
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
        self.check_wording(entry, [*loc, "wording"], when.wording, when.source, paragraphs)

    def check_references(self, by_id: Mapping[str, Mapping[str, _Entry]]) -> None:
        """Resolve every id the records name (as their models declare), then apply the
        rules that need the records referred to."""
        for collection in COLLECTIONS:
            for entry in by_id[collection].values():
                for at, target, pool in references(typing.cast(Record, entry.record)):
                    self.resolve(entry, at, target, pool, by_id[pool])
                self.check_note_links(entry, by_id)
        for entry, loose, target, pool in self.loose_references:
            self.resolve(entry, loose, target, pool, by_id[pool])
        sources, actors = by_id["sources"], by_id["actors"]
        places, events, statements = by_id["places"], by_id["events"], by_id["statements"]
        self.actors = {k: typing.cast(Actor, e.record) for k, e in actors.items()}
        for entry in sources.values():
            source = typing.cast(Source, entry.record)
            if source.published is not None:
                self.check_when(entry, ["published"], source.published, sources)
            self.check_superseded(entry, source, sources)
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
                start = parse_point(membership.start) if membership.start else None
                end = parse_point(membership.end) if membership.end else None
                if start and end and start.first > end.last:
                    self.at(entry, ["memberships", i, "end"], "the post ends before it begins")
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
        for entry in statements.values():
            self.check_statement(entry, by_id)
        self.check_restatements(statements)
        self.check_former_ids(statements)
        for entry in statements.values():
            self.check_answers(entry, by_id)
        self.check_framings(statements, sources)
        self.check_exchanges(by_id)
        for entry, loc, evidence in self.salvaged:
            self.check_evidence(entry, loc, evidence, sources)
        for entry in sources.values():
            self.check_ledger(entry)

    def check_note_links(self, entry: _Entry, by_id: Mapping[str, Mapping[str, _Entry]]) -> None:
        """Every ``[[kind:id|words]]`` in a note names a record."""
        for loc, text in linked_texts(typing.cast(Record, entry.record)):
            for match in REFERENCE.finditer(text):
                kind, record_id = match.group(1), match.group(2)
                collection = REFERENCE_KINDS.get(kind)
                if collection is None:
                    kinds = ", ".join(f"[[{k}:id]]" for k in REFERENCE_KINDS)
                    self.at(entry, loc, f"[[{kind}:...]] is not a kind of link: use {kinds}")
                elif not record_id:
                    self.at(entry, loc, f"[[{kind}:]] names no record")
                else:
                    self.resolve(entry, loc, record_id, collection, by_id[collection])

    def check_superseded(
        self, entry: _Entry, source: Source, sources: Mapping[str, _Entry]
    ) -> None:
        """A superseded source keeps its id and page but no text: its reports have moved."""
        if source.superseded_by is None:
            return
        if source.superseded_by == source.id:
            self.at(entry, ["superseded_by"], "a source cannot supersede itself")
            return
        if source.text is not None:
            self.at(
                entry,
                ["text"],
                f"the source is superseded by {source.superseded_by!r}: move its excerpt and "
                "quotes there, and remove text: here",
            )
        seen = {source.id}
        current: str | None = source.superseded_by
        while current is not None and current in sources:
            if current in seen:
                self.at(entry, ["superseded_by"], "sources supersede each other in a loop")
                return
            seen.add(current)
            current = typing.cast(Source, sources[current].record).superseded_by

    def cited_source(
        self,
        entry: _Entry,
        loc: Sequence[str | int],
        source_id: str,
        sources: Mapping[str, _Entry],
    ) -> Source | None:
        """The source a record cites, unless it is superseded (reported here) or unknown."""
        found = sources.get(source_id)
        if found is None:
            return None
        source = typing.cast(Source, found.record)
        if source.superseded_by is not None:
            self.at(
                entry,
                loc,
                f"source {source_id!r} is superseded by {source.superseded_by!r}: cite that "
                "source instead (its page keeps a notice)",
            )
            return None
        return source

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

    # -- statements ---------------------------------------------------------------------------

    def check_statement(self, entry: _Entry, by_id: Mapping[str, Mapping[str, _Entry]]) -> None:
        statement = typing.cast(Statement, entry.record)
        sources, actors = by_id["sources"], by_id["actors"]
        kind = statement.kind
        if statement.about is not None and statement.by == statement.about:
            self.at(entry, ["about"], "a statement is not about the one who makes it")
        if kind.about_needed and statement.about is None:
            self.at(
                entry,
                ["about"],
                f"{_article(kind.label)} {kind.label.lower()} names whom it is about (about:)",
            )
        if not kind.about_needed and statement.about is not None:
            self.at(
                entry,
                ["about"],
                f"{_article(kind.label)} {kind.label.lower()} is about no one: remove about:",
            )
        if kind.title_needed and statement.title is None:
            self.at(
                entry,
                [],
                f"{_article(kind.label)} {kind.label.lower()} needs a title written by an editor "
                "(title:): a generated one would say what it does not",
            )
        elif statement.allegation.title_needed and statement.title is None:
            self.at(
                entry,
                ["allegation"],
                f"a statement on '{statement.allegation}' needs a title written by an editor "
                f"(title:): a generated one ('... accuses X: "
                f"{statement.allegation.label.lower()}') would call X the proxy, whatever the "
                "statement says",
            )
        if statement.covers and kind is not vocab.StatementKind.STANDING_POSITION:
            self.at(entry, ["covers"], "only a standing position covers allegation types")
        for i, allegation in enumerate(statement.covers):
            if allegation in statement.covers[:i]:
                self.at(entry, ["covers", i], f"'{allegation}' is listed already: list it once")
        if kind is vocab.StatementKind.STANDING_POSITION and statement.answers:
            self.at(
                entry,
                ["answers"],
                "a standing position answers no statement: it is shown beside the allegations "
                "it covers; record an answer a source ties to a statement as a denial",
            )
        said = _date(statement.said)
        self.check_speaker(entry, statement, said)
        for i, group_id in enumerate(statement.groups):
            group = actors.get(group_id)
            if group and typing.cast(Actor, group.record).type is not vocab.ActorType.ARMED_GROUP:
                self.at(entry, ["groups", i], f"{group_id!r} is not an armed group")
        if statement.backer is not None:
            if statement.allegation is not vocab.Allegation.PROXY_FOR_THIRD_STATE:
                self.at(
                    entry,
                    ["backer"],
                    "only an allegation of a third state's proxy names a backer (allegation: "
                    "proxy-for-third-state)",
                )
            backer = actors.get(statement.backer)
            if backer and typing.cast(Actor, backer.record).type is not vocab.ActorType.STATE:
                self.at(entry, ["backer"], f"{statement.backer!r} is not a state")
        if len(set(statement.groups)) != len(statement.groups):
            self.at(entry, ["groups"], "a group is listed twice")
        self.check_when(entry, ["said"], statement.said, sources)
        seen_sources: dict[str, int] = {}
        for i, report in enumerate(statement.reports):
            if report.source in seen_sources:
                self.at(
                    entry,
                    ["reports", i, "source"],
                    f"source {report.source!r} reports it already (reports"
                    f"[{seen_sources[report.source]}]): one report per source, with all its "
                    "quotes",
                )
            seen_sources.setdefault(report.source, i)
            self.check_report(entry, statement, i, report, sources, said)
        self.check_paraphrase(entry, statement, by_id)
        self.check_status(entry, statement, by_id)
        self.check_short_quotes(entry, statement.quotes())

    def check_speaker(self, entry: _Entry, statement: Statement, said: DateValue | None) -> None:
        """The speaker is a person who held a post in the one the statement is by, then."""
        if statement.speaker is None or statement.speaker not in self.actors:
            return
        person = self.actors[statement.speaker]
        if person.type is not vocab.ActorType.PERSON:
            self.at(
                entry,
                ["speaker"],
                f"the speaker {person.id!r} is a {person.type}, not a person: name the person, "
                "or leave speaker out",
            )
            return
        if statement.by == person.id:
            return
        posts = [m for m in person.memberships if m.organization == statement.by]
        if not posts:
            self.at(
                entry,
                ["speaker"],
                f"the speaker {person.id!r} has no membership in {statement.by!r}: add one to "
                "the actor, or correct the speaker",
            )
        elif said is not None and not any(held_at(m, said) for m in posts):
            self.at(
                entry,
                ["speaker"],
                f"{person.id!r} held no post in {statement.by!r} on {said.human()}, as the "
                "actor's memberships date them: correct the date, the speaker or the membership",
            )

    def check_report(
        self,
        entry: _Entry,
        statement: Statement,
        index: int,
        report: Report,
        sources: Mapping[str, _Entry],
        said: DateValue | None,
    ) -> None:
        """One source's report: its quotes in its text, its own wordings in its text, its
        places among the statement's, and a date the source could know."""
        loc: list[str | int] = ["reports", index]
        if self.cited_source(entry, [*loc, "source"], report.source, sources) is None:
            return
        for j, evidence in enumerate(report.evidence()):
            self.check_evidence(entry, [*loc, "quotes", j], evidence, sources)
        paragraphs = self.paragraphs.get(report.source)
        for name in ("accused_as", "speaker_as"):
            words = getattr(report, name)
            if words is not None and paragraphs is not None:
                self.check_wording(entry, [*loc, name], words, report.source, paragraphs)
        for j, words in enumerate(report.groups_as):
            if paragraphs is not None:
                self.check_wording(entry, [*loc, "groups_as", j], words, report.source, paragraphs)
        if report.places is not None:
            for j, place_id in enumerate(report.places):
                if place_id not in statement.places:
                    self.at(
                        entry,
                        [*loc, "places", j],
                        f"{place_id!r} is not among the statement's places: add it there too",
                    )
        published = _published(sources.get(report.source))
        if report.said is not None:
            self.check_when(entry, [*loc, "said"], report.said, sources)
            own = _date(report.said)
            if own and published and _certainly_after(own, published):
                self.at(
                    entry,
                    [*loc, "said"],
                    f"this report dates the statement {report.said.date}, after its source was "
                    f"published ({published.text}): correct one of the dates",
                )
        if published and said and _certainly_after(said, published):
            self.at(
                entry,
                ["said"],
                f"the statement is dated {statement.said.date}, after source {report.source!r} "
                f"that reports it was published ({published.text}): correct one of the dates",
            )

    def check_wording(
        self,
        entry: _Entry,
        loc: Sequence[str | int],
        words: str,
        source_id: str,
        paragraphs: Paragraphs,
    ) -> None:
        """Words a record says a source uses occur in its stored text."""
        blocks = paragraphs.blocks_with(words)
        if blocks:
            self.wordings += 1
            self.used_blocks[source_id].update(blocks)
        else:
            self.at(
                entry,
                loc,
                f"the words {words!r} do not occur in source {source_id!r}: copy them exactly",
            )

    def report_names(
        self, statement: Statement, report: Report, by_id: Mapping[str, Mapping[str, _Entry]]
    ) -> list[str]:
        """What a report's paraphrase may name besides its quotes: the statement's actors and
        the places this report names."""
        names: list[str] = []
        actor_ids = [
            statement.by,
            statement.speaker,
            statement.about,
            statement.backer,
            *statement.groups,
        ]
        for actor_id in actor_ids:
            found = by_id["actors"].get(actor_id) if actor_id else None
            if found is not None:
                names += _names(found.record)
        place_ids = statement.places if report.places is None else report.places
        for place_id in place_ids:
            found = by_id["places"].get(place_id)
            if found is not None:
                names += _names(found.record)
        return names

    def check_paraphrase(
        self, entry: _Entry, statement: Statement, by_id: Mapping[str, Mapping[str, _Entry]]
    ) -> None:
        """Each report is held to what its own quotes say: the statement's paraphrase, or the
        part it gives (its own paraphrase); at least one report gives the whole."""
        accepted = [w.word for w in statement.editorial_words]
        whole: list[frozenset[str]] = []
        for i, report in enumerate(statement.reports):
            support = vocabulary(
                [*(q.quote for q in report.quotes), *self.report_names(statement, report, by_id)]
            )
            if report.paraphrase is None:
                whole.append(support)
                for missing in unsupported(statement.paraphrase, support, accepted):
                    self.at(
                        entry,
                        ["reports", i],
                        f'"{missing}" of the paraphrase is not in the quotes of source '
                        f"{report.source!r} or the names of the records the statement links: "
                        "quote the words that hold it, or give this report a paraphrase of "
                        "the part it reports (it is then credited with that part only)",
                    )
                continue
            for missing in unsupported(report.paraphrase, support, accepted):
                self.at(
                    entry,
                    ["reports", i, "paraphrase"],
                    f'"{missing}" is not in the quotes of source {report.source!r} or the names '
                    "of the records the statement links: use the source's word",
                )
        if not whole:
            self.at(
                entry,
                ["paraphrase"],
                "no report gives the whole statement: leave out the paraphrase of the report "
                "whose quotes hold it all, or narrow the statement's paraphrase to what one "
                "report holds",
            )
        paraphrases = [statement.paraphrase, *(r.paraphrase or "" for r in statement.reports)]
        used = {fold(w) for text in paraphrases for w in content_words(text)}
        everywhere = frozenset.intersection(*whole) if whole else frozenset()
        for i, word in enumerate(statement.editorial_words):
            if fold(word.word) not in used:
                self.at(
                    entry,
                    ["editorial_words", i, "word"],
                    f'"{word.word}" is not a word of the paraphrase: remove it from the list',
                )
            elif whole and stems(word.word) & everywhere:
                self.at(
                    entry,
                    ["editorial_words", i, "word"],
                    f'"{word.word}" is in the quotes already: remove it from the list',
                )
        if statement.title is not None:
            support = vocabulary(
                [
                    *(q.quote for r in statement.reports for q in r.quotes),
                    *(
                        name
                        for r in statement.reports
                        for name in self.report_names(statement, r, by_id)
                    ),
                    statement.kind.label,
                    statement.allegation.label,
                    TITLE_WORDS,
                ]
            )
            for missing in unsupported(statement.title, support, accepted):
                self.at(
                    entry,
                    ["title"],
                    f'"{missing}" is not in the quotes or the names of the records the '
                    "statement links: use the source's word",
                )

    def check_status(
        self, entry: _Entry, statement: Statement, by_id: Mapping[str, Mapping[str, _Entry]]
    ) -> None:
        """What sources say of the answers: quoted where it must be, in time order, none as
        of a source older than the statement; answered states come from answers only."""
        sources = by_id["sources"]
        said = _date(statement.said)
        previous: DateValue | None = None
        for i, step in enumerate(statement.status):
            if step.state.answered:
                self.at(
                    entry,
                    ["status", i, "state"],
                    f"'{step.state}' is set by an answer: record the answer as a statement of "
                    f"its own, with answers: [{{statement: {statement.id}, state: {step.state}, "
                    "tie: ...}]",
                )
            self.cited_source(entry, ["status", i, "as_of"], step.as_of, sources)
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
            as_of = _published(sources.get(step.as_of))
            when = _date(step.date) if step.date is not None else as_of
            if step.date is not None and when and as_of and _certainly_after(when, as_of):
                self.at(
                    entry,
                    ["status", i, "date"],
                    f"dated {when.text}, after source {step.as_of!r} that reports it was "
                    f"published ({as_of.text}): correct one of the dates",
                )
            if as_of and said and _certainly_after(said, as_of):
                self.at(
                    entry,
                    ["status", i, "as_of"],
                    f"source {step.as_of!r} ({as_of.text}) is older than the statement "
                    f"({statement.said.date}): a state holds as of a source that knows it",
                )
            if when is None:
                continue
            if previous is not None and _certainly_after(previous, when):
                self.at(
                    entry,
                    ["status", i],
                    f"dated {when.text}, before the state above it ({previous.text}): list the "
                    "states oldest first",
                )
            previous = when

    def same_side(self, first: str | None, second: str | None) -> bool:
        """The same actor, or two actors of one country's side; an actor of no country (an
        armed group, a body) is on no side but its own."""
        if first is None or second is None:
            return first == second
        if first == second:
            return True
        side = side_of(first, self.actors)
        return side is not None and side == side_of(second, self.actors)

    def check_restatements(self, statements: Mapping[str, _Entry]) -> None:
        """``restates``: an earlier statement, by the same side about the same side."""
        for entry in statements.values():
            statement = typing.cast(Statement, entry.record)
            if statement.restates is None or statement.restates not in statements:
                continue
            earlier = typing.cast(Statement, statements[statement.restates].record)
            if earlier.id == statement.id:
                self.at(entry, ["restates"], "a statement cannot restate itself")
                continue
            said, before = _date(statement.said), _date(earlier.said)
            if said and before and _certainly_after(before, said):
                self.at(
                    entry,
                    ["restates"],
                    f"{earlier.id!r} ({before.text}) is later than this statement "
                    f"({said.text}): a statement restates an earlier one",
                )
            same_by = self.same_side(statement.by, earlier.by)
            same_about = self.same_side(statement.about, earlier.about)
            if not (same_by and same_about):
                self.at(
                    entry,
                    ["restates"],
                    f"{earlier.id!r} is not by the same side about the same side: a statement "
                    "restates only the same allegation, made again",
                )
            if statement.allegation is not earlier.allegation:
                self.at(
                    entry,
                    ["restates"],
                    f"{earlier.id!r} is on '{earlier.allegation}', this statement on "
                    f"'{statement.allegation}': a statement restates only the same allegation, "
                    "made again",
                )
            seen = {statement.id}
            step: Statement | None = earlier
            while step is not None and step.restates is not None:
                if step.id in seen:
                    self.at(entry, ["restates"], "statements restate each other in a loop")
                    break
                seen.add(step.id)
                nxt = statements.get(step.restates)
                step = typing.cast(Statement, nxt.record) if nxt else None

    def check_former_ids(self, statements: Mapping[str, _Entry]) -> None:
        """``formerly``: an old address leads to one statement, and never hides a live one."""
        claimed: dict[str, str] = {}
        for entry in statements.values():
            statement = typing.cast(Statement, entry.record)
            for i, former in enumerate(statement.formerly):
                if former in statements:
                    self.at(
                        entry,
                        ["formerly", i],
                        f"{former!r} is the id of a statement on the site: an old id must no "
                        "longer be in use; remove it from 'formerly'",
                    )
                elif former in claimed:
                    self.at(
                        entry,
                        ["formerly", i],
                        f"{former!r} is already listed in 'formerly' of {claimed[former]!r}: an "
                        "old address can lead to one statement only",
                    )
                else:
                    claimed[former] = statement.id

    def check_answers(self, entry: _Entry, by_id: Mapping[str, Mapping[str, _Entry]]) -> None:
        """An answer sets a state only where a source ties it: by naming what it answers, or
        by meeting that side on that allegation before it is made again (docs/method.md)."""
        statement = typing.cast(Statement, entry.record)
        statements, sources = by_id["statements"], by_id["sources"]
        said = _date(statement.said)
        reported_by = set(statement.sources())
        answered: set[str] = set()
        for i, answer in enumerate(statement.answers):
            loc: list[str | int] = ["answers", i]
            for j, evidence in enumerate(answer.evidence):
                self.check_evidence(entry, [*loc, "evidence", j], evidence, sources)
                if evidence.source not in reported_by:
                    self.at(
                        entry,
                        [*loc, "evidence", j, "source"],
                        f"source {evidence.source!r} does not report this answer: quote a "
                        "report of it that says what it answers",
                    )
            if answer.statement in answered:
                self.at(entry, [*loc, "statement"], "it answers that statement already")
            answered.add(answer.statement)
            if answer.statement == statement.id:
                self.at(entry, [*loc, "statement"], "a statement cannot answer itself")
                continue
            target_entry = statements.get(answer.statement)
            if target_entry is None:
                continue
            target = typing.cast(Statement, target_entry.record)
            if answer.state.value not in statement.kind.answer_states:
                allowed = ", ".join(statement.kind.answer_states) or "none"
                self.at(
                    entry,
                    [*loc, "state"],
                    f"{_article(statement.kind.label)} {statement.kind.label.lower()} sets no "
                    f"'{answer.state}' state (it may set: {allowed})",
                )
            if target.about is None or not self.speaks_for(statement, target.about):
                self.at(
                    entry,
                    [*loc, "statement"],
                    f"only the one it is about answers {target.id!r} (a member of it, or the "
                    f"government of the state or armed forces it is about); {statement.by!r} "
                    "is not: record this as a framing, or correct by:",
                )
            target_said = _date(target.said)
            if said and target_said and _certainly_after(target_said, said):
                self.at(
                    entry,
                    [*loc, "statement"],
                    f"{target.id!r} ({target_said.text}) was said after this answer "
                    f"({said.text}): an answer comes after what it answers",
                )
            if answer.tie is vocab.Tie.NAMED and not answer.evidence:
                self.at(
                    entry,
                    [*loc, "evidence"],
                    "a tie 'named' quotes the words of a report of this answer that say what "
                    "it answers",
                )
            if answer.tie is vocab.Tie.MET:
                self.check_met(entry, loc, statement, target, statements)

    def speaks_for(self, statement: Statement, about: str) -> bool:
        """Whether the one who makes a statement (or its speaker) answers for ``about``."""
        who = [statement.by]
        if statement.speaker and statement.speaker in self.actors:
            who += [statement.speaker]
            who += [m.organization for m in self.actors[statement.speaker].memberships]
        return any(answers_for(w, about, self.actors) for w in who)

    def family(self, statement: Statement, statements: Mapping[str, _Entry]) -> list[Statement]:
        """A statement's restatements, either way (the links worked out once a run)."""
        if self._links is None:
            self._links = restatement_links(statements)
        return _family(statement, statements, self._links)

    def check_met(
        self,
        entry: _Entry,
        loc: Sequence[str | int],
        answer: Statement,
        target: Statement,
        statements: Mapping[str, _Entry],
    ) -> None:
        """A tie 'met': the answer is addressed to the target's side, on its allegation, and
        the allegation was not made again in between."""
        if not self.same_side(answer.about, target.by):
            self.at(
                entry,
                [*loc, "tie"],
                f"the answer is about {answer.about!r}, not the side of {target.by!r} that made "
                f"{target.id!r}: it does not meet it; quote the words that name what it "
                "answers (tie: named), or tie it to a statement of that side",
            )
        if answer.allegation is not target.allegation:
            self.at(
                entry,
                [*loc, "tie"],
                f"the answer is on '{answer.allegation}', {target.id!r} on "
                f"'{target.allegation}': it does not meet that allegation; quote the words that "
                "name what it answers (tie: named)",
            )
        answered, given = _date(target.said), _date(answer.said)
        if answered is None or given is None:
            return
        for other in self.family(target, statements):
            said = _date(other.said)
            if said and _certainly_after(said, answered) and _certainly_after(given, said):
                self.at(
                    entry,
                    [*loc, "statement"],
                    f"{other.id!r} made this allegation again ({said.text}) before this answer "
                    f"({given.text}): tie the answer to {other.id!r}; the site then shows it on "
                    f"{target.id!r} as a related denial",
                )
                return

    def check_framings(
        self, statements: Mapping[str, _Entry], sources: Mapping[str, _Entry]
    ) -> None:
        """Framings: a source presents a statement as a response to another, in words quoted
        from that source. It sets no state, so whoever the source presents as responding is
        its framing, not checked against who was spoken about."""
        for entry in statements.values():
            statement = typing.cast(Statement, entry.record)
            framing = statement.framing
            if framing is None:
                continue
            self.cited_source(entry, ["framing", "framed_by"], framing.framed_by, sources)
            for j, evidence in enumerate(framing.evidence):
                self.check_evidence(entry, ["framing", "evidence", j], evidence, sources)
                if evidence.source != framing.framed_by:
                    self.at(
                        entry,
                        ["framing", "evidence", j, "source"],
                        f"the framing is {framing.framed_by!r}'s: quote the passage of that "
                        "source that presents the statement as a response",
                    )
            target = statements.get(framing.statement)
            if target is None:
                continue
            if framing.statement == statement.id:
                self.at(entry, ["framing", "statement"], "a statement cannot answer itself")
                continue
            seen = {statement.id}
            step: Statement | None = typing.cast(Statement, target.record)
            while step is not None and step.framing is not None:
                if step.id in seen:
                    self.at(
                        entry,
                        ["framing", "statement"],
                        "statements are framed as answering each other in a loop",
                    )
                    break
                seen.add(step.id)
                nxt = statements.get(step.framing.statement)
                step = typing.cast(Statement, nxt.record) if nxt else None

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

    # -- exchanges ---------------------------------------------------------------------------

    def check_exchanges(self, by_id: Mapping[str, Mapping[str, _Entry]]) -> None:
        """Each exchange: its statements once, within its period; a summary and moments
        that say no more than the statements they cite; few enough moments for the chart."""
        statements = by_id["statements"]
        member_of: dict[str, str] = {}
        moments = 0
        for entry in by_id["exchanges"].values():
            exchange = typing.cast(Exchange, entry.record)
            period = _date(exchange.period)
            for i, statement_id in enumerate(exchange.statements):
                if statement_id in member_of:
                    self.at(
                        entry,
                        ["statements", i],
                        f"{statement_id!r} is in exchange {member_of[statement_id]!r} already: "
                        "a statement belongs to one exchange",
                    )
                member_of.setdefault(statement_id, exchange.id)
                found = statements.get(statement_id)
                if found is None or period is None:
                    continue
                said = _date(typing.cast(Statement, found.record).said)
                if said and (_certainly_after(said, period) or _certainly_after(period, said)):
                    self.at(
                        entry,
                        ["statements", i],
                        f"{statement_id!r} ({said.text}) falls outside the exchange's period "
                        f"({period.text})",
                    )
            line, column = entry.doc.locate(["exchanges", entry.index, "summary"])
            parsed = self.check_summary(
                entry.doc.path, line, column, exchange.summary, by_id, f"exchange {exchange.id!r}"
            )
            members = set(exchange.statements)
            outside = sorted(
                {
                    ref.record_id
                    for paragraph in parsed.paragraphs
                    for sentence in paragraph
                    for ref in sentence.references
                    if ref.collection == "statements"
                    and ref.record_id in statements
                    and ref.record_id not in members
                }
            )
            for statement_id in outside:
                self.at(
                    entry,
                    ["summary"],
                    f"the summary cites {statement_id!r}, which is not one of this exchange's "
                    "statements: add it to them, or cite one that is",
                )
            for i, moment in enumerate(exchange.moments):
                for j, statement_id in enumerate(moment.statements):
                    if statement_id in statements and statement_id not in members:
                        self.at(
                            entry,
                            ["moments", i, "statements", j],
                            f"{statement_id!r} is not one of this exchange's statements: a "
                            "moment labels its own exchange's",
                        )
                moments += 1
                cited = [
                    typing.cast(Statement, statements[s].record)
                    for s in moment.statements
                    if s in statements
                ]
                support = vocabulary([*self.statement_support(cited, by_id), FRAME_WORDS])
                for word in unsupported(moment.label, support):
                    self.at(
                        entry,
                        ["moments", i, "label"],
                        f'"{word}" is not in the quotes, names or dates of the statements this '
                        "moment cites: use their words, or cite the statement that has it",
                    )
        if moments > MOMENT_TOTAL:
            first = next(iter(by_id["exchanges"].values()))
            self.at(
                first,
                [],
                f"{moments} moments in all: the chart labels at most {MOMENT_TOTAL}; keep the "
                "ones a reader most needs",
            )

    def check_in_brief(self, by_id: Mapping[str, Mapping[str, _Entry]]) -> InBrief | None:
        """The home page's summary: every reference resolves, every sentence cites a
        statement and says no more than the statements it cites, and a name is linked once."""
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
        parsed = self.check_summary(path, 1, 1, text, by_id, "the summary")
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

    def check_summary(
        self,
        path: str,
        line: int,
        column: int,
        text: str,
        by_id: Mapping[str, Mapping[str, _Entry]],
        what: str,
    ) -> ParsedSummary:
        """An editor's summary (the In brief, an exchange's): references resolve, every
        sentence cites a statement and says no more than those it cites, a name is linked
        once. Positions are counted from ``line`` and ``column``, where the text starts."""

        def moved(problem: Problem) -> Problem:
            if line == 1 and column == 1:
                return problem
            return Problem(path, line + problem.line - 1, column, problem.message)

        parsed, problems = parse_in_brief(path, text)
        self.problems += [moved(p) for p in problems]
        cited_any = False
        linked: dict[tuple[str, str], int] = {}
        for paragraph in parsed.paragraphs:
            for sentence in paragraph:
                cited: list[Statement] = []
                names: list[str] = []
                unchecked = False
                for ref in sentence.references:
                    pool = by_id[ref.collection]
                    if ref.record_id in self.invalid_ids.get(ref.collection, set()):
                        unchecked = True  # the record's own problems are reported already
                        continue
                    if ref.record_id not in pool:
                        hint = _did_you_mean(ref.record_id, pool)
                        what_ref = ref.collection.removesuffix("s")
                        self.problems.append(
                            moved(
                                Problem(
                                    path,
                                    ref.line,
                                    ref.column,
                                    f"no {what_ref} has the id {ref.record_id!r}{hint}",
                                )
                            )
                        )
                        continue
                    record = pool[ref.record_id].record
                    if ref.collection == "statements" and not ref.words:
                        cited.append(typing.cast(Statement, record))
                        continue
                    key = (ref.collection, ref.record_id)
                    if key in linked:
                        self.problems.append(
                            moved(
                                Problem(
                                    path,
                                    ref.line,
                                    ref.column,
                                    f"{ref.record_id!r} is linked already (line {linked[key]}): "
                                    "link a name once, on its first mention",
                                )
                            )
                        )
                    linked.setdefault(key, ref.line)
                    names += _names(record)
                    strange = unsupported(ref.words or "", vocabulary(_names(record)))
                    if strange:
                        self.problems.append(
                            moved(
                                Problem(
                                    path,
                                    ref.line,
                                    ref.column,
                                    f'the link\'s words "{ref.words}" do not name '
                                    f'{ref.record_id!r} ("{strange[0]}" is none of its '
                                    "names): use a name the record gives",
                                )
                            )
                        )
                    if ref.collection == "statements":
                        cited.append(typing.cast(Statement, record))
                if unchecked:
                    cited_any = cited_any or bool(cited)
                    continue
                if not cited:
                    self.problems.append(
                        moved(
                            Problem(
                                path,
                                sentence.line,
                                sentence.column,
                                "this sentence cites no statement: put [[statement:<id>]] for "
                                "each statement it sums up before its full stop",
                            )
                        )
                    )
                    continue
                cited_any = True
                support = vocabulary([*self.statement_support(cited, by_id), *names, FRAME_WORDS])
                for word in unsupported(sentence.text, support):
                    self.problems.append(
                        moved(
                            Problem(
                                path,
                                sentence.line,
                                sentence.column,
                                f'"{word}" is not in the quotes, names or dates of the '
                                "statements this sentence cites: use their words, or cite the "
                                "statement that has it",
                            )
                        )
                    )
        if not cited_any and not problems:
            self.problems.append(moved(Problem(path, 0, 0, f"{what} cites no statement")))
        return parsed

    def statement_support(
        self, statements: Iterable[Statement], by_id: Mapping[str, Mapping[str, _Entry]]
    ) -> list[str]:
        """What a summary of these statements may say: their quotes, the names of what they
        link (sources, those answered and those who answered included) and their dates."""
        texts: list[str] = []
        for statement in statements:
            texts += [e.quote for _, e in statement.quotes()]
            texts.append(statement.paraphrase)
            texts += [r.paraphrase for r in statement.reports if r.paraphrase]
            texts += [w.word for w in statement.editorial_words]
            texts += [statement.title or "", statement.kind.label]
            ids = [
                statement.by,
                statement.speaker,
                statement.about,
                statement.backer,
                *statement.groups,
            ]
            whens = [statement.said]
            sources = [r.source for r in statement.reports]
            for report in statement.reports:
                texts += [report.accused_as or "", report.speaker_as or "", *report.groups_as]
                if report.said is not None:
                    whens.append(report.said)
            for step in statement.status:
                texts.append(step.state.label)
                sources.append(step.as_of)
                if step.date is not None:
                    whens.append(step.date)
            for answer in statement.answers:
                texts.append(answer.state.label)
                answered = by_id["statements"].get(answer.statement)
                if answered is not None:
                    target = typing.cast(Statement, answered.record)
                    ids += [target.by, target.speaker]
            if statement.framing is not None:
                sources.append(statement.framing.framed_by)
                ids.append(statement.framing.framer)
            for actor_id in ids:
                if actor_id and actor_id in by_id["actors"]:
                    actor = typing.cast(Actor, by_id["actors"][actor_id].record)
                    texts += _names(actor)
                    if statement.speaker == actor_id:
                        said = _date(statement.said)
                        post = post_at(actor, statement.by, said) if said else None
                        texts.append(title_of(post) if post else "")
            for place_id in statement.places:
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

    # -- sources' ledgers ------------------------------------------------------------------

    def check_ledger(self, entry: _Entry) -> None:
        """Every paragraph of the original is stored (and quoted) or in the ledger with why,
        never both; every stored block is used."""
        source = typing.cast(Source, entry.record)
        paragraphs = self.paragraphs.get(source.id)
        if source.text is None:
            if source.ledger:
                self.at(entry, ["ledger"], "a source with no stored text has no ledger")
            return
        if paragraphs is None:
            return  # the text itself is reported
        if source.original_paragraphs is None:
            self.at(
                entry,
                ["original_paragraphs"],
                "a stored source says how many paragraphs the original has "
                "(original_paragraphs:), so that every one is accounted for",
            )
            return
        total = source.original_paragraphs
        stored = set(paragraphs.cited)
        listed: dict[int, int] = {}
        for i, item in enumerate(source.ledger):
            for j, number in enumerate(item.paragraphs):
                loc: list[str | int] = ["ledger", i, "paragraphs", j]
                if number > total:
                    self.at(
                        entry,
                        loc,
                        f"paragraph {number} is past the original's {total}: correct the number "
                        "or original_paragraphs",
                    )
                elif number in stored:
                    self.at(
                        entry,
                        loc,
                        f"paragraph {number} is stored in the excerpt: a stored paragraph is "
                        "coded, not listed as not coded",
                    )
                elif number in listed:
                    self.at(entry, loc, f"paragraph {number} is listed twice")
                listed.setdefault(number, i)
        for number in sorted(stored):
            if number > total:
                self.at(
                    entry,
                    ["original_paragraphs"],
                    f"the excerpt holds paragraph {number}, past the original's {total}: "
                    "correct the count or the number",
                )
        missing = [n for n in range(1, total + 1) if n not in stored and n not in listed]
        if missing:
            self.at(
                entry,
                ["ledger"],
                f"paragraph{'s' if len(missing) > 1 else ''} {_ranges(missing)} of the "
                "original not accounted for: store and quote each, or list it in the ledger "
                "with the reason it is not coded",
            )
        used = self.used_blocks.get(source.id, set())
        unused = [label for label in paragraphs.numbers if label not in used]
        for label in unused:
            self.at(
                entry,
                ["text"],
                f"[{label}] of {self.inputs.data_dir}/{source.text} is stored but nothing "
                "quotes it: quote it, or remove it from the excerpt"
                + (" and list it in the ledger with the reason" if isinstance(label, int) else ""),
            )

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
            statements=_records(by_id["statements"], Statement),
            exchanges=_records(by_id["exchanges"], Exchange),
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
"""Words a summary may use to attribute, beyond the words of the statements it cites."""

TITLE_WORDS = FRAME_WORDS + " denies denied rejects rejected position"
"""Words an editor's title may use to say what a statement does."""

MOMENT_TOTAL = 8
"""Moments the timeline chart labels in words, in all: more would not fit a phone."""


def restatement_links(statements: Mapping[str, _Entry]) -> dict[str, set[str]]:
    """Each statement's ``restates`` links, both ways."""
    links: dict[str, set[str]] = defaultdict(set)
    for entry in statements.values():
        record = typing.cast(Statement, entry.record)
        if record.restates and record.restates in statements:
            links[record.id].add(record.restates)
            links[record.restates].add(record.id)
    return links


def _family(
    statement: Statement, statements: Mapping[str, _Entry], links: Mapping[str, set[str]]
) -> list[Statement]:
    """Every statement that makes the same allegation again, or that it makes again
    (``restates`` links, either way, transitively), less itself."""
    seen = {statement.id}
    pending = [statement.id]
    while pending:
        for other in links.get(pending.pop(), ()):
            if other not in seen:
                seen.add(other)
                pending.append(other)
    seen.discard(statement.id)
    return [typing.cast(Statement, statements[i].record) for i in sorted(seen)]


def _article(word: str) -> str:
    """ "a" or "an", as the word is said (by its first letter: enough for the vocabularies)."""
    return "an" if word[:1].lower() in "aeiou" else "a"


def _ranges(numbers: Sequence[int]) -> str:
    """ "4", "4 and 7", "4-6, 9 and 11": paragraph numbers as a reader lists them."""
    runs: list[str] = []
    start = previous = numbers[0]
    for number in [*numbers[1:], -1]:
        if number == previous + 1:
            previous = number
            continue
        runs.append(str(start) if start == previous else f"{start}-{previous}")
        start = previous = number
    return runs[0] if len(runs) == 1 else ", ".join(runs[:-1]) + " and " + runs[-1]


def _names(record: Any) -> list[str]:
    """A record's names as a text may give them: name, short name, other names, title."""
    names = [getattr(record, "name", None), getattr(record, "short_name", None)]
    names += list(getattr(record, "other_names", []))
    names += [alias.name for alias in getattr(record, "aliases", [])]
    names += [getattr(record, "title", None), getattr(record, "publisher", None)]
    return [name for name in names if name]


def _raw_evidence_lists(raw: Mapping[str, Any]) -> list[tuple[list[str | int], list[Any]]]:
    """The quotes of a raw record, as evidence: its own, its reports' (with the report's
    source), its states', its answers' and its framing's."""
    found: list[tuple[list[str | int], list[Any]]] = []
    if isinstance(raw.get("evidence"), list):
        found.append((["evidence"], raw["evidence"]))
    reports = raw.get("reports")
    if isinstance(reports, list):
        for i, report in enumerate(reports):
            if isinstance(report, Mapping) and isinstance(report.get("quotes"), list):
                quotes = [
                    {**quote, "source": report.get("source")}
                    if isinstance(quote, Mapping)
                    else quote
                    for quote in report["quotes"]
                ]
                found.append((["reports", i, "quotes"], quotes))
    for name in ("status", "answers"):
        steps = raw.get(name)
        if isinstance(steps, list):
            for i, step in enumerate(steps):
                if isinstance(step, Mapping) and isinstance(step.get("evidence"), list):
                    found.append(([name, i, "evidence"], step["evidence"]))
    framing = raw.get("framing")
    if isinstance(framing, Mapping) and isinstance(framing.get("evidence"), list):
        found.append((["framing", "evidence"], framing["evidence"]))
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
