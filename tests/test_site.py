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
from titfortat.model.dataset import Dataset
from titfortat.model.quotes import normalise
from titfortat.pipeline import load_dataset
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


def test_every_actor_claim_place_event_and_source_has_its_page(
    site: SiteBuild, dataset: Dataset
) -> None:
    for folder, records in (
        ("actors", dataset.actors),
        ("claims", dataset.claims),
        ("places", dataset.places),
        ("events", dataset.events),
        ("sources", dataset.sources),
    ):
        for record_id in records:
            assert (site.site_dir / folder / record_id / "index.html").is_file(), (
                f"/{folder}/{record_id}/ is missing"
            )


def test_every_quote_appears_on_its_claim_page(site: SiteBuild, dataset: Dataset) -> None:
    for claim in dataset.claims.values():
        text = read(site, f"claims/{claim.id}/").text
        quotes = [*claim.evidence, *(e for step in claim.status for e in step.evidence)]
        quotes += claim.answers.evidence if claim.answers else []
        for evidence in quotes:
            assert normalise(evidence.quote) in text, (claim.id, evidence.quote)


def test_claim_page_states_the_claim_attributed(site: SiteBuild, dataset: Dataset) -> None:
    views = Views.build(dataset)
    for claim in views.claims.values():
        page = read(site, f"claims/{claim.id}/")
        assert normalise(claim.text) in page.text
        accuser = dataset.actors[claim.accuser_id]
        # The sentence says who said it, through which source, before what was said: nothing
        # is stated as fact.
        said = claim.text.index(" that ")
        frame = claim.text[:said].lower()
        assert accuser.name.lower() in frame, claim.text
        assert frame.startswith("according to ") or frame.startswith(accuser.name.lower())
        assert claim.text[said + len(" that ") :].startswith(
            claim.paraphrase[:1].lower() + claim.paraphrase[1:20]
        ) or claim.text[said + len(" that ") :].startswith(claim.paraphrase[:20])
        assert claim.status_label in page.text


def test_timeline_lists_every_dated_record_latest_first(site: SiteBuild, dataset: Dataset) -> None:
    page = read(site, "timeline/")
    entries = [
        dict(attrs)["id"]
        for tag, attrs in page.tags
        if tag == "li" and "tft-entry" in (dict(attrs).get("class") or "")
    ]
    views = Views.build(dataset)
    dated = [("claim-" + c.id, c.asserted.value) for c in views.claims.values()]
    dated += [("event-" + e.id, e.date.value) for e in views.events.values() if e.date]
    assert {e for e in entries if e} >= {anchor for anchor, _ in dated}
    positions = {anchor: entries.index(anchor) for anchor, _ in dated}
    for (first, a), (second, b) in itertools.permutations(dated, 2):
        if b.earliest is not None and a.latest < b.earliest:  # certainly earlier: after
            assert positions[first] > positions[second], f"{second} should come before {first}"


def test_timeline_dates_are_calm_with_their_detail_for_screen_readers(site: SiteBuild) -> None:
    raw = (site.site_dir / "timeline" / "index.html").read_text(encoding="utf-8")
    text = read(site, "timeline/").text
    assert "tft-badge" not in raw.split('class="md-content"')[1]
    for shown, aside in (
        ("3\u20135 Oct 2024", "some time in that interval, inferred from indirect evidence"),
        ("30 Sep 2024", "a single day, taken from another source"),
        ("23 Jan 2025", "a single day, printed in the source"),
    ):
        assert normalise(f"{shown}") in text, shown
        assert aside in text, aside
    assert "\u2248" in text  # the marker of a date not printed in the source, with its legend
    assert "The source does not print this date" in text


def test_matrix_shows_reciprocity(site: SiteBuild) -> None:
    text = read(site, "matrix/").text
    assert "both ways" in text
    assert "Militants operate from its territory (TTP)" in text
    assert "Militants operate from its territory (IS-KP)" in text


def test_home_has_the_pair_side_by_side_and_the_graph(site: SiteBuild) -> None:
    page = read(site, "")
    text = page.text
    assert "The claim" in text
    assert "Presented as responses by Policy East" in text
    assert "In brief" in text
    matrix = read(site, "matrix/")
    svgs = [dict(attrs) for tag, attrs in matrix.tags if tag == "svg"]
    graph = [svg for svg in svgs if "tft-graph__svg" in (svg.get("class") or "")]
    assert len(graph) == 1
    assert graph[0].get("aria-labelledby")
    assert "Accusation graph" in matrix.text


