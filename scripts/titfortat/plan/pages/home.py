"""The home page: the leading exchanges of accusations side by side, figures, the graph."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from titfortat.model.records import DatasetInfo
from titfortat.plan import jsonld, urls
from titfortat.plan.graph import Edge, Graph, build_graph
from titfortat.plan.page import Context, Page
from titfortat.plan.pages.common import Plan
from titfortat.plan.pages.matrix import PairAddresses
from titfortat.plan.views import ClaimView, DateView, Seg, sentence_text

PAIRS_ON_HOME = 3
"""Accusations shown with their answers on the home page; the matrix lists every one."""


@dataclass(frozen=True)
class Figures:
    """The key figures."""

    claims: int
    accusers: int
    accused: int
    sources: int
    quotes: int
    unanswered: int
    answered: int
    pairs: int
    pairs_not_shown: int
    as_of: DateView | None
    """The date of the latest source statuses hold at."""


@dataclass(frozen=True)
class HomePage(Context):
    """The home page."""

    TEMPLATE: ClassVar[str] = "home.md.j2"
    info: DatasetInfo
    pairs: tuple[tuple[ClaimView, tuple[ClaimView, ...], tuple[Seg, ...]], ...]
    """Each leading exchange: the accusation, its answers, and both in two sentences."""
    figures: Figures
    graph: Graph
    edges_by_pair: Mapping[tuple[str, str], Edge]


def home_page(plan: Plan) -> Page:
    """The home page."""
    views = plan.views
    # The exchanges with most answers lead; the rest are on the who-accuses-whom page.
    leading = sorted(views.pairs, key=lambda pair: -len(pair[1]))[:PAIRS_ON_HOME]
    pairs = tuple(
        (
            views.claims[answered],
            tuple(plan.claims_of(answers)),
            views.exchange(answered, answers),
        )
        for answered, answers in leading
    )
    claims = list(views.claims.values())
    unanswered = sum(1 for c in claims if not c.answered)
    as_of_dates = [c.status_as_of_date for c in claims if c.status_as_of_date is not None]
    figures = Figures(
        claims=len(claims),
        accusers=len(views.claims_by_accuser),
        accused=len(views.claims_by_accused),
        sources=sum(1 for s in plan.dataset.sources.values() if s.text is not None),
        quotes=plan.dataset.stats.quotes_verified,
        unanswered=unanswered,
        answered=len(claims) - unanswered,
        pairs=len(views.pairs),
        pairs_not_shown=len(views.pairs) - len(pairs),
        as_of=max(as_of_dates, key=lambda d: d.value.sort_key(), default=None),
    )
    graph = build_graph(views, PairAddresses(views))
    description = sentence_text(pairs[0][2]) if pairs else plan.dataset.info.description
    return Page(
        url=urls.HOME,
        title=plan.dataset.info.title,
        description=description,
        context=HomePage(
            info=plan.dataset.info,
            pairs=pairs,
            figures=figures,
            graph=graph,
            edges_by_pair={(e.accuser, e.accused): e for e in graph.edges},
        ),
        jsonld=jsonld.website(plan.dataset, plan.site.site_url, plan.site.site_name),
    )
