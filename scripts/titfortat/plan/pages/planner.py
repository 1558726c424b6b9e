"""Plan the site: from a checked dataset to the list of pages, each with what it shows.

Nothing here touches the disk or renders markup. Listings that grow with the data (the
timeline, the claims table, the indexes) are split once they pass ``PAGE_LIMIT`` rows, so no
page grows without bound; record pages cap each list at ``SECTION_LIMIT`` and link to the
full listing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, TypeVar

from titfortat.model import vocab
from titfortat.model.dataset import Dataset
from titfortat.model.dates import MONTHS
from titfortat.model.records import Actor
from titfortat.plan import jsonld
from titfortat.plan.graph import build_graph
from titfortat.plan.page import Page, SiteInfo
from titfortat.plan.pages.downloads import data_page
from titfortat.plan.urls import record_url
from titfortat.plan.views import (
    ClaimView,
    DateView,
    EventView,
    QuoteView,
    Seg,
    Views,
    sentence_text,
)

PAGE_LIMIT = 200
"""Rows on one listing page. A claims table of 200 rows is about 120 KB of HTML."""

SECTION_LIMIT = 25
"""Items in one list on a record page before it links to the full listing instead."""

PAIRS_ON_HOME = 3
"""Accusations shown with their answers on the home page; the matrix lists every one."""

GRID_LIMIT = 12
"""The who-accuses-whom grid is drawn while accusers and accused are each at most this many."""


@dataclass(frozen=True)
class Part:
    """One page of a split listing, for the pager."""

    number: int
    url: str


@dataclass(frozen=True)
class Group:
    """A heading in a listing, with its rows or, when split off, a link to its own pages."""

    key: str
    label: str
    anchor: str
    rows: tuple[Any, ...]
    total: int
    href: str | None = None


@dataclass(frozen=True)
class TimelineEntry:
    """One dated (or undated) thing on the timeline."""

    anchor: str
    kind: str
    kind_label: str
    date: DateView | None
    headline: tuple[Seg, ...]
    actors: tuple[Seg, ...]
    quote: QuoteView | None
    more_quotes: int
    url: str
    status: ClaimView | None


@dataclass(frozen=True)
class Pair:
    """One accuser and one accused, with the claims between them (a cell of the matrix)."""

    accuser: Seg
    accused: Seg
    anchor: str
    claims: tuple[ClaimView, ...]
    total: int
    reciprocal: bool
    accuser_id: str


@dataclass(frozen=True)
class ActorRow:
    """An actor in a listing."""

    seg: Seg
    type_label: str
    other_names: tuple[str, ...]
    accuses: int
    accused: int


@dataclass(frozen=True)
class PlaceRow:
    """A place in a listing."""

    seg: Seg
    kind_label: str
    within: tuple[Seg, ...]
    claims: int
    events: int


@dataclass(frozen=True)
class SourceRow:
    """A source in a listing."""

    seg: Seg
    kind_label: str
    publisher: str | None
    date: DateView | None
    claims: int
    quoted: bool


_T = TypeVar("_T")


def chunks(items: Sequence[_T], size: int) -> list[Sequence[_T]]:
    """Split a list into pages of at most ``size`` (one empty page for an empty list)."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]


def part_url(base: str, number: int) -> str:
    """Page ``number`` of a listing at ``base`` (page 1 is the base itself)."""
    return base if number == 1 else f"{base}{number}/"


