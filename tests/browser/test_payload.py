"""The payload site (every text field of its data an attack) runs none of it and shows it all.

Every page is opened in a real browser: no dialog may open, no script may come from the
data, no element may carry an event handler or a javascript: link, and no element named in
the data (img, iframe, style...) may exist in the content; the payloads must read as text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, expect

from titfortat_dev.browser import DESKTOP, PageLog, PageWatch

pytestmark = pytest.mark.browser

FACTS = """() => {
  const name = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "");
  const all = [...document.querySelectorAll("*")];
  const isJs = v => v !== null && /^javascript:/i.test(v.replace(/[\\s\\u0000-\\u001f]+/g, ""));
  const xlink = "http://www.w3.org/1999/xlink";
  return {
    title: document.title,
    text: document.querySelector(".md-content")?.innerText ?? "",
    scripts: [...document.scripts].map(s => ({
      src: s.getAttribute("src"), type: (s.getAttribute("type") || "").toLowerCase(),
      text: s.textContent, url: s.src})),
    handlers: all.flatMap(el => el.getAttributeNames()
      .filter(a => a.toLowerCase().startsWith("on"))
      .map(a => `${name(el)} ${a}="${el.getAttribute(a).slice(0, 60)}"`)),
    jsLinks: all.flatMap(el => ["href", "src", "action", "formaction", "data"]
      .map(a => el.getAttribute(a)).concat([el.getAttributeNS(xlink, "href")])
      .filter(isJs).map(v => `${name(el)} -> ${v.slice(0, 60)}`)),
    injected: [...document.querySelectorAll(
      ".md-content :is(img, iframe, frame, style, script, object, embed, form, textarea, "
      + "base, meta, link, video, audio)")].map(el => el.outerHTML.slice(0, 120)),
  };
}"""


@dataclass(frozen=True)
class PayloadPage:
    """What one page of the payload site did and holds."""

    log: PageLog
    facts: dict[str, Any]


@pytest.fixture(scope="module")
def payload_crawl(
    browser: Browser, payload_url: str, payload_pages: list[str]
) -> Iterator[dict[str, PayloadPage]]:
    """Every payload page opened once, its dialogs and DOM facts recorded."""
    context = browser.new_context(viewport=DESKTOP)
    watch = PageWatch(context.new_page(), payload_url, block=False)
    pages: dict[str, PayloadPage] = {}
    for path in payload_pages:
        log = watch.visit(path)
        pages[path] = PayloadPage(log, watch.page.evaluate(FACTS))
    watch.settle()
    yield pages
    context.close()


def _report(found: dict[str, list[str]]) -> str:
    return "\n".join(f"  /{page}: {item}" for page, items in found.items() for item in items)


def test_every_payload_page_loads(payload_crawl: dict[str, PayloadPage]) -> None:
    """The payloads break no page: each one loads."""
    bad = {p: [f"status {v.log.status}"] for p, v in payload_crawl.items() if v.log.status != 200}
    assert not bad, f"payload pages that did not load:\n{_report(bad)}"


def test_no_dialog_opens(payload_crawl: dict[str, PayloadPage]) -> None:
    """No alert(), confirm() or prompt() from the data ever runs."""
    bad = {p: v.log.dialogs for p, v in payload_crawl.items() if v.log.dialogs}
    assert not bad, f"dialogs opened (a payload ran):\n{_report(bad)}"


def test_no_script_comes_from_the_data(
    payload_crawl: dict[str, PayloadPage], payload_url: str
) -> None:
    """Scripts are the site's own files, its JSON-LD, or Material's inline setup: none
    holds payload code, and JSON-LD cannot close its <script> element."""
    origin = urlsplit(payload_url).netloc
    bad: dict[str, list[str]] = {}
    for path, page in payload_crawl.items():
        problems = []
        for script in page.facts["scripts"]:
            text, kind = script["text"], script["type"]
            if script["src"] is not None:
                url = urlsplit(script["url"])
                if url.netloc != origin or "/assets/" not in url.path:
                    problems.append(f"script from {script['url']}")
            elif kind in {"application/ld+json", "application/json"}:
                try:
                    json.loads(text)
                except json.JSONDecodeError:
                    problems.append(f"{kind} that does not parse: {text[:80]!r}")
                if "<" in text:
                    problems.append(f"{kind} with a raw '<': {text[:80]!r}")
            elif "alert(" in text:
                problems.append(f"inline script with payload code: {text[:80]!r}")
        if problems:
            bad[path] = problems
    assert not bad, f"scripts that come from the data:\n{_report(bad)}"
    json_ld = [
        s
        for v in payload_crawl.values()
        for s in v.facts["scripts"]
        if s["type"] == "application/ld+json"
    ]
    assert json_ld, "no payload page has JSON-LD: the check above proved nothing about it"


def test_no_event_handler_attribute(payload_crawl: dict[str, PayloadPage]) -> None:
    """No element carries onerror, onload, onmouseover or any other on* attribute."""
    bad = {p: v.facts["handlers"] for p, v in payload_crawl.items() if v.facts["handlers"]}
    assert not bad, f"event-handler attributes:\n{_report(bad)}"


def test_no_javascript_link(payload_crawl: dict[str, PayloadPage]) -> None:
    """No href, src, action or xlink:href starts with javascript:."""
    bad = {p: v.facts["jsLinks"] for p, v in payload_crawl.items() if v.facts["jsLinks"]}
    assert not bad, f"javascript: links:\n{_report(bad)}"


def test_no_element_from_the_data_in_the_content(payload_crawl: dict[str, PayloadPage]) -> None:
    """No img, iframe, style, script, object, form... exists in the content: the site
    itself uses none, so any one came from the data."""
    bad = {p: v.facts["injected"] for p, v in payload_crawl.items() if v.facts["injected"]}
    assert not bad, f"elements injected from the data:\n{_report(bad)}"


# Each payload must read, on the page that shows it, exactly as it was written.
SHOWN_AS_TEXT = {
    "claims/payload-claim/": [
        '<script>alert("quote-script")</script>',
        "<img src=x onerror=\"alert('quote-img')\"> end.",
        "Accused \"><img src=x onerror=alert('accused')>",
        "Speaker </a><a href=javascript:alert('speaker')>x</a>",
        "Grp <u>",
        "Status note <script>alert('status-note')</script> | pipe |",
        "<script>alert('editorial-reason')</script> [x](javascript:alert(1))",
        "*stars* _underscores_ **bold** <!-- comment --> ]]> </textarea>",
        "&amp; &lt;b&gt; entity text.",
        "Note | with | pipes | and `ticks` and <a href=\"javascript:alert('note')\">a link</a>",
    ],
    "claims/payload-answer/": ["Framing note <svg onload=alert('framing-note')>"],
    "actors/payload-accused/": ["Accused {{ 7*7 }} {% if true %}jinja{% endif %}"],
    "actors/payload-accuser/": ['--8<-- "vocabularies.md"', "# Not a heading"],
    "events/payload-event/": [
        "[click me](javascript:alert('quote-link')) and {{ 7*7 }}",
        "</p><script>alert('event-note')</script>",
        "Event <iframe src=javascript:alert('event')></iframe>",
    ],
    "places/payload-place/": ["Place <svg onload=alert('place')>"],
    "sources/payload-source/": ["Source </title><script>alert('source-title')</script>"],
}


@pytest.mark.parametrize("path", list(SHOWN_AS_TEXT))
def test_payload_reads_as_text(payload_crawl: dict[str, PayloadPage], path: str) -> None:
    """The page's visible text holds each payload literally (nothing rendered or evaluated)."""
    assert path in payload_crawl, f"/{path} was not built"
    text = " ".join(payload_crawl[path].facts["text"].split())
    missing = [payload for payload in SHOWN_AS_TEXT[path] if payload not in text]
    assert not missing, (
        f"/{path} does not show these payloads as text: {missing}\npage text: {text[:600]!r}"
    )


