"""The real dataset: it passes the checker, and every invariant of tests/invariants.py holds
on the site built from it. Nothing here names a record of the real data or counts them, so
a data-only edit that passes ``make check`` passes these too (the last tests make such an
edit and show it); golden pages are kept for fixture datasets only (tests/test_golden.py).
"""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest
import yaml

import invariants
from conftest import DATA, MINIMAL_TEXT, MINIMAL_YAML
from invariants import INVARIANTS, Built
from titfortat.check import CheckResult, check
from titfortat.check.problems import report
from titfortat.load.files import read_inputs
from titfortat.load.inputs import Inputs
from titfortat.model.records import schema_text
from titfortat.pipeline import load_dataset
from titfortat.plan import urls


@pytest.fixture(scope="module")
def real_site() -> Built:
    return Built(load_dataset(DATA, base=DATA.parent))


def test_real_data_passes_the_checker(real_result: CheckResult) -> None:
    assert real_result.problems == [], report(real_result.problems)
    assert real_result.dataset is not None
    records = real_result.dataset.stats.records
    assert records["statements"] > 0
    assert records["sources"] > 0
    assert real_result.dataset.stats.quotes_verified > 0


@pytest.mark.parametrize("invariant", INVARIANTS, ids=[i.__name__ for i in INVARIANTS])
def test_the_real_data_keeps_every_invariant(
    real_site: Built, invariant: Callable[[Built], None]
) -> None:
    invariant(real_site)


def test_excerpts_hold_only_what_is_quoted_or_worded(real_result: CheckResult) -> None:
    """The repository is public and the texts are not ours: a stored text holds the
    paragraphs that records quote (or whose words date a statement or name whom a report
    means), under their numbers in the original, and nothing more; every excerpt names its
    original."""
    dataset = real_result.dataset
    assert dataset is not None
    quoted: dict[str, set[int | str]] = {}
    for event in dataset.events.values():
        for evidence in event.evidence:
            quoted.setdefault(evidence.source, set()).add(evidence.paragraph)
    for statement in dataset.statements.values():
        for _, evidence in statement.quotes():
            quoted.setdefault(evidence.source, set()).add(evidence.paragraph)
    worded = invariants.worded_blocks(dataset)
    assert dataset.paragraphs
    for source_id, paragraphs in dataset.paragraphs.items():
        source = dataset.sources[source_id]
        assert source.url, f"{source_id}: an excerpt names its original"
        used = quoted.get(source_id, set()) | worded.get(source_id, set())
        assert set(paragraphs.cited) <= used, source_id
        assert set(paragraphs.cited) >= quoted.get(source_id, set()), source_id


def test_no_superseded_source_is_cited(real_result: CheckResult) -> None:
    dataset = real_result.dataset
    assert dataset is not None
    superseded = {s for s, source in dataset.sources.items() if source.superseded_by}
    for statement in dataset.statements.values():
        cited = {e.source for _, e in statement.quotes()}
        cited |= {step.as_of for step in statement.status}
        assert not cited & superseded, statement.id


# -- a data-only edit ----------------------------------------------------------------------------


class _TextDatesLoader(yaml.SafeLoader):
    """A YAML loader that keeps timestamps as the text they were written as."""


def _as_text(loader: yaml.SafeLoader, node: yaml.Node) -> str:
    assert isinstance(node, yaml.ScalarNode)
    return str(loader.construct_scalar(node))


_TextDatesLoader.add_constructor("tag:yaml.org,2002:timestamp", _as_text)


