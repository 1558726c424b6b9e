"""The map's labels, measured where a reader sees them: on a phone (412 px) and a desk
(1280 px), light and dark, no place's name or number overlaps another label, a marker, a
country's name or a leader line, none is cut off at the map's edge, and none is smaller than
12 px. Every marker has its name beside it or a number that the key under the map names.

The boxes are the browser's own (getBoundingClientRect, in CSS pixels), so this holds the
build-time placement in titfortat.plan.map to the fonts a browser actually draws with.
"""

from __future__ import annotations

import itertools
from typing import Any, Literal

import pytest

from titfortat.plan import maplabels
from titfortat_dev.browser import OpenPage

pytestmark = pytest.mark.browser

WIDTHS = {"phone": 412, "desk": 1280}
SCHEMES: tuple[Literal["light", "dark"], ...] = ("light", "dark")
PAGES = (
    "places/",  # the large map, every place labelled
    "",  # the home page's small map
    "places/mastung/",  # a place page: the place marked and named
    "places/khyber-pakhtunkhwa/",  # the longest name, in the most crowded corner
    "places/pakistan/",  # a country page: the country shaded
)
MIN_FONT_PX = 12.0
SLACK = 0.25
"""Pixels two boxes may share before they count as overlapping (rounding in the layout)."""

MEASURE = """() => {
  const svg = document.querySelector("svg.tft-map__svg");
  const rect = (el) => { const r = el.getBoundingClientRect();
    return {x1: r.left, y1: r.top, x2: r.right, y2: r.bottom}; };
  const px = (el) => parseFloat(getComputedStyle(el).fontSize) * el.getScreenCTM().a;
  const text = (el) => ({text: el.textContent, box: rect(el), px: px(el)});
  const places = Array.from(svg.querySelectorAll("a.tft-map__place")).map((a) => {
    const circle = a.querySelector("circle");
    const box = rect(circle);
    const scale = circle.getScreenCTM().a;
    const stroke = parseFloat(getComputedStyle(circle).strokeWidth) || 0;
    const leader = a.querySelector(".tft-map__leader");
    let line = null;
    if (leader) {
      const m = leader.getScreenCTM();
      const at = (x, y) => { const p = new DOMPoint(x, y).matrixTransform(m); return [p.x, p.y]; };
      line = [at(leader.x1.baseVal.value, leader.y1.baseVal.value),
              at(leader.x2.baseVal.value, leader.y2.baseVal.value)];
    }
    const label = a.querySelector(".tft-map__label");
    return {
      name: a.getAttribute("aria-label"),
      marker: {cx: (box.x1 + box.x2) / 2, cy: (box.y1 + box.y2) / 2,
               r: (box.x2 - box.x1) / 2 + stroke * scale / 2},
      label: label ? text(label) : null,
      leader: line,
    };
  });
  return {
    svg: rect(svg),
    places,
    countries: Array.from(svg.querySelectorAll(".tft-map__country")).map(text),
    key: Array.from(document.querySelectorAll(".tft-map__numbers li"))
      .map((li) => li.textContent.replace(/\\s+/g, " ").trim()),
  };
}"""

Box = dict[str, float]


def overlap(a: Box, b: Box) -> bool:
    """Whether two boxes share more than a sliver."""
    return (
        min(a["x2"], b["x2"]) - max(a["x1"], b["x1"]) > SLACK
        and min(a["y2"], b["y2"]) - max(a["y1"], b["y1"]) > SLACK
    )


def hits_circle(box: Box, circle: dict[str, float]) -> bool:
    """Whether a box reaches into a circle (its nearest point closer than the radius)."""
    return maplabels.Circle(circle["cx"], circle["cy"], circle["r"] - SLACK).hits_box(
        maplabels.Box(box["x1"], box["y1"], box["x2"], box["y2"])
    )


def crosses(line: list[list[float]], box: Box) -> bool:
    """Whether a segment passes through a box's inside, the layout's own test on what the
    browser drew."""
    (x1, y1), (x2, y2) = line
    inside = maplabels.Box(
        box["x1"] + SLACK, box["y1"] + SLACK, box["x2"] - SLACK, box["y2"] - SLACK
    )
    return maplabels.Segment(x1, y1, x2, y2).hits_box(inside)


