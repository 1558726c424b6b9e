"""The JSON-LD that search engines read parses, in the DOM the browser built, and says what
each page is: a Claim with its author and where it appeared, a Person or Organization, the
WebSite itself.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from titfortat_dev.browser import CrawledPage

pytestmark = pytest.mark.browser


def blocks(path: str, crawled: CrawledPage) -> list[dict[str, Any]]:
    """Every JSON-LD object of a page, parsed (failing the test, naming the page, if not)."""
    parsed: list[dict[str, Any]] = []
    for text in crawled.jsonld:
        try:
            value = json.loads(text)
        except json.JSONDecodeError as error:
            pytest.fail(f"/{path}: JSON-LD does not parse ({error}): {text[:200]!r}")
        items = value if isinstance(value, list) else [value]
        assert all(isinstance(i, dict) for i in items), f"/{path}: JSON-LD is not objects"
        parsed.extend(items)
    return parsed


def of_type(path: str, crawled: CrawledPage, *types: str) -> dict[str, Any]:
    """The page's one JSON-LD object of one of ``types``."""
    found = [b for b in blocks(path, crawled) if b.get("@type") in types]
    assert len(found) == 1, (
        f"/{path}: expected one JSON-LD object of type {' or '.join(types)}, found "
        f"{[b.get('@type') for b in blocks(path, crawled)]}"
    )
    assert found[0].get("@context") == "https://schema.org", f"/{path}: no schema.org context"
    return found[0]


DESCRIBED = ("claims", "actors")
"""The kinds of record page that each carry a JSON-LD object (a Claim, a Person or an
Organization)."""


def records(crawl: dict[str, CrawledPage], kind: str) -> dict[str, CrawledPage]:
    """The crawled record pages of one kind (claims/x/, not the claims/ index, nor a record's
    list of every statement, actors/x/statements/)."""
    found = {
        p: c
        for p, c in crawl.items()
        if p.startswith(f"{kind}/") and p != f"{kind}/" and p.count("/") == 2
    }
    assert found, f"the crawl found no {kind} pages"
    return found


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def test_every_page_jsonld_parses(real_crawl: dict[str, CrawledPage]) -> None:
    """No page carries JSON-LD that a parser rejects."""
    count = sum(len(blocks(path, crawled)) for path, crawled in real_crawl.items())
    described = [p for p in real_crawl if p.count("/") == 2 and p.split("/")[0] in DESCRIBED]
    assert count >= len(described), f"only {count} JSON-LD blocks on {len(described)} pages"


def test_claim_pages_describe_the_claim(real_crawl: dict[str, CrawledPage]) -> None:
    """A Claim names itself, its author, and where it appeared (with a URL)."""
    for path, crawled in records(real_crawl, "claims").items():
        claim = of_type(path, crawled, "Claim")
        assert _text(claim.get("name")), f"/{path}: the Claim has no name"
        author = claim.get("author")
        assert isinstance(author, dict), f"/{path}: the Claim has no author"
        assert _text(author.get("name")), f"/{path}: the Claim's author has no name"
        appearance = claim.get("appearance")
        appearances = appearance if isinstance(appearance, list) else [appearance]
        assert appearance, f"/{path}: the Claim has no appearance"
        for work in appearances:
            assert isinstance(work, dict), f"/{path}: an appearance is not an object"
            assert _text(work.get("url")), f"/{path}: appearance {work.get('name')!r} has no url"


def test_actor_pages_describe_the_actor(real_crawl: dict[str, CrawledPage]) -> None:
    """An actor is a Person or an Organization with a name and its page's URL."""
    for path, crawled in records(real_crawl, "actors").items():
        actor = of_type(path, crawled, "Person", "Organization")
        assert _text(actor.get("name")), f"/{path}: the {actor['@type']} has no name"
        assert str(actor.get("url", "")).endswith(f"/{path}"), (
            f"/{path}: the {actor['@type']}'s url {actor.get('url')!r} is not this page"
        )


def test_home_describes_the_website(real_crawl: dict[str, CrawledPage]) -> None:
    """The home page says it is a WebSite, with a name."""
    assert "" in real_crawl, "the crawl did not include the home page"
    site = of_type("", real_crawl[""], "WebSite")
    assert _text(site.get("name")), "the WebSite has no name"
