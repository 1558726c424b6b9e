"""The map's labels as the build places them (titfortat.plan.map, titfortat.plan.maplabels),
checked in view units, without a browser: no label overlaps another, a marker, a country's
name or a leader line, none leaves the map, the place whose page a map is on is named, the
numbers the key gives are the numbers drawn, and the same data gives the same map.

tests/browser/test_map_labels.py measures the same maps as a browser draws them.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pytest

from titfortat.check import check
from titfortat.load.inputs import Inputs
from titfortat.model.dataset import Dataset
from titfortat.pipeline import load_dataset
from titfortat.plan import basemap, maplabels
from titfortat.plan.map import LABEL_SIZE, OUTLINE, MapView, build_map
from titfortat.plan.maplabels import ASCENT, COUNTRY_SIZE, DESCENT, FOCUS_SIZE, Box, Site, Style
from titfortat.plan.views import Views
from titfortat_dev import synth

ROOT = Path(__file__).resolve().parents[1]


def _views(dataset: Dataset) -> Views:
    return Views.build(dataset)


@pytest.fixture(scope="module")
def real() -> Views:
    return _views(load_dataset(ROOT / "data"))


@pytest.fixture(scope="module")
def synthetic() -> Views:
    files = synth.synthesize(1000, seed=1)
    result = check(
        Inputs(
            files={p: b for p, b in files.items() if p.endswith(".yaml")},
            texts={p: b for p, b in files.items() if p.endswith(".txt")},
        )
    )
    assert result.dataset is not None
    return _views(result.dataset)


def problems_of(drawn: MapView) -> list[str]:
    """Every overlap on one map, in words (boxes as drawn: a label's textLength wide)."""
    size = LABEL_SIZE[drawn.size]
    labels: list[tuple[str, Box]] = []
    leaders: list[tuple[str, maplabels.Segment]] = []
    for marker in drawn.markers:
        label = marker.label
        if label is None:
            continue
        box = Box(
            label.x, label.y - ASCENT * size, label.x + label.length, label.y + DESCENT * size
        )
        labels.append((marker.name, box))
        if label.leader is not None:
            leaders.append((marker.name, maplabels.Segment(*label.leader)))
    countries = []
    for country in drawn.countries:
        height = FOCUS_SIZE if country.focus else COUNTRY_SIZE
        countries.append(
            (
                country.name,
                Box(
                    country.x - country.length / 2,
                    country.y - ASCENT * height,
                    country.x + country.length / 2,
                    country.y + DESCENT * height,
                ),
            )
        )
    circles = [(m.name, maplabels.Circle(m.x, m.y, m.r + OUTLINE)) for m in drawn.markers]
    view = Box(0, 0, basemap.VIEW_WIDTH, basemap.VIEW_HEIGHT)
    problems = []
    for name, box in labels:
        if not box.within(view):
            problems.append(f"{name} leaves the map")
        problems += [f"{name} over {other}'s marker" for other, c in circles if c.hits_box(box)]
        problems += [f"{name} over {country}" for country, b in countries if b.overlaps(box)]
        problems += [
            f"{other}'s leader through {name}"
            for other, leader in leaders
            if other != name and leader.hits_box(box)
        ]
    for (a, box_a), (b, box_b) in itertools.combinations(labels + countries, 2):
        if box_a.overlaps(box_b):
            problems.append(f"{a} over {b}")
    for country, box in countries:
        problems += [f"{country} over {other}'s marker" for other, c in circles if c.hits_box(box)]
    for (a, one), (b, two) in itertools.combinations(leaders, 2):
        if one.crosses(two, 0.0):
            problems.append(f"{a}'s leader crosses {b}'s")
    return problems


def every_map(views: Views) -> list[tuple[str, MapView]]:
    maps = [("places", build_map(views, size="large")), ("home", build_map(views, size="small"))]
    maps += [
        (place_id, build_map(views, current=place_id, size="small"))
        for place_id in views.dataset.places
    ]
    return maps


def test_the_real_maps_have_no_overlaps_and_every_place_accounted_for(real: Views) -> None:
    """Whatever the data holds: no label over another, a marker or a country's name; each
    marker named, or numbered in the key, or (no room even for a number) counted in the
    map's words, and every place named in the list after the map."""
    for page, drawn in every_map(real):
        assert not problems_of(drawn), (page, problems_of(drawn))
        assert drawn.markers, page
        key = {name for _, name in drawn.key}
        listed = {entry.seg.text for _, entries in drawn.by_country for entry in entries}
        unlabelled = 0
        for marker in drawn.markers:
            assert marker.name in listed, (page, marker.name)
            if marker.label is None:
                unlabelled += 1
            elif marker.label.number:
                assert marker.name in key, (page, marker.name)
            else:
                assert marker.label.text == marker.name, (page, marker.name)
        assert drawn.unlabelled == unlabelled, page
        assert {c.name for c in drawn.countries} >= {"AFGHANISTAN", "PAKISTAN", "IRAN", "INDIA"}


def test_the_big_map_names_the_places_the_readers_saw_collide(real: Views) -> None:
    """Bamiyan was printed across AFGHANISTAN, Khyber Pakhtunkhwa across Kabul into
    Afghanistan, Balochistan on PAKISTAN."""
    drawn = build_map(real, size="large")
    named = {m.name: m for m in drawn.markers}
    assert set(named) >= {"Bamiyan", "Khyber Pakhtunkhwa", "Kabul", "Balochistan"}
    assert not problems_of(drawn)
    kp = named["Khyber Pakhtunkhwa"]
    assert kp.label is not None
    # Centred over its own marker, not running off to the west over Afghanistan's places.
    assert kp.label.x < kp.x < kp.label.x + kp.label.length


def test_a_synthetic_map_has_no_overlaps_and_names_its_page_place(synthetic: Views) -> None:
    maps = every_map(synthetic)
    for page, drawn in maps:
        assert not problems_of(drawn), (page, problems_of(drawn))
        current = [m for m in drawn.markers if m.current]
        if current:
            assert current[0].label is not None, page
            assert current[0].label.text == current[0].name, page
        numbers = [m.label.text for m in drawn.markers if m.label and m.label.number]
        assert sorted(numbers, key=int) == [str(i) for i in range(1, len(numbers) + 1)]
        assert [number for number, _ in drawn.key] == [str(i) for i in range(1, len(numbers) + 1)]
        for marker in drawn.markers:
            if marker.label and marker.label.number:
                assert (marker.label.text, marker.name) in drawn.key
    large = maps[0][1]
    assert len(large.markers) > 20
    assert sum(1 for m in large.markers if m.label and m.label.leader) > 0


def test_the_same_data_gives_the_same_map(synthetic: Views) -> None:
    again = _views(synthetic.dataset)
    for size in ("large", "small"):
        assert build_map(synthetic, size=size) == build_map(again, size=size)
    place = next(iter(synthetic.dataset.places))
    assert build_map(synthetic, current=place, size="small") == build_map(
        again, current=place, size="small"
    )


def test_names_with_no_room_become_numbers_in_reading_order() -> None:
    """Names too long for the map: numbers beside the markers, 1 the topmost."""
    long = "A place whose name is far too long to be printed anywhere on a map"
    sites = [Site(f"p{i}", f"{long} {i}", 200.0 + 150 * (i % 4), 800.0 - 150 * i) for i in range(5)]
    style = Style(size=34.0, marker=13.0)
    layout = maplabels.place_labels(sites, [], Box(0, 0, 1000, 1000), style)
    assert layout.numbered == ("p4", "p3", "p2", "p1", "p0")
    for number, key in enumerate(layout.numbered, start=1):
        label = layout.labels[key]
        assert label is not None
        assert label.number
        assert label.text == str(number)
        assert label.leader is None


def test_a_crowd_leaves_markers_alone_rather_than_overlap() -> None:
    """Forty places on one spot: a few names on leader lines, the rest markers alone."""
    sites = [Site(f"p{i:02}", f"Place {i}", 500.0 + i % 3, 500.0 + i // 3) for i in range(40)]
    style = Style(size=34.0, marker=13.0)
    layout = maplabels.place_labels(sites, [], Box(0, 0, 1000, 1000), style)
    labels = [label for label in layout.labels.values() if label is not None]
    assert len(labels) > 4
    assert all(label.leader is not None for label in labels)
    assert sum(1 for label in layout.labels.values() if label is None) > 0
    for a, b in itertools.combinations(labels, 2):
        assert not a.box.overlaps(b.box)
        assert a.leader is not None
        assert b.leader is not None
        assert not a.leader.crosses(b.leader, 0.0)
        assert not a.leader.hits_box(b.box)


def test_text_widths() -> None:
    assert maplabels.text_width("Kabul", 100, bold=True) == pytest.approx(
        72.3 + 55.7 + 61.1 + 61.1 + 27.8
    )
    assert maplabels.text_width("Kabul", 100, bold=False) < maplabels.text_width(
        "Kabul", 100, bold=True
    )
    # Accented letters as their letter; anything else as an em, the widest.
    assert maplabels.text_width("é", 10, bold=False) == maplabels.text_width("e", 10, bold=False)
    assert maplabels.text_width("کابل", 10, bold=False) == 40
    assert maplabels.text_width("AB", 10, bold=True, spacing=0.1) == pytest.approx(
        maplabels.text_width("AB", 10, bold=True) + 2
    )
    assert math.isclose(maplabels.text_width("", 10, bold=True), 0)
