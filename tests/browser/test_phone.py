"""At a phone's width (390x844) pages fit: no sideways scrolling, no text cut off.

A wide table may scroll inside its own box (.tft-table-wrap); the page itself must not, and
no element may hide part of its text by clipping it or by sticking out past the screen.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from titfortat_dev.browser import PHONE, OpenPage, page_of_type

pytestmark = pytest.mark.browser

# Page types of titfortat.browser.PAGE_TYPES; a record type is its kind's richest page.
PAGES = ["timeline", "matrix", "actor", "claim", "claims-index", "home"]

OVERFLOWS = """() => {
  const viewport = document.documentElement.clientWidth;
  const scrollBox = el => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const x = getComputedStyle(a).overflowX;
      if (x === "auto" || x === "scroll") return true;
    }
    return false;
  };
  const name = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + (el.classList.length ? "." + [...el.classList].join(".") : "");
  const problems = [];
  for (const el of document.querySelectorAll(".md-content *")) {
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden") continue;
    const box = el.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;  // visually hidden on purpose
    const text = (el.innerText || el.textContent || "").trim().slice(0, 60);
    const clips = ["hidden", "clip"].includes(style.overflowX)
      || style.textOverflow === "ellipsis";
    const where = `${Math.round(box.left)}..${Math.round(box.right)}px of ${viewport}px`;
    if (clips && el.scrollWidth > el.clientWidth + 1 && text)
      problems.push(`${name(el)} cuts its text (${el.scrollWidth}px in ${el.clientWidth}px)`
        + `: "${text}"`);
    if ((box.right > viewport + 1 || box.left < -1) && !scrollBox(el))
      problems.push(`${name(el)} sticks out of the screen (${where}): "${text}"`);
  }
  return problems;
}"""


@pytest.mark.parametrize("page_name", PAGES)
def test_page_fits_a_phone(open_page: OpenPage, real_site: Path, page_name: str) -> None:
    """The page does not scroll sideways, and nothing in its content is cut off."""
    path = page_of_type(real_site, page_name)
    page, _ = open_page(path, viewport=PHONE)
    width = page.evaluate(
        "() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"
    )
    assert width[0] <= width[1], (
        f"/{path} scrolls sideways on a phone: {width[0]}px of content in {width[1]}px"
    )
    problems = page.evaluate(OVERFLOWS)
    assert not problems, f"/{path} at 390px cuts content off:\n" + "\n".join(problems[:15])
