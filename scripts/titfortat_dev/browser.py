"""Browser plumbing shared by the browser tests and the screenshots.

Find a Chromium (Playwright cannot download its own browsers everywhere, so a system one is
preferred), serve a built site on 127.0.0.1 at an ephemeral port (never colliding with a
running `mkdocs serve`), pick one page of each type, and watch pages for what goes wrong:
errors, failed requests, requests to other hosts, dialogs.
"""

from __future__ import annotations

import functools
import html
import os
import re
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from titfortat.plan import urls

if TYPE_CHECKING:  # Playwright is a development dependency; only its types are needed here.
    from playwright.sync_api import (
        ConsoleMessage,
        Dialog,
        Page,
        Request,
        Response,
        Route,
        ViewportSize,
    )

LAUNCH_ARGS: tuple[str, ...] = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
"""Chromium flags: run as root in containers, and make no background requests of its own."""

OFFLINE_ARGS: tuple[str, ...] = ("--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",)
"""Make every host but 127.0.0.1 unresolvable: a page that asks another host for something is
still seen asking (Playwright reports the request), but nothing leaves the machine."""

DESKTOP: ViewportSize = {"width": 1280, "height": 900}
PHONE: ViewportSize = {"width": 390, "height": 844}
SCHEMES = {"light": "default", "dark": "slate"}
"""Material's scheme names, by the names readers know; the site's first palette option
follows the system, so emulating prefers-color-scheme picks one or the other."""

NO_CHROMIUM = (
    "No Chromium found: install it (Debian/Ubuntu: sudo apt install chromium; "
    "macOS: brew install --cask chromium) or set CHROMIUM_PATH"
)
"""What to tell a person whose machine has no browser for the browser tests."""

_ON_PATH = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_KNOWN_PATHS = (
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/snap/bin/chromium",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
)


def _is_executable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def _playwright_bundled() -> Path | None:
    """Playwright's own Chromium, if `playwright install chromium` has put one in place."""
    try:
        from playwright.sync_api import sync_playwright  # noqa: PLC0415 - optional, slow
    except ImportError:
        return None
    try:
        with sync_playwright() as playwright:
            candidate = Path(playwright.chromium.executable_path)
    except Exception:  # any failure here just means "no bundled browser"
        return None
    return candidate if _is_executable(candidate) else None


def find_chromium() -> tuple[Path | None, str]:
    """Return a Chromium executable (or None) and a sentence saying where it came from.

    CHROMIUM_PATH wins; when it is set but names no executable, that is reported rather
    than silently replaced by another browser.
    """
    configured = os.environ.get("CHROMIUM_PATH")
    if configured:
        path = Path(configured).expanduser()
        if _is_executable(path):
            return path, f"CHROMIUM_PATH={path}"
        return None, f"{NO_CHROMIUM} (CHROMIUM_PATH={configured} is not an executable file)"
    for name in _ON_PATH:
        found = shutil.which(name)
        if found:
            return Path(found), f"{name} on PATH"
    for known in _KNOWN_PATHS:
        if _is_executable(Path(known)):
            return Path(known), known
    bundled = _playwright_bundled()
    if bundled is not None:
        return bundled, f"Playwright's bundled Chromium at {bundled}"
    return None, NO_CHROMIUM


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serve files without a log line per request."""

    def log_message(self, format: str, *args: Any) -> None:
        """Say nothing: a test run would otherwise print every request."""


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Ignore clients that hang up mid-response (a browser navigating away)."""
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError):
            return
        super().handle_error(request, client_address)


