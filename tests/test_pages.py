"""What each family of generated pages holds, read off the data rather than pinned as bytes.

The golden pages (tests/golden/) pin a few whole pages; these tests hold the rest: every page
has its front matter, every record page links what the data links, listings have a row per
record, figures match the checker's counts. They read the generated Markdown (no MkDocs
build), so they run in a second.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import pytest
import yaml

from conftest import DATA, PAYLOAD
from sitecheck import Page
from titfortat.model import vocab
from titfortat.model.dataset import Dataset
from titfortat.model.quotes import normalise
from titfortat.pipeline import DEFAULT_SITE, build_files, load_dataset
from titfortat.plan import urls
from titfortat.plan.urls import relative
from titfortat.plan.views import Views

SITE = replace(DEFAULT_SITE, repo_blob_url="https://github.com/example/tit-for-tat/blob/main/")


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(DATA, base=DATA.parent)


@pytest.fixture(scope="module")
def views(dataset: Dataset) -> Views:
    return Views.build(dataset)


@pytest.fixture(scope="module")
def pages(dataset: Dataset) -> dict[str, str]:
    files = build_files(dataset, SITE)
    return {path: data.decode("utf-8") for path, data in files.items() if path.endswith(".md")}


def split(markdown: str) -> tuple[dict[str, Any], Page]:
    """A generated page's front matter, and its body as parsed HTML."""
    _, front, body = markdown.split("---\n", 2)
    loaded: dict[str, Any] = yaml.safe_load(front)
    return loaded, Page(body)


def page(pages: Mapping[str, str], url: str) -> tuple[dict[str, Any], Page]:
    return split(pages[urls.source_path(url)])


def links_from(url: str, targets: list[str]) -> set[str]:
    return {relative(url, target) for target in targets}


def test_every_page_has_a_title_a_description_and_one_heading(pages: dict[str, str]) -> None:
    for path, markdown in pages.items():
        if path.startswith(urls.SNIPPETS):
            continue
        front, body = split(markdown)
        assert front["generated"] is True, path
        assert front["title"], path
        assert front["description"].strip(), path
        headings = re.findall(r'<h1 id="page-title">(.*?)</h1>', markdown)
        assert len(headings) == 1, path
        assert headings[0] == front["title"], path
        assert not re.search(r"^# ", markdown, re.MULTILINE), f"{path}: a second h1"
        assert body.text


def test_every_link_is_relative_so_the_site_works_under_any_path(pages: dict[str, str]) -> None:
    for path, markdown in pages.items():
        for link in Page(markdown).links:
            assert not link.startswith("/"), f"{path}: {link}"
            if link.startswith(("http://", "https://")):
                assert not link.startswith(SITE.site_url), f"{path}: {link} is absolute"


def test_record_pages_say_where_their_record_is_written(
    pages: dict[str, str], dataset: Dataset
) -> None:
    for (kind, record_id), origin in dataset.origins.items():
        front, body = page(pages, urls.record_url(kind, record_id))
        assert front["data_file"] == origin.path
        expected = f"{SITE.repo_blob_url}{origin.path}#L{origin.line}"
        assert expected in body.links, (kind, record_id)


def test_the_claims_table_has_a_row_for_every_claim(pages: dict[str, str], views: Views) -> None:
    _, body = page(pages, urls.CLAIMS)
    rows = [attrs for tag, attrs in body.tags if tag == "tr"]
    assert len(rows) == len(views.claims) + 1  # and the header
    assert links_from(urls.CLAIMS, [c.url for c in views.claims.values()]) <= set(body.links)
    for claim in views.claims.values():
        assert claim.status.label in body.text


def test_claim_pages_link_the_claims_around_them(pages: dict[str, str], views: Views) -> None:
    for claim in views.claims.values():
        _, body = page(pages, claim.url)
        expected = [f"{c}" for c in views.answered_by.get(claim.id, [])]
        if claim.framing:
            expected.append(claim.framing.claim_id)
        assert links_from(claim.url, [urls.record_url("claims", c) for c in expected]) <= set(
            body.links
        ), claim.id
        events = [urls.record_url("events", e) for e in claim.event_ids]
        assert links_from(claim.url, events) <= set(body.links), claim.id
        for quote in claim.evidence:
            assert f"paragraph {quote.paragraph}" in body.text


def test_every_caveat_reaches_its_claim_page(pages: dict[str, str], views: Views) -> None:
    """The claim's note, every state's note and the framing's note are on the claim page,
    each in the notes section; elsewhere a marker leads there."""
    seen = 0
    for claim in views.claims.values():
        _, body = page(pages, claim.url)
        for _about, note in claim.notes:
            assert normalise(note) in body.text, (claim.id, note)
            seen += 1
        for word, reason in claim.editorial_words:
            assert normalise(reason) in body.text, (claim.id, word)
        if claim.notes:
            assert "## Notes { #notes }" in pages[urls.source_path(claim.url)], claim.id
    assert seen >= 20


def test_claim_pages_show_the_answers_over_time_in_order(
    pages: dict[str, str], views: Views
) -> None:
    for claim in views.claims.values():
        markdown = pages[urls.source_path(claim.url)]
        section = markdown.split("{ #answers }", 1)[1]
        positions = [section.find(step.as_of.text) for step in claim.history]
        assert all(p >= 0 for p in positions), claim.id
        labels = [section.find(step.label) for step in claim.history]
        assert labels == sorted(labels) or len({s.label for s in claim.history}) < len(
            claim.history
        ), claim.id


