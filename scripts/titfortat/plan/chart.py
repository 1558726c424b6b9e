"""The timeline chart's geometry: who said what when, on a time axis you can see.

One lane per side (Pakistan, the Taliban government and Afghanistan, everyone else, and the
events), claims as points or spans, open starts as fading spans, events as markers, answers
(status changes) as their own mark in the lane of the side that answered. Long empty
stretches are cut out and labelled, so a decade of silence does not squash the months that
matter. Only numbers and names here; templates/chart.j2 draws the SVG, with no script.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from titfortat.model.dates import SHORT_MONTHS

WIDTH = 900
LEFT = 150
"""Room for the lanes' names."""
RIGHT = 20
LANE_HEIGHT = 56
TOP = 18
AXIS = 40
GAP_WIDTH = 34
"""Width of a cut-out stretch of empty time."""
GAP_DAYS = 75
"""Stretches with nothing for longer than this are cut out."""
MIN_SEGMENT_DAYS = 21
"""A stretch of activity is never drawn narrower than this many days would be."""
STACK = 11
"""Vertical step between marks that would overlap."""


@dataclass(frozen=True)
class Mark:
    """Something to place: a claim, an event or an answer, with when it may have been."""

    kind: str
    """"claim", "event" or "answer"."""
    lane: str
    first: dt.date | None
    """None for an open start ("by 5 October 2024")."""
    last: dt.date
    label: str
    href: str
    state: str = ""
    """For an answer, its state (a class for the marker's shape)."""


@dataclass(frozen=True)
class Placed:
    """A mark on the drawing."""

    kind: str
    x1: float
    x2: float
    y: float
    open_start: bool
    label: str
    href: str
    state: str

    @property
    def is_span(self) -> bool:
        """Drawn as a span (an interval wider than a dot), not a point."""
        return self.x2 - self.x1 > 4 or self.open_start


@dataclass(frozen=True)
class Tick:
    """A label on the time axis."""

    x: float
    label: str


@dataclass(frozen=True)
class Break:
    """A cut-out stretch of empty time."""

    x: float
    label: str


@dataclass(frozen=True)
class Lane:
    """A lane: its name and where it sits."""

    name: str
    y: float


@dataclass(frozen=True)
class Chart:
    """The drawing."""

    width: int
    height: int
    left: int
    lanes: tuple[Lane, ...]
    marks: tuple[Placed, ...]
    ticks: tuple[Tick, ...]
    breaks: tuple[Break, ...]
    axis_y: float
    first: str
    last: str

    @property
    def count(self) -> int:
        """How many marks the chart holds."""
        return len(self.marks)


def _segments(days: Sequence[dt.date]) -> list[tuple[dt.date, dt.date]]:
    """Stretches of time with something in them, split where nothing happens for long."""
    ordered = sorted(set(days))
    segments: list[list[dt.date]] = [[ordered[0], ordered[0]]]
    for day in ordered[1:]:
        if (day - segments[-1][1]).days > GAP_DAYS:
            segments.append([day, day])
        else:
            segments[-1][1] = day
    return [(start, end) for start, end in segments]


def _gap_label(days: int) -> str:
    years, rest = divmod(days, 365)
    months = round(rest / 30.4)
    if months == 12:
        years, months = years + 1, 0
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if months:
        parts.append(f"{months} month{'s' if months != 1 else ''}")
    return "≈ " + " ".join(parts or ["a few weeks"]) + " with nothing"


