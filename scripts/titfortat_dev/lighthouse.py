"""Reader speed, measured: Lighthouse (mobile) on one page of each type: ``make lighthouse``.

    python -m titfortat_dev.lighthouse [--pages home,claim] [--runs N] [--min SCORE]
        [--site DIR] [--data DIR] [--out bench-results] [--no-gzip]

Builds the site (``mkdocs build --strict`` in a scratch folder, as the screenshots do; or takes
a built one with ``--site``) and a BASELINE: a stock Material site (a ``mkdocs.yml`` with only
``site_name`` and ``theme: {name: material}``, one page holding our home page's text), so that
stock Material is measured in the same run, on the same machine. Serves each on 127.0.0.1 and
runs Lighthouse, pinned in ``scripts/lighthouse/package-lock.json`` (``npm ci`` there when it is
missing), on one page of each type: mobile form factor, simulated throttling, all four
categories. Record pages are the richest of their kind (the most HTML, see
:func:`titfortat_dev.browser.page_of_type`).

The sites are served the way GitHub Pages serves them: text gzipped, ``Cache-Control:
max-age=600`` (``--no-gzip``: the plain server of the browser tests). The browser is offline:
a request to another host fails at once, and is listed.

For each page: the four scores, FCP, LCP, TBT, CLS, the bytes transferred, and the HTML, CSS
and JavaScript it loads, gzipped; then every audit under Lighthouse's pass mark (0.9), with
the elements or files it names. With ``--runs N`` every number is the median over N runs. The
summary goes to ``--out``/lighthouse.json, each raw report to ``--out``/lighthouse/.

Exit status: 0; 1 when a page of ours scores under ``--min`` in any category (default 0: report
only); 2 when something could not be measured (no node, npm failed, the build failed, ...).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gzip
import html
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from titfortat_dev.browser import (
    LAUNCH_ARGS,
    OFFLINE_ARGS,
    PAGE_TYPES,
    _QuietHandler,
    find_chromium,
    page_of_type,
    serve_folder,
)
from titfortat_dev.sitebuild import PROJECT_ROOT, SiteBuildError, build_site

LIGHTHOUSE_DIR = PROJECT_ROOT / "scripts" / "lighthouse"
"""The npm project that pins Lighthouse (package.json, package-lock.json)."""
NODE_MIN = (18, 16)
"""Lighthouse 12.8's ``engines.node``; Lighthouse 13 needs 22.19."""
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BASELINE = "baseline"
"""The page name of the stock Material site's home page."""
DEFAULT_PAGES = (
    "home",
    "timeline",
    "matrix",
    "claim",
    "actor",
    "place",
    "claims-index",
    "method",
    BASELINE,
)
CHROME_FLAGS = ("--headless=new", *LAUNCH_ARGS, *OFFLINE_ARGS)
PASS = 0.9
"""Lighthouse's report shows an audit scoring this or more as passed."""
SCORED_MODES = frozenset({"binary", "numeric", "metricSavings"})
METRICS = {
    "fcp_ms": "first-contentful-paint",
    "lcp_ms": "largest-contentful-paint",
    "tbt_ms": "total-blocking-time",
    "cls": "cumulative-layout-shift",
}
CODE_TYPES = frozenset({"Document", "Stylesheet", "Script"})
"""Lighthouse's resource types for the HTML, CSS and JavaScript a page loads."""
GZIP_LEVEL = 6
"""What web servers use by default."""
RUN_TIMEOUT = 300
"""Seconds one Lighthouse run may take before it is given up."""
MAX_TARGETS = 6
"""Elements or files listed per flagged audit."""
BASELINE_CONFIG = "site_name: Stock Material\ntheme:\n  name: material\n"
"""The baseline's whole mkdocs.yml: MkDocs' and Material's defaults, search included."""


class ToolError(Exception):
    """An expected failure (no node, npm failed, a build failed): reported in one message."""


# --- reading a Lighthouse report ---------------------------------------------------------------


@dataclass(frozen=True)
class Flag:
    """An audit under the pass mark: what it is, and the elements or files it names."""

    id: str
    title: str
    category: str
    score: float
    weight: float
    """Its weight in the category's score; 0 for diagnostics, which do not count."""
    display: str
    targets: tuple[str, ...]


@dataclass(frozen=True)
class Request:
    """One request of a page load, as Lighthouse's network-requests audit lists it."""

    url: str
    resource_type: str
    transfer_bytes: int
    resource_bytes: int


