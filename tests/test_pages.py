"""What each family of generated pages holds, read off the data rather than pinned as bytes.

The golden pages (tests/golden/) pin a few whole pages of the payload fixture; these tests
hold the rest, on the real data and on the payload fixture (which has every shape of record:
reports in part, copies, ties, related denials, standing positions, ledgers, a superseded
source, an exchange): every page has its front matter, every record page links what the data
links, listings have a row per record, figures match the checker's counts, and a list that
shows only its first entries links to the rest. They read the generated Markdown (no MkDocs
build), so they run in seconds.
"""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import (
    DATA,
    MINIMAL_TEXT,
    MINIMAL_YAML,
    PAYLOAD,
    SECOND_EVENT,
    SECOND_SOURCE,
    SECOND_TEXT,
)
from invariants import (
    SITE,
    Built,
    hidden_records,
    note_text,
    notes_not_on_their_pages,
    record_page_lists,
)
from sitecheck import Page
from titfortat.check import check
from titfortat.check.problems import report
from titfortat.load.inputs import Inputs
from titfortat.model import vocab
from titfortat.model.quotes import normalise
from titfortat.pipeline import load_dataset
from titfortat.plan import urls
from titfortat.plan.pages.actors import actor_summary
from titfortat.plan.pages.common import SECTION_LIMIT
from titfortat.plan.sentences import sentence_text
from titfortat.plan.urls import relative


@pytest.fixture(scope="module")
def real() -> Built:
    return Built(load_dataset(DATA, base=DATA.parent))


@pytest.fixture(scope="module")
def payload() -> Built:
    return Built(load_dataset(PAYLOAD, base=PAYLOAD.parent))


@pytest.fixture(scope="module", params=["real", "payload"])
def site(request: pytest.FixtureRequest) -> Built:
    """The real data and the payload fixture, each built once."""
    built: Built = request.getfixturevalue(request.param)
    return built


def split(markdown: str) -> tuple[dict[str, Any], Page]:
    """A generated page's front matter, and its body as parsed HTML."""
    _, front, body = markdown.split("---\n", 2)
    loaded: dict[str, Any] = yaml.safe_load(front)
    return loaded, Page(body)


def pages(site: Built) -> Mapping[str, str]:
    return {p: d.decode("utf-8") for p, d in site.files.items() if p.endswith(".md")}


def links_from(url: str, targets: list[str]) -> set[str]:
    return {relative(url, target) for target in targets}


def section(site: Built, url: str, anchor: str) -> str:
    """The text of a page's section, from its heading's anchor to the next heading."""
    markdown = site.markdown(url)
    assert f"{{ #{anchor}" in markdown, (url, anchor)
    body = markdown.split(f"{{ #{anchor}", 1)[1].split("}", 1)[1]
    return Page(body.split("\n## ", 1)[0]).text


# -- every page -------------------------------------------------------------------------------


def test_every_page_has_a_title_a_description_and_one_heading(site: Built) -> None:
    for path, markdown in pages(site).items():
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


def test_every_link_is_relative_so_the_site_works_under_any_path(site: Built) -> None:
    for path, markdown in pages(site).items():
        for link in Page(markdown).links:
            assert not link.startswith("/"), f"{path}: {link}"
            if link.startswith(("http://", "https://")):
                assert not link.startswith(SITE.site_url), f"{path}: {link} is absolute"


def test_record_pages_say_where_their_record_is_written(site: Built) -> None:
    for (kind, record_id), origin in site.dataset.origins.items():
        if kind == "exchanges":
            continue  # see the xfail below
        front, body = split(site.markdown(urls.record_url(kind, record_id)))
        assert front["data_file"] == origin.path
        expected = f"https://github.com/example/tit-for-tat/blob/main/{origin.path}#L{origin.line}"
        assert expected in body.links, (kind, record_id)


def test_an_exchange_page_says_where_its_record_is_written(payload: Built) -> None:
    origin = payload.dataset.origins[("exchanges", "payload-exchange")]
    front, body = split(payload.markdown(urls.record_url("exchanges", "payload-exchange")))
    assert front["data_file"] == origin.path
    expected = f"https://github.com/example/tit-for-tat/blob/main/{origin.path}#L{origin.line}"
    assert expected in body.links


