"""The events, by year, and a page for each event."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from titfortat.plan import urls
from titfortat.plan.page import Context, Page
from titfortat.plan.pages.common import Plan, capped, grouped_index, record_lists
from titfortat.plan.sentences import Seg, counted
from titfortat.plan.views import EventView, StatementView

_GROUP_LABELS = {"undated": "Undated", "ongoing": "Ongoing, no start given"}


@dataclass(frozen=True)
class EventPage(Context):
    """An event: when and where, what the sources say, and the statements that refer to it."""

    TEMPLATE: ClassVar[str] = "event.md.j2"
    e: EventView
    related: tuple[str, ...]
    related_total: int
    statements: Mapping[str, StatementView]
    more_url: str | None


def event_page(plan: Plan, event: EventView) -> list[Page]:
    """One event's page, and the list of all its statements when its page shows only the
    first of them."""
    related = plan.views.at_event.get(event.id, [])
    when = f" ({event.date.display})" if event.date else ""
    more_url, lists = record_lists(plan, Seg(event.title, event.url), related, related)
    page = Page(
        url=event.url,
        title=event.title,
        description=f"{event.title}{when}: "
        f"{event.kind_label.lower()}; {counted(len(related), 'statement')} "
        f"{'refers' if len(related) == 1 else 'refer'} to it.",
        data_file=event.data_file,
        context=EventPage(
            e=event,
            related=tuple(capped(related)),
            related_total=len(related),
            statements=plan.views.statements,
            more_url=more_url,
        ),
    )
    return [page, *lists]


def events_pages(plan: Plan) -> list[Page]:
    """The events index, by year, and every event's page."""
    views = plan.views
    by_year: dict[str, list[EventView]] = defaultdict(list)
    for event in views.events.values():
        year = event.date.value.period if event.date else "undated"
        by_year[year].append(event)
    groups = [
        (year, _GROUP_LABELS.get(year, year), by_year[year])
        for year in sorted(by_year, key=lambda y: (y == "undated", y != "ongoing", y))
    ]
    pages = grouped_index(
        plan,
        urls.EVENTS,
        "Events",
        f"{len(views.events):,} events the sources mention, by year.",
        groups,
        urls.events_by_year,
        "event",
        "Things that happened, as the sources mention them. Dates the sources leave out "
        "come from outside references, marked as such.",
    )
    for event in views.events.values():
        pages.extend(event_page(plan, event))
    return pages
