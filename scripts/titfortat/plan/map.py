"""The map of where: the places the claims name, on Afghanistan, Pakistan and their neighbours.

The boundaries are one shared drawing (:mod:`titfortat.plan.basemap`, written once as
``places/basemap.svg`` and referenced by every map with ``<use>``, so a reader's browser
fetches it once); each map inlines only its country names, markers and labels, the markers
and labels being links to the place pages. Where every word goes is worked out here, when
the site is built (:mod:`titfortat.plan.maplabels`): no label overlaps another, a marker or a
country's name, a name with no room beside its marker stands away from it on a leader line,
and a place with no room for its name at all gets a number that the key under the map names.
A map's text equivalent lists the same places by country. Only numbers and names here;
templates/map.j2 draws it, with no script.
"""

from __future__ import annotations

import re
import weakref
from collections import defaultdict
from dataclasses import dataclass

from titfortat.model import vocab
from titfortat.plan import basemap, urls
from titfortat.plan.maplabels import (
    Box,
    Circle,
    CountryName,
    Label,
    Layout,
    Region,
    Site,
    Style,
    place_country_names,
    place_labels,
    with_current,
)
from titfortat.plan.views import Seg, Views

FOCUS = ("004", "586")
"""The countries the dispute is about (ISO numeric): Afghanistan and Pakistan, drawn apart
from their neighbours."""

LABEL_SIZE = {"large": 34.0, "small": 36.0}
"""Font size of place labels, in view units (the view is 1000 wide): at least 12 px where
each map is drawn narrowest, the large one 380 px wide on a 412 px phone, the small ones
360 px (the stylesheet's max-width)."""
MARKER_RADIUS = {"large": 10, "small": 16}
CURRENT_RADIUS = {"large": 15, "small": 24}
"""The marker of the place whose page the map is on, larger."""
OUTLINE = 3
"""Half the widest outline a marker is drawn with (when focused), in view units."""
MIN_COUNTRY_ROOM = 60
"""Countries whose largest inscribed circle is smaller than this (view units) get no name."""


@dataclass(frozen=True)
class MarkerLabel:
    """A marker's label as drawn: text starting at (x, y) on its baseline, ``length`` long
    (its ``textLength``), and a leader line back to the marker when it stands away."""

    text: str
    x: float
    y: float
    length: float
    number: bool
    leader: tuple[float, float, float, float] | None


@dataclass(frozen=True)
class Marker:
    """A place on the map."""

    place_id: str
    name: str
    href: str
    x: float
    y: float
    r: int
    kind: str
    """The place kind: cities are dots, provinces and districts rings."""
    label: MarkerLabel | None
    """None: no room even for a number (the list after the map names it)."""
    current: bool = False
    """The place whose page the map is on."""


@dataclass(frozen=True)
class CountryLabel:
    """A country's name, centred on (x, y), ``length`` long."""

    name: str
    x: float
    y: float
    length: float
    focus: bool


@dataclass(frozen=True)
class PlaceEntry:
    """A place in the map's text equivalent."""

    seg: Seg
    kind_label: str
    claims: int
    on_map: bool


@dataclass(frozen=True)
class MapView:
    """One map: where it is drawn, what is on it, and the same facts as text."""

    width: int
    height: int
    view_box: str
    basemap_href: str
    markers: tuple[Marker, ...]
    countries: tuple[CountryLabel, ...]
    by_country: tuple[tuple[str, tuple[PlaceEntry, ...]], ...]
    """The text equivalent: places grouped by country, in data order."""
    size: str
    """"large" (the places page) or "small" (the home page, a place page)."""
    key: tuple[tuple[str, str], ...] = ()
    """(number, name) of each place labelled with a number, in order."""
    unlabelled: int = 0
    """Markers with no label at all (no room even for a number)."""
    outline: str | None = None
    """On a country's page: the id of its outline in the shared drawing, drawn shaded."""
    outline_name: str | None = None
    """That country's name, for the map's description."""


def outline_id(country_id: str) -> str:
    """The id of a focus country's outline in the shared drawing ("country-004")."""
    return f"country-{country_id}"