def _edit(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Load a data file, change it, and write it back as YAML."""
    document: dict[str, Any] = yaml.load(path.read_text(encoding="utf-8"), Loader=_TextDatesLoader)
    change(document)
    path.write_text(
        yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100),
        encoding="utf-8",
    )


def _data_files_with(data: Path, key: str) -> list[Path]:
    """The data files that hold a collection, in name order."""
    return [
        path
        for path in sorted(data.glob("*.yaml"))
        if key in (yaml.load(path.read_text(encoding="utf-8"), Loader=_TextDatesLoader) or {})
    ]


def _edited(
    tmp_path: Path, change: Callable[[dict[str, Any]], None], key: str, *, every: bool = False
) -> Built:
    """The real data, copied, with the first data file that holds ``key`` changed (or every
    one); checked and built."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    files = _data_files_with(data, key)
    assert files, key
    for path in files if every else files[:1]:
        _edit(path, change)
    result = check(read_inputs(data, tmp_path))
    assert result.dataset is not None, report(result.problems)
    return Built(result.dataset)


NEW_ID = "a-statement-added-by-a-test"


def _add_statement(document: dict[str, Any]) -> None:
    """A second record of the first statement under a new id: as correct as the first, and
    about the same records, so every page that shows one shows the other."""
    statements = document["statements"]
    added = copy.deepcopy(statements[0])
    added["id"] = NEW_ID
    added.pop("restates", None)
    added["note"] = f"Added by a test; see [[statement:{statements[0]['id']}|the one it copies]]."
    statements.append(added)


NOTE = "A note changed by a test, which links [[place:{place}|a place it names]]."


def _change_a_note(document: dict[str, Any]) -> None:
    """A new note on every statement, each with a link."""
    for statement in document["statements"]:
        place = statement.get("places", [None])[0] if statement.get("places") else None
        statement["note"] = NOTE.format(place=place) if place else "A note changed by a test."


def test_adding_a_correct_statement_keeps_every_invariant(tmp_path: Path) -> None:
    site = _edited(tmp_path, _add_statement, "statements")
    assert NEW_ID in site.dataset.statements
    assert "the one it copies" in site.text(urls.record_url("statements", NEW_ID))
    for invariant in INVARIANTS:
        invariant(site)


def test_changing_notes_keeps_every_invariant(tmp_path: Path) -> None:
    site = _edited(tmp_path, _change_a_note, "statements", every=True)
    for statement_id in site.dataset.statements:
        assert "A note changed by a test" in site.text(urls.record_url("statements", statement_id))
    for invariant in INVARIANTS:
        invariant(site)


def _worded_only() -> Built:
    """The minimal data with a sixth paragraph stored only for a report's wording (the
    speaker as the source calls him), which the checker accepts as its use."""
    yaml_text = MINIMAL_YAML.replace("      - paragraphs: [6]\n        reason: analysis\n", "")
    yaml_text = yaml_text.replace(
        "            quote: the other group has camps in Pakistan\n",
        "            quote: the other group has camps in Pakistan\n"
        "        speaker_as: the Kabul spokesman\n",
    )
    text = MINIMAL_TEXT + "\n[6]\nSixth paragraph: so said the Kabul spokesman.\n"
    files = {"data/minimal.yaml": yaml_text.encode()}
    result = check(Inputs(files=files, texts={"texts/src.txt": text.encode()}))
    assert result.dataset is not None, report(result.problems)
    return Built(result.dataset)


def test_a_paragraph_stored_for_a_wording_is_accounted_for() -> None:
    site = _worded_only()
    assert 6 in invariants.worded_blocks(site.dataset)["src"]
    invariants.every_paragraph_is_used_or_in_a_ledger(site)


def test_the_ledger_says_no_paragraph_is_quoted_that_no_quote_cites() -> None:
    assert invariants.paragraphs_said_to_be_quoted_without_a_quote(_worded_only()) == []


def test_the_invariants_catch_what_they_guard(real_site: Built) -> None:
    """Each invariant fails on a site that breaks it: they are not true of anything."""
    statement_id = next(iter(real_site.dataset.statements))
    page = urls.source_path(urls.record_url("statements", statement_id))
    missing = {path: data for path, data in real_site.files.items() if path != page}
    broken = Built(real_site.dataset, missing)
    with pytest.raises(AssertionError, match=statement_id):
        invariants.every_record_has_its_page(broken)
    anchor = f'id="claim-{statement_id}"'.encode()
    timeline = next(
        path
        for path, data in real_site.files.items()
        if path.startswith(urls.TIMELINE) and anchor in data
    )
    twice = dict(real_site.files)
    entry = twice[timeline].split(anchor, 1)[1].split(b"</li>", 1)[0]
    twice[timeline] += b'\n<li class="tft-entry" ' + anchor + entry + b"</li>\n"
    with pytest.raises(AssertionError, match=f"claim-{statement_id} is on the timeline 2 times"):
        invariants.each_statement_is_once_on_the_timeline(Built(real_site.dataset, twice))
    sources = list(real_site.dataset.paragraphs)
    no_ledger = dict(real_site.files)
    for source_id in sources:
        path = urls.source_path(urls.record_url("sources", source_id))
        no_ledger[path] = no_ledger[path].replace(b"{ #ledger", b"{ #other")
    with pytest.raises(AssertionError, match="its page shows no ledger"):
        invariants.every_paragraph_is_used_or_in_a_ledger(Built(real_site.dataset, no_ledger))


# -- the schema ------------------------------------------------------------------------------


def test_schema_file_is_generated_from_the_model() -> None:
    committed = (DATA / "dataset.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), (
        "data/dataset.schema.json is out of date: run `titfortat schema --write "
        "data/dataset.schema.json`"
    )
    schema = json.loads(committed)
    statement = schema["$defs"]["Statement"]
    assert statement["additionalProperties"] is False
    assert "territory-used" in statement["properties"]["allegation"]["enum"]


def test_data_files_carry_the_editor_schema_line() -> None:
    for path in sorted(DATA.glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=dataset.schema.json", path.name


def test_schema_accepts_the_real_data() -> None:
    schema = json.loads(schema_text())
    validator = jsonschema.Draft202012Validator(schema)
    for path in sorted(DATA.glob("*.yaml")):
        # The checker reads dates as text; a plain YAML load makes them dates, so quote-free
        # values are normalised back to their written form first.
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=_TextDatesLoader)
        errors = sorted(validator.iter_errors(document), key=str)
        assert not errors, f"{path.name}: {errors[0].message} at {list(errors[0].path)}"
