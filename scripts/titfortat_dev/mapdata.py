"""The map's boundaries: regenerate ``scripts/titfortat/plan/basemap.py`` from npm's world-atlas.

``python -m titfortat_dev.mapdata [--out PATH] [--tarball PATH]`` (``make map-data``)

The site draws its map of Afghanistan, Pakistan and their neighbours as SVG when it is built,
from data committed to this repository: no tiles, nothing fetched when the site is built or
read. This script makes that data, and is the only thing that needs the network (the npm
registry, through ``npm pack``):

1. ``npm pack world-atlas@2.0.2`` into a scratch folder (or ``--tarball``, a copy already at
   hand), and the tarball's sha512 checked against :data:`INTEGRITY`, the registry's
   ``dist.integrity`` for that version. world-atlas is ISC-licensed; its data is Natural
   Earth's, in the public domain. We read ``countries-50m.json``: Natural Earth 1:50m admin 0
   countries, as TopoJSON.
2. The topology decoded in plain Python: quantized, delta-encoded arcs, shared between the
   countries on either side of them.
3. Every arc of a country that reaches the view projected (:class:`Projection`, a Lambert
   conformal conic) and simplified on its own (Douglas–Peucker, :data:`TOLERANCE` view units,
   its two ends kept). A border shared by two countries is one arc, so both get the same
   points and their outlines still meet exactly.
4. Rings assembled from the arcs, clipped to the view's rectangle, rounded to 0.1 unit, and
   rings smaller than :data:`MIN_RING_AREA` dropped. A label point for each country: the pole
   of inaccessibility of its largest visible part.
5. The Afghanistan–Pakistan boundary (the Durand Line) taken as the arcs the two countries
   share, and the boundaries Natural Earth draws in Kashmir (India–Pakistan and India–China
   north of :data:`KASHMIR_SOUTH` and east of :data:`KASHMIR_WEST`, and every edge of its
   "Siachen Glacier" area) likewise, as open paths to draw over the countries.
6. The module written: data, a dataclass and the projection as a pure function, formatted the
   way ``ruff format`` would, the same bytes for the same input.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import heapq
import io
import itertools
import json
import math
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import textwrap
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[2]
OUT = PROJECT / "scripts" / "titfortat" / "plan" / "basemap.py"

PACKAGE = "world-atlas"
VERSION = "2.0.2"
INTEGRITY = (
    "sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/"
    "MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ=="
)
"""``npm view world-atlas@2.0.2 dist.integrity``: the tarball must hash to this."""
LICENSE = "ISC"
MEMBER = "package/countries-50m.json"
OBJECT = "countries"

WEST, EAST, SOUTH, NORTH = 58.0, 78.0, 23.0, 40.5
"""The view, nominally (degrees). The projected view is the rectangle through the middles of
this box's four sides, so its corners reach a little beyond it."""
CENTRAL_MERIDIAN = 68.0
ORIGIN_LATITUDE = 31.75
STANDARD_PARALLELS = (26.0, 37.5)
"""One sixth of the view's height in from its top and bottom, the usual rule for a conic."""
VIEW_WIDTH = 1000
TOLERANCE = 1.0
"""Douglas–Peucker tolerance, in view units (0.8 px on a map drawn 800 px wide)."""
MIN_RING_AREA = 3.0
"""Rings (islands, slivers cut off by the view's edge) smaller than this, in square units,
are dropped."""
LABEL_PRECISION = 0.5
KASHMIR_SOUTH = 32.3
KASHMIR_WEST = 73.0
CANDIDATES = (40.0, 10.0, 100.0, 55.0)
"""west, south, east, north: countries with a point in this box are projected and clipped."""
PACKAGE_TIMEOUT = 300

INDIA, PAKISTAN, CHINA, AFGHANISTAN = "356", "586", "156", "004"
SIACHEN = "Siachen Glacier"
"""Natural Earth's disputed area with no ISO code, between India, Pakistan and China."""

Point = tuple[float, float]
Ring = list[Point]


class MapDataError(Exception):
    """The package could not be had, or is not what was expected."""


# --- the package -----------------------------------------------------------------------------