def test_indexes_link_every_record(site: Built) -> None:
    for kind, index in (
        ("statements", urls.CLAIMS),
        ("actors", urls.ACTORS),
        ("places", urls.PLACES),
        ("events", urls.EVENTS),
        ("sources", urls.SOURCES),
        ("exchanges", urls.EXCHANGES),
    ):
        records = {urls.record_url(kind, record_id) for record_id in getattr(site.dataset, kind)}
        assert records <= site.targets(index), kind


# -- statements -------------------------------------------------------------------------------


def test_the_claims_table_has_a_row_for_every_statement(site: Built) -> None:
    body = site.page(urls.CLAIMS)
    rows = [attrs for tag, attrs in body.tags if tag == "tr"]
    assert len(rows) == len(site.views.statements) + 1  # and the header
    for statement in site.views.statements.values():
        assert statement.url in site.targets(urls.CLAIMS)
        label = statement.allegation_label
        if statement.kind is not vocab.StatementKind.ALLEGATION:
            label = f"{statement.kind_label}: {label.lower()}"
        assert label in body.text, statement.id


def test_statement_pages_link_the_statements_around_them(site: Built) -> None:
    views = site.views
    for statement in views.statements.values():
        expected = [
            *views.answers_to.get(statement.id, []),
            *views.framed_as_answering.get(statement.id, []),
            *views.restated_by.get(statement.id, []),
            *(g.statement_id for g in statement.answers_given),
            *views.standing_on(statement.id),
            *views.concerned_by(statement.id),
            *(s for d in views.related_denials(statement.id) for s in (d.answer_id, d.via_id)),
        ]
        if statement.framing:
            expected.append(statement.framing.statement_id)
        if statement.restates:
            expected.append(statement.restates)
        targets = site.targets(statement.url)
        for other in expected:
            assert urls.record_url("statements", other) in targets, (statement.id, other)
        for event in statement.event_ids:
            assert urls.record_url("events", event) in targets, statement.id
        exchange = views.exchange_of.get(statement.id)
        if exchange:
            assert urls.record_url("exchanges", exchange) in targets, statement.id
        for quote in statement.quotes:
            assert f"paragraph {quote.paragraph}" in site.text(statement.url)


def test_every_report_is_on_its_statement_page_with_its_standing(site: Built) -> None:
    for statement in site.views.statements.values():
        reports = section(site, statement.url, "reports")
        for report_view in statement.reports:
            assert normalise(report_view.source.text) in reports, statement.id
            assert normalise(report_view.standing) in reports
            if report_view.whole:
                assert normalise(f"{report_view.standing}: gives the whole statement") in reports
            else:
                assert report_view.paraphrase is not None
                assert normalise(report_view.paraphrase) in reports
            for words in (report_view.accused_as, report_view.speaker_as, *report_view.groups_as):
                if words:
                    assert normalise(words) in reports, (statement.id, words)


def test_every_caveat_reaches_its_statement_page(site: Built) -> None:
    """The statement's note, every report's, state's and answer's note and the framing's note
    are on the statement page, in its notes section; elsewhere a marker leads there."""
    for statement in site.views.statements.values():
        markdown = site.markdown(statement.url)
        text = Page(markdown).text
        for _about, note in statement.notes:
            assert normalise(sentence_text(note)) in text, (statement.id, note)
        for word, reason in statement.editorial_words:
            assert normalise(reason) in text, (statement.id, word)
        if statement.notes or statement.editorial_words:
            assert "## Notes { #notes }" in markdown, statement.id


def test_statement_pages_show_the_answers_over_time_in_order(site: Built) -> None:
    for statement in site.views.statements.values():
        if statement.kind is vocab.StatementKind.STANDING_POSITION:
            assert "{ #answers }" not in site.markdown(statement.url)
            continue
        history = section(site, statement.url, "answers")
        where = 0
        for step in statement.history:
            found = history.find(step.label, where)
            assert found >= 0, (statement.id, step.label)
            where = found
            if step.as_of:
                assert normalise(step.as_of.text) in history, statement.id
            if step.answer is not None:
                assert normalise(step.answer.text) in history, statement.id


