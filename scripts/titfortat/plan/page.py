"""A planned page: its address, its template and what it shows; and where the site lives."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class SiteInfo:
    """What the pages need to know about where the site lives."""

    site_url: str
    site_name: str
    repo_blob_url: str | None = None
    """Where data files can be read online (``.../blob/main/``), for "view the data" links."""


@dataclass(frozen=True)
class Page:
    """A page to write: where it goes, which template draws it, and what it shows."""

    url: str
    template: str
    title: str
    description: str
    context: Mapping[str, Any] = field(default_factory=dict)
    data_file: str | None = None
    jsonld: Mapping[str, Any] | None = None
    search_exclude: bool = False
    """Keep the page out of the search index (listings that repeat record pages' text)."""
