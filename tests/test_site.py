"""The built site: `mkdocs build --strict` passes, and each page type carries what it must."""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import DATA, PAYLOAD
from sitecheck import Page, broken_links
from titfortat.model import vocab
from titfortat.model.dataset import Dataset
from titfortat.model.quotes import normalise
from titfortat.model.records import COLLECTIONS
from titfortat.pipeline import load_dataset
from titfortat.plan import urls
from titfortat.plan.pages.matrix import GRID_LIMIT
from titfortat.plan.views import Views
from titfortat_dev.sitebuild import SiteBuild, build_site

pytestmark = pytest.mark.build


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load_dataset(DATA)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    base = tmp_path_factory.mktemp("real-site")
    return build_site(DATA, base / "site", base / "work")


@pytest.fixture(scope="session")
def payload_site(tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    base = tmp_path_factory.mktemp("payload-site")
    return build_site(PAYLOAD, base / "site", base / "work")


def read(site: SiteBuild, url: str) -> Page:
    path = site.site_dir / url / "index.html" if not url.endswith(".html") else site.site_dir / url
    assert path.is_file(), f"no page at /{url}"
    return Page(path.read_text(encoding="utf-8"))


def html_pages(site: SiteBuild) -> Iterator[Path]:
    yield from sorted(site.site_dir.rglob("*.html"))


def test_strict_build_is_quiet(site: SiteBuild) -> None:
    assert "WARNING" not in site.output
    assert "ERROR" not in site.output


def test_every_record_has_its_page(site: SiteBuild, dataset: Dataset) -> None:
    for kind in COLLECTIONS:
        for record_id in getattr(dataset, kind):
            url = urls.record_url(kind, record_id)
            assert (site.site_dir / url / "index.html").is_file(), f"/{url} is missing"


def test_every_quote_appears_on_its_statement_page(site: SiteBuild, dataset: Dataset) -> None:
    for statement in dataset.statements.values():
        text = read(site, urls.record_url("statements", statement.id)).text
        for _, evidence in statement.quotes():
            assert normalise(evidence.quote) in text, (statement.id, evidence.quote)


def test_statement_page_states_the_statement_attributed(site: SiteBuild, dataset: Dataset) -> None:
    views = Views.build(dataset)
    for statement in views.statements.values():
        page = read(site, statement.url)
        assert normalise(statement.text) in page.text
        by = dataset.actors[statement.by_id]
        # The sentence says who said it, through which source, before what was said: nothing
        # is stated as fact.
        said = statement.text.index(" that ")
        frame = statement.text[:said].lower()
        assert by.name.lower() in frame, statement.text
        assert frame.startswith("according to ") or frame.startswith(by.name.lower())
        rest = statement.text[said + len(" that ") :]
        assert rest.lower().startswith(statement.paraphrase[:20].lower())
        if statement.kind is not vocab.StatementKind.STANDING_POSITION:
            assert statement.status_label in page.text


def timeline_pages(site: SiteBuild) -> list[Path]:
    """The timeline's pages in reading order: the one page, or (when it is split) each
    year's pages, latest year first, then the undated ones."""
    root = site.site_dir / "timeline"
    years = sorted((p for p in root.iterdir() if p.name.isdigit()), reverse=True)
    pages = [root / "index.html"]
    for folder in [*years, root / "undated"]:
        if not folder.is_dir():
            continue
        parts = sorted((p for p in folder.iterdir() if p.name.isdigit()), key=lambda p: int(p.name))
        pages += [folder / "index.html", *(part / "index.html" for part in parts)]
    return pages


def test_timeline_lists_every_dated_record_latest_first(site: SiteBuild, dataset: Dataset) -> None:
    entries: list[str] = []
    for path in timeline_pages(site):
        page = Page(path.read_text(encoding="utf-8"))
        entries += [
            str(dict(attrs)["id"])
            for tag, attrs in page.tags
            if tag == "li" and "tft-entry" in (dict(attrs).get("class") or "")
        ]
    views = Views.build(dataset)
    dated = [("claim-" + c.id, c.said.value) for c in views.statements.values()]
    dated += [("event-" + e.id, e.date.value) for e in views.events.values() if e.date]
    assert len(entries) == len(set(entries))
    assert set(entries) >= {anchor for anchor, _ in dated}
    positions = {anchor: entries.index(anchor) for anchor, _ in dated}
    for (first, a), (second, b) in itertools.permutations(dated, 2):
        if b.earliest is not None and a.latest < b.earliest:  # certainly earlier: after
            assert positions[first] > positions[second], f"{second} should come before {first}"


def test_timeline_dates_are_calm_with_their_detail_for_screen_readers(
    site: SiteBuild, dataset: Dataset
) -> None:
    text = ""
    for path in timeline_pages(site):
        raw = path.read_text(encoding="utf-8")
        assert "tft-badge" not in raw.split('class="md-content"')[1], path
        text += " " + Page(raw).text
    views = Views.build(dataset)
    for statement in views.statements.values():
        date = statement.said
        assert normalise(date.short) in text, statement.id
        assert f"{date.precision.aside}, {date.basis.aside}" in text, statement.id
    if any(s.said.marked for s in views.statements.values()):
        assert "\u2248" in text  # the marker of a date not printed in the source
        assert "the source does not print it" in text


def test_matrix_shows_each_accusation_and_reciprocity(site: SiteBuild, dataset: Dataset) -> None:
    """Where the matrix is a grid (up to GRID_LIMIT accusers and accused), each cell names each
    accusation's type and group; otherwise the pairs are listed, on the page or on their
    accusers' pages (test_pages follows them to every statement). Pairs made both ways say
    so."""
    views = Views.build(dataset)
    matrix = site.site_dir / "matrix" / "index.html"
    matrix_pages = [matrix, *sorted((site.site_dir / "matrix-by-accuser").rglob("index.html"))]
    text = " ".join(Page(p.read_text(encoding="utf-8")).text for p in matrix_pages)
    accusers = {s.by_id for s in views.accusations}
    accused = {s.about_id for s in views.accusations}
    grid = '<table class="tft-matrix"' in matrix.read_text(encoding="utf-8")
    assert grid == (len(accusers) <= GRID_LIMIT and len(accused) <= GRID_LIMIT)
    if grid:
        for statement in views.accusations:
            label = statement.allegation_label
            if statement.groups:
                label += f" ({statement.groups_text})"
            assert normalise(label) in text, statement.id
    pairs = {(s.by_id, s.about_id) for s in views.accusations if s.about_id}
    if any(views.both_ways(a, b) for a, b in pairs):
        assert "both ways" in text


def test_home_has_the_brief_the_figures_and_the_graph(site: SiteBuild, dataset: Dataset) -> None:
    text = read(site, "").text
    assert "In brief" in text
    assert "Key figures" in text
    views = Views.build(dataset)
    assert f"{len(views.accusations)} accusations, each counted once" in text
    if dataset.exchanges:
        assert "The latest exchange:" in text
    matrix = read(site, "matrix/")
    svgs = [dict(attrs) for tag, attrs in matrix.tags if tag == "svg"]
    graph = [svg for svg in svgs if "tft-graph__svg" in (svg.get("class") or "")]
    assert len(graph) == 1
    assert graph[0].get("aria-labelledby")
    assert "Accusation graph" in matrix.text


def test_generated_pages_edit_their_data(site: SiteBuild, dataset: Dataset) -> None:
    for kind in ("statements", "actors"):
        record_id = next(iter(getattr(dataset, kind)))
        origin = dataset.origins[(kind, record_id)]
        page = read(site, urls.record_url(kind, record_id))
        assert any(link.endswith(f"/edit/main/{origin.path}") for link in page.links), kind
    method = read(site, "method/")
    assert any(link.endswith("/edit/main/docs/method.md") for link in method.links)


def test_record_pages_stay_out_of_the_navigation(site: SiteBuild, dataset: Dataset) -> None:
    home = (site.site_dir / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('<nav class="md-nav md-nav--primary"') :]
    nav = nav[: nav.index("</nav>")]
    for kind in ("statements", "actors", "places", "events", "sources"):
        record_id = next(iter(getattr(dataset, kind)))
        assert urls.record_url(kind, record_id) not in nav, kind


def test_every_internal_link_and_anchor_resolves(site: SiteBuild) -> None:
    broken = broken_links(site.site_dir)
    assert not broken, "broken links:\n" + "\n".join(broken[:20])


def test_a_large_site_splits_its_listings(tmp_path: Path) -> None:
    """Past 200 claims the timeline, the claims table and the indexes split into pages, the
    links between them all resolve, and listings leave the search index."""
    from titfortat_dev.synth import synthesize, write_dataset  # noqa: PLC0415

    data = tmp_path / "data"
    write_dataset(synthesize(claims=450, seed=7), data)
    large = build_site(data, tmp_path / "site", tmp_path / "work")
    root = large.site_dir
    assert "WARNING" not in large.output
    assert list(root.glob("timeline/*/index.html")), "the timeline is split by year"
    assert list(root.glob("claims-by-accuser/*/index.html")), "claims are listed by accuser"
    claims_index = (root / "claims" / "index.html").read_text(encoding="utf-8")
    assert "claims-by-accuser/" in claims_index
    assert "<table" not in claims_index.split('class="md-content"')[1]
    assert not broken_links(large.site_dir)
    index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {entry["location"] for entry in index["docs"]}
    year_pages = {f"timeline/{path.parent.name}/" for path in root.glob("timeline/*/index.html")}
    assert not any(location.split("#")[0] in year_pages for location in locations)
    assert any(location.startswith("claims/") and location != "claims/" for location in locations)


def test_no_page_loads_anything_from_another_host(site: SiteBuild) -> None:
    offenders = []
    for path in html_pages(site):
        page = Page(path.read_text(encoding="utf-8"))
        for tag, attrs in page.tags:
            values = dict(attrs)
            if tag in {"script", "img", "iframe", "source", "audio", "video"}:
                link = values.get("src") or ""
            elif tag == "link" and values.get("rel") not in {"canonical", "alternate"}:
                link = values.get("href") or ""
            else:
                continue
            if urlsplit(link).netloc:
                offenders.append(f"{path.name}: <{tag}> {link}")
        css = [t for t in page.scripts if "@import" in t or "url(http" in t]
        assert not css, path
    assert not offenders, offenders
    stylesheet = (site.site_dir / "assets" / "stylesheets" / "extra.css").read_text()
    assert "http" not in stylesheet


def test_build_is_deterministic(site: SiteBuild, tmp_path_factory: pytest.TempPathFactory) -> None:
    base = tmp_path_factory.mktemp("second-build")
    again = build_site(DATA, base / "site", base / "work")

    def digest(root: Path) -> dict[str, str]:
        return {
            path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*"))
            if path.is_file() and not path.name.startswith("sitemap.xml")
        }

    first, second = digest(site.site_dir), digest(again.site_dir)
    assert first.keys() == second.keys()
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, differing


def test_json_ld_on_statement_pages(site: SiteBuild, dataset: Dataset) -> None:
    """A statement is a schema.org Claim by its author, appearing in every source that reports
    it, the first credited first; the site rates none."""
    views = Views.build(dataset)
    for statement in views.statements.values():
        page = read(site, statement.url)
        blocks = [json.loads(script) for script in page.scripts if '"@context"' in script]
        assert len(blocks) == 1, statement.id
        claim = blocks[0]
        assert claim["@type"] == "Claim"
        author = dataset.actors[statement.speaker_id or statement.by_id]
        assert claim["author"]["name"] == author.name
        appearances = [a["name"] for a in claim["appearance"]]
        assert appearances == [dataset.sources[r.source_id].title for r in statement.reports]
        assert claim["firstAppearance"] == claim["appearance"][0]
        assert "ClaimReview" not in json.dumps(claim)
        assert "reviewRating" not in json.dumps(claim)
        if statement.said.start_iso is None:  # an open start: no date schema.org could state
            assert "dateCreated" not in claim


@pytest.mark.parametrize("which", ["site", "payload_site"])
def test_an_old_address_leads_to_its_statement(which: str, request: pytest.FixtureRequest) -> None:
    """Every id in a statement's ``formerly`` keeps its address: a page of its own that sends
    the reader on at once and names the statement in a link, kept out of search and the
    sitemap. (The payload's statement has one; the real data may have any number.)"""
    built: SiteBuild = request.getfixturevalue(which)
    dataset = load_dataset(DATA if which == "site" else PAYLOAD)
    moved = [(s.id, old) for s in dataset.statements.values() for old in s.formerly]
    if which == "payload_site":
        assert moved == [("payload-claim", "payload-old-claim")]
    index = json.loads((built.site_dir / "search" / "search_index.json").read_text("utf-8"))
    indexed = {entry["location"].split("#")[0] for entry in index["docs"]}
    sitemap = (built.site_dir / "sitemap.xml").read_text(encoding="utf-8")
    for statement_id, old in moved:
        old_url, new_url = (
            urls.record_url("statements", old),
            urls.record_url("statements", statement_id),
        )
        page = read(built, old_url)
        values = [dict(attrs) for tag, attrs in page.tags if tag == "meta"]
        refresh = next(v["content"] for v in values if v.get("http-equiv") == "refresh")
        href = urls.relative(old_url, new_url)
        assert refresh == f"0; url={href}"
        assert {"name": "robots", "content": "noindex"} in values
        assert href in page.links
        target = (built.site_dir / new_url / "index.html").read_text(encoding="utf-8")
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", target, re.S)
        assert heading is not None, f"/{new_url} has no heading"
        title = normalise(html.unescape(re.sub(r"<[^>]+>", "", heading.group(1))))
        assert f"now has its page at {title}" in page.text, (page.text, title)
        assert old_url not in indexed
        assert new_url in indexed
        assert f"/{old_url}<" not in sitemap
        assert not page.scripts


# -- the payload dataset -------------------------------------------------------------------

ALLOWED_SCRIPT_SOURCES = re.compile(r"^(\.\./|/tit-for-tat/)*assets/javascripts/")


def test_payload_site_builds_and_every_payload_is_inert(payload_site: SiteBuild) -> None:
    pages = list(html_pages(payload_site))
    assert len(pages) > 10
    for path in pages:
        raw = path.read_text(encoding="utf-8")
        page = Page(raw)
        for tag, attrs in page.tags:
            values = dict(attrs)
            handlers = [name for name in values if name.startswith("on")]
            assert not handlers, f"{path}: <{tag}> has {handlers}"
            href = (values.get("href") or "").strip().lower()
            assert not href.startswith("javascript:"), f"{path}: javascript: link"
            if tag == "script" and values.get("src"):
                assert ALLOWED_SCRIPT_SOURCES.match(str(values["src"])), values["src"]
            assert tag not in {"iframe", "img", "style"} or (
                tag == "img" and ("assets/" in (values.get("src") or ""))
            ), f"{path}: a <{tag}> element from the data"
        for script in page.scripts:
            assert "alert(" not in script or script.lstrip().startswith("{"), (
                f"{path}: a script with alert( that is not JSON-LD"
            )


SHOWN_AS_TEXT = {
    "claims/payload-claim/": [
        '<script>alert("quote-script")</script>',
        "<img src=x onerror=\"alert('quote-img')\">",
        "*stars* _underscores_ **bold**",
        "Status note <script>alert('status-note')</script> | pipe |",
        "the <b>accused</b> \"onfocus=alert('accused-as')\"",
        "<i>spokes</i><script>alert('speaker-as')</script>",
        "Grp <u>onclick=alert('group-as')</u>",
        "<b>bold</b> [x](javascript:alert('partial'))",
        "Counter note <img src=x onerror=alert('counter-note')>",
        "title <script>alert('membership-title')</script>",
    ],
    "claims/payload-answer/": [
        "| a | b | and `code` and ``` fence.",
        "Framing note <svg onload=alert('framing-note')>",
    ],
    "claims/payload-denial/": [
        "Accused denies <script>alert('denial')</script>",
        "Answer note <b onclick=alert('answer-link')>answered</b>",
        "Copy report note <svg onload=alert('copy-note')>",
    ],
    "claims/payload-position/": [
        "Accused position: soil <iframe src=javascript:alert('position')> used against no one",
        "Position date <script>alert('position-date')</script>",
    ],
    "actors/payload-accuser/": ['--8<-- "vocabularies.md"', "# Not a heading"],
    "actors/payload-group/": [
        "Alias <script>alert('alias')</script>",
        "Alias note <img src=x onerror=alert('alias-link')>",
    ],
    "events/payload-event/": ["[click me](javascript:alert('quote-link')) and {{ 7*7 }}"],
    "sources/payload-source/": [
        "Ledger note <script>alert('ledger-note')</script> | pipe |",
        "Ledger link <img src=x onerror=alert('ledger-link')>",
    ],
    "sources/payload-old/": ["Old note <a href=\"javascript:alert('old-note')\">the old copy</a>"],
    "exchanges/payload-exchange/": [
        "Exchange <script>alert('exchange-title')</script>",
        "<script>alert('denial')</script>",
        "Exchange note <script>alert('exchange-note')</script> <b>self</b>",
    ],
}


def test_payload_text_is_shown_as_text(payload_site: SiteBuild) -> None:
    for url, payloads in SHOWN_AS_TEXT.items():
        text = read(payload_site, url).text
        missing = [payload for payload in payloads if normalise(payload) not in text]
        assert not missing, (url, missing)
    raw = (payload_site.site_dir / "claims" / "payload-claim" / "index.html").read_text(
        encoding="utf-8"
    )
    found = re.search(r"<title>(.*?)</title>", raw, re.S)
    assert found is not None
    title = html.unescape(found.group(1))
    assert title.startswith('Acc <i>short</i> accuses Accused "><img src=x onerror=')


def test_hand_written_pages_are_never_touched(tmp_path: Path) -> None:
    """A real build (hook and all) writes the pages into docs/ beside the hand-written ones,
    which come out byte for byte the same; everything it wrote is in its manifest, under the
    names git ignores."""
    from titfortat.plan import urls  # noqa: PLC0415
    from titfortat.write.sync import MANIFEST, read_manifest  # noqa: PLC0415
    from titfortat_dev.sitebuild import prepare  # noqa: PLC0415

    work = tmp_path / "work"
    prepare(work)
    docs = work / "docs"
    before = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    assert docs / "method.md" in before
    build_site(DATA, tmp_path / "site", work)
    after = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    assert {p: after[p] for p in before} == before
    written = {p.relative_to(docs).as_posix() for p in after if p not in before}
    assert written == read_manifest(docs) | {MANIFEST}
    roots = set(urls.generated_roots())
    for path in written - {MANIFEST}:
        top = path.split("/")[0]
        assert path in roots or f"{top}/" in roots, path


def test_generator_rewrites_only_what_changed(tmp_path: Path) -> None:
    from titfortat.pipeline import generate  # noqa: PLC0415

    out = tmp_path / "docs"
    out.mkdir()
    (out / "notes.md").write_text("hand-written", encoding="utf-8")
    first = generate(DATA, out)
    assert first.report is not None
    assert first.report.written
    second = generate(DATA, out)
    assert second.report is not None
    assert second.report.written == ()
    assert second.report.removed == ()
    assert second.report.unchanged == len(second.files)
    # A statement added to a copy of the data gets its page; removed again, it loses it.
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    first_id = next(iter(load_dataset(DATA).statements))
    statements = next(
        p for p in sorted(data.glob("*.yaml")) if f"  - id: {first_id}\n" in p.read_text("utf-8")
    )
    text = statements.read_text(encoding="utf-8")
    start = text.index(f"  - id: {first_id}\n")
    following = text.find("\n  - id: ", start + 1)
    block = text[start : following + 1 if following >= 0 else len(text)]
    added = block.replace(f"  - id: {first_id}\n", "  - id: added-by-a-test\n", 1)
    added = "\n".join(line for line in added.split("\n") if not line.startswith("    restates:"))
    statements.write_text(text.rstrip("\n") + "\n" + added.rstrip("\n") + "\n", encoding="utf-8")
    third = generate(data, out)
    assert third.report is not None
    assert "claims/added-by-a-test/index.md" in third.report.written
    fourth = generate(DATA, out)
    assert fourth.report is not None
    assert "claims/added-by-a-test/index.md" in fourth.report.removed
    assert not (out / "claims" / "added-by-a-test").exists()
    assert (out / "notes.md").read_text(encoding="utf-8") == "hand-written"


def test_dates_show_their_precision_and_basis_on_statement_pages(
    site: SiteBuild, dataset: Dataset
) -> None:
    views = Views.build(dataset)
    for statement in views.statements.values():
        text = read(site, statement.url).text
        said = statement.said
        shown = f"{said.display} {said.precision_label.lower()} {said.basis_label.lower()}"
        assert normalise(shown) in text, (statement.id, shown)
        for step in statement.history:
            # When the state held: its own date, or "by" the date of the source that reports it.
            assert step.date is not None
            assert step.as_of is not None
            assert normalise(f"per {step.as_of.text}, {step.date.short}") in text, statement.id