@dataclass(frozen=True)
class RunResult:
    """One Lighthouse run on one page."""

    url: str
    scores: dict[str, int]
    """0 to 100 by category, as the report shows them."""
    metrics: dict[str, float]
    """FCP, LCP and TBT in milliseconds; CLS unitless (keys as in METRICS)."""
    transfer_bytes: int
    """Every byte the page load transferred, as served (Lighthouse's total-byte-weight)."""
    requests: tuple[Request, ...]
    flagged: tuple[Flag, ...]
    lighthouse_version: str
    form_factor: str
    throttling: str
    benchmark_index: float | None
    other_hosts: tuple[str, ...] = ()
    """Requests the page made to hosts other than its own (they fail: the browser is offline)."""


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _short(url: str, origin: str) -> str:
    if url.startswith("data:"):
        return url[:40] + "…"
    return url.removeprefix(origin) or "/"


def _node_target(node: Mapping[str, Any]) -> str:
    parts = [str(node.get("selector") or node.get("nodeLabel") or "?")]
    snippet = " ".join(str(node.get("snippet") or "").split())
    if snippet:
        parts.append(snippet if len(snippet) <= 160 else snippet[:159] + "…")
    reasons = [line.strip() for line in str(node.get("explanation") or "").splitlines()]
    explanation = "; ".join(
        line
        for line in reasons
        if line and not line.startswith("Fix a")  # "Fix any/all of"
    )
    if explanation:
        parts.append(explanation if len(explanation) <= 240 else explanation[:239] + "…")
    return " | ".join(parts)


def _location_target(location: Mapping[str, Any], origin: str) -> str:
    where = f"{_short(str(location['url']), origin)}:{int(location.get('line') or 0) + 1}"
    original = location.get("original")
    if isinstance(original, dict) and original.get("file"):
        where += f" ({original['file']})"
    return where


def audit_targets(details: Any, origin: str, limit: int = MAX_TARGETS) -> tuple[str, ...]:
    """The elements (selector | snippet | why) and files (URL, or URL:line and what is
    there) an audit's details name, in their order; elements merely related are left out."""
    found: list[str] = []

    def target(value: Mapping[str, Any]) -> tuple[str, bool]:
        """What ``value`` names, and whether that covers everything inside it."""
        if isinstance(value.get("statistic"), str):  # dom-size: a count, and where it peaks
            number = value.get("value")
            number = number.get("value") if isinstance(number, dict) else number
            named = f"{value['statistic']} {number:g}" if isinstance(number, int | float) else ""
            node = value.get("node")
            if isinstance(node, dict):
                named = f"{named}: {_node_target(node)}" if named else _node_target(node)
            return named or str(value["statistic"]), True
        if isinstance(value.get("groupLabel"), str) and isinstance(
            value.get("duration"), int | float
        ):
            return f"{value['groupLabel']} {value['duration']:.0f} ms", True  # main-thread work
        if value.get("type") == "node":
            return _node_target(value), True
        if value.get("type") == "source-location" and isinstance(value.get("url"), str):
            return _location_target(value, origin), True
        location = value.get("location") or value.get("sourceLocation")
        if isinstance(location, dict) and isinstance(location.get("url"), str):
            what = value.get("signal") or value.get("description") or ""
            named = _location_target(location, origin)
            return (f"{named} {what}" if what else named), True
        if isinstance(value.get("url"), str):
            return _short(value["url"], origin), False
        return "", False

    def walk(value: Any) -> None:
        if len(found) >= limit:
            return
        if isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            named, covered = target(value)
            if named and named not in found:
                found.append(named)
            if covered:
                return
            for key, inner in value.items():
                if key not in {"headings", "debugData", "relatedNode"}:
                    walk(inner)

    walk(details)
    return tuple(found[:limit])


def _flag_order(flag: Flag) -> tuple[int, float, float, str]:
    """By category, then what weighs most in its score, then the lowest score."""
    return (CATEGORIES.index(flag.category), -flag.weight, flag.score, flag.id)


