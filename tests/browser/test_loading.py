"""What a page downloads and does as it loads, and what waits for the reader.

A cold load (fresh browser profile, the site served gzipped as GitHub Pages serves it) of each
page type asks for none of Material's background downloads: not the search index or the
search worker (`partials/search-on-intent.html` holds them until the reader asks for search)
and not the sitemap (`partials/instant-navigation.html` holds it until the reader points at a
link), and weighs at most 103 KiB until the network is idle. Each way of asking for search
then fetches them, and a query typed at once is answered; instant navigation still works,
and a click made before its sitemap arrived is followed once. Material's script is deferred:
the page is drawn, and its links work, before it runs. As the page starts, Chromium styles it
about once, as a stock Material page: the colour scheme is set while the page is parsed
(`partials/javascripts/palette.html`), not switched after.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Request, Route, Worker, expect

from titfortat_dev.browser import DESKTOP, PHONE, ServedSite, page_of_type
from titfortat_dev.lighthouse import serve

pytestmark = pytest.mark.browser

PAGE_TYPES = {
    "home": "home",
    "timeline": "timeline",
    "matrix": "matrix",
    "claim": "claim",
    "actor": "actor",
    "place": "place",
    "listing": "claims-index",
    "method": "method",
}
"""The page types of the budget, by the names issue 19 gives them, to browser.PAGE_TYPES' names."""

BUDGET = 103 * 1024
"""Bytes a cold load of any page may transfer, gzipped, until the network is idle."""

ON_REQUEST = {
    "the search index": re.compile(r"/search/search_index\.json$"),
    "the search worker": re.compile(r"/workers/search\.[^/]*\.js$"),
    "the sitemap": re.compile(r"/sitemap\.xml$"),
}
"""Material's downloads that wait for the reader."""

SEARCH_INDEX = "**/search/search_index.json"
QUERY = "Mastung"
RESULT = ".md-search-result__item a.md-search-result__link"


@dataclass
class Load:
    """A page opened in a fresh context, and every request it made."""

    page: Page
    base: str
    requests: list[Request] = field(default_factory=list)
    finished: list[Request] = field(default_factory=list)
    workers: list[str] = field(default_factory=list)

    def record(self, page: Page) -> None:
        """Record what ``page`` asks for from now on."""
        page.on("request", self._requested)
        page.on("requestfinished", self._finished)
        page.on("worker", self._worker)

    def _requested(self, request: Request) -> None:
        self.requests.append(request)

    def _finished(self, request: Request) -> None:
        self.finished.append(request)

    def _worker(self, worker: Worker) -> None:
        self.workers.append(worker.url)

    def asked_for(self, what: str) -> list[str]:
        """The requests for one of ON_REQUEST's downloads, by path."""
        pattern = ON_REQUEST[what]
        paths = [self.path(r.url) for r in self.requests]
        return [path for path in paths if pattern.search(path)]

    def path(self, url: str) -> str:
        return "/" + url.removeprefix(self.base) if url.startswith(self.base) else url

    def transferred(self) -> list[tuple[int, str]]:
        """Each finished request's bytes over the network (headers and body as sent, so
        gzipped where the server gzips), with its path; largest first.

        A worker's script is fetched by the worker, and Playwright then gives its body no
        size: its Content-Length stands in (none is expected on a cold load anyway).
        """
        sizes = []
        for request in self.finished:
            sent = request.sizes()
            body = sent["responseBodySize"]
            response = request.response()
            if body <= 0 and response is not None:
                body = int(response.headers.get("content-length") or 0)
            sizes.append((body + sent["responseHeadersSize"], self.path(request.url)))
        return sorted(sizes, reverse=True)


@pytest.fixture(scope="module")
def pages_url(real_site: Path) -> Iterator[str]:
    """The real site served as GitHub Pages serves it: gzipped, cached for ten minutes."""
    with serve(real_site) as url:
        yield url


