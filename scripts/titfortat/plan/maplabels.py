"""Where the map's words go: country names and place labels, placed when the site is built so
that none overlaps another, a marker or a country's name, and the SVG needs no script.

Everything here is in view units (the map is 1000 wide). A label's width is the sum of its
characters' advance widths in Helvetica and Arial (Liberation Sans has the same), and the
template gives every label that width as its ``textLength``: a browser drawing it in another
font stretches or squeezes the text to it, so the box placed here is the box drawn. Heights
are taken from the tallest line boxes of the fonts a reader's system may use.

Place labels, greedily and in a fixed order (so the same data always gives the same map):

1. every place's name beside its marker, in the first of eight positions around it (right,
   above right, below right, left, ...) that is free;
2. the names that found no room, farther out with a leader line back to the marker, at the
   free spot along sixteen directions with the shortest line and the name most nearly
   centred on its marker;
3. the places still without a label, a number instead, beside the marker or on a leader, and
   the key under the map gives each number's name;
4. a place with no room even for a number keeps its marker alone (the list after the map
   names every place).
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

ASCENT = 0.96
DESCENT = 0.26
"""Of the font size: a text's box reaches this far above and below its baseline. Liberation
Sans needs 0.905 and 0.212, DejaVu Sans and Roboto 0.928 and 0.244; this holds them all."""
COUNTRY_SPACING = 0.08
"""Letter spacing of country names, in em (the stylesheet's ``letter-spacing``)."""

_REGULAR = (
    "278 278 355 557 557 890 667 191 334 334 390 584 278 334 278 278 557 557 557 557 557 557 "
    "557 557 557 557 278 278 584 584 584 557 1016 667 667 723 723 667 611 778 723 278 500 667 "
    "557 834 723 778 667 778 723 667 611 723 667 944 667 667 611 278 278 278 470 557 334 557 "
    "557 500 557 557 278 557 557 223 223 500 223 834 557 557 557 557 334 500 278 557 500 723 "
    "500 500 500 334 260 334 584"
)
_BOLD = (
    "278 334 475 557 557 890 723 238 334 334 390 584 278 334 278 278 557 557 557 557 557 557 "
    "557 557 557 557 334 334 584 584 584 611 976 723 723 723 723 667 611 778 723 278 557 723 "
    "611 834 723 778 667 778 723 667 611 723 667 944 667 667 611 334 278 334 584 557 334 557 "
    "611 557 611 557 334 611 611 278 278 557 278 890 611 611 611 611 390 557 334 611 557 778 "
    "557 557 500 390 280 390 584"
)
"""Advance widths in thousandths of an em of the printable ASCII characters, space to tilde:
Liberation Sans regular and bold, as Chromium measures them (Helvetica's and Arial's)."""
_WIDTHS = {
    False: {chr(32 + i): int(w) / 1000 for i, w in enumerate(_REGULAR.split())},
    True: {chr(32 + i): int(w) / 1000 for i, w in enumerate(_BOLD.split())},
}
_OTHER = {"\u2013": 0.556, "\u2014": 1.0, "\u2018": 0.278, "\u2019": 0.278, "\u00a0": 0.278}
_UNKNOWN = 1.0
"""A character neither table knows (nor its letter without accents): an em, the widest."""


def text_width(text: str, size: float, *, bold: bool, spacing: float = 0.0) -> float:
    """The advance width of ``text`` at ``size``, with ``spacing`` em after each character
    (as browsers add ``letter-spacing``, after the last one too)."""
    widths = _WIDTHS[bold]
    total = 0.0
    for char in text:
        width = widths.get(char) or _OTHER.get(char)
        if width is None:
            base = unicodedata.normalize("NFKD", char)[:1]
            width = widths.get(base, _UNKNOWN)
        total += width + spacing
    return total * size


# --- geometry ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle, y down."""

    x1: float
    y1: float
    x2: float
    y2: float

    @property
    def width(self) -> float:
        return self.x2 - self.x1

    @property
    def height(self) -> float:
        return self.y2 - self.y1

    def grown(self, by: float) -> Box:
        return Box(self.x1 - by, self.y1 - by, self.x2 + by, self.y2 + by)

    def overlaps(self, other: Box) -> bool:
        return (
            self.x1 < other.x2 and other.x1 < self.x2 and self.y1 < other.y2 and other.y1 < self.y2
        )

    def within(self, other: Box) -> bool:
        return (
            other.x1 <= self.x1
            and self.x2 <= other.x2
            and other.y1 <= self.y1
            and self.y2 <= other.y2
        )

    def nearest(self, x: float, y: float) -> tuple[float, float]:
        """The point of the box nearest to (x, y)."""
        return min(max(x, self.x1), self.x2), min(max(y, self.y1), self.y2)


@dataclass(frozen=True)
class Circle:
    x: float
    y: float
    r: float

    def hits_box(self, box: Box) -> bool:
        nx, ny = box.nearest(self.x, self.y)
        return (nx - self.x) ** 2 + (ny - self.y) ** 2 < self.r**2

    def hits_segment(self, segment: Segment) -> bool:
        return segment.distance_to(self.x, self.y) < self.r


@dataclass(frozen=True)
class Segment:
    x1: float
    y1: float
    x2: float
    y2: float

    @property
    def bounds(self) -> Box:
        return Box(
            min(self.x1, self.x2),
            min(self.y1, self.y2),
            max(self.x1, self.x2),
            max(self.y1, self.y2),
        )

    def distance_to(self, x: float, y: float) -> float:
        dx, dy = self.x2 - self.x1, self.y2 - self.y1
        length = dx * dx + dy * dy
        t = (
            0.0
            if length == 0
            else max(0.0, min(1.0, ((x - self.x1) * dx + (y - self.y1) * dy) / length))
        )
        return math.hypot(self.x1 + t * dx - x, self.y1 + t * dy - y)

    def hits_box(self, box: Box) -> bool:
        """Whether the segment passes through the box (Liang-Barsky)."""
        dx, dy = self.x2 - self.x1, self.y2 - self.y1
        low, high = 0.0, 1.0
        for p, q in (
            (-dx, self.x1 - box.x1),
            (dx, box.x2 - self.x1),
            (-dy, self.y1 - box.y1),
            (dy, box.y2 - self.y1),
        ):
            if p == 0:
                if q < 0:
                    return False
                continue
            r = q / p
            if p < 0:
                low = max(low, r)
            else:
                high = min(high, r)
            if low > high:
                return False
        return True

    def crosses(self, other: Segment, clearance: float) -> bool:
        """Whether two segments meet or pass within ``clearance`` of each other."""
        if _intersect(self, other):
            return True
        return (
            min(
                self.distance_to(other.x1, other.y1),
                self.distance_to(other.x2, other.y2),
                other.distance_to(self.x1, self.y1),
                other.distance_to(self.x2, self.y2),
            )
            < clearance
        )


def _intersect(a: Segment, b: Segment) -> bool:
    def side(ax: float, ay: float, bx: float, by: float, cx: float, cy: float) -> float:
        return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)

    d1 = side(b.x1, b.y1, b.x2, b.y2, a.x1, a.y1)
    d2 = side(b.x1, b.y1, b.x2, b.y2, a.x2, a.y2)
    d3 = side(a.x1, a.y1, a.x2, a.y2, b.x1, b.y1)
    d4 = side(a.x1, a.y1, a.x2, a.y2, b.x2, b.y2)
    return (d1 > 0) != (d2 > 0) and (d3 > 0) != (d4 > 0)