def flagged_audits(report: Mapping[str, Any]) -> tuple[Flag, ...]:
    """Every audit a category counts or shows that scores under the pass mark, the heaviest
    first (see ``_flag_order``).

    Audits in the "hidden" group are left out, as the report leaves them out.
    """
    origin = _origin(str(report.get("finalDisplayedUrl") or report.get("requestedUrl") or ""))
    audits: Mapping[str, Any] = report.get("audits", {})
    flags: list[Flag] = []
    for category in CATEGORIES:
        for ref in report.get("categories", {}).get(category, {}).get("auditRefs", []):
            audit = audits.get(ref["id"])
            if audit is None or ref.get("group") == "hidden":
                continue
            score = audit.get("score")
            if audit.get("scoreDisplayMode") not in SCORED_MODES or score is None:
                continue
            if score >= PASS:
                continue
            flags.append(
                Flag(
                    id=ref["id"],
                    title=str(audit.get("title", ref["id"])),
                    category=category,
                    score=float(score),
                    weight=float(ref.get("weight") or 0),
                    display=str(audit.get("displayValue") or ""),
                    targets=audit_targets(audit.get("details"), origin),
                )
            )
    return tuple(sorted(flags, key=_flag_order))


def parse_report(report: Mapping[str, Any]) -> RunResult:
    """The numbers of one Lighthouse JSON report; ToolError if Lighthouse could not score it."""
    url = str(report.get("finalDisplayedUrl") or report.get("requestedUrl") or "?")
    error = report.get("runtimeError")
    if error:
        raise ToolError(f"Lighthouse could not measure {url}: {error.get('message', error)}")
    categories = report.get("categories", {})
    scores: dict[str, int] = {}
    for category in CATEGORIES:
        score = categories.get(category, {}).get("score")
        if score is None:
            raise ToolError(f"Lighthouse gave {url} no {category} score")
        scores[category] = round(float(score) * 100)
    audits: Mapping[str, Any] = report.get("audits", {})
    metrics: dict[str, float] = {}
    for key, audit_id in METRICS.items():
        value = audits.get(audit_id, {}).get("numericValue")
        if value is None:
            raise ToolError(f"Lighthouse gave {url} no {audit_id}")
        metrics[key] = float(value)
    origin = _origin(url)
    items = (audits.get("network-requests", {}).get("details") or {}).get("items", [])
    requests = tuple(
        Request(
            url=str(item["url"]),
            resource_type=str(item.get("resourceType") or "Other"),
            transfer_bytes=int(item.get("transferSize") or 0),
            resource_bytes=int(item.get("resourceSize") or 0),
        )
        for item in items
    )
    other_hosts = tuple(
        r.url for r in requests if r.url.startswith("http") and _origin(r.url) != origin
    )
    settings = report.get("configSettings", {})
    return RunResult(
        url=url,
        scores=scores,
        metrics=metrics,
        transfer_bytes=int(audits.get("total-byte-weight", {}).get("numericValue") or 0),
        requests=requests,
        flagged=flagged_audits(report),
        lighthouse_version=str(report.get("lighthouseVersion", "?")),
        form_factor=str(settings.get("formFactor", "?")),
        throttling=str(settings.get("throttlingMethod", "?")),
        benchmark_index=report.get("environment", {}).get("benchmarkIndex"),
        other_hosts=other_hosts,
    )


# --- one page over its runs --------------------------------------------------------------------


@dataclass(frozen=True)
class FlagSummary(Flag):
    """A flagged audit over a page's runs: the worst run's figures, and how many runs flagged it."""

    runs: int


@dataclass(frozen=True)
class PageSummary:
    """One page over its runs: medians of every number, and every audit any run flagged."""

    name: str
    site: str
    """"project" or "baseline"."""
    path: str
    url: str
    runs: int
    scores: dict[str, float]
    metrics: dict[str, float]
    transfer_bytes: float
    requests: int
    code_bytes: int
    """The HTML, CSS and JavaScript the page loads, uncompressed."""
    code_gzip_bytes: int | None
    """The same, each file gzipped (None when the files could not be read)."""
    flagged: tuple[FlagSummary, ...]
    other_hosts: tuple[str, ...]
    per_run: tuple[dict[str, Any], ...] = field(default=())


def median_scores(runs: Sequence[RunResult]) -> dict[str, float]:
    """The median of each category's score over the runs."""
    return {c: float(statistics.median(r.scores[c] for r in runs)) for c in CATEGORIES}


def median_metrics(runs: Sequence[RunResult]) -> dict[str, float]:
    """The median of each metric over the runs."""
    return {key: float(statistics.median(r.metrics[key] for r in runs)) for key in METRICS}


def merge_flags(runs: Sequence[RunResult]) -> tuple[FlagSummary, ...]:
    """Every audit any run flagged, with its worst run's score and targets, in report order."""
    worst: dict[str, Flag] = {}
    count: dict[str, int] = {}
    for run in runs:
        for flag in run.flagged:
            count[flag.id] = count.get(flag.id, 0) + 1
            if flag.id not in worst or flag.score < worst[flag.id].score:
                worst[flag.id] = flag
    ordered = sorted(worst.values(), key=_flag_order)
    return tuple(FlagSummary(**asdict(flag), runs=count[flag.id]) for flag in ordered)


