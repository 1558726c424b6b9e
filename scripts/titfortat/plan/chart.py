"""The timeline chart's geometry: who said what when, told in exchanges you can see.

Two drawings of the same marks, both laid out here and drawn by templates/chart.j2 with no
script; the page shows the one that fits the reader's width:

- the wide drawing runs left to right: a lane per side of the dispute (the two sides in the
  same terms, the events between them, everyone else below), the exchanges as named bands,
  the editor's moments labelled in words above or below their side's lane;
- the narrow drawing runs top to bottom for a phone: the two sides in columns either side of
  the events, each exchange's name as a heading row, each moment as a row of text beside its
  side.

In both, time is cut where nothing happens for long (the cut is marked), every distinct day
gets room of its own, and a line is drawn from an answer to what it answers only where a
source ties them (the caller passes just those). Only numbers and words here.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from titfortat.model.dates import SHORT_MONTHS

FONT = 14.0
"""Text size in drawing units. Each drawing is shown at about its own width, so a unit is
about a pixel: never under 12 px on the narrowest phone the styles allow for."""
CHAR = 0.56
"""Average width of a character, in ems: enough for the sans-serif fonts readers have."""
LINE = 18.0
"""Line height of wrapped text."""
TARGET = 24.0
"""Every mark is a target at least this big (WCAG 2.2, 2.5.8)."""
STEP = 26.0
"""Marks in one lane closer than this are stacked."""
GAP_DAYS = 75
"""Stretches with nothing for longer than this are cut out."""


@dataclass(frozen=True)
class Mark:
    """Something to place: a statement or an event, with when it may have been."""

    key: str
    """Its anchor in the list (``claim-<id>``, ``event-<id>``): links and moments use it."""
    kind: str
    """"claim", "answer", "position" or "event"."""
    lane: str
    first: dt.date | None
    """None for an open start ("by 5 October 2024")."""
    last: dt.date
    label: str
    """Its accessible name: date and title."""
    href: str
    state: str = ""
    """For an answer, the state it sets (a class for its colour)."""
    count: int = 1
    """How many entries the mark stands for (see group_marks)."""


@dataclass(frozen=True)
class Band:
    """An exchange: a named stretch of the story."""

    label: str
    first: dt.date
    last: dt.date
    href: str
    name: str
    """Its accessible name."""
    short: str = ""
    """Its name where room is short (the wide drawing, whose axis gives the dates)."""


@dataclass(frozen=True)
class Moment:
    """A moment the editor labels in words, at the marks of the statements it cites."""

    label: str
    keys: tuple[str, ...]
    href: str
    name: str


@dataclass(frozen=True)
class Tie:
    """An answer and what a source ties it to: drawn as a line from one to the other."""

    answer: str
    answered: str


@dataclass(frozen=True)
class Box:
    """A rectangle."""

    x: float
    y: float
    w: float
    h: float

    def overlaps(self, other: Box, pad: float = 0.0) -> bool:
        """Whether two boxes overlap (or come closer than ``pad``)."""
        return (
            self.x < other.x + other.w + pad
            and other.x < self.x + self.w + pad
            and self.y < other.y + other.h + pad
            and other.y < self.y + self.h + pad
        )


@dataclass(frozen=True)
class Text:
    """Lines of text: ``x`` is where each line is anchored, ``y`` the first baseline."""

    lines: tuple[str, ...]
    x: float
    y: float
    anchor: str
    """"start", "middle" or "end"."""
    box: Box
    """The room the text takes (for tests and for its link's target)."""


@dataclass(frozen=True)
class Shape:
    """A placed mark: its centre, its span (if it stands for a stretch of days), its
    target."""

    kind: str
    state: str
    cx: float
    cy: float
    span: Box | None
    open_start: bool
    label: str
    href: str
    hit: Box
    count: int = 1
    gaps: tuple[Box, ...] = ()
    """Where the span is broken, top to bottom, so that words drawn across it stay whole."""

    @property
    def pieces(self) -> tuple[Box, ...]:
        """The span as drawn: its parts between the gaps (none without a span)."""
        if self.span is None:
            return ()
        x, w, y, end = self.span.x, self.span.w, self.span.y, self.span.y + self.span.h
        found = []
        for gap in self.gaps:
            if gap.y > y:
                found.append(Box(x, y, w, gap.y - y))
            y = max(y, gap.y + gap.h)
        if end > y:
            found.append(Box(x, y, w, end - y))
        return tuple(found)


WORD_CLEARANCE = 3
"""Room kept between a bar of days and words drawn across it."""


def _clear_of(shape: Shape, words: Sequence[Box]) -> Shape:
    """A bar of days that runs under words (an exchange's name, a moment's) is broken where
    they stand; a fading bar (its start unknown) begins below them instead."""
    span = shape.span
    if span is None:
        return shape
    crossed = sorted(
        (
            Box(span.x, word.y - WORD_CLEARANCE, span.w, word.h + 2 * WORD_CLEARANCE)
            for word in words
            if span.overlaps(word, WORD_CLEARANCE)
        ),
        key=lambda gap: gap.y,
    )
    if not crossed:
        return shape
    if shape.open_start:
        top = max(gap.y + gap.h for gap in crossed)
        bottom = span.y + span.h
        return replace(shape, span=Box(span.x, top, span.w, bottom - top) if bottom > top else None)
    return replace(shape, gaps=tuple(crossed))


@dataclass(frozen=True)
class LaneView:
    """A lane (or, in the narrow drawing, a column) and its name."""

    name: str
    text: Text
    box: Box
    """The lane's stripe; for a column, its guide line's extent (width 0)."""
    alt: bool


@dataclass(frozen=True)
class BandView:
    """An exchange's band and its name (a link to the exchange's page)."""

    box: Box
    text: Text
    href: str
    name: str
    alt: bool
    leader: str
    """Path from the name to its band, when the name sits beside it; else empty."""


@dataclass(frozen=True)
class Callout:
    """A moment's words (a link) and the line to its marks."""

    text: Text
    leader: str
    href: str
    name: str


@dataclass(frozen=True)
class Tick:
    """A date on the time axis."""

    text: Text
    line: Box


@dataclass(frozen=True)
class Cut:
    """A stretch of empty time cut out of the axis."""

    path: str
    text: Text
    label: str
    """In words: "8 months with nothing on the chart"."""


@dataclass(frozen=True)
class Drawing:
    """One layout of the chart."""

    name: str
    """"wide" or "narrow": a class, and a prefix for the drawing's ids."""
    width: int
    height: int
    lanes: tuple[LaneView, ...]
    bands: tuple[BandView, ...]
    shapes: tuple[Shape, ...]
    callouts: tuple[Callout, ...]
    ties: tuple[str, ...]
    """Paths from each answer to what it answers (arrowheads included)."""
    ticks: tuple[Tick, ...]
    cuts: tuple[Cut, ...]
    guides: tuple[str, ...] = field(default=())
    """Paths of axis lines."""


@dataclass(frozen=True)
class Chart:
    """Both drawings, and what a caption says of them."""

    wide: Drawing
    narrow: Drawing
    first: str
    last: str
    count: int
    bands: int
    moments: int
    ties: int


def text_width(text: str, size: float = FONT) -> float:
    """How wide a line of text is drawn, near enough to keep labels apart."""
    return len(text) * size * CHAR


def wrap(text: str, width: float, size: float = FONT, most: int = 4) -> tuple[str, ...]:
    """Words in lines no wider than ``width`` (a word longer than that stands alone); at
    most ``most`` lines, the last ending in an ellipsis when words are left over."""
    limit = max(int(width / (size * CHAR)), 4)
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= limit:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > most:
        kept = lines[: most - 1]
        rest = " ".join(lines[most - 1 :])
        kept.append(rest[: max(limit - 1, 1)].rstrip() + "…")
        lines = kept
    return tuple(lines)


def short_date(day: dt.date) -> str:
    """'12 Oct 2025'."""
    return f"{day.day} {SHORT_MONTHS[day.month - 1]} {day.year}"


def _months_between(first: dt.date, last: dt.date) -> int:
    return max(round((last - first).days / 30.44), 1)


def _gap_words(first: dt.date, last: dt.date) -> tuple[tuple[str, str], str]:
    """A cut's length, in two short lines ("8", "months") and in words."""
    months = _months_between(first, last)
    if months >= 24:
        years = round(months / 12)
        return (str(years), "years"), f"about {years} years with nothing on the chart"
    unit = "month" if months == 1 else "months"
    return (str(months), unit), f"about {months} {unit} with nothing on the chart"


# -- Time ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scale:
    """Where each day falls along the time direction: every distinct day has room of its
    own, the rest in proportion to the days, long empty stretches cut out."""

    stops: tuple[tuple[dt.date, float], ...]
    """The days with marks (and the edges of the stretches), with their positions."""
    segments: tuple[tuple[dt.date, dt.date], ...]
    cuts: tuple[tuple[dt.date, dt.date, float], ...]
    """Each cut: the last day before it, the first after, and its middle."""
    end: float

    def at(self, day: dt.date) -> float:
        """The position of any day: between two stops in proportion; in a cut, at its
        nearer side."""
        stops = self.stops
        if day <= stops[0][0]:
            return stops[0][1]
        for (d1, p1), (d2, p2) in itertools.pairwise(stops):
            if d1 <= day <= d2:
                if any(before == d1 and after == d2 for before, after, _ in self.cuts):
                    return p1 if (day - d1) <= (d2 - day) else p2
                span = (d2 - d1).days
                return p1 + (p2 - p1) * ((day - d1).days / span if span else 0.0)
        return stops[-1][1]

    def same_stretch(self, first: dt.date, last: dt.date) -> bool:
        """Whether two days fall in one stretch (no cut between them)."""
        return self.segment_start(first) == self.segment_start(last)

    def segment_start(self, day: dt.date) -> float:
        """Where the stretch holding ``day`` begins."""
        for first, last in self.segments:
            if first <= day <= last:
                return self.at(first)
        return self.at(day)


def segments_of(days: Sequence[dt.date]) -> list[tuple[dt.date, dt.date]]:
    """Stretches of time with something in them, split where nothing happens for long."""
    ordered = sorted(set(days))
    found: list[list[dt.date]] = [[ordered[0], ordered[0]]]
    for day in ordered[1:]:
        if (day - found[-1][1]).days > GAP_DAYS:
            found.append([day, day])
        else:
            found[-1][1] = day
    return [(first, last) for first, last in found]


def build_scale(
    days: Sequence[dt.date],
    start: float,
    *,
    slot: float,
    cut: float,
    per_day: float | None = None,
    length: float | None = None,
    room_before: dict[dt.date, float] | None = None,
) -> Scale:
    """Positions for ``days``: ``slot`` before each distinct day, ``cut`` at each cut, any
    ``room_before`` a day (a heading), and the rest in proportion to the days: ``per_day``
    each, or whatever fills ``length``."""
    ordered = sorted(set(days))
    segments = segments_of(ordered)
    extra = room_before or {}
    inside = sum((last - first).days for first, last in segments)
    fixed = slot * (len(ordered) - len(segments)) + cut * (len(segments) - 1)
    fixed += sum(extra.values())
    if per_day is None:
        free = max((length or 0.0) - fixed, 0.0)
        per_day = free / inside if inside else 0.0
    stops: list[tuple[dt.date, float]] = []
    cuts: list[tuple[dt.date, dt.date, float]] = []
    position = start
    previous: dt.date | None = None
    for day in ordered:
        if previous is not None:
            if (day - previous).days > GAP_DAYS:
                cuts.append((previous, day, position + cut / 2))
                position += cut
            else:
                position += slot + (day - previous).days * per_day
        position += extra.get(day, 0.0)
        stops.append((day, round(position)))
        previous = day
    return Scale(tuple(stops), tuple(segments), tuple(cuts), position)


def _ticks_along(scale: Scale, minimum: float) -> list[tuple[dt.date, float, str]]:
    """Month starts (with the year at a stretch's first and wherever the year changes), never
    closer than ``minimum``; a stretch with no month start in it gets its first day."""
    found: list[tuple[dt.date, float, str]] = []
    last = -1e9
    for first, end in scale.segments:
        month = dt.date(first.year, first.month, 1)
        if month < first:
            month = dt.date(month.year + (month.month == 12), month.month % 12 + 1, 1)
        placed = False
        while month <= end:
            position = scale.at(month)
            label = SHORT_MONTHS[month.month - 1]
            if not placed or not found or found[-1][0].year != month.year:
                label = f"{label} {month.year}"
            if position - last >= minimum:
                found.append((month, position, label))
                last = position
                placed = True
            month = dt.date(month.year + (month.month == 12), month.month % 12 + 1, 1)
        if not placed:
            position = scale.at(first)
            if position - last >= minimum:
                found.append((first, position, short_date(first)))
                last = position
    return found


# -- Shared pieces ------------------------------------------------------------------------


def _date_order(marks: Sequence[Mark]) -> list[Mark]:
    return sorted(marks, key=lambda m: (m.last, m.first or dt.date.min, m.kind, m.key))


def _arrow(x1: float, y1: float, x2: float, y2: float, bend: float) -> str:
    """A curved line from (x1, y1) to (x2, y2), bowed by ``bend``, ending in an arrowhead
    at (x2, y2) that stops short of the mark."""
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy) or 1.0
    # the control point, off the straight line by ``bend``
    cx, cy = mx - dy / length * bend, my + dx / length * bend
    # stop 9 units short of the target, along the curve's last direction
    ex, ey = x2 - cx, y2 - cy
    tail = math.hypot(ex, ey) or 1.0
    tx, ty = x2 - ex / tail * 9, y2 - ey / tail * 9
    ux, uy = ex / tail, ey / tail
    left = (tx - ux * 7 - uy * 4, ty - uy * 7 + ux * 4)
    right = (tx - ux * 7 + uy * 4, ty - uy * 7 - ux * 4)
    return (
        f"M{x1:.0f} {y1:.0f} Q{cx:.0f} {cy:.0f} {tx:.0f} {ty:.0f} "
        f"M{tx:.0f} {ty:.0f} L{left[0]:.0f} {left[1]:.0f} L{right[0]:.0f} {right[1]:.0f} Z"
    )


