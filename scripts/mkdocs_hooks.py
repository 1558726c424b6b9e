"""MkDocs hooks: generate the pages from data/ before each build, and serve them at their URLs.

The generator is a plain script (``titfortat generate``) that these hooks also call, so the
site builds the same way under tools that run no hooks. Generated pages are written to
docs/generated/ and published as if they sat at the root of docs/ (docs/generated/claims/x.md
becomes /claims/x/), so permalinks do not carry the folder's name.

TITFORTAT_DATA, when set, names another data folder (tests and benchmarks build from
fixtures and synthetic data this way).
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

GENERATED = "generated"
SNIPPETS = f"{GENERATED}/snippets/"


def _fresh_generator() -> Any:
    """Import the generator anew, so `mkdocs serve` picks up edits to its code too."""
    for name in [n for n in sys.modules if n == "titfortat" or n.startswith("titfortat.")]:
        del sys.modules[name]
    return importlib.import_module("titfortat.generate")


def _base(data_dir: Path, project: Path) -> Path:
    """The folder data paths are shown relative to: the project, or the data folder's parent
    when the data lives elsewhere (so "edit" links always read data/<file>.yaml)."""
    resolved = data_dir.resolve()
    return project if resolved.is_relative_to(project.resolve()) else resolved.parent


def on_pre_build(config: MkDocsConfig) -> None:
    """Check the data and write the pages; stop the build, untouched, if the data is bad."""
    generator = _fresh_generator()
    render = importlib.import_module("titfortat.render")
    problems = importlib.import_module("titfortat.problems")
    project = Path(config.config_file_path).parent
    data_dir = Path(os.environ.get("TITFORTAT_DATA") or project / "data")
    site = render.SiteInfo(
        site_url=config.site_url or "",
        site_name=config.site_name,
        repo_blob_url=generator.blob_url(config.repo_url, config.edit_uri),
    )
    try:
        generator.generate(
            data_dir, Path(config.docs_dir) / GENERATED, site, base=_base(data_dir, project)
        )
    except problems.DataError as error:
        raise Abort(
            f"The data has problems; nothing was built.\n{error}\n"
            "Fix them (run `make check` to see them again) and build once more."
        ) from None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Publish docs/generated/* at the root of the site; keep snippets out of it."""
    moved: list[File] = []
    generated_dir = str(Path(config.docs_dir) / GENERATED)
    for file in files:
        if not file.src_uri.startswith(f"{GENERATED}/"):
            moved.append(file)
            continue
        if file.src_uri.startswith(SNIPPETS):
            continue
        relocated = File(
            file.src_uri.removeprefix(f"{GENERATED}/"),
            src_dir=generated_dir,
            dest_dir=config.site_dir,
            use_directory_urls=config.use_directory_urls,
        )
        relocated.edit_uri = None  # set per page from its data file, below
        moved.append(relocated)
    return Files(moved)


def on_page_markdown(
    markdown: str,
    page: Page,
    config: MkDocsConfig,
    files: Files,  # noqa: ARG001 - MkDocs passes it by name
) -> str:
    """Point a generated page's edit link at the data file its record comes from."""
    data_file = page.meta.get("data_file")
    if isinstance(data_file, str) and config.repo_url and config.edit_uri:
        base = urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri)
        page.edit_url = urljoin(base, "../" + data_file)
    return markdown