def summarize(
    name: str,
    site: str,
    path: str,
    runs: Sequence[RunResult],
    gzipped_size: Callable[[str], int | None] | None = None,
) -> PageSummary:
    """One page's summary over its runs; ``gzipped_size(url)`` gives a file's gzipped size."""
    if not runs:
        raise ValueError("a page needs at least one run")
    first = runs[0]
    code = [r for r in first.requests if r.resource_type in CODE_TYPES]
    origin = _origin(first.url)
    code = [r for r in code if _origin(r.url) == origin]
    code_gzip: int | None = None
    if code and gzipped_size is not None:
        sizes = [gzipped_size(r.url) for r in code]
        if all(size is not None for size in sizes):
            code_gzip = sum(size or 0 for size in sizes)
    return PageSummary(
        name=name,
        site=site,
        path=path,
        url=first.url,
        runs=len(runs),
        scores=median_scores(runs),
        metrics=median_metrics(runs),
        transfer_bytes=float(statistics.median(r.transfer_bytes for r in runs)),
        requests=len(first.requests),
        code_bytes=sum(r.resource_bytes for r in code),
        code_gzip_bytes=code_gzip,
        flagged=merge_flags(runs),
        other_hosts=tuple(sorted({url for r in runs for url in r.other_hosts})),
        per_run=tuple({"scores": r.scores, "metrics": r.metrics} for r in runs),
    )


def below_minimum(pages: Sequence[PageSummary], minimum: float) -> list[str]:
    """A line for each score of a page of ours (not the baseline) under ``minimum``."""
    return [
        f"{page.name}: {category} {page.scores[category]:g} < {minimum:g}"
        for page in pages
        if page.site != BASELINE
        for category in CATEGORIES
        if page.scores[category] < minimum
    ]


def exit_status(pages: Sequence[PageSummary], minimum: float, errors: Sequence[str]) -> int:
    """2 if a page could not be measured, else 1 if one of ours scored under ``minimum``, else 0."""
    if errors:
        return 2
    return 1 if below_minimum(pages, minimum) else 0


# --- printing ----------------------------------------------------------------------------------


def _kb(value: float | None) -> str:
    return "–" if value is None else f"{value / 1000:,.0f}"


def format_table(pages: Sequence[PageSummary]) -> str:
    """The scores, metrics and weights of every page, one line each."""
    head = (
        f"{'page':<13} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5}  {'FCP':>6} {'LCP':>6} "
        f"{'TBT':>6} {'CLS':>6}  {'total kB':>8} {'reqs':>4} {'code kB':>7} {'gz kB':>5}  path"
    )
    lines = [head, "-" * len(head)]
    for p in pages:
        m = p.metrics
        scores = " ".join(f"{p.scores[c]:>5g}" for c in CATEGORIES)
        lines.append(
            f"{p.name:<13} {scores}  {m['fcp_ms'] / 1000:>5.1f}s {m['lcp_ms'] / 1000:>5.1f}s "
            f"{m['tbt_ms']:>4.0f}ms {m['cls']:>6.3f}  {_kb(p.transfer_bytes):>8} {p.requests:>4} "
            f"{_kb(p.code_bytes):>7} {_kb(p.code_gzip_bytes):>5}  /{p.path}"
        )
    return "\n".join(lines)


def _flag_lines(flag: FlagSummary, runs: int) -> list[str]:
    count = f", {flag.runs}/{runs} runs" if runs > 1 else ""
    value = f" ({flag.display})" if flag.display else ""
    weight = f"weight {flag.weight:g}" if flag.weight else "not scored"
    head = f"  [{flag.category}] {flag.id}: {flag.title}{value} — score {flag.score:g}, {weight}"
    head += count
    return [head, *(f"      {target}" for target in flag.targets)]