def _ties(shapes: dict[str, Shape], ties: Sequence[Tie], bend: float) -> tuple[str, ...]:
    paths = []
    for tie in ties:
        answer, answered = shapes.get(tie.answer), shapes.get(tie.answered)
        if answer is None or answered is None or answer is answered:
            continue
        paths.append(_arrow(answer.cx, answer.cy, answered.cx, answered.cy, bend))
    return tuple(paths)


def _text(lines: tuple[str, ...], x: float, y: float, anchor: str, size: float = FONT) -> Text:
    """Text whose first line's top is at ``y``."""
    width = max(text_width(line, size) for line in lines)
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    height = LINE * len(lines)
    return Text(lines, round(x), round(y + size), anchor, Box(left, y, width, height))


def _place_rows(
    wanted: Sequence[tuple[float, float]], top: float, step: float, upward: bool
) -> list[float]:
    """For boxes (left edge, width) in order, the first row (from ``top``, one ``step`` per
    row, up or down) where each overlaps nothing placed before it. Returns each box's row
    position."""
    rows: list[list[tuple[float, float]]] = []
    placed: list[float] = []
    for left, width in wanted:
        row = 0
        while row < len(rows) and any(
            left < other + w + 12 and other < left + width + 12 for other, w in rows[row]
        ):
            row += 1
        if row == len(rows):
            rows.append([])
        rows[row].append((left, width))
        placed.append(top - row * step if upward else top + row * step)
    return placed