Shape = Box | Circle | Segment

_CELL = 64.0


@dataclass
class _Index:
    """What is already on the map, in a grid of cells, so that a candidate is tested only
    against what is near it."""

    cells: dict[tuple[int, int], list[tuple[str, Shape]]] = field(default_factory=dict)

    def add(self, owner: str, shape: Shape) -> None:
        for cell in _cells(shape if isinstance(shape, Box) else _bounds(shape)):
            self.cells.setdefault(cell, []).append((owner, shape))

    def near(self, area: Box) -> Iterator[tuple[str, Shape]]:
        """What is in the cells the area touches (a shape in several cells, once for each:
        the questions asked of them are yes or no)."""
        cells = self.cells
        for cell in _cells(area):
            yield from cells.get(cell, ())


def _bounds(shape: Circle | Segment) -> Box:
    if isinstance(shape, Circle):
        return Box(shape.x - shape.r, shape.y - shape.r, shape.x + shape.r, shape.y + shape.r)
    return shape.bounds


def _cells(box: Box) -> Iterable[tuple[int, int]]:
    for i in range(math.floor(box.x1 / _CELL), math.floor(box.x2 / _CELL) + 1):
        for j in range(math.floor(box.y1 / _CELL), math.floor(box.y2 / _CELL) + 1):
            yield i, j


