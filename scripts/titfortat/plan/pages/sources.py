"""The sources, by kind, and a page for each source."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from titfortat.model import vocab
from titfortat.model.records import Source
from titfortat.plan import urls
from titfortat.plan.page import Context, Page
from titfortat.plan.pages.common import SECTION_LIMIT, Plan, capped, grouped_index, record_lists
from titfortat.plan.views import DateView, EventView, Seg, StatementView


@dataclass(frozen=True)
class SourceRow:
    """A source in a listing."""

    seg: Seg
    kind_label: str
    publisher: str | None
    date: DateView | None
    statements: int
    quoted: bool
    copy: bool
    superseded: bool


@dataclass(frozen=True)
class LedgerRow:
    """A paragraph (or a run of them) of the original, and what became of it."""

    paragraphs: str
    """ "4", "7-9"."""
    coded: bool
    """Stored and quoted; else not coded, for the reason below."""
    quotes: int
    reason: str | None
    note: tuple[Seg, ...] | None


@dataclass(frozen=True)
class SourcePage(Context):
    """A source: what it is and what standing it has, every paragraph of the original and
    what became of it, and what it reports."""

    TEMPLATE: ClassVar[str] = "source.md.j2"
    source: Source
    kind_label: str
    standing: str
    published: DateView | None
    superseded_by: Seg | None
    supersedes: tuple[Seg, ...]
    stored: tuple[int, ...]
    """The numbers of the paragraphs its excerpt holds."""
    ledger: tuple[LedgerRow, ...]
    related: tuple[str, ...]
    related_total: int
    dated: tuple[str, ...]
    dated_total: int
    """Statements whose date this source gives."""
    events: tuple[EventView, ...]
    events_total: int
    statements: Mapping[str, StatementView]
    more_url: str | None
    note: tuple[Seg, ...] | None
    data_line: int


def ledger(plan: Plan, source: Source) -> tuple[LedgerRow, ...]:
    """Every paragraph of the original, in order: stored and quoted (with how many quotes),
    stored only for words a date or a report's wording is held to (no quote), or not coded
    and why; runs of paragraphs that share a fate are one row."""
    if source.original_paragraphs is None:
        return ()
    quotes = plan.views.quotes_by_paragraph.get(source.id, {})
    reasons = {n: item for item in source.ledger for n in item.paragraphs}
    rows: list[LedgerRow] = []
    for number in range(1, source.original_paragraphs + 1):
        item = reasons.get(number)
        row = LedgerRow(
            paragraphs=str(number),
            coded=item is None,
            quotes=quotes.get(number, 0),
            reason=item.reason.label if item else None,
            note=plan.views.linked(item.note) if item else None,
        )
        last = rows[-1] if rows else None
        if (
            last is not None
            and item is not None
            and not last.coded
            and (last.reason, last.note) == (row.reason, row.note)
        ):
            first = last.paragraphs.split("-")[0]
            rows[-1] = LedgerRow(f"{first}-{number}", False, 0, row.reason, row.note)
            continue
        rows.append(row)
    return tuple(rows)


def source_page(plan: Plan, source_id: str) -> list[Page]:
    """One source's page, and the list of all it reports when its page shows only the
    first."""
    views = plan.views
    source = plan.dataset.sources[source_id]
    reported = views.reported_in.get(source_id, [])
    dated = views.dated_by.get(source_id, [])
    events = [views.events[e] for e in views.events_by_source.get(source_id, [])]
    paragraphs = plan.dataset.paragraphs.get(source_id)
    origin = plan.dataset.origins[("sources", source_id)]
    kind_label = source.kind.label
    url = urls.record_url("sources", source_id)
    more_url, lists = record_lists(
        plan, Seg(source.title, url), [*reported, *dated], reported, dated
    )
    count = f"{len(reported):,} statement{'s' if len(reported) != 1 else ''}"
    page = Page(
        url=url,
        title=source.title,
        description=f"{source.title}: {kind_label.lower()}"
        f"{' by ' + source.author if source.author else ''}"
        f"{', ' + source.publisher if source.publisher else ''}; it reports {count}.",
        data_file=origin.path,
        context=SourcePage(
            source=source,
            kind_label=kind_label,
            standing=views.standing(source_id),
            published=views.date(source.published) if source.published else None,
            superseded_by=views.source_seg(source.superseded_by) if source.superseded_by else None,
            supersedes=tuple(
                views.source_seg(s.id)
                for s in plan.dataset.sources.values()
                if s.superseded_by == source_id
            ),
            stored=paragraphs.cited if paragraphs else (),
            ledger=ledger(plan, source),
            related=tuple(capped(reported)),
            related_total=len(reported),
            dated=tuple(capped(dated)),
            dated_total=len(dated),
            events=tuple(events[:SECTION_LIMIT]),
            events_total=len(events),
            statements=views.statements,
            more_url=more_url,
            note=views.linked(source.note),
            data_line=origin.line,
        ),
    )
    return [page, *lists]


def sources_pages(plan: Plan) -> list[Page]:
    """The sources index, by kind, and every source's page."""
    views = plan.views
    by_kind: dict[vocab.SourceKind, list[SourceRow]] = defaultdict(list)
    for source in plan.dataset.sources.values():
        by_kind[source.kind].append(
            SourceRow(
                seg=views.source_seg(source.id),
                kind_label=source.kind.label,
                publisher=source.publisher,
                date=views.date(source.published) if source.published else None,
                statements=len(views.reported_in.get(source.id, [])),
                quoted=source.text is not None,
                copy=source.copy_of is not None,
                superseded=source.superseded_by is not None,
            )
        )
    groups = [(kind, kind.label, by_kind[kind]) for kind in vocab.SourceKind if by_kind.get(kind)]
    pages = grouped_index(
        plan,
        urls.SOURCES,
        "Sources",
        f"{len(plan.dataset.sources):,} sources: the reports statements are quoted from, and "
        "the outside references that pin dates.",
        groups,
        urls.sources_by_kind,
        "source",
        "Primary sources are quoted, and each quote is checked against their stored text; "
        "outside references pin dates the primary sources leave out.",
    )
    for source_id in plan.dataset.sources:
        pages.extend(source_page(plan, source_id))
    return pages