# -- actors, places, events, sources ----------------------------------------------------------


def test_actor_pages_say_what_they_say_and_what_is_said_about_them(site: Built) -> None:
    views = site.views
    for actor_id, actor in site.dataset.actors.items():
        url = urls.record_url("actors", actor_id)
        text = site.text(url)
        said = {*views.said_by.get(actor_id, []), *views.voiced_by.get(actor_id, [])}
        about = {*views.spoken_about.get(actor_id, []), *views.named_backer.get(actor_id, [])}
        assert normalise(actor_summary(actor, len(said), len(about))) in text, actor_id
        assert hidden_records(site, url, said | about, set()) == []
        assert not re.search(r"\b0 statements|\b1 statements", text), actor_id
        for alias in actor.aliases:
            assert normalise(alias.name) in text, (actor_id, alias.name)
        for membership in actor.memberships:
            title = membership.title or membership.role.label.lower()
            assert normalise(title) in text, (actor_id, title)


def test_place_pages_show_where_the_place_is_and_what_names_it(site: Built) -> None:
    views = site.views
    for place_id in site.dataset.places:
        url = urls.record_url("places", place_id)
        chain = views.place_chain(place_id)
        for parent in chain[:-1]:
            assert urls.record_url("places", parent) in site.targets(url)
        named = set(views.at_place.get(place_id, []))
        for inner in views.descendants(place_id):
            named |= set(views.at_place.get(inner, []))
        assert hidden_records(site, url, named, set()) == []


def test_event_pages_give_their_date_quotes_and_statements(site: Built) -> None:
    for event in site.views.events.values():
        text = site.text(event.url)
        if event.date:
            assert normalise(event.date.display) in text
        for quote in event.evidence:
            assert f"paragraph {quote.paragraph}" in text
            assert normalise(quote.text) in text
        named = set(site.views.at_event.get(event.id, []))
        assert hidden_records(site, event.url, named, set()) == []


def test_source_pages_say_what_each_paragraph_became(site: Built) -> None:
    views = site.views
    for source_id, source in site.dataset.sources.items():
        url = urls.record_url("sources", source_id)
        if source.url:
            assert source.url in site.page(url).links
        assert normalise(views.standing(source_id)) in site.text(url)
        if source.original_paragraphs is None:
            continue
        ledger = section(site, url, "ledger")
        for number, count in views.quotes_by_paragraph.get(source_id, {}).items():
            assert f"{number}stored and quoted{count} quote" in ledger, (source_id, number)
        for item in source.ledger:
            assert f"not coded{item.reason.label}" in ledger, (source_id, item.paragraphs)
            if item.note:
                assert note_text(site, item.note) in ledger


def test_the_matrix_has_a_cell_for_every_pair_and_marks_the_reciprocal(site: Built) -> None:
    views = site.views
    body = site.page(urls.MATRIX)
    pairs = {(c.by_id, c.about_id) for c in views.accusations}
    assert pairs
    # the pairs are listed on the page, or (many accusations) on their accusers' pages
    ids = set(body.ids)
    linked_from = site.targets(urls.MATRIX)
    text = body.text
    for target in site.targets(urls.MATRIX):
        if target.startswith("matrix-by-accuser/"):
            for part in site.parts(target):
                ids |= set(site.page(part).ids)
                linked_from |= site.targets(part)
                text += site.text(part)
    for accuser, accused in pairs:
        assert accused is not None
        assert urls.pair_anchor(accuser, accused) in ids
    for statement in views.statements.values():
        if not statement.accuses:
            assert statement.url not in linked_from, statement.id
        elif statement.url not in linked_from:
            # a long pair shows its first accusations, then links the accuser's full list
            everything = urls.record_list(urls.record_url("actors", statement.by_id))
            assert everything in linked_from, statement.id
            listed = set().union(*(site.targets(part) for part in site.parts(everything)))
            assert statement.url in listed, statement.id
    reciprocal = {(a, b) for a, b in pairs if b is not None and views.both_ways(a, b)}
    assert text.count("both ways") >= len(reciprocal)


