"""The places, each inside its parent, and a page for each place."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import ClassVar

from titfortat.model.records import Place
from titfortat.plan import urls
from titfortat.plan.map import MapView, build_map
from titfortat.plan.page import Context, Page
from titfortat.plan.pages.common import (
    SECTION_LIMIT,
    ListingPartPage,
    Plan,
    capped,
    record_lists,
)
from titfortat.plan.paging import PAGE_LIMIT, paginate
from titfortat.plan.sentences import counted
from titfortat.plan.views import EventView, Seg, StatementView

TREE_DEPTH = 6
"""Places nested deeper than this are left out of the index's tree (their pages remain)."""


@dataclass(frozen=True)
class PlaceRow:
    """A place in a listing."""

    seg: Seg
    kind_label: str
    within: tuple[Seg, ...]
    claims: int
    events: int


@dataclass(frozen=True)
class PlaceNode:
    """A place in the index's tree, with the places inside it."""

    seg: Seg
    kind_label: str
    claims: int
    events: int
    children: tuple[PlaceNode, ...]


@dataclass(frozen=True)
class PlacesPage(Context):
    """The places index: a tree of places, or its top level and a link to the full list."""

    TEMPLATE: ClassVar[str] = "places.md.j2"
    roots: tuple[PlaceNode, ...]
    split: bool
    total: int
    map: MapView


@dataclass(frozen=True)
class PlacePage(Context):
    """A place: where it is, and what is claimed or happened there."""

    TEMPLATE: ClassVar[str] = "place.md.j2"
    place: Place
    kind_label: str
    chain: tuple[Seg, ...]
    children: tuple[Seg, ...]
    direct: tuple[str, ...]
    direct_total: int
    nested: tuple[str, ...]
    """Statements that name a place inside this one."""
    nested_total: int
    events: tuple[EventView, ...]
    events_total: int
    statements: Mapping[str, StatementView]
    more_url: str | None
    osm: str | None
    data_line: int
    map: MapView | None
    """A small map with this place marked, when it has coordinates in the map's view."""


def place_tree(plan: Plan, place_id: str, depth: int = 0) -> PlaceNode:
    """A place and the places inside it, down to TREE_DEPTH."""
    views = plan.views
    children = views.children.get(place_id, []) if depth < TREE_DEPTH else []
    return PlaceNode(
        seg=views.place_seg(place_id),
        kind_label=views.place_record(place_id).kind.label,
        claims=len(views.at_place.get(place_id, [])),
        events=len(views.events_by_place.get(place_id, [])),
        children=tuple(place_tree(plan, child, depth + 1) for child in children),
    )


def _small_map(plan: Plan, place_id: str) -> MapView | None:
    """The map with this place marked (or, for Afghanistan and Pakistan, shaded), if it is
    on it."""
    drawn = build_map(plan.views, current=place_id, size="small")
    return drawn if drawn.outline or any(m.current for m in drawn.markers) else None


def place_page(plan: Plan, place_id: str) -> list[Page]:
    """One place's page, and the list of all its statements when its page shows only the
    first of them."""
    views = plan.views
    place = views.place_record(place_id)
    chain = views.place_chain(place_id)
    direct = views.at_place.get(place_id, [])
    nested: list[str] = []
    seen = set(direct)
    for child in views.descendants(place_id):
        for claim_id in views.at_place.get(child, []):
            if claim_id not in seen:
                seen.add(claim_id)
                nested.append(claim_id)
    events = [views.events[e] for e in views.events_by_place.get(place_id, [])]
    origin = plan.dataset.origins[("places", place_id)]
    kind_label = place.kind.label
    osm = None
    if place.coordinates is not None:
        lat, lon = place.coordinates.latitude, place.coordinates.longitude
        osm = (
            f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}"
            f"#map={place.kind.map_zoom}/{lat}/{lon}"
        )
    within = ", ".join(views.place_record(p).name for p in reversed(chain[:-1]))
    url = urls.record_url("places", place_id)
    more_url, lists = record_lists(plan, Seg(place.name, url), [*direct, *nested], direct, nested)
    page = Page(
        url=url,
        title=place.name,
        description=f"{place.name} ({kind_label.lower()}"
        f"{', in ' + within if within else ''}): "
        f"{counted(len(direct), 'statement')} {'names' if len(direct) == 1 else 'name'} it.",
        data_file=origin.path,
        context=PlacePage(
            place=place,
            kind_label=kind_label,
            chain=tuple(views.place_seg(p) for p in chain),
            children=tuple(views.place_seg(p) for p in views.children.get(place_id, [])),
            direct=tuple(capped(direct)),
            direct_total=len(direct),
            nested=tuple(capped(nested)),
            nested_total=len(nested),
            events=tuple(events[:SECTION_LIMIT]),
            events_total=len(events),
            statements=views.statements,
            more_url=more_url,
            osm=osm,
            data_line=origin.line,
            map=_small_map(plan, place_id),
        ),
    )
    return [page, *lists]


def places_pages(plan: Plan) -> list[Page]:
    """The places index (with the full list on pages of its own when long), every place."""
    views = plan.views
    rows: list[PlaceRow] = []
    for place in plan.dataset.places.values():
        chain = views.place_chain(place.id)[:-1]
        rows.append(
            PlaceRow(
                seg=views.place_seg(place.id),
                kind_label=place.kind.label,
                within=tuple(views.place_seg(p) for p in reversed(chain)),
                claims=len(views.at_place.get(place.id, [])),
                events=len(views.events_by_place.get(place.id, [])),
            )
        )
    roots = tuple(place_tree(plan, p.id) for p in plan.dataset.places.values() if p.parent is None)
    split = len(rows) > PAGE_LIMIT
    pages: list[Page] = []
    if split:
        for part in paginate(urls.PLACES_LIST, rows):
            context = ListingPartPage(
                row_kind="place",
                index_url=urls.PLACES,
                index_title="Places",
                group_label="All places",
                rows=part.rows,
                pager=part.pager,
                part=part.number,
            )
            pages.append(
                Page(
                    url=part.url,
                    title=f"Places: all{part.suffix}",
                    description="Every place in the data, in data order.",
                    context=context,
                    search_exclude=plan.large,
                )
            )
        roots = tuple(replace(node, children=()) for node in roots)
    pages.append(
        Page(
            url=urls.PLACES,
            title="Places",
            description=f"{len(rows):,} places, each inside its parent, with what is "
            "said or happened there.",
            context=PlacesPage(
                roots=roots, split=split, total=len(rows), map=build_map(views, size="large")
            ),
        )
    )
    for place_id in plan.dataset.places:
        pages.extend(place_page(plan, place_id))
    return pages
