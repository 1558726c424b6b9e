"""Permalinks: where every record and listing lives on the site, and links between them.

URLs are site-relative ("claims/some-id/"); pages link to each other with relative paths so
the site works at any base path (GitHub Pages serves a project under /REPO/).
"""

from __future__ import annotations

import posixpath

RECORD_FOLDERS = {
    "actors": "actors",
    "claims": "claims",
    "places": "places",
    "events": "events",
    "sources": "sources",
}


def record_url(kind: str, record_id: str) -> str:
    """The permalink of a record page: ``claims/<id>/``."""
    return f"{RECORD_FOLDERS[kind]}/{record_id}/"


def source_path(url: str) -> str:
    """The Markdown file (inside the generated folder) that becomes ``url``."""
    if url == "":
        return "index.md"
    if url.endswith("/"):
        parts = url.rstrip("/").split("/")
        if len(parts) == 1 or parts[0] not in RECORD_FOLDERS or len(parts) > 2:
            return f"{url}index.md"
        return f"{url.rstrip('/')}.md"
    return url


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at ``from_url`` to ``to_url``, both site-relative."""
    target, _, fragment = to_url.partition("#")
    if not target and fragment:
        return f"#{fragment}"
    here = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url)
    link = posixpath.relpath(target or ".", here or ".")
    if target.endswith("/") or not target:
        link = "./" if link == "." else f"{link}/"
    return f"{link}#{fragment}" if fragment else link