# -- The wide drawing ----------------------------------------------------------------------

WIDE_WIDTH = 940
"""About the content width of a desk screen (the timeline page hides its contents panel)."""
WIDE_LEFT = 112
"""Room for the lanes' names."""
WIDE_RIGHT = 16
WIDE_BAND_WIDTH = 190
"""Widest an exchange's name is set."""
WIDE_MOMENT_WIDTH = 170
"""Widest a moment's words are set."""
OPEN_START = 22.0
"""Length of the fading bar before a mark whose start is unknown."""


def _hit(cx: float, cy: float) -> Box:
    return Box(round(cx - TARGET / 2), round(cy - TARGET / 2), TARGET, TARGET)


def _shape(mark: Mark, cx: float, cy: float, span: Box | None, open_start: bool) -> Shape:
    return Shape(
        mark.kind,
        mark.state,
        round(cx),
        round(cy),
        span,
        open_start,
        mark.label,
        mark.href,
        _hit(cx, cy),
        mark.count,
    )


def _moment_layout(
    items: Sequence[Moment], centre_of: dict[str, float], lo: float, hi: float
) -> list[tuple[Moment, tuple[str, ...], float, float]]:
    """Each moment's lines and left edge, centred over its marks within [lo, hi]."""
    found = []
    for moment in items:
        xs = [centre_of[k] for k in moment.keys if k in centre_of]
        centre = sum(xs) / len(xs) if xs else lo
        lines = wrap(moment.label, WIDE_MOMENT_WIDTH, most=3)
        width = max(text_width(line) for line in lines)
        left = min(max(centre - width / 2, lo), hi - width)
        found.append((moment, lines, left, width))
    return sorted(found, key=lambda item: item[2])