# --- country names -------------------------------------------------------------------------


@dataclass(frozen=True)
class Region:
    """A country in view, as the names need it."""

    name: str
    focus: bool
    label: tuple[float, float]
    """Where its name would best go: the centre of the largest circle inside it."""
    rings: tuple[tuple[tuple[float, float], ...], ...]


@dataclass(frozen=True)
class CountryName:
    """A country's name as drawn: centred on ``x``, baseline at ``y``."""

    text: str
    x: float
    y: float
    length: float
    focus: bool
    box: Box


COUNTRY_SIZE = 34.0
FOCUS_SIZE = 40.0
_SEARCH = 260
_STEP = 8
_OFFSETS = sorted(
    (
        (dx, dy)
        for dx in range(-_SEARCH, _SEARCH + 1, _STEP)
        for dy in range(-_SEARCH, _SEARCH + 1, _STEP)
    ),
    key=lambda d: (d[0] ** 2 + d[1] ** 2, d[1], d[0]),
)
"""Where to try a country's name, relative to its best point: nearest first."""
_ROOMY, _TIGHT = 44.0, 10.0
"""Clearance between a country's name and a marker: first as much as this, then this."""


def place_country_names(
    regions: Sequence[Region], markers: Sequence[Circle], bounds: Box
) -> list[CountryName]:
    """Each country's name inside the country, as near its best point as it fits clear of
    every marker (and of the names before it); a name that fits nowhere is left out. The
    countries of the dispute first."""
    placed: list[CountryName] = []
    index = _Index()
    for marker in markers:
        index.add("", marker)
    for region in sorted(regions, key=lambda r: (not r.focus, r.name)):
        text = region.name.upper()
        size = FOCUS_SIZE if region.focus else COUNTRY_SIZE
        length = text_width(text, size, bold=region.focus, spacing=COUNTRY_SPACING)
        height = (ASCENT + DESCENT) * size
        found = None
        for clearance in (_ROOMY, _TIGHT):
            for dx, dy in _OFFSETS:
                cx, cy = region.label[0] + dx, region.label[1] + dy
                box = Box(cx - length / 2, cy - height / 2, cx + length / 2, cy + height / 2)
                if not box.within(bounds):
                    continue
                if any(
                    isinstance(m, Circle) and Circle(m.x, m.y, m.r + clearance).hits_box(box)
                    for _, m in index.near(box.grown(clearance))
                ):
                    continue
                if any(box.overlaps(other.box.grown(_TIGHT)) for other in placed):
                    continue
                if _box_inside(box, region.rings):
                    found = box
                    break
            if found is not None:
                break
        if found is None:
            continue
        baseline = found.y1 + ASCENT * size
        placed.append(
            CountryName(text, (found.x1 + found.x2) / 2, baseline, length, region.focus, found)
        )
    return sorted(placed, key=lambda name: name.text)


def _box_inside(box: Box, rings: Sequence[Sequence[tuple[float, float]]]) -> bool:
    """Whether a box lies inside a shape (even-odd over its rings): points along its edges
    inside, and no corner of the shape inside the box."""
    corners = ((box.x1, box.y1), (box.x2, box.y1), (box.x1, box.y2), (box.x2, box.y2))
    if not all(_inside(rings, x, y) for x, y in corners):
        return False
    for ring in rings:
        for x, y in ring:
            if box.x1 < x < box.x2 and box.y1 < y < box.y2:
                return False
    columns = max(2, math.ceil(box.width / 12))
    rows = max(2, math.ceil(box.height / 12))
    points = [
        (box.x1 + box.width * i / columns, y) for i in range(columns + 1) for y in (box.y1, box.y2)
    ] + [(x, box.y1 + box.height * j / rows) for j in range(1, rows) for x in (box.x1, box.x2)]
    return all(_inside(rings, x, y) for x, y in points)


