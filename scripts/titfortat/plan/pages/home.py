"""The home page: the editor's summary, the leading exchanges side by side, key figures."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from titfortat.model.records import DatasetInfo
from titfortat.plan import jsonld, urls
from titfortat.plan.chart import Chart
from titfortat.plan.map import MapView, build_map
from titfortat.plan.page import Context, Page
from titfortat.plan.pages.common import Plan
from titfortat.plan.pages.timeline import chart, timeline_entries
from titfortat.plan.paging import PAGE_LIMIT
from titfortat.plan.sentences import Seg
from titfortat.plan.views import ClaimView, DateView

PAIRS_ON_HOME = 2
"""Exchanges shown side by side on the home page, latest first; the matrix lists every pair of
actors."""
ANSWERS_ON_HOME = 3
"""Responses shown beside each claim; the claim's page lists them all."""


@dataclass(frozen=True)
class Figures:
    """The key figures."""

    claims: int
    accusers: int
    accused: int
    sources: int
    quotes: int
    accusations: int
    """Claims that accuse (not concerns, suggestions or statements)."""
    unanswered: int
    answered: int
    """Of the accusations: answered by the accused, or not, as of the latest source."""
    pairs: int
    pairs_not_shown: int
    as_of: DateView | None
    """The date of the latest source a current state holds at."""


@dataclass(frozen=True)
class BriefPiece:
    """A piece of the summary: text, a linked name, or a numbered link to a claim."""

    text: str
    href: str | None = None
    number: int | None = None
    """For a citation: its number, in order of first citation."""
    label: str | None = None
    """For a citation: what the link says to a screen reader (the claim's title)."""


@dataclass(frozen=True)
class Exchange:
    """A claim and the claims one source presents as responses to it."""

    claim: ClaimView
    answers: tuple[ClaimView, ...]
    framed_by: tuple[Seg, ...]
    """Whose framing the pairing is."""
    more: int
    """Responses not shown (the claim's page lists them)."""


@dataclass(frozen=True)
class HomePage(Context):
    """The home page."""

    TEMPLATE: ClassVar[str] = "home.md.j2"
    info: DatasetInfo
    brief: tuple[tuple[BriefPiece, ...], ...]
    brief_file: str | None
    exchanges: tuple[Exchange, ...]
    figures: Figures
    chart: Chart | None
    """The timeline chart, small; None when the timeline is split by year."""
    map: MapView


def _brief(plan: Plan, titles: dict[str, str]) -> tuple[tuple[BriefPiece, ...], ...]:
    summary = plan.dataset.in_brief
    if summary is None:
        return ()
    numbers = {claim_id: n for n, claim_id in enumerate(summary.cited_claims(), start=1)}
    paragraphs: list[tuple[BriefPiece, ...]] = []
    for paragraph in summary.paragraphs:
        pieces: list[BriefPiece] = []
        for part in paragraph:
            if part.collection is None:
                pieces.append(BriefPiece(part.text))
                continue
            assert part.record_id is not None
            href = urls.record_url(part.collection, part.record_id)
            if part.collection == "claims" and not part.text:
                # A citation sits against the word before it: "sanctuary¹".
                if pieces and pieces[-1].href is None and pieces[-1].number is None:
                    before = pieces.pop().text.rstrip()
                    if before:
                        pieces.append(BriefPiece(before))
                number = numbers[part.record_id]
                pieces.append(
                    BriefPiece(
                        str(number), href, number, f"Claim {number}: {titles[part.record_id]}"
                    )
                )
                continue
            name = part.text or _name(plan, part.collection, part.record_id)
            pieces.append(BriefPiece(name, href))
        paragraphs.append(tuple(pieces))
    return tuple(paragraphs)


def _name(plan: Plan, collection: str, record_id: str) -> str:
    record = getattr(plan.dataset, collection)[record_id]
    return str(getattr(record, "name", None) or getattr(record, "title", record_id))


def _chart(plan: Plan) -> Chart | None:
    """The timeline's chart, its marks linking to the timeline's entries (when the timeline
    is one page; a split timeline keeps its entries on pages of their own)."""
    entries = timeline_entries(plan)
    if len(entries) > PAGE_LIMIT:
        return None
    return chart(plan, [e for e in entries if e.date is not None], urls.TIMELINE)


def home_page(plan: Plan, titles: dict[str, str]) -> Page:
    """The home page; ``titles`` are the claim pages' titles, for the citations' labels."""
    views = plan.views
    # Exchanges between the two sides of the dispute (a claim by one country's actors that a
    # source presents as answered by the other's), latest first; the article's own rebuttals
    # are on the claims' pages and the who-accuses-whom page.
    exchanges: list[Exchange] = []
    for answered, answers in views.pairs:
        claim = views.claims[answered]
        side = views.side(claim.accuser_id)
        across = [
            a
            for a in plan.claims_of(answers)
            if side and views.side(a.accuser_id) not in (None, side)
        ]
        if not across:
            continue
        framers = {a.framing.who.text: a.framing.who for a in across if a.framing}
        exchanges.append(
            Exchange(
                claim,
                tuple(across[:ANSWERS_ON_HOME]),
                tuple(framers.values()),
                len(across) - ANSWERS_ON_HOME if len(across) > ANSWERS_ON_HOME else 0,
            )
        )
    exchanges.sort(key=lambda x: x.claim.asserted.value.latest, reverse=True)
    across_sides = len(exchanges)
    exchanges = exchanges[:PAIRS_ON_HOME]
    claims = list(views.claims.values())
    accusations = [c for c in claims if c.kind.accuses]
    unanswered = sum(1 for c in accusations if not c.answered)
    as_of_dates = [c.current.as_of_date for c in claims if c.current.as_of_date is not None]
    figures = Figures(
        claims=len(claims),
        accusers=len(views.claims_by_accuser),
        accused=len(views.claims_by_accused),
        sources=sum(1 for s in plan.dataset.sources.values() if s.text is not None),
        quotes=plan.dataset.stats.quotes_verified,
        accusations=len(accusations),
        unanswered=unanswered,
        answered=len(accusations) - unanswered,
        pairs=len(views.pairs),
        pairs_not_shown=across_sides - len(exchanges),
        as_of=max(as_of_dates, key=lambda d: d.value.sort_key(), default=None),
    )
    summary = plan.dataset.in_brief
    return Page(
        url=urls.HOME,
        title=plan.dataset.info.title,
        description=plan.dataset.info.description,
        context=HomePage(
            info=plan.dataset.info,
            brief=_brief(plan, titles),
            brief_file=summary.path if summary else None,
            exchanges=tuple(exchanges),
            figures=figures,
            chart=_chart(plan),
            map=build_map(views, size="small"),
        ),
        jsonld=jsonld.website(plan.dataset, plan.site.site_url, plan.site.site_name),
    )