def integrity_of(data: bytes) -> str:
    """The npm ``dist.integrity`` string of a tarball: ``sha512-`` and the base64 digest."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def npm_pack(folder: Path) -> Path:
    """Fetch the pinned tarball into ``folder`` with ``npm pack``; return its path."""
    npm = shutil.which("npm")
    if npm is None:
        raise MapDataError("npm was not found; install Node.js, or pass --tarball")
    done = subprocess.run(  # noqa: S603 - a fixed command, the package pinned
        [npm, "pack", f"{PACKAGE}@{VERSION}", "--json", "--pack-destination", str(folder)],
        capture_output=True,
        text=True,
        check=False,
        timeout=PACKAGE_TIMEOUT,
    )
    if done.returncode != 0:
        raise MapDataError(f"npm pack {PACKAGE}@{VERSION} failed:\n{done.stderr.strip()}")
    tarballs = sorted(folder.glob("*.tgz"))
    if len(tarballs) != 1:
        raise MapDataError(f"npm pack left {len(tarballs)} tarballs in {folder}")
    return tarballs[0]


def read_topology(tarball: bytes) -> dict[str, Any]:
    """Check the tarball and return its parsed ``countries-50m.json``."""
    found = integrity_of(tarball)
    if found != INTEGRITY:
        raise MapDataError(f"{PACKAGE}@{VERSION}: integrity {found}, expected {INTEGRITY}")
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        meta = json.loads(_member(archive, "package/package.json"))
        if (meta.get("version"), meta.get("license")) != (VERSION, LICENSE):
            raise MapDataError(f"unexpected package.json: {meta.get('version')}, {LICENSE}")
        topology: dict[str, Any] = json.loads(_member(archive, MEMBER))
    return topology


def _member(archive: tarfile.TarFile, name: str) -> bytes:
    stream = archive.extractfile(name)
    if stream is None:
        raise MapDataError(f"{name} is missing from the tarball")
    return stream.read()


# --- the topology ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Geometry:
    """One country of the topology: its rings as arc references, per polygon."""

    id: str | None
    name: str
    polygons: tuple[tuple[tuple[int, ...], ...], ...]
    """Polygons, each a tuple of rings (the first the outside), each a tuple of arc
    references: ``i`` for arc i as stored, ``~i`` for it reversed (TopoJSON's convention)."""

    def arcs(self) -> set[int]:
        """The indices of the arcs this country's outline uses, either way round."""
        return {_index(ref) for polygon in self.polygons for ring in polygon for ref in ring}


def _index(ref: int) -> int:
    return ref if ref >= 0 else ~ref


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Every arc as (longitude, latitude) points: undo the delta encoding and quantization."""
    transform = topology.get("transform")
    arcs: list[list[Point]] = []
    for raw in topology["arcs"]:
        if transform is None:
            arcs.append([(float(p[0]), float(p[1])) for p in raw])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points: list[Point] = []
        for dx, dy, *_ in raw:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def read_geometries(topology: dict[str, Any]) -> list[Geometry]:
    """The countries of the topology, polygons only (null geometries are left out)."""
    geometries = []
    for raw in topology["objects"][OBJECT]["geometries"]:
        if raw.get("type") == "Polygon":
            polygons = [raw["arcs"]]
        elif raw.get("type") == "MultiPolygon":
            polygons = raw["arcs"]
        else:
            continue
        geometries.append(
            Geometry(
                id=raw.get("id"),
                name=raw["properties"]["name"],
                polygons=tuple(tuple(tuple(ring) for ring in polygon) for polygon in polygons),
            )
        )
    return geometries


# --- the projection --------------------------------------------------------------------------


@dataclass(frozen=True)
class Projection:
    """A spherical Lambert conformal conic, scaled and shifted into the view's units.

    :meth:`__call__` and the ``project`` the module is given do the same operations in the same
    order on the same constants (written with ``repr``, which round-trips a float), so they
    agree to the last bit."""

    n: float
    f: float
    rho0: float
    lon0: float
    left: float
    top: float
    scale: float
    height: int

    @classmethod
    def make(cls) -> Projection:
        """The projection of :data:`STANDARD_PARALLELS` and the view of the nominal box."""
        phi1, phi2 = (math.radians(p) for p in STANDARD_PARALLELS)

        def t(phi: float) -> float:
            return math.tan(math.pi / 4 + phi / 2)

        n = math.log(math.cos(phi1) / math.cos(phi2)) / math.log(t(phi2) / t(phi1))
        f = math.cos(phi1) * t(phi1) ** n / n
        rho0 = f / t(math.radians(ORIGIN_LATITUDE)) ** n
        raw = cls(n, f, rho0, CENTRAL_MERIDIAN, 0.0, 0.0, 1.0, 0)
        middle = (SOUTH + NORTH) / 2
        left = raw.plane(middle, WEST)[0]
        right = raw.plane(middle, EAST)[0]
        top = raw.plane(NORTH, CENTRAL_MERIDIAN)[1]
        bottom = raw.plane(SOUTH, CENTRAL_MERIDIAN)[1]
        scale = VIEW_WIDTH / (right - left)
        return cls(n, f, rho0, CENTRAL_MERIDIAN, left, top, scale, round((top - bottom) * scale))

    def plane(self, latitude: float, longitude: float) -> Point:
        """Projected, unscaled: x east, y north, the origin at the origin latitude."""
        rho = self.f / math.tan(math.pi / 4 + math.radians(latitude) / 2) ** self.n
        theta = self.n * math.radians(longitude - self.lon0)
        return rho * math.sin(theta), self.rho0 - rho * math.cos(theta)

    def __call__(self, latitude: float, longitude: float) -> Point:
        """View units: x right from the left edge, y down from the top edge."""
        rho = self.f / math.tan(math.pi / 4 + math.radians(latitude) / 2) ** self.n
        theta = self.n * math.radians(longitude - self.lon0)
        x = rho * math.sin(theta)
        y = self.rho0 - rho * math.cos(theta)
        return (x - self.left) * self.scale, (self.top - y) * self.scale


# --- geometry --------------------------------------------------------------------------------


def simplify(points: Sequence[Point], tolerance: float) -> list[int]:
    """Douglas–Peucker: the indices of the points kept, both ends always (a closed arc, whose
    ends are the same point, is handled by the distance to a point)."""
    if len(points) <= 2:
        return list(range(len(points)))
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, at = -1.0, -1
        for i in range(first + 1, last):
            distance = _segment_distance(points[i], points[first], points[last])
            if distance > worst:
                worst, at = distance, i
        if at >= 0 and worst > tolerance:
            keep[at] = True
            stack.extend(((first, at), (at, last)))
    return [i for i, kept in enumerate(keep) if kept]


def _segment_distance(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    along = (p[0] - a[0]) * dx + (p[1] - a[1]) * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, along / length))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def clip_ring(ring: Ring, width: float, height: float) -> Ring:
    """Sutherland–Hodgman against the view's rectangle (a ring without its closing point)."""
    edges: tuple[tuple[Callable[[Point], bool], Callable[[Point, Point], Point]], ...] = (
        (lambda p: p[0] >= 0, lambda a, b: _at_x(a, b, 0.0)),
        (lambda p: p[0] <= width, lambda a, b: _at_x(a, b, width)),
        (lambda p: p[1] >= 0, lambda a, b: _at_y(a, b, 0.0)),
        (lambda p: p[1] <= height, lambda a, b: _at_y(a, b, height)),
    )
    for inside, cross in edges:
        if not ring:
            break
        clipped: Ring = []
        previous = ring[-1]
        for current in ring:
            if inside(current):
                if not inside(previous):
                    clipped.append(cross(previous, current))
                clipped.append(current)
            elif inside(previous):
                clipped.append(cross(previous, current))
            previous = current
        ring = clipped
    return ring


def _at_x(a: Point, b: Point, x: float) -> Point:
    return x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0])


