"""Reader speed, measured: Lighthouse (mobile) on each page type, against stock Material on the
same page's text: ``make lighthouse``.

    python -m titfortat_dev.lighthouse [--pages home,claim] [--runs N] [--min SCORE] [--check]
        [--site DIR] [--data DIR] [--out bench-results] [--no-gzip] [--no-baseline]

Builds the site (``mkdocs build --strict`` in a scratch folder, as the screenshots do; or takes
a built one with ``--site``) and its BASELINE, the benchmark's: a stock Material site (Material's
defaults, search on, no fonts from other hosts) holding the same pages as plain Markdown, with
the same titles, visible text and navigation, and no hooks, templates or styles of ours
(:func:`titfortat_dev.bench.prepare_baseline`). Serves both on 127.0.0.1 and runs Lighthouse,
pinned in ``scripts/lighthouse/package-lock.json`` (``npm ci`` there when it is missing), on one
page of each type and on the same page of the baseline, alternately, ``--runs`` times each
(default 3): mobile form factor, simulated throttling, all four categories. Record pages are the
richest of their kind (the most HTML, see :func:`titfortat_dev.browser.page_of_type`).

The sites are served the way GitHub Pages serves them: text gzipped, ``Cache-Control:
max-age=600`` (``--no-gzip``: the plain server of the browser tests). The browser is offline:
a request to another host fails at once, and is listed.

For each page type, ours against stock (medians over the runs): the four scores, Total Blocking
Time and the bytes transferred, and whether each criterion is met: performance at least
stock's, TBT at most 50 ms above stock's, accessibility, best practices and SEO 100, and at
most 103 KiB transferred. Then, for every page measured: the four scores, FCP, LCP, TBT, CLS,
the bytes transferred and the HTML, CSS and JavaScript it loads, gzipped; and every audit under
Lighthouse's pass mark (0.9), with the elements or files it names. The summary goes to
``--out``/lighthouse.json, each raw report to ``--out``/lighthouse/.

Exit status: 0; 1 when a page of ours scores under ``--min`` in any category (default 0), or,
with ``--check``, misses a criterion; 2 when something could not be measured (no node, npm
failed, a build failed, ...).
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
"""The site name of the stock Material baseline (ours is "project")."""
DEFAULT_PAGES = (
    "home",
    "timeline",
    "matrix",
    "claim",
    "actor",
    "place",
    "claims-index",
    "method",
)
DEFAULT_RUNS = 3
TBT_MARGIN_MS = 50.0
"""How far our Total Blocking Time may be above stock's."""
BYTES_BUDGET = 103 * 1024
"""What a page of ours may transfer on a cold load (issue 19)."""
PERFECT = ("accessibility", "best-practices", "seo")
"""The categories in which our pages must score 100."""
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


def exit_status(
    pages: Sequence[PageSummary],
    minimum: float,
    errors: Sequence[str],
    unmet: Sequence[str] = (),
) -> int:
    """2 if a page could not be measured, else 1 if one of ours scored under ``minimum`` or
    missed a criterion in ``unmet`` (given with --check), else 0."""
    if errors:
        return 2
    return 1 if below_minimum(pages, minimum) or unmet else 0


# --- ours against stock ------------------------------------------------------------------------


@dataclass(frozen=True)
class Criterion:
    """One criterion of a page type: our median, stock's, and whether it is met (None when it
    needs stock's figure and stock was not measured)."""

    name: str
    rule: str
    ours: float
    stock: float | None
    met: bool | None


@dataclass(frozen=True)
class Comparison:
    """A page type: our page against the same page of the stock Material baseline."""

    name: str
    path: str
    criteria: tuple[Criterion, ...]

    def unmet(self) -> list[str]:
        """A line for each criterion missed."""
        lines = []
        for c in self.criteria:
            if c.met is False:
                stock = "" if c.stock is None else f", stock {_figure(c.name, c.stock)}"
                lines.append(
                    f"{self.name}: {c.name} {_figure(c.name, c.ours)}{stock} (must be {c.rule})"
                )
        return lines