def open_cold(
    context: BrowserContext, base: str, path: str, wait: Literal["networkidle", "load"]
) -> Load:
    """Open ``path`` in ``context`` (fresh, so with a cold cache), recording every request."""
    page = context.new_page()
    load = Load(page, base)
    load.record(page)
    response = page.goto(base + path, wait_until=wait)
    assert response is not None
    assert response.status == 200, f"/{path} answered {response.status}"
    return load


def nothing_on_request(load: Load, when: str) -> None:
    for what in ON_REQUEST:
        assert not load.asked_for(what), f"{when}, the page asked for {what}"
    assert not load.workers, f"{when}, the page started a worker: {load.workers}"


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_a_cold_load_asks_for_nothing_the_reader_did_not(
    new_context: Callable[..., BrowserContext], real_site: Path, pages_url: str, name: str
) -> None:
    """Until the network is idle: no search index, no search worker, no sitemap."""
    path = page_of_type(real_site, PAGE_TYPES[name])
    load = open_cold(new_context(), pages_url, path, "networkidle")
    nothing_on_request(load, f"On a cold load of /{path} ({name})")


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_a_cold_load_weighs_at_most_103_kib(
    new_context: Callable[..., BrowserContext], real_site: Path, pages_url: str, name: str
) -> None:
    """Every byte over the network, gzipped as served, until the network is idle."""
    path = page_of_type(real_site, PAGE_TYPES[name])
    load = open_cold(new_context(), pages_url, path, "networkidle")
    sizes = load.transferred()
    total = sum(size for size, _ in sizes)
    unfinished = {load.path(r.url) for r in load.requests if not r.url.startswith("data:")}
    unfinished -= {load.path(r.url) for r in load.finished}
    assert not unfinished, f"/{path}: requests that never finished: {sorted(unfinished)}"
    assert total <= BUDGET, (
        f"/{path} ({name}) transferred {total / 1024:.1f} KiB, over {BUDGET / 1024:.0f} KiB:\n"
        + "\n".join(f"  {size / 1024:6.1f} KiB  {what}" for size, what in sizes)
    )


def _click_search_box(page: Page) -> None:
    page.locator("input.md-search__input").click()


def _tap_search_button(page: Page) -> None:
    page.locator("label.md-header__button[for='__search']").tap()


def _focus_search_box(page: Page) -> None:
    page.locator("input.md-search__input").focus()


INTENTS: dict[str, tuple[Callable[[Page], None], dict[str, Any]]] = {
    "a click on the search box": (_click_search_box, {"viewport": DESKTOP}),
    "a tap on the search button (phone)": (
        _tap_search_button,
        {"viewport": PHONE, "has_touch": True, "is_mobile": True},
    ),
    "the / shortcut": (lambda page: page.keyboard.press("/"), {"viewport": DESKTOP}),
    "the s shortcut": (lambda page: page.keyboard.press("s"), {"viewport": DESKTOP}),
    "focus on the search box": (_focus_search_box, {"viewport": DESKTOP}),
}


@pytest.mark.parametrize("intent", list(INTENTS))
def test_asking_for_search_fetches_it_and_the_first_query_is_answered(
    new_context: Callable[..., BrowserContext], pages_url: str, intent: str
) -> None:
    """Each way of opening search fetches the index and starts the worker; a query typed at
    once (before the index has arrived) is answered."""
    act, options = INTENTS[intent]
    load = open_cold(new_context(**options), pages_url, "", "networkidle")
    page = load.page
    nothing_on_request(load, "Before the reader asked for search")
    with page.expect_request(SEARCH_INDEX), page.expect_event("worker"):
        act(page)
    expect(page.locator("input.md-search__input"), f"{intent} should focus search").to_be_focused()
    page.keyboard.type(QUERY, delay=20)
    expect(page.locator(RESULT).first, f"no result for {QUERY!r} after {intent}").to_be_visible()
    assert load.asked_for("the search index") == ["/search/search_index.json"]
    assert len(load.workers) == 1, load.workers
    assert not load.asked_for("the sitemap"), "asking for search fetched the sitemap"