Placement = tuple[Mark, float, float, bool, int]
"""A mark on the wide drawing: the mark, its start and end x, whether its start is unknown,
and its level in its lane."""
Laid = tuple[Moment, tuple[str, ...], float, float]
"""A moment's words: the moment, its lines, their left edge and width."""


def _wide_marks(
    marks: Sequence[Mark], lanes: Sequence[str], scale: Scale
) -> tuple[list[Placement], dict[str, int]]:
    """x by date; in each lane, marks that would touch stack in levels. Returns each mark's
    placement and each lane's number of levels."""
    placed: list[Placement] = []
    levels: dict[str, list[list[tuple[float, float]]]] = {lane: [] for lane in lanes}
    for mark in _date_order(marks):
        x2 = scale.at(mark.last)
        open_start = mark.first is None or not scale.same_stretch(mark.first, mark.last)
        x1 = x2 - OPEN_START if open_start else scale.at(mark.first)  # type: ignore[arg-type]
        taken = levels[mark.lane]
        level = 0
        while level < len(taken) and any(
            x1 - TARGET / 2 - 2 < b and x2 + TARGET / 2 + 2 > a for a, b in taken[level]
        ):
            level += 1
        if level == len(taken):
            taken.append([])
        taken[level].append((x1 - TARGET / 2, x2 + TARGET / 2))
        placed.append((mark, x1, x2, open_start, level))
    return placed, {lane: len(found) for lane, found in levels.items() if found}


def _wide_band_names(
    bands: Sequence[Band], scale: Scale
) -> list[tuple[Band, tuple[str, ...], float, float, float, float, int]]:
    """Each band's name: lines, left edge, width, the band's own extent, and its row (as few
    rows as keep the names apart)."""
    found = []
    for band in bands:
        x1, x2 = scale.at(band.first) - 14, scale.at(band.last) + 14
        lines = wrap(band.short or band.label, max(min(x2 - x1, WIDE_BAND_WIDTH), 150), most=3)
        width = max(text_width(line) for line in lines)
        x = min(max((x1 + x2) / 2 - width / 2, 8), WIDE_WIDTH - 8 - width)
        found.append((band, lines, x, width, x1, x2))
    rows = _place_rows([(b[2], b[3]) for b in found], 0.0, 1.0, upward=False)
    return [(*b, int(row)) for b, row in zip(found, rows, strict=True)]


WIDE_MOMENT_ROW = LINE * 3 + 10
WIDE_BAND_ROW = LINE * 3 + 8