def _figure(criterion: str, value: float) -> str:
    if criterion == "TBT":
        return f"{value:.0f} ms"
    if criterion == "bytes":
        return f"{value / 1024:.1f} KiB"
    return f"{value:g}"


def compare(ours: PageSummary, stock: PageSummary | None) -> Comparison:
    """Our page's medians against stock's, criterion by criterion."""
    performance, tbt = ours.scores["performance"], ours.metrics["tbt_ms"]
    criteria = [
        Criterion(
            "performance",
            "at least stock's",
            performance,
            None if stock is None else stock.scores["performance"],
            None if stock is None else performance >= stock.scores["performance"],
        ),
        Criterion(
            "TBT",
            f"at most {TBT_MARGIN_MS:.0f} ms above stock's",
            tbt,
            None if stock is None else stock.metrics["tbt_ms"],
            None if stock is None else tbt <= stock.metrics["tbt_ms"] + TBT_MARGIN_MS,
        ),
        *(
            Criterion(
                category,
                "100",
                ours.scores[category],
                None if stock is None else stock.scores[category],
                ours.scores[category] >= 100,
            )
            for category in PERFECT
        ),
        Criterion(
            "bytes",
            f"at most {BYTES_BUDGET / 1024:.0f} KiB",
            ours.transfer_bytes,
            None if stock is None else stock.transfer_bytes,
            ours.transfer_bytes <= BYTES_BUDGET,
        ),
    ]
    return Comparison(ours.name, ours.path, tuple(criteria))


def comparisons(pages: Sequence[PageSummary]) -> list[Comparison]:
    """Each page type of ours against the stock page of the same name, in measuring order."""
    stock = {page.name: page for page in pages if page.site == BASELINE}
    return [compare(page, stock.get(page.name)) for page in pages if page.site != BASELINE]


# --- printing ----------------------------------------------------------------------------------


def _kb(value: float | None) -> str:
    return "–" if value is None else f"{value / 1000:,.0f}"


COMPARED = (
    ("performance", "perf"),
    ("TBT", "TBT ms"),
    ("accessibility", "a11y"),
    ("best-practices", "bp"),
    ("seo", "seo"),
    ("bytes", "KiB"),
)
"""The criteria, in the order and under the names of the comparison's columns."""


def _cell(criterion: Criterion) -> str:
    def show(value: float | None) -> str:
        if value is None:
            return "–"
        if criterion.name == "bytes":
            return f"{value / 1024:.0f}"
        return f"{value:.0f}"

    verdict = {True: "ok", False: "NO", None: "  "}[criterion.met]
    return f"{show(criterion.ours):>5} {show(criterion.stock):>5} {verdict}"


def format_comparison(compared: Sequence[Comparison], runs: int) -> str:
    """Ours against stock for each page type: each criterion's two medians and its verdict."""
    if not compared:
        return ""
    width = max(len(c.name) for c in compared)
    head = f"{'':<{width}} " + " ".join(f"{label:^14}" for _, label in COMPARED)
    sub = f"{'page':<{width}} " + " ".join(f"{'ours':>5} {'stock':>5}   " for _ in COMPARED)
    lines = [
        f"Ours against stock Material on the same page's text (medians of {runs} run(s)):",
        "",
        head.rstrip(),
        sub.rstrip(),
        "-" * len(sub.rstrip()),
    ]
    for c in compared:
        by_name = {criterion.name: criterion for criterion in c.criteria}
        cells = " ".join(_cell(by_name[name]) for name, _ in COMPARED)
        lines.append(f"{c.name:<{width}} {cells}  {'met' if not c.unmet() else 'NOT MET'}")
    lines.append("")
    lines.append(
        f"Criteria: performance at least stock's; TBT at most {TBT_MARGIN_MS:.0f} ms above "
        f"stock's; accessibility, best practices and SEO 100; at most {BYTES_BUDGET / 1024:.0f} "
        "KiB transferred."
    )
    met = [c for c in compared if not c.unmet()]
    lines.append(f"Every criterion met on {len(met)} of {len(compared)} page type(s).")
    lines.extend(f"  not met: {line}" for c in compared for line in c.unmet())
    return "\n".join(lines)


