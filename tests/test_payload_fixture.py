"""The payload fixture (tests/fixtures/payload/) stays what the other tests take it to be: a
dataset that passes the checker, with an HTML, Markdown or Jinja payload in every text field
the model has, new fields included, and every shape of record the site shows.

tests/test_site.py, tests/test_golden.py and tests/browser/test_payload.py then show that
every one of those payloads comes out inert; these tests make sure a field added to the model
cannot be left out of the fixture unnoticed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

import pytest
from pydantic import BaseModel

from conftest import PAYLOAD
from titfortat.check import check
from titfortat.check.problems import report
from titfortat.load.files import read_inputs
from titfortat.model import vocab
from titfortat.model.dataset import Dataset
from titfortat.model.inbrief import link_parts
from titfortat.model.records import COLLECTIONS, json_schema
from titfortat.model.references import linked_texts
from titfortat.plan.views import Views

PAYLOAD_MARK = re.compile(r"[<>{}\[\]`*|&]")
"""What makes a text a payload: markup of HTML, Markdown, Jinja or a table."""

NO_PAYLOAD_POSSIBLE = {("EditorialWord", "word")}
"""Text fields that cannot hold markup: an editorial word must be a word of the paraphrase."""


@pytest.fixture(scope="module")
def payload() -> Dataset:
    result = check(read_inputs(PAYLOAD, PAYLOAD.parent))
    assert result.dataset is not None, report(result.problems)
    return result.dataset


def _is_text(schema: dict[str, Any]) -> bool:
    """A free-text field's schema: a string of bounded length with no pattern, format or
    vocabulary (ids, addresses, paths, dates and codes have one)."""
    return (
        schema.get("type") == "string"
        and schema.get("minLength") == 1
        and "maxLength" in schema
        and not {"pattern", "format", "enum"} & set(schema)
    )


def text_fields() -> set[tuple[str, str]]:
    """Every free-text field of every record, as (model, field), read off the JSON Schema."""
    found: set[tuple[str, str]] = set()
    for model, definition in json_schema()["$defs"].items():
        for name, schema in definition.get("properties", {}).items():
            options = schema.get("anyOf", [schema])
            for option in options:
                if _is_text(option) or _is_text(option.get("items", {})):
                    found.add((model, name))
    return found


def _values(record: BaseModel, found: dict[tuple[str, str], list[str]]) -> None:
    """Every string of every field of a record and of the records it nests, by field."""
    model = type(record).__name__
    for name in type(record).model_fields:
        value = getattr(record, name)
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, BaseModel):
                _values(item, found)
            elif isinstance(item, str):
                found[(model, name)].append(item)


def test_the_model_has_the_text_fields_the_fixture_covers() -> None:
    fields = text_fields()
    for expected in (
        ("Report", "paraphrase"),
        ("Report", "accused_as"),
        ("Report", "speaker_as"),
        ("Report", "groups_as"),
        ("Answer", "note"),
        ("LedgerEntry", "note"),
        ("Alias", "name"),
        ("Alias", "note"),
        ("Membership", "title"),
        ("Statement", "title"),
        ("Exchange", "summary"),
        ("Moment", "label"),
        ("Source", "copy_of"),
    ):
        assert expected in fields, expected
    assert ("Statement", "id") not in fields
    assert ("Source", "url") not in fields


def test_every_text_field_carries_a_payload(payload: Dataset) -> None:
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    _values(payload.info, found)
    for kind in COLLECTIONS:
        for record in getattr(payload, kind).values():
            _values(record, found)
    missing = sorted(
        f"{model}.{name}"
        for model, name in text_fields() - NO_PAYLOAD_POSSIBLE
        if not any(PAYLOAD_MARK.search(value) for value in found[(model, name)])
    )
    assert missing == [], f"text fields with no payload in the fixture: {missing}"


def test_every_note_links_a_record_with_payload_words(payload: Dataset) -> None:
    """Each kind of note that links records does so somewhere, with payload words."""
    linking: set[str] = set()
    for kind in COLLECTIONS:
        for record in getattr(payload, kind).values():
            for loc, text in linked_texts(record):
                for part in link_parts(text):
                    if part.collection is not None and PAYLOAD_MARK.search(part.text):
                        linking.add(f"{kind}.{'.'.join(str(s) for s in loc if isinstance(s, str))}")
    for expected in (
        "sources.ledger.note",
        "actors.aliases.note",
        "events.note",
        "statements.note",
        "statements.reports.note",
        "statements.answers.note",
        "exchanges.note",
    ):
        assert expected in linking, expected


def test_the_payload_has_every_shape_the_site_shows(payload: Dataset) -> None:
    views = Views.build(payload)
    statements = payload.statements.values()
    reported_twice = [s for s in statements if len(s.reports) > 1]
    assert any(any(r.paraphrase for r in s.reports) for s in reported_twice), "a report in part"
    ties = {(a.tie, a.state) for s in statements for a in s.answers}
    assert (vocab.Tie.NAMED, vocab.Status.DENIED) in ties, "a denial tied by name"
    assert (vocab.Tie.MET, vocab.Status.COUNTERED) in ties, "a counter-accusation"
    assert views.standing_positions, "a standing position"
    assert any(views.standing_on(s.id) for s in statements), "shown beside an allegation"
    assert any(views.related_denials(s.id) for s in statements), "a restatement, denied"
    copies = {i for i, s in payload.sources.items() if s.copy_of}
    assert any(
        {r.source for r in s.reports} & copies and {r.source for r in s.reports} - copies
        for s in statements
    ), "a statement reported by an original and a republished copy"
    assert any(s.superseded_by for s in payload.sources.values()), "a superseded source"
    assert any(s.ledger for s in payload.sources.values()), "a ledger"
    assert any(x.moments for x in payload.exchanges.values()), "an exchange with a moment"
    assert any(s.status for s in statements), "what a source says of the answers"
    assert any(s.framing for s in statements), "a framing"
    assert any(r.said for s in statements for r in s.reports), "a report's own date"
    assert any(r.places is not None for s in statements for r in s.reports), "a report's places"
    assert payload.in_brief is not None
