"""The map of where: the places the claims name, on Afghanistan, Pakistan and their neighbours.

The boundaries are one shared drawing (:mod:`titfortat.plan.basemap`, written once as
``places/basemap.svg`` and referenced by every map with ``<use>``, so a reader's browser
fetches it once); each map inlines only its markers and labels, which are links to the place
pages. A map's text equivalent lists the same places by country. Only numbers and names
here; templates/map.j2 draws it, with no script.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from titfortat.model import vocab
from titfortat.plan import basemap, urls
from titfortat.plan.views import Seg, Views

FOCUS = ("004", "586")
"""The countries the dispute is about (ISO numeric): Afghanistan and Pakistan, drawn apart
from their neighbours."""

LABEL_SIZE = 30
"""Font size of place names, in view units (the view is 1000 wide)."""
CHAR_WIDTH = 0.55 * LABEL_SIZE
"""A rough width of one character, for keeping labels apart."""


@dataclass(frozen=True)
class Marker:
    """A place on the map."""

    place_id: str
    name: str
    href: str
    x: float
    y: float
    kind: str
    """The place kind: cities are dots, provinces and districts rings."""
    label_x: float
    label_y: float
    anchor: str
    """The label's text-anchor: "start" (right of the marker) or "end" (left)."""
    current: bool = False
    """The place whose page the map is on."""


@dataclass(frozen=True)
class CountryLabel:
    """A country's name, where it fits."""

    name: str
    x: float
    y: float
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
    labels: bool
    """Whether every marker is labelled (small maps label only the current place)."""
    outline: str | None = None
    """On a country's page: the id of its outline in the shared drawing, drawn shaded."""
    outline_name: str | None = None
    """That country's name, for the map's description."""


@dataclass(frozen=True)
class _Box:
    x1: float
    y1: float
    x2: float
    y2: float

    def overlaps(self, other: _Box) -> bool:
        return not (
            self.x2 < other.x1 or other.x2 < self.x1 or self.y2 < other.y1 or other.y2 < self.y1
        )


def _place_labels(
    points: list[tuple[str, float, float, str]],
) -> dict[str, tuple[float, float, str]]:
    """Labels beside their markers, greedily: right, left, above right, below right...,
    the first spot that overlaps no label placed before (the largest places first)."""
    placed: list[_Box] = []
    result: dict[str, tuple[float, float, str]] = {}
    offsets = ((14, 10), (-14, 10), (14, -14), (14, 34), (-14, -14), (-14, 34))
    for key, x, y, name in points:
        width = CHAR_WIDTH * len(name)
        choice: tuple[float, float, str] | None = None
        for dx, dy in offsets:
            anchor = "start" if dx > 0 else "end"
            left = x + dx if dx > 0 else x + dx - width
            box = _Box(left, y + dy - LABEL_SIZE * 0.8, left + width, y + dy + LABEL_SIZE * 0.2)
            inside = box.x1 >= 0 and box.x2 <= basemap.VIEW_WIDTH and box.y1 >= 0
            if inside and not any(box.overlaps(other) for other in placed):
                choice = (x + dx, y + dy, anchor)
                placed.append(box)
                break
        if choice is None:
            choice = (x + 14, y + 10, "start")
        result[key] = choice
    return result


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


def build_map(views: Views, *, current: str | None = None, size: str = "large") -> MapView:
    """The map of every place with coordinates in view; ``current`` is highlighted (a
    country by shading its outline, when it is Afghanistan or Pakistan)."""
    dataset = views.dataset
    order = {kind: i for i, kind in enumerate(vocab.PlaceKind)}
    located: list[tuple[str, float, float]] = []
    for place in dataset.places.values():
        if place.coordinates is None or place.kind is vocab.PlaceKind.COUNTRY:
            continue
        lat, lon = place.coordinates.latitude, place.coordinates.longitude
        if basemap.in_view(lat, lon):
            x, y = basemap.project(lat, lon)
            located.append((place.id, round(x, 1), round(y, 1)))
    # Broad places first, so cities find room around them.
    located.sort(key=lambda item: order[dataset.places[item[0]].kind])
    labels = _place_labels([(p, x, y, dataset.places[p].name) for p, x, y in located])
    markers = tuple(
        Marker(
            place_id=place_id,
            name=dataset.places[place_id].name,
            href=urls.record_url("places", place_id),
            x=x,
            y=y,
            kind=dataset.places[place_id].kind.value,
            label_x=round(labels[place_id][0], 1),
            label_y=round(labels[place_id][1], 1),
            anchor=labels[place_id][2],
            current=place_id == current,
        )
        for place_id, x, y in located
    )
    countries = tuple(
        CountryLabel(c.name, c.label[0], c.label[1], c.id in FOCUS)
        for c in basemap.COUNTRIES
        if c.label_room >= 60
    )
    on_map = {m.place_id for m in markers}
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
    outline = _outline(views, current)
    return MapView(
        width=basemap.VIEW_WIDTH,
        height=basemap.VIEW_HEIGHT,
        view_box=basemap.VIEW_BOX,
        basemap_href=urls.BASEMAP,
        markers=markers,
        countries=countries,
        by_country=tuple((name, tuple(entries)) for name, entries in groups.items()),
        size=size,
        labels=size == "large",
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
