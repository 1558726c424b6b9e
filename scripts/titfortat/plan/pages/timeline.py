"""The timeline: statements (claims when they were made, answers when they were given, each
once) and events (when they happened): a chart to see, then the list, latest first, grouped
by year."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, ClassVar

from titfortat.plan import urls
from titfortat.plan.chart import Band, Chart, Mark, Tie, build_chart
from titfortat.plan.chart import Moment as ChartMoment
from titfortat.plan.page import Context, Page
from titfortat.plan.pages.claims import claim_title
from titfortat.plan.pages.common import Plan
from titfortat.plan.paging import PAGE_LIMIT, Paged, Part, paginate
from titfortat.plan.sentences import Seg, capitalise
from titfortat.plan.views import DateView, StatementView, Views

_KIND_ORDER = {"event": 0, "position": 1, "claim": 2, "answer": 3}
"""On the same date, what happened comes before what was said about it, and the answer
last."""


@dataclass(frozen=True)
class TimelineEntry:
    """One dated (or undated) thing on the timeline."""

    anchor: str
    kind: str
    kind_label: str
    date: DateView | None
    headline: tuple[Seg, ...]
    who: tuple[Seg, ...]
    url: str
    claim: StatementView | None
    """The statement an entry is."""
    lane: str
    title: str
    """A short name for the chart's marks: the statement page's title, the event's."""
    state: str = ""
    """For an answer, the state it sets (the chart draws each state's mark)."""
    answers: tuple[Seg, ...] = ()
    """For an answer, the statements a source ties it to."""

    def sort_key(self) -> tuple[Any, ...]:
        """Latest first: by the last day the date may stand for, then the first."""
        if self.date is None:
            return (0, dt.date.min, dt.date.min, 0, self.anchor)
        value = self.date.value
        first = value.earliest or dt.date.min
        return (1, value.latest, first, _KIND_ORDER[self.kind], self.anchor)


@dataclass(frozen=True)
class Year:
    """The entries of one year (the year their date ends in), latest first."""

    label: str
    anchor: str
    entries: tuple[TimelineEntry, ...]


@dataclass(frozen=True)
class TimelinePage(Context):
    """The timeline on one page; or, when it is long, its index of years, or one year."""

    TEMPLATE: ClassVar[str] = "timeline.md.j2"
    chart: Chart | None = None
    years: tuple[Year, ...] = ()
    undated: tuple[TimelineEntry, ...] = ()
    year_links: tuple[tuple[str, int, str], ...] = ()
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


def lanes(views: Views) -> tuple[dict[str, str], tuple[str, ...]]:
    """The chart's lanes: the two sides of the dispute (the pair of actors who accuse each
    other most, each with the actors of its country), everyone else, and the events. Returns
    each country's lane, and the lanes in order."""
    by_country = views.side_names()
    return by_country, (*by_country.values(), "Others", "Events")


def lane_of(views: Views, actor_id: str, by_country: dict[str, str]) -> str:
    """The lane of an actor's claims and answers."""
    country = views.actor(actor_id).country
    return by_country.get(country or "", "Others")


def timeline_entries(plan: Plan) -> list[TimelineEntry]:
    """Every statement and event as a timeline entry, each once, latest first (undated ones
    last)."""
    views = plan.views
    by_country, _ = lanes(views)
    entries: list[TimelineEntry] = []
    for statement in views.statements.values():
        who = [statement.by, *([statement.speaker] if statement.speaker else [])]
        kind, label = statement.entry_kind
        answered = tuple(
            Seg(
                claim_title(views.statements[given.statement_id], views),
                views.statements[given.statement_id].url,
            )
            for given in statement.answers_given
        )
        entries.append(
            TimelineEntry(
                anchor=f"claim-{statement.id}",
                kind=kind,
                kind_label=label,
                date=statement.said,
                headline=statement.sentence,
                who=tuple(who),
                url=statement.url,
                claim=statement,
                lane=lane_of(views, statement.by_id, by_country),
                title=claim_title(statement, views),
                state=statement.answers_given[0].state.value if statement.answers_given else "",
                answers=answered,
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
                who=event.actors,
                url=event.url,
                claim=None,
                lane="Events",
                title=event.title,
            )
        )
    return sorted(entries, key=TimelineEntry.sort_key, reverse=True)


def by_year(entries: list[TimelineEntry]) -> tuple[Year, ...]:
    """Dated entries grouped by the year their date ends in, latest year first."""
    groups: dict[int, list[TimelineEntry]] = {}
    for entry in entries:
        assert entry.date is not None
        groups.setdefault(entry.date.value.latest.year, []).append(entry)
    return tuple(Year(str(year), f"year-{year}", tuple(items)) for year, items in groups.items())