def _outline(views: Views, place_id: str | None) -> str | None:
    """The outline that stands for a country place on the map: a focus country whose Natural
    Earth short name is the place's name (countries are shapes, not markers)."""
    if place_id is None:
        return None
    place = views.dataset.places[place_id]
    if place.kind is not vocab.PlaceKind.COUNTRY:
        return None
    for country in basemap.COUNTRIES:
        if country.id in FOCUS and country.name == place.name:
            return outline_id(country.id)
    return None


_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def _rings(d: str) -> tuple[tuple[tuple[float, float], ...], ...]:
    """The rings of a country's path data (absolute ``M x y L x y ... Z``)."""
    rings = []
    for part in d.split("Z"):
        values = [float(v) for v in _NUMBER.findall(part)]
        if len(values) >= 6:
            rings.append(tuple(zip(values[::2], values[1::2], strict=True)))
    return tuple(rings)


@dataclass(frozen=True)
class _Drawn:
    """What every map of one size shares: the places in view, in the order they choose
    their labels' room, the countries' names, and the labels with no place highlighted."""

    sites: tuple[Site, ...]
    names: tuple[CountryName, ...]
    layout: Layout
    style: Style
    markers: dict[str, Marker]
    """Each place's marker with its label as ``layout`` has it, none the current place."""
    by_country: tuple[tuple[str, tuple[PlaceEntry, ...]], ...]


_DRAWN: dict[tuple[int, str, bool], tuple[weakref.ref[Views], _Drawn]] = {}
"""Per Views (by identity, while it lives), size and marker size: a build draws a small map
on every place's page, and all of them share one layout but for the place highlighted."""


def _drawn(views: Views, size: str, large_markers: bool) -> _Drawn:
    key = (id(views), size, large_markers)
    cached = _DRAWN.get(key)
    if cached is not None and cached[0]() is views:
        return cached[1]
    for stale in [k for k, (ref, _) in _DRAWN.items() if ref() is None]:
        del _DRAWN[stale]
    drawn = _draw(views, size, large_markers)
    _DRAWN[key] = (weakref.ref(views), drawn)
    return drawn


def _draw(views: Views, size: str, large_markers: bool) -> _Drawn:
    dataset = views.dataset
    order = {kind: i for i, kind in enumerate(vocab.PlaceKind)}
    sites: list[tuple[tuple[int, int, str], Site]] = []
    for place in dataset.places.values():
        if place.coordinates is None or place.kind is vocab.PlaceKind.COUNTRY:
            continue
        lat, lon = place.coordinates.latitude, place.coordinates.longitude
        if not basemap.in_view(lat, lon):
            continue
        x, y = basemap.project(lat, lon)
        claims = len(views.at_place.get(place.id, []))
        # The places named most choose first; then broad places, so cities find room too.
        rank = (-claims, order[place.kind], place.id)
        sites.append((rank, Site(place.id, place.name, round(x, 1), round(y, 1))))
    ordered = tuple(site for _, site in sorted(sites, key=lambda item: item[0]))
    radius = (CURRENT_RADIUS if large_markers else MARKER_RADIUS)[size] + OUTLINE
    style = Style(size=LABEL_SIZE[size], marker=radius)
    regions = [
        Region(c.name, c.id in FOCUS, c.label, _rings(c.d))
        for c in basemap.COUNTRIES
        if c.label_room >= MIN_COUNTRY_ROOM
    ]
    circles = [Circle(s.x, s.y, radius) for s in ordered]
    names = tuple(place_country_names(regions, circles, _BOUNDS))
    layout = place_labels(ordered, [n.box for n in names], _BOUNDS, style)
    markers = {site.key: _marker(views, site, size, layout.labels[site.key]) for site in ordered}
    return _Drawn(ordered, names, layout, style, markers, _by_country(views, set(markers)))


_BOUNDS = Box(0, 0, basemap.VIEW_WIDTH, basemap.VIEW_HEIGHT)


def _marker(
    views: Views, site: Site, size: str, label: Label | None, *, current: bool = False
) -> Marker:
    place = views.dataset.places[site.key]
    return Marker(
        place_id=site.key,
        name=place.name,
        href=urls.record_url("places", site.key),
        x=site.x,
        y=site.y,
        r=(CURRENT_RADIUS if current else MARKER_RADIUS)[size],
        kind=place.kind.value,
        label=_marker_label(label),
        current=current,
    )


