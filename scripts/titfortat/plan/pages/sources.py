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
from titfortat.plan.pages.common import SECTION_LIMIT, Plan, capped, grouped_index
from titfortat.plan.views import ClaimView, DateView, EventView, Seg


@dataclass(frozen=True)
class SourceRow:
    """A source in a listing."""

    seg: Seg
    kind_label: str
    publisher: str | None
    date: DateView | None
    claims: int
    quoted: bool


@dataclass(frozen=True)
class SourcePage(Context):
    """A source: what it is, which paragraphs are quoted, what quotes it or is dated by it."""

    TEMPLATE: ClassVar[str] = "source.md.j2"
    source: Source
    kind_label: str
    published: DateView | None
    stored: tuple[int, ...]
    """The numbers of the paragraphs its excerpt holds."""
    cited: tuple[tuple[int, int], ...]
    """Each quoted paragraph, with how many quotes it gives."""
    related: tuple[str, ...]
    related_total: int
    dated: tuple[str, ...]
    """Claims whose date this source gives."""
    events: tuple[EventView, ...]
    claims: Mapping[str, ClaimView]
    data_line: int


def source_page(plan: Plan, source_id: str) -> Page:
    """One source's page."""
    views = plan.views
    source = plan.dataset.sources[source_id]
    claims = views.claims_by_source.get(source_id, [])
    events = [views.events[e] for e in views.events_by_source.get(source_id, [])]
    paragraphs = plan.dataset.paragraphs.get(source_id)
    origin = plan.dataset.origins[("sources", source_id)]
    kind_label = source.kind.label
    return Page(
        url=urls.record_url("sources", source_id),
        title=source.title,
        description=f"{source.title}: {kind_label.lower()}"
        f"{' by ' + source.author if source.author else ''}"
        f"{', ' + source.publisher if source.publisher else ''}; "
        f"{len(claims)} claims quote it.",
        data_file=origin.path,
        context=SourcePage(
            source=source,
            kind_label=kind_label,
            published=views.date(source.published) if source.published else None,
            stored=paragraphs.cited if paragraphs else (),
            cited=tuple(sorted(views.quotes_by_paragraph.get(source_id, {}).items())),
            related=tuple(capped(claims)),
            related_total=len(claims),
            dated=tuple(capped(views.claims_dated_by.get(source_id, []))),
            events=tuple(events[:SECTION_LIMIT]),
            claims=views.claims,
            data_line=origin.line,
        ),
    )


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
                claims=len(views.claims_by_source.get(source.id, [])),
                quoted=source.text is not None,
            )
        )
    groups = [(kind, kind.label, by_kind[kind]) for kind in vocab.SourceKind if by_kind.get(kind)]
    pages = grouped_index(
        plan,
        urls.SOURCES,
        "Sources",
        f"{len(plan.dataset.sources):,} sources: the documents claims are quoted from, and "
        "the outside references that pin dates.",
        groups,
        urls.sources_by_kind,
        "source",
        "Primary sources are quoted, and each quote is checked against their stored text; "
        "outside references pin dates the primary sources leave out.",
    )
    pages.extend(source_page(plan, source_id) for source_id in plan.dataset.sources)
    return pages
