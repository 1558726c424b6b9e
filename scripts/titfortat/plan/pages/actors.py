"""The actors, by type, and a page for each actor."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from titfortat.model import vocab
from titfortat.model.records import Actor
from titfortat.plan import jsonld, urls
from titfortat.plan.page import Context, Page
from titfortat.plan.pages.common import SECTION_LIMIT, Plan, capped, grouped_index
from titfortat.plan.sentences import capitalise, counted, plural
from titfortat.plan.views import ClaimView, EventView, Seg


@dataclass(frozen=True)
class ActorRow:
    """An actor in a listing."""

    seg: Seg
    type_label: str
    other_names: tuple[str, ...]
    accuses: int
    accused: int


@dataclass(frozen=True)
class Person:
    """A member of an organisation, on the organisation's page, with how many claims they
    voiced (their own page lists them)."""

    seg: Seg
    roles: str
    claims: int
    answers: int
    """States of answers over time in which they answered for the organisation."""


@dataclass(frozen=True)
class ClaimGroup:
    """Claims said in one breath: the same accuser, speaker, source and date. The
    attribution is said once; each claim is a line under it."""

    attribution: tuple[Seg, ...]
    claims: tuple[ClaimView, ...]


def group_claims(claims: list[ClaimView]) -> tuple[ClaimGroup, ...]:
    """Claims grouped by their attribution, in the order each group first appears."""
    groups: dict[tuple[Seg, ...], list[ClaimView]] = {}
    for claim in claims:
        groups.setdefault(claim.attribution, []).append(claim)
    return tuple(ClaimGroup(key, tuple(items)) for key, items in groups.items())


@dataclass(frozen=True)
class ActorPage(Context):
    """An actor: who it is, what it accuses others of and is accused of, its people."""

    TEMPLATE: ClassVar[str] = "actor.md.j2"
    actor: Actor
    name: str
    """The actor's name as a heading says it (capitalised)."""
    type_label: str
    country: Seg | None
    memberships: tuple[tuple[Seg, str], ...]
    said: tuple[ClaimGroup, ...]
    """Claims it makes (or voices, for a person), grouped by attribution."""
    said_total: int
    accuses_total: int
    about: tuple[ClaimGroup, ...]
    """Claims about it, grouped by attribution."""
    accused_total: int
    sheltering: tuple[str, ...]
    """Claims that a group is sheltered on this actor's territory."""
    sheltered: tuple[str, ...]
    """Claims that this group is sheltered on others' territory."""
    spoke: tuple[str, ...]
    spoke_total: int
    people: tuple[Person, ...]
    events: tuple[EventView, ...]
    events_total: int
    places: tuple[Seg, ...]
    claims: Mapping[str, ClaimView]
    all_accuses_url: str
    data_line: int


def actor_title(actor: Actor) -> str:
    """An actor page's title, with its acronym when it has one ("... Province (IS-KP)"), so
    a search for the acronym ranks the page first (search weighs titles most)."""
    short = actor.short_name
    name = capitalise(actor.name)
    if short and " " not in short and short.lower() not in actor.name.lower():
        return f"{name} ({short})"
    return name


def actor_page(plan: Plan, actor_id: str) -> Page:
    """One actor's page."""
    views = plan.views
    actor = views.actor(actor_id)
    accuses = views.claims_by_accuser.get(actor_id, [])
    accused = views.claims_by_accused.get(actor_id, [])
    spoke = views.claims_by_speaker.get(actor_id, [])
    as_group = views.claims_by_group.get(actor_id, [])
    sheltering = [c for c in accused if views.claims[c].allegation.shelters]
    sheltered = [c for c in as_group if views.claims[c].allegation.shelters]
    people = tuple(
        Person(
            seg=views.actor_seg(person_id),
            roles=", ".join(
                m.role.label
                for m in views.actor(person_id).memberships
                if m.organization == actor_id
            ),
            claims=len(views.claims_by_speaker.get(person_id, [])),
            answers=sum(
                1
                for claim in plan.dataset.claims.values()
                for step in claim.status
                if step.speaker == person_id
            ),
        )
        for person_id in views.members.get(actor_id, [])
    )
    said = list(dict.fromkeys([*accuses, *spoke]))
    events = [views.events[e] for e in views.events_by_actor.get(actor_id, [])]
    place_ids: dict[str, None] = {}
    for claim_id in (*accuses, *accused):
        place_ids.update(dict.fromkeys(views.claims[claim_id].place_ids))
    for event in events:
        place_ids.update(dict.fromkeys(event.place_ids))
    origin = plan.dataset.origins[("actors", actor_id)]
    type_label = actor.type.label
    name = capitalise(actor.name)
    many = actor.type.plural  # "some experts make", "the TTP makes"
    if spoke and not accuses:
        summary = f"{'voice' if many else 'voices'} {counted(len(spoke), 'claim')} as a speaker"
    else:
        summary = f"{'make' if many else 'makes'} {counted(len(accuses), 'claim')}"
    accused_phrase = (
        f"{'are' if many else 'is'} the accused in {plural(len(accused), 'claim')}"
        if accused
        else f"{'are' if many else 'is'} accused in none"
    )
    description = f"{name} ({type_label.lower()}): {summary}; {accused_phrase}."
    url = urls.record_url("actors", actor_id)
    return Page(
        url=url,
        title=actor_title(actor),
        description=description,
        data_file=origin.path,
        jsonld=jsonld.actor(actor, plan.site.site_url, url),
        context=ActorPage(
            actor=actor,
            type_label=type_label,
            country=views.place_seg(actor.country) if actor.country else None,
            memberships=tuple(
                (views.actor_seg(m.organization), m.role.label) for m in actor.memberships
            ),
            name=name,
            said=group_claims(plan.claims_of(capped(said))),
            said_total=len(said),
            accuses_total=len(accuses),
            about=group_claims(plan.claims_of(capped(accused))),
            accused_total=len(accused),
            sheltering=tuple(capped(sheltering)),
            sheltered=tuple(capped(sheltered)),
            spoke=tuple(capped(spoke)),
            spoke_total=len(spoke),
            people=people,
            events=tuple(events[:SECTION_LIMIT]),
            events_total=len(events),
            places=tuple(views.place_seg(p) for p in list(place_ids)[:SECTION_LIMIT]),
            claims=views.claims,
            all_accuses_url=urls.claims_by_accuser(actor_id) if plan.large else urls.CLAIMS,
            data_line=origin.line,
        ),
    )


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
                accuses=len(views.claims_by_accuser.get(actor.id, [])),
                accused=len(views.claims_by_accused.get(actor.id, [])),
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
        "Everyone who accuses, is accused, speaks or takes part in an event, grouped by type.",
    )
    pages.extend(actor_page(plan, actor_id) for actor_id in plan.dataset.actors)
    return pages
