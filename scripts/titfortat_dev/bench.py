"""How the site scales: build it from synthetic data at several sizes and measure each step.

``python -m titfortat_dev.bench [--sizes 10,100,1000,10000] [--out bench-results]
[--docs docs/performance.md]``

For each size, in one run: synthesize a data folder (:mod:`titfortat_dev.synth`); time
loading and checking it, then generating the pages, in a fresh child process (a warm,
bloated parent would skew both); run the full ``mkdocs build`` of our site (the project's
real mkdocs.yml and hook, with the hand-written docs copied to a scratch folder, so the
working tree's docs/ is never touched) and of a BASELINE: a stock Material site holding the
same pages as plain Markdown, with the same not_in_nav arrangement and no hooks. Every build
runs in a fresh wrapper process that reports its own child's wall time, CPU time and peak
RSS (``RUSAGE_CHILDREN`` is a maximum over all children, so one wrapper per build). Where a
dataset is large enough for quotes to be kept out of the search index, one more build with
them left in measures what that saves.

The results are a benchmark, not timed assertions: the table goes to stdout, Markdown and
JSON to ``--out``, and the docs page ``--docs`` is rewritten with the table and the targets."""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import html
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from html.parser import HTMLParser
from importlib.metadata import version
from pathlib import Path
from typing import Any

DEFAULT_SIZES = (10, 100, 1000, 10000)
PROJECT = Path(__file__).resolve().parents[2]
SEARCH_EXCLUDE_ABOVE = 200
"""The generator marks quotes ``data-search-exclude`` above this many statements
(``is_large`` in plan/pages/common.py)."""
VARIANT_MAX = 1000
"""Largest size at which the quotes-searchable variant is built by default (it costs a build);
larger sizes extrapolate its per-statement effect."""
MB = 1_000_000
X = "\u00d7"
"""The multiplication sign of ratios."""

_WRAPPER = """
import json, resource, subprocess, sys, time
report, command = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
done = subprocess.run(command, capture_output=True, text=True, check=False)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(report, "w", encoding="utf-8") as stream:
    json.dump({"returncode": done.returncode, "wall": wall, "cpu": usage.ru_utime +
               usage.ru_stime, "max_rss_kb": usage.ru_maxrss,
               "output": (done.stdout + done.stderr)[-6000:]}, stream)
"""
"""Runs one command and reports its own child's peak RSS: a fresh process per build."""

_VARIANT_HOOK = """
# Serves pages written beforehand (quotes left searchable) without generating them again.
import importlib.util

_spec = importlib.util.spec_from_file_location("titfortat_real_hooks", {path!r})
_hooks = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_hooks)
on_page_markdown = _hooks.on_page_markdown
on_page_content = _hooks.on_page_content
"""


@dataclass
class BuildResult:
    """One ``mkdocs build``: time, memory and what it wrote."""

    wall: float
    cpu: float
    max_rss_mb: float
    output_mb: float
    files: int
    html_pages: int
    largest_html: str
    largest_html_kb: float
    claim_page_kb: float
    record_page_kb: float
    search_index_mb: float
    search_index_gzip_mb: float
    """As a web server sends it (GitHub Pages compresses JSON)."""


@dataclass
class SizeResult:
    """Everything measured for one dataset size."""

    claims: int
    records: dict[str, int]
    data_mb: float
    synth_s: float
    load_check_s: float
    generate_s: float
    write_s: float
    """The part of generate_s spent writing the files."""
    generated_files: int
    generated_mb: float
    child_rss_mb: float
    ours: BuildResult
    baseline: BuildResult
    quotes_searchable: BuildResult | None = None

    @property
    def prep_share(self) -> float:
        """Load, check and generation as a share of the full build."""
        return (self.load_check_s + self.generate_s) / self.ours.wall

    @property
    def ratio(self) -> float:
        """Our full build's wall time over the baseline's."""
        return self.ours.wall / self.baseline.wall


# -- measuring one size -------------------------------------------------------------------------


def run_measured(command: Sequence[str], *, env: Mapping[str, str], cwd: Path) -> dict[str, Any]:
    """Run a command in a fresh wrapper process; its wall and CPU time and peak RSS."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        report = Path(handle.name)
    try:
        subprocess.run(  # noqa: S603 - our own interpreter and arguments
            [sys.executable, "-c", _WRAPPER, str(report), *command],
            env=dict(env),
            cwd=cwd,
            check=True,
        )
        result: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    finally:
        report.unlink(missing_ok=True)
    if result["returncode"] != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result['output']}")
    return result


def build_env(data_dir: Path | None) -> dict[str, str]:
    """The environment of a build: our data folder, and no MkDocs 2 banner."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # The child runs `python -m titfortat_dev.bench`: this package is not installed.
    scripts = str(Path(__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [scripts, env.get("PYTHONPATH")]))
    env.pop("TITFORTAT_DATA", None)
    if data_dir is not None:
        env["TITFORTAT_DATA"] = str(data_dir.resolve())
    return env