def _wide_moment_rows(
    items: list[Laid], top: float, down: bool
) -> tuple[list[tuple[Moment, Text, bool]], float]:
    """Moments' words in rows from ``top``, their lines running down to the lane below them
    (``down``) or up to the lane above; and the height they take."""
    rows = _place_rows([(x, w) for _, _, x, w in items], 0.0, 1.0, upward=False)
    count = int(max(rows, default=-1)) + 1
    found = []
    for (moment, lines, x, width), row in zip(items, rows, strict=True):
        if down:  # words sit on the row's floor, nearest their lane
            row_top = top + (count - 1 - row) * WIDE_MOMENT_ROW + (3 - len(lines)) * LINE
        else:
            row_top = top + 4 + row * WIDE_MOMENT_ROW
        found.append((moment, _text(lines, x + width / 2, row_top, "middle"), down))
    return found, count * WIDE_MOMENT_ROW


def _wide(
    marks: Sequence[Mark],
    lanes: Sequence[str],
    bands: Sequence[Band],
    moments: Sequence[Moment],
    ties: Sequence[Tie],
) -> Drawing:
    """Left to right. Top to bottom: the exchanges' names, the first side's moments, its
    lane, the second side's lane, its moments (a mirror of the first), then the events and
    everyone else."""
    days = [m.last for m in marks] + [m.first for m in marks if m.first is not None]
    left, right = WIDE_LEFT + 30, WIDE_WIDTH - WIDE_RIGHT - 14
    scale = build_scale(days, left, slot=6.0, cut=46.0, length=right - left)
    placed, levels = _wide_marks(marks, lanes, scale)
    used = [lane for lane in lanes if lane in levels]
    lane_of = {m.key: m.lane for m in marks}
    centre_of = {mark.key: x2 for mark, _, x2, _, _ in placed}
    by_lane: dict[str, list[Moment]] = {lane: [] for lane in used}
    for moment in moments:
        by_lane[next((lane_of[k] for k in moment.keys if k in lane_of), used[0])].append(moment)
    laid = {
        lane: _moment_layout(items, centre_of, 8, WIDE_WIDTH - 8) for lane, items in by_lane.items()
    }
    names = _wide_band_names(bands, scale)

    y = 4.0 + (max((n[-1] for n in names), default=-1) + 1) * WIDE_BAND_ROW
    callouts_at, height = _wide_moment_rows(laid[used[0]], y, down=True)
    y += height
    lane_views: list[LaneView] = []
    lane_top: dict[str, float] = {}
    for index, lane in enumerate(used):
        height = levels[lane] * STEP + 18
        lane_top[lane] = y
        lines = wrap(lane, WIDE_LEFT - 12, most=2)
        text = _text(lines, 8, y + height / 2 - LINE * len(lines) / 2 - 3, "start")
        lane_views.append(LaneView(lane, text, Box(0, y, WIDE_WIDTH, height), index % 2 == 1))
        y += height
        if index >= 1 and laid[lane]:
            found, height = _wide_moment_rows(laid[lane], y, down=False)
            callouts_at += found
            y += height
    axis_y = y + 8

    shapes: dict[str, Shape] = {}
    for mark, x1, x2, open_start, level in placed:
        cy = lane_top[mark.lane] + 9 + STEP / 2 + level * STEP
        span = None
        if open_start or x2 - x1 > 4:
            span = Box(round(x1), round(cy - 3), round(x2 - x1), 6)
        shapes[mark.key] = _shape(mark, x2, cy, span, open_start)
    band_views = []
    for index, (band, lines, x, width, x1, x2, row) in enumerate(names):
        text_top = 4 + row * WIDE_BAND_ROW + (3 - len(lines)) * LINE
        text = _text(lines, x + width / 2, text_top, "middle")
        box_top = text_top + LINE * len(lines) + 4
        box = Box(round(x1), round(box_top), round(x2 - x1), round(axis_y - box_top))
        band_views.append(BandView(box, text, band.href, band.name, index % 2 == 1, ""))
    ticks, cuts = _wide_axis(scale, axis_y)
    return Drawing(
        name="wide",
        width=WIDE_WIDTH,
        height=math.ceil(axis_y + 50),
        lanes=tuple(lane_views),
        bands=tuple(band_views),
        shapes=tuple(shapes[m.key] for m in _date_order(marks)),
        callouts=tuple(
            (_callout_down if down else _callout_up)(moment, text, shapes)
            for moment, text, down in callouts_at
        ),
        ties=_ties(shapes, ties, bend=14.0),
        ticks=tuple(ticks),
        cuts=tuple(cuts),
        guides=(f"M{left - 24} {axis_y:.0f} H{WIDE_WIDTH - WIDE_RIGHT}",),
    )


def _wide_axis(scale: Scale, axis_y: float) -> tuple[list[Tick], list[Cut]]:
    """Month labels under the axis, and the cuts with their length in two short lines."""
    cuts = []
    for before, after, x in scale.cuts:
        lines, words = _gap_words(before, after)
        path = f"M{x - 6:.0f} {axis_y - 7:.0f} l5 14 M{x + 1:.0f} {axis_y - 7:.0f} l5 14"
        cuts.append(Cut(path, _text(lines, x, axis_y + 8, "middle"), words))
    ticks = []
    for _, x, label in _ticks_along(scale, 74):
        text = _text((label,), x, axis_y + 8, "middle")
        if any(text.box.overlaps(cut.text.box, 4) for cut in cuts):
            continue
        ticks.append(Tick(text, Box(round(x), axis_y, 0, 6)))
    return ticks, cuts


