"""MkDocs hooks: regenerate the pages from data/ before each build, so `mkdocs serve` shows
a data edit at once; and two niceties for generated pages.

The generator is the plain command ``titfortat generate``, which writes the pages into docs/
at their final addresses (docs/claims/x.md is /claims/x/); `make build` and the Zensical
build run it too, and no address depends on this file. The hook runs it as a child process,
so `mkdocs serve` always runs the current code and the memory generation needs is returned
before MkDocs builds. Beyond that, the hook only points a generated page's "edit" link at
its data file, and sets the pages' HTML blocks aside from Markdown (a third of the build
time on a large site); an engine that runs no hooks builds the same pages without these.

TITFORTAT_DATA, when set, names another data folder (tests and benchmarks build from
fixtures and synthetic data this way).
"""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents


def _base(data_dir: Path, project: Path) -> Path:
    """The folder data paths are shown relative to: the project, or the data folder's parent
    when the data lives elsewhere (so "edit" links always read data/<file>.yaml)."""
    resolved = data_dir.resolve()
    return project if resolved.is_relative_to(project.resolve()) else resolved.parent


def on_pre_build(config: MkDocsConfig) -> None:
    """Check the data and write the pages; stop the build, untouched, if the data is bad."""
    project = Path(config.config_file_path).parent
    data_dir = Path(os.environ.get("TITFORTAT_DATA") or project / "data")
    command = [
        sys.executable, "-m", "titfortat", "generate",
        "--data", str(data_dir),
        "--out", config.docs_dir,
        "--config", "",
        "--site-url", config.site_url or "",
        "--site-name", config.site_name,
        "--base", str(_base(data_dir, project)),
    ]  # fmt: skip
    if config.repo_url:
        command += ["--repo-url", config.repo_url, "--edit-uri", config.edit_uri or ""]
    completed = subprocess.run(  # noqa: S603 - our own interpreter and command
        command, capture_output=True, text=True, check=False
    )
    if completed.returncode == 1:
        raise Abort(
            "The data has problems; nothing was built.\n"
            f"{completed.stderr.strip()}\n"
            "Fix them (run `make check` to see them again) and build once more."
        )
    if completed.returncode != 0:
        raise Abort(f"Generating the pages failed:\n{completed.stderr.strip()}")


def on_page_markdown(
    markdown: str,
    page: Page,
    config: MkDocsConfig,
    files: Files,  # noqa: ARG001 - MkDocs passes it by name
) -> str:
    """Point a generated page's edit link at its data; set its HTML blocks aside.

    A generated page is Markdown headings around blocks of finished, escaped HTML (see
    titfortat/render.py). Python-Markdown would parse every block's tags twice over (its
    raw-HTML stash, and MkDocs' anchor scan) only to pass them through unchanged: on a large
    site that is a third of the build. Each block is replaced by a placeholder paragraph
    here and put back, byte for byte, in on_page_content.
    """
    data_file = page.meta.get("data_file")
    if isinstance(data_file, str) and config.repo_url and config.edit_uri:
        base = urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri)
        page.edit_url = urljoin(base, "../" + data_file)
    if not page.meta.get("generated"):
        return markdown
    # A placeholder no text could contain by chance or design: fresh for every page.
    token = f"TFTHTMLBLOCK{secrets.token_hex(8)}X"
    blocks: list[str] = []
    chunks = markdown.split("\n\n")
    for index, chunk in enumerate(chunks):
        if chunk.startswith("<") and not chunk.startswith("<!--"):
            chunks[index] = f"{token}{len(blocks)}"
            blocks.append(chunk)
    _HTML_BLOCKS[page.file.src_uri] = (token, blocks)
    return "\n\n".join(chunks)


def on_page_content(
    html: str,
    page: Page,
    config: MkDocsConfig,  # noqa: ARG001 - MkDocs passes it by name
    files: Files,  # noqa: ARG001 - MkDocs passes it by name
) -> str:
    """Put a generated page's HTML blocks back in place of their placeholders."""
    held = _HTML_BLOCKS.pop(page.file.src_uri, None)
    if held is None:
        return html
    token, blocks = held
    paragraph = re.compile(rf"<p>{token}(\d+)</p>")
    html = paragraph.sub(lambda match: blocks[int(match.group(1))], html)
    if html.startswith(_TITLE) and page.title:
        # The title is an HTML block, so Markdown's table of contents misses it; Material
        # aims "Skip to content" at the first entry there, so put the title back on top.
        top = AnchorLink(page.title, "page-title", 1)
        top.children = list(page.toc.items)
        page.toc = TableOfContents([top])
    return html


_TITLE = '<h1 id="page-title">'
_HTML_BLOCKS: dict[str, tuple[str, list[str]]] = {}
