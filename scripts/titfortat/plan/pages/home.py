"""The home page: when the data was last brought up to date, the editor's summary, the latest
exchange side by side and the earlier ones, a pointer to the timeline, the map, key figures."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from titfortat.model.records import DatasetInfo
from titfortat.plan import jsonld, urls
from titfortat.plan.map import MapView, build_map
from titfortat.plan.page import Context, Page
from titfortat.plan.pages.common import Plan
from titfortat.plan.pages.exchanges import ExchangeView, exchange_views
from titfortat.plan.sentences import Seg
from titfortat.plan.summaries import BriefPiece, pieces
from titfortat.plan.views import DateView


@dataclass(frozen=True)
class Figures:
    """The key figures."""

    statements: int
    accusations: int
    """Statements that accuse (by a party; not answers, positions or an author's own)."""
    accusers: int
    accused: int
    answered: int
    """Accusations with an answer a source ties to them."""
    unanswered: int
    answers: int
    """Answers (denials and counter-accusations) a source ties to a statement."""
    positions: int
    sources: int
    quotes: int
    exchanges: int
    newest_report: DateView | None
    """When the newest quoted source was published."""
    reviewed: str | None
    """When an editor last reviewed the data, as the dataset says."""


@dataclass(frozen=True)
class NameEntry:
    """One party or group, with the other names it goes by and who uses them."""

    actor: Seg
    full_name: str
    other_names: tuple[str, ...]
    aliases: tuple[tuple[str, Seg | None], ...]
    description: str | None


@dataclass(frozen=True)
class HomePage(Context):
    """The home page."""

    TEMPLATE: ClassVar[str] = "home.md.j2"
    info: DatasetInfo
    brief: tuple[tuple[BriefPiece, ...], ...]
    brief_file: str | None
    latest: ExchangeView | None
    """The latest exchange, side by side."""
    earlier: tuple[ExchangeView, ...]
    figures: Figures
    map: MapView
    names: tuple[NameEntry, ...] = ()
    """Who is who: the two sides and the groups named, with every name they go by."""


def names(plan: Plan) -> tuple[NameEntry, ...]:
    """The two sides' leading actors, then each group statements name (most named first),
    with their other names and the names each side uses for them, as the data declares them:
    a reader meets "ISIS", "Daesh" and "Fitna al-Khawarij" in the quotes."""
    views = plan.views
    groups = sorted(views.about_group, key=lambda g: (-len(views.about_group[g]), g))
    found = []
    for actor_id in dict.fromkeys([*views.sides(), *groups]):
        actor = views.actor(actor_id)
        found.append(
            NameEntry(
                actor=views.actor_seg(actor_id, short=True),
                full_name=actor.name,
                other_names=tuple(
                    n for n in actor.other_names if n not in (actor.short_name, actor.name)
                ),
                aliases=tuple(
                    (a.name, views.actor_seg(a.used_by, short=True) if a.used_by else None)
                    for a in actor.aliases
                ),
                description=actor.description,
            )
        )
    return tuple(found)


def figures(plan: Plan, exchanges: int) -> Figures:
    """The key figures, each statement counted once."""
    views = plan.views
    accusations = views.accusations
    answered = sum(1 for s in accusations if s.answered)
    published = [
        d
        for source_id, source in plan.dataset.sources.items()
        if source.text is not None and (d := views.published(source_id)) is not None
    ]
    return Figures(
        statements=len(views.statements),
        accusations=len(accusations),
        accusers=len({s.by_id for s in accusations}),
        accused=len({s.about_id for s in accusations}),
        answered=answered,
        unanswered=len(accusations) - answered,
        answers=sum(len(s.answers_given) for s in views.statements.values()),
        positions=len(views.standing_positions),
        sources=sum(1 for s in plan.dataset.sources.values() if s.text is not None),
        quotes=plan.dataset.stats.quotes_verified,
        exchanges=exchanges,
        newest_report=max(published, key=lambda d: d.value.sort_key(), default=None),
        reviewed=plan.dataset.info.reviewed,
    )


def home_page(plan: Plan, titles: dict[str, str]) -> Page:
    """The home page; ``titles`` are the statement pages' titles, for the citations' labels."""
    exchanges = exchange_views(plan)
    summary = plan.dataset.in_brief
    brief = (
        pieces(summary.paragraphs, titles, plan.views.record_name) if summary is not None else ()
    )
    return Page(
        url=urls.HOME,
        title=plan.dataset.info.title,
        description=plan.dataset.info.description,
        context=HomePage(
            info=plan.dataset.info,
            brief=brief,
            brief_file=summary.path if summary else None,
            latest=exchanges[0] if exchanges else None,
            earlier=tuple(exchanges[1:]),
            figures=figures(plan, len(exchanges)),
            map=build_map(plan.views, size="small"),
            names=names(plan),
        ),
        jsonld=jsonld.website(plan.dataset, plan.site.site_url, plan.site.site_name),
    )
