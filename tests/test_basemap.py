"""The map's committed boundaries (titfortat.plan.basemap) and the script that makes them.

The module is generated (``make map-data``) and committed; these tests read it as a map
would: its paths parse as SVG path data inside the view, the countries are valid shapes that
still meet along their shared borders (shapely checks them, as the generator's own library),
the cities we name land in the right country, the Durand Line lies on both countries'
outlines, the module's pure projection agrees with PROJ's, and the file stays small and
imports nothing but the standard library. The slow one fetches the pinned world-atlas with npm
and checks the script writes the same bytes.
"""

from __future__ import annotations

import ast
import itertools
import math
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry import Point as ShapelyPoint

from titfortat.plan import basemap
from titfortat_dev import mapdata

ROOT = Path(__file__).resolve().parents[1]
MODULE = ROOT / "scripts" / "titfortat" / "plan" / "basemap.py"
SIZE_BUDGET = 25_600
"""Bytes: "about 25 KB" for the whole module (24,183 when the projection and simplification
were still written by hand)."""

Point = tuple[float, float]

KABUL = (34.5553, 69.2075)
ISLAMABAD = (33.6844, 73.0479)
KARACHI = (24.8607, 67.0011)
MASTUNG = (29.7997, 66.8455)

_TOKEN = re.compile(r"\s*([MLZ]|\d+(?:\.\d)?)")


def parse(d: str) -> list[tuple[list[Point], bool]]:
    """Subpaths of absolute ``M x y L x y ... [Z]`` path data, each (points, closed); anything
    else (another command, a sign, a stray number, more than one decimal) fails the test."""
    tokens: list[str] = []
    at = 0
    while at < len(d):
        match = _TOKEN.match(d, at)
        assert match, f"not path data at {at}: {d[at : at + 30]!r}"
        tokens.append(match.group(1))
        at = match.end()
    subpaths: list[tuple[list[Point], bool]] = []
    i = 0
    while i < len(tokens):
        assert tokens[i] == "M", f"subpath starts with {tokens[i]!r}"
        points: list[Point] = []
        command = "M"
        while command in {"M", "L"}:
            x, y = tokens[i + 1], tokens[i + 2]
            assert x not in "MLZ", "a command without its two numbers"
            assert y not in "MLZ", "a command without its two numbers"
            points.append((float(x), float(y)))
            i += 3
            command = tokens[i] if i < len(tokens) else ""
        closed = command == "Z"
        if closed:
            i += 1
        subpaths.append((points, closed))
    return subpaths


def rings_of(d: str) -> list[list[Point]]:
    subpaths = parse(d)
    assert all(closed for _, closed in subpaths), "a country's ring is left open"
    return [points for points, _ in subpaths]


def lines_of(d: str) -> list[list[Point]]:
    subpaths = parse(d)
    assert not any(closed for _, closed in subpaths), "a boundary line is closed"
    return [points for points, _ in subpaths]


def shape_of(rings: list[list[Point]]) -> MultiPolygon:
    """Rings as shapely polygons: each ring that winds like the first an outside, each that
    winds the other way a hole in the outside before it (how the generator writes them)."""
    polygons: list[tuple[list[Point], list[list[Point]]]] = []
    for ring in rings:
        if not polygons or Polygon(ring).exterior.is_ccw == Polygon(rings[0]).exterior.is_ccw:
            polygons.append((ring, []))
        else:
            polygons[-1][1].append(ring)
    return MultiPolygon([Polygon(outside, holes) for outside, holes in polygons])


def contains(rings: list[list[Point]], point: Point) -> bool:
    return bool(shape_of(rings).contains(ShapelyPoint(point)))


def distance_to_outline(rings: list[list[Point]], point: Point) -> float:
    return float(shape_of(rings).boundary.distance(ShapelyPoint(point)))


def outline(country_id: str) -> list[list[Point]]:
    return rings_of(basemap.country(country_id).d)


def test_every_path_parses_inside_the_view() -> None:
    assert basemap.VIEW_WIDTH == 1000
    assert 900 < basemap.VIEW_HEIGHT < 1100
    assert f"0 0 1000 {basemap.VIEW_HEIGHT}" == basemap.VIEW_BOX
    paths = [c.d for c in basemap.COUNTRIES] + [basemap.DURAND_LINE, basemap.KASHMIR_DISPUTED]
    for d in paths:
        subpaths = parse(d)
        assert subpaths
        for points, _ in subpaths:
            assert len(points) >= 2
            for x, y in points:
                assert 0 <= x <= basemap.VIEW_WIDTH
                assert 0 <= y <= basemap.VIEW_HEIGHT
    for country in basemap.COUNTRIES:
        for ring in rings_of(country.d):
            assert len(ring) >= 3
            assert Polygon(ring).area >= mapdata.MIN_RING_AREA


