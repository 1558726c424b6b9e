"""What a page asks for, and when: the page first, Material's background downloads after it.

Material's script asks for the search index (the largest file a page loads) the moment it
starts, while the page is still being drawn. `partials/hold-downloads.html` holds that request
until the page has loaded and painted; these tests check that it does, that search still
answers a query typed before the index came (search is tested in full in test_reader.py), and
that nothing else is held.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from titfortat_dev.browser import OpenPage

pytestmark = pytest.mark.browser

HELD = ("search/search_index.json",)

TIMINGS = """() => {
  const navigation = performance.getEntriesByType("navigation")[0];
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  return {
    load: navigation.loadEventEnd,
    paint: paint ? paint.startTime : null,
    resources: performance.getEntriesByType("resource").map(
      (entry) => [new URL(entry.name).pathname, entry.initiatorType, entry.startTime]
    ),
  };
}"""


@pytest.mark.parametrize("path", ["", "timeline/", "claims/"])
def test_search_index_and_sitemap_wait_until_the_page_has_loaded(
    open_page: OpenPage, path: str
) -> None:
    """The index is asked for, and only after the load event and the first paint."""
    page, log = open_page(path)
    page.wait_for_function(
        "names => names.every(name => performance.getEntriesByType('resource')"
        ".some(entry => new URL(entry.name).pathname.endsWith(name)))",
        arg=list(HELD),
    )
    timings = page.evaluate(TIMINGS)
    assert timings["load"] > 0, "the load event never ended"
    assert timings["paint"] is not None, "the page was never painted"
    held = [r for r in timings["resources"] if r[0].endswith(HELD)]
    assert {name for name in HELD if any(r[0].endswith(name) for r in held)} == set(HELD)
    early = [r for r in held if r[2] < timings["load"] or r[2] < timings["paint"]]
    assert not early, (
        f"asked for before the page had loaded ({timings['load']:.0f} ms) and painted "
        f"({timings['paint']:.0f} ms): {early}"
    )
    # The page's own style sheets and script, and the sitemap instant navigation needs, are not.
    own = [r for r in timings["resources"] if r[1] in ("link", "script")]
    assert own, f"no style sheet or script was recorded: {timings['resources']}"
    assert all(r[2] < timings["load"] for r in own), own
    sitemap = [r for r in timings["resources"] if r[0].endswith("/sitemap.xml")]
    assert sitemap, f"the sitemap was never asked for: {timings['resources']}"
    assert min(r[2] for r in sitemap) < timings["load"], sitemap
    assert not log.page_errors, log.page_errors


def test_search_works_when_the_index_arrives_late(open_page: OpenPage) -> None:
    """A query typed while the index is still held is answered once it arrives."""
    page, log = open_page("")
    # Type as soon as the page is parsed: before the load event, so before the index is asked for.
    page.reload(wait_until="domcontentloaded")
    page.keyboard.press("/")
    page.keyboard.type("Mastung", delay=20)
    results = page.locator(".md-search-result__item a.md-search-result__link")
    expect(results.first, "no result for 'Mastung' after the index arrived").to_be_visible(
        timeout=10_000
    )
    assert not log.page_errors, log.page_errors