def test_the_health_page_reports_what_the_checker_counted(site: Built) -> None:
    text = site.text(urls.HEALTH)
    stats = site.dataset.stats
    assert f"{stats.quotes_verified:,} quotes found word for word" in text
    assert f"{stats.references_resolved:,} references between records resolved" in text
    generated = sum(1 for path in pages(site) if not path.startswith(urls.SNIPPETS))
    assert f"{generated:,} pages generated" in text


def test_the_method_page_lists_every_term_of_every_vocabulary(real: Built) -> None:
    snippet = Page(real.markdown(f"{urls.SNIPPETS}vocabularies.md"))
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


# -- the payload's shapes ---------------------------------------------------------------------


def test_the_payload_data_builds_every_page_family(payload: Built) -> None:
    families = {path.split("/")[0] for path in pages(payload)}
    assert {
        "index.md",
        "claims",
        "exchanges",
        "actors",
        "places",
        "events",
        "sources",
        "timeline",
        "matrix",
    } <= families


def test_a_source_page_shows_its_ledger(payload: Built) -> None:
    url = urls.record_url("sources", "payload-source")
    ledger = section(payload, url, "ledger")
    for number in range(1, 6):
        assert f"{number}stored and quoted" in ledger
    assert "6-7not codedBackground: Ledger note <script>alert('ledger-note')</script> | pipe |" in (
        ledger
    )
    assert "8-9not codedAnalysis: Ledger link <img src=x onerror=alert('ledger-link')>" in ledger
    table = payload.markdown(url).split("{ #ledger", 1)[1].split("</table>", 1)[0]
    assert relative(url, urls.record_url("sources", "payload-later")) in Page(table).links
    facts = payload.text(url)
    assert "5 paragraphs (1, 2, 3, 4, 5) of the original's 9" in facts


def test_a_superseded_source_keeps_its_page_with_a_notice(payload: Built) -> None:
    old = urls.record_url("sources", "payload-old")
    new = urls.record_url("sources", "payload-source")
    text = payload.text(old)
    assert "Superseded. A better report of the same text replaces this one" in text
    assert new in payload.targets(old)
    assert "none: moved to the report that supersedes it" in text
    assert "superseded by a better report of the same text" in text
    assert "SupersedesOld <script>alert('old-title')</script>" in payload.text(new)
    assert old in payload.targets(new)
    assert "Superseded" not in payload.text(new).split("Supersedes", 1)[0]


def test_a_republished_copy_is_ranked_below_the_original(payload: Built) -> None:
    copy = urls.record_url("sources", "payload-copy")
    assert (
        "a republished copy (original publisher: Original <script>alert('copy-of')</script>)"
        in (payload.text(copy))
    )
    denial = payload.views.statements["payload-denial"]
    assert [r.source_id for r in denial.reports] == ["payload-later", "payload-copy"]
    reports = section(payload, denial.url, "reports")
    assert reports.index("an original news report") < reports.index("a republished copy")


def test_exchange_pages_exist_and_cite_their_statements(payload: Built) -> None:
    exchange = payload.dataset.exchanges["payload-exchange"]
    url = urls.record_url("exchanges", exchange.id)
    targets = payload.targets(url)
    for statement_id in exchange.statements:
        assert urls.record_url("statements", statement_id) in targets, statement_id
    summary = payload.page(url)
    cites = [dict(a) for t, a in summary.tags if t == "a" and dict(a).get("aria-label")]
    labels = [str(c["aria-label"]) for c in cites]
    assert labels[:2] == [
        "Statement 1: Acc <i>short</i> accuses Accused \"><img src=x onerror=alert('accused')>: "
        "shelters militants (Grp <u>)",
        "Statement 2: Accused denies <script>alert('denial')</script> \"><img src=x "
        "onerror=alert('denial')>",
    ]
    text = payload.text(url)
    assert 'In brief <script>alert("quote-script")</script> **bold**1. Accused' in text
    assert "<script>alert('denial')</script>: Accused denies" in text  # the moment, cited
    assert "Exchange note <script>alert('exchange-note')</script> <b>self</b>" in text
    assert url in payload.targets(urls.EXCHANGES)
    home = payload.text(urls.HOME)
    assert "The latest exchange: Exchange <script>alert('exchange-title')</script>" in home
    assert url in payload.targets(urls.HOME)