def format_flags(pages: Sequence[PageSummary]) -> str:
    """What Lighthouse flagged on each page under 100 in any category; audits flagged on
    every such page are listed once, first (with the first page's figures)."""
    shown = [p for p in pages if p.flagged and any(p.scores[c] < 100 for c in CATEGORIES)]
    if not shown:
        return ""
    common = set.intersection(*({f.id for f in p.flagged} for p in shown))
    out: list[str] = []
    if len(shown) > 1 and common:
        out.append(f"\nOn every page listed below ({', '.join(p.name for p in shown)}):")
        for flag in shown[0].flagged:
            if flag.id in common:
                out.extend(_flag_lines(flag, shown[0].runs))
    for page in shown:
        own = [f for f in page.flagged if len(shown) == 1 or f.id not in common]
        if not own and not page.other_hosts:
            continue
        out.append(f"\n{page.name} (/{page.path}):")
        for flag in own:
            out.extend(_flag_lines(flag, page.runs))
        if page.other_hosts:
            out.append("  requests to other hosts: " + ", ".join(page.other_hosts))
    return "\n".join(out)


# --- the baseline ------------------------------------------------------------------------------


class _ArticleText(HTMLParser):
    """The text of a Material page's <article>, as Markdown headings and paragraphs."""

    BLOCKS = frozenset(
        {"p", "li", "dt", "dd", "tr", "blockquote", "figcaption", "div", "section", "summary"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.skip = 0
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.prefix = ""

    def _flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(self.prefix + html.escape(text, quote=False))
        self.current, self.prefix = [], ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:  # noqa: ARG002
        if tag == "article":
            self.depth += 1
        elif not self.depth:
            return
        if tag in {"script", "style", "svg"}:
            self.skip += 1
        elif re.fullmatch(r"h[1-6]", tag):
            self._flush()
            self.prefix = "#" * int(tag[1]) + " "
        elif tag in self.BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if not self.depth:
            return
        if tag in {"script", "style", "svg"}:
            self.skip = max(0, self.skip - 1)
        elif re.fullmatch(r"h[1-6]", tag) or tag in self.BLOCKS:
            self._flush()
        if tag == "article":
            self._flush()
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.current.append(data)


def article_markdown(page_html: str) -> str:
    """A built page's article text as plain Markdown (headings, paragraphs)."""
    parser = _ArticleText()
    parser.feed(page_html)
    parser.close()
    return "\n\n".join(parser.blocks) + "\n"


def build_baseline(work_dir: Path, home_html: str) -> Path:
    """Build the stock Material site, its home page holding ``home_html``'s article text."""
    docs = work_dir / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    text = article_markdown(home_html)
    if not text.strip():
        text = "# Stock Material\n\nThe project's home page had no article text.\n"
    (docs / "index.md").write_text(text, encoding="utf-8")
    (work_dir / "mkdocs.yml").write_text(BASELINE_CONFIG, encoding="utf-8")
    site = work_dir / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)]
    done = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        command,
        capture_output=True,
        text=True,
        cwd=work_dir,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    if done.returncode != 0:
        raise ToolError(f"the baseline's mkdocs build failed:\n{done.stdout}{done.stderr}")
    return site


def article_chars(page_html: str) -> int:
    """How many characters of text a page's article holds (whitespace collapsed)."""
    parser = _ArticleText()
    parser.feed(page_html)
    parser.close()
    return sum(len(html.unescape(block.lstrip("# "))) for block in parser.blocks)


# --- serving like GitHub Pages -----------------------------------------------------------------

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/xml")


class _PagesHandler(_QuietHandler):
    """Serve files as GitHub Pages does: text gzipped, and cached for ten minutes."""

    def end_headers(self) -> None:
        """Add GitHub Pages' cache lifetime to every response."""
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        """Send a text file gzipped when the browser accepts it; anything else as usual."""
        body, content_type = self._gzipped()
        if body is None:
            super().do_GET()
            return
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)

    def _gzipped(self) -> tuple[bytes | None, str]:
        if "gzip" not in self.headers.get("Accept-Encoding", ""):
            return None, ""
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return None, ""  # the base class redirects to the slashed address
            path /= "index.html"
        if not path.is_file():
            return None, ""
        content_type = self.guess_type(str(path))
        if not content_type.startswith(COMPRESSED_TYPES) and "svg" not in content_type:
            return None, ""
        return gzip.compress(path.read_bytes(), GZIP_LEVEL, mtime=0), content_type