def test_actor_pages_list_what_they_accuse_and_are_accused_of(
    pages: dict[str, str], views: Views, dataset: Dataset
) -> None:
    for actor_id in dataset.actors:
        url = urls.record_url("actors", actor_id)
        _, body = page(pages, url)
        accuses = views.claims_by_accuser.get(actor_id, [])
        accused = views.claims_by_accused.get(actor_id, [])
        for claim_id in (*accuses, *accused):
            assert relative(url, urls.record_url("claims", claim_id)) in body.links, (
                actor_id,
                claim_id,
            )
        spoken = views.claims_by_speaker.get(actor_id, [])
        if accuses:
            assert re.search(rf"accuser in {len(accuses)} claims?\b", body.text), actor_id
        elif spoken:
            assert re.search(rf"speaker in {len(spoken)} claims?\b", body.text), actor_id
        else:
            assert "accuser in none" in body.text, actor_id
        if not accused:
            assert "accused in none" in body.text, actor_id
        assert not re.search(r"\b0 claims|\b1 claims", body.text), actor_id


def test_place_pages_show_where_the_place_is_and_what_names_it(
    pages: dict[str, str], views: Views, dataset: Dataset
) -> None:
    for place_id in dataset.places:
        url = urls.record_url("places", place_id)
        _, body = page(pages, url)
        chain = views.place_chain(place_id)
        crumbs = [link for link in body.links if "/places/" in link or link.startswith("../")]
        for parent in chain[:-1]:
            assert relative(url, urls.record_url("places", parent)) in crumbs
        named = [*views.claims_by_place.get(place_id, [])]
        for inner in views.descendants(place_id):
            named += views.claims_by_place.get(inner, [])
        for claim_id in named:
            assert relative(url, urls.record_url("claims", claim_id)) in body.links


def test_event_pages_give_their_date_quotes_and_claims(pages: dict[str, str], views: Views) -> None:
    for event in views.events.values():
        _, body = page(pages, event.url)
        if event.date:
            assert normalise(event.date.display) in body.text
        for quote in event.evidence:
            assert f"paragraph {quote.paragraph}" in body.text
        for claim_id in views.claims_by_event.get(event.id, []):
            assert relative(event.url, urls.record_url("claims", claim_id)) in body.links


def test_source_pages_list_the_paragraphs_they_are_quoted_from(
    pages: dict[str, str], views: Views, dataset: Dataset
) -> None:
    for source_id, source in dataset.sources.items():
        url = urls.record_url("sources", source_id)
        _, body = page(pages, url)
        for number, count in views.quotes_by_paragraph.get(source_id, {}).items():
            assert f"paragraph {number} ({count} quote" in body.text
        if source.url:
            assert source.url in body.links


def test_the_matrix_has_a_cell_for_every_pair_and_marks_the_reciprocal(
    pages: dict[str, str], views: Views
) -> None:
    _, body = page(pages, urls.MATRIX)
    pairs = {(c.accuser_id, c.accused_id) for c in views.claims.values()}
    ids = {dict(attrs).get("id") for _, attrs in body.tags}
    for accuser, accused in pairs:
        assert urls.pair_anchor(accuser, accused) in ids
    for claim in views.claims.values():
        assert relative(urls.MATRIX, claim.url) in body.links
    reciprocal = {(a, b) for a, b in pairs if views.both_ways(a, b)}
    assert reciprocal, "the real data has two countries whose actors accuse each other"
    assert ("pakistan-government", "afghanistan") in reciprocal
    assert ("taliban-government", "pakistan") in reciprocal
    assert ("taliban-government", "is-kp") not in reciprocal
    assert body.text.count("both ways") >= len(reciprocal)


def test_indexes_link_every_record(pages: dict[str, str], dataset: Dataset) -> None:
    for kind, index in (
        ("actors", urls.ACTORS),
        ("places", urls.PLACES),
        ("events", urls.EVENTS),
        ("sources", urls.SOURCES),
    ):
        _, body = page(pages, index)
        records = [urls.record_url(kind, record_id) for record_id in getattr(dataset, kind)]
        assert links_from(index, records) <= set(body.links), kind


def test_the_health_page_reports_what_the_checker_counted(
    pages: dict[str, str], dataset: Dataset
) -> None:
    _, body = page(pages, urls.HEALTH)
    stats = dataset.stats
    assert f"{stats.quotes_verified} quotes found word for word" in body.text
    assert f"{stats.references_resolved} references between records resolved" in body.text
    generated = sum(1 for path in pages if not path.startswith(urls.SNIPPETS))
    assert f"{generated} pages generated" in body.text


def test_the_method_page_lists_every_term_of_every_vocabulary(pages: dict[str, str]) -> None:
    snippet = Page(pages[f"{urls.SNIPPETS}vocabularies.md"])
    for name, terms in vocab.VOCABULARIES.items():
        assert f"vocabulary-{name.replace(' ', '-').lower()}" in snippet.ids
        for term in terms:
            assert term.value in snippet.text, term
            assert term.label in snippet.text, term


def test_every_vocabulary_term_can_be_built() -> None:
    """Every term of every vocabulary carries every fact its vocabulary declares, so no page
    can look one up and fail (adding a place kind once crashed the build)."""
    for terms in vocab.VOCABULARIES.values():
        own = [n for n in terms.__annotations__ if n not in ("label", "definition")]
        for term in terms:
            assert term.label, term
            assert term.definition, term
            for name in own:
                assert hasattr(term, name), (term, name)


def test_the_payload_data_builds_every_page_family() -> None:
    files = build_files(load_dataset(PAYLOAD, base=PAYLOAD.parent), SITE)
    families = {path.split("/")[0] for path in files if path.endswith(".md")}
    assert {"index.md", "claims", "actors", "places", "events", "sources", "timeline"} <= families