def _at_y(a: Point, b: Point, y: float) -> Point:
    return a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y


def clip_line(line: Sequence[Point], width: float, height: float) -> list[list[Point]]:
    """The parts of an open polyline inside the view (Liang–Barsky, segment by segment)."""
    parts: list[list[Point]] = []
    current: list[Point] = []
    for a, b in itertools.pairwise(line):
        segment = _clip_segment(a, b, width, height)
        if segment is None:
            if current:
                parts.append(current)
                current = []
            continue
        start, end = segment
        if current and current[-1] != start:
            parts.append(current)
            current = []
        if not current:
            current.append(start)
        current.append(end)
        if end != b:
            parts.append(current)
            current = []
    if current:
        parts.append(current)
    return [part for part in parts if len(part) >= 2]


def _clip_segment(a: Point, b: Point, width: float, height: float) -> tuple[Point, Point] | None:
    dx, dy = b[0] - a[0], b[1] - a[1]
    low, high = 0.0, 1.0
    for p, q in ((-dx, a[0]), (dx, width - a[0]), (-dy, a[1]), (dy, height - a[1])):
        if p == 0:
            if q < 0:
                return None
            continue
        r = q / p
        if p < 0:
            low = max(low, r)
        else:
            high = min(high, r)
        if low > high:
            return None
    start = a if low == 0 else (a[0] + low * dx, a[1] + low * dy)
    end = b if high == 1 else (a[0] + high * dx, a[1] + high * dy)
    return start, end


