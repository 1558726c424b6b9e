"""Data health: what the build that made the site checked, in the same run."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import ClassVar

from titfortat.model import vocab
from titfortat.model.dataset import Stats
from titfortat.model.records import DatasetInfo
from titfortat.plan import urls
from titfortat.plan.page import Context, Page
from titfortat.plan.pages.common import Plan
from titfortat.plan.views import Seg


@dataclass(frozen=True)
class Coverage:
    """Which paragraphs of a stored text the statements and events quote."""

    seg: Seg
    paragraphs: int
    """How many paragraphs its excerpt holds."""
    original: int | None
    """How many the original has, where known."""
    cited: tuple[int, ...]
    uncited: tuple[int, ...]
    """Stored paragraphs no quote cites (an excerpt should hold none)."""


@dataclass(frozen=True)
class HealthPage(Context):
    """The checks, the records, the answers, the bases of dates, the paragraphs cited."""

    TEMPLATE: ClassVar[str] = "health.md.j2"
    stats: Stats
    coverage: tuple[Coverage, ...]
    statuses: tuple[tuple[str, int], ...]
    bases: tuple[tuple[str, int], ...]
    info: DatasetInfo
    pages: int
    """How many pages the build generated, this one included."""


def health_page(plan: Plan, other_pages: int) -> Page:
    """The data health page of a site with ``other_pages`` pages besides it."""
    dataset = plan.dataset
    stats = dataset.stats
    views = plan.views
    coverage = []
    for source_id, paragraphs in dataset.paragraphs.items():
        cited = set(views.quotes_by_paragraph.get(source_id, {}))
        coverage.append(
            Coverage(
                seg=views.source_seg(source_id),
                paragraphs=len(paragraphs.cited),
                original=dataset.sources[source_id].original_paragraphs,
                cited=tuple(sorted(cited)),
                uncited=tuple(n for n in paragraphs.cited if n not in cited),
            )
        )
    statuses = Counter(view.status for view in views.statements.values())
    bases = Counter(view.said.basis for view in views.statements.values())
    bases.update(event.date.basis for event in views.events.values() if event.date)
    return Page(
        url=urls.HEALTH,
        title="Data health",
        description=f"What this build checked: {stats.quotes_verified:,} quotes "
        f"verified against their sources, {stats.references_resolved:,} references "
        "resolved.",
        context=HealthPage(
            stats=stats,
            coverage=tuple(coverage),
            statuses=tuple((k.label, statuses[k]) for k in vocab.Status if statuses[k]),
            bases=tuple((k.label, bases[k]) for k in vocab.Basis if bases[k]),
            info=dataset.info,
            pages=other_pages + 1,
        ),
    )