def test_every_payload_note_reaches_its_page_but_posts(payload: Built) -> None:
    missing = notes_not_on_their_pages(payload)
    assert [m for m in missing if ".memberships." not in f".{m.split(' ')[1]}"] == []


def test_a_posts_note_is_on_the_actors_page(payload: Built) -> None:
    assert notes_not_on_their_pages(payload) == []


# -- lists that show only their first entries ----------------------------------------------------

MANY = SECTION_LIMIT + 5

MANY_STATEMENT = """\
  - id: many-{n}
    kind: allegation
    by: pak
    about: afg
    allegation: territory-used
    groups: [ttp]
    places: [mastung]
    said:
      date: 2025-12
      precision: month
      basis: outside-reference
      reference: reference
    paraphrase: the group operates from Afghan soil
    reports:
      - source: src
        quotes:
          - paragraph: 1
            quote: the group operates from Afghan soil
    cameo: "112"
    events: [statement]
"""

MANY_EVENT = """\
  - id: many-event-{n}
    title: Event {n}
    kind: statement
    actors: [pak]
    places: [mastung]
    evidence:
      - source: src
        paragraph: 2
        quote: Kabul denies it
"""


@pytest.fixture(scope="module")
def many() -> Built:
    """The minimal data with more statements and events naming the same records than a record
    page shows: Islamabad's claim made again and again, in Mastung, about the TTP, dated by
    the same reference, each with the same event; and as many events of Islamabad's."""
    statements = "".join(MANY_STATEMENT.format(n=n) for n in range(MANY))
    events = "".join(MANY_EVENT.format(n=n) for n in range(MANY))
    yaml_text = MINIMAL_YAML.replace("places:\n", SECOND_SOURCE + "places:\n", 1)
    yaml_text = yaml_text.replace("  - id: afg-denies\n", statements + "  - id: afg-denies\n", 1)
    yaml_text = yaml_text.replace("events:\n", "events:\n" + SECOND_EVENT + events, 1)
    result = check(
        Inputs(
            files={"data/minimal.yaml": yaml_text.encode()},
            texts={"texts/src.txt": MINIMAL_TEXT.encode(), "texts/later.txt": SECOND_TEXT.encode()},
        )
    )
    assert result.dataset is not None, report(result.problems)
    return Built(result.dataset)


CAPPED = [
    urls.record_url("actors", "pak"),
    urls.record_url("actors", "afg"),
    urls.record_url("actors", "ttp"),
    urls.record_url("places", "mastung"),
    urls.record_url("places", "pakistan"),
    urls.record_url("events", "statement"),
    urls.record_url("sources", "src"),
]


@pytest.mark.parametrize("url", CAPPED)
def test_a_capped_list_links_to_the_records_full_list(many: Built, url: str) -> None:
    """The page shows the first of its statements and links to the record's full list, whose
    pages link every statement it names."""
    statements, _ = record_page_lists(many)[url]
    assert len(statements) > SECTION_LIMIT
    shown = {t for t in many.targets(url) if t.startswith("claims/") and t != urls.CLAIMS}
    assert len(shown) < len(statements), "the page shows every statement: nothing is capped"
    full = urls.record_list(url)
    assert full in many.targets(url)
    assert f"All {len(statements)} statements" in many.text(
        url
    ) or "Every statement that names" in (many.text(url))
    assert "Every statement that names" in many.text(full)
    assert hidden_records(many, url, statements, set()) == []


