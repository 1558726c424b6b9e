"""The claims table, and a page for each claim."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from titfortat.plan import jsonld, urls
from titfortat.plan.page import Context, Page
from titfortat.plan.pages.common import Plan, grouped_index
from titfortat.plan.views import ClaimView, EventView, Views


@dataclass(frozen=True)
class ClaimPage(Context):
    """A claim: its sentence, facts and quotes, and the claims around it."""

    TEMPLATE: ClassVar[str] = "claim.md.j2"
    c: ClaimView
    answers: ClaimView | None
    """The claim it answers."""
    answered_by: tuple[ClaimView, ...]
    events: tuple[EventView, ...]


def claim_title(claim: ClaimView, views: Views) -> str:
    """A claim page's title: who, about whom, what, and where when the claim says where.

    "Taliban government accuses Pakistani government: training camps on its territory
    (IS-KP) in Mastung"; a concern or a suggestion is "on", not an accusation.
    """
    accuser = views.actor(claim.accuser_id)
    accuser_name = views.actor_seg(claim.accuser_id, short=True).text
    accused = views.actor_seg(claim.accused_id, short=True).text
    verb = "on"  # a concern or a suggestion "on" the accused
    if claim.kind.accuses:
        verb = "accuse" if accuser.type.plural else "accuses"
    group = f" ({claim.group.text})" if claim.group and claim.group_id != claim.accused_id else ""
    places = ""
    if claim.allegation.names_places and claim.place_ids:
        names = [views.place_record(p).name for p in views.innermost(claim.place_ids)]
        places = " in " + " and ".join(names)
    return f"{accuser_name} {verb} {accused}: {claim.allegation_label.lower()}{group}{places}"


def claim_page(plan: Plan, claim: ClaimView) -> Page:
    """One claim's page."""
    views = plan.views
    return Page(
        url=claim.url,
        title=claim_title(claim, views),
        description=claim.text,
        context=ClaimPage(
            c=claim,
            answers=views.claims[claim.framing.claim_id] if claim.framing else None,
            answered_by=tuple(plan.claims_of(views.answered_by.get(claim.id, []))),
            events=tuple(views.events[e] for e in claim.event_ids),
        ),
        data_file=claim.data_file,
        jsonld=jsonld.claim(claim, views, plan.site.site_url),
    )


def claims_pages(plan: Plan) -> list[Page]:
    """The claims table (by accuser, over several pages, on a large site) and every claim."""
    views = plan.views
    groups: list[tuple[str, str, list[Any]]] = []
    if plan.large:
        for accuser_id, ids in views.claims_by_accuser.items():
            groups.append((accuser_id, views.actor(accuser_id).name, plan.claims_of(ids)))
    else:
        groups.append(("all", "All claims", list(views.claims.values())))
    pages = grouped_index(
        plan,
        urls.CLAIMS,
        "Claims",
        f"All {len(views.claims):,} claims: accuser, accused, allegation, group, place, "
        "date and whether the accused has answered.",
        groups,
        urls.claims_by_accuser,
        "claim",
        "Each row is one accuser saying one thing about one accused. Open a claim for its quotes.",
    )
    pages.extend(claim_page(plan, claim) for claim in views.claims.values())
    return pages
