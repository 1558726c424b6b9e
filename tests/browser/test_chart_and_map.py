"""The timeline chart and the map, as a reader meets them: drawn, named for screen readers,
every mark a link reachable with the keyboard, and the same facts in their text equivalents.

axe runs on these pages in test_accessibility.py (home, timeline, places index, place page);
here, the drawings themselves.
"""

from __future__ import annotations

import itertools
from typing import Any, Literal

import pytest
from playwright.sync_api import Page, ViewportSize

from titfortat_dev.browser import DESKTOP, OpenPage

pytestmark = pytest.mark.browser

NAME = """(a) => a.getAttribute("aria-label") || (a.getAttribute("aria-labelledby") || "")
  .split(" ").map(id => (document.getElementById(id) || {}).textContent || "").join(" ")"""
"""An element's accessible name as its attributes give it (aria-label, else the text of what
aria-labelledby names, hidden or not)."""

MARKS = (
    """(selector) => Array.from(document.querySelectorAll(selector)).map(a => ({
  label: ("""
    + NAME
    + """)(a),
  href: new URL(a.getAttributeNS("http://www.w3.org/1999/xlink", "href")
    || a.getAttribute("href") || "", document.baseURI).href,
  box: (() => { const r = a.getBoundingClientRect(); return [r.width, r.height]; })(),
}))"""
)


