"""The actors, by type, and a page for each actor."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from titfortat.model import vocab
from titfortat.model.records import Actor
from titfortat.model.roles import title_of
from titfortat.plan import jsonld, urls
from titfortat.plan.page import Context, Page
from titfortat.plan.pages.common import SECTION_LIMIT, Plan, capped, grouped_index, record_lists
from titfortat.plan.sentences import capitalise, counted, plural
from titfortat.plan.views import EventView, Seg, StatementView


@dataclass(frozen=True)
class ActorRow:
    """An actor in a listing, with how many statements it makes and how many are about it."""

    seg: Seg
    type_label: str
    other_names: tuple[str, ...]
    summary: str
    """"makes 3 statements; 2 are about it", in words that agree with their counts."""


@dataclass(frozen=True)
class Person:
    """A member of an organisation, on the organisation's page, with how many statements
    they voiced (their own page lists them)."""

    seg: Seg
    roles: str
    statements: int
    answers: int
    """Of those, the answers a source ties to a statement."""


@dataclass(frozen=True)
class Post:
    """A post an actor holds or held, with its dates where the data gives them."""

    organization: Seg
    title: str
    start: str | None
    end: str | None
    note: tuple[Seg, ...] | None = None


@dataclass(frozen=True)
class AliasView:
    """A name one side uses for the actor."""

    name: str
    used_by: Seg | None
    note: tuple[Seg, ...] | None


@dataclass(frozen=True)
class ClaimGroup:
    """Statements said in one breath: the same speaker, sources and date. The attribution is
    said once; each statement is a line under it."""

    attribution: tuple[Seg, ...]
    claims: tuple[StatementView, ...]


def group_claims(claims: list[StatementView]) -> tuple[ClaimGroup, ...]:
    """Statements grouped by their attribution, in the order each group first appears."""
    groups: dict[tuple[Seg, ...], list[StatementView]] = {}
    for claim in claims:
        groups.setdefault(claim.attribution, []).append(claim)
    return tuple(ClaimGroup(key, tuple(items)) for key, items in groups.items())


@dataclass(frozen=True)
class ActorPage(Context):
    """An actor: who it is, what it says and what is said about it, its people."""

    TEMPLATE: ClassVar[str] = "actor.md.j2"
    actor: Actor
    name: str
    """The actor's name as a heading says it (capitalised)."""
    type_label: str
    country: Seg | None
    posts: tuple[Post, ...]
    aliases: tuple[AliasView, ...]
    summary: str
    said: tuple[ClaimGroup, ...]
    """Statements it makes (or voices, for a person), grouped by attribution."""
    said_total: int
    positions: tuple[StatementView, ...]
    """Its standing positions."""
    about: tuple[ClaimGroup, ...]
    """Statements about it, grouped by attribution."""
    about_total: int
    sheltering: tuple[str, ...]
    """Allegations that a group is sheltered on this actor's territory."""
    sheltered: tuple[str, ...]
    """Allegations that this group is sheltered on others' territory."""
    people: tuple[Person, ...]
    events: tuple[EventView, ...]
    events_total: int
    places: tuple[Seg, ...]
    statements: Mapping[str, StatementView]
    more_url: str | None
    """The page listing all its statements, when its lists show only their first."""
    data_line: int


def actor_title(actor: Actor) -> str:
    """An actor page's title, with its acronym when it has one ("... Province (IS-KP)"), so
    a search for the acronym ranks the page first (search weighs titles most)."""
    short = actor.short_name
    name = capitalise(actor.name)
    if short and " " not in short and short.lower() not in actor.name.lower():
        return f"{name} ({short})"
    return name


def actor_summary(actor: Actor, said: int, about: int) -> str:
    """ "makes 3 statements; 2 are about it", "makes no statements; none is about them"."""
    many = actor.type.plural  # "some experts make", "the TTP makes"
    makes = f"{'make' if many else 'makes'} {counted(said, 'statement')}"
    it = "them" if many else "it"
    if about == 0:
        return f"{makes}; none is about {it}"
    verb = "is" if about == 1 else "are"
    return f"{makes}; {plural(about, 'statement')} {verb} about {it}"


