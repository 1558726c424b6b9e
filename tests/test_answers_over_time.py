"""Answers over time, tied by the sources: every page that shows a statement's state agrees.

A state of a claim is set only by an answer a source ties to it (docs/method.md). Small
variants of the minimal dataset show each part of the rule where a reader meets it (the
claim page, the timeline, who accuses whom, the key figures, the CSV downloads and the
feed):

- a denial no source ties to the claim sets no state; tied by name, it sets "denied";
- a denial of the same allegation made again later is a *related denial* of the earlier
  claim: shown on it, dated and linked, never as its state;
- a standing position is shown beside the allegations it covers, never as their answer and
  never counted as one;
- an answer reported by a republished copy and by the original holds as of the original,
  even when the copy is listed first and dated later.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import feedparser  # type: ignore[import-untyped]
import pytest

from conftest import MINIMAL_TEXT, MINIMAL_YAML, SECOND_EVENT, SECOND_SOURCE, SECOND_TEXT
from sitecheck import Page
from titfortat.check import check
from titfortat.check.problems import report
from titfortat.load.inputs import Inputs
from titfortat.model.dataset import Dataset
from titfortat.pipeline import DEFAULT_SITE, build_files
from titfortat.plan import urls
from titfortat.plan.views import Views

CLAIM = "pak-accuses-afg"
DENIAL = "afg-denies"

TIE = """\
    answers:
      - statement: pak-accuses-afg
        state: denied
        tie: named
        evidence:
          - source: src
            paragraph: 2
            quote: Kabul denies it
"""

AGAIN = """\
  - id: pak-again
    kind: allegation
    by: pak
    about: afg
    allegation: territory-used
    said:
      date: 2025-12-10
      precision: day
      basis: inferred
      note: For tests.
    paraphrase: Islamabad says the group operates from Afghan soil
    reports:
      - source: src
        quotes:
          - paragraph: 1
            quote: Islamabad says the group operates from Afghan soil
    restates: pak-accuses-afg
    cameo: "112"
"""

DENIAL_DATE = """\
      date: 2025-12-01/2025-12-31
      precision: interval
      basis: inferred
      note: For tests.
    title: Kabul denies it"""

POSITION = """\
  - id: afg-position
    kind: standing-position
    by: afg
    allegation: shelters
    covers: [territory-used]
    said:
      date: ../2026-01-01
      precision: interval
      basis: inferred
      note: For tests.
    title: Kabul denies it
    paraphrase: Kabul denies it
    reports:
      - source: src
        quotes:
          - paragraph: 2
            quote: Kabul denies it
    cameo: "016"
"""

COPY_SOURCE = """\
  - id: copy
    title: A copy
    kind: news-report
    publisher: Reposter
    copy_of: not named
    url: https://example.org/copy
    published:
      date: 2026-01-05
      precision: day
      basis: inferred
      note: For tests.
    text: texts/copy.txt
    original_paragraphs: 2
    ledger:
      - paragraphs: [1]
        reason: page-matter
"""

COPY_TEXT = "[2]\nKabul denies it and says nothing more, a reposted copy says.\n"

COPY_REPORT = """\
    reports:
      - source: copy
        quotes:
          - paragraph: 2
            quote: Kabul denies it and says nothing
      - source: src
        quotes:
          - paragraph: 2
            quote: Kabul denies it and says