def test_a_search_in_the_address_is_answered(
    new_context: Callable[..., BrowserContext], pages_url: str
) -> None:
    """A shared search (?q=) opens search at once, so its downloads start at once."""
    load = open_cold(new_context(), pages_url, f"?q={QUERY}", "load")
    expect(load.page.locator(RESULT).first, f"?q={QUERY} lists nothing").to_be_visible()


# --- instant navigation: the sitemap waits for a link ---------------------------------------


def _nav_link(page: Page, name: str) -> Any:
    return page.locator(".md-sidebar--primary").get_by_role("link", name=name, exact=True)


def _expect_heading(page: Page, real: ServedSite, path: str) -> None:
    expect(page, f"the address should become /{path}").to_have_url(
        re.compile(re.escape(real.url + path) + r"(#.*)?$")
    )
    expect(page.locator(".md-content h1").first).to_have_text(real.heading(path))


def _mark(page: Page) -> int:
    """Mark the document (instant navigation keeps it); the history's length."""
    page.evaluate("window.tftSameDocument = true")
    length: int = page.evaluate("history.length")
    return length


def _same_document(page: Page) -> bool:
    return bool(page.evaluate("window.tftSameDocument === true"))


def test_the_page_shows_and_its_links_work_before_materials_script(
    new_context: Callable[..., BrowserContext], real: ServedSite
) -> None:
    """Material's script is deferred: the page is drawn, in the reader's colour scheme, and its
    links work, while the script is still on its way."""
    context = new_context(color_scheme="dark")
    page = context.new_page()
    held: list[Route] = []

    def hold(route: Route) -> None:
        held.append(route)

    page.route(re.compile(r"/bundle\.[^/]*\.js$"), hold)
    page.goto(real.url + "claims/", wait_until="commit")
    expect(page.locator(".md-content h1").first).to_have_text(real.heading("claims/"))
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert held, "Material's script was not asked for"
    assert page.evaluate("typeof window.document$") == "undefined", "Material's script ran"
    # Parsed to the end without it (a script that is not deferred stops the parser).
    assert page.evaluate("document.readyState") == "interactive"
    _nav_link(page, "Timeline").click()
    _expect_heading(page, real, "timeline/")
    for route in held:
        route.abort()


def test_the_sitemap_waits_for_a_link_and_the_first_click_is_instant(
    new_context: Callable[..., BrowserContext], real: ServedSite
) -> None:
    """No sitemap until the reader points at a link; the click that follows is instant
    (the document stays) and adds one history entry."""
    load = open_cold(new_context(), real.url, "claims/", "networkidle")
    page = load.page
    nothing_on_request(load, "On a cold load")
    length = _mark(page)
    _nav_link(page, "Timeline").click()
    _expect_heading(page, real, "timeline/")
    assert load.asked_for("the sitemap") == ["/sitemap.xml"]
    assert _same_document(page), "the first click reloaded the page instead of swapping it"
    assert page.evaluate("history.length") == length + 1
    _nav_link(page, "Actors").click()
    _expect_heading(page, real, "actors/")
    assert _same_document(page), "the second click reloaded the page"
    assert load.asked_for("the sitemap") == ["/sitemap.xml"], "the sitemap was asked for again"


@pytest.mark.parametrize("link", ["another page", "the skip link"])
def test_a_click_before_the_sitemap_arrives_is_followed_once(
    new_context: Callable[..., BrowserContext], real: ServedSite, link: str
) -> None:
    """While the sitemap is on its way, a click waits; when it comes, Material follows the
    click once: one history entry, the right place."""
    load = open_cold(new_context(), real.url, "claims/", "networkidle")
    page = load.page
    held: list[Route] = []

    def hold(route: Route) -> None:
        held.append(route)

    page.route("**/sitemap.xml", hold)
    length = _mark(page)
    anchor = ""
    if link == "another page":
        _nav_link(page, "Timeline").click()
    else:
        page.keyboard.press("Tab")
        skip = page.locator("a.md-skip")
        expect(skip).to_be_focused()
        anchor = (skip.get_attribute("href") or "").partition("#")[2]
        page.keyboard.press("Enter")
    for _ in range(50):
        if held:
            break
        page.wait_for_timeout(20)
    assert held, "pointing at the link did not ask for the sitemap"
    page.wait_for_timeout(100)
    assert page.url == real.url + "claims/", f"the click did not wait for the sitemap: {page.url}"
    held[0].continue_()
    if link == "another page":
        _expect_heading(page, real, "timeline/")
    else:
        expect(page).to_have_url(f"{real.url}claims/#{anchor}")
    assert _same_document(page), "the click reloaded the page"
    page.wait_for_timeout(300)
    assert page.evaluate("history.length") == length + 1, "the click was followed twice"