def area(ring: Sequence[Point]) -> float:
    """Signed area (shoelace), positive for clockwise on screen (y down)."""
    total = 0.0
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
        total += x1 * y2 - x2 * y1
    return total / 2


def rounded(points: Iterable[Point]) -> list[Point]:
    """Points rounded to 0.1 unit, repeats in a row dropped."""
    out: list[Point] = []
    for x, y in points:
        point = (round(x, 1) + 0.0, round(y, 1) + 0.0)
        if not out or out[-1] != point:
            out.append(point)
    return out


def polylabel(rings: Sequence[Ring], precision: float) -> tuple[Point, float]:
    """The pole of inaccessibility of a polygon (outside ring first, then holes) and its
    distance to the nearest edge: the point of the polygon farthest from its outline
    (after Agafonkin's polylabel: a best-first search over square cells)."""
    xs = [x for x, _ in rings[0]]
    ys = [y for _, y in rings[0]]
    x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
    size = min(x1 - x0, y1 - y0)
    half = size / 2
    if size == 0:
        return (x0, y0), 0.0
    order = 0
    queue: list[tuple[float, int, float, float, float, float]] = []

    def push(x: float, y: float, h: float) -> None:
        nonlocal order
        d = _signed_distance((x, y), rings)
        order += 1
        heapq.heappush(queue, (-(d + h * math.sqrt(2)), order, x, y, h, d))

    x = x0
    while x < x1:
        y = y0
        while y < y1:
            push(x + half, y + half, half)
            y += size
        x += size
    cx, cy = _centroid(rings[0])
    best = ((cx, cy), _signed_distance((cx, cy), rings))
    middle = ((x0 + x1) / 2, (y0 + y1) / 2)
    if (d := _signed_distance(middle, rings)) > best[1]:
        best = (middle, d)
    while queue:
        bound, _, x, y, h, d = heapq.heappop(queue)
        if d > best[1]:
            best = ((x, y), d)
        if -bound - best[1] <= precision:
            continue
        h /= 2
        for sx, sy in ((-1, -1), (1, -1), (-1, 1), (1, 1)):
            push(x + sx * h, y + sy * h, h)
    return best


def _signed_distance(point: Point, rings: Sequence[Ring]) -> float:
    """Distance to the nearest edge, negative outside the polygon (even-odd)."""
    inside = False
    nearest = math.inf
    for ring in rings:
        for a, b in zip(ring, [*ring[1:], ring[0]], strict=True):
            if (a[1] > point[1]) != (b[1] > point[1]) and point[0] < (b[0] - a[0]) * (
                point[1] - a[1]
            ) / (b[1] - a[1]) + a[0]:
                inside = not inside
            nearest = min(nearest, _segment_distance(point, a, b))
    return nearest if inside else -nearest


def _centroid(ring: Ring) -> Point:
    total = area(ring)
    if total == 0:
        return ring[0]
    cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
        cross = x1 * y2 - x2 * y1
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    return cx / (6 * total), cy / (6 * total)