CHART_LIMIT = 800
"""Most entries the chart draws: beyond this (the benchmark's synthetic sizes) the timeline is
read by year, from its index."""


def chart(
    plan: Plan,
    entries: list[TimelineEntry],
    page: str = urls.TIMELINE,
    pages: dict[str, str] | None = None,
) -> Chart | None:
    """The chart of the dated entries, each mark linking to its entry on ``page`` (or, when
    the timeline is split, on the page ``pages`` gives for its anchor); the exchanges as
    bands, their moments labelled, each answer drawn to what a source ties it to. None when
    there are too many entries to draw."""
    if len(entries) > CHART_LIMIT:
        return None
    views = plan.views
    by_country, order = lanes(views)

    def href(anchor: str) -> str:
        return f"{(pages or {}).get(anchor, page)}#{anchor}"

    marks = [
        Mark(
            key=e.anchor,
            kind=e.kind,
            lane=e.lane,
            first=e.date.value.earliest,
            last=e.date.value.latest,
            label=f"{e.date.short}: {e.title}",
            href=href(e.anchor),
            state=e.state,
        )
        for e in entries
        if e.date is not None
    ]
    sides = tuple(by_country.values())
    bands = []
    moments = []
    for exchange in plan.dataset.exchanges.values():
        period = views.date(exchange.period)
        first, last = period.value.earliest, period.value.latest
        if first is None:
            continue
        bands.append(
            Band(
                label=exchange.title,
                first=first,
                last=last,
                href=urls.record_url("exchanges", exchange.id),
                name=f"Exchange: {exchange.title}, {period.display}",
                short=capitalise(exchange.title.partition(": ")[2] or exchange.title),
            )
        )
        for moment in exchange.moments:
            cited = moment.statements[0]
            said = views.statements[cited].said
            moments.append(
                ChartMoment(
                    label=moment.label,
                    keys=tuple(f"claim-{s}" for s in moment.statements),
                    href=href(f"claim-{cited}"),
                    name=f"{said.short}: {moment.label}",
                )
            )
    ties = [
        Tie(answer=f"claim-{statement.id}", answered=f"claim-{given.statement_id}")
        for statement in views.statements.values()
        for given in statement.answers_given
    ]
    return build_chart(
        marks,
        order,
        sides=(sides[0], sides[1]) if len(sides) == 2 else None,
        bands=sorted(bands, key=lambda b: (b.first, b.last)),
        moments=moments,
        ties=ties,
    )


def year_parts(dated: list[TimelineEntry]) -> list[tuple[str, int, list[Paged[TimelineEntry]]]]:
    """A split timeline's pages: per year (latest first), its number of entries and its
    parts."""
    grouped: dict[str, list[TimelineEntry]] = defaultdict(list)
    for entry in dated:
        assert entry.date is not None
        grouped[str(entry.date.value.latest.year)].append(entry)
    return [
        (year, len(items), paginate(urls.timeline_year(year), items))
        for year, items in grouped.items()
    ]


def timeline_pages(plan: Plan) -> list[Page]:
    """The timeline: one page, or an index of years with a page (or pages) per year. The
    chart is on the one page, or on the index, its marks linking to the years' pages."""
    entries = timeline_entries(plan)
    dated = [e for e in entries if e.date is not None]
    undated = [e for e in entries if e.date is None]
    description = (
        f"{len(dated):,} dated statements and events, latest first, on a time axis and in a list."
    )
    if len(entries) <= PAGE_LIMIT:
        context = TimelinePage(
            chart=chart(plan, dated), years=by_year(dated), undated=tuple(undated)
        )
        return [Page(urls.TIMELINE, "Timeline", description, context)]
    pages: list[Page] = []
    year_links = []
    where: dict[str, str] = {}
    for year, count, parts in year_parts(dated):
        year_links.append((year, count, urls.timeline_year(year)))
        for part in parts:
            where.update((entry.anchor, part.url) for entry in part.rows)
            pages.append(
                Page(
                    url=part.url,
                    title=f"Timeline: {year}{part.suffix}",
                    description=f"{count:,} statements and events dated {year}.",
                    context=TimelinePage(
                        years=by_year(list(part.rows)),
                        pager=part.pager,
                        year=year,
                        part=part.number,
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
    index = TimelinePage(
        chart=chart(plan, dated, pages=where),
        year_links=tuple(year_links),
        undated_count=len(undated),
    )
    pages.append(Page(urls.TIMELINE, "Timeline", description, index))
    return pages