def _label(page: PageSummary) -> str:
    return f"{page.name} (stock)" if page.site == BASELINE else page.name


def format_table(pages: Sequence[PageSummary]) -> str:
    """The scores, metrics and weights of every page, one line each."""
    head = (
        f"{'page':<20} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5}  {'FCP':>6} {'LCP':>6} "
        f"{'TBT':>6} {'CLS':>6}  {'total kB':>8} {'reqs':>4} {'code kB':>7} {'gz kB':>5}  path"
    )
    lines = [head, "-" * len(head)]
    for p in pages:
        m = p.metrics
        scores = " ".join(f"{p.scores[c]:>5g}" for c in CATEGORIES)
        lines.append(
            f"{_label(p):<20} {scores}  {m['fcp_ms'] / 1000:>5.1f}s {m['lcp_ms'] / 1000:>5.1f}s "
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


def _run_step(command: Sequence[str], cwd: Path, what: str) -> None:
    done = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        list(command),
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    if done.returncode != 0:
        raise ToolError(f"{what} failed:\n{done.stdout}{done.stderr}")


def build_baseline(work_dir: Path, data_dir: Path) -> Path:
    """Build the benchmark's stock Material baseline of the site ``data_dir`` makes: the pages
    the generator writes, as plain Markdown, with the same navigation, in a stock Material site
    (:func:`titfortat_dev.bench.prepare_baseline`: Material's defaults, search on, and no fonts
    from other hosts, as the browser is offline). Returns the built site's folder."""
    from titfortat_dev.bench import prepare_baseline  # noqa: PLC0415 - only this needs it

    work_dir.mkdir(parents=True, exist_ok=True)
    data = data_dir.resolve()
    generated_dir = work_dir / "generated"
    generate = [sys.executable, "-m", "titfortat", "generate", "--data", str(data)]
    generate += ["--out", str(generated_dir), "--config", str(PROJECT_ROOT / "mkdocs.yml")]
    _run_step([*generate, "--base", str(data.parent)], work_dir, "the baseline's generation")
    generated = {
        path.relative_to(generated_dir).as_posix(): path.read_bytes()
        for path in sorted(generated_dir.rglob("*"))
        if path.is_file() and not path.name.startswith(".")
    }
    config = prepare_baseline(work_dir / "source", generated)
    site = work_dir / "site"
    build = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    _run_step(build, work_dir, "the baseline's mkdocs build")
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
    """``--pages``: comma-separated page types (see browser.PAGE_TYPES)."""
    names = [name.strip() for name in text.split(",") if name.strip()]
    known = list(PAGE_TYPES)
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
    """Run Lighthouse ``runs`` times on each page type of ours and on the same page of the
    baseline, alternately, so that both meet the machine in the same state; ``sites`` maps
    "project" (and "baseline", when it is measured) to the served folder and its base URL."""
    site_dir = sites["project"][0]
    for name in pages:
        try:
            path = page_of_type(site_dir, name)
            for site, (folder, _) in sites.items():
                if not (folder / path / "index.html").is_file():
                    raise LookupError(f"the {site} site has no /{path}")
        except LookupError as error:
            result.errors.append(f"{name}: {error}")
            print(f"{name}: {error}", file=sys.stderr, flush=True)
            continue
        done: dict[str, list[RunResult]] = {site: [] for site in sites}
        started = time.perf_counter()
        try:
            for run in range(1, runs + 1):
                for site, (_, base_url) in sites.items():
                    suffix = ("-stock" if site == BASELINE else "") + (
                        f"-{run}" if runs > 1 else ""
                    )
                    report = run_lighthouse(
                        cli, chromium, base_url + path, reports / f"{name}{suffix}.report.json"
                    )
                    done[site].append(parse_report(report))
                    scores = " ".join(f"{done[site][-1].scores[c]:>3}" for c in CATEGORIES)
                    who = "stock" if site == BASELINE else "ours"
                    print(f"  {name:<13} {who:<5} run {run}/{runs}  {scores}  /{path}", flush=True)
        except ToolError as error:
            result.errors.append(f"{name}: {error}")
            print(f"{name}: {error}", file=sys.stderr, flush=True)
            continue
        result.seconds[f"lighthouse {name}"] = round(time.perf_counter() - started, 1)
        for site, (folder, base_url) in sites.items():
            first = done[site][0]
            result.versions.setdefault("lighthouse", first.lighthouse_version)
            result.notes.setdefault("form_factor", first.form_factor)
            result.notes.setdefault("throttling", first.throttling)
            indexes = [r.benchmark_index for r in done[site] if r.benchmark_index is not None]
            result.notes.setdefault("benchmark_index", []).extend(indexes)
            result.pages.append(
                summarize(name, site, path, done[site], gzip_sizer(folder, base_url))
            )
            text = (folder / path / "index.html").read_text(encoding="utf-8")
            result.notes.setdefault("text_chars", {}).setdefault(name, {})[site] = article_chars(
                text
            )


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
        "comparison": [{**asdict(c), "unmet": c.unmet()} for c in comparisons(result.pages)],
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
            if not args.no_baseline:
                step = time.perf_counter()
                print("mkdocs build (the stock Material baseline) ...", flush=True)
                baseline_dir = build_baseline(scratch / "baseline", Path(args.data))
                result.seconds["build baseline"] = round(time.perf_counter() - step, 1)
                baseline_url = stack.enter_context(serve(baseline_dir, compress=not args.no_gzip))
                sites[BASELINE] = (baseline_dir, baseline_url)
            for stale in reports.glob("*.report.json"):  # an earlier run's: not this one's
                stale.unlink()
            against = "" if args.no_baseline else ", ours and stock alternately"
            print(f"Lighthouse {version}, mobile, {args.runs} run(s) a page{against}:", flush=True)
            measure(sites, args.pages, args.runs, cli, chromium, reports, result)
    total = time.perf_counter() - started
    cpu = benchmark_note(result.notes.pop("benchmark_index", []))
    if cpu:
        result.notes["benchmark_index"] = cpu
    summary = write_summary(out, result, args, total)
    compared = comparisons(result.pages)
    if result.pages:
        print()
        print(format_table(result.pages))
        # Stock Material's own flags (its search dialog's name, its footer's contrast) are known.
        print(format_flags([page for page in result.pages if page.site != BASELINE]))
        print()
        print(format_comparison(compared, args.runs))
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
    unmet = [line for c in compared for line in c.unmet()] if args.check else []
    return exit_status(result.pages, args.min, result.errors, unmet)


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
    parser.add_argument(
        "--runs",
        type=int,
        default=DEFAULT_RUNS,
        help=f"runs per page, ours and stock each (default {DEFAULT_RUNS}); medians are kept",
    )
    parser.add_argument(
        "--min",
        type=float,
        default=0,
        help="exit 1 if a page of ours scores under this in any category (0 to 100)",
    )
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if a page of ours misses a criterion"
    )
    parser.add_argument(
        "--no-baseline", action="store_true", help="measure our pages only, not stock Material's"
    )
    parser.add_argument("--site", help="a built site to measure, instead of building one")
    parser.add_argument(
        "--data", default=str(PROJECT_ROOT / "data"), help="data folder (of the baseline too)"
    )
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