class Planner:
    """Works out every page of the site."""

    def __init__(
        self, dataset: Dataset, site: SiteInfo, downloads: Mapping[str, bytes] | None = None
    ) -> None:
        self.dataset = dataset
        self.site = site
        self.downloads = downloads or {}
        self.views = Views.build(dataset)
        self.large = is_large(dataset)
        self.pages: list[Page] = []

    # -- helpers -----------------------------------------------------------------------------

    def add(self, page: Page) -> None:
        self.pages.append(page)

    def claims_of(self, ids: Iterable[str]) -> list[ClaimView]:
        return [self.views.claims[i] for i in ids]

    def capped(self, ids: Sequence[str]) -> list[str]:
        return list(ids[:SECTION_LIMIT])

    def paged_listing(
        self,
        base: str,
        template: str,
        title: str,
        description: str,
        rows: Sequence[Any],
        context: dict[str, Any],
    ) -> None:
        """A listing split over pages ``base``, ``base/2/``...; each page knows the others."""
        parts = chunks(rows, PAGE_LIMIT)
        pager = tuple(Part(n, part_url(base, n)) for n in range(1, len(parts) + 1))
        for number, part in enumerate(parts, start=1):
            suffix = f" (page {number} of {len(parts)})" if len(parts) > 1 else ""
            self.add(
                Page(
                    url=part_url(base, number),
                    template=template,
                    title=title + suffix,
                    description=description,
                    context={**context, "rows": tuple(part), "pager": pager, "part": number},
                    search_exclude=self.large,
                )
            )

    def grouped_index(
        self,
        url: str,
        title: str,
        description: str,
        groups: Sequence[tuple[str, str, Sequence[Any]]],
        group_base: str,
        row_kind: str,
        intro: str,
    ) -> None:
        """An index page listing groups; large groups move to pages of their own."""
        total = sum(len(rows) for _, _, rows in groups)
        split = total > PAGE_LIMIT
        shown: list[Group] = []
        for key, label, rows in groups:
            if split:
                href = f"{group_base}{key}/"
                shown.append(Group(key, label, f"group-{key}", (), len(rows), href))
                self.paged_listing(
                    href,
                    "listing_part.md.j2",
                    f"{title}: {label}",
                    f"{label}: {len(rows):,} of the {total:,} entries of {title.lower()}.",
                    rows,
                    {
                        "row_kind": row_kind,
                        "index_url": url,
                        "index_title": title,
                        "group_label": label,
                    },
                )
            else:
                shown.append(Group(key, label, f"group-{key}", tuple(rows), len(rows)))
        self.add(
            Page(
                url=url,
                template="listing.md.j2",
                title=title,
                description=description,
                context={
                    "groups": tuple(shown),
                    "row_kind": row_kind,
                    "split": split,
                    "intro": intro,
                    "total": total,
                },
                search_exclude=self.large,
            )
        )

    # -- the site -----------------------------------------------------------------------------

    def plan(self) -> list[Page]:
        self.home()
        self.timeline()
        self.matrix()
        self.claims()
        self.actors()
        self.places()
        self.events()
        self.sources()
        if self.downloads:
            self.add(data_page(self.dataset, self.site, self.downloads))
        self.health()
        return sorted(self.pages, key=lambda page: page.url)

    def home(self) -> None:
        views = self.views
        # The exchanges with most answers lead; the rest are on the who-accuses-whom page.
        leading = sorted(views.pairs, key=lambda pair: -len(pair[1]))[:PAIRS_ON_HOME]
        pairs = [
            (views.claims[answered], self.claims_of(answers), views.exchange(answered, answers))
            for answered, answers in leading
        ]
        claims = list(views.claims.values())
        unanswered = sum(1 for c in claims if not c.answered)
        as_of_dates = [c.status_as_of_date for c in claims if c.status_as_of_date is not None]
        latest_as_of = max(as_of_dates, key=lambda d: d.value.sort_key(), default=None)
        figures = {
            "claims": len(claims),
            "accusers": len(views.claims_by_accuser),
            "accused": len(views.claims_by_accused),
            "sources": sum(1 for s in self.dataset.sources.values() if s.text is not None),
            "quotes": self.dataset.stats.quotes_verified,
            "unanswered": unanswered,
            "answered": len(claims) - unanswered,
            "pairs": len(views.pairs),
            "pairs_not_shown": len(views.pairs) - len(pairs),
            "as_of": latest_as_of,
        }
        graph = build_graph(views, self.pair_url)
        edges_by_pair = {(e.accuser, e.accused): e for e in graph.edges}
        lead = pairs[0] if pairs else None
        description = sentence_text(lead[2]) if lead else self.dataset.info.description
        self.add(
            Page(
                url="",
                template="home.md.j2",
                title=self.dataset.info.title,
                description=description,
                context={
                    "info": self.dataset.info,
                    "pairs": pairs,
                    "figures": figures,
                    "graph": graph,
                    "edges_by_pair": edges_by_pair,
                },
                jsonld=jsonld.website(self.dataset, self.site.site_url, self.site.site_name),
            )
        )

    def timeline(self) -> None:
        entries = self.timeline_entries()
        dated = [e for e in entries if e.date is not None]
        undated = [e for e in entries if e.date is None]
        description = (
            f"{len(dated):,} dated claims and events in order, each with its date's precision "
            "and where the date comes from."
        )
        if len(entries) <= PAGE_LIMIT:
            self.add(
                Page(
                    url="timeline/",
                    template="timeline.md.j2",
                    title="Timeline",
                    description=description,
                    context={
                        "months": _by_month(dated),
                        "undated": tuple(undated),
                        "years": (),
                        "pager": (),
                        "year": None,
                    },
                )
            )
            return
        by_year: dict[str, list[TimelineEntry]] = defaultdict(list)
        for entry in dated:
            assert entry.date is not None
            by_year[entry.date.value.period].append(entry)
        years = []
        for year, year_entries in by_year.items():
            parts = chunks(year_entries, PAGE_LIMIT)
            base = f"timeline/{year}/"
            years.append((year, len(year_entries), base))
            pager = tuple(Part(n, part_url(base, n)) for n in range(1, len(parts) + 1))
            for number, part in enumerate(parts, start=1):
                suffix = f" (page {number} of {len(parts)})" if len(parts) > 1 else ""
                self.add(
                    Page(
                        url=part_url(base, number),
                        template="timeline.md.j2",
                        title=f"Timeline: {year}{suffix}",
                        description=f"{len(year_entries):,} claims and events dated {year}.",
                        context={
                            "months": _by_month(part),
                            "undated": (),
                            "years": (),
                            "pager": pager,
                            "year": year,
                            "part": number,
                        },
                        search_exclude=True,
                    )
                )
        if undated:
            self.paged_listing(
                "timeline/undated/",
                "timeline_undated.md.j2",
                "Timeline: undated",
                "Events the sources give no date for.",
                undated,
                {},
            )
        self.add(
            Page(
                url="timeline/",
                template="timeline.md.j2",
                title="Timeline",
                description=description,
                context={
                    "months": (),
                    "undated": (),
                    "years": tuple(years),
                    "pager": (),
                    "year": None,
                    "undated_count": len(undated),
                },
            )
        )

    def timeline_entries(self) -> list[TimelineEntry]:
        views = self.views
        entries: list[TimelineEntry] = []
        for claim in views.claims.values():
            actors = [claim.accuser, claim.accused]
            if claim.speaker:
                actors.insert(1, claim.speaker)
            entries.append(
                TimelineEntry(
                    anchor=f"claim-{claim.id}",
                    kind="claim",
                    kind_label=claim.kind_label,
                    date=claim.asserted,
                    headline=(Seg(claim.text, claim.url),),
                    actors=tuple(actors),
                    quote=claim.lead_quote,
                    more_quotes=len(claim.evidence) - 1,
                    url=claim.url,
                    status=claim,
                )
            )
        for event in views.events.values():
            entries.append(
                TimelineEntry(
                    anchor=f"event-{event.id}",
                    kind="event",
                    kind_label=event.kind_label,
                    date=event.date,
                    headline=(Seg(event.title, event.url),),
                    actors=event.actors,
                    quote=event.evidence[0] if event.evidence else None,
                    more_quotes=max(0, len(event.evidence) - 1),
                    url=event.url,
                    status=None,
                )
            )
        kind_order = {"event": 0, "claim": 1}

        def key(entry: TimelineEntry) -> tuple[Any, ...]:
            if entry.date is None:
                return (1, (), kind_order[entry.kind], entry.anchor)
            return (0, entry.date.value.sort_key(), kind_order[entry.kind], entry.anchor)

        return sorted(entries, key=key)

    @cached_property
    def pair_order(self) -> dict[tuple[str, str], int]:
        """Each (accuser, accused) pair's position among its accuser's pairs."""
        positions: dict[tuple[str, str], int] = {}
        counts: dict[str, int] = defaultdict(int)
        for claim in self.views.claims.values():
            key = (claim.accuser_id, claim.accused_id)
            if key not in positions:
                positions[key] = counts[claim.accuser_id]
                counts[claim.accuser_id] += 1
        return positions

    def pair_url(self, accuser: str, accused: str) -> str:
        """Where the claims of one accuser against one accused are listed."""
        anchor = f"#pair-{accuser}--{accused}"
        if len(self.pair_order) <= PAGE_LIMIT:
            return f"matrix/{anchor}"
        number = self.pair_order[(accuser, accused)] // PAGE_LIMIT + 1
        return part_url(f"matrix-by-accuser/{accuser}/", number) + anchor

    def matrix(self) -> None:
        views = self.views
        involved = views.involved_actors()
        order = {actor_id: i for i, actor_id in enumerate(involved)}
        # The busiest actors first; the busiest pair that accuse each other leads both
        # axes, crosswise, so their two cells sit side by side in the grid's top corner.
        accusers = sorted(
            (a for a in involved if a in views.claims_by_accuser),
            key=lambda a: (-len(views.claims_by_accuser[a]), order[a]),
        )
        accused = sorted(
            (a for a in involved if a in views.claims_by_accused),
            key=lambda a: (-len(views.claims_by_accused[a]), order[a]),
        )
        counts: dict[tuple[str, str], int] = defaultdict(int)
        for claim in views.claims.values():
            counts[(claim.accuser_id, claim.accused_id)] += 1
        mutual = [
            (counts[(a, b)] + counts[(b, a)], a, b)
            for (a, b) in counts
            if (b, a) in counts and order[a] < order[b]
        ]
        if mutual:
            _, first, second = max(mutual, key=lambda item: (item[0], -order[item[1]]))
            accusers = [first, second, *(a for a in accusers if a not in (first, second))]
            accused = [second, first, *(a for a in accused if a not in (first, second))]
        cells: dict[tuple[str, str], list[ClaimView]] = defaultdict(list)
        for claim in views.claims.values():
            cells[(claim.accuser_id, claim.accused_id)].append(claim)
        grid = len(accusers) <= GRID_LIMIT and len(accused) <= GRID_LIMIT
        pairs = [
            Pair(
                accuser=views.actor_seg(a, short=True),
                accused=views.actor_seg(b, short=True),
                anchor=f"pair-{a}--{b}",
                claims=tuple(claims[:SECTION_LIMIT]),
                total=len(claims),
                reciprocal=(b, a) in cells,
                accuser_id=a,
            )
            for (a, b), claims in cells.items()
        ]
        reciprocal = [p for p in pairs if p.reciprocal]
        description = (
            f"Who accuses whom: {len(accusers)} accusers and {len(accused)} accused; "
            f"{len(reciprocal)} pairs accuse each other."
        )
        if len(pairs) > PAGE_LIMIT:
            by_accuser: dict[str, list[Pair]] = defaultdict(list)
            for pair in pairs:
                by_accuser[pair.accuser_id].append(pair)
            for accuser_id, accuser_pairs in by_accuser.items():
                name = views.actor(accuser_id).name
                self.paged_listing(
                    f"matrix-by-accuser/{accuser_id}/",
                    "matrix_part.md.j2",
                    f"Who {name} accuses",
                    f"The actors {name} accuses, and of what.",
                    accuser_pairs,
                    {"accuser": views.actor_seg(accuser_id)},
                )
            pairs_shown: list[Pair] = []
            accuser_links = tuple(
                (views.actor_seg(a), len(by_accuser[a]), f"matrix-by-accuser/{a}/")
                for a in accusers
            )
        else:
            pairs_shown = pairs
            accuser_links = ()
        self.add(
            Page(
                url="matrix/",
                template="matrix.md.j2",
                title="Who accuses whom",
                description=description,
                context={
                    "grid": grid,
                    "accusers": tuple(views.actor_seg(a, short=True) for a in accusers),
                    "accuser_ids": tuple(accusers),
                    "accused": tuple(views.actor_seg(b, short=True) for b in accused),
                    "accused_ids": tuple(accused),
                    "cells": {f"{a}|{b}": tuple(v) for (a, b), v in cells.items()},
                    "pairs": tuple(pairs_shown),
                    "accuser_links": accuser_links,
                    "reciprocal_count": len(reciprocal),
                },
            )
        )

    def claims(self) -> None:
        views = self.views
        groups: list[tuple[str, str, list[Any]]] = []
        if self.large:
            for accuser_id, ids in views.claims_by_accuser.items():
                groups.append((accuser_id, views.actor(accuser_id).name, self.claims_of(ids)))
        else:
            groups.append(("all", "All claims", list(views.claims.values())))
        self.grouped_index(
            "claims/",
            "Claims",
            f"All {len(views.claims):,} claims: accuser, accused, allegation, group, place, "
            "date and whether the accused has answered.",
            groups,
            "claims-by-accuser/",
            "claim",
            "Each row is one accuser saying one thing about one accused. Open a claim for "
            "its quotes.",
        )
        for claim in views.claims.values():
            self.claim_page(claim)

    def claim_page(self, claim: ClaimView) -> None:
        views = self.views
        answers = views.claims[claim.answers] if claim.answers else None
        answered_by = self.claims_of(views.answered_by.get(claim.id, []))
        events = [views.events[e] for e in claim.event_ids]
        self.add(
            Page(
                url=claim.url,
                template="claim.md.j2",
                title=claim_title(claim, views),
                description=claim.text,
                data_file=claim.data_file,
                jsonld=jsonld.claim(claim, views, self.site.site_url),
                context={
                    "c": claim,
                    "answers": answers,
                    "answered_by": answered_by,
                    "events": events,
                },
            )
        )

    def actors(self) -> None:
        views = self.views
        by_type: dict[str, list[ActorRow]] = defaultdict(list)
        for actor in self.dataset.actors.values():
            by_type[actor.type].append(
                ActorRow(
                    seg=views.actor_seg(actor.id),
                    type_label=actor.type.label,
                    other_names=tuple(actor.other_names),
                    accuses=len(views.claims_by_accuser.get(actor.id, [])),
                    accused=len(views.claims_by_accused.get(actor.id, [])),
                )
            )
        groups = [
            (kind, term.label, by_type[kind])
            for kind, term in ((t, t) for t in vocab.ActorType)
            if by_type.get(kind)
        ]
        self.grouped_index(
            "actors/",
            "Actors",
            f"{len(self.dataset.actors):,} actors by type: states, governments, armed groups, "
            "people, international bodies and unnamed collectives.",
            groups,
            "actors-by-type/",
            "actor",
            "Everyone who accuses, is accused, speaks or takes part in an event, grouped by type.",
        )
        for actor in self.dataset.actors.values():
            self.actor_page(actor.id)

    def actor_page(self, actor_id: str) -> None:
        views = self.views
        actor = views.actor(actor_id)
        accuses = views.claims_by_accuser.get(actor_id, [])
        accused = views.claims_by_accused.get(actor_id, [])
        spoke = views.claims_by_speaker.get(actor_id, [])
        as_group = views.claims_by_group.get(actor_id, [])
        sheltering = [c for c in accused if views.claims[c].allegation.shelters]
        sheltered = [c for c in as_group if views.claims[c].allegation.shelters]
        people = [
            {
                "seg": views.actor_seg(person_id),
                "roles": ", ".join(
                    m.role.label
                    for m in views.actor(person_id).memberships
                    if m.organization == actor_id
                ),
                "claims": self.claims_of(self.capped(views.claims_by_speaker.get(person_id, []))),
            }
            for person_id in views.members.get(actor_id, [])
        ]
        memberships = [(views.actor_seg(m.organization), m.role.label) for m in actor.memberships]
        events = [views.events[e] for e in views.events_by_actor.get(actor_id, [])]
        place_ids: dict[str, None] = {}
        for claim_id in (*accuses, *accused):
            place_ids.update(dict.fromkeys(views.claims[claim_id].place_ids))
        for event in events:
            place_ids.update(dict.fromkeys(event.place_ids))
        origin = self.dataset.origins[("actors", actor_id)]
        type_label = actor.type.label
        description = (
            f"{actor.name} ({type_label.lower()}): accuses others in {len(accuses)} "
            f"claim{'s' if len(accuses) != 1 else ''} and is accused in {len(accused)}."
        )
        self.add(
            Page(
                url=record_url("actors", actor_id),
                template="actor.md.j2",
                title=actor_title(actor),
                description=description,
                data_file=origin.path,
                jsonld=jsonld.actor(actor, self.site.site_url, record_url("actors", actor_id)),
                context={
                    "actor": actor,
                    "type_label": type_label,
                    "country": views.place_seg(actor.country) if actor.country else None,
                    "memberships": memberships,
                    "accuses": self.capped(accuses),
                    "accuses_total": len(accuses),
                    "accused": self.capped(accused),
                    "accused_total": len(accused),
                    "sheltering": self.capped(sheltering),
                    "sheltered": self.capped(sheltered),
                    "spoke": self.capped(spoke),
                    "spoke_total": len(spoke),
                    "people": people,
                    "events": events[:SECTION_LIMIT],
                    "events_total": len(events),
                    "places": [views.place_seg(p) for p in list(place_ids)[:SECTION_LIMIT]],
                    "claims": views.claims,
                    "all_accuses_url": (
                        f"claims-by-accuser/{actor_id}/" if self.large else "claims/"
                    ),
                    "data_line": origin.line,
                },
            )
        )

    def places(self) -> None:
        views = self.views
        rows: list[PlaceRow] = []
        for place in self.dataset.places.values():
            chain = views.place_chain(place.id)[:-1]
            rows.append(
                PlaceRow(
                    seg=views.place_seg(place.id),
                    kind_label=place.kind.label,
                    within=tuple(views.place_seg(p) for p in reversed(chain)),
                    claims=len(views.claims_by_place.get(place.id, [])),
                    events=len(views.events_by_place.get(place.id, [])),
                )
            )
        roots = [p.id for p in self.dataset.places.values() if p.parent is None]
        tree = [self.place_tree(root) for root in roots]
        if len(rows) > PAGE_LIMIT:
            self.paged_listing(
                "places-list/",
                "listing_part.md.j2",
                "Places: all",
                "Every place in the data, in data order.",
                rows,
                {
                    "row_kind": "place",
                    "index_url": "places/",
                    "index_title": "Places",
                    "group_label": "All places",
                },
            )
            tree = [dict(node, children=()) for node in tree]
        self.add(
            Page(
                url="places/",
                template="places.md.j2",
                title="Places",
                description=f"{len(rows):,} places, each inside its parent, with what is "
                "claimed or happened there.",
                context={"roots": tree, "split": len(rows) > PAGE_LIMIT, "total": len(rows)},
            )
        )
        for place in self.dataset.places.values():
            self.place_page(place.id)

    def place_tree(self, place_id: str, depth: int = 0) -> dict[str, Any]:
        views = self.views
        return {
            "seg": views.place_seg(place_id),
            "kind_label": views.place_record(place_id).kind.label,
            "claims": len(views.claims_by_place.get(place_id, [])),
            "events": len(views.events_by_place.get(place_id, [])),
            "children": tuple(
                self.place_tree(child, depth + 1) for child in views.children.get(place_id, [])
            )
            if depth < 6
            else (),
        }

    def place_page(self, place_id: str) -> None:
        views = self.views
        place = views.place_record(place_id)
        chain = views.place_chain(place_id)
        inside = views.descendants(place_id)
        direct = views.claims_by_place.get(place_id, [])
        nested: list[str] = []
        seen = set(direct)
        for child in inside:
            for claim_id in views.claims_by_place.get(child, []):
                if claim_id not in seen:
                    seen.add(claim_id)
                    nested.append(claim_id)
        events = [views.events[e] for e in views.events_by_place.get(place_id, [])]
        origin = self.dataset.origins[("places", place_id)]
        kind_label = place.kind.label
        osm = None
        if place.coordinates is not None:
            lat, lon = place.coordinates.latitude, place.coordinates.longitude
            osm = (
                f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}"
                f"#map={place.kind.map_zoom}/{lat}/{lon}"
            )
        within = ", ".join(views.place_record(p).name for p in reversed(chain[:-1]))
        self.add(
            Page(
                url=record_url("places", place_id),
                template="place.md.j2",
                title=place.name,
                description=f"{place.name} ({kind_label.lower()}"
                f"{', in ' + within if within else ''}): {len(direct)} claims name it.",
                data_file=origin.path,
                context={
                    "place": place,
                    "kind_label": kind_label,
                    "chain": [views.place_seg(p) for p in chain],
                    "children": [views.place_seg(p) for p in views.children.get(place_id, [])],
                    "direct": self.capped(direct),
                    "direct_total": len(direct),
                    "nested": self.capped(nested),
                    "nested_total": len(nested),
                    "events": events[:SECTION_LIMIT],
                    "events_total": len(events),
                    "claims": views.claims,
                    "osm": osm,
                    "data_line": origin.line,
                },
            )
        )

    def events(self) -> None:
        views = self.views
        by_year: dict[str, list[EventView]] = defaultdict(list)
        for event in views.events.values():
            year = event.date.value.period if event.date else "undated"
            by_year[year].append(event)
        labels = {"undated": "Undated", "ongoing": "Ongoing, no start given"}
        groups = [
            (year, labels.get(year, year), by_year[year])
            for year in sorted(by_year, key=lambda y: (y == "undated", y != "ongoing", y))
        ]
        self.grouped_index(
            "events/",
            "Events",
            f"{len(views.events):,} events the sources mention, by year.",
            groups,
            "events-by-year/",
            "event",
            "Things that happened, as the sources mention them. Dates the sources leave out "
            "come from outside references, marked as such.",
        )
        for event in views.events.values():
            claims = views.claims_by_event.get(event.id, [])
            self.add(
                Page(
                    url=event.url,
                    template="event.md.j2",
                    title=event.title,
                    description=f"{event.title}"
                    f"{' (' + event.date.display + ')' if event.date else ''}: "
                    f"{event.kind_label.lower()}; {len(claims)} claims refer to it.",
                    data_file=event.data_file,
                    context={
                        "e": event,
                        "related": self.capped(claims),
                        "related_total": len(claims),
                        "claims": views.claims,
                    },
                )
            )

    def sources(self) -> None:
        views = self.views
        by_kind: dict[str, list[SourceRow]] = defaultdict(list)
        for source in self.dataset.sources.values():
            by_kind[source.kind].append(
                SourceRow(
                    seg=views.source_seg(source.id),
                    kind_label=source.kind.label,
                    publisher=source.publisher,
                    date=views.date(source.published) if source.published else None,
                    claims=len(views.claims_by_source.get(source.id, [])),
                    quoted=source.text is not None,
                )
            )
        groups = [
            (kind, term.label, by_kind[kind])
            for kind, term in ((t, t) for t in vocab.SourceKind)
            if by_kind.get(kind)
        ]
        self.grouped_index(
            "sources/",
            "Sources",
            f"{len(self.dataset.sources):,} sources: the documents claims are quoted from, and "
            "the outside references that pin dates.",
            groups,
            "sources-by-kind/",
            "source",
            "Primary sources are quoted, and each quote is checked against their stored text; "
            "outside references pin dates the primary sources leave out.",
        )
        for source in self.dataset.sources.values():
            self.source_page(source.id)

    def source_page(self, source_id: str) -> None:
        views = self.views
        source = self.dataset.sources[source_id]
        claims = views.claims_by_source.get(source_id, [])
        events = [views.events[e] for e in views.events_by_source.get(source_id, [])]
        paragraphs = self.dataset.paragraphs.get(source_id)
        cited = views.quotes_by_paragraph.get(source_id, {})
        dated_by = views.claims_dated_by.get(source_id, [])
        origin = self.dataset.origins[("sources", source_id)]
        kind_label = source.kind.label
        self.add(
            Page(
                url=record_url("sources", source_id),
                template="source.md.j2",
                title=source.title,
                description=f"{source.title}: {kind_label.lower()}"
                f"{' by ' + source.author if source.author else ''}"
                f"{', ' + source.publisher if source.publisher else ''}; "
                f"{len(claims)} claims quote it.",
                data_file=origin.path,
                context={
                    "source": source,
                    "kind_label": kind_label,
                    "published": views.date(source.published) if source.published else None,
                    "paragraph_count": len(paragraphs) if paragraphs else 0,
                    "cited": sorted(cited.items()),
                    "related": self.capped(claims),
                    "related_total": len(claims),
                    "dated": self.capped(dated_by),
                    "events": events[:SECTION_LIMIT],
                    "claims": views.claims,
                    "data_line": origin.line,
                },
            )
        )

    def health(self) -> None:
        dataset = self.dataset
        stats = dataset.stats
        views = self.views
        coverage = []
        for source_id, paragraphs in dataset.paragraphs.items():
            cited = views.claim_paragraphs.get(source_id, set())
            coverage.append(
                {
                    "seg": views.source_seg(source_id),
                    "paragraphs": len(paragraphs),
                    "cited": sorted(cited),
                    "uncited": [n for n in range(1, len(paragraphs) + 1) if n not in cited],
                }
            )
        statuses: dict[str, int] = defaultdict(int)
        for view in views.claims.values():
            statuses[view.status] += 1
        bases: dict[str, int] = defaultdict(int)
        for view in views.claims.values():
            bases[view.asserted.basis] += 1
        for event in views.events.values():
            if event.date:
                bases[event.date.basis] += 1
        self.add(
            Page(
                url="health/",
                template="health.md.j2",
                title="Data health",
                description=f"What this build checked: {stats.quotes_verified:,} quotes "
                f"verified against their sources, {stats.references_resolved:,} references "
                "resolved.",
                context={
                    "stats": stats,
                    "coverage": coverage,
                    "statuses": [(k.label, statuses[k]) for k in vocab.Status if statuses[k]],
                    "bases": [(k.label, bases[k]) for k in vocab.Basis if bases[k]],
                    "info": dataset.info,
                    "pages": len(self.pages) + 1,
                },
            )
        )


