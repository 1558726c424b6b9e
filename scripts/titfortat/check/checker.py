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

from titfortat.check.problems import Problem
from titfortat.check.yamlsafe import YamlDocument, parse_yaml
from titfortat.load.inputs import Inputs
from titfortat.model import vocab
from titfortat.model.dataset import Dataset, Origin, Stats
from titfortat.model.quotes import Paragraphs, closest_text
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
        status = raw.get("status")
        lists: list[tuple[list[str | int], Any]] = [(["evidence"], raw.get("evidence"))]
        if isinstance(status, dict):
            lists.append((["status", "evidence"], status.get("evidence")))
        placeholder = _Entry(kind, index, _Unnamed(id=raw.get("id")), doc)
        for loc, items in lists:
            if not isinstance(items, list):
                continue
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
            paragraphs = Paragraphs.from_text(text)
            if not len(paragraphs):
                self.at(entry, ["text"], f"{self.inputs.data_dir}/{source.text} is empty")
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
        if paragraphs is None:
            if source.text is None:
                self.at(
                    entry,
                    [*loc, "source"],
                    f"source {evidence.source!r} has no stored text, so a quote from it cannot "
                    "be checked: add 'text:' to the source or quote one that has it",
                )
            return
        if evidence.paragraph > len(paragraphs):
            self.at(
                entry,
                [*loc, "paragraph"],
                f"source {evidence.source!r} has {len(paragraphs)} paragraphs, "
                f"not {evidence.paragraph}",
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
        closest = closest_text(evidence.quote, paragraphs.raw[evidence.paragraph - 1])
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
        self.check_answers(claims)
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
        for i, evidence in enumerate(claim.status.evidence):
            self.check_evidence(entry, ["status", "evidence", i], evidence, sources)
        if claim.status.state.quoted and not claim.status.evidence:
            self.at(
                entry,
                ["status"],
                f"'{claim.status.state}' means a source says so: quote it under "
                "status.evidence, or use 'no-response-reported'",
            )
        if claim.kind.answers_another and claim.answers is None:
            self.at(
                entry,
                ["answers"],
                f"a {claim.kind} must name the claim it answers (answers: <claim id>)",
            )

    def check_answers(self, claims: Mapping[str, _Entry]) -> None:
        answered_by: dict[str, list[Claim]] = {}
        for entry in claims.values():
            claim = typing.cast(Claim, entry.record)
            if claim.answers is None:
                continue
            target = claims.get(claim.answers)
            if target is None:
                continue
            if claim.answers == claim.id:
                self.at(entry, ["answers"], "a claim cannot answer itself")
                continue
            answered = typing.cast(Claim, target.record)
            if claim.accuser != answered.accused:
                self.at(
                    entry,
                    ["answers"],
                    f"claim {answered.id!r} accuses {answered.accused!r}, "
                    f"but this claim's accuser is {claim.accuser!r}: only the accused "
                    "answers an accusation",
                )
            answered_by.setdefault(answered.id, []).append(claim)
            seen = {claim.id}
            step: Claim | None = answered
            while step is not None and step.answers is not None:
                if step.id in seen:
                    self.at(entry, ["answers"], "claims answer each other in a loop")
                    break
                seen.add(step.id)
                nxt = claims.get(step.answers)
                step = typing.cast(Claim, nxt.record) if nxt else None
        for claim_id, entry in claims.items():
            claim = typing.cast(Claim, entry.record)
            answers = answered_by.get(claim_id, [])
            state = claim.status.state
            if state.needs_counter_claim and not any(a.kind.answers_another for a in answers):
                self.at(
                    entry,
                    ["status", "state"],
                    f"'{state}' needs a counter-allegation whose answers: names this claim",
                )
            if not state.answered and answers:
                self.at(
                    entry,
                    ["status", "state"],
                    f"says '{state}', but claim "
                    f"{answers[0].id!r} answers it: set the state to how it was answered",
                )

    def run(self) -> CheckResult:
        self.read_files()
        by_id = self.unique_ids()
        self.check_info()
        self.load_texts(by_id["sources"])
        self.check_references(by_id)
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
        )
        return CheckResult([], dataset)


@dataclass(frozen=True)
class _Unnamed:
    """Stands in for a record that failed validation, to report on its valid parts."""

    id: Any


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
