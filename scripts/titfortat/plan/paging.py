"""Splitting a long listing over pages that know each other: one helper for every listing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from titfortat.plan.urls import part_url

PAGE_LIMIT = 200
"""Rows on one listing page. A claims table of 200 rows is about 120 KB of HTML."""

_T = TypeVar("_T")


@dataclass(frozen=True)
class Part:
    """One page of a split listing, for the pager."""

    number: int
    url: str


@dataclass(frozen=True)
class Paged(Generic[_T]):
    """One page's share of a listing: its rows, its number, and every page for the pager."""

    rows: tuple[_T, ...]
    number: int
    pager: tuple[Part, ...]

    @property
    def url(self) -> str:
        """This page's address."""
        return self.pager[self.number - 1].url

    @property
    def suffix(self) -> str:
        """ " (page 2 of 3)" for a title, or nothing when there is one page."""
        count = len(self.pager)
        return f" (page {self.number} of {count})" if count > 1 else ""


def chunks(items: Sequence[_T], size: int) -> list[Sequence[_T]]:
    """Split a list into pages of at most ``size`` (one empty page for an empty list)."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]


def paginate(base: str, rows: Sequence[_T], size: int = PAGE_LIMIT) -> list[Paged[_T]]:
    """The pages of a listing at ``base``, ``base/2/``... (always at least one)."""
    parts = chunks(rows, size)
    pager = tuple(Part(n, part_url(base, n)) for n in range(1, len(parts) + 1))
    return [Paged(tuple(part), number, pager) for number, part in enumerate(parts, start=1)]