def test_the_countries_are_valid_and_still_meet_along_their_borders() -> None:
    """Simplified as one coverage: every country a valid shape, none overlapping another, and
    neighbours' shared borders point for point the same (no slivers, no gaps)."""
    shapes = [shape_of(rings_of(c.d)) for c in basemap.COUNTRIES]
    for country, shape in zip(basemap.COUNTRIES, shapes, strict=True):
        assert shape.is_valid, (country.name, shapely.is_valid_reason(shape))
    assert shapely.coverage_is_valid(shapes)
    named = zip(basemap.COUNTRIES, shapes, strict=True)
    borders = {
        (a.name, b.name): shapely.intersection(sa.boundary, sb.boundary).length
        for (a, sa), (b, sb) in itertools.combinations(named, 2)
    }
    for pair in [("Afghanistan", "Pakistan"), ("Afghanistan", "Iran"), ("India", "Pakistan")]:
        assert borders[pair] > 200, pair
    assert borders[("Afghanistan", "Tajikistan")] > 200
    assert borders[("China", "Pakistan")] > 50


def test_the_countries_in_view() -> None:
    ids = [c.id for c in basemap.COUNTRIES]
    assert len(ids) == len(set(ids))
    names = {c.id: c.name for c in basemap.COUNTRIES}
    assert names["004"] == "Afghanistan"
    assert names["586"] == "Pakistan"
    for neighbour in ("364", "795", "860", "762", "156", "356"):  # Iran ... India
        assert neighbour in names
    assert [c.name for c in basemap.COUNTRIES] == sorted(c.name for c in basemap.COUNTRIES)
    assert basemap.country("586").name == "Pakistan"
    with pytest.raises(KeyError):
        basemap.country("840")


@pytest.mark.parametrize(
    ("place", "country_id"),
    [(KABUL, "004"), (ISLAMABAD, "586"), (KARACHI, "586"), (MASTUNG, "586")],
    ids=["Kabul", "Islamabad", "Karachi", "Mastung"],
)
def test_cities_fall_in_their_country(place: Point, country_id: str) -> None:
    point = basemap.project(*place)
    assert basemap.in_view(*place)
    assert contains(outline(country_id), point)
    other = "586" if country_id == "004" else "004"
    assert not contains(outline(other), point)


def test_labels_sit_inside_their_country() -> None:
    for country in basemap.COUNTRIES:
        rings = rings_of(country.d)
        assert contains(rings, country.label), country.name
        room = distance_to_outline(rings, country.label)
        assert room == pytest.approx(country.label_room, abs=0.15), country.name
    assert basemap.country("004").label_room > 100
    assert basemap.country("586").label_room > 100


def test_the_durand_line_is_the_shared_border() -> None:
    lines = lines_of(basemap.DURAND_LINE)
    assert len(lines) == 1
    (line,) = lines
    assert len(line) > 20
    afghanistan, pakistan = outline("004"), outline("586")
    for point in line:
        assert distance_to_outline(afghanistan, point) < 0.01
        assert distance_to_outline(pakistan, point) < 0.01
    # From the tripoint with Iran (Koh-i-Malik Siah) to the one with China, at the Wakhan.
    assert math.dist(line[0], basemap.project(29.86, 60.87)) < 3
    assert math.dist(line[-1], basemap.project(37.02, 74.54)) < 3
    # It is long: most of Pakistan's border with Afghanistan, some 2,600 km of it.
    length = sum(math.dist(a, b) for a, b in itertools.pairwise(line))
    kilometre = math.dist(basemap.project(30, 68), basemap.project(31, 68)) / 111.2
    assert 2000 < length / kilometre < 3000


def test_the_kashmir_lines() -> None:
    lines = lines_of(basemap.KASHMIR_DISPUTED)
    assert lines
    cut = basemap.project(mapdata.KASHMIR_SOUTH, 75.3)[1]
    west = basemap.project(33, mapdata.KASHMIR_WEST)[0]
    india = outline("356")
    siachen = rings_of(next(c.d for c in basemap.COUNTRIES if c.id is None))
    for line in lines:
        for point in line:
            assert point[1] <= cut + 1  # north of the cut
            assert point[0] >= west
            # On India's outline or Siachen's: the ends of the cut at 32.3 N are rounded.
            nearest = min(distance_to_outline(india, point), distance_to_outline(siachen, point))
            assert nearest < 0.08
    # The Line of Control runs between Islamabad and Srinagar.
    islamabad, srinagar = basemap.project(*ISLAMABAD), basemap.project(34.0837, 74.7973)
    assert contains(india, srinagar)
    crossings = [
        p for line in lines for p in line if abs(p[1] - (islamabad[1] + srinagar[1]) / 2) < 15
    ]
    assert any(islamabad[0] < p[0] < srinagar[0] for p in crossings)


