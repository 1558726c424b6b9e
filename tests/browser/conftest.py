"""Browser-test infrastructure: one Chromium, one build of each site, each served locally.

Every test here is marked `browser`. With no Chromium on the machine the whole suite is
skipped with one message saying how to install one; REQUIRE_BROWSER=1 (CI) turns that skip
into a failure, so a missing browser can never pass for a green run.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    ViewportSize,
    sync_playwright,
)

from titfortat_dev.browser import (
    DESKTOP,
    LAUNCH_ARGS,
    OFFLINE_ARGS,
    CrawledPage,
    OpenPage,
    PageLog,
    PageWatch,
    ServedSite,
    crawl,
    find_chromium,
    serve_folder,
    site_pages,
)
from titfortat_dev.sitebuild import PROJECT_ROOT, build_site

DATA = PROJECT_ROOT / "data"
PAYLOAD = PROJECT_ROOT / "tests" / "fixtures" / "payload"

_CHROMIUM = pytest.StashKey[Path | None]()
_MISSING = pytest.StashKey[str]()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Find Chromium once; without one, skip every browser test (or stop, if required)."""
    browser_items = [item for item in items if item.get_closest_marker("browser")]
    if not browser_items:
        return
    path, where = find_chromium()
    config.stash[_CHROMIUM] = path
    if path is not None:
        return
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.exit(f"{where}. REQUIRE_BROWSER=1 forbids skipping the browser tests.", 1)
    config.stash[_MISSING] = where
    skip = pytest.mark.skip(reason=where)
    for item in browser_items:
        item.add_marker(skip)


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    """Repeat, once and loudly, why the browser tests did not run."""
    missing = config.stash.get(_MISSING, None)
    if missing:
        terminalreporter.write_line(f"BROWSER TESTS SKIPPED: {missing}", red=True, bold=True)


@pytest.fixture(scope="session")
def playwright(pytestconfig: pytest.Config) -> Iterator[Playwright]:
    """Playwright's driver, started once for the session."""
    if pytestconfig.stash.get(_CHROMIUM, None) is None:
        pytest.skip(pytestconfig.stash.get(_MISSING, "No Chromium found"))
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright, pytestconfig: pytest.Config) -> Iterator[Browser]:
    """The session's one Chromium: headless, and unable to reach any host but 127.0.0.1."""
    executable = pytestconfig.stash[_CHROMIUM]
    chromium = playwright.chromium.launch(
        executable_path=str(executable), args=[*LAUNCH_ARGS, *OFFLINE_ARGS]
    )
    yield chromium
    chromium.close()


def _build_and_serve(data: Path, root: Path) -> Iterator[ServedSite]:
    """Start the server first, then build with site_url set to its address.

    Material's instant navigation only takes over links the sitemap lists, and the
    sitemap's URLs come from site_url: built for production, every click would be a full
    page load here and instant navigation would go untested.
    """
    site = root / "site"
    site.mkdir()
    with serve_folder(site) as base:
        build_site(data, site, root / "work", site_url=base)
        yield ServedSite(site, base)


@pytest.fixture(scope="session")
def real(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The site built once from data/ (away from docs/generated/), served for the session."""
    yield from _build_and_serve(DATA, tmp_path_factory.mktemp("real-site"))


@pytest.fixture(scope="session")
def payload(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The site built once from the payload fixture (every text field an attack), served."""
    yield from _build_and_serve(PAYLOAD, tmp_path_factory.mktemp("payload-site"))


@pytest.fixture(scope="session")
def real_site(real: ServedSite) -> Path:
    """The real site's folder."""
    return real.site_dir


@pytest.fixture(scope="session")
def real_url(real: ServedSite) -> str:
    """The real site's base URL (ending in /)."""
    return real.url


@pytest.fixture(scope="session")
def payload_site(payload: ServedSite) -> Path:
    """The payload site's folder."""
    return payload.site_dir


@pytest.fixture(scope="session")
def payload_url(payload: ServedSite) -> str:
    """The payload site's base URL (ending in /)."""
    return payload.url


@pytest.fixture(scope="session")
def real_pages(real_site: Path) -> list[str]:
    """Every page of the real site, as paths relative to its base URL."""
    pages = site_pages(real_site)
    assert len(pages) > 20, f"the real site has only {len(pages)} pages: {pages}"
    return pages


@pytest.fixture(scope="session")
def payload_pages(payload_site: Path) -> list[str]:
    """Every page of the payload site, as paths relative to its base URL."""
    pages = site_pages(payload_site)
    assert "claims/payload-claim/" in pages, f"the payload site lacks its claim page: {pages}"
    return pages


@pytest.fixture(scope="session")
def real_crawl(browser: Browser, real_url: str, real_pages: list[str]) -> dict[str, CrawledPage]:
    """Every page of the real site opened once (desktop, light), with what went wrong."""
    context = browser.new_context(viewport=DESKTOP)
    try:
        return crawl(context.new_page(), real_url, real_pages)
    finally:
        context.close()


@pytest.fixture
def new_context(browser: Browser) -> Iterator[Callable[..., BrowserContext]]:
    """Make fresh browser contexts (own storage, viewport, scheme); closed after the test."""
    made: list[BrowserContext] = []

    def make(**options: Any) -> BrowserContext:
        context = browser.new_context(**{"viewport": DESKTOP, **options})
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


@pytest.fixture
def open_page(new_context: Callable[..., BrowserContext], real_url: str) -> OpenPage:
    """Open a page of the real site in a fresh context, watched by a PageWatch.

    Returns the page and its live log (console and page errors, failed requests, requests
    to other hosts, which are aborted, and dialogs); fails unless the page answers 200.
    """

    def open_(
        path: str = "",
        *,
        viewport: ViewportSize = DESKTOP,
        color_scheme: Literal["light", "dark"] = "light",
    ) -> tuple[Page, PageLog]:
        context = new_context(viewport=viewport, color_scheme=color_scheme)
        watch = PageWatch(context.new_page(), real_url)
        log = watch.visit(path)
        assert log.status == 200, f"{log.url} answered {log.status}"
        return watch.page, log

    return open_
