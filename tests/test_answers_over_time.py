"""Answers over time: when a claim's status changes, every place that shows it agrees.

A small dataset where the Taliban government's claim is unanswered as of one source and
denied as of a later one; the claim page shows both states in order, and the home page,
the timeline, the matrix, the actor pages, the downloads and the feed all show the latest.
"""

from __future__ import annotations

import csv
import io

import feedparser
import pytest

from conftest import MINIMAL_TEXT, MINIMAL_YAML, SECOND_SOURCE, SECOND_TEXT
from sitecheck import Page
from titfortat.check import check
from titfortat.check.problems import report
from titfortat.load.inputs import Inputs
from titfortat.pipeline import DEFAULT_SITE, build_files
from titfortat.plan import urls

CLAIM = "afg-accuses-pak"

DENIAL = """\
      - state: denied
        as_of: later
        date:
          date: 2026-03-01
          precision: day
          basis: relative
          source: later
          wording: on Sunday
        evidence:
          - source: later
            paragraph: 3
            quote: rejected the claim as weird propaganda
        note: The later report does not name who spoke.
"""


def _files(with_denial: bool) -> dict[str, str]:
    yaml_text = MINIMAL_YAML.replace("places:\n", SECOND_SOURCE + "places:\n", 1)
    anchor = "            quote: Islamabad has yet to respond\n"
    if with_denial:
        yaml_text = yaml_text.replace(anchor, anchor + DENIAL, 1)
    result = check(
        Inputs(
            files={"data/minimal.yaml": yaml_text.encode()},
            texts={"texts/src.txt": MINIMAL_TEXT.encode(), "texts/later.txt": SECOND_TEXT.encode()},
        )
    )
    assert result.dataset is not None, report(result.problems)
    built = build_files(result.dataset, DEFAULT_SITE)
    return {path: data.decode("utf-8") for path, data in built.items()}


@pytest.fixture(scope="module")
def before() -> dict[str, str]:
    return _files(with_denial=False)


@pytest.fixture(scope="module")
def after() -> dict[str, str]:
    return _files(with_denial=True)


def text(files: dict[str, str], url: str) -> str:
    return Page(files[urls.source_path(url)]).text


def test_the_claim_page_shows_both_states_in_order(after: dict[str, str]) -> None:
    page = after[urls.source_path(urls.record_url("claims", CLAIM))]
    history = page.split("{ #answers }", 1)[1].split("\n## ", 1)[0]
    body = Page(history).text
    first, second = body.index("Unanswered"), body.index("Denied")
    assert first < second
    assert "per A source" in body
    assert "per A later report" in body
    assert "1 Jan 2026" in body
    assert "1 Mar 2026" in body
    assert "tft-history__step--current" in history.split("Unanswered", 1)[1]
    assert "The later report does not name who spoke." in Page(page).text


def test_every_summary_shows_the_latest_state(
    before: dict[str, str], after: dict[str, str]
) -> None:
    for url in (urls.TIMELINE, urls.MATRIX, urls.CLAIMS, "actors/afg/", "actors/pak/"):
        old, new = text(before, url), text(after, url)
        assert "Unanswered" in old, url
        # The only "Unanswered" left is a step of the history, never a current state.
        assert "Unanswered" not in new, url
        assert "Denied" in new, url


def test_key_figures_count_the_latest_state(before: dict[str, str], after: dict[str, str]) -> None:
    assert "1 of the 2 accusations answered by the accused" in text(before, urls.HOME)
    assert "2 of the 2 accusations answered by the accused" in text(after, urls.HOME)


def test_the_timeline_has_an_entry_for_the_change(after: dict[str, str]) -> None:
    timeline = after[urls.source_path(urls.TIMELINE)]
    assert f'id="answer-{CLAIM}-2"' in timeline
    entry = timeline.split(f'id="answer-{CLAIM}-2"', 1)[1].split("</li>", 1)[0]
    assert "Denied, per A later report" in Page(entry).text
    assert "1 Mar 2026" in Page(entry).text


def test_the_downloads_hold_the_history_and_the_latest_state(after: dict[str, str]) -> None:
    claims = list(csv.DictReader(io.StringIO(after[f"{urls.DOWNLOADS}csv/claims.csv"])))
    row = next(r for r in claims if r["id"] == CLAIM)
    assert (row["current_state"], row["current_as_of"]) == ("denied", "later")
    status = list(csv.DictReader(io.StringIO(after[f"{urls.DOWNLOADS}csv/status.csv"])))
    steps = [(r["position"], r["state"], r["as_of"]) for r in status if r["claim_id"] == CLAIM]
    assert steps == [("1", "unanswered", "src"), ("2", "denied", "later")]


def test_the_feed_announces_the_change(after: dict[str, str]) -> None:
    feed = feedparser.parse(after[urls.FEED].encode())
    assert feed.bozo == 0
    entry = next(e for e in feed.entries if e.id.endswith(f"claims/{CLAIM}/status/2"))
    assert entry.title.startswith("Denied: ")
    assert entry.updated.startswith("2026-03-01")