def marks(page: Any, selector: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = page.evaluate(MARKS, selector)
    return found


def tab_until(page: Any, selector: str, limit: int = 400) -> list[str]:
    """Press Tab until focus has passed every element matching ``selector``; the labels of
    those focused, in order."""
    total = page.locator(selector).count()
    seen: list[str] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        label = page.evaluate(
            "(s) => document.activeElement.matches(s) ? (" + NAME + ")(document.activeElement)"
            " : null",
            selector,
        )
        if label is not None and label not in seen:
            seen.append(label)
        if len(seen) == total:
            break
    return seen


WIDE = "svg.tft-chart__svg--wide"
NARROW = "svg.tft-chart__svg--narrow"
PHONE_412: ViewportSize = {"width": 412, "height": 915}

CHART_LAYOUT = """(svg) => {
  const box = (e) => { const r = e.getBoundingClientRect();
    return {x: r.x, y: r.y, w: r.width, h: r.height}; };
  const el = document.querySelector(svg);
  return {
    shown: getComputedStyle(el).display !== "none",
    svg: box(el),
    scrollWidth: document.documentElement.scrollWidth,
    texts: Array.from(el.querySelectorAll("text")).map(t => ({
      text: t.textContent, box: box(t),
      px: parseFloat(getComputedStyle(t).fontSize) * el.getBoundingClientRect().width
        / el.viewBox.baseVal.width,
      count: t.classList.contains("tft-chart__count"),
    })),
    marks: Array.from(el.querySelectorAll("a.tft-chart__mark")).map(a => ({
      label: a.getAttribute("aria-label") || (document.getElementById(
        a.getAttribute("aria-labelledby")) || {}).textContent,
      box: box(a.querySelector(".tft-chart__hit")),
    })),
    bands: Array.from(el.querySelectorAll("a.tft-chart__band-link")).map(
      a => a.getAttribute("aria-label")),
    moments: Array.from(el.querySelectorAll("a.tft-chart__moment")).map(
      a => a.getAttribute("aria-label")),
  };
}"""


def overlap(a: dict[str, float], b: dict[str, float], pad: float = 0.5) -> bool:
    return (
        a["x"] + pad < b["x"] + b["w"]
        and b["x"] + pad < a["x"] + a["w"]
        and a["y"] + pad < b["y"] + b["h"]
        and b["y"] + pad < a["y"] + a["h"]
    )


@pytest.mark.parametrize("path", ["timeline/"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    ("viewport", "shown", "hidden"), [(DESKTOP, WIDE, NARROW), (PHONE_412, NARROW, WIDE)]
)
def test_the_chart_reads_at_phone_and_desk_widths(
    open_page: OpenPage,
    path: str,
    viewport: ViewportSize,
    shown: str,
    hidden: str,
    scheme: Literal["light", "dark"],
) -> None:
    """One drawing shown for the width, whole (no sideways scroll, nothing cut off), its words
    at least 12 px and apart, every mark a target of at least 24 by 24 px, the exchanges
    named and the moments labelled."""
    page, _ = open_page(path, viewport=viewport, color_scheme=scheme)
    layout = page.evaluate(CHART_LAYOUT, shown)
    other = page.evaluate(CHART_LAYOUT, hidden)
    assert layout["shown"]
    assert not other["shown"]
    assert layout["scrollWidth"] <= viewport["width"]
    assert layout["svg"]["x"] >= 0
    assert layout["svg"]["x"] + layout["svg"]["w"] <= viewport["width"]
    words = [t for t in layout["texts"] if t["text"].strip()]
    for text in words:
        assert text["px"] >= 12, f"{text['text']!r} is drawn at {text['px']:.1f} px"
    labels = [t for t in words if not t["count"]]
    for one, other_text in itertools.combinations(labels, 2):
        assert not overlap(one["box"], other_text["box"]), (
            f"{one['text']!r} overlaps {other_text['text']!r}"
        )
    for mark in layout["marks"]:
        assert mark["label"]
        assert mark["box"]["w"] >= 23.5, mark
        assert mark["box"]["h"] >= 23.5, mark
    for one, other_mark in itertools.combinations(layout["marks"], 2):
        assert not overlap(one["box"], other_mark["box"]), (one["label"], other_mark["label"])
    assert layout["bands"], "no exchange is named on the chart"
    assert all(layout["bands"])
    assert all(layout["moments"])


def test_every_chart_mark_is_a_named_link_to_an_entry_of_the_list(open_page: OpenPage) -> None:
    """Each mark links to its entry in the list: on the timeline's page, or, when the
    timeline is split by year, on its year's page."""
    page, _ = open_page("timeline/")
    assert page.locator("svg.tft-chart__svg").count() == 2
    svg = page.locator(WIDE)
    assert svg.get_attribute("aria-labelledby")
    found = marks(page, f"{WIDE} a.tft-chart__mark")
    assert len(found) >= 20
    entries: dict[str, set[str]] = {}
    for mark in found:
        assert mark["label"], mark
        address, anchor = mark["href"].split("#", 1)
        assert "/timeline/" in address, mark
        if address not in entries:
            listing, _ = open_page("timeline/" + address.split("/timeline/", 1)[1])
            entries[address] = set(
                listing.evaluate(
                    "() => Array.from(document.querySelectorAll('li.tft-entry')).map(li => li.id)"
                )
            )
        assert anchor in entries[address], f"{mark['label']}: no entry #{anchor} at {address}"
    for selector in ("a.tft-chart__band-link", "a.tft-chart__moment"):
        for link in marks(page, f"{WIDE} {selector}"):
            assert link["label"], link
            assert link["href"], link


@pytest.mark.parametrize(("viewport", "svg"), [(DESKTOP, WIDE), (PHONE_412, NARROW)])
def test_every_chart_link_is_reached_by_tab(
    open_page: OpenPage, viewport: ViewportSize, svg: str
) -> None:
    page, _ = open_page("timeline/", viewport=viewport)
    selector = f"{svg} a"
    labels = [m["label"] for m in marks(page, selector)]
    reached = tab_until(page, selector, limit=600)
    assert set(reached) == set(labels)


def test_a_chart_mark_leads_to_its_entry(open_page: OpenPage) -> None:
    page, _ = open_page("timeline/")
    first = page.locator(f"{WIDE} a.tft-chart__mark").first
    target = marks(page, f"{WIDE} a.tft-chart__mark")[0]["href"].split("#", 1)[1]
    first.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"location.hash === '#{target}'")
    assert page.locator(f"li.tft-entry#{target}").is_visible()


@pytest.mark.parametrize("path", ["places/", "", "places/mastung/", "places/pakistan/"])
def test_the_map_is_drawn_named_and_its_places_are_listed(open_page: OpenPage, path: str) -> None:
    page, log = open_page(path)
    svg = page.locator("svg.tft-map__svg")
    assert svg.count() == 1
    assert svg.get_attribute("aria-labelledby")
    # The shared boundaries arrived and were drawn (a <use> of them has a size).
    size = page.evaluate(
        "() => { const u = document.querySelector('use.tft-map__focus').getBBox();"
        " return [u.width, u.height]; }"
    )
    assert size[0] > 100, size
    assert size[1] > 100, size
    found = marks(page, "a.tft-map__place")
    assert {m["label"].removesuffix(" (this page)") for m in found} >= {
        "Kabul",
        "Islamabad",
        "Mastung",
        "Karachi",
        "Bamiyan",
    }
    listed = page.locator(".tft-map__text a").evaluate_all("links => links.map(a => a.href)")
    for mark in found:
        assert mark["href"] in listed, f"{mark['label']} is on the map but not in its list"
        assert min(mark["box"]) >= 6, mark
    legend = page.locator(".tft-map figcaption").inner_text()
    assert "Durand Line" in legend
    assert "Afghanistan does not recognise it" in legend
    assert "Kashmir" in legend
    assert "disputed" in legend
    assert not log.problems(), log.problems()


def test_the_current_place_is_marked_on_its_page(open_page: OpenPage) -> None:
    page, _ = open_page("places/mastung/")
    current = page.locator("a.tft-map__place--current")
    assert current.count() == 1
    assert current.get_attribute("aria-label") == "Mastung (this page)"


def outline_href(page: Page) -> str | None:
    """Where a page's shaded outline points in the shared drawing."""
    return page.evaluate(
        "() => document.querySelector('use.tft-map__outline')"
        ".getAttributeNS('http://www.w3.org/1999/xlink', 'href')"
    )


@pytest.mark.parametrize(
    ("path", "name", "other"),
    [
        ("places/afghanistan/", "Afghanistan", "places/pakistan/"),
        ("places/pakistan/", "Pakistan", "places/afghanistan/"),
    ],
)
def test_a_country_is_shaded_on_its_page(
    open_page: OpenPage, path: str, name: str, other: str
) -> None:
    """Countries are shapes, not markers: a country's page shades its outline, the one
    country the shared drawing holds under that id, and says so in words."""
    page, log = open_page(path)
    outline = page.locator("use.tft-map__outline")
    assert outline.count() == 1
    box = page.evaluate("() => document.querySelector('use.tft-map__outline').getBBox().width")
    focus = page.evaluate("() => document.querySelector('use.tft-map__focus').getBBox().width")
    assert 100 < box < focus, (box, focus)  # one country, drawn: not nothing, not both
    fill = page.evaluate(
        "() => getComputedStyle(document.querySelector('use.tft-map__outline')).fill"
    )
    land = page.evaluate(
        "() => getComputedStyle(document.querySelector('use.tft-map__focus')).fill"
    )
    assert fill != land, "the shaded country looks like the others"
    assert f"{name} shaded" in (page.locator("svg.tft-map__svg desc").text_content() or "")
    assert page.locator(".tft-map figcaption").inner_text().startswith(f"{name}, shaded")
    assert not page.locator("a.tft-map__place--current").count()
    assert not log.problems(), log.problems()
    other_page, _ = open_page(other)
    assert outline_href(page) != outline_href(other_page), "both shade the same outline"


def test_no_outline_is_shaded_off_a_country_page(open_page: OpenPage) -> None:
    for path in ("", "places/", "places/mastung/"):
        page, _ = open_page(path)
        assert not page.locator("use.tft-map__outline").count(), path


def test_every_map_place_is_reached_by_tab_and_opens_its_page(open_page: OpenPage) -> None:
    page, _ = open_page("places/")
    labels = [m["label"] for m in marks(page, "a.tft-map__place")]
    assert set(tab_until(page, "a.tft-map__place")) == set(labels)
    kabul = page.locator('a.tft-map__place[aria-label="Kabul"]')
    kabul.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/places/kabul/")
