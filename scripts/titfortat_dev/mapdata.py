"""The map's boundaries: regenerate ``scripts/titfortat/plan/basemap.py`` from npm's world-atlas.

``python -m titfortat_dev.mapdata [--out PATH] [--tarball PATH]`` (``make map-data``)

The site draws its map of Afghanistan, Pakistan and their neighbours as SVG when it is built,
from data committed to this repository: no tiles, nothing fetched when the site is built or
read. This script makes that data, and is the only thing that needs the network (the npm
registry, through ``npm pack``). The geometry is done by two well-kept libraries, installed
with the development tools only: PROJ (through pyproj) projects, GEOS (through shapely)
clips, simplifies and measures.

1. ``npm pack world-atlas@2.0.2`` into a scratch folder (or ``--tarball``, a copy already at
   hand), and the tarball's sha512 checked against :data:`INTEGRITY`, the registry's
   ``dist.integrity`` for that version. world-atlas is ISC-licensed; its data is Natural
   Earth's, in the public domain. We read ``countries-50m.json``: Natural Earth 1:50m admin 0
   countries, as TopoJSON.
2. The topology decoded (quantized, delta-encoded arcs, shared between the countries on
   either side of them) into one polygon per country, in longitude and latitude; neighbours
   share their border's points exactly, so the countries form a coverage.
3. The countries that reach the view projected with PROJ (:data:`PROJ_STRING`, a Lambert
   conformal conic on the WGS 84 ellipsoid), scaled into view units and clipped to the view's
   rectangle.
4. The whole coverage simplified at once (GEOS's coverage simplification, Visvalingam-Whyatt
   at :data:`TOLERANCE`): each shared border is simplified once, so neighbours still meet
   exactly and no border crosses another. Points rounded to 0.1 unit; parts and holes
   smaller than :data:`MIN_RING_AREA` dropped; the result checked to be valid and still a
   coverage. A label point for each country: the centre of the largest circle inside its
   largest visible part (GEOS's maximum inscribed circle).
5. The Afghanistan-Pakistan boundary (the Durand Line) taken as the border the two
   countries' outlines share, and the boundaries Natural Earth draws in Kashmir
   (India-Pakistan and India-China north of :data:`KASHMIR_SOUTH` and east of
   :data:`KASHMIR_WEST`, and every edge of its "Siachen Glacier" area) likewise, as open
   paths to draw over the countries.
6. The module written: data, a dataclass and the projection as a pure function (the same
   formulas as PROJ's, which the tests hold it to), formatted the way ``ruff format``
   would, the same bytes for the same input.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import math
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from numpy.typing import NDArray
from pyproj import CRS, Transformer
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

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
SEMI_MAJOR_AXIS = 6378137.0
INVERSE_FLATTENING = 298.257223563
"""The WGS 84 ellipsoid, which the source's longitudes and latitudes are on."""
PROJ_STRING = (
    f"+proj=lcc +lat_1={STANDARD_PARALLELS[0]!r} +lat_2={STANDARD_PARALLELS[1]!r}"
    f" +lat_0={ORIGIN_LATITUDE!r} +lon_0={CENTRAL_MERIDIAN!r} +x_0=0 +y_0=0"
    " +datum=WGS84 +units=m +no_defs +type=crs"
)
VIEW_WIDTH = 1000
TOLERANCE = 3.0
"""Coverage simplification's tolerance, in view units: about the square root of the area of
the triangles a removed point would have made (1000 units are the map's width)."""
PRECISION = 0.1
"""Every coordinate is rounded to this grid, in view units."""
MIN_RING_AREA = 3.0
"""Parts (islands, slivers cut off by the view's edge) and holes smaller than this, in square
units, are dropped."""
LABEL_PRECISION = 0.1
KASHMIR_SOUTH = 32.3
KASHMIR_WEST = 73.0
CANDIDATES = (40.0, 10.0, 100.0, 55.0)
"""west, south, east, north: countries with a point in this box are projected and clipped."""
AGREEMENT = 1e-6
"""View units: the module's pure projection must agree with PROJ this closely."""
PACKAGE_TIMEOUT = 300

INDIA, PAKISTAN, CHINA, AFGHANISTAN = "356", "586", "156", "004"
SIACHEN = "Siachen Glacier"
"""Natural Earth's disputed area with no ISO code, between India, Pakistan and China."""