def actor_title(actor: Actor) -> str:
    """An actor page's title, with its acronym when it has one ("... Province (IS-KP)"), so
    a search for the acronym ranks the page first (search weighs titles most)."""
    short = actor.short_name
    if short and " " not in short and short.lower() not in actor.name.lower():
        return f"{actor.name} ({short})"
    return actor.name


def is_large(dataset: Dataset) -> bool:
    """Whether listings split into pages and repeated text leaves the search index."""
    return len(dataset.claims) > PAGE_LIMIT


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


def _by_month(entries: Iterable[TimelineEntry]) -> tuple[dict[str, Any], ...]:
    """Timeline entries grouped by the year and month they start in.

    Entries with an open start ("up to 5 October 2024") come first, in a group of their
    own: when they began is unknown, so no month can claim them.
    """
    groups: dict[tuple[int, int], list[TimelineEntry]] = {}
    for entry in entries:
        assert entry.date is not None
        start = entry.date.value.start
        key = (start.first.year, start.first.month) if start else (0, 0)
        groups.setdefault(key, []).append(entry)
    return tuple(
        {
            "year": year if year else "Ongoing",
            "month": month,
            "label": f"{MONTHS[month - 1]} {year}" if year else "Over a period, no start given",
            "anchor": f"{year}-{month:02d}" if year else "ongoing",
            "entries": tuple(items),
        }
        for (year, month), items in groups.items()
    )


def plan_pages(
    dataset: Dataset, site: SiteInfo, downloads: Mapping[str, bytes] | None = None
) -> list[Page]:
    """Every page of the site, in URL order (with the downloads page when there are any)."""
    return Planner(dataset, site, downloads).plan()