def _inside(rings: Sequence[Sequence[tuple[float, float]]], x: float, y: float) -> bool:
    inside = False
    for ring in rings:
        previous = ring[-1]
        for current in ring:
            (x1, y1), (x2, y2) = previous, current
            if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
                inside = not inside
            previous = current
    return inside


# --- place labels --------------------------------------------------------------------------


@dataclass(frozen=True)
class Site:
    """A marker to label: where it is and what it is called."""

    key: str
    name: str
    x: float
    y: float


@dataclass(frozen=True)
class Label:
    """A place's label as drawn: its text starting at ``x`` on the baseline ``y``, ``length``
    long; a number when its name found no room (the key names it)."""

    text: str
    x: float
    y: float
    length: float
    box: Box
    """The room the label holds (for a number, room for the most digits any may need)."""
    number: bool = False
    leader: Segment | None = None
    """From the marker's edge to the label, when the label stands away from its marker."""


@dataclass(frozen=True)
class Style:
    """The sizes a map draws with, in view units."""

    size: float
    """Labels' font size."""
    marker: float
    """The largest marker's radius, its outline included."""
    gap: float = 6.0
    """Between a marker's edge and its own label (more than ``pad``)."""
    pad: float = 5.0
    """Between a label and anything else."""
    edge: float = 4.0
    """Between a label and the map's edge."""
    leader_gap: float = 3.0
    """Between a leader line's end and its label."""


@dataclass(frozen=True)
class Layout:
    """Every site's label (None: no room even for a number)."""

    labels: dict[str, Label | None]
    numbered: tuple[str, ...]
    """The sites labelled with a number, in the number's order (1 first)."""


_BESIDE = (
    (1.0, 0.0),
    (0.7071, -0.7071),
    (0.7071, 0.7071),
    (-1.0, 0.0),
    (-0.7071, -0.7071),
    (-0.7071, 0.7071),
    (0.0, -1.0),
    (0.0, 1.0),
)
"""Directions from a marker to try for its label: right, above right, below right, left,
above left, below left, above, below."""
_DIRECTIONS = tuple(
    (round(math.cos(math.radians(a)), 4), round(math.sin(math.radians(a)), 4))
    for a in (0, 180, -30, -150, 30, 150, -60, -120, 60, 120, -90, 90, -45, -135, 45, 135)
)
"""Directions for a label on a leader line, in the order tried."""
AMBIGUITY = 2.0
"""A label beside its marker is at least this many times nearer to it than to any other."""
_REACHES = (45.0, 80.0, 120.0, 170.0, 230.0, 300.0)
_FARTHER = (380.0, 470.0, 580.0)
"""For the place whose page the map is on, when nothing nearer is free."""
CENTRING = 0.3
"""How much a leader's label is held to its marker's side: its score is the line's length
plus this much of the distance from the marker to the label's middle."""
"""How far past the marker's edge a label on a leader may stand, nearest first."""


