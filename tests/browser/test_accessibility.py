"""axe-core finds no WCAG 2.x A/AA violation on any page type, light and dark, desktop and phone
(nor any of its best-practice rules).

Each page is loaded once per colour scheme; axe runs at desktop size, then again after the
viewport shrinks to a phone's. Colour schemes come from the system setting (the palette's
first option follows it), as a first-time reader's would.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import axe_playwright_python
import pytest
from playwright.sync_api import Browser, Page

from titfortat_dev.browser import (
    DESKTOP,
    PAGE_TYPES,
    PHONE,
    SCHEMES,
    page_of_type,
    wait_for_scheme,
)

pytestmark = pytest.mark.browser

AXE_JS = Path(axe_playwright_python.__file__).with_name("axe.min.js")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {
    # best-practice adds rules WCAG leaves implicit, such as a name for every dialog
    # (Material's search) and unique landmarks; the site passes them, so they stay on.
    "runOnly": {"type": "tag", "values": [*WCAG_TAGS, "best-practice"]},
    "resultTypes": ["violations"],
}

SIZES = {"desktop": DESKTOP, "phone": PHONE}

Violations = list[dict[str, Any]]


def _next_frame(page: Page) -> None:
    """Let a resize reach layout and Material's media-query listeners before axe looks."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


class AxeRunner:
    """One page per colour scheme; results cached per (page, scheme) for both sizes."""

    def __init__(self, browser: Browser, base_url: str, site_dir: Path) -> None:
        self.base_url = base_url
        self.site_dir = site_dir
        self.source = AXE_JS.read_text(encoding="utf-8")
        self.pages = {
            scheme: browser.new_context(viewport=DESKTOP, color_scheme=scheme).new_page()
            for scheme in SCHEMES
        }
        self.results: dict[tuple[str, str], dict[str, Violations]] = {}

    def violations(self, page_type: str, scheme: str, size: str) -> tuple[str, Violations]:
        """The page type's path and its violations at ``size`` in ``scheme``."""
        path = page_of_type(self.site_dir, page_type)
        key = (path, scheme)
        if key not in self.results:
            self.results[key] = self._run_both_sizes(path, scheme)
        return path, self.results[key][size]

    def _run_both_sizes(self, path: str, scheme: str) -> dict[str, Violations]:
        page = self.pages[scheme]
        page.set_viewport_size(DESKTOP)
        response = page.goto(self.base_url + path)
        assert response is not None, f"/{path}: no response"
        assert response.status == 200, f"/{path}: status {response.status}"
        wait_for_scheme(page, SCHEMES[scheme])
        page.add_script_tag(content=self.source)
        found: dict[str, Violations] = {}
        for size, viewport in SIZES.items():
            page.set_viewport_size(viewport)
            _next_frame(page)
            result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
            found[size] = result["violations"]
        return found

    def close(self) -> None:
        """Close both contexts."""
        for page in self.pages.values():
            page.context.close()


@pytest.fixture(scope="module")
def axe_runner(browser: Browser, real_url: str, real_site: Path) -> Iterator[AxeRunner]:
    """The module's axe runner (two pages, closed at the end)."""
    runner = AxeRunner(browser, real_url, real_site)
    yield runner
    runner.close()


def describe(violations: Violations) -> str:
    """Rule id, impact, what it means, and where: target selectors and an HTML snippet."""
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"][:6]:
            lines.append(f"    at {', '.join(map(str, node['target']))}")
            lines.append(f"       {node['html'][:240]}")
            summary = (node.get("failureSummary") or "").splitlines()
            if len(summary) > 1:
                lines.append(f"       {summary[1].strip()[:240]}")
        if len(v["nodes"]) > 6:
            lines.append(f"    ... and {len(v['nodes']) - 6} more")
    return "\n".join(lines)


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("page_type", list(PAGE_TYPES))
def test_no_axe_violations(axe_runner: AxeRunner, page_type: str, scheme: str, size: str) -> None:
    """WCAG 2.0-2.2 A and AA rules and axe's best practices pass on this page type."""
    path, violations = axe_runner.violations(page_type, scheme, size)
    assert not violations, (
        f"axe found {len(violations)} violation(s) on /{path} ({page_type}, {scheme}, "
        f"{size}):\n{describe(violations)}"
    )