def _by_country(views: Views, on_map: set[str]) -> tuple[tuple[str, tuple[PlaceEntry, ...]], ...]:
    """The text equivalent: every place, grouped by country, in data order."""
    dataset = views.dataset
    groups: dict[str, list[PlaceEntry]] = defaultdict(list)
    for place in dataset.places.values():
        chain = views.place_chain(place.id)
        country = dataset.places[chain[0]]
        heading = country.name if country.kind is vocab.PlaceKind.COUNTRY else "Elsewhere"
        groups[heading].append(
            PlaceEntry(
                seg=views.place_seg(place.id),
                kind_label=place.kind.label,
                claims=len(views.at_place.get(place.id, [])),
                on_map=place.id in on_map or place.kind is vocab.PlaceKind.COUNTRY,
            )
        )
    return tuple((name, tuple(entries)) for name, entries in groups.items())


def _marker_label(label: Label | None) -> MarkerLabel | None:
    if label is None:
        return None
    leader = label.leader
    return MarkerLabel(
        text=label.text,
        x=round(label.x, 1),
        y=round(label.y, 1),
        length=round(label.length, 1),
        number=label.number,
        leader=(
            None
            if leader is None
            else (
                round(leader.x1, 1),
                round(leader.y1, 1),
                round(leader.x2, 1),
                round(leader.y2, 1),
            )
        ),
    )


def build_map(views: Views, *, current: str | None = None, size: str = "large") -> MapView:
    """The map of every place with coordinates in view; ``current`` is highlighted (a
    country by shading its outline, when it is Afghanistan or Pakistan) and named."""
    dataset = views.dataset
    # Small maps are drawn on place pages, so their markers leave room for the larger one.
    drawn = _drawn(views, size, size == "small" or current is not None)
    layout = drawn.layout
    if current is not None and current in layout.labels:
        fixed = [n.box for n in drawn.names]
        layout = with_current(layout, current, drawn.sites, fixed, _BOUNDS, drawn.style)
    sites = {site.key: site for site in drawn.sites}
    markers = tuple(
        drawn.markers[place_id]
        if place_id != current and layout.labels[place_id] is drawn.layout.labels[place_id]
        else _marker(
            views, sites[place_id], size, layout.labels[place_id], current=place_id == current
        )
        for place_id in dataset.places  # drawn in data order, whatever order placed them
        if place_id in sites
    )
    countries = tuple(
        CountryLabel(n.text, round(n.x, 1), round(n.y, 1), round(n.length, 1), n.focus)
        for n in drawn.names
    )
    key = tuple(
        (label.text, dataset.places[place_id].name)
        for place_id in layout.numbered
        if (label := layout.labels[place_id]) is not None
    )
    outline = _outline(views, current)
    return MapView(
        width=basemap.VIEW_WIDTH,
        height=basemap.VIEW_HEIGHT,
        view_box=basemap.VIEW_BOX,
        basemap_href=urls.BASEMAP,
        markers=markers,
        countries=countries,
        by_country=drawn.by_country,
        size=size,
        key=key,
        unlabelled=sum(1 for m in markers if m.label is None),
        outline=outline,
        outline_name=dataset.places[current].name if outline and current else None,
    )


@dataclass(frozen=True)
class Basemap:
    """The shared drawing: every country's outline, the Durand Line and the lines in
    Kashmir, each with an id the maps refer to."""

    view_box: str
    focus: tuple[tuple[str, str], ...]
    """(id, path data) of each focus country: a country's page refers to its outline."""
    others: tuple[str, ...]
    durand_line: str
    kashmir: str


def build_basemap() -> Basemap:
    """The boundaries, as templates/basemap.svg.j2 draws them."""
    return Basemap(
        view_box=basemap.VIEW_BOX,
        focus=tuple((outline_id(c.id), c.d) for c in basemap.COUNTRIES if c.id in FOCUS and c.id),
        others=tuple(c.d for c in basemap.COUNTRIES if c.id not in FOCUS),
        durand_line=basemap.DURAND_LINE,
        kashmir=basemap.KASHMIR_DISPUTED,
    )