Point = tuple[float, float]
Ring = list[Point]
Coordinates = NDArray[np.float64]


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

    def shape(self, arcs: Sequence[Sequence[Point]]) -> MultiPolygon:
        """The country as a polygon in longitude and latitude, made valid if it is not (a
        country across the antimeridian is not, as Natural Earth draws it)."""
        polygons = []
        for polygon in self.polygons:
            outside, *holes = (_ring(ring, arcs) for ring in polygon)
            polygons.append(Polygon(outside, holes))
        shape = MultiPolygon(polygons)
        if not shape.is_valid:
            return MultiPolygon(_polygons(shapely.make_valid(shape)))
        return shape


def _index(ref: int) -> int:
    return ref if ref >= 0 else ~ref


def _ring(refs: Sequence[int], arcs: Sequence[Sequence[Point]]) -> Ring:
    """A ring's points from its arcs, each arc's first point dropped after the first arc (it
    is the previous arc's last)."""
    points: Ring = []
    for ref in refs:
        piece = list(arcs[ref]) if ref >= 0 else list(arcs[~ref])[::-1]
        points.extend(piece if not points else piece[1:])
    return points


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
    """The view: PROJ's Lambert conformal conic (:data:`PROJ_STRING`), scaled and shifted so
    that the view is :data:`VIEW_WIDTH` units wide, y down.

    :meth:`to_view` projects with PROJ (the boundaries); :meth:`__call__` is the pure function
    the module is given (the constants of the ellipsoidal conic, Snyder's formulas 15-1 to
    15-11, as PROJ computes them), which must agree with it to :data:`AGREEMENT` units."""

    e: float
    """The ellipsoid's first eccentricity."""
    n: float
    af: float
    """The semi-major axis times Snyder's F, in metres."""
    rho0: float
    lon0: float
    left: float
    top: float
    scale: float
    height: int

    @classmethod
    def make(cls) -> Projection:
        """The conic of :data:`STANDARD_PARALLELS` and the view of the nominal box."""
        flattening = 1 / INVERSE_FLATTENING
        e = math.sqrt(flattening * (2 - flattening))
        phi1, phi2 = (math.radians(p) for p in STANDARD_PARALLELS)
        m1, m2 = _m(phi1, e), _m(phi2, e)
        t1, t2 = _t(phi1, e), _t(phi2, e)
        n = (math.log(m1) - math.log(m2)) / (math.log(t1) - math.log(t2))
        af = SEMI_MAJOR_AXIS * m1 / (n * t1**n)
        rho0 = af * _t(math.radians(ORIGIN_LATITUDE), e) ** n
        middle = (SOUTH + NORTH) / 2
        xs, _ = _transformer().transform([WEST, EAST], [middle, middle])
        _, ys = _transformer().transform([CENTRAL_MERIDIAN] * 2, [NORTH, SOUTH])
        left, right = float(xs[0]), float(xs[1])
        top, bottom = float(ys[0]), float(ys[1])
        scale = VIEW_WIDTH / (right - left)
        height = round((top - bottom) * scale)
        return cls(e, n, af, rho0, CENTRAL_MERIDIAN, left, top, scale, height)

    def to_view(self, lonlat: Coordinates) -> Coordinates:
        """Rows of (longitude, latitude) to rows of (x, y) in view units, with PROJ."""
        x, y = _transformer().transform(lonlat[:, 0], lonlat[:, 1])
        return np.column_stack(
            ((np.asarray(x) - self.left) * self.scale, (self.top - np.asarray(y)) * self.scale)
        )

    def __call__(self, latitude: float, longitude: float) -> Point:
        """View units, without PROJ: what the module's ``project`` computes."""
        sin = math.sin(math.radians(latitude))
        ratio = ((1 - self.e * sin) / (1 + self.e * sin)) ** (self.e / 2)
        t = math.tan(math.pi / 4 - math.radians(latitude) / 2) / ratio
        rho = self.af * t**self.n
        theta = self.n * math.radians((longitude - self.lon0 + 180) % 360 - 180)
        x = rho * math.sin(theta)
        y = self.rho0 - rho * math.cos(theta)
        return (x - self.left) * self.scale, (self.top - y) * self.scale


def _m(phi: float, e: float) -> float:
    return math.cos(phi) / math.sqrt(1 - (e * math.sin(phi)) ** 2)


def _t(phi: float, e: float) -> float:
    sin = math.sin(phi)
    ratio: float = ((1 - e * sin) / (1 + e * sin)) ** (e / 2)
    return math.tan(math.pi / 4 - phi / 2) / ratio


_TRANSFORMERS: list[Transformer] = []