@pytest.mark.parametrize(
    "url", [urls.record_url("actors", "pak"), urls.record_url("places", "mastung")]
)
def test_a_capped_list_of_events_links_to_the_rest(many: Built, url: str) -> None:
    _, events = record_page_lists(many)[url]
    assert len(events) > SECTION_LIMIT
    assert f"{len(events) - SECTION_LIMIT} more on the events page" in many.text(url)
    assert hidden_records(many, url, set(), events) == []


def test_a_long_pair_in_who_accuses_whom_links_to_the_rest(many: Built) -> None:
    text = many.text(urls.MATRIX)
    assert (
        f"All {MANY + 1} statements by Government of Pakistan ({SECTION_LIMIT} shown here)" in text
    )
    assert urls.record_list(urls.record_url("actors", "pak")) in many.targets(urls.MATRIX)


def test_a_sources_capped_events_link_to_the_rest(many: Built) -> None:
    url = urls.record_url("sources", "src")
    _, events = record_page_lists(many)[url]
    assert len(events) > SECTION_LIMIT
    assert hidden_records(many, url, set(), events) == []


def test_a_sources_capped_dated_statements_link_to_the_rest(many: Built) -> None:
    url = urls.record_url("sources", "reference")
    statements, _ = record_page_lists(many)[url]
    assert len(statements) > SECTION_LIMIT
    assert hidden_records(many, url, statements, set()) == []


def test_an_exchange_names_who_spoke_first_only_when_the_dates_say_so(
    payload: Built, real: Built, tmp_path: Path
) -> None:
    """ "The first by X" only where X's statement ended before any other could have begun: a
    date with an open start ("by 11 October") sorts first but may have come last."""
    url = urls.record_url("exchanges", "payload-exchange")
    # The claim (December 2025) and the answer (15-31 December) overlap: no first.
    assert "the first by" not in payload.text(url)
    assert "the first by" not in payload.text(urls.EXCHANGES)
    shutil.copytree(PAYLOAD, tmp_path / "payload")
    data = tmp_path / "payload" / "payload.yaml"
    text = data.read_text(encoding="utf-8")
    claim_month = "      date: 2025-12\n      precision: month\n"
    assert claim_month in text
    text = text.replace(claim_month, "      date: 2025-11\n      precision: month\n")
    data.write_text(text.replace("date: 2025-12-01/2026-02-28", "date: 2025-11-01/2026-02-28"))
    later = Built(load_dataset(tmp_path / "payload", base=tmp_path))
    speaker = later.dataset.statements["payload-claim"].speaker
    assert speaker is not None
    name = later.views.record_name("actors", speaker)
    assert f"the first by {normalise(name)}" in later.text(url)
    for exchange_id in real.dataset.exchanges:
        page = real.text(urls.record_url("exchanges", exchange_id))
        if "the first by" not in page:
            continue
        said = sorted(
            (
                real.views.statements[s].said.value
                for s in real.dataset.exchanges[exchange_id].statements
            ),
            key=lambda d: d.sort_key(),
        )
        assert said[0].earliest is not None, exchange_id
        assert all(d.earliest is not None and d.earliest > said[0].latest for d in said[1:]), (
            exchange_id
        )


@pytest.mark.parametrize("which", ["real", "payload"])
def test_the_type_is_glossed_only_where_the_statement_accuses_or_denies(
    which: str, request: pytest.FixtureRequest
) -> None:
    """ "The accuser says ..." is the type's gloss: on a concern, a suggestion, a statement or
    an author's own sentence it would say more than the speaker did, so there the page only
    says where the site files it."""
    built: Built = request.getfixturevalue(which)
    seen = set()
    for statement in built.views.statements.values():
        text = built.text(statement.url)
        glossed = statement.accuses or statement.kind is vocab.StatementKind.DENIAL
        position = statement.kind is vocab.StatementKind.STANDING_POSITION
        definition = normalise(statement.allegation.definition)
        if glossed or position:
            seen.add("glossed")
            assert "Filed under" not in text, statement.id
            if len(statement.covers) == 1:
                assert definition in text, statement.id
        else:
            seen.add("filed")
            assert f"Filed under{normalise(statement.allegation.label)}" in text, statement.id
            assert definition not in text, statement.id
    assert "glossed" in seen


