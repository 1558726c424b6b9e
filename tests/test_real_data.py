"""The real dataset: it passes, it is complete, and its schema and editor hints are current."""

from __future__ import annotations

import json

import jsonschema
import yaml

from conftest import DATA
from titfortat.check import CheckResult
from titfortat.model.records import schema_text

SOURCE = "policyeast-tit-for-tat-accusations"

PARAGRAPHS_WITHOUT_ALLEGATIONS = {11, 15, 17}
"""Paragraphs of the article that allege nothing about anyone (checked by reading them):
11 is about Pakistan's economy and politics, 15 about the outlook for relations, 17 the
conclusion."""


def test_real_data_passes_the_checker(real_result: CheckResult) -> None:
    assert real_result.problems == []
    assert real_result.dataset is not None
    records = real_result.dataset.stats.records
    assert records["claims"] >= 20
    assert records["events"] >= 9
    assert real_result.dataset.stats.quotes_verified >= 50


def test_every_paragraph_that_alleges_is_cited(real_result: CheckResult) -> None:
    dataset = real_result.dataset
    assert dataset is not None
    paragraphs = dataset.paragraphs[SOURCE]
    assert len(paragraphs) == 17, "the article's body has 17 paragraphs"
    cited = {
        evidence.paragraph
        for claim in dataset.claims.values()
        for evidence in claim.evidence
        if evidence.source == SOURCE
    }
    expected = set(range(1, 18)) - PARAGRAPHS_WITHOUT_ALLEGATIONS
    assert cited == expected


def test_the_pairing_is_in_the_data(real_result: CheckResult) -> None:
    """The Taliban's IS-KP allegations answer Pakistan's TTP allegation: that is the story."""
    dataset = real_result.dataset
    assert dataset is not None
    answers = {
        claim.id: claim.answers for claim in dataset.claims.values() if claim.answers is not None
    }
    pakistan = dataset.claims["pakistan-says-ttp-operates-from-afghanistan"]
    assert (pakistan.accuser, pakistan.accused, pakistan.group) == (
        "pakistan-government",
        "taliban-government",
        "ttp",
    )
    assert pakistan.status.state == "countered"
    answering = [dataset.claims[c] for c, target in answers.items() if target == pakistan.id]
    assert {c.group for c in answering} == {"is-kp"}
    assert all(c.accuser == "taliban-government" for c in answering)
    assert all(c.status.state == "unanswered" for c in answering)


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