@contextlib.contextmanager
def serve(folder: Path, *, compress: bool = True) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 at a free port; yield its base URL.

    With ``compress`` like GitHub Pages (gzip, max-age=600), else with the browser tests' server.
    """
    with serve_folder(folder, _PagesHandler if compress else None) as url:
        yield url


def gzip_sizer(site_dir: Path, base_url: str) -> Callable[[str], int | None]:
    """``url -> gzipped size`` of the file the site at ``base_url`` serves there (or None)."""
    base = urlsplit(base_url)

    def size(url: str) -> int | None:
        parts = urlsplit(url)
        if parts.netloc != base.netloc:
            return None
        relative = unquote(parts.path).removeprefix(base.path)
        path = site_dir / relative
        if relative == "" or relative.endswith("/"):
            path /= "index.html"
        if not path.is_file():
            return None
        return len(gzip.compress(path.read_bytes(), GZIP_LEVEL, mtime=0))

    return size


# --- running Lighthouse ------------------------------------------------------------------------


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


def pinned_version(directory: Path = LIGHTHOUSE_DIR) -> str:
    """The Lighthouse version package.json pins."""
    try:
        manifest = json.loads((directory / "package.json").read_text(encoding="utf-8"))
        return str(manifest["dependencies"]["lighthouse"])
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ToolError(f"{directory}/package.json does not pin lighthouse ({error!r})") from error


def installed_version(directory: Path = LIGHTHOUSE_DIR) -> str | None:
    """The Lighthouse version in node_modules, or None when it is not installed."""
    manifest = directory / "node_modules" / "lighthouse" / "package.json"
    if not manifest.is_file():
        return None
    return str(json.loads(manifest.read_text(encoding="utf-8")).get("version"))


def ensure_lighthouse(directory: Path = LIGHTHOUSE_DIR) -> tuple[list[str], str]:
    """The command that runs the pinned Lighthouse (``npm ci`` first if it is not installed),
    and its version; ToolError when node or npm is missing or too old, or npm fails."""
    node = shutil.which("node")
    if node is None:
        raise ToolError(
            "node was not found: install Node.js 18.16 or newer (Debian/Ubuntu: "
            "sudo apt install nodejs npm) to run Lighthouse"
        )
    done = subprocess.run([node, "--version"], capture_output=True, text=True, check=False)  # noqa: S603
    if _version(done.stdout) < NODE_MIN:
        raise ToolError(
            f"node {done.stdout.strip()} is too old for Lighthouse {pinned_version(directory)}: "
            f"it needs {'.'.join(map(str, NODE_MIN))} or newer"
        )
    pinned = pinned_version(directory)
    if installed_version(directory) != pinned:
        npm = shutil.which("npm")
        if npm is None:
            raise ToolError(
                f"npm was not found: it installs Lighthouse {pinned} into {directory}/node_modules"
                " (Debian/Ubuntu: sudo apt install npm)"
            )
        print(f"npm ci in {directory} (Lighthouse {pinned}) ...", flush=True)
        done = subprocess.run(  # noqa: S603 - npm, found on PATH, with fixed arguments
            [npm, "ci", "--no-audit", "--no-fund"],
            cwd=directory,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise ToolError(f"npm ci failed in {directory}:\n{(done.stdout + done.stderr)[-3000:]}")
        if installed_version(directory) != pinned:
            raise ToolError(f"npm ci did not install Lighthouse {pinned} in {directory}")
    cli = directory / "node_modules" / "lighthouse" / "cli" / "index.js"
    return [node, str(cli)], pinned


def lighthouse_command(cli: Sequence[str], url: str, report: Path) -> list[str]:
    """A Lighthouse run: mobile (its default), simulated throttling, the four categories."""
    flags = [
        re.sub(r"^(--[^=]+=)(.* .*)$", r"\1'\2'", flag)  # quote flags holding spaces
        for flag in CHROME_FLAGS
    ]
    return [
        *cli,
        url,
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--throttling-method=simulate",
        f"--chrome-flags={' '.join(flags)}",
        "--quiet",
    ]


def run_lighthouse(cli: Sequence[str], chromium: Path, url: str, report: Path) -> dict[str, Any]:
    """Run Lighthouse on ``url``, write its report to ``report``, return it parsed."""
    report.parent.mkdir(parents=True, exist_ok=True)
    report.unlink(missing_ok=True)
    try:
        done = subprocess.run(  # noqa: S603 - node and Lighthouse, with our own arguments
            lighthouse_command(cli, url, report),
            capture_output=True,
            text=True,
            env={**os.environ, "CHROME_PATH": str(chromium)},
            timeout=RUN_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise ToolError(f"Lighthouse took more than {RUN_TIMEOUT} s on {url}") from error
    if done.returncode != 0 or not report.is_file():
        output = (done.stdout + done.stderr).strip()[-3000:]
        raise ToolError(f"Lighthouse failed on {url} ({done.returncode}):\n{output}")
    try:
        loaded: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    except ValueError as error:
        raise ToolError(f"Lighthouse wrote no readable report for {url}: {error}") from error
    return loaded


# --- the whole run -----------------------------------------------------------------------------


def parse_pages(text: str) -> list[str]:
    """``--pages``: comma-separated page types (see browser.PAGE_TYPES) and "baseline"."""
    names = [name.strip() for name in text.split(",") if name.strip()]
    known = [*PAGE_TYPES, BASELINE]
    unknown = [name for name in names if name not in known]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown page type {', '.join(unknown) or '(none)'}; choose from {', '.join(known)}"
        )
    return list(dict.fromkeys(names))


@dataclass
class Measured:
    """What a run produced: page summaries, pages that failed, and where the time went."""

    pages: list[PageSummary] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=dict)
    notes: dict[str, Any] = field(default_factory=dict)


def measure(
    sites: Mapping[str, tuple[Path, str]],
    pages: Sequence[str],
    runs: int,
    cli: Sequence[str],
    chromium: Path,
    reports: Path,
    result: Measured,
) -> None:
    """Run Lighthouse ``runs`` times on each page; ``sites`` maps "project"/"baseline" to the
    served folder and its base URL."""
    for name in pages:
        site = BASELINE if name == BASELINE else "project"
        site_dir, base_url = sites[site]
        try:
            path = "" if site == BASELINE else page_of_type(site_dir, name)
        except LookupError as error:
            result.errors.append(f"{name}: {error}")
            print(f"{name}: {error}", file=sys.stderr, flush=True)
            continue
        done: list[RunResult] = []
        started = time.perf_counter()
        try:
            for run in range(1, runs + 1):
                suffix = f"-{run}" if runs > 1 else ""
                report = run_lighthouse(
                    cli, chromium, base_url + path, reports / f"{name}{suffix}.report.json"
                )
                done.append(parse_report(report))
                scores = " ".join(f"{done[-1].scores[c]:>3}" for c in CATEGORIES)
                print(f"  {name:<13} run {run}/{runs}  {scores}  /{path}", flush=True)
        except ToolError as error:
            result.errors.append(f"{name}: {error}")
            print(f"{name}: {error}", file=sys.stderr, flush=True)
            continue
        result.seconds[f"lighthouse {name}"] = round(time.perf_counter() - started, 1)
        result.versions.setdefault("lighthouse", done[0].lighthouse_version)
        result.notes.setdefault("form_factor", done[0].form_factor)
        result.notes.setdefault("throttling", done[0].throttling)
        indexes = [r.benchmark_index for r in done if r.benchmark_index is not None]
        result.notes.setdefault("benchmark_index", []).extend(indexes)
        result.pages.append(summarize(name, site, path, done, gzip_sizer(site_dir, base_url)))


def write_summary(out: Path, result: Measured, args: argparse.Namespace, total: float) -> Path:
    """Write the summary JSON; return its path."""
    out.mkdir(parents=True, exist_ok=True)
    target = out / "lighthouse.json"
    summary = {
        "generated": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "runs": args.runs,
        "min": args.min,
        "server": "plain" if args.no_gzip else "gzip, Cache-Control max-age=600 (GitHub Pages)",
        "chrome_flags": list(CHROME_FLAGS),
        "versions": result.versions,
        **result.notes,
        "seconds": {"total": round(total, 1), **result.seconds},
        "pages": [asdict(page) for page in result.pages],
        "below_min": below_minimum(result.pages, args.min),
        "errors": result.errors,
    }
    target.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return target


def _mkdocs_material_version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    try:
        return version("mkdocs-material")
    except PackageNotFoundError:
        return "?"


def project_site(
    args: argparse.Namespace, scratch: Path, stack: contextlib.ExitStack, result: Measured
) -> tuple[Path, str]:
    """Serve ``--site``, or build the site from ``--data`` into ``scratch`` and serve it (built
    while served, so its site_url is the address it is measured at); its folder and URL."""
    if args.site:
        site_dir = Path(args.site).resolve()
        if not (site_dir / "index.html").is_file():
            raise ToolError(f"{site_dir} holds no built site (no index.html)")
        return site_dir, stack.enter_context(serve(site_dir, compress=not args.no_gzip))
    site_dir = scratch / "site"
    site_dir.mkdir()
    base_url = stack.enter_context(serve(site_dir, compress=not args.no_gzip))
    step = time.perf_counter()
    print("mkdocs build --strict (the site) ...", flush=True)
    try:
        build_site(Path(args.data), site_dir, scratch / "work", site_url=base_url)
    except SiteBuildError as error:
        raise ToolError(str(error)) from error
    result.seconds["build site"] = round(time.perf_counter() - step, 1)
    return site_dir, base_url


def benchmark_note(indexes: Sequence[float]) -> dict[str, float]:
    """The median and range of Lighthouse's CPU benchmark index over every run (empty if none)."""
    if not indexes:
        return {}
    return {
        "median": float(statistics.median(indexes)),
        "min": float(min(indexes)),
        "max": float(max(indexes)),
    }