@contextmanager
def serve_folder(
    folder: Path, handler_class: type[SimpleHTTPRequestHandler] | None = None
) -> Iterator[str]:
    """Serve ``folder`` at the root of http://127.0.0.1:<free port>/; yield that base URL.

    The site's links are relative, so it works at any base; the server stops on exit.
    ``handler_class`` serves differently (Lighthouse serves as GitHub Pages does).
    """
    handler = functools.partial(handler_class or _QuietHandler, directory=str(folder))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host!s}:{port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


REDIRECT_MARK = '<meta http-equiv="refresh"'
"""In an old address's file (render/templates/redirect.html.j2): it leads on, it is no page."""


def _folders(site_dir: Path, *, redirects: bool) -> list[str]:
    found = []
    for index in sorted(site_dir.rglob("index.html")):
        if (REDIRECT_MARK in index.read_text(encoding="utf-8")) is not redirects:
            continue
        folder = index.parent.relative_to(site_dir).as_posix()
        found.append("" if folder == "." else f"{folder}/")
    return found


def site_pages(site_dir: Path) -> list[str]:
    """Every page of a built site as a URL path relative to its root ("", "claims/", ...); an
    old address that only leads to a page is not one (see ``redirect_pages``)."""
    return _folders(site_dir, redirects=False)


def redirect_pages(site_dir: Path) -> list[str]:
    """Every old address of a built site that leads to a page (a statement's ``formerly``)."""
    return _folders(site_dir, redirects=True)


PAGE_TYPES: dict[str, str] = {
    "home": urls.HOME,
    "timeline": urls.TIMELINE,
    "matrix": urls.MATRIX,
    "claims-index": urls.CLAIMS,
    "claim": urls.record_url("statements", "*"),
    "exchanges-index": urls.EXCHANGES,
    "exchange": urls.record_url("exchanges", "*"),
    "actors-index": urls.ACTORS,
    "actor": urls.record_url("actors", "*"),
    "places-index": urls.PLACES,
    "place": urls.record_url("places", "*"),
    "event": urls.record_url("events", "*"),
    "source": urls.record_url("sources", "*"),
    "events-index": urls.EVENTS,
    "sources-index": urls.SOURCES,
    "method": urls.METHOD,
    "data-model": urls.DATA_MODEL,
    "downloads": urls.DOWNLOADS,
    "health": urls.HEALTH,
    "performance": urls.PERFORMANCE,
}
"""One page of each kind a reader meets; "kind/*/" is resolved by ``page_of_type``."""


def page_of_type(site_dir: Path, page_type: str) -> str:
    """The path of a page type; a record type ("claims/*/") names the richest page of its kind.

    The richest (the most HTML) exercises the most of its template, and the choice follows
    the data without naming records.
    """
    path = PAGE_TYPES.get(page_type, page_type)
    if not path.endswith("/*/"):
        return path
    kind = path[:-3]
    records = sorted((site_dir / kind).glob("*/index.html"))
    if not records:
        raise LookupError(f"the site has no {kind} record pages")
    largest = max(records, key=lambda index: index.stat().st_size)
    return f"{kind}/{largest.parent.name}/"


def _is_local(url: str, origin: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https", "ws", "wss"}:
        return True  # data:, blob:, about: never leave the browser
    return parts.netloc == origin


class PageLog:
    """What went wrong while a page was open: errors, failures, and requests to other hosts."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.status: int | None = None
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.failed_requests: list[str] = []
        self.off_origin: list[str] = []
        self.dialogs: list[str] = []

    def problems(self) -> list[str]:
        """Every problem as one line naming its kind (empty when the page is clean)."""
        lines = [f"status {self.status}"] if self.status != 200 else []
        lines += [f"request to another host: {url}" for url in self.off_origin]
        lines += [f"failed request: {line}" for line in self.failed_requests]
        lines += [f"console error: {line}" for line in self.console_errors]
        lines += [f"page error: {line}" for line in self.page_errors]
        lines += [f"dialog: {line}" for line in self.dialogs]
        return lines


class PageWatch:
    """Watch one Playwright page: record what goes wrong in a PageLog per visit.

    With ``block`` every request to another host is aborted as well as recorded (the browser
    is offline anyway when launched with OFFLINE_ARGS). Requests still in flight are waited
    for before the next visit, so none is cut off by navigation and blamed on a page.
    """

    def __init__(self, page: Page, base_url: str, *, block: bool = True) -> None:
        self.page = page
        self.base_url = base_url
        self.origin = urlsplit(base_url).netloc
        self.log = PageLog(base_url)
        self._inflight: set[Request] = set()
        page.on("request", self._on_request)
        page.on("requestfinished", self._on_finished)
        page.on("requestfailed", self._on_failed)
        page.on("response", self._on_response)
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.log.page_errors.append(str(error)))
        page.on("dialog", self._on_dialog)
        if block:
            page.route(lambda url: not _is_local(url, self.origin), self._abort)

    def _on_request(self, request: Request) -> None:
        self._inflight.add(request)
        if not _is_local(request.url, self.origin):
            self.log.off_origin.append(request.url)

    def _on_finished(self, request: Request) -> None:
        self._inflight.discard(request)

    def _on_failed(self, request: Request) -> None:
        self._inflight.discard(request)
        if _is_local(request.url, self.origin):
            self.log.failed_requests.append(f"{request.url} ({request.failure})")

    def _on_response(self, response: Response) -> None:
        if response.status >= 400:
            self.log.failed_requests.append(f"{response.url} (HTTP {response.status})")

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        where = message.location.get("url") or ""
        if where and not _is_local(where, self.origin):
            return  # a blocked request to another host: reported as such already
        self.log.console_errors.append(message.text)

    def _on_dialog(self, dialog: Dialog) -> None:
        self.log.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    @staticmethod
    def _abort(route: Route) -> None:
        route.abort("blockedbyclient")

    def settle(self, timeout: float = 3.0) -> None:
        """Wait until no request is in flight, twice in a row 20 ms apart (or ``timeout`` s).

        Material fetches the search index and the sitemap after the load event; leaving
        before they finish would cancel them, and hide whether they work.
        """
        quiet, deadline = 0, time.monotonic() + timeout
        while time.monotonic() < deadline:
            quiet = 0 if self._inflight else quiet + 1
            if quiet == 2:
                return
            self.page.wait_for_timeout(20)

    def visit(self, path: str) -> PageLog:
        """Open ``path`` (relative to the base URL), let its requests finish, return its log."""
        if self._inflight:
            self.settle()
        self.log = PageLog(self.base_url + path)
        response = self.page.goto(self.log.url)
        self.log.status = response.status if response else None
        self.settle()
        return self.log


def wait_for_scheme(page: Page, scheme: str) -> None:
    """Wait until Material has applied ``scheme`` ("default" or "slate") and finished switching."""
    page.wait_for_function(
        """scheme => document.body.getAttribute("data-md-color-scheme") === scheme
        && !document.body.hasAttribute("data-md-color-switching")""",
        arg=scheme,
    )


@dataclass(frozen=True)
class CrawledPage:
    """One page of a crawl: its log, and the JSON-LD blocks its DOM holds."""

    log: PageLog
    jsonld: list[str]


def crawl(page: Page, base_url: str, paths: list[str]) -> dict[str, CrawledPage]:
    """Open every path in turn in one page, recording its problems and its JSON-LD.

    Nothing is blocked (routing would turn off the cache and slow the walk); launched with
    OFFLINE_ARGS the browser cannot reach other hosts, and every attempt is recorded.
    """
    watch = PageWatch(page, base_url, block=False)
    pages: dict[str, CrawledPage] = {}
    for path in paths:
        log = watch.visit(path)
        jsonld = page.eval_on_selector_all(
            'script[type="application/ld+json"]', "scripts => scripts.map(s => s.textContent)"
        )
        pages[path] = CrawledPage(log, jsonld)
    watch.settle()
    return pages


@dataclass(frozen=True)
class ServedSite:
    """A built site and the base URL (ending in /) it is served at."""

    site_dir: Path
    url: str

    def relative(self, url: str) -> str:
        """An absolute URL of this site as a path from its root (no query, no fragment)."""
        return urlsplit(url).path.removeprefix(urlsplit(self.url).path)

    def heading(self, path: str) -> str:
        """The text of the first <h1> the build wrote for ``path``."""
        page = (self.site_dir / path / "index.html").read_text(encoding="utf-8")
        found = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.DOTALL)
        if found is None:
            raise LookupError(f"/{path} has no <h1>")
        return " ".join(html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).split())


OpenPage = Callable[..., tuple["Page", PageLog]]
"""The browser tests' `open_page(path, **options)` fixture: a watched page and its log."""