# --- the map ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Arc:
    """A simplified arc: view points, and the (longitude, latitude) each came from."""

    points: list[Point]
    lonlat: list[Point]

    def reversed(self) -> Arc:
        return Arc(self.points[::-1], self.lonlat[::-1])


@dataclass(frozen=True)
class Country:
    """What the module is given for one country."""

    id: str | None
    name: str
    rings: list[Ring]
    label: Point
    label_room: float


@dataclass(frozen=True)
class BaseMap:
    """Everything the module holds."""

    projection: Projection
    countries: list[Country]
    durand: list[list[Point]]
    kashmir: list[list[Point]]


def _in_candidates(points: Iterable[Point]) -> bool:
    west, south, east, north = CANDIDATES
    return any(west <= lon <= east and south <= lat <= north for lon, lat in points)


def build(topology: dict[str, Any]) -> BaseMap:
    """Decode, project, simplify and clip: the whole map, before it is written out."""
    projection = Projection.make()
    width, height = float(VIEW_WIDTH), float(projection.height)
    raw_arcs = decode_arcs(topology)
    geometries = [
        g
        for g in read_geometries(topology)
        if _in_candidates(p for i in sorted(g.arcs()) for p in raw_arcs[i])
    ]
    arcs: dict[int, Arc] = {}
    for i in sorted(set().union(*(g.arcs() for g in geometries))):
        view = [projection(lat, lon) for lon, lat in raw_arcs[i]]
        kept = simplify(view, TOLERANCE)
        arcs[i] = Arc([view[k] for k in kept], [raw_arcs[i][k] for k in kept])

    def arc(ref: int) -> Arc:
        return arcs[ref] if ref >= 0 else arcs[~ref].reversed()

    countries = []
    by_key: dict[str, Geometry] = {}
    for geometry in geometries:
        by_key[geometry.id or geometry.name] = geometry
        parts: list[list[Ring]] = []
        for polygon in geometry.polygons:
            part: list[Ring] = []
            for ring in polygon:
                points: Ring = []
                for ref in ring:
                    piece = arc(ref).points
                    points.extend(piece if not points else piece[1:])
                if len(points) > 1 and points[0] == points[-1]:
                    points.pop()
                clipped = rounded(clip_ring(points, width, height))
                if len(clipped) > 1 and clipped[0] == clipped[-1]:
                    clipped.pop()
                if len(clipped) >= 3 and abs(area(clipped)) >= MIN_RING_AREA:
                    part.append(clipped)
                elif not part:
                    break  # the outside ring is gone: so is the polygon, holes and all
            if part:
                parts.append(part)
        if not parts:
            continue
        largest = max(parts, key=lambda p: abs(area(p[0])) - sum(abs(area(h)) for h in p[1:]))
        (lx, ly), room = polylabel(largest, LABEL_PRECISION)
        countries.append(
            Country(
                id=geometry.id,
                name=geometry.name,
                rings=[ring for part in parts for ring in part],
                label=(round(lx, 1) + 0.0, round(ly, 1) + 0.0),
                label_room=round(room, 1),
            )
        )
    countries.sort(key=lambda c: c.name)

    def shared(a: str, b: str, keep: Callable[[Point], bool]) -> list[list[Point]]:
        lines = _shared_lines(by_key[a], by_key[b], arc, keep)
        return [rounded(part) for line in lines for part in clip_line(line, width, height)]

    durand = shared(AFGHANISTAN, PAKISTAN, lambda _: True)
    durand = [line if line[0][1] >= line[-1][1] else line[::-1] for line in durand]
    kashmir = [
        *shared(INDIA, PAKISTAN, _in_kashmir),
        *shared(INDIA, CHINA, _in_kashmir),
        *(line for key in (PAKISTAN, INDIA, CHINA) for line in shared(SIACHEN, key, _anywhere)),
    ]
    return BaseMap(projection, countries, durand, [line for line in kashmir if len(line) >= 2])


def _in_kashmir(lonlat: Point) -> bool:
    return lonlat[1] > KASHMIR_SOUTH and lonlat[0] > KASHMIR_WEST


def _anywhere(_: Point) -> bool:
    return True


