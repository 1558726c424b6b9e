"""The claims table, and a page for each statement (claims, answers and positions alike)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from titfortat.plan import jsonld, urls
from titfortat.plan.page import Context, Page
from titfortat.plan.pages.common import Plan, grouped_index
from titfortat.plan.sentences import Seg
from titfortat.plan.views import (
    AnswerGiven,
    EventView,
    RelatedDenial,
    StatementView,
    Views,
)


@dataclass(frozen=True)
class Related:
    """A related denial as a statement page shows it: the answer, and the later statement
    it answers, which made this one's allegation again."""

    denial: RelatedDenial
    answer: StatementView
    via: StatementView


@dataclass(frozen=True)
class ClaimPage(Context):
    """A statement: its sentence, facts and reports, and how it stands to the others."""

    TEMPLATE: ClassVar[str] = "claim.md.j2"
    c: StatementView
    framed_as_answering: StatementView | None
    """The statement a source presents this one as answering."""
    framed_responses: tuple[StatementView, ...]
    """Statements a source presents as responses to this one."""
    answers: tuple[tuple[StatementView, AnswerGiven], ...]
    """What this statement answers, as sources tie it."""
    related: tuple[Related, ...]
    standing: tuple[StatementView, ...]
    """Standing positions of the side it is about that speak to its allegation, given by
    the time of this statement, oldest first."""
    standing_later: tuple[StatementView, ...]
    """The same, given after it or at a date the sources do not place before it: a reader
    must not take them for a reaction."""
    concerned: tuple[StatementView, ...]
    """For a standing position: the statements it is shown beside."""
    restates: StatementView | None
    restated_by: tuple[StatementView, ...]
    exchange: Seg | None
    events: tuple[EventView, ...]


def claim_title(statement: StatementView, views: Views) -> str:
    """A statement page's title: the editor's, or who, about whom, and what, from the record
    alone (no place: a record's places are not all where the allegation says it happens).

    "Taliban government accuses Pakistan: training camps on its territory (IS-KP)"; a concern
    or a suggestion is "on", not an accusation; an author writing in its own voice "writes on".
    """
    if statement.title:
        return statement.title
    assert statement.about_short is not None, "the checker requires a title otherwise"
    by = views.actor(statement.by_id)
    verb = "on"  # a concern or a suggestion "on" the one it is about
    if statement.author_voice:
        verb = "writes on"
    elif statement.kind.accuses:
        verb = "accuse" if by.type.plural else "accuses"
    groups = (
        f" ({statement.groups_text})"
        if statement.groups and statement.group_ids != (statement.about_id,)
        else ""
    )
    label = statement.allegation_label.lower()
    about = views.actor(statement.about_id) if statement.about_id else None
    # mid-title, a name as written: "accuses some countries", not "accuses Some countries"
    about_name = (about.short_name or about.name) if about else statement.about_short.text
    return f"{statement.by_short.text} {verb} {about_name}: {label}{groups}"


def claim_page(plan: Plan, statement: StatementView) -> Page:
    """One statement's page."""
    views = plan.views
    related = tuple(
        Related(denial, views.statements[denial.answer_id], views.statements[denial.via_id])
        for denial in views.related_denials(statement.id)
    )
    framing = statement.framing
    exchange_id = views.exchange_of.get(statement.id)
    exchange = None
    if exchange_id is not None:
        exchange = Seg(
            plan.dataset.exchanges[exchange_id].title, urls.record_url("exchanges", exchange_id)
        )
    standing = sorted(
        plan.statements_of(views.standing_on(statement.id)),
        key=lambda s: s.said.value.sort_key(),
    )
    return Page(
        url=statement.url,
        title=claim_title(statement, views),
        description=statement.text,
        context=ClaimPage(
            c=statement,
            framed_as_answering=views.statements[framing.statement_id] if framing else None,
            framed_responses=tuple(
                plan.statements_of(views.framed_as_answering.get(statement.id, []))
            ),
            answers=tuple(
                (views.statements[given.statement_id], given) for given in statement.answers_given
            ),
            related=related,
            standing=tuple(s for s in standing if not _later(s, statement)),
            standing_later=tuple(s for s in standing if _later(s, statement)),
            concerned=tuple(plan.statements_of(views.concerned_by(statement.id))),
            restates=views.statements[statement.restates] if statement.restates else None,
            restated_by=tuple(plan.statements_of(views.restated_by.get(statement.id, []))),
            exchange=exchange,
            events=tuple(views.events[e] for e in statement.event_ids),
        ),
        data_file=statement.data_file,
        jsonld=jsonld.claim(statement, views, plan.site.site_url),
    )


def claims_pages(plan: Plan) -> list[Page]:
    """The claims table (by accuser, over several pages, on a large site) and every
    statement's page."""
    views = plan.views
    groups: list[tuple[str, str, list[Any]]] = []
    if plan.large:
        for actor_id, ids in views.said_by.items():
            groups.append((actor_id, views.actor(actor_id).name, plan.statements_of(ids)))
    else:
        groups.append(("all", "All statements", list(views.statements.values())))
    pages = grouped_index(
        plan,
        urls.CLAIMS,
        "Claims",
        f"All {len(views.statements):,} statements: who said what about whom, the allegation, "
        "group, place and date, and whether it was answered.",
        groups,
        urls.claims_by_accuser,
        "claim",
        "Each row is one statement: an accusation, an answer or a standing position, said once "
        "and reported by one or more sources. Open one for its quotes.",
    )
    pages.extend(claim_page(plan, statement) for statement in views.statements.values())
    return pages


def _later(position: StatementView, statement: StatementView) -> bool:
    """Whether a standing position may have been given after the statement: unless its last
    possible day is no later than the statement's, it is not listed as given by then ("by
    24 January 2025" is not known to come before 7 May 2024)."""
    return position.said.value.latest > statement.said.value.latest