"""


def swap(text: str, old: str, new: str) -> str:
    assert old in text, f"{old!r} not in the text"
    return text.replace(old, new, 1)


@dataclass(frozen=True)
class Site:
    """A variant's dataset and every file built from it."""

    dataset: Dataset
    files: dict[str, str]

    @property
    def views(self) -> Views:
        return Views.build(self.dataset)

    def markdown(self, url: str) -> str:
        return self.files[urls.source_path(url)]

    def text(self, url: str) -> str:
        return Page(self.markdown(url)).text

    def links(self, url: str) -> list[str]:
        return Page(self.markdown(url)).links

    def section(self, url: str, anchor: str) -> str:
        """A section of a page, from its heading to the next one ("" when it has none)."""
        markdown = self.markdown(url)
        if f"{{ #{anchor}" not in markdown:
            return ""
        body = markdown.split(f"{{ #{anchor}", 1)[1].split("}", 1)[1]
        return Page(body.split("\n## ", 1)[0]).text

    def table(self, name: str) -> list[dict[str, str]]:
        return list(csv.DictReader(io.StringIO(self.files[f"{urls.DOWNLOADS}csv/{name}.csv"])))

    def current(self, statement_id: str) -> tuple[str, str]:
        row = next(r for r in self.table("statements") if r["id"] == statement_id)
        return row["current_state"], row["current_as_of"]

    def feed(self) -> feedparser.FeedParserDict:
        parsed = feedparser.parse(self.files[urls.FEED].encode())
        assert parsed.bozo == 0
        return parsed

    def feed_entry(self, statement_id: str) -> feedparser.FeedParserDict:
        return next(e for e in self.feed().entries if e.id.endswith(f"claims/{statement_id}"))

    def timeline_entry(self, statement_id: str) -> str:
        timeline = self.markdown(urls.TIMELINE)
        anchor = f'id="claim-{statement_id}"'
        assert anchor in timeline, statement_id
        return Page(timeline.split(anchor, 1)[1].split("</li>", 1)[0]).text

    def matrix_item(self, statement_id: str) -> str:
        """What the pairs of who accuses whom say of a statement ("" when it is not there)."""
        matrix = self.markdown(urls.MATRIX)
        pairs = matrix.split("## Pairs", 1)[1]
        link = f'href="{urls.relative(urls.MATRIX, urls.record_url("statements", statement_id))}"'
        for item in pairs.split("<li ")[1:]:
            if link in item:
                return Page("<li " + item.split("</li>", 1)[0]).text
        return ""


def build(
    yaml_text: str, texts: dict[str, str] | None = None, *, in_brief: str | None = None
) -> Site:
    """Check a variant (with the second source, and any other texts) and build its site."""
    yaml_text = swap(yaml_text, "places:\n", SECOND_SOURCE + "places:\n")
    yaml_text = swap(yaml_text, "events:\n", "events:\n" + SECOND_EVENT)
    stored = {"texts/src.txt": MINIMAL_TEXT, "texts/later.txt": SECOND_TEXT, **(texts or {})}
    result = check(
        Inputs(
            files={"data/minimal.yaml": yaml_text.encode()},
            texts={path: text.encode() for path, text in stored.items()},
            in_brief=in_brief.encode() if in_brief else None,
        )
    )
    assert result.dataset is not None, report(result.problems)
    built = build_files(result.dataset, DEFAULT_SITE)
    return Site(result.dataset, {path: data.decode("utf-8") for path, data in built.items()})


UNTIED_YAML = swap(MINIMAL_YAML, TIE, "")


@pytest.fixture(scope="module")
def tied() -> Site:
    """The minimal data: Kabul's denial quotes the words that tie it to Islamabad's claim."""
    return build(MINIMAL_YAML)


@pytest.fixture(scope="module")
def untied() -> Site:
    """The same denial, with no source tying it to the claim."""
    return build(UNTIED_YAML)


@pytest.fixture(scope="module")
def related() -> Site:
    """Islamabad makes the allegation again on 10 December; Kabul's denial of 20 December
    is tied to that later statement, not to the first."""
    yaml_text = swap(MINIMAL_YAML, f"  - id: {DENIAL}\n", AGAIN + f"  - id: {DENIAL}\n")
    yaml_text = swap(
        yaml_text, "      - statement: pak-accuses-afg\n", "      - statement: pak-again\n"
    )
    yaml_text = swap(
        yaml_text,
        DENIAL_DATE,
        DENIAL_DATE.replace("2025-12-01/2025-12-31", "2025-12-20").replace("interval", "day"),
    )
    return build(yaml_text)


@pytest.fixture(scope="module")
def position() -> Site:
    """Kabul's general line on its soil, as a standing position, and the denial untied."""
    yaml_text = swap(
        UNTIED_YAML, "  - id: afg-accuses-pak\n", POSITION + "  - id: afg-accuses-pak\n"
    )
    yaml_text = swap(
        yaml_text,
        "    name: Taliban government\n    type: government\n",
        "    name: Taliban government\n    type: government\n    country: afghanistan\n",
    )
    yaml_text = swap(
        yaml_text,
        "places:\n",
        "places:\n  - id: afghanistan\n    name: Afghanistan\n    kind: country\n",
    )
    return build(yaml_text)