def problems_of(found: dict[str, Any]) -> list[str]:
    """Every overlap, cut-off label and too-small text on one map, in words."""
    problems: list[str] = []
    places = found["places"]
    countries = found["countries"]
    labels = [(p["name"], p["label"]) for p in places if p["label"]]
    for name, label in labels:
        if label["px"] < MIN_FONT_PX - 0.01:
            problems.append(f"{name}: label {label['px']:.1f} px")
        box, svg = label["box"], found["svg"]
        if not (
            box["x1"] >= svg["x1"] - SLACK
            and box["x2"] <= svg["x2"] + SLACK
            and box["y1"] >= svg["y1"] - SLACK
            and box["y2"] <= svg["y2"] + SLACK
        ):
            problems.append(f"{name}: label {label['text']!r} runs off the map")
        for other in places:
            if hits_circle(box, other["marker"]):
                problems.append(f"{name}: label {label['text']!r} over {other['name']}'s marker")
        for country in countries:
            if overlap(box, country["box"]):
                problems.append(f"{name}: label {label['text']!r} over {country['text']!r}")
    for (name, label), (other, theirs) in itertools.combinations(labels, 2):
        if overlap(label["box"], theirs["box"]):
            problems.append(f"{name}: label {label['text']!r} over {other}'s {theirs['text']!r}")
    for country in countries:
        if country["px"] < MIN_FONT_PX - 0.01:
            problems.append(f"{country['text']!r}: {country['px']:.1f} px")
        for place in places:
            if hits_circle(country["box"], place["marker"]):
                problems.append(f"{country['text']!r} over {place['name']}'s marker")
    for a, b in itertools.combinations(countries, 2):
        if overlap(a["box"], b["box"]):
            problems.append(f"{a['text']!r} over {b['text']!r}")
    for place in places:
        if not place["leader"]:
            continue
        obstacles = [(f"{p['name']}'s label", p["label"]["box"]) for p in places if p["label"]]
        obstacles += [(repr(c["text"]), c["box"]) for c in countries]
        for what, box in obstacles:
            if what != f"{place['name']}'s label" and crosses(place["leader"], box):
                problems.append(f"{place['name']}: leader line through {what}")
    return problems


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_no_map_label_overlaps_anything(open_page: OpenPage, width: int, scheme: str) -> None:
    problems: list[str] = []
    for path in PAGES:
        page, _ = open_page(path, viewport={"width": width, "height": 900}, color_scheme=scheme)
        page.evaluate("document.fonts.ready")
        found = page.evaluate(MEASURE)
        assert found["places"], f"/{path}: no places on the map"
        problems += [f"/{path}: {problem}" for problem in problems_of(found)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", PAGES)
def test_every_marker_is_named_or_numbered_in_the_key(open_page: OpenPage, path: str) -> None:
    """A marker's label is its name, or a number the key under the map gives the name of;
    the place whose page it is always has its name. A marker with no room even for a number
    is counted in the map's own words, and named in the list after the map."""
    page, _ = open_page(path, viewport={"width": WIDTHS["phone"], "height": 900})
    found = page.evaluate(MEASURE)
    key = set(found["key"])
    unlabelled = [p for p in found["places"] if p["label"] is None]
    if unlabelled:
        note = page.locator(".tft-map__unlabelled").first.inner_text()
        assert note.startswith(str(len(unlabelled))), f"/{path}: {note!r}"
    listed = page.evaluate(
        "() => Array.from(document.querySelectorAll('.tft-map__text a')).map(a => a.textContent)"
    )
    for place in found["places"]:
        name = place["name"].removesuffix(" (this page)")
        label = place["label"]
        if label is None:
            assert not place["name"].endswith("(this page)"), f"/{path}: {name} is not named"
            assert name in listed, f"/{path}: {name} is in no list"
            continue
        if label["text"] == name:
            continue
        assert not place["name"].endswith("(this page)"), f"/{path}: {name} is not named"
        assert label["text"].isdigit(), f"/{path}: {name} is labelled {label['text']!r}"
        assert f"{label['text']} {name}" in key, f"/{path}: the key lacks {label['text']} {name}"
