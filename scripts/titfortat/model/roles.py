"""Who stands for whom: an actor's side in the dispute, who may answer for an accused, and
which post a person held when they spoke.

Pure functions of the actor records, shared by the checker (which holds answers, ties and
speakers to them) and the pages (which draw lanes and say titles as of a date).
"""

from __future__ import annotations

from collections.abc import Mapping

from titfortat.model import vocab
from titfortat.model.dates import DateValue, parse_point
from titfortat.model.records import Actor, Membership


def side_of(actor_id: str | None, actors: Mapping[str, Actor]) -> str | None:
    """The country an actor speaks or stands for: its own (a state, a government, armed
    forces, an official), or that of the organisation it belongs to; None for armed groups,
    bodies and people of no country."""
    actor = actors.get(actor_id) if actor_id else None
    if actor is None:
        return None
    if actor.country:
        return actor.country
    for membership in actor.memberships:
        organization = actors.get(membership.organization)
        if organization is not None and organization.country:
            return organization.country
    return None


def answers_for(responder: str, accused: str, actors: Mapping[str, Actor]) -> bool:
    """Whether ``responder`` can answer for ``accused``: it is the accused, or the accused is a
    state or its armed forces and the responder that country's government."""
    if responder == accused:
        return True
    first, second = actors.get(responder), actors.get(accused)
    if first is None or second is None:
        return True  # reported with the references
    return (
        second.type in (vocab.ActorType.STATE, vocab.ActorType.MILITARY)
        and first.type is vocab.ActorType.GOVERNMENT
        and first.country == second.country
    )


def held_at(membership: Membership, when: DateValue) -> bool:
    """Whether a membership may have been held at a date: it did not certainly end before the
    date began, nor certainly begin after it ended."""
    start = parse_point(membership.start) if membership.start else None
    end = parse_point(membership.end) if membership.end else None
    if end is not None and when.earliest is not None and end.last < when.earliest:
        return False
    return not (start is not None and start.first > when.latest)


def post_at(person: Actor, organization: str, when: DateValue) -> Membership | None:
    """The person's post in the organisation at that date (the first that fits), if any."""
    for membership in person.memberships:
        if membership.organization == organization and held_at(membership, when):
            return membership
    return None


def title_of(membership: Membership) -> str:
    """The post as a sentence names it: its title, or its role ("spokesperson")."""
    return membership.title or membership.role.label.lower()
