"""Every page of the built site loads cleanly in a real browser, and asks no other host.

One walk over all pages (the session's `real_crawl`) feeds these tests, so each states one
property of every page without loading the site again.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext

from conftest import DATA, PAYLOAD
from titfortat.model.quotes import normalise
from titfortat.pipeline import load_dataset
from titfortat.plan import urls
from titfortat_dev.browser import CrawledPage, PageWatch, ServedSite, redirect_pages

pytestmark = pytest.mark.browser


def _report(pages: dict[str, list[str]]) -> str:
    return "\n".join(f"  /{page}: {item}" for page, items in pages.items() for item in items)


def test_every_page_answers_200(real_crawl: dict[str, CrawledPage]) -> None:
    """Each page folder the build wrote is served and loads."""
    bad = {
        page: [f"status {v.log.status}"] for page, v in real_crawl.items() if v.log.status != 200
    }
    assert not bad, f"pages that did not load:\n{_report(bad)}"


def test_no_page_requests_another_host(real_crawl: dict[str, CrawledPage]) -> None:
    """The site promises readers it asks no other host for anything (fonts, APIs, scripts)."""
    by_host: dict[str, dict[str, list[str]]] = {}
    for page, crawled in real_crawl.items():
        for url in crawled.log.off_origin:
            by_host.setdefault(urlsplit(url).netloc, {}).setdefault(url, []).append(f"/{page}")
    lines = [
        f"  {host}: {url} from {len(pages)} page(s): {', '.join(pages[:8])}"
        + (" ..." if len(pages) > 8 else "")
        for host, urls in sorted(by_host.items())
        for url, pages in urls.items()
    ]
    assert not by_host, "pages ask other hosts:\n" + "\n".join(lines)


def test_no_request_fails(real_crawl: dict[str, CrawledPage]) -> None:
    """Stylesheets, scripts, the search index, images: everything a page asks for exists."""
    bad = {page: v.log.failed_requests for page, v in real_crawl.items() if v.log.failed_requests}
    assert not bad, f"failed requests:\n{_report(bad)}"


def test_no_console_or_page_errors(real_crawl: dict[str, CrawledPage]) -> None:
    """No page logs an error or throws: a broken script would break search and navigation."""
    bad = {
        page: [*v.log.console_errors, *v.log.page_errors]
        for page, v in real_crawl.items()
        if v.log.console_errors or v.log.page_errors
    }
    assert not bad, f"console errors and uncaught exceptions:\n{_report(bad)}"


def test_sitemap_lists_every_page(real_site: Path, real_pages: list[str]) -> None:
    """The crawl covered the site: sitemap.xml (production URLs) names exactly its pages."""
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(real_site / "sitemap.xml").getroot()  # noqa: S314 - our own build
    locations = [loc.text or "" for loc in root.iterfind("s:url/s:loc", namespace)]
    home = min(locations, key=len)
    listed = {loc.removeprefix(home) for loc in locations}
    assert all(loc.startswith(home) for loc in locations), f"sitemap mixes bases: {locations}"
    assert listed == set(real_pages), (
        f"sitemap.xml and the built pages differ: only in the sitemap "
        f"{sorted(listed - set(real_pages))}, only built {sorted(set(real_pages) - listed)}"
    )


@pytest.mark.parametrize("which", ["real", "payload"])
def test_an_old_address_lands_on_its_statement(
    which: str, request: pytest.FixtureRequest, new_context: Callable[..., BrowserContext]
) -> None:
    """A reader who follows a link to a statement's old id (``formerly``) lands on the
    statement's page, with nothing asked of another host on the way. The payload has one old
    address; the real data may have any number."""
    served: ServedSite = request.getfixturevalue(which)
    old_addresses = redirect_pages(served.site_dir)
    dataset = load_dataset(DATA if which == "real" else PAYLOAD)
    leads_to = {
        urls.record_url("statements", old): urls.record_url("statements", statement.id)
        for statement in dataset.statements.values()
        for old in statement.formerly
    }
    assert sorted(leads_to) == old_addresses
    if which == "payload":
        assert old_addresses == ["claims/payload-old-claim/"]
    for old, new in leads_to.items():
        watch = PageWatch(new_context().new_page(), served.url)
        log = watch.visit(old)
        watch.page.wait_for_url(served.url + new)
        heading = watch.page.locator("h1").first.inner_text()
        assert normalise(heading) == normalise(served.heading(new))
        assert not log.off_origin, log.off_origin
