"""Permalinks: where every record and listing lives on the site, and links between them.

URLs are site-relative ("claims/some-id/"); pages link to each other with relative paths so
the site works at any base path (GitHub Pages serves a project under /REPO/).
"""

from __future__ import annotations

RECORD_FOLDERS = {
    "actors": "actors",
    "claims": "claims",
    "places": "places",
    "events": "events",
    "sources": "sources",
}


DOWNLOADS = "data/"
"""The downloads page; the files it lists sit in the same folder."""


def download(name: str) -> str:
    """The address of a download, by its path inside the downloads folder."""
    return DOWNLOADS + name


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


def depth(url: str) -> int:
    """How many folders down a page is: "" is 0, "claims/" 1, "claims/x/" 2."""
    return url.count("/")


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at ``from_url`` to ``to_url``, both site-relative.

    Always up to the site's root, then down: "../../actors/x/" from any claim page. A link
    then depends only on how deep the page is, so a fragment of HTML with links can be made
    once per depth and reused on every page that deep. A link to a place on the same page
    is just its fragment.
    """
    target, _, fragment = to_url.partition("#")
    if fragment and target in ("", from_url):
        return f"#{fragment}"
    link = "../" * depth(from_url) + target
    link = link or "./"
    return f"{link}#{fragment}" if fragment else link
