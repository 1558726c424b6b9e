"""Keyboard use: the skip link comes first and works; focus shows; header controls are reachable.

Tab stops are read from document.activeElement after real key presses, so the tests see the
order and styles a keyboard user gets.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from titfortat_dev.browser import OpenPage

pytestmark = pytest.mark.browser

FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const shows = s => (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0)
    || s.boxShadow !== "none";
  // Material's palette radio is invisible; its label (the button) shows the focus.
  const label = el.matches("input.md-option") ? el.nextElementSibling : null;
  return {
    tag: el.tagName.toLowerCase(),
    cls: el.className && el.className.baseVal === undefined ? el.className : "",
    text: (el.getAttribute("aria-label") || el.textContent || "").trim().slice(0, 50),
    href: el.getAttribute("href"),
    inContent: !!el.closest(".md-content"),
    visible: shows(style) || (label !== null && shows(getComputedStyle(label))),
    searchOpen: document.getElementById("__search")?.checked === true,
  };
}"""


def tab(page: Page) -> dict[str, Any]:
    """Press Tab once; describe what has focus then.

    Focus on the search box shows by opening the search dialog, which Material does a
    moment after the focus event: give it up to a second.
    """
    page.keyboard.press("Tab")
    focused: dict[str, Any] = page.evaluate(FOCUSED)
    if "md-search__input" in focused["cls"] and not focused["searchOpen"]:
        with contextlib.suppress(PlaywrightTimeoutError):
            page.wait_for_function("document.getElementById('__search').checked", timeout=1000)
        focused = page.evaluate(FOCUSED)
    return focused


def tab_stops(page: Page, count: int) -> list[dict[str, Any]]:
    """The first ``count`` Tab stops of a freshly loaded page."""
    return [tab(page) for _ in range(count)]


def describe(stop: dict[str, Any]) -> str:
    """A Tab stop as a person reading the failure would want it named."""
    return f"<{stop['tag']} class={stop['cls']!r}> {stop['text']!r}"


# Record pages stand for their kind; the claims table has no headings but its title.
SKIP_PAGES = ["", "claims/", "claims/taliban-says-iskp-has-bases-in-pakistan/", "method/"]


@pytest.mark.parametrize("path", SKIP_PAGES)
def test_skip_link_comes_first_and_lands_on_the_content(
    open_page: OpenPage, real_site: Path, path: str
) -> None:
    """Tab once: "Skip to content". Enter: the next Tab stop is in the content, and the
    target is the start of it (the page's heading), so nothing of the page is skipped."""
    if not (real_site / path / "index.html").exists():
        pytest.fail(f"/{path} was not built")
    page, _ = open_page(path)
    first = tab(page)
    assert "md-skip" in first["cls"], (
        f"/{path}: the first Tab stop is {describe(first)}, not the skip link"
    )
    assert first["text"] == "Skip to content", f"/{path}: the skip link reads {first['text']!r}"
    assert first["visible"], f"/{path}: the focused skip link shows no outline"
    target = (first["href"] or "").partition("#")[2]
    page.keyboard.press("Enter")
    # Instant navigation handles the jump asynchronously; a person takes longer to press Tab.
    page.wait_for_function("id => location.hash === '#' + id", arg=target)
    page.wait_for_timeout(150)
    skipped = page.evaluate(
        """id => {
          const target = document.getElementById(id);
          const article = document.querySelector(".md-content article");
          if (!target || !article || !article.contains(target)) return null;
          const before = document.createRange();
          before.setStart(article, 0);
          before.setEndBefore(target);
          return before.toString().replace(/\\s+/g, " ").trim();
        }""",
        target,
    )
    assert skipped is not None, f"/{path}: the skip link's target #{target} is not in the content"
    assert skipped == "", (
        f"/{path}: 'Skip to content' jumps to #{target}, past the start of the content: "
        f"{skipped[:160]!r}"
    )
    after = tab(page)
    assert after["inContent"], f"/{path}: after skipping, Tab goes to {describe(after)}"


def test_focus_is_visible_on_every_early_tab_stop(open_page: OpenPage) -> None:
    """Each of the first Tab stops (header, navigation, content links) shows where focus is."""
    page, _ = open_page("claims/taliban-says-iskp-has-bases-in-pakistan/")
    stops = tab_stops(page, 30)
    # The search box shows focus by opening the search dialog over the page.
    hidden = [
        describe(s)
        for s in stops
        if not s["visible"] and not ("md-search__input" in s["cls"] and s["searchOpen"])
    ]
    assert len({describe(s) for s in stops}) > 10, "Tab moved through fewer than 10 stops"
    assert not hidden, "Tab stops with no visible focus (no outline, no box-shadow):\n" + (
        "\n".join(hidden)
    )


def test_palette_and_search_are_reachable_by_tab(open_page: OpenPage) -> None:
    """The colour-scheme button and the search box are among the first Tab stops."""
    page, _ = open_page("")
    stops = tab_stops(page, 8)
    palette = [s for s in stops if s["tag"] == "input" and "md-option" in s["cls"]]
    search = [s for s in stops if s["tag"] == "input" and "md-search__input" in s["cls"]]
    order = "\n".join(describe(s) for s in stops)
    assert palette, f"the palette toggle is not among the first Tab stops:\n{order}"
    assert search, f"the search box is not among the first Tab stops:\n{order}"