def mkdocs_build(config: Path, site_dir: Path, data_dir: Path | None) -> BuildResult:
    """``mkdocs build -q`` in a fresh process, then what it wrote."""
    result = run_measured(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site_dir)],
        env=build_env(data_dir),
        cwd=config.parent,
    )
    return site_stats(site_dir, result)


def site_stats(site_dir: Path, result: Mapping[str, Any]) -> BuildResult:
    """Sizes of a built site: total, largest page, typical statement and record pages (a
    statement's page is under claims/), search."""
    total = 0
    files = 0
    pages: dict[str, int] = {}
    for path in site_dir.rglob("*"):
        if path.is_file():
            size = path.stat().st_size
            total += size
            files += 1
            if path.suffix == ".html":
                pages[path.relative_to(site_dir).as_posix()] = size
    largest = max(pages, key=lambda p: (pages[p], p)) if pages else ""
    claims = [s for p, s in pages.items() if re.fullmatch(r"claims/[^/]+/index\.html", p)]
    records = [
        s
        for p, s in pages.items()
        if re.fullmatch(r"(claims|actors|places|events|sources)/[^/]+/index\.html", p)
    ]
    index = site_dir / "search" / "search_index.json"
    return BuildResult(
        wall=round(result["wall"], 2),
        cpu=round(result["cpu"], 2),
        max_rss_mb=round(result["max_rss_kb"] / 1024, 1),
        output_mb=round(total / MB, 2),
        files=files,
        html_pages=len(pages),
        largest_html=largest,
        largest_html_kb=round(pages.get(largest, 0) / 1000, 1),
        claim_page_kb=round(statistics.median(claims) / 1000, 2) if claims else 0.0,
        record_page_kb=round(statistics.median(records) / 1000, 2) if records else 0.0,
        search_index_mb=round(index.stat().st_size / MB, 2) if index.exists() else 0.0,
        search_index_gzip_mb=round(len(gzip.compress(index.read_bytes(), 6)) / MB, 2)
        if index.exists()
        else 0.0,
    )