@pytest.fixture(scope="module")
def copied() -> Site:
    """Kabul's denial reported by a republished copy (listed first, dated later) and by the
    original."""
    yaml_text = swap(MINIMAL_YAML, "places:\n", COPY_SOURCE + "places:\n")
    denial = yaml_text.index(f"  - id: {DENIAL}\n")
    head, tail = yaml_text[:denial], yaml_text[denial:]
    tail = swap(
        tail,
        "    reports:\n      - source: src\n        quotes:\n          - paragraph: 2\n"
        "            quote: Kabul denies it and says\n",
        COPY_REPORT,
    )
    return build(head + tail, {"texts/copy.txt": COPY_TEXT})


# -- a state only from a tied answer ---------------------------------------------------------


def test_an_untied_denial_sets_no_state_and_a_tied_one_does(untied: Site, tied: Site) -> None:
    claim = urls.record_url("statements", CLAIM)
    assert untied.current(CLAIM) == ("no-response-reported", "")
    assert tied.current(CLAIM) == ("denied", "src")
    assert "Answered?No response reported" in untied.text(claim)
    assert "Answered?Denied per A source" in tied.text(claim)
    assert "Denied" not in untied.section(claim, "answers")
    history = tied.section(claim, "answers")
    assert "Denied per A source" in history
    assert "The answer: Kabul denies it." in history
    assert "named by the source" in history


def test_the_tie_is_shown_on_the_answers_own_page(untied: Site, tied: Site) -> None:
    denial = urls.record_url("statements", DENIAL)
    assert untied.section(denial, "answering") == ""
    answering = tied.section(denial, "answering")
    assert "which it sets as denied" in answering
    assert '"Kabul denies it"' in answering  # the words that tie it, quoted
    claim_link = urls.relative(denial, urls.record_url("statements", CLAIM))
    assert claim_link in tied.links(denial)


def test_the_timeline_the_matrix_and_the_figures_follow_the_tie(untied: Site, tied: Site) -> None:
    assert "No response reported" in untied.timeline_entry(CLAIM)
    assert "Denied per A source" in tied.timeline_entry(CLAIM)
    assert "A source ties it, as an answer, to" not in untied.timeline_entry(DENIAL)
    assert "A source ties it, as an answer, to" in tied.timeline_entry(DENIAL)
    assert "No response reported" in untied.matrix_item(CLAIM)
    assert "Denied per A source" in tied.matrix_item(CLAIM)
    # A denial is no accusation: never in a cell of who accuses whom.
    assert untied.matrix_item(DENIAL) == tied.matrix_item(DENIAL) == ""
    assert "0 of them answered" in untied.text(urls.HOME)
    assert "0 answers tied to the statements they answer" in untied.text(urls.HOME)
    assert "1 of them answered" in tied.text(urls.HOME)
    assert "1 answers tied to the statements they answer" in tied.text(urls.HOME)


def test_the_downloads_and_the_feed_follow_the_tie(untied: Site, tied: Site) -> None:
    assert untied.table("answers") == []
    assert [
        (r["statement_id"], r["answers_statement_id"], r["state"], r["tie"])
        for r in tied.table("answers")
    ] == [(DENIAL, CLAIM, "denied", "named")]
    evidence = [r for r in tied.table("evidence") if r["owner_type"] == "answer"]
    assert [(r["owner_id"], r["step"], r["quote"]) for r in evidence] == [
        (DENIAL, "1", "Kabul denies it")
    ]
    untied_entry = untied.feed_entry(DENIAL)
    assert untied_entry.tags[0].term == "answer"  # a denial is drawn as an answer, tied or not
    assert untied_entry.title == "Denial: Kabul denies it"
    assert "It answers" not in untied_entry.summary
    entry = tied.feed_entry(DENIAL)
    assert entry.tags[0].term == "answer"
    assert entry.title == "Answer: Kabul denies it"
    assert "It answers, as a source ties it (denied: " in entry.summary


# -- related denials ---------------------------------------------------------------------------