class _Placer:
    def __init__(
        self, sites: Sequence[Site], fixed: Sequence[Box], bounds: Box, style: Style
    ) -> None:
        self.sites = {site.key: site for site in sites}
        self.style = style
        self.bounds = bounds.grown(-style.edge)
        self.index = _Index()
        for site in sites:
            self.index.add(site.key, Circle(site.x, site.y, style.marker + style.pad))
        for box in fixed:
            self.index.add("", box.grown(style.pad))

    def add(self, key: str, label: Label) -> None:
        self.index.add(key, label.box.grown(self.style.pad))
        if label.leader is not None:
            self.index.add(key, label.leader)

    def free(
        self, key: str, box: Box, leader: Segment | None, *, over_markers: bool = False
    ) -> bool:
        """Whether a label's box (and leader) can go here: inside the map, clear of every
        marker, country name, label and leader line (the leader of its own marker and of
        those touching it, or of every marker with ``over_markers``)."""
        if not box.within(self.bounds):
            return False
        for _owner, shape in self.index.near(box):
            if isinstance(shape, Segment):
                if shape.hits_box(box.grown(self.style.pad)):
                    return False
            elif isinstance(shape, Circle):
                if shape.hits_box(box):
                    return False
            elif shape.overlaps(box):
                return False
        if leader is None:
            return self._unmistakable(key, box)
        for owner, shape in self.index.near(leader.bounds.grown(self.style.pad)):
            if isinstance(shape, Segment):
                if shape.crosses(leader, self.style.pad):
                    return False
            elif isinstance(shape, Circle):
                if (
                    not over_markers
                    and owner != key
                    and shape.hits_segment(leader)
                    and not self._touching(key, shape)
                ):
                    return False
            elif leader.hits_box(shape):
                return False
        return True

    def _touching(self, key: str, circle: Circle) -> bool:
        """Whether a marker touches this site's own (a leader line cannot but cross it)."""
        site = self.sites[key]
        return math.hypot(circle.x - site.x, circle.y - site.y) < 2 * self.style.marker

    def _unmistakable(self, key: str, box: Box) -> bool:
        """Whether a label with no leader line is plainly its own marker's: every other
        marker at least twice as far from it (a name midway between two dots names
        neither)."""
        site = self.sites[key]
        x, y = box.nearest(site.x, site.y)
        reach = AMBIGUITY * math.hypot(x - site.x, y - site.y)
        for other in self.index.near(box.grown(reach)):
            owner, shape = other
            if owner == key or not isinstance(shape, Circle):
                continue
            x, y = box.nearest(shape.x, shape.y)
            if math.hypot(x - shape.x, y - shape.y) < reach:
                return False
        return True

    def beside(self, site: Site, text: str, width: float, number: bool) -> Label | None:
        style = self.style
        height = (ASCENT + DESCENT) * style.size
        reach = style.marker + style.gap
        for dx, dy in _BESIDE:
            box = _box_at(site.x + dx * reach, site.y + dy * reach, dx, dy, width, height)
            if self.free(site.key, box, None):
                return self._label(text, box, width, number, None)
        return None

    def on_leader(
        self, site: Site, text: str, width: float, number: bool, *, over_markers: bool = False
    ) -> Label | None:
        """The free spot on a leader line with the shortest line and the label most nearly
        centred on the marker (a long name above its marker rather than far to one side);
        ``over_markers``: farther, the line free to cross other markers."""
        style = self.style
        height = (ASCENT + DESCENT) * style.size
        best: tuple[float, Box, Segment] | None = None
        for reach in _REACHES + (_FARTHER if over_markers else ()):
            distance = style.marker + style.gap + reach
            if best is not None and distance > best[0]:
                break
            for dx, dy in _DIRECTIONS:
                box = _box_at(site.x + dx * distance, site.y + dy * distance, dx, dy, width, height)
                end_x, end_y = box.nearest(site.x, site.y)
                length = math.hypot(end_x - site.x, end_y - site.y)
                start = style.marker + 1
                if length <= start + style.leader_gap:
                    continue
                centre = math.hypot((box.x1 + box.x2) / 2 - site.x, (box.y1 + box.y2) / 2 - site.y)
                score = length + CENTRING * centre
                if best is not None and score >= best[0]:
                    continue
                ux, uy = (end_x - site.x) / length, (end_y - site.y) / length
                leader = Segment(
                    site.x + ux * start,
                    site.y + uy * start,
                    end_x - ux * style.leader_gap,
                    end_y - uy * style.leader_gap,
                )
                if self.free(site.key, box, leader, over_markers=over_markers):
                    best = (score, box, leader)
        if best is None:
            return None
        return self._label(text, best[1], width, number, best[2])

    def _label(
        self, text: str, box: Box, width: float, number: bool, leader: Segment | None
    ) -> Label:
        baseline = box.y1 + ASCENT * self.style.size
        return Label(text, box.x1, baseline, width, box, number, leader)


def _box_at(x: float, y: float, dx: float, dy: float, width: float, height: float) -> Box:
    """A label's box touching the point (x, y) from the direction (dx, dy): to its right
    when the direction points right, above it when it points up, centred across it when it
    points neither way."""
    left, top = _side_of(x, dx, width), _side_of(y, dy, height)
    return Box(left, top, left + width, top + height)


def _side_of(at: float, direction: float, size: float) -> float:
    """Where a span of ``size`` starts to touch ``at`` from ``direction`` along one axis."""
    if direction > 0.3:
        return at
    if direction < -0.3:
        return at - size
    return at - size / 2