def run(args: argparse.Namespace) -> int:
    """Build, serve, measure, report; the exit status."""
    started = time.perf_counter()
    result = Measured()
    chromium, where = find_chromium()
    if chromium is None:
        raise ToolError(where)
    cli, version = ensure_lighthouse()
    result.versions.update(
        {"lighthouse": version, "chromium": where, "mkdocs-material": _mkdocs_material_version()}
    )
    out = Path(args.out)
    reports = out / "lighthouse"
    with tempfile.TemporaryDirectory(prefix="titfortat-lighthouse-") as scratch_name:
        scratch = Path(scratch_name)
        with contextlib.ExitStack() as stack:
            site_dir, base_url = project_site(args, scratch, stack, result)
            sites = {"project": (site_dir, base_url)}
            if BASELINE in args.pages:
                step = time.perf_counter()
                print("mkdocs build --strict (the stock Material baseline) ...", flush=True)
                home = (site_dir / "index.html").read_text(encoding="utf-8")
                baseline_dir = build_baseline(scratch / "baseline", home)
                result.seconds["build baseline"] = round(time.perf_counter() - step, 1)
                baseline_home = (baseline_dir / "index.html").read_text(encoding="utf-8")
                result.notes["home_text_chars"] = {
                    "project": article_chars(home),
                    "baseline": article_chars(baseline_home),
                }
                baseline_url = stack.enter_context(serve(baseline_dir, compress=not args.no_gzip))
                sites[BASELINE] = (baseline_dir, baseline_url)
            for stale in reports.glob("*.report.json"):  # an earlier run's: not this one's
                stale.unlink()
            print(f"Lighthouse {version}, mobile, {args.runs} run(s) per page:", flush=True)
            measure(sites, args.pages, args.runs, cli, chromium, reports, result)
    total = time.perf_counter() - started
    cpu = benchmark_note(result.notes.pop("benchmark_index", []))
    if cpu:
        result.notes["benchmark_index"] = cpu
    summary = write_summary(out, result, args, total)
    if result.pages:
        print()
        print(format_table(result.pages))
        print(format_flags(result.pages))
    if cpu:
        print(
            f"\nLighthouse's CPU benchmark index: median {cpu['median']:g}, from {cpu['min']:g} to "
            f"{cpu['max']:g} (it falls when other work shares the machine; TBT rises with it)"
        )
    print(
        f"\n{len(result.pages)} page(s) in {total:.0f} s; summary in {summary}, "
        f"reports in {reports}/"
    )
    for line in below_minimum(result.pages, args.min):
        print(f"under --min: {line}", file=sys.stderr)
    for line in result.errors:
        print(f"not measured: {line.splitlines()[0]}", file=sys.stderr)
    return exit_status(result.pages, args.min, result.errors)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the options and run; expected failures are one message and exit status 2."""
    parser = argparse.ArgumentParser(
        prog="python -m titfortat_dev.lighthouse",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--pages",
        type=parse_pages,
        default=list(DEFAULT_PAGES),
        help=f"comma-separated page types (default: {','.join(DEFAULT_PAGES)})",
    )
    parser.add_argument("--runs", type=int, default=1, help="runs per page; medians are kept")
    parser.add_argument(
        "--min",
        type=float,
        default=0,
        help="exit 1 if a page of ours scores under this in any category (0 to 100)",
    )
    parser.add_argument("--site", help="a built site to measure, instead of building one")
    parser.add_argument("--data", default=str(PROJECT_ROOT / "data"), help="data folder")
    parser.add_argument("--out", default="bench-results", help="folder for the results")
    parser.add_argument(
        "--no-gzip", action="store_true", help="serve uncompressed (the browser tests' server)"
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be 1 or more")
    if not 0 <= args.min <= 100:
        parser.error("--min is a score from 0 to 100")
    try:
        return run(args)
    except ToolError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
