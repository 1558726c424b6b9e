"""The Atom feed, read as a feed reader reads it: valid Atom, stable ids, entries that link to
pages that exist, and the data's text shown as text."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

import feedparser
import pytest

from conftest import DATA, PAYLOAD
from titfortat.model.dataset import Dataset
from titfortat.pipeline import DEFAULT_SITE, build_files, load_dataset
from titfortat.plan import urls
from titfortat.plan.views import Views

SITE = replace(DEFAULT_SITE, site_url="https://example.org/tit-for-tat/")


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(DATA, base=DATA.parent)


@pytest.fixture(scope="module")
def files(dataset: Dataset) -> dict[str, bytes]:
    return build_files(dataset, SITE)


@pytest.fixture(scope="module")
def feed(files: dict[str, bytes]) -> feedparser.FeedParserDict:
    return feedparser.parse(files[urls.FEED])


def test_the_feed_is_well_formed_atom(feed: feedparser.FeedParserDict) -> None:
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title
    assert feed.feed.id.startswith("tag:example.org,2026:")
    assert feed.feed.links[0].href == "https://example.org/tit-for-tat/feed.xml"
    assert feed.feed.updated_parsed is not None


def test_entries_are_claims_answers_and_sources_newest_first(
    feed: feedparser.FeedParserDict, dataset: Dataset
) -> None:
    views = Views.build(dataset)
    categories = [entry.tags[0].term for entry in feed.entries]
    assert categories.count("claim") == len(dataset.claims)
    quoted = [s for s in dataset.sources.values() if s.text is not None]
    assert categories.count("source") == len(quoted)
    answers = sum(
        1
        for claim in views.claims.values()
        for number, step in enumerate(claim.history)
        if step.answered or (number and claim.history[number - 1].state is not step.state)
    )
    assert categories.count("answer") == answers >= 7
    stamps = [entry.updated_parsed for entry in feed.entries]
    assert stamps == sorted(stamps, reverse=True)
    ids = [entry.id for entry in feed.entries]
    assert len(set(ids)) == len(ids)


def test_every_entry_links_to_a_page_that_exists(
    feed: feedparser.FeedParserDict, files: dict[str, bytes]
) -> None:
    for entry in feed.entries:
        path = urlsplit(entry.link).path.removeprefix("/tit-for-tat/")
        assert urls.source_path(path) in files, entry.link


def test_the_camps_claim_has_its_denial_in_the_feed(feed: feedparser.FeedParserDict) -> None:
    entry = next(
        e
        for e in feed.entries
        if e.id.endswith("claims/taliban-says-iskp-has-training-camps-in-pakistan/status/2")
    )
    assert entry.title.startswith("Denied: ")
    assert "per Arab News" in entry.summary
    assert entry.link.endswith("claims/taliban-says-iskp-has-training-camps-in-pakistan/#answers")
    assert entry.updated.startswith("2025-01-23")


def test_ids_do_not_change_between_builds_or_hosts_paths(dataset: Dataset) -> None:
    moved = replace(SITE, site_url="https://example.org/elsewhere/")
    first = feedparser.parse(build_files(dataset, SITE)[urls.FEED])
    second = feedparser.parse(build_files(dataset, moved)[urls.FEED])
    assert [e.id for e in first.entries] == [e.id for e in second.entries]


def test_the_payload_feed_is_valid_and_shows_text_as_text() -> None:
    payload = load_dataset(PAYLOAD, base=PAYLOAD.parent)
    raw = build_files(payload, SITE)[urls.FEED]
    assert b"<script>" not in raw
    parsed = feedparser.parse(raw)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    # A reader gets the data's text back, character for character, as plain text.
    assert all(entry.summary_detail.type == "text/plain" for entry in parsed.entries)
    titles = [entry.title for entry in parsed.entries]
    assert "Source: Later <script>alert('later-title')</script>" in titles
    summaries = " ".join(entry.summary for entry in parsed.entries)
    assert 'the claim that <script>alert("quote-script")</script> **bold**' in summaries
