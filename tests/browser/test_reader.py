"""A reader's paths through the site: links, history, search, colour scheme, instant loading.

Material's instant navigation swaps page content without reloading; the tests follow the
links a reader would click and check what lands on screen (the page's heading), not only
the address bar, because a swap that fails changes the URL but leaves the old content.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from titfortat_dev.browser import OpenPage, ServedSite, wait_for_scheme

pytestmark = pytest.mark.browser


def expect_page(page: Page, site: ServedSite, path: str, step: str) -> None:
    """Wait until ``path`` is both in the address bar and on screen (its heading)."""
    expect(page, f"{step}: the address should become /{path}").to_have_url(
        re.compile(re.escape(site.url + path) + r"(\?[^#]*)?(#.*)?$")
    )
    expect(
        page.locator(".md-content h1").first, f"{step}: /{path}'s heading should show"
    ).to_have_text(site.heading(path))


def nav_link(page: Page, name: str) -> Locator:
    """A link of the primary navigation (the left sidebar at desktop width)."""
    return page.locator(".md-sidebar--primary").get_by_role("link", name=name, exact=True)


def content_link(page: Page, href_end: str) -> Locator:
    """The first link in the page content whose href ends with ``href_end``."""
    return page.locator(f'.md-content a[href$="{href_end}"]').first


def test_home_timeline_actor_claim_answered_claim_and_back(
    open_page: OpenPage, real: ServedSite
) -> None:
    """home → timeline → an actor → a claim → the claim a source presents it as answering;
    back returns, in order."""
    page, _ = open_page("")
    nav_link(page, "Timeline").click()
    expect_page(page, real, "timeline/", "Timeline in the navigation")

    actor = "actors/zabihullah-mujahid/"
    if page.locator(f'.md-content a[href$="{actor}"]').count() == 0:
        # a long timeline is split by year: its index links to each year's page
        year = page.locator("ul.tft-years a").first
        year_path = real.relative(year.evaluate("a => a.href"))
        year.click()
        expect_page(page, real, year_path, "the latest year of the timeline")
    content_link(page, actor).click()
    expect_page(page, real, actor, "the spokesman's name on the timeline")

    # Of the actor's claims, take one that answers another (its page has that section).
    links = page.locator(".md-content a[href*='claims/']").evaluate_all(
        "links => links.map(a => [a.getAttribute('href'), a.href])"
    )
    claims = [(raw, real.relative(url)) for raw, url in links]
    answering = [
        (raw, path)
        for raw, path in claims
        if path != "claims/"
        and "tft-claim-list--responds-to"
        in (real.site_dir / path / "index.html").read_text("utf-8")
    ]
    assert answering, f"no claim on /{actor} answers another claim: {claims}"
    raw, claim = answering[0]
    page.locator(f'.md-content a[href="{raw}"]').first.click()
    expect_page(page, real, claim, f"a claim on /{actor}")

    answered = page.locator("ul.tft-claim-list--responds-to a[href*='claims/']").first
    answered_path = real.relative(answered.evaluate("a => a.href"))
    answered.click()
    expect_page(page, real, answered_path, f"the claim it is presented as answering, /{claim}")
    back_links = page.locator("ul.tft-claim-list--responses a").evaluate_all(
        "links => links.map(a => a.href)"
    )
    assert claim in [real.relative(url) for url in back_links], (
        f"/{answered_path} should list /{claim} among its responses: {back_links}"
    )

    page.go_back()
    expect_page(page, real, claim, "Back from the answered claim")
    page.go_back()
    expect_page(page, real, actor, "Back again")
    page.go_forward()
    expect_page(page, real, claim, "Forward")


SEARCHES = {
    # query: (acceptable result pages, what the reader expects to find)
    "Mastung": (re.compile(r"^(places/mastung/|claims/[^/]+/)$"), "the Mastung place page"),
    "IS-KP": (re.compile(r"^actors/is-kp/$"), "the IS-KP actor page"),
    "Mujahid": (re.compile(r"^actors/zabihullah-mujahid/$"), "Zabihullah Mujahid's page"),
}


@pytest.mark.parametrize("query", list(SEARCHES))
def test_search_finds_and_opens(open_page: OpenPage, real: ServedSite, query: str) -> None:
    """Typing in Material's search lists the right page, and clicking the result opens it."""
    wanted, what = SEARCHES[query]
    page, _ = open_page("")
    page.keyboard.press("/")
    search = page.locator("input.md-search__input")
    expect(search, "'/' should focus the search box").to_be_focused()
    page.keyboard.type(query, delay=20)
    results = page.locator(".md-search-result__item a.md-search-result__link")
    expect(results.first, f"searching {query!r} lists nothing").to_be_visible()
    # Results are redrawn as each letter arrives: read them once they have stopped changing.
    listed: list[list[str]] = []
    for _ in range(20):
        page.wait_for_timeout(100)
        now = results.evaluate_all("links => links.map(a => [a.getAttribute('href'), a.href])")
        if now == listed:
            break
        listed = now
    found = [(raw, real.relative(url)) for raw, url in listed]
    matching = [(raw, path) for raw, path in found if wanted.match(path)]
    if query == "Mastung":  # a claim counts only if it names Mastung
        matching = [
            (raw, path)
            for raw, path in matching
            if path == "places/mastung/"
            or "Mastung" in (real.site_dir / path / "index.html").read_text(encoding="utf-8")
        ]
    assert matching, (
        f"searching {query!r} should list {what}; it lists {[path for _, path in found]}"
    )
    raw, target = matching[0]
    page.locator(f'.md-search-result__item a.md-search-result__link[href="{raw}"]').first.click()
    expect_page(page, real, target, f"the search result for {query!r}")