def _transformer() -> Transformer:
    """Longitude and latitude (WGS 84) to the conic's metres, made once."""
    if not _TRANSFORMERS:
        _TRANSFORMERS.append(
            Transformer.from_crs(CRS.from_epsg(4326), CRS.from_proj4(PROJ_STRING), always_xy=True)
        )
    return _TRANSFORMERS[0]


def check_agreement(projection: Projection) -> float:
    """The largest distance, in view units, between the pure projection and PROJ over a grid
    around the view; MapDataError when it is more than :data:`AGREEMENT`."""
    lonlat = np.array(
        [(lon, lat) for lon in range(40, 101, 2) for lat in range(5, 61, 2)], dtype=np.float64
    )
    expected = projection.to_view(lonlat)
    worst = 0.0
    for (lon, lat), (x, y) in zip(lonlat.tolist(), expected.tolist(), strict=True):
        px, py = projection(lat, lon)
        worst = max(worst, math.hypot(px - x, py - y))
    if worst > AGREEMENT:
        raise MapDataError(f"the pure projection is {worst} units from PROJ's")
    return worst


# --- the map ---------------------------------------------------------------------------------


def _polygons(geometry: BaseGeometry) -> list[Polygon]:
    """The polygons in a geometry (an overlay can also give lines and points where shapes
    only touch)."""
    return [part for part in shapely.get_parts(geometry) if isinstance(part, Polygon)]


def _lines(geometry: BaseGeometry) -> list[LineString]:
    """The lines in a geometry, merged where they meet end to end."""
    found: list[LineString] = []
    for part in shapely.get_parts(geometry):
        if isinstance(part, LineString):
            found.append(part)
        elif isinstance(part, MultiLineString):
            found.extend(part.geoms)
    if not found:
        return []
    merged = shapely.line_merge(MultiLineString(found))
    return [part for part in shapely.get_parts(merged) if isinstance(part, LineString)]


@dataclass(frozen=True)
class Country:
    """What the module is given for one country."""

    id: str | None
    name: str
    shape: MultiPolygon
    """Clipped to the view, simplified, rounded, oriented (outsides counter-clockwise in x
    right, y down coordinates, holes the other way)."""
    label: Point
    label_room: float

    @property
    def rings(self) -> list[Ring]:
        """Each ring's points, without the closing repeat, outside rings before their holes."""
        return [
            [(x, y) for x, y in ring.coords[:-1]]
            for polygon in self.shape.geoms
            for ring in (polygon.exterior, *polygon.interiors)
        ]


@dataclass(frozen=True)
class BaseMap:
    """Everything the module holds."""

    projection: Projection
    countries: list[Country]
    durand: list[list[Point]]
    kashmir: list[list[Point]]


def _bounds_meet(points: Iterable[Point], bounds: tuple[float, float, float, float]) -> bool:
    west, south, east, north = bounds
    return any(west <= lon <= east and south <= lat <= north for lon, lat in points)


def _cleaned(shape: BaseGeometry) -> MultiPolygon:
    """A simplified country rounded to :data:`PRECISION`, its small parts and holes gone."""
    rounded = shapely.remove_repeated_points(
        shapely.set_precision(shape, PRECISION, mode="pointwise")
    )
    kept = []
    for polygon in _polygons(rounded):
        if polygon.area < MIN_RING_AREA:
            continue
        holes = [hole for hole in polygon.interiors if Polygon(hole).area >= MIN_RING_AREA]
        kept.append(Polygon(polygon.exterior, holes))
    return MultiPolygon(shapely.orient_polygons(kept, exterior_cw=False).tolist())