def place_labels(sites: Sequence[Site], fixed: Sequence[Box], bounds: Box, style: Style) -> Layout:
    """Every site's label, the sites taken in the order given (the first has the first
    choice), the passes as the module says."""
    placer = _Placer(sites, fixed, bounds, style)
    labels: dict[str, Label | None] = {site.key: None for site in sites}
    widths = {site.key: text_width(site.name, style.size, bold=True) for site in sites}
    for site in sites:
        label = placer.beside(site, site.name, widths[site.key], number=False)
        if label is not None:
            labels[site.key] = label
            placer.add(site.key, label)
    for site in sites:
        if labels[site.key] is None:
            label = placer.on_leader(site, site.name, widths[site.key], number=False)
            if label is not None:
                labels[site.key] = label
                placer.add(site.key, label)
    _number(placer, sites, labels, digits=len(str(len(sites))))
    return _numbered(labels, placer.sites, style)


def _number(
    placer: _Placer, sites: Sequence[Site], labels: dict[str, Label | None], digits: int
) -> None:
    """A number for each of ``sites`` still without a label, where one fits, with room for
    ``digits`` digits (the numbers themselves are given once every one is placed, in
    reading order)."""
    room = text_width("0" * digits, placer.style.size, bold=True)
    for site in sites:
        if labels[site.key] is not None:
            continue
        label = (
            placer.beside(site, "", room, number=True)
            or placer.on_leader(site, "", room, number=True)
            # last: a longer line, free to cross other markers (never labels or names)
            or placer.on_leader(site, "", room, number=True, over_markers=True)
        )
        if label is not None:
            labels[site.key] = label
            placer.add(site.key, label)


def _numbered(labels: dict[str, Label | None], sites: dict[str, Site], style: Style) -> Layout:
    """Give the numbers out top to bottom, left to right, each centred in its room."""
    order = sorted(
        (key for key, label in labels.items() if label is not None and label.number),
        key=lambda key: (sites[key].y, sites[key].x, key),
    )
    result = dict(labels)
    for i, key in enumerate(order, start=1):
        label = labels[key]
        assert label is not None
        text = str(i)
        width = text_width(text, style.size, bold=True)
        x = label.box.x1 + (label.box.width - width) / 2
        result[key] = replace(label, text=text, x=x, length=width)
    return Layout(result, tuple(order))


def with_current(
    layout: Layout, key: str, sites: Sequence[Site], fixed: Sequence[Box], bounds: Box, style: Style
) -> Layout:
    """The layout of a map on one place's page, that place named if there is any room for
    it: among the labels as they are; else taking the room it needs, the labels in its way
    turned into numbers where they fit and left out where they do not; else on a longer
    leader line that may cross other markers. Where even that fails (markers everywhere),
    the layout as it was."""
    current = layout.labels.get(key)
    if current is not None and not current.number:
        return layout
    site = next(s for s in sites if s.key == key)
    width = text_width(site.name, style.size, bold=True)
    others = {k: v for k, v in layout.labels.items() if k != key}
    placer = _Placer(sites, fixed, bounds, style)
    for owner, other in others.items():
        if other is not None:
            placer.add(owner, other)
    label = placer.beside(site, site.name, width, number=False) or placer.on_leader(
        site, site.name, width, number=False
    )
    if label is not None:
        return _numbered({**others, key: label}, placer.sites, style)
    alone = _Placer(sites, fixed, bounds, style)
    label = (
        alone.beside(site, site.name, width, number=False)
        or alone.on_leader(site, site.name, width, number=False)
        or alone.on_leader(site, site.name, width, number=False, over_markers=True)
    )
    if label is None:
        return layout
    placer = _Placer(sites, fixed, bounds, style)
    placer.add(key, label)
    labels: dict[str, Label | None] = {key: label}
    displaced: list[Site] = []
    for other_site in sites:
        other = others.get(other_site.key)
        if other_site.key == key:
            continue
        if other is not None and placer.free(other_site.key, other.box, other.leader):
            labels[other_site.key] = other
            placer.add(other_site.key, other)
        else:
            labels[other_site.key] = None
            if other is not None:
                displaced.append(other_site)
    _number(placer, displaced, labels, digits=len(str(len(sites))))
    return _numbered(labels, placer.sites, style)