def press_palette_toggle(page: Page) -> str:
    """Click the header's scheme button; wait for the toggle to move to the next option.

    The palette is a set of hidden radio buttons, and one visible label: the button for
    the next option. Returns what the button then says (its title).
    """
    button = "form[data-tft-palette] label:not([hidden])"
    before = page.locator(button).get_attribute("for")
    page.locator(button).click()
    page.wait_for_function(
        "([sel, was]) => document.querySelector(sel)?.htmlFor !== was", arg=[button, before]
    )
    return page.locator(button).get_attribute("title") or ""


def test_palette_toggle_switches_scheme_and_remembers(open_page: OpenPage) -> None:
    """The header's scheme button changes the scheme; the choice survives a reload."""
    page, _ = open_page("", color_scheme="light")
    body = page.locator("body")
    wait_for_scheme(page, "default")
    chosen = []
    for _ in range(2):  # follow the system (light here) -> light -> dark
        chosen.append(press_palette_toggle(page))
        if body.get_attribute("data-md-color-scheme") == "slate":
            break
    expect(body, f"the toggle never chose the dark scheme: {chosen}").to_have_attribute(
        "data-md-color-scheme", "slate"
    )
    page.reload()
    wait_for_scheme(page, "slate")
    press_palette_toggle(page)  # dark -> follow the system (light here)
    wait_for_scheme(page, "default")
    page.reload()
    wait_for_scheme(page, "default")


def test_instant_navigation_survives_many_clicks(open_page: OpenPage, real: ServedSite) -> None:
    """Clicks swap content in place (a window marker survives), including back to Home."""
    page, log = open_page("claims/")
    page.evaluate("window.__tftMarker = 'still the same document'")
    route = [
        ("Timeline", "timeline/"),
        ("Actors", "actors/"),
        ("Home", ""),
        ("Who accuses whom", "matrix/"),
        ("Places", "places/"),
        ("Home", ""),
        ("Claims", "claims/"),
    ]
    for step, (name, path) in enumerate(route, start=1):
        nav_link(page, name).click()
        expect_page(page, real, path, f"click {step}, {name!r} in the navigation")
        marker = page.evaluate("window.__tftMarker")
        assert marker == "still the same document", (
            f"click {step} ({name!r}) reloaded the whole page instead of swapping content"
        )
    assert not log.page_errors, f"script errors while navigating: {log.page_errors}"