def test_payload_title_stays_in_the_title(payload_crawl: dict[str, PayloadPage]) -> None:
    """A title that tries to close <title> and open <script> is still just the page title."""
    title = payload_crawl["sources/payload-source/"].facts["title"]
    assert "</title><script>alert('source-title')</script>" in title, (
        f"the source page's <title> lost its payload text: {title!r}"
    )


def test_search_results_show_payloads_as_text(browser: Browser, payload_url: str) -> None:
    """Material's search renders the payload pages' text without running or building any of it."""
    context = browser.new_context(viewport=DESKTOP)
    try:
        watch = PageWatch(context.new_page(), payload_url)
        watch.visit("")
        page = watch.page
        page.keyboard.press("/")
        page.keyboard.type("onerror", delay=20)
        results = page.locator(".md-search-result__item")
        expect(results.first, "searching 'onerror' lists nothing").to_be_visible()
        page.wait_for_timeout(300)
        facts = page.evaluate(
            """() => {
              const box = document.querySelector(".md-search-result");
              return {
                text: box.innerText,
                elements: [...box.querySelectorAll("img, iframe, style, script, svg[onload]")]
                  .map(e => e.outerHTML.slice(0, 100)),
                handlers: [...box.querySelectorAll("*")].flatMap(e => e.getAttributeNames()
                  .filter(a => a.startsWith("on"))),
              };
            }"""
        )
        assert not watch.log.dialogs, f"a dialog opened from search: {watch.log.dialogs}"
        assert not facts["elements"], f"search results hold elements: {facts['elements']}"
        assert not facts["handlers"], f"search results hold handlers: {facts['handlers']}"
        assert "onerror" in facts["text"], "the payload text is not shown in the results"
    finally:
        context.close()
