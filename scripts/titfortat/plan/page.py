"""A planned page: its address, what it shows and which template draws it; and where the
site lives."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any, ClassVar


@dataclass(frozen=True)
class SiteInfo:
    """What the pages need to know about where the site lives."""

    site_url: str
    site_name: str
    repo_blob_url: str | None = None
    """Where data files can be read online (``.../blob/main/``), for "view the data" links."""


@dataclass(frozen=True)
class Context:
    """What one kind of page shows: a dataclass per template, whose fields are the
    template's variables (so a template reads only what its page was planned with)."""

    TEMPLATE: ClassVar[str]
    """The template that draws this kind of page."""

    def variables(self) -> dict[str, Any]:
        """The fields, by name, as the template sees them."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class Page:
    """A page to write: where it goes, what it shows, and its metadata."""

    url: str
    title: str
    description: str
    context: Context
    data_file: str | None = None
    jsonld: Mapping[str, Any] | None = None
    search_exclude: bool = False
    search_boost: float | None = None
    """Ranks the page higher in search (a record whose name a reader types: an actor)."""
    """Keep the page out of the search index (listings that repeat record pages' text)."""

    @property
    def template(self) -> str:
        """The template that draws the page (its context's)."""
        return self.context.TEMPLATE