def test_a_related_denial_is_shown_dated_and_linked_but_sets_no_state(related: Site) -> None:
    claim = urls.record_url("statements", CLAIM)
    assert related.current(CLAIM) == ("no-response-reported", "")
    assert related.current("pak-again") == ("denied", "src")
    assert "Answered?No response reported" in related.text(claim)
    assert "Denied" not in related.section(claim, "answers")
    section = related.section(claim, "related")
    assert section.startswith("The same allegation was made again later")
    assert "20 Dec 2025" in section
    assert ": Kabul denies it (denied, answering According to A source" in section
    links = related.links(claim)
    for other in (DENIAL, "pak-again"):
        assert urls.relative(claim, urls.record_url("statements", other)) in links, other
    # Each statement once on the timeline; the first claim still shows no answer.
    timeline = related.markdown(urls.TIMELINE)
    for statement_id in related.dataset.statements:
        assert timeline.count(f'id="claim-{statement_id}"') == 1, statement_id
    assert "No response reported" in related.timeline_entry(CLAIM)
    assert "Denied per A source" in related.timeline_entry("pak-again")
    assert "No response reported" in related.matrix_item(CLAIM)
    assert "1 of them answered" in related.text(urls.HOME)
    assert "3 accusations" in related.text(urls.HOME)


def test_the_later_statement_names_the_allegation_made_before(related: Site) -> None:
    again = urls.record_url("statements", "pak-again")
    section = related.section(again, "restated")
    assert "It makes again the allegation of an earlier statement" in section
    assert urls.relative(again, urls.record_url("statements", CLAIM)) in related.links(again)
    assert related.section(again, "related") == ""


# -- standing positions ------------------------------------------------------------------------


def test_a_standing_position_is_shown_beside_what_it_covers_never_as_its_answer(
    position: Site,
) -> None:
    claim = urls.record_url("statements", CLAIM)
    page = urls.record_url("statements", "afg-position")
    assert position.current(CLAIM) == ("no-response-reported", "")
    standing = position.section(claim, "standing")
    assert standing.startswith("The general line of the side this statement is about")
    assert "it sets no state here" in standing
    assert urls.relative(claim, page) in position.links(claim)
    assert "Denied" not in position.section(claim, "answers")
    # Only allegations about its side, of the kinds it covers: not Kabul's own camps claim.
    concerns = position.section(page, "concerns")
    assert urls.relative(page, claim) in Page(position.markdown(page)).links
    assert urls.relative(page, urls.record_url("statements", "afg-accuses-pak")) not in (
        position.links(page)
    )
    assert "never as an answer" in concerns
    assert position.section(page, "answers") == ""  # a position has no answers of its own
    actor = position.text(urls.record_url("actors", "afg"))
    assert "Its standing positions" in actor


def test_a_standing_position_is_counted_apart_from_answers_and_accusations(
    position: Site,
) -> None:
    home = position.text(urls.HOME)
    assert "0 answers tied to the statements they answer, and 1 standing position" in home
    assert "0 of them answered" in home
    assert "2 accusations" in home
    assert position.matrix_item("afg-position") == ""
    assert "Standing position" in position.timeline_entry("afg-position")
    assert position.table("answers") == []
    assert [r["allegation"] for r in position.table("statement_covers")] == ["territory-used"]
    assert position.feed_entry("afg-position").tags[0].term != "answer"


# -- an original before a copy -------------------------------------------------------------------


def test_the_current_state_holds_as_of_the_original_not_the_copy(copied: Site) -> None:
    claim = urls.record_url("statements", CLAIM)
    assert copied.current(CLAIM) == ("denied", "src")
    assert "Answered?Denied per A source" in copied.text(claim)
    assert "Reposter" not in copied.section(claim, "answers")
    assert "Denied per A source" in copied.timeline_entry(CLAIM)
    assert "Denied per A source" in copied.matrix_item(CLAIM)
    denial = urls.record_url("statements", DENIAL)
    reports = copied.section(denial, "reports")
    # The original's report comes first, the copy's after it, said to be a copy.
    assert reports.index("A source, an analysis") < reports.index("a copy on Reposter")
    assert "a republished copy (original publisher: not named)" in reports
    sentence = copied.views.statements[DENIAL].text
    assert sentence.startswith("According to A source and a copy on Reposter,")