def _shared_lines(
    a: Geometry, b: Geometry, arc: Callable[[int], Arc], keep: Callable[[Point], bool]
) -> list[list[Point]]:
    """The arcs two countries share, joined where they meet, in the order and direction of
    ``a``'s rings, cut down to the stretches whose points ``keep`` (by longitude, latitude)."""
    common = a.arcs() & b.arcs()
    lines: list[list[Point]] = []
    for polygon in a.polygons:
        for ring in polygon:
            for ref in ring:
                if _index(ref) not in common:
                    continue
                for run in _runs(arc(ref), keep):
                    if lines and lines[-1][-1] == run[0]:
                        lines[-1].extend(run[1:])
                    else:
                        lines.append(run)
    return lines


def _runs(arc: Arc, keep: Callable[[Point], bool]) -> Iterator[list[Point]]:
    """Stretches of an arc whose points are kept, cut where it crosses out (interpolated on
    the segment, by latitude or longitude, whichever the test changes on)."""
    run: list[Point] = []
    for k, (point, lonlat) in enumerate(zip(arc.points, arc.lonlat, strict=True)):
        inside = keep(lonlat)
        if k > 0 and inside != keep(arc.lonlat[k - 1]):
            cut = _cut(arc.points[k - 1], arc.lonlat[k - 1], point, lonlat, keep)
            if inside:
                run = [cut]
            else:
                run.append(cut)
                yield run
                run = []
        if inside:
            run.append(point)
    if len(run) >= 2:
        yield run


def _cut(a: Point, a_ll: Point, b: Point, b_ll: Point, keep: Callable[[Point], bool]) -> Point:
    """Where on the segment a-b ``keep`` changes, found by bisection along it."""
    low, high = 0.0, 1.0
    inside_at_low = keep(a_ll)
    for _ in range(40):
        middle = (low + high) / 2
        at = (a_ll[0] + (b_ll[0] - a_ll[0]) * middle, a_ll[1] + (b_ll[1] - a_ll[1]) * middle)
        if keep(at) == inside_at_low:
            low = middle
        else:
            high = middle
    return a[0] + (b[0] - a[0]) * high, a[1] + (b[1] - a[1]) * high


# --- writing the module ----------------------------------------------------------------------


