"""What every family of pages shares: the dataset seen through its views, the limits that
keep pages small, and the listings (an index of groups, split over pages when long)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, ClassVar

from titfortat.model.dataset import Dataset
from titfortat.plan import urls
from titfortat.plan.page import Context, Page, SiteInfo
from titfortat.plan.paging import PAGE_LIMIT, Part, paginate
from titfortat.plan.sentences import Seg
from titfortat.plan.views import StatementView, Views

SECTION_LIMIT = 25
"""Items in one list on a record page before it links to the record's full list instead."""


def is_large(dataset: Dataset) -> bool:
    """Whether listings split into pages and repeated text leaves the search index."""
    return len(dataset.statements) > PAGE_LIMIT


@dataclass(frozen=True)
class Plan:
    """The input of every family of pages: the dataset, its views, where the site lives."""

    dataset: Dataset
    site: SiteInfo
    downloads: Mapping[str, bytes]

    @cached_property
    def views(self) -> Views:
        """Names, sentences and indexes, worked out once for every page."""
        return Views.build(self.dataset)

    @cached_property
    def large(self) -> bool:
        """Whether listings split and repeated text leaves the search index."""
        return is_large(self.dataset)

    def statements_of(self, ids: Iterable[str]) -> list[StatementView]:
        """The views of these statements, in order."""
        return [self.views.statements[i] for i in ids]


def capped(ids: Sequence[str]) -> list[str]:
    """The first items of a record page's list (see SECTION_LIMIT)."""
    return list(ids[:SECTION_LIMIT])


@dataclass(frozen=True)
class RecordListPage(Context):
    """Every statement of a record (a source, a place...), when its page shows only the
    first of each of its lists: no list hides a record without a link to the rest."""

    TEMPLATE: ClassVar[str] = "record_list.md.j2"
    record: Seg
    rows: tuple[StatementView, ...]
    pager: tuple[Part, ...]
    part: int


def record_lists(
    plan: Plan, record: Seg, ids: Sequence[str], *lists: Sequence[str]
) -> tuple[str | None, list[Page]]:
    """The pages listing all of a record's statements (``ids``), when any of its page's
    ``lists`` is longer than it shows; with the address its "all" links go to."""
    if all(len(items) <= SECTION_LIMIT for items in lists):
        return None, []
    assert record.href is not None
    base = urls.record_list(record.href)
    unique = list(dict.fromkeys(ids))
    pages = [
        Page(
            url=part.url,
            title=f"{record.text}: every statement{part.suffix}",
            description=f"All {len(unique):,} statements that name {record.text}.",
            context=RecordListPage(
                record=record,
                rows=tuple(plan.statements_of(part.rows)),
                pager=part.pager,
                part=part.number,
            ),
            search_exclude=True,
        )
        for part in paginate(base, unique)
    ]
    return base, pages


@dataclass(frozen=True)
class Group:
    """A heading in a listing, with its rows or, when split off, a link to its own pages."""

    key: str
    label: str
    anchor: str
    rows: tuple[Any, ...]
    total: int
    href: str | None = None


@dataclass(frozen=True)
class ListingPage(Context):
    """An index: groups of rows, or links to each group's own pages when there are many."""

    TEMPLATE: ClassVar[str] = "listing.md.j2"
    groups: tuple[Group, ...]
    row_kind: str
    split: bool
    intro: str
    total: int


@dataclass(frozen=True)
class ListingPartPage(Context):
    """One page of a group split off an index."""

    TEMPLATE: ClassVar[str] = "listing_part.md.j2"
    row_kind: str
    index_url: str
    index_title: str
    group_label: str
    rows: tuple[Any, ...]
    pager: tuple[Part, ...]
    part: int


def grouped_index(
    plan: Plan,
    url: str,
    title: str,
    description: str,
    groups: Sequence[tuple[str, str, Sequence[Any]]],
    group_url: Callable[[str], str],
    row_kind: str,
    intro: str,
) -> list[Page]:
    """An index page listing groups; large groups move to pages of their own, at
    ``group_url(key)``."""
    total = sum(len(rows) for _, _, rows in groups)
    split = total > PAGE_LIMIT
    shown: list[Group] = []
    pages: list[Page] = []
    for key, label, rows in groups:
        if not split:
            shown.append(Group(key, label, f"group-{key}", tuple(rows), len(rows)))
            continue
        href = group_url(key)
        shown.append(Group(key, label, f"group-{key}", (), len(rows), href))
        for part in paginate(href, rows):
            pages.append(
                Page(
                    url=part.url,
                    title=f"{title}: {label}{part.suffix}",
                    description=f"{label}: {len(rows):,} of the {total:,} entries of "
                    f"{title.lower()}.",
                    context=ListingPartPage(
                        row_kind=row_kind,
                        index_url=url,
                        index_title=title,
                        group_label=label,
                        rows=part.rows,
                        pager=part.pager,
                        part=part.number,
                    ),
                    search_exclude=plan.large,
                )
            )
    pages.append(
        Page(
            url=url,
            title=title,
            description=description,
            context=ListingPage(
                groups=tuple(shown), row_kind=row_kind, split=split, intro=intro, total=total
            ),
            search_exclude=plan.large,
        )
    )
    return pages