def test_without_the_sitemap_links_still_work(
    new_context: Callable[..., BrowserContext], real: ServedSite
) -> None:
    """If the sitemap cannot be had, the browser follows links itself."""
    load = open_cold(new_context(), real.url, "claims/", "networkidle")
    page = load.page
    page.route("**/sitemap.xml", lambda route: route.abort())
    _nav_link(page, "Timeline").click()
    _expect_heading(page, real, "timeline/")


# --- style recalculations as Material starts -------------------------------------------------

TRACE_CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline"]

WATCH_SCHEME = """(() => {
  const changes = (window.tftSchemeChanges = []);
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.target === document.body && record.attributeName?.startsWith("data-md-color")) {
        changes.push([record.attributeName, document.readyState]);
      }
    }
  }).observe(document, { attributes: true, subtree: true });
})()"""


def restyled(browser: Browser, context: BrowserContext, url: str) -> tuple[float, Page]:
    """Load ``url`` cold under a trace; the elements Chromium restyled over the whole load
    (every UpdateLayoutTree event) as a multiple of the elements the page has."""
    page = context.new_page()
    browser.start_tracing(page=page, categories=TRACE_CATEGORIES)
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)
    trace = json.loads(browser.stop_tracing())
    events = trace["traceEvents"] if isinstance(trace, dict) else trace
    styled = sum(
        int(event.get("args", {}).get("elementCount") or 0)
        for event in events
        if event.get("name") == "UpdateLayoutTree"
    )
    elements: int = page.evaluate("document.getElementsByTagName('*').length")
    return styled / elements, page


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", ["home", "matrix"])
def test_material_styles_the_page_about_once_as_it_starts(
    browser: Browser,
    new_context: Callable[..., BrowserContext],
    real_site: Path,
    pages_url: str,
    scheme: Literal["light", "dark"],
    name: str,
) -> None:
    """Chromium restyles the page about once over its load, as on stock Material (before:
    five times, four of them forced by Material's palette component). The scheme is set
    while the page is parsed and never switched after (no data-md-color-switching)."""
    context = new_context(viewport=PHONE, color_scheme=scheme)
    context.add_init_script(WATCH_SCHEME)
    path = page_of_type(real_site, PAGE_TYPES[name])
    times, page = restyled(browser, context, pages_url + path)
    assert times < 1.5, f"/{path} ({scheme}): the page was restyled {times:.2f} times over"
    expected = {"light": "default", "dark": "slate"}[scheme]
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", expected)
    changes = page.evaluate("window.tftSchemeChanges")
    late = [change for change in changes if change[1] != "loading"]
    assert not late, f"the colour scheme changed after the page was parsed: {late}"
    assert not [c for c in changes if c[0] == "data-md-color-switching"], changes


def test_the_colour_scheme_follows_the_system_while_the_page_is_open(
    new_context: Callable[..., BrowserContext], pages_url: str
) -> None:
    """Following the system (the default), the page changes scheme with it, at once."""
    page = open_cold(new_context(color_scheme="light"), pages_url, "", "load").page
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.emulate_media(color_scheme="dark")
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    expect(page.locator("meta[name='color-scheme']")).to_have_attribute("content", "dark")
    page.emulate_media(color_scheme="light")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
