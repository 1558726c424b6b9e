"""The home page's accusation graph: named for screen readers, mirrored by its table, and
its links lead somewhere real.

The SVG is drawn at build time; the table that follows it must carry the same arrows, so a
reader who cannot see the drawing loses nothing.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from titfortat_dev.browser import OpenPage, ServedSite

pytestmark = pytest.mark.browser

SVG = "svg.tft-graph__svg"
LINKS = """(links) => links.map(a => ({
  label: a.getAttribute("aria-label") || "",
  href: new URL(a.getAttribute("href") || a.getAttribute("xlink:href")
    || a.getAttributeNS("http://www.w3.org/1999/xlink", "href") || "", document.baseURI).href,
  count: (a.querySelector("text") || {}).textContent || "",
}))"""


def edges(page: Page) -> list[dict[str, Any]]:
    """Every arrow of the graph: its accessible label, absolute link, and claim count."""
    found: list[dict[str, Any]] = page.locator(f"{SVG} a.tft-graph__edge").evaluate_all(LINKS)
    return found


def test_graph_has_an_accessible_name(open_page: OpenPage) -> None:
    """Screen readers announce the drawing by its title and description (aria-labelledby)."""
    page, _ = open_page("matrix/")
    svg = page.locator(SVG)
    expect(svg, "the who-accuses-whom page has no accusation graph").to_have_count(1)
    expect(svg, "the graph has no accessible name").to_have_accessible_name(re.compile(r"\w{3}"))
    expect(svg).to_have_accessible_name(re.compile("Accusation graph"))
    figure = page.locator("figure.tft-graph")
    expect(figure, "the figure is not named by its caption").to_have_accessible_name(
        re.compile(r"Who accuses whom")
    )


def test_every_arrow_is_a_row_of_the_table(open_page: OpenPage) -> None:
    """Each arrow appears as one row (same accuser, accused, count and link), and vice versa."""
    page, _ = open_page("matrix/")
    arrows = edges(page)
    assert arrows, "the graph has no arrows"
    rows = page.locator(".tft-graph ~ .tft-table-wrap table").first.locator("tbody tr")
    table = rows.evaluate_all(
        """rows => rows.map(r => {
          const cells = [...r.cells].map(c => c.textContent.trim());
          const link = r.querySelector("a");
          return {accuser: cells[0], accused: cells[1], count: cells[2],
                  href: link ? link.href : ""};
        })"""
    )
    assert len(table) == len(arrows), (
        f"the graph has {len(arrows)} arrows but its table {len(table)} rows"
    )
    for arrow in arrows:
        matching = [row for row in table if row["href"] == arrow["href"]]
        assert len(matching) == 1, (
            f"arrow {arrow['label']!r} ({arrow['href']}) has {len(matching)} table rows"
        )
        row = matching[0]
        assert arrow["label"].startswith(f"Claims by {row['accuser']} about {row['accused']}:"), (
            f"arrow {arrow['label']!r} and its row ({row['accuser']} → {row['accused']}) "
            "name different actors"
        )
        assert arrow["count"].strip() == row["count"], (
            f"arrow {arrow['label']!r} counts {arrow['count']}, its row {row['count']}"
        )


def test_graph_links_lead_to_their_targets(open_page: OpenPage, real: ServedSite) -> None:
    """Following an arrow opens the page it names with its anchor present; every arrow's and
    every actor circle's link resolves to a built page (and anchor)."""
    page, log = open_page("matrix/")
    arrows = edges(page)
    nodes = page.locator(f"{SVG} a.tft-graph__node").evaluate_all(LINKS)
    assert nodes, "the graph has no actor circles"
    targets = [a["href"] for a in arrows] + [n["href"] for n in nodes]
    for href in targets:
        page_path, anchor = real.relative(href), urlsplit(href).fragment
        built = real.site_dir / page_path / "index.html"
        assert built.is_file(), f"graph link {href} points to /{page_path}, which was not built"
        if anchor:
            html = built.read_text(encoding="utf-8")
            assert f'id="{anchor}"' in html, f"graph link {href}: /{page_path} has no #{anchor}"

    # Click the first arrow (on its count, where a pointer would) and check where it lands.
    first = arrows[0]
    page.locator(f"{SVG} a.tft-graph__edge").first.locator("circle").click()
    expect(page, f"clicking arrow {first['label']!r}").to_have_url(first["href"])
    anchor = first["href"].partition("#")[2]
    assert anchor, f"arrow {first['label']!r} links to no anchor: {first['href']}"
    expect(page.locator(f"[id='{anchor}']"), f"#{anchor} is missing after the click").to_have_count(
        1
    )
    # a request the navigation itself cut short (the sitemap asked for on pointing at the
    # arrow, when the arrow leads to another page) is not a failure
    failed = [r for r in log.failed_requests if not r.endswith("(net::ERR_ABORTED)")]
    assert not failed, f"following the arrow failed: {failed}"
