"""The timeline: claims (when they were made) and events (when they happened), in order."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar

from titfortat.model.dates import MONTHS
from titfortat.plan import urls
from titfortat.plan.page import Context, Page
from titfortat.plan.pages.common import Plan
from titfortat.plan.paging import PAGE_LIMIT, Part, paginate
from titfortat.plan.views import ClaimView, DateView, QuoteView, Seg

_KIND_ORDER = {"event": 0, "claim": 1}
"""On the same date, what happened comes before what was said about it."""


@dataclass(frozen=True)
class TimelineEntry:
    """One dated (or undated) thing on the timeline."""

    anchor: str
    kind: str
    kind_label: str
    date: DateView | None
    headline: tuple[Seg, ...]
    actors: tuple[Seg, ...]
    quote: QuoteView | None
    more_quotes: int
    url: str
    status: ClaimView | None


@dataclass(frozen=True)
class Month:
    """The entries that start in one month; an open start has a group of its own."""

    year: int | str
    month: int
    label: str
    anchor: str
    entries: tuple[TimelineEntry, ...]


@dataclass(frozen=True)
class TimelinePage(Context):
    """The timeline on one page; or, when it is long, its index of years, or one year."""

    TEMPLATE: ClassVar[str] = "timeline.md.j2"
    months: tuple[Month, ...] = ()
    undated: tuple[TimelineEntry, ...] = ()
    years: tuple[tuple[str, int, str], ...] = ()
    """On the index of a split timeline: each year, its number of entries, its address."""
    pager: tuple[Part, ...] = ()
    year: str | None = None
    part: int = 1
    undated_count: int = 0


@dataclass(frozen=True)
class UndatedPage(Context):
    """A page of the entries with no date, when the timeline is split."""

    TEMPLATE: ClassVar[str] = "timeline_undated.md.j2"
    rows: tuple[TimelineEntry, ...]
    pager: tuple[Part, ...]
    part: int


def timeline_entries(plan: Plan) -> list[TimelineEntry]:
    """Every claim and event as a timeline entry, in date order (undated ones last)."""
    views = plan.views
    entries: list[TimelineEntry] = []
    for claim in views.claims.values():
        actors = [claim.accuser, claim.accused]
        if claim.speaker:
            actors.insert(1, claim.speaker)
        entries.append(
            TimelineEntry(
                anchor=f"claim-{claim.id}",
                kind="claim",
                kind_label=claim.kind_label,
                date=claim.asserted,
                headline=(Seg(claim.text, claim.url),),
                actors=tuple(actors),
                quote=claim.lead_quote,
                more_quotes=len(claim.evidence) - 1,
                url=claim.url,
                status=claim,
            )
        )
    for event in views.events.values():
        entries.append(
            TimelineEntry(
                anchor=f"event-{event.id}",
                kind="event",
                kind_label=event.kind_label,
                date=event.date,
                headline=(Seg(event.title, event.url),),
                actors=event.actors,
                quote=event.evidence[0] if event.evidence else None,
                more_quotes=max(0, len(event.evidence) - 1),
                url=event.url,
                status=None,
            )
        )

    def key(entry: TimelineEntry) -> tuple[Any, ...]:
        if entry.date is None:
            return (1, (), _KIND_ORDER[entry.kind], entry.anchor)
        return (0, entry.date.value.sort_key(), _KIND_ORDER[entry.kind], entry.anchor)

    return sorted(entries, key=key)


def by_month(entries: Iterable[TimelineEntry]) -> tuple[Month, ...]:
    """Timeline entries grouped by the year and month they start in.

    Entries with an open start ("up to 5 October 2024") come first, in a group of their
    own: when they began is unknown, so no month can claim them.
    """
    groups: dict[tuple[int, int], list[TimelineEntry]] = {}
    for entry in entries:
        assert entry.date is not None
        start = entry.date.value.start
        key = (start.first.year, start.first.month) if start else (0, 0)
        groups.setdefault(key, []).append(entry)
    return tuple(
        Month(
            year=year if year else "Ongoing",
            month=month,
            label=f"{MONTHS[month - 1]} {year}" if year else "Over a period, no start given",
            anchor=f"{year}-{month:02d}" if year else "ongoing",
            entries=tuple(items),
        )
        for (year, month), items in groups.items()
    )


def timeline_pages(plan: Plan) -> list[Page]:
    """The timeline: one page, or an index of years with a page (or pages) per year."""
    entries = timeline_entries(plan)
    dated = [e for e in entries if e.date is not None]
    undated = [e for e in entries if e.date is None]
    description = (
        f"{len(dated):,} dated claims and events in order, each with its date's precision "
        "and where the date comes from."
    )
    if len(entries) <= PAGE_LIMIT:
        context = TimelinePage(months=by_month(dated), undated=tuple(undated))
        return [Page(urls.TIMELINE, "Timeline", description, context)]
    by_year: dict[str, list[TimelineEntry]] = defaultdict(list)
    for entry in dated:
        assert entry.date is not None
        by_year[entry.date.value.period].append(entry)
    pages: list[Page] = []
    years = []
    for year, year_entries in by_year.items():
        base = urls.timeline_year(year)
        years.append((year, len(year_entries), base))
        for part in paginate(base, year_entries):
            pages.append(
                Page(
                    url=part.url,
                    title=f"Timeline: {year}{part.suffix}",
                    description=f"{len(year_entries):,} claims and events dated {year}.",
                    context=TimelinePage(
                        months=by_month(part.rows), pager=part.pager, year=year, part=part.number
                    ),
                    search_exclude=True,
                )
            )
    if undated:
        for part in paginate(urls.TIMELINE_UNDATED, undated):
            pages.append(
                Page(
                    url=part.url,
                    title=f"Timeline: undated{part.suffix}",
                    description="Events the sources give no date for.",
                    context=UndatedPage(rows=part.rows, pager=part.pager, part=part.number),
                    search_exclude=plan.large,
                )
            )
    index = TimelinePage(years=tuple(years), undated_count=len(undated))
    pages.append(Page(urls.TIMELINE, "Timeline", description, index))
    return pages