def test_project_agrees_with_proj() -> None:
    """The runtime's pure projection (places) against PROJ's (the boundaries were projected
    with it): within a millionth of a unit, about 2 mm, over the view and well beyond it."""
    projection = mapdata.Projection.make()
    lonlat = np.array(
        [(lon, lat) for lat in range(-60, 86, 5) for lon in range(-175, 181, 7)], dtype=float
    )
    expected = projection.to_view(lonlat)
    for (lon, lat), (x, y) in zip(lonlat.tolist(), expected.tolist(), strict=True):
        px, py = basemap.project(lat, lon)
        assert math.dist((px, py), (x, y)) < 1e-6, (lat, lon)
    assert projection.height == basemap.VIEW_HEIGHT
    for lon, lat in lonlat.tolist():  # the generator's copy of it, to the last bit
        assert projection(lat, lon) == basemap.project(lat, lon), (lat, lon)


def test_project_and_in_view() -> None:
    # The nominal box's side middles are on the view's edges; its centre is near the middle.
    west, south, east, north = basemap.NOMINAL_BOUNDS
    middle = (south + north) / 2
    assert basemap.project(middle, west)[0] == pytest.approx(0, abs=1e-9)
    assert basemap.project(middle, east)[0] == pytest.approx(1000, abs=1e-9)
    assert basemap.project(north, basemap.CENTRAL_MERIDIAN)[1] == pytest.approx(0, abs=1e-9)
    assert basemap.project(south, basemap.CENTRAL_MERIDIAN)[1] == pytest.approx(
        basemap.VIEW_HEIGHT, abs=1
    )
    assert basemap.in_view(*KABUL)
    assert basemap.in_view(38.5598, 68.7870)  # Dushanbe
    assert not basemap.in_view(35.6892, 51.3890)  # Tehran
    assert not basemap.in_view(19.0760, 72.8777)  # Mumbai
    assert not basemap.in_view(43.8256, 87.6168)  # Urumqi
    assert not basemap.in_view(-90, 0)
    with pytest.raises(ValueError, match="out of range"):
        basemap.project(-90, 0)


def test_the_module_is_small_pure_and_generated() -> None:
    source = MODULE.read_bytes()
    assert len(source) < SIZE_BUDGET
    assert b"do not edit by hand" in source.lower().replace(b"\n", b" ")
    assert mapdata.INTEGRITY.encode() in source
    imported = {
        alias.name
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    } | {node.module for node in ast.walk(ast.parse(source)) if isinstance(node, ast.ImportFrom)}
    assert imported <= {"annotations", "__future__", "math", "dataclasses", "dataclass"}


def test_topology_decoding_and_simplifying() -> None:
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.25], "translate": [60, 30]},
        "arcs": [[[0, 0], [2, 0], [0, 4], [-2, 0], [0, -4]], [[4, 4], [1, 1]]],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "arcs": [[0]], "id": "001", "properties": {"name": "A"}},
                    {"type": None, "properties": {"name": "Nowhere"}},
                ],
            }
        },
    }
    arcs = mapdata.decode_arcs(topology)
    assert arcs[0] == [(60, 30), (61, 30), (61, 31), (60, 31), (60, 30)]
    assert arcs[1] == [(62, 31), (62.5, 31.25)]
    (geometry,) = mapdata.read_geometries(topology)
    assert (geometry.id, geometry.name, geometry.arcs()) == ("001", "A", {0})
    square = geometry.shape(arcs)
    assert square.is_valid
    assert square.area == pytest.approx(1.0)


def test_a_wrong_tarball_is_refused() -> None:
    with pytest.raises(mapdata.MapDataError, match="integrity"):
        mapdata.read_topology(b"not the package")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("npm") is None, reason="npm is not installed")
def test_regenerating_writes_the_same_bytes(tmp_path: Path) -> None:
    out = tmp_path / "basemap.py"
    done = subprocess.run(
        [sys.executable, "-m", "titfortat_dev.mapdata", "--out", str(out)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT / "scripts")},
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert "verified" in done.stdout
    assert out.read_bytes() == MODULE.read_bytes(), "run `make map-data` and commit the result"