def test_a_concern_is_filed_under_its_type_not_glossed(tmp_path: Path) -> None:
    """The payload's claim made a concern: its page files it, and says no "accuser says"."""
    shutil.copytree(PAYLOAD, tmp_path / "payload")
    data = tmp_path / "payload" / "payload.yaml"
    text = data.read_text(encoding="utf-8")
    claim = "  - id: payload-claim\n    kind: allegation\n"
    assert claim in text
    data.write_text(text.replace(claim, "  - id: payload-claim\n    kind: concern\n"))
    built = Built(load_dataset(tmp_path / "payload", base=tmp_path))
    statement = built.views.statements["payload-claim"]
    page = built.text(statement.url)
    assert f"Filed under{normalise(statement.allegation.label)}" in page
    assert "the type of allegation the site files it under" in page
    assert normalise(statement.allegation.definition) not in page


@pytest.mark.parametrize("which", ["real", "payload"])
def test_the_sides_are_named_by_country_not_by_government(
    which: str, request: pytest.FixtureRequest
) -> None:
    """A side's column holds every actor of its country (its army, officials, clerics), so
    it bears the country's name, never its government's."""
    built: Built = request.getfixturevalue(which)
    names = built.views.side_names()
    assert len(names) == 2
    assert list(names.values()) == [built.dataset.places[c].name for c in names]
    for exchange_id, exchange in built.dataset.exchanges.items():
        page = built.markdown(urls.record_url("exchanges", exchange_id))
        sections = re.findall(
            r'<section class="tft-column"[^>]*>\s*<h3 class="tft-column__name">(.*?)</h3>(.*?)'
            r"</section>",
            page,
            re.S,
        )
        assert sections, exchange_id
        column_of = {}
        for heading, body in sections:
            for statement_id in exchange.statements:
                if f"/claims/{statement_id}/" in body:
                    column_of[statement_id] = html.unescape(heading)
        assert set(column_of) == set(exchange.statements), exchange_id
        for statement_id, column in column_of.items():
            country = built.views.side(built.dataset.statements[statement_id].by)
            assert column == names.get(country or "", "Others"), (exchange_id, statement_id)


@pytest.mark.parametrize("which", ["real", "payload"])
def test_no_quotation_mark_is_doubled(which: str, request: pytest.FixtureRequest) -> None:
    """A quote that opens or closes on its source's own quotation mark gets none of ours
    beside it: "“…irresponsible.””" would read as a slip."""
    built: Built = request.getfixturevalue(which)
    for statement in built.views.statements.values():
        page = built.markdown(statement.url)
        quotes = re.findall(r"<blockquote.*?</blockquote>", page, re.S)
        assert quotes, statement.id
        for quote in quotes:
            for doubled in ("””", "““", "“&#34;", "&#34;”"):
                assert doubled not in quote, (statement.id, doubled)


@pytest.mark.parametrize("which", ["real", "payload"])
def test_an_exchanges_dates_say_how_they_are_known(
    which: str, request: pytest.FixtureRequest
) -> None:
    """An exchange's period is the editor's: its page marks a date no source prints (≈) and
    gives its basis and note, on the page and in the index, as a statement's page does."""
    built: Built = request.getfixturevalue(which)
    for exchange_id, exchange in built.dataset.exchanges.items():
        url = urls.record_url("exchanges", exchange_id)
        text = built.text(url)
        period = built.views.date(exchange.period)
        assert "Its dates:" in text, exchange_id
        if exchange.period.note:
            assert normalise(exchange.period.note) in text, exchange_id
        if period.marked:
            lead = re.search(r'<p class="tft-lead">(.*?)</p>', built.markdown(url), re.S)
            assert lead is not None
            assert "tft-date__mark" in lead.group(1), exchange_id
            assert f'data-edtf="{period.text}"' in built.markdown(urls.EXCHANGES), exchange_id