def _callout_down(moment: Moment, text: Text, shapes: dict[str, Shape]) -> Callout:
    """A moment's words above its marks, with lines down to each."""
    bottom = text.box.y + text.box.h + 1
    centre = text.box.x + text.box.w / 2
    paths = [
        f"M{centre:.0f} {bottom:.0f} L{s.cx:.0f} {s.cy - 10:.0f}"
        for s in (shapes[k] for k in moment.keys if k in shapes)
    ]
    return Callout(text, " ".join(paths), moment.href, moment.name)


def _callout_up(moment: Moment, text: Text, shapes: dict[str, Shape]) -> Callout:
    """A moment's words below its marks, with lines up to each."""
    top = text.box.y - 1
    centre = text.box.x + text.box.w / 2
    paths = [
        f"M{centre:.0f} {top:.0f} L{s.cx:.0f} {s.cy + 10:.0f}"
        for s in (shapes[k] for k in moment.keys if k in shapes)
    ]
    return Callout(text, " ".join(paths), moment.href, moment.name)


# -- The narrow drawing --------------------------------------------------------------------

NARROW_WIDTH = 380
"""About the content width of a 412 px phone: shown at its own size there, never below 12 px
type at 360 px."""
NARROW_TOP = 54
"""Room for the columns' names."""
NARROW_SPREAD = 56
"""How far each side's column stands from the middle one."""