def generation_child(data_dir: Path, out_dir: Path, report: Path) -> None:
    """In a fresh process: time read_inputs + check, then build_files + writing."""
    import resource  # noqa: PLC0415 - POSIX only, and only this child needs it

    from titfortat.check.problems import DataError  # noqa: PLC0415
    from titfortat.pipeline import (  # noqa: PLC0415 - timed from a cold start
        build_files,
        load_dataset,
        site_from_mkdocs,
    )
    from titfortat.write.sync import sync_folder  # noqa: PLC0415

    site = site_from_mkdocs(PROJECT / "mkdocs.yml")  # as the hook sees it
    start = time.perf_counter()
    # The same calls `titfortat generate` makes in the hook; paths relative to the data
    # folder's parent, as the hook shows data outside the project.
    try:
        dataset = load_dataset(data_dir, data_dir.parent)
    except DataError as error:
        raise SystemExit(f"synthetic data did not pass the checker:\n{error}") from None
    loaded = time.perf_counter()
    files = build_files(dataset, site)
    rendered = time.perf_counter()
    sync_folder(out_dir, files)
    done = time.perf_counter()
    report.write_text(
        json.dumps(
            {
                "load_check_s": loaded - start,
                "generate_s": done - loaded,
                "write_s": done - rendered,
                "files": len(files),
                "bytes": sum(len(b) for b in files.values()),
                "records": dict(dataset.stats.records),
                "max_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            }
        ),
        encoding="utf-8",
    )


def prepare_ours(work_dir: Path) -> Path:
    """The project's hand-written docs, and a configuration inheriting its mkdocs.yml, in
    ``work_dir``."""
    from titfortat_dev.sitebuild import prepare  # noqa: PLC0415 - the shared copying helper

    config = prepare(work_dir)
    # This benchmark's own page is left out unless the navigation lists it (a page outside
    # the navigation fails the strict build), and stubbed if listed but not written yet.
    page = work_dir / "docs" / "performance.md"
    listed = re.search(
        r"^\s*-\s*[^#\n]*:\s*performance\.md\s*$",
        (PROJECT / "mkdocs.yml").read_text(encoding="utf-8"),
        re.MULTILINE,
    )
    if not listed:
        page.unlink(missing_ok=True)
    elif not page.exists():
        page.write_text("---\ntitle: Performance\n---\n\nNot measured yet.\n", encoding="utf-8")
    return config


def prepare_variant(work_dir: Path, generated: Mapping[str, bytes]) -> Path:
    """Our site with everything left in the search index (quotes, lists of statements, listing
    pages): pages pre-written, hook not generating."""
    from titfortat.write.sync import sync_folder  # noqa: PLC0415

    config = prepare_ours(work_dir)
    hook = work_dir / "variant_hooks.py"
    real = (PROJECT / "scripts" / "mkdocs_hooks.py").as_posix()
    hook.write_text(_VARIANT_HOOK.format(path=real), encoding="utf-8")
    overlay = json.loads(config.read_text(encoding="utf-8"))
    overlay["hooks"] = [hook.as_posix()]
    config.write_text(json.dumps(overlay, indent=2) + "\n", encoding="utf-8")
    searchable = {
        relative: data.replace(b" data-search-exclude", b"").replace(
            b"\nsearch:\n  exclude: true\n", b"\n"
        )
        for relative, data in generated.items()
    }
    sync_folder(work_dir / "docs", searchable)
    return config


# -- the baseline: the same pages in a stock Material site -----------------------------------


class _Text(HTMLParser):
    """The visible text of an HTML block, as Markdown paragraphs and list items."""

    BLOCKS = frozenset(
        {
            "p",
            "div",
            "dl",
            "dt",
            "dd",
            "ul",
            "ol",
            "table",
            "tr",
            "blockquote",
            "article",
            "section",
            "figure",
            "figcaption",
            "h1",
            "h2",
            "h3",
            "h4",
            "nav",
            "svg",
            "g",
            "details",
            "summary",
            "thead",
            "tbody",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skip = 0

    def flush(self, prefix: str = "") -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.lines.append(prefix + html.escape(text, quote=False))
        self.current = []

    def handle_starttag(
        self,
        tag: str,
        attrs: list[tuple[str, str | None]],  # noqa: ARG002 - not needed
    ) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "li":
            self.flush()
            self.current.append("\x00")
        elif tag in self.BLOCKS:
            self.flush()
        elif tag in ("td", "th", "br") and self.current:
            self.current.append(" · ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag == "li":
            text = "".join(self.current).lstrip("\x00")
            self.current = [text]
            self.flush("- ")
        elif tag in self.BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.current.append(data)

    def text(self) -> str:
        self.flush()
        blocks: list[str] = []
        for line in self.lines:
            if blocks and line.startswith("- ") and blocks[-1].startswith("- "):
                blocks[-1] += "\n" + line
            else:
                blocks.append(line)
        return "\n\n".join(blocks)


def plain_page(markdown: str) -> str:
    """A generated page as someone would write it by hand: a title, headings and text."""
    title = ""
    body = markdown
    if markdown.startswith("---\n"):
        end = markdown.index("\n---\n", 4)
        for line in markdown[4:end].splitlines():
            if line.startswith("title:"):
                title = html.unescape(json.loads(line.removeprefix("title:").strip()))
        body = markdown[end + 5 :]
    out: list[str] = []
    for chunk in re.split(r"\n\s*\n", body):
        block = chunk.strip()
        if not block:
            continue
        if block.startswith("#"):
            out.append(block)
        elif block.startswith("<"):
            parser = _Text()
            parser.feed(block)
            parser.close()
            if text := parser.text():
                out.append(text)
        elif block.startswith("--8<--"):
            continue
        else:
            out.append(block)
    head = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n\n" if title else ""
    return head + "\n\n".join(out) + "\n"


def prepare_baseline(work_dir: Path, generated: Mapping[str, bytes]) -> Path:
    """A stock Material site with the same pages, navigation and not_in_nav; no hooks."""
    import yaml  # noqa: PLC0415
    from mkdocs.utils.yaml import yaml_load  # noqa: PLC0415 - reads !ENV like MkDocs does

    docs = work_dir / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir(parents=True)
    snippets = {
        p.removeprefix("snippets/"): plain_page(b.decode("utf-8"))
        for p, b in generated.items()
        if p.startswith("snippets/")
    }
    for relative, data in generated.items():
        if relative.startswith("snippets/"):
            continue
        target = docs / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if relative.endswith(".md"):
            target.write_text(plain_page(data.decode("utf-8")), encoding="utf-8")
        else:
            target.write_bytes(data)
    from titfortat.plan import urls  # noqa: PLC0415

    for page in sorted((PROJECT / "docs").glob("*.md")):
        if page.name == "performance.md" or page.name in urls.generated_roots():
            continue
        text = page.read_text(encoding="utf-8")
        text = re.sub(
            r'^--8<-- "([^"]+)"$', lambda m: snippets.get(m.group(1), ""), text, flags=re.MULTILINE
        )
        (docs / page.name).write_text(text, encoding="utf-8")
    with (PROJECT / "mkdocs.yml").open(encoding="utf-8") as stream:
        real = yaml_load(stream)
    config = {
        "site_name": "Tit-for-Tat baseline",
        "theme": {"name": "material", "font": False},
        "plugins": ["search"],
        "markdown_extensions": [
            e
            for e in real.get("markdown_extensions", [])
            if not (isinstance(e, dict) and "pymdownx.snippets" in e)
        ],
        "not_in_nav": real.get("not_in_nav", ""),
        "nav": _existing_nav(real.get("nav", []), docs),
    }
    path = work_dir / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def _existing_nav(nav: Any, docs: Path) -> Any:
    """The real navigation, without entries whose page the baseline does not have."""
    if isinstance(nav, list):
        kept = [_existing_nav(item, docs) for item in nav]
        return [item for item in kept if item not in (None, [], {})]
    if isinstance(nav, dict):
        kept_items = {k: _existing_nav(v, docs) for k, v in nav.items()}
        return {k: v for k, v in kept_items.items() if v not in (None, [], {})} or None
    if isinstance(nav, str):
        return nav if (docs / nav).exists() else None
    return None


# -- one size, end to end ---------------------------------------------------------------------


def measure_size(claims: int, seed: int, scratch: Path, *, variant: bool) -> SizeResult:
    """Synthesize, load, check, generate and build one size; remove the scratch files after."""
    from titfortat_dev.synth import synthesize, write_dataset  # noqa: PLC0415

    root = scratch / f"size-{claims}"
    data_dir = root / "data"
    start = time.perf_counter()
    data = synthesize(claims, seed)
    write_dataset(data, data_dir)
    synth_s = time.perf_counter() - start
    del data
    gen_dir = root / "generated"
    report = root / "generation.json"
    subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [
            sys.executable,
            "-m",
            "titfortat_dev.bench",
            "--generation-child",
            str(data_dir),
            str(gen_dir),
            str(report),
        ],
        check=True,
        env=build_env(None),
    )
    gen = json.loads(report.read_text(encoding="utf-8"))
    generated = {
        p.relative_to(gen_dir).as_posix(): p.read_bytes()
        for p in sorted(gen_dir.rglob("*"))
        if p.is_file() and p.name[0] != "."
    }
    shutil.rmtree(gen_dir)
    ours = mkdocs_build(prepare_ours(root / "ours"), root / "site-ours", data_dir)
    shutil.rmtree(root / "site-ours")
    shutil.rmtree(root / "ours")
    baseline = mkdocs_build(
        prepare_baseline(root / "baseline", generated), root / "site-base", None
    )
    shutil.rmtree(root / "site-base")
    shutil.rmtree(root / "baseline")
    searchable = None
    if variant:
        config = prepare_variant(root / "variant", generated)
        searchable = mkdocs_build(config, root / "site-variant", None)
        shutil.rmtree(root / "site-variant")
        shutil.rmtree(root / "variant")
    data_bytes = sum(p.stat().st_size for p in data_dir.rglob("*") if p.is_file())
    shutil.rmtree(root)
    return SizeResult(
        claims=claims,
        records=gen["records"],
        data_mb=round(data_bytes / MB, 2),
        synth_s=round(synth_s, 2),
        load_check_s=round(gen["load_check_s"], 2),
        generate_s=round(gen["generate_s"], 2),
        write_s=round(gen["write_s"], 2),
        generated_files=gen["files"],
        generated_mb=round(gen["bytes"] / MB, 2),
        child_rss_mb=round(gen["max_rss_kb"] / 1024, 1),
        ours=ours,
        baseline=baseline,
        quotes_searchable=searchable,
    )


# -- targets and reports --------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """One goal: what it asks, what was measured, and whether it holds."""

    name: str
    measured: str
    met: bool | None


def _by_size(results: Sequence[SizeResult]) -> dict[int, SizeResult]:
    return {r.claims: r for r in results}


def quote_effect(results: Sequence[SizeResult]) -> tuple[float | None, str]:
    """Bytes of search index per statement that keeping quotes out saves, and where it comes
    from."""
    measured = [r for r in results if r.quotes_searchable is not None]
    if not measured:
        return None, "not measured"
    largest = max(measured, key=lambda r: r.claims)
    assert largest.quotes_searchable is not None
    saved = largest.quotes_searchable.search_index_mb - largest.ours.search_index_mb
    return saved * MB / largest.claims, f"measured at {largest.claims:,} statements"


def evaluate(results: Sequence[SizeResult]) -> list[Target]:
    """The brief's targets, each checked where the run has the sizes it needs."""
    sizes = _by_size(results)
    targets: list[Target] = []
    steady = [r for r in results if r.claims >= 100]
    if len(steady) >= 2:
        first, last = steady[0], steady[-1]
        change = last.ours.claim_page_kb / first.ours.claim_page_kb - 1
        record_change = last.ours.record_page_kb / first.ours.record_page_kb - 1
        targets.append(
            Target(
                f"Per-record page HTML within 10% from {first.claims:,} to {last.claims:,} "
                "statements",
                f"statement pages {first.ours.claim_page_kb:.1f} → "
                f"{last.ours.claim_page_kb:.1f} KB "
                f"({change:+.1%}); all record pages {first.ours.record_page_kb:.1f} → "
                f"{last.ours.record_page_kb:.1f} KB ({record_change:+.1%})",
                abs(change) <= 0.10,
            )
        )
    if 1000 in sizes and 10000 in sizes:
        small, big = sizes[1000], sizes[10000]
        scale = (big.ours.wall / 10000) / (small.ours.wall / 1000)
        cpu_scale = (big.ours.cpu / 10000) / (small.ours.cpu / 1000)
        targets.append(
            Target(
                f"Build time per statement at 10,000 within 1.3{X} of that at 1,000",
                f"{small.ours.wall / 1000 * 1000:.1f} → {big.ours.wall / 10000 * 1000:.1f} ms a "
                f"statement: {scale:.2f}{X} (CPU time: {cpu_scale:.2f}{X})",
                scale <= 1.3,
            )
        )
    shares = ", ".join(f"{r.claims:,}: {r.prep_share:.0%}" for r in results)
    targets.append(
        Target(
            "Load, check and generation ≤ 5% of the full build at every size",
            shares,
            all(r.prep_share <= 0.05 for r in results),
        )
    )
    ratios = ", ".join(
        f"{r.claims:,}: {r.ratio:.2f}{X} (CPU time {r.ours.cpu / r.baseline.cpu:.2f}{X})"
        for r in results
    )
    targets.append(
        Target(
            f"Our full build within 1.2{X} of the baseline",
            ratios,
            all(r.ratio <= 1.2 for r in results),
        )
    )
    if 10000 in sizes:
        rss = sizes[10000].ours.max_rss_mb
        targets.append(
            Target(
                "Build memory under 1 GB at 10,000 statements",
                f"peak RSS {rss:,.0f} MB",
                rss < 1024,
            )
        )
    largest = results[-1]
    per_claim, where = quote_effect(results)
    effect = (
        ""
        if per_claim is None
        else (
            f"; quotes left in would add about {per_claim * largest.claims / MB:.1f} MB "
            f"({per_claim:,.0f} bytes a statement, {where})"
        )
    )
    targets.append(
        Target(
            f"Search index at most 5 MB at {largest.claims:,} statements",
            f"{largest.ours.search_index_mb:.1f} MB ({largest.ours.search_index_gzip_mb:.1f} MB "
            f"compressed, as served){effect}",
            largest.ours.search_index_mb <= 5,
        )
    )
    return targets


Column = tuple[str, Callable[[SizeResult], str]]

_COLUMNS: tuple[Column, ...] = (
    ("Statements", lambda r: f"{r.claims:,}"),
    ("Pages", lambda r: f"{r.ours.html_pages:,}"),
    ("Load + check", lambda r: f"{r.load_check_s:.1f} s"),
    ("Generate", lambda r: f"{r.generate_s:.1f} s"),
    ("Build (ours)", lambda r: f"{r.ours.wall:.1f} s"),
    ("Build (baseline)", lambda r: f"{r.baseline.wall:.1f} s"),
    ("Ours / baseline", lambda r: f"{r.ratio:.2f}{X}"),
    ("ms a page", lambda r: f"{r.ours.wall / max(1, r.ours.html_pages) * 1000:.1f}"),
    ("Peak RSS", lambda r: f"{r.ours.max_rss_mb:,.0f} MB"),
    ("Output", lambda r: f"{r.ours.output_mb:,.1f} MB"),
    ("Statement page", lambda r: f"{r.ours.claim_page_kb:.1f} KB"),
    ("Largest page", lambda r: f"{r.ours.largest_html_kb:,.0f} KB"),
    ("Search index", lambda r: f"{r.ours.search_index_mb:.2f} MB"),
    ("gzipped", lambda r: f"{r.ours.search_index_gzip_mb:.2f} MB"),
)


def table(results: Sequence[SizeResult]) -> str:
    """The results as a Markdown table, one row per size."""
    head = "| " + " | ".join(name for name, _ in _COLUMNS) + " |"
    rule = "|" + "|".join("---:" for _ in _COLUMNS) + "|"
    rows = ["| " + " | ".join(cell(r) for _, cell in _COLUMNS) + " |" for r in results]
    return "\n".join([head, rule, *rows])


def baseline_table(results: Sequence[SizeResult]) -> str:
    """The baseline's own figures, and the quotes-searchable variant where it was built."""
    lines = [
        "| Statements | Baseline build | Baseline RSS | Baseline statement page | Baseline largest "
        "page | Baseline search index | Quotes searchable: search index |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        variant = (
            f"{r.quotes_searchable.search_index_mb:.2f} MB" if r.quotes_searchable else "not built"
        )
        lines.append(
            f"| {r.claims:,} | {r.baseline.wall:.1f} s (CPU {r.baseline.cpu:.1f} s) | "
            f"{r.baseline.max_rss_mb:,.0f} MB | {r.baseline.claim_page_kb:.1f} KB | "
            f"{r.baseline.largest_html_kb:,.0f} KB | {r.baseline.search_index_mb:.2f} MB | "
            f"{variant} |"
        )
    return "\n".join(lines)


def machine() -> dict[str, str]:
    """What the numbers were measured on."""
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        load = "unknown"
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count() or 1),
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "material": version("mkdocs-material"),
        "system": f"{platform.system()} {platform.release()}",
        "load_at_start": load,
    }


def _verdict(met: bool | None) -> str:
    return "met" if met else ("not met" if met is not None else "n/a")


def docs_page(
    results: Sequence[SizeResult],
    targets: Sequence[Target],
    info: Mapping[str, str],
    when: dt.date,
    total_s: float,
) -> str:
    """The performance page of the site, written as a person would."""
    largest = results[-1]
    per_claim, where = quote_effect(results)
    if per_claim is not None:
        loss = (
            f"Leaving the quotes in would make the index about "
            f"{per_claim * largest.claims / MB:.1f} MB larger at {largest.claims:,} statements "
            f"({per_claim:,.0f} bytes a statement, {where})."
        )
    else:
        loss = "This run did not measure how much larger the index would be with them."
    target_lines = "\n".join(
        textwrap.fill(
            f"- **{_verdict(t.met).capitalize()}**: {t.name}: {t.measured}.",
            width=92,
            subsequent_indent="  ",
            break_on_hyphens=False,
        )
        for t in targets
    )
    numbers = [f"{r.claims:,}" for r in results]
    sizes = " and ".join([", ".join(numbers[:-1]), numbers[-1]] if len(numbers) > 1 else numbers)
    description = (
        "How long the site takes to build, how large its pages are and how much memory it "
        f"needs, from {results[0].claims:,} to {largest.claims:,} statements."
    )
    return _wrap_prose(f"""---
title: Performance
description: {json.dumps(description, ensure_ascii=False)}
---

# Performance

The site is built from the data on every change, so it has to stay quick to build as the
data grows. To know how it scales before the data does, we build it from synthetic datasets
of {sizes} statements, made by `titfortat_dev.synth` in the real format (invented names, quotes
cut from invented source texts, statements reported by several sources, answers tied to what
they answer, restatements, exchanges, every kind of date), and time every step.
Run `make bench` to measure again.

Measured on {when.isoformat()} on {info["cpu"]} ({info["cores"]} cores, shared with other
work: load average {info["load_at_start"]} at the start), Python {info["python"]},
MkDocs {info["mkdocs"]}, Material {info["material"]}. The whole run took
{total_s / 60:.1f} minutes.

## Results

{table(results)}

*Load + check* reads and checks every file; *Generate* writes the site's Markdown pages;
*Build* is the whole `mkdocs build`, which does both again in its hook; *Peak RSS* is its
memory. *Statement page* is the median statement page; *gzipped* is the search index as a
web server sends it. Times are wall-clock times on a machine shared with other work, so they
vary from run to run (the largest size by up to a third); the targets below also give CPU
times, which vary less. The *baseline* is a
stock Material site holding the same pages as plain Markdown (same titles, same visible
text), with the same navigation, and no hooks or templates of ours. Record pages (claims,
actors, places, events, sources) stay out of the navigation: with every record in it, each
page would carry all the others (with stock Material, 1,000 one-paragraph pages took 70 s to
build and 276 KB a page with all of them in the navigation, against 12 s and 9.6 KB without).

{baseline_table(results)}

## Targets

{target_lines}
{_why_not(targets)}
## What search leaves out on a large site

Above {SEARCH_EXCLUDE_ABOVE} statements, the search index keeps, for every page, its title;
for a statement's page, its sentence (who said it, about whom, the allegation, groups,
places); for an actor, place, event or source page, its description and facts (names, other
names, kind, dates).
It leaves out the quotes, the facts table and the sections of claim pages (each repeats the
sentence), the lists of claims on actor, place, event and source pages (each claim has its
own page), and the listing pages (timeline, claims table, who accuses whom, indexes), which
repeat record pages' text. What a reader loses is finding a claim by the words of its
quotes, and finding a listing page by a name in it: a search for an actor finds the actor's
page, which links to everything else. The quotes stay on the pages, where the browser's
find-in-page finds them, and the downloads hold every quote.
{loss}
""")


_WHY_NOT = {
    "Load, check": """\
**Why load, check and generation take more than 5% of the build.** Generation renders a
page per record with a template engine, the same kind of work MkDocs then does per page, so
it cannot shrink to a twentieth of it; checking is the smaller part (about 2 s at 10,000
claims). Of the rest, writing the pages is a third at 10,000 claims on this disk. What would
meet it: rendering on both cores at once (MkDocs uses one), and handing the pages to MkDocs
in memory instead of writing them (at the cost of the generated folder that `mkdocs serve`
and Zensical read), or a cache that rewrites only the pages whose records changed (which
helps `mkdocs serve`, not a clean build).""",
    "Our full build": """\
**Why our build is more than 1.2\u00d7 the baseline's.** At 10 and 100 claims the difference is
a fixed half second: starting the generator and checking the data, which the baseline does
not do. At 10,000 claims it is the generation above; MkDocs itself builds our pages about as
fast as the baseline's, since the hook hands it finished HTML blocks that Markdown does not
parse again. The same remedies would meet it.""",
}
"""What a missed target means, shown on the page when it is missed."""


def _why_not(targets: Sequence[Target]) -> str:
    notes = [
        text
        for start, text in _WHY_NOT.items()
        if any(t.name.startswith(start) and t.met is False for t in targets)
    ]
    return "\n" + "\n\n".join(notes) + "\n" if notes else ""


def _wrap_prose(markdown: str) -> str:
    """Rewrap the prose paragraphs at 92 columns, as the hand-written pages are."""
    head, _, body = markdown.partition("\n---\n")
    blocks = []
    for block in body.split("\n\n"):
        if block.lstrip().startswith(("|", "#", "-")):
            blocks.append(block)
        else:
            blocks.append(textwrap.fill(" ".join(block.split()), width=92, break_on_hyphens=False))
    return head + "\n---\n" + "\n\n".join(blocks) + "\n"


def results_markdown(
    results: Sequence[SizeResult],
    targets: Sequence[Target],
    info: Mapping[str, str],
    total_s: float,
) -> str:
    """The raw report written to --out."""
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {info['cpu']}, {info['cores']} cores, {info['system']}; Python "
        f"{info['python']}, MkDocs {info['mkdocs']}, Material {info['material']}; load "
        f"average at start {info['load_at_start']}. Total run time {total_s:.0f} s.",
        "",
        table(results),
        "",
        baseline_table(results),
        "",
        "## Targets",
        "",
        *[f"- {_verdict(t.met)}: {t.name}: {t.measured}" for t in targets],
        "",
        "## Per size",
        "",
    ]
    for r in results:
        lines.append(
            f"- {r.claims:,} statements: records {r.records}; data {r.data_mb} MB; synth "
            f"{r.synth_s} s; generated {r.generated_files:,} files ({r.generated_mb} MB, "
            f"{r.write_s} s of the {r.generate_s} s writing them); "
            f"generation child peak RSS {r.child_rss_mb} MB; build CPU {r.ours.cpu} s; "
            f"largest page {r.ours.largest_html} ({r.ours.largest_html_kb} KB)"
        )
    return "\n".join(lines) + "\n"