def test_generated_pages_edit_their_data(site: SiteBuild) -> None:
    page = read(site, "claims/taliban-says-pakistan-shelters-iskp/")
    assert any(link.endswith("/edit/main/data/claims.yaml") for link in page.links)
    actor = read(site, "actors/is-kp/")
    assert any(link.endswith("/edit/main/data/actors.yaml") for link in actor.links)
    method = read(site, "method/")
    assert any(link.endswith("/edit/main/docs/method.md") for link in method.links)


def test_record_pages_stay_out_of_the_navigation(site: SiteBuild) -> None:
    home = (site.site_dir / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('<nav class="md-nav md-nav--primary"') :]
    nav = nav[: nav.index("</nav>")]
    assert "claims/taliban-says" not in nav
    assert "actors/is-kp" not in nav


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


def test_json_ld_on_claim_pages(site: SiteBuild) -> None:
    page = read(site, "claims/pakistan-says-ttp-operates-from-afghanistan/")
    blocks = [json.loads(script) for script in page.scripts if '"@context"' in script]
    assert len(blocks) == 1
    claim = blocks[0]
    assert claim["@type"] == "Claim"
    assert claim["author"]["name"] == "Government of Pakistan"
    assert claim["appearance"][0]["url"] == "https://policyeast.com/tit-for-tat-accusations/"
    # Published some time on 3-5 October 2024: the month is certain, so that is the date;
    # the claim, made some time up to then, has no date schema.org could state.
    assert claim["appearance"][0]["datePublished"] == "2024-10"
    assert "dateCreated" not in claim
    assert "temporalCoverage" not in json.dumps(claim)
    assert "ClaimReview" not in json.dumps(claim)
    assert "reviewRating" not in json.dumps(claim)


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


def test_payload_text_is_shown_as_text(payload_site: SiteBuild) -> None:
    claim = read(payload_site, "claims/payload-claim/")
    text = claim.text
    assert '<script>alert("quote-script")</script>' in text
    assert "<img src=x onerror=\"alert('quote-img')\">" in text
    assert "*stars* _underscores_ **bold**" in text
    actor = read(payload_site, "actors/payload-accuser/")
    assert '--8<-- "vocabularies.md"' in actor.text
    assert "# Not a heading" in actor.text
    event = read(payload_site, "events/payload-event/")
    assert "[click me](javascript:alert('quote-link')) and {{ 7*7 }}" in event.text
    answer = read(payload_site, "claims/payload-answer/")
    assert "| a | b | and `code` and ``` fence." in answer.text
    title = html.unescape(
        re.search(
            r"<title>(.*?)</title>",
            (payload_site.site_dir / "claims" / "payload-claim" / "index.html").read_text(
                encoding="utf-8"
            ),
            re.S,
        ).group(1)  # type: ignore[union-attr]
    )
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
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    claims = data / "claims.yaml"
    text = claims.read_text(encoding="utf-8")
    start = text.index("  - id: article-says-iskp-attacks-persist-in-afghanistan")
    end = text.index("  - id: article-suggests-kabul-is-shifting-blame")
    claims.write_text(text[:start] + text[end:], encoding="utf-8")
    third = generate(data, out)
    assert third.report is not None
    assert "claims/article-says-iskp-attacks-persist-in-afghanistan/index.md" in (
        third.report.removed
    )
    assert not (out / "claims" / "article-says-iskp-attacks-persist-in-afghanistan").exists()
    assert (out / "notes.md").read_text(encoding="utf-8") == "hand-written"


def test_dates_show_their_precision_and_basis_on_claim_pages(
    site: SiteBuild, dataset: Dataset
) -> None:
    views = Views.build(dataset)
    for claim in views.claims.values():
        text = read(site, f"claims/{claim.id}/").text
        asserted = claim.asserted
        shown = f"{asserted.display} {asserted.precision_label.lower()} "
        shown += asserted.basis_label.lower()
        assert normalise(shown) in text, (claim.id, shown)
        for step in claim.history:
            # When the state held: its own date, or "by" the date of the source that reports it.
            assert step.date is not None
            assert normalise(f"per {step.as_of.text}, {step.date.short}") in text, claim.id