def actor_page(plan: Plan, actor_id: str) -> list[Page]:
    """One actor's page, and the list of all its statements when its page shows only the
    first of them."""
    views = plan.views
    actor = views.actor(actor_id)
    own = views.said_by.get(actor_id, [])
    voiced = views.voiced_by.get(actor_id, [])
    about = list(
        dict.fromkeys(
            [*views.spoken_about.get(actor_id, []), *views.named_backer.get(actor_id, [])]
        )
    )
    as_group = views.about_group.get(actor_id, [])
    sheltering = [c for c in about if views.statements[c].allegation.shelters]
    sheltered = [c for c in as_group if views.statements[c].allegation.shelters]
    people = tuple(
        Person(
            seg=views.actor_seg(person_id),
            roles=", ".join(
                title_of(m)
                for m in views.actor(person_id).memberships
                if m.organization == actor_id
            ),
            statements=len(views.voiced_by.get(person_id, [])),
            answers=sum(
                1 for s in views.voiced_by.get(person_id, []) if views.statements[s].answers_given
            ),
        )
        for person_id in views.members.get(actor_id, [])
    )
    said = list(dict.fromkeys([*own, *voiced]))
    positions = [
        s for s in said if views.statements[s].kind is vocab.StatementKind.STANDING_POSITION
    ]
    events = [views.events[e] for e in views.events_by_actor.get(actor_id, [])]
    place_ids: dict[str, None] = {}
    for statement_id in (*said, *about):
        place_ids.update(dict.fromkeys(views.statements[statement_id].place_ids))
    for event in events:
        place_ids.update(dict.fromkeys(event.place_ids))
    origin = plan.dataset.origins[("actors", actor_id)]
    type_label = actor.type.label
    name = capitalise(actor.name)
    summary = actor_summary(actor, len(said), len(about))
    url = urls.record_url("actors", actor_id)
    more_url, lists = record_lists(
        plan, Seg(name, url), [*said, *about, *sheltered], said, about, sheltered, sheltering
    )
    page = Page(
        url=url,
        title=actor_title(actor),
        description=f"{name} ({type_label.lower()}): {summary}.",
        data_file=origin.path,
        search_boost=5,
        jsonld=jsonld.actor(actor, plan.site.site_url, url),
        context=ActorPage(
            actor=actor,
            type_label=type_label,
            country=views.place_seg(actor.country) if actor.country else None,
            posts=tuple(
                Post(
                    views.actor_seg(m.organization),
                    title_of(m),
                    m.start,
                    m.end,
                    views.linked(m.note),
                )
                for m in actor.memberships
            ),
            aliases=tuple(
                AliasView(
                    a.name,
                    views.actor_seg(a.used_by) if a.used_by else None,
                    views.linked(a.note),
                )
                for a in actor.aliases
            ),
            name=name,
            summary=summary,
            said=group_claims(plan.statements_of(capped(said))),
            said_total=len(said),
            positions=tuple(plan.statements_of(positions)),
            about=group_claims(plan.statements_of(capped(about))),
            about_total=len(about),
            sheltering=tuple(capped(sheltering)),
            sheltered=tuple(capped(sheltered)),
            people=people,
            events=tuple(events[:SECTION_LIMIT]),
            events_total=len(events),
            places=tuple(views.place_seg(p) for p in place_ids),
            statements=views.statements,
            more_url=more_url,
            data_line=origin.line,
        ),
    )
    return [page, *lists]


def actors_pages(plan: Plan) -> list[Page]:
    """The actors index, by type, and every actor's page."""
    views = plan.views
    by_type: dict[vocab.ActorType, list[ActorRow]] = defaultdict(list)
    for actor in plan.dataset.actors.values():
        by_type[actor.type].append(
            ActorRow(
                seg=views.actor_seg(actor.id),
                type_label=actor.type.label,
                other_names=tuple(actor.other_names),
                summary=actor_summary(
                    actor,
                    len(
                        dict.fromkeys(
                            [*views.said_by.get(actor.id, []), *views.voiced_by.get(actor.id, [])]
                        )
                    ),
                    len(views.spoken_about.get(actor.id, [])),
                ),
            )
        )
    groups = [(kind, kind.label, by_type[kind]) for kind in vocab.ActorType if by_type.get(kind)]
    pages = grouped_index(
        plan,
        urls.ACTORS,
        "Actors",
        f"{len(plan.dataset.actors):,} actors by type: states, governments, armed groups, "
        "people, international bodies and unnamed collectives.",
        groups,
        urls.actors_by_type,
        "actor",
        "Everyone who speaks, is spoken about, or takes part in an event, grouped by type.",
    )
    for actor_id in plan.dataset.actors:
        pages.extend(actor_page(plan, actor_id))
    return pages