def build(topology: dict[str, Any]) -> BaseMap:
    """Decode, project, clip and simplify: the whole map, before it is written out."""
    projection = Projection.make()
    check_agreement(projection)
    width, height = float(VIEW_WIDTH), float(projection.height)
    view = shapely.box(0.0, 0.0, width, height)
    raw_arcs = decode_arcs(topology)
    geometries = [
        g
        for g in read_geometries(topology)
        if _bounds_meet((p for i in sorted(g.arcs()) for p in raw_arcs[i]), CANDIDATES)
    ]
    clipped: list[tuple[Geometry, MultiPolygon]] = []
    for geometry in geometries:
        projected = shapely.transform(geometry.shape(raw_arcs), projection.to_view)
        parts = _polygons(shapely.intersection(projected, view))
        if parts:
            clipped.append((geometry, MultiPolygon(parts)))
    shapes = [shape for _, shape in clipped]
    if not shapely.coverage_is_valid(shapes):
        raise MapDataError("the countries in view do not form a coverage before simplifying")
    simplified = shapely.coverage_simplify(shapes, TOLERANCE)
    countries: list[Country] = []
    by_key: dict[str, MultiPolygon] = {}
    for (geometry, _), shape in zip(clipped, simplified.tolist(), strict=True):
        cleaned = _cleaned(shape)
        if cleaned.is_empty:
            continue
        if not cleaned.is_valid:
            raise MapDataError(f"{geometry.name}: invalid after simplifying and rounding")
        by_key[geometry.id or geometry.name] = cleaned
        largest = max(cleaned.geoms, key=lambda polygon: polygon.area)
        circle = shapely.maximum_inscribed_circle(largest, LABEL_PRECISION)
        (lx, ly), _ = circle.coords
        countries.append(
            Country(
                id=geometry.id,
                name=geometry.name,
                shape=cleaned,
                label=(round(lx, 1) + 0.0, round(ly, 1) + 0.0),
                label_room=round(circle.length, 1),
            )
        )
    countries.sort(key=lambda c: c.name)
    if not shapely.coverage_is_valid([c.shape for c in countries]):
        raise MapDataError("the countries in view are no longer a coverage after simplifying")

    def shared(a: str, b: str, within: BaseGeometry | None = None) -> list[LineString]:
        lines = shapely.intersection(by_key[a].boundary, by_key[b].boundary)
        if within is not None:
            lines = shapely.intersection(MultiLineString(_lines(lines)), within)
            lines = shapely.set_precision(lines, PRECISION, mode="pointwise")
        return _lines(lines)

    (durand,) = shared(AFGHANISTAN, PAKISTAN)
    start, end = durand.coords[0], durand.coords[-1]
    if start[1] < end[1]:  # south-west to north-east: the south end (larger y) first
        durand = durand.reverse()
    kashmir_box = shapely.segmentize(shapely.box(KASHMIR_WEST, KASHMIR_SOUTH, 100.0, 50.0), 0.05)
    kashmir_area = shapely.transform(kashmir_box, projection.to_view)
    kashmir = _lines(
        MultiLineString(
            [
                *shared(INDIA, PAKISTAN, kashmir_area),
                *shared(INDIA, CHINA, kashmir_area),
                *(line for key in (PAKISTAN, INDIA, CHINA) for line in shared(SIACHEN, key)),
            ]
        )
    )
    return BaseMap(
        projection,
        countries,
        [_points(durand)],
        [_points(line) for line in kashmir if len(line.coords) >= 2],
    )


def _points(line: LineString) -> list[Point]:
    return [(round(x, 1) + 0.0, round(y, 1) + 0.0) for x, y in line.coords]


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
        "Projection: Lambert conformal conic on the WGS 84 ellipsoid (PROJ's lcc), standard"
        f" parallels {STANDARD_PARALLELS[0]:g} and {STANDARD_PARALLELS[1]:g} N, central meridian"
        f" {CENTRAL_MERIDIAN:g} E, origin {ORIGIN_LATITUDE:g} N. The view is the rectangle"
        f" through the middles of the sides of the box {WEST:g}-{EAST:g} E,"
        f" {SOUTH:g}-{NORTH:g} N, {VIEW_WIDTH} units wide, y down. Projected with pyproj, then"
        " clipped to the view and simplified as one coverage with shapely (GEOS's"
        f" Visvalingam-Whyatt coverage simplification at {TOLERANCE!r} units: each shared border"
        " once, so neighbours still meet), rounded to 0.1 unit; parts and holes under"
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
        f"_E = {p.e!r}",
        f"_N = {p.n!r}",
        f"_AF = {p.af!r}",
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
        "    PROJ's Lambert conformal conic on the ellipsoid (Snyder's formulas), in plain Python:",
        "    the generator projected the boundaries with PROJ itself, and the tests hold the two",
        "    together. Points outside the view get coordinates outside 0..VIEW_WIDTH,",
        '    0..VIEW_HEIGHT; the south pole has none."""',
        "    if not -90.0 < latitude <= 90.0:",
        '        raise ValueError(f"latitude {latitude} is out of range")',
        "    sin = math.sin(math.radians(latitude))",
        "    ratio = ((1 - _E * sin) / (1 + _E * sin)) ** (_E / 2)",
        "    t = math.tan(math.pi / 4 - math.radians(latitude) / 2) / ratio",
        "    rho = _AF * t**_N",
        "    theta = _N * math.radians((longitude - _LON0 + 180) % 360 - 180)",
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