def build_chart(marks: Sequence[Mark], lanes: Sequence[str]) -> Chart | None:
    """Lay out the marks in ``lanes`` (top to bottom); None when nothing is dated."""
    if not marks:
        return None
    days = [m.last for m in marks] + [m.first for m in marks if m.first is not None]
    segments = _segments(days)
    # Each stretch gets width in proportion to its length (never too thin); gaps a fixed width.
    inner = WIDTH - LEFT - RIGHT - GAP_WIDTH * (len(segments) - 1)
    spans = [max((end - start).days, MIN_SEGMENT_DAYS) for start, end in segments]
    scale = inner / sum(spans)
    offsets: list[tuple[dt.date, dt.date, float, float]] = []
    x = float(LEFT)
    breaks: list[Break] = []
    for index, ((start, end), span) in enumerate(zip(segments, spans, strict=True)):
        width = span * scale
        pad = (width - (end - start).days * scale) / 2
        offsets.append((start, end, x + pad, scale))
        x += width
        if index < len(segments) - 1:
            gap = (segments[index + 1][0] - end).days
            breaks.append(Break(round(x + GAP_WIDTH / 2, 1), _gap_label(gap)))
            x += GAP_WIDTH

    def position(day: dt.date) -> float:
        for start, end, origin, per_day in offsets:
            if start <= day <= end:
                return origin + (day - start).days * per_day
        raise AssertionError(day)

    def segment_start(day: dt.date) -> float:
        for start, end, origin, _ in offsets:
            if start <= day <= end:
                return origin
        raise AssertionError(day)

    lanes_used = [lane for lane in lanes if any(m.lane == lane for m in marks)]
    lane_y = {lane: TOP + LANE_HEIGHT * i + LANE_HEIGHT / 2 for i, lane in enumerate(lanes_used)}
    placed: list[Placed] = []
    levels: dict[str, list[list[tuple[float, float]]]] = {lane: [] for lane in lanes_used}
    order = sorted(marks, key=lambda m: (m.last, m.first or dt.date.min, m.kind, m.href))
    for mark in order:
        x2 = position(mark.last)
        if mark.first is None:
            x1 = max(segment_start(mark.last) - 8, LEFT - 4)
        else:
            x1 = position(mark.first)
        # Stack marks that would overlap: the first level where this one fits.
        taken = levels[mark.lane]
        level = 0
        while level < len(taken) and any(
            x1 - 7 < right and x2 + 7 > left for left, right in taken[level]
        ):
            level += 1
        if level == len(taken):
            taken.append([])
        taken[level].append((x1, x2))
        shift = (level % 4) * STACK - 1.5 * STACK if level else 0.0
        placed.append(
            Placed(
                kind=mark.kind,
                x1=round(x1, 1),
                x2=round(x2, 1),
                y=round(lane_y[mark.lane] + shift, 1),
                open_start=mark.first is None,
                label=mark.label,
                href=mark.href,
                state=mark.state,
            )
        )
    ticks: list[Tick] = []
    for start, end, origin, per_day in offsets:
        ticks.extend(_ticks(start, end, origin, per_day))
    axis_y = TOP + LANE_HEIGHT * len(lanes_used) + 6
    return Chart(
        width=WIDTH,
        height=int(axis_y + AXIS),
        left=LEFT,
        lanes=tuple(Lane(lane, lane_y[lane]) for lane in lanes_used),
        marks=tuple(placed),
        ticks=tuple(ticks),
        breaks=tuple(breaks),
        axis_y=axis_y,
        first=_short(segments[0][0]),
        last=_short(segments[-1][1]),
    )


def _short(day: dt.date) -> str:
    return f"{day.day} {SHORT_MONTHS[day.month - 1]} {day.year}"


def _ticks(start: dt.date, end: dt.date, origin: float, per_day: float) -> list[Tick]:
    """Month (or year) labels within a stretch, never closer than about 60 pixels."""
    ticks: list[Tick] = []
    month = dt.date(start.year, start.month, 1)
    last_x = -1000.0
    while month <= end:
        if month >= start:
            x = origin + (month - start).days * per_day
            label = SHORT_MONTHS[month.month - 1]
            if month.month == 1 or not ticks:
                label = f"{label} {month.year}"
            if x - last_x >= 60:
                ticks.append(Tick(round(x, 1), label))
                last_x = x
        month = dt.date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    if not ticks:
        ticks.append(Tick(round(origin, 1), _short(start)))
    return ticks