def number(value: float) -> str:
    """0.1-unit numbers as short as they go: ``12``, ``12.5``."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def path_of_rings(rings: Sequence[Ring]) -> str:
    """SVG path data: each ring ``M x y L x y ... Z``."""
    return "".join(
        "M" + "L".join(f"{number(x)} {number(y)}" for x, y in ring) + "Z" for ring in rings
    )


def path_of_lines(lines: Sequence[Sequence[Point]]) -> str:
    """SVG path data for open lines: ``M x y L x y ...``."""
    return "".join("M" + "L".join(f"{number(x)} {number(y)}" for x, y in line) for line in lines)


def _string(value: str, indent: int) -> list[str]:
    """A long string as implicitly joined pieces, split before a command, each line within
    the project's 100 columns: the lines of a parenthesized value (``ruff format`` leaves
    them as they are)."""
    room = 100 - indent - 2
    pieces: list[str] = []
    for command in re.findall(r"[MLZ][^MLZ]*", value):
        if pieces and len(pieces[-1]) + len(command) <= room:
            pieces[-1] += command
        else:
            pieces.append(command)
    return [" " * indent + json.dumps(piece) for piece in pieces]


def _value(name: str, value: str, indent: int) -> list[str]:
    """``name=value,`` (or ``NAME: str = value``), parenthesized when it takes lines."""
    pad = " " * indent
    head = f"{pad}{name}=" if indent else f"{name}: str = "
    tail = "," if indent else ""
    if len(head) + len(value) + 2 + len(tail) <= 100:
        return [f"{head}{json.dumps(value)}{tail}"]
    return [f"{head}(", *_string(value, indent + 4), f"{pad}){tail}"]


def render(base: BaseMap) -> str:
    """The module's source."""
    p = base.projection
    points = sum(len(r) for c in base.countries for r in c.rings)
    in_view = ", ".join(f"{c.name} ({c.id or 'no ISO code'})" for c in base.countries)
    paragraphs = [
        f"The map's boundaries: generated by ``make map-data`` from {PACKAGE} {VERSION}. Do not"
        " edit by hand: change scripts/titfortat_dev/mapdata.py and run it again.",
        f"Source: the npm package {PACKAGE}@{VERSION} ({LICENSE} licence), its countries-50m.json:"
        " Natural Earth's 1:50m admin 0 countries, in the public domain. Tarball integrity"
        f" {INTEGRITY}.",
        "Projection: spherical Lambert conformal conic, standard parallels"
        f" {STANDARD_PARALLELS[0]:g} and {STANDARD_PARALLELS[1]:g} N, central meridian"
        f" {CENTRAL_MERIDIAN:g} E, origin {ORIGIN_LATITUDE:g} N. The view is the rectangle"
        f" through the middles of the sides of the box {WEST:g}-{EAST:g} E,"
        f" {SOUTH:g}-{NORTH:g} N, {VIEW_WIDTH} units wide, y down. Arcs simplified by"
        f" Douglas-Peucker at {TOLERANCE!r} units (each shared border once, so neighbours still"
        " meet), clipped to the view, rounded to 0.1 unit; rings under"
        f" {MIN_RING_AREA:g} square units dropped. {points} points in all.",
        f"Countries in view: {in_view}.",
    ]
    docstring = "\n\n".join(
        textwrap.fill(text, 95, break_long_words=False, break_on_hyphens=False)
        for text in paragraphs
    )
    lines = [
        f'"""{docstring}',
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "import math",
        "from dataclasses import dataclass",
        "",
        f"VIEW_WIDTH = {VIEW_WIDTH}",
        f"VIEW_HEIGHT = {p.height}",
        'VIEW_BOX = f"0 0 {VIEW_WIDTH} {VIEW_HEIGHT}"',
        '"""The ``viewBox`` of an SVG drawing these paths."""',
        f"NOMINAL_BOUNDS = ({WEST!r}, {SOUTH!r}, {EAST!r}, {NORTH!r})",
        '"""West, south, east, north (degrees): the box the view was cut around."""',
        f"STANDARD_PARALLELS = ({STANDARD_PARALLELS[0]!r}, {STANDARD_PARALLELS[1]!r})",
        f"CENTRAL_MERIDIAN = {CENTRAL_MERIDIAN!r}",
        f"ORIGIN_LATITUDE = {ORIGIN_LATITUDE!r}",
        "",
        "# The projection's constants, as the generator computed them.",
        f"_N = {p.n!r}",
        f"_F = {p.f!r}",
        f"_RHO0 = {p.rho0!r}",
        f"_LON0 = {p.lon0!r}",
        f"_LEFT = {p.left!r}",
        f"_TOP = {p.top!r}",
        f"_SCALE = {p.scale!r}",
        "",
        "",
        "def project(latitude: float, longitude: float) -> tuple[float, float]:",
        '    """(x, y) in view units of a point in degrees (north and east positive), unrounded.',
        "",
        "    The generator's own projection, operation for operation. Points outside the view get",
        '    coordinates outside 0..VIEW_WIDTH, 0..VIEW_HEIGHT; the south pole has none."""',
        "    if not -90.0 < latitude <= 90.0:",
        '        raise ValueError(f"latitude {latitude} is out of range")',
        "    rho = _F / math.tan(math.pi / 4 + math.radians(latitude) / 2) ** _N",
        "    theta = _N * math.radians(longitude - _LON0)",
        "    x = rho * math.sin(theta)",
        "    y = _RHO0 - rho * math.cos(theta)",
        "    return (x - _LEFT) * _SCALE, (_TOP - y) * _SCALE",
        "",
        "",
        "def in_view(latitude: float, longitude: float) -> bool:",
        '    """Whether a point falls inside the view (its edges included)."""',
        "    if not -90.0 < latitude <= 90.0:",
        "        return False",
        "    x, y = project(latitude, longitude)",
        "    return 0 <= x <= VIEW_WIDTH and 0 <= y <= VIEW_HEIGHT",
        "",
        "",
        "@dataclass(frozen=True, slots=True)",
        "class Country:",
        '    """A country (or disputed area) in view, clipped to it."""',
        "",
        "    id: str | None",
        '    """ISO 3166-1 numeric, as in the source ("004"); None for Siachen Glacier."""',
        "    name: str",
        '    """Natural Earth\'s short name ("Afghanistan", "Iran", "Siachen Glacier")."""',
        "    label: tuple[float, float]",
        '    """A point for the name: the centre of the largest circle inside the country\'s',
        '    largest visible part."""',
        "    label_room: float",
        '    """That circle\'s radius, in view units: room for the name around ``label``."""',
        "    d: str",
        '    """SVG path data (absolute M, L, Z): closed rings, borders with neighbours included;',
        "    where the view cuts a country, its rings run along the view's edge. Holes wind",
        '    opposite to their outer ring, so the nonzero and evenodd fill rules agree."""',
        "",
        "",
        "COUNTRIES: tuple[Country, ...] = (",
    ]
    for country in base.countries:
        lines.extend(
            [
                "    Country(",
                f"        id={json.dumps(country.id) if country.id is not None else 'None'},",
                f"        name={json.dumps(country.name)},",
                f"        label=({country.label[0]!r}, {country.label[1]!r}),",
                f"        label_room={country.label_room!r},",
                *_value("d", path_of_rings(country.rings), 8),
                "    ),",
            ]
        )
    lines.extend(
        [
            ")",
            '"""Every country with land in view, by name."""',
            "",
            *_value("DURAND_LINE", path_of_lines(base.durand), 0),
            '"""The Afghanistan-Pakistan boundary (the Durand Line), open, south-west to',
            "north-east: the arcs the two countries share, so it lies exactly on both outlines.",
            'Draw it over ``COUNTRIES``, dashed."""',
            "",
            *_value("KASHMIR_DISPUTED", path_of_lines(base.kashmir), 0),
            '"""Boundaries in Kashmir that are disputed, open lines over ``COUNTRIES``: India-',
            f"Pakistan and India-China north of {KASHMIR_SOUTH:g} N and east of "
            f"{KASHMIR_WEST:g} E (the Line of Control",
            "and the Working Boundary; the Line of Actual Control where the view reaches it),",
            "and the edges of Natural Earth's Siachen Glacier area, as Natural Earth draws",
            'them (its de facto lines)."""',
            "",
            "",
            "def country(id_: str) -> Country:",
            '    """The country of an ISO 3166-1 numeric code ("586"); KeyError if not in view."""',
            "    for candidate in COUNTRIES:",
            "        if candidate.id == id_:",
            "            return candidate",
            "    raise KeyError(id_)",
            "",
        ]
    )
    return "\n".join(lines)