@dataclass(frozen=True)
class _Columns:
    """Where the narrow drawing's columns stand, and which way each steps aside."""

    sides: tuple[str, str]
    x: dict[str, float]
    outward: dict[str, float]

    @classmethod
    def of(cls, lanes: Sequence[str], sides: tuple[str, str]) -> _Columns:
        middle = NARROW_WIDTH / 2
        x = dict.fromkeys(lanes, middle)
        x[sides[0]], x[sides[1]] = middle - NARROW_SPREAD, middle + NARROW_SPREAD
        outward = dict.fromkeys(lanes, 1.0)
        outward[sides[0]] = -1.0
        return cls(sides, x, outward)

    def free_x(self, lane: str, y: float, taken: list[tuple[float, float]]) -> float:
        """The lane's column, else the nearest free place outwards (either way from the
        middle), clear of the targets ``taken``."""
        step = TARGET + 2
        offsets = (
            [self.outward[lane] * step * i for i in range(8)]
            if lane in self.sides
            else [step * (i // 2 + 1) * (1 if i % 2 else -1) for i in range(-1, 14)]
        )
        for offset in offsets:
            candidate = _hit(self.x[lane] + offset, y)
            if not any(candidate.overlaps(_hit(tx, ty), 1) for tx, ty in taken):
                return self.x[lane] + offset
        return self.x[lane]


def _narrow_marks(marks: Sequence[Mark], scale: Scale, columns: _Columns) -> dict[str, Shape]:
    """y by date; two on the same day in one column step aside."""
    shapes: dict[str, Shape] = {}
    taken: list[tuple[float, float]] = []
    for mark in _date_order(marks):
        y2 = scale.at(mark.last)
        open_start = mark.first is None or not scale.same_stretch(mark.first, mark.last)
        y1 = y2 - OPEN_START if open_start else scale.at(mark.first)  # type: ignore[arg-type]
        x = columns.free_x(mark.lane, y2, taken)
        taken.append((x, y2))
        span = None
        if open_start:
            span = Box(round(x - 3), round(y1), 6, round(y2 - y1))
        elif y2 - y1 > 4:
            # beside the column, not down it: a stretch of days passes other marks
            side = columns.outward.get(mark.lane, 1.0) if mark.lane in columns.sides else -1.0
            span = Box(round(x + side * 10 - 1.5), round(y1), 3, round(y2 - y1))
        shapes[mark.key] = _shape(mark, x, y2, span, open_start)
    return shapes


def _narrow_lanes(
    columns: _Columns, used: Sequence[str], bottom: float
) -> tuple[list[LaneView], tuple[str, ...]]:
    """The columns' names (the two sides at either edge, the rest in the middle) and their
    guide lines."""
    width, middle = float(NARROW_WIDTH), NARROW_WIDTH / 2
    first, second = columns.sides
    views = [
        LaneView(
            first,
            _text(wrap(first, middle - 12, most=2), 4, 4, "start"),
            Box(columns.x[first], NARROW_TOP, 0, bottom - NARROW_TOP),
            False,
        ),
        LaneView(
            second,
            _text(wrap(second, middle - 12, most=2), width - 4, 4, "end"),
            Box(columns.x[second], NARROW_TOP, 0, bottom - NARROW_TOP),
            False,
        ),
    ]
    rest = [lane for lane in used if lane not in columns.sides]
    if rest:
        label = " and ".join(rest)
        views.append(
            LaneView(
                label,
                _text(wrap(label, width, most=1), middle, 4 + LINE * 2, "middle"),
                Box(middle, NARROW_TOP + 8, 0, bottom - NARROW_TOP - 8),
                False,
            )
        )
    guides = tuple(
        f"M{lane.box.x:.0f} {lane.box.y:.0f} V{lane.box.y + lane.box.h:.0f}" for lane in views
    )
    return views, guides


def _narrow(
    marks: Sequence[Mark],
    lanes: Sequence[str],
    sides: tuple[str, str],
    bands: Sequence[Band],
    moments: Sequence[Moment],
    ties: Sequence[Tie],
) -> Drawing:
    """Top to bottom: the first side's column left of the middle, the other's right, events
    and everyone else in the middle; each exchange opens with its name; each moment is a
    row of words on its side's half, just before its day."""
    width = float(NARROW_WIDTH)
    columns = _Columns.of(lanes, sides)
    by_key = {m.key: m for m in marks}

    def first_day(moment: Moment) -> dt.date | None:
        return min((by_key[k].last for k in moment.keys if k in by_key), default=None)

    # Room before a day: each band's name, each moment's words.
    band_lines = [wrap(b.label, width - 16, size=15, most=2) for b in bands]
    moment_lines = [wrap(m.label, width * 0.66, most=3) for m in moments]
    room: dict[dt.date, float] = defaultdict(float)
    for band, lines in zip(bands, band_lines, strict=True):
        room[band.first] += LINE * len(lines) + 18
    for moment, lines in zip(moments, moment_lines, strict=True):
        if (day := first_day(moment)) is not None:
            room[day] += LINE * len(lines) + 14
    days = [m.last for m in marks] + [m.first for m in marks if m.first is not None]
    scale = build_scale(
        [*days, *(b.first for b in bands)],
        NARROW_TOP + 16,
        slot=TARGET + 2,
        cut=60.0,
        per_day=0.12,
        room_before=dict(room),
    )
    shapes = _narrow_marks(marks, scale, columns)
    bottom = max((s.hit.y + s.hit.h for s in shapes.values()), default=scale.end) + 20

    # Bands: a heading row each, then a stripe to its last mark.
    band_views = []
    filled: dict[dt.date, float] = defaultdict(float)
    for index, (band, lines) in enumerate(zip(bands, band_lines, strict=True)):
        top = scale.at(band.first) - room[band.first] + filled[band.first]
        filled[band.first] += LINE * len(lines) + 18
        inside = [s.cy for k, s in shapes.items() if band.first <= by_key[k].last <= band.last]
        end = max(inside, default=scale.at(band.last)) + 18
        box = Box(0, round(top), width, round(end - top))
        text = _text(lines, 8, top + 6, "start", 15)
        band_views.append(BandView(box, text, band.href, band.name, index % 2 == 1, ""))

    # Moments: words on their side's half, just before their day.
    callouts = []
    for moment, lines in zip(moments, moment_lines, strict=True):
        if (day := first_day(moment)) is None:
            continue
        top = scale.at(day) - room[day] + filled[day] + 2
        filled[day] += LINE * len(lines) + 14
        lane = next((by_key[k].lane for k in moment.keys if k in by_key), sides[0])
        if columns.outward[lane] < 0:
            text = _text(lines, 8, top, "start")
        else:
            text = _text(lines, width - 8, top, "end")
        callouts.append(_callout_down(moment, text, shapes))

    words = [b.text.box for b in band_views] + [c.text.box for c in callouts]
    shapes = {key: _clear_of(shape, words) for key, shape in shapes.items()}
    used = list(dict.fromkeys(m.lane for m in _date_order(marks)))
    lane_views, guides = _narrow_lanes(columns, used, bottom)
    ticks, cuts = _narrow_axis(
        scale, [c.text.box for c in callouts] + [b.text.box for b in band_views], shapes
    )
    return Drawing(
        name="narrow",
        width=NARROW_WIDTH,
        height=math.ceil(bottom),
        lanes=tuple(lane_views),
        bands=tuple(band_views),
        shapes=tuple(shapes[m.key] for m in _date_order(marks)),
        callouts=tuple(callouts),
        ties=_ties(shapes, ties, bend=-20.0),
        ticks=tuple(ticks),
        cuts=tuple(cuts),
        guides=guides,
    )


WEEKLY_OVER = 250
"""Past this many entries, marks of one kind in one lane are drawn one a week (and past
three times as many, one a month), so the chart's weight stays near a page's budget
however long the story grows."""


def _period(mark: Mark, total: int) -> tuple[object, str | None]:
    """The stretch a mark is grouped by: its own dates; or, on a long chart, its week or its
    month, with the words that name it."""
    day = mark.last
    if total > 3 * WEEKLY_OVER:
        return (day.year, day.month), f"{SHORT_MONTHS[day.month - 1]} {day.year}"
    if total > WEEKLY_OVER:
        monday = day - dt.timedelta(days=day.weekday())
        return monday, f"Week of {short_date(monday)}"
    return (mark.first, mark.last), None


def group_marks(marks: Sequence[Mark]) -> tuple[list[Mark], dict[str, str]]:
    """Marks of one kind, in one lane, on the same dates (on a long chart, in the same week
    or month), drawn as one mark that counts them: seven claims made the same day are one
    dot marked 7. Returns the marks to draw and, for each original mark, the key of the mark
    it is drawn as."""
    groups: dict[tuple[str, str, object], list[Mark]] = {}
    names: dict[tuple[str, str, object], str | None] = {}
    for mark in _date_order(marks):
        period, name = _period(mark, len(marks))
        key = (mark.lane, mark.kind, period)
        groups.setdefault(key, []).append(mark)
        names[key] = name
    drawn: list[Mark] = []
    drawn_as: dict[str, str] = {}
    for key, members in groups.items():
        lane, kind, _ = key
        head = members[0]
        for member in members:
            drawn_as[member.key] = head.key
        if len(members) == 1:
            drawn.append(head)
            continue
        date = names[key] or head.label.split(": ", 1)[0]
        titles = [m.label.split(": ", 1)[-1] for m in members]
        shown = "; ".join(titles[:3]) + (f"; and {len(titles) - 3} more" if len(titles) > 3 else "")
        words = KIND_WORDS.get(kind, ("entry", "entries"))[1]
        firsts = [m.first for m in members]
        drawn.append(
            Mark(
                key=head.key,
                kind=kind,
                lane=lane,
                first=None if None in firsts else min(f for f in firsts if f is not None),
                last=max(m.last for m in members),
                label=f"{date}: {len(members)} {words} ({lane}): {shown}",
                href=head.href,
                state=head.state,
                count=len(members),
            )
        )
    return drawn, drawn_as


KIND_WORDS = {
    "claim": ("claim", "claims"),
    "answer": ("answer", "answers"),
    "position": ("standing position", "standing positions"),
    "event": ("event", "events"),
}


def _narrow_axis(
    scale: Scale, taken_boxes: list[Box], shapes: dict[str, Shape]
) -> tuple[list[Tick], list[Cut]]:
    """Dates at the right edge, at month starts, where nothing else is; each cut as a line
    across the columns with its length in words."""
    width = float(NARROW_WIDTH)
    middle = width / 2
    ticks = []
    for _, y, label in _ticks_along(scale, 40):
        text = _text((label,), width - 4, y - 9, "end")
        if any(text.box.overlaps(box, 2) for box in taken_boxes):
            continue
        if any(text.box.overlaps(s.hit) for s in shapes.values()):
            continue
        ticks.append(Tick(text, Box(width - 2, round(y), 2, 0)))
    cuts = []
    for before, after, y in scale.cuts:
        _, words = _gap_words(before, after)
        path = f"M{middle - 90:.0f} {y + 14:.0f} h180"
        text = _text((f"≈ {words.removeprefix('about ')}",), middle, y - 12, "middle")
        cuts.append(Cut(path, text, words))
    return ticks, cuts


def build_chart(
    marks: Sequence[Mark],
    lanes: Sequence[str],
    sides: tuple[str, str] | None = None,
    bands: Sequence[Band] = (),
    moments: Sequence[Moment] = (),
    ties: Sequence[Tie] = (),
) -> Chart | None:
    """Lay out the marks in ``lanes`` (in order; ``sides`` are the dispute's two, drawn in
    the same terms side by side), with the exchanges, moments and ties; None when nothing
    is dated."""
    if not marks:
        return None
    order = [lane for lane in lanes if any(m.lane == lane for m in marks)]
    if sides is None or not all(side in order for side in sides):
        sides = (order[0], order[1] if len(order) > 1 else order[0])
    rest = sorted((lane for lane in order if lane not in sides), key=lambda lane: lane != "Events")
    wide_order = [*dict.fromkeys([sides[0], sides[1], *rest])]
    drawn, drawn_as = group_marks(marks)
    moments = [
        Moment(
            m.label,
            tuple(dict.fromkeys(drawn_as[k] for k in m.keys if k in drawn_as)),
            m.href,
            m.name,
        )
        for m in moments
        if any(k in drawn_as for k in m.keys)
    ]
    tied = sorted(
        {
            (drawn_as[t.answer], drawn_as[t.answered])
            for t in ties
            if t.answer in drawn_as and t.answered in drawn_as
        }
    )
    drawn_ties = [Tie(a, b) for a, b in tied if a != b]
    days = [m.last for m in marks] + [m.first for m in marks if m.first is not None]
    return Chart(
        wide=_wide(drawn, wide_order, bands, moments, drawn_ties),
        narrow=_narrow(drawn, order, sides, bands, moments, drawn_ties),
        first=short_date(min(days)),
        last=short_date(max(days)),
        count=len(marks),
        bands=len(bands),
        moments=len(moments),
        ties=sum(1 for t in ties if t.answer in drawn_as and t.answered in drawn_as),
    )
