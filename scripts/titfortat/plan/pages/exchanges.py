"""The exchanges: the story told round by round, each with its dates, its statements side by
side, and an editor's summary checked like the In brief."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from titfortat.model.inbrief import link_parts
from titfortat.model.records import Exchange
from titfortat.plan import urls
from titfortat.plan.page import Context, Page
from titfortat.plan.pages.claims import claim_title
from titfortat.plan.pages.common import Plan
from titfortat.plan.sentences import Seg, plural
from titfortat.plan.summaries import BriefPiece, pieces
from titfortat.plan.views import DateView, StatementView, Views


@dataclass(frozen=True)
class Column:
    """One side's statements in an exchange, oldest first."""

    name: str
    statements: tuple[StatementView, ...]


@dataclass(frozen=True)
class ExchangeView:
    """An exchange as pages show it."""

    id: str
    url: str
    title: str
    period: DateView
    summary: tuple[tuple[BriefPiece, ...], ...]
    columns: tuple[Column, ...]
    statements: tuple[StatementView, ...]
    """Its statements, oldest first."""
    moments: tuple[tuple[str, tuple[Seg, ...]], ...]
    """What the chart labels in it, with the statements each label cites."""
    note: tuple[Seg, ...] | None
    first_speaker: Seg | None
    """Who spoke first in it: the one who made its earliest statement, when the dates leave
    no doubt which that is."""

    @property
    def size(self) -> str:
        """ "5 statements"."""
        return plural(len(self.statements), "statement")


@dataclass(frozen=True)
class ExchangePage(Context):
    """One exchange."""

    TEMPLATE: ClassVar[str] = "exchange.md.j2"
    x: ExchangeView
    previous: Seg | None
    following: Seg | None
    data_line: int = 0
    """Where the exchange's record starts in its file."""


@dataclass(frozen=True)
class ExchangesPage(Context):
    """Every exchange, latest first."""

    TEMPLATE: ClassVar[str] = "exchanges.md.j2"
    exchanges: tuple[ExchangeView, ...]
    outside: tuple[StatementView, ...]
    """Statements in no exchange (standing lines, the analysis's own)."""


def side_columns(views: Views, statements: list[StatementView]) -> tuple[Column, ...]:
    """The statements by side: the two sides of the dispute first, then everyone else."""
    names = views.side_names()
    columns: dict[str, list[StatementView]] = {name: [] for name in names.values()}
    others: list[StatementView] = []
    for statement in statements:
        name = names.get(views.side(statement.by_id) or "")
        (columns[name] if name else others).append(statement)
    found = [Column(name, tuple(items)) for name, items in columns.items() if items]
    if others:
        found.append(Column("Others", tuple(others)))
    return tuple(found)


def _certainly_first(statements: list[StatementView]) -> StatementView | None:
    """The statement made before every other one of the exchange, when the dates say so: its
    date has a start and ends before any other's could begin. Otherwise none (an open start,
    "by 11 October", sorts first but may have come last), and no page names who began."""
    if not statements:
        return None
    first, rest = statements[0], statements[1:]
    if first.said.value.earliest is None:
        return None
    for other in rest:
        begins = other.said.value.earliest
        if begins is None or begins <= first.said.value.latest:
            return None
    return first


def exchange_view(plan: Plan, exchange: Exchange) -> ExchangeView:
    """An exchange with its statements in order, its summary's citations numbered."""
    views = plan.views
    statements = sorted(
        plan.statements_of(exchange.statements), key=lambda s: s.said.value.sort_key()
    )
    titles = {s: claim_title(views.statements[s], views) for s in views.statements}
    summary = pieces([link_parts(exchange.summary)], titles, views.record_name)
    first = _certainly_first(statements)
    return ExchangeView(
        id=exchange.id,
        url=urls.record_url("exchanges", exchange.id),
        title=exchange.title,
        period=views.date(exchange.period),
        summary=summary,
        columns=side_columns(views, statements),
        statements=tuple(statements),
        moments=tuple(
            (
                moment.label,
                tuple(Seg(titles[s], views.statements[s].url) for s in moment.statements),
            )
            for moment in exchange.moments
        ),
        note=views.linked(exchange.note),
        first_speaker=(first.speaker or first.by) if first else None,
    )


def exchange_views(plan: Plan) -> list[ExchangeView]:
    """Every exchange, latest first (by the end of its period)."""
    found = [exchange_view(plan, x) for x in plan.dataset.exchanges.values()]
    return sorted(found, key=lambda x: x.period.value.sort_key(), reverse=True)


def exchanges_pages(plan: Plan) -> list[Page]:
    """The exchanges index and a page for each exchange."""
    views = plan.views
    exchanges = exchange_views(plan)
    pages: list[Page] = []
    for index, x in enumerate(exchanges):
        later = exchanges[index - 1] if index > 0 else None
        earlier = exchanges[index + 1] if index + 1 < len(exchanges) else None
        pages.append(
            Page(
                url=x.url,
                title=x.title,
                description=f"{x.title} ({x.period.display}): {x.size}, side by side.",
                context=ExchangePage(
                    x=x,
                    previous=Seg(earlier.title, earlier.url) if earlier else None,
                    following=Seg(later.title, later.url) if later else None,
                    data_line=plan.dataset.origins[("exchanges", x.id)].line,
                ),
                data_file=plan.dataset.origins[("exchanges", x.id)].path,
            )
        )
    members = {s.id for x in exchanges for s in x.statements}
    outside = [s for s in views.statements.values() if s.id not in members]
    pages.append(
        Page(
            url=urls.EXCHANGES,
            title="Exchanges",
            description=f"The dispute round by round: {plural(len(exchanges), 'exchange')}, "
            "latest first, each with its statements side by side.",
            context=ExchangesPage(exchanges=tuple(exchanges), outside=tuple(outside)),
        )
    )
    return pages
