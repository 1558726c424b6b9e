"""The Atom feed, read as a feed reader reads it: valid Atom, stable ids, entries that link to
pages that exist, and the data's text shown as text."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

import feedparser  # type: ignore[import-untyped]
import pytest

from conftest import DATA, PAYLOAD
from titfortat.model.dataset import Dataset
from titfortat.model.vocab import StatementKind
from titfortat.pipeline import DEFAULT_SITE, build_files, load_dataset
from titfortat.plan import urls
from titfortat.plan.feed import ENTRY_LIMIT
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


def test_entries_are_statements_once_and_sources_newest_first(
    feed: feedparser.FeedParserDict, dataset: Dataset
) -> None:
    """Each statement once, however many sources report it, tagged as the timeline draws it:
    a standing position as a position, a denial or a statement a source ties to another as an
    answer, anything else as a claim, dated when it was said; each
    quoted source once, dated when it was published; the newest ENTRY_LIMIT of them."""
    views = Views.build(dataset)
    expected: list[tuple[str, str, str]] = []
    for statement in views.statements.values():
        if statement.kind is StatementKind.STANDING_POSITION:
            category = "position"
        elif statement.kind is StatementKind.DENIAL or statement.answers_given:
            category = "answer"
        else:
            category = "claim"
        day = statement.said.value.latest.isoformat()
        expected.append((day, f"claims/{statement.id}", category))
    for source_id, source in dataset.sources.items():
        published = views.published(source_id)
        if source.text is not None and published is not None:
            expected.append((published.value.latest.isoformat(), f"sources/{source_id}", "source"))
    expected.sort(reverse=True)
    newest = expected[:ENTRY_LIMIT]
    found = [
        (entry.updated[:10], entry.id.rsplit(":", 1)[1], entry.tags[0].term)
        for entry in feed.entries
    ]
    assert len(found) == len(newest)
    ids = [entry_id for _, entry_id, _ in found]
    assert len(set(ids)) == len(ids)
    # Ties on a date may fall either side of the limit: compare what is certainly in.
    oldest = newest[-1][0]
    assert {e for e in found if e[0] > oldest} == {e for e in newest if e[0] > oldest}
    assert all(e in expected for e in found)
    stamps = [entry.updated_parsed for entry in feed.entries]
    assert stamps == sorted(stamps, reverse=True)


def test_every_entry_links_to_a_page_that_exists(
    feed: feedparser.FeedParserDict, files: dict[str, bytes]
) -> None:
    for entry in feed.entries:
        path = urlsplit(entry.link).path.removeprefix("/tit-for-tat/")
        assert urls.source_path(path) in files, entry.link


@pytest.fixture(scope="module")
def payload_feed() -> feedparser.FeedParserDict:
    payload = load_dataset(PAYLOAD, base=PAYLOAD.parent)
    parsed = feedparser.parse(build_files(payload, SITE)[urls.FEED])
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return parsed


def _entry(feed: feedparser.FeedParserDict, statement_id: str) -> feedparser.FeedParserDict:
    found = [e for e in feed.entries if e.id.endswith(f"claims/{statement_id}")]
    assert len(found) == 1, statement_id
    return found[0]


def test_an_answer_says_what_a_source_ties_it_to(payload_feed: feedparser.FeedParserDict) -> None:
    """The denial is reported by the original and by a copy: one entry, as an answer, dated
    when it was said, naming the statement it answers and the state it sets."""
    entry = _entry(payload_feed, "payload-denial")
    assert entry.tags[0].term == "answer"
    assert entry.title.startswith("Answer: Accused denies <script>alert('denial')</script>")
    assert entry.updated.startswith("2026-02-01")
    assert "It answers, as a source ties it (denied: Acc <i>short</i> accuses Accused" in (
        entry.summary
    )
    counter = _entry(payload_feed, "payload-answer")
    assert counter.tags[0].term == "answer"
    assert "(countered: Acc <i>short</i> accuses Accused" in counter.summary


def test_a_statement_reported_twice_is_one_entry_crediting_each_report(
    payload_feed: feedparser.FeedParserDict,
) -> None:
    entry = _entry(payload_feed, "payload-claim")
    assert entry.tags[0].term == "claim"
    assert entry.summary.endswith("; Later & <b>Co</b> reports the same statement in part.")
    position = _entry(payload_feed, "payload-position")
    assert position.tags[0].term == "position"  # as the timeline draws it, never an answer
    assert position.title.startswith("Standing position: ")


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
    assert 'said in December 2025 that <script>alert("quote-script")</script> **bold**' in summaries