# --- the command -----------------------------------------------------------------------------


def generate(tarball: Path | None) -> tuple[BaseMap, str]:
    """Fetch (unless given) and check the tarball; return the map and the module's source."""
    if tarball is None:
        with tempfile.TemporaryDirectory(prefix="titfortat-map-") as scratch:
            data = npm_pack(Path(scratch)).read_bytes()
    else:
        data = tarball.read_bytes()
    base = build(read_topology(data))
    return base, render(base)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m titfortat_dev.mapdata", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--out", type=Path, default=OUT, help=f"default: {OUT}")
    parser.add_argument(
        "--tarball", type=Path, help=f"a {PACKAGE}-{VERSION}.tgz at hand (checked all the same)"
    )
    args = parser.parse_args(argv)
    try:
        base, source = generate(args.tarball)
    except (MapDataError, OSError, subprocess.TimeoutExpired) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    args.out.write_text(source, encoding="utf-8", newline="\n")
    print(f"{PACKAGE}@{VERSION} {INTEGRITY[:23]}... verified; wrote {args.out}")
    print(f"  {len(source.encode()):,} bytes, view {VIEW_WIDTH} x {base.projection.height}")
    for country in base.countries:
        count = sum(len(r) for r in country.rings)
        rings = len(country.rings)
        print(f"  {country.id or '-':>4} {country.name:<22} {count:>5} points in {rings} rings")
    durand = sum(len(line) for line in base.durand)
    print(f"  Durand Line: {durand} points in {len(base.durand)} lines")
    print(
        f"  Kashmir disputed: {sum(len(line) for line in base.kashmir)} points"
        f" in {len(base.kashmir)} lines"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