def print_table(results: Iterable[SizeResult]) -> None:
    """A plain-text table for the terminal."""
    rows = [[name for name, _ in _COLUMNS]]
    rows += [[cell(r) for _, cell in _COLUMNS] for r in results]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_COLUMNS))]
    for row in rows:
        print("  ".join(value.rjust(width) for value, width in zip(row, widths, strict=True)))


# -- the command ---------------------------------------------------------------------------------


def parse_sizes(values: Sequence[str]) -> list[int]:
    """``10,100`` or ``10 100`` (as ``make bench SIZES="10 100"`` passes them)."""
    sizes = sorted({int(part) for value in values for part in value.split(",") if part.strip()})
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("sizes are numbers of statements, at least 1")
    return sizes


def main(argv: Sequence[str] | None = None) -> int:
    """Measure every size, print the table, write the reports and the docs page."""
    parser = argparse.ArgumentParser(
        prog="python -m titfortat_dev.bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--sizes",
        nargs="+",
        default=[",".join(map(str, DEFAULT_SIZES))],
        help="numbers of statements: 10,100,1000,10000 (default)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("bench-results"))
    parser.add_argument(
        "--docs",
        type=Path,
        default=PROJECT / "docs" / "performance.md",
        help="the docs page to rewrite ('-' to leave it alone)",
    )
    parser.add_argument(
        "--variant-sizes",
        nargs="*",
        default=None,
        help="sizes at which to build with quotes searchable too (default: "
        f"those over {SEARCH_EXCLUDE_ABOVE} and up to {VARIANT_MAX:,})",
    )
    parser.add_argument(
        "--from-results",
        type=Path,
        metavar="JSON",
        help="measure nothing: write the reports again from a results.json",
    )
    parser.add_argument(
        "--generation-child", nargs=3, metavar=("DATA", "OUT", "REPORT"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.generation_child:
        data_dir, out_dir, report = map(Path, args.generation_child)
        generation_child(data_dir, out_dir, report)
        return 0
    if args.from_results:
        saved = json.loads(args.from_results.read_text(encoding="utf-8"))
        write_reports(
            [load_result(size) for size in saved["sizes"]],
            saved["machine"],
            saved["total_s"],
            dt.date.fromisoformat(saved["date"]),
            saved["seed"],
            args.out,
            args.docs,
        )
        return 0
    sizes = parse_sizes(args.sizes)
    if args.variant_sizes is None:
        variants = [s for s in sizes if SEARCH_EXCLUDE_ABOVE < s <= VARIANT_MAX]
    else:
        variants = parse_sizes(args.variant_sizes) if args.variant_sizes else []
    info = machine()
    started = time.perf_counter()
    results: list[SizeResult] = []
    with tempfile.TemporaryDirectory(prefix="titfortat-bench-") as scratch:
        for claims in sizes:
            size_start = time.perf_counter()
            print(f"-- {claims:,} statements", flush=True)
            result = measure_size(claims, args.seed, Path(scratch), variant=claims in variants)
            results.append(result)
            print(
                f"   done in {time.perf_counter() - size_start:.0f} s: build "
                f"{result.ours.wall:.1f} s (baseline {result.baseline.wall:.1f} s)",
                flush=True,
            )
    total = time.perf_counter() - started
    write_reports(results, info, total, dt.date.today(), args.seed, args.out, args.docs)
    return 0


READER_SECTION = "\n## On a reader's phone\n"
"""The heading of the page's part that `make lighthouse` measures: a benchmark run keeps it."""


def with_reader_section(page: str, old: str) -> str:
    """The benchmark's page, followed by the reader's-phone section of the page it replaces
    (the measurements `make lighthouse` took, which a build benchmark does not take)."""
    if READER_SECTION not in old or READER_SECTION in page:
        return page
    return page.rstrip("\n") + "\n" + old[old.index(READER_SECTION) :]


def write_reports(
    results: Sequence[SizeResult],
    info: Mapping[str, str],
    total: float,
    when: dt.date,
    seed: int,
    out: Path,
    docs: Path,
) -> None:
    """Print the table and targets; write results.md, results.json and the docs page."""
    targets = evaluate(results)
    print()
    print_table(results)
    print()
    for target in targets:
        print(f"{_verdict(target.met):>7}  {target.name}: {target.measured}")
    print(f"\ntotal {total:.0f} s")
    out.mkdir(parents=True, exist_ok=True)
    payload = {
        "machine": dict(info),
        "date": when.isoformat(),
        "seed": seed,
        "total_s": round(total, 1),
        "sizes": [
            asdict(r) | {"prep_share": round(r.prep_share, 4), "ratio": round(r.ratio, 3)}
            for r in results
        ],
        "targets": [asdict(t) for t in targets],
    }
    (out / "results.json").write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    (out / "results.md").write_text(
        results_markdown(results, targets, info, total), encoding="utf-8"
    )
    if str(docs) != "-":
        old = docs.read_text(encoding="utf-8") if docs.exists() else ""
        page = with_reader_section(docs_page(results, targets, info, when, total), old)
        docs.write_text(page, encoding="utf-8")
        print(f"wrote {docs}")
    print(f"wrote {out / 'results.md'} and {out / 'results.json'}")


def load_result(saved: Mapping[str, Any]) -> SizeResult:
    """A size's results as results.json holds them."""
    fields = {k: v for k, v in saved.items() if k not in ("prep_share", "ratio")}
    for name in ("ours", "baseline", "quotes_searchable"):
        if fields.get(name) is not None:
            fields[name] = BuildResult(**fields[name])
    return SizeResult(**fields)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
