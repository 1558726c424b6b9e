"""The timeline chart's layout (plan/chart.py): what a reader must be able to rely on in both
drawings, on made-up marks and on the real data.

Nothing written over anything else, every mark a target of at least 24 by 24 that no other
mark's target covers, time in order, a band per exchange, a label per moment, and a line from
an answer only to what a source ties it to. The browser tests (tests/browser/
test_chart_and_map.py) measure the drawn sizes in pixels."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from conftest import DATA
from titfortat.pipeline import DEFAULT_SITE, load_dataset
from titfortat.plan.chart import (
    TARGET,
    Band,
    Box,
    Chart,
    Drawing,
    Mark,
    Moment,
    Tie,
    build_chart,
    group_marks,
    wrap,
)
from titfortat.plan.pages.common import Plan
from titfortat.plan.pages.timeline import chart as timeline_chart
from titfortat.plan.pages.timeline import timeline_entries

D = dt.date
SIDES = ("Kabul", "Islamabad")
LANES = ("Kabul", "Islamabad", "Others", "Events")


def mark(key: str, lane: str, last: D, kind: str = "claim", first: D | str | None = "") -> Mark:
    start = last if first == "" else first
    assert not isinstance(start, str)
    return Mark(key, kind, lane, start, last, f"{last.isoformat()}: {key}", f"#{key}")


MARKS = [
    mark("k1", "Kabul", D(2024, 5, 8)),
    mark("i1", "Islamabad", D(2024, 5, 7)),
    mark("i2", "Islamabad", D(2024, 5, 9), "answer"),
    mark("e1", "Events", D(2024, 3, 26), "event"),
    mark("e2", "Events", D(2021, 8, 15), "event"),
    mark("k2", "Kabul", D(2024, 9, 30)),
    mark("k3", "Kabul", D(2024, 9, 30)),
    mark("k4", "Kabul", D(2024, 9, 30)),
    mark("o1", "Others", D(2024, 10, 5), first=None),
    mark("i3", "Islamabad", D(2024, 10, 5), first=D(2024, 9, 24)),
    mark("k5", "Kabul", D(2025, 1, 10)),
    mark("i4", "Islamabad", D(2025, 1, 12), "answer"),
    mark("i5", "Islamabad", D(2025, 1, 12)),
    mark("k6", "Kabul", D(2025, 1, 23), first=None),
    mark("i6", "Islamabad", D(2025, 1, 23), "answer"),
    mark("k7", "Kabul", D(2025, 1, 24), "position", first=None),
]
BANDS = [
    Band("May 2024: after an attack", D(2024, 5, 7), D(2024, 5, 9), "/x/may/", "May"),
    Band("September 2024: camps", D(2024, 9, 24), D(2024, 10, 5), "/x/sep/", "Sep"),
    Band("January 2025: training centres and camps", D(2025, 1, 10), D(2025, 1, 24), "/x/j/", "J"),
]
MOMENTS = [
    Moment("Army: attack planned across the border", ("i1",), "#i1", "i1"),
    Moment("Spokesman: training centres across the border", ("k2", "k3"), "#k2", "k2"),
    Moment("Minister: training centres", ("k5",), "#k5", "k5"),
    Moment("Foreign Office: “weird propaganda”", ("i6",), "#i6", "i6"),
]
TIES = [Tie("i2", "k1"), Tie("i4", "k5"), Tie("i6", "k6")]


@pytest.fixture(scope="module")
def made_up() -> Chart:
    found = build_chart(MARKS, LANES, SIDES, BANDS, MOMENTS, TIES)
    assert found is not None
    return found


def drawings(chart: Chart) -> list[Drawing]:
    return [chart.wide, chart.narrow]


def text_boxes(drawing: Drawing) -> list[tuple[str, Box]]:
    found = [(f"lane {lane.name}", lane.text.box) for lane in drawing.lanes]
    found += [(f"band {band.name}", band.text.box) for band in drawing.bands]
    found += [(f"moment {c.name}", c.text.box) for c in drawing.callouts]
    found += [(f"tick {t.text.lines}", t.text.box) for t in drawing.ticks]
    found += [(f"cut {c.label}", c.text.box) for c in drawing.cuts]
    return found


def assert_readable(drawing: Drawing) -> None:
    """No two words overlap, no words sit on a mark or on a bar of days, no two targets
    overlap, everything is inside the drawing, every target is at least 24 by 24."""
    texts = text_boxes(drawing)
    for (a, box_a), (b, box_b) in itertools.combinations(texts, 2):
        assert not box_a.overlaps(box_b), f"{drawing.name}: {a!r} overlaps {b!r}"
    for name, box in texts:
        for shape in drawing.shapes:
            assert not box.overlaps(shape.hit), f"{drawing.name}: {name!r} covers {shape.label!r}"
            for piece in shape.pieces:
                assert not box.overlaps(piece), (
                    f"{drawing.name}: {name!r} is drawn across the bar of {shape.label!r}"
                )
        assert box.x >= 0, f"{name!r} leaves the drawing"
        assert box.x + box.w <= drawing.width, f"{name!r} leaves the drawing"
        assert box.y >= 0, f"{name!r} leaves the drawing"
        assert box.y + box.h <= drawing.height, f"{name!r} leaves the drawing"
    for one, other in itertools.combinations(drawing.shapes, 2):
        assert not one.hit.overlaps(other.hit, -0.5), (
            f"{drawing.name}: targets of {one.label!r} and {other.label!r} overlap"
        )
    for shape in drawing.shapes:
        assert shape.hit.w >= TARGET
        assert shape.hit.h >= TARGET
        assert shape.hit.x >= 0
        assert shape.hit.x + shape.hit.w <= drawing.width
        assert shape.hit.y >= 0
        assert shape.hit.y + shape.hit.h <= drawing.height


def test_nothing_overlaps_and_every_mark_is_a_target(made_up: Chart) -> None:
    for drawing in drawings(made_up):
        assert_readable(drawing)


def test_same_day_same_kind_marks_are_drawn_once_with_their_count(made_up: Chart) -> None:
    drawn, drawn_as = group_marks(MARKS)
    assert drawn_as["k3"] == drawn_as["k4"] == "k2"
    grouped = next(m for m in drawn if m.key == "k2")
    assert grouped.count == 3
    assert "3 claims" in grouped.label
    assert "k3" in grouped.label
    # the answer and the claim of 12 January are of different kinds: two marks
    assert drawn_as["i4"] != drawn_as["i5"]
    for drawing in drawings(made_up):
        assert [s.count for s in drawing.shapes if s.href == "#k2"] == [3]
        assert len(drawing.shapes) == len(drawn)


def test_time_runs_one_way_in_each_drawing(made_up: Chart) -> None:
    drawn, _ = group_marks(MARKS)
    by_href = {m.href: m.last for m in drawn}
    for drawing, position in ((made_up.wide, "cx"), (made_up.narrow, "cy")):
        placed = sorted(drawing.shapes, key=lambda s: by_href[s.href])
        for earlier, later in itertools.pairwise(placed):
            if by_href[earlier.href] < by_href[later.href]:
                assert getattr(earlier, position) < getattr(later, position), drawing.name


def test_the_two_sides_are_drawn_in_the_same_terms(made_up: Chart) -> None:
    assert [lane.name for lane in made_up.wide.lanes][:2] == list(SIDES)
    narrow = {lane.name: lane for lane in made_up.narrow.lanes}
    middle = made_up.narrow.width / 2
    assert middle - narrow["Kabul"].box.x == pytest.approx(narrow["Islamabad"].box.x - middle)
    kinds = {(s.kind, s.href) for s in made_up.wide.shapes}
    assert ("claim", "#k1") in kinds
    assert ("claim", "#i1") in kinds


def test_each_exchange_is_a_named_band_around_its_marks(made_up: Chart) -> None:
    for drawing in drawings(made_up):
        assert [b.href for b in drawing.bands] == [b.href for b in BANDS]
        for band, view in zip(BANDS, drawing.bands, strict=True):
            assert " ".join(view.text.lines).replace("…", "") in band.label or (
                " ".join(view.text.lines) == band.label
            )
            inside = [
                s
                for s in drawing.shapes
                if band.first <= next(m.last for m in MARKS if f"#{m.key}" == s.href) <= band.last
            ]
            assert inside
            for shape in inside:
                if drawing.name == "wide":
                    assert view.box.x <= shape.cx <= view.box.x + view.box.w
                else:
                    assert view.box.y <= shape.cy <= view.box.y + view.box.h


def test_each_moment_is_labelled_in_words_with_a_line_to_each_of_its_marks(
    made_up: Chart,
) -> None:
    for drawing in drawings(made_up):
        assert len(drawing.callouts) == len(MOMENTS)
        for callout in drawing.callouts:
            assert callout.leader.count("M") >= 1
        labels = {" ".join(c.text.lines) for c in drawing.callouts}
        assert labels == {m.label for m in MOMENTS}
        spokesman = next(c for c in drawing.callouts if c.href == "#k2")
        assert spokesman.leader.count("M") == 1  # k2 and k3 are one mark


def test_an_answer_is_drawn_to_what_it_answers_only_where_tied(made_up: Chart) -> None:
    assert made_up.ties == len(TIES)
    for drawing in drawings(made_up):
        assert len(drawing.ties) == len(TIES)
    untied = build_chart(MARKS, LANES, SIDES, BANDS, MOMENTS, ())
    assert untied is not None
    assert untied.wide.ties == ()
    assert untied.narrow.ties == ()


def test_long_empty_stretches_are_cut_and_said_in_words(made_up: Chart) -> None:
    for drawing in drawings(made_up):
        labels = [c.label for c in drawing.cuts]
        assert labels[0] == "about 3 years with nothing on the chart"
        assert "about 5 months with nothing on the chart" in labels


def test_the_narrow_drawing_fits_a_phone() -> None:
    chart = build_chart(MARKS, LANES, SIDES, BANDS, MOMENTS, TIES)
    assert chart is not None
    assert chart.narrow.width <= 400
    assert chart.wide.width <= 960


def test_layout_is_the_same_every_time() -> None:
    assert build_chart(MARKS, LANES, SIDES, BANDS, MOMENTS, TIES) == build_chart(
        list(reversed(MARKS)), LANES, SIDES, BANDS, MOMENTS, TIES
    )


def test_wrap_keeps_every_word_or_says_it_cut() -> None:
    assert wrap("one two three four", 80) == ("one two", "three four")
    cut = wrap("a " * 200, 60, most=2)
    assert len(cut) == 2
    assert cut[-1].endswith("…")


def test_the_real_data_chart_is_readable() -> None:
    """An invariant of whatever the data holds: every exchange a band, every moment a label,
    nothing overlapping."""
    dataset = load_dataset(DATA, base=DATA.parent)
    plan = Plan(dataset, DEFAULT_SITE, {})
    entries = [e for e in timeline_entries(plan) if e.date is not None]
    chart = timeline_chart(plan, entries)
    assert chart is not None
    for drawing in drawings(chart):
        assert_readable(drawing)
        assert len(drawing.bands) == len(dataset.exchanges)
        assert len(drawing.callouts) == sum(len(x.moments) for x in dataset.exchanges.values())
    answers = sum(len(s.answers) for s in dataset.statements.values())
    assert chart.ties == answers


def test_a_long_chart_groups_by_week_then_by_month() -> None:
    """However long the story, the chart's marks stay few enough for a page's weight."""
    start = D(2025, 1, 1)
    many = [
        mark(f"k{i}", "Kabul" if i % 2 else "Islamabad", start + dt.timedelta(days=i // 2))
        for i in range(400)
    ]
    drawn, drawn_as = group_marks(many)
    assert len(drawn) <= 2 * 30  # two lanes, 200 days: about 29 weeks each
    assert set(drawn_as) == {m.key for m in many}
    assert any(m.label.startswith("Week of ") and m.count > 1 for m in drawn)
    monthly, _ = group_marks(many * 3)
    assert len(monthly) <= 2 * 7
    assert any(m.label.startswith("Jan 2025: ") for m in monthly)
    chart = build_chart(many, LANES, SIDES)
    assert chart is not None
    for drawing in drawings(chart):
        assert_readable(drawing)


def test_both_drawings_list_the_same_marks_in_the_same_order(made_up: Chart) -> None:
    """The narrow drawing names each mark by the wide one's title at the same place in the
    list (chart.j2), so the two lists must match mark for mark."""
    assert [(s.href, s.label) for s in made_up.wide.shapes] == [
        (s.href, s.label) for s in made_up.narrow.shapes
    ]


def test_a_bar_of_days_is_broken_where_an_exchanges_name_crosses_it() -> None:
    """A statement made some time from before an exchange began to within it: its bar runs
    through the exchange's heading row on a phone, and is broken there, not written over."""
    crossing = mark("i7", "Islamabad", D(2025, 1, 20), first=D(2024, 12, 1))
    chart = build_chart([*MARKS, crossing], LANES, SIDES, BANDS, MOMENTS, TIES)
    assert chart is not None
    assert_readable(chart.narrow)
    shape = next(s for s in chart.narrow.shapes if s.label == crossing.label)
    heading = next(b.text.box for b in chart.narrow.bands if b.name == BANDS[2].name)
    assert shape.span is not None
    assert shape.span.y < heading.y
    assert shape.span.y + shape.span.h > heading.y + heading.h
    above, below = shape.pieces
    assert above.y == shape.span.y
    assert above.y + above.h < heading.y
    assert below.y > heading.y + heading.h
    assert below.y + below.h == shape.span.y + shape.span.h
