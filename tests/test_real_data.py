"""The real dataset: it passes, it is complete, and its schema and editor hints are current."""

from __future__ import annotations

import json

import jsonschema
import yaml

from conftest import DATA
from titfortat.check import CheckResult
from titfortat.model.dataset import Dataset
from titfortat.model.records import schema_text

SOURCE = "policyeast-tit-for-tat-accusations"

PARAGRAPHS_WITHOUT_ALLEGATIONS = {11, 14, 15, 17}
"""Paragraphs of the article that no claim quotes (checked by reading them): 11 is about
Pakistan's economy and politics, 14 the author's own analysis of the neighbours' concerns,
15 the outlook for relations, 17 the conclusion."""


def test_real_data_passes_the_checker(real_result: CheckResult) -> None:
    assert real_result.problems == []
    assert real_result.dataset is not None
    records = real_result.dataset.stats.records
    assert records["claims"] >= 30
    assert records["sources"] >= 10
    assert real_result.dataset.stats.quotes_verified >= 80


def _quoted(dataset: Dataset) -> dict[str, set[int]]:
    """The paragraphs every record quotes, by source."""
    quoted: dict[str, set[int]] = {}
    evidence = [e for event in dataset.events.values() for e in event.evidence]
    for claim in dataset.claims.values():
        evidence += claim.evidence
        evidence += [e for step in claim.status for e in step.evidence]
        evidence += claim.answers.evidence if claim.answers else []
    for item in evidence:
        quoted.setdefault(item.source, set()).add(item.paragraph)
    return quoted


def test_every_paragraph_that_alleges_is_cited(real_result: CheckResult) -> None:
    dataset = real_result.dataset
    assert dataset is not None
    assert dataset.sources[SOURCE].original_paragraphs == 17
    cited = {
        evidence.paragraph
        for claim in dataset.claims.values()
        for evidence in claim.evidence
        if evidence.source == SOURCE
    }
    assert cited == set(range(1, 18)) - PARAGRAPHS_WITHOUT_ALLEGATIONS


def test_excerpts_hold_only_what_is_quoted(real_result: CheckResult) -> None:
    """The repository is public and the texts are not ours: a stored text holds the paragraphs
    that records quote, under their numbers in the original, and nothing more."""
    dataset = real_result.dataset
    assert dataset is not None
    quoted = _quoted(dataset)
    for source_id, paragraphs in dataset.paragraphs.items():
        source = dataset.sources[source_id]
        assert source.url, f"{source_id}: an excerpt names its original"
        assert set(paragraphs.cited) == quoted.get(source_id, set()), source_id
        if source.original_paragraphs is not None:
            assert max(paragraphs.cited) <= source.original_paragraphs, source_id
    follow_ups = [s for s in dataset.paragraphs if s != SOURCE]
    assert len(follow_ups) >= 3


def test_the_pairing_is_the_articles_framing(real_result: CheckResult) -> None:
    """The Taliban's IS-KP allegations are presented by the article as its answer to
    Pakistan's TTP allegation: that is the story, and it is the article's framing, with the
    article's words, not an answer the data asserts."""
    dataset = real_result.dataset
    assert dataset is not None
    pakistan = dataset.claims["pakistan-says-ttp-operates-from-afghanistan"]
    assert (pakistan.accuser, pakistan.accused, pakistan.group) == (
        "pakistan-government",
        "afghanistan",
        "ttp",
    )
    # No response in Policy East; Kabul's standing denial, as Arab News gives it in January
    # 2025, denies in its words what the claim alleges (it is also the answer to Islamabad's
    # standing accusation in the same paragraph).
    assert [(s.state.value, s.as_of) for s in pakistan.status] == [
        ("no-response-reported", SOURCE),
        ("denied", "arab-news-2025-01-24"),
    ]
    assert pakistan.status[1].date is None  # undated: shown as "by 24 Jan 2025"
    standing = dataset.claims["pakistan-says-afghanistan-shelters-and-supports-militant-groups"]
    assert [step.state.value for step in standing.status] == ["denied"]
    framed = [
        claim
        for claim in dataset.claims.values()
        if claim.answers is not None and claim.answers.claim == pakistan.id
    ]
    assert {c.group for c in framed} == {"is-kp"}
    assert all(c.accuser == "taliban-government" for c in framed)
    assert all(c.answers and c.answers.framed_by == SOURCE for c in framed)
    assert all(
        c.answers and any("turned the tables" in e.quote for e in c.answers.evidence)
        for c in framed
    )
    # The framing is no answer: Pakistan's claim is not "countered" on the strength of it.
    assert all(step.state.value != "countered" for step in pakistan.status)


def test_the_camps_claim_has_answers_over_time(real_result: CheckResult) -> None:
    dataset = real_result.dataset
    assert dataset is not None
    camps = dataset.claims["taliban-says-iskp-has-training-camps-in-pakistan"]
    assert [(s.state.value, s.as_of) for s in camps.status] == [
        ("no-official-response", SOURCE),
        ("denied", "arab-news-2025-01-24"),
    ]


def test_the_article_date_is_an_inferred_interval(real_result: CheckResult) -> None:
    """No date is printed on the article: its date is inferred from the posts around it."""
    dataset = real_result.dataset
    assert dataset is not None
    article = dataset.sources[SOURCE]
    assert article.published is not None
    assert (article.published.date, article.published.basis) == (
        "2024-10-03/2024-10-05",
        "inferred",
    )
    assert article.published.note is not None
    assert "3 October and 5 October 2024" in article.published.note


def test_schema_file_is_generated_from_the_model() -> None:
    committed = (DATA / "dataset.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), (
        "data/dataset.schema.json is out of date: run `titfortat schema --write "
        "data/dataset.schema.json`"
    )
    schema = json.loads(committed)
    claim = schema["$defs"]["Claim"]
    assert claim["additionalProperties"] is False
    assert "territory-used" in claim["properties"]["allegation"]["enum"]


def test_data_files_carry_the_editor_schema_line() -> None:
    for path in sorted(DATA.glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=dataset.schema.json", path.name


def test_schema_accepts_the_real_data() -> None:
    schema = json.loads((DATA / "dataset.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for path in sorted(DATA.glob("*.yaml")):
        # The checker reads dates as text; a plain YAML load makes them dates, so quote-free
        # values are normalised back to their written form first.
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=_TextDatesLoader)
        errors = sorted(validator.iter_errors(document), key=str)
        assert not errors, f"{path.name}: {errors[0].message} at {list(errors[0].path)}"


class _TextDatesLoader(yaml.SafeLoader):
    """A YAML loader that keeps timestamps as the text they were written as."""


_TextDatesLoader.add_constructor(
    "tag:yaml.org,2002:timestamp",
    lambda loader, node: loader.construct_scalar(node),
)
